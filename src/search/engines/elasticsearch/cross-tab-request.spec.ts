import { Client } from '@elastic/elasticsearch';
import Mock, { MockPattern } from '@elastic/elasticsearch-mock';
import { CrossTabCountsRequest } from '../../query/cross-tab-counts';
import { FacetName } from '../../query/facet-registry';
import { SearchQuery, SearchSort } from '../../query/search-query';
import { parseTextQuery } from '../../query/text-query.parser';
import { buildCrossTabRequest, CROSS_TAB_PAGE_SIZE, mergeCrossTabCells, parseCrossTabCells, parseCrossTabResponse } from './cross-tab-request';
import { ElasticsearchSearchEngine } from './elasticsearch.engine';

type Json = Record<string, any>;

const query = (input: Partial<SearchQuery> = {}): SearchQuery => ({ text: null, filters: {}, facets: [], sort: SearchSort.RELEVANCE, page: { first: 10, after: null }, highlight: true, ...input });
const request: CrossTabCountsRequest = { rows: { facet: FacetName.COMPLICATION, unknownValue: 'NONE' }, columns: { facet: FacetName.OUTCOME, unknownValue: 'UNKNOWN' } };
const response = (aggregations: Json, total = 0) => ({ took: 1, timed_out: false, _shards: { total: 1, successful: 1, skipped: 0, failed: 0 }, hits: { total: { value: total, relation: 'eq' }, hits: [] }, aggregations }) as never;
const composite = (buckets: [string | null, string | null, number, number][], afterKey?: Json) => ({
  ...(afterKey ? { after_key: afterKey } : {}),
  buckets: buckets.map(([row, column, docs, publications]) => ({ key: { row, column }, doc_count: docs, publications: { value: publications } })),
});

