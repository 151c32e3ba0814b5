import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CHUNK_TIME_LIMIT_MS, ExtractionThreads, ExtractionWorkerError } from './extraction-threads';
import { buildInput, curatedVocabulary } from './extraction.test-support';
import type { ExtractionInput } from './extraction.types';
import { RuleBasedCaseExtractor } from './rule-based-case-extractor';

const FAILING_WORKER = join(__dirname, '..', '..', 'test', 'support', 'failing-extraction.worker.ts');

/** The real records of the extraction benchmark (458, with and without patients). */
function labelledInputs(): ExtractionInput[] {
  const set = JSON.parse(readFileSync(join(__dirname, '..', '..', 'bench', 'extraction', 'labelled-abstracts.json'), 'utf8')) as { records: { input: ExtractionInput }[] };
  return set.records.map((record) => record.input);
}

const bloodPatch = buildInput({ title: 'Subdural haematoma after an epidural blood patch', abstract: 'A 34-year-old woman developed a subdural haematoma two days after an epidural blood patch.' });

describe('ExtractionThreads (the rules on a worker thread)', () => {
  const entries = curatedVocabulary();
  let threads: ExtractionThreads;

  afterEach(async () => {
    await threads?.onModuleDestroy();
  });

  it('proposes exactly what the rules propose on the main thread, as plain data that survives structured cloning', async () => {
    const inputs = labelledInputs();
    const inline = inputs.map(new RuleBasedCaseExtractor().forVocabulary(entries));
    // Plain data both ways: a class instance, a Map or a function would not come back equal.
    for (const input of inputs) expect(structuredClone(input)).toStrictEqual(input);
    for (const result of inline) expect(structuredClone(result)).toStrictEqual(result);
    expect(inline.some((result) => result.patients.length > 0)).toBe(true);

    threads = new ExtractionThreads({ threads: 1 });
    expect(threads.enabled).toBe(true);
    expect(threads.threadCount).toBe(0); // started with the first chunk, not before
    expect(await threads.extract('v1', entries, inputs)).toStrictEqual(inline);
  });

  it('builds the matcher once per vocabulary version and again when the version changes', async () => {
    threads = new ExtractionThreads({ threads: 1 });
    const full = await threads.extract('v1', entries, [bloodPatch]);
    expect(full[0].patients[0].complications.length).toBeGreaterThan(0);
    // The same version: the worker keeps the matcher it built (the entries given are not even looked at).
    expect(await threads.extract('v1', [], [bloodPatch])).toStrictEqual(full);
    // A new version is built from its own entries: without terms, no complication is recognised.
    const empty = await threads.extract('v2', [], [bloodPatch]);
    expect(empty[0].patients.flatMap((patient) => patient.complications)).toEqual([]);
  });

  it('reports a task that throws in the worker as an ExtractionWorkerError naming the cause', async () => {
    threads = new ExtractionThreads({ threads: 1, filename: FAILING_WORKER });
    const failure = threads.extract('v1', entries, [bloodPatch, buildInput({ title: 'WORKER-THROWS' })]);
    await expect(failure).rejects.toThrow(ExtractionWorkerError);
    await expect(failure).rejects.toThrow(/^case extraction failed on a worker thread: the rules failed on purpose$/);
    // The pool goes on with the next chunk.
    expect(await threads.extract('v1', entries, [bloodPatch])).toHaveLength(1);
  });

  it('reports a worker that dies as an ExtractionWorkerError, and a new worker (sent the vocabulary again) takes the next chunk', async () => {
    threads = new ExtractionThreads({ threads: 1, filename: FAILING_WORKER });
    const before = await threads.extract('v1', entries, [bloodPatch]);
    await expect(threads.extract('v1', entries, [buildInput({ title: 'WORKER-EXITS' })])).rejects.toThrow(/^case extraction failed on a worker thread: worker exited with code: 7$/);
    expect(await threads.extract('v1', entries, [bloodPatch])).toStrictEqual(before);
  });

  it('stops a worker that hangs once the chunk time limit has passed, failing the chunk', async () => {
    // The limit counts from the call, a new worker's start included: the worker is started first under the
    // default limit (however slow the machine), then the limit is lowered for the chunk that hangs.
    const options = { threads: 1, filename: FAILING_WORKER, chunkTimeLimitMs: CHUNK_TIME_LIMIT_MS };
    threads = new ExtractionThreads(options);
    await threads.extract('v1', entries, [bloodPatch]);
    options.chunkTimeLimitMs = 1500;
    await expect(threads.extract('v1', entries, [buildInput({ title: 'WORKER-HANGS' })])).rejects.toThrow(/^case extraction on a worker thread took longer than 1500 ms for 1 publications; the worker was stopped$/);
  });

  it('closes its threads (onModuleDestroy) and refuses work afterwards', async () => {
    threads = new ExtractionThreads({ threads: 2 });
    await Promise.all([threads.extract('v1', entries, [bloodPatch]), threads.extract('v1', entries, [bloodPatch])]);
    expect(threads.threadCount).toBe(2);
    await threads.onModuleDestroy();
    expect(threads.threadCount).toBe(0);
    await expect(threads.extract('v1', entries, [bloodPatch])).rejects.toThrow(/closed/);
  });

  it('is off with 0 threads (the service then runs the rules inline) and starts no thread', () => {
    threads = new ExtractionThreads({ threads: 0 });
    expect(threads.enabled).toBe(false);
    expect(threads.threadCount).toBe(0);
  });
});
