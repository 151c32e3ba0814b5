import { Module } from '@nestjs/common';
import { PublicationsModule } from '../publications/publications.module';
import { VocabularyModule } from '../vocabulary/vocabulary.module';
import { CasePageReader } from './case-page.reader';
import { CaseReportsRepository } from './case-reports.repository';
import { CaseComplicationResolver, CaseProcedureResolver, CaseReportsResolver, CaseTreatmentResolver } from './case-reports.resolver';
import { CaseReportsService } from './case-reports.service';

@Module({
  imports: [PublicationsModule, VocabularyModule],
  providers: [CaseReportsRepository, CasePageReader, CaseReportsService, CaseReportsResolver, CaseProcedureResolver, CaseComplicationResolver, CaseTreatmentResolver],
  exports: [CaseReportsRepository, CasePageReader, CaseReportsService],
})
export class CaseReportsModule {}
