import { Module } from '@nestjs/common';
import { CaseReportsModule } from '../../case-reports/case-reports.module';
import { PublicationsModule } from '../../publications/publications.module';
import { VocabularyModule } from '../../vocabulary/vocabulary.module';
import { CaseCurationResolver } from './case-curation.resolver';
import { CaseCurationService } from './case-curation.service';
import { CaseHistoryRepository } from './case-history.repository';

/** Curators' changes of case reports, their optimistic versions, and the change history with undo. */
@Module({
  imports: [CaseReportsModule, PublicationsModule, VocabularyModule],
  providers: [CaseHistoryRepository, CaseCurationService, CaseCurationResolver],
  exports: [CaseCurationService],
})
export class CaseHistoryModule {}
