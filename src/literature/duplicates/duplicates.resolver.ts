import { Args, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { PrincipalName } from '../../auth/principal-name.decorator';
import { RequireRole } from '../../auth/require-role.decorator';
import { MergePublicationsResult, ProbableDuplicate } from './duplicate.models';
import { DuplicatesService } from './duplicates.service';

@Resolver()
export class DuplicatesResolver {
  constructor(private readonly duplicates: DuplicatesService) {}

  @RequireRole('curator')
  @Query(() => [ProbableDuplicate], {
    description:
      'Pairs of publications that are probably one article the import did not merge (a title a character or word apart, a year off by one, a preprint and its article), most probable first, with the fields that differ. Those of one review\'s imports when it is named. Nothing is merged until mergePublications.',
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
}
