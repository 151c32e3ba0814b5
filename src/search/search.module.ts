import { Inject, Logger, Module, OnApplicationBootstrap } from '@nestjs/common';
import { CaseReportsModule } from '../case-reports/case-reports.module';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { PublicationsModule } from '../publications/publications.module';
import { VocabularyModule } from '../vocabulary/vocabulary.module';
import { ElasticsearchSearchEngine } from './engines/elasticsearch/elasticsearch.engine';
import { PostgresSearchEngine } from './engines/postgres/postgres-search.engine';
import { selectSearchEngine } from './engines/select-search-engine';
import { IndexerLeaseRepository } from './indexing/indexer-lease.repository';
import { OutboxDrainer } from './indexing/outbox-drainer';
import { ReindexService } from './indexing/reindex.service';
import { SearchIndexer } from './indexing/search-indexer';
import { SearchSourceRepository } from './indexing/search-source.repository';
import { TermCatalog } from './indexing/term-catalog';
import { PostgresPublicationSearchEngine } from './engines/postgres/publication-search.engine';
import { ElasticsearchPublicationSearchEngine } from './engines/elasticsearch/publication-search.engine';
import { PublicationSearchEngine } from './publications/publication-search-engine.port';
import { PUBLICATION_SEARCH_ENGINE } from './publications/publication-search-engine.port';
import { PublicationSearchResolver } from './publications/publication-search.resolver';
import { PublicationSearchService } from './publications/publication-search.service';
import { SEARCH_ENGINE, SearchEngine } from './search-engine.port';
import { DataSource } from 'typeorm';
import { SearchResolver } from './search.resolver';
import { NoResultsHelpService } from './understanding/no-results-help.service';
import { SearchUnderstandingService } from './understanding/search-understanding.service';
import { SearchService } from './search.service';
import { MatchingDocuments } from './matching-documents';

/**
 * Makes sure the index exists, then starts draining the outbox (in the app and in `npm run worker`).
 * An unreachable engine does not stop the service: writes keep landing in the outbox, and the
 * drainer (which creates a missing index on its first write) catches up when the engine is back.
 */
export class SearchIndexingStarter implements OnApplicationBootstrap {
  private readonly logger = new Logger('SearchIndexing');

  constructor(
    @Inject(SEARCH_ENGINE) private readonly engine: SearchEngine,
    private readonly drainer: OutboxDrainer,
    private readonly publicationEngine?: PublicationSearchEngine,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    // Each index on its own: one that cannot be ensured does not leave the other missing.
    for (const [what, engine] of [['case', this.engine], ['publication', this.publicationEngine]] as const) {
      if (!engine) continue;
      try {
        await engine.ensureIndex();
      } catch (error) {
        this.logger.warn(`the ${engine.name} search engine is not reachable (${(error as Error).message}) for the ${what} index; starting anyway: writes are kept in the outbox and indexed when it answers. Searches fail until then; /health shows the state.`);
      }
    }
    this.drainer.start();
  }
}

/** Case-report search: the engine behind SEARCH_ENGINE, indexing from the outbox, the GraphQL API. */
@Module({
  imports: [VocabularyModule, PublicationsModule, CaseReportsModule],
  providers: [
    PostgresSearchEngine,
    { provide: SEARCH_ENGINE, inject: [APP_CONFIG, PostgresSearchEngine], useFactory: (config: AppConfig, postgres: PostgresSearchEngine) => selectSearchEngine(config, postgres, () => ElasticsearchSearchEngine.fromConfig(config)) },
    {
      provide: PUBLICATION_SEARCH_ENGINE,
      inject: [APP_CONFIG, DataSource],
      useFactory: (config: AppConfig, dataSource: DataSource) => (config.ELASTICSEARCH_NODE ? ElasticsearchPublicationSearchEngine.fromConfig(config) : new PostgresPublicationSearchEngine(dataSource)),
    },
    PublicationSearchService,
    PublicationSearchResolver,
    SearchUnderstandingService,
    NoResultsHelpService,
    SearchSourceRepository,
    TermCatalog,
    SearchIndexer,
    IndexerLeaseRepository,
    OutboxDrainer,
    ReindexService,
    SearchService,
    MatchingDocuments,
    SearchResolver,
    {
      provide: SearchIndexingStarter,
      inject: [SEARCH_ENGINE, OutboxDrainer, PUBLICATION_SEARCH_ENGINE],
      useFactory: (engine: SearchEngine, drainer: OutboxDrainer, publications: PublicationSearchEngine) => new SearchIndexingStarter(engine, drainer, publications),
    },
  ],
  exports: [SEARCH_ENGINE, PUBLICATION_SEARCH_ENGINE, PublicationSearchService, SearchService, MatchingDocuments, TermCatalog, OutboxDrainer, ReindexService],
})
export class SearchModule {}
