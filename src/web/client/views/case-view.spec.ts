import { citationSource, doiUrl, pubmedUrl } from './case-view';

describe('citation', () => {
  it('formats the source Vancouver style, leaving out what is unknown', () => {
    expect(citationSource({ journal: 'Case Rep Anesthesiol', year: 2020, month: 3, volume: '2020', issue: null, pages: '8925731' })).toBe('Case Rep Anesthesiol. 2020 Mar;2020:8925731.');
    expect(citationSource({ journal: 'Int J Obstet Anesth.', year: 2019, month: null, volume: '40', issue: '2', pages: '1-5' })).toBe('Int J Obstet Anesth. 2019;40(2):1-5.');
    expect(citationSource({ journal: null, year: null, month: null, volume: null, issue: null, pages: null })).toBe('');
  });

  it('links DOIs and PMIDs to their resolvers', () => {
    expect(doiUrl('10.1155/2020/8925731')).toBe('https://doi.org/10.1155/2020/8925731');
    expect(doiUrl('10.1002/(SICI)1097<x>#1')).toBe('https://doi.org/10.1002/(SICI)1097%3Cx%3E%231');
    expect(pubmedUrl('32257448')).toBe('https://pubmed.ncbi.nlm.nih.gov/32257448/');
  });
});
