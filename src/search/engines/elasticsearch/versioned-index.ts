import { Client, errors, estypes } from '@elastic/elasticsearch';
import { Logger } from '@nestjs/common';
import { IndexBuild } from '../../search-engine.port';
import { isVersionedIndexOf, versionedIndexName } from './index-mapping';

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

/** Options every engine on a versioned alias takes. */
export interface VersionedIndexOptions {
  /** The alias searched and written; indices are `${alias}-v<timestamp>`. */
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

/** What one index layout brings: settings, strict mapping, and the version its `_meta` carries. */
export interface IndexLayout {
  settings: estypes.IndicesIndexSettings;
  mappings: estypes.MappingTypeMapping;
  mappingVersion: number;
}

/** A document to index: its `_id` and its external version (when its rows were read). */
export interface VersionedDocument<D> {
  id: string;
  version: number;
  document: D;
}

/**
 * What the engine at ELASTICSEARCH_NODE accepts of the requests this module sends, where Elasticsearch versions
 * differ (every other request is the same from 7.0 to 9.x: see README "Engine versions"). Read once from its
 * info (`GET /`); an engine that does not say is taken to accept everything, and a refusal naming the flag
 * then turns it off (refusesFlag).
 */
export interface EngineCapabilities {
  /** What the engine said it is ("7.6.2", "opensearch 2.11.0"), or null. */
  reported: string | null;
  /** `?require_alias` on _bulk: Elasticsearch 7.10. */
  requireAlias: boolean;
  /** `must_exist` in an _aliases remove action: Elasticsearch 7.11 (parsed from 7.11; OpenSearch 2.12). */
  mustExist: boolean;
  /**
   * `search.max_buckets` defaults to 10,000, counted on the shards too: before Elasticsearch 7.9 (65,535 and
   * counted at reduce from 7.9). A facet search whose facets hold more values in all fails there
   * (too_many_buckets_exception) until the cluster setting is raised: ensureIndex warns.
   */
  tenThousandBuckets: boolean;
}

const EVERY_CAPABILITY: EngineCapabilities = { reported: null, requireAlias: true, mustExist: true, tenThousandBuckets: false };

/** Pure: the capabilities of an engine from its info answer (`version.number`, `version.distribution`). */
export function capabilitiesOf(info: unknown): EngineCapabilities {
  const version = (info as { version?: { number?: unknown; distribution?: unknown } } | null | undefined)?.version;
  const number = typeof version?.number === 'string' ? version.number : null;
  const match = number ? /^(\d+)\.(\d+)/.exec(number) : null;
  if (!number || !match) return EVERY_CAPABILITY;
  const [major, minor] = [Number(match[1]), Number(match[2])];
  const atLeast = (m: number, n: number) => major > m || (major === m && minor >= n);
  if (version?.distribution === 'opensearch') {
    // OpenSearch forked Elasticsearch 7.10.2 (require_alias included); it parses must_exist from 2.12. In its
    // compatibility mode it reports 7.10.2 instead of its own version: no must_exist, to be safe.
    const ownVersion = major < 7;
    return { reported: `opensearch ${number}`, requireAlias: true, mustExist: ownVersion && (major > 2 || (major === 2 && minor >= 12)), tenThousandBuckets: false };
  }
  return { reported: number, requireAlias: atLeast(7, 10), mustExist: atLeast(7, 11), tenThousandBuckets: !atLeast(7, 9) };
}

type BulkOperation<D> = { index: estypes.BulkIndexOperation; document: D } | { delete: estypes.BulkDeleteOperation };

const statusOf = (error: unknown): number | undefined => (error instanceof errors.ResponseError ? error.statusCode : undefined);

/**
 * The index lifecycle shared by the Elasticsearch engines (case reports, publications): versioned
 * indices `${alias}-v<timestamp>` behind one alias, first index created with the alias, builds filled
 * without refreshes and swapped in with one atomic _aliases request, chunked bulk writes with external
 * versions and 429 retries. Engines own their layout, ids and search; this class owns no document shape.
 */
export class VersionedIndex<D> {
  readonly alias: string;
  private readonly bulkChunk: number;
  private readonly rejectedRetries: number;
  private readonly rejectedBackoffMs: number;
  private readonly pingTimeoutMs: number;
  /** Set once ensureIndex succeeded in this process. */
  private aliasEnsured = false;
  /** The engine's capabilities, asked once (see capabilities()). */
  private knownCapabilities: EngineCapabilities | null = null;

