import { finalScreening } from './final-decision';
import { ScreeningDecisionValue as D, ScreeningStatus as S } from './screening.enums';

const at = (minute: number) => new Date(Date.UTC(2026, 0, 1, 0, minute));

describe('finalScreening', () => {
  it('is undecided without decisions', () => {
    expect(finalScreening([], null)).toEqual({ status: S.UNDECIDED, reason: null, resolved: false });
  });

  it('takes a single reviewer\'s decision, and agreement of several', () => {
    expect(finalScreening([{ reviewer: 'a', decision: D.INCLUDE, reason: null, decidedAt: at(1) }], null).status).toBe(S.INCLUDED);
    expect(
      finalScreening(
        [
          { reviewer: 'b', decision: D.EXCLUDE, reason: 'DUPLICATE', decidedAt: at(2) },
          { reviewer: 'a', decision: D.EXCLUDE, reason: 'WRONG_POPULATION', decidedAt: at(1) },
        ],
        null,
      ),
    ).toEqual({ status: S.EXCLUDED, reason: 'WRONG_POPULATION', resolved: false });
  });

  it('is a conflict when decisions differ, until resolved', () => {
    const decisions = [
      { reviewer: 'a', decision: D.INCLUDE, reason: null, decidedAt: at(1) },
      { reviewer: 'b', decision: D.EXCLUDE, reason: 'DUPLICATE', decidedAt: at(2) },
    ];
    expect(finalScreening(decisions, null).status).toBe(S.CONFLICT);
    expect(finalScreening(decisions, { decision: D.EXCLUDE, reason: 'DUPLICATE' })).toEqual({ status: S.EXCLUDED, reason: 'DUPLICATE', resolved: true });
  });
});
