import { Injectable, Logger } from '@nestjs/common';
import { UnitOfWork } from '../../database/unit-of-work';
import { leaseHolderIsGone } from './lease-holder';

const LEASE = 'indexer';

/**
 * The single writer of the search index at any moment (see SearchIndexerLease). One-statement
 * updates only: no transaction is held, so it is safe on the embedded one-query-at-a-time engine.
 */
@Injectable()
export class IndexerLeaseRepository {
  private readonly logger = new Logger('SearchIndexerLease');
  private ensured = false;

  constructor(private readonly uow: UnitOfWork) {}

  /**
   * Takes (or renews) the lease; a drainer yields to a reindex that announced itself. A lease held
   * (or announced) by a process of this machine that is gone is freed first: a drainer restarted
   * after a kill -9 resumes at once instead of waiting out the dead one's lease.
   */
  async acquire(holder: string, purpose: 'drain' | 'reindex', ttlMs: number): Promise<boolean> {
    if (await this.tryAcquire(holder, purpose, ttlMs)) return true;
    return (await this.freeFromGoneHolders()) && this.tryAcquire(holder, purpose, ttlMs);
  }

  private async tryAcquire(holder: string, purpose: 'drain' | 'reindex', ttlMs: number): Promise<boolean> {
    await this.ensureRow();
    const rows = await this.uow.reader.query(
      `UPDATE search_indexer_lease SET holder = $1, purpose = $2, expires_at = now() + make_interval(secs => $3::float8 / 1000)
       WHERE name = $4 AND (holder IS NULL OR holder = $1 OR expires_at < now())
         AND ($2 = 'reindex' OR waiting_holder IS NULL OR waiting_until < now() OR waiting_holder = $1)
       RETURNING name`,
      [holder, purpose, ttlMs, LEASE],
    );
    return this.affected(rows) > 0;
  }

  /** Frees the lease and the announcement of processes known to be gone; true if anything was freed. */
  private async freeFromGoneHolders(): Promise<boolean> {
    const [row] = await this.uow.reader.query(
      `SELECT CASE WHEN expires_at > now() THEN holder END AS holder, CASE WHEN waiting_until > now() THEN waiting_holder END AS waiting FROM search_indexer_lease WHERE name = $1`,
      [LEASE],
    );
    let freed = false;
    for (const gone of [row?.holder, row?.waiting].filter((name): name is string => typeof name === 'string' && leaseHolderIsGone(name))) {
      this.logger.warn(`freeing the search indexer lease of ${gone}: that process is no longer running`);
      await this.release(gone);
      freed = true;
    }
    return freed;
  }

  async release(holder: string): Promise<void> {
    await this.uow.reader.query(
      `UPDATE search_indexer_lease SET holder = NULL, purpose = NULL, expires_at = NULL,
         waiting_holder = CASE WHEN waiting_holder = $1 THEN NULL ELSE waiting_holder END,
         waiting_until = CASE WHEN waiting_holder = $1 THEN NULL ELSE waiting_until END
       WHERE name = $2 AND (holder = $1 OR waiting_holder = $1)`,
      [holder, LEASE],
    );
  }

  /** A reindex says it wants the lease next; drainers stop taking it until `ttlMs` from now. */
  async announce(holder: string, ttlMs: number): Promise<void> {
    await this.ensureRow();
    await this.uow.reader.query(`UPDATE search_indexer_lease SET waiting_holder = $1, waiting_until = now() + make_interval(secs => $2::float8 / 1000) WHERE name = $3`, [holder, ttlMs, LEASE]);
  }

  async holder(): Promise<{ holder: string | null; purpose: string | null }> {
    await this.ensureRow();
    const [row] = await this.uow.reader.query(`SELECT CASE WHEN expires_at > now() THEN holder END AS holder, CASE WHEN expires_at > now() THEN purpose END AS purpose FROM search_indexer_lease WHERE name = $1`, [LEASE]);
    return { holder: row?.holder ?? null, purpose: row?.purpose ?? null };
  }

  private async ensureRow(): Promise<void> {
    if (this.ensured) return;
    await this.uow.reader.query('INSERT INTO search_indexer_lease (name) VALUES ($1) ON CONFLICT (name) DO NOTHING', [LEASE]);
    this.ensured = true;
  }

  /** TypeORM returns [rows, count] for UPDATE ... RETURNING on postgres. */
  private affected(result: unknown): number {
    if (Array.isArray(result) && result.length === 2 && Array.isArray(result[0]) && typeof result[1] === 'number') return result[1];
    return Array.isArray(result) ? result.length : 0;
  }
}
