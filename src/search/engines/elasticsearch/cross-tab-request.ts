/**
 * SearchEngine.crossTab on Elasticsearch: request builder and response parser. Pure: no client, no I/O.
 *
 * One search (size 0) whose query holds every clause (no post_filter: a cross-tab counts the cases
 * matching the whole search) and four aggregations:
 * - totals: distinct publications (cases: hits.total, exact with track_total_hits);
 * - rows / columns: a terms aggregation per facet with `missing` set to the axis' unknown key, so a
 *   case without a value counts there (the documents already hold UNKNOWN for enums and TREATMENT),
 *   each bucket with its distinct publications;
 * - cells: a composite aggregation of (row, column) terms sources with missing_bucket (a null key is
 *   the unknown), one bucket per pair of values a case holds, with distinct publications. Composite,
 *   not terms inside terms: two large vocabularies give more pairs than search.max_buckets allows in one
 *   response, and composite pages through them with `after` (later pages ask for the cells only).
 * Without publications (request.publications false) the cardinality aggregations are left out and
 * every publication count is 0: the buckets' doc counts are all that is computed.
 * The facet fields are top-level keyword arrays (nested documents are only for the complication ->
 * procedure link), so no nested aggregation is needed.
 */
import type { estypes } from '@elastic/elasticsearch';
import { countsPublications, CrossTabCountsRequest, EngineCrossTab, EngineCrossTabCell } from '../../query/cross-tab-counts';
import { facetDefinition } from '../../query/facet-registry';
import { filterClauses, SearchQuery } from '../../query/search-query';
import { EngineFacetBucket } from '../../query/search-result';
import { BucketsAggregate, bucketsOf, termKey, TermsBucket } from './aggregations';
import { ElasticsearchSearchRequest, filterQuery, PUBLICATION_COUNT_PRECISION, TERMS_AGGREGATION_SIZE, textQuery } from './query-builder';

/** Pairs per composite page. */
export const CROSS_TAB_PAGE_SIZE = 1000;

export const CROSS_TAB_TOTALS = 'totals';
export const CROSS_TAB_ROWS = 'rows';
export const CROSS_TAB_COLUMNS = 'columns';
export const CROSS_TAB_CELLS = 'cells';

export type CompositeAfterKey = Record<string, string | number | null>;

const publications: estypes.AggregationsAggregationContainer = { cardinality: { field: 'publicationId', precision_threshold: PUBLICATION_COUNT_PRECISION } };

/** The first request (totals, margins, the first page of cells), or with `after` the next page of cells. */
export function buildCrossTabRequest(query: SearchQuery, request: CrossTabCountsRequest, after: CompositeAfterKey | null = null): ElasticsearchSearchRequest {
  const must = query.text ? [textQuery(query.text) ?? { match_none: {} }] : [];
  const filter = filterClauses(query.filters).map(filterQuery);
  const main: estypes.QueryDslQueryContainer = must.length || filter.length ? { bool: { ...(must.length ? { must } : {}), ...(filter.length ? { filter } : {}) } } : { match_all: {} };
  const rowField = facetDefinition(request.rows.facet).field;
  const columnField = facetDefinition(request.columns.facet).field;
  const withPublications = countsPublications(request);
  const publicationsOfBuckets = withPublications ? { aggs: { publications } } : {};
  const cells: estypes.AggregationsAggregationContainer = {
    composite: {
      size: CROSS_TAB_PAGE_SIZE,
      sources: [{ row: { terms: { field: rowField, missing_bucket: true } } }, { column: { terms: { field: columnField, missing_bucket: true } } }],
      ...(after ? { after } : {}),
    },
    ...publicationsOfBuckets,
  };
  const common = { query: main, size: 0, allow_partial_search_results: false };
  if (after) return { ...common, track_total_hits: false, aggs: { [CROSS_TAB_CELLS]: cells } };
  const margin = (field: string, unknownValue: string): estypes.AggregationsAggregationContainer => ({
    terms: { field, size: TERMS_AGGREGATION_SIZE, min_doc_count: 1, missing: unknownValue },
    ...publicationsOfBuckets,
  });
  return {
    ...common,
    track_total_hits: true,
    aggs: {
      ...(withPublications ? { [CROSS_TAB_TOTALS]: publications } : {}),
      [CROSS_TAB_ROWS]: margin(rowField, request.rows.unknownValue),
      [CROSS_TAB_COLUMNS]: margin(columnField, request.columns.unknownValue),
      [CROSS_TAB_CELLS]: cells,
    },
  };
}

