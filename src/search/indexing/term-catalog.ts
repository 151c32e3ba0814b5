import { Injectable, Logger } from '@nestjs/common';
import { TermIndex } from './search-document';
import { SearchSourceRepository } from './search-source.repository';

/** How long a loaded vocabulary is used before it is reloaded (when no vocabulary change was indexed by this process). */
const MAX_AGE_MS = 30_000;

/**
 * The vocabulary as a TermIndex, cached briefly; the indexer drops it when it sees a term change.
 * When the cached index is merely old, it is still returned while a fresh one loads in the background:
 * with the MeSH terms the vocabulary is ~7,400 rows, and a search should not wait for them every
 * 30 seconds. After `invalidate` (a term changed), callers wait for the fresh load.
 */
@Injectable()
export class TermCatalog {
  private readonly logger = new Logger(TermCatalog.name);
  private cached: { index: TermIndex; at: number } | null = null;
  private loading: Promise<TermIndex> | null = null;

  constructor(private readonly source: SearchSourceRepository) {}

  async get(): Promise<TermIndex> {
    if (this.cached && Date.now() - this.cached.at < MAX_AGE_MS) return this.cached.index;
    if (this.cached) {
      const stale = this.cached.index;
      this.load().catch((error: Error) => this.logger.warn(`vocabulary reload failed, the previous one is kept: ${error.message}`));
      return stale;
    }
    return this.load();
  }

  invalidate(): void {
    this.cached = null;
    // A load already under way may have read the rows before the change: the next get() loads again.
    this.loading = null;
  }

  private load(): Promise<TermIndex> {
    if (this.loading) return this.loading;
    const loading = this.source
      .terms()
      .then((terms) => {
        const index = new TermIndex(terms);
        if (this.loading === loading) this.cached = { index, at: Date.now() };
        return index;
      })
      .finally(() => {
        if (this.loading === loading) this.loading = null;
      });
    this.loading = loading;
    return loading;
  }
}
