import { Injectable } from '@nestjs/common';
import { Tx, UnitOfWork } from '../database/unit-of-work';

/** The two reads extraction needs that no module exports: a review's publications, and the vocabulary's version. */
@Injectable()
export class ExtractionSourceRepository {
  constructor(private readonly uow: UnitOfWork) {}

  async publicationIdsOfReview(review: string): Promise<string[]> {
    const rows: { id: string }[] = await this.uow.reader.query('SELECT DISTINCT u.id FROM import_batch b CROSS JOIN LATERAL unnest(b.publication_ids) AS u(id) WHERE b.review = $1 ORDER BY u.id', [review]);
    return rows.map((row) => row.id);
  }

  /**
   * Holds these publications' rows until the transaction ends (FOR NO KEY UPDATE, in one order: sorted ids), so that
   * two runs proposing cases for the same publication take turns: each replaces the suggestions it reads, and two at
   * once both read none and both inserted theirs. Row locks, not advisory locks: an import proposes for every record it
   * stores in one transaction, and one advisory lock per publication ran PostgreSQL's shared lock table out of memory
   * ("out of shared memory", about 6,400 locks with the default max_locks_per_transaction) on a file of 10,000 records;
   * a row lock is kept in the row itself. A curator's write to the publication waits for the run's chunk (an import
   * holds the rows it stored until it commits anyway). A row deleted meanwhile is simply not held.
   */
  async holdForExtraction(tx: Tx, publicationIds: readonly string[]): Promise<void> {
    if (!publicationIds.length) return;
    await tx.query('SELECT count(*) FROM (SELECT p.id FROM publication p WHERE p.id = ANY($1::uuid[]) ORDER BY p.id FOR NO KEY UPDATE) AS held', [[...publicationIds]]);
  }

  /** Changes whenever a term is added, edited or removed. */
  async vocabularyVersion(tx: Tx = this.uow.reader): Promise<string> {
    const [row]: { n: number; latest: Date | null }[] = await tx.query('SELECT count(*)::int AS n, max(updated_at) AS latest FROM vocabulary_term');
    return `${row.n}:${row.latest ? new Date(row.latest).toISOString() : ''}`;
  }

  async allTerms(tx: Tx = this.uow.reader): Promise<{ id: string; key: string; kind: string; label: string; synonyms: string[]; mesh_ui: string | null; parent_key: string | null }[]> {
    return tx.query('SELECT t.id, t.key, t.kind, t.label, t.synonyms, t.mesh_ui, p.key AS parent_key FROM vocabulary_term t LEFT JOIN vocabulary_term p ON p.id = t.parent_id');
  }
}
