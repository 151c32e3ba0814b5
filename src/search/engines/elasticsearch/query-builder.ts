import type { estypes } from '@elastic/elasticsearch';
import { FacetDefinition, facetDefinition, FacetName } from '../../query/facet-registry';
import { HIGHLIGHT_END, HIGHLIGHT_START } from '../../query/highlight';
import { FacetLink, facetLink, FacetRequest, FilterClause, ownClauses, ownClausesExcept, SearchQuery, sortSpecOf, splitForFacets } from '../../query/search-query';
import { HIGHLIGHT_FIELDS } from '../../query/search-result';
import { PREFIX_MAX_EXPANSIONS, TextAtom, TextClause, TextQuery } from '../../query/text-query';
import { DOCUMENT_PROPERTIES, ENGLISH_STOP_WORDS } from './index-mapping';

/**
 * SearchQuery -> the body of one Elasticsearch search request. Pure: no client, no I/O.
 *
 * - Text: the parsed AST only, as bool/should/must_not of match_phrase (user text never reaches a
 *   query parser: no query_string, no simple_query_string).
 * - Filters: every clause no requested facet owns goes in `bool.filter`; the clauses requested facets
 *   own go in `post_filter`, so hits and totals match every clause while each facet's aggregation
 *   counts under all clauses but its own (disjunctive counting, see clausesForFacet).
 * - Totals: a filter aggregation under the post_filter clauses: its doc_count and a cardinality of
 *   publicationId (hits.total is also exact: track_total_hits).
 * - Order: the shared SortSpec (missing values take the same stand-in as in the embedded engine), then
 *   complete citations first (CITATION_SORT), then caseReportId ascending; pages continue with
 *   search_after, so depth is unlimited.
 */
export type ElasticsearchSearchRequest = Omit<estypes.SearchRequest, 'index'>;

/** Searched text fields with their boosts: TEXT_FIELDS for cases, PUBLICATION_TEXT_FIELDS for publications. */
export type TextFields = readonly { field: string; boost: number }[];

/**
 * Text fields and boosts, mirroring the embedded engine's tsvector weights (A 1.0, B 0.4, C 0.2, D 0.1):
 * the same fields are searched, so both engines match the same cases; only scores differ in scale.
 */
export const TEXT_FIELDS: TextFields = [
  { field: 'title', boost: 10 },
  { field: 'termText', boost: 10 },
  { field: 'summary', boost: 4 },
  { field: 'details', boost: 4 },
  { field: 'ancestorTermText', boost: 2 },
  { field: 'abstract', boost: 2 },
  { field: 'otherText', boost: 1 },
];

/** Every value of a term facet is counted (the shared assembler builds trees and applies limits). */
export const TERMS_AGGREGATION_SIZE = 10_000;
/**
 * Distinct publications: cardinality counts exactly (barring 32-bit hash collisions) up to this many
 * distinct values per bucket and approximately beyond (Elasticsearch's maximum).
 */
export const PUBLICATION_COUNT_PRECISION = 40_000;

export const TOTALS_AGGREGATION = 'totals';
export const facetAggregationName = (facet: FacetName) => `facet_${facet}`;
/** Values present anywhere in the index (for includeZero on free-valued facets). */
export const presentValuesAggregationName = (facet: FacetName) => `present_${facet}`;

/** Highlighted fragments: the whole title, up to two passages of the longer texts (like ts_headline's MaxFragments=2). */
const HIGHLIGHT_FRAGMENT_SIZE = 200;
const HIGHLIGHT_FRAGMENTS = 2;

type Query = estypes.QueryDslQueryContainer;

const STOP_WORDS = new Set(ENGLISH_STOP_WORDS);

/**
 * Whether an atom's text has a word the analyzers keep. PostgreSQL drops an all-stop-word phrase from
 * a tsquery (`a && empty` is `a`, `a || empty` is `a`, `!! empty` is empty, an empty query matches
 * nothing); Elasticsearch would match all or nothing instead, so the builder drops such atoms itself.
 * Words are split like PostgreSQL's parser splits them (at every character that is not a letter or digit).
 */
export function isSearchableText(text: string): boolean {
  return wordsOf(text).some((word) => !STOP_WORDS.has(word));
}

