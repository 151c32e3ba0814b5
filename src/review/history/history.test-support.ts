import { Anticoagulation, Outcome, PregnancyStatus, Sex } from '../../case-reports/case-report.enums';
import { CurationStatus, FactStatus } from '../../case-reports/curation.enums';
import { CaseFactRecord } from '../../case-reports/entities/case-fact-record';
import { CaseSnapshot } from './case-snapshot';

export const evidenceOf = (text: string) => ({ field: 'abstract', start: 0, end: text.length, text, sentence: text, method: 'TEXT_RULE', confidence: 0.8 });
export const suggestedFact = (path: string, value: string | null): CaseFactRecord => ({ path, value, status: FactStatus.SUGGESTED, evidence: evidenceOf(value ?? ''), reviewedBy: null, reviewedAt: null });

/** A proposed postpartum patient with two procedures, a complication after the second, and its treatment. */
export function buildSnapshot(overrides: Partial<CaseSnapshot> = {}): CaseSnapshot {
  return {
    publicationId: '00000000-0000-4000-8000-000000000001',
    label: 'Case 1',
    summary: null,
    ageYears: 31,
    sex: Sex.FEMALE,
    pregnancyStatus: PregnancyStatus.POSTPARTUM,
    anticoagulation: Anticoagulation.UNKNOWN,
    comorbidities: ['pre-eclampsia'],
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
    curationStatus: CurationStatus.SUGGESTED,
    facts: [
      suggestedFact('sex', 'FEMALE'),
      suggestedFact('ageYears', '31'),
      suggestedFact('procedures.0', 'labour-epidural-analgesia'),
      suggestedFact('procedures.1', 'epidural-blood-patch'),
      suggestedFact('procedures.1.bloodVolumeMl', '20'),
      suggestedFact('complications.0', 'intrathecal-hematoma'),
      suggestedFact('complications.0.symptoms.0', 'back-pain'),
      suggestedFact('treatments.0', 'decompressive-laminectomy'),
    ],
    ...overrides,
  };
}
