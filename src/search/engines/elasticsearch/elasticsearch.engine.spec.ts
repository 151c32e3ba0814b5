import { Client, errors } from '@elastic/elasticsearch';
import Mock, { MockPattern } from '@elastic/elasticsearch-mock';
import { FIXTURE_DOCUMENTS } from '../../../../test/contract/search-fixture.factory';
import { SearchDocument } from '../../indexing/search-document';
import { FacetName } from '../../query/facet-registry';
import { SearchQuery, SearchSort } from '../../query/search-query';
import { parseTextQuery } from '../../query/text-query.parser';
import { ElasticsearchBulkError, ElasticsearchSearchEngine } from './elasticsearch.engine';
import { INDEX_MAPPINGS, INDEX_SETTINGS, MAPPING_VERSION } from './index-mapping';
import { buildSearchRequest } from './query-builder';

type Json = Record<string, any>;
interface Call {
  method: string;
  path: string;
  querystring: Record<string, string>;
  body: Json | Json[] | null;
}

const ALIAS = 'case-reports';
const LIVE = 'case-reports-v1735732800000';
const docs = FIXTURE_DOCUMENTS();

const responseError = (statusCode: number, type: string, reason = type) => new errors.ResponseError({ body: { error: { type, reason }, status: statusCode }, statusCode, headers: {}, warnings: null, meta: {} as never });

