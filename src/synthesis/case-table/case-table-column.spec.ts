import { ExportCase, ExportTerm } from '../../literature/export/export-case';
import { authorYear, CASE_TABLE_COLUMNS, caseTableRow, CaseTableColumn, DEFAULT_CASE_TABLE_COLUMNS, NOT_REPORTED, onsets, procedureSequence } from './case-table-column';

const term = (label: string): ExportTerm => ({ key: label.toLowerCase().replace(/\s+/g, '-'), label, meshUi: null });
const procedure = (label: string, extra: Partial<ExportCase['procedures'][number]> = {}) => ({ term: term(label), details: null, bloodVolumeMl: null, vertebralLevel: null, attemptNumber: null, imageGuidance: null, needleGauge: null, ...extra });

function caseOf(overrides: { caseReport?: Partial<ExportCase['caseReport']>; publication?: Partial<ExportCase['publication']> } & Partial<Omit<ExportCase, 'caseReport' | 'publication'>> = {}): ExportCase {
  return {
    caseReport: { id: 'c1', publicationId: 'p1', label: 'Case 1', summary: null, ageYears: 37, ageGroup: 'ADULT', sex: 'FEMALE', pregnancyStatus: 'POSTPARTUM', anticoagulation: 'UNKNOWN', outcome: 'FULL_RECOVERY', outcomeDetails: null, timeToResolutionDays: null, followUpDays: 21, curationStatus: 'CURATED', facts: [], extractionRulesVersion: null, createdAt: new Date(0), updatedAt: new Date(0), ...overrides.caseReport } as ExportCase['caseReport'],
    publication: { id: 'p1', title: 'Intrathecal hematoma after a blood patch', authors: [{ family: 'Landa', given: 'J' }, { family: 'Sung', given: 'K' }, { family: 'Jakubowicz', given: 'R' }], year: 2018, doi: '10.1/x', pmid: '123', ...overrides.publication } as ExportCase['publication'],
    comorbidities: [],
    procedures: overrides.procedures ?? [procedure('Labour epidural analgesia'), procedure('Accidental dural puncture', { vertebralLevel: 'L2-L3' }), procedure('Epidural blood patch', { bloodVolumeMl: 20, attemptNumber: 1, vertebralLevel: 'L3-L4' })],
    complications: overrides.complications ?? [
      { term: term('Intrathecal hematoma'), procedureIndex: 2, onsetHours: 216, diagnosis: 'MRI', details: null, symptoms: [term('Back pain'), term('Radicular symptoms')] },
      { term: term('Post-dural puncture headache'), procedureIndex: 1, onsetHours: null, diagnosis: null, details: null, symptoms: [term('Back pain')] },
    ],
    treatments: overrides.treatments ?? [{ term: term('Observation'), complicationIndex: 0, details: null }],
  };
}

describe('case table columns', () => {
  it('cites as "Author Year" (one, two, three or more authors; no year)', () => {
    expect(authorYear(caseOf())).toBe('Landa et al. 2018');
    expect(authorYear(caseOf({ publication: { authors: [{ family: 'Kalina', given: 'P' }, { family: 'Campeau', given: 'N' }] } }))).toBe('Kalina and Campeau 2018');
    expect(authorYear(caseOf({ publication: { authors: [{ family: 'Iga', given: null }], year: null } }))).toBe('Iga n.d.');
    expect(authorYear(caseOf({ publication: { authors: [], title: 'Anonymous report' } }))).toBe('Anonymous report 2018');
  });

  it('writes the procedure sequence with attempt, volume and level', () => {
    const second = procedure('Epidural blood patch', { attemptNumber: 2, bloodVolumeMl: 12.5 });
    expect(procedureSequence(caseOf({ procedures: [...caseOf().procedures, second] }))).toBe(
      'Labour epidural analgesia; Accidental dural puncture (L2-L3); Epidural blood patch (20 ml, L3-L4); Epidural blood patch #2 (12.5 ml)',
    );
    expect(procedureSequence(caseOf({ procedures: [] }))).toBe(NOT_REPORTED);
  });

  it('writes onsets with the procedure they followed, NR when none is reported', () => {
    expect(onsets(caseOf())).toBe('Intrathecal hematoma: 216 h after Epidural blood patch');
    expect(onsets(caseOf({ complications: [] }))).toBe(NOT_REPORTED);
  });

  it('gives the cells in the order asked', () => {
    const row = caseTableRow(caseOf(), [CaseTableColumn.OUTCOME, CaseTableColumn.CITATION, CaseTableColumn.AGE, CaseTableColumn.SYMPTOMS, CaseTableColumn.DIAGNOSIS, CaseTableColumn.TREATMENTS, CaseTableColumn.FOLLOW_UP, CaseTableColumn.TIME_TO_RESOLUTION, CaseTableColumn.REFERENCE]);
    expect(row).toEqual(['Full recovery', 'Landa et al. 2018', '37', 'Back pain; Radicular symptoms', 'MRI', 'Observation', '21 d', NOT_REPORTED, 'doi:10.1/x']);
  });

  it('labels enums and marks what is not reported', () => {
    const item = caseOf({ caseReport: { ageYears: null, sex: 'UNKNOWN' as never, pregnancyStatus: 'NOT_PREGNANT' as never, anticoagulation: 'BOTH' as never, outcome: 'UNKNOWN' as never, curationStatus: 'SUGGESTED' as never }, treatments: [] });
    expect(caseTableRow(item, [CaseTableColumn.AGE, CaseTableColumn.SEX, CaseTableColumn.PREGNANCY_STATUS, CaseTableColumn.ANTICOAGULATION, CaseTableColumn.OUTCOME, CaseTableColumn.CURATION_STATUS, CaseTableColumn.TREATMENTS])).toEqual([
      NOT_REPORTED,
      'Unknown',
      'Not pregnant',
      'Anticoagulant and antiplatelet',
      'Unknown',
      'Suggested (not yet confirmed)',
      NOT_REPORTED,
    ]);
  });

  it('keeps every cell on one line', () => {
    const item = caseOf({ caseReport: { label: 'Case\n2' }, complications: [{ term: term('Hematoma'), procedureIndex: null, onsetHours: null, diagnosis: 'MRI\r\nand CT', details: null, symptoms: [] }] });
    expect(caseTableRow(item, [CaseTableColumn.CASE_LABEL, CaseTableColumn.DIAGNOSIS])).toEqual(['Case 2', 'MRI and CT']);
  });

  it('documents every column and defaults to the synthesis columns', () => {
    for (const column of Object.values(CaseTableColumn)) expect(CASE_TABLE_COLUMNS[column].description.length).toBeGreaterThan(5);
    expect(DEFAULT_CASE_TABLE_COLUMNS[0]).toBe(CaseTableColumn.CITATION);
  });
});
