import { ExtractionInput, ExtractionResult, VocabularyEntry } from './extraction.types';

/** Nest injection token of the extraction rules (src/extraction's pure entry point behind an interface, so the service is testable). */
export const CASE_EXTRACTOR = Symbol('CASE_EXTRACTOR');

export interface CaseExtractor {
  readonly rulesVersion: string;
  /** Prepares the rules for a vocabulary (matchers are built once per vocabulary version). */
  forVocabulary(entries: VocabularyEntry[]): (input: ExtractionInput) => ExtractionResult;
}
