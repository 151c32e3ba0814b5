import { AgeGroup, Anticoagulation, Outcome, PregnancyStatus, Sex } from '../../case-reports/case-report.enums';
import { CurationStatus } from '../../case-reports/curation.enums';
import { TermKind } from '../../vocabulary/term-kind.enum';

/** The facets a caller can ask for; the string values are also the GraphQL enum values (`FacetName`). */
export enum FacetName {
  COMPLICATION = 'COMPLICATION',
  PROCEDURE = 'PROCEDURE',
  TREATMENT = 'TREATMENT',
  SYMPTOM = 'SYMPTOM',
  SEX = 'SEX',
  AGE_GROUP = 'AGE_GROUP',
  PREGNANCY_STATUS = 'PREGNANCY_STATUS',
  ANTICOAGULATION = 'ANTICOAGULATION',
  OUTCOME = 'OUTCOME',
  CURATION_STATUS = 'CURATION_STATUS',
  PUBLICATION_TYPE = 'PUBLICATION_TYPE',
  YEAR = 'YEAR',
  AGE = 'AGE',
  BLOOD_PATCH_VOLUME = 'BLOOD_PATCH_VOLUME',
  ONSET_HOURS = 'ONSET_HOURS',
}

/**
 * - `hierarchical-terms`: vocabulary terms in a tree; the document field holds each attached term AND its
 *   ancestors, so a filter on a parent matches its descendants and counts roll up. Returned as a tree.
 * - `terms`: a flat list of values (vocabulary terms with ancestors, or free strings such as publication types).
 * - `enum`: a closed list of values (an enum of the case-report model); UNKNOWN is a value like any other.
 * - `numeric-range`: a number (or several per case); min/max/histogram, filtered by a range.
 */
export type FacetKind = 'terms' | 'hierarchical-terms' | 'enum' | 'numeric-range';

/** The fields of a SearchDocument that facets and filters use; engines map them to their own names. */
export type FacetField =
  | 'complicationIds'
  | 'procedureIds'
  | 'treatmentIds'
  | 'symptomIds'
  | 'sex'
  | 'ageGroup'
  | 'pregnancyStatus'
  | 'anticoagulation'
  | 'outcome'
  | 'curationStatus'
  | 'publicationTypes'
  | 'year'
  | 'ageYears'
  | 'bloodPatchVolumesMl'
  | 'onsetHours';

/** The keys of SearchFilters a facet owns: the facet's own counts ignore this filter (disjunctive counting). */
export type FacetFilterKey =
  | 'complications'
  | 'procedures'
  | 'treatments'
  | 'symptoms'
  | 'sex'
  | 'ageGroups'
  | 'pregnancyStatuses'
  | 'anticoagulation'
  | 'outcomes'
  | 'curationStatuses'
  | 'publicationTypes'
  | 'year'
  | 'age'
  | 'bloodPatchVolumeMl'
  | 'onsetHours';

export interface EnumValue {
  value: string;
  label: string;
}

export interface FacetDefinition {
  name: FacetName;
  kind: FacetKind;
  /** Field of the SearchDocument the facet counts and its filter matches. */
  field: FacetField;
  /** Key of SearchFilters that selects values of this facet. */
  filterKey: FacetFilterKey;
  /** Whether a document can hold several values in `field` (arrays). */
  multiValued: boolean;
  /** Vocabulary kind, for term facets. */
  termKind?: TermKind;
  /** Closed list of values in display order, for enum facets. */
  values?: readonly EnumValue[];
  /**
   * The value a case without any value in `field` counts under ("unknown is a value"). The document
   * builder stores it in the field, so engines count and filter it like any other value.
   */
  missingValue?: EnumValue;
  /** Numeric facets: default histogram interval, the smallest accepted, and the unit for labels. */
  defaultInterval?: number;
  minInterval?: number;
}

/** Value stored in `treatmentIds` for a case with no treatment terms. */
export const TREATMENT_NOT_REPORTED: EnumValue = { value: 'UNKNOWN', label: 'Not reported' };

const SEX_LABELS: Record<Sex, string> = { FEMALE: 'Female', MALE: 'Male', UNKNOWN: 'Unknown' };
const AGE_GROUP_LABELS: Record<AgeGroup, string> = {
  NEONATE: 'Neonate (< 28 days)',
  INFANT: 'Infant (< 1 year)',
  CHILD: 'Child (1-12)',
  ADOLESCENT: 'Adolescent (13-17)',
  ADULT: 'Adult (18-64)',
  OLDER_ADULT: 'Older adult (65+)',
  UNKNOWN: 'Unknown',
};
const PREGNANCY_LABELS: Record<PregnancyStatus, string> = { PREGNANT: 'Pregnant', POSTPARTUM: 'Postpartum', NOT_PREGNANT: 'Not pregnant', UNKNOWN: 'Unknown' };
const ANTICOAGULATION_LABELS: Record<Anticoagulation, string> = {
  NONE: 'None',
  ANTICOAGULANT: 'Anticoagulant',
  ANTIPLATELET: 'Antiplatelet',
  BOTH: 'Anticoagulant and antiplatelet',
  UNKNOWN: 'Unknown',
};
const OUTCOME_LABELS: Record<Outcome, string> = {
  FULL_RECOVERY: 'Full recovery',
  IMPROVED_UNSPECIFIED: 'Improved (unspecified)',
  PARTIAL_RECOVERY: 'Partial recovery',
  RESIDUAL_DEFICIT: 'Residual deficit',
  DEATH: 'Death',
  UNKNOWN: 'Unknown',
};

