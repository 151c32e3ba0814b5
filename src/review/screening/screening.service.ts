import { Injectable } from '@nestjs/common';
import { BadUserInputError, ConflictError, DomainError, FieldError, NotFoundError } from '../../common/errors/domain-error';
import { ImportBatchesService } from '../../literature/import/import-batches.service';
import { Publication } from '../../publications/publication.entity';
import { PublicationsRepository } from '../../publications/publications.repository';
import { PrismaScreeningNumbers, PrismaScreeningSource } from '../../literature/export/serialisers/prisma-flow';
import { OutboxRepository } from '../../search/indexing/outbox.repository';
import { ExclusionReason } from '../models/exclusion-reason.model';
import { ReviewView } from '../models/review.model';
import { PrismaCounts } from '../prisma/prisma-counts.model';
import { DEFAULT_EXCLUSION_REASONS, ExclusionReasonEntry, OTHER_REASON } from '../review.entity';
import { visibleDecisions, visibleFinal } from './blind-view';
import { FinalScreening, finalScreening, isDisagreement } from './final-decision';
import { ReviewerDecision, ScreeningItem, ScreeningProgress, ScreeningQueue, ScreeningResolutionView } from './models/screening-models';
import { highlightSegments, questionTerms } from './question-terms';
import { ScreeningDecision } from './screening-decision.entity';
import { ScreeningResolution } from './screening-resolution.entity';
import { ScreeningDecisionValue, ScreeningScope, ScreeningStatus, STATUS_OF_DECISION } from './screening.enums';
import { ScreeningRepository } from './screening.repository';
import { recordIdError } from '../../common/record-id';
import { nameText } from '../../common/text/name-text';
import type { Tx } from '../../database/unit-of-work';

export interface QueueRequest {
  review: string;
  filter?: ScreeningStatus | null;
  scope?: ScreeningScope | null;
  reason?: string | null;
  text?: string | null;
  first?: number | null;
  after?: string | null;
}

export interface DecisionRequest {
  review: string;
  publicationId: string;
  decision: ScreeningDecisionValue;
  reason?: string | null;
  note?: string | null;
}

export interface ReviewSettings {
  name: string;
  question?: string | null;
  keywords?: string[] | null;
  exclusionReasons?: { code: string; label: string }[] | null;
}

const MAX_PAGE = 100;
const encodeCursor = (offset: number) => Buffer.from(`screening:${offset}`, 'utf8').toString('base64url');

function decodeCursor(cursor: string): number {
  const match = /^screening:(\d{1,9})$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  if (!match) throw BadUserInputError.field('after', 'is not a cursor of this queue');
  return Number(match[1]);
}

const asDecision = (row: ScreeningDecision): ReviewerDecision => ({ reviewer: row.reviewer, decision: row.decision as ScreeningDecisionValue, reason: row.reason, note: row.note, decidedAt: row.decidedAt });
const asResolution = (row: ScreeningResolution): ScreeningResolutionView => ({ decision: row.decision as ScreeningDecisionValue, reason: row.reason, note: row.note, resolvedBy: row.resolvedBy, resolvedAt: row.resolvedAt });

interface RecordState {
  decisions: ScreeningDecision[];
  resolution: ScreeningResolution | null;
  final: FinalScreening;
}

/**
 * Title/abstract screening of a review's records: each reviewer's decisions, the records' final
 * decisions (agreed or resolved), conflicts, and the PRISMA numbers they give. Every write records the
 * publication in the search outbox in the same transaction, so publication search's SCREENING_DECISION
 * facet follows.
 */
@Injectable()
export class ScreeningService implements PrismaScreeningSource {
  constructor(
    private readonly repository: ScreeningRepository,
    private readonly publications: PublicationsRepository,
    private readonly outbox: OutboxRepository,
    private readonly batches: ImportBatchesService,
  ) {}

  private reviewName(raw: string, path = 'review'): string {
    const name = raw === null || raw === undefined ? raw : nameText(raw);
    if (!name || name.length > 200) throw BadUserInputError.field(path, 'must be a review name of 1 to 200 characters');
    return name;
  }

  async reviews(): Promise<ReviewView[]> {
    const imported = await this.repository.importedReviews();
    const saved = new Map((await this.repository.listReviews()).map((review) => [review.name, review]));
    const names = [...new Set([...imported.map((r) => r.name), ...saved.keys()])].sort((a, b) => a.localeCompare(b));
    const counts = new Map(imported.map((r) => [r.name, r.publications]));
    return names.map((name) => this.view(name, saved.get(name) ?? null, counts.get(name) ?? 0));
  }

