/**
 * The builder and parser end to end, without a cluster: an in-memory evaluation of exactly the query
 * DSL subset buildSearchRequest emits (bool, terms, term, range, match_phrase, match_phrase_prefix,
 * nested, match_all/none; post_filter; filter/global/nested/reverse_nested/terms/cardinality/histogram/min/max aggregations; sort with `missing`;
 * search_after) runs the built request over the contract's fixture corpus, and parseSearchResponse reads
 * the answer. The expectations are the contract suite's hand-counted numbers and its naive reference
 * evaluation (test/contract), so a clause in the wrong place (query vs post_filter vs a facet's filter),
 * a wrong sort stand-in or a lost bucket fails here. What it cannot show is Lucene itself (analysis,
 * scoring): the contract suite against a real cluster covers that (ELASTICSEARCH_NODE).
 */
import { AgeGroup, Anticoagulation, Outcome, PregnancyStatus, Sex } from '../../../case-reports/case-report.enums';
import { caseId as caseIdOf, caseKeyOf, FIXTURE_DOCUMENTS, FIXTURE_TERMS, generatedDocuments, termId } from '../../../../test/contract/search-fixture.factory';
import { referenceCrossTab, referenceSearch } from '../../../../test/contract/reference-search';
import { CrossTabAxis, CrossTabCountsRequest, EngineCrossTab } from '../../query/cross-tab-counts';
import { buildCrossTabRequest, mergeCrossTabCells, parseCrossTabCells, parseCrossTabResponse } from './cross-tab-request';
import { CITATION_TIE_ORDER, CITATION_TIE_TEXT, citationTieCaseDocuments, citationTieRecordOfCaseKey, completedTitle } from '../../../../test/contract/citation-tie.fixture';
import { SearchDocument } from '../../indexing/search-document';
import { FacetName } from '../../query/facet-registry';
import { FacetRequest, SearchFilters, SearchQuery, SearchSort, sortSpecOf } from '../../query/search-query';
import { EngineSearchResult } from '../../query/search-result';
import { parseTextQuery } from '../../query/text-query.parser';
import { ENGLISH_STOP_WORDS, INDEX_MAPPINGS, toIndexDocument } from './index-mapping';
import { buildSearchRequest, ElasticsearchSearchRequest } from './query-builder';
import { ElasticsearchSearchResponse, parseSearchResponse } from './response-parser';

type Doc = Record<string, unknown>;
type Json = Record<string, any>;

const STOP = new Set(ENGLISH_STOP_WORDS);
const COPY_TO_OTHER_TEXT = ['label', 'journal', 'authors', 'subjects', 'doi', 'pmid'];

const valuesOf = (doc: Doc, field: string): unknown[] => {
  if (field === 'otherText') return COPY_TO_OTHER_TEXT.flatMap((source) => valuesOf(doc, source));
  const value = doc[field];
  return Array.isArray(value) ? value : value === null || value === undefined ? [] : [value];
};

/** Tokens with positions, stop words leaving gaps (no stemming: the fixture's words need none). */
const analyze = (text: string): [string, number][] =>
  (text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).map((token, position): [string, number] => [token, position]).filter(([token]) => !STOP.has(token));

function phraseMatches(doc: Doc, field: string, phrase: string, prefix = false): boolean {
  const wanted = analyze(phrase);
  if (!wanted.length) return false;
  // Each array element on its own: a phrase never spans two values (position_increment_gap).
  const base = wanted[0][1];
  const last = wanted.length - 1;
  // match_phrase_prefix: the last analysed word matches any indexed word it starts.
  const same = (token: string, k: number) => token === wanted[k][0] || (prefix && k === last && token.startsWith(wanted[k][0]));
  return valuesOf(doc, field).some((value) => {
    const tokens = analyze(String(value));
    const at = new Map(tokens.map(([token, position]) => [position, token]));
    return tokens.some(([token, start]) => same(token, 0) && wanted.every(([, p], k) => at.has(start + p - base) && same(at.get(start + p - base) as string, k)));
  });
}

/** A nested field's objects as documents of their own (fields named by full path), each knowing its root. */
const nestedDocs = (doc: Doc, path: string): Doc[] =>
  ((doc[path] ?? []) as Doc[]).map((child) => ({ ...Object.fromEntries(Object.entries(child).map(([key, value]) => [`${path}.${key}`, value])), [ROOT]: doc }));
