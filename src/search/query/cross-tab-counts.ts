/**
 * Two facets counted against each other by an engine in one pass over the matching cases
 * (SearchEngine.crossTab): what evidence synthesis needs for a cross-tabulation or for a summary
 * split by curation status, without one facet search per row value.
 */
import { FacetName, facetDefinition } from './facet-registry';
import { EngineFacetBucket } from './search-result';

/** One side of a cross-tab. */
export interface CrossTabAxis {
  facet: FacetName;
  /**
   * The key under which a case without a known value counts: the value the documents store for
   * "unknown" (UNKNOWN for enums, TREATMENT's missing value) or any key the caller chooses (NONE for
   * multi-valued facets without one). A case holding this value, or no value at all, counts here once.
   */
  unknownValue: string;
}

export interface CrossTabCountsRequest {
  rows: CrossTabAxis;
  columns: CrossTabAxis;
  /**
   * Count distinct publications (totals, margins, cells); true when absent. When false every
   * publication count of the answer is 0 and engines skip the work (the embedded engine counts cases
   * by population counts, Elasticsearch leaves out its cardinality aggregations): for a caller that
   * shows cases only (a GraphQL selection without publication counts).
   */
  publications?: boolean;
}

/** Whether a request asks for publication counts (the default: yes). */
export const countsPublications = (request: CrossTabCountsRequest): boolean => request.publications !== false;

export interface EngineCrossTabCell {
  row: string;
  column: string;
  caseCount: number;
  /** Distinct publications among the cell's cases (0 when the request did not ask for them). */
  publicationCount: number;
}

/**
 * Counts over the cases matching EVERY clause of the query (text and all filters: no disjunctive
 * counting; `facets` and `page` are ignored); publications only when the request asks (see
 * CrossTabCountsRequest.publications), else 0 throughout:
 * - rows / columns: per value, the cases holding it and their distinct publications (each case once
 *   per value; term facets roll up because documents hold ancestors); the unknown key as described
 *   in CrossTabAxis. Only values with at least one case, in any order.
 * - cells: per (row value, column value) pair with at least one case, the cases holding both (a case
 *   with several row or column values counts in each of its pairs) and their distinct publications.
 */
export interface EngineCrossTab {
  totalCases: number;
  totalPublications: number;
  rows: EngineFacetBucket[];
  columns: EngineFacetBucket[];
  cells: EngineCrossTabCell[];
}

/** Both facets must be value facets (not numeric) and differ; engines call this before counting. */
export function checkCrossTabRequest(request: CrossTabCountsRequest): void {
  for (const axis of [request.rows, request.columns]) {
    if (facetDefinition(axis.facet).kind === 'numeric-range') throw new Error(`cross-tab of a numeric facet (${axis.facet}) is not supported`);
  }
  if (request.rows.facet === request.columns.facet) throw new Error(`cross-tab of ${request.rows.facet} with itself`);
}
