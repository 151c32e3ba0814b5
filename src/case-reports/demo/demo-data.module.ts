import { Module } from '@nestjs/common';
import { PublicationsModule } from '../../publications/publications.module';
import { VocabularySeeder } from '../../vocabulary/seed/vocabulary-seeder';
import { VocabularyModule } from '../../vocabulary/vocabulary.module';
import { CaseReportsModule } from '../case-reports.module';
import { DemoCorpusLoader } from './demo-corpus.loader';
import { StartupDataService } from './startup-data.service';

@Module({ imports: [VocabularyModule, PublicationsModule, CaseReportsModule], providers: [VocabularySeeder, DemoCorpusLoader, StartupDataService] })
export class DemoDataModule {}
