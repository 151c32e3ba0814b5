import { Field, Int, ObjectType } from '@nestjs/graphql';
import { ExclusionReason } from './exclusion-reason.model';

@ObjectType('Review', { description: 'A literature review: the publications imported under its name, screened against its question.' })
export class ReviewView {
  @Field({ description: 'The review name given at import.' })
  name: string;

  @Field(() => String, { nullable: true })
  question: string | null;

  @Field(() => [String])
  keywords: string[];

  @Field(() => [String], { description: 'The words highlighted in the screening queue: the question\'s (without stopwords) and the keywords.' })
  questionTerms: string[];

  @Field(() => [ExclusionReason])
  exclusionReasons: ExclusionReason[];

  @Field(() => Int, { description: 'Distinct publications imported for the review.' })
  publicationCount: number;
}
