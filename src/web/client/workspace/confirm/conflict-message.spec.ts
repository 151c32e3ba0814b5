import { conflictNotice, describeChangeSince } from './conflict-message';

describe('confirm view: a stale save', () => {
  const change = { version: 3, operation: 'CORRECT_FACT', path: 'ageYears', oldValue: '31', newValue: '32', changedBy: 'curator-b', changedAt: '2026-12-01T10:00:00Z' };

  it('says who changed what, from what, to what', () => {
    expect(describeChangeSince(change)).toBe('curator-b corrected ageYears from “31” to “32” (version 3)');
    expect(describeChangeSince({ ...change, operation: 'CONFIRM', path: 'curationStatus', changedBy: null })).toBe('Someone marked the case curated (version 3)');
    expect(describeChangeSince({ ...change, operation: 'ACCEPT_FACT', path: 'sex', oldValue: 'FEMALE', newValue: 'FEMALE' })).toBe('curator-b accepted sex “FEMALE” (version 3)');
  });

  it('turns a CONFLICT error into a notice listing the changes since, and ignores other errors', () => {
    const notice = conflictNotice([{ message: 'case report 1 is at version 3, not 2', extensions: { code: 'CONFLICT', currentVersion: 3, changesSince: [change] } }]);
    expect(notice).toEqual({
      heading: 'Not saved: someone changed this case since you opened it (it is now at version 3).',
      changes: ['curator-b corrected ageYears from “31” to “32” (version 3)'],
      message: 'case report 1 is at version 3, not 2',
    });
    expect(conflictNotice([{ message: 'bad', extensions: { code: 'BAD_USER_INPUT' } }])).toBeNull();
  });
});
