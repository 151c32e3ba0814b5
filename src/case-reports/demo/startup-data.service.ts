import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '../../config/app-config';
import { UnitOfWork } from '../../database/unit-of-work';
import { CURATED_SEED_TERMS, SEED_TERMS, VocabularySeeder } from '../../vocabulary/seed/vocabulary-seeder';
import { VocabularyRepository } from '../../vocabulary/vocabulary.repository';
import { DemoCorpusLoader } from './demo-corpus.loader';

/**
 * At boot: adds missing vocabulary terms (curated, and MeSH-derived unless SEED_MESH_VOCABULARY is
 * off; a few hundred milliseconds on a new embedded database, see src/vocabulary/README.md); on a new database (no vocabulary yet) also loads the demo
 * corpus when SEED_DEMO_DATA is on. Restarts therefore keep, and never duplicate, the data.
 */
@Injectable()
export class StartupDataService implements OnApplicationBootstrap {
  private readonly logger = new Logger(StartupDataService.name);

  constructor(
    private readonly uow: UnitOfWork,
    private readonly vocabulary: VocabularyRepository,
    private readonly seeder: VocabularySeeder,
    private readonly demo: DemoCorpusLoader,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.uow.run(async (tx) => {
      const isNewDatabase = (await this.vocabulary.count(tx)) === 0;
      await this.seeder.seed(tx, this.config.SEED_MESH_VOCABULARY ? SEED_TERMS : CURATED_SEED_TERMS);
      if (isNewDatabase && this.config.SEED_DEMO_DATA) await this.demo.load(tx);
      else if (isNewDatabase) this.logger.log('SEED_DEMO_DATA is off: starting with an empty database');
    });
  }
}