  /** `path` names the argument in an error: `name` for the review query, `review` where an argument of that name holds it. */
  async review(rawName: string, path = 'name'): Promise<ReviewView | null> {
    const name = this.reviewName(rawName, path);
    const saved = await this.repository.findReview(name);
    const ids = await this.repository.publicationIdsOf(name);
    if (!saved && !ids.length) return null;
    return this.view(name, saved, ids.length);
  }

  private async reviewOrFail(name: string): Promise<ReviewView> {
    // Every caller takes the review as an argument named `review` (screeningQueue, screenPublication, prismaCounts…).
    const review = await this.review(name, 'review');
    if (!review) throw new NotFoundError('Review', name);
    return review;
  }

  private view(name: string, saved: { question: string | null; keywords: string[]; exclusionReasons: ExclusionReasonEntry[] } | null, publicationCount: number): ReviewView {
    const keywords = saved?.keywords ?? [];
    const reasons = saved?.exclusionReasons?.length ? saved.exclusionReasons : DEFAULT_EXCLUSION_REASONS;
    return {
      name,
      question: saved?.question ?? null,
      keywords,
      questionTerms: questionTerms(saved?.question ?? null, keywords),
      exclusionReasons: reasons.map((r): ExclusionReason => ({ code: r.code, label: r.label, needsNote: r.code === OTHER_REASON })),
      publicationCount,
    };
  }

  async saveReview(input: ReviewSettings): Promise<ReviewView> {
    const errors: FieldError[] = [];
    const name = this.reviewName(input.name, 'input.name');
    const question = input.question?.trim() || null;
    if (question && question.length > 2000) errors.push({ path: 'input.question', message: 'must be at most 2000 characters' });
    const keywords = [...new Set((input.keywords ?? []).map((k) => k.trim()).filter(Boolean))];
    if (keywords.length > 50) errors.push({ path: 'input.keywords', message: 'at most 50 keywords' });
    // Named by their place in the input (blank and repeated keywords are dropped before they are counted).
    (input.keywords ?? []).forEach((k, i) => k.trim().length > 100 && errors.push({ path: `input.keywords.${i}`, message: 'must be at most 100 characters' }));
    let reasons: ExclusionReasonEntry[] = [...DEFAULT_EXCLUSION_REASONS];
    if (input.exclusionReasons?.length) {
      reasons = [];
      input.exclusionReasons.forEach((reason, i) => {
        const code = reason.code.trim().toUpperCase();
        if (!/^[A-Z][A-Z0-9_]{1,63}$/.test(code)) errors.push({ path: `input.exclusionReasons.${i}.code`, message: 'must be upper-case letters, digits and _ (2 to 64)' });
        if (!reason.label.trim() || reason.label.trim().length > 100) errors.push({ path: `input.exclusionReasons.${i}.label`, message: 'must be 1 to 100 characters' });
        if (reasons.some((r) => r.code === code)) errors.push({ path: `input.exclusionReasons.${i}.code`, message: `${code} is given twice` });
        reasons.push({ code, label: reason.label.trim() });
      });
      if (reasons.length > 20) errors.push({ path: 'input.exclusionReasons', message: 'at most 20 reasons' });
      if (!reasons.some((r) => r.code === OTHER_REASON)) reasons.push(DEFAULT_EXCLUSION_REASONS.find((r) => r.code === OTHER_REASON) as ExclusionReasonEntry);
    }
    if (errors.length) throw new BadUserInputError(errors);
    // A reason the review's decisions give stays: dropped, their exclusions lost their label (PRISMA listed the bare code)
    // and could no longer be filtered or resolved with it.
    // Checked and saved while no decision of the review is being stored (holdReview).
    const saved = await this.repository.run(async (tx) => {
      await this.repository.holdReview(tx, name, 'exclusive');
      const inUse = [...(await this.repository.reasonsInUse(name, tx))].filter(([code]) => !reasons.some((r) => r.code === code));
      if (inUse.length) {
        const listed = inUse.map(([code, n]) => `${code} (${n} decision${n === 1 ? '' : 's'})`).join(', ');
        throw BadUserInputError.field('input.exclusionReasons', `the review's decisions give ${listed}: keep ${inUse.length === 1 ? 'it' : 'them'} among the exclusion reasons`);
      }
      return this.repository.saveReview({ name, question, keywords, exclusionReasons: reasons }, tx);
    });
    return this.view(name, saved, (await this.repository.publicationIdsOf(name)).length);
  }

