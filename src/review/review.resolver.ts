import { Args, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { PrincipalName } from '../auth/principal-name.decorator';
import { RequireRole } from '../auth/require-role.decorator';
import { SaveReviewInput } from './inputs/save-review.input';
import { ReviewView } from './models/review.model';
import { PrismaCounts } from './prisma/prisma-counts.model';
import { ScreeningItem, ScreeningQueue } from './screening/models/screening-models';
import { ScreeningDecisionValue, ScreeningScope, ScreeningStatus } from './screening/screening.enums';
import { ScreeningService } from './screening/screening.service';

@Resolver()
export class ReviewResolver {
  constructor(private readonly screening: ScreeningService) {}

  @Query(() => [ReviewView], { description: 'Every review: the names given at import, and reviews saved with a question.' })
  reviews(): Promise<ReviewView[]> {
    return this.screening.reviews();
  }

  @Query(() => ReviewView, { nullable: true })
  review(@Args('name') name: string): Promise<ReviewView | null> {
    return this.screening.review(name);
  }

  @Mutation(() => ReviewView, { description: 'Sets a review\'s question, keywords and exclusion reasons (curator).' })
  @RequireRole('curator')
  saveReview(@Args('input') input: SaveReviewInput): Promise<ReviewView> {
    return this.screening.saveReview(input);
  }

  @Query(() => ScreeningQueue, { description: 'The records of a review for title/abstract screening, with the review question\'s terms highlighted, and the progress.' })
  screeningQueue(
    @PrincipalName() reviewer: string | null,
    @Args('review') review: string,
    @Args('filter', { type: () => ScreeningStatus, nullable: true, description: 'Records with this status (in the scope); CONFLICT: records whose reviewers disagree.' }) filter?: ScreeningStatus | null,
    @Args('scope', { type: () => ScreeningScope, nullable: true, description: 'Default FINAL; MINE needs a signed-in reviewer.' }) scope?: ScreeningScope | null,
    @Args('reason', { type: () => String, nullable: true, description: 'With filter EXCLUDED: only this exclusion reason.' }) reason?: string | null,
    @Args('text', { type: () => String, nullable: true, description: 'Words that must all occur in the title, abstract, journal, keywords or MeSH headings.' }) text?: string | null,
    @Args('first', { type: () => Int, nullable: true }) first?: number | null,
    @Args('after', { type: () => String, nullable: true }) after?: string | null,
  ): Promise<ScreeningQueue> {
    return this.screening.queue({ review, filter, scope, reason, text, first, after }, reviewer);
  }

  @Query(() => [ScreeningItem], { description: 'Records whose reviewers disagree and that nobody has resolved yet.' })
  screeningConflicts(@PrincipalName() reviewer: string | null, @Args('review') review: string): Promise<ScreeningItem[]> {
    return this.screening.conflicts(review, reviewer);
  }

  @Mutation(() => ScreeningItem, { description: 'Records the signed-in reviewer\'s decision on a record (replacing their earlier one). EXCLUDE needs a reason of the review; OTHER needs a note.' })
  @RequireRole('curator')
  screenPublication(
    @PrincipalName() reviewer: string,
    @Args('review') review: string,
    @Args('publicationId', { type: () => ID }) publicationId: string,
    @Args('decision', { type: () => ScreeningDecisionValue }) decision: ScreeningDecisionValue,
    @Args('reason', { type: () => String, nullable: true }) reason?: string | null,
    @Args('note', { type: () => String, nullable: true }) note?: string | null,
  ): Promise<ScreeningItem> {
    return this.screening.screen({ review, publicationId, decision, reason, note }, reviewer);
  }

  @Mutation(() => ScreeningItem, { description: 'Settles a disagreement between reviewers with a final decision, recording who made it.' })
  @RequireRole('curator')
  resolveScreeningConflict(
    @PrincipalName() resolvedBy: string,
    @Args('review') review: string,
    @Args('publicationId', { type: () => ID }) publicationId: string,
    @Args('decision', { type: () => ScreeningDecisionValue }) decision: ScreeningDecisionValue,
    @Args('reason', { type: () => String, nullable: true }) reason?: string | null,
    @Args('note', { type: () => String, nullable: true }) note?: string | null,
  ): Promise<ScreeningItem> {
    return this.screening.resolve({ review, publicationId, decision, reason, note }, resolvedBy);
  }

  @Query(() => PrismaCounts, { description: 'PRISMA 2020 numbers of a review: identification from its imports, screening from its final decisions.' })
  prismaCounts(@Args('review') review: string): Promise<PrismaCounts> {
    return this.screening.prismaCounts(review);
  }
}
