import { Inject, Injectable } from '@nestjs/common';
import { MeshTree } from '../../vocabulary/mesh/mesh-tree';
import { buildPublicationSearchDocument } from '../publications/publication-search-document';
import { PUBLICATION_SEARCH_ENGINE, PublicationSearchEngine } from '../publications/publication-search-engine.port';
import { IndexBuild, SEARCH_ENGINE, SearchEngine } from '../search-engine.port';
import { OutboxEntry } from './outbox.repository';
import { buildSearchDocument } from './search-document';
import { SearchSourceRepository } from './search-source.repository';
import { TermCatalog } from './term-catalog';

/** Cases loaded and sent to the engine per round trip. */
export const INDEX_CHUNK = 500;

/**
 * Turns changed rows into index writes, idempotently: whatever the outbox says, the current rows are
 * read again and the documents rebuilt; a case that is gone is deleted from the index.
 */
@Injectable()
export class SearchIndexer {
  constructor(
    @Inject(SEARCH_ENGINE) private readonly engine: SearchEngine,
    @Inject(PUBLICATION_SEARCH_ENGINE) private readonly publicationEngine: PublicationSearchEngine,
    private readonly source: SearchSourceRepository,
    private readonly catalog: TermCatalog,
  ) {}

  /** (Re)indexes these cases; those that no longer exist are deleted (from the live index). */
  async indexCases(caseIds: readonly string[], into?: IndexBuild): Promise<number> {
    const unique = [...new Set(caseIds)];
    let indexed = 0;
    for (let i = 0; i < unique.length; i += INDEX_CHUNK) {
      const chunk = unique.slice(i, i + INDEX_CHUNK);
      const terms = await this.catalog.get();
      const loadedAt = new Date();
      const sources = await this.source.sources(chunk);
      if (sources.length) await this.engine.upsert(sources.map((source) => buildSearchDocument(source, terms, loadedAt)), into);
      const found = new Set(sources.map((source) => source.caseReport.id));
      const gone = chunk.filter((id) => !found.has(id));
      if (gone.length && !into) await this.engine.delete(gone);
      indexed += sources.length;
    }
    return indexed;
  }

  /** (Re)indexes these publications' documents; those that no longer exist are deleted (from the live index). */
  async indexPublications(publicationIds: readonly string[], into?: IndexBuild): Promise<number> {
    const unique = [...new Set(publicationIds)];
    const mesh = MeshTree.bundled();
    let indexed = 0;
    for (let i = 0; i < unique.length; i += INDEX_CHUNK) {
      const chunk = unique.slice(i, i + INDEX_CHUNK);
      const loadedAt = new Date();
      const sources = await this.source.publicationSources(chunk);
      if (sources.length) await this.publicationEngine.upsert(sources.map((source) => buildPublicationSearchDocument(source, mesh, loadedAt)), into);
      const found = new Set(sources.map((source) => source.publication.id));
      const gone = chunk.filter((id) => !found.has(id));
      if (gone.length && !into) await this.publicationEngine.delete(gone);
      indexed += sources.length;
    }
    return indexed;
  }

  /**
   * Applies outbox entries: a case is reindexed; a publication reindexes its cases (and drops index
   * entries of cases it no longer has); a vocabulary term reindexes every case using it or a narrower term.
   */
  async apply(entries: readonly OutboxEntry[]): Promise<number> {
    const caseIds = new Set<string>();
    const publicationIds = new Set<string>();
    const termIds = new Set<string>();
    for (const entry of entries) {
      if (entry.entityType === 'case_report') caseIds.add(entry.entityId);
      else if (entry.entityType === 'publication') publicationIds.add(entry.entityId);
      else if (entry.entityType === 'vocabulary_term') termIds.add(entry.entityId);
    }
    // A publication's document shows whether it has (curated) cases: it follows its cases' writes too.
    const publicationsToIndex = new Set([...publicationIds, ...(await this.source.publicationIdsOfCases([...caseIds]))]);
    const casesOfPublications = await this.source.caseIdsOfPublications([...publicationIds]);
    casesOfPublications.forEach((id) => caseIds.add(id));
    if (termIds.size) {
      this.catalog.invalidate();
      const terms = await this.catalog.get();
      (await this.source.caseIdsUsingTerms(terms.descendantsOf([...termIds]))).forEach((id) => caseIds.add(id));
    }
    const indexed = await this.indexCases([...caseIds]);
    if (publicationIds.size) await this.engine.deleteByPublications([...publicationIds], casesOfPublications);
    await this.indexPublications([...publicationsToIndex]);
    return indexed;
  }
}
