import { IndexBuild } from '../search-engine.port';
import { PublicationSearchDocument } from './publication-search-document';
import { PublicationSearchQuery } from './publication-search-query';
import { EnginePublicationSearchResult } from './publication-search-result';

/** Nest injection token of the active PublicationSearchEngine. */
export const PUBLICATION_SEARCH_ENGINE = Symbol('PUBLICATION_SEARCH_ENGINE');

/**
 * The publication index of an engine (embedded: engines/postgres/publication-search.engine.ts;
 * Elasticsearch: engines/elasticsearch/publication-search.engine.ts). Same rules as SearchEngine:
 * identical totals, facet counts and (but for relevance ties) order on the same documents, checked by
 * test/contract/publication-search.contract.ts.
 */
export interface PublicationSearchEngine {
  readonly name: string;
  ensureIndex(): Promise<void>;
  search(query: PublicationSearchQuery): Promise<EnginePublicationSearchResult>;
  /** Indexes or replaces documents by publicationId. Visible to search when it resolves. */
  upsert(documents: PublicationSearchDocument[], into?: IndexBuild): Promise<void>;
  delete(publicationIds: string[]): Promise<void>;
  createIndex(): Promise<IndexBuild>;
  swapIndex(build: IndexBuild): Promise<void>;
  dropIndex(build: IndexBuild): Promise<void>;
  count(): Promise<number>;
  ping(): Promise<boolean>;
}
