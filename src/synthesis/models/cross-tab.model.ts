import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { FacetName } from '../../search/search.enums';
import { CountMethod } from './count-method.enum';
import { ProportionEstimate, SearchLinkModel } from './proportion.model';

@ObjectType({ description: 'A row or column of a cross-tab: its value and its margin (cases with that value, whatever the other facet).' })
export class CrossTabHeader {
  @Field()
  value: string;

  @Field()
  label: string;

  @Field(() => ID, { nullable: true })
  termId: string | null;

  @Field(() => Int)
  depth: number;

  @Field({ description: 'The unknown / not reported (or NONE) row or column.' })
  unknown: boolean;

  @Field(() => Int)
  caseCount: number;

  @Field(() => Int)
  publicationCount: number;

  @Field(() => ProportionEstimate, { nullable: true, description: 'Of all cases of the search.' })
  ofAll: ProportionEstimate | null;
}

@ObjectType()
export class CrossTabCell {
  @Field()
  rowValue: string;

  @Field()
  columnValue: string;

  @Field(() => Int)
  caseCount: number;

  @Field(() => Int)
  publicationCount: number;

  @Field(() => ProportionEstimate, { nullable: true, description: "Of the row's cases (row proportion); null for an empty row." })
  ofRow: ProportionEstimate | null;

  @Field(() => ProportionEstimate, { nullable: true, description: "Of the column's cases (column proportion); null for an empty column." })
  ofColumn: ProportionEstimate | null;

  @Field(() => SearchLinkModel, { nullable: true, description: "The search for this cell's cases; null when no search selects exactly them." })
  search: SearchLinkModel | null;
}

@ObjectType({ description: 'Two facets of a search against each other. With a multi-valued facet a case counts in each of its values, so cells can add up to more than the margins.' })
export class CaseCrossTab {
  @Field(() => FacetName)
  rows: FacetName;

  @Field(() => FacetName)
  columns: FacetName;

  @Field(() => Int)
  totalCases: number;

  @Field(() => Int)
  totalPublications: number;

  @Field(() => [CrossTabHeader], { description: 'Row values (unknown last) with their totals.' })
  rowHeaders: CrossTabHeader[];

  @Field(() => [CrossTabHeader], { description: 'Column values (unknown last) with their totals.' })
  columnHeaders: CrossTabHeader[];

  @Field(() => [CrossTabCell], { description: 'Every row x column pair, row by row.' })
  cells: CrossTabCell[];

  @Field(() => Int, { description: 'Known row values left out by the limit (those with the fewest cases).' })
  omittedRowValues: number;

  @Field(() => Int)
  omittedColumnValues: number;

  @Field(() => CountMethod)
  method: CountMethod;
}
