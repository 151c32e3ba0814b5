import type { estypes } from '@elastic/elasticsearch';
import { facetDefinition } from '../../query/facet-registry';
import { citationValueOf } from '../../query/citation-order';
import { markedSnippets } from '../../query/highlight';
import { SearchQuery } from '../../query/search-query';
import { EngineFacetBucket, EngineFacetResult, EngineHit, EngineSearchResult, HIGHLIGHT_FIELDS, HighlightResult, NumericStats } from '../../query/search-result';
import { facetAggregationName, LINKED_AGGREGATION, LINKED_CASES_AGGREGATION, LINKED_FOLLOWS_AGGREGATION, presentValuesAggregationName, TOTALS_AGGREGATION, uniqueFacetRequests } from './query-builder';
import { BucketsAggregate, bucketsOf, FilterAggregate, finiteOrNull, termKey, TermsBucket } from './aggregations';

/** What the builder asks for in `_source`. */
export interface IndexedHitSource {
  caseReportId?: string;
  publicationId?: string;
}

export type ElasticsearchSearchResponse = estypes.SearchResponse<IndexedHitSource, Record<string, estypes.AggregationsAggregate>>;

interface CardinalityAggregate {
  value: number;
}
interface CaseTermsBucket extends TermsBucket {
  publications?: CardinalityAggregate;
}
/** A linked facet's bucket: doc_count counts nested complications, `cases` (reverse_nested) the cases. */
interface LinkedTermsBucket extends TermsBucket {
  [LINKED_CASES_AGGREGATION]?: FilterAggregate & { publications?: CardinalityAggregate };
}

/** The buckets of a linked facet (see linkedValuesAggregation), as case buckets. */
function linkedBuckets(linked: FilterAggregate): CaseTermsBucket[] {
  const follows = linked[LINKED_FOLLOWS_AGGREGATION] as FilterAggregate | undefined;
  return bucketsOf(follows?.values as BucketsAggregate<LinkedTermsBucket> | undefined).map((bucket) => {
    const cases = bucket[LINKED_CASES_AGGREGATION];
    return { key: bucket.key, key_as_string: bucket.key_as_string, doc_count: cases?.doc_count ?? 0, publications: cases?.publications };
  });
}

/**
 * Elasticsearch's response -> EngineSearchResult. Pure. Expects the request buildSearchRequest made
 * for the same query (aggregation names, one extra hit, sort values [key, citation, caseReportId]).
 */
export function parseSearchResponse(query: SearchQuery, response: ElasticsearchSearchResponse): EngineSearchResult {
  const aggregations = (response.aggregations ?? {}) as Record<string, unknown>;
  const totals = aggregations[TOTALS_AGGREGATION] as (FilterAggregate & { publications?: CardinalityAggregate }) | undefined;
  const totalHits = response.hits.total;
  const totalCases = totals?.doc_count ?? (typeof totalHits === 'number' ? totalHits : (totalHits?.value ?? 0));
  // Distinct publications never exceed cases (a guard against the estimate of a huge cardinality).
  const totalPublications = Math.min(totals?.publications?.value ?? 0, totalCases);

  const first = query.page.first;
  const rawHits = response.hits.hits;
  const hits = rawHits.slice(0, first).map((hit) => parseHit(hit, query.text !== null));

  const facets = uniqueFacetRequests(query.facets).map((request): EngineFacetResult => {
    const definition = facetDefinition(request.facet);
    const aggregate = aggregations[facetAggregationName(request.facet)] as FilterAggregate | undefined;
    if (definition.kind === 'numeric-range') {
      const interval = request.interval ?? (definition.defaultInterval as number);
      const stats: NumericStats = {
        min: finiteOrNull((aggregate?.min as CardinalityAggregate | undefined)?.value),
        max: finiteOrNull((aggregate?.max as CardinalityAggregate | undefined)?.value),
        buckets: bucketsOf(aggregate?.histogram as BucketsAggregate<{ key: number; doc_count: number }> | undefined)
          .filter((bucket) => bucket.doc_count > 0)
          .map((bucket) => ({ from: Number(bucket.key), to: Number(bucket.key) + interval, caseCount: bucket.doc_count }))
          .sort((a, b) => a.from - b.from),
      };
      return { facet: request.facet, buckets: [], stats };
    }
    const linked = aggregate?.[LINKED_AGGREGATION] as FilterAggregate | undefined;
    const buckets: EngineFacetBucket[] = (linked ? linkedBuckets(linked) : bucketsOf(aggregate?.values as BucketsAggregate<CaseTermsBucket> | undefined))
      .filter((bucket) => bucket.doc_count > 0)
      .map((bucket) => ({ value: termKey(bucket), caseCount: bucket.doc_count, publicationCount: Math.min(bucket.publications?.value ?? 0, bucket.doc_count) }));
    const present = aggregations[presentValuesAggregationName(request.facet)] as FilterAggregate | undefined;
    if (present) {
      const counted = new Set(buckets.map((bucket) => bucket.value));
      for (const bucket of bucketsOf(present.values as BucketsAggregate<TermsBucket> | undefined)) {
        const value = termKey(bucket);
        if (!counted.has(value)) buckets.push({ value, caseCount: 0, publicationCount: 0 });
      }
    }
    return { facet: request.facet, buckets, stats: null };
  });

  return { totalCases, totalPublications, hits, hasNextPage: first > 0 && rawHits.length > first, facets };
}

function parseHit(hit: estypes.SearchHit<IndexedHitSource>, hasText: boolean): EngineHit {
  const caseReportId = hit._source?.caseReportId ?? hit._id;
  const publicationId = hit._source?.publicationId;
  if (!caseReportId || !publicationId) throw new Error(`Elasticsearch hit ${String(hit._id)} lacks caseReportId/publicationId in _source`);
  const sortValue = hit.sort?.[0];
  const citationValue = citationValueOf(hit.sort?.[1]);
  if (typeof sortValue !== 'number' || citationValue === null) throw new Error(`Elasticsearch hit ${caseReportId} has no numeric sort key and citation values (sort: ${JSON.stringify(hit.sort)})`);
  const highlights: HighlightResult[] = [];
  for (const field of HIGHLIGHT_FIELDS) {
    const snippets = (hit.highlight?.[field] ?? []).flatMap((fragment) => markedSnippets(fragment));
    if (snippets.length) highlights.push({ field, snippets });
  }
  const score = hasText && typeof hit._score === 'number' ? hit._score : null;
  return { caseReportId, publicationId, score, sortValues: [sortValue, citationValue], highlights };
}

