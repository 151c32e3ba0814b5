import { PublicationFacetName, PublicationSearchQuery, PublicationSearchSort } from '../../publications/publication-search-query';
import { parseTextQuery } from '../../query/text-query.parser';
import { ElasticsearchPublicationSearchResponse, parsePublicationSearchResponse } from './publication-response-parser';

const P = (n: number) => `00000000-0000-4000-8000-d000000000${String(n).padStart(2, '0')}`;
const INDEX = 'case-reports_publications-v1735732800000';

const query: PublicationSearchQuery = {
  text: parseTextQuery('zanzibar OR hematoma'),
  filters: { languages: ['eng'] },
  facets: [
    { facet: PublicationFacetName.LANGUAGE, includeZero: false },
    { facet: PublicationFacetName.MESH_DESCRIPTOR, includeZero: false },
    { facet: PublicationFacetName.PUBLICATION_TYPE, includeZero: true },
    { facet: PublicationFacetName.YEAR, includeZero: false, interval: 10 },
    { facet: PublicationFacetName.CASE_STATUS, includeZero: true },
  ],
  sort: PublicationSearchSort.RELEVANCE,
  page: { first: 2, after: null },
  highlight: true,
};

/** Shaped like what Elasticsearch 9 answers for buildPublicationSearchRequest(query) (size 3: one extra hit). */
const response = {
  took: 7,
  timed_out: false,
  _shards: { total: 1, successful: 1, skipped: 0, failed: 0 },
  hits: {
    total: { value: 3, relation: 'eq' },
    max_score: null,
    hits: [
      {
        _index: INDEX,
        _id: P(7),
        _score: 7.1534,
        _source: { publicationId: P(7) },
        sort: [7.1534, 1, P(7)],
        highlight: {
          abstract: ['She flew home to \u0002Zanzibar\u0003 & <b>recovered</b> fully.'],
          title: ['Headache and intracranial collection after labour analgesia'],
        },
      },
      {
        _index: INDEX,
        _id: P(1),
        _score: 3.5,
        _source: { publicationId: P(1) },
        sort: [3.5, 0, P(1)],
        highlight: {
          title: ['Spinal \u0002haematoma\u0003 after an epidural blood patch'],
          abstract: ['… an intrathecal \u0002hematoma\u0003 was found', 'the second \u0002hematoma\u0003 resolved'],
        },
      },
      { _index: INDEX, _id: P(11), _score: 1.2, _source: { publicationId: P(11) }, sort: [1.2, 1, P(11)] },
    ],
  },
  aggregations: {
    facet_LANGUAGE: { doc_count: 9, values: { doc_count_error_upper_bound: 0, sum_other_doc_count: 0, buckets: [{ key: 'eng', doc_count: 3 }, { key: 'fre', doc_count: 1 }, { key: 'UNKNOWN', doc_count: 1 }] } },
    facet_MESH_DESCRIPTOR: { doc_count: 3, values: { buckets: [{ key: 'D000001', doc_count: 2 }, { key: 'D000002', doc_count: 1 }] } },
    facet_PUBLICATION_TYPE: { doc_count: 3, values: { buckets: [{ key: 'Case Reports', doc_count: 3 }, { key: 'Letter', doc_count: 0 }] } },
    present_PUBLICATION_TYPE: { doc_count: 10, values: { buckets: [{ key: 'Case Reports', doc_count: 8 }, { key: 'Letter', doc_count: 2 }, { key: 'Review', doc_count: 1 }] } },
    facet_YEAR: {
      doc_count: 3,
      min: { value: 2009.0 },
      max: { value: 2021.0 },
      histogram: { buckets: [{ key: 2020, doc_count: 1 }, { key: 2000, doc_count: 1 }, { key: 1990, doc_count: 0 }, { key: 2010, doc_count: 1 }] },
    },
    facet_CASE_STATUS: { doc_count: 3, values: { buckets: [{ key: 'CURATED', doc_count: 2 }, { key: 'NONE', doc_count: 1 }] } },
  },
} as unknown as ElasticsearchPublicationSearchResponse;

