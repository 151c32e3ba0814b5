import { Injectable } from '@nestjs/common';
import { Tx, UnitOfWork } from '../../database/unit-of-work';
import { Publication } from '../../publications/publication.entity';
import { DuplicateDismissal } from './duplicate-dismissal.entity';
import { PublicationMerge } from './publication-merge.entity';

/** Below this trigram similarity of the folded titles a pair is not even looked at (the GIN index answers `%` with it). */
export const CANDIDATE_SIMILARITY = 0.45;

export interface CandidatePair {
  firstId: string;
  secondId: string;
  similarity: number;
}

/** Probable-duplicate candidates (pg_trgm on the folded title) and the writes of a confirmed merge. */
@Injectable()
export class DuplicatesRepository {
  constructor(private readonly uow: UnitOfWork) {}

  /**
   * Pairs of publications (of the review's imports, or all) whose folded titles are similar and whose
   * years are at most one apart, most similar first; at most `limit`. Each publication is looked up
   * through the trigram index, so the cost grows with the publications compared, not their square.
   */
  async candidatePairs(review: string | null, limit: number): Promise<CandidatePair[]> {
    return this.uow.run(async (tx) => {
      await tx.query(`SELECT set_config('pg_trgm.similarity_threshold', $1, true)`, [String(CANDIDATE_SIMILARITY)]);
      const rows: { first_id: string; second_id: string; similarity: number }[] = await tx.query(
        `WITH scope AS (
           SELECT DISTINCT u.id FROM import_batch b CROSS JOIN LATERAL unnest(b.publication_ids) AS u(id) WHERE b.review = $1
         )
         SELECT a.id AS first_id, b.id AS second_id, similarity(a.title_fold, b.title_fold)::float8 AS similarity
         FROM publication a
         JOIN publication b ON b.title_fold % a.title_fold AND a.id < b.id
         WHERE a.title_fold IS NOT NULL
           AND (a.year IS NULL OR b.year IS NULL OR abs(a.year - b.year) <= 1)
           AND ($1::text IS NULL OR (a.id IN (SELECT id FROM scope) AND b.id IN (SELECT id FROM scope)))
           AND NOT EXISTS (
             SELECT 1 FROM duplicate_dismissal d
             WHERE d.first_id = a.id AND d.second_id = b.id AND (d.review = '' OR d.review = coalesce($1::text, ''))
           )
         ORDER BY similarity DESC, a.id, b.id
         LIMIT $2`,
        [review, limit],
      );
      return rows.map((row) => ({ firstId: row.first_id, secondId: row.second_id, similarity: Number(row.similarity) }));
    });
  }

  /** Both publications, locked for the merge (a second merge of either waits, then finds it gone). */
  lockPublications(tx: Tx, ids: string[]): Promise<Publication[]> {
    return tx.createQueryBuilder(Publication, 'p').where('p.id = ANY(:ids)', { ids }).orderBy('p.id').setLock('pessimistic_write').getMany();
  }

  /** Moves the merged publication's case reports to the kept one; returns their ids. */
  async moveCaseReports(tx: Tx, fromId: string, toId: string): Promise<string[]> {
    const rows: { id: string }[] = await tx.query('SELECT id FROM case_report WHERE publication_id = $1 ORDER BY id', [fromId]);
    if (rows.length) await tx.query('UPDATE case_report SET publication_id = $2 WHERE publication_id = $1', [fromId, toId]);
    return rows.map((row) => row.id);
  }

  /** Import history follows the merge: batches that named the merged publication name the kept one (once). */
  async replaceInBatches(tx: Tx, fromId: string, toId: string): Promise<void> {
    await tx.query(
      `UPDATE import_batch SET publication_ids = ARRAY(SELECT DISTINCT unnest(array_replace(publication_ids, $1::uuid, $2::uuid)))
       WHERE publication_ids @> ARRAY[$1::uuid]`,
      [fromId, toId],
    );
  }

  /**
   * Screening follows the merge as the import history does: each reviewer's decision on the merged record (and a
   * resolution of its conflict) names the kept one, unless that reviewer decided the kept one too (or it has its own
   * resolution): the kept record's stands, as its fields do. Left on the merged id, the decisions named a deleted record,
   * the kept one showed undecided and PRISMA counted one screened record less. (Screening rows hold the publication's id
   * without a foreign key.)
   */
  async moveScreening(tx: Tx, fromId: string, toId: string): Promise<void> {
    await tx.query(
      `UPDATE screening_decision d SET publication_id = $2 WHERE d.publication_id = $1
         AND NOT EXISTS (SELECT 1 FROM screening_decision k WHERE k.publication_id = $2 AND k.review = d.review AND k.reviewer = d.reviewer)`,
      [fromId, toId],
    );
    await tx.query('DELETE FROM screening_decision WHERE publication_id = $1', [fromId]);
    await tx.query(
      `UPDATE screening_resolution r SET publication_id = $2 WHERE r.publication_id = $1
         AND NOT EXISTS (SELECT 1 FROM screening_resolution k WHERE k.publication_id = $2 AND k.review = r.review)`,
      [fromId, toId],
    );
    await tx.query('DELETE FROM screening_resolution WHERE publication_id = $1', [fromId]);
  }

  deletePublication(tx: Tx, id: string): Promise<unknown> {
    return tx.delete(Publication, { id });
  }

  recordMerge(tx: Tx, merge: Omit<PublicationMerge, 'id' | 'createdAt'>): Promise<PublicationMerge> {
    return tx.save(PublicationMerge, tx.create(PublicationMerge, merge));
  }

  /** Records the pair as not duplicates (once per review: dismissing it again returns the first record). */
  async dismiss(tx: Tx, dismissal: { review: string | null; firstId: string; secondId: string; dismissedBy: string | null; reason: string | null }): Promise<DuplicateDismissal> {
    await tx
      .createQueryBuilder()
      .insert()
      .into(DuplicateDismissal)
      .values({ ...dismissal, review: dismissal.review ?? '' } as never)
      .orIgnore()
      .execute();
    return tx.findOneOrFail(DuplicateDismissal, { where: { review: (dismissal.review ?? '') as never, firstId: dismissal.firstId, secondId: dismissal.secondId } });
  }

  merges(publicationId: string | null, limit: number): Promise<PublicationMerge[]> {
    const query = this.uow.reader.createQueryBuilder(PublicationMerge, 'm').orderBy('m.createdAt', 'DESC').limit(limit);
    if (publicationId) query.where('m.keptId = :id OR m.mergedId = :id', { id: publicationId });
    return query.getMany();
  }
}
