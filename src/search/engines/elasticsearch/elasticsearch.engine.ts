import { Client, estypes } from '@elastic/elasticsearch';
import { Logger, OnModuleDestroy } from '@nestjs/common';
import { AppConfig } from '../../../config/app-config';
import { SearchDocument } from '../../indexing/search-document';
import { SearchQuery } from '../../query/search-query';
import { EngineSearchResult } from '../../query/search-result';
import { checkCrossTabRequest, CrossTabCountsRequest, EngineCrossTab } from '../../query/cross-tab-counts';
import { IndexBuild, SearchEngine, SearchProgress } from '../../search-engine.port';
import { buildCrossTabRequest, CompositeAfterKey, mergeCrossTabCells, parseCrossTabCells, parseCrossTabResponse } from './cross-tab-request';
import { createElasticsearchClient } from './elasticsearch-client.provider';
import { documentVersion, INDEX_MAPPINGS, INDEX_SETTINGS, MAPPING_VERSION, toIndexDocument } from './index-mapping';
import { buildSearchRequest } from './query-builder';
import { IndexedHitSource, parseSearchResponse } from './response-parser';
import { VersionedIndex, VersionedIndexOptions } from './versioned-index';

export type { BulkFailure } from './versioned-index';
export { ElasticsearchBulkError } from './versioned-index';

export type ElasticsearchEngineOptions = VersionedIndexOptions;

/** The cases of these publications but the kept ones (ids in their indexed, lower-case form). */
export function deleteByPublicationsQuery(publicationIds: string[], keepCaseReportIds: string[]): estypes.QueryDslQueryContainer {
  const keep = [...new Set(keepCaseReportIds.map((id) => id.toLowerCase()))];
  return {
    bool: {
      filter: [{ terms: { publicationId: [...new Set(publicationIds.map((id) => id.toLowerCase()))] } }],
      ...(keep.length ? { must_not: [{ terms: { caseReportId: keep } }] } : {}),
    },
  };
}

/**
 * The Elasticsearch engine: one index per build (`${alias}-v<timestamp>`, mapping in index-mapping.ts)
 * behind an alias; searches built and parsed by the pure query-builder.ts / response-parser.ts.
 *
 * Writes carry the document's `loadedAt` as an external version (`external_gte`): a newer load replaces
 * an older one and never the reverse, as in the embedded engine (`loaded_at <=` on conflict). The only
 * other place this module differs in effect: within index.gc_deletes (60 s) of a delete, re-adding the
 * same case with a load time no later than the deleted one's is ignored (case ids are never reused).
 */
export class ElasticsearchSearchEngine implements SearchEngine, OnModuleDestroy {
  readonly name = 'elasticsearch';
  private readonly index: VersionedIndex<SearchDocument>;

  constructor(
    private readonly client: Client,
    options: ElasticsearchEngineOptions,
  ) {
    const layout = { settings: INDEX_SETTINGS, mappings: INDEX_MAPPINGS, mappingVersion: MAPPING_VERSION };
    this.index = new VersionedIndex(client, layout, options, options.logger ?? new Logger(ElasticsearchSearchEngine.name));
  }

  /** The engine for ELASTICSEARCH_NODE and ELASTICSEARCH_INDEX_PREFIX, with its own client. */
  static fromConfig(config: Pick<AppConfig, 'ELASTICSEARCH_NODE' | 'ELASTICSEARCH_INDEX_PREFIX'>): ElasticsearchSearchEngine {
    return new ElasticsearchSearchEngine(createElasticsearchClient(config), { alias: config.ELASTICSEARCH_INDEX_PREFIX });
  }

  private get alias(): string {
    return this.index.alias;
  }

  async onModuleDestroy(): Promise<void> {
    await this.client.close();
  }

  /** Creates the first index with the alias when the alias does not exist (see VersionedIndex.ensureIndex). */
  async ensureIndex(): Promise<void> {
    await this.index.ensureIndex();
  }

