import { AgeGroup, Anticoagulation, Outcome, PregnancyStatus, Sex } from '../../case-reports/case-report.enums';
import { CurationStatus } from '../../case-reports/curation.enums';
import { FacetDefinition, FacetField, FacetFilterKey, FacetName, FACETS, facetOfFilterKey } from './facet-registry';
import { TextQuery } from './text-query';

/** Sort orders; the string values are also the GraphQL enum values (`SearchSort`). */
export enum SearchSort {
  RELEVANCE = 'RELEVANCE',
  YEAR_DESC = 'YEAR_DESC',
  YEAR_ASC = 'YEAR_ASC',
  AGE_ASC = 'AGE_ASC',
  AGE_DESC = 'AGE_DESC',
}

/** Inclusive bounds; either may be absent. Validated: min <= max. */
export interface NumericRange {
  min?: number;
  max?: number;
}

/**
 * Validated filters. Term filters hold vocabulary term ids (references by MeSH UI or key are resolved
 * before a SearchQuery exists), plus `UNKNOWN` for TREATMENT ("not reported"). A term matches its
 * descendants: documents store ancestor ids too, so engines only test membership.
 * Values inside one filter are ORed; filters are ANDed.
 */
export interface SearchFilters {
  complications?: string[];
  procedures?: string[];
  treatments?: string[];
  symptoms?: string[];
  sex?: Sex[];
  ageGroups?: AgeGroup[];
  pregnancyStatuses?: PregnancyStatus[];
  anticoagulation?: Anticoagulation[];
  outcomes?: Outcome[];
  curationStatuses?: CurationStatus[];
  publicationTypes?: string[];
  year?: NumericRange;
  age?: NumericRange;
  bloodPatchVolumeMl?: NumericRange;
  onsetHours?: NumericRange;
  /** true: only cases whose outcome is reported (outcome != UNKNOWN); false: only those without. */
  outcomeKnown?: boolean;
  /**
   * "Complication X after procedure Y": true links the complications and procedures filters through
   * the recorded sequence (CaseComplication.procedureId). With both selected, a case matches when one
   * of its complications within `complications` was recorded as following one of its procedures within
   * `procedures` (a hematoma after a lumbar puncture, treated later with a blood patch, is no hematoma
   * after a blood patch). With one side selected that side filters as usual. Facet counts follow the
   * link: the COMPLICATION facet counts only complications that followed a selected procedure, the
   * PROCEDURE facet only procedures a selected complication followed (see facetLink).
   */
  complicationsFollowProcedures?: boolean;
}

export interface FacetRequest {
  facet: FacetName;
  /** Also list values with no matching case (vocabulary terms, enum values, values present in the index). */
  includeZero: boolean;
  /** At most this many values (top level of a tree); all when absent. Not for numeric facets. */
  limit?: number;
  /** Histogram bucket width, numeric facets only; the registry's default when absent. */
  interval?: number;
}

/**
 * Where the next page starts: the sort key values and id of the last hit of the previous page
 * (keyset pagination: no OFFSET, so it works at any depth). See search-cursor.ts.
 */
export interface SearchAfter {
  sort: SearchSort;
  /** The hit's `sortValues`: [score or year/age (or its missing stand-in), citation value] (see citation-order.ts). */
  values: number[];
  caseReportId: string;
}

/** The plain, validated search request every engine receives. */
export interface SearchQuery {
  text: TextQuery | null;
  filters: SearchFilters;
  facets: FacetRequest[];
  sort: SearchSort;
  page: { first: number; after: SearchAfter | null };
  /** Highlighted snippets for the hits (on by default; off for counting-only calls). */
  highlight: boolean;
}

/**
 * How each sort orders hits. At an equal key, cases whose publication's citation is complete come first
 * (citation-order.ts); every order ends with caseReportId ascending, so it is total and both engines
 * agree. Missing values sort last: they take `missing` (below/above every real value). RELEVANCE
 * without text has no score: it orders like YEAR_DESC.
 */
export interface SortSpec {
  key: 'score' | 'year' | 'ageYears';
  direction: 'asc' | 'desc';
  missing: number;
}

export const MISSING_LOW = -1e9;
export const MISSING_HIGH = 1e9;

export function sortSpecOf(sort: SearchSort, hasText: boolean): SortSpec {
  switch (sort) {
    case SearchSort.RELEVANCE:
      return hasText ? { key: 'score', direction: 'desc', missing: 0 } : { key: 'year', direction: 'desc', missing: MISSING_LOW };
    case SearchSort.YEAR_DESC:
      return { key: 'year', direction: 'desc', missing: MISSING_LOW };
    case SearchSort.YEAR_ASC:
      return { key: 'year', direction: 'asc', missing: MISSING_HIGH };
    case SearchSort.AGE_ASC:
      return { key: 'ageYears', direction: 'asc', missing: MISSING_HIGH };
    case SearchSort.AGE_DESC:
      return { key: 'ageYears', direction: 'desc', missing: MISSING_LOW };
  }
}

