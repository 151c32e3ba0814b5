/**
 * The facets the page shows, as data: which GraphQL facet, which filter of the search input it
 * drives, which URL parameter holds its selection, and how it is drawn. The page searches either
 * case reports (one patient each) or publications (every imported record, with or without cases);
 * each scope has its own facets, and its counts are cases or publications.
 */

export type Scope = 'cases' | 'publications';
export const SCOPES: readonly Scope[] = ['cases', 'publications'];

export type CaseFacetName =
  | 'COMPLICATION'
  | 'PROCEDURE'
  | 'TREATMENT'
  | 'SYMPTOM'
  | 'SEX'
  | 'AGE_GROUP'
  | 'PREGNANCY_STATUS'
  | 'ANTICOAGULATION'
  | 'OUTCOME'
  | 'CURATION_STATUS'
  | 'PUBLICATION_TYPE'
  | 'YEAR'
  | 'AGE'
  | 'BLOOD_PATCH_VOLUME'
  | 'ONSET_HOURS';

export type PublicationFacetName = 'CASE_STATUS' | 'REVIEW' | 'PUBLICATION_TYPE' | 'MESH_DESCRIPTOR' | 'JOURNAL' | 'LANGUAGE' | 'IMPORT_BATCH' | 'SCREENING_DECISION' | 'YEAR';

export type FacetName = CaseFacetName | PublicationFacetName;

export type CaseListFilterKey = 'complications' | 'procedures' | 'treatments' | 'sex' | 'ageGroups' | 'pregnancyStatuses' | 'anticoagulation' | 'outcomes' | 'curationStatuses';
export type PublicationListFilterKey = 'caseStatuses' | 'screeningDecisions' | 'reviews' | 'publicationTypes' | 'meshDescriptors' | 'journals' | 'languages';
export type ListFilterKey = CaseListFilterKey | PublicationListFilterKey;
export type RangeFilterKey = 'year' | 'age';

export interface ValuesFacetConfig {
  kind: 'values';
  scope: Scope;
  facet: FacetName;
  filter: ListFilterKey;
  param: string;
  title: string;
  /**
   * Term facets filter by vocabulary term id; enum facets by the enum value (labelled by enumLabel
   * or `labels`); text facets by the value itself (journal names, MeSH UIs, review names).
   */
  values: 'terms' | 'enum' | 'text';
  tree?: boolean;
  /** How many values show before "Show all". */
  visible: number;
  /** Labels of known values, in place of the server's label. */
  labels?: Record<string, string>;
  /** Ask for values with no match too (a short fixed list, e.g. statuses). */
  includeZero?: boolean;
  /** At most this many values (the top level of a tree). */
  limit?: number;
}

export interface RangeFacetConfig {
  kind: 'range';
  scope: Scope;
  facet: FacetName;
  filter: RangeFilterKey;
  param: string;
  title: string;
  interval: number;
  unit: string;
  step: number;
}

export type FacetConfig = ValuesFacetConfig | RangeFacetConfig;

export const CURATION_STATUS_LABELS: Record<string, string> = { CURATED: 'Curated', SUGGESTED: 'Suggested', REJECTED: 'Rejected' };
export const CASE_STATUS_LABELS: Record<string, string> = { NONE: 'No case reports', SUGGESTED: 'Suggested cases', CURATED: 'Curated cases' };
export const SCREENING_DECISION_LABELS: Record<string, string> = { INCLUDED: 'Included', MAYBE: 'Maybe', EXCLUDED: 'Excluded', CONFLICT: 'Reviewers disagree', UNDECIDED: 'Not screened yet', NONE: 'In no review' };

