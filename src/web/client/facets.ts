/**
 * The facets the page shows, as data: which GraphQL facet, which filter of SearchFiltersInput it
 * drives, which URL parameter holds its selection, and how it is drawn.
 */

export type FacetName =
  | 'COMPLICATION'
  | 'PROCEDURE'
  | 'TREATMENT'
  | 'SYMPTOM'
  | 'SEX'
  | 'AGE_GROUP'
  | 'PREGNANCY_STATUS'
  | 'ANTICOAGULATION'
  | 'OUTCOME'
  | 'PUBLICATION_TYPE'
  | 'YEAR'
  | 'AGE'
  | 'BLOOD_PATCH_VOLUME'
  | 'ONSET_HOURS';

export type ListFilterKey = 'complications' | 'procedures' | 'treatments' | 'sex' | 'ageGroups' | 'pregnancyStatuses' | 'anticoagulation' | 'outcomes';
export type RangeFilterKey = 'year' | 'age';

export interface ValuesFacetConfig {
  kind: 'values';
  facet: FacetName;
  filter: ListFilterKey;
  param: string;
  title: string;
  /** Term facets filter by vocabulary term id; enum facets by the enum value. */
  values: 'terms' | 'enum';
  tree?: boolean;
  /** How many values show before "Show all". */
  visible: number;
}

export interface RangeFacetConfig {
  kind: 'range';
  facet: FacetName;
  filter: RangeFilterKey;
  param: string;
  title: string;
  interval: number;
  unit: string;
  step: number;
}

export type FacetConfig = ValuesFacetConfig | RangeFacetConfig;

export const FACETS: readonly FacetConfig[] = [
  { kind: 'values', facet: 'COMPLICATION', filter: 'complications', param: 'complication', title: 'Complication', values: 'terms', tree: true, visible: 50 },
  { kind: 'values', facet: 'PROCEDURE', filter: 'procedures', param: 'procedure', title: 'Procedure', values: 'terms', visible: 6 },
  { kind: 'values', facet: 'TREATMENT', filter: 'treatments', param: 'treatment', title: 'Treatment', values: 'terms', visible: 6 },
  { kind: 'values', facet: 'SEX', filter: 'sex', param: 'sex', title: 'Sex', values: 'enum', visible: 10 },
  { kind: 'values', facet: 'AGE_GROUP', filter: 'ageGroups', param: 'ageGroup', title: 'Age group', values: 'enum', visible: 10 },
  { kind: 'values', facet: 'PREGNANCY_STATUS', filter: 'pregnancyStatuses', param: 'pregnancy', title: 'Pregnancy status', values: 'enum', visible: 10 },
  { kind: 'values', facet: 'ANTICOAGULATION', filter: 'anticoagulation', param: 'anticoagulation', title: 'Anticoagulation', values: 'enum', visible: 10 },
  { kind: 'values', facet: 'OUTCOME', filter: 'outcomes', param: 'outcome', title: 'Outcome', values: 'enum', visible: 10 },
  { kind: 'range', facet: 'YEAR', filter: 'year', param: 'year', title: 'Publication year', interval: 5, unit: '', step: 1 },
  { kind: 'range', facet: 'AGE', filter: 'age', param: 'age', title: 'Age (years)', interval: 10, unit: ' y', step: 1 },
];

export const VALUE_FACETS = FACETS.filter((facet): facet is ValuesFacetConfig => facet.kind === 'values');
export const RANGE_FACETS = FACETS.filter((facet): facet is RangeFacetConfig => facet.kind === 'range');

export function facetConfig(name: string): FacetConfig | undefined {
  return FACETS.find((facet) => facet.facet === name);
}

/** The facets part of SearchCaseReportsInput: every facet the page shows. */
export function facetRequests(): { facet: FacetName; interval?: number }[] {
  return FACETS.map((facet) => (facet.kind === 'range' ? { facet: facet.facet, interval: facet.interval } : { facet: facet.facet }));
}
