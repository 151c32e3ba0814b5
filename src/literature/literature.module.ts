import { ExtractionModule } from '../extraction/extraction.module';
import { Module } from '@nestjs/common';
import { CaseReportsModule } from '../case-reports/case-reports.module';
import { SearchModule } from '../search/search.module';
import { VocabularyModule } from '../vocabulary/vocabulary.module';
import { PublicationsModule } from '../publications/publications.module';
import { CurationResolver } from './curation/curation.resolver';
import { CurationService } from './curation/curation.service';
import { DuplicatesRepository } from './duplicates/duplicates.repository';
import { DuplicatesResolver } from './duplicates/duplicates.resolver';
import { DuplicatesService } from './duplicates/duplicates.service';
import { ExportController } from './export/export.controller';
import { ExportResolver } from './export/export.resolver';
import { ExportService } from './export/export.service';
import { ImportBatchesRepository } from './import/import-batches.repository';
import { ImportBatchesService } from './import/import-batches.service';
import { ImportController } from './import/import.controller';
import { ImportResolver } from './import/import.resolver';
import { ImportService } from './import/import.service';
import { SavedSearchesRepository } from './saved-searches/saved-searches.repository';
import { SavedSearchesResolver } from './saved-searches/saved-searches.resolver';
import { SavedSearchesService } from './saved-searches/saved-searches.service';

/** Literature-review tooling: import (with dedupe), curation of imported publications, export, saved searches. */
@Module({
  imports: [PublicationsModule, CaseReportsModule, VocabularyModule, SearchModule, ExtractionModule],
  controllers: [ImportController, ExportController],
  providers: [ImportBatchesRepository, ImportService, ImportBatchesService, ImportResolver, CurationService, CurationResolver, ExportService, ExportResolver, SavedSearchesRepository, SavedSearchesService, SavedSearchesResolver, DuplicatesRepository, DuplicatesService, DuplicatesResolver],
  exports: [ImportService, DuplicatesService, ImportBatchesService, ExportService, SavedSearchesService],
})
export class LiteratureModule {}