describe('parsePublicationSearchResponse', () => {
  const result = parsePublicationSearchResponse(query, response);

  it('reads the exact total from hits.total and keeps page.first hits, the extra one telling a next page exists', () => {
    expect(result.totalPublications).toBe(3);
    expect(result.hits.map((hit) => hit.publicationId)).toEqual([P(7), P(1)]);
    expect(result.hasNextPage).toBe(true);
    expect(parsePublicationSearchResponse({ ...query, page: { first: 3, after: null } }, response).hasNextPage).toBe(false);
  });

  it('gives each hit its score and sort values (key and citation: the cursor), without the id tie-break', () => {
    expect(result.hits.map((hit) => [hit.score, hit.sortValues])).toEqual([
      [7.1534, [7.1534, 1]],
      [3.5, [3.5, 0]],
    ]);
  });

  it('renders highlights of title then abstract: HTML escaped, sentinels to <mark>, fragments without a match dropped', () => {
    expect(result.hits[0].highlights).toEqual([{ field: 'abstract', snippets: ['She flew home to <mark>Zanzibar</mark> &amp; &lt;b&gt;recovered&lt;/b&gt; fully.'] }]);
    expect(result.hits[1].highlights).toEqual([
      { field: 'title', snippets: ['Spinal <mark>haematoma</mark> after an epidural blood patch'] },
      { field: 'abstract', snippets: ['… an intrathecal <mark>hematoma</mark> was found', 'the second <mark>hematoma</mark> resolved'] },
    ]);
  });

  it('turns term buckets into publication counts (any order), skipping empty buckets', () => {
    const facet = (name: PublicationFacetName) => result.facets.find((f) => f.facet === name);
    expect(facet(PublicationFacetName.LANGUAGE)).toEqual({
      facet: PublicationFacetName.LANGUAGE,
      buckets: [
        { value: 'eng', publicationCount: 3 },
        { value: 'fre', publicationCount: 1 },
        { value: 'UNKNOWN', publicationCount: 1 },
      ],
      stats: null,
    });
    expect(facet(PublicationFacetName.MESH_DESCRIPTOR)?.buckets).toEqual([
      { value: 'D000001', publicationCount: 2 },
      { value: 'D000002', publicationCount: 1 },
    ]);
    expect(facet(PublicationFacetName.CASE_STATUS)?.buckets).toEqual([
      { value: 'CURATED', publicationCount: 2 },
      { value: 'NONE', publicationCount: 1 },
    ]);
  });

  it('adds zero buckets for values present in the index but not counted (includeZero), once each', () => {
    expect(result.facets.find((f) => f.facet === PublicationFacetName.PUBLICATION_TYPE)?.buckets).toEqual([
      { value: 'Case Reports', publicationCount: 3 },
      { value: 'Letter', publicationCount: 0 },
      { value: 'Review', publicationCount: 0 },
    ]);
  });

  it("adds the facet's selected values counted by name when `values` did not list them (more values than its size)", () => {
    const selectedQuery: PublicationSearchQuery = { ...query, filters: { journals: ['Rare', 'Spine'] }, facets: [{ facet: PublicationFacetName.JOURNAL, includeZero: false }] };
    const answer = {
      ...response,
      aggregations: {
        facet_JOURNAL: {
          doc_count: 9,
          values: { buckets: [{ key: 'Spine', doc_count: 4 }] },
          selected: { buckets: [{ key: 'Spine', doc_count: 4 }, { key: 'Rare', doc_count: 1 }] },
        },
      },
    } as unknown as ElasticsearchPublicationSearchResponse;
    expect(parsePublicationSearchResponse(selectedQuery, answer).facets[0].buckets).toEqual([
      { value: 'Spine', publicationCount: 4 },
      { value: 'Rare', publicationCount: 1 },
    ]);
  });

  it('gives year stats with histogram buckets [from, from + interval), ordered, empty ones left out', () => {
    expect(result.facets.find((f) => f.facet === PublicationFacetName.YEAR)).toEqual({
      facet: PublicationFacetName.YEAR,
      buckets: [],
      stats: {
        min: 2009,
        max: 2021,
        buckets: [
          { from: 2000, to: 2010, caseCount: 1 },
          { from: 2010, to: 2020, caseCount: 1 },
          { from: 2020, to: 2030, caseCount: 1 },
        ],
      },
    });
  });

  it('answers facets in request order, each once', () => {
    const twice = parsePublicationSearchResponse({ ...query, facets: [...query.facets, { facet: PublicationFacetName.LANGUAGE, includeZero: true }] }, response);
    expect(twice.facets.map((f) => f.facet)).toEqual([
      PublicationFacetName.LANGUAGE,
      PublicationFacetName.MESH_DESCRIPTOR,
      PublicationFacetName.PUBLICATION_TYPE,
      PublicationFacetName.YEAR,
      PublicationFacetName.CASE_STATUS,
    ]);
  });

  it('reads empty answers: no hits, null min/max (or ±Infinity), keyed buckets, a numeric total', () => {
    const empty = {
      took: 1,
      timed_out: false,
      _shards: { total: 1, successful: 1, skipped: 0, failed: 0 },
      hits: { total: 0, max_score: null, hits: [] },
      aggregations: {
        facet_LANGUAGE: { doc_count: 0, values: { buckets: {} } },
        facet_YEAR: { doc_count: 0, min: { value: null }, max: { value: -Infinity }, histogram: { buckets: [] } },
      },
    } as unknown as ElasticsearchPublicationSearchResponse;
    const q: PublicationSearchQuery = { ...query, facets: [{ facet: PublicationFacetName.LANGUAGE, includeZero: false }, { facet: PublicationFacetName.YEAR, includeZero: false }] };
    expect(parsePublicationSearchResponse(q, empty)).toEqual({
      totalPublications: 0,
      hits: [],
      hasNextPage: false,
      facets: [
        { facet: PublicationFacetName.LANGUAGE, buckets: [], stats: null },
        { facet: PublicationFacetName.YEAR, buckets: [], stats: { min: null, max: null, buckets: [] } },
      ],
    });
  });

  it('has no scores without text, and takes the id from _id when _source lacks it', () => {
    const noText: PublicationSearchQuery = { ...query, text: null, facets: [], sort: PublicationSearchSort.YEAR_ASC, page: { first: 5, after: null } };
    const answer = {
      ...response,
      aggregations: undefined,
      hits: { total: { value: 1, relation: 'eq' }, max_score: null, hits: [{ _index: INDEX, _id: P(3), _score: null, _source: {}, sort: [1e9, false, P(3)] }] },
    } as unknown as ElasticsearchPublicationSearchResponse;
    expect(parsePublicationSearchResponse(noText, answer)).toEqual({
      totalPublications: 1,
      hits: [{ publicationId: P(3), score: null, sortValues: [1e9, 0], highlights: [] }],
      hasNextPage: false,
      facets: [],
    });
  });

  it('refuses a hit without its numeric sort key and citation values (not the request it expects)', () => {
    const answer = { ...response, hits: { ...response.hits, hits: [{ _index: INDEX, _id: P(3), _score: 1, _source: { publicationId: P(3) } }] } } as unknown as ElasticsearchPublicationSearchResponse;
    expect(() => parsePublicationSearchResponse(query, answer)).toThrow(/no numeric sort key and citation values/);
    const keyOnly = { ...response, hits: { ...response.hits, hits: [{ _index: INDEX, _id: P(3), _score: 1, _source: { publicationId: P(3) }, sort: [1, P(3)] }] } } as unknown as ElasticsearchPublicationSearchResponse;
    expect(() => parsePublicationSearchResponse(query, keyOnly)).toThrow(/no numeric sort key and citation values/);
  });
});
