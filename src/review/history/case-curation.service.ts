import { Inject, Injectable } from '@nestjs/common';
import { ValidCaseReport, validateCreateCaseReport, validateUpdateCaseReport } from '../../case-reports/case-report-validation';
import { CaseReportsService } from '../../case-reports/case-reports.service';
import { CurationStatus, FactReviewAction } from '../../case-reports/curation.enums';
import { CaseReport } from '../../case-reports/entities/case-report.entity';
import { FactEvidence } from '../../case-reports/entities/case-fact-record';
import { CreateCaseReportInput, UpdateCaseReportInput } from '../../case-reports/inputs/case-report.input';
import { ReviewCaseFactInput } from '../../case-reports/inputs/review-case-fact.input';
import { BadUserInputError, ConflictError, NotFoundError } from '../../common/errors/domain-error';
import { Connection, resolvePageSize } from '../../common/pagination/connection';
import { APP_CONFIG, AppConfig } from '../../config/app-config';
import { Tx, UnitOfWork } from '../../database/unit-of-work';
import { PublicationsRepository } from '../../publications/publications.repository';
import { VocabularyRepository } from '../../vocabulary/vocabulary.repository';
import { CaseChange } from './case-change.entity';
import { CaseChangeOperation } from './case-change.operation';
import { CaseHistoryRepository } from './case-history.repository';
import { CaseSnapshot, diffSnapshots, valueAtPath } from './case-snapshot';
import { alreadyInStatus, assertReviewable, setCurationStatus } from './case-status';
import { planUndo } from './case-undo';
import { addFact, reviewFact } from './fact-operations';
import { AddCaseFactInput, MergeCaseReportsInput, SplitCaseReportInput } from './inputs/case-curation.inputs';
import { CaseChangeModel } from './models/case-change.model';
import { evidenceFromSelection } from './selection-evidence';
import { emptyCase, mergeCases, splitCase } from './split-merge';
import { ChangeSummary, checkVersion, describeChange, displayValue, headlineOf, isStale } from './version-conflict';
import { assertRecordIds } from '../../common/record-id';

/** A version the API could have returned (1 or more), or none; `path` names where it was given. */
function checkExpectedVersion(expectedVersion: number | null | undefined, path: string): void {
  if (expectedVersion !== null && expectedVersion !== undefined && (!Number.isInteger(expectedVersion) || expectedVersion < 1)) throw BadUserInputError.field(path, 'must be a version the API returned (1 or more)');
}

/** Who makes a change, and the version of the case they read (optional for older clients). */
export interface Author {
  principal?: string | null;
  expectedVersion?: number | null;
  /** Where expectedVersion was given, for its error: an argument (`expectedVersion`, the default) or a field of `input`. */
  versionPath?: string;
}

interface Loaded {
  row: CaseReport;
  before: CaseSnapshot;
}

interface ChangeMeta {
  operation: CaseChangeOperation;
  path: string | null;
  evidence?: FactEvidence | null;
  relatedCaseReportId?: string | null;
  undoesChangeId?: string | null;
  /** Prefix of errors about the written content (unknown terms, broken rules). */
  inputPath?: string;
}

const FACT_OPERATION: Record<FactReviewAction, CaseChangeOperation> = {
  [FactReviewAction.ACCEPT]: CaseChangeOperation.ACCEPT_FACT,
  [FactReviewAction.CORRECT]: CaseChangeOperation.CORRECT_FACT,
  [FactReviewAction.REJECT]: CaseChangeOperation.REJECT_FACT,
};

/**
 * Every curator's change of a case: in one transaction the case row is locked, its version checked,
 * the pure rule applied to a snapshot, the case written (and queued for the index), and the change
 * appended to its history with the field-level differences that undo puts back.
 */
