import { Outcome, PregnancyStatus, Sex } from '../case-reports/case-report.enums';
import { FactStatus } from '../case-reports/curation.enums';
import { TermKind } from '../vocabulary/term-kind.enum';
import { Evidence, ProposedPatient } from './extraction.types';
import { caseProposalOf } from './proposal-to-case';

const abstract = 'A 31-year-old postpartum woman had a 20 mL epidural blood patch. MRI showed an intrathecal hematoma; she complained of back pain.';
const at = (text: string): Evidence => {
  const start = abstract.indexOf(text);
  return { field: 'abstract', start, end: start + text.length, text, sentence: abstract, method: 'TEXT_RULE', confidence: 0.9 };
};
const patient = (): ProposedPatient => ({
  label: 'Case',
  ageYears: { value: 31, evidence: at('31-year-old') },
  sex: { value: Sex.FEMALE, evidence: at('woman') },
  pregnancyStatus: { value: PregnancyStatus.POSTPARTUM, evidence: at('postpartum') },
  anticoagulation: null,
  comorbidities: [],
  procedures: [{ termKey: 'epidural-blood-patch', kind: TermKind.PROCEDURE, evidence: at('epidural blood patch'), bloodVolumeMl: { value: 20, evidence: at('20 mL') }, vertebralLevel: null, attemptNumber: null }],
  complications: [
    { termKey: 'intrathecal-hematoma', kind: TermKind.COMPLICATION, evidence: at('intrathecal hematoma'), onsetHours: null, procedureIndex: 0, diagnosis: { value: 'MRI', evidence: at('MRI') } },
    { termKey: 'intrathecal-hematoma', kind: TermKind.COMPLICATION, evidence: at('hematoma'), onsetHours: null, procedureIndex: 5, diagnosis: null },
  ],
  symptoms: [{ termKey: 'back-pain', kind: TermKind.SYMPTOM, evidence: at('back pain') }],
  treatments: [{ termKey: 'observation', kind: TermKind.TREATMENT, evidence: at('MRI'), complicationIndex: 1 }],
  outcome: null,
  timeToResolutionDays: null,
});

describe('caseProposalOf', () => {
  const { input, facts } = caseProposalOf(patient(), 'pub-1');

  it('maps the patient onto a create input with terms by key', () => {
    expect(input).toMatchObject({ publicationId: 'pub-1', label: 'Case', ageYears: 31, sex: Sex.FEMALE, pregnancyStatus: PregnancyStatus.POSTPARTUM, anticoagulation: 'UNKNOWN', outcome: Outcome.UNKNOWN });
    expect(input.procedures).toEqual([{ term: 'epidural-blood-patch', bloodVolumeMl: 20, vertebralLevel: null, attemptNumber: null }]);
    expect(input.complications).toEqual([{ term: 'intrathecal-hematoma', procedureIndex: 0, onsetHours: null, diagnosis: 'MRI', symptoms: ['back-pain'] }]);
  });

  it('keeps a term once, and a treatment linked to a dropped duplicate loses its link', () => {
    expect(input.complications).toHaveLength(1);
    expect(input.treatments).toEqual([{ term: 'observation', complicationIndex: null }]);
  });

  it('records every stored value with its evidence, as SUGGESTED', () => {
    expect(facts.map((fact) => fact.path).sort()).toEqual(
      ['ageYears', 'sex', 'pregnancyStatus', 'procedures.0', 'procedures.0.bloodVolumeMl', 'complications.0', 'complications.0.diagnosis', 'complications.0.symptoms.0', 'treatments.0'].sort(),
    );
    expect(facts.every((fact) => fact.status === FactStatus.SUGGESTED)).toBe(true);
    const volume = facts.find((fact) => fact.path === 'procedures.0.bloodVolumeMl');
    expect(volume?.value).toBe('20');
    expect(abstract.slice(volume?.evidence?.start, volume?.evidence?.end)).toBe('20 mL');
  });

  it('a patient without a complication keeps no symptoms', () => {
    const { input: bare, facts: bareFacts } = caseProposalOf({ ...patient(), complications: [], treatments: [] }, 'pub-1');
    expect(bare.complications).toEqual([]);
    expect(bareFacts.some((fact) => fact.path.includes('symptoms'))).toBe(false);
  });
});
