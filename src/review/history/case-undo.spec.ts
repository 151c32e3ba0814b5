import { diffSnapshots } from './case-snapshot';
import { planUndo, RecordedChange } from './case-undo';
import { buildSnapshot } from './history.test-support';

const recorded = (id: string, version: number, operation: string, before = buildSnapshot(), after = before): RecordedChange => ({ id, version, operation, fields: diffSnapshots(before, after) });

describe('undo of one change', () => {
  it('puts back the old values when the fields still hold what the change wrote', () => {
    const v1 = buildSnapshot();
    const v2 = { ...structuredClone(v1), ageYears: 34 };
    const change = recorded('c1', 2, 'CORRECT_FACT', v1, v2);
    const plan = planUndo(v2, change, []);
    expect(plan.ok).toBe(true);
    if (plan.ok) {
      expect(plan.next.ageYears).toBe(31);
      expect(plan.fields).toEqual([{ field: 'ageYears', old: 34, new: 31 }]);
    }
  });

  it('leaves other fields changed since alone', () => {
    const v1 = buildSnapshot();
    const v2 = { ...structuredClone(v1), ageYears: 34 };
    const v3 = { ...structuredClone(v2), sex: 'MALE' as never };
    const plan = planUndo(v3, recorded('c1', 2, 'CORRECT_FACT', v1, v2), [recorded('c2', 3, 'CORRECT_FACT', v2, v3)]);
    expect(plan.ok && plan.next).toMatchObject({ ageYears: 31, sex: 'MALE' });
  });

  it('refuses when the field moved on, naming the later change that moved it', () => {
    const v1 = buildSnapshot();
    const v2 = { ...structuredClone(v1), ageYears: 34 };
    const v3 = { ...structuredClone(v2), ageYears: 35 };
    const v4 = { ...structuredClone(v3), sex: 'MALE' as never };
    const later = [recorded('c2', 3, 'CORRECT_FACT', v2, v3), recorded('c3', 4, 'CORRECT_FACT', v3, v4)];
    const plan = planUndo(v4, recorded('c1', 2, 'CORRECT_FACT', v1, v2), later);
    expect(plan).toMatchObject({ ok: false, reason: 'CHANGED_SINCE', staleFields: ['ageYears'] });
    expect(!plan.ok && plan.reason === 'CHANGED_SINCE' && plan.changedSince.map((c) => c.id)).toEqual(['c2']);
  });

  it('sees a list item that shifted as changed', () => {
    const v1 = buildSnapshot();
    const v2 = structuredClone(v1);
    v2.procedures[1].bloodVolumeMl = 15;
    const v3 = structuredClone(v2);
    v3.procedures.splice(0, 1);
    const plan = planUndo(v3, recorded('c1', 2, 'CORRECT_FACT', v1, v2), [recorded('c2', 3, 'REJECT_FACT', v2, v3)]);
    expect(plan).toMatchObject({ ok: false, reason: 'CHANGED_SINCE', staleFields: ['procedures.1'] });
  });

  it('does not undo splits, merges or a patient added by hand', () => {
    expect(planUndo(buildSnapshot(), recorded('c1', 2, 'SPLIT'), [])).toEqual({ ok: false, reason: 'NOT_UNDOABLE' });
    expect(planUndo(buildSnapshot(), recorded('c1', 2, 'ACCEPT_FACT'), [])).toEqual({ ok: false, reason: 'NOTHING_TO_UNDO' });
  });
});
