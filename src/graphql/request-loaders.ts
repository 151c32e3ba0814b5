import { Injectable } from '@nestjs/common';
import DataLoader from 'dataloader';
import type { CasePage } from '../case-reports/case-page.reader';
import { CaseReportsRepository } from '../case-reports/case-reports.repository';
import { CaseComplication } from '../case-reports/entities/case-complication.entity';
import { CaseProcedure } from '../case-reports/entities/case-procedure.entity';
import { CaseReport } from '../case-reports/entities/case-report.entity';
import { CaseTreatment } from '../case-reports/entities/case-treatment.entity';
import { Publication } from '../publications/publication.entity';
import { PublicationsRepository } from '../publications/publications.repository';
import { VocabularyTerm } from '../vocabulary/vocabulary-term.entity';
import { VocabularyRepository } from '../vocabulary/vocabulary.repository';

function byId<T extends { id: string }>(ids: readonly string[], rows: T[]): (T | Error)[] {
  const found = new Map(rows.map((row) => [row.id, row]));
  return ids.map((id) => found.get(id) ?? new Error(`record ${id} disappeared while the request ran`));
}

function groupBy<T>(keys: readonly string[], rows: T[], keyOf: (row: T) => string): T[][] {
  const groups = new Map<string, T[]>(keys.map((key) => [key, []]));
  for (const row of rows) groups.get(keyOf(row))?.push(row);
  return keys.map((key) => groups.get(key) ?? []);
}

/** Batching loaders, one set per GraphQL request, so a list of N cases costs a fixed number of queries. */
export interface RequestLoaders {
  term: DataLoader<string, VocabularyTerm>;
  termChildren: DataLoader<string, VocabularyTerm[]>;
  publication: DataLoader<string, Publication>;
  caseReportsOfPublication: DataLoader<string, CaseReport[]>;
  procedures: DataLoader<string, CaseProcedure[]>;
  complications: DataLoader<string, CaseComplication[]>;
  treatments: DataLoader<string, CaseTreatment[]>;
  comorbidities: DataLoader<string, VocabularyTerm[]>;
  symptoms: DataLoader<string, VocabularyTerm[]>;
}

/** What every GraphQL resolver receives as its context (graphql-api.module.ts). */
export interface GraphqlContext {
  req: unknown;
  loaders: RequestLoaders;
}

/** Hands a page read ahead (CasePageReader) to the request's loaders, so its fields resolve without further queries. */
export function primeCasePage(loaders: RequestLoaders, page: CasePage): void {
  for (const publication of page.publications ?? []) loaders.publication.prime(publication.id, publication);
  for (const term of page.terms ?? []) loaders.term.prime(term.id, term);
  for (const [caseId, procedures] of page.facts.procedures ?? []) loaders.procedures.prime(caseId, procedures as CaseProcedure[]);
  for (const [caseId, complications] of page.facts.complications ?? []) loaders.complications.prime(caseId, complications as CaseComplication[]);
  for (const [caseId, treatments] of page.facts.treatments ?? []) loaders.treatments.prime(caseId, treatments as CaseTreatment[]);
}

@Injectable()
export class RequestLoadersFactory {
  constructor(
    private readonly terms: VocabularyRepository,
    private readonly publications: PublicationsRepository,
    private readonly caseReports: CaseReportsRepository,
  ) {}

  create(): RequestLoaders {
    const term = new DataLoader<string, VocabularyTerm>(async (ids) => byId(ids, await this.terms.findByIds(ids)));
    const termsOfLinks = async <L extends { termId: string }>(keys: readonly string[], links: L[], keyOf: (link: L) => string) => {
      const loaded = await term.loadMany([...new Set(links.map((link) => link.termId))]);
      const terms = new Map(loaded.filter((t): t is VocabularyTerm => !(t instanceof Error)).map((t) => [t.id, t]));
      return groupBy(keys, links, keyOf).map((group) => group.map((link) => terms.get(link.termId)).filter((t): t is VocabularyTerm => Boolean(t)));
    };
    return {
      term,
      termChildren: new DataLoader(async (ids) => groupBy(ids, await this.terms.findChildren(ids), (t) => t.parentId as string)),
      publication: new DataLoader(async (ids) => byId(ids, await this.publications.findByIds(ids))),
      caseReportsOfPublication: new DataLoader(async (ids) => groupBy(ids, await this.caseReports.findByPublicationIds(ids), (c) => c.publicationId)),
      procedures: new DataLoader(async (ids) => groupBy(ids, await this.caseReports.proceduresOf(ids), (p) => p.caseReportId)),
      complications: new DataLoader(async (ids) => groupBy(ids, await this.caseReports.complicationsOf(ids), (c) => c.caseReportId)),
      treatments: new DataLoader(async (ids) => groupBy(ids, await this.caseReports.treatmentsOf(ids), (t) => t.caseReportId)),
      comorbidities: new DataLoader(async (ids) => termsOfLinks(ids, await this.caseReports.comorbidityTermIdsOf(ids), (l) => l.caseReportId)),
      symptoms: new DataLoader(async (ids) => termsOfLinks(ids, await this.caseReports.symptomTermIdsOf(ids), (l) => l.complicationId)),
    };
  }
}
