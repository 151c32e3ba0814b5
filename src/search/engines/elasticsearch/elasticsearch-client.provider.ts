import { Client, ClientOptions } from '@elastic/elasticsearch';
import { AppConfig } from '../../../config/app-config';

/**
 * Timeouts and retries:
 * - a request that takes longer than 30 s fails (the client's default is to wait forever); bulk writes
 *   of 500 documents and deletes-by-query stay well under that;
 * - connection errors and 502/503/504 answers are retried up to 3 times by the client, timeouts are not
 *   (a timed-out write may still be applied: the outbox retries it later, idempotently, with backoff);
 * - pings give up after 3 s (the engine's `ping()` uses a shorter timeout and no retries of its own).
 * No sniffing: behind a proxy or in Docker the addresses nodes advertise are often unreachable.
 */
export const CLIENT_DEFAULTS: Readonly<Omit<ClientOptions, 'node' | 'nodes' | 'cloud'>> = {
  requestTimeout: 30_000,
  pingTimeout: 3_000,
  maxRetries: 3,
  sniffOnStart: false,
  sniffOnConnectionFault: false,
  name: 'case-report-search',
};

/**
 * The one client of the Elasticsearch engine, for ELASTICSEARCH_NODE (credentials, when needed, go in
 * the URL: https://user:password@host:9200). `overrides` is for tests (a mock Connection).
 * Created by ElasticsearchSearchEngine.fromConfig, closed by the engine on shutdown.
 */
export function createElasticsearchClient(config: Pick<AppConfig, 'ELASTICSEARCH_NODE'>, overrides: Partial<ClientOptions> = {}): Client {
  if (!config.ELASTICSEARCH_NODE) throw new Error('ELASTICSEARCH_NODE is not configured: the Elasticsearch engine needs it');
  return new Client({ ...CLIENT_DEFAULTS, node: config.ELASTICSEARCH_NODE, ...overrides });
}
