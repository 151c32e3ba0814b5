import { Client, ClientOptions, SniffingTransport, TransportOptions } from '@elastic/elasticsearch';
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
 * Plain JSON / NDJSON media types, which Elasticsearch 8 and 9 nodes both accept (each then answers in
 * its own version's REST API; every request of this engine is valid on both). The 9.x client's default,
 * `application/vnd.elasticsearch+json; compatible-with=9`, is refused by an 8.x node with HTTP 400
 * media_type_header_exception ("Accept version must be either version 8 or 7, but found 9"): nothing
 * (ping, search, bulk) would work on an Elasticsearch 8 cluster.
 */
export const VERSION_NEUTRAL_HEADERS = { jsonContentType: 'application/json', ndjsonContentType: 'application/x-ndjson', accept: 'application/json, text/plain' } as const;

/**
 * The client's default transport, with VERSION_NEUTRAL_HEADERS instead of the 9.x client's compatible-with=9,
 * and without its product check: that check refuses every successful answer lacking the
 * `x-elastic-product: Elasticsearch` header, which Elasticsearch only sends from 7.14 on, so a 7.0-7.13 node
 * (every request valid there, see README "Engine versions") could not even be pinged. Which engine answers
 * is read once from its info instead (VersionedIndex.capabilities).
 */
export class VersionNeutralTransport extends SniffingTransport {
  constructor(options: TransportOptions) {
    // productCheck: undefined turns the transport's ProductCheck middleware off (it checks only when set).
    super({ ...options, productCheck: undefined, vendoredHeaders: { ...VERSION_NEUTRAL_HEADERS } });
  }
}

/**
 * The one client of the Elasticsearch engine, for ELASTICSEARCH_NODE (credentials, when needed, go in
 * the URL: https://user:password@host:9200). `overrides` is for tests (a mock Connection).
 * Created by ElasticsearchSearchEngine.fromConfig, closed by the engine on shutdown.
 */
export function createElasticsearchClient(config: Pick<AppConfig, 'ELASTICSEARCH_NODE'>, overrides: Partial<ClientOptions> = {}): Client {
  if (!config.ELASTICSEARCH_NODE) throw new Error('ELASTICSEARCH_NODE is not configured: the Elasticsearch engine needs it');
  return new Client({ ...CLIENT_DEFAULTS, Transport: VersionNeutralTransport, node: config.ELASTICSEARCH_NODE, ...overrides });
}
