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
import { ValidCaseReport, validateCreateCaseReport, validateUpdateCaseReport } from './case-report-validation';
import { CaseFacts, CaseReportRow, CaseReportsRepository } from './case-reports.repository';
import { CaseReport } from './entities/case-report.entity';
import { CaseFactRecord } from './entities/case-fact-record';
import { applyFactReview } from './curation/case-fact-review';
import { CurationStatus, FactReviewAction, FactStatus } from './curation.enums';
import { CreateCaseReportInput, UpdateCaseReportInput } from './inputs/case-report.input';

/** What a case proposed by extraction carries beyond its facts. */
export interface SuggestionMeta {
  facts: CaseFactRecord[];
  extractionRulesVersion: string;
  /** Term references (keys) already resolved by the caller, so a large import does not look each one up. */
  termIdOf?: (kind: TermKind, ref: string) => string | undefined;
}

export interface FactReviewInput {
  caseReportId: string;
  path: string;
  action: FactReviewAction;
  value?: string | null;
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

  create(input: CreateCaseReportInput): Promise<CaseReport> {
    const valid = validateCreateCaseReport(input);
    return this.uow.run((tx) => this.insert(tx, valid));
  }

  /** Inserts inside the caller's transaction (also used by the demo loader, curation of imports and extraction). */
  async insert(tx: Tx, valid: ValidCaseReport, path = 'input', suggestion?: SuggestionMeta): Promise<CaseReport> {
    const [publication] = suggestion ? [true] : await this.publications.findByIds([valid.publicationId], tx);
    const facts = await this.resolveFacts(tx, valid, path, publication ? [] : [{ path: `${path}.publicationId`, message: `publication ${valid.publicationId} does not exist` }], suggestion?.termIdOf);
    const row = suggestion ? { ...this.rowOf(valid), curationStatus: CurationStatus.SUGGESTED, facts: suggestion.facts, extractionRulesVersion: suggestion.extractionRulesVersion } : this.rowOf(valid);
    const saved = await this.caseReports.insert(tx, row, facts);
    await this.outbox.record(tx, 'case_report', [saved.id]);
    return saved;
  }

  update(id: string, input: UpdateCaseReportInput): Promise<CaseReport> {
    return this.uow.run(async (tx) => {
      const current = await this.asValidInput(tx, id);
      const valid = validateUpdateCaseReport(input, current);
      const publicationMissing = valid.publicationId !== current.publicationId && !(await this.publications.findByIds([valid.publicationId], tx)).length;
      const facts = await this.resolveFacts(tx, valid, 'input', publicationMissing ? [{ path: 'input.publicationId', message: `publication ${valid.publicationId} does not exist` }] : []);
      // A curator's update states the whole case: it is curated from now on.
      const [existing] = await this.caseReports.findByIds([id], tx);
      await this.caseReports.update(tx, id, { ...this.rowOf(valid), curationStatus: CurationStatus.CURATED, facts: acceptAll(existing.facts) }, facts);
      await this.outbox.record(tx, 'case_report', [id]);
      if (existing.curationStatus !== CurationStatus.CURATED) await this.outbox.record(tx, 'publication', [valid.publicationId]);
      if (valid.publicationId !== current.publicationId) await this.outbox.record(tx, 'publication', [current.publicationId]);
      const [updated] = await this.caseReports.findByIds([id], tx);
      return updated;
    });
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

  /** A curator accepts, corrects or rejects one fact of a case (see curation/case-fact-review.ts). */
  reviewFact(input: FactReviewInput, reviewer: string | null): Promise<CaseReport> {
    return this.uow.run(async (tx) => {
      const [existing] = await this.caseReports.findByIds([input.caseReportId], tx);
      if (!existing) throw new NotFoundError('Case report', input.caseReportId);
      if (existing.curationStatus === CurationStatus.REJECTED) throw BadUserInputError.field('input.caseReportId', 'the case was rejected; its facts can no longer be reviewed');
      const current = await this.asValidInput(tx, input.caseReportId);
      const { next, records } = applyFactReview(current, existing.facts, { path: input.path, action: input.action, value: input.value, reviewer: reviewer ?? 'unknown', at: new Date() });
      const valid = validateUpdateCaseReport({}, next as never, 'input.value');
      const facts = await this.resolveFacts(tx, valid, 'input.value', []);
      await this.caseReports.update(tx, input.caseReportId, { ...this.rowOf(valid), curationStatus: existing.curationStatus, facts: records, extractionRulesVersion: existing.extractionRulesVersion }, facts);
      await this.outbox.record(tx, 'case_report', [input.caseReportId]);
      const [updated] = await this.caseReports.findByIds([input.caseReportId], tx);
      return updated;
    });
  }

  /** A curator confirms a suggested case: CURATED, its open suggestions accepted. */
  confirm(id: string, reviewer: string | null): Promise<CaseReport> {
    return this.setStatus(id, CurationStatus.CURATED, reviewer);
  }

  /** A curator refuses a suggested patient: kept as REJECTED (never searched; a re-run will not propose it again). */
  rejectSuggestion(id: string, reviewer: string | null): Promise<CaseReport> {
    return this.setStatus(id, CurationStatus.REJECTED, reviewer);
  }

  private setStatus(id: string, status: CurationStatus, reviewer: string | null): Promise<CaseReport> {
    return this.uow.run(async (tx) => {
      const [existing] = await this.caseReports.findByIds([id], tx);
      if (!existing) throw new NotFoundError('Case report', id);
      if (status === CurationStatus.REJECTED && existing.curationStatus === CurationStatus.CURATED) throw BadUserInputError.field('id', 'a curated case cannot be rejected as a suggestion: delete it (deleteCaseReport) if it is wrong');
      if (existing.curationStatus === CurationStatus.REJECTED && status === CurationStatus.CURATED) throw BadUserInputError.field('id', 'the case was rejected; add the patient again by hand if it is right after all');
      const facts = status === CurationStatus.CURATED ? acceptAll(existing.facts, reviewer) : existing.facts;
      await this.caseReports.setCuration(tx, id, status, facts);
      await this.outbox.record(tx, 'case_report', [id]);
      await this.outbox.record(tx, 'publication', [existing.publicationId]);
      const [updated] = await this.caseReports.findByIds([id], tx);
      return updated;
    });
  }

  delete(id: string): Promise<boolean> {
    return this.uow.run(async (tx) => {
      const [existing] = await this.caseReports.findByIds([id], tx);
      if (!existing) throw new NotFoundError('Case report', id);
      await this.caseReports.delete(tx, id);
      await this.outbox.record(tx, 'case_report', [id]);
      // The publication's document counts its cases; the deleted case can no longer lead to it.
      await this.outbox.record(tx, 'publication', [existing.publicationId]);
      return true;
    });
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

/** Open suggestions become accepted (a curator confirmed the case as a whole). */
function acceptAll(records: CaseFactRecord[], reviewer: string | null = null): CaseFactRecord[] {
  const at = new Date().toISOString();
  return records.map((record) => (record.status === FactStatus.SUGGESTED ? { ...record, status: FactStatus.ACCEPTED, reviewedBy: reviewer, reviewedAt: at } : record));
}