  constructor(
    readonly client: Client,
    private readonly layout: IndexLayout,
    options: VersionedIndexOptions,
    private readonly logger: Pick<Logger, 'log' | 'warn'>,
  ) {
    // Elasticsearch's index name rules: no leading '-', '_' or '+', at most 255 bytes (with `-v<13 digits>` appended).
    if (!/^[a-z0-9][a-z0-9_-]*$/.test(options.alias) || options.alias.length > 240) {
      throw new Error(`invalid Elasticsearch alias "${options.alias}": lower-case letters, digits, - and _ only, starting with a letter or digit, at most 240 characters`);
    }
    this.alias = options.alias;
    this.bulkChunk = options.bulkChunk ?? 500;
    this.rejectedRetries = options.rejectedRetries ?? 3;
    this.rejectedBackoffMs = options.rejectedBackoffMs ?? 250;
    this.pingTimeoutMs = options.pingTimeoutMs ?? 2_000;
  }

  /**
   * Creates the first index with the alias when the alias does not exist. Two processes starting at
   * once (app and worker) may both create one: the index with the smallest name keeps the alias, the
   * other removes itself, so the alias never points at two indices.
   */
  async ensureIndex(): Promise<void> {
    await this.createAliasUnlessPresent();
    this.aliasEnsured = true;
    // Read once here, so what an older engine lacks is logged at start (it never fails ensureIndex).
    await this.capabilities();
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

  /**
   * Bulk index in chunks, one operation per id (the newest version wins within the batch). Into the live
   * index: refresh=wait_for, so the documents are searchable when this resolves, and require_alias. Into
   * a build: no refresh (swapIndex refreshes before the alias moves). Operations rejected as overloaded
   * (429) are retried with backoff; other per-document failures throw an ElasticsearchBulkError naming
   * each id and reason after the whole batch was tried. Version conflicts are not failures: a newer load
   * of that document is already indexed.
   */
  async upsert(documents: VersionedDocument<D>[], into?: IndexBuild): Promise<void> {
    const index = into ? this.buildIndex(into) : this.alias;
    // The cluster may have been down when the application started: the first write creates the index.
    if (!into && documents.length && !this.aliasEnsured) await this.ensureIndex();
    const latest = new Map<string, VersionedDocument<D>>();
    for (const document of documents) {
      const seen = latest.get(document.id);
      if (!seen || seen.version <= document.version) latest.set(document.id, document);
    }
    const operations: BulkOperation<D>[] = [...latest.values()].map(({ id, version, document }) => ({
      index: { _index: index, _id: id, version, version_type: 'external_gte' },
      document,
    }));
    await this.bulk('index', index, operations, into ? false : 'wait_for', !into);
  }

  /** Deletes by id from the live index (ids must already be in their indexed form). */
  async delete(ids: string[]): Promise<void> {
    const unique = [...new Set(ids)];
    await this.bulk(
      'delete',
      this.alias,
      unique.map((id) => ({ delete: { _index: this.alias, _id: id } })),
      'wait_for',
      false,
    );
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
    const add = { add: { index: name, alias: this.alias } };
    const move = (mustExist: boolean) =>
      this.client.indices.updateAliases({ actions: [...previous.map((index) => ({ remove: { index, alias: this.alias, ...(mustExist ? { must_exist: true } : {}) } })), add] });
    // Engines older than Elasticsearch 7.11 do not know must_exist and refuse the whole request. They fail a remove
    // of an alias the index does not hold anyway, so without it the swap stays one request that changes all or nothing.
    const capabilities = await this.capabilities();
    try {
      await move(capabilities.mustExist);
    } catch (error) {
      if (!capabilities.mustExist || !refusesFlag(error, 'must_exist')) throw error;
      this.learned('mustExist', `the search engine does not accept must_exist in an alias action (it predates Elasticsearch 7.11): moving alias ${this.alias} without it`);
      await move(false);
    }
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
    // The count API counts top-level documents only (nested documents are not included).
    return this.read(async () => (await this.client.count({ index: this.alias })).count);
  }

  /**
   * Runs a request on the alias; when the alias does not exist (the engine was unreachable when the
   * process started and nothing was written since, so ensureIndex never succeeded), creates it and runs
   * the request again: the empty index answers, as the embedded engine's empty table does, instead of
   * HTTP 404 index_not_found_exception.
   */
  async read<T>(run: () => Promise<T>): Promise<T> {
    try {
      return await run();
    } catch (error) {
      const type = error instanceof errors.ResponseError ? (error.body as { error?: { type?: string } } | undefined)?.error?.type : undefined;
      if (this.aliasEnsured || statusOf(error) !== 404 || type !== 'index_not_found_exception') throw error;
      await this.ensureIndex();
      return run();
    }
  }

  async ping(): Promise<boolean> {
    try {
      return await this.client.ping(undefined, { requestTimeout: this.pingTimeoutMs, maxRetries: 0 });
    } catch {
      return false;
    }
  }

  /** Deletes the alias and every index of it, live or abandoned builds, by name (tests, decommissioning). */
  async deleteAllIndices(): Promise<void> {
    const indices = Object.keys(await this.client.indices.get({ index: `${this.alias}-v*`, expand_wildcards: 'all' }, { ignore: [404] }));
    const ours = indices.filter((index) => isVersionedIndexOf(this.alias, index));
    if (ours.length) await this.client.indices.delete({ index: ours.join(',') }, { ignore: [404] });
  }

  /** The indices the alias points at (none when it does not exist). */
  async liveIndices(): Promise<string[]> {
    try {
      return Object.keys(await this.client.indices.getAlias({ name: this.alias }));
    } catch (error) {
      if (statusOf(error) === 404) return [];
      throw error;
    }
  }

  /**
   * A live index built with another mapping version is reported (a reindex applies the new one). One built
   * by an older version also gets the top-level fields added since (`put mapping` takes new fields on a
   * live index): its strict mapping would otherwise refuse every document carrying them, and no write
   * would reach the index until the reindex. Changed fields or settings still need the reindex.
   */
  private async warnOnMappingDrift(live: string[]): Promise<void> {
    const mappings = await this.client.indices.getMapping({ index: live.join(',') });
    for (const [index, { mappings: mapping }] of Object.entries(mappings)) {
      const version = (mapping._meta as { mappingVersion?: unknown } | undefined)?.mappingVersion;
      if (version === this.layout.mappingVersion) continue;
      const older = version === undefined || (typeof version === 'number' && version < this.layout.mappingVersion);
      if (older) await this.addMissingFields(index, mapping.properties ?? {});
      this.logger.warn(`index ${index} has mapping version ${String(version)}, this build expects ${this.layout.mappingVersion}: run a reindex to apply it`);
    }
  }

  private async addMissingFields(index: string, present: Record<string, estypes.MappingProperty>): Promise<void> {
    const missing = Object.fromEntries(Object.entries(this.layout.mappings.properties ?? {}).filter(([name]) => !(name in present)));
    const names = Object.keys(missing).sort().join(', ');
    if (!names) return;
    try {
      await this.client.indices.putMapping({ index, properties: missing });
      this.logger.log(`added ${names} to the mapping of ${index}: documents carrying them are accepted again`);
    } catch (error) {
      this.logger.warn(`could not add ${names} to the mapping of ${index} (documents carrying them are refused until a reindex): ${(error as Error).message}`);
    }
  }

  private async createVersionedIndex(aliases?: Record<string, estypes.IndicesAlias>, settings: estypes.IndicesIndexSettings = {}): Promise<string> {
    let timestamp = Date.now();
    for (let attempt = 0; ; attempt++) {
      const name = versionedIndexName(this.alias, timestamp);
      try {
        await this.client.indices.create({ index: name, settings: { ...this.layout.settings, ...settings }, mappings: this.layout.mappings, ...(aliases ? { aliases } : {}) });
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
   * One _bulk request. `?require_alias` only where the engine knows it (Elasticsearch 7.10+): an older one
   * refuses the whole request over it (400 "contains unrecognized parameter: [require_alias]"); there the
   * live index is written through the alias all the same, ensureIndex having made it first.
   */
  private async bulkRequest(refresh: estypes.Refresh, requireAlias: boolean, pending: BulkOperation<D>[]): Promise<estypes.BulkResponse> {
    const withFlag = requireAlias && (await this.capabilities()).requireAlias;
    const send = (flag: boolean) =>
      this.client.bulk({
        refresh,
        ...(flag ? { require_alias: true } : {}),
        operations: pending.flatMap((op): (estypes.BulkOperationContainer | D)[] => ('index' in op ? [{ index: op.index }, op.document] : [{ delete: op.delete }])),
      });
    try {
      return await send(withFlag);
    } catch (error) {
      if (!withFlag || !refusesFlag(error, 'require_alias')) throw error;
      this.learned('requireAlias', `the search engine does not accept require_alias on bulk writes (it predates Elasticsearch 7.10): writing to alias ${this.alias} without it`);
      return send(false);
    }
  }

  /**
   * The engine's capabilities, from its info (`GET /`), asked once. An engine that answers the info with an
   * error (no monitor privilege) is taken to accept everything; a connection failure is asked again next time.
   */
  async capabilities(): Promise<EngineCapabilities> {
    if (this.knownCapabilities) return this.knownCapabilities;
    let capabilities: EngineCapabilities;
    try {
      capabilities = capabilitiesOf(await this.client.info());
    } catch (error) {
      if (!(error instanceof errors.ResponseError)) return EVERY_CAPABILITY;
      capabilities = EVERY_CAPABILITY;
    }
    this.knownCapabilities = capabilities;
    if (!capabilities.requireAlias || !capabilities.mustExist) {
      const missing = [!capabilities.requireAlias && 'require_alias on bulk writes (7.10)', !capabilities.mustExist && 'must_exist in alias actions (7.11)'].filter(Boolean).join(', ');
      this.logger.log(`search engine ${capabilities.reported ?? 'of unknown version'}: leaving out ${missing}`);
    }
    if (capabilities.tenThousandBuckets) {
      this.logger.warn(
        `search engine ${capabilities.reported}: search.max_buckets defaults to 10,000 before Elasticsearch 7.9; a search of ${this.alias} whose facets hold more values in all fails (too_many_buckets_exception) unless the cluster setting is raised (65,535 from 7.9)`,
      );
    }
    return capabilities;
  }

  /** An engine refused a flag its version did not give away: it is left out from now on. */
  private learned(capability: 'requireAlias' | 'mustExist', warning: string): void {
    this.knownCapabilities = { ...(this.knownCapabilities ?? EVERY_CAPABILITY), [capability]: false };
    this.logger.warn(warning);
  }

  /**
   * `requireAlias`: writes to the live index must go through the alias; without it, a missing alias
   * would let Elasticsearch auto-create a concrete index of that name with guessed (dynamic) mappings.
   */
  private async bulk(operation: 'index' | 'delete', index: string, operations: BulkOperation<D>[], refresh: estypes.Refresh, requireAlias: boolean): Promise<void> {
    const failures: BulkFailure[] = [];
    for (let i = 0; i < operations.length; i += this.bulkChunk) {
      let pending = operations.slice(i, i + this.bulkChunk);
      for (let attempt = 0; pending.length; attempt++) {
        const response = await this.bulkRequest(refresh, requireAlias, pending);
        const rejected: BulkOperation<D>[] = [];
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

/**
 * Whether a request was refused for a flag the engine predates: it answers 400 naming it ("unknown field
 * [must_exist]", "contains unrecognized parameter: [require_alias]").
 */
function refusesFlag(error: unknown, flag: string): boolean {
  if (!(error instanceof errors.ResponseError) || error.statusCode !== 400) return false;
  return JSON.stringify(error.body ?? error.message).includes(flag);
}