  private async states(review: string, ids?: readonly string[]): Promise<Map<string, RecordState>> {
    const decisions = await this.repository.decisionsOf(review, ids);
    const resolutions = new Map((await this.repository.resolutionsOf(review, ids)).map((r) => [r.publicationId, r]));
    const byPublication = new Map<string, ScreeningDecision[]>();
    for (const d of decisions) byPublication.set(d.publicationId, [...(byPublication.get(d.publicationId) ?? []), d]);
    const states = new Map<string, RecordState>();
    for (const id of new Set([...byPublication.keys(), ...resolutions.keys()])) {
      const own = byPublication.get(id) ?? [];
      const resolution = resolutions.get(id) ?? null;
      states.set(id, { decisions: own, resolution, final: finalScreening(own, resolution) });
    }
    return states;
  }

  private static readonly UNDECIDED: RecordState = { decisions: [], resolution: null, final: { status: ScreeningStatus.UNDECIDED, reason: null, resolved: false } };

  /** The status a queue filters by: the reviewer's own decision (MINE; CONFLICT stays the record's), or the final one. */
  private statusFor(state: RecordState, scope: ScreeningScope, reviewer: string | null): { status: ScreeningStatus; reason: string | null } {
    if (scope === ScreeningScope.FINAL) return state.final;
    const mine = state.decisions.find((d) => d.reviewer === reviewer);
    return mine ? { status: STATUS_OF_DECISION[mine.decision as ScreeningDecisionValue], reason: mine.reason } : { status: ScreeningStatus.UNDECIDED, reason: null };
  }

  async queue(request: QueueRequest, reviewer: string | null): Promise<ScreeningQueue> {
    const review = await this.reviewOrFail(request.review);
    const scope = request.scope ?? ScreeningScope.FINAL;
    if (scope === ScreeningScope.MINE && !reviewer) throw new DomainError('UNAUTHENTICATED', 'The queue of your own decisions (scope MINE) needs you signed in, or an API key.');
    const first = request.first ?? 20;
    if (!Number.isInteger(first) || first < 0 || first > MAX_PAGE) throw BadUserInputError.field('first', `must be between 0 and ${MAX_PAGE}`);
    const text = (request.text ?? '').trim();
    if (text.length > 200) throw BadUserInputError.field('text', 'must be at most 200 characters');
    const offset = request.after ? decodeCursor(request.after) : 0;

    const all = await this.repository.publicationIdsOf(review.name);
    const matching = text ? await this.repository.publicationIdsOf(review.name, text.split(/\s+/)) : all;
    const states = await this.states(review.name);
    const reason = this.queueReason(request, review, states);
    const stateOf = (id: string) => states.get(id) ?? ScreeningService.UNDECIDED;

    const progress: ScreeningProgress = { total: all.length, screened: 0, undecided: 0, included: 0, excluded: 0, maybe: 0, conflicts: 0 };
    for (const id of all) {
      const state = stateOf(id);
      if (state.final.status === ScreeningStatus.CONFLICT) progress.conflicts += 1;
      const { status } = this.statusFor(state, scope, reviewer);
      if (status === ScreeningStatus.UNDECIDED) progress.undecided += 1;
      else if (status === ScreeningStatus.INCLUDED) progress.included += 1;
      else if (status === ScreeningStatus.EXCLUDED) progress.excluded += 1;
      else if (status === ScreeningStatus.MAYBE) progress.maybe += 1;
    }
    progress.screened = progress.included + progress.excluded + progress.maybe;

    const filtered = matching.filter((id) => {
      const state = stateOf(id);
      if (!request.filter) return true;
      if (request.filter === ScreeningStatus.CONFLICT) return state.final.status === ScreeningStatus.CONFLICT;
      const own = this.statusFor(state, scope, reviewer);
      const status = own.status;
      return status === request.filter && (!reason || (status === ScreeningStatus.EXCLUDED && own.reason === reason));
    });
    const pageIds = filtered.slice(offset, offset + first);
    const items = await this.items(review, pageIds, states, reviewer, scope === ScreeningScope.MINE);
    const hasNextPage = offset + first < filtered.length;
    return { items, totalCount: filtered.length, hasNextPage, endCursor: pageIds.length ? encodeCursor(offset + pageIds.length) : null, progress };
  }

