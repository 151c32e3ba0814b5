import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { BadUserInputError, FieldError, NotFoundError } from '../common/errors/domain-error';
import { Connection, encodeCursor, resolvePageSize } from '../common/pagination/connection';
import { Tx, UnitOfWork } from '../database/unit-of-work';
import { PublicationsRepository } from '../publications/publications.repository';
import { OutboxRepository } from '../search/indexing/outbox.repository';
import { TermKind } from '../vocabulary/term-kind.enum';
import { VocabularyRepository } from '../vocabulary/vocabulary.repository';
import { ageGroupOf } from './case-report.enums';
import { ValidCaseReport } from './case-report-validation';
import { CaseFacts, CaseReportRow, CaseReportsRepository } from './case-reports.repository';
import { CaseReport } from './entities/case-report.entity';
import { CaseFactRecord } from './entities/case-fact-record';
import { CurationStatus } from './curation.enums';

/** What a case proposed by extraction carries beyond its facts. */
export interface SuggestionMeta {
  facts: CaseFactRecord[];
  extractionRulesVersion: string;
  /** Term references (keys) already resolved by the caller, so a large import does not look each one up. */
  termIdOf?: (kind: TermKind, ref: string) => string | undefined;
}

/** Who stands behind a case and its fact records, as written with its content. */
export interface CaseState {
  curationStatus: CurationStatus;
  facts: CaseFactRecord[];
  extractionRulesVersion?: string | null;
}

interface TermReference {
  kind: TermKind;
  ref: string;
  path: string;
}

