/**
 * The publication builder and parser end to end, without a cluster (like query-semantics.spec.ts): an
 * in-memory evaluation of exactly the DSL subset buildPublicationSearchRequest emits runs the built
 * request over a small corpus, and parsePublicationSearchResponse reads the answer. Expectations are
 * hand-counted, and a naive reference evaluation (straight from the clauses, no DSL) checks many filter
 * combinations, so a clause in the wrong place (query vs post_filter vs a facet's filter), a wrong sort
 * stand-in or a lost bucket fails here. Lucene itself (analysis, scoring) needs a real cluster.
 */
import { batchId, FIXTURE_PUBLICATIONS, pub, pubKeyOf } from '../../../../test/contract/elasticsearch-publication.fixture';
import { CITATION_TIE_ORDER, CITATION_TIE_TEXT, citationTiePublicationDocuments, completedTitle } from '../../../../test/contract/citation-tie.fixture';
import { PublicationSearchDocument } from '../../publications/publication-search-document';
import {
  clausesForPublicationFacet,
  PublicationCaseStatus,
  publicationFacetDefinition,
  PublicationFacetName,
  PublicationFacetRequest,
  PublicationFilterClause,
  publicationFilterClauses,
  PublicationScreeningDecision,
  PublicationSearchFilters,
  PublicationSearchQuery,
  PublicationSearchSort,
  publicationSortSpec,
} from '../../publications/publication-search-query';
import { EnginePublicationSearchResult } from '../../publications/publication-search-result';
import { parseTextQuery } from '../../query/text-query.parser';
import { ENGLISH_STOP_WORDS } from './index-mapping';
import { toPublicationIndexDocument } from './publication-index-mapping';
import { buildPublicationSearchRequest } from './publication-query-builder';
import { ElasticsearchPublicationSearchResponse, parsePublicationSearchResponse } from './publication-response-parser';
import { ElasticsearchSearchRequest } from './query-builder';

type Doc = Record<string, unknown>;
type Json = Record<string, any>;

const STOP = new Set(ENGLISH_STOP_WORDS);

const valuesOf = (doc: Doc, field: string): unknown[] => {
  // copy_to: authors, DOI and PMID are searched through otherText.
  if (field === 'otherText') return ['authors', 'doi', 'pmid'].flatMap((source) => valuesOf(doc, source)).filter((value) => value !== null && value !== undefined);
  const value = doc[field];
  return Array.isArray(value) ? value : value === null || value === undefined ? [] : [value];
};

/** Tokens with positions, stop words leaving gaps (no stemming: the fixture's words need none). */
const analyze = (text: string): [string, number][] =>
  (text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).map((token, position): [string, number] => [token, position]).filter(([token]) => !STOP.has(token));

function phraseMatches(doc: Doc, field: string, phrase: string): boolean {
  const wanted = analyze(phrase);
  if (!wanted.length) return false;
  const base = wanted[0][1];
  return valuesOf(doc, field).some((value) => {
    const tokens = analyze(String(value));
    const at = new Set(tokens.map(([token, position]) => `${position}:${token}`));
    return tokens.some(([token, start]) => token === wanted[0][0] && wanted.every(([t, p]) => at.has(`${start + p - base}:${t}`)));
  });
}

function matches(doc: Doc, query: Json): boolean {
  const [[kind, body]] = Object.entries(query);
  switch (kind) {
    case 'match_all':
      return true;
    case 'match_none':
      return false;
    case 'terms': {
      const [[field, values]] = Object.entries(body as Json);
      return valuesOf(doc, field).some((value) => (values as unknown[]).includes(value));
    }
    case 'range': {
      const [[field, bounds]] = Object.entries(body as Json);
      return valuesOf(doc, field).some((value) => (bounds.gte === undefined || (value as number) >= bounds.gte) && (bounds.lte === undefined || (value as number) <= bounds.lte));
    }
    case 'match_phrase': {
      const [[field, spec]] = Object.entries(body as Json);
      return phraseMatches(doc, field, spec.query);
    }
    case 'bool': {
      const required: Json[] = [...(body.must ?? []), ...(body.filter ?? [])];
      if (!required.every((q) => matches(doc, q))) return false;
      if ((body.must_not ?? []).some((q: Json) => matches(doc, q))) return false;
      const should: Json[] = body.should ?? [];
      const minimum = body.minimum_should_match ?? (required.length ? 0 : should.length ? 1 : 0);
      return should.filter((q) => matches(doc, q)).length >= minimum;
    }
    default:
      throw new Error(`the evaluator does not know ${kind}: did the builder start emitting something new?`);
  }
}