@Injectable()
export class CaseCurationService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly cases: CaseReportsService,
    private readonly publications: PublicationsRepository,
    private readonly vocabulary: VocabularyRepository,
    private readonly history: CaseHistoryRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  reviewFact(input: ReviewCaseFactInput, principal: string | null): Promise<CaseReport> {
    assertRecordIds([[input.caseReportId, 'input.caseReportId']], 'case report id');
    return this.change(input.caseReportId, { principal, expectedVersion: input.expectedVersion, versionPath: 'input.expectedVersion' }, async ({ before }) => {
      assertReviewable(before);
      const next = reviewFact(before, input.action, { path: input.path, value: input.value, unit: input.unit, reviewer: principal ?? 'unknown', at: new Date() });
      const existing = before.facts.find((record) => record.path === input.path);
      return { next, meta: { operation: FACT_OPERATION[input.action], path: input.path, evidence: existing?.evidence ?? null, inputPath: 'input.value' } };
    });
  }

  addFact(input: AddCaseFactInput, principal: string | null): Promise<CaseReport> {
    assertRecordIds([[input.caseReportId, 'input.caseReportId']], 'case report id');
    return this.change(input.caseReportId, { principal, expectedVersion: input.expectedVersion, versionPath: 'input.expectedVersion' }, async ({ row, before }, tx) => {
      assertReviewable(before);
      const [publication] = await this.publications.findByIds([row.publicationId], tx);
      const field = input.selection.field === 'title' ? publication?.title : input.selection.field === 'abstract' ? publication?.abstract : null;
      const evidence = evidenceFromSelection(input.selection, field);
      const { next, path } = addFact(before, { path: input.path, value: input.value, unit: input.unit, evidence, reviewer: principal ?? 'unknown', at: new Date() });
      return { next, meta: { operation: CaseChangeOperation.ADD_FACT, path, evidence, inputPath: 'input.value' } };
    });
  }

  /** Confirming a case already curated with nothing left suggested changes nothing: no new version, no history entry (a retried request is safe). */
  confirm(id: string, author: Author = {}): Promise<CaseReport> {
    return this.change(id, author, async ({ before }) =>
      alreadyInStatus(before, CurationStatus.CURATED)
        ? null
        : { next: setCurationStatus(before, CurationStatus.CURATED, author.principal ?? null, new Date()), meta: { operation: CaseChangeOperation.CONFIRM, path: 'curationStatus' } },
    );
  }

  reject(id: string, author: Author = {}): Promise<CaseReport> {
    return this.change(id, author, async ({ before }) =>
      alreadyInStatus(before, CurationStatus.REJECTED)
        ? null
        : { next: setCurationStatus(before, CurationStatus.REJECTED, author.principal ?? null, new Date()), meta: { operation: CaseChangeOperation.REJECT_CASE, path: 'curationStatus' } },
    );
  }

  /** A curator's update states the case: it is curated from now on, its open suggestions accepted. */
  update(id: string, input: UpdateCaseReportInput, author: Author = {}): Promise<CaseReport> {
    return this.change(id, author, async ({ before }) => {
      const valid = validateUpdateCaseReport(input, before);
      const next = setCurationStatus({ ...before, ...valid, curationStatus: before.curationStatus === CurationStatus.REJECTED ? CurationStatus.SUGGESTED : before.curationStatus }, CurationStatus.CURATED, author.principal ?? null, new Date());
      return { next, meta: { operation: CaseChangeOperation.UPDATE, path: null, inputPath: 'input' } };
    });
  }

  /** A patient entered by hand (CURATED). */
  create(input: CreateCaseReportInput, author: Author = {}): Promise<CaseReport> {
    const valid = validateCreateCaseReport(input);
    return this.uow.run((tx) => this.insertByHand(tx, valid, author.principal ?? null));
  }

  /** Inside the caller's transaction: every unknown term of several new patients, reported at once before any is written. */
  checkTerms(tx: Tx, cases: { valid: ValidCaseReport; path: string }[]): Promise<void> {
    return this.cases.checkTerms(tx, cases);
  }

  /** Inside the caller's transaction: one patient entered by hand, recorded as ADD_PATIENT (also used by createCaseReports). */
  async insertByHand(tx: Tx, valid: ValidCaseReport, principal: string | null, path = 'input'): Promise<CaseReport> {
    const created = await this.cases.insert(tx, valid, path);
    const after = await this.snapshot(tx, created, await this.cases.validOf(tx, created.id));
    await this.record(tx, created.id, created.version, emptyCase(after, after.label), after, principal, { operation: CaseChangeOperation.ADD_PATIENT, path: null });
    return created;
  }

  delete(id: string, author: Author = {}): Promise<boolean> {
    return this.uow.run(async (tx) => {
      const { row, before } = await this.load(tx, id, author.expectedVersion);
      await this.cases.remove(tx, id);
      await this.record(tx, id, row.version + 1, before, emptyCase(before, before.label), author.principal ?? null, { operation: CaseChangeOperation.DELETE, path: null });
      return true;
    });
  }

  /** Moves chosen facts into a new patient of the same publication; returns the case, then the new one. */
  split(input: SplitCaseReportInput, principal: string | null): Promise<CaseReport[]> {
    assertRecordIds([[input.caseReportId, 'input.caseReportId']], 'case report id');
    return this.uow.run(async (tx) => {
      const { row, before } = await this.load(tx, input.caseReportId, input.expectedVersion, 'id', 'input.expectedVersion');
      assertReviewable(before);
      const label = (input.label ?? '').trim() || `${before.label} (split)`.slice(0, 200);
      const { kept, moved } = splitCase(before, input.factPaths, label);
      const created = await this.cases.insert(tx, validateCreateCaseReport(moved as never, 'input'), 'input', undefined, { curationStatus: moved.curationStatus, facts: moved.facts, extractionRulesVersion: row.extractionRulesVersion });
      const saved = await this.save(tx, row, before, kept, principal, { operation: CaseChangeOperation.SPLIT, path: null, relatedCaseReportId: created.id });
      const createdSnapshot = await this.snapshot(tx, created, await this.cases.validOf(tx, created.id));
      await this.record(tx, created.id, created.version, emptyCase(createdSnapshot, label), createdSnapshot, principal, { operation: CaseChangeOperation.SPLIT, path: null, relatedCaseReportId: row.id });
      return [saved, created];
    });
  }

  /** One patient from two of the same publication; the other case is removed, its history kept. */
  merge(input: MergeCaseReportsInput, principal: string | null): Promise<CaseReport> {
    assertRecordIds([[input.caseReportId, 'input.caseReportId'], [input.otherCaseReportId, 'input.otherCaseReportId']], 'case report id');
    if (input.caseReportId === input.otherCaseReportId) return Promise.reject(BadUserInputError.field('input.otherCaseReportId', 'a case cannot be merged with itself'));
    // Before either row is locked: a bad version of the second case would otherwise be named only after the first was loaded.
    checkExpectedVersion(input.expectedVersion, 'input.expectedVersion');
    checkExpectedVersion(input.otherExpectedVersion, 'input.otherExpectedVersion');
    return this.uow.run(async (tx) => {
      // Both rows are locked in one order, so two merges of the same pair cannot wait for each other.
      const [first, second] = [input.caseReportId, input.otherCaseReportId].sort();
      const loaded = new Map<string, Loaded>();
      for (const id of [first, second]) {
        const own = id === input.caseReportId;
        loaded.set(id, await this.load(tx, id, own ? input.expectedVersion : input.otherExpectedVersion, 'id', own ? 'input.expectedVersion' : 'input.otherExpectedVersion'));
      }
      const target = loaded.get(input.caseReportId) as Loaded;
      const other = loaded.get(input.otherCaseReportId) as Loaded;
      assertReviewable(target.before, 'input.caseReportId');
      assertReviewable(other.before, 'input.otherCaseReportId');
      const merged = mergeCases(target.before, other.before);
      const saved = await this.save(tx, target.row, target.before, merged, principal, { operation: CaseChangeOperation.MERGE, path: null, relatedCaseReportId: other.row.id });
      await this.cases.remove(tx, other.row.id);
      await this.record(tx, other.row.id, other.row.version + 1, other.before, emptyCase(other.before, other.before.label), principal, { operation: CaseChangeOperation.MERGE, path: null, relatedCaseReportId: target.row.id });
      return saved;
    });
  }

  /** Reverts one change when its fields still hold what it wrote; recorded as an UNDO. */
  undo(changeId: string, author: Author = {}): Promise<CaseReport> {
    return this.uow.run(async (tx) => {
      const change = await this.history.get(changeId, tx);
      if (!change) throw new NotFoundError('Case change', changeId);
      const { row, before } = await this.load(tx, change.caseReportId, author.expectedVersion, 'changeId');
      const later = await this.history.since(change.caseReportId, change.version, tx);
      const plan = planUndo(before, change, later);
      if (plan.ok === false) {
        if (plan.reason === 'NOT_UNDOABLE') throw BadUserInputError.field('changeId', `a ${change.operation} is not undone field by field: ${change.operation === CaseChangeOperation.SPLIT ? 'merge the cases again' : change.operation === CaseChangeOperation.MERGE ? 'split the case again' : 'delete or re-add the patient'}`);
        if (plan.reason === 'NOTHING_TO_UNDO') throw BadUserInputError.field('changeId', 'the change changed nothing');
        const since = plan.changedSince.map(summaryOf);
        throw new ConflictError(`cannot undo: ${plan.staleFields.join(', ')} changed since${since.length ? ` (${since.map(describeChange).join('; ')})` : ''}`, { changeId, staleFields: plan.staleFields, changesSince: since });
      }
      return this.save(tx, row, before, plan.next, author.principal ?? null, { operation: CaseChangeOperation.UNDO, path: change.path, undoesChangeId: change.id });
    });
  }

  /** A case's recorded changes, newest first (also for cases since merged or deleted). */
  async historyOf(caseReportId: string, first: number | null | undefined, after: string | null | undefined): Promise<Connection<CaseChangeModel>> {
    const size = resolvePageSize(first, this.config.MAX_PAGE_SIZE);
    const page = await this.history.page(caseReportId, size, after ? decodeVersionCursor(after) : null);
    const edges = page.rows.map((row) => ({ node: modelOf(row), cursor: encodeVersionCursor(row.version) }));
    return { edges, pageInfo: { hasNextPage: page.hasNextPage, endCursor: edges.length ? edges[edges.length - 1].cursor : null }, totalCount: page.totalCount };
  }

  /** The common shape of a change of one existing case. */
  /** `apply` answers null when the change is already in place: the case is returned as it is. */
  private change(id: string, author: Author, apply: (loaded: Loaded, tx: Tx) => Promise<{ next: CaseSnapshot; meta: ChangeMeta } | null>): Promise<CaseReport> {
    return this.uow.run(async (tx) => {
      const loaded = await this.load(tx, id, author.expectedVersion, 'id', author.versionPath);
      const change = await apply(loaded, tx);
      if (!change) return loaded.row;
      return this.save(tx, loaded.row, loaded.before, change.next, author.principal ?? null, change.meta);
    });
  }

  /** Locks the case, refuses a stale version (with the changes since), and snapshots it. */
  private async load(tx: Tx, id: string, expectedVersion: number | null | undefined, idPath = 'id', versionPath = 'expectedVersion'): Promise<Loaded> {
    checkExpectedVersion(expectedVersion, versionPath);
    const { row, valid } = await this.cases.loadForWrite(tx, id).catch((error: unknown) => {
      if (error instanceof NotFoundError && idPath !== 'id') throw new NotFoundError('Case report (of that change; merged or deleted since)', id);
      throw error;
    });
    // A version the case has not reached was never read from it (another case's, or made up): not "changed since you read it".
    if (expectedVersion !== null && expectedVersion !== undefined && expectedVersion > row.version) {
      throw BadUserInputError.field(versionPath, `case report ${id} is at version ${row.version}: version ${expectedVersion} was never returned for it (another case's version?). Send the version this case was read at`);
    }
    if (isStale(expectedVersion, row.version)) checkVersion(id, expectedVersion, row.version, (await this.history.since(id, expectedVersion, tx)).map(summaryOf));
    return { row, before: await this.snapshot(tx, row, valid) };
  }

  private async save(tx: Tx, row: CaseReport, before: CaseSnapshot, next: CaseSnapshot, principal: string | null, meta: ChangeMeta): Promise<CaseReport> {
    const valid = validateUpdateCaseReport({}, next as never, meta.inputPath ?? 'input');
    const saved = await this.cases.write(tx, row.id, valid, { curationStatus: next.curationStatus, facts: next.facts, extractionRulesVersion: row.extractionRulesVersion }, meta.inputPath ?? 'input');
    const after = await this.snapshot(tx, saved, await this.cases.validOf(tx, row.id));
    await this.record(tx, row.id, saved.version, before, after, principal, meta);
    return saved;
  }

  private async record(tx: Tx, caseReportId: string, version: number, before: CaseSnapshot, after: CaseSnapshot, principal: string | null, meta: ChangeMeta): Promise<CaseChange> {
    return this.history.append(tx, {
      caseReportId,
      version,
      operation: meta.operation,
      path: meta.path,
      oldValue: meta.path ? (valueAtPath(before, meta.path) ?? null) : null,
      newValue: meta.path ? (valueAtPath(after, meta.path) ?? null) : null,
      fields: diffSnapshots(before, after),
      evidence: meta.evidence ?? null,
      changedBy: principal,
      relatedCaseReportId: meta.relatedCaseReportId ?? null,
      undoesChangeId: meta.undoesChangeId ?? null,
    });
  }

  /** The case as the history sees it: terms by key (readable, and stable across databases). */
  private async snapshot(tx: Tx, row: CaseReport, valid: ValidCaseReport): Promise<CaseSnapshot> {
    const ids = [...valid.comorbidities, ...valid.procedures.map((p) => p.term), ...valid.complications.flatMap((c) => [c.term, ...c.symptoms]), ...valid.treatments.map((t) => t.term)];
    const keyOf = new Map((await this.vocabulary.findByIds([...new Set(ids)], tx)).map((term) => [term.id, term.key]));
    const key = (id: string) => keyOf.get(id) ?? id;
    return {
      ...valid,
      comorbidities: valid.comorbidities.map(key),
      procedures: valid.procedures.map((p) => ({ ...p, term: key(p.term) })),
      complications: valid.complications.map((c) => ({ ...c, term: key(c.term), symptoms: c.symptoms.map(key) })),
      treatments: valid.treatments.map((t) => ({ ...t, term: key(t.term) })),
      curationStatus: row.curationStatus,
      facts: row.facts ?? [],
    };
  }
}

