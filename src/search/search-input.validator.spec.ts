import { BadUserInputError } from '../common/errors/domain-error';
import { encodeSearchCursor } from './query/search-cursor';
import { FacetName } from './query/facet-registry';
import { SearchSort } from './query/search-query';
import { validateSearchInput } from './search-input.validator';

const pathsOf = (input: Record<string, unknown>): string[] => {
  try {
    validateSearchInput(input as never, 100);
  } catch (error) {
    if (error instanceof BadUserInputError) return error.fieldErrors.map((e) => e.path);
    throw error;
  }
  return [];
};

describe('validateSearchInput', () => {
  it('accepts a full input and keeps term references for resolution', () => {
    const { query, termReferences } = validateSearchInput(
      { text: 'hematoma -cranial', filters: { complications: ['intrathecal-hematoma', 'D020767'], treatments: ['UNKNOWN'], year: { min: 2000, max: null }, outcomeKnown: false }, facets: [{ facet: FacetName.AGE, interval: 5 }, { facet: FacetName.TREATMENT, limit: 10, includeZero: true }], sort: SearchSort.AGE_ASC, first: 0 },
      100,
    );
    expect(termReferences.complications).toEqual(['intrathecal-hematoma', 'D020767']);
    expect(query.filters).toEqual({ year: { min: 2000 }, outcomeKnown: false });
    expect(query.facets).toEqual([{ facet: FacetName.AGE, includeZero: false, interval: 5 }, { facet: FacetName.TREATMENT, includeZero: true, limit: 10 }]);
    expect(query.page).toEqual({ first: 0, after: null });
    expect(query.text?.anyOf[0].exclude[0].text).toBe('cranial');
  });

  it.each<[string, Record<string, unknown>, string]>([
    ['inverted range', { filters: { age: { min: 50, max: 20 } } }, 'input.filters.age'],
    ['page size over the limit', { first: 101 }, 'input.first'],
    ['negative page size', { first: -1 }, 'input.first'],
    ['unknown facet', { facets: [{ facet: 'COLOUR' }] }, 'input.facets.0.facet'],
    ['facet asked twice', { facets: [{ facet: FacetName.SEX }, { facet: FacetName.SEX }] }, 'input.facets.1.facet'],
    ['limit on a numeric facet', { facets: [{ facet: FacetName.YEAR, limit: 3 }] }, 'input.facets.0.limit'],
    ['interval on a value facet', { facets: [{ facet: FacetName.SEX, interval: 3 }] }, 'input.facets.0.interval'],
    ['interval too small', { facets: [{ facet: FacetName.ONSET_HOURS, interval: 0.01 }] }, 'input.facets.0.interval'],
    ['too many buckets', { facets: [{ facet: FacetName.ONSET_HOURS, interval: 1 }] }, 'input.facets.0.interval'],
    ['text too long', { text: 'x'.repeat(501) }, 'input.text'],
    ['garbage cursor', { after: 'not-a-cursor' }, 'input.after'],
    ['cursor of another sort', { sort: SearchSort.YEAR_ASC, after: encodeSearchCursor({ sort: SearchSort.AGE_ASC, values: [3, 1], caseReportId: '00000000-0000-4000-8000-000000000001' }, null) }, 'input.after'],
    ['cursor made before the citation tie-break (one sort value)', { sort: SearchSort.AGE_ASC, after: encodeSearchCursor({ sort: SearchSort.AGE_ASC, values: [3], caseReportId: '00000000-0000-4000-8000-000000000001' }, null) }, 'input.after'],
    ['blank term reference', { filters: { symptoms: ['  '] } }, 'input.filters.symptoms.0'],
  ])('refuses %s, naming the field', (_, input, path) => {
    expect(pathsOf(input)).toContain(path);
  });

  it('reads back a cursor with the sort key and citation values', () => {
    const after = encodeSearchCursor({ sort: SearchSort.AGE_ASC, values: [31, 0], caseReportId: '00000000-0000-4000-8000-00000000000A' }, null);
    expect(validateSearchInput({ sort: SearchSort.AGE_ASC, after } as never, 100).query.page.after).toEqual({ sort: SearchSort.AGE_ASC, values: [31, 0], caseReportId: '00000000-0000-4000-8000-00000000000a' });
  });

  it('quotes at most 40 characters of a forged cursor\'s sort', () => {
    const forged = Buffer.from(JSON.stringify(['Y'.repeat(5000), [1, 0], '00000000-0000-4000-8000-00000000000a'])).toString('base64url');
    expect(() => validateSearchInput({ after: forged } as never, 100)).toThrow(`was made for sort ${'Y'.repeat(40)}, not RELEVANCE`);
  });

  describe('a relevance cursor', () => {
    const id = '00000000-0000-4000-8000-00000000000a';
    const cursorFor = (text: string) => encodeSearchCursor({ sort: SearchSort.RELEVANCE, values: [1.5, 0], caseReportId: id }, validateSearchInput({ text } as never, 100).query.text);

    it('pages on the text it ranked, however it is spaced', () => {
      expect(validateSearchInput({ text: ' epidural   hematoma ', after: cursorFor('epidural hematoma') } as never, 100).query.page.after).toEqual({ sort: SearchSort.RELEVANCE, values: [1.5, 0], caseReportId: id });
    });

    it('is refused for another text: its scores do not continue there', () => {
      expect(() => validateSearchInput({ text: 'meningitis', after: cursorFor('epidural hematoma') } as never, 100)).toThrow('was made for another search text');
      expect(pathsOf({ text: 'meningitis', after: cursorFor('epidural hematoma') })).toEqual(['input.after']);
    });

    it('made before the text was kept in it (three parts) is still read', () => {
      const old = Buffer.from(JSON.stringify([SearchSort.RELEVANCE, [1.5, 0], id])).toString('base64url');
      expect(validateSearchInput({ text: 'meningitis', after: old } as never, 100).query.page.after?.caseReportId).toBe(id);
    });

    it('of another sort carries no text, so the text may change under it', () => {
      const after = encodeSearchCursor({ sort: SearchSort.YEAR_ASC, values: [2011, 0], caseReportId: id }, validateSearchInput({ text: 'hematoma' } as never, 100).query.text);
      expect(validateSearchInput({ text: 'meningitis', sort: SearchSort.YEAR_ASC, after } as never, 100).query.page.after?.values).toEqual([2011, 0]);
    });
  });

  it('reports every problem at once', () => {
    expect(pathsOf({ first: 1000, filters: { year: { min: 3, max: 1 } } })).toEqual(['input.first', 'input.filters.year']);
  });
});
