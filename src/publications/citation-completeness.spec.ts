import { CitationFields, CitationPart, isCitationComplete, missingCitationParts } from './citation-completeness';
import { TitleStatus } from './title-status.enum';

const complete: CitationFields = {
  title: 'Intrathecal hematoma after an epidural blood patch',
  titleStatus: TitleStatus.COMPLETE,
  authors: [{ family: 'Smith', given: 'J' }],
  journal: 'Int J Obstet Anesth',
  year: 2019,
};

describe('citation completeness', () => {
  it('is complete with a whole title, a named author, a journal and a year (identifiers are not required)', () => {
    expect(missingCitationParts(complete)).toEqual([]);
    expect(isCitationComplete(complete)).toBe(true);
  });

  it.each<[string, Partial<CitationFields>, CitationPart[]]>([
    ['a title not recorded', { title: null, titleStatus: TitleStatus.NOT_RECORDED }, [CitationPart.TITLE]],
    ['only the beginning of the title', { title: 'Intrathecal hematoma after', titleStatus: TitleStatus.INCOMPLETE }, [CitationPart.TITLE]],
    ['a blank title', { title: '   ' }, [CitationPart.TITLE]],
    ['no authors', { authors: [] }, [CitationPart.AUTHORS]],
    ['authors without a name', { authors: [{ family: ' ', given: 'J' }] }, [CitationPart.AUTHORS]],
    ['no journal', { journal: null }, [CitationPart.JOURNAL]],
    ['a blank journal', { journal: ' ' }, [CitationPart.JOURNAL]],
    ['no year', { year: null }, [CitationPart.YEAR]],
    ['everything unknown', { title: null, titleStatus: TitleStatus.NOT_RECORDED, authors: [], journal: null, year: null }, [CitationPart.TITLE, CitationPart.AUTHORS, CitationPart.JOURNAL, CitationPart.YEAR]],
  ])('is incomplete with %s', (_, change, missing) => {
    const publication = { ...complete, ...change };
    expect(missingCitationParts(publication)).toEqual(missing);
    expect(isCitationComplete(publication)).toBe(false);
  });

  it('reads a source without a title status from its title alone', () => {
    expect(isCitationComplete({ ...complete, titleStatus: undefined })).toBe(true);
    expect(missingCitationParts({ ...complete, titleStatus: null, title: null })).toEqual([CitationPart.TITLE]);
  });
});
