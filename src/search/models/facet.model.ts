import { Field, ObjectType } from '@nestjs/graphql';
import { FacetName } from '../search.enums';
import { FacetValue } from './facet-value.model';
import { NumericFacetStats } from './numeric-facet-stats.model';

@ObjectType()
export class Facet {
  @Field(() => FacetName)
  facet: FacetName;

  @Field(() => [FacetValue], { description: 'Empty for numeric facets.' })
  values: FacetValue[];

  @Field(() => NumericFacetStats, { nullable: true, description: 'Numeric facets only.' })
  stats: NumericFacetStats | null;
}
