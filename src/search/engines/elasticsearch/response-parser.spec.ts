import { FacetName } from '../../query/facet-registry';
import { SearchQuery, SearchSort } from '../../query/search-query';
import { parseTextQuery } from '../../query/text-query.parser';
import { ElasticsearchSearchResponse, parseSearchResponse } from './response-parser';

const C = (n: number) => `00000000-0000-4000-8000-c000000000${String(n).padStart(2, '0')}`;
const P = (n: number) => `00000000-0000-4000-8000-b000000000${String(n).padStart(2, '0')}`;
const TERM = '00000000-0000-4000-8000-a00000000003';

const query: SearchQuery = {
  text: parseTextQuery('zanzibar OR hematoma'),
  filters: { sex: ['FEMALE' as never] },
  facets: [
    { facet: FacetName.SEX, includeZero: false },
    { facet: FacetName.COMPLICATION, includeZero: false },
    { facet: FacetName.PUBLICATION_TYPE, includeZero: true },
    { facet: FacetName.AGE, includeZero: false, interval: 10 },
    { facet: FacetName.BLOOD_PATCH_VOLUME, includeZero: false },
  ],
  sort: SearchSort.RELEVANCE,
  page: { first: 2, after: null },
  highlight: true,
};

/** Shaped like what Elasticsearch 9 answers for buildSearchRequest(query) (size 3: one extra hit). */
const response = {
  took: 7,
  timed_out: false,
  _shards: { total: 1, successful: 1, skipped: 0, failed: 0 },
  hits: {
    total: { value: 3, relation: 'eq' },
    max_score: null,
    hits: [
      {
        _index: 'case-reports-v1735732800000',
        _id: C(7),
        _score: 7.1534,
        _source: { caseReportId: C(7), publicationId: P(6) },
        sort: [7.1534, 1, C(7)],
        highlight: {
          summary: ['She flew home to \u0002Zanzibar\u0003 & <b>recovered</b> fully.'],
          title: ['Headache and intracranial collection after labour analgesia'],
        },
      },
      {
        _index: 'case-reports-v1735732800000',
        _id: C(1),
        _score: 3.5,
        _source: { caseReportId: C(1), publicationId: P(1) },
        sort: [3.5, 0, C(1)],
        highlight: {
          title: ['Intrathecal \u0002haematoma\u0003 after an epidural blood patch'],
          abstract: ['… an intrathecal \u0002hematoma\u0003 was found', 'the second \u0002hematoma\u0003 resolved'],
        },
      },
      { _index: 'case-reports-v1735732800000', _id: C(11), _score: 1.2, _source: { caseReportId: C(11), publicationId: P(10) }, sort: [1.2, 1, C(11)] },
    ],
  },
  aggregations: {
    totals: { doc_count: 3, publications: { value: 3 } },
    facet_SEX: {
      doc_count: 4,
      values: {
        doc_count_error_upper_bound: 0,
        sum_other_doc_count: 0,
        buckets: [
          { key: 'FEMALE', doc_count: 3, publications: { value: 3 } },
          { key: 'MALE', doc_count: 1, publications: { value: 1 } },
        ],
      },
    },
    facet_COMPLICATION: {
      doc_count: 3,
      values: { doc_count_error_upper_bound: 0, sum_other_doc_count: 0, buckets: [{ key: TERM, doc_count: 2, publications: { value: 2 } }] },
    },
    facet_PUBLICATION_TYPE: {
      doc_count: 3,
      values: { doc_count_error_upper_bound: 0, sum_other_doc_count: 0, buckets: [{ key: 'Case Reports', doc_count: 3, publications: { value: 3 } }] },
    },
    present_PUBLICATION_TYPE: {
      doc_count: 16,
      values: {
        doc_count_error_upper_bound: 0,
        sum_other_doc_count: 0,
        buckets: [
          { key: 'Case Reports', doc_count: 14 },
          { key: 'Letter', doc_count: 1 },
          { key: 'Review', doc_count: 1 },
        ],
      },
    },
    facet_AGE: {
      doc_count: 3,
      histogram: { buckets: [{ key: 30.0, doc_count: 2 }, { key: 0.0, doc_count: 1 }] },
      min: { value: 8.0 },
      max: { value: 32.0 },
    },
    facet_BLOOD_PATCH_VOLUME: { doc_count: 0, histogram: { buckets: [] }, min: { value: null }, max: { value: null } },
  },
} as unknown as ElasticsearchSearchResponse;

