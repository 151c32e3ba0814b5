import { Module } from '@nestjs/common';
import { CaseReportsModule } from '../case-reports/case-reports.module';
import { PublicationsModule } from '../publications/publications.module';
import { APP_CONFIG, AppConfig, extractionThreadsOf } from '../config/app-config';
import { CASE_EXTRACTOR } from './case-extractor';
import { ExtractionThreads } from './extraction-threads';
import { ExtractionSourceRepository } from './extraction-source.repository';
import { ExtractionResolver } from './extraction.resolver';
import { ExtractionService } from './extraction.service';
import { RuleBasedCaseExtractor } from './rule-based-case-extractor';

/** Proposes case reports from publications (pure rules in this folder; storage through case-reports). */
@Module({
  imports: [PublicationsModule, CaseReportsModule],
  providers: [
    { provide: CASE_EXTRACTOR, useClass: RuleBasedCaseExtractor },
    { provide: ExtractionThreads, useFactory: (config: AppConfig) => new ExtractionThreads({ threads: extractionThreadsOf(config) }), inject: [APP_CONFIG] },
    ExtractionSourceRepository,
    ExtractionService,
    ExtractionResolver,
  ],
  exports: [ExtractionService],
})
export class ExtractionModule {}
