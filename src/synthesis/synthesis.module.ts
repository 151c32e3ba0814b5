import { Module } from '@nestjs/common';
import { LiteratureModule } from '../literature/literature.module';
import { SearchModule } from '../search/search.module';
import { CaseTableController } from './case-table/case-table.controller';
import { CaseTableService } from './case-table/case-table.service';
import { CrossTabService } from './cross-tab/cross-tab.service';
import { NumericDownloadController } from './numeric/numeric-download.controller';
import { NumericSummaryService } from './numeric/numeric-summary.service';
import { CaseSummaryService } from './summary/case-summary.service';
import { SummaryDownloadController } from './summary/summary-download.controller';
import { FacetCounter } from './summary/facet-counter';
import { SynthesisResolver } from './synthesis.resolver';

/** Evidence synthesis over the case search (both engines, through SearchService): summaries, cross-tabs, numbers, the case table. */
@Module({
  imports: [SearchModule, LiteratureModule],
  controllers: [CaseTableController, SummaryDownloadController, NumericDownloadController],
  providers: [FacetCounter, CaseSummaryService, CrossTabService, NumericSummaryService, CaseTableService, SynthesisResolver],
})
export class SynthesisModule {}
