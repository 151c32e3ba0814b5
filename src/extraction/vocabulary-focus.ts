import { TermKind } from './domain-values';
import { VocabularyEntry } from './extraction.types';

/**
 * The part of the vocabulary that text rules assert from: every curated term, and the MeSH-seeded terms
 * that sit under a curated term of the same kind (e.g. "Hematoma, Subdural, Chronic" under the curated
 * hematoma tree). The rest of MeSH (every disease and technique) stays in the vocabulary for browsing
 * (facets, curation), but matching all of it, in free text or from MeSH headings, asserts every
 * disease named in an abstract (comorbidities, differential diagnoses, background) as a complication:
 * on the labelled set that dropped complication precision from 0.94 to 0.25 (bench/extraction/README.md).
 */
export function focusVocabulary(entries: readonly VocabularyEntry[]): VocabularyEntry[] {
  // Treatments stay curated only: MeSH's surgical and therapeutic branches under the curated
  // treatment groups made every operation or drug named in an abstract a treatment (precision 0.58).
  const byKey = new Map(entries.map((entry) => [`${entry.kind}:${entry.key}`, entry]));
  const underCurated = new Map<string, boolean>();
  const isUnderCurated = (entry: VocabularyEntry): boolean => {
    const id = `${entry.kind}:${entry.key}`;
    const known = underCurated.get(id);
    if (known !== undefined) return known;
    underCurated.set(id, false); // a cycle (never in a valid tree) ends here
    const parent = entry.parentKey ? byKey.get(`${entry.kind}:${entry.parentKey}`) : undefined;
    const result = Boolean(parent && (parent.source !== 'mesh' || isUnderCurated(parent)));
    underCurated.set(id, result);
    return result;
  };
  return entries.filter((entry) => entry.source !== 'mesh' || (entry.kind !== TermKind.TREATMENT && isUnderCurated(entry)));
}
