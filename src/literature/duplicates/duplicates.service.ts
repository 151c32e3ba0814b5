import { Inject, Injectable, Optional } from '@nestjs/common';
import { BadUserInputError, NotFoundError } from '../../common/errors/domain-error';
import { UnitOfWork } from '../../database/unit-of-work';
import { PublicationsRepository } from '../../publications/publications.repository';
import type { PublicationFields } from '../../publications/publication-validation';
import { OutboxRepository } from '../../search/indexing/outbox.repository';
import { ImportService } from '../import/import.service';
import { PRISMA_SCREENING, PrismaScreeningSource } from '../export/serialisers/prisma-flow';
import { mergeForCurator } from './curator-merge';
import { PROBABLE_DUPLICATE_THRESHOLD, scoreDuplicate } from './duplicate-score';
import { MergePublicationsResult, ProbableDuplicate } from './duplicate.models';
import { DuplicateDismissal } from './duplicate-dismissal.entity';
import { DuplicatesRepository } from './duplicates.repository';
import { assertRecordIds } from '../../common/record-id';

export const MAX_PROBABLE_DUPLICATES = 100;
/** Candidate pairs read per pair asked for: the scorer drops some (different PMIDs, first authors). */
const CANDIDATES_PER_RESULT = 5;

const fieldsOf = ({ id: _id, createdAt: _c, updatedAt: _u, titleKey: _k, titleFold: _f, ...fields }: PublicationFields & Record<string, unknown>) => fields as PublicationFields;

/** Probable duplicates the import did not merge, shown to a curator; merged only on their word. */
@Injectable()
export class DuplicatesService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly duplicates: DuplicatesRepository,
    private readonly publications: PublicationsRepository,
    private readonly outbox: OutboxRepository,
    @Optional() @Inject(PRISMA_SCREENING) private readonly screening: PrismaScreeningSource | null = null,
  ) {}

  /**
   * A review named but neither given at an import nor saved (misspelt) is NOT_FOUND, as prismaCounts and
   * importSummary answer: probableDuplicates listed no pairs for it, as if the review had none, and
   * dismissDuplicate stored a dismissal no listing would ever read.
   */
  private async knownReview(review: string | null): Promise<void> {
    if (review && this.screening && !(await this.screening.reviewExists(review))) throw new NotFoundError('Review', review);
  }

  /** The `first` most probable duplicate pairs (of one review's imports, or of every publication), best first. */
  async probableDuplicates(rawReview: string | null | undefined, first = 20, path = 'first'): Promise<ProbableDuplicate[]> {
    const review = ImportService.reviewName(rawReview);
    if (!Number.isInteger(first) || first < 1 || first > MAX_PROBABLE_DUPLICATES) throw BadUserInputError.field(path, `must be between 1 and ${MAX_PROBABLE_DUPLICATES}`);
    await this.knownReview(review);
    const pairs = await this.duplicates.candidatePairs(review, first * CANDIDATES_PER_RESULT);
    const byId = new Map((await this.publications.findByIds([...new Set(pairs.flatMap((pair) => [pair.firstId, pair.secondId]))])).map((publication) => [publication.id, publication]));
    const scored: ProbableDuplicate[] = [];
    for (const pair of pairs) {
      const [a, b] = [byId.get(pair.firstId), byId.get(pair.secondId)];
      if (!a || !b) continue;
      // The older publication first: the one a curator most likely keeps.
      const [older, newer] = a.createdAt.getTime() <= b.createdAt.getTime() ? [a, b] : [b, a];
      const { score, reasons, differences } = scoreDuplicate(older, newer, pair.similarity);
      if (score >= PROBABLE_DUPLICATE_THRESHOLD) scored.push({ score, reasons, differences, first: older, second: newer });
    }
    return scored.sort((x, y) => y.score - x.score || x.first.id.localeCompare(y.first.id)).slice(0, first);
  }

  /**
   * Records that two publications are not one article, as a curator said: probableDuplicates no longer lists
   * the pair for that review (without a review: in any listing). Both must exist; dismissing a pair again
   * keeps the first record.
   */
  async dismiss(firstId: string, secondId: string, rawReview: string | null | undefined, dismissedBy: string | null, rawReason?: string | null): Promise<DuplicateDismissal> {
    assertRecordIds([[firstId, 'firstId'], [secondId, 'secondId']], 'publication id');
    if (firstId.toLowerCase() === secondId.toLowerCase()) throw BadUserInputError.field('secondId', 'must be another publication than firstId');
    const review = ImportService.reviewName(rawReview);
    const reason = rawReason?.trim() || null;
    if (reason && reason.length > 500) throw BadUserInputError.field('reason', 'must be at most 500 characters');
    await this.knownReview(review);
    const [low, high] = [firstId.toLowerCase(), secondId.toLowerCase()].sort();
    return this.uow.run(async (tx) => {
      // Locked as a merge locks them: a merge deleting one of the two finishes first, and the pair is then not found.
      const found = new Set((await this.duplicates.lockPublications(tx, [low, high])).map((publication) => publication.id));
      if (!found.has(low)) throw new NotFoundError('Publication', low === firstId.toLowerCase() ? firstId : secondId);
      if (!found.has(high)) throw new NotFoundError('Publication', high === firstId.toLowerCase() ? firstId : secondId);
      return this.duplicates.dismiss(tx, { review, firstId: low, secondId: high, dismissedBy: dismissedBy?.slice(0, 100) ?? null, reason });
    });
  }

  /**
   * Merges `mergeId` into `keepId`, all or nothing: the kept publication takes the fields it lacks and
   * the richer abstract and author list, the merged one's case reports move to it, the import history
   * names it instead, the merged publication is deleted, and the merge is recorded with a copy of it.
   */
  async merge(keepId: string, mergeId: string, mergedBy: string | null): Promise<MergePublicationsResult> {
    assertRecordIds([[keepId, 'keepId'], [mergeId, 'mergeId']], 'publication id');
    if (keepId === mergeId) throw BadUserInputError.field('mergeId', 'must be another publication than keepId');
    return this.uow.run(async (tx) => {
      const locked = await this.duplicates.lockPublications(tx, [keepId, mergeId]);
      const kept = locked.find((publication) => publication.id === keepId);
      const merged = locked.find((publication) => publication.id === mergeId);
      if (!kept) throw new NotFoundError('Publication', keepId);
      if (!merged) throw new NotFoundError('Publication', mergeId);
      const { patch, filled, conflicts } = mergeForCurator(fieldsOf(kept as never), fieldsOf(merged as never));
      const moved = await this.duplicates.moveCaseReports(tx, mergeId, keepId);
      await this.duplicates.replaceInBatches(tx, mergeId, keepId);
      await this.duplicates.moveScreening(tx, mergeId, keepId);
      // Deleted first: the kept publication may take its DOI or PMID (unique).
      await this.duplicates.deletePublication(tx, mergeId);
      await this.publications.update(tx, keepId, patch);
      const record = await this.duplicates.recordMerge(tx, {
        keptId: keepId,
        mergedId: mergeId,
        mergedPublication: { id: mergeId, ...fieldsOf(merged as never) },
        filledFields: filled,
        caseReportsMoved: moved.length,
        mergedBy: mergedBy?.slice(0, 100) ?? null,
      });
      await this.outbox.record(tx, 'publication', [keepId, mergeId]);
      await this.outbox.record(tx, 'case_report', moved);
      const [after] = await this.publications.findByIds([keepId], tx);
      return { kept: after, merge: record, conflicts: conflicts.map((conflict) => ({ field: conflict.field, kept: conflict.kept, dropped: conflict.offered })) };
    });
  }
}
