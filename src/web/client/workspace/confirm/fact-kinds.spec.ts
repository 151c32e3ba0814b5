import { addableFacts, displayFactValue, factKind } from './fact-kinds';

describe('confirm view: fact kinds', () => {
  it('names each fact path and says how it is corrected', () => {
    expect(factKind('ageYears')).toEqual({ label: 'Age', editor: { kind: 'number', units: ['years', 'months', 'weeks', 'days'] } });
    expect(factKind('sex')?.editor).toEqual({ kind: 'enum', values: ['FEMALE', 'MALE', 'UNKNOWN'] });
    expect(factKind('complications.0')).toEqual({ label: 'Complication 1', editor: { kind: 'term', termKind: 'COMPLICATION' } });
    expect(factKind('complications.1.symptoms.0')).toEqual({ label: 'Symptom 1 of complication 2', editor: { kind: 'term', termKind: 'SYMPTOM' } });
    expect(factKind('procedures.0.bloodVolumeMl')).toEqual({ label: 'Procedure 1: blood volume', editor: { kind: 'number', units: ['mL', 'L'] } });
    expect(factKind('procedures.0.needleGauge')?.editor).toEqual({ kind: 'count' });
  });

  it('leaves out the records of rejected items and paths it does not know', () => {
    expect(factKind('complications.0#rejected')).toBeNull();
    expect(factKind('summary')).toBeNull();
    expect(factKind('procedures.x')).toBeNull();
    expect(factKind('procedures.0.bloodVolumeMl.2')).toBeNull();
  });

  it('shows values as a person reads them', () => {
    expect(displayFactValue('pregnancyStatus', 'POSTPARTUM')).toBe('Postpartum');
    expect(displayFactValue('procedures.0.bloodVolumeMl', '20')).toBe('20 mL');
    expect(displayFactValue('complications.0', 'intrathecal-hematoma', 'Intrathecal hematoma')).toBe('Intrathecal hematoma');
    expect(displayFactValue('sex', null)).toBe('none');
  });

  it('offers the symptoms, volumes and onsets of the patient\'s own procedures and complications', () => {
    const paths = addableFacts(1, 2).map((fact) => fact.path);
    expect(paths).toEqual(expect.arrayContaining(['complications', 'treatments', 'complications.1.symptoms', 'procedures.0.bloodVolumeMl', 'complications.1.onsetHours', 'ageYears']));
    expect(paths).not.toContain('procedures.1.bloodVolumeMl');
  });
});
