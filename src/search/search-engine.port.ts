import { SearchDocument } from './indexing/search-document';
import { CrossTabCountsRequest, EngineCrossTab } from './query/cross-tab-counts';
import { SearchQuery } from './query/search-query';
import { EngineSearchResult } from './query/search-result';

/** Nest injection token of the active SearchEngine. */
export const SEARCH_ENGINE = Symbol('SEARCH_ENGINE');

/** A new index being built by a reindex; not searched until `swapIndex`. */
export interface IndexBuild {
  /** Engine-specific name (Elasticsearch: the versioned index name; PostgreSQL: the staging table). */
  name: string;
}

/**
 * What the search module needs from an engine. Two implementations: engines/postgres (embedded
 * default) and engines/elasticsearch. Both must give identical totals, facet counts and (for every
 * sort but RELEVANCE-with-text) identical order on the same documents: test/contract/search.contract.ts.
 *
 * Engines receive validated input (SearchQuery) and return raw results (EngineSearchResult); labels,
 * facet trees, zero values, `selected` flags, limits and cursors are added by the shared code in
 * src/search/query, so engines never differ there.
 */
/** What a caller of SearchEngine.search may be told before the search's answer is complete. */
export interface SearchProgress {
  /**
   * The page's case ids, in order, as soon as the engine knows them (before highlights and counts are
   * finished), so the caller can start reading those cases meanwhile. An engine may not call it.
   */
  pageKnown?(caseReportIds: readonly string[]): void;
}

export interface SearchEngine {
  /** 'postgres' or 'elasticsearch' (shown in searchIndexStatus). */
  readonly name: string;

  /** Creates the live index (alias) if it does not exist; idempotent; called at boot and before indexing. */
  ensureIndex(): Promise<void>;

  /**
   * Hits (page.first of them after page.after; page.first may be 0 for counts only), totals, and the
   * requested facets counted disjunctively (see splitForFacets / clausesForFacet in query/search-query.ts).
   */
  search(query: SearchQuery, progress?: SearchProgress): Promise<EngineSearchResult>;

  /**
   * Two facets counted against each other in one pass over the cases matching every clause of the
   * query: margins, cells and totals with distinct publications (see EngineCrossTab). For evidence
   * synthesis (summaries split by curation status, cross-tabulations).
   */
  crossTab(query: SearchQuery, request: CrossTabCountsRequest): Promise<EngineCrossTab>;

  /** Indexes or replaces documents by caseReportId, in the live index or in a build. Visible to search when it resolves. */
  upsert(documents: SearchDocument[], into?: IndexBuild): Promise<void>;

  /** Removes documents by caseReportId; ids not in the index are ignored. */
  delete(caseReportIds: string[]): Promise<void>;

  /** Removes every document of these publications except the listed cases (cases deleted or moved with their publication). */
  deleteByPublications(publicationIds: string[], keepCaseReportIds: string[]): Promise<void>;

  /** Reindex, step 1: a new empty index with the current mapping, not searched yet. */
  createIndex(): Promise<IndexBuild>;

  /** Reindex, step 2: make the build the live index in one atomic step (alias swap) and drop the previous one. */
  swapIndex(build: IndexBuild): Promise<void>;

  /** Abandons a build (reindex failed). */
  dropIndex(build: IndexBuild): Promise<void>;

  /** Number of documents in the live index. */
  count(): Promise<number>;

  /** Optional: loads what the engine keeps in memory for searching, so the first search need not wait for it. */
  warmUp?(): Promise<void>;

  /** True when the engine answers (quickly; never throws). */
  ping(): Promise<boolean>;
}
