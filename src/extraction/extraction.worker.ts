import { RuleBasedCaseExtractor } from './rule-based-case-extractor';
import type { ExtractionInput, ExtractionResult, VocabularyEntry } from './extraction.types';

/**
 * One chunk of publications for the rules on a worker thread (extraction-threads.ts). Plain data only:
 * it crosses threads by structured clone. The vocabulary is sent only when the worker asks for it.
 */
export interface ExtractionTask {
  /** The vocabulary's version (ExtractionSourceRepository.vocabularyVersion). */
  vocabularyVersion: string;
  /** The whole vocabulary; null on the first try, sent again when the worker answers needsVocabulary. */
  entries: VocabularyEntry[] | null;
  inputs: ExtractionInput[];
}

/** One result per input, in order; or a request for the vocabulary this worker has not built its matcher for. */
export type ExtractionTaskResult = { results: ExtractionResult[] } | { needsVocabulary: true };

const extractor = new RuleBasedCaseExtractor();
/** The rules prepared for the last vocabulary version seen (one at a time: a new version replaces it). */
let prepared: { version: string; extract: (input: ExtractionInput) => ExtractionResult } | null = null;

/** The worker's task handler (piscina calls the default export). */
export default function extractChunk(task: ExtractionTask): ExtractionTaskResult {
  if (prepared?.version !== task.vocabularyVersion) {
    if (!task.entries) return { needsVocabulary: true };
    prepared = null; // the old matcher goes before the new one is built
    prepared = { version: task.vocabularyVersion, extract: extractor.forVocabulary(task.entries) };
  }
  return { results: task.inputs.map(prepared.extract) };
}
