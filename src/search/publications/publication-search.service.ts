import { Inject, Injectable } from '@nestjs/common';
import { databaseUnavailableError, isDatabaseUnavailable } from '../../common/errors/database-unavailable';
import { BadUserInputError, DomainError, FieldError } from '../../common/errors/domain-error';
import { APP_CONFIG, AppConfig } from '../../config/app-config';
import { Publication } from '../../publications/publication.entity';
import { PublicationsRepository } from '../../publications/publications.repository';
import { MeshTree } from '../../vocabulary/mesh/mesh-tree';
import { SearchSourceRepository } from '../indexing/search-source.repository';
import { assemblePublicationFacets } from './publication-facet-assembler';
import { PUBLICATION_SEARCH_ENGINE, PublicationSearchEngine } from './publication-search-engine.port';
import { encodePublicationCursor, validatePublicationSearchInput } from './publication-search-input.validator';
import { PublicationSearchQuery } from './publication-search-query';
import { EnginePublicationSearchResult } from './publication-search-result';
import { PublicationSearchResult } from './publication-search-result.model';
import { SearchPublicationsInput } from './search-publications.input';

/** Publication search: validate, resolve MeSH names, ask the engine, shape the answer. */
@Injectable()
export class PublicationSearchService {
  constructor(
    @Inject(PUBLICATION_SEARCH_ENGINE) private readonly engine: PublicationSearchEngine,
    private readonly publications: PublicationsRepository,
    private readonly source: SearchSourceRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * The validated query (MeSH descriptor names resolved to UIs); `maxPageSize` lets exports page wider. Reviews and
   * import batches are names the service gave out: one that does not exist (a misspelt review) is an input error,
   * named with every other one, not a search that quietly finds nothing.
   */
  async toQuery(input: SearchPublicationsInput, path = 'input', maxPageSize = this.config.MAX_PAGE_SIZE): Promise<PublicationSearchQuery> {
    const query = validatePublicationSearchInput(input, maxPageSize, path);
    const errors: FieldError[] = [];
    const mesh = query.filters.meshDescriptors;
    if (mesh?.length) {
      const tree = MeshTree.bundled();
      query.filters.meshDescriptors = mesh.map((ref, index) => {
        const ui = /^D\d{6,9}$/.test(ref) ? (tree.get(ref) ? ref : null) : tree.uiOfLabel(ref);
        if (!ui) errors.push({ path: `${path}.filters.meshDescriptors.${index}`, message: `no MeSH descriptor with UI or name "${ref}"` });
        return ui ?? ref;
      });
    }
    const reviews = (query.filters.reviews ?? []).filter((name) => name !== 'NONE');
    const batches = (query.filters.importBatches ?? []).filter((id) => id !== 'NONE');
    const [unknownReviews, unknownBatches] = await Promise.all([this.source.unknownReviews(reviews), this.source.unknownImportBatches(batches.map((id) => id.toLowerCase()))]);
    query.filters.reviews?.forEach((name, index) => {
      if (unknownReviews.includes(name)) errors.push({ path: `${path}.filters.reviews.${index}`, message: `no review "${name}": none was given at an import or saved under that name` });
    });
    query.filters.importBatches?.forEach((id, index) => {
      if (unknownBatches.includes(id.toLowerCase())) errors.push({ path: `${path}.filters.importBatches.${index}`, message: `no import batch with id ${id}` });
    });
    if (errors.length) throw new BadUserInputError(errors);
    return query;
  }

  async search(input: SearchPublicationsInput): Promise<PublicationSearchResult> {
    const query = await this.toQuery(input);
    return this.shape(query, await this.run(query));
  }

  /** Every matching publication id, page by page, in the search's order (exports). */
  async *matchingIds(query: PublicationSearchQuery, pageSize = 1000): AsyncGenerator<string[]> {
    let after = query.page.after;
    for (;;) {
      const result = await this.run({ ...query, facets: [], highlight: false, page: { first: pageSize, after } });
      if (result.hits.length) yield result.hits.map((hit) => hit.publicationId);
      const last = result.hits[result.hits.length - 1];
      if (!result.hasNextPage || !last) return;
      after = { sort: query.sort, values: last.sortValues, publicationId: last.publicationId };
    }
  }

  async count(query: PublicationSearchQuery): Promise<number> {
    return (await this.run({ ...query, facets: [], highlight: false, page: { first: 0, after: null } })).totalPublications;
  }

  private async run(query: PublicationSearchQuery): Promise<EnginePublicationSearchResult> {
    try {
      return await this.engine.search(query);
    } catch (error) {
      if (error instanceof DomainError) throw error;
      // The embedded engine lives in the database: its outage is the database's, and says so.
      if (this.engine.name === 'postgres' && isDatabaseUnavailable(error)) throw databaseUnavailableError();
      if (await this.engine.ping().catch(() => false)) throw error;
      throw new DomainError('SERVICE_UNAVAILABLE', `The search engine (${this.engine.name}) is not reachable right now; try the search again later.`, { retryable: true });
    }
  }

  private async shape(query: PublicationSearchQuery, result: EnginePublicationSearchResult): Promise<PublicationSearchResult> {
    const publications = await this.publications.findByIds(result.hits.map((hit) => hit.publicationId));
    const byId = new Map<string, Publication>(publications.map((p) => [p.id, p]));
    const hits = result.hits.filter((hit) => byId.has(hit.publicationId));
    const cursorOf = (hit: (typeof result.hits)[number]) => encodePublicationCursor({ sort: query.sort, values: hit.sortValues, publicationId: hit.publicationId }, query.text);
    const last = result.hits[result.hits.length - 1];
    const batchIds = result.facets.flatMap((facet) => (facet.facet === 'IMPORT_BATCH' ? facet.buckets.map((bucket) => bucket.value) : []));
    const batches = await this.source.importBatchLabels(batchIds);
    const tree = MeshTree.bundled();
    return {
      totalPublications: result.totalPublications,
      hits: {
        edges: hits.map((hit) => ({ cursor: cursorOf(hit), node: { score: hit.score, publication: byId.get(hit.publicationId) as Publication, highlights: hit.highlights } })),
        pageInfo: { hasNextPage: result.hasNextPage, endCursor: last ? cursorOf(last) : null },
      },
      facets: assemblePublicationFacets(query.facets, result.facets, query.filters, {
        meshLabel: (ui) => tree.labelOf(ui),
        meshParents: (ui) => tree.parentsOf(ui),
        batchLabel: (id) => batches.get(id) ?? null,
      }),
    };
  }
}
