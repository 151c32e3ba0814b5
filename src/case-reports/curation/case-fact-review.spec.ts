import { Anticoagulation, Outcome, PregnancyStatus, Sex } from '../case-report.enums';
import { ValidCaseReport } from '../case-report-validation';
import { FactReviewAction, FactStatus } from '../curation.enums';
import { CaseFactRecord } from '../entities/case-fact-record';
import { applyFactReview, parseFactPath } from './case-fact-review';

const evidence = (text: string) => ({ field: 'abstract', start: 0, end: text.length, text, sentence: text, method: 'TEXT_RULE', confidence: 0.8 });
const suggested = (path: string, value: string | null): CaseFactRecord => ({ path, value, status: FactStatus.SUGGESTED, evidence: evidence(value ?? ''), reviewedBy: null, reviewedAt: null });

function buildCase(): ValidCaseReport {
  return {
    publicationId: '00000000-0000-4000-8000-000000000001',
    label: 'Case',
    summary: null,
    ageYears: 31,
    sex: Sex.FEMALE,
    pregnancyStatus: PregnancyStatus.POSTPARTUM,
    anticoagulation: Anticoagulation.UNKNOWN,
    comorbidities: [],
    procedures: [
      { term: 'labour-epidural-analgesia', details: null, bloodVolumeMl: null, vertebralLevel: 'L3-L4', attemptNumber: null, imageGuidance: null, needleGauge: null },
      { term: 'epidural-blood-patch', details: null, bloodVolumeMl: 20, vertebralLevel: null, attemptNumber: 1, imageGuidance: null, needleGauge: null },
    ],
    complications: [{ term: 'intrathecal-hematoma', procedureIndex: 1, onsetHours: 48, diagnosis: 'MRI', details: null, symptoms: ['back-pain', 'paraplegia'] }],
    treatments: [{ term: 'decompressive-laminectomy', complicationIndex: 0, details: null }],
    outcome: Outcome.FULL_RECOVERY,
    outcomeDetails: null,
    timeToResolutionDays: null,
    followUpDays: null,
  };
}
const records = (): CaseFactRecord[] => [
  suggested('sex', 'FEMALE'),
  suggested('procedures.0', 'labour-epidural-analgesia'),
  suggested('procedures.1', 'epidural-blood-patch'),
  suggested('procedures.1.bloodVolumeMl', '20'),
  suggested('complications.0', 'intrathecal-hematoma'),
  suggested('complications.0.symptoms.0', 'back-pain'),
  suggested('complications.0.symptoms.1', 'paraplegia'),
];
const at = new Date('2026-12-01T00:00:00Z');
const review = (path: string, action: FactReviewAction, value?: string) => ({ path, action, value, reviewer: 'alice', at });

describe('fact paths', () => {
  it('accepts the documented paths and refuses the rest', () => {
    expect(parseFactPath('sex')).toEqual({ scalar: 'sex' });
    expect(parseFactPath('procedures.1.bloodVolumeMl')).toEqual({ list: 'procedures', index: 1, field: 'bloodVolumeMl' });
    expect(parseFactPath('complications.0.symptoms.1')).toEqual({ list: 'complications', index: 0, field: 'symptoms', subIndex: 1 });
    for (const bad of ['label', 'procedures', 'procedures.x', 'procedures.0.term', 'treatments.0.onsetHours', 'complications.0.symptoms', '__proto__.x']) expect(parseFactPath(bad)).toBeNull();
  });
});

describe('applyFactReview', () => {
  it('accepting keeps the value and records who accepted it', () => {
    const { next, records: after } = applyFactReview(buildCase(), records(), review('sex', FactReviewAction.ACCEPT));
    expect(next.sex).toBe(Sex.FEMALE);
    expect(after.find((r) => r.path === 'sex')).toMatchObject({ status: FactStatus.ACCEPTED, reviewedBy: 'alice', evidence: evidence('FEMALE') });
  });

  it('refuses to accept a fact that was never proposed', () => {
    expect(() => applyFactReview(buildCase(), records(), review('outcome', FactReviewAction.ACCEPT))).toThrow(/no proposed fact at outcome/);
  });

  it('correcting a scalar validates its type', () => {
    const { next, records: after } = applyFactReview(buildCase(), records(), review('ageYears', FactReviewAction.CORRECT, '33'));
    expect(next.ageYears).toBe(33);
    expect(after.find((r) => r.path === 'ageYears')).toMatchObject({ status: FactStatus.CORRECTED, value: '33', evidence: null });
    expect(() => applyFactReview(buildCase(), records(), review('ageYears', FactReviewAction.CORRECT, 'thirty'))).toThrow(/takes a number/);
    expect(() => applyFactReview(buildCase(), records(), review('sex', FactReviewAction.CORRECT, 'other'))).toThrow(/FEMALE, MALE, UNKNOWN/);
  });

  it('rejecting a scalar makes it unknown', () => {
    const { next } = applyFactReview(buildCase(), records(), review('sex', FactReviewAction.REJECT));
    expect(next.sex).toBe('UNKNOWN');
  });

  it('rejecting a procedure removes it, moves later facts up and keeps links consistent', () => {
    const { next, records: after } = applyFactReview(buildCase(), records(), review('procedures.0', FactReviewAction.REJECT));
    expect(next.procedures.map((p) => p.term)).toEqual(['epidural-blood-patch']);
    expect(next.complications[0].procedureIndex).toBe(0);
    expect(after.find((r) => r.path === 'procedures.0')).toMatchObject({ value: 'epidural-blood-patch', status: FactStatus.SUGGESTED });
    expect(after.find((r) => r.path === 'procedures.0.bloodVolumeMl')).toMatchObject({ value: '20' });
    expect(after.find((r) => r.path === 'procedures.0#rejected')).toMatchObject({ status: FactStatus.REJECTED, reviewedBy: 'alice', value: 'labour-epidural-analgesia' });
  });

  it('rejecting the linked procedure unlinks the complication', () => {
    const { next } = applyFactReview(buildCase(), records(), review('procedures.1', FactReviewAction.REJECT));
    expect(next.complications[0].procedureIndex).toBeNull();
  });

  it('rejecting a symptom moves the next one up', () => {
    const { next, records: after } = applyFactReview(buildCase(), records(), review('complications.0.symptoms.0', FactReviewAction.REJECT));
    expect(next.complications[0].symptoms).toEqual(['paraplegia']);
    expect(after.find((r) => r.path === 'complications.0.symptoms.0')).toMatchObject({ value: 'paraplegia' });
    expect(after.find((r) => r.path === 'complications.0.symptoms.0#rejected')).toMatchObject({ status: FactStatus.REJECTED });
  });

  it('correcting a term or a detail of a linked fact', () => {
    const term = applyFactReview(buildCase(), records(), review('complications.0', FactReviewAction.CORRECT, 'spinal-subdural-hematoma'));
    expect(term.next.complications[0].term).toBe('spinal-subdural-hematoma');
    const volume = applyFactReview(buildCase(), records(), review('procedures.1.bloodVolumeMl', FactReviewAction.CORRECT, '15'));
    expect(volume.next.procedures[1].bloodVolumeMl).toBe(15);
  });

  it('names a path outside the case', () => {
    expect(() => applyFactReview(buildCase(), records(), review('procedures.5', FactReviewAction.REJECT))).toThrow(/has 2 procedures/);
    expect(() => applyFactReview(buildCase(), records(), review('bogus', FactReviewAction.REJECT))).toThrow(/is not a fact path/);
  });
});