/** One filter in engine-neutral form; engines translate each kind once. */
export type FilterClause =
  | { kind: 'any-of'; key: FacetFilterKey; field: FacetField; values: string[] }
  | { kind: 'range'; key: FacetFilterKey; field: FacetField; min?: number; max?: number }
  | { kind: 'outcome-known'; key: 'outcomeKnown'; field: 'hasKnownOutcome'; value: boolean }
  /**
   * complicationsFollowProcedures: some complication within `complications` followed a procedure within
   * `procedures` (term ids, matched with ancestors on both sides). An empty side does not restrict:
   * with procedures empty this is the plain complications filter, and the reverse.
   */
  | { kind: 'complication-after-procedure'; key: 'complicationsFollowProcedures'; complications: string[]; procedures: string[] };

/** The facets whose own selection the linked clause is (it replaces both of their clauses). */
export const LINKED_FACETS: readonly FacetName[] = [FacetName.COMPLICATION, FacetName.PROCEDURE];

const unique = (values: string[] | undefined): string[] => [...new Set(values ?? [])];

/** Whether the complications and procedures filters are linked (the toggle is on and something is selected). */
export function isLinked(filters: SearchFilters): boolean {
  return Boolean(filters.complicationsFollowProcedures) && Boolean(filters.complications?.length || filters.procedures?.length);
}

/** The active filters as clauses (empty lists and empty ranges are no filter). */
export function filterClauses(filters: SearchFilters): FilterClause[] {
  const clauses: FilterClause[] = [];
  const linked = isLinked(filters);
  if (linked) clauses.push({ kind: 'complication-after-procedure', key: 'complicationsFollowProcedures', complications: unique(filters.complications), procedures: unique(filters.procedures) });
  for (const facet of FACETS) {
    if (linked && LINKED_FACETS.includes(facet.name)) continue;
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
  if (filters.outcomeKnown !== undefined && filters.outcomeKnown !== null) clauses.push({ kind: 'outcome-known', key: 'outcomeKnown', field: 'hasKnownOutcome', value: filters.outcomeKnown });
  return clauses;
}

/**
 * Disjunctive faceting: hits and totals match ALL clauses; the counts of a requested facet match all
 * clauses except the one that facet owns. `common` is what every count shares; `own` maps each
 * requested facet to its own clause (absent when that facet has no selection).
 */
export function splitForFacets(query: Pick<SearchQuery, 'filters' | 'facets'>): { common: FilterClause[]; own: Map<FacetName, FilterClause> } {
  const requested = new Set(query.facets.map((request) => request.facet));
  const common: FilterClause[] = [];
  const own = new Map<FacetName, FilterClause>();
  for (const clause of filterClauses(query.filters)) {
    // The linked clause is the selection of both the COMPLICATION and the PROCEDURE facet: the same
    // clause object may be owned twice (ownClauses and ownClausesExcept count it once).
    const owners: FacetName[] =
      clause.kind === 'complication-after-procedure' ? LINKED_FACETS.filter((name) => requested.has(name)) : clause.kind === 'outcome-known' ? [] : [facetOfFilterKey(clause.key) as FacetDefinition].filter((facet) => facet && requested.has(facet.name)).map((facet) => facet.name);
    if (owners.length) for (const owner of owners) own.set(owner, clause);
    else common.push(clause);
  }
  return { common, own };
}

/** The distinct clauses owned by requested facets (hits and totals apply them all). */
export function ownClauses(own: Map<FacetName, FilterClause>): FilterClause[] {
  return [...new Set(own.values())];
}

/** The owned clauses that apply to one facet's counts: all but the one it owns. */
export function ownClausesExcept(own: Map<FacetName, FilterClause>, facet: FacetName): FilterClause[] {
  const mine = own.get(facet);
  return ownClauses(own).filter((clause) => clause !== mine);
}

/** The clauses that apply to one facet's counts: everything but its own selection. */
export function clausesForFacet(query: Pick<SearchQuery, 'filters' | 'facets'>, facet: FacetName): FilterClause[] {
  const { common, own } = splitForFacets(query);
  return [...common, ...ownClausesExcept(own, facet)];
}

/**
 * How a linked facet counts (complicationsFollowProcedures on, the other side selected): the
 * COMPLICATION facet counts, per complication term (with ancestors), the cases where such a
 * complication followed one of the selected procedures (`via`); the PROCEDURE facet, per procedure
 * term, the cases where one of the selected complications followed such a procedure. A count is what
 * selecting that value alone would give. Null: the facet counts its field as usual.
 */
export interface FacetLink {
  /** The side counted: complication terms (complications' termPath) or procedure terms (procedureTermPath). */
  counted: 'complication' | 'procedure';
  /** The selected terms of the other side. */
  via: string[];
}

export function facetLink(query: Pick<SearchQuery, 'filters'>, facet: FacetName): FacetLink | null {
  if (!isLinked(query.filters)) return null;
  if (facet === FacetName.COMPLICATION && query.filters.procedures?.length) return { counted: 'complication', via: unique(query.filters.procedures) };
  if (facet === FacetName.PROCEDURE && query.filters.complications?.length) return { counted: 'procedure', via: unique(query.filters.complications) };
  return null;
}
