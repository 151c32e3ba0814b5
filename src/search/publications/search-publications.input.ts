import { Field, InputType, Int } from '@nestjs/graphql';
import { RangeInput } from '../inputs/search-case-reports.input';
import { PublicationCaseStatus, PublicationFacetName, PublicationScreeningDecision, PublicationSearchSort } from './publication-search-query';

@InputType({ description: 'Filters of publication search: values inside one filter are ORed, filters ANDed.' })
export class PublicationFiltersInput {
  @Field(() => RangeInput, { nullable: true, description: 'Publication year.' })
  year?: RangeInput | null;

  @Field(() => [String], { nullable: true, description: 'e.g. "Case Reports", "Review".' })
  publicationTypes?: string[] | null;

  @Field(() => [String], { nullable: true, description: 'MeSH descriptors by UI (D046748) or exact name ("Hematoma, Epidural, Spinal"); a descriptor includes the narrower ones.' })
  meshDescriptors?: string[] | null;

  @Field(() => [String], { nullable: true, description: 'Journal names as stored; "UNKNOWN" for records without one.' })
  journals?: string[] | null;

  @Field(() => [String], { nullable: true, description: 'Language codes as stored (eng, fre…); "UNKNOWN" for records without one.' })
  languages?: string[] | null;

  @Field(() => [String], { nullable: true, description: 'Review names given at import; "NONE" for publications no import brought.' })
  reviews?: string[] | null;

  @Field(() => [String], { nullable: true, description: 'Import batch ids; "NONE" for publications no import brought.' })
  importBatches?: string[] | null;

  @Field(() => [PublicationCaseStatus], { nullable: true })
  caseStatuses?: PublicationCaseStatus[] | null;

  @Field(() => [PublicationScreeningDecision], { nullable: true, description: 'Final screening decisions (in any review the publication belongs to; combine with `reviews` for one review).' })
  screeningDecisions?: PublicationScreeningDecision[] | null;
}

@InputType()
export class PublicationFacetRequestInput {
  @Field(() => PublicationFacetName)
  facet: PublicationFacetName;

  @Field({ defaultValue: false, description: 'Also list values with no matching publication.' })
  includeZero: boolean;

  @Field(() => Int, { nullable: true, description: 'At most this many values (top level of the MeSH tree); all when absent.' })
  limit?: number | null;

  @Field(() => Int, { nullable: true, description: 'Histogram width (YEAR only).' })
  interval?: number | null;
}

@InputType({ description: 'A search over every stored publication, with or without case reports. Text syntax as in searchCaseReports.' })
export class SearchPublicationsInput {
  @Field(() => String, { nullable: true })
  text?: string | null;

  @Field(() => Boolean, { nullable: true, defaultValue: false, description: 'Search as you type: the last word of `text` matches as a prefix (as in searchCaseReports).' })
  prefixLastWord?: boolean | null;

  @Field(() => PublicationFiltersInput, { nullable: true })
  filters?: PublicationFiltersInput | null;

  @Field(() => [PublicationFacetRequestInput], { nullable: true })
  facets?: PublicationFacetRequestInput[] | null;

  @Field(() => PublicationSearchSort, { nullable: true })
  sort?: PublicationSearchSort | null;

  @Field(() => Int, { nullable: true, description: 'Page size (default 20).' })
  first?: number | null;

  @Field(() => String, { nullable: true })
  after?: string | null;
}
