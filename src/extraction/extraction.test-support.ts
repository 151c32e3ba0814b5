import terms from '../vocabulary/seed/vocabulary-terms.json';
import type { ExtractionInput, VocabularyEntry } from './extraction.types';
import type { TermKind } from '../vocabulary/term-kind.enum';

/** The curated seed vocabulary as extraction entries (for tests and the benchmark). */
export function curatedVocabulary(): VocabularyEntry[] {
  return (terms as { key: string; kind: string; label: string; synonyms: string[]; parent: string | null; meshUi: string | null }[]).map((t) => ({
    key: t.key,
    kind: t.kind as TermKind,
    label: t.label,
    synonyms: t.synonyms,
    meshUi: t.meshUi,
    parentKey: t.parent,
    source: 'curated' as const,
  }));
}

export function buildInput(overrides: Partial<ExtractionInput> = {}): ExtractionInput {
  return { title: '', abstract: null, meshHeadings: [], publicationTypes: [], keywords: [], language: 'eng', ...overrides };
}
