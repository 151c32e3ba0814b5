import { Inject, Injectable, Logger } from '@nestjs/common';
import { DomainError } from '../../common/errors/domain-error';
import { PUBLICATION_SEARCH_ENGINE, PublicationSearchEngine } from '../publications/publication-search-engine.port';
import { SEARCH_ENGINE, SearchEngine } from '../search-engine.port';
import { IndexerLeaseRepository } from './indexer-lease.repository';
import { OutboxDrainer } from './outbox-drainer';
import { OutboxRepository } from './outbox.repository';
import { INDEX_CHUNK, SearchIndexer } from './search-indexer';
import { SearchSourceRepository } from './search-source.repository';

const LEASE_TTL_MS = 60_000;
const ACQUIRE_TIMEOUT_MS = 120_000;

export interface ReindexSummary {
  engine: string;
  caseReports: number;
  publications: number;
  pendingWrites: number;
  startedAt: Date;
  durationMs: number;
}

/**
 * Rebuilds the index from the database: takes the indexer lease (drainers pause, writes keep
 * landing in the outbox), fills a new index, swaps it in in one step, releases the lease; the
 * drainer then replays every write that arrived meanwhile into the new index. Nothing is lost: a
 * write either committed before a case was read (it is in the new index) or is still in the outbox.
 */
@Injectable()
export class ReindexService {
  private readonly logger = new Logger(ReindexService.name);
  private running: Promise<ReindexSummary> | null = null;

  constructor(
    @Inject(SEARCH_ENGINE) private readonly engine: SearchEngine,
    @Inject(PUBLICATION_SEARCH_ENGINE) private readonly publicationEngine: PublicationSearchEngine,
    private readonly indexer: SearchIndexer,
    private readonly source: SearchSourceRepository,
    private readonly lease: IndexerLeaseRepository,
    private readonly outbox: OutboxRepository,
    private readonly drainer: OutboxDrainer,
  ) {}

  /** One reindex at a time per process; a second call while one runs gets the same result. */
  reindex(options: { onProgress?: (indexed: number) => void } = {}): Promise<ReindexSummary> {
    this.running ??= this.run(options).finally(() => {
      this.running = null;
    });
    return this.running;
  }

  private async run({ onProgress }: { onProgress?: (indexed: number) => void }): Promise<ReindexSummary> {
    const startedAt = new Date();
    const holder = `${this.drainer.holder}:reindex`;
    await this.takeLease(holder);
    const heartbeat = setInterval(() => void this.lease.acquire(holder, 'reindex', LEASE_TTL_MS).catch(() => undefined), LEASE_TTL_MS / 4);
    let caseReports = 0;
    let publications = 0;
    try {
      await this.engine.ensureIndex();
      const build = await this.engine.createIndex();
      try {
        let after: string | null = null;
        for (;;) {
          const ids = await this.source.caseIdsAfter(after, INDEX_CHUNK * 4);
          if (!ids.length) break;
          caseReports += await this.indexer.indexCases(ids, build);
          after = ids[ids.length - 1];
          onProgress?.(caseReports);
        }
        await this.engine.swapIndex(build);
      } catch (error) {
        await this.engine.dropIndex(build).catch(() => undefined);
        throw error;
      }
      publications = await this.rebuildPublications();
    } finally {
      clearInterval(heartbeat);
      await this.lease.release(holder);
    }
    const { depth } = await this.outbox.depth();
    this.drainer.kick();
    const durationMs = Date.now() - startedAt.getTime();
    this.logger.log(`reindexed ${caseReports} case reports and ${publications} publications in ${durationMs} ms; ${depth} writes to replay from the outbox`);
    return { engine: this.engine.name, caseReports, publications, pendingWrites: depth, startedAt, durationMs };
  }

  private async rebuildPublications(): Promise<number> {
    await this.publicationEngine.ensureIndex();
    const build = await this.publicationEngine.createIndex();
    let publications = 0;
    try {
      let after: string | null = null;
      for (;;) {
        const ids = await this.source.publicationIdsAfter(after, INDEX_CHUNK * 4);
        if (!ids.length) break;
        publications += await this.indexer.indexPublications(ids, build);
        after = ids[ids.length - 1];
      }
      await this.publicationEngine.swapIndex(build);
    } catch (error) {
      await this.publicationEngine.dropIndex(build).catch(() => undefined);
      throw error;
    }
    return publications;
  }

  private async takeLease(holder: string): Promise<void> {
    const deadline = Date.now() + ACQUIRE_TIMEOUT_MS;
    while (Date.now() < deadline) {
      await this.lease.announce(holder, LEASE_TTL_MS);
      if (await this.lease.acquire(holder, 'reindex', LEASE_TTL_MS)) return;
      const { purpose } = await this.lease.holder();
      if (purpose === 'reindex') throw new DomainError('CONFLICT', 'A reindex is already running.');
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new DomainError('SERVICE_UNAVAILABLE', 'The search indexer stayed busy; try the reindex again.');
  }
}