function summaryOf(change: CaseChange): ChangeSummary {
  const { oldValue, newValue } = headlineOf(change.fields, change.path, change.oldValue, change.newValue);
  return { id: change.id, version: change.version, operation: change.operation, path: change.path ?? (change.fields.length === 1 ? change.fields[0].field : null), oldValue, newValue, changedBy: change.changedBy, changedAt: change.changedAt.toISOString() };
}

export function modelOf(change: CaseChange): CaseChangeModel {
  const { oldValue, newValue } = headlineOf(change.fields, change.path, change.oldValue, change.newValue);
  return {
    id: change.id,
    caseReportId: change.caseReportId,
    version: change.version,
    operation: change.operation as CaseChangeOperation,
    path: change.path,
    oldValue,
    newValue,
    fields: change.fields.map((field) => ({ field: field.field, oldValue: displayValue(field.old), newValue: displayValue(field.new) })),
    evidence: change.evidence,
    changedBy: change.changedBy,
    changedAt: change.changedAt,
    relatedCaseReportId: change.relatedCaseReportId,
    undoesChangeId: change.undoesChangeId,
  };
}

const encodeVersionCursor = (version: number) => Buffer.from(JSON.stringify({ v: version })).toString('base64url');

function decodeVersionCursor(raw: string): number {
  try {
    const { v } = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')) as { v: unknown };
    if (Number.isInteger(v)) return v as number;
  } catch {
    // fall through
  }
  throw BadUserInputError.field('after', 'is not a cursor returned by this API');
}
