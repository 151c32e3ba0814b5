import { Client, errors } from '@elastic/elasticsearch';
import Mock, { MockPattern } from '@elastic/elasticsearch-mock';
import { FIXTURE_PUBLICATIONS } from '../../../../test/contract/elasticsearch-publication.fixture';
import { PublicationSearchDocument } from '../../publications/publication-search-document';
import { PublicationFacetName, PublicationSearchQuery, PublicationSearchSort } from '../../publications/publication-search-query';
import { parseTextQuery } from '../../query/text-query.parser';
import { ElasticsearchSearchEngine } from './elasticsearch.engine';
import { PUBLICATION_INDEX_MAPPINGS, PUBLICATION_INDEX_SETTINGS, PUBLICATION_MAPPING_VERSION } from './publication-index-mapping';
import { buildPublicationSearchRequest } from './publication-query-builder';
import { ElasticsearchPublicationSearchEngine } from './publication-search.engine';
import { ElasticsearchBulkError } from './versioned-index';

type Json = Record<string, any>;
interface Call {
  method: string;
  path: string;
  querystring: Record<string, string>;
  body: Json | Json[] | null;
}

const ALIAS = 'case-reports_publications';
const LIVE = 'case-reports_publications-v1735732800000';
const docs = FIXTURE_PUBLICATIONS();

const responseError = (statusCode: number, type: string, reason = type) => new errors.ResponseError({ body: { error: { type, reason }, status: statusCode }, statusCode, headers: {}, warnings: null, meta: {} as never });

