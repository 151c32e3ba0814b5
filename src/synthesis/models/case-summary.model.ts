import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { FacetName } from '../../search/search.enums';
import { CountMethod } from './count-method.enum';
import { CaseCount, ProportionEstimate, SearchLinkModel } from './proportion.model';

@ObjectType({ description: 'One value of the summarised facet.' })
export class CaseSummaryRow {
  @Field({ description: 'Enum value (e.g. FULL_RECOVERY), term id, publication type; UNKNOWN, or NONE for a multi-valued facet\'s cases with no value.' })
  value: string;

  @Field()
  label: string;

  @Field(() => ID, { nullable: true })
  termId: string | null;

  @Field(() => Int, { description: 'Depth in the term tree (0: root or not a term). Counts roll up: a parent counts each of its cases once.' })
  depth: number;

  @Field({ description: 'The unknown / not reported row (always present, last).' })
  unknown: boolean;

  @Field(() => Int)
  caseCount: number;

  @Field(() => Int)
  publicationCount: number;

  @Field(() => ProportionEstimate, { nullable: true, description: 'Of all cases of the search; null when the search finds none.' })
  ofAll: ProportionEstimate | null;

  @Field(() => ProportionEstimate, { nullable: true, description: 'Of the cases whose value is known; null for the unknown row or when none is known.' })
  ofKnown: ProportionEstimate | null;

  @Field(() => CaseCount, { nullable: true, description: 'Curated cases of this value; only when the search finds both curated and suggested cases.' })
  curated: CaseCount | null;

  @Field(() => CaseCount, { nullable: true, description: 'Suggested (not yet confirmed) cases of this value; only when the search finds both.' })
  suggested: CaseCount | null;

  @Field(() => SearchLinkModel, { nullable: true, description: 'The search for these cases; null when no search selects exactly them (e.g. NONE).' })
  search: SearchLinkModel | null;
}

@ObjectType({ description: 'Counts, proportions and Wilson 95% intervals of one facet\'s values over a search.' })
export class CaseSummary {
  @Field(() => FacetName)
  facet: FacetName;

  @Field(() => Int)
  totalCases: number;

  @Field(() => Int)
  totalPublications: number;

  @Field(() => Int, { description: 'Cases whose value is known (the denominator of ofKnown).' })
  knownCases: number;

  @Field({ description: 'A case can hold several values (COMPLICATION, PROCEDURE, TREATMENT, SYMPTOM, PUBLICATION_TYPE): proportions may add up to more than 1.' })
  multiValued: boolean;

  @Field(() => Int, { nullable: true, description: 'Curated cases; only when the search finds both curated and suggested cases.' })
  curatedCases: number | null;

  @Field(() => Int, { nullable: true, description: 'Suggested cases; only when the search finds both curated and suggested cases.' })
  suggestedCases: number | null;

  @Field(() => CountMethod)
  method: CountMethod;

  @Field(() => [CaseSummaryRow])
  rows: CaseSummaryRow[];
}
