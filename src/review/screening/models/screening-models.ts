import { Field, Int, ObjectType } from '@nestjs/graphql';
import { Publication } from '../../../publications/publication.entity';
import { ScreeningDecisionValue, ScreeningStatus } from '../screening.enums';

@ObjectType({ description: 'A piece of a title or abstract; highlighted pieces match a term of the review question.' })
export class TextSegment {
  @Field()
  text: string;

  @Field()
  highlighted: boolean;
}

@ObjectType({ description: 'One reviewer\'s decision on a record.' })
export class ReviewerDecision {
  @Field({ description: 'The name of the reviewer\'s API key.' })
  reviewer: string;

  @Field(() => ScreeningDecisionValue)
  decision: ScreeningDecisionValue;

  @Field(() => String, { nullable: true, description: 'Exclusion reason code (EXCLUDE only).' })
  reason: string | null;

  @Field(() => String, { nullable: true })
  note: string | null;

  @Field()
  decidedAt: Date;
}

@ObjectType({ description: 'The decision that settled a disagreement, and who made it.' })
export class ScreeningResolutionView {
  @Field(() => ScreeningDecisionValue)
  decision: ScreeningDecisionValue;

  @Field(() => String, { nullable: true })
  reason: string | null;

  @Field(() => String, { nullable: true })
  note: string | null;

  @Field()
  resolvedBy: string;

  @Field()
  resolvedAt: Date;
}

@ObjectType({ description: 'A record of a review in the screening queue.' })
export class ScreeningItem {
  @Field()
  review: string;

  @Field(() => Publication)
  publication: Publication;

  @Field(() => [TextSegment], { description: 'The title cut where the review question\'s terms occur.' })
  titleSegments: TextSegment[];

  @Field(() => [TextSegment], { description: 'The abstract likewise (empty without an abstract).' })
  abstractSegments: TextSegment[];

  @Field(() => ScreeningStatus, { description: 'The final decision: agreed by every reviewer who screened the record, or resolved. Blind screening: in scope MINE, UNDECIDED until you have decided the record (or reviewers disagree).' })
  status: ScreeningStatus;

  @Field(() => String, { nullable: true, description: 'The exclusion reason of an EXCLUDED record.' })
  finalReason: string | null;

  @Field(() => ReviewerDecision, { nullable: true, description: 'The signed-in reviewer\'s own decision.' })
  myDecision: ReviewerDecision | null;

  @Field(() => [ReviewerDecision], { description: 'Blind screening: only your own decision until reviewers disagree (or a disagreement is resolved); then every reviewer\'s decision, oldest first.' })
  decisions: ReviewerDecision[];

  @Field(() => ScreeningResolutionView, { nullable: true })
  resolution: ScreeningResolutionView | null;
}

@ObjectType({ description: 'Screening progress of a review, by the queue\'s scope (own or final decisions).' })
export class ScreeningProgress {
  @Field(() => Int, { description: 'Records in the review.' })
  total: number;

  @Field(() => Int, { description: 'Records with a decision (total - undecided; conflicts count as screened in scope MINE, not in FINAL).' })
  screened: number;

  @Field(() => Int)
  undecided: number;

  @Field(() => Int)
  included: number;

  @Field(() => Int)
  excluded: number;

  @Field(() => Int)
  maybe: number;

  @Field(() => Int, { description: 'Records whose reviewers disagree and that nobody has resolved (whatever the scope).' })
  conflicts: number;
}

@ObjectType({ description: 'A page of the screening queue with the review\'s progress.' })
export class ScreeningQueue {
  @Field(() => [ScreeningItem])
  items: ScreeningItem[];

  @Field(() => Int, { description: 'Records matching the filter and text.' })
  totalCount: number;

  @Field()
  hasNextPage: boolean;

  @Field(() => String, { nullable: true })
  endCursor: string | null;

  @Field(() => ScreeningProgress)
  progress: ScreeningProgress;
}
