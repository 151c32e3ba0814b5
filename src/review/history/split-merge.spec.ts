import { Sex } from '../../case-reports/case-report.enums';
import { mergeCases, splitCase } from './split-merge';
import { buildSnapshot } from './history.test-support';

describe('split and merge of patients', () => {
  it('moves chosen facts into a new case, keeping links whose both ends move, and renumbers fact records', () => {
    const { kept, moved } = splitCase(buildSnapshot(), ['ageYears', 'procedures.1', 'complications.0'], 'Case 2');
    expect(moved).toMatchObject({ label: 'Case 2', ageYears: 31, sex: Sex.UNKNOWN, curationStatus: 'SUGGESTED' });
    expect(moved.procedures.map((p) => p.term)).toEqual(['epidural-blood-patch']);
    expect(moved.complications).toEqual([expect.objectContaining({ term: 'intrathecal-hematoma', procedureIndex: 0, symptoms: ['back-pain', 'paraplegia'] })]);
    expect(moved.facts.map((r) => r.path).sort()).toEqual(['ageYears', 'complications.0', 'complications.0.symptoms.0', 'procedures.0', 'procedures.0.bloodVolumeMl']);
    expect(kept.ageYears).toBeNull();
    expect(kept.procedures.map((p) => p.term)).toEqual(['labour-epidural-analgesia']);
    // The treatment stays, its complication left: the link is dropped rather than pointing elsewhere.
    expect(kept.treatments).toEqual([{ term: 'decompressive-laminectomy', complicationIndex: null, details: null }]);
    expect(kept.facts.map((r) => r.path).sort()).toEqual(['procedures.0', 'sex', 'treatments.0']);
  });

  it('refuses sub-facts, unknown items and an empty choice', () => {
    expect(() => splitCase(buildSnapshot(), ['procedures.1.bloodVolumeMl'], 'x')).toThrow(/not a whole fact/);
    expect(() => splitCase(buildSnapshot(), ['procedures.7'], 'x')).toThrow(/no procedures.7/);
    expect(() => splitCase(buildSnapshot(), [], 'x')).toThrow(/at least one/);
    expect(() => splitCase(buildSnapshot(), ['sex', 'procedures.0', 'sex'], 'x')).toThrow(/input\.factPaths\.2: "sex" is already named at input\.factPaths\.0/);
  });

  it('merges back what a split separated', () => {
    const original = buildSnapshot();
    const { kept, moved } = splitCase(original, ['ageYears', 'procedures.1', 'complications.0'], 'Case 2');
    const merged = mergeCases(kept, moved);
    expect(merged.ageYears).toBe(31);
    expect(merged.procedures.map((p) => p.term)).toEqual(['labour-epidural-analgesia', 'epidural-blood-patch']);
    expect(merged.complications[0].procedureIndex).toBe(1);
    expect(merged.facts.find((r) => r.path === 'procedures.1.bloodVolumeMl')?.value).toBe('20');
    expect(merged.facts.find((r) => r.path === 'ageYears')?.value).toBe('31');
  });

  it('refuses two known, different values and patients of different publications', () => {
    expect(() => mergeCases(buildSnapshot(), buildSnapshot({ sex: Sex.MALE, pregnancyStatus: 'UNKNOWN' as never }))).toThrow(/sex is FEMALE in one case and MALE/);
    expect(() => mergeCases(buildSnapshot(), buildSnapshot({ publicationId: '00000000-0000-4000-8000-000000000002' }))).toThrow(/same publication/);
  });
});
