import { FactStatus } from '../../case-reports/curation.enums';
import { diffSnapshots, fieldsOverlap, readField, sameValue, valueAtPath, writeField } from './case-snapshot';
import { buildSnapshot } from './history.test-support';

describe('case snapshots', () => {
  it('finds no difference between equal snapshots, whatever the key order', () => {
    const a = buildSnapshot();
    const reordered = Object.fromEntries(Object.entries(structuredClone(a)).reverse()) as typeof a;
    expect(diffSnapshots(a, reordered)).toEqual([]);
    expect(sameValue({ x: 1, y: [1, { z: null }] }, { y: [1, { z: null }], x: 1 })).toBe(true);
    expect(sameValue({ x: 1 }, { x: 2 })).toBe(false);
  });

  it('names a scalar, one list item, and one fact record as their own units', () => {
    const before = buildSnapshot();
    const after = structuredClone(before);
    after.sex = 'MALE' as never;
    after.procedures[1].bloodVolumeMl = 15;
    after.facts = after.facts.map((r) => (r.path === 'sex' ? { ...r, status: FactStatus.CORRECTED, value: 'MALE' } : r));
    const fields = diffSnapshots(before, after).map((c) => c.field);
    expect(fields).toEqual(['sex', 'procedures.1', 'facts[sex]']);
  });

  it('names the whole list when its length changes, and a new fact record with old value null', () => {
    const before = buildSnapshot();
    const after = structuredClone(before);
    after.treatments.push({ term: 'steroids', complicationIndex: 0, details: null });
    after.facts.push({ path: 'treatments.1', value: 'steroids', status: FactStatus.ACCEPTED, evidence: null, reviewedBy: 'a', reviewedAt: 'now' });
    const diff = diffSnapshots(before, after);
    expect(diff.map((c) => c.field)).toEqual(['treatments', 'facts[treatments.1]']);
    expect(diff[1].old).toBeNull();
  });

  it('reads and writes each unit, removing a fact record written as null', () => {
    const s = buildSnapshot();
    expect(readField(s, 'procedures.1')).toMatchObject({ bloodVolumeMl: 20 });
    expect(readField(s, 'procedures.5')).toBeNull();
    expect(readField(s, 'facts[nope]')).toBeNull();
    const w = writeField(s, 'facts[sex]', null);
    expect(w.facts.some((r) => r.path === 'sex')).toBe(false);
    expect(s.facts.some((r) => r.path === 'sex')).toBe(true);
    expect(writeField(s, 'ageYears', 40).ageYears).toBe(40);
    expect(() => readField(s, 'password')).toThrow();
  });

  it('knows which units overlap and reads values by fact path', () => {
    expect(fieldsOverlap('procedures', 'procedures.1')).toBe(true);
    expect(fieldsOverlap('procedures.0', 'procedures.1')).toBe(false);
    expect(fieldsOverlap('sex', 'facts[sex]')).toBe(false);
    const s = buildSnapshot();
    expect(valueAtPath(s, 'procedures.1.bloodVolumeMl')).toBe(20);
    expect(valueAtPath(s, 'complications.0.symptoms.1')).toBe('paraplegia');
    expect(valueAtPath(s, 'procedures.9.bloodVolumeMl')).toBeUndefined();
  });
});
