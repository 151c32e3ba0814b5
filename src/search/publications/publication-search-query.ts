import { registerEnumType } from '@nestjs/graphql';
import { EnumValue, FacetKind } from '../query/facet-registry';
import { NumericRange } from '../query/search-query';
import { TextQuery } from '../query/text-query';

/**
 * Publication-level search: one document per stored publication, with or without case reports.
 * It shares the text model (TextQuery, parsed by the same parser) and the counting rules of case
 * search (OR inside a facet, AND across facets, a facet's counts ignore its own selection), but counts
 * publications, so it has its own small facet registry.
 */

export enum PublicationFacetName {
  YEAR = 'YEAR',
  PUBLICATION_TYPE = 'PUBLICATION_TYPE',
  MESH_DESCRIPTOR = 'MESH_DESCRIPTOR',
  JOURNAL = 'JOURNAL',
  LANGUAGE = 'LANGUAGE',
  REVIEW = 'REVIEW',
  IMPORT_BATCH = 'IMPORT_BATCH',
  CASE_STATUS = 'CASE_STATUS',
  SCREENING_DECISION = 'SCREENING_DECISION',
}

/** A publication's final screening decision in a review it was imported for (one value per review). */
export enum PublicationScreeningDecision {
  NONE = 'NONE',
  UNDECIDED = 'UNDECIDED',
  INCLUDED = 'INCLUDED',
  EXCLUDED = 'EXCLUDED',
  MAYBE = 'MAYBE',
  CONFLICT = 'CONFLICT',
}

/** Whether a publication has case reports, and whether a curator confirmed any of them. */
export enum PublicationCaseStatus {
  NONE = 'NONE',
  SUGGESTED = 'SUGGESTED',
  CURATED = 'CURATED',
}

export enum PublicationSearchSort {
  RELEVANCE = 'RELEVANCE',
  YEAR_DESC = 'YEAR_DESC',
  YEAR_ASC = 'YEAR_ASC',
}

registerEnumType(PublicationFacetName, { name: 'PublicationFacetName', description: 'Facets of publication search; every count is a number of publications.' });
registerEnumType(PublicationCaseStatus, {
  name: 'PublicationCaseStatus',
  description: 'NONE: no case report; SUGGESTED: only case reports proposed by extraction; CURATED: at least one case report confirmed by a curator.',
});
registerEnumType(PublicationScreeningDecision, {
  name: 'PublicationScreeningDecision',
  description:
    'Final screening decision of a publication in a review (agreed by its reviewers or resolved). NONE: imported for no review; UNDECIDED: not screened yet; CONFLICT: reviewers disagree, unresolved. A publication in several reviews has one value per review.',
});
registerEnumType(PublicationSearchSort, { name: 'PublicationSearchSort', description: 'RELEVANCE without text orders like YEAR_DESC.' });

/** The fields of a PublicationSearchDocument that facets and filters use. */
export type PublicationFacetField = 'year' | 'publicationTypes' | 'meshUis' | 'journal' | 'language' | 'reviews' | 'importBatchIds' | 'caseStatus' | 'screeningDecisions';

export type PublicationFilterKey = 'year' | 'publicationTypes' | 'meshDescriptors' | 'journals' | 'languages' | 'reviews' | 'importBatches' | 'caseStatuses' | 'screeningDecisions';

export interface PublicationFacetDefinition {
  name: PublicationFacetName;
  kind: FacetKind;
  field: PublicationFacetField;
  filterKey: PublicationFilterKey;
  multiValued: boolean;
  values?: readonly EnumValue[];
  /** Stored in the document when it has no value, so "unknown" is counted and filtered like a value. */
  missingValue?: EnumValue;
  defaultInterval?: number;
  minInterval?: number;
}

/** Stored for a publication without a journal / language. */
export const UNKNOWN_VALUE: EnumValue = { value: 'UNKNOWN', label: 'Not reported' };
/** Stored in `reviews` / `importBatchIds` for a publication that no import brought (entered by hand or demo data). */
export const NOT_IMPORTED: EnumValue = { value: 'NONE', label: 'Not imported' };

export const CASE_STATUS_VALUES: readonly EnumValue[] = [
  { value: PublicationCaseStatus.NONE, label: 'No case reports' },
  { value: PublicationCaseStatus.SUGGESTED, label: 'Suggested cases only' },
  { value: PublicationCaseStatus.CURATED, label: 'Curated cases' },
];

export const SCREENING_DECISION_VALUES: readonly EnumValue[] = [
  { value: PublicationScreeningDecision.INCLUDED, label: 'Included' },
  { value: PublicationScreeningDecision.MAYBE, label: 'Maybe' },
  { value: PublicationScreeningDecision.EXCLUDED, label: 'Excluded' },
  { value: PublicationScreeningDecision.CONFLICT, label: 'Reviewers disagree' },
  { value: PublicationScreeningDecision.UNDECIDED, label: 'Not screened yet' },
  { value: PublicationScreeningDecision.NONE, label: 'In no review' },
];

