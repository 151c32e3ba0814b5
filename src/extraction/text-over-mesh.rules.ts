import { TermKind } from './domain-values';
import type { TermMention } from './term-assignment.rules';
import type { VocabularyMatcher } from './vocabulary-matcher';

/**
 * MeSH headings index what an article is about, including its background ("Spinal Puncture",
 * "Anesthesia, Spinal", "Headache" on a report of a haematoma after a blood patch for a post-dural
 * puncture headache). When the abstract tells the case, the text decides:
 * - a procedure or symptom heading is kept only when the text names no procedure (symptom) at all;
 * - a complication heading is dropped when the text names another complication of the same parent
 *   (the text's "subarachnoid hematoma" over the heading "Hematoma, Epidural, Spinal").
 * - (rules 1.5.0) a complication heading is dropped when the text names that complication only negated or hedged
 *   (`hedgedKeys`: kind:key of the text's non-asserted mentions).
 * Without an abstract (or without any text fact of the kind) the headings are all there is, and stay.
 */
export function textOverMesh(mentions: TermMention[], matcher: VocabularyMatcher, hasAbstract: boolean, hedgedKeys: ReadonlySet<string> = new Set()): TermMention[] {
  if (!hasAbstract || !mentions.some((m) => m.evidence.method === 'MESH_MAPPING')) return mentions;
  const text = mentions.filter((m) => m.evidence.method !== 'MESH_MAPPING');
  const textKinds = new Set(text.map((m) => m.kind));
  const textKeys = new Set(text.map((m) => `${m.kind}:${m.key}`));
  const parentOf = (kind: TermKind, key: string) => matcher.byKey(kind, key)?.parentKey ?? null;
  const textParents = new Set(text.filter((m) => m.kind === TermKind.COMPLICATION).map((m) => parentOf(m.kind, m.key)).filter((p): p is string => p !== null));
  const textComplicationWords = text.filter((m) => m.kind === TermKind.COMPLICATION).map((m) => new Set(headingWords(m.evidence.text)));
  return mentions.filter((m) => {
    if (m.evidence.method !== 'MESH_MAPPING' || textKeys.has(`${m.kind}:${m.key}`)) return true;
    // Rules 1.5.0: the text names the heading's complication only as negated or hedged ("initially misdiagnosed as a
    // post-dural puncture headache"): the heading indexes the discussion, not a finding of the patient.
    if (m.kind === TermKind.COMPLICATION && hedgedKeys.has(`${m.kind}:${m.key}`)) return false;
    if (m.kind === TermKind.PROCEDURE || m.kind === TermKind.SYMPTOM) return !textKinds.has(m.kind);
    if (m.kind === TermKind.COMPLICATION) {
      // Rules 1.6.0: the heading is another wording of a complication the text names ("Hematoma, Subdural" beside the text's
      // "acute subdural hematoma"): every word of the heading is in that mention, so the text's more specific key stands.
      const words = headingWords(m.evidence.text);
      if (words.length > 0 && textComplicationWords.some((set) => words.every((w) => set.has(w)))) return false;
      const parent = parentOf(m.kind, m.key);
      return parent === null || !textParents.has(parent);
    }
    return true;
  });
}

/** The words of a heading or a mention, British spellings folded ("Hematoma, Subdural" → hematoma, subdural). */
function headingWords(label: string): string[] {
  return label
    .toLowerCase()
    .replace(/haem/g, 'hem')
    .replace(/oe/g, 'e')
    .split(/[^a-z0-9]+/)
    .filter((w) => w.length > 2)
    .map((w) => (w.length > 4 && w.endsWith('s') ? w.slice(0, -1) : w));
}

const EPIDURAL_FAMILY = 'epidural-anesthesia';
const CSE_PARTS = ['epidural-anesthesia', 'labour-epidural-analgesia'];
/** Procedures that puncture the dura on purpose: beside them a "dural puncture" is no accident. */
const INTENDED_DURAL_PUNCTURE = ['spinal-anesthesia', 'lumbar-puncture', 'combined-spinal-epidural', 'dural-puncture-epidural', 'myelography', 'intrathecal-injection'];

/**
 * Procedures named again in other words:
 * - "On the second day after epidural injection" after a labour epidural: the bare "epidural injection"
 *   is that epidural, not a second procedure (dropped beside any epidural anaesthesia or analgesia);
 * - "labor epidural analgesia ... complicated by dural puncture": a dural puncture during an epidural
 *   (and no procedure that punctures the dura on purpose) is the accidental dural puncture.
 */
export function procedureAnaphora(mentions: TermMention[], matcher: VocabularyMatcher): TermMention[] {
  const procedures = mentions.filter((m) => m.kind === TermKind.PROCEDURE);
  if (procedures.length < 2) return mentions;
  const intended = procedures.some((m) => INTENDED_DURAL_PUNCTURE.includes(m.key));
  // Rules 1.4.0: "CSF leakage following dural puncture" beside a spinal anaesthesia (or a lumbar puncture) is
  // that procedure's own puncture, not a second procedure ("spinal anesthesia, in which dural puncture is intrinsic").
  if (intended) mentions = mentions.filter((m) => !(m.kind === TermKind.PROCEDURE && m.key === 'dural-puncture'));
  // Rules 1.4.0: beside a combined spinal-epidural, "epidural analgesia was maintained" is the CSE's own epidural part.
  if (procedures.some((m) => m.key === 'combined-spinal-epidural')) mentions = mentions.filter((m) => !(m.kind === TermKind.PROCEDURE && CSE_PARTS.includes(m.key)));
  const isEpidural = (m: TermMention) => m.key === EPIDURAL_FAMILY || matcher.ancestors(m.kind, m.key).includes(EPIDURAL_FAMILY);
  const epidural = procedures.some(isEpidural);
  if (!epidural) return mentions;
  const accidental = matcher.byKey(TermKind.PROCEDURE, 'accidental-dural-puncture') !== undefined;
  const out: TermMention[] = [];
  for (const m of mentions) {
    if (m.kind === TermKind.PROCEDURE && m.key === 'epidural-injection' && /^epidural injections?$/i.test(m.evidence.text.trim())) continue;
    if (m.kind === TermKind.PROCEDURE && m.key === 'dural-puncture' && !intended && accidental) {
      out.push({ ...m, key: 'accidental-dural-puncture' });
      continue;
    }
    out.push(m);
  }
  return out;
}