function aggregate(docs: Doc[], all: Doc[], aggs: Json | undefined): Json {
  const out: Json = {};
  for (const [name, container] of Object.entries(aggs ?? {})) {
    const { aggs: sub, ...rest } = container as Json;
    const [[kind, body]] = Object.entries(rest);
    switch (kind) {
      case 'filter': {
        const kept = docs.filter((doc) => matches(doc, body));
        out[name] = { doc_count: kept.length, ...aggregate(kept, all, sub) };
        break;
      }
      case 'global':
        out[name] = { doc_count: all.length, ...aggregate(all, all, sub) };
        break;
      case 'terms': {
        const byValue = new Map<string, Doc[]>();
        const included = (value: string) => !Array.isArray(body.include) || body.include.includes(value);
        for (const doc of docs) for (const value of new Set(valuesOf(doc, body.field) as string[])) if (included(value)) byValue.set(value, [...(byValue.get(value) ?? []), doc]);
        const buckets = [...byValue.entries()]
          .filter(([, group]) => group.length >= (body.min_doc_count ?? 1))
          .sort(([a, x], [b, y]) => y.length - x.length || a.localeCompare(b))
          .slice(0, body.size ?? 10)
          .map(([key, group]) => ({ key, doc_count: group.length, ...aggregate(group, all, sub) }));
        out[name] = { doc_count_error_upper_bound: 0, sum_other_doc_count: 0, buckets };
        break;
      }
      case 'histogram': {
        const byKey = new Map<number, Set<Doc>>();
        for (const doc of docs)
          for (const value of valuesOf(doc, body.field) as number[]) {
            const key = Math.floor(value / body.interval) * body.interval;
            byKey.set(key, (byKey.get(key) ?? new Set()).add(doc));
          }
        out[name] = {
          buckets: [...byKey.entries()]
            .filter(([, group]) => group.size >= (body.min_doc_count ?? 0))
            .sort(([a], [b]) => a - b)
            .map(([key, group]) => ({ key, doc_count: group.size })),
        };
        break;
      }
      case 'min':
      case 'max': {
        const values = docs.flatMap((doc) => valuesOf(doc, body.field) as number[]);
        out[name] = { value: values.length ? (kind === 'min' ? Math.min(...values) : Math.max(...values)) : null };
        break;
      }
      default:
        throw new Error(`the evaluator does not know the ${kind} aggregation`);
    }
  }
  return out;
}

/** Runs a built request over documents as Elasticsearch would answer it (scores: 1 per match). */
function evaluate(documents: PublicationSearchDocument[], request: ElasticsearchSearchRequest): ElasticsearchPublicationSearchResponse {
  const all = documents.map(toPublicationIndexDocument) as unknown as Doc[];
  const matched = all.filter((doc) => matches(doc, request.query as Json));
  const hits = request.post_filter ? matched.filter((doc) => matches(doc, request.post_filter as Json)) : matched;
  const sort = (request.sort ?? []) as Json[];
  const sortValues = (doc: Doc): (number | string)[] =>
    sort.map((entry) => {
      const [[field, spec]] = Object.entries(entry);
      if (field === '_score') return 1;
      const [value] = valuesOf(doc, field);
      return (value ?? spec.missing) as number | string;
    });
  const compare = (a: (number | string)[], b: (number | string)[]) => {
    for (let i = 0; i < sort.length; i++) {
      const [[, spec]] = Object.entries(sort[i]);
      const order = spec.order === 'desc' ? -1 : 1;
      if (a[i] < b[i]) return -order;
      if (a[i] > b[i]) return order;
    }
    return 0;
  };
  let ordered = hits.map((doc) => ({ doc, values: sortValues(doc) })).sort((x, y) => compare(x.values, y.values));
  if (request.search_after) ordered = ordered.filter((hit) => compare(hit.values, request.search_after as (number | string)[]) > 0);
  const includes = ((request._source as Json).includes ?? []) as string[];
  return {
    took: 1,
    timed_out: false,
    _shards: { total: 1, successful: 1, skipped: 0, failed: 0 },
    hits: {
      total: { value: hits.length, relation: 'eq' },
      max_score: null,
      hits: ordered.slice(0, request.size ?? 10).map(({ doc, values }) => ({
        _index: 'case-reports_publications-v1',
        _id: doc.publicationId as string,
        _score: request.track_scores || sort.some((entry) => '_score' in entry) ? 1 : null,
        _source: Object.fromEntries(includes.map((field) => [field, doc[field]])),
        sort: values,
      })),
    },
    ...(request.aggs ? { aggregations: aggregate(matched, all, request.aggs as Json) } : {}),
  } as ElasticsearchPublicationSearchResponse;
}

