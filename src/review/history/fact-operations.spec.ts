import { FactReviewAction, FactStatus } from '../../case-reports/curation.enums';
import { addFact, normaliseCorrection, reviewFact } from './fact-operations';
import { buildSnapshot } from './history.test-support';

const who = { reviewer: 'curator-a', at: new Date('2026-12-01T10:00:00Z') };
const curatorEvidence = { field: 'abstract', start: 10, end: 20, text: 'paraplegia', sentence: 'She had paraplegia.', method: 'CURATOR', confidence: 1 };

describe('fact operations', () => {
  it('corrects a number given with a unit into the stored unit', () => {
    const next = reviewFact(buildSnapshot(), FactReviewAction.CORRECT, { path: 'ageYears', value: '18 months', ...who });
    expect(next.ageYears).toBe(1.5);
    expect(next.facts.find((r) => r.path === 'ageYears')).toMatchObject({ status: FactStatus.CORRECTED, value: '1.5', reviewedBy: 'curator-a' });
    expect(reviewFact(buildSnapshot(), FactReviewAction.CORRECT, { path: 'procedures.1.bloodVolumeMl', value: '15', unit: 'ml', ...who }).procedures[1].bloodVolumeMl).toBe(15);
    expect(normaliseCorrection('complications.0.onsetHours', '2 days', null)).toBe('48');
    expect(() => normaliseCorrection('sex', 'FEMALE', 'years')).toThrow(/takes no unit/);
  });

  it('names a path that is no fact as the error, not the unit given with it', () => {
    // "zzz" with unit "mL" answered 'input.unit: zzz takes no unit', as if the path were right and the unit wrong.
    const correct = (path: string) => () => reviewFact(buildSnapshot(), FactReviewAction.CORRECT, { path, value: '5', unit: 'mL', ...who });
    for (const path of ['zzz', '', 'complications.-1', '__proto__']) {
      expect(correct(path)).toThrow(expect.objectContaining({ fieldErrors: [expect.objectContaining({ path: 'input.path' })] }));
    }
    expect(correct('sex')).toThrow(expect.objectContaining({ fieldErrors: [{ path: 'input.unit', message: 'sex takes no unit' }] }));
  });

  it('keeps the curation status through a review', () => {
    const next = reviewFact(buildSnapshot(), FactReviewAction.ACCEPT, { path: 'sex', ...who });
    expect(next.curationStatus).toBe('SUGGESTED');
    expect(next.facts.find((r) => r.path === 'sex')?.status).toBe(FactStatus.ACCEPTED);
  });

  it('adds a missing term with the selected words as its evidence', () => {
    const { next, path } = addFact(buildSnapshot(), { path: 'complications.0.symptoms', value: 'paraplegia-term', evidence: curatorEvidence, ...who });
    expect(path).toBe('complications.0.symptoms.2');
    expect(next.complications[0].symptoms).toEqual(['back-pain', 'paraplegia', 'paraplegia-term']);
    expect(next.facts.find((r) => r.path === path)).toMatchObject({ status: FactStatus.ACCEPTED, value: 'paraplegia-term', evidence: curatorEvidence });
    const treated = addFact(buildSnapshot(), { path: 'treatments', value: 'steroids', evidence: curatorEvidence, ...who });
    expect(treated.path).toBe('treatments.1');
    expect(treated.next.treatments[1]).toEqual({ term: 'steroids', complicationIndex: 0, details: null });
  });

  it('sets a missing value with its evidence, units normalised', () => {
    const { next, path } = addFact(buildSnapshot({ followUpDays: null }), { path: 'followUpDays', value: '2 weeks', evidence: curatorEvidence, ...who });
    expect(path).toBe('followUpDays');
    expect(next.followUpDays).toBe(14);
    expect(next.facts.find((r) => r.path === 'followUpDays')).toMatchObject({ status: FactStatus.ACCEPTED, value: '14', evidence: curatorEvidence });
  });

  it('refuses paths that name no fact to add and empty terms', () => {
    expect(() => addFact(buildSnapshot(), { path: 'procedures.0', value: 'x', evidence: curatorEvidence, ...who })).toThrow(/names no fact to add/);
    expect(() => addFact(buildSnapshot(), { path: 'complications.4.symptoms', value: 'x', evidence: curatorEvidence, ...who })).toThrow(/no complications.4.symptoms/);
    expect(() => addFact(buildSnapshot(), { path: 'treatments', value: ' ', evidence: curatorEvidence, ...who })).toThrow(/needs a term/);
  });
});
