import { Field, ID, Int, ObjectType } from '@nestjs/graphql';

@ObjectType({ description: 'A facet value with the cases (and distinct publications) that match the other facets\' selections.' })
export class FacetValue {
  @Field({ description: 'Term id, enum value (e.g. POSTPARTUM), "UNKNOWN", or the publication type.' })
  value: string;

  @Field()
  label: string;

  @Field(() => ID, { nullable: true })
  termId: string | null;

  @Field(() => String, { nullable: true, description: 'The term\'s stable key: filters, links and saved searches name terms by it, so they work on any installation with the same vocabulary.' })
  termKey: string | null;

  @Field(() => Int)
  caseCount: number;

  @Field(() => Int)
  publicationCount: number;

  @Field()
  selected: boolean;

  @Field(() => [FacetValue], { description: 'Narrower terms (COMPLICATION only), counts rolled up.' })
  children: FacetValue[];
}