  /**
   * The exclusion reason a queue filters by, read as decisions store it (trimmed, upper case). It filters
   * exclusions only, so it needs `filter: EXCLUDED`; and it must be a reason of the review or one a
   * stored decision gives (the review's reasons may have changed since). A lower-case, unknown or
   * lone reason answered an empty or an unfiltered queue, as if the records were not there.
   */
  private queueReason(request: QueueRequest, review: ReviewView, states: Map<string, RecordState>): string | null {
    if (request.reason === null || request.reason === undefined) return null;
    const reason = request.reason.trim().toUpperCase();
    if (request.filter !== ScreeningStatus.EXCLUDED) throw BadUserInputError.field('reason', `filters exclusions only: give it with filter EXCLUDED${request.filter ? ` (the filter is ${request.filter})` : ''}`);
    const known = new Set(review.exclusionReasons.map((r) => r.code));
    for (const state of states.values()) {
      for (const decision of state.decisions) if (decision.reason) known.add(decision.reason);
      if (state.resolution?.reason) known.add(state.resolution.reason);
    }
    if (!known.has(reason)) throw BadUserInputError.field('reason', `must be one of the review's exclusion reasons: ${[...known].join(', ')}`);
    return reason;
  }

  /** Items as the reader may see them: blind (blind-view.ts) until the conflicts step; `ownQueue` for scope MINE. */
  private async items(review: ReviewView, ids: readonly string[], states: Map<string, RecordState>, reviewer: string | null, ownQueue = false): Promise<ScreeningItem[]> {
    if (!ids.length) return [];
    const publications = new Map((await this.publications.findByIds([...ids])).map((p) => [p.id, p]));
    return ids
      .map((id) => publications.get(id))
      .filter((p): p is Publication => Boolean(p))
      .map((publication) => {
        const state = states.get(publication.id) ?? ScreeningService.UNDECIDED;
        const mine = reviewer ? state.decisions.find((d) => d.reviewer === reviewer) : undefined;
        const resolved = state.resolution !== null;
        const final = visibleFinal(state.final, state.decisions, reviewer, ownQueue);
        return {
          review: review.name,
          publication,
          titleSegments: highlightSegments(publication.title ?? '', review.questionTerms),
          abstractSegments: highlightSegments(publication.abstract ?? '', review.questionTerms),
          status: final.status,
          finalReason: final.reason,
          myDecision: mine ? asDecision(mine) : null,
          decisions: visibleDecisions(state.decisions, reviewer, resolved).map(asDecision),
          resolution: state.resolution ? asResolution(state.resolution) : null,
        };
      });
  }

  private async item(review: ReviewView, publicationId: string, reviewer: string | null): Promise<ScreeningItem> {
    const states = await this.states(review.name, [publicationId]);
    const [item] = await this.items(review, [publicationId], states, reviewer, true);
    return item;
  }

  private validateDecision(review: ReviewView, request: DecisionRequest): { reason: string | null; note: string | null } {
    const errors: FieldError[] = [];
    const idError = recordIdError(request.publicationId, 'publicationId', 'publication id');
    if (idError) errors.push(idError);
    const reason = request.reason?.trim().toUpperCase() || null;
    const note = request.note?.trim() || null;
    if (note && note.length > 2000) errors.push({ path: 'note', message: 'must be at most 2000 characters' });
    if (request.decision === ScreeningDecisionValue.EXCLUDE) {
      const codes = review.exclusionReasons.map((r) => r.code);
      if (!reason) errors.push({ path: 'reason', message: `an exclusion needs a reason: one of ${codes.join(', ')}` });
      else if (!codes.includes(reason)) errors.push({ path: 'reason', message: `must be one of ${codes.join(', ')}` });
      else if (reason === OTHER_REASON && !note) errors.push({ path: 'note', message: 'the reason OTHER needs a note saying why' });
    } else if (reason) {
      errors.push({ path: 'reason', message: `only an exclusion has a reason (the decision is ${request.decision})` });
    }
    if (errors.length) throw new BadUserInputError(errors);
    return { reason, note };
  }

  /**
   * Holds the review's settings (shared: decisions of a review are stored side by side) and checks the decision against
   * them as they now are: a saveReview dropping its reason may have committed since the review was read.
   */
  private async holdReasons(tx: Tx, review: ReviewView, request: DecisionRequest): Promise<void> {
    await this.repository.holdReview(tx, review.name, 'shared');
    if (request.decision !== ScreeningDecisionValue.EXCLUDE) return;
    this.validateDecision(this.view(review.name, await this.repository.findReview(review.name, tx), review.publicationCount), request);
  }

