import type { estypes } from '@elastic/elasticsearch';
import { HIGHLIGHT_END, HIGHLIGHT_START } from '../../query/highlight';
import {
  clausesForPublicationFacet,
  PublicationFacetDefinition,
  publicationFacetDefinition,
  PublicationFacetName,
  PublicationFacetRequest,
  PublicationFilterClause,
  publicationFilterClauses,
  PublicationSearchQuery,
  publicationSortSpec,
  PUBLICATION_FACETS,
} from '../../publications/publication-search-query';
import { PUBLICATION_HIGHLIGHT_FIELDS } from '../../publications/publication-search-result';
import { PUBLICATION_DOCUMENT_PROPERTIES } from './publication-index-mapping';
import { CITATION_SORT, ElasticsearchSearchRequest, numericRangeQuery, searchAfterOf, TERMS_AGGREGATION_SIZE, textQuery, TextFields } from './query-builder';

/**
 * PublicationSearchQuery -> the body of one Elasticsearch search request on the publication index.
 * Pure: no client, no I/O. The same rules as the case builder (query-builder.ts):
 *
 * - Text: the parsed AST only (textQuery of query-builder.ts, with the publication's fields and boosts);
 *   an atom is a match_phrase in any field, in any spelling; stop-word-only atoms are dropped.
 * - Filters: the clauses of facets that are not requested go in the query (`bool.filter`); those of
 *   requested facets go in `post_filter`, so hits and the total match every clause while each facet's
 *   `filter` aggregation counts under all clauses but its own (clausesForPublicationFacet).
 * - Total: hits.total, exact (track_total_hits: true; one document per publication, so no cardinality).
 * - Order: publicationSortSpec (score desc, or year with its `missing` stand-in so a missing year sorts
 *   last both ways), then complete citations first (CITATION_SORT), then publicationId ascending; pages
 *   continue with search_after.
 */

/**
 * Searched fields and boosts, in the embedded engine's weight order (A title, B subjects, C abstract,
 * D authors; the case builder's scale: 10 / 4 / 2 / 1). Only scores depend on the boosts, never matches.
 */
export const PUBLICATION_TEXT_FIELDS: TextFields = [
  { field: 'title', boost: 10 },
  { field: 'subjects', boost: 4 },
  { field: 'abstract', boost: 2 },
  { field: 'otherText', boost: 1 },
];

/** Every value of a term facet is counted (the shared assembler applies limits). */
export const PUBLICATION_TERMS_AGGREGATION_SIZE = TERMS_AGGREGATION_SIZE;

/**
 * A requested facet's counts: a `filter` aggregation (its own clause left out) holding `values` (terms; plus
 * `selected`, the facet's own selected values by name, when it has a selection) or `histogram`/`min`/`max`.
 */
export const publicationFacetAggregationName = (facet: PublicationFacetName) => `facet_${facet}`;
/** Values present anywhere in the index (a `global` aggregation holding `values`), for includeZero on free-valued facets. */
export const publicationPresentValuesAggregationName = (facet: PublicationFacetName) => `present_${facet}`;

/** Highlighted fragments: the whole title, up to two passages of the abstract (like the case builder). */
const HIGHLIGHT_FRAGMENT_SIZE = 200;
const HIGHLIGHT_FRAGMENTS = 2;

type Query = estypes.QueryDslQueryContainer;

/**
 * Facets whose values are not a closed list (every one but CASE_STATUS and YEAR): with includeZero,
 * the engine also lists the values present in the index with zero publications (the assembler adds an
 * enum's values itself).
 */
export function listsPresentValues(definition: PublicationFacetDefinition): boolean {
  return definition.kind !== 'numeric-range' && definition.kind !== 'enum' && !definition.values;
}

/**
 * One filter clause. `terms` on a multi-valued field matches when SOME value is listed; `range` is
 * inclusive at both ends, and a publication without a year never matches it (bounds outside the
 * integer `year` field's int32 are brought inside, see numericRangeQuery).
 */
export function publicationFilterQuery(clause: PublicationFilterClause): Query {
  switch (clause.kind) {
    case 'any-of':
      return { terms: { [clause.field]: clause.values } };
    case 'range':
      return numericRangeQuery(clause.field, clause.min, clause.max, PUBLICATION_DOCUMENT_PROPERTIES[clause.field].type === 'integer');
  }
}

/** All clauses ANDed (match_all when there are none). */
export function allOfPublicationClauses(clauses: PublicationFilterClause[]): Query {
  return clauses.length ? { bool: { filter: clauses.map(publicationFilterQuery) } } : { match_all: {} };
}

/** The requested facets, each once (the first request of a facet wins). */
export function uniquePublicationFacetRequests(facets: PublicationFacetRequest[]): PublicationFacetRequest[] {
  const seen = new Set<PublicationFacetName>();
  return facets.filter((request) => !seen.has(request.facet) && Boolean(seen.add(request.facet)));
}

/**
 * Disjunctive split: `common` clauses (no requested facet owns them) go in the query; `own` clauses
 * (owned by a requested facet) go in the post_filter and in the other facets' aggregations.
 */
export function splitPublicationClauses(query: Pick<PublicationSearchQuery, 'filters' | 'facets'>): { common: PublicationFilterClause[]; own: PublicationFilterClause[] } {
  const requested = new Set(query.facets.map((request) => request.facet));
  const owner = new Map(PUBLICATION_FACETS.map((facet) => [facet.filterKey, facet.name]));
  const common: PublicationFilterClause[] = [];
  const own: PublicationFilterClause[] = [];
  for (const clause of publicationFilterClauses(query.filters)) {
    const facet = owner.get(clause.key);
    (facet !== undefined && requested.has(facet) ? own : common).push(clause);
  }
  return { common, own };
}