interface Input {
  text?: string;
  filters?: PublicationSearchFilters;
  facets?: (PublicationFacetName | PublicationFacetRequest)[];
  sort?: PublicationSearchSort;
  first?: number;
  after?: PublicationSearchQuery['page']['after'];
}

const queryOf = (input: Input): PublicationSearchQuery => ({
  text: parseTextQuery(input.text),
  filters: input.filters ?? {},
  facets: (input.facets ?? []).map((facet) => (typeof facet === 'string' ? { facet, includeZero: false } : facet)),
  sort: input.sort ?? PublicationSearchSort.RELEVANCE,
  page: { first: input.first ?? 100, after: input.after ?? null },
  highlight: false,
});

const docs = FIXTURE_PUBLICATIONS();
const run = (input: Input, corpus: PublicationSearchDocument[] = docs): EnginePublicationSearchResult => {
  const query = queryOf(input);
  return parsePublicationSearchResponse(query, evaluate(corpus, buildPublicationSearchRequest(query)));
};
const keys = (result: EnginePublicationSearchResult) => result.hits.map((hit) => pubKeyOf(hit.publicationId));
const sortedKeys = (result: EnginePublicationSearchResult) => keys(result).sort((a, b) => a - b);
const countsOf = (result: EnginePublicationSearchResult, facet: PublicationFacetName, withZero = false) =>
  Object.fromEntries(
    (result.facets.find((f) => f.facet === facet)?.buckets ?? [])
      .filter((bucket) => withZero || bucket.publicationCount > 0)
      .map((bucket) => [bucket.value, bucket.publicationCount])
      .sort(([a], [b]) => String(a).localeCompare(String(b))),
  );

/** The naive reference: every clause tested on the documents directly. */
function clauseMatches(doc: PublicationSearchDocument, clause: PublicationFilterClause): boolean {
  const value = doc[clause.field];
  if (clause.kind === 'range') return typeof value === 'number' && (clause.min === undefined || value >= clause.min) && (clause.max === undefined || value <= clause.max);
  const values = Array.isArray(value) ? value : [value];
  return values.some((v) => clause.values.includes(String(v)));
}

function reference(query: PublicationSearchQuery) {
  const all = docs.map(toPublicationIndexDocument);
  const hits = all.filter((doc) => publicationFilterClauses(query.filters).every((clause) => clauseMatches(doc, clause)));
  const spec = publicationSortSpec(query.sort, false);
  const key = (doc: PublicationSearchDocument) => doc.year ?? spec.missing;
  // Year, then complete citations first, then id.
  const ids = [...hits]
    .sort((a, b) => (spec.direction === 'asc' ? key(a) - key(b) : key(b) - key(a)) || Number(b.citationComplete) - Number(a.citationComplete) || (a.publicationId < b.publicationId ? -1 : 1))
    .map((doc) => doc.publicationId);
  const facets = query.facets.map((request) => {
    const definition = publicationFacetDefinition(request.facet);
    const counted = all.filter((doc) => clausesForPublicationFacet(query.filters, request.facet).every((clause) => clauseMatches(doc, clause)));
    if (definition.kind === 'numeric-range') {
      const interval = request.interval ?? (definition.defaultInterval as number);
      const years = counted.map((doc) => doc.year).filter((year): year is number => year !== null);
      const byFrom = new Map<number, number>();
      for (const year of years) byFrom.set(Math.floor(year / interval) * interval, (byFrom.get(Math.floor(year / interval) * interval) ?? 0) + 1);
      return {
        facet: request.facet,
        buckets: [],
        stats: {
          min: years.length ? Math.min(...years) : null,
          max: years.length ? Math.max(...years) : null,
          buckets: [...byFrom.entries()].sort(([a], [b]) => a - b).map(([from, caseCount]) => ({ from, to: from + interval, caseCount })),
        },
      };
    }
    const counts = new Map<string, number>();
    for (const doc of counted) for (const value of new Set([doc[definition.field]].flat() as string[])) counts.set(value, (counts.get(value) ?? 0) + 1);
    return { facet: request.facet, buckets: [...counts.entries()].map(([value, publicationCount]) => ({ value, publicationCount })), stats: null };
  });
  return { ids, total: hits.length, facets };
}

