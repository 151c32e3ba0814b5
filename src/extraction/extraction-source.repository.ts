import { Injectable } from '@nestjs/common';
import { Tx, UnitOfWork } from '../database/unit-of-work';

/** First key of the per-publication extraction locks (two-key advisory locks; the import lock uses the one-key space). */
const EXTRACTION_LOCK_CLASS = 0x45787472; // "Extr"

/** The two reads extraction needs that no module exports: a review's publications, and the vocabulary's version. */
@Injectable()
export class ExtractionSourceRepository {
  constructor(private readonly uow: UnitOfWork) {}

  async publicationIdsOfReview(review: string): Promise<string[]> {
    const rows: { id: string }[] = await this.uow.reader.query('SELECT DISTINCT u.id FROM import_batch b CROSS JOIN LATERAL unnest(b.publication_ids) AS u(id) WHERE b.review = $1 ORDER BY u.id', [review]);
    return rows.map((row) => row.id);
  }

  /**
   * Takes each publication's extraction lock until the transaction ends, in one order (sorted ids), so that
   * two runs proposing cases for the same publication take turns: each replaces the suggestions it reads,
   * and two at once both read none and both inserted theirs. Advisory locks, not row locks: a run must not
   * hold back a curator's write to the publication, nor wait in a cycle with an import updating it.
   */
  async holdForExtraction(tx: Tx, publicationIds: readonly string[]): Promise<void> {
    if (!publicationIds.length) return;
    await tx.query('SELECT count(pg_advisory_xact_lock($1::int, hashtext(s.id))) FROM (SELECT DISTINCT u.id FROM unnest($2::text[]) AS u(id) ORDER BY u.id) AS s', [EXTRACTION_LOCK_CLASS, [...publicationIds]]);
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
