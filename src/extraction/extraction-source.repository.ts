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

  /** Changes whenever a term is added, edited or removed. */
  async vocabularyVersion(tx: Tx = this.uow.reader): Promise<string> {
    const [row]: { n: number; latest: Date | null }[] = await tx.query('SELECT count(*)::int AS n, max(updated_at) AS latest FROM vocabulary_term');
    return `${row.n}:${row.latest ? new Date(row.latest).toISOString() : ''}`;
  }

  async allTerms(tx: Tx = this.uow.reader): Promise<{ id: string; key: string; kind: string; label: string; synonyms: string[]; mesh_ui: string | null; parent_key: string | null }[]> {
    return tx.query('SELECT t.id, t.key, t.kind, t.label, t.synonyms, t.mesh_ui, p.key AS parent_key FROM vocabulary_term t LEFT JOIN vocabulary_term p ON p.id = t.parent_id');
  }
}
