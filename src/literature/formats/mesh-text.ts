/**
 * MeSH headings written as text, where a format has no structured place for them (RIS KW lines,
 * the BibTeX `mesh` field, the CSV `mesh_headings` column): MEDLINE's notation, an asterisk before a
 * major topic, with the descriptor UI in brackets when it is known:
 *   "*Hematoma, Epidural, Spinal [D020758]", "Anticoagulants [D000925]", "Lumbar Vertebrae".
 * Qualifiers written the MEDLINE way ("Hematoma/*surgery") are read too (a starred qualifier makes the
 * heading a major topic) and dropped, as the MEDLINE parser does.
 */
import { cleanText } from '../normalise';
import type { ParsedMeshHeading } from '../parsed-publication';

/** RIS has no MeSH tag: the headings go in KW lines with this prefix, so that they re-import as MeSH and not as keywords. */
export const RIS_MESH_PREFIX = 'MeSH: ';

export function meshHeadingToText(heading: { label: string; descriptorUi: string | null; majorTopic: boolean }): string {
  return `${heading.majorTopic ? '*' : ''}${heading.label}${heading.descriptorUi ? ` [${heading.descriptorUi}]` : ''}`;
}

/** The reverse of meshHeadingToText; null for an empty value. */
export function parseMeshHeadingText(raw: string): ParsedMeshHeading | null {
  let text = cleanText(raw);
  if (!text) return null;
  let descriptorUi: string | null = null;
  const ui = /\s*\[\s*(D\d{6,9})\s*\]\s*$/.exec(text);
  if (ui) {
    descriptorUi = ui[1];
    text = text.slice(0, ui.index);
  }
  const parts = text.split('/').map((part) => part.trim());
  const label = cleanText(parts[0].replace(/^\*\s*/, ''));
  if (!label) return null;
  return { descriptorUi, label, majorTopic: parts.some((part) => part.startsWith('*')) };
}

/** "A [D1]; *B" -> headings (MeSH names never hold a ";"), first of each label kept. */
export function parseMeshHeadingList(raw: string | null | undefined, pieces: readonly string[] = (raw ?? '').split(/[;\n]/)): ParsedMeshHeading[] {
  const seen = new Set<string>();
  const out: ParsedMeshHeading[] = [];
  // `pieces`: the headings already split (BibTeX splits outside braces, so a braced heading may hold a ";").
  for (const piece of pieces) {
    const heading = parseMeshHeadingText(piece);
    if (!heading || seen.has(heading.label.toLowerCase())) continue;
    seen.add(heading.label.toLowerCase());
    out.push(heading);
  }
  return out;
}

/** A RIS KW value "MeSH: *Label [D…]" as a heading; null when the value is an ordinary keyword. */
export function risKeywordAsMesh(value: string): ParsedMeshHeading | null {
  const match = /^\s*MeSH\s*:\s*(.+)$/i.exec(value);
  return match ? parseMeshHeadingText(match[1]) : null;
}