describe('Elasticsearch cross-tab request (builder and parser)', () => {
  it('counts under every clause in the query (no post_filter), with margins, totals and the first page of cells', () => {
    const built = buildCrossTabRequest(query({ text: parseTextQuery('hematoma'), filters: { outcomes: ['DEATH'] as never, complications: ['c1'] }, facets: [{ facet: FacetName.OUTCOME, includeZero: false }] }), request) as Json;
    expect(built.post_filter).toBeUndefined();
    expect(built.size).toBe(0);
    expect(built.track_total_hits).toBe(true);
    expect(built.query.bool.must).toHaveLength(1);
    expect(built.query.bool.filter).toEqual(expect.arrayContaining([{ terms: { outcome: ['DEATH'] } }, { terms: { complicationIds: ['c1'] } }]));
    expect(built.aggs.rows.terms).toMatchObject({ field: 'complicationIds', missing: 'NONE', min_doc_count: 1 });
    expect(built.aggs.columns.terms).toMatchObject({ field: 'outcome', missing: 'UNKNOWN' });
    expect(built.aggs.rows.aggs.publications.cardinality.field).toBe('publicationId');
    expect(built.aggs.totals.cardinality.field).toBe('publicationId');
    expect(built.aggs.cells.composite).toEqual({
      size: CROSS_TAB_PAGE_SIZE,
      sources: [{ row: { terms: { field: 'complicationIds', missing_bucket: true } } }, { column: { terms: { field: 'outcome', missing_bucket: true } } }],
    });
    expect(built.aggs.cells.aggs.publications.cardinality.field).toBe('publicationId');
  });

  it('without publications: no cardinality aggregation anywhere, every publication count 0', () => {
    const cases = { ...request, publications: false };
    const built = buildCrossTabRequest(query(), cases) as Json;
    expect(JSON.stringify(built)).not.toContain('cardinality');
    expect(built.aggs.totals).toBeUndefined();
    expect(Object.keys(built.aggs)).toEqual(['rows', 'columns', 'cells']);
    expect(built.aggs.rows.aggs).toBeUndefined();
    expect(built.aggs.cells.aggs).toBeUndefined();
    expect(JSON.stringify(buildCrossTabRequest(query(), cases, { row: 'c9', column: 'DEATH' }))).not.toContain('cardinality');
    const parsed = parseCrossTabResponse(
      cases,
      response(
        {
          rows: { buckets: [{ key: 'c1', doc_count: 4 }] },
          columns: { buckets: [{ key: 'DEATH', doc_count: 6 }] },
          cells: { buckets: [{ key: { row: 'c1', column: 'DEATH' }, doc_count: 4 }] },
        },
        10,
      ),
    );
    expect(parsed).toEqual({
      totalCases: 10,
      totalPublications: 0,
      rows: [{ value: 'c1', caseCount: 4, publicationCount: 0 }],
      columns: [{ value: 'DEATH', caseCount: 6, publicationCount: 0 }],
      cells: [{ row: 'c1', column: 'DEATH', caseCount: 4, publicationCount: 0 }],
      after: null,
    });
    // With publications (the default) the same request asks for them.
    expect(JSON.stringify(buildCrossTabRequest(query(), { ...request, publications: true }))).toContain('cardinality');
  });

  it('asks for the next page of cells only, after the last key', () => {
    const built = buildCrossTabRequest(query(), request, { row: 'c9', column: 'DEATH' }) as Json;
    expect(Object.keys(built.aggs)).toEqual(['cells']);
    expect(built.aggs.cells.composite.after).toEqual({ row: 'c9', column: 'DEATH' });
    expect(built.query).toEqual({ match_all: {} });
  });

  it('reads totals, margins and cells; a null composite key is the axis\'s unknown; publications never above cases', () => {
    const parsed = parseCrossTabResponse(
      request,
      response(
        {
          totals: { value: 9 },
          rows: { buckets: [{ key: 'c1', doc_count: 4, publications: { value: 3 } }, { key: 'NONE', doc_count: 2, publications: { value: 5 } }] },
          columns: { buckets: [{ key: 'DEATH', doc_count: 6, publications: { value: 6 } }] },
          cells: composite([
            ['c1', 'DEATH', 4, 3],
            [null, 'DEATH', 2, 2],
          ]),
        },
        10,
      ),
    );
    expect(parsed).toEqual({
      totalCases: 10,
      totalPublications: 9,
      rows: [
        { value: 'c1', caseCount: 4, publicationCount: 3 },
        { value: 'NONE', caseCount: 2, publicationCount: 2 },
      ],
      columns: [{ value: 'DEATH', caseCount: 6, publicationCount: 6 }],
      cells: [
        { row: 'c1', column: 'DEATH', caseCount: 4, publicationCount: 3 },
        { row: 'NONE', column: 'DEATH', caseCount: 2, publicationCount: 2 },
      ],
      after: null,
    });
  });

  it('continues after a full page, stops after a short one', () => {
    const full = composite(
      Array.from({ length: CROSS_TAB_PAGE_SIZE }, (_, i): [string, string, number, number] => [`c${i}`, 'DEATH', 1, 1]),
      { row: `c${CROSS_TAB_PAGE_SIZE - 1}`, column: 'DEATH' },
    );
    expect(parseCrossTabCells(request, response({ cells: full })).after).toEqual({ row: `c${CROSS_TAB_PAGE_SIZE - 1}`, column: 'DEATH' });
    expect(parseCrossTabCells(request, response({ cells: composite([['c1', 'DEATH', 1, 1]], { row: 'c1', column: 'DEATH' }) })).after).toBeNull();
  });

  it('merges a pair reached both by no value and by the stored unknown', () => {
    expect(
      mergeCrossTabCells([
        { row: 'UNKNOWN', column: 'DEATH', caseCount: 2, publicationCount: 2 },
        { row: 'UNKNOWN', column: 'DEATH', caseCount: 1, publicationCount: 1 },
        { row: 'c1', column: 'DEATH', caseCount: 1, publicationCount: 1 },
      ]),
    ).toEqual([
      { row: 'UNKNOWN', column: 'DEATH', caseCount: 3, publicationCount: 3 },
      { row: 'c1', column: 'DEATH', caseCount: 1, publicationCount: 1 },
    ]);
  });

  it('engine: pages through the cells with the composite after key (against @elastic/elasticsearch-mock)', async () => {
    const mock = new Mock();
    const bodies: Json[] = [];
    const firstPage = Array.from({ length: CROSS_TAB_PAGE_SIZE }, (_, i): [string, string, number, number] => [`c${String(i).padStart(4, '0')}`, 'DEATH', 1, 1]);
    mock.add({ method: 'POST', path: '/case-reports/_search' }, (params: MockPattern) => {
      const body = params.body as Json;
      bodies.push(body);
      if (!body.aggs.cells.composite.after) {
        return response(
          {
            totals: { value: CROSS_TAB_PAGE_SIZE + 1 },
            rows: { buckets: [] },
            columns: { buckets: [{ key: 'DEATH', doc_count: CROSS_TAB_PAGE_SIZE + 1, publications: { value: CROSS_TAB_PAGE_SIZE + 1 } }] },
            cells: composite(firstPage, { row: firstPage[firstPage.length - 1][0], column: 'DEATH' }),
          },
          CROSS_TAB_PAGE_SIZE + 1,
        );
      }
      return response({ cells: composite([['c9999', 'DEATH', 1, 1]], { row: 'c9999', column: 'DEATH' }) });
    });
    const client = new Client({ node: 'http://localhost:9200', Connection: mock.getConnection(), maxRetries: 0 });
    const engine = new ElasticsearchSearchEngine(client, { alias: 'case-reports', logger: { log: jest.fn(), warn: jest.fn() } as never });
    const tab = await engine.crossTab(query({ filters: { sex: ['FEMALE'] as never } }), request);
    expect(bodies).toHaveLength(2);
    expect(bodies[1].aggs.cells.composite.after).toEqual({ row: firstPage[firstPage.length - 1][0], column: 'DEATH' });
    expect(bodies[1].query).toEqual(bodies[0].query);
    expect(tab.cells).toHaveLength(CROSS_TAB_PAGE_SIZE + 1);
    expect(tab.totalCases).toBe(CROSS_TAB_PAGE_SIZE + 1);
    await expect(engine.crossTab(query(), { rows: { facet: FacetName.YEAR, unknownValue: 'NONE' }, columns: request.columns })).rejects.toThrow(/numeric/);
  });
});
