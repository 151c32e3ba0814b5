import { finalScreening } from './final-decision';
import { visibleDecisions, visibleFinal } from './blind-view';
import { ScreeningDecisionValue as D, ScreeningStatus as S } from './screening.enums';

const at = (minute: number) => new Date(Date.UTC(2026, 0, 1, 0, minute));
const alice = { reviewer: 'alice', decision: D.INCLUDE, reason: null, decidedAt: at(1) };
const bobExcludes = { reviewer: 'bob', decision: D.EXCLUDE, reason: 'DUPLICATE', decidedAt: at(2) };
const bobIncludes = { reviewer: 'bob', decision: D.INCLUDE, reason: null, decidedAt: at(2) };

describe('blind screening', () => {
  it('hides another reviewer\'s decision from a reviewer who has not decided', () => {
    expect(visibleDecisions([alice], 'bob', false)).toEqual([]);
    expect(visibleDecisions([alice], null, false)).toEqual([]);
    const final = finalScreening([alice], null);
    expect(final.status).toBe(S.INCLUDED);
    expect(visibleFinal(final, [alice], 'bob', true)).toEqual({ status: S.UNDECIDED, reason: null, resolved: false });
  });

  it('shows a reviewer their own decision, and not the others\' while they agree', () => {
    expect(visibleDecisions([alice, bobIncludes], 'bob', false)).toEqual([bobIncludes]);
    expect(visibleFinal(finalScreening([alice, bobIncludes], null), [alice, bobIncludes], 'bob', true).status).toBe(S.INCLUDED);
  });

  it('shows every decision at the conflicts step: a disagreement, resolved or not', () => {
    expect(visibleDecisions([alice, bobExcludes], 'bob', false)).toEqual([alice, bobExcludes]);
    expect(visibleDecisions([alice, bobExcludes], 'carol', true)).toEqual([alice, bobExcludes]);
    expect(visibleFinal(finalScreening([alice, bobExcludes], null), [alice, bobExcludes], 'carol', true).status).toBe(S.CONFLICT);
  });

  it('leaves the final decisions as they are outside a reviewer\'s own queue (scope FINAL)', () => {
    expect(visibleFinal(finalScreening([alice], null), [alice], 'bob', false).status).toBe(S.INCLUDED);
  });
});
