import { Args, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { PrincipalName } from '../../auth/principal-name.decorator';
import { RequireRole } from '../../auth/require-role.decorator';
import { DuplicateDismissal } from './duplicate-dismissal.entity';
import { MergePublicationsResult, ProbableDuplicate } from './duplicate.models';
import { DuplicatesService } from './duplicates.service';

@Resolver()
export class DuplicatesResolver {
  constructor(private readonly duplicates: DuplicatesService) {}

  @RequireRole('curator')
  @Query(() => [ProbableDuplicate], {
    description:
      'Pairs of publications that are probably one article the import did not merge (a title a character or word apart, a year off by one, a preprint and its article), most probable first, with the fields that differ. Those of one review\'s imports when it is named (NOT_FOUND for a review neither given at an import nor saved). Nothing is merged until mergePublications.',
  })
  probableDuplicates(
    @Args('review', { type: () => String, nullable: true }) review: string | null,
    @Args('first', { type: () => Int, defaultValue: 20 }) first: number,
  ): Promise<ProbableDuplicate[]> {
    return this.duplicates.probableDuplicates(review, first);
  }

  @RequireRole('curator')
  @Mutation(() => MergePublicationsResult, {
    description: 'Merges one publication into another, as a curator confirmed: the kept one takes the fields it lacks (and the richer abstract and authors) and the case reports; the other is deleted; the merge is recorded.',
  })
  mergePublications(
    @Args('keepId', { type: () => ID }) keepId: string,
    @Args('mergeId', { type: () => ID }) mergeId: string,
    @PrincipalName() mergedBy: string | null,
  ): Promise<MergePublicationsResult> {
    return this.duplicates.merge(keepId, mergeId, mergedBy);
  }

  @RequireRole('curator')
  @Mutation(() => DuplicateDismissal, {
    description:
      'Says two publications are not duplicates: probableDuplicates no longer lists the pair for this review (without a review: in any listing; NOT_FOUND for a review neither given at an import nor saved). Records who said so; dismissing the pair again keeps the first record.',
  })
  dismissDuplicate(
    @Args('firstId', { type: () => ID }) firstId: string,
    @Args('secondId', { type: () => ID }) secondId: string,
    @Args('review', { type: () => String, nullable: true }) review: string | null,
    @Args('reason', { type: () => String, nullable: true }) reason: string | null,
    @PrincipalName() dismissedBy: string | null,
  ): Promise<DuplicateDismissal> {
    return this.duplicates.dismiss(firstId, secondId, review, dismissedBy, reason);
  }
}
