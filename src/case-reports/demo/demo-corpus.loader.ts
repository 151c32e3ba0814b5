import { Injectable, Logger } from '@nestjs/common';
import { Tx } from '../../database/unit-of-work';
import { validateCreatePublication } from '../../publications/publication-validation';
import { PublicationsService } from '../../publications/publications.service';
import { Anticoagulation, Outcome, PregnancyStatus, Sex } from '../case-report.enums';
import { validateCreateCaseReport } from '../case-report-validation';
import { CaseReportsService } from '../case-reports.service';
import demoCorpus from './demo-corpus.json';

interface DemoCase {
  key: string;
  publication: string;
  label: string;
  summary: string | null;
  ageYears: number | null;
  sex: string;
  pregnancyStatus: string;
  anticoagulation: string;
  comorbidities: string[];
  procedures: { term: string; details: string | null; bloodVolumeMl: number | null; vertebralLevel: string | null; attemptNumber: number | null; imageGuidance: string | null; needleGauge: number | null }[];
  complications: { term: string; causedByProcedure: number | null; onsetHours: number | null; diagnosis: string | null; details: string | null; symptoms: string[] }[];
  treatments: { term: string; details: string | null }[];
  outcome: string;
  outcomeDetails: string | null;
  timeToResolutionDays: number | null;
  followUpDays: number | null;
}

export interface DemoCorpus {
  publications: ({ key: string } & Record<string, unknown>)[];
  caseReports: DemoCase[];
}

/** Loads the demo corpus through the same validation and services as the API, in one transaction. */
@Injectable()
export class DemoCorpusLoader {
  private readonly logger = new Logger(DemoCorpusLoader.name);

  constructor(
    private readonly publications: PublicationsService,
    private readonly caseReports: CaseReportsService,
  ) {}

  async load(tx: Tx, corpus: DemoCorpus = demoCorpus as unknown as DemoCorpus): Promise<{ publications: number; caseReports: number }> {
    const publicationIds = new Map<string, string>();
    for (const [index, { key, ...fields }] of corpus.publications.entries()) {
      const saved = await this.publications.insert(tx, validateCreatePublication(fields as never, `demo.publications.${index}`), `demo.publications.${index}`);
      publicationIds.set(key, saved.id);
    }
    for (const [index, demo] of corpus.caseReports.entries()) {
      const path = `demo.caseReports.${index}(${demo.key})`;
      const publicationId = publicationIds.get(demo.publication);
      if (!publicationId) throw new Error(`${path}: unknown publication "${demo.publication}"`);
      const valid = validateCreateCaseReport(
        {
          publicationId,
          label: demo.label,
          summary: demo.summary,
          ageYears: demo.ageYears,
          sex: demo.sex as Sex,
          pregnancyStatus: demo.pregnancyStatus as PregnancyStatus,
          anticoagulation: demo.anticoagulation as Anticoagulation,
          comorbidities: demo.comorbidities,
          procedures: demo.procedures,
          complications: demo.complications.map(({ causedByProcedure, ...complication }) => ({ ...complication, procedureIndex: causedByProcedure })),
          treatments: demo.treatments.map((treatment) => ({ ...treatment, complicationIndex: demo.complications.length ? 0 : null })),
          outcome: demo.outcome as Outcome,
          outcomeDetails: demo.outcomeDetails,
          timeToResolutionDays: demo.timeToResolutionDays,
          followUpDays: demo.followUpDays,
        },
        path,
      );
      await this.caseReports.insert(tx, valid, path);
    }
    this.logger.log(`loaded the demo corpus: ${corpus.publications.length} publications, ${corpus.caseReports.length} case reports`);
    return { publications: corpus.publications.length, caseReports: corpus.caseReports.length };
  }
}
