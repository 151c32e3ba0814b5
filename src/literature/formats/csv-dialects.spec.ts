/**
 * The CSV / TSV dialects of the literature databases, each on a small fixture written from the
 * database's published column list (test/fixtures/literature/csv-dialects, see the README there):
 * the same three records (two with DOI and PMID, one without any identifier) in every dialect.
 */
import type { ParsedPublication, ParsedRecord } from '../parsed-publication';
import { detectFormat } from '../detect-format';
import { parsePublications } from '../parse-publications';
import { collect, fixtureStream, fixtureText, importError, streamOf } from '../testing/fixtures';
import { csvFieldNamed, parseCitationSource, parseColumnMapping, recogniseCsvExporter } from './csv-exporters';
import { locateCsvHeader } from './csv-header';
import { parseCsv } from './csv.parser';

const DIR = 'csv-dialects';

const CYST = {
  title: 'Giant dentigerous cyst of the mandible in a child: A case report',
  doi: '10.1016/j.ijscr.2019.01.017',
  year: 2019,
  volume: '55',
  pages: '112-115',
};
const TAKOTSUBO = {
  title: 'Takotsubo cardiomyopathy after Streptococcus pneumoniae sepsis: a case report and review of the literature',
  doi: '10.1186/s12872-021-02049-x',
  year: 2021,
  volume: '21',
};
const ANEURYSM = { title: 'Bilateral renal artery aneurysms in pregnancy', doi: null, pmid: null, year: 2018, volume: '4' };

async function read(file: string, chunkSize?: number): Promise<ParsedPublication[]> {
  const records: ParsedRecord[] = await collect(parsePublications(fixtureStream(`${DIR}/${file}`, chunkSize), { fileName: file }));
  return records.map((record) => record.publication);
}

function families(publication: ParsedPublication): string[] {
  return publication.authors.map((author) => author.family);
}

function expectSameTitle(actual: string | null, expected: string): void {
  expect(actual?.toLowerCase().replace(/\.$/, '')).toBe(expected.toLowerCase());
}