/** Words as PostgreSQL's parser splits them (at every character that is not a letter or digit), folded and lower-cased. */
function wordsOf(text: string): string[] {
  return (
    text
      .normalize('NFKD')
      .replace(/\p{M}/gu, '')
      .toLowerCase()
      .match(/[\p{L}\p{N}]+/gu) ?? []
  );
}

/**
 * Whether a prefix atom's text ends in a stop word ("patch-for", "Horner's"). PostgreSQL drops a stop
 * word from a tsquery even with `:*` (`'blood' <-> 'patch' <-> 'for':*` is `'blood' <-> 'patch'`), so the
 * words before it match exactly; match_phrase_prefix would make the last word the analyzer keeps the
 * prefix instead ("patch" finding "patchy"), so such a variant is a plain match_phrase.
 */
function endsInStopWord(text: string): boolean {
  const words = wordsOf(text);
  return words.length > 0 && STOP_WORDS.has(words[words.length - 1]);
}

/**
 * One atom: a phrase in any searched field, in any of its spellings. A prefix atom is a
 * match_phrase_prefix: its words as a phrase, the last analysed word (stemmed, like the embedded
 * engine's `'hemat':*`) as a prefix of at most PREFIX_MAX_EXPANSIONS indexed terms; a variant whose last
 * word is a stop word is a plain phrase (see endsInStopWord).
 */
export function atomQuery(atom: TextAtom, fields: TextFields = TEXT_FIELDS): Query | null {
  const variants = [...new Set(atom.variants.filter(isSearchableText))];
  if (!variants.length) return null;
  const should = variants.flatMap((variant) =>
    fields.map(({ field, boost }): Query =>
      atom.prefix && !endsInStopWord(variant) ? { match_phrase_prefix: { [field]: { query: variant, boost, max_expansions: PREFIX_MAX_EXPANSIONS } } } : { match_phrase: { [field]: { query: variant, boost } } },
    ),
  );
  return { bool: { should, minimum_should_match: 1 } };
}

function clauseQuery(clause: TextClause, fields: TextFields): Query | null {
  const must = clause.include.map((atom) => atomQuery(atom, fields)).filter((query): query is Query => query !== null);
  const mustNot = clause.exclude.map((atom) => atomQuery(atom, fields)).filter((query): query is Query => query !== null);
  if (!must.length && !mustNot.length) return null;
  // A clause of exclusions only matches every case without them (Elasticsearch adds the match-all).
  return { bool: { ...(must.length ? { must } : {}), ...(mustNot.length ? { must_not: mustNot } : {}) } };
}

/** The whole text: OR of clauses; null when nothing searchable is left (then nothing matches, as in PostgreSQL). */
export function textQuery(text: TextQuery, fields: TextFields = TEXT_FIELDS): Query | null {
  const clauses = text.anyOf.map((clause) => clauseQuery(clause, fields)).filter((query): query is Query => query !== null);
  if (!clauses.length) return null;
  return clauses.length === 1 ? clauses[0] : { bool: { should: clauses, minimum_should_match: 1 } };
}

/** The values of an Elasticsearch `integer` field (int32). */
export const INTEGER_FIELD_MIN = -2147483648;
export const INTEGER_FIELD_MAX = 2147483647;

/**
 * An inclusive range on a numeric field. On an `integer` field (year) Elasticsearch refuses a bound
 * outside int32 with an HTTP 400 ("Value [3.0E9] is out of range for an integer"), where PostgreSQL
 * compares its int column with a float8 bound; so such a bound is brought to what it means for
 * integers: past the far end nothing matches, past the near end it is no bound (clamped to the end,
 * so the range still needs a value, like `year >= -3e9` in SQL). Decimal bounds inside int32 are left
 * to Elasticsearch, which rounds them inward (1999.5 <= year is 2000 <= year), as the float comparison does.
 */
