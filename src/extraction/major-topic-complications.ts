import { headingEvidence } from './evidence.factory';
import { TermKind } from './domain-values';
import { ExtractionInput, ExtractionResult, VocabularyEntry } from './extraction.types';

/** Complication terms of the whole vocabulary by MeSH descriptor UI, curated first. */
export function complicationsByMeshUi(entries: readonly VocabularyEntry[]): Map<string, VocabularyEntry> {
  const byUi = new Map<string, VocabularyEntry>();
  for (const entry of entries) {
    if (entry.kind !== TermKind.COMPLICATION || !entry.meshUi) continue;
    const held = byUi.get(entry.meshUi);
    if (!held || (held.source === 'mesh' && entry.source !== 'mesh')) byUi.set(entry.meshUi, entry);
  }
  return byUi;
}

/**
 * Pure: a single-patient report whose text rules found no complication gets the complications its
 * major-topic MeSH headings name, from the whole vocabulary (a case report on any complication then
 * lands in the facet tree). Major topics are what NLM indexers judged the article to be about; the
 * other headings (comorbidities, background) are not used. Method MESH_MAPPING, confidence 0.5.
 */
export function addMajorTopicComplications(result: ExtractionResult, input: ExtractionInput, byUi: ReadonlyMap<string, VocabularyEntry>): ExtractionResult {
  if (result.patients.length !== 1 || result.patients[0].complications.length) return result;
  const patient = result.patients[0];
  const seen = new Set<string>();
  const complications = input.meshHeadings.flatMap((heading) => {
    const entry = heading.majorTopic && heading.descriptorUi ? byUi.get(heading.descriptorUi) : undefined;
    if (!entry || seen.has(entry.key)) return [];
    seen.add(entry.key);
    return [{ termKey: entry.key, kind: entry.kind, evidence: headingEvidence('mesh', heading.label, 'MESH_MAPPING', 0.5), onsetHours: null, procedureIndex: null, diagnosis: null }];
  });
  return complications.length ? { ...result, patients: [{ ...patient, complications }] } : result;
}
