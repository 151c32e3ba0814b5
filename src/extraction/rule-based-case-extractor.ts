import { CaseExtractor } from './case-extractor';
import { buildVocabularyMatcher, extractCases, EXTRACTION_RULES_VERSION } from './extract-cases';
import { ExtractionInput, ExtractionResult, VocabularyEntry } from './extraction.types';

/** The pure rules of src/extraction behind the CaseExtractor interface the service uses. */
export class RuleBasedCaseExtractor implements CaseExtractor {
  readonly rulesVersion = EXTRACTION_RULES_VERSION;

  forVocabulary(entries: VocabularyEntry[]): (input: ExtractionInput) => ExtractionResult {
    const matcher = buildVocabularyMatcher(entries);
    return (input) => extractCases(input, matcher);
  }
}