describe('CSV dialects of the literature databases', () => {
  it('Scopus: BOM, "Author full names" with ids, Page start/end, Art. No., PubMed ID, "[No author name available]"', async () => {
    const [cyst, takotsubo, aneurysm] = await read('scopus.csv');
    expect(cyst).toMatchObject({ ...CYST, pmid: '30739876', journal: 'International Journal of Surgery Case Reports', journalAbbreviation: 'Int. J. Surg. Case Rep.', issns: ['2210-2612'], language: 'English', publicationTypes: ['Article'] });
    expect(cyst.authors).toEqual([
      { family: 'Okafor', given: 'Chidi N' },
      { family: 'Lindqvist', given: 'Anna M' },
      { family: 'van den Berg', given: 'Pieter' },
    ]);
    expect(cyst.keywords).toEqual(['dentigerous cyst', 'mandible', 'case report', 'Article', 'child', 'human']);
    expect(takotsubo).toMatchObject({ ...TAKOTSUBO, issue: '1', pages: '245', pmid: '33990001' });
    expect(aneurysm).toMatchObject({ ...ANEURYSM, authors: [], pages: '98-101' });
  });

  it('Web of Science tab-delimited: UTF-16 with BOM, tag header, no quoting, HTML in titles, AF full names', async () => {
    const records = await collect(parseCsv(fixtureStream(`${DIR}/wos-tab-delimited.txt`, 100)));
    expect(records.map((record) => record.line)).toEqual([2, 3, 4]);
    const [cyst, takotsubo, aneurysm] = records.map((record) => record.publication);
    expect(cyst).toMatchObject({ ...CYST, pmid: '30739876', journal: 'INTERNATIONAL JOURNAL OF SURGERY CASE REPORTS', journalAbbreviation: 'Int. J. Surg. Case Rep.', month: 2, issns: ['2210-2612'] });
    expect(cyst.authors[2]).toEqual({ family: 'van den Berg', given: 'Pieter' });
    expect(takotsubo).toMatchObject({ ...TAKOTSUBO, pages: '245', pmid: '33990001', abstract: 'Background: Takotsubo cardiomyopathy may follow "sepsis".' });
    expect(families(takotsubo)).toEqual(['Dos Santos', 'Nakamura']);
    expect(aneurysm).toMatchObject({ ...ANEURYSM, pages: '98-101', issue: '2' });
  });

  it('Embase: preamble rows before the header, "Author Names" as "Family A.B.", Medline PMID, Emtree terms', async () => {
    const records = await collect(parseCsv(fixtureStream(`${DIR}/embase.csv`)));
    expect(records.map((record) => record.line)).toEqual([6, 7, 8]);
    const [cyst, takotsubo, aneurysm] = records.map((record) => record.publication);
    expect(cyst).toMatchObject({ ...CYST, pmid: '30739876', journal: 'International Journal of Surgery Case Reports', month: 2 });
    expect(cyst.authors).toEqual([
      { family: 'Okafor', given: 'CN' },
      { family: 'Lindqvist', given: 'AM' },
      { family: 'van den Berg', given: 'P' },
    ]);
    expect(cyst.keywords).toContain('case report');
    expectSameTitle(takotsubo.title, TAKOTSUBO.title);
    expect(takotsubo).toMatchObject({ doi: TAKOTSUBO.doi, pmid: '33990001', issue: '1' });
    expect(aneurysm).toMatchObject({ ...ANEURYSM, pages: '98-101' });
  });

  it('EBSCOhost / CINAHL: the citation in "Source", PMID as accession number of MEDLINE records', async () => {
    const [cyst, takotsubo, aneurysm] = await read('cinahl-ebsco.csv');
    expectSameTitle(cyst.title, CYST.title);
    expect(cyst).toMatchObject({ doi: CYST.doi, journal: 'International Journal of Surgery Case Reports', year: 2019, month: 2, volume: '55', pages: '112-115', pmid: null });
    expect(cyst.keywords).toEqual(['Dentigerous Cyst', 'Mandible', 'Child']);
    expect(takotsubo).toMatchObject({ pmid: '33990001', journal: 'BMC Cardiovascular Disorders', volume: '21', issue: '1', year: 2021 });
    expect(families(aneurysm)).toEqual(['Müller', "O'Brien"]);
    expect(aneurysm).toMatchObject({ year: 2018, volume: '4', issue: '2', pages: '98-101', doi: null, pmid: null });
  });

  it('Cochrane CENTRAL: "Author(s)" in MEDLINE style, PubMed ID or "PUBMED n" accession', async () => {
    const [cyst, takotsubo, aneurysm] = await read('cochrane-central.csv');
    expect(cyst).toMatchObject({ doi: CYST.doi, pmid: '30739876', pages: '112-115', year: 2019, journal: 'International journal of surgery case reports' });
    expect(cyst.authors[0]).toEqual({ family: 'Okafor', given: 'CN' });
    expect(takotsubo).toMatchObject({ doi: TAKOTSUBO.doi, pmid: null, publicationTypes: ['Case Reports', 'Review'] });
    expect(aneurysm).toMatchObject({ ...ANEURYSM, pages: '98-101' });
  });

  it('OpenAlex: "|"-separated authors, DOI and PMID as URLs, HTML in titles', async () => {
    const [cyst, takotsubo, aneurysm] = await read('openalex-works.csv');
    expect(cyst).toMatchObject({ ...CYST, pmid: '30739876', issns: ['2210-2612'], publicationTypes: ['article'], keywords: ['Dentigerous cyst', 'Mandible'] });
    expect(cyst.authors).toEqual([
      { family: 'Okafor', given: 'Chidi N' },
      { family: 'Lindqvist', given: 'Anna M' },
      { family: 'van den Berg', given: 'Pieter' },
    ]);
    expect(takotsubo).toMatchObject({ ...TAKOTSUBO, pmid: '33990001', pages: '245', month: 5 });
    expect(aneurysm).toMatchObject({ ...ANEURYSM, pages: '98-101' });
    expect(aneurysm.authors).toEqual([
      { family: 'Müller', given: 'Jürgen' },
      { family: "O'Brien", given: 'Siobhan' },
    ]);
  });

  it('Lens: "Author/s" as "Given Family", PMID and PMCID columns', async () => {
    const [cyst, takotsubo, aneurysm] = await read('lens-scholarly.csv');
    expect(cyst).toMatchObject({ ...CYST, pmid: '30739876', pmcid: 'PMC6370001', issns: ['2210-2612'] });
    expect(families(cyst)).toEqual(['Okafor', 'Lindqvist', 'van den Berg']);
    expect(takotsubo).toMatchObject({ ...TAKOTSUBO, pmid: '33990001' });
    expect(families(takotsubo)).toEqual(['Dos Santos', 'Nakamura']);
    expect(aneurysm).toMatchObject(ANEURYSM);
  });

  it('Publish or Perish (Google Scholar): "CN Okafor, AM Lindqvist" authors, truncated journals', async () => {
    const [cyst, takotsubo, aneurysm] = await read('publish-or-perish.csv');
    expect(cyst).toMatchObject({ title: CYST.title, year: 2019, journal: 'International Journal of Surgery Case Reports', doi: null });
    expect(cyst.authors).toEqual([
      { family: 'Okafor', given: 'CN' },
      { family: 'Lindqvist', given: 'AM' },
      { family: 'van den Berg', given: 'P' },
    ]);
    expect(families(takotsubo)).toEqual(['Dos Santos', 'Nakamura']);
    expect(takotsubo.journal).toBe('BMC Cardiovascular …');
    expect(aneurysm).toMatchObject({ title: ANEURYSM.title, year: 2018, url: 'https://www.jvscases.org/article/S2468-4287(18)30001-3/fulltext' });
  });

  it('Dimensions: the "About the data" row before the header, "PubYear", "Pagination"', async () => {
    const records = await collect(parseCsv(fixtureStream(`${DIR}/dimensions.csv`)));
    expect(records.map((record) => [record.recordNumber, record.line])).toEqual([
      [1, 3],
      [2, 4],
      [3, 5],
    ]);
    const [cyst, takotsubo, aneurysm] = records.map((record) => record.publication);
    expect(cyst).toMatchObject({ ...CYST, pmid: '30739876', pmcid: 'PMC6370001' });
    expect(cyst.keywords).toEqual(['Child', 'Dentigerous Cyst', 'Humans', 'Mandible']);
    expect(takotsubo).toMatchObject({ ...TAKOTSUBO, pmid: '33990001', pages: '245', month: 5 });
    expect(aneurysm).toMatchObject({ ...ANEURYSM, pages: '98-101', month: 6 });
  });

  it('EndNote via Excel: Windows-1252, ";" separators, a note before the header, section rows', async () => {
    const records = await collect(parseCsv(fixtureStream(`${DIR}/endnote-excel-semicolon.csv`)));
    expect(records.map((record) => [record.recordNumber, record.line])).toEqual([
      [1, 5],
      [2, 6],
      [3, 8],
    ]);
    const [cyst, takotsubo, aneurysm] = records.map((record) => record.publication);
    expectSameTitle(cyst.title, CYST.title);
    expect(cyst).toMatchObject({ doi: CYST.doi, pmid: '30739876', journal: 'International Journal of Surgery Case Reports', abstract: 'Introduction: Dentigerous cysts are common; mostly in adults.' });
    expect(takotsubo).toMatchObject({ doi: TAKOTSUBO.doi, issue: '1', pages: '245' });
    expect(aneurysm.authors).toEqual([
      { family: 'Müller', given: 'Jürgen' },
      { family: "O'Brien", given: 'Siobhan' },
    ]);
  });

  it('any table with common column names (TSV, "2018.0" years from a spreadsheet)', async () => {
    const [cyst, aneurysm] = await read('common-names.tsv');
    expectSameTitle(cyst.title, CYST.title);
    expect(cyst).toMatchObject({ doi: CYST.doi, pmid: '30739876', volume: '55', pages: '112-115', keywords: ['dentigerous cyst', 'mandible'] });
    expect(families(cyst)).toEqual(['Okafor', 'Lindqvist', 'van den Berg']);
    expect(aneurysm).toMatchObject({ year: 2018, issue: '2', doi: null });
  });

  it.each([
    ['scopus.csv', 'scopus'],
    ['embase.csv', 'embase'],
    ['cinahl-ebsco.csv', 'ebsco'],
    ['cochrane-central.csv', 'cochrane'],
    ['openalex-works.csv', 'openalex'],
    ['lens-scholarly.csv', 'lens'],
    ['publish-or-perish.csv', 'publish-or-perish'],
    ['dimensions.csv', 'dimensions'],
    ['common-names.tsv', 'generic'],
  ])('recognises %s as %s and detects it as CSV', (file, dialect) => {
    const head = fixtureText(`${DIR}/${file}`).replace(/\r\n/g, '\n');
    expect(locateCsvHeader(head)?.exporter?.name).toBe(dialect);
    expect(detectFormat(head, file)).toBe('csv');
  });

  it('RefWorks tab-delimited, as Citavi exports it: "Authors, Primary" joined by ";", pages split over "Start Page" and "Other Pages", month in "Pub Date Free From", PMID only in "Links"', async () => {
    const header = ['Reference Type', 'Reference Id', 'Authors, Primary', 'Title Primary', 'Periodical Full', 'Periodical Abbrev', 'Pub Year', 'Pub Month & Day', 'Pub Date Free From', 'Volume', 'Issue', 'Start Page', 'Other Pages', 'ISSN/ISBN', 'Links', 'URL', 'DOI', 'PMID', 'PMCID'];
    const rows = [
      ['Journal Article', '100,doc:1', 'van den Hoven,null;Smits,Maarten L. J.', 'A title', 'Journal of Vascular and Interventional Radiology', ' ', '2014', ' ', ' ', '25', '3', ' ', 'S105', '1051-0443', 'https://lens.org/152', 'https://lens.org/152', '10.1016/j.jvir.2013.12.293', ' ', ' '],
      ['Journal Article', '98,doc:2', 'Lenferink,Lonneke I. M.;Boelen,Paul A.', 'Another title', 'Psychiatry research', 'Psychiatry Res.', '2020', ' ', '08/31', '293', ' ', '69', '79', '1872-7123', 'https://www.ncbi.nlm.nih.gov/pubmed/32905864 https://www.ncbi.nlm.nih.gov/pmc/articles/PMC7458053', ' ', '10.1016/j.psychres.2020.113438', ' ', ' '],
    ];
    const text = [header, ...rows].map((row) => row.join('\t')).join('\n') + '\n';
    expect(locateCsvHeader(text)?.exporter?.name).toBe('refworks-tab');
    const [first, second] = (await collect(parsePublications(streamOf(text), { fileName: 'citavi.tsv' }))).map((record) => record.publication);
    expect(first).toMatchObject({ title: 'A title', journal: 'Journal of Vascular and Interventional Radiology', journalAbbreviation: null, year: 2014, volume: '25', issue: '3', pages: 'S105', doi: '10.1016/j.jvir.2013.12.293', issns: ['1051-0443'], pmid: null });
    expect(first.authors).toEqual([
      { family: 'van den Hoven', given: null },
      { family: 'Smits', given: 'Maarten L J' },
    ]);
    expect(second).toMatchObject({ journalAbbreviation: 'Psychiatry Res.', month: 8, pages: '69-79', pmid: '32905864', pmcid: 'PMC7458053' });
  });

  it('Abstrackr: keywords joined by "," alone, "pubmed id" 0 for none, and the rows of citations no one labelled ending after the authors', async () => {
    const header = '(internal) id,(source) id,pubmed id,keywords,abstract,title,journal,authors,tags,consensus,labeled_at,Anonymous,labeled_at,general notes (Anonymous)';
    const text = [
      header,
      '41893416,9,0,"Alberta,article,gamma radiation,Child, Preschool","An abstract.\n","A labelled title","PLoS ONE","Eberth, D.A.\n","",o,,1,2024-08-15 08:42:36,',
      'citations that are not yet labeled by anyone',
      '41893421,5,31762491,"chick,erratum","","An unlabelled title","BMC Ecol Evol","Brownstein, C.D.\n and Yang, Z.\n"',
      '',
    ].join('\n');
    expect(locateCsvHeader(text)?.exporter?.name).toBe('abstrackr');
    const records = await collect(parsePublications(streamOf(text), { fileName: 'abstrackr.csv' }));
    expect(records.map((record) => record.publication)).toMatchObject([
      { title: 'A labelled title', journal: 'PLoS ONE', abstract: 'An abstract.', pmid: null, keywords: ['Alberta', 'article', 'gamma radiation', 'Child, Preschool'], authors: [{ family: 'Eberth', given: 'DA' }] },
      { title: 'An unlabelled title', pmid: '31762491', abstract: null, keywords: ['chick', 'erratum'], authors: [{ family: 'Brownstein', given: 'CD' }, { family: 'Yang', given: 'Z' }] },
    ]);
    expect(records.flatMap((record) => record.notes)).toEqual([]);
  });

  it('still refuses a short row in any other table, naming its record and line', async () => {
    const text = 'Title,Authors,Year,Journal\n"A title","Smith J",2020,"J Test"\n"Another title","Doe A"\n';
    await expect(collect(parsePublications(streamOf(text), { fileName: 'table.csv' }))).rejects.toThrow('CSV record 2, line 3: has 2 columns but the header has 4');
  });

  it('recognises the Web of Science tag header and the EndNote header', () => {
    expect(recogniseCsvExporter('PT\tAU\tBA\tAF\tTI\tSO\tPY\tUT'.split('\t'))?.name).toBe('wos-tagged');
    expect(recogniseCsvExporter(['Reference Type', 'Author', 'Year', 'Title', 'Secondary Title'])?.name).toBe('endnote');
    expect(recogniseCsvExporter(['Publication Type', 'Authors', 'Article Title', 'Source Title', 'UT (Unique WOS ID)'])?.name).toBe('wos');
  });
});

