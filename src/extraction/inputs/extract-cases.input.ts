import { Field, ID, InputType } from '@nestjs/graphql';

@InputType({ description: 'Which publications to propose cases for: a list, or every publication of a review (give one of the two).' })
export class ExtractCasesInput {
  @Field(() => [ID], { nullable: true })
  publicationIds?: string[] | null;

  @Field(() => String, { nullable: true, description: 'A review name given at import.' })
  review?: string | null;
}
