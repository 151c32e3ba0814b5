import { loadConfig } from '../../src/config/app-config';
import { createElasticsearchClient } from '../../src/search/engines/elasticsearch/elasticsearch-client.provider';
import { ElasticsearchPublicationSearchEngine } from '../../src/search/engines/elasticsearch/publication-search.engine';
import { describePublicationSearchContract } from './publication-search.contract';

/**
 * The publication engine contract against a real Elasticsearch, when ELASTICSEARCH_NODE is set:
 *   docker compose up -d elasticsearch
 *   ELASTICSEARCH_NODE=http://localhost:9200 npx jest test/contract/elasticsearch-publication
 * Each run works under its own alias (`contract-pub-<pid>-<time>`) and deletes its indices afterwards,
 * so it never touches the application's `case-reports_publications` indices on the same cluster.
 */
const config = loadConfig();
const node = config.ELASTICSEARCH_NODE;

if (node) {
  describePublicationSearchContract(`Elasticsearch at ${new URL(node).host}`, async () => {
    const alias = `contract-pub-${process.pid}-${Date.now().toString(36)}`;
    const engine = new ElasticsearchPublicationSearchEngine(createElasticsearchClient(config), { alias });
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
  describe('publication search contract: Elasticsearch', () => {
    it.skip('needs a cluster: docker compose up -d elasticsearch, then ELASTICSEARCH_NODE=http://localhost:9200 npx jest test/contract/elasticsearch-publication', () => undefined);
  });
}