  async screen(request: DecisionRequest, reviewer: string): Promise<ScreeningItem> {
    const review = await this.reviewOrFail(request.review);
    const { reason, note } = this.validateDecision(review, request);
    await this.repository.run(async (tx) => {
      await this.holdReasons(tx, review, request);
      if (!(await this.repository.isInReview(review.name, request.publicationId, tx))) throw new NotFoundError(`Publication of review "${review.name}"`, request.publicationId);
      await this.repository.upsertDecision(tx, { review: review.name, publicationId: request.publicationId, reviewer, decision: request.decision, reason, note });
      await this.outbox.record(tx, 'publication', [request.publicationId]);
    });
    return this.item(review, request.publicationId, reviewer);
  }

  /** Records whose reviewers disagree and that nobody has resolved, in queue order. */
  async conflicts(rawReview: string, reviewer: string | null): Promise<ScreeningItem[]> {
    const review = await this.reviewOrFail(rawReview);
    const states = await this.states(review.name);
    const ids = (await this.repository.publicationIdsOf(review.name)).filter((id) => states.get(id)?.final.status === ScreeningStatus.CONFLICT);
    return this.items(review, ids, states, reviewer);
  }

  async resolve(request: DecisionRequest, resolvedBy: string): Promise<ScreeningItem> {
    const review = await this.reviewOrFail(request.review);
    const { reason, note } = this.validateDecision(review, request);
    await this.repository.run(async (tx) => {
      await this.holdReasons(tx, review, request);
      if (!(await this.repository.isInReview(review.name, request.publicationId, tx))) throw new NotFoundError(`Publication of review "${review.name}"`, request.publicationId);
      const decisions = await this.repository.decisionsOf(review.name, [request.publicationId], tx);
      if (!isDisagreement(decisions)) throw new ConflictError('The reviewers of this record do not disagree: there is nothing to resolve.', { publicationId: request.publicationId });
      await this.repository.upsertResolution(tx, { review: review.name, publicationId: request.publicationId, decision: request.decision, reason, note, resolvedBy });
      await this.outbox.record(tx, 'publication', [request.publicationId]);
    });
    return this.item(review, request.publicationId, resolvedBy);
  }

  async reviewExists(review: string): Promise<boolean> {
    return (await this.review(review, 'review')) !== null;
  }

  /** The screening part of the review's PRISMA diagram and CSV (GET /exports/prisma); null until someone has screened a record. */
  async screeningNumbers(review: string): Promise<PrismaScreeningNumbers | null> {
    if (!(await this.review(review, 'review'))) return null;
    const counts = await this.prismaCounts(review);
    if (counts.recordsScreened + counts.recordsInConflict === 0) return null;
    return counts;
  }

  async prismaCounts(rawReview: string): Promise<PrismaCounts> {
    const review = await this.reviewOrFail(rawReview);
    const ids = await this.repository.publicationIdsOf(review.name);
    const states = await this.states(review.name);
    const byReason = new Map(review.exclusionReasons.map((r) => [r.code, 0]));
    let undecided = 0;
    let conflicts = 0;
    let excluded = 0;
    let maybe = 0;
    const included: string[] = [];
    for (const id of ids) {
      const final = states.get(id)?.final ?? ScreeningService.UNDECIDED.final;
      if (final.status === ScreeningStatus.UNDECIDED) undecided += 1;
      else if (final.status === ScreeningStatus.CONFLICT) conflicts += 1;
      else if (final.status === ScreeningStatus.MAYBE) maybe += 1;
      else if (final.status === ScreeningStatus.INCLUDED) included.push(id);
      else {
        excluded += 1;
        const code = final.reason ?? OTHER_REASON;
        byReason.set(code, (byReason.get(code) ?? 0) + 1);
      }
    }
    const labels = new Map(review.exclusionReasons.map((r) => [r.code, r.label]));
    return {
      review: review.name,
      identification: await this.batches.prismaIdentification(review.name),
      recordsScreened: excluded + maybe + included.length,
      recordsAwaitingScreening: undecided,
      recordsInConflict: conflicts,
      recordsExcluded: excluded,
      exclusionReasons: [...byReason].map(([code, count]) => ({ code, label: labels.get(code) ?? code, count })),
      reportsSought: included.length + maybe,
      reportsAssessed: included.length + maybe,
      reportsExcluded: 0,
      reportsUndecided: maybe,
      studiesIncluded: included.length,
      casesIncluded: await this.repository.caseCountOf(included),
    };
  }
}
