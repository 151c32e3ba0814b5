import { Logger } from '@nestjs/common';
import { AppConfig } from '../../config/app-config';
import { SearchEngine } from '../search-engine.port';
import { PostgresSearchEngine } from './postgres/postgres-search.engine';

/**
 * Elasticsearch when ELASTICSEARCH_NODE is configured, the embedded PostgreSQL engine otherwise.
 * The Elasticsearch engine (engines/elasticsearch) plugs in here when it lands; until then a
 * configured node is reported and the embedded engine answers.
 */
export function selectSearchEngine(config: AppConfig, postgres: PostgresSearchEngine, elasticsearch?: () => SearchEngine): SearchEngine {
  if (config.ELASTICSEARCH_NODE) {
    if (elasticsearch) return elasticsearch();
    new Logger('SearchEngine').warn(`ELASTICSEARCH_NODE is set but this build has no Elasticsearch engine yet: searching with the embedded PostgreSQL engine`);
  }
  return postgres;
}
