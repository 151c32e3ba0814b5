import { registerEnumType } from '@nestjs/graphql';

/** One reviewer's decision on one record at title/abstract screening. */
export enum ScreeningDecisionValue {
  INCLUDE = 'INCLUDE',
  EXCLUDE = 'EXCLUDE',
  MAYBE = 'MAYBE',
}

/** Where a record stands: a reviewer's own decision, or the record's final one (agreed or resolved). */
export enum ScreeningStatus {
  UNDECIDED = 'UNDECIDED',
  INCLUDED = 'INCLUDED',
  EXCLUDED = 'EXCLUDED',
  MAYBE = 'MAYBE',
  /** Final status only: reviewers disagree and no one has resolved it yet. */
  CONFLICT = 'CONFLICT',
}

/** Whose decisions the queue's filter and progress count. */
export enum ScreeningScope {
  /** The signed-in reviewer's own decisions (blind screening: each reviewer has a queue). */
  MINE = 'MINE',
  /** The records' final decisions. */
  FINAL = 'FINAL',
}

registerEnumType(ScreeningDecisionValue, { name: 'ScreeningDecisionValue', description: 'A reviewer\'s decision on a record: include, exclude (with a reason) or maybe.' });
registerEnumType(ScreeningStatus, {
  name: 'ScreeningStatus',
  description: 'UNDECIDED: no decision yet; INCLUDED / EXCLUDED / MAYBE: the decision (final: agreed by every reviewer who screened it, or resolved); CONFLICT: reviewers disagree, not resolved.',
});
registerEnumType(ScreeningScope, { name: 'ScreeningScope', description: 'MINE: filter and count by the signed-in reviewer\'s own decisions; FINAL: by the records\' final decisions.' });

export const STATUS_OF_DECISION: Record<ScreeningDecisionValue, ScreeningStatus> = {
  [ScreeningDecisionValue.INCLUDE]: ScreeningStatus.INCLUDED,
  [ScreeningDecisionValue.EXCLUDE]: ScreeningStatus.EXCLUDED,
  [ScreeningDecisionValue.MAYBE]: ScreeningStatus.MAYBE,
};
