import { ScreeningDecisionValue, ScreeningStatus, STATUS_OF_DECISION } from './screening.enums';

export interface ReviewerDecisionLike {
  reviewer: string;
  decision: ScreeningDecisionValue | string;
  reason: string | null;
  decidedAt: Date;
}

export interface ResolutionLike {
  decision: ScreeningDecisionValue | string;
  reason: string | null;
}

export interface FinalScreening {
  status: ScreeningStatus;
  /** The exclusion reason of an EXCLUDED record. */
  reason: string | null;
  resolved: boolean;
}

/**
 * Pure: a record's final decision in one review. A resolution wins. Without one: no decision is
 * UNDECIDED; reviewers who all made the same decision agree (one reviewer alone decides); different
 * decisions are a CONFLICT. Reviewers who both exclude but give different reasons agree on exclusion
 * (PRISMA counts records, not reasons): the earliest reason counts, and the record is not a conflict.
 */
export function finalScreening(decisions: readonly ReviewerDecisionLike[], resolution: ResolutionLike | null): FinalScreening {
  if (resolution) {
    const status = STATUS_OF_DECISION[resolution.decision as ScreeningDecisionValue];
    return { status, reason: status === ScreeningStatus.EXCLUDED ? resolution.reason : null, resolved: true };
  }
  if (!decisions.length) return { status: ScreeningStatus.UNDECIDED, reason: null, resolved: false };
  const distinct = new Set(decisions.map((d) => d.decision));
  if (distinct.size > 1) return { status: ScreeningStatus.CONFLICT, reason: null, resolved: false };
  const status = STATUS_OF_DECISION[decisions[0].decision as ScreeningDecisionValue];
  const earliest = [...decisions].sort((a, b) => a.decidedAt.getTime() - b.decidedAt.getTime() || a.reviewer.localeCompare(b.reviewer))[0];
  return { status, reason: status === ScreeningStatus.EXCLUDED ? earliest.reason : null, resolved: false };
}

/** Two or more reviewers disagree (whether or not someone has resolved it since). */
export function isDisagreement(decisions: readonly ReviewerDecisionLike[]): boolean {
  return new Set(decisions.map((d) => d.decision)).size > 1;
}