export function numericRangeQuery(field: string, min: number | undefined, max: number | undefined, integer: boolean): Query {
  const bounds: estypes.QueryDslNumberRangeQuery = {};
  if (min !== undefined) bounds.gte = integer ? Math.max(min, INTEGER_FIELD_MIN) : min;
  if (max !== undefined) bounds.lte = integer ? Math.min(max, INTEGER_FIELD_MAX) : max;
  if (integer && ((min !== undefined && min > INTEGER_FIELD_MAX) || (max !== undefined && max < INTEGER_FIELD_MIN))) return { match_none: {} };
  return { range: { [field]: bounds } };
}

/**
 * One filter clause. `terms` and `range` on a multi-valued field match when SOME value matches (a
 * range needs one value inside both bounds, not one value above min and another below max), which is
 * the shared semantics; a missing value never matches a range.
 */
export function filterQuery(clause: FilterClause): Query {
  switch (clause.kind) {
    case 'any-of':
      return { terms: { [clause.field]: clause.values } };
    case 'range':
      return numericRangeQuery(clause.field, clause.min, clause.max, DOCUMENT_PROPERTIES[clause.field].type === 'integer');
    case 'outcome-known':
      return { term: { [clause.field]: clause.value } };
    case 'complication-after-procedure':
      // An empty side does not restrict: the other side is the plain top-level filter.
      if (!clause.procedures.length) return { terms: { complicationIds: clause.complications } };
      if (!clause.complications.length) return { terms: { procedureIds: clause.procedures } };
      // One nested complication carries both ends of the link (each with its ancestors).
      return {
        nested: {
          path: COMPLICATIONS_PATH,
          query: { bool: { filter: [{ terms: { [`${COMPLICATIONS_PATH}.termPath`]: clause.complications } }, { terms: { [`${COMPLICATIONS_PATH}.procedureTermPath`]: clause.procedures } }] } },
        },
      };
  }
}

/** The nested complications (SearchDocumentComplication) with the procedure each followed. */
export const COMPLICATIONS_PATH = 'complications';
/** Sub-aggregation names of a linked facet (see linkedValuesAggregation). */
export const LINKED_AGGREGATION = 'linked';
export const LINKED_FOLLOWS_AGGREGATION = 'follows';
export const LINKED_CASES_AGGREGATION = 'cases';

/**
 * A linked facet's values (facetLink): over the nested complications that followed one of the selected
 * procedures, their complication terms (or, the other way, over the selected complications, the
 * procedure terms they followed); reverse_nested counts each case once per value, with its distinct
 * publications.
 */
function linkedValuesAggregation(link: FacetLink): estypes.AggregationsAggregationContainer {
  const [counted, via] = link.counted === 'complication' ? ['termPath', 'procedureTermPath'] : ['procedureTermPath', 'termPath'];
  return {
    nested: { path: COMPLICATIONS_PATH },
    aggs: {
      [LINKED_FOLLOWS_AGGREGATION]: {
        filter: { terms: { [`${COMPLICATIONS_PATH}.${via}`]: link.via } },
        aggs: {
          values: {
            terms: { field: `${COMPLICATIONS_PATH}.${counted}`, size: TERMS_AGGREGATION_SIZE, min_doc_count: 1 },
            aggs: {
              [LINKED_CASES_AGGREGATION]: {
                reverse_nested: {},
                aggs: { publications: { cardinality: { field: 'publicationId', precision_threshold: PUBLICATION_COUNT_PRECISION } } },
              },
            },
          },
        },
      },
    },
  };
}

/** All clauses ANDed (match_all when there are none). */
export function allOf(clauses: FilterClause[]): Query {
  return clauses.length ? { bool: { filter: clauses.map(filterQuery) } } : { match_all: {} };
}

function facetAggregation(definition: FacetDefinition, request: FacetRequest, clauses: FilterClause[], link: FacetLink | null): estypes.AggregationsAggregationContainer {
  const field = definition.field;
  const aggs: Record<string, estypes.AggregationsAggregationContainer> = link
    ? { [LINKED_AGGREGATION]: linkedValuesAggregation(link) }
    : definition.kind === 'numeric-range'
      ? {
          // min_doc_count 1: only buckets with cases (empty ones are the assembler's job); a case with
          // several values in one bucket counts once there, as the shared semantics require.
          histogram: { histogram: { field, interval: request.interval ?? (definition.defaultInterval as number), min_doc_count: 1 } },
          min: { min: { field } },
          max: { max: { field } },
        }
      : {
          values: {
            terms: { field, size: TERMS_AGGREGATION_SIZE, min_doc_count: 1 },
            aggs: { publications: { cardinality: { field: 'publicationId', precision_threshold: PUBLICATION_COUNT_PRECISION } } },
          },
        };
  return { filter: allOf(clauses), aggs };
}

