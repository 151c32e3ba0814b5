import { Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { IndexerLeaseRepository } from './indexer-lease.repository';
import { leaseHolderName } from './lease-holder';
import { OutboxRepository } from './outbox.repository';
import { SearchIndexer } from './search-indexer';

export const DRAIN_BATCH = 500;
const IDLE_POLL_MS = 500;
const FIRST_BACKOFF_MS = 500;
const MAX_BACKOFF_MS = 30_000;
const LEASE_TTL_MS = 60_000;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Drains the search outbox into the engine: oldest entries first, in batches, under the indexer
 * lease (one writer across the app and `npm run worker`). Entries are removed only after the engine
 * accepted the batch, so a crash or an unreachable engine loses nothing: the batch is retried with
 * exponential backoff (and halved, so one bad entry cannot hold the others back for long).
 */
@Injectable()
export class OutboxDrainer implements OnApplicationShutdown {
  readonly holder = leaseHolderName();
  private readonly logger = new Logger(OutboxDrainer.name);
  private running: Promise<void> | null = null;
  private stopping = false;
  private wake: (() => void) | null = null;
  private failures = 0;
  private batchSize = DRAIN_BATCH;
  private current: Promise<number> | null = null;

  constructor(
    private readonly outbox: OutboxRepository,
    private readonly lease: IndexerLeaseRepository,
    private readonly indexer: SearchIndexer,
  ) {}

  /** Starts the background loop (idempotent). */
  start(): void {
    if (this.running) return;
    this.stopping = false;
    this.running = this.loop();
  }

  async stop(): Promise<void> {
    this.stopping = true;
    this.kick();
    await this.running;
    this.running = null;
  }

  async onApplicationShutdown(): Promise<void> {
    await this.stop();
  }

  /** Ends the idle wait now (after a reindex, or when a test wants the index fresh). */
  kick(): void {
    this.wake?.();
  }

  /** One batch: returns how many outbox entries were applied (0: nothing to do or the lease is taken). */
  drainOnce(): Promise<number> {
    // Batches never overlap within a process (the lease already keeps other processes out).
    const previous = this.current ?? Promise.resolve(0);
    const next = previous.catch(() => 0).then(() => this.drainBatch());
    this.current = next;
    return next;
  }

  /** Drains until the outbox is empty (tests, the worker's start, after a reindex). Throws if the engine fails. */
  async drainAll(): Promise<number> {
    let total = 0;
    for (;;) {
      const applied = await this.drainOnce();
      if (!applied) {
        if (!(await this.outbox.hasPending())) return total;
        // Pending but the lease is held elsewhere (a reindex or another drainer): wait a little.
        await sleep(100);
        continue;
      }
      total += applied;
    }
  }

  private async drainBatch(): Promise<number> {
    if (!(await this.outbox.hasPending())) return 0;
    if (!(await this.lease.acquire(this.holder, 'drain', LEASE_TTL_MS))) return 0;
    try {
      const entries = await this.outbox.oldest(this.batchSize);
      if (!entries.length) return 0;
      await this.indexer.apply(entries);
      await this.outbox.remove(entries.map((entry) => entry.id));
      return entries.length;
    } finally {
      await this.lease.release(this.holder);
    }
  }

  private async loop(): Promise<void> {
    while (!this.stopping) {
      let applied = 0;
      try {
        applied = await this.drainOnce();
        if (this.failures) this.logger.log(`search index reachable again after ${this.failures} failed attempts; catching up`);
        this.failures = 0;
        this.batchSize = DRAIN_BATCH;
      } catch (error) {
        this.failures++;
        this.batchSize = Math.max(1, Math.floor(this.batchSize / 2));
        const level = this.failures === 1 || this.failures % 10 === 0 ? 'warn' : 'debug';
        this.logger[level](`search outbox batch failed (attempt ${this.failures}, batch size now ${this.batchSize}); writes wait in the outbox: ${(error as Error).message}`);
      }
      if (this.stopping) break;
      if (applied) continue;
      const delay = this.failures ? Math.min(MAX_BACKOFF_MS, FIRST_BACKOFF_MS * 2 ** (this.failures - 1)) : IDLE_POLL_MS;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, delay);
        this.wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      this.wake = null;
    }
  }
}
