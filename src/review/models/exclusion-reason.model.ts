import { Field, ObjectType } from '@nestjs/graphql';

@ObjectType({ description: 'A reason a record can be excluded for at screening.' })
export class ExclusionReason {
  @Field({ description: 'e.g. NOT_CASE_REPORT, WRONG_POPULATION, WRONG_COMPLICATION, DUPLICATE, OTHER.' })
  code: string;

  @Field()
  label: string;

  @Field({ description: 'An exclusion for this reason needs a note (OTHER).' })
  needsNote: boolean;
}