describe('ElasticsearchSearchEngine (client-facing code, against @elastic/elasticsearch-mock)', () => {
  let mock: Mock;
  let calls: Call[];
  let logger: { log: jest.Mock; warn: jest.Mock };
  let engine: ElasticsearchSearchEngine;

  /** Answers method+path with `respond`, recording the request (body already parsed, ndjson as an array). */
  const on = (method: string, path: string, respond: (call: Call) => unknown) => {
    mock.add({ method, path }, (params: MockPattern) => {
      const call = { method: params.method as string, path: params.path as string, querystring: (params.querystring ?? {}) as Record<string, string>, body: (params.body ?? null) as Call['body'] };
      calls.push(call);
      return respond(call) as Json;
    });
  };
  const bulkAnswer = (items: Json[]) => ({ took: 3, errors: items.some((item) => Object.values(item)[0].error), items });
  const indexed = (id: string, status = 201) => ({ index: { _index: LIVE, _id: id, status, result: 'created', _version: 1 } });
  const bulkLines = (call: Call) => call.body as Json[];

  beforeEach(() => {
    mock = new Mock();
    calls = [];
    logger = { log: jest.fn(), warn: jest.fn() };
    const client = new Client({ node: 'http://localhost:9200', Connection: mock.getConnection(), maxRetries: 0 });
    engine = new ElasticsearchSearchEngine(client, { alias: ALIAS, rejectedBackoffMs: 1, logger });
  });

  describe('upsert', () => {
    beforeEach(async () => {
      // The alias exists; ensureIndex ran at boot (the first-write path is tested on its own below).
      on('GET', '/_alias/:name', () => ({ [LIVE]: { aliases: { [ALIAS]: {} } } }));
      on('GET', '/:index/_mapping', () => ({ [LIVE]: { mappings: { _meta: { mappingVersion: MAPPING_VERSION } } } }));
      await engine.ensureIndex();
      calls = [];
    });

    it('bulk-indexes into the alias with the load time as external version, visible when it resolves (refresh=wait_for)', async () => {
      on('POST', '/_bulk', (call) => bulkAnswer(bulkLines(call).filter((line) => line.index).map((line) => indexed(line.index._id))));
      const upper = { ...docs[0], caseReportId: docs[0].caseReportId.toUpperCase() };
      await engine.upsert([upper, docs[1]]);
      expect(calls).toHaveLength(1);
      // require_alias: a missing alias fails the write instead of auto-creating a concrete index with guessed mappings.
      expect(calls[0].querystring).toEqual({ refresh: 'wait_for', require_alias: 'true' });
      expect(bulkLines(calls[0])).toEqual([
        { index: { _index: ALIAS, _id: docs[0].caseReportId, version: Date.parse(docs[0].loadedAt), version_type: 'external_gte' } },
        docs[0],
        { index: { _index: ALIAS, _id: docs[1].caseReportId, version: Date.parse(docs[1].loadedAt), version_type: 'external_gte' } },
        docs[1],
      ]);
    });

    it('sends one document per case, the newest load', async () => {
      on('POST', '/_bulk', (call) => bulkAnswer(bulkLines(call).filter((line) => line.index).map((line) => indexed(line.index._id))));
      const newer = { ...docs[0], outcome: 'DEATH', loadedAt: '2030-01-01T00:00:00.000Z' } as SearchDocument;
      await engine.upsert([newer, docs[0], newer]);
      expect(bulkLines(calls[0])).toEqual([{ index: expect.objectContaining({ _id: docs[0].caseReportId, version: Date.parse(newer.loadedAt) }) }, newer]);
    });

    it('writes a build by its index name without refreshing, and refuses a build that is not this alias’s', async () => {
      on('POST', '/_bulk', (call) => bulkAnswer(bulkLines(call).filter((line) => line.index).map((line) => indexed(line.index._id))));
      await engine.upsert(docs.slice(0, 1), { name: 'case-reports-v1800000000000' });
      expect(calls[0].querystring).toEqual({ refresh: 'false' });
      expect(bulkLines(calls[0])[0]).toEqual({ index: expect.objectContaining({ _index: 'case-reports-v1800000000000' }) });
      await expect(engine.upsert(docs.slice(0, 1), { name: 'other-v1' })).rejects.toThrow(/unknown index build other-v1/);
      await expect(engine.upsert(docs.slice(0, 1), { name: ALIAS })).rejects.toThrow(/unknown index build/);
      expect(calls).toHaveLength(1);
    });

    it('splits large batches into chunks', async () => {
      const chunked = new ElasticsearchSearchEngine(new Client({ node: 'http://localhost:9200', Connection: mock.getConnection(), maxRetries: 0 }), { alias: ALIAS, bulkChunk: 6, logger });
      on('POST', '/_bulk', (call) => bulkAnswer(bulkLines(call).filter((line) => line.index).map((line) => indexed(line.index._id))));
      await chunked.upsert(docs);
      expect(calls.filter((call) => call.path === '/_bulk').map((call) => bulkLines(call).length / 2)).toEqual([6, 6, 4]);
    });

    it('surfaces per-document failures, naming each case and reason, after trying the whole batch; stale versions are not failures', async () => {
      on('POST', '/_bulk', () =>
        bulkAnswer([
          indexed(docs[0].caseReportId),
          { index: { _index: LIVE, _id: docs[1].caseReportId, status: 400, error: { type: 'document_parsing_exception', reason: '[1:52] failed to parse field [year] of type [integer]' } } },
          { index: { _index: LIVE, _id: docs[2].caseReportId, status: 409, error: { type: 'version_conflict_engine_exception', reason: 'current version [1800000000000] is higher than the one provided' } } },
          { index: { _index: LIVE, _id: docs[3].caseReportId, status: 400, error: { type: 'strict_dynamic_mapping_exception', reason: '[1:10] mapping set to strict, dynamic introduction of [extra] within [_doc] is not allowed' } } },
        ]),
      );
      const error = await engine.upsert(docs.slice(0, 4)).then(
        () => null,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(ElasticsearchBulkError);
      const bulkError = error as ElasticsearchBulkError;
      expect(bulkError.failures).toEqual([
        { id: docs[1].caseReportId, status: 400, type: 'document_parsing_exception', reason: '[1:52] failed to parse field [year] of type [integer]' },
        { id: docs[3].caseReportId, status: 400, type: 'strict_dynamic_mapping_exception', reason: '[1:10] mapping set to strict, dynamic introduction of [extra] within [_doc] is not allowed' },
      ]);
      expect(bulkError.message).toBe(
        `Elasticsearch index failed for 2 of 4 documents in ${ALIAS}: ${docs[1].caseReportId} (400 document_parsing_exception: [1:52] failed to parse field [year] of type [integer]); ` +
          `${docs[3].caseReportId} (400 strict_dynamic_mapping_exception: [1:10] mapping set to strict, dynamic introduction of [extra] within [_doc] is not allowed)`,
      );
    });

    it('retries only the documents rejected as overloaded (429), then gives up naming them', async () => {
      let attempt = 0;
      on('POST', '/_bulk', (call) => {
        attempt++;
        const ids = bulkLines(call).filter((line) => line.index).map((line) => line.index._id as string);
        return bulkAnswer(ids.map((id, i) => (attempt === 1 && i === 1 ? { index: { _index: LIVE, _id: id, status: 429, error: { type: 'es_rejected_execution_exception', reason: 'rejected execution' } } } : indexed(id))));
      });
      await engine.upsert(docs.slice(0, 3));
      expect(calls.map((call) => bulkLines(call).filter((line) => line.index).map((line) => line.index._id))).toEqual([docs.slice(0, 3).map((d) => d.caseReportId), [docs[1].caseReportId]]);

      calls = [];
      mock.clearAll();
      on('POST', '/_bulk', (call) => bulkAnswer(bulkLines(call).filter((line) => line.index).map((line) => ({ index: { _index: LIVE, _id: line.index._id, status: 429, error: { type: 'es_rejected_execution_exception', reason: 'rejected execution' } } }))));
      await expect(engine.upsert(docs.slice(0, 1))).rejects.toThrow(/1 of 1 documents .*429 es_rejected_execution_exception/);
      expect(calls).toHaveLength(4);
    });

    it('creates the index on the first write when the cluster was down at boot', async () => {
      const late = new ElasticsearchSearchEngine(new Client({ node: 'http://localhost:9200', Connection: mock.getConnection(), maxRetries: 0 }), { alias: 'late', logger });
      mock.clearAll();
      let created = '';
      on('GET', '/_alias/late', () => (created ? { [created]: { aliases: { late: {} } } } : responseError(404, 'aliases_not_found_exception')));
      on('HEAD', '/late', () => responseError(404, 'index_not_found_exception'));
      on('PUT', '/:index', (call) => {
        created = call.path.slice(1);
        return { acknowledged: true };
      });
      on('POST', '/_bulk', (call) => bulkAnswer(bulkLines(call).filter((line) => line.index).map((line) => indexed(line.index._id))));
      await late.upsert(docs.slice(0, 1));
      await late.upsert(docs.slice(1, 2));
      expect(calls.map((call) => `${call.method} ${call.path.replace(/\d{13}$/, '<ts>')}`)).toEqual(['GET /_alias/late', 'HEAD /late', 'PUT /late-v<ts>', 'GET /_alias/late', 'POST /_bulk', 'POST /_bulk']);
    });

    // Elasticsearch 7.6 answers `?require_alias` (7.10+) with 400 "request [/_bulk] contains unrecognized parameter".
    const nodeInfo = (number: string, distribution?: string) => ({ name: 'n', cluster_name: 'c', version: { number, ...(distribution ? { distribution } : {}) }, tagline: 'You Know, for Search' });
    const refusesRequireAlias = (call: Call) =>
      'require_alias' in call.querystring ? responseError(400, 'illegal_argument_exception', 'request [/_bulk] contains unrecognized parameter: [require_alias]') : bulkAnswer(bulkLines(call).filter((line) => line.index).map((line) => indexed(line.index._id)));

    /** An engine started against this node (its version is read when it first ensures the index). */
    const started = () => new ElasticsearchSearchEngine(new Client({ node: 'http://localhost:9200', Connection: mock.getConnection(), maxRetries: 0 }), { alias: ALIAS, logger });

    it('writes without require_alias on an engine that predates it (Elasticsearch < 7.10, read once from its version)', async () => {
      on('GET', '/', () => nodeInfo('7.6.2'));
      on('POST', '/_bulk', refusesRequireAlias);
      const onOldNode = started();
      await onOldNode.upsert(docs.slice(0, 1));
      await onOldNode.upsert(docs.slice(1, 2));
      expect(calls.filter((call) => call.path === '/' || call.path === '/_bulk').map((call) => `${call.method} ${call.path}`)).toEqual(['GET /', 'POST /_bulk', 'POST /_bulk']);
      expect(calls.filter((call) => call.path === '/_bulk').map((call) => call.querystring)).toEqual([{ refresh: 'wait_for' }, { refresh: 'wait_for' }]);
    });

    it('keeps require_alias from Elasticsearch 7.10 on', async () => {
      on('GET', '/', () => nodeInfo('7.10.2'));
      on('POST', '/_bulk', (call) => bulkAnswer(bulkLines(call).filter((line) => line.index).map((line) => indexed(line.index._id))));
      await started().upsert(docs.slice(0, 1));
      expect(calls.find((call) => call.path === '/_bulk')?.querystring).toEqual({ refresh: 'wait_for', require_alias: 'true' });
    });

    it('repeats the write without require_alias, with a warning, when an engine of unknown version refuses it', async () => {
      on('GET', '/', () => responseError(403, 'security_exception', 'action [cluster:monitor/main] is unauthorized'));
      on('POST', '/_bulk', refusesRequireAlias);
      await engine.upsert(docs.slice(0, 1));
      await engine.upsert(docs.slice(1, 2));
      expect(calls.filter((call) => call.path === '/_bulk').map((call) => call.querystring)).toEqual([{ refresh: 'wait_for', require_alias: 'true' }, { refresh: 'wait_for' }, { refresh: 'wait_for' }]);
      expect(logger.warn).toHaveBeenCalledWith(expect.stringContaining('require_alias'));
    });

    it('fails as a whole when Elasticsearch answers the request with an error', async () => {
      on('POST', '/_bulk', () => responseError(404, 'index_not_found_exception', 'no such index [case-reports]'));
      await expect(engine.upsert(docs.slice(0, 1))).rejects.toThrow(/index_not_found_exception/);
    });

    it('sends nothing for nothing', async () => {
      await engine.upsert([]);
      await engine.delete([]);
      await engine.deleteByPublications([], []);
      expect(calls).toEqual([]);
    });
  });

  describe('delete', () => {
    it('bulk-deletes by id from the alias, ignoring ids that are not indexed', async () => {
      on('POST', '/_bulk', (call) =>
        bulkAnswer(bulkLines(call).map((line, i) => ({ delete: { _index: LIVE, _id: line.delete._id, status: i === 0 ? 200 : 404, result: i === 0 ? 'deleted' : 'not_found' } }))),
      );
      await engine.delete([docs[0].caseReportId.toUpperCase(), '00000000-0000-4000-8000-c00000000999']);
      expect(calls[0].querystring).toEqual({ refresh: 'wait_for' });
      expect(bulkLines(calls[0])).toEqual([{ delete: { _index: ALIAS, _id: docs[0].caseReportId } }, { delete: { _index: ALIAS, _id: '00000000-0000-4000-8000-c00000000999' } }]);
    });

    it('surfaces other per-document failures', async () => {
      on('POST', '/_bulk', () => bulkAnswer([{ delete: { _index: LIVE, _id: docs[0].caseReportId, status: 503, error: { type: 'unavailable_shards_exception', reason: 'primary shard is not active' } } }]));
      await expect(engine.delete([docs[0].caseReportId])).rejects.toThrow(/delete failed for 1 of 1 documents .*unavailable_shards_exception/);
    });
  });

  describe('deleteByPublications', () => {
    it("deletes the publications' cases except those kept, with delete_by_query, refreshed", async () => {
      on('POST', '/:index/_delete_by_query', () => ({ took: 5, timed_out: false, total: 2, deleted: 2, batches: 1, version_conflicts: 0, noops: 0, failures: [] }));
      await engine.deleteByPublications(['00000000-0000-4000-8000-B00000000010'], ['00000000-0000-4000-8000-c00000000011']);
      expect(calls).toEqual([
        {
          method: 'POST',
          path: `/${ALIAS}/_delete_by_query`,
          querystring: { refresh: 'true', wait_for_completion: 'true', conflicts: 'abort' },
          body: {
            query: {
              bool: {
                filter: [{ terms: { publicationId: ['00000000-0000-4000-8000-b00000000010'] } }],
                must_not: [{ terms: { caseReportId: ['00000000-0000-4000-8000-c00000000011'] } }],
              },
            },
          },
        },
      ]);
    });

    it('reports failures', async () => {
      on('POST', '/:index/_delete_by_query', () => ({ deleted: 0, failures: [{ index: LIVE, id: 'x', status: 500, cause: { type: 'search_phase_execution_exception', reason: 'all shards failed' } }] }));
      await expect(engine.deleteByPublications(['p'], [])).rejects.toThrow(/delete_by_query failed for 1 documents .*search_phase_execution_exception/);
    });
  });

  describe('search', () => {
    it('sends the built request to the alias and parses the answer', async () => {
      const query: SearchQuery = { text: parseTextQuery('zanzibar'), filters: {}, facets: [{ facet: FacetName.OUTCOME, includeZero: false }], sort: SearchSort.RELEVANCE, page: { first: 1, after: null }, highlight: true };
      on('POST', '/:index/_search', () => ({
        took: 2,
        timed_out: false,
        _shards: { total: 1, successful: 1, skipped: 0, failed: 0 },
        hits: { total: { value: 1, relation: 'eq' }, max_score: 2.5, hits: [{ _index: LIVE, _id: docs[6].caseReportId, _score: 2.5, _source: { caseReportId: docs[6].caseReportId, publicationId: docs[6].publicationId }, sort: [2.5, 1, docs[6].caseReportId] }] },
        aggregations: {
          totals: { doc_count: 1, publications: { value: 1 } },
          facet_OUTCOME: { doc_count: 1, values: { buckets: [{ key: 'FULL_RECOVERY', doc_count: 1, publications: { value: 1 } }] } },
        },
      }));
      const told: (readonly string[])[] = [];
      const result = await engine.search(query, { pageKnown: (ids) => told.push(ids) });
      expect(told).toEqual([[docs[6].caseReportId]]);
      const { allow_partial_search_results: partial, ...body } = buildSearchRequest(query);
      expect(calls).toEqual([{ method: 'POST', path: `/${ALIAS}/_search`, querystring: { allow_partial_search_results: String(partial) }, body: JSON.parse(JSON.stringify(body)) }]);
      expect(result).toEqual({
        totalCases: 1,
        totalPublications: 1,
        hits: [{ caseReportId: docs[6].caseReportId, publicationId: docs[6].publicationId, score: 2.5, sortValues: [2.5, 1], highlights: [] }],
        hasNextPage: false,
        facets: [{ facet: FacetName.OUTCOME, buckets: [{ value: 'FULL_RECOVERY', caseCount: 1, publicationCount: 1 }], stats: null }],
      });
    });
  });

  // The engine was unreachable at boot (ensureIndex failed) and nothing was written since: the alias does
  // not exist and a search on it is HTTP 404 index_not_found_exception, where the embedded engine answers
  // from its (empty) table. The alias is created then and the search answered.
  describe('reads before the alias exists', () => {
    const empty = { took: 1, timed_out: false, _shards: { total: 1, successful: 1, skipped: 0, failed: 0 }, hits: { total: { value: 0, relation: 'eq' }, max_score: null, hits: [] }, aggregations: { totals: { doc_count: 0, publications: { value: 0 } } } };
    let created: string | null;
    beforeEach(() => {
      created = null;
      on('GET', '/_alias/:name', () => (created ? { [created]: { aliases: { [ALIAS]: {} } } } : responseError(404, 'aliases_not_found_exception')));
      on('HEAD', '/:index', () => responseError(404, 'index_not_found_exception'));
      on('PUT', '/:index', (call) => {
        created = call.path.slice(1);
        return { acknowledged: true, shards_acknowledged: true, index: created };
      });
    });

    it('search, cross-tab and count create the alias and answer from the empty index', async () => {
      on('POST', '/:index/_search', () => (created ? empty : responseError(404, 'index_not_found_exception', `no such index [${ALIAS}]`)));
      on('GET', '/:index/_count', () => (created ? { count: 0 } : responseError(404, 'index_not_found_exception')));
      const query: SearchQuery = { text: null, filters: {}, facets: [], sort: SearchSort.RELEVANCE, page: { first: 5, after: null }, highlight: false };
      expect(await engine.search(query)).toMatchObject({ totalCases: 0, hits: [], hasNextPage: false });
      expect(created).toMatch(/^case-reports-v\d{13}$/);
      expect(calls.filter((call) => call.method === 'PUT')).toHaveLength(1);
      expect(await engine.count()).toBe(0);
      expect((await engine.crossTab(query, { rows: { facet: FacetName.OUTCOME, unknownValue: 'UNKNOWN' }, columns: { facet: FacetName.SEX, unknownValue: 'UNKNOWN' } })).totalCases).toBe(0);
    });

    it('other errors are not retried', async () => {
      on('POST', '/:index/_search', () => responseError(400, 'search_phase_execution_exception', 'bad'));
      await expect(engine.search({ text: null, filters: {}, facets: [], sort: SearchSort.RELEVANCE, page: { first: 5, after: null }, highlight: false })).rejects.toThrow(/search_phase_execution_exception/);
      expect(calls.map((call) => call.method)).toEqual(['POST']);
    });
  });

  describe('index lifecycle', () => {
    const aliasOf = (...indices: string[]) => Object.fromEntries(indices.map((index) => [index, { aliases: { [ALIAS]: {} } }]));

    it('ensureIndex creates the first versioned index with the alias, mapping and settings in one request', async () => {
      let created: string | null = null;
      on('GET', '/_alias/:name', () => (created ? aliasOf(created) : responseError(404, 'aliases_not_found_exception')));
      on('HEAD', '/:index', () => responseError(404, 'index_not_found_exception'));
      on('PUT', '/:index', (call) => {
        created = call.path.slice(1);
        return { acknowledged: true, shards_acknowledged: true, index: created };
      });
      await engine.ensureIndex();
      const create = calls.find((call) => call.method === 'PUT');
      expect(create?.path).toMatch(/^\/case-reports-v\d{13}$/);
      expect(create?.body).toEqual(JSON.parse(JSON.stringify({ aliases: { [ALIAS]: {} }, mappings: INDEX_MAPPINGS, settings: INDEX_SETTINGS })));
      expect(calls.map((call) => call.method)).toEqual(['GET', 'HEAD', 'PUT', 'GET']);
    });

    it('ensureIndex leaves an existing alias alone, warning when its mapping is outdated', async () => {
      on('GET', '/_alias/:name', () => aliasOf(LIVE));
      on('GET', '/:index/_mapping', () => ({ [LIVE]: { mappings: { _meta: { mappingVersion: MAPPING_VERSION - 1 }, properties: INDEX_MAPPINGS.properties } } }));
      await engine.ensureIndex();
      expect(calls.map((call) => `${call.method} ${call.path}`)).toEqual([`GET /_alias/${ALIAS}`, `GET /${LIVE}/_mapping`]);
      expect(logger.warn).toHaveBeenCalledWith(expect.stringContaining('run a reindex'));
    });

    // An index built by an older version lacks the fields added since (curationStatus in version 2,
    // citationComplete in 3): its strict mapping refused every document carrying them, so after an upgrade
    // no write reached Elasticsearch (the outbox kept them) until someone ran a reindex, while the embedded
    // engine's migration took them at once. New fields can be added to a live index: ensureIndex does.
    it('ensureIndex reads the engine version, and on Elasticsearch before 7.9 warns that facet searches are held to 10,000 buckets', async () => {
      on('GET', '/_alias/:name', () => aliasOf(LIVE));
      on('GET', '/:index/_mapping', () => ({ [LIVE]: { mappings: { _meta: { mappingVersion: MAPPING_VERSION }, properties: INDEX_MAPPINGS.properties } } }));
      on('GET', '/', () => ({ version: { number: '7.6.2' }, tagline: 'You Know, for Search' }));
      await engine.ensureIndex();
      expect(calls.filter((call) => call.path === '/')).toHaveLength(1);
      expect(logger.warn).toHaveBeenCalledWith(expect.stringMatching(/search\.max_buckets.*10,000/));

      for (const number of ['7.9.0', '8.15.0']) {
        const later = new ElasticsearchSearchEngine(new Client({ node: 'http://localhost:9200', Connection: mock.getConnection(), maxRetries: 0 }), { alias: ALIAS, logger });
        mock.clearAll();
        logger.warn.mockClear();
        on('GET', '/_alias/:name', () => aliasOf(LIVE));
        on('GET', '/:index/_mapping', () => ({ [LIVE]: { mappings: { _meta: { mappingVersion: MAPPING_VERSION }, properties: INDEX_MAPPINGS.properties } } }));
        on('GET', '/', () => ({ version: { number }, tagline: 'You Know, for Search' }));
        await later.ensureIndex();
        expect(logger.warn).not.toHaveBeenCalled();
      }
    });

    it('ensureIndex adds the fields an older live index lacks, so writes carrying them are accepted, and still asks for a reindex', async () => {
      const { citationComplete, curationStatus, ...older } = INDEX_MAPPINGS.properties as Record<string, unknown>;
      on('GET', '/_alias/:name', () => aliasOf(LIVE));
      on('GET', '/:index/_mapping', () => ({ [LIVE]: { mappings: { dynamic: 'strict', _meta: { mappingVersion: 1 }, properties: older } } }));
      on('PUT', '/:index/_mapping', () => ({ acknowledged: true }));
      await engine.ensureIndex();
      expect(calls.map((call) => `${call.method} ${call.path}`)).toEqual([`GET /_alias/${ALIAS}`, `GET /${LIVE}/_mapping`, `PUT /${LIVE}/_mapping`]);
      expect(calls[2].body).toEqual({ properties: { citationComplete, curationStatus } });
      expect(logger.log).toHaveBeenCalledWith(expect.stringContaining('added citationComplete, curationStatus'));
      expect(logger.warn).toHaveBeenCalledWith(expect.stringContaining('run a reindex'));
    });

    it('ensureIndex only warns when the fields cannot be added (the index stays as it is) or the live index is newer', async () => {
      const { citationComplete, ...older } = INDEX_MAPPINGS.properties as Record<string, unknown>;
      void citationComplete;
      on('GET', '/_alias/:name', () => aliasOf(LIVE));
      on('GET', '/:index/_mapping', () => ({ [LIVE]: { mappings: { _meta: { mappingVersion: 2 }, properties: older } } }));
      on('PUT', '/:index/_mapping', () => responseError(400, 'illegal_argument_exception', 'mapper [citationComplete] cannot be changed'));
      await engine.ensureIndex();
      expect(logger.warn).toHaveBeenCalledWith(expect.stringContaining('could not add citationComplete'));
      expect(logger.warn).toHaveBeenCalledWith(expect.stringContaining('run a reindex'));
    });

    it('ensureIndex resolves a race between two processes: the smaller index name keeps the alias', async () => {
      let mine = '';
      let aliasCalls = 0;
      on('GET', '/_alias/:name', () => (aliasCalls++ === 0 ? responseError(404, 'aliases_not_found_exception') : aliasOf('case-reports-v1000000000000', mine)));
      on('HEAD', '/:index', () => responseError(404, 'index_not_found_exception'));
      on('PUT', '/:index', (call) => {
        mine = call.path.slice(1);
        return { acknowledged: true };
      });
      on('DELETE', '/:index', () => ({ acknowledged: true }));
      await engine.ensureIndex();
      expect(calls[calls.length - 1]).toMatchObject({ method: 'DELETE', path: `/${mine}` });
    });

    it('ensureIndex refuses to hide a concrete index named like the alias', async () => {
      on('GET', '/_alias/:name', () => responseError(404, 'aliases_not_found_exception'));
      on('HEAD', '/:index', () => '');
      await expect(engine.ensureIndex()).rejects.toThrow(/an index named "case-reports" where the alias of that name should be/);
    });

    it('createIndex makes a new versioned index without the alias, refreshes off while it fills, retrying a name taken', async () => {
      let puts = 0;
      on('PUT', '/:index', (call) => (puts++ === 0 ? responseError(400, 'resource_already_exists_exception', `index [${call.path.slice(1)}] already exists`) : { acknowledged: true }));
      const build = await engine.createIndex();
      expect(build.name).toMatch(/^case-reports-v\d{13}$/);
      expect(calls.map((call) => call.path)).toEqual([expect.stringMatching(/^\/case-reports-v\d+$/), `/${build.name}`]);
      expect(calls[0].path).not.toBe(calls[1].path);
      expect(calls[1].body).toEqual(JSON.parse(JSON.stringify({ mappings: INDEX_MAPPINGS, settings: { ...INDEX_SETTINGS, refresh_interval: '-1' } })));
    });

    it('swapIndex refreshes the build, then moves the alias in ONE _aliases request (remove + add), then drops the old index', async () => {
      const build = 'case-reports-v1800000000000';
      on('PUT', '/:index/_settings', () => ({ acknowledged: true }));
      on('GET', '/:index/_refresh', () => ({ _shards: { total: 1, successful: 1, failed: 0 } }));
      on('GET', '/_alias/:name', () => aliasOf(LIVE));
      on('POST', '/_aliases', () => ({ acknowledged: true }));
      on('DELETE', '/:index', () => ({ acknowledged: true }));
      await engine.swapIndex({ name: build });
      expect(calls.map((call) => `${call.method} ${call.path}`)).toEqual([`PUT /${build}/_settings`, `GET /${build}/_refresh`, `GET /_alias/${ALIAS}`, 'POST /_aliases', `DELETE /${LIVE}`]);
      expect(calls[0].body).toEqual({ index: { refresh_interval: '1s' } });
      expect(calls.filter((call) => call.path === '/_aliases')).toHaveLength(1);
      expect(calls[3].body).toEqual({
        actions: [{ remove: { index: LIVE, alias: ALIAS, must_exist: true } }, { add: { index: build, alias: ALIAS } }],
      });
    });

    it('swapIndex sends one alias request without must_exist to an engine whose version predates it (Elasticsearch 7.6)', async () => {
      const build = 'case-reports-v1800000000000';
      on('GET', '/', () => ({ version: { number: '7.6.2' }, tagline: 'You Know, for Search' }));
      on('PUT', '/:index/_settings', () => ({ acknowledged: true }));
      on('GET', '/:index/_refresh', () => ({}));
      on('GET', '/_alias/:name', () => aliasOf(LIVE));
      on('POST', '/_aliases', (call) => (JSON.stringify(call.body).includes('must_exist') ? responseError(400, 'x_content_parse_exception', '[1:78] [remove] unknown field [must_exist]') : { acknowledged: true }));
      on('DELETE', '/:index', () => ({ acknowledged: true }));
      await engine.swapIndex({ name: build });
      expect(calls.filter((call) => call.path === '/_aliases').map((call) => call.body)).toEqual([{ actions: [{ remove: { index: LIVE, alias: ALIAS } }, { add: { index: build, alias: ALIAS } }] }]);
    });

    it('swapIndex repeats the alias request without must_exist on an engine that predates it (Elasticsearch < 7.11 refuses the field)', async () => {
      const build = 'case-reports-v1800000000000';
      on('PUT', '/:index/_settings', () => ({ acknowledged: true }));
      on('GET', '/:index/_refresh', () => ({}));
      on('GET', '/_alias/:name', () => aliasOf(LIVE));
      let aliasRequests = 0;
      on('POST', '/_aliases', () => (aliasRequests++ === 0 ? responseError(400, 'x_content_parse_exception', '[1:78] [remove] unknown field [must_exist]') : { acknowledged: true }));
      on('DELETE', '/:index', () => ({ acknowledged: true }));
      await engine.swapIndex({ name: build });
      const sent = calls.filter((call) => call.path === '/_aliases').map((call) => call.body);
      expect(sent).toEqual([
        { actions: [{ remove: { index: LIVE, alias: ALIAS, must_exist: true } }, { add: { index: build, alias: ALIAS } }] },
        { actions: [{ remove: { index: LIVE, alias: ALIAS } }, { add: { index: build, alias: ALIAS } }] },
      ]);
      expect(logger.warn).toHaveBeenCalledWith(expect.stringContaining('predates Elasticsearch 7.11'));
      expect(calls[calls.length - 1]).toMatchObject({ method: 'DELETE', path: `/${LIVE}` });

      // Any other refusal is not retried.
      mock.clearAll();
      calls.length = 0;
      on('PUT', '/:index/_settings', () => ({ acknowledged: true }));
      on('GET', '/:index/_refresh', () => ({}));
      on('GET', '/_alias/:name', () => aliasOf(LIVE));
      on('POST', '/_aliases', () => responseError(400, 'illegal_argument_exception', 'alias [case-reports] has more than one write index'));
      await expect(engine.swapIndex({ name: build })).rejects.toThrow(/illegal_argument_exception/);
      expect(calls.filter((call) => call.path === '/_aliases')).toHaveLength(1);
    });

    it('swapIndex leaves the live index untouched when the alias request fails (it is atomic), and keeps going when the old index cannot be deleted', async () => {
      const build = 'case-reports-v1800000000000';
      on('PUT', '/:index/_settings', () => ({ acknowledged: true }));
      on('GET', '/:index/_refresh', () => ({}));
      on('GET', '/_alias/:name', () => aliasOf(LIVE));
      on('POST', '/_aliases', () => responseError(404, 'aliases_not_found_exception', `aliases [${ALIAS}] missing`));
      await expect(engine.swapIndex({ name: build })).rejects.toThrow(/aliases_not_found_exception/);
      expect(calls.some((call) => call.method === 'DELETE')).toBe(false);

      mock.clearAll();
      on('PUT', '/:index/_settings', () => ({ acknowledged: true }));
      on('GET', '/:index/_refresh', () => ({}));
      on('GET', '/_alias/:name', () => aliasOf(LIVE));
      on('POST', '/_aliases', () => ({ acknowledged: true }));
      on('DELETE', '/:index', () => responseError(403, 'cluster_block_exception', 'blocked'));
      await expect(engine.swapIndex({ name: build })).resolves.toBeUndefined();
      expect(logger.warn).toHaveBeenCalledWith(expect.stringContaining(`could not delete the previous index ${LIVE}`));
    });

    it('dropIndex deletes an abandoned build, never the live index', async () => {
      on('GET', '/_alias/:name', () => aliasOf(LIVE));
      on('DELETE', '/:index', () => ({ acknowledged: true }));
      await engine.dropIndex({ name: 'case-reports-v1800000000000' });
      expect(calls[calls.length - 1]).toMatchObject({ method: 'DELETE', path: '/case-reports-v1800000000000' });
      await expect(engine.dropIndex({ name: LIVE })).rejects.toThrow(/refusing to drop/);
    });

    it('count counts cases (top-level documents) behind the alias', async () => {
      on(['GET', 'POST'] as unknown as string, '/:index/_count', () => ({ count: 16, _shards: { total: 1, successful: 1, skipped: 0, failed: 0 } }));
      await expect(engine.count()).resolves.toBe(16);
      expect(calls[0].path).toBe(`/${ALIAS}/_count`);
    });

    it('deleteAllIndices removes every index of this alias by name (never by wildcard)', async () => {
      on('GET', '/:index', () => ({ [LIVE]: {}, 'case-reports-v1800000000000': {} }));
      on('DELETE', '/:index', () => ({ acknowledged: true }));
      await engine.deleteAllIndices();
      expect(calls[1]).toMatchObject({ method: 'DELETE', path: `/${LIVE},case-reports-v1800000000000` });
    });
  });

  describe('configuration', () => {
    it('builds the engine for ELASTICSEARCH_NODE under the ELASTICSEARCH_INDEX_PREFIX alias, and needs a node', async () => {
      const configured = ElasticsearchSearchEngine.fromConfig({ ELASTICSEARCH_NODE: 'http://localhost:9200', ELASTICSEARCH_INDEX_PREFIX: 'case-reports' });
      expect(configured.name).toBe('elasticsearch');
      await configured.onModuleDestroy();
      expect(() => ElasticsearchSearchEngine.fromConfig({ ELASTICSEARCH_NODE: undefined, ELASTICSEARCH_INDEX_PREFIX: 'case-reports' })).toThrow(/ELASTICSEARCH_NODE is not configured/);
      expect(() => new ElasticsearchSearchEngine(new Client({ node: 'http://localhost:9200' }), { alias: 'Case Reports' })).toThrow(/invalid Elasticsearch alias/);
      // Elasticsearch refuses index names that start with '_', '-' or '+' (invalid_index_name_exception).
      for (const alias of ['_cases', '-cases', 'a'.repeat(242)]) expect(() => new ElasticsearchSearchEngine(new Client({ node: 'http://localhost:9200' }), { alias })).toThrow(/invalid Elasticsearch alias/);
    });
  });

  describe('ping', () => {
    it('is true when the cluster answers', async () => {
      on('HEAD', '/', () => '');
      await expect(engine.ping()).resolves.toBe(true);
    });

    it('is false, never throwing, when the cluster is down or unhealthy', async () => {
      on('HEAD', '/', () => new errors.ConnectionError('connect ECONNREFUSED 127.0.0.1:9200'));
      await expect(engine.ping()).resolves.toBe(false);
      mock.clearAll();
      on('HEAD', '/', () => responseError(503, 'cluster_block_exception', 'blocked by: [SERVICE_UNAVAILABLE/1/state not recovered]'));
      await expect(engine.ping()).resolves.toBe(false);
    });

    it('is false against a real unreachable address, within its timeout', async () => {
      const unreachable = new ElasticsearchSearchEngine(new Client({ node: 'http://127.0.0.1:9' }), { alias: ALIAS, pingTimeoutMs: 500, logger });
      await expect(unreachable.ping()).resolves.toBe(false);
      await unreachable.onModuleDestroy();
    });
  });
});
