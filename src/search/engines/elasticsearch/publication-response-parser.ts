import type { estypes } from '@elastic/elasticsearch';
import { citationValueOf } from '../../query/citation-order';
import { markedSnippets } from '../../query/highlight';
import { NumericStats } from '../../query/search-result';
import { publicationFacetDefinition, PublicationSearchQuery } from '../../publications/publication-search-query';
import {
  EnginePublicationBucket,
  EnginePublicationFacetResult,
  EnginePublicationHit,
  EnginePublicationSearchResult,
  PUBLICATION_HIGHLIGHT_FIELDS,
} from '../../publications/publication-search-result';
import {
  publicationFacetAggregationName,
  publicationHistogramInterval,
  publicationPresentValuesAggregationName,
  uniquePublicationFacetRequests,
} from './publication-query-builder';
import { BucketsAggregate, bucketsOf, FilterAggregate, finiteOrNull, termKey, TermsBucket } from './aggregations';

/** What the builder asks for in `_source`. */
export interface IndexedPublicationHitSource {
  publicationId?: string;
}

export type ElasticsearchPublicationSearchResponse = estypes.SearchResponse<IndexedPublicationHitSource, Record<string, estypes.AggregationsAggregate>>;

interface ValueAggregate {
  value: number | null;
}

/**
 * Elasticsearch's response -> EnginePublicationSearchResult. Pure. Expects the request
 * buildPublicationSearchRequest made for the same query (aggregation names, one extra hit, sort values
 * [key, citation, publicationId]).
 */
export function parsePublicationSearchResponse(query: PublicationSearchQuery, response: ElasticsearchPublicationSearchResponse): EnginePublicationSearchResult {
  const aggregations = (response.aggregations ?? {}) as Record<string, unknown>;
  const total = response.hits.total;
  const totalPublications = typeof total === 'number' ? total : (total?.value ?? 0);

  const first = query.page.first;
  const rawHits = response.hits.hits;
  const hits = rawHits.slice(0, Math.max(first, 0)).map((hit) => parseHit(hit, query.text !== null));

  const facets = uniquePublicationFacetRequests(query.facets).map((request): EnginePublicationFacetResult => {
    const definition = publicationFacetDefinition(request.facet);
    const aggregate = aggregations[publicationFacetAggregationName(request.facet)] as FilterAggregate | undefined;
    if (definition.kind === 'numeric-range') {
      const interval = publicationHistogramInterval(definition, request);
      const stats: NumericStats = {
        min: finiteOrNull((aggregate?.min as ValueAggregate | undefined)?.value),
        max: finiteOrNull((aggregate?.max as ValueAggregate | undefined)?.value),
        buckets: bucketsOf(aggregate?.histogram as BucketsAggregate<{ key: number; doc_count: number }> | undefined)
          .filter((bucket) => bucket.doc_count > 0)
          .map((bucket) => ({ from: Number(bucket.key), to: Number(bucket.key) + interval, caseCount: bucket.doc_count }))
          .sort((a, b) => a.from - b.from),
      };
      return { facet: request.facet, buckets: [], stats };
    }
    const buckets: EnginePublicationBucket[] = bucketsOf(aggregate?.values as BucketsAggregate<TermsBucket> | undefined)
      .filter((bucket) => bucket.doc_count > 0)
      .map((bucket) => ({ value: termKey(bucket), publicationCount: bucket.doc_count }));
    // Selected values beyond the `values` size still get their exact count.
    const counted = new Set(buckets.map((bucket) => bucket.value));
    for (const bucket of bucketsOf(aggregate?.selected as BucketsAggregate<TermsBucket> | undefined)) {
      const value = termKey(bucket);
      if (bucket.doc_count > 0 && !counted.has(value)) {
        counted.add(value);
        buckets.push({ value, publicationCount: bucket.doc_count });
      }
    }
    const present = aggregations[publicationPresentValuesAggregationName(request.facet)] as FilterAggregate | undefined;
    if (present) {
      for (const bucket of bucketsOf(present.values as BucketsAggregate<TermsBucket> | undefined)) {
        const value = termKey(bucket);
        if (!counted.has(value)) {
          counted.add(value);
          buckets.push({ value, publicationCount: 0 });
        }
      }
    }
    return { facet: request.facet, buckets, stats: null };
  });

  return { totalPublications, hits, hasNextPage: first > 0 && rawHits.length > first, facets };
}

function parseHit(hit: estypes.SearchHit<IndexedPublicationHitSource>, hasText: boolean): EnginePublicationHit {
  const publicationId = hit._source?.publicationId ?? hit._id;
  if (!publicationId) throw new Error(`Elasticsearch hit ${String(hit._id)} lacks publicationId in _source`);
  const sortValue = hit.sort?.[0];
  const citationValue = citationValueOf(hit.sort?.[1]);
  if (typeof sortValue !== 'number' || citationValue === null) throw new Error(`Elasticsearch hit ${publicationId} has no numeric sort key and citation values (sort: ${JSON.stringify(hit.sort)})`);
  const highlights: EnginePublicationHit['highlights'] = [];
  for (const field of PUBLICATION_HIGHLIGHT_FIELDS) {
    const snippets = (hit.highlight?.[field] ?? []).flatMap((fragment) => markedSnippets(fragment));
    if (snippets.length) highlights.push({ field, snippets });
  }
  const score = hasText && typeof hit._score === 'number' ? hit._score : null;
  return { publicationId, score, sortValues: [sortValue, citationValue], highlights };
}
