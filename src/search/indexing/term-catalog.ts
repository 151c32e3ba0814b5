import { Injectable } from '@nestjs/common';
import { TermIndex } from './search-document';
import { SearchSourceRepository } from './search-source.repository';

/** How long a loaded vocabulary is reused when no vocabulary change was indexed by this process. */
const MAX_AGE_MS = 30_000;

/** The vocabulary as a TermIndex, cached briefly; the indexer drops it when it sees a term change. */
@Injectable()
export class TermCatalog {
  private cached: { index: TermIndex; at: number } | null = null;
  private loading: Promise<TermIndex> | null = null;

  constructor(private readonly source: SearchSourceRepository) {}

  async get(): Promise<TermIndex> {
    if (this.cached && Date.now() - this.cached.at < MAX_AGE_MS) return this.cached.index;
    this.loading ??= this.source
      .terms()
      .then((terms) => {
        const index = new TermIndex(terms);
        this.cached = { index, at: Date.now() };
        return index;
      })
      .finally(() => {
        this.loading = null;
      });
    return this.loading;
  }

  invalidate(): void {
    this.cached = null;
  }
}
