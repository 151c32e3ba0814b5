/**
 * PLACEHOLDER written on the es-publications branch so that elasticsearch-publication.contract.spec.ts
 * typechecks: the lead's shared publication contract suite (same file name and signature) replaces it
 * at merge. It only smoke-tests an engine: index the Elasticsearch fixture, count, search, delete.
 */
import { FIXTURE_PUBLICATIONS } from './elasticsearch-publication.fixture';
import { PublicationSearchEngine } from '../../src/search/publications/publication-search-engine.port';
import { PublicationFacetName, PublicationSearchSort } from '../../src/search/publications/publication-search-query';

export function describePublicationSearchContract(name: string, open: () => Promise<{ engine: PublicationSearchEngine; close(): Promise<void> }>): void {
  describe(`publication search contract (placeholder smoke test): ${name}`, () => {
    let handle: { engine: PublicationSearchEngine; close(): Promise<void> };
    const docs = FIXTURE_PUBLICATIONS();

    beforeAll(async () => {
      handle = await open();
      await handle.engine.ensureIndex();
      await handle.engine.upsert(docs);
    });
    afterAll(async () => {
      await handle?.close();
    });

    it('indexes, counts, searches and deletes publications', async () => {
      const { engine } = handle;
      expect(await engine.count()).toBe(docs.length);
      const result = await engine.search({ text: null, filters: {}, facets: [{ facet: PublicationFacetName.CASE_STATUS, includeZero: false }], sort: PublicationSearchSort.YEAR_DESC, page: { first: 100, after: null }, highlight: false });
      expect(result.totalPublications).toBe(docs.length);
      expect(result.hits).toHaveLength(docs.length);
      await engine.delete([docs[0].publicationId]);
      expect(await engine.count()).toBe(docs.length - 1);
    });
  });
}