describe('CSV column mapping', () => {
  it('refuses an unknown header, listing the columns found and how to map them', async () => {
    const error = await importError(parsePublications(fixtureStream(`${DIR}/unknown-header.csv`), { fileName: 'unknown-header.csv' }));
    expect(error).toMatchObject({ recordNumber: null, line: 1 });
    expect(error.message).toContain('found: Ref, Paper name, Writers, Published, Periodical name, Identifier');
    expect(error.message).toContain('--columns "title=Ref,authors=Paper name"');
    expect(error.message).toContain('GraphQL columns: [{ field: TITLE');
    expect(error.message).toContain('Scopus (title, source title, eid)');
  });

  it('reads it with the user\'s mapping', async () => {
    const columns = parseColumnMapping('title=Paper name, authors=Writers,year=Published,journal=Periodical name,doi=Identifier');
    const records = await collect(parsePublications(fixtureStream(`${DIR}/unknown-header.csv`), { fileName: 'unknown-header.csv', columns }));
    expect(records).toHaveLength(2);
    expect(records[0].publication).toMatchObject({ title: 'Giant dentigerous cyst of the mandible in a child: a case report', year: 2019, doi: CYST.doi, journal: 'International Journal of Surgery Case Reports' });
    expect(records[1].publication.authors).toEqual([
      { family: 'Müller', given: 'J' },
      { family: "O'Brien", given: 'S' },
    ]);
  });

  it('lets a mapping override a recognised dialect\'s column', async () => {
    const text = 'Title,Authors,Year,Journal,Notes\nA case,"Doe, J.",2020,J Rare,PMID 123\n';
    const [record] = await collect(parseCsv(streamOf(text), { columns: { pmid: 'Notes', journal: 'Title' } }));
    expect(record.publication).toMatchObject({ title: 'A case', journal: 'A case', pmid: '123', year: 2020 });
  });

  it('says a header with a title column lacks a column telling records apart, instead of "no title column"', async () => {
    const error = await importError(parseCsv(streamOf('Title,Colour\nA title,red\n')));
    expect(error.message).toContain('it has a title column ("Title") but none of authors, year, journal, doi, pmid under a common name');
    expect(error.message).not.toContain('no title column');
    expect((await importError(parseCsv(streamOf('Name,Colour\nx,red\n')))).message).toContain('has no title column under a common name');
  });

  it('refuses a mapping whose columns are not in the file', async () => {
    const error = await importError(parseCsv(streamOf('Name,Year\nx,2020\n'), { columns: { title: 'Article Title' } }));
    expect(error.message).toContain('the column mapping names "Article Title", not in the header row');
    expect(error.message).toContain('found: Name, Year');
  });

  it('parses mapping text, keeping commas inside column names', () => {
    expect(parseColumnMapping('title=Article Title,doi=DOI; cited=x'.replace('; cited=x', ''))).toEqual({ title: 'Article Title', doi: 'DOI' });
    expect(parseColumnMapping('title=Title, Subtitle,author=Creators,START_PAGE=From')).toEqual({ title: 'Title, Subtitle', authors: 'Creators', startPage: 'From' });
    expect(() => parseColumnMapping('colour=Red')).toThrow(/not a field that can be mapped/);
    expect(() => parseColumnMapping('title=')).toThrow(/no column given for title/);
    // One of two columns was read without a word (title=Name,title=Heading read Heading); importPublications' columns list refuses it.
    expect(() => parseColumnMapping('title=Name,year=Year,TITLE=Heading')).toThrow('title is mapped twice ("Name" and "Heading"): map each field to one column');
    expect(csvFieldNamed('JOURNAL_ABBREVIATION')).toBe('journalAbbreviation');
  });
});

describe('parseCitationSource', () => {
  it.each([
    ['International Journal of Surgery Case Reports, Feb2019; 55: 112-115. 4p.', { journal: 'International Journal of Surgery Case Reports', year: 2019, volume: '55', issue: null, pages: '112-115' }],
    ['BMC Cardiovascular Disorders, 5/14/2021; 21(1): 1-6. 6p.', { journal: 'BMC Cardiovascular Disorders', year: 2021, volume: '21', issue: '1', pages: '1-6' }],
    ['Journal of Vascular Surgery Cases', { journal: 'Journal of Vascular Surgery Cases', year: null }],
  ])('%s', (source, expected) => {
    expect(parseCitationSource(source)).toMatchObject(expected);
  });
});