const D = (n: number) => `D00000${n}`;

describe('Elasticsearch publication request semantics (in-memory evaluation of the built DSL)', () => {
  it('counts every publication, with or without case reports', () => {
    const result = run({ first: 0 });
    expect([result.totalPublications, result.hits, result.hasNextPage, result.facets]).toEqual([10, [], false, []]);
  });

  it.each<[string, PublicationSearchFilters, number[]]>([
    ['publication types, any of', { publicationTypes: ['Letter', 'Review'] }, [2, 3, 7, 9]],
    ['a MeSH descriptor matches its descendants', { meshDescriptors: [D(2)] }, [1, 4, 9]],
    ['a MeSH root', { meshDescriptors: [D(1)] }, [1, 4, 5, 9]],
    ['MeSH, any of', { meshDescriptors: [D(3), D(5)] }, [1, 2, 7]],
    ['journals', { journals: ['Neurology', 'Spine'] }, [5, 7, 8, 9]],
    ['journal not reported', { journals: ['UNKNOWN'] }, [3]],
    ['languages (stored lower-case)', { languages: ['eng'] }, [1, 2, 5, 6, 8, 9, 10]],
    ['language not reported', { languages: ['UNKNOWN'] }, [3]],
    ['reviews', { reviews: ['Review B'] }, [2, 4]],
    ['not imported by any review', { reviews: ['NONE'] }, [3, 5, 6, 7, 8, 10]],
    ['import batches', { importBatches: [batchId(3)] }, [5, 7]],
    ['not imported', { importBatches: ['NONE'] }, [3, 6, 8, 10]],
    ['curated', { caseStatuses: [PublicationCaseStatus.CURATED] }, [1, 4, 7, 8]],
    ['no case reports or suggested only', { caseStatuses: [PublicationCaseStatus.NONE, PublicationCaseStatus.SUGGESTED] }, [2, 3, 5, 6, 9, 10]],
    ['year range, inclusive; a missing year never matches', { year: { min: 2015, max: 2020 } }, [1, 2, 4, 5, 6]],
    ['year up to', { year: { max: 2012 } }, [7, 10]],
    ['year from', { year: { min: 2021 } }, [9]],
    ['an empty range is no filter', { year: {} }, [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]],
    ['across filters', { caseStatuses: [PublicationCaseStatus.CURATED], journals: ['Anaesthesia'] }, [1, 4]],
    ['final screening decision in any review', { screeningDecisions: [PublicationScreeningDecision.INCLUDED] }, [1, 2]],
    ['screening decisions, any of; in no review', { screeningDecisions: [PublicationScreeningDecision.CONFLICT, PublicationScreeningDecision.NONE] }, [3, 4, 5, 6, 7, 8, 10]],
  ])('filter: %s', (_, filters, expected) => {
    for (const facets of [[], [PublicationFacetName.JOURNAL, PublicationFacetName.YEAR, PublicationFacetName.CASE_STATUS, PublicationFacetName.MESH_DESCRIPTOR]]) {
      const result = run({ filters, facets, sort: PublicationSearchSort.YEAR_DESC });
      expect(sortedKeys(result)).toEqual(expected);
      expect(result.totalPublications).toBe(expected.length);
    }
  });

  it('counts disjunctively: a facet ignores its own selection and applies the others', () => {
    const result = run({
      filters: { caseStatuses: [PublicationCaseStatus.CURATED], journals: ['Anaesthesia', 'Neurology'] },
      facets: [PublicationFacetName.CASE_STATUS, PublicationFacetName.JOURNAL, PublicationFacetName.LANGUAGE],
    });
    expect(sortedKeys(result)).toEqual([1, 4, 7]);
    expect(result.totalPublications).toBe(3);
    expect(countsOf(result, PublicationFacetName.CASE_STATUS)).toEqual({ CURATED: 3, NONE: 1 });
    expect(countsOf(result, PublicationFacetName.JOURNAL)).toEqual({ Anaesthesia: 2, Neurology: 1, Spine: 1 });
    expect(countsOf(result, PublicationFacetName.LANGUAGE)).toEqual({ eng: 1, fre: 1, ger: 1 });
  });

  it('counts final screening decisions once per value and publication, disjunctively', () => {
    const all = run({ facets: [PublicationFacetName.SCREENING_DECISION] });
    expect(countsOf(all, PublicationFacetName.SCREENING_DECISION)).toEqual({ CONFLICT: 1, EXCLUDED: 1, INCLUDED: 2, NONE: 6, UNDECIDED: 1 });
    const included = run({ filters: { screeningDecisions: [PublicationScreeningDecision.INCLUDED], reviews: ['Review B'] }, facets: [PublicationFacetName.SCREENING_DECISION, PublicationFacetName.REVIEW] });
    expect(sortedKeys(included)).toEqual([2]);
    expect(countsOf(included, PublicationFacetName.SCREENING_DECISION)).toEqual({ CONFLICT: 1, EXCLUDED: 1, INCLUDED: 1 });
    expect(countsOf(included, PublicationFacetName.REVIEW)).toEqual({ 'Review A': 2, 'Review B': 1 });
  });

  it('rolls MeSH counts up (documents hold ancestors) and counts multi-valued facets once per publication', () => {
    const result = run({ facets: [PublicationFacetName.MESH_DESCRIPTOR, PublicationFacetName.REVIEW, PublicationFacetName.IMPORT_BATCH, PublicationFacetName.PUBLICATION_TYPE] });
    expect(countsOf(result, PublicationFacetName.MESH_DESCRIPTOR)).toEqual({ [D(1)]: 4, [D(2)]: 3, [D(3)]: 1, [D(4)]: 3, [D(5)]: 2 });
    expect(countsOf(result, PublicationFacetName.REVIEW)).toEqual({ NONE: 6, 'Review A': 3, 'Review B': 2 });
    expect(countsOf(result, PublicationFacetName.IMPORT_BATCH)).toEqual({ NONE: 4, [batchId(1)]: 3, [batchId(2)]: 2, [batchId(3)]: 2 });
    expect(countsOf(result, PublicationFacetName.PUBLICATION_TYPE)).toEqual({ 'Case Reports': 5, Editorial: 1, 'Journal Article': 2, Letter: 2, Review: 2 });
  });

  it('lists zero-count values present in the index on request for free-valued facets, never for the enum', () => {
    const result = run({
      filters: { caseStatuses: [PublicationCaseStatus.NONE] },
      facets: [
        { facet: PublicationFacetName.PUBLICATION_TYPE, includeZero: true },
        { facet: PublicationFacetName.JOURNAL, includeZero: true },
        { facet: PublicationFacetName.LANGUAGE, includeZero: false },
        { facet: PublicationFacetName.CASE_STATUS, includeZero: true },
      ],
    });
    expect(countsOf(result, PublicationFacetName.PUBLICATION_TYPE, true)).toEqual({ 'Case Reports': 1, Editorial: 1, 'Journal Article': 0, Letter: 1, Review: 1 });
    expect(countsOf(result, PublicationFacetName.JOURNAL, true)).toEqual({ Anaesthesia: 0, IJOA: 1, Neurology: 1, Spine: 1, UNKNOWN: 1 });
    expect(countsOf(result, PublicationFacetName.LANGUAGE, true)).toEqual({ eng: 3, UNKNOWN: 1 });
    // The enum's zero values are the assembler's job; its own filter is ignored for its counts.
    expect(countsOf(result, PublicationFacetName.CASE_STATUS, true)).toEqual({ CURATED: 4, NONE: 4, SUGGESTED: 2 });
  });

  it('gives year stats and histograms (floor(year / interval) * interval), under every filter but its own', () => {
    const result = run({ facets: [PublicationFacetName.YEAR] });
    expect(result.facets[0].stats).toEqual({ min: 2009, max: 2023, buckets: [[2005, 1], [2010, 1], [2015, 3], [2020, 3]].map(([from, caseCount]) => ({ from, to: from + 5, caseCount })) });
    const wide = run({ facets: [{ facet: PublicationFacetName.YEAR, includeZero: false, interval: 10 }], filters: { year: { min: 2016 }, languages: ['eng'] } });
    expect(sortedKeys(wide)).toEqual([1, 2, 5, 6, 9]);
    expect(wide.facets[0].stats).toEqual({ min: 2012, max: 2023, buckets: [[2010, 3], [2020, 3]].map(([from, caseCount]) => ({ from, to: from + 10, caseCount })) });
    const none = run({ filters: { journals: ['UNKNOWN'] }, facets: [PublicationFacetName.YEAR, PublicationFacetName.LANGUAGE] });
    expect(none.totalPublications).toBe(1);
    expect(none.facets).toEqual([
      { facet: PublicationFacetName.YEAR, buckets: [], stats: { min: null, max: null, buckets: [] } },
      { facet: PublicationFacetName.LANGUAGE, buckets: [{ value: 'UNKNOWN', publicationCount: 1 }], stats: null },
    ]);
  });

  it('agrees with the naive reference on many filter combinations, every facet requested or some or none', () => {
    const filterSets: PublicationSearchFilters[] = [
      {},
      { caseStatuses: [PublicationCaseStatus.CURATED], meshDescriptors: [D(1)] },
      { languages: ['eng', 'UNKNOWN'], year: { min: 2010 }, publicationTypes: ['Case Reports', 'Review'] },
      { reviews: ['NONE', 'Review B'], journals: ['IJOA', 'Anaesthesia'], year: { max: 2018 } },
      { importBatches: [batchId(1), 'NONE'], caseStatuses: [PublicationCaseStatus.NONE, PublicationCaseStatus.SUGGESTED], meshDescriptors: [D(4), D(2)] },
      { publicationTypes: ['Letter'], languages: ['ger'], journals: ['Neurology'], year: { min: 2000, max: 2010 } },
      { publicationTypes: ['Nothing'] },
    ];
    const allFacets = Object.values(PublicationFacetName).map((facet) => ({ facet, includeZero: false, ...(facet === PublicationFacetName.YEAR ? { interval: 3 } : {}) }));
    for (const filters of filterSets) {
      for (const facets of [allFacets, allFacets.filter((_, i) => i % 2 === 0), allFacets.filter((_, i) => i % 2 === 1), []]) {
        for (const sort of [PublicationSearchSort.YEAR_DESC, PublicationSearchSort.YEAR_ASC, PublicationSearchSort.RELEVANCE]) {
          const query = queryOf({ filters, facets, sort });
          const actual = parsePublicationSearchResponse(query, evaluate(docs, buildPublicationSearchRequest(query)));
          const expected = reference(query);
          expect({ ids: actual.hits.map((h) => h.publicationId), total: actual.totalPublications }).toEqual({ ids: expected.ids, total: expected.total });
          const norm = (buckets: { value: string; publicationCount: number }[]) => [...buckets].sort((a, b) => a.value.localeCompare(b.value));
          expect(actual.facets.map((f) => ({ ...f, buckets: norm(f.buckets) }))).toEqual(expected.facets.map((f) => ({ ...f, buckets: norm(f.buckets) })));
        }
      }
    }
  });

  it.each<[PublicationSearchSort, number[]]>([
    [PublicationSearchSort.YEAR_DESC, [9, 1, 6, 2, 5, 4, 10, 7, 3, 8]],
    [PublicationSearchSort.YEAR_ASC, [7, 10, 4, 5, 2, 1, 6, 9, 3, 8]],
    [PublicationSearchSort.RELEVANCE, [9, 1, 6, 2, 5, 4, 10, 7, 3, 8]],
  ])('sorts %s with a missing year last and ties by id', (sort, expected) => {
    expect(keys(run({ sort }))).toEqual(expected);
  });

  it('pages with search_after from the last hit, without gaps or repeats', () => {
    for (const [sort, text] of [
      [PublicationSearchSort.YEAR_DESC, undefined],
      [PublicationSearchSort.YEAR_ASC, undefined],
      [PublicationSearchSort.RELEVANCE, 'hematoma OR headache OR zanzibar OR arachnoiditis'],
    ] as const) {
      const everything = run({ sort, text }).hits.map((hit) => hit.publicationId);
      expect(everything.length).toBeGreaterThan(5);
      const seen: string[] = [];
      let after: PublicationSearchQuery['page']['after'] = null;
      for (let page = 0; page < 10; page++) {
        const result = run({ sort, text, first: 3, after });
        seen.push(...result.hits.map((hit) => hit.publicationId));
        if (!result.hasNextPage) break;
        const last = result.hits[result.hits.length - 1];
        after = { sort, values: last.sortValues, publicationId: last.publicationId.toUpperCase() };
      }
      expect(seen).toEqual(everything);
    }
  });

  describe('incomplete citations after complete ones at an equal sort key (the contract\'s tie corpus)', () => {
    const tieId = (n: number) => pub(950 + n);
    const corpus = [...docs, ...citationTiePublicationDocuments(tieId)];
    const records = (result: EnginePublicationSearchResult) => keys(result).map((n) => n - 950);

    it.each<[PublicationSearchSort, number[]]>([
      [PublicationSearchSort.RELEVANCE, CITATION_TIE_ORDER.relevance],
      [PublicationSearchSort.YEAR_DESC, CITATION_TIE_ORDER.yearDesc],
      [PublicationSearchSort.YEAR_ASC, CITATION_TIE_ORDER.yearAsc],
    ])('%s', (sort, expected) => {
      expect(records(run({ text: CITATION_TIE_TEXT, sort }, corpus))).toEqual(expected);
    });

    it('pages across the boundary with search_after, every record exactly once', () => {
      for (const first of [1, 2, 3]) {
        const seen: number[] = [];
        let after: PublicationSearchQuery['page']['after'] = null;
        for (let page = 0; page < 20; page++) {
          const result = run({ text: CITATION_TIE_TEXT, first, after }, corpus);
          seen.push(...records(result));
          if (!result.hasNextPage) break;
          const last = result.hits[result.hits.length - 1];
          after = { sort: PublicationSearchSort.RELEVANCE, values: last.sortValues, publicationId: last.publicationId };
        }
        expect(seen).toEqual(CITATION_TIE_ORDER.relevance);
      }
    });

    it('moves a record up once its citation is completed', () => {
      expect(records(run({ text: CITATION_TIE_TEXT }, [...docs, ...citationTiePublicationDocuments(tieId, completedTitle)]))).toEqual(CITATION_TIE_ORDER.relevanceAfterTitleFilledIn);
    });
  });

  describe('text (phrase matching approximated without stemming; the structure is what is tested)', () => {
    it.each<[string, number[]]>([
      ['zanzibar', [3]],
      ['haematoma', [1, 4, 5, 6, 9]],
      ['hematoma', [1, 4, 5, 6, 9]],
      ['"spinal hematoma"', [4, 9]],
      ['spinal hematoma', [1, 4, 9]],
      // Authors and subjects (MeSH labels and keywords) are searched too.
      ['okonkwo', [1, 6]],
      ['arachnoiditis', [2, 8]],
      ['"puncture headache"', [2, 7]],
      ['hematoma -epidural', [4, 5, 9]],
      ['-hematoma', [2, 3, 7, 8, 10]],
      ['zanzibar OR okonkwo', [1, 3, 6]],
      ['the zanzibar', [3]],
      ['zanzibar -the', [3]],
      ['the', []],
      ['-the', []],
    ])('%s', (text, expected) => {
      expect(sortedKeys(run({ text }))).toEqual(expected);
    });

    it('combines text with filters and facet counts, and reports scores', () => {
      const result = run({ text: 'hematoma', filters: { caseStatuses: [PublicationCaseStatus.CURATED] }, facets: [PublicationFacetName.CASE_STATUS], sort: PublicationSearchSort.YEAR_ASC });
      expect(keys(result)).toEqual([4, 1]);
      expect(result.hits.map((hit) => hit.score)).toEqual([1, 1]);
      expect(countsOf(result, PublicationFacetName.CASE_STATUS)).toEqual({ CURATED: 2, NONE: 2, SUGGESTED: 1 });
    });

    it('has no scores without text', () => {
      expect(run({ first: 2 }).hits.map((hit) => [hit.score, hit.sortValues])).toEqual([
        // 2023: no authors (citation incomplete); 2020: complete.
        [null, [2023, 0]],
        [null, [2020, 1]],
      ]);
      expect(run({ sort: PublicationSearchSort.YEAR_ASC }).hits.map((hit) => hit.sortValues[0]).slice(-2)).toEqual([1e9, 1e9]);
      expect(pub(3)).toBe(run({ sort: PublicationSearchSort.YEAR_ASC }).hits[8].publicationId);
    });
  });
});
