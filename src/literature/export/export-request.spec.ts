import { BadUserInputError } from '../../common/errors/domain-error';
import { exportFormatParam, paramPathOf, searchInputFromParams } from './export-request';
import { publicationSearchInputFromParams } from './publication-export-request';

const fieldErrors = (work: () => unknown) => {
  try {
    work();
  } catch (error) {
    if (error instanceof BadUserInputError) return error.fieldErrors;
    throw error;
  }
  throw new Error('expected a BadUserInputError');
};

describe('export request parameters', () => {
  it('reads the search from q (the searchCaseReports input as JSON), ignoring paging and facets', () => {
    const q = JSON.stringify({ text: 'hematoma', filters: { outcomes: ['DEATH'], year: { min: 2000 } }, sort: 'YEAR_ASC', first: 5, facets: [{ facet: 'OUTCOME' }] });
    expect(searchInputFromParams({ q })).toEqual({ text: 'hematoma', filters: { outcomes: ['DEATH'], year: { min: 2000 } }, sort: 'YEAR_ASC' });
  });

  it('reads the search-as-you-type option and the complication-after-procedure link, from q or a parameter', () => {
    expect(searchInputFromParams({ q: JSON.stringify({ text: 'hemat', prefixLastWord: true, filters: { complications: ['hematoma'], procedures: ['epidural-blood-patch'], complicationsFollowProcedures: true } }) })).toEqual({
      text: 'hemat',
      prefixLastWord: true,
      sort: null,
      filters: { complications: ['hematoma'], procedures: ['epidural-blood-patch'], complicationsFollowProcedures: true },
    });
    expect(searchInputFromParams({ complications: 'hematoma', procedures: 'epidural-blood-patch', complicationsFollowProcedures: 'true' }).filters).toEqual({ complications: ['hematoma'], procedures: ['epidural-blood-patch'], complicationsFollowProcedures: true });
    expect(() => searchInputFromParams({ complicationsFollowProcedures: 'yes' })).toThrow();
  });

  it('keeps applySuggestedFilters from q, as searchCaseReports and exportCaseReports take it', () => {
    expect(searchInputFromParams({ q: JSON.stringify({ text: 'hematoma after blood patch', applySuggestedFilters: true }) })).toEqual({ text: 'hematoma after blood patch', applySuggestedFilters: true, filters: null, sort: null });
    expect(() => searchInputFromParams({ q: JSON.stringify({ text: 'x', applySuggestedFilters: 'yes' }) })).toThrow(/applySuggestedFilters/);
  });

  it('reads individual parameters: lists comma-separated or repeated, ranges as Min/Max', () => {
    expect(searchInputFromParams({ text: 'blood patch', complications: 'intrathecal-hematoma,spinal-subdural-hematoma', outcomes: ['DEATH', 'FULL_RECOVERY'], publicationTypes: ['Research Support, N.I.H., Extramural'], yearMin: '2010', outcomeKnown: 'true', format: 'csv' })).toEqual({
      text: 'blood patch',
      sort: null,
      filters: {
        complications: ['intrathecal-hematoma', 'spinal-subdural-hematoma'],
        outcomes: ['DEATH', 'FULL_RECOVERY'],
        publicationTypes: ['Research Support, N.I.H., Extramural'],
        year: { min: 2010, max: null },
        outcomeKnown: true,
      },
    });
  });

  it('takes the curation status filter like searchCaseReports (q or curationStatuses=CURATED)', () => {
    expect(searchInputFromParams({ q: JSON.stringify({ filters: { curationStatuses: ['SUGGESTED'] } }) }).filters).toEqual({ curationStatuses: ['SUGGESTED'] });
    expect(searchInputFromParams({ curationStatuses: 'CURATED' }).filters).toEqual({ curationStatuses: ['CURATED'] });
  });

  it('names what is wrong', () => {
    expect(fieldErrors(() => searchInputFromParams({ q: '{bad json' }))[0]).toMatchObject({ path: 'q', message: expect.stringMatching(/is not JSON/) });
    expect(fieldErrors(() => searchInputFromParams({ q: JSON.stringify({ filters: { outcomes: ['SOMETIMES'] } }) }))[0].path).toBe('q.filters.outcomes.0');
    expect(fieldErrors(() => searchInputFromParams({ q: JSON.stringify({ filter: {} }) }))[0].path).toBe('q');
    expect(fieldErrors(() => searchInputFromParams({ q: '{}', text: 'x' }))[0].message).toMatch(/either as q or as individual parameters/);
    expect(fieldErrors(() => searchInputFromParams({ yearMin: 'soon' }))[0]).toEqual({ path: 'yearMin', message: expect.stringMatching(/^must be a number written in decimal digits/) });
    expect(fieldErrors(() => searchInputFromParams({ sex: 'OTHER' }))[0].path).toBe('sex');
    expect(fieldErrors(() => searchInputFromParams({ sort: 'newest' }))[0].path).toBe('sort');
    expect(fieldErrors(() => publicationSearchInputFromParams({ caseStatuses: 'maybe' }))[0].path).toBe('caseStatuses');
    expect(fieldErrors(() => exportFormatParam('docx'))[0]).toEqual({ path: 'format', message: 'must be one of csv, ris, bibtex, csl-json, jsonl' });
    expect(exportFormatParam('CSL_JSON')).toBe('csl-json');
  });

  it('refuses an empty format instead of exporting CSV, and reads a given one trimmed and in any case', () => {
    expect(exportFormatParam(undefined)).toBe('csv');
    expect(fieldErrors(() => exportFormatParam(''))[0]).toEqual({ path: 'format', message: 'must not be empty: give one of csv, ris, bibtex, csl-json, jsonl (or leave format out for csv)' });
    expect(fieldErrors(() => exportFormatParam('  '))[0].path).toBe('format');
    expect(exportFormatParam(' RIS ')).toBe('ris');
  });

  it('reads enum values (sort, sex, outcomes…, caseStatuses) and booleans trimmed and in any case', () => {
    expect(searchInputFromParams({ sort: ' year_desc', outcomes: 'death, residual_deficit', sex: ['female'], outcomeKnown: ' TRUE ' })).toEqual({
      text: null,
      sort: 'YEAR_DESC',
      filters: { outcomes: ['DEATH', 'RESIDUAL_DEFICIT'], sex: ['FEMALE'], outcomeKnown: true },
    });
    expect(publicationSearchInputFromParams({ sort: 'year_asc', caseStatuses: 'none,Curated' })).toMatchObject({ sort: 'YEAR_ASC', filters: { caseStatuses: ['NONE', 'CURATED'] } });
    // Term keys and free text keep their case.
    expect(searchInputFromParams({ complications: 'Intrathecal-Hematoma' }).filters).toEqual({ complications: ['Intrathecal-Hematoma'] });
  });

  it('names the parameter a path of the search built from parameters stands for', () => {
    expect(paramPathOf('params.filters.sex.0')).toBe('sex');
    expect(paramPathOf('params.sort')).toBe('sort');
    expect(paramPathOf('params.filters.year')).toBe('yearMin');
    expect(paramPathOf('params.filters.age.max')).toBe('ageMax');
    expect(paramPathOf('params.filters.complications.2')).toBe('complications');
    expect(paramPathOf('q.filters.sex.0')).toBe('q.filters.sex.0');
  });
});

describe('export request text', () => {
  it('composes decomposed text (NFC) in q and in the parameters, as GraphQL does: a journal filter finds the journal stored composed', () => {
    const decomposed = (text: string) => text.normalize('NFD');
    expect(publicationSearchInputFromParams({ journals: decomposed('Revue médicale') }).filters).toMatchObject({ journals: ['Revue m\u00e9dicale'] });
    expect(publicationSearchInputFromParams({ q: JSON.stringify({ filters: { journals: [decomposed('Revue médicale')] } }) }).filters).toMatchObject({ journals: ['Revue m\u00e9dicale'] });
    expect(searchInputFromParams({ text: decomposed('hématome'), publicationTypes: decomposed('Étude de cas') })).toMatchObject({ text: 'h\u00e9matome', filters: { publicationTypes: ['\u00c9tude de cas'] } });
  });
});
