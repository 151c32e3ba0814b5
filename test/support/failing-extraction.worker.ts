import extractChunk, { ExtractionTask, ExtractionTaskResult } from '../../src/extraction/extraction.worker';

/**
 * The real extraction worker, except for a chunk holding a publication whose title says WORKER-THROWS
 * (the task throws), WORKER-EXITS (the thread exits with code 7) or WORKER-HANGS (the task never ends):
 * how tests make a worker fail.
 */
export default function failingExtractChunk(task: ExtractionTask): ExtractionTaskResult {
  if (task.inputs.some((input) => input.title.includes('WORKER-THROWS'))) throw new Error('the rules failed on purpose');
  if (task.inputs.some((input) => input.title.includes('WORKER-EXITS'))) process.exit(7);
  if (task.inputs.some((input) => input.title.includes('WORKER-HANGS'))) for (;;);
  return extractChunk(task);
}

export const FAILING_EXTRACTION_WORKER = __filename;
