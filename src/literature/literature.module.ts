import { Module } from '@nestjs/common';
import { CaseReportsModule } from '../case-reports/case-reports.module';
import { PublicationsModule } from '../publications/publications.module';
import { CurationResolver } from './curation/curation.resolver';
import { CurationService } from './curation/curation.service';
import { ImportBatchesRepository } from './import/import-batches.repository';
import { ImportBatchesService } from './import/import-batches.service';
import { ImportController } from './import/import.controller';
import { ImportResolver } from './import/import.resolver';
import { ImportService } from './import/import.service';

/** Literature-review tooling: import (with dedupe), curation of imported publications, export, saved searches. */
@Module({
  imports: [PublicationsModule, CaseReportsModule],
  controllers: [ImportController],
  providers: [ImportBatchesRepository, ImportService, ImportBatchesService, ImportResolver, CurationService, CurationResolver],
  exports: [ImportService, ImportBatchesService],
})
export class LiteratureModule {}