/** The requested facets, each once (the first request of a facet wins). */
export function uniqueFacetRequests(facets: FacetRequest[]): FacetRequest[] {
  const seen = new Set<FacetName>();
  return facets.filter((request) => !seen.has(request.facet) && Boolean(seen.add(request.facet)));
}

/**
 * The citation tie-break after the sort key (citation-order.ts): `citationComplete` descending, so true
 * (doc value 1) comes first; sort values are 1/0, as the embedded engine's. `unmapped_type` and
 * `missing: 0`: an index built before the field existed (mapping version 2) still answers, every
 * document then counting as incomplete (no tie-break) until a reindex applies the new mapping.
 */
export const CITATION_SORT: estypes.SortCombinations = { citationComplete: { order: 'desc', missing: 0, unmapped_type: 'boolean' } };

/** How the sort key of a search_after reads its value: an `integer` field (year) or not, and its direction. */
export interface SearchAfterKey {
  integer: boolean;
  direction: 'asc' | 'desc';
}

/** Sorts after every id (ids are lower-case uuids; `~` is above their characters in byte order). */
const AFTER_EVERY_ID = '~';
/** Citation values around the real ones (1, 0): after (k, 2) every case of key k follows (desc), after (k, -1) none. */
const CITATION_ABOVE_ALL = 2;
const CITATION_BELOW_ALL = -1;

/**
 * search_after of a cursor: [key value, citation value, id]. A cursor this API made holds a year (or its
 * ±1e9 stand-in), an age or a score, and a citation value of 1 or 0, passed on as they are. A crafted one
 * may hold any finite numbers, which the embedded engine compares as float8; Elasticsearch reads the
 * value of the integer year key with Java's intValue (3e9 wraps to a negative year, 2019.5 becomes
 * 2019), the citation's (a long) with longValue, and refuses an integer written beyond a long (1e20:
 * HTTP 400). So such values are moved to the integer position that continues at the same case: the
 * cases after year v (descending) are those with year <= ceil(v) - 1, i.e. after (ceil(v) - 1, citation
 * above all); ascending, those after (floor(v), citation below all); past the int32 ends, all or none.
 * A citation value that is not 0 or 1 likewise: after (c) are the citation values < c, i.e. < ceil(c),
 * clamped to [-1, 2], with an id after every id so no case of citation ceil(c) follows.
 */
export function searchAfterOf(values: readonly number[], id: string, key: SearchAfterKey = { integer: false, direction: 'desc' }): estypes.SortResults {
  let [value, citation] = values;
  let tieId = id.toLowerCase();
  if (!Number.isInteger(citation) || citation < CITATION_BELOW_ALL || citation > CITATION_ABOVE_ALL) {
    citation = Math.min(Math.max(Math.ceil(citation), CITATION_BELOW_ALL), CITATION_ABOVE_ALL);
    tieId = AFTER_EVERY_ID;
  }
  if (key.integer && !(Number.isInteger(value) && value >= INTEGER_FIELD_MIN && value <= INTEGER_FIELD_MAX)) {
    if (key.direction === 'desc') {
      // Every case with year < value, all of the highest such year included.
      const last = Math.min(Math.ceil(value) - 1, INTEGER_FIELD_MAX);
      [value, citation] = last < INTEGER_FIELD_MIN ? [INTEGER_FIELD_MIN, CITATION_BELOW_ALL] : [last, CITATION_ABOVE_ALL];
    } else {
      // Every case with year > value.
      const below = Math.floor(value);
      [value, citation] = below < INTEGER_FIELD_MIN ? [INTEGER_FIELD_MIN, CITATION_ABOVE_ALL] : [Math.min(below, INTEGER_FIELD_MAX), CITATION_BELOW_ALL];
    }
    tieId = AFTER_EVERY_ID;
  }
  return [value, citation, tieId];
}

