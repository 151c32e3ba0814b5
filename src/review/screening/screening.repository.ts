import { Injectable } from '@nestjs/common';
import { Tx, UnitOfWork } from '../../database/unit-of-work';
import { Review } from '../review.entity';
import { ScreeningDecision } from './screening-decision.entity';
import { ScreeningResolution } from './screening-resolution.entity';

/** First key of the review settings locks (two-key advisory locks: see holdReview). */
const REVIEW_LOCK_CLASS = 0x52657677; // "Revw"

/** Reviews, decisions and resolutions; and, read-only, which publications an import brought into a review. */
@Injectable()
export class ScreeningRepository {
  constructor(private readonly uow: UnitOfWork) {}

  run<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    return this.uow.run(work);
  }

  findReview(name: string, tx: Tx = this.uow.reader): Promise<Review | null> {
    return tx.findOne(Review, { where: { name } });
  }

  listReviews(): Promise<Review[]> {
    return this.uow.reader.find(Review, { order: { name: 'ASC' } });
  }

  /**
   * Creates or replaces the review's settings in one statement: two curators saving a new review at
   * once (each finding none, each inserting) broke the unique name and one got an internal error.
   */
  async saveReview(fields: Pick<Review, 'name' | 'question' | 'keywords' | 'exclusionReasons'>, tx: Tx = this.uow.reader): Promise<Review> {
    await tx.createQueryBuilder().insert().into(Review).values(fields).orUpdate(['question', 'keywords', 'exclusion_reasons', 'updated_at'], ['name']).execute();
    return (await this.findReview(fields.name, tx)) as Review;
  }

  /**
   * Holds the review's settings until the transaction ends: `exclusive` to change them (saveReview), `shared` to
   * store a decision or resolution under them. A save dropping an exclusion reason checks the reasons in use and
   * a decision checks the reasons saved; without the lock both checks passed at once and the exclusion lost its reason.
   */
  async holdReview(tx: Tx, name: string, mode: 'exclusive' | 'shared'): Promise<void> {
    await tx.query(`SELECT ${mode === 'shared' ? 'pg_advisory_xact_lock_shared' : 'pg_advisory_xact_lock'}($1::int, hashtext($2))`, [REVIEW_LOCK_CLASS, name]);
  }

  /** Review names given at import, with how many distinct publications each brought. */
  async importedReviews(): Promise<{ name: string; publications: number }[]> {
    const rows: { name: string; n: number }[] = await this.uow.reader.query(
      `SELECT b.review AS name, count(DISTINCT u.publication_id)::int AS n
       FROM import_batch b CROSS JOIN LATERAL unnest(b.publication_ids) AS u(publication_id)
       JOIN publication p ON p.id = u.publication_id
       WHERE b.review IS NOT NULL GROUP BY b.review ORDER BY b.review`,
    );
    return rows.map((row) => ({ name: row.name, publications: row.n }));
  }

  /** The publications imported for a review that still exist, in queue order (title, records without one last, then id). */
  async publicationIdsOf(review: string, text: string[] = []): Promise<string[]> {
    const params: unknown[] = [review];
    const words = text.map((word) => {
      params.push(`%${word.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
      const p = `$${params.length}`;
      return `(coalesce(p.title, '') ILIKE ${p} OR coalesce(p.abstract, '') ILIKE ${p} OR coalesce(p.journal, '') ILIKE ${p} OR array_to_string(p.keywords, ' ') ILIKE ${p} OR p.mesh_headings::text ILIKE ${p})`;
    });
    const rows: { id: string }[] = await this.uow.reader.query(
      `SELECT p.id FROM publication p
       WHERE p.id IN (SELECT u.publication_id FROM import_batch b CROSS JOIN LATERAL unnest(b.publication_ids) AS u(publication_id) WHERE b.review = $1)
       ${words.map((w) => `AND ${w}`).join(' ')}
       ORDER BY lower(p.title) NULLS LAST, p.id`,
      params,
    );
    return rows.map((row) => row.id);
  }

  /**
   * Whether an import brought the publication into the review and it still exists (an import batch
   * keeps the ids of publications deleted since). In a transaction the publication is held (FOR KEY
   * SHARE) until it commits, so a decision is never written for a publication deleted meanwhile.
   */
  async isInReview(review: string, publicationId: string, tx: Tx = this.uow.reader): Promise<boolean> {
    const rows = await tx.query(
      'SELECT 1 FROM publication p WHERE p.id = $2::uuid AND EXISTS (SELECT 1 FROM import_batch b WHERE b.review = $1 AND p.id = ANY(b.publication_ids)) FOR KEY SHARE OF p',
      [review, publicationId],
    );
    return rows.length > 0;
  }

  decisionsOf(review: string, publicationIds?: readonly string[], tx: Tx = this.uow.reader): Promise<ScreeningDecision[]> {
    const query = tx.createQueryBuilder(ScreeningDecision, 'd').where('d.review = :review', { review });
    if (publicationIds) query.andWhere('d.publication_id = ANY(:ids)', { ids: [...publicationIds] });
    return query.orderBy('d.decided_at', 'ASC').getMany();
  }

  resolutionsOf(review: string, publicationIds?: readonly string[], tx: Tx = this.uow.reader): Promise<ScreeningResolution[]> {
    const query = tx.createQueryBuilder(ScreeningResolution, 'r').where('r.review = :review', { review });
    if (publicationIds) query.andWhere('r.publication_id = ANY(:ids)', { ids: [...publicationIds] });
    return query.getMany();
  }

  async upsertDecision(tx: Tx, fields: Pick<ScreeningDecision, 'review' | 'publicationId' | 'reviewer' | 'decision' | 'reason' | 'note'>): Promise<void> {
    await tx
      .createQueryBuilder()
      .insert()
      .into(ScreeningDecision)
      .values(fields)
      .orUpdate(['decision', 'reason', 'note', 'decided_at'], ['review', 'publication_id', 'reviewer'])
      .execute();
  }

  async upsertResolution(tx: Tx, fields: Pick<ScreeningResolution, 'review' | 'publicationId' | 'decision' | 'reason' | 'note' | 'resolvedBy'>): Promise<void> {
    await tx
      .createQueryBuilder()
      .insert()
      .into(ScreeningResolution)
      .values(fields)
      .orUpdate(['decision', 'reason', 'note', 'resolved_by', 'resolved_at'], ['review', 'publication_id'])
      .execute();
  }

  /** The exclusion reasons the review's decisions and resolutions give, with how many give each. */
  async reasonsInUse(review: string, tx: Tx = this.uow.reader): Promise<Map<string, number>> {
    const rows: { reason: string; n: number }[] = await tx.query(
      `SELECT reason, count(*)::int AS n FROM (
         SELECT reason FROM screening_decision WHERE review = $1 AND reason IS NOT NULL
         UNION ALL SELECT reason FROM screening_resolution WHERE review = $1 AND reason IS NOT NULL) used
       GROUP BY reason ORDER BY reason`,
      [review],
    );
    return new Map(rows.map((row) => [row.reason, row.n]));
  }

  /** Case reports (not rejected) of these publications. */
  async caseCountOf(publicationIds: readonly string[]): Promise<number> {
    if (!publicationIds.length) return 0;
    const [row] = await this.uow.reader.query(`SELECT count(*)::int AS n FROM case_report WHERE publication_id = ANY($1::uuid[]) AND curation_status <> 'REJECTED'`, [[...publicationIds]]);
    return row.n;
  }
}
