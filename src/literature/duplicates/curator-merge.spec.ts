import type { PublicationFields } from '../../publications/publication-validation';
import { TitleStatus } from '../../publications/title-status.enum';
import { mergeForCurator } from './curator-merge';

const fields = (values: Partial<PublicationFields>): PublicationFields => ({
  title: 'A title',
  titleStatus: TitleStatus.COMPLETE,
  abstract: null,
  authors: [],
  journal: null,
  year: null,
  month: null,
  volume: null,
  issue: null,
  pages: null,
  doi: null,
  pmid: null,
  pmcid: null,
  publicationTypes: [],
  meshHeadings: [],
  keywords: [],
  language: null,
  url: null,
  ...values,
});

describe('mergeForCurator', () => {
  it('fills what the kept publication lacks and unites the lists', () => {
    const result = mergeForCurator(fields({ year: 2020, keywords: ['a'] }), fields({ year: 2021, doi: '10.1/x', keywords: ['b'], publicationTypes: ['Case Reports'] }));
    expect(result.patch).toEqual({ doi: '10.1/x', keywords: ['a', 'b'], publicationTypes: ['Case Reports'] });
    expect(result.conflicts).toEqual([{ field: 'year', kept: '2020', offered: '2021' }]);
  });

  it('takes the longer abstract and the fuller author list', () => {
    const result = mergeForCurator(
      fields({ abstract: 'Short.', authors: [{ family: 'Mueller', given: null }] }),
      fields({ abstract: 'A longer abstract with the case.', authors: [{ family: 'Müller', given: 'Jürgen' }] }),
    );
    expect(result.patch).toEqual({ abstract: 'A longer abstract with the case.', authors: [{ family: 'Müller', given: 'Jürgen' }] });
    expect(result.filled).toEqual(['abstract', 'authors']);
    expect(result.conflicts.map((conflict) => [conflict.field, conflict.offered])).toEqual([
      ['abstract', 'Short.'],
      ['authors', 'Mueller'],
    ]);
  });

  it('keeps the kept author list when it is the fuller one', () => {
    const result = mergeForCurator(fields({ authors: [{ family: 'Okafor', given: 'C' }, { family: 'Berg', given: 'P' }] }), fields({ authors: [{ family: 'Okafur', given: 'C' }] }));
    expect(result.patch).toEqual({});
    expect(result.conflicts).toEqual([{ field: 'authors', kept: 'Okafor, C; Berg, P', offered: 'Okafur, C' }]);
  });
});