const ROOT = '__root';

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
    case 'term': {
      const [[field, value]] = Object.entries(body as Json);
      return valuesOf(doc, field).includes(value);
    }
    case 'range': {
      const [[field, bounds]] = Object.entries(body as Json);
      return valuesOf(doc, field).some((value) => (bounds.gte === undefined || (value as number) >= bounds.gte) && (bounds.lte === undefined || (value as number) <= bounds.lte));
    }
    case 'match_phrase': {
      const [[field, spec]] = Object.entries(body as Json);
      return phraseMatches(doc, field, spec.query);
    }
    case 'match_phrase_prefix': {
      const [[field, spec]] = Object.entries(body as Json);
      expect(spec.max_expansions).toBeGreaterThan(0);
      return phraseMatches(doc, field, spec.query, true);
    }
    case 'nested':
      return nestedDocs(doc, body.path).some((child) => matches(child, body.query));
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
      case 'nested': {
        const children = docs.flatMap((doc) => nestedDocs(doc, body.path));
        out[name] = { doc_count: children.length, ...aggregate(children, all, sub) };
        break;
      }
      case 'reverse_nested': {
        // Each root once, however many of its nested documents are in the bucket.
        const roots = [...new Set(docs.map((child) => child[ROOT] as Doc))];
        out[name] = { doc_count: roots.length, ...aggregate(roots, all, sub) };
        break;
      }
      case 'terms': {
        const byValue = new Map<string, Doc[]>();
        // `missing`: a document without a value counts under that key (with the documents holding it).
        const keysOf = (doc: Doc) => {
          const values = valuesOf(doc, body.field) as string[];
          return new Set(values.length || body.missing === undefined ? values : [body.missing]);
        };
        for (const doc of docs) for (const value of keysOf(doc)) byValue.set(value, [...(byValue.get(value) ?? []), doc]);
        const buckets = [...byValue.entries()]
          .filter(([, group]) => group.length >= (body.min_doc_count ?? 1))
          .sort(([a, x], [b, y]) => y.length - x.length || a.localeCompare(b))
          .slice(0, body.size ?? 10)
          .map(([key, group]) => ({ key, doc_count: group.length, ...aggregate(group, all, sub) }));
        out[name] = { doc_count_error_upper_bound: 0, sum_other_doc_count: byValue.size - buckets.length, buckets };
        break;
      }
      case 'composite': {
        // One bucket per combination of the sources' values a document holds (null for none with
        // missing_bucket), in key order (null first), after `after`, at most `size`.
        const sources = (body.sources as Json[]).map((source) => {
          const [[sourceName, spec]] = Object.entries(source);
          expect(Object.keys(spec)).toEqual(['terms']);
          return { name: sourceName, field: (spec as Json).terms.field as string, missing: (spec as Json).terms.missing_bucket === true };
        });
        const groups = new Map<string, { key: Json; docs: Doc[] }>();
        for (const doc of docs) {
          let combos: Json[] = [{}];
          for (const source of sources) {
            const values = [...new Set(valuesOf(doc, source.field) as string[])];
            const keys: (string | null)[] = values.length ? values : source.missing ? [null] : [];
            combos = combos.flatMap((combo) => keys.map((key) => ({ ...combo, [source.name]: key })));
          }
          for (const combo of combos) {
            const id = JSON.stringify(combo);
            groups.set(id, { key: combo, docs: [...(groups.get(id)?.docs ?? []), doc] });
          }
        }
        const order = (a: Json, b: Json) => {
          for (const { name: n } of sources) {
            if (a[n] === b[n]) continue;
            if (a[n] === null) return -1;
            if (b[n] === null) return 1;
            return a[n] < b[n] ? -1 : 1;
          }
          return 0;
        };
        const after = body.after as Json | undefined;
        const page = [...groups.values()]
          .sort((x, y) => order(x.key, y.key))
          .filter((group) => !after || order(group.key, after) > 0)
          .slice(0, body.size ?? 10);
        out[name] = {
          ...(page.length ? { after_key: page[page.length - 1].key } : {}),
          buckets: page.map((group) => ({ key: group.key, doc_count: group.docs.length, ...aggregate(group.docs, all, sub) })),
        };
        break;
      }
      case 'cardinality':
        out[name] = { value: new Set(docs.flatMap((doc) => valuesOf(doc, body.field))).size };
        break;
      case 'histogram': {
        const byKey = new Map<number, Set<Doc>>();
        for (const doc of docs) for (const value of valuesOf(doc, body.field) as number[]) {
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

/**
 * A search_after value as Elasticsearch converts it for the sort field (SearchAfterBuilder): JSON numbers
 * arrive as int/long (integral, within a long) or double, and one written as an integer beyond a long as a
 * string; an `integer` field (year) takes `Number.intValue()` (a long wraps to 32 bits, a double is
 * truncated and saturated) and refuses such a string (HTTP 400); a `boolean` (the citation, a long) takes
 * `longValue()`; `double` fields and the score keep the number.
 */
function searchAfterValue(value: number | string, field: string): number | string {
  if (typeof value !== 'number') return value;
  const type = field === '_score' ? 'score' : (INDEX_MAPPINGS.properties?.[field] as { type?: string } | undefined)?.type;
  if (type !== 'integer' && type !== 'boolean') return value;
  const written = JSON.stringify(value);
  const integral = /^-?\d+$/.test(written);
  if (integral && (value >= 2 ** 63 || value < -(2 ** 63))) throw new Error(`search_after: Failed to parse search_after value for field [${field}] (HTTP 400)`);
  const saturate = (v: number, bits: 32 | 64) => Math.max(-(2 ** (bits - 1)), Math.min(2 ** (bits - 1) - 1, Math.trunc(v)));
  if (type === 'boolean') return integral ? value : saturate(value, 64);
  return integral ? Number(BigInt.asIntN(32, BigInt(value))) : saturate(value, 32);
}

/** Runs a built request over documents as Elasticsearch would answer it (scores: 1 per match). */
function evaluate(documents: SearchDocument[], request: ElasticsearchSearchRequest): ElasticsearchSearchResponse {
  const all = documents.map(toIndexDocument) as unknown as Doc[];
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
  if (request.search_after) {
    // Each value read as Elasticsearch reads it for the field's sort type (SearchAfterBuilder).
    const after = (request.search_after as (number | string)[]).map((value, i) => searchAfterValue(value, Object.keys(sort[i])[0]));
    ordered = ordered.filter((hit) => compare(hit.values, after) > 0);
  }
  const includes = ((request._source as Json | undefined)?.includes ?? []) as string[];
  return {
    took: 1,
    timed_out: false,
    _shards: { total: 1, successful: 1, skipped: 0, failed: 0 },
    hits: {
      total: { value: hits.length, relation: 'eq' },
      max_score: null,
      hits: ordered.slice(0, request.size ?? 10).map(({ doc, values }) => ({
        _index: 'case-reports-v1',
        _id: doc.caseReportId as string,
        _score: request.query && sort.some((entry) => '_score' in entry) ? 1 : request.track_scores ? 1 : null,
        _source: Object.fromEntries(includes.map((field) => [field, doc[field]])),
        sort: values,
      })),
    },
    aggregations: aggregate(matched, all, request.aggs as Json),
  } as ElasticsearchSearchResponse;
}

interface Input {
  text?: string;
  typing?: boolean;
  filters?: SearchFilters;
  facets?: (FacetName | FacetRequest)[];
  sort?: SearchSort;
  first?: number;
  after?: SearchQuery['page']['after'];
}

const queryOf = (input: Input): SearchQuery => ({
  text: parseTextQuery(input.text, { prefixLastWord: input.typing ?? false }),
  filters: input.filters ?? {},
  facets: (input.facets ?? []).map((facet) => (typeof facet === 'string' ? { facet, includeZero: false } : facet)),
  sort: input.sort ?? SearchSort.RELEVANCE,
  page: { first: input.first ?? 100, after: input.after ?? null },
  highlight: false,
});

const docs = FIXTURE_DOCUMENTS();
const run = (input: Input, corpus: SearchDocument[] = docs): EngineSearchResult => {
  const query = queryOf(input);
  return parseSearchResponse(query, evaluate(corpus, buildSearchRequest(query)));
};
const keys = (result: EngineSearchResult) => result.hits.map((hit) => caseKeyOf(hit.caseReportId));
const sortedKeys = (result: EngineSearchResult) => keys(result).sort((a, b) => a - b);
const ids = (...keysOfTerms: string[]) => keysOfTerms.map(termId);
const keyOfTerm = (value: string) => FIXTURE_TERMS.find((term) => term.id === value)?.key ?? value;
const countsOf = (result: EngineSearchResult, facet: FacetName, field: 'caseCount' | 'publicationCount' = 'caseCount') =>
  Object.fromEntries(
    (result.facets.find((f) => f.facet === facet)?.buckets ?? [])
      .filter((bucket) => bucket[field] > 0)
      .map((bucket) => [keyOfTerm(bucket.value), bucket[field]])
      .sort(([a], [b]) => String(a).localeCompare(String(b))),
  );

describe('Elasticsearch request semantics on the contract corpus (in-memory evaluation of the built DSL)', () => {
  it('counts every case and distinct publication', () => {
    const result = run({ first: 0 });
    expect([result.totalCases, result.totalPublications, result.hits, result.hasNextPage]).toEqual([16, 12, [], false]);
  });

  it.each<[string, SearchFilters, number[]]>([
    ['a parent complication includes its descendants', { complications: ids('spinal-hematoma') }, [1, 2, 3, 4, 5, 10, 11, 14, 15, 16]],
    ['a parent treatment includes its descendants', { treatments: ids('conservative-management') }, [1, 2, 7, 9, 10, 11, 16]],
    ['treatment not reported', { treatments: ['UNKNOWN'] }, [3, 8, 12]],
    ['unknown sex is a value', { sex: [Sex.UNKNOWN] }, [8]],
    ['age groups', { ageGroups: [AgeGroup.OLDER_ADULT, AgeGroup.CHILD] }, [5, 10, 15, 16]],
    ['anticoagulation', { anticoagulation: [Anticoagulation.ANTICOAGULANT] }, [5, 16]],
    ['publication types', { publicationTypes: ['Letter', 'Journal Article'] }, [6, 9]],
    ['year range, inclusive', { year: { min: 2015, max: 2020 } }, [1, 3, 4, 6, 11, 12, 13, 14]],
    ['age up to', { age: { max: 30 } }, [2, 4, 10, 12]],
    ['blood-patch volume: some patch in range', { bloodPatchVolumeMl: { min: 24, max: 26 } }, [4]],
    ['onset hours from', { onsetHours: { min: 100 } }, [4, 6, 7, 13]],
    ['known outcome', { outcomeKnown: false }, [3, 8, 12]],
    ['across filters', { pregnancyStatuses: [PregnancyStatus.POSTPARTUM], complications: ids('intrathecal-hematoma', 'spinal-subdural-hematoma') }, [1, 3, 11]],
  ])('filter: %s', (_, filters, expected) => {
    const result = run({ filters, sort: SearchSort.YEAR_DESC });
    expect(sortedKeys(result)).toEqual(expected);
    expect(result.totalCases).toBe(expected.length);
  });

  it('counts disjunctively: a facet ignores its own selection and applies the others', () => {
    const result = run({ filters: { pregnancyStatuses: [PregnancyStatus.POSTPARTUM], outcomes: [Outcome.FULL_RECOVERY] }, facets: [FacetName.PREGNANCY_STATUS, FacetName.OUTCOME, FacetName.SEX] });
    expect(sortedKeys(result)).toEqual([1, 7, 11]);
    expect([result.totalCases, result.totalPublications]).toEqual([3, 3]);
    expect(countsOf(result, FacetName.PREGNANCY_STATUS)).toEqual({ NOT_PREGNANT: 3, POSTPARTUM: 3 });
    expect(countsOf(result, FacetName.OUTCOME)).toEqual({ FULL_RECOVERY: 3, PARTIAL_RECOVERY: 1, RESIDUAL_DEFICIT: 1, UNKNOWN: 2 });
    expect(countsOf(result, FacetName.SEX)).toEqual({ FEMALE: 3 });
  });

  it('rolls complication counts up with distinct publication counts', () => {
    const result = run({ facets: [FacetName.COMPLICATION] });
    expect(countsOf(result, FacetName.COMPLICATION)).toMatchObject({ hematoma: 13, 'spinal-hematoma': 10, 'csf-leak': 4, 'intrathecal-hematoma': 3 });
    expect(countsOf(result, FacetName.COMPLICATION, 'publicationCount')).toMatchObject({ hematoma: 10, 'spinal-hematoma': 8, 'csf-leak': 4 });
  });

  it('counts the TREATMENT "not reported" value like any other', () => {
    expect(countsOf(run({ facets: [FacetName.TREATMENT] }), FacetName.TREATMENT)).toMatchObject({ UNKNOWN: 3, 'conservative-management': 7, observation: 5 });
  });

  it('lists zero-count publication types present in the index on request', () => {
    const result = run({ filters: { sex: [Sex.MALE] }, facets: [{ facet: FacetName.PUBLICATION_TYPE, includeZero: true }] });
    const types = result.facets[0].buckets.map((b) => [b.value, b.caseCount]).sort();
    expect(types).toEqual([['Case Reports', 3], ['Journal Article', 1], ['Letter', 0], ['Review', 0]]);
  });

  it('gives numeric stats and histograms, each case once per bucket, keeping a facet range under its own filter', () => {
    const result = run({ facets: [{ facet: FacetName.AGE, includeZero: false, interval: 10 }, { facet: FacetName.BLOOD_PATCH_VOLUME, includeZero: false, interval: 5 }] });
    expect(result.facets[0].stats).toEqual({ min: 8, max: 70, buckets: [[0, 10, 1], [20, 30, 3], [30, 40, 5], [40, 50, 2], [60, 70, 2], [70, 80, 1]].map(([from, to, caseCount]) => ({ from, to, caseCount })) });
    expect(result.facets[1].stats?.buckets.map((b) => [b.from, b.caseCount])).toEqual([[10, 1], [15, 2], [20, 4], [25, 1], [30, 1]]);
    const narrowed = run({ filters: { bloodPatchVolumeMl: { min: 26 } }, facets: [{ facet: FacetName.BLOOD_PATCH_VOLUME, includeZero: false, interval: 5 }] });
    expect(keys(narrowed)).toEqual([4]);
    expect(narrowed.facets[0].stats).toMatchObject({ min: 10, max: 30 });
    const none = run({ filters: { sex: [Sex.MALE], pregnancyStatuses: [PregnancyStatus.POSTPARTUM] }, facets: [FacetName.AGE, FacetName.COMPLICATION] });
    expect([none.totalCases, none.totalPublications]).toEqual([0, 0]);
    expect(none.facets).toEqual([
      { facet: FacetName.AGE, buckets: [], stats: { min: null, max: null, buckets: [] } },
      { facet: FacetName.COMPLICATION, buckets: [], stats: null },
    ]);
  });

  it('agrees with the contract reference evaluation on many filter combinations, every facet requested', () => {
    const filterSets: SearchFilters[] = [
      {},
      { pregnancyStatuses: [PregnancyStatus.POSTPARTUM], complications: ids('hematoma') },
      { sex: [Sex.FEMALE], treatments: ['UNKNOWN', termId('corticosteroids')], year: { min: 2010 } },
      { outcomes: [Outcome.FULL_RECOVERY, Outcome.UNKNOWN], procedures: ids('epidural-blood-patch'), onsetHours: { max: 50 } },
      { ageGroups: [AgeGroup.ADULT], bloodPatchVolumeMl: { min: 15, max: 20 }, outcomeKnown: true },
      { symptoms: ids('back-pain', 'headache'), anticoagulation: [Anticoagulation.UNKNOWN], age: { min: 20, max: 40 }, publicationTypes: ['Case Reports'] },
      { complications: ids('spinal-hematoma', 'csf-leak'), year: { max: 2016 }, sex: [Sex.FEMALE, Sex.UNKNOWN], outcomeKnown: false },
      { complications: ids('hematoma', 'csf-leak'), procedures: ids('epidural-injection', 'lumbar-puncture'), complicationsFollowProcedures: true, sex: [Sex.FEMALE] },
      { complications: ids('hematoma'), procedures: ids('epidural-blood-patch'), complicationsFollowProcedures: true },
      { complications: ids('spinal-hematoma'), complicationsFollowProcedures: true, outcomes: [Outcome.FULL_RECOVERY, Outcome.PARTIAL_RECOVERY] },
      { procedures: ids('epidural-blood-patch', 'epidural-injection'), complicationsFollowProcedures: true },
    ];
    const allFacets = Object.values(FacetName).map((facet) => ({ facet, includeZero: false }));
    for (const filters of filterSets) {
      for (const facets of [allFacets, allFacets.filter((_, i) => i % 2 === 0), []]) {
        for (const sort of [SearchSort.AGE_DESC, SearchSort.YEAR_ASC]) {
          const query = queryOf({ filters, facets, sort });
          const actual = parseSearchResponse(query, evaluate(docs, buildSearchRequest(query)));
          const expected = referenceSearch(docs, query);
          expect({ ids: actual.hits.map((h) => h.caseReportId), total: actual.totalCases, publications: actual.totalPublications }).toEqual({ ids: expected.ids, total: expected.totalCases, publications: expected.totalPublications });
          const norm = (buckets: { value: string; caseCount: number; publicationCount: number }[]) => [...buckets].sort((a, b) => a.value.localeCompare(b.value));
          for (const facet of expected.facets) {
            const engineFacet = actual.facets.find((f) => f.facet === facet.facet);
            expect({ facet: facet.facet, buckets: norm(engineFacet?.buckets ?? []), stats: engineFacet?.stats }).toEqual({ facet: facet.facet, buckets: norm(facet.buckets), stats: facet.stats });
          }
        }
      }
    }
  });

  describe('complication after procedure (nested complications)', () => {
    it('matches a complication recorded after a selected procedure, not one the case merely also has', () => {
      const filters: SearchFilters = { complications: ids('hematoma'), procedures: ids('epidural-blood-patch') };
      expect(sortedKeys(run({ filters: { ...filters, complicationsFollowProcedures: true } }))).toEqual([1, 3, 4, 11, 13, 14]);
      expect(sortedKeys(run({ filters }))).toEqual([1, 2, 3, 4, 11, 13, 14]);
      expect(sortedKeys(run({ filters: { complications: ids('hematoma'), procedures: ids('labour-epidural-analgesia'), complicationsFollowProcedures: true } }))).toEqual([7]);
    });

    it('counts linked facet values once per case (reverse_nested), with distinct publications', () => {
      const filters: SearchFilters = { complications: ids('hematoma'), procedures: ids('epidural-blood-patch'), complicationsFollowProcedures: true };
      const result = run({ filters, facets: [FacetName.COMPLICATION, FacetName.PROCEDURE] });
      expect([result.totalCases, result.totalPublications]).toEqual([6, 4]);
      expect(countsOf(result, FacetName.COMPLICATION)).toMatchObject({ hematoma: 6, 'spinal-hematoma': 5, 'intrathecal-hematoma': 2, 'spinal-subdural-hematoma': 2, 'csf-leak': 1 });
      expect(countsOf(result, FacetName.COMPLICATION, 'publicationCount')).toMatchObject({ hematoma: 4, 'spinal-subdural-hematoma': 1 });
      expect(countsOf(result, FacetName.PROCEDURE)).toEqual({ 'epidural-blood-patch': 6, 'epidural-injection': 9, 'epidural-steroid-injection': 3, 'labour-epidural-analgesia': 1, 'lumbar-puncture': 3 });
    });
  });

  it.each<[SearchSort, number[]]>([
    [SearchSort.YEAR_DESC, [7, 10, 1, 11, 12, 13, 6, 3, 4, 14, 5, 15, 16, 2, 8, 9]],
    [SearchSort.YEAR_ASC, [8, 2, 15, 16, 5, 14, 3, 4, 6, 11, 12, 13, 1, 10, 7, 9]],
    [SearchSort.AGE_ASC, [10, 12, 2, 4, 1, 11, 14, 3, 13, 9, 6, 16, 5, 15, 7, 8]],
    [SearchSort.AGE_DESC, [15, 5, 16, 6, 9, 13, 3, 14, 11, 1, 4, 2, 12, 10, 7, 8]],
    [SearchSort.RELEVANCE, [7, 10, 1, 11, 12, 13, 6, 3, 4, 14, 5, 15, 16, 2, 8, 9]],
  ])('sorts %s with missing values last and ties by id', (sort, expected) => {
    expect(keys(run({ sort }))).toEqual(expected);
  });

  it('pages with search_after from the last hit, without gaps or repeats, also past 10,000 hits', () => {
    const corpus = [...docs, ...generatedDocuments(10_050)];
    for (const sort of [SearchSort.YEAR_ASC, SearchSort.AGE_DESC]) {
      const everything = run({ sort, first: 100_000 }, corpus).hits.map((hit) => hit.caseReportId);
      expect(everything).toHaveLength(10_066);
      const seen: string[] = [];
      let after: SearchQuery['page']['after'] = null;
      for (let page = 0; page < 20; page++) {
        const result = run({ sort, first: 1000, after }, corpus);
        seen.push(...result.hits.map((hit) => hit.caseReportId));
        if (!result.hasNextPage) break;
        const last = result.hits[result.hits.length - 1];
        after = { sort, values: last.sortValues, caseReportId: last.caseReportId };
      }
      expect(seen).toEqual(everything);
    }
  });

  // A cursor this API made holds a year (or its ±1e9 stand-in) and a citation value of 1 or 0; a crafted
  // one may hold anything finite. The embedded engine compares its float8 keyset with it and answers;
  // Elasticsearch must land on the same page, not wrap 3e9 to a negative year, truncate 2019.5 to 2019 or
  // refuse 1e20 (HTTP 400).
  it.each<[SearchSort, number[]]>([
    [SearchSort.YEAR_DESC, [2019.5, 1]],
    [SearchSort.YEAR_DESC, [2019, 0.5]],
    [SearchSort.YEAR_DESC, [2016, 1e20]],
    [SearchSort.YEAR_DESC, [3e9, 0]],
    [SearchSort.YEAR_DESC, [-3e9, 1]],
    [SearchSort.YEAR_DESC, [1e20, -7]],
    [SearchSort.YEAR_ASC, [2015.5, 1]],
    [SearchSort.YEAR_ASC, [2015, -0.5]],
    [SearchSort.YEAR_ASC, [3e9, 1]],
    [SearchSort.YEAR_ASC, [-1e20, 0]],
    [SearchSort.YEAR_ASC, [-2147483648.5, 0]],
    [SearchSort.AGE_ASC, [30.5, 0.5]],
    [SearchSort.RELEVANCE, [2016, 1]],
  ])('continues %s after a crafted cursor %j where the float comparison of the embedded engine does', (sort, values) => {
    const id = caseIdOf(4);
    const all = run({ sort }).hits;
    const byId = new Map(docs.map((doc) => [doc.caseReportId, doc]));
    const spec = sortSpecOf(sort, false);
    // The embedded engine's keyset: a later key, or the same key and a lower citation value, or both equal and a greater id.
    const expected = all.filter((hit) => {
      const key = hit.sortValues[0];
      const citation = byId.get(hit.caseReportId)?.citationComplete ? 1 : 0;
      const later = spec.direction === 'desc' ? key < values[0] : key > values[0];
      return later || (key === values[0] && (citation < values[1] || (citation === values[1] && hit.caseReportId > id)));
    });
    const page = run({ sort, after: { sort, values, caseReportId: id } });
    expect(keys(page)).toEqual(expected.map((hit) => caseKeyOf(hit.caseReportId)));
  });

  describe('cross-tab (buildCrossTabRequest / parseCrossTabResponse, with the composite pages)', () => {
    const axis = (facet: FacetName, unknownValue = 'UNKNOWN'): CrossTabAxis => ({ facet, unknownValue });
    const crossTab = (query: SearchQuery, request: CrossTabCountsRequest): EngineCrossTab => {
      const { after: next, ...first } = parseCrossTabResponse(request, evaluate(docs, buildCrossTabRequest(query, request)));
      const cells = [...first.cells];
      for (let after = next; after; ) {
        const page = parseCrossTabCells(request, evaluate(docs, buildCrossTabRequest(query, request, after)));
        cells.push(...page.cells);
        after = page.after;
      }
      return { ...first, cells: mergeCrossTabCells(cells) };
    };
    const lines = (tab: Pick<EngineCrossTab, 'rows' | 'columns' | 'cells'>) => ({
      rows: tab.rows.map((b) => `${keyOfTerm(b.value)}: ${b.caseCount}/${b.publicationCount}`).sort(),
      columns: tab.columns.map((b) => `${keyOfTerm(b.value)}: ${b.caseCount}/${b.publicationCount}`).sort(),
      cells: tab.cells.map((c) => `${keyOfTerm(c.row)} x ${keyOfTerm(c.column)}: ${c.caseCount}/${c.publicationCount}`).sort(),
    });

    it.each<[string, SearchFilters, string | undefined, CrossTabCountsRequest]>([
      ['TREATMENT x OUTCOME', {}, undefined, { rows: axis(FacetName.TREATMENT), columns: axis(FacetName.OUTCOME) }],
      ['COMPLICATION (unknown NONE) x TREATMENT', {}, undefined, { rows: axis(FacetName.COMPLICATION, 'NONE'), columns: axis(FacetName.TREATMENT) }],
      ['COMPLICATION x SYMPTOM, both with none', { complications: ids('spinal-hematoma') }, undefined, { rows: axis(FacetName.COMPLICATION, 'NONE'), columns: axis(FacetName.SYMPTOM, 'NONE') }],
      // (The reference applies filters only: text is checked against a search below.)
      ['SYMPTOM x PREGNANCY_STATUS under a filter', { sex: [Sex.FEMALE] }, undefined, { rows: axis(FacetName.SYMPTOM, 'NONE'), columns: axis(FacetName.PREGNANCY_STATUS) }],
      ['PUBLICATION_TYPE x AGE_GROUP under the linked filter', { complications: ids('hematoma'), procedures: ids('epidural-blood-patch'), complicationsFollowProcedures: true }, undefined, { rows: axis(FacetName.PUBLICATION_TYPE, 'NONE'), columns: axis(FacetName.AGE_GROUP) }],
      ['OUTCOME x CURATION_STATUS, nothing matching', { outcomes: [Outcome.DEATH], year: { min: 2030 } }, undefined, { rows: axis(FacetName.OUTCOME), columns: axis(FacetName.CURATION_STATUS) }],
    ])('%s agrees with the naive reference', (_, filters, text, request) => {
      const query = queryOf({ filters, text });
      const [actual, expected] = [crossTab(query, request), referenceCrossTab(docs, query, request)];
      expect({ totals: [actual.totalCases, actual.totalPublications], ...lines(actual) }).toEqual({ totals: [expected.totalCases, expected.totalPublications], ...lines(expected) });
      const casesOnly = crossTab(query, { ...request, publications: false });
      expect([casesOnly.totalPublications, ...casesOnly.rows.map((b) => b.publicationCount), ...casesOnly.cells.map((c) => c.publicationCount)].every((n) => n === 0)).toBe(true);
      expect(lines({ ...casesOnly, rows: casesOnly.rows.map((b) => ({ ...b, publicationCount: expected.rows.find((e) => e.value === b.value)?.publicationCount ?? -1 })), columns: casesOnly.columns.map((b) => ({ ...b, publicationCount: expected.columns.find((e) => e.value === b.value)?.publicationCount ?? -1 })), cells: casesOnly.cells.map((c) => ({ ...c, publicationCount: expected.cells.find((e) => e.row === c.row && e.column === c.column)?.publicationCount ?? -1 })) })).toEqual(lines(expected));
    });

    it('applies the text to every count: the total is the search\'s, the unknown row every case without a symptom', () => {
      const query = queryOf({ text: 'hematoma', filters: { sex: [Sex.FEMALE] } });
      const tab = crossTab(query, { rows: axis(FacetName.SYMPTOM, 'NONE'), columns: axis(FacetName.PREGNANCY_STATUS) });
      const searched = run({ text: 'hematoma', filters: { sex: [Sex.FEMALE] }, first: 0 });
      expect([tab.totalCases, tab.totalPublications]).toEqual([searched.totalCases, searched.totalPublications]);
      const withSymptom = run({ text: 'hematoma', filters: { sex: [Sex.FEMALE], symptoms: [...new Set(docs.flatMap((doc) => doc.symptomIds))] }, first: 0 });
      expect(tab.rows.find((b) => b.value === 'NONE')?.caseCount).toBe(searched.totalCases - withSymptom.totalCases);
      expect(tab.columns.reduce((sum, b) => sum + b.caseCount, 0)).toBe(searched.totalCases);
    });
  });

  describe('incomplete citations after complete ones at an equal sort key (the contract\'s tie corpus)', () => {
    const corpus = [...docs, ...citationTieCaseDocuments()];
    const records = (result: EngineSearchResult) => keys(result).map(citationTieRecordOfCaseKey);

    it.each<[SearchSort, number[]]>([
      [SearchSort.RELEVANCE, CITATION_TIE_ORDER.relevance],
      [SearchSort.YEAR_DESC, CITATION_TIE_ORDER.yearDesc],
      [SearchSort.YEAR_ASC, CITATION_TIE_ORDER.yearAsc],
      [SearchSort.AGE_ASC, CITATION_TIE_ORDER.relevance],
    ])('%s', (sort, expected) => {
      const result = run({ text: CITATION_TIE_TEXT, sort }, corpus);
      expect(records(result)).toEqual(expected);
      expect(result.hits.map((hit) => hit.sortValues[1]).sort()).toEqual([0, 0, 0, 0, 0, 1, 1, 1]);
    });

    it('pages across the boundary with search_after, every record exactly once', () => {
      for (const [sort, expected] of [
        [SearchSort.RELEVANCE, CITATION_TIE_ORDER.relevance],
        [SearchSort.YEAR_ASC, CITATION_TIE_ORDER.yearAsc],
      ] as const) {
        for (const first of [1, 2, 3]) {
          const seen: number[] = [];
          let after: SearchQuery['page']['after'] = null;
          for (let page = 0; page < 20; page++) {
            const result = run({ text: CITATION_TIE_TEXT, sort, first, after }, corpus);
            seen.push(...records(result));
            if (!result.hasNextPage) break;
            const last = result.hits[result.hits.length - 1];
            after = { sort, values: last.sortValues, caseReportId: last.caseReportId };
          }
          expect(seen).toEqual(expected);
        }
      }
    });

    it('moves a record up once its citation is completed', () => {
      expect(records(run({ text: CITATION_TIE_TEXT }, [...docs, ...citationTieCaseDocuments(completedTitle)]))).toEqual(CITATION_TIE_ORDER.relevanceAfterTitleFilledIn);
    });
  });

  describe('text (phrase matching approximated without stemming; the structure is what is tested)', () => {
    it.each<[string, number[]]>([
      ['zanzibar', [7]],
      ['haematoma', [1, 2, 3, 4, 5, 6, 7, 10, 11, 13, 14, 15, 16]],
      ['hematoma', [1, 2, 3, 4, 5, 6, 7, 10, 11, 13, 14, 15, 16]],
      ['spinal subdural', [3, 4, 6, 10]],
      ['"spinal subdural"', [3, 4, 10]],
      ['hematoma -intracranial', [1, 2, 3, 4, 5, 10, 11, 14, 15, 16]],
      ['-hematoma', [8, 9, 12]],
      ['zanzibar OR arachnoiditis', [4, 7]],
      ['PDPH', [7, 8, 9]],
      ['"zanzibar', [7]],
      ['intrathecal', [1, 2, 11]],
      // Stop words: dropped from a clause like PostgreSQL drops them from a tsquery.
      ['the zanzibar', [7]],
      ['zanzibar -the', [7]],
      ['zanzibar OR the', [7]],
      ['the', []],
      ['-the', []],
      // otherText (label, journal, authors) is searched too, like the embedded engine's D weight.
      ['"fixture journal"', [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16]],
      ['"case 12"', [12]],
      // Prefixes: a trailing *, in either spelling, inside a word's phrase, excluded.
      ['hemat*', [1, 2, 3, 4, 5, 6, 7, 10, 11, 13, 14, 15, 16]],
      ['haemat*', [1, 2, 3, 4, 5, 6, 7, 10, 11, 13, 14, 15, 16]],
      ['hemat', []],
      ['post-dur*', [7, 8, 9]],
      ['hematoma -intracran*', [1, 2, 3, 4, 5, 10, 11, 14, 15, 16]],
    ])('%s', (text, expected) => {
      expect(sortedKeys(run({ text, sort: SearchSort.RELEVANCE }))).toEqual(expected);
    });

    it('matches the word being typed as a prefix (prefixLastWord)', () => {
      expect(sortedKeys(run({ text: 'zanzi', typing: true }))).toEqual([7]);
      expect(sortedKeys(run({ text: 'intrathecal hemat', typing: true }))).toEqual([1, 2, 11]);
      expect(sortedKeys(run({ text: '"spinal subd', typing: true }))).toEqual([3, 4, 6, 10]);
      expect(sortedKeys(run({ text: 'zanzi ', typing: true }))).toEqual([]);
    });

    it('combines text with filters and facet counts', () => {
      const result = run({ text: 'hematoma', filters: { pregnancyStatuses: [PregnancyStatus.POSTPARTUM] }, facets: [FacetName.OUTCOME] });
      expect(sortedKeys(result)).toEqual([1, 3, 7, 11, 13, 14]);
      expect(countsOf(result, FacetName.OUTCOME)).toEqual({ FULL_RECOVERY: 3, PARTIAL_RECOVERY: 1, RESIDUAL_DEFICIT: 1, UNKNOWN: 1 });
    });
  });
});