export const PUBLICATION_FACETS: readonly PublicationFacetDefinition[] = [
  { name: PublicationFacetName.CASE_STATUS, kind: 'enum', field: 'caseStatus', filterKey: 'caseStatuses', multiValued: false, values: CASE_STATUS_VALUES },
  { name: PublicationFacetName.MESH_DESCRIPTOR, kind: 'hierarchical-terms', field: 'meshUis', filterKey: 'meshDescriptors', multiValued: true },
  { name: PublicationFacetName.PUBLICATION_TYPE, kind: 'terms', field: 'publicationTypes', filterKey: 'publicationTypes', multiValued: true },
  { name: PublicationFacetName.JOURNAL, kind: 'terms', field: 'journal', filterKey: 'journals', multiValued: false, missingValue: UNKNOWN_VALUE },
  { name: PublicationFacetName.LANGUAGE, kind: 'terms', field: 'language', filterKey: 'languages', multiValued: false, missingValue: UNKNOWN_VALUE },
  { name: PublicationFacetName.REVIEW, kind: 'terms', field: 'reviews', filterKey: 'reviews', multiValued: true, missingValue: NOT_IMPORTED },
  { name: PublicationFacetName.IMPORT_BATCH, kind: 'terms', field: 'importBatchIds', filterKey: 'importBatches', multiValued: true, missingValue: NOT_IMPORTED },
  { name: PublicationFacetName.SCREENING_DECISION, kind: 'enum', field: 'screeningDecisions', filterKey: 'screeningDecisions', multiValued: true, values: SCREENING_DECISION_VALUES },
  { name: PublicationFacetName.YEAR, kind: 'numeric-range', field: 'year', filterKey: 'year', multiValued: false, defaultInterval: 5, minInterval: 1 },
];

const BY_NAME = new Map(PUBLICATION_FACETS.map((facet) => [facet.name, facet]));

export function publicationFacetDefinition(name: PublicationFacetName): PublicationFacetDefinition {
  const facet = BY_NAME.get(name);
  if (!facet) throw new Error(`unknown publication facet ${String(name)}`);
  return facet;
}

/** Validated filters; values inside one filter are ORed, filters ANDed. MeSH descriptors match their descendants (documents hold ancestors). */
export interface PublicationSearchFilters {
  year?: NumericRange;
  publicationTypes?: string[];
  /** MeSH descriptor UIs (D…). */
  meshDescriptors?: string[];
  journals?: string[];
  languages?: string[];
  reviews?: string[];
  importBatches?: string[];
  caseStatuses?: PublicationCaseStatus[];
  screeningDecisions?: PublicationScreeningDecision[];
}

export interface PublicationFacetRequest {
  facet: PublicationFacetName;
  includeZero: boolean;
  limit?: number;
  interval?: number;
}

export interface PublicationSearchAfter {
  sort: PublicationSearchSort;
  values: number[];
  publicationId: string;
}

export interface PublicationSearchQuery {
  text: TextQuery | null;
  filters: PublicationSearchFilters;
  facets: PublicationFacetRequest[];
  sort: PublicationSearchSort;
  page: { first: number; after: PublicationSearchAfter | null };
  highlight: boolean;
}

export type PublicationFilterClause =
  | { kind: 'any-of'; key: PublicationFilterKey; field: PublicationFacetField; values: string[] }
  | { kind: 'range'; key: PublicationFilterKey; field: PublicationFacetField; min?: number; max?: number };

export function publicationFilterClauses(filters: PublicationSearchFilters): PublicationFilterClause[] {
  const clauses: PublicationFilterClause[] = [];
  for (const facet of PUBLICATION_FACETS) {
    const value = filters[facet.filterKey];
    if (value === undefined || value === null) continue;
    if (facet.kind === 'numeric-range') {
      const range = value as NumericRange;
      if (range.min === undefined && range.max === undefined) continue;
      clauses.push({ kind: 'range', key: facet.filterKey, field: facet.field, min: range.min, max: range.max });
    } else if ((value as string[]).length) {
      clauses.push({ kind: 'any-of', key: facet.filterKey, field: facet.field, values: [...new Set(value as string[])] });
    }
  }
  return clauses;
}

/** Disjunctive counting: the clauses that apply to one facet's counts (all but its own selection). */
export function clausesForPublicationFacet(filters: PublicationSearchFilters, facet: PublicationFacetName): PublicationFilterClause[] {
  const own = publicationFacetDefinition(facet).filterKey;
  return publicationFilterClauses(filters).filter((clause) => clause.key !== own);
}

export interface PublicationSortSpec {
  key: 'score' | 'year';
  direction: 'asc' | 'desc';
  /** Stand-in for a missing year: sorts last in either direction. */
  missing: number;
}

/** Every order ends with publicationId ascending, so it is total and both engines agree. */
export function publicationSortSpec(sort: PublicationSearchSort, hasText: boolean): PublicationSortSpec {
  if (sort === PublicationSearchSort.RELEVANCE && hasText) return { key: 'score', direction: 'desc', missing: 0 };
  if (sort === PublicationSearchSort.YEAR_ASC) return { key: 'year', direction: 'asc', missing: 1e9 };
  return { key: 'year', direction: 'desc', missing: -1e9 };
}