export const CASE_FACETS: readonly FacetConfig[] = [
  { kind: 'values', scope: 'cases', facet: 'CURATION_STATUS', filter: 'curationStatuses', param: 'curation', title: 'Curation status', values: 'enum', visible: 10, labels: CURATION_STATUS_LABELS, includeZero: true },
  { kind: 'values', scope: 'cases', facet: 'COMPLICATION', filter: 'complications', param: 'complication', title: 'Complication', values: 'terms', tree: true, visible: 50 },
  { kind: 'values', scope: 'cases', facet: 'PROCEDURE', filter: 'procedures', param: 'procedure', title: 'Procedure', values: 'terms', visible: 6 },
  { kind: 'values', scope: 'cases', facet: 'TREATMENT', filter: 'treatments', param: 'treatment', title: 'Treatment', values: 'terms', visible: 6 },
  { kind: 'values', scope: 'cases', facet: 'SEX', filter: 'sex', param: 'sex', title: 'Sex', values: 'enum', visible: 10 },
  { kind: 'values', scope: 'cases', facet: 'AGE_GROUP', filter: 'ageGroups', param: 'ageGroup', title: 'Age group', values: 'enum', visible: 10 },
  { kind: 'values', scope: 'cases', facet: 'PREGNANCY_STATUS', filter: 'pregnancyStatuses', param: 'pregnancy', title: 'Pregnancy status', values: 'enum', visible: 10 },
  { kind: 'values', scope: 'cases', facet: 'ANTICOAGULATION', filter: 'anticoagulation', param: 'anticoagulation', title: 'Anticoagulation', values: 'enum', visible: 10 },
  { kind: 'values', scope: 'cases', facet: 'OUTCOME', filter: 'outcomes', param: 'outcome', title: 'Outcome', values: 'enum', visible: 10 },
  { kind: 'range', scope: 'cases', facet: 'YEAR', filter: 'year', param: 'year', title: 'Publication year', interval: 5, unit: '', step: 1 },
  { kind: 'range', scope: 'cases', facet: 'AGE', filter: 'age', param: 'age', title: 'Age (years)', interval: 10, unit: ' y', step: 1 },
];

export const PUBLICATION_FACETS: readonly FacetConfig[] = [
  { kind: 'values', scope: 'publications', facet: 'CASE_STATUS', filter: 'caseStatuses', param: 'caseStatus', title: 'Case reports', values: 'enum', visible: 10, labels: CASE_STATUS_LABELS, includeZero: true },
  { kind: 'values', scope: 'publications', facet: 'SCREENING_DECISION', filter: 'screeningDecisions', param: 'screening', title: 'Screening decision', values: 'enum', visible: 10, labels: SCREENING_DECISION_LABELS },
  { kind: 'values', scope: 'publications', facet: 'REVIEW', filter: 'reviews', param: 'review', title: 'Review', values: 'text', visible: 6, labels: { NONE: 'No review' } },
  { kind: 'values', scope: 'publications', facet: 'PUBLICATION_TYPE', filter: 'publicationTypes', param: 'publicationType', title: 'Publication type', values: 'text', visible: 6 },
  { kind: 'values', scope: 'publications', facet: 'MESH_DESCRIPTOR', filter: 'meshDescriptors', param: 'mesh', title: 'MeSH descriptor', values: 'text', tree: true, visible: 50, limit: 40 },
  { kind: 'values', scope: 'publications', facet: 'JOURNAL', filter: 'journals', param: 'journal', title: 'Journal', values: 'text', visible: 6, labels: { UNKNOWN: 'No journal' } },
  { kind: 'values', scope: 'publications', facet: 'LANGUAGE', filter: 'languages', param: 'language', title: 'Language', values: 'text', visible: 6, labels: { UNKNOWN: 'Not recorded' } },
  { kind: 'range', scope: 'publications', facet: 'YEAR', filter: 'year', param: 'year', title: 'Publication year', interval: 5, unit: '', step: 1 },
];

/** Every facet of both scopes (a filter key and a URL parameter belong to one facet of one scope, except the shared year). */
export const FACETS: readonly FacetConfig[] = [...CASE_FACETS, ...PUBLICATION_FACETS];

export function facetsOf(scope: Scope): readonly FacetConfig[] {
  return scope === 'publications' ? PUBLICATION_FACETS : CASE_FACETS;
}

export function valueFacetsOf(scope: Scope): ValuesFacetConfig[] {
  return facetsOf(scope).filter((facet): facet is ValuesFacetConfig => facet.kind === 'values');
}

export function rangeFacetsOf(scope: Scope): RangeFacetConfig[] {
  return facetsOf(scope).filter((facet): facet is RangeFacetConfig => facet.kind === 'range');
}

/** Value facets of both scopes. */
export const VALUE_FACETS = FACETS.filter((facet): facet is ValuesFacetConfig => facet.kind === 'values');

/** The label of a value of a facet, when the facet knows it. */
export function knownLabel(config: ValuesFacetConfig, value: string): string | undefined {
  return config.labels?.[value];
}

/** The facets part of the search input: every facet the page shows for that scope. */
export function facetRequests(scope: Scope = 'cases'): { facet: FacetName; interval?: number; includeZero?: boolean; limit?: number }[] {
  return facetsOf(scope).map((facet) => {
    if (facet.kind === 'range') return { facet: facet.facet, interval: facet.interval };
    const request: { facet: FacetName; includeZero?: boolean; limit?: number } = { facet: facet.facet };
    if (facet.includeZero) request.includeZero = true;
    if (facet.limit) request.limit = facet.limit;
    return request;
  });
}