/** The interval of a YEAR histogram: the request's, else the registry's default. */
export function publicationHistogramInterval(definition: PublicationFacetDefinition, request: PublicationFacetRequest): number {
  return request.interval ?? (definition.defaultInterval as number);
}

function facetAggregation(
  definition: PublicationFacetDefinition,
  request: PublicationFacetRequest,
  clauses: PublicationFilterClause[],
  selected: readonly string[],
): estypes.AggregationsAggregationContainer {
  const field = definition.field;
  let aggs: Record<string, estypes.AggregationsAggregationContainer>;
  if (definition.kind === 'numeric-range') {
    aggs = {
      // min_doc_count 1: only buckets with publications; keys are floor(value / interval) * interval.
      histogram: { histogram: { field, interval: publicationHistogramInterval(definition, request), min_doc_count: 1 } },
      min: { min: { field } },
      max: { max: { field } },
    };
  } else {
    // One document per publication: a bucket's doc_count is its number of publications.
    aggs = { values: { terms: { field, size: PUBLICATION_TERMS_AGGREGATION_SIZE, min_doc_count: 1 } } };
    // The facet's own selection, counted by name: exact even if the facet had more values than `values` returns.
    if (selected.length) aggs.selected = { terms: { field, include: [...selected], size: selected.length, min_doc_count: 1 } };
  }
  return { filter: allOfPublicationClauses(clauses), aggs };
}

function sortOf(query: PublicationSearchQuery): estypes.SortCombinations[] {
  const spec = publicationSortSpec(query.sort, query.text !== null);
  const key: estypes.SortCombinations = spec.key === 'score' ? { _score: { order: 'desc' } } : { year: { order: spec.direction, missing: spec.missing } };
  return [key, CITATION_SORT, { publicationId: { order: 'asc' } }];
}

export function buildPublicationSearchRequest(query: PublicationSearchQuery): ElasticsearchSearchRequest {
  const { common, own } = splitPublicationClauses(query);
  const text = query.text ? textQuery(query.text, PUBLICATION_TEXT_FIELDS) : null;
  // Text with nothing searchable left matches nothing (as in PostgreSQL).
  const must: Query[] = query.text ? [text ?? { match_none: {} }] : [];
  const filter = common.map(publicationFilterQuery);
  const main: Query = must.length || filter.length ? { bool: { ...(must.length ? { must } : {}), ...(filter.length ? { filter } : {}) } } : { match_all: {} };

  const commonKeys = new Set(common.map((clause) => clause.key));
  const aggs: Record<string, estypes.AggregationsAggregationContainer> = {};
  for (const request of uniquePublicationFacetRequests(query.facets)) {
    const definition = publicationFacetDefinition(request.facet);
    // clausesForPublicationFacet minus the common clauses, which the main query already applies.
    const others = clausesForPublicationFacet(query.filters, request.facet).filter((clause) => !commonKeys.has(clause.key));
    const ownClause = own.find((clause) => clause.key === definition.filterKey);
    const selected = ownClause?.kind === 'any-of' ? ownClause.values : [];
    aggs[publicationFacetAggregationName(request.facet)] = facetAggregation(definition, request, others, selected);
    if (request.includeZero && listsPresentValues(definition)) {
      aggs[publicationPresentValuesAggregationName(request.facet)] = {
        global: {},
        aggs: { values: { terms: { field: definition.field, size: PUBLICATION_TERMS_AGGREGATION_SIZE, min_doc_count: 1 } } },
      };
    }
  }

  // One more hit than asked for tells whether a next page exists. A cursor without its two numeric sort
  // values (not one this API made) continues nowhere rather than failing.
  const after = query.page.after;
  const unusableCursor = after !== null && (typeof after.values[0] !== 'number' || typeof after.values[1] !== 'number');
  const size = query.page.first > 0 && !unusableCursor ? query.page.first + 1 : 0;
  const hasText = query.text !== null;

  const request: ElasticsearchSearchRequest = {
    query: main,
    ...(own.length ? { post_filter: allOfPublicationClauses(own) } : {}),
    ...(Object.keys(aggs).length ? { aggs } : {}),
    size,
    track_total_hits: true,
    // Counts must be exact: a shard failure is an error, never a silently partial answer.
    allow_partial_search_results: false,
    _source: { includes: ['publicationId'] },
  };
  if (size > 0) {
    request.sort = sortOf(query);
    if (after) {
      const spec = publicationSortSpec(query.sort, hasText);
      request.search_after = searchAfterOf(after.values, after.publicationId, { integer: spec.key === 'year' && PUBLICATION_DOCUMENT_PROPERTIES.year.type === 'integer', direction: spec.direction });
    }
    // Scores are reported whenever there is text, whatever the order.
    if (hasText) request.track_scores = true;
    if (text && query.highlight) request.highlight = highlightOf();
  }
  return request;
}

function highlightOf(): estypes.SearchHighlight {
  const passages: estypes.SearchHighlightField = { fragment_size: HIGHLIGHT_FRAGMENT_SIZE, number_of_fragments: HIGHLIGHT_FRAGMENTS };
  return {
    type: 'unified',
    // Control-character sentinels on raw text (no HTML escaping here); renderHighlight (via markedSnippets)
    // escapes the text and turns them into <mark>.
    pre_tags: [HIGHLIGHT_START],
    post_tags: [HIGHLIGHT_END],
    encoder: 'default',
    require_field_match: true,
    fields: Object.fromEntries(PUBLICATION_HIGHLIGHT_FIELDS.map((field) => [field, field === 'title' ? { number_of_fragments: 0 } : passages])),
  };
}
