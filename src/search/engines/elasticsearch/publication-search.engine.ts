import { Client, estypes } from '@elastic/elasticsearch';
import { Logger, OnModuleDestroy } from '@nestjs/common';
import { AppConfig } from '../../../config/app-config';
import { PublicationSearchDocument } from '../../publications/publication-search-document';
import { PublicationSearchEngine } from '../../publications/publication-search-engine.port';
import { PublicationSearchQuery } from '../../publications/publication-search-query';
import { EnginePublicationSearchResult } from '../../publications/publication-search-result';
import { IndexBuild } from '../../search-engine.port';
import { createElasticsearchClient } from './elasticsearch-client.provider';
import {
  PUBLICATION_INDEX_MAPPINGS,
  PUBLICATION_INDEX_SETTINGS,
  PUBLICATION_MAPPING_VERSION,
  publicationAliasOf,
  publicationDocumentVersion,
  toPublicationIndexDocument,
} from './publication-index-mapping';
import { buildPublicationSearchRequest } from './publication-query-builder';
import { IndexedPublicationHitSource, parsePublicationSearchResponse } from './publication-response-parser';
import { VersionedIndex, VersionedIndexOptions } from './versioned-index';

export type ElasticsearchPublicationEngineOptions = VersionedIndexOptions;

/**
 * The Elasticsearch publication index: one document per publication (publication-index-mapping.ts)
 * in versioned indices `${alias}-v<timestamp>` behind its own alias (by default
 * `${ELASTICSEARCH_INDEX_PREFIX}_publications`), with the case engine's lifecycle (VersionedIndex:
 * ensureIndex, build + atomic swap, bulk writes with `loadedAt` as an `external_gte` version).
 * Searches are built and parsed by the pure publication-query-builder.ts / publication-response-parser.ts.
 */
export class ElasticsearchPublicationSearchEngine implements PublicationSearchEngine, OnModuleDestroy {
  readonly name = 'elasticsearch';
  private readonly index: VersionedIndex<PublicationSearchDocument>;

  constructor(
    private readonly client: Client,
    options: ElasticsearchPublicationEngineOptions,
  ) {
    const layout = { settings: PUBLICATION_INDEX_SETTINGS, mappings: PUBLICATION_INDEX_MAPPINGS, mappingVersion: PUBLICATION_MAPPING_VERSION };
    this.index = new VersionedIndex(client, layout, options, options.logger ?? new Logger(ElasticsearchPublicationSearchEngine.name));
  }

  /** The engine for ELASTICSEARCH_NODE under the alias `${ELASTICSEARCH_INDEX_PREFIX}_publications`, with its own client. */
  static fromConfig(config: Pick<AppConfig, 'ELASTICSEARCH_NODE' | 'ELASTICSEARCH_INDEX_PREFIX'>): ElasticsearchPublicationSearchEngine {
    return new ElasticsearchPublicationSearchEngine(createElasticsearchClient(config), { alias: publicationAliasOf(config.ELASTICSEARCH_INDEX_PREFIX) });
  }

  /** The alias searched and written. */
  get alias(): string {
    return this.index.alias;
  }

  async onModuleDestroy(): Promise<void> {
    await this.client.close();
  }

  /** Creates the first index with the alias when the alias does not exist (see VersionedIndex.ensureIndex). */
  async ensureIndex(): Promise<void> {
    await this.index.ensureIndex();
  }

  async search(query: PublicationSearchQuery): Promise<EnginePublicationSearchResult> {
    const response = await this.index.read(() => this.client.search<IndexedPublicationHitSource, Record<string, estypes.AggregationsAggregate>>({ index: this.alias, ...buildPublicationSearchRequest(query) }));
    return parsePublicationSearchResponse(query, response);
  }

  /**
   * Bulk index by publicationId (lower-cased), newest load per publication: into the live index with
   * refresh=wait_for (searchable when this resolves), into a build without refreshes. 429s are retried;
   * other per-document failures throw an ElasticsearchBulkError; version conflicts (an older load) are not failures.
   */
  async upsert(documents: PublicationSearchDocument[], into?: IndexBuild): Promise<void> {
    const indexed = documents.map(toPublicationIndexDocument).map((document) => ({ id: document.publicationId, version: publicationDocumentVersion(document), document }));
    await this.index.upsert(indexed, into);
  }

  /** Removes publications by id; ids not in the index are ignored. */
  async delete(publicationIds: string[]): Promise<void> {
    await this.index.delete(publicationIds.map((id) => id.toLowerCase()));
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

  /** Publications in the live index. */
  async count(): Promise<number> {
    return this.index.count();
  }

  async ping(): Promise<boolean> {
    return this.index.ping();
  }

  /** Deletes the alias and every index of it, live or abandoned builds (tests, decommissioning); not part of the port. */
  async deleteAllIndices(): Promise<void> {
    await this.index.deleteAllIndices();
  }
}