describe('parseSearchResponse', () => {
  const result = parseSearchResponse(query, response);

  it('reads exact totals from the totals aggregation', () => {
    expect([result.totalCases, result.totalPublications]).toEqual([3, 3]);
  });

  it('returns page.first hits with score and sort values, and whether more follow', () => {
    expect(result.hits.map((hit) => [hit.caseReportId, hit.publicationId, hit.score, hit.sortValues])).toEqual([
      [C(7), P(6), 7.1534, [7.1534, 1]],
      [C(1), P(1), 3.5, [3.5, 0]],
    ]);
    expect(result.hasNextPage).toBe(true);
    expect(parseSearchResponse({ ...query, page: { first: 3, after: null } }, response).hasNextPage).toBe(false);
  });

  it('renders highlights HTML-safe, in the shared field order, keeping only fragments with a match', () => {
    expect(result.hits[0].highlights).toEqual([{ field: 'summary', snippets: ['She flew home to <mark>Zanzibar</mark> &amp; &lt;b&gt;recovered&lt;/b&gt; fully.'] }]);
    expect(result.hits[1].highlights).toEqual([
      { field: 'title', snippets: ['Intrathecal <mark>haematoma</mark> after an epidural blood patch'] },
      { field: 'abstract', snippets: ['… an intrathecal <mark>hematoma</mark> was found', 'the second <mark>hematoma</mark> resolved'] },
    ]);
  });

  it('gives term buckets with case and distinct publication counts, facets in request order', () => {
    expect(result.facets.map((facet) => facet.facet)).toEqual([FacetName.SEX, FacetName.COMPLICATION, FacetName.PUBLICATION_TYPE, FacetName.AGE, FacetName.BLOOD_PATCH_VOLUME]);
    expect(result.facets[0]).toEqual({
      facet: FacetName.SEX,
      buckets: [
        { value: 'FEMALE', caseCount: 3, publicationCount: 3 },
        { value: 'MALE', caseCount: 1, publicationCount: 1 },
      ],
      stats: null,
    });
    expect(result.facets[1].buckets).toEqual([{ value: TERM, caseCount: 2, publicationCount: 2 }]);
  });

  it('adds values present in the index with zero counts for includeZero free-valued facets', () => {
    expect(result.facets[2].buckets).toEqual([
      { value: 'Case Reports', caseCount: 3, publicationCount: 3 },
      { value: 'Letter', caseCount: 0, publicationCount: 0 },
      { value: 'Review', caseCount: 0, publicationCount: 0 },
    ]);
  });

  it('gives numeric stats with interval-wide buckets in order, and nulls when no case has a value', () => {
    expect(result.facets[3]).toEqual({
      facet: FacetName.AGE,
      buckets: [],
      stats: {
        min: 8,
        max: 32,
        buckets: [
          { from: 0, to: 10, caseCount: 1 },
          { from: 30, to: 40, caseCount: 2 },
        ],
      },
    });
    expect(result.facets[4]).toEqual({ facet: FacetName.BLOOD_PATCH_VOLUME, buckets: [], stats: { min: null, max: null, buckets: [] } });
  });

  it('reports no score without text, and no hits or next page for counts-only requests', () => {
    const noText: SearchQuery = { ...query, text: null, sort: SearchSort.YEAR_DESC };
    const withYears = {
      ...response,
      hits: { ...response.hits, hits: response.hits.hits.map((hit) => ({ ...hit, _score: null, sort: [2020, true, hit._id] })) },
    } as ElasticsearchSearchResponse;
    expect(parseSearchResponse(noText, withYears).hits.map((hit) => [hit.score, hit.sortValues])).toEqual([
      [null, [2020, 1]],
      [null, [2020, 1]],
    ]);
    const countsOnly = parseSearchResponse({ ...query, page: { first: 0, after: null } }, { ...response, hits: { ...response.hits, hits: [] } } as ElasticsearchSearchResponse);
    expect([countsOnly.hits, countsOnly.hasNextPage, countsOnly.totalCases]).toEqual([[], false, 3]);
  });

  it('never reports more publications than cases (cardinality is an estimate past its precision threshold)', () => {
    const estimated = { ...response, aggregations: { ...response.aggregations, totals: { doc_count: 3, publications: { value: 4 } } } } as ElasticsearchSearchResponse;
    expect(parseSearchResponse(query, estimated).totalPublications).toBe(3);
  });

  it('copes with an empty answer (no aggregations: a facet has no buckets, a numeric facet null stats)', () => {
    const empty = { ...response, hits: { total: { value: 0, relation: 'eq' }, max_score: null, hits: [] }, aggregations: undefined } as unknown as ElasticsearchSearchResponse;
    const parsed = parseSearchResponse(query, empty);
    expect([parsed.totalCases, parsed.totalPublications, parsed.hits.length]).toEqual([0, 0, 0]);
    expect(parsed.facets[3].stats).toEqual({ min: null, max: null, buckets: [] });
  });

  it('fails clearly on a hit without its sort key and citation values (a request this builder did not make)', () => {
    const unsorted = { ...response, hits: { ...response.hits, hits: [{ ...response.hits.hits[0], sort: undefined }] } } as unknown as ElasticsearchSearchResponse;
    expect(() => parseSearchResponse(query, unsorted)).toThrow(/no numeric sort key and citation values/);
    const keyOnly = { ...response, hits: { ...response.hits, hits: [{ ...response.hits.hits[0], sort: [7.1534, C(7)] }] } } as unknown as ElasticsearchSearchResponse;
    expect(() => parseSearchResponse(query, keyOnly)).toThrow(/no numeric sort key and citation values/);
  });
});
