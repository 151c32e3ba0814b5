import { extname, join } from 'node:path';
import { Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { Piscina } from 'piscina';
import type { ExtractionTask, ExtractionTaskResult } from './extraction.worker';
import type { ExtractionInput, ExtractionResult, VocabularyEntry } from './extraction.types';

export interface ExtractionThreadsOptions {
  /** Worker threads; 0: none (ExtractionService runs the rules on the main thread). */
  threads: number;
  /** The worker's module; the default is extraction.worker beside this file (tests give one that fails on purpose). */
  filename?: string;
  /** Longest a chunk may take on a worker before it is stopped and the chunk fails (default CHUNK_TIME_LIMIT_MS). */
  chunkTimeLimitMs?: number;
}

/** A worker failed or died while extracting: the caller's transaction rolls back, as on any error. */
export class ExtractionWorkerError extends Error {}

/** How long a closing pool waits for a running chunk before its threads are terminated. */
const CLOSE_GRACE_MS = 5000;

/**
 * A chunk (at most a few hundred publications) takes well under a second: the rules run in linear time
 * and a 1 MB hostile abstract takes ~0.2 s. A worker still busy after this has hung; it is stopped (its
 * thread terminated and replaced) so the import fails and rolls back instead of waiting for ever.
 */
export const CHUNK_TIME_LIMIT_MS = 120_000;

/**
 * The extraction rules (RuleBasedCaseExtractor) on a pool of worker threads (piscina), so that an import
 * parses and stores the next chunk on the main thread while the rules read this one. Only plain data
 * crosses: ExtractionInput in, ExtractionResult out. Each worker builds its matcher once per vocabulary
 * version: a task carries the version alone, and the entries only when the worker asks for them (a new
 * worker, a new version). The pool starts with the first chunk and is closed with the app.
 */
@Injectable()
export class ExtractionThreads implements OnModuleDestroy {
  private readonly logger = new Logger(ExtractionThreads.name);
  private pool: Piscina | null = null;
  private closed = false;

  constructor(private readonly options: ExtractionThreadsOptions) {}

  get enabled(): boolean {
    return this.options.threads > 0;
  }

  /** Chunks that can be in the rules at once: one per thread (an import keeps that many in flight). */
  get parallelChunks(): number {
    return Math.max(1, this.options.threads);
  }

  /** Live worker threads (0 before the first chunk and after close). */
  get threadCount(): number {
    return this.pool?.threads.length ?? 0;
  }

  async extract(vocabularyVersion: string, entries: VocabularyEntry[], inputs: ExtractionInput[]): Promise<ExtractionResult[]> {
    if (!inputs.length) return [];
    try {
      const pool = this.started();
      const limitMs = this.options.chunkTimeLimitMs ?? CHUNK_TIME_LIMIT_MS;
      const run = async (task: ExtractionTask) => {
        const signal = AbortSignal.timeout(limitMs);
        try {
          return (await pool.run(task, { signal })) as ExtractionTaskResult;
        } catch (error) {
          if (signal.aborted) throw new ExtractionWorkerError(`case extraction on a worker thread took longer than ${limitMs} ms for ${inputs.length} publications; the worker was stopped`, { cause: error });
          throw error;
        }
      };
      let answer = await run({ vocabularyVersion, entries: null, inputs });
      if ('needsVocabulary' in answer) answer = await run({ vocabularyVersion, entries, inputs });
      if (!('results' in answer) || answer.results.length !== inputs.length) throw new Error(`the worker answered ${'results' in answer ? answer.results.length : 'no'} results for ${inputs.length} publications`);
      return answer.results;
    } catch (error) {
      if (error instanceof ExtractionWorkerError) throw error;
      throw new ExtractionWorkerError(`case extraction failed on a worker thread: ${messageOf(error)}`, { cause: error });
    }
  }

  async onModuleDestroy(): Promise<void> {
    this.closed = true;
    const pool = this.pool;
    this.pool = null;
    if (!pool) return;
    let timer: NodeJS.Timeout | undefined;
    const grace = new Promise<'timeout'>((resolve) => (timer = setTimeout(() => resolve('timeout'), CLOSE_GRACE_MS)));
    try {
      if ((await Promise.race([pool.close(), grace])) === 'timeout') {
        this.logger.warn(`an extraction worker was still busy after ${CLOSE_GRACE_MS} ms; terminating it`);
        await pool.destroy();
      }
    } finally {
      clearTimeout(timer);
    }
  }

  private started(): Piscina {
    if (this.closed) throw new Error('the extraction threads are closed (the app is shutting down)');
    if (this.pool) return this.pool;
    const filename = this.options.filename ?? join(__dirname, `extraction.worker${extname(__filename)}`);
    const pool = new Piscina({
      filename,
      minThreads: this.options.threads,
      maxThreads: this.options.threads,
      // A chunk at a time per thread: a queue longer than the threads would only hold memory.
      concurrentTasksPerWorker: 1,
      idleTimeout: Infinity,
      // Under ts-node / jest the worker is TypeScript too.
      execArgv: filename.endsWith('.ts') ? ['--require', require.resolve('ts-node/register/transpile-only')] : [],
    });
    // Piscina emits 'error' for a worker that fails with no task running; unhandled, that would end the process.
    pool.on('error', (error: unknown) => this.logger.error(`extraction worker failed: ${messageOf(error)}`));
    this.pool = pool;
    return pool;
  }
}

/** An error's message; duck-typed, since an error thrown on a worker arrives as another realm's Error under jest. */
function messageOf(error: unknown): string {
  const message = (error as { message?: unknown } | null)?.message;
  return typeof message === 'string' ? message : String(error);
}