/** REJECTED cases are never indexed, so the facet lists the two searchable states. */
const CURATION_LABELS: Partial<Record<CurationStatus, string>> = { CURATED: 'Curated', SUGGESTED: 'Suggested (not yet confirmed)' };

const enumValues = <E extends string>(labels: Record<E, string>): EnumValue[] => Object.entries<string>(labels).map(([value, label]) => ({ value, label }));

/** Every facet, in the order a UI lists them. Facets are data: engines and the API read this table. */
export const FACETS: readonly FacetDefinition[] = [
  { name: FacetName.COMPLICATION, kind: 'hierarchical-terms', field: 'complicationIds', filterKey: 'complications', multiValued: true, termKind: TermKind.COMPLICATION },
  { name: FacetName.PROCEDURE, kind: 'terms', field: 'procedureIds', filterKey: 'procedures', multiValued: true, termKind: TermKind.PROCEDURE },
  { name: FacetName.TREATMENT, kind: 'terms', field: 'treatmentIds', filterKey: 'treatments', multiValued: true, termKind: TermKind.TREATMENT, missingValue: TREATMENT_NOT_REPORTED },
  { name: FacetName.SYMPTOM, kind: 'terms', field: 'symptomIds', filterKey: 'symptoms', multiValued: true, termKind: TermKind.SYMPTOM },
  { name: FacetName.SEX, kind: 'enum', field: 'sex', filterKey: 'sex', multiValued: false, values: enumValues(SEX_LABELS) },
  { name: FacetName.AGE_GROUP, kind: 'enum', field: 'ageGroup', filterKey: 'ageGroups', multiValued: false, values: enumValues(AGE_GROUP_LABELS) },
  { name: FacetName.PREGNANCY_STATUS, kind: 'enum', field: 'pregnancyStatus', filterKey: 'pregnancyStatuses', multiValued: false, values: enumValues(PREGNANCY_LABELS) },
  { name: FacetName.ANTICOAGULATION, kind: 'enum', field: 'anticoagulation', filterKey: 'anticoagulation', multiValued: false, values: enumValues(ANTICOAGULATION_LABELS) },
  { name: FacetName.OUTCOME, kind: 'enum', field: 'outcome', filterKey: 'outcomes', multiValued: false, values: enumValues(OUTCOME_LABELS) },
  { name: FacetName.CURATION_STATUS, kind: 'enum', field: 'curationStatus', filterKey: 'curationStatuses', multiValued: false, values: enumValues(CURATION_LABELS as Record<string, string>) },
  { name: FacetName.PUBLICATION_TYPE, kind: 'terms', field: 'publicationTypes', filterKey: 'publicationTypes', multiValued: true },
  { name: FacetName.YEAR, kind: 'numeric-range', field: 'year', filterKey: 'year', multiValued: false, defaultInterval: 5, minInterval: 1 },
  { name: FacetName.AGE, kind: 'numeric-range', field: 'ageYears', filterKey: 'age', multiValued: false, defaultInterval: 10, minInterval: 1 },
  { name: FacetName.BLOOD_PATCH_VOLUME, kind: 'numeric-range', field: 'bloodPatchVolumesMl', filterKey: 'bloodPatchVolumeMl', multiValued: true, defaultInterval: 5, minInterval: 0.5 },
  { name: FacetName.ONSET_HOURS, kind: 'numeric-range', field: 'onsetHours', filterKey: 'onsetHours', multiValued: true, defaultInterval: 24, minInterval: 0.5 },
];

const BY_NAME = new Map(FACETS.map((facet) => [facet.name, facet]));
const BY_FILTER_KEY = new Map(FACETS.map((facet) => [facet.filterKey, facet]));

export function facetDefinition(name: FacetName): FacetDefinition {
  const facet = BY_NAME.get(name);
  if (!facet) throw new Error(`unknown facet ${String(name)}`);
  return facet;
}

export function isFacetName(value: unknown): value is FacetName {
  return typeof value === 'string' && BY_NAME.has(value as FacetName);
}

/** The facet whose own counts ignore this filter key (every filter key but `outcomeKnown` has one). */
export function facetOfFilterKey(key: string): FacetDefinition | undefined {
  return BY_FILTER_KEY.get(key as FacetFilterKey);
}

/** Human label of an enum facet value (e.g. POSTPARTUM -> "Postpartum"). */
export function enumLabel(facet: FacetDefinition, value: string): string {
  return facet.values?.find((v) => v.value === value)?.label ?? (facet.missingValue?.value === value ? facet.missingValue.label : value);
}
