import { ConflictError } from '../../common/errors/domain-error';
import { ChangeSummary, checkVersion, displayValue } from './version-conflict';

const change = (version: number, changedBy: string, path: string, oldValue: string, newValue: string): ChangeSummary => ({ id: String(version), version, operation: 'CORRECT_FACT', path, oldValue, newValue, changedBy, changedAt: '2026-12-01T10:00:00.000Z' });

describe('optimistic versions', () => {
  it('lets a write through at the version read, or without one', () => {
    expect(() => checkVersion('c', 3, 3, [])).not.toThrow();
    expect(() => checkVersion('c', undefined, 3, [])).not.toThrow();
  });

  it('refuses a stale write with the changes made since, who, what, from and to', () => {
    const since = [change(2, 'old', 'sex', 'A', 'B'), change(3, 'curator-b', 'sex', 'MALE', 'FEMALE'), change(4, 'curator-b', 'ageYears', '30', '34')];
    let error: ConflictError | undefined;
    try {
      checkVersion('case-1', 2, 4, since);
    } catch (e) {
      error = e as ConflictError;
    }
    expect(error).toBeInstanceOf(ConflictError);
    expect(error!.message).toContain('curator-b CORRECT_FACT sex: MALE → FEMALE (version 3)');
    expect(error!.details).toMatchObject({ caseReportId: 'case-1', expectedVersion: 2, currentVersion: 4 });
    expect((error!.details.changesSince as ChangeSummary[]).map((c) => c.version)).toEqual([3, 4]);
  });

  it('shows values as a person reads them', () => {
    expect(displayValue({ term: 'epidural-blood-patch', details: null })).toBe('epidural-blood-patch');
    expect(displayValue({ path: 'sex', status: 'ACCEPTED', value: 'FEMALE' })).toBe('ACCEPTED FEMALE');
    expect(displayValue(20)).toBe('20');
    expect(displayValue(null)).toBeNull();
  });
});
