import { Field, InputType } from '@nestjs/graphql';

@InputType()
export class ExclusionReasonInput {
  @Field({ description: 'Upper-case code, e.g. WRONG_POPULATION.' })
  code: string;

  @Field()
  label: string;
}

@InputType({ description: 'A review\'s screening settings. OTHER (with a note) is always kept among the exclusion reasons.' })
export class SaveReviewInput {
  @Field({ description: 'The review name given at import.' })
  name: string;

  @Field(() => String, { nullable: true })
  question?: string | null;

  @Field(() => [String], { nullable: true })
  keywords?: string[] | null;

  @Field(() => [ExclusionReasonInput], { nullable: true, description: 'Default: not a case report, wrong population, wrong complication, duplicate, other.' })
  exclusionReasons?: ExclusionReasonInput[] | null;
}
