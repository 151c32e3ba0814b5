import { loadConfig } from '../../src/config/app-config';
import { createElasticsearchClient } from '../../src/search/engines/elasticsearch/elasticsearch-client.provider';
import { ElasticsearchSearchEngine } from '../../src/search/engines/elasticsearch/elasticsearch.engine';
import { describeSearchEngineContract } from './search.contract';

/**
 * The engine contract against a real Elasticsearch, when ELASTICSEARCH_NODE is set:
 *   docker compose up -d elasticsearch
 *   ELASTICSEARCH_NODE=http://localhost:9200 npx jest test/contract
 * Each run works under its own alias (`contract-<pid>-<time>`) and deletes its indices afterwards, so
 * it never touches the application's `case-reports` indices on the same cluster.
 */
const config = loadConfig();
const node = config.ELASTICSEARCH_NODE;

if (node) {
  describeSearchEngineContract(`Elasticsearch at ${new URL(node).host}`, async () => {
    const alias = `contract-${process.pid}-${Date.now().toString(36)}`;
    const engine = new ElasticsearchSearchEngine(createElasticsearchClient(config), { alias });
    if (!(await engine.ping())) {
      await engine.onModuleDestroy();
      throw new Error(`ELASTICSEARCH_NODE is set to ${new URL(node).host} but nothing answers there: start it (docker compose up -d elasticsearch) or unset ELASTICSEARCH_NODE`);
    }
    return {
      engine,
      async close() {
        await engine.deleteAllIndices();
        await engine.onModuleDestroy();
      },
    };
  });
} else {
  describe('search engine contract: Elasticsearch', () => {
    it.skip('needs a cluster: docker compose up -d elasticsearch, then ELASTICSEARCH_NODE=http://localhost:9200 npx jest test/contract', () => undefined);
  });
}
