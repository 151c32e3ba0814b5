import { Client, errors, estypes } from '@elastic/elasticsearch';
import { Logger, OnModuleDestroy } from '@nestjs/common';
import { AppConfig } from '../../../config/app-config';
import { SearchDocument } from '../../indexing/search-document';
import { SearchQuery } from '../../query/search-query';
import { EngineSearchResult } from '../../query/search-result';
import { IndexBuild, SearchEngine } from '../../search-engine.port';
import { createElasticsearchClient } from './elasticsearch-client.provider';
import { documentVersion, INDEX_MAPPINGS, INDEX_SETTINGS, isVersionedIndexOf, MAPPING_VERSION, toIndexDocument, versionedIndexName } from './index-mapping';
import { buildSearchRequest } from './query-builder';
import { IndexedHitSource, parseSearchResponse } from './response-parser';

/** One failed operation of a bulk request. */
export interface BulkFailure {
  id: string;
  status: number;
  type: string;
  reason: string;
}

/** Some documents of a bulk request were not written (or deleted); the others were. */
export class ElasticsearchBulkError extends Error {
  constructor(
    readonly operation: 'index' | 'delete',
    readonly index: string,
    readonly failures: BulkFailure[],
    readonly attempted: number,
  ) {
    const shown = failures
      .slice(0, 5)
      .map((failure) => `${failure.id} (${failure.status} ${failure.type}: ${failure.reason})`)
      .join('; ');
    super(`Elasticsearch ${operation} failed for ${failures.length} of ${attempted} documents in ${index}: ${shown}${failures.length > 5 ? `; and ${failures.length - 5} more` : ''}`);
    this.name = 'ElasticsearchBulkError';
  }
}

export interface ElasticsearchEngineOptions {
  /** The alias searched and written (ELASTICSEARCH_INDEX_PREFIX); indices are `${alias}-v<timestamp>`. */
  alias: string;
  /** Documents per bulk request. */
  bulkChunk?: number;
  /** Retries of operations Elasticsearch rejected as overloaded (429), and the first backoff (doubled each time). */
  rejectedRetries?: number;
  rejectedBackoffMs?: number;
  /** Timeout of ping(). */
  pingTimeoutMs?: number;
  logger?: Pick<Logger, 'log' | 'warn'>;
}

type BulkOperation = { index: estypes.BulkIndexOperation; document: SearchDocument } | { delete: estypes.BulkDeleteOperation };