interface CardinalityAggregate {
  value: number;
}
interface MarginBucket extends TermsBucket {
  publications?: CardinalityAggregate;
}
interface CompositeBucket {
  key: Record<string, string | number | boolean | null>;
  doc_count: number;
  publications?: CardinalityAggregate;
}
interface CompositeAggregate {
  after_key?: CompositeAfterKey;
  buckets: CompositeBucket[];
}

type CrossTabResponse = estypes.SearchResponse<unknown, Record<string, estypes.AggregationsAggregate>>;

/** Distinct publications never exceed cases (a guard against the estimate of a large cardinality). */
const publicationsOf = (bucket: { doc_count: number; publications?: CardinalityAggregate }) => Math.min(bucket.publications?.value ?? 0, bucket.doc_count);

/** One page of cells, and the key to ask for the next one (null: this was the last). */
export function parseCrossTabCells(request: CrossTabCountsRequest, response: CrossTabResponse): { cells: EngineCrossTabCell[]; after: CompositeAfterKey | null } {
  const aggregate = (response.aggregations ?? {})[CROSS_TAB_CELLS] as unknown as CompositeAggregate | undefined;
  const buckets = aggregate?.buckets ?? [];
  const keyOf = (value: unknown, unknownValue: string) => (value === null || value === undefined ? unknownValue : String(value));
  const cells = buckets
    .filter((bucket) => bucket.doc_count > 0)
    .map((bucket) => ({ row: keyOf(bucket.key.row, request.rows.unknownValue), column: keyOf(bucket.key.column, request.columns.unknownValue), caseCount: bucket.doc_count, publicationCount: publicationsOf(bucket) }));
  // A short page is the last: no need to ask for an empty one.
  const after = buckets.length >= CROSS_TAB_PAGE_SIZE && aggregate?.after_key ? aggregate.after_key : null;
  return { cells, after };
}

/** The first response: totals, margins and the first page of cells. */
export function parseCrossTabResponse(request: CrossTabCountsRequest, response: CrossTabResponse): EngineCrossTab & { after: CompositeAfterKey | null } {
  const aggregations = (response.aggregations ?? {}) as Record<string, unknown>;
  const total = response.hits.total;
  const totalCases = typeof total === 'number' ? total : (total?.value ?? 0);
  const margin = (name: string): EngineFacetBucket[] =>
    bucketsOf(aggregations[name] as BucketsAggregate<MarginBucket> | undefined)
      .filter((bucket) => bucket.doc_count > 0)
      .map((bucket) => ({ value: termKey(bucket), caseCount: bucket.doc_count, publicationCount: publicationsOf(bucket) }));
  const { cells, after } = parseCrossTabCells(request, response);
  return {
    totalCases,
    totalPublications: Math.min((aggregations[CROSS_TAB_TOTALS] as CardinalityAggregate | undefined)?.value ?? 0, totalCases),
    rows: margin(CROSS_TAB_ROWS),
    columns: margin(CROSS_TAB_COLUMNS),
    cells,
    after,
  };
}

/**
 * Cells from every page, one per pair: a case without any value (null key) and one holding the stored
 * unknown value land in the same pair; their cases add up and their publications are summed (capped
 * by cases), an upper bound — documents built by the indexer never give both for one facet.
 */
export function mergeCrossTabCells(cells: readonly EngineCrossTabCell[]): EngineCrossTabCell[] {
  const merged = new Map<string, EngineCrossTabCell>();
  for (const cell of cells) {
    const key = `${cell.row}\u0000${cell.column}`;
    const seen = merged.get(key);
    if (!seen) merged.set(key, { ...cell });
    else {
      seen.caseCount += cell.caseCount;
      seen.publicationCount = Math.min(seen.publicationCount + cell.publicationCount, seen.caseCount);
    }
  }
  return [...merged.values()];
}