describe('ElasticsearchPublicationSearchEngine (client-facing code, against @elastic/elasticsearch-mock)', () => {
  let mock: Mock;
  let calls: Call[];
  let logger: { log: jest.Mock; warn: jest.Mock };
  let engine: ElasticsearchPublicationSearchEngine;
  const clientOf = () => new Client({ node: 'http://localhost:9200', Connection: mock.getConnection(), maxRetries: 0 });

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
  const aliasOf = (...indices: string[]) => Object.fromEntries(indices.map((index) => [index, { aliases: { [ALIAS]: {} } }]));

  beforeEach(() => {
    mock = new Mock();
    calls = [];
    logger = { log: jest.fn(), warn: jest.fn() };
    engine = new ElasticsearchPublicationSearchEngine(clientOf(), { alias: ALIAS, rejectedBackoffMs: 1, logger });
  });

  describe('configuration', () => {
    it('works under `${ELASTICSEARCH_INDEX_PREFIX}_publications`, next to the case alias, and needs a node', async () => {
      const configured = ElasticsearchPublicationSearchEngine.fromConfig({ ELASTICSEARCH_NODE: 'http://localhost:9200', ELASTICSEARCH_INDEX_PREFIX: 'case-reports' });
      expect([configured.name, configured.alias]).toEqual(['elasticsearch', 'case-reports_publications']);
      await configured.onModuleDestroy();
      expect(() => ElasticsearchPublicationSearchEngine.fromConfig({ ELASTICSEARCH_NODE: undefined, ELASTICSEARCH_INDEX_PREFIX: 'case-reports' })).toThrow(/ELASTICSEARCH_NODE is not configured/);
      expect(() => new ElasticsearchPublicationSearchEngine(clientOf(), { alias: 'Publications!' })).toThrow(/invalid Elasticsearch alias/);
    });
  });

  describe('index lifecycle', () => {
    /** No alias and no index until the engine creates one; `index` is the name it created. */
    const noIndexUntilCreated = () => {
      const created: { index: string | null } = { index: null };
      on('GET', '/_alias/:name', () => (created.index ? aliasOf(created.index) : responseError(404, 'aliases_not_found_exception')));
      on('HEAD', '/:index', () => responseError(404, 'index_not_found_exception'));
      on('PUT', '/:index', (call) => {
        created.index = call.path.slice(1);
        return { acknowledged: true, shards_acknowledged: true, index: created.index };
      });
      return created;
    };

    it('answers a search from a new empty index when the alias does not exist yet (unreachable at boot, nothing written since)', async () => {
      const created = noIndexUntilCreated();
      on('POST', '/:index/_search', () => (created.index ? { took: 1, timed_out: false, _shards: { total: 1, successful: 1, skipped: 0, failed: 0 }, hits: { total: { value: 0, relation: 'eq' }, max_score: null, hits: [] } } : responseError(404, 'index_not_found_exception')));
      const result = await engine.search({ text: null, filters: {}, facets: [], sort: PublicationSearchSort.RELEVANCE, page: { first: 5, after: null }, highlight: true });
      expect([result.totalPublications, result.hits, result.hasNextPage]).toEqual([0, [], false]);
      expect(created.index).toMatch(/^case-reports_publications-v\d{13}$/);
    });

    it('ensureIndex creates the first versioned index with the alias, the publication mapping and the shared settings, in one request', async () => {
      noIndexUntilCreated();
      await engine.ensureIndex();
      expect(calls.map((call) => `${call.method} ${call.path.replace(/\d{13}$/, '<ts>')}`)).toEqual([`GET /_alias/${ALIAS}`, `HEAD /${ALIAS}`, `PUT /${ALIAS}-v<ts>`, `GET /_alias/${ALIAS}`]);
      expect(calls[2].body).toEqual(JSON.parse(JSON.stringify({ aliases: { [ALIAS]: {} }, mappings: PUBLICATION_INDEX_MAPPINGS, settings: PUBLICATION_INDEX_SETTINGS })));
      expect(logger.log).toHaveBeenCalledWith(expect.stringContaining(`behind alias ${ALIAS}`));
    });

    it('ensureIndex leaves an existing alias alone, warning when its mapping version is not the publication one', async () => {
      on('GET', '/_alias/:name', () => aliasOf(LIVE));
      on('GET', '/:index/_mapping', () => ({ [LIVE]: { mappings: { _meta: { mappingVersion: PUBLICATION_MAPPING_VERSION + 1 }, properties: {} } } }));
      await engine.ensureIndex();
      expect(calls.map((call) => `${call.method} ${call.path}`)).toEqual([`GET /_alias/${ALIAS}`, `GET /${LIVE}/_mapping`]);
      expect(logger.warn).toHaveBeenCalledWith(expect.stringContaining('run a reindex'));
    });

    it('createIndex, swapIndex (one atomic _aliases request) and dropIndex work on this alias’s builds only', async () => {
      on('PUT', '/:index', () => ({ acknowledged: true }));
      const build = await engine.createIndex();
      expect(build.name).toMatch(/^case-reports_publications-v\d{13}$/);
      expect(calls[0].body).toEqual(JSON.parse(JSON.stringify({ mappings: PUBLICATION_INDEX_MAPPINGS, settings: { ...PUBLICATION_INDEX_SETTINGS, refresh_interval: '-1' } })));

      calls = [];
      on('PUT', '/:index/_settings', () => ({ acknowledged: true }));
      on('GET', '/:index/_refresh', () => ({}));
      on('GET', '/_alias/:name', () => aliasOf(LIVE));
      on('POST', '/_aliases', () => ({ acknowledged: true }));
      on('DELETE', '/:index', () => ({ acknowledged: true }));
      await engine.swapIndex(build);
      expect(calls.map((call) => `${call.method} ${call.path}`)).toEqual([`PUT /${build.name}/_settings`, `GET /${build.name}/_refresh`, `GET /_alias/${ALIAS}`, 'POST /_aliases', `DELETE /${LIVE}`]);
      expect(calls[3].body).toEqual({ actions: [{ remove: { index: LIVE, alias: ALIAS, must_exist: true } }, { add: { index: build.name, alias: ALIAS } }] });

      // A case index is never a build of the publication alias (nor the other way round).
      await expect(engine.swapIndex({ name: 'case-reports-v1800000000000' })).rejects.toThrow(/unknown index build case-reports-v1800000000000/);
      await expect(engine.dropIndex({ name: 'case-reports-v1800000000000' })).rejects.toThrow(/unknown index build/);
      await expect(engine.upsert(docs.slice(0, 1), { name: 'case-reports-v1800000000000' })).rejects.toThrow(/unknown index build/);
      const cases = new ElasticsearchSearchEngine(clientOf(), { alias: 'case-reports', logger });
      await expect(cases.dropIndex({ name: LIVE })).rejects.toThrow(/unknown index build/);

      calls = [];
      await engine.dropIndex({ name: 'case-reports_publications-v1800000000000' });
      expect(calls[calls.length - 1]).toMatchObject({ method: 'DELETE', path: '/case-reports_publications-v1800000000000' });
      await expect(engine.dropIndex({ name: LIVE })).rejects.toThrow(/refusing to drop/);
    });

    it('count counts publications behind the alias; deleteAllIndices removes only this alias’s indices, by name', async () => {
      on(['GET', 'POST'] as unknown as string, '/:index/_count', () => ({ count: 10, _shards: { total: 1, successful: 1, skipped: 0, failed: 0 } }));
      await expect(engine.count()).resolves.toBe(10);
      expect(calls[0].path).toBe(`/${ALIAS}/_count`);

      calls = [];
      on('GET', '/:index', () => ({ [LIVE]: {}, 'case-reports_publications-v1800000000000': {}, 'case-reports_publications-old': {} }));
      on('DELETE', '/:index', () => ({ acknowledged: true }));
      await engine.deleteAllIndices();
      expect(calls.map((call) => `${call.method} ${call.path}`)).toEqual([`GET /${ALIAS}-v*`, `DELETE /${LIVE},case-reports_publications-v1800000000000`]);
    });

    it('ping is true when the cluster answers, false (never throwing) otherwise', async () => {
      on('HEAD', '/', () => '');
      await expect(engine.ping()).resolves.toBe(true);
      mock.clearAll();
      on('HEAD', '/', () => new errors.ConnectionError('connect ECONNREFUSED 127.0.0.1:9200'));
      await expect(engine.ping()).resolves.toBe(false);
    });
  });

  describe('writes', () => {
    beforeEach(async () => {
      on('GET', '/_alias/:name', () => aliasOf(LIVE));
      on('GET', '/:index/_mapping', () => ({ [LIVE]: { mappings: { _meta: { mappingVersion: PUBLICATION_MAPPING_VERSION } } } }));
      await engine.ensureIndex();
      calls = [];
    });

    it('bulk-indexes by lower-cased publicationId into the alias, the load time as external_gte version, visible when it resolves', async () => {
      on('POST', '/_bulk', (call) => bulkAnswer(bulkLines(call).filter((line) => line.index).map((line) => indexed(line.index._id))));
      const upper = { ...docs[0], publicationId: docs[0].publicationId.toUpperCase() };
      const newer: PublicationSearchDocument = { ...docs[1], title: 'Newer', loadedAt: '2030-01-01T00:00:00.000Z' };
      await engine.upsert([upper, newer, docs[1]]);
      expect(calls).toHaveLength(1);
      expect(calls[0].querystring).toEqual({ refresh: 'wait_for', require_alias: 'true' });
      expect(bulkLines(calls[0])).toEqual([
        { index: { _index: ALIAS, _id: docs[0].publicationId, version: Date.parse(docs[0].loadedAt), version_type: 'external_gte' } },
        docs[0],
        { index: { _index: ALIAS, _id: docs[1].publicationId, version: Date.parse(newer.loadedAt), version_type: 'external_gte' } },
        newer,
      ]);
    });

    it('writes a build without refreshing; stale versions are not failures, other per-document failures are', async () => {
      on('POST', '/_bulk', (call) =>
        bulkAnswer(
          bulkLines(call)
            .filter((line) => line.index)
            .map((line, i) =>
              i === 1
                ? { index: { _index: LIVE, _id: line.index._id, status: 409, error: { type: 'version_conflict_engine_exception', reason: 'current version is higher' } } }
                : i === 2
                  ? { index: { _index: LIVE, _id: line.index._id, status: 400, error: { type: 'document_parsing_exception', reason: 'failed to parse field [year]' } } }
                  : indexed(line.index._id),
            ),
        ),
      );
      await engine.upsert(docs.slice(0, 2), { name: 'case-reports_publications-v1800000000000' });
      expect(calls[0].querystring).toEqual({ refresh: 'false' });
      expect(bulkLines(calls[0])[0]).toEqual({ index: expect.objectContaining({ _index: 'case-reports_publications-v1800000000000' }) });
      const error = await engine.upsert(docs.slice(0, 3)).then(
        () => null,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(ElasticsearchBulkError);
      expect((error as ElasticsearchBulkError).failures).toEqual([{ id: docs[2].publicationId, status: 400, type: 'document_parsing_exception', reason: 'failed to parse field [year]' }]);
    });

    it('bulk-deletes by lower-cased id from the alias, ignoring ids that are not indexed; nothing for nothing', async () => {
      on('POST', '/_bulk', (call) => bulkAnswer(bulkLines(call).map((line, i) => ({ delete: { _index: LIVE, _id: line.delete._id, status: i === 0 ? 200 : 404, result: i === 0 ? 'deleted' : 'not_found' } }))));
      await engine.delete([docs[0].publicationId.toUpperCase(), docs[0].publicationId, docs[5].publicationId]);
      expect(calls[0].querystring).toEqual({ refresh: 'wait_for' });
      expect(bulkLines(calls[0])).toEqual([{ delete: { _index: ALIAS, _id: docs[0].publicationId } }, { delete: { _index: ALIAS, _id: docs[5].publicationId } }]);
      calls = [];
      await engine.delete([]);
      await engine.upsert([]);
      expect(calls).toEqual([]);
    });
  });

  describe('search', () => {
    it('sends the built request to the alias and parses the answer', async () => {
      const query: PublicationSearchQuery = {
        text: parseTextQuery('zanzibar'),
        filters: { caseStatuses: [] },
        facets: [
          { facet: PublicationFacetName.LANGUAGE, includeZero: true },
          { facet: PublicationFacetName.YEAR, includeZero: false },
        ],
        sort: PublicationSearchSort.RELEVANCE,
        page: { first: 1, after: null },
        highlight: true,
      };
      on('POST', '/:index/_search', () => ({
        took: 2,
        timed_out: false,
        _shards: { total: 1, successful: 1, skipped: 0, failed: 0 },
        hits: {
          total: { value: 1, relation: 'eq' },
          max_score: 2.5,
          hits: [{ _index: LIVE, _id: docs[2].publicationId, _score: 2.5, _source: { publicationId: docs[2].publicationId }, sort: [2.5, 0, docs[2].publicationId], highlight: { title: ['A letter from \u0002Zanzibar\u0003'] } }],
        },
        aggregations: {
          facet_LANGUAGE: { doc_count: 1, values: { buckets: [{ key: 'UNKNOWN', doc_count: 1 }] } },
          present_LANGUAGE: { doc_count: 10, values: { buckets: [{ key: 'eng', doc_count: 7 }, { key: 'UNKNOWN', doc_count: 1 }] } },
          facet_YEAR: { doc_count: 1, min: { value: null }, max: { value: null }, histogram: { buckets: [] } },
        },
      }));
      const result = await engine.search(query);
      const { allow_partial_search_results: partial, ...body } = buildPublicationSearchRequest(query);
      expect(calls).toEqual([{ method: 'POST', path: `/${ALIAS}/_search`, querystring: { allow_partial_search_results: String(partial) }, body: JSON.parse(JSON.stringify(body)) }]);
      expect(result).toEqual({
        totalPublications: 1,
        hits: [{ publicationId: docs[2].publicationId, score: 2.5, sortValues: [2.5, 0], highlights: [{ field: 'title', snippets: ['A letter from <mark>Zanzibar</mark>'] }] }],
        hasNextPage: false,
        facets: [
          {
            facet: PublicationFacetName.LANGUAGE,
            buckets: [
              { value: 'UNKNOWN', publicationCount: 1 },
              { value: 'eng', publicationCount: 0 },
            ],
            stats: null,
          },
          { facet: PublicationFacetName.YEAR, buckets: [], stats: { min: null, max: null, buckets: [] } },
        ],
      });
    });

    it('fails as a whole when Elasticsearch answers with an error (never a partial count)', async () => {
      on('POST', '/:index/_search', () => responseError(503, 'search_phase_execution_exception', 'all shards failed'));
      await expect(engine.search({ text: null, filters: {}, facets: [], sort: PublicationSearchSort.YEAR_DESC, page: { first: 5, after: null }, highlight: false })).rejects.toThrow(/search_phase_execution_exception/);
    });
  });
});
