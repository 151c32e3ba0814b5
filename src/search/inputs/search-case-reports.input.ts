import { Field, Float, ID, InputType, Int } from '@nestjs/graphql';
import { AgeGroup, Anticoagulation, Outcome, PregnancyStatus, Sex } from '../../case-reports/case-report.enums';
import { CurationStatus } from '../../case-reports/curation.enums';
import { FacetName, SearchSort } from '../search.enums';

@InputType({ description: 'Inclusive bounds; either may be left out.' })
export class RangeInput {
  @Field(() => Float, { nullable: true })
  min?: number | null;

  @Field(() => Float, { nullable: true })
  max?: number | null;
}

@InputType({ description: 'Values inside one filter are ORed, filters are ANDed. Terms are given by id, MeSH UI or key; a term includes its descendants.' })
export class SearchFiltersInput {
  @Field(() => [ID], { nullable: true })
  complications?: string[] | null;

  @Field(() => [ID], { nullable: true })
  procedures?: string[] | null;

  @Field(() => [ID], { nullable: true, description: 'Also "UNKNOWN": cases with no treatment reported.' })
  treatments?: string[] | null;

  @Field(() => [ID], { nullable: true })
  symptoms?: string[] | null;

  @Field(() => [Sex], { nullable: true })
  sex?: Sex[] | null;

  @Field(() => [AgeGroup], { nullable: true })
  ageGroups?: AgeGroup[] | null;

  @Field(() => [PregnancyStatus], { nullable: true })
  pregnancyStatuses?: PregnancyStatus[] | null;

  @Field(() => [Anticoagulation], { nullable: true })
  anticoagulation?: Anticoagulation[] | null;

  @Field(() => [Outcome], { nullable: true })
  outcomes?: Outcome[] | null;

  @Field(() => [CurationStatus], { nullable: true, description: 'SUGGESTED (proposed by extraction) and/or CURATED.' })
  curationStatuses?: CurationStatus[] | null;

  @Field(() => [String], { nullable: true })
  publicationTypes?: string[] | null;

  @Field(() => RangeInput, { nullable: true, description: 'Publication year.' })
  year?: RangeInput | null;

  @Field(() => RangeInput, { nullable: true, description: 'Age in years.' })
  age?: RangeInput | null;

  @Field(() => RangeInput, { nullable: true, description: 'Volume of some blood patch of the case, ml.' })
  bloodPatchVolumeMl?: RangeInput | null;

  @Field(() => RangeInput, { nullable: true, description: 'Hours from a procedure to some complication.' })
  onsetHours?: RangeInput | null;

  @Field(() => Boolean, { nullable: true, description: 'true: outcome reported; false: outcome not reported.' })
  outcomeKnown?: boolean | null;

  @Field(() => Boolean, {
    nullable: true,
    description:
      '"Complication after procedure": true links `complications` and `procedures` through the recorded sequence. With both given, a case matches when one of its complications (or a narrower one) was recorded as following one of its procedures (or a narrower one): a hematoma after a lumbar puncture, treated later with a blood patch, is no hematoma after a blood patch. With one side given it filters as usual. Facet counts follow the link: COMPLICATION counts only complications that followed a selected procedure, PROCEDURE only procedures a selected complication followed. Default false.',
  })
  complicationsFollowProcedures?: boolean | null;
}

@InputType()
export class FacetRequestInput {
  @Field(() => FacetName)
  facet: FacetName;

  @Field(() => Boolean, {
    nullable: true,
    defaultValue: false,
    description:
      'Also list values without matching cases. For vocabulary facets (complication, procedure, treatment, symptom) only the roots of the term tree and the children of values that have cases or are selected, not the whole vocabulary (thousands of MeSH terms); facetValues finds any term by prefix.',
  })
  includeZero?: boolean | null;

  @Field(() => Int, { nullable: true, description: 'At most this many values (top level of a tree).' })
  limit?: number | null;

  @Field(() => Float, { nullable: true, description: 'Histogram bucket width (numeric facets).' })
  interval?: number | null;
}

@InputType()
export class SearchCaseReportsInput {
  @Field(() => String, { nullable: true, description: 'Words, "quoted phrases", -exclusions and OR; a word ending in * (hemat*) is a prefix.' })
  text?: string | null;

  @Field(() => Boolean, {
    nullable: true,
    defaultValue: false,
    description: 'Search as you type: the last word of `text` matches as a prefix ("hemat" finds hematoma), unless the text ends with a space or a closing quote. A prefix matches at most 50 indexed words.',
  })
  prefixLastWord?: boolean | null;

  @Field(() => SearchFiltersInput, { nullable: true })
  filters?: SearchFiltersInput | null;

  @Field(() => [FacetRequestInput], { nullable: true })
  facets?: FacetRequestInput[] | null;

  @Field(() => SearchSort, { nullable: true, defaultValue: SearchSort.RELEVANCE })
  sort?: SearchSort | null;

  @Field(() => Int, { nullable: true, defaultValue: 20 })
  first?: number | null;

  @Field(() => String, { nullable: true })
  after?: string | null;

  @Field(() => Boolean, {
    nullable: true,
    defaultValue: false,
    description: 'Turn the words of `text` that name a vocabulary term, a population or an outcome into filters (see `understanding` in the result for what was applied).',
  })
  applySuggestedFilters?: boolean | null;
}