  /** Elasticsearch answers hits, highlights and aggregations at once: the page is told when the answer is in. */
  async search(query: SearchQuery, progress?: SearchProgress): Promise<EngineSearchResult> {
    const response = await this.index.read(() => this.client.search<IndexedHitSource, Record<string, estypes.AggregationsAggregate>>({ index: this.alias, ...buildSearchRequest(query) }));
    const result = parseSearchResponse(query, response);
    if (result.hits.length) progress?.pageKnown?.(result.hits.map((hit) => hit.caseReportId));
    return result;
  }

  /**
   * Totals, margins and the first page of cells in one search; further pages of cells (more than
   * CROSS_TAB_PAGE_SIZE pairs) with the composite's `after`. See cross-tab-request.ts.
   */
  async crossTab(query: SearchQuery, request: CrossTabCountsRequest): Promise<EngineCrossTab> {
    checkCrossTabRequest(request);
    const search = (after: CompositeAfterKey | null) => this.index.read(() => this.client.search<unknown, Record<string, estypes.AggregationsAggregate>>({ index: this.alias, ...buildCrossTabRequest(query, request, after) }));
    const { after: next, ...first } = parseCrossTabResponse(request, await search(null));
    const cells = [...first.cells];
    for (let after = next; after; ) {
      const page = parseCrossTabCells(request, await search(after));
      cells.push(...page.cells);
      after = page.after;
    }
    return { ...first, cells: mergeCrossTabCells(cells) };
  }

  /**
   * Bulk index in chunks by caseReportId (see VersionedIndex.upsert): into the live index with
   * refresh=wait_for, into a build without refreshes; 429s retried, other per-document failures thrown
   * as an ElasticsearchBulkError; version conflicts are not failures.
   */
  async upsert(documents: SearchDocument[], into?: IndexBuild): Promise<void> {
    const indexed = documents.map(toIndexDocument).map((document) => ({ id: document.caseReportId, version: documentVersion(document), document }));
    await this.index.upsert(indexed, into);
  }

  async delete(caseReportIds: string[]): Promise<void> {
    await this.index.delete(caseReportIds.map((id) => id.toLowerCase()));
  }

  async deleteByPublications(publicationIds: string[], keepCaseReportIds: string[]): Promise<void> {
    if (!publicationIds.length) return;
    const response = await this.index.read(() => this.client.deleteByQuery({
      index: this.alias,
      query: deleteByPublicationsQuery(publicationIds, keepCaseReportIds),
      // delete_by_query cannot wait_for a refresh; it refreshes the index it touched.
      refresh: true,
      wait_for_completion: true,
      // A concurrent write of one of these cases aborts the request (409): the outbox retries it.
      conflicts: 'abort',
    }));
    if (response.failures?.length) {
      const shown = response.failures.slice(0, 5).map((failure) => `${failure.id} (${failure.status} ${failure.cause.type}: ${failure.cause.reason ?? ''})`);
      throw new Error(`Elasticsearch delete_by_query failed for ${response.failures.length} documents of publications ${publicationIds.join(', ')}: ${shown.join('; ')}`);
    }
  }

  async createIndex(): Promise<IndexBuild> {
    return this.index.createIndex();
  }

  /** Refreshes the build, moves the alias in one atomic _aliases request, then deletes the previous indices. */
  async swapIndex(build: IndexBuild): Promise<void> {
    await this.index.swapIndex(build);
  }

  async dropIndex(build: IndexBuild): Promise<void> {
    await this.index.dropIndex(build);
  }

  async count(): Promise<number> {
    // The count API counts top-level documents only: one per case, nested facts not included.
    return this.index.count();
  }

  async ping(): Promise<boolean> {
    return this.index.ping();
  }

  /**
   * Deletes the alias and every index of it, live or abandoned builds (tests, decommissioning). Not
   * part of SearchEngine: nothing in the application calls it.
   */
  async deleteAllIndices(): Promise<void> {
    await this.index.deleteAllIndices();
  }
}