@Injectable()
export class CaseReportsService {
  constructor(
    private readonly caseReports: CaseReportsRepository,
    private readonly publications: PublicationsRepository,
    private readonly vocabulary: VocabularyRepository,
    private readonly outbox: OutboxRepository,
    private readonly uow: UnitOfWork,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async get(id: string): Promise<CaseReport> {
    const [caseReport] = await this.caseReports.findByIds([id]);
    if (!caseReport) throw new NotFoundError('Case report', id);
    return caseReport;
  }

  async list(first: number | null | undefined, after: string | null | undefined): Promise<Connection<CaseReport>> {
    const size = resolvePageSize(first, this.config.MAX_PAGE_SIZE);
    const page = await this.caseReports.page(size, after);
    const cursorOf = (node: CaseReport) => encodeCursor({ createdAt: node.createdAt.toISOString(), id: node.id });
    return {
      edges: page.rows.map((node) => ({ node, cursor: cursorOf(node) })),
      pageInfo: { hasNextPage: page.hasNextPage, endCursor: page.rows.length ? cursorOf(page.rows[page.rows.length - 1]) : null },
      totalCount: page.totalCount,
    };
  }

  /**
   * Inserts inside the caller's transaction (the demo loader, curation of imports, extraction, curators'
   * new patients and splits). `state` sets the curation status and facts of a case made from another.
   */
  async insert(tx: Tx, valid: ValidCaseReport, path = 'input', suggestion?: SuggestionMeta, state?: CaseState): Promise<CaseReport> {
    // Held until the transaction ends: a publication deleted meanwhile is named here, not a foreign-key failure (INTERNAL_SERVER_ERROR) at the insert.
    const publication = suggestion ? true : await this.publications.holdExisting(tx, valid.publicationId);
    const facts = await this.resolveFacts(tx, valid, path, publication ? [] : [{ path: `${path}.publicationId`, message: `publication ${valid.publicationId} does not exist` }], suggestion?.termIdOf);
    const row = suggestion ? { ...this.rowOf(valid), curationStatus: CurationStatus.SUGGESTED, facts: suggestion.facts, extractionRulesVersion: suggestion.extractionRulesVersion } : { ...this.rowOf(valid), ...state };
    const saved = await this.caseReports.insert(tx, row, facts);
    await this.outbox.record(tx, 'case_report', [saved.id]);
    if (state && state.curationStatus !== CurationStatus.REJECTED) await this.outbox.record(tx, 'publication', [valid.publicationId]);
    return saved;
  }

  /**
   * Checks the term references of several cases before any is written (createCaseReports): every unknown term of every
   * case is reported in one error, where inserting them in turn would name only the first case's.
   */
  async checkTerms(tx: Tx, cases: { valid: ValidCaseReport; path: string }[]): Promise<void> {
    const errors: FieldError[] = [];
    for (const { valid, path } of cases) {
      try {
        await this.resolveFacts(tx, valid, path, []);
      } catch (error) {
        if (!(error instanceof BadUserInputError)) throw error;
        errors.push(...error.fieldErrors);
      }
    }
    if (errors.length) throw new BadUserInputError(errors);
  }

  /**
   * Stores proposed cases in bulk (extraction on import). Every case is validated already; term
   * references resolve from the caller's vocabulary first, and the rest in one query per kind.
   */
  async insertSuggestedMany(tx: Tx, proposals: { valid: ValidCaseReport; suggestion: SuggestionMeta }[]): Promise<string[]> {
    const items: { row: CaseReportRow; facts: CaseFacts }[] = [];
    for (const [index, { valid, suggestion }] of proposals.entries()) {
      const facts = await this.resolveFacts(tx, valid, `proposals.${index}`, [], suggestion.termIdOf);
      items.push({ row: { ...this.rowOf(valid), curationStatus: CurationStatus.SUGGESTED, facts: suggestion.facts, extractionRulesVersion: suggestion.extractionRulesVersion }, facts });
    }
    const ids = await this.caseReports.insertMany(tx, items);
    await this.outbox.record(tx, 'case_report', ids);
    return ids;
  }

  /** Removes suggested cases a re-run replaces (extraction; the caller checked they are untouched). */
  async deleteSuggested(tx: Tx, ids: readonly string[]): Promise<void> {
    await this.caseReports.deleteMany(tx, ids);
    await this.outbox.record(tx, 'case_report', [...ids]);
  }

  /** The case, locked until the transaction ends, and its content as a create input (terms by id). */
  async loadForWrite(tx: Tx, id: string): Promise<{ row: CaseReport; valid: ValidCaseReport }> {
    const row = await this.caseReports.lockForWrite(tx, id);
    if (!row) throw new NotFoundError('Case report', id);
    return { row, valid: await this.asValidInput(tx, id) };
  }

  /** The stored content of a case (terms by id), read inside the caller's transaction. */
  validOf(tx: Tx, id: string): Promise<ValidCaseReport> {
    return this.asValidInput(tx, id);
  }

  /**
   * Writes a whole validated case over the stored one (its linked facts are replaced together), makes a
   * new version, and tells the index: the case, and its publication when what the publication's document
   * counts (curation status, publication) changed. `path` prefixes errors on unknown terms.
   */
  async write(tx: Tx, id: string, valid: ValidCaseReport, state: CaseState, path = 'input'): Promise<CaseReport> {
    const [existing] = await this.caseReports.findByIds([id], tx);
    if (!existing) throw new NotFoundError('Case report', id);
    const publicationMissing = valid.publicationId !== existing.publicationId && !(await this.publications.holdExisting(tx, valid.publicationId));
    const facts = await this.resolveFacts(tx, valid, path, publicationMissing ? [{ path: `${path}.publicationId`, message: `publication ${valid.publicationId} does not exist` }] : []);
    await this.caseReports.update(tx, id, { ...this.rowOf(valid), curationStatus: state.curationStatus, facts: state.facts, extractionRulesVersion: state.extractionRulesVersion ?? existing.extractionRulesVersion }, facts);
    await this.caseReports.bumpVersion(tx, id);
    await this.outbox.record(tx, 'case_report', [id]);
    if (existing.curationStatus !== state.curationStatus || valid.publicationId !== existing.publicationId) await this.outbox.record(tx, 'publication', [valid.publicationId, existing.publicationId]);
    const [updated] = await this.caseReports.findByIds([id], tx);
    return updated;
  }

  /** Removes one case (deleted by a curator, or merged into another). */
  async remove(tx: Tx, id: string): Promise<void> {
    const [existing] = await this.caseReports.findByIds([id], tx);
    if (!existing) throw new NotFoundError('Case report', id);
    await this.caseReports.delete(tx, id);
    await this.outbox.record(tx, 'case_report', [id]);
    // The publication's document counts its cases; the removed case can no longer lead to it.
    await this.outbox.record(tx, 'publication', [existing.publicationId]);
  }

  private rowOf(valid: ValidCaseReport): CaseReportRow {
    return {
      publicationId: valid.publicationId,
      label: valid.label,
      summary: valid.summary,
      ageYears: valid.ageYears,
      ageGroup: ageGroupOf(valid.ageYears),
      sex: valid.sex,
      pregnancyStatus: valid.pregnancyStatus,
      anticoagulation: valid.anticoagulation,
      outcome: valid.outcome,
      outcomeDetails: valid.outcomeDetails,
      timeToResolutionDays: valid.timeToResolutionDays,
      followUpDays: valid.followUpDays,
    };
  }

  /** Resolves every term reference in one query per kind; all unknown references are reported together. */
  private async resolveFacts(tx: Tx, valid: ValidCaseReport, path: string, errors: FieldError[], known?: (kind: TermKind, ref: string) => string | undefined): Promise<CaseFacts> {
    const references: TermReference[] = [
      ...valid.comorbidities.map((ref, i) => ({ kind: TermKind.COMORBIDITY, ref, path: `${path}.comorbidities.${i}` })),
      ...valid.procedures.map((p, i) => ({ kind: TermKind.PROCEDURE, ref: p.term, path: `${path}.procedures.${i}.term` })),
      ...valid.complications.flatMap((c, i) => [
        { kind: TermKind.COMPLICATION, ref: c.term, path: `${path}.complications.${i}.term` },
        ...c.symptoms.map((ref, j) => ({ kind: TermKind.SYMPTOM, ref, path: `${path}.complications.${i}.symptoms.${j}` })),
      ]),
      ...valid.treatments.map((t, i) => ({ kind: TermKind.TREATMENT, ref: t.term, path: `${path}.treatments.${i}.term` })),
    ];
    const resolved = new Map<string, string>();
    for (const reference of known ? references : []) {
      const id = known?.(reference.kind, reference.ref);
      if (id) resolved.set(reference.path, id);
    }
    for (const kind of Object.values(TermKind)) {
      const ofKind = references.filter((reference) => reference.kind === kind && !resolved.has(reference.path));
      if (!ofKind.length) continue;
      const found = await this.vocabulary.findByReferences(kind, ofKind.map((reference) => reference.ref), tx);
      for (const reference of ofKind) {
        const term = found.get(reference.ref);
        if (term) resolved.set(reference.path, term.id);
        else errors.push({ path: reference.path, message: `no ${kind.toLowerCase()} term with id, MeSH UI or key "${reference.ref}"` });
      }
    }
    if (errors.length) throw new BadUserInputError(errors);
    const idAt = (p: string) => resolved.get(p) as string;
    return {
      comorbidityTermIds: valid.comorbidities.map((_, i) => idAt(`${path}.comorbidities.${i}`)),
      procedures: valid.procedures.map(({ term: _term, ...procedure }, i) => ({ ...procedure, termId: idAt(`${path}.procedures.${i}.term`) })),
      complications: valid.complications.map(({ term: _term, symptoms, ...complication }, i) => ({
        ...complication,
        termId: idAt(`${path}.complications.${i}.term`),
        symptomTermIds: symptoms.map((_, j) => idAt(`${path}.complications.${i}.symptoms.${j}`)),
      })),
      treatments: valid.treatments.map(({ term: _term, ...treatment }, i) => ({ ...treatment, termId: idAt(`${path}.treatments.${i}.term`) })),
    };
  }

  /** The stored case expressed as a create input (terms by id), so an update can be validated as a whole. */
  private async asValidInput(tx: Tx, id: string): Promise<ValidCaseReport> {
    const [existing] = await this.caseReports.findByIds([id], tx);
    if (!existing) throw new NotFoundError('Case report', id);
    const [procedures, complications, treatments, comorbidities] = [
      await this.caseReports.proceduresOf([id], tx),
      await this.caseReports.complicationsOf([id], tx),
      await this.caseReports.treatmentsOf([id], tx),
      await this.caseReports.comorbidityTermIdsOf([id], tx),
    ];
    const symptoms = await this.caseReports.symptomTermIdsOf(complications.map((c) => c.id), tx);
    return {
      publicationId: existing.publicationId,
      label: existing.label,
      summary: existing.summary,
      ageYears: existing.ageYears,
      sex: existing.sex,
      pregnancyStatus: existing.pregnancyStatus,
      anticoagulation: existing.anticoagulation,
      outcome: existing.outcome,
      outcomeDetails: existing.outcomeDetails,
      timeToResolutionDays: existing.timeToResolutionDays,
      followUpDays: existing.followUpDays,
      comorbidities: comorbidities.map((row) => row.termId),
      procedures: procedures.map((p) => ({ term: p.termId, details: p.details, bloodVolumeMl: p.bloodVolumeMl, vertebralLevel: p.vertebralLevel, attemptNumber: p.attemptNumber, imageGuidance: p.imageGuidance, needleGauge: p.needleGauge })),
      complications: complications.map((c) => ({
        term: c.termId,
        procedureIndex: c.procedureId ? procedures.findIndex((p) => p.id === c.procedureId) : null,
        onsetHours: c.onsetHours,
        diagnosis: c.diagnosis,
        details: c.details,
        symptoms: symptoms.filter((s) => s.complicationId === c.id).map((s) => s.termId),
      })),
      treatments: treatments.map((t) => ({ term: t.termId, complicationIndex: t.complicationId ? complications.findIndex((c) => c.id === t.complicationId) : null, details: t.details })),
    };
  }
}
