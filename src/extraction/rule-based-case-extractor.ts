import { CaseExtractor } from './case-extractor';
import { buildVocabularyMatcher, extractCases, EXTRACTION_RULES_VERSION } from './extract-cases';
import { ExtractionInput, ExtractionResult, VocabularyEntry } from './extraction.types';
import { addMajorTopicComplications, complicationsByMeshUi } from './major-topic-complications';
import { focusVocabulary } from './vocabulary-focus';

/**
 * The pure rules of src/extraction behind the CaseExtractor interface the service uses: text and
 * headings matched against the focused vocabulary (vocabulary-focus.ts), and the whole vocabulary
 * only for a single patient's major-topic MeSH complications (major-topic-complications.ts).
 */
export class RuleBasedCaseExtractor implements CaseExtractor {
  readonly rulesVersion = EXTRACTION_RULES_VERSION;

  forVocabulary(entries: VocabularyEntry[]): (input: ExtractionInput) => ExtractionResult {
    const matcher = buildVocabularyMatcher(focusVocabulary(entries));
    const byUi = complicationsByMeshUi(entries);
    return (input) => addMajorTopicComplications(extractCases(input, matcher), input, byUi);
  }
}
