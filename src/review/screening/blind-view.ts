import { FinalScreening, isDisagreement, ReviewerDecisionLike } from './final-decision';
import { ScreeningStatus } from './screening.enums';

/**
 * Blind screening (Rayyan's "blind mode"): a reviewer must not see how others decided a record before
 * deciding it, or their decision is no longer independent. Other reviewers' decisions are shown only
 * at the conflicts step: once reviewers disagree (or someone has resolved a disagreement). Until then a
 * reviewer sees their own decision only, and in their own queue (scope MINE) a record they have not
 * decided shows as UNDECIDED rather than the final decision others made.
 *
 * Not an access rule: the final decisions stay public in publication search (the SCREENING_DECISION
 * facet) and in the queue's FINAL scope, as the review's results; this keeps the workspace blind.
 */
export function atConflictStep(decisions: readonly ReviewerDecisionLike[], resolved: boolean): boolean {
  return resolved || isDisagreement(decisions);
}

/** The decisions a reader may see: everyone's at the conflicts step, else only the reader's own. */
export function visibleDecisions<D extends ReviewerDecisionLike>(decisions: readonly D[], reader: string | null, resolved: boolean): D[] {
  if (atConflictStep(decisions, resolved)) return [...decisions];
  return decisions.filter((decision) => reader !== null && decision.reviewer === reader);
}

/** The final decision as a reviewer's own queue shows it: hidden (UNDECIDED) until they decide or the conflicts step. */
export function visibleFinal(final: FinalScreening, decisions: readonly ReviewerDecisionLike[], reader: string | null, ownQueue: boolean): FinalScreening {
  if (!ownQueue || atConflictStep(decisions, final.resolved)) return final;
  if (reader !== null && decisions.some((decision) => decision.reviewer === reader)) return final;
  return { status: ScreeningStatus.UNDECIDED, reason: null, resolved: false };
}