const statusOf = (error: unknown): number | undefined => (error instanceof errors.ResponseError ? error.statusCode : undefined);

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
  private readonly alias: string;
  private readonly bulkChunk: number;
  private readonly rejectedRetries: number;
  private readonly rejectedBackoffMs: number;
  private readonly pingTimeoutMs: number;
  private readonly logger: Pick<Logger, 'log' | 'warn'>;
  /** Set once ensureIndex succeeded in this process. */
  private aliasEnsured = false;

  constructor(
    private readonly client: Client,
    options: ElasticsearchEngineOptions,
  ) {
    if (!/^[a-z0-9_-]+$/.test(options.alias)) throw new Error(`invalid Elasticsearch alias "${options.alias}": lower-case letters, digits, - and _ only`);
    this.alias = options.alias;
    this.bulkChunk = options.bulkChunk ?? 500;
    this.rejectedRetries = options.rejectedRetries ?? 3;
    this.rejectedBackoffMs = options.rejectedBackoffMs ?? 250;
    this.pingTimeoutMs = options.pingTimeoutMs ?? 2_000;
    this.logger = options.logger ?? new Logger(ElasticsearchSearchEngine.name);
  }

  /** The engine for ELASTICSEARCH_NODE and ELASTICSEARCH_INDEX_PREFIX, with its own client. */
  static fromConfig(config: Pick<AppConfig, 'ELASTICSEARCH_NODE' | 'ELASTICSEARCH_INDEX_PREFIX'>): ElasticsearchSearchEngine {
    return new ElasticsearchSearchEngine(createElasticsearchClient(config), { alias: config.ELASTICSEARCH_INDEX_PREFIX });
  }

  async onModuleDestroy(): Promise<void> {
    await this.client.close();
  }

  /**
   * Creates the first index with the alias when the alias does not exist. Two processes starting at
   * once (app and worker) may both create one: the index with the smallest name keeps the alias, the
   * other removes itself, so the alias never points at two indices.
   */
  async ensureIndex(): Promise<void> {
    await this.createAliasUnlessPresent();
    this.aliasEnsured = true;
  }

  private async createAliasUnlessPresent(): Promise<void> {
    const live = await this.liveIndices();
    if (live.length) {
      if (live.length > 1) this.logger.warn(`alias ${this.alias} points at ${live.length} indices (${live.join(', ')}): searches count their documents together; run a reindex`);
      await this.warnOnMappingDrift(live);
      return;
    }
    if (await this.client.indices.exists({ index: this.alias })) {
      throw new Error(`Elasticsearch has an index named "${this.alias}" where the alias of that name should be; delete or rename it (the engine keeps its data in "${this.alias}-v<timestamp>" indices)`);
    }
    const name = await this.createVersionedIndex({ [this.alias]: {} });
    const holders = await this.liveIndices();
    const winner = [...holders].sort()[0];
    if (winner !== undefined && winner !== name) {
      this.logger.log(`another process created ${winner} for alias ${this.alias} at the same time; removing ${name}`);
      await this.client.indices.delete({ index: name }, { ignore: [404] });
      return;
    }
    this.logger.log(`created Elasticsearch index ${name} behind alias ${this.alias}`);
  }

  async search(query: SearchQuery): Promise<EngineSearchResult> {
    const response = await this.client.search<IndexedHitSource, Record<string, estypes.AggregationsAggregate>>({ index: this.alias, ...buildSearchRequest(query) });
    return parseSearchResponse(query, response);
  }

  /**
   * Bulk index in chunks. Into the live index: refresh=wait_for, so the documents are searchable when
   * this resolves. Into a build: no refresh (swapIndex refreshes before the alias moves). Operations
   * rejected as overloaded (429) are retried with backoff; other per-document failures (a mapping error,
   * say) throw an ElasticsearchBulkError naming each case and reason after the whole batch was tried.
   * Version conflicts are not failures: a newer load of that case is already indexed.
   */
  async upsert(documents: SearchDocument[], into?: IndexBuild): Promise<void> {
    const index = into ? this.buildIndex(into) : this.alias;
    // The cluster may have been down when the application started: the first write creates the index.
    if (!into && documents.length && !this.aliasEnsured) await this.ensureIndex();
    const latest = new Map<string, SearchDocument>();
    for (const document of documents.map(toIndexDocument)) {
      const seen = latest.get(document.caseReportId);
      if (!seen || documentVersion(seen) <= documentVersion(document)) latest.set(document.caseReportId, document);
    }
    const operations: BulkOperation[] = [...latest.values()].map((document) => ({
      index: { _index: index, _id: document.caseReportId, version: documentVersion(document), version_type: 'external_gte' },
      document,
    }));
    await this.bulk('index', index, operations, into ? false : 'wait_for', !into);
  }

  async delete(caseReportIds: string[]): Promise<void> {
    const ids = [...new Set(caseReportIds.map((id) => id.toLowerCase()))];
    await this.bulk(
      'delete',
      this.alias,
      ids.map((id) => ({ delete: { _index: this.alias, _id: id } })),
      'wait_for',
      false,
    );
  }

  async deleteByPublications(publicationIds: string[], keepCaseReportIds: string[]): Promise<void> {
    if (!publicationIds.length) return;
    const keep = [...new Set(keepCaseReportIds.map((id) => id.toLowerCase()))];
    const response = await this.client.deleteByQuery({
      index: this.alias,
      query: {
        bool: {
          filter: [{ terms: { publicationId: [...new Set(publicationIds.map((id) => id.toLowerCase()))] } }],
          ...(keep.length ? { must_not: [{ terms: { caseReportId: keep } }] } : {}),
        },
      },
      // delete_by_query cannot wait_for a refresh; it refreshes the index it touched.
      refresh: true,
      wait_for_completion: true,
      // A concurrent write of one of these cases aborts the request (409): the outbox retries it.
      conflicts: 'abort',
    });
    if (response.failures?.length) {
      const shown = response.failures.slice(0, 5).map((failure) => `${failure.id} (${failure.status} ${failure.cause.type}: ${failure.cause.reason ?? ''})`);
      throw new Error(`Elasticsearch delete_by_query failed for ${response.failures.length} documents of publications ${publicationIds.join(', ')}: ${shown.join('; ')}`);
    }
  }

  /** A new index with the current mapping, not behind the alias; refreshes are off while it fills. */
  async createIndex(): Promise<IndexBuild> {
    return { name: await this.createVersionedIndex(undefined, { refresh_interval: '-1' }) };
  }

  /**
   * Refreshes the build, then moves the alias in ONE _aliases request (remove from the live index,
   * which must still hold it, and add to the build): searches see the old index or the new one, never
   * both or neither. The previous indices are deleted afterwards.
   */
  async swapIndex(build: IndexBuild): Promise<void> {
    const name = this.buildIndex(build);
    await this.client.indices.putSettings({ index: name, settings: { index: { refresh_interval: '1s' } } });
    await this.client.indices.refresh({ index: name });
    const previous = (await this.liveIndices()).filter((index) => index !== name);
    await this.client.indices.updateAliases({
      actions: [...previous.map((index) => ({ remove: { index, alias: this.alias, must_exist: true } })), { add: { index: name, alias: this.alias } }],
    });
    this.logger.log(`alias ${this.alias} now points at ${name}${previous.length ? ` (was ${previous.join(', ')})` : ''}`);
    for (const index of previous) {
      try {
        await this.client.indices.delete({ index }, { ignore: [404] });
      } catch (error) {
        this.logger.warn(`could not delete the previous index ${index} (delete it by hand): ${(error as Error).message}`);
      }
    }
  }

  async dropIndex(build: IndexBuild): Promise<void> {
    const name = this.buildIndex(build);
    if ((await this.liveIndices()).includes(name)) throw new Error(`refusing to drop ${name}: alias ${this.alias} points at it`);
    await this.client.indices.delete({ index: name }, { ignore: [404] });
  }

  async count(): Promise<number> {
    // The count API counts top-level documents only: one per case, nested facts not included.
    return (await this.client.count({ index: this.alias })).count;
  }

  async ping(): Promise<boolean> {
    try {
      return await this.client.ping(undefined, { requestTimeout: this.pingTimeoutMs, maxRetries: 0 });
    } catch {
      return false;
    }
  }

  /**
   * Deletes the alias and every index of it, live or abandoned builds (tests, decommissioning). Not
   * part of SearchEngine: nothing in the application calls it.
   */
  async deleteAllIndices(): Promise<void> {
    const indices = Object.keys(await this.client.indices.get({ index: `${this.alias}-v*`, expand_wildcards: 'all' }, { ignore: [404] }));
    const ours = indices.filter((index) => isVersionedIndexOf(this.alias, index));
    if (ours.length) await this.client.indices.delete({ index: ours.join(',') }, { ignore: [404] });
  }

  /** The indices the alias points at (none when it does not exist). */
  private async liveIndices(): Promise<string[]> {
    try {
      return Object.keys(await this.client.indices.getAlias({ name: this.alias }));
    } catch (error) {
      if (statusOf(error) === 404) return [];
      throw error;
    }
  }

  private async warnOnMappingDrift(live: string[]): Promise<void> {
    const mappings = await this.client.indices.getMapping({ index: live.join(',') });
    for (const [index, { mappings: mapping }] of Object.entries(mappings)) {
      const version = (mapping._meta as { mappingVersion?: unknown } | undefined)?.mappingVersion;
      if (version !== MAPPING_VERSION) this.logger.warn(`index ${index} has mapping version ${String(version)}, this build expects ${MAPPING_VERSION}: run a reindex to apply it`);
    }
  }

  private async createVersionedIndex(aliases?: Record<string, estypes.IndicesAlias>, settings: estypes.IndicesIndexSettings = {}): Promise<string> {
    let timestamp = Date.now();
    for (let attempt = 0; ; attempt++) {
      const name = versionedIndexName(this.alias, timestamp);
      try {
        await this.client.indices.create({ index: name, settings: { ...INDEX_SETTINGS, ...settings }, mappings: INDEX_MAPPINGS, ...(aliases ? { aliases } : {}) });
        return name;
      } catch (error) {
        const type = error instanceof errors.ResponseError ? (error.body as { error?: { type?: string } } | undefined)?.error?.type : undefined;
        if (type !== 'resource_already_exists_exception' || attempt >= 10) throw error;
        timestamp = Math.max(Date.now(), timestamp + 1);
      }
    }
  }

  /** A build this engine made for this alias (an IndexBuild is never a name from outside). */
  private buildIndex(build: IndexBuild): string {
    if (!isVersionedIndexOf(this.alias, build.name)) throw new Error(`unknown index build ${build.name} (expected ${this.alias}-v<timestamp>)`);
    return build.name;
  }

  /**
   * `requireAlias`: writes to the live index must go through the alias; without it, a missing alias
   * would let Elasticsearch auto-create a concrete index of that name with guessed (dynamic) mappings.
   */
  private async bulk(operation: 'index' | 'delete', index: string, operations: BulkOperation[], refresh: estypes.Refresh, requireAlias: boolean): Promise<void> {
    const failures: BulkFailure[] = [];
    for (let i = 0; i < operations.length; i += this.bulkChunk) {
      let pending = operations.slice(i, i + this.bulkChunk);
      for (let attempt = 0; pending.length; attempt++) {
        const response = await this.client.bulk({ refresh, ...(requireAlias ? { require_alias: true } : {}), operations: pending.flatMap((op): (estypes.BulkOperationContainer | SearchDocument)[] => ('index' in op ? [{ index: op.index }, op.document] : [{ delete: op.delete }])) });
        const rejected: BulkOperation[] = [];
        response.items.forEach((item, position) => {
          const result = item.index ?? item.delete ?? item.create ?? item.update;
          if (!result?.error) return;
          const type = result.error.type;
          if (operation === 'index' && result.status === 409 && type === 'version_conflict_engine_exception') return;
          if (operation === 'delete' && result.status === 404) return;
          if (result.status === 429 && attempt < this.rejectedRetries) {
            rejected.push(pending[position]);
            return;
          }
          failures.push({ id: String(result._id), status: result.status, type, reason: result.error.reason ?? '' });
        });
        // Deletes that found nothing answer 404 without an error object: nothing to do for them either.
        pending = rejected;
        if (pending.length) await new Promise((resolve) => setTimeout(resolve, this.rejectedBackoffMs * 2 ** attempt));
      }
    }
    if (failures.length) throw new ElasticsearchBulkError(operation, index, failures, operations.length);
  }
}
