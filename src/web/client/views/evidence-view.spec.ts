import { evidenceFieldLabel, factPathLabel, factValueLabel, methodLabel, shownFacts } from './evidence-view';
import { caseCounts, caseStatusLabels } from './publication-results-view';

describe('facts of a proposed case', () => {
  it('names a fact by its path in words', () => {
    expect(factPathLabel('ageYears')).toBe('Age');
    expect(factPathLabel('sex')).toBe('Sex');
    expect(factPathLabel('procedures.1.bloodVolumeMl')).toBe('Procedure 2: blood volume (mL)');
    expect(factPathLabel('complications.0')).toBe('Complication 1');
    expect(factPathLabel('someNewField')).toBe('Some new field');
  });

  it('reads values, sources and methods as a reader would', () => {
    expect(factValueLabel('FEMALE')).toBe('Female');
    expect(factValueLabel('intrathecal-hematoma')).toBe('intrathecal hematoma');
    expect(factValueLabel('34')).toBe('34');
    expect(factValueLabel('71', 'ageYears')).toBe('71 years');
    expect(factValueLabel('0.5', 'ageYears')).toBe('6 months');
    expect(factValueLabel(null)).toBe('not given');
    expect(evidenceFieldLabel('abstract')).toBe('the abstract');
    expect(evidenceFieldLabel('mesh')).toBe('a MeSH heading');
    expect(methodLabel('TEXT_RULE')).toBe('text rule');
    expect(methodLabel('MESH_MAPPING')).toBe('MeSH mapping');
  });

  it('does not show rejected facts as facts', () => {
    const fact = (path: string, status: string) => ({ path, status, value: 'x', reviewedBy: null, reviewedAt: null, evidence: null });
    expect(shownFacts([fact('sex', 'REJECTED'), fact('ageYears', 'SUGGESTED'), fact('outcome', 'CORRECTED')]).map((item) => item.path)).toEqual(['ageYears', 'outcome']);
  });
});

describe('a publication\'s case status', () => {
  it('says whether it has case reports, curated or suggested, with their counts', () => {
    expect(caseStatusLabels(caseCounts([]))).toEqual([{ status: 'NONE', text: 'No case reports' }]);
    expect(caseStatusLabels(caseCounts([{ curationStatus: 'SUGGESTED' }, { curationStatus: 'SUGGESTED' }, { curationStatus: 'REJECTED' }]))).toEqual([{ status: 'SUGGESTED', text: 'Suggested cases: 2' }]);
    expect(caseStatusLabels(caseCounts([{ curationStatus: 'CURATED' }, { curationStatus: 'SUGGESTED' }]))).toEqual([
      { status: 'CURATED', text: 'Curated cases: 1' },
      { status: 'SUGGESTED', text: 'Suggested cases: 1' },
    ]);
  });
});
