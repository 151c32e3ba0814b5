import { BadUserInputError } from '../../common/errors/domain-error';
import { encodePublicationCursor, validatePublicationSearchInput } from './publication-search-input.validator';
import { PublicationSearchSort } from './publication-search-query';

const ID = '00000000-0000-4000-8000-00000000000A';
const errorsOf = (input: Record<string, unknown>) => {
  try {
    validatePublicationSearchInput(input as never, 100);
  } catch (error) {
    if (error instanceof BadUserInputError) return error.fieldErrors.map((e) => [e.path, e.message]);
    throw error;
  }
  return [];
};

describe('publication search cursors', () => {
  it('carry the sort key and the citation value, and come back as they went', () => {
    const after = encodePublicationCursor({ sort: PublicationSearchSort.YEAR_ASC, values: [2011, 0], publicationId: ID }, null);
    expect(validatePublicationSearchInput({ sort: PublicationSearchSort.YEAR_ASC, after } as never, 100).page.after).toEqual({ sort: PublicationSearchSort.YEAR_ASC, values: [2011, 0], publicationId: ID.toLowerCase() });
  });

  it('refuse a cursor made before the citation tie-break, asking to start again', () => {
    const after = encodePublicationCursor({ sort: PublicationSearchSort.YEAR_ASC, values: [2011], publicationId: ID }, null);
    expect(errorsOf({ sort: PublicationSearchSort.YEAR_ASC, after })).toEqual([['input.after', 'was made by an earlier version of this search: start again without "after"']]);
  });

  it('refuse a cursor of another sort', () => {
    const after = encodePublicationCursor({ sort: PublicationSearchSort.YEAR_DESC, values: [2011, 1], publicationId: ID }, null);
    expect(errorsOf({ sort: PublicationSearchSort.YEAR_ASC, after })).toEqual([['input.after', 'was made for sort YEAR_DESC, not YEAR_ASC: start again without "after"']]);
  });


  it('refuse a relevance cursor made for another text, and page on with the same one', () => {
    const ranked = (text: string) => validatePublicationSearchInput({ text } as never, 100).text;
    const after = encodePublicationCursor({ sort: PublicationSearchSort.RELEVANCE, values: [2.5, 0], publicationId: ID }, ranked('blood patch'));
    expect(errorsOf({ text: 'dural puncture', after })).toEqual([['input.after', 'was made for another search text: its relevance order does not continue here; start again without "after"']]);
    expect(validatePublicationSearchInput({ text: 'blood patch', after } as never, 100).page.after?.values).toEqual([2.5, 0]);
  });
});

describe('publication search facets', () => {
  it('refuse a facet requested twice, naming the second, as case search does (the second request and its interval were dropped)', () => {
    expect(errorsOf({ facets: [{ facet: 'YEAR' }, { facet: 'JOURNAL', limit: 5 }, { facet: 'YEAR', interval: 5 }] })).toEqual([['input.facets.2.facet', 'YEAR is requested twice']]);
    expect(errorsOf({ facets: [{ facet: 'YEAR', interval: 5 }, { facet: 'JOURNAL', limit: 5 }] })).toEqual([]);
  });
});