function searchAfterKeyOf(query: SearchQuery): SearchAfterKey {
  const spec = sortSpecOf(query.sort, query.text !== null);
  return { integer: spec.key !== 'score' && DOCUMENT_PROPERTIES[spec.key].type === 'integer', direction: spec.direction };
}

function sortOf(query: SearchQuery): estypes.SortCombinations[] {
  const spec = sortSpecOf(query.sort, query.text !== null);
  const key: estypes.SortCombinations =
    spec.key === 'score' ? { _score: { order: 'desc' } } : { [spec.key]: { order: spec.direction, missing: spec.missing } };
  return [key, CITATION_SORT, { caseReportId: { order: 'asc' } }];
}

export function buildSearchRequest(query: SearchQuery): ElasticsearchSearchRequest {
  const { common, own } = splitForFacets(query);
  const owned = ownClauses(own);
  const text = query.text ? textQuery(query.text) : null;
  const must: Query[] = query.text ? [text ?? { match_none: {} }] : [];
  const filter = common.map(filterQuery);
  const main: Query = must.length || filter.length ? { bool: { ...(must.length ? { must } : {}), ...(filter.length ? { filter } : {}) } } : { match_all: {} };

  const aggs: Record<string, estypes.AggregationsAggregationContainer> = {
    [TOTALS_AGGREGATION]: {
      filter: allOf(owned),
      aggs: { publications: { cardinality: { field: 'publicationId', precision_threshold: PUBLICATION_COUNT_PRECISION } } },
    },
  };
  for (const request of uniqueFacetRequests(query.facets)) {
    const definition = facetDefinition(request.facet);
    // clausesForFacet(query, facet) minus `common`, which the main query already applies.
    const others = ownClausesExcept(own, request.facet);
    aggs[facetAggregationName(request.facet)] = facetAggregation(definition, request, others, facetLink(query, request.facet));
    // Free-valued facets (publication types) list the values present in the index with zero counts on request.
    if (request.includeZero && definition.multiValued && !definition.termKind && definition.kind !== 'numeric-range') {
      aggs[presentValuesAggregationName(request.facet)] = { global: {}, aggs: { values: { terms: { field: definition.field, size: TERMS_AGGREGATION_SIZE, min_doc_count: 1 } } } };
    }
  }

  // One more hit than asked for tells whether a next page exists. A cursor without its two sort values
  // (not one this API made) continues nowhere rather than failing.
  const after = query.page.after;
  const unusableCursor = after !== null && (typeof after.values[0] !== 'number' || typeof after.values[1] !== 'number');
  const size = query.page.first > 0 && !unusableCursor ? query.page.first + 1 : 0;
  const hasText = query.text !== null;

  const request: ElasticsearchSearchRequest = {
    query: main,
    ...(owned.length ? { post_filter: allOf(owned) } : {}),
    aggs,
    size,
    track_total_hits: true,
    // Counts must be exact: a shard failure is an error, never a silently partial answer.
    allow_partial_search_results: false,
    _source: { includes: ['caseReportId', 'publicationId'] },
  };
  if (size > 0) {
    request.sort = sortOf(query);
    if (after) request.search_after = searchAfterOf(after.values, after.caseReportId, searchAfterKeyOf(query));
    // Scores are reported whenever there is text, whatever the order.
    if (hasText) request.track_scores = true;
    if (hasText && text && query.highlight) request.highlight = highlightOf();
  }
  return request;
}

function highlightOf(): estypes.SearchHighlight {
  const passages: estypes.SearchHighlightField = { fragment_size: HIGHLIGHT_FRAGMENT_SIZE, number_of_fragments: HIGHLIGHT_FRAGMENTS };
  return {
    type: 'unified',
    // Control-character sentinels on raw text (encoder default: no HTML escaping here); renderHighlight
    // escapes the text and turns them into <mark>, so no document HTML ever reaches a page.
    pre_tags: [HIGHLIGHT_START],
    post_tags: [HIGHLIGHT_END],
    encoder: 'default',
    require_field_match: true,
    fields: Object.fromEntries(HIGHLIGHT_FIELDS.map((field) => [field, field === 'title' ? { number_of_fragments: 0 } : passages])),
  };
}
