import type { ParsedRecord } from '../parsed-publication';
import { collect, fixtureBytes, fixtureStream, importError, streamOf } from '../testing/fixtures';
import { CSV_EXPORTERS, doiFromOpenUrl, pagesFromCount, parseEmbaseSource, parsePubmedCitation, recogniseCsvExporter } from './csv-exporters';
import { parseCsv, sniffDelimiter } from './csv.parser';

const ZOTERO = 'csv/zotero-10-records.csv';
const RAYYAN = 'csv/rayyan-10-records.csv';

describe('parseCsv on the real Zotero export (BOM, 87 quoted columns)', () => {
  let records: ParsedRecord[];
  beforeAll(async () => {
    records = await collect(parseCsv(fixtureStream(ZOTERO)));
  });

  it('has a byte order mark and yields 10 records from line 2', () => {
    expect([...fixtureBytes(ZOTERO).subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(records).toHaveLength(10);
    expect(records.map((record) => record.line)).toEqual([2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    expect(records.map((record) => record.recordNumber)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  });

  it('maps the Zotero columns', () => {
    expect(records[0].publication).toMatchObject({
      title: 'Cellular structure of dinosaur scales reveals retention of reptile-type skin during the evolutionary transition to feathers',
      journal: 'Nature Communications',
      journalAbbreviation: 'Nat. Commun.',
      year: 2024,
      month: null,
      volume: '15',
      issue: '1',
      pages: null,
      doi: '10.1038/s41467-024-48400-3',
      pmid: null,
      issns: ['2041-1723'],
      language: 'English',
      url: 'https://www.embase.com/search/results?subaction=viewrecord&id=L2029880245&from=export',
    });
    expect(records[0].publication.authors).toEqual([
      { family: 'Yang', given: 'Z' },
      { family: 'Jiang', given: 'B' },
      { family: 'Xu', given: 'J' },
      { family: 'McNamara', given: 'ME' },
    ]);
    expect(records[0].publication.keywords).toHaveLength(25); // "Manual Tags", "; "-separated
    expect(records[0].publication.keywords.slice(0, 2)).toEqual(['article', 'controlled study']);
    expect(records[2].publication).toMatchObject({ pages: '307-356', journal: 'Cladistics : the international journal of the Willi Hennig Society' });
  });
});

describe('parseCsv on the real Rayyan export', () => {
  let records: ParsedRecord[];
  beforeAll(async () => {
    records = await collect(parseCsv(fixtureStream(RAYYAN, 256)));
  });

  it('yields 10 records', () => {
    expect(records).toHaveLength(10);
    expect(records[9].line).toBe(11);
  });

  it('splits " and " authors, cleans the glued DOI and URL, reads the JSON list of ISSNs and ";" keywords', () => {
    const first = records[0].publication;
    expect(first.authors.map((author) => author.family)).toEqual(['Yang', 'Jiang', 'Xu', 'McNamara']);
    expect(first.doi).toBe('10.1038/s41467-024-48400-3'); // cell: "10.1038/s41467-024-48400-3     LK  - https://..."
    expect(first.url).toBe('https://www.embase.com/search/results?subaction=viewrecord&id=L2029880245&from=export');
    expect(first.keywords).toHaveLength(25);
    expect(first.keywords[0]).toBe('keratin');
    expect(first).toMatchObject({ journal: 'Nat. Commun.', year: 2024, volume: '15', issue: '1', pmid: null, pmcid: null, language: 'English' });
    expect(records[5].publication.issns).toEqual(['1932-8494', '1932-8486']);
  });
});

describe('parseCsv exporters written from their published column lists', () => {
  it('reads PubMed\'s CSV export, taking volume/issue/pages/month from "Citation"', async () => {
    const text = [
      'PMID,Title,Authors,Citation,First Author,Journal/Book,Publication Year,Create Date,PMCID,NIHMS ID,DOI',
      '30922926,Time lapse: A glimpse into prehistoric genomics.,"Griffin DK, Larkin DM, O\'Connor RE.",Eur J Med Genet. 2020 Feb;63(2):103640. doi: 10.1016/j.ejmg.2019.03.004. Epub 2019 Mar 25.,Griffin DK,Eur J Med Genet,2020,2019/03/30,PMC7026692,,10.1016/j.ejmg.2019.03.004',
      '',
    ].join('\n');
    const [record] = await collect(parseCsv(streamOf(text)));
    expect(record.publication).toMatchObject({
      pmid: '30922926',
      pmcid: 'PMC7026692',
      doi: '10.1016/j.ejmg.2019.03.004',
      title: 'Time lapse: A glimpse into prehistoric genomics.',
      journal: 'Eur J Med Genet',
      journalAbbreviation: 'Eur J Med Genet',
      year: 2020,
      month: 2,
      volume: '63',
      issue: '2',
      pages: '103640',
    });
    expect(record.publication.authors).toEqual([
      { family: 'Griffin', given: 'DK' },
      { family: 'Larkin', given: 'DM' },
      { family: "O'Connor", given: 'RE' },
    ]);
  });

  it('reads a Covidence export, with the PMID in "Accession Number"', async () => {
    const text = [
      'Title,Authors,Abstract,Published Year,Journal,Volume,Issue,Pages,Accession Number,DOI,Ref,Covidence #,Study,Notes,Tags',
      '"A rare case","Smith, John; Doe, A.","BACKGROUND: x.",2019,Journal of Rare Cases,12,3,100-104,29123456,https://doi.org/10.1000/RARE,12,#345,Smith 2019,,included',
    ].join('\r\n');
    const [record] = await collect(parseCsv(streamOf(text)));
    expect(record.publication).toMatchObject({
      title: 'A rare case',
      authors: [
        { family: 'Smith', given: 'John' },
        { family: 'Doe', given: 'A' },
      ],
      abstract: 'BACKGROUND: x.',
      year: 2019,
      journal: 'Journal of Rare Cases',
      volume: '12',
      issue: '3',
      pages: '100-104',
      pmid: '29123456',
      doi: '10.1000/rare',
      keywords: [],
    });
  });

  it('parses PubMed citations', () => {
    expect(parsePubmedCitation('Medicine (Baltimore). 2019 Aug;98(33):e16881. doi: 10.1097/MD.0000000000016881.', 'Medicine (Baltimore)')).toEqual({
      month: 8,
      volume: '98',
      issue: '33',
      pages: 'e16881',
      doi: '10.1097/md.0000000000016881',
    });
    expect(parsePubmedCitation('Nihon Shika Ishikai Zasshi. 1968 Oct;21(7):587-95.', 'Nihon Shika Ishikai Zasshi')).toMatchObject({ month: 10, volume: '21', issue: '7', pages: '587-95' });
  });

  it('reads the pages of a PubMed citation ahead of print, which follow the date ("2022 Jan 31:1-13")', () => {
    expect(parsePubmedCitation('Eur J Sport Sci. 2022 Jan 31:1-13. doi: 10.1080/17461391.2021.2023656. Online ahead of print.', 'Eur J Sport Sci')).toEqual({
      month: 1,
      volume: null,
      issue: null,
      pages: '1-13',
      doi: '10.1080/17461391.2021.2023656',
    });
    expect(parsePubmedCitation('J Clin Med. 2021 Mar 2:e5. Online ahead of print.', 'J Clin Med')).toMatchObject({ month: 3, volume: null, pages: 'e5' });
    // Not pages: a time of day does not occur, but a date without pages must not lose its month.
    expect(parsePubmedCitation('Lancet. 2022 Feb 5;399(10324):555-604.', 'Lancet')).toMatchObject({ month: 2, volume: '399', issue: '10324', pages: '555-604' });
  });

  it('recognises each exporter by its header only', () => {
    for (const exporter of CSV_EXPORTERS) expect(recogniseCsvExporter(exporter.signatures[0])?.name).toBe(exporter.name);
    expect(recogniseCsvExporter(['Title', 'Year'])).toBeNull();
  });
});

describe('parseCsv dirty input', () => {
  const rayyanHeader = 'key,title,year,month,day,journal,issn,volume,issue,pages,authors,url,language,publisher,location,abstract,notes,doi,keywords,pubmed_id,pmc_id';

  it('counts lines through quoted multi-line cells, CRLF and blank lines', async () => {
    const text = [
      rayyanHeader,
      'r1,"First, with a\r\nline break",2020,5,,J,,,,,"Doe, J.",,,,,"Abstract\r\nover lines",,,,123,PMC9',
      '',
      'r2,Second,2021,,,J,,,,,"Roe, R. and Poe, P.",,,,,,,doi:10.1000/X2,,,',
    ].join('\r\n');
    const records = await collect(parseCsv(streamOf(`\ufeff${text}`)));
    expect(records.map((record) => [record.recordNumber, record.line])).toEqual([
      [1, 2],
      [2, 6], // record 1 covers lines 2-4, line 5 is blank
    ]);
    expect(records[0].publication).toMatchObject({ title: 'First, with a line break', month: 5, pmid: '123', pmcid: 'PMC9', abstract: 'Abstract over lines' });
    expect(records[1].publication).toMatchObject({ doi: '10.1000/x2', authors: [{ family: 'Roe', given: 'R' }, { family: 'Poe', given: 'P' }] });
  });

  it('reads semicolon-separated files (European spreadsheet exports)', async () => {
    const text = `${rayyanHeader.replace(/,/g, ';')}\nr1;"Title; with semicolon";2020;;;J;;;;;Doe, J.;;;;;;;;;;\n`;
    expect(sniffDelimiter(text.split('\n')[0])).toBe(';');
    const [record] = await collect(parseCsv(streamOf(text)));
    expect(record.publication.title).toBe('Title; with semicolon');
  });

  it('decodes a Latin-1 file', async () => {
    const bytes = Buffer.from(`${rayyanHeader}\nr1,Caf\xe9 au lait,2020,,,J,,,,,"M\xfcller, J.",,,,,,,,,,\n`, 'latin1');
    const [record] = await collect(parseCsv(streamOf(bytes)));
    expect(record.publication.title).toBe('Café au lait');
    expect(record.publication.authors).toEqual([{ family: 'Müller', given: 'J' }]);
  });

  it('rejects a row with the wrong number of columns, naming the record and line', async () => {
    const text = `${rayyanHeader}\nr1,One,2020,,,J,,,,,,,,,,,,,,,\nr2,Two,2021\n`;
    const error = await importError(parseCsv(streamOf(text)));
    expect(error.yielded).toHaveLength(1);
    expect(error).toMatchObject({ recordNumber: 2, line: 3 });
    expect(error.message).toBe('CSV record 2, line 3: has 3 columns but the header has 21');
  });

  it('rejects an unknown header, listing the columns each exporter needs', async () => {
    const error = await importError(parseCsv(streamOf('Name,Year,Colour\nx,2020,red\n')));
    expect(error).toMatchObject({ recordNumber: null, line: 1 });
    expect(error.message).toContain('Rayyan (key, title, year, journal, authors)');
    expect(error.message).toContain('Zotero (key, item type, publication year, author, title, publication title)');
    expect(error.message).toContain('PubMed (pmid, title, authors, citation, journal/book, publication year)');
    expect(error.message).toContain('Covidence (title, authors, published year, covidence #)');
    expect(error.message).toContain('found: Name, Year, Colour');
  });

  it('turns csv-parse errors into ImportFormatError', async () => {
    const error = await importError(parseCsv(streamOf(`${rayyanHeader}\nr1,"unterminated,2020\n`)));
    expect(error.message).toMatch(/^CSV record 1.*malformed CSV/);
  });

  it('names the line a quote never closed was opened on, not the line the file ends on', async () => {
    // A stray quote in record 2 of a long file was reported at the file's last line ("record 2, line 2003").
    const rows = Array.from({ length: 2000 }, (_, i) => `Title ${i},2020,J,A`);
    const text = `title,year,journal,authors\nFine title,2019,J,A\n"stray quote title,2020,J,A\n${rows.join('\n')}\n`;
    const error = await importError(parseCsv(streamOf(text)));
    expect(error).toMatchObject({ recordNumber: 2, line: 3 });
    expect(error.message).toBe('CSV record 2, line 3: malformed CSV: the quote opening a cell on line 3 is never closed (the file ends inside it, on line 2003): close the cell with a quote, or double every quote inside a quoted cell ("")');
  });

  it('rejects an empty file', async () => {
    expect((await importError(parseCsv(streamOf('')))).message).toMatch(/empty/);
  });
});

describe('CSV rules found on real database exports', () => {
  it('reads EBSCOhost\'s newer CSV: ="…" cells, American dates, First Page + Page Count, Doctype', async () => {
    const text = [
      'Article Title,Author,Journal Title,ISSN,ISBN,Publication Date,Volume,Issue,First Page,Page Count,Accession Number,DOI,Publisher,Doctype,Subjects,Keywords,Abstract,PLink',
      '"How to verify fossil tracks.","Lallensack, Jens N.; Owais, Abdalla","Historical Biology",="08912963",,="4/3/2024","35","6","924","11","163764290","10.1080/08912963.2022.2069020","T&F","Article","TRACE fossils; DINOSAURS",,"Abstract.","https://search.ebscohost.com/x"',
      '',
    ].join('\n');
    const [record] = await collect(parseCsv(streamOf(text)));
    expect(record.publication).toMatchObject({ issns: ['0891-2963'], year: 2024, month: 4, pages: '924-934', publicationTypes: ['Article'], journal: 'Historical Biology' });
    expect(pagesFromCount('213', '13')).toBe('213-225');
    expect(pagesFromCount('1', '1')).toBe('1');
    expect(pagesFromCount('e123', '5')).toBeNull();
  });

  it('reads Google Scholar\'s CSV ("Publication" is the journal, "Number" the issue)', async () => {
    const text = ['Authors,Title,Publication,Volume,Number,Pages,Year,Publisher', '"Bell, Phil R; Snively, Eric; ",Polar dinosaurs on parade,Alcheringa,32,3,271-284,2008,Taylor & Francis', ''].join('\n');
    const [record] = await collect(parseCsv(streamOf(text)));
    expect(record.publication).toMatchObject({ journal: 'Alcheringa', volume: '32', issue: '3', pages: '271-284', year: 2008 });
    expect(record.publication.authors).toEqual([{ family: 'Bell', given: 'Phil R' }, { family: 'Snively', given: 'Eric' }]);
  });

  it('reads the Cochrane CSV "PubMed ID" cell "PUBMED n"', async () => {
    const text = ['CENTRAL ID,Author(s),Title,Source,Year,PubMed ID,Embase ID,DOI', '"CN-02677909","Kim, JS; Gilbert, JB","Time to transfer","Developmental psychology","2024","PUBMED 38407106","EMBASE 643589775","10.1037/dev0001710"', ''].join('\n');
    const [record] = await collect(parseCsv(streamOf(text)));
    expect(record.publication).toMatchObject({ pmid: '38407106', doi: '10.1037/dev0001710' });
  });
});

describe('Embase CSV without "Source title" (the older layout, as in asreview/asreview tests/demo_data/embase_newpage.csv)', () => {
  it('reads journal, year, volume, issue, pages and month from the citation in "Source", the DOI from the OpenURL link', async () => {
    const header =
      'Title,Original Title,Author Names,Correspondence Address,Editors,Source,Abstract,Original Abstract,Emtree Drug Index Terms (Major Focus),Emtree Drug Index Terms,Emtree Medical Index Terms (Major Focus),Emtree Medical Index Terms,keywords,Drug Tradenames,Drug Manufacturer,Device Tradenames,Device Manufacturer,Clinical Trial Numbers,Open URL Link,Copyright';
    const row =
      '"Duplication cysts: Diagnosis, management, and the role of endoscopic ultrasound",,"Liu R., Adler D.G.","D.G. Adler, Salt Lake City",,Endoscopic Ultrasound (2014) 3:3 (152-160). Date of Publication: 2014,"Abstract.",,,,"endoscopic ultrasonography","article",,,,,,,http://sfx.library.uu.nl/utrecht?sid=EMBASE&issn=22267190&id=doi:10.4103%2F2303-9027.138783&atitle=Duplication,"Copyright 2014 Elsevier B.V., All rights reserved."';
    const [record] = await collect(parseCsv(streamOf([header, row, ''].join('\n'))));
    expect(record.publication).toMatchObject({ journal: 'Endoscopic Ultrasound', year: 2014, volume: '3', issue: '3', pages: '152-160', doi: '10.4103/2303-9027.138783' });
  });

  it('parseEmbaseSource and doiFromOpenUrl', () => {
    expect(parseEmbaseSource('International Journal of Surgery Case Reports (2019) 54 (83-86). Date of Publication: 1 Jan 2019')).toEqual({
      journal: 'International Journal of Surgery Case Reports',
      year: 2019,
      month: 1,
      volume: '54',
      issue: null,
      pages: '83-86',
    });
    expect(parseEmbaseSource('Nature Communications (2024) 15:1 Article Number: 4063. Date of Publication: 1 Dec 2024')).toMatchObject({ journal: 'Nature Communications', volume: '15', issue: '1', pages: '4063', month: 12 });
    expect(parseEmbaseSource('Cladistics : the international journal of the Willi Hennig Society (2024) 40:3 (307-356). Date of Publication: 1 Jun 2024')).toMatchObject({
      journal: 'Cladistics : the international journal of the Willi Hennig Society',
      pages: '307-356',
    });
    expect(parseEmbaseSource('Nature Communications').journal).toBe('Nature Communications');
    expect(doiFromOpenUrl('https://x.org/link?sid=EMBASE&id=doi:10.1038%2Fs41467-024-48400-3&atitle=A')).toBe('10.1038/s41467-024-48400-3');
    expect(doiFromOpenUrl('https://x.org/link?sid=EMBASE&id=doi:&atitle=A')).toBeNull();
  });
});

describe('parseCsv: values that cannot be read are noted, with their column', () => {
  it('names the record, its line and the column of each value it could not read', async () => {
    const text = ['Title,Year,DOI,PMID', 'Fine,2019,10.1000/abc,123', '"Two-line',  'title",19xx,not-a-doi,12-34', ''].join('\n');
    const records = await collect(parseCsv(streamOf(text)));
    expect(records[0].notes).toEqual([]);
    expect(records[1]).toMatchObject({ recordNumber: 2, line: 3 });
    expect(records[1].publication).toMatchObject({ year: null, doi: null, pmid: null });
    expect(records[1].notes).toEqual([
      { field: 'Year', line: null, message: '"19xx" is not a year; the year was left empty' },
      { field: 'DOI', line: null, message: '"not-a-doi" is not a DOI (10.<registrant>/<suffix>); the DOI was left empty' },
      { field: 'PMID', line: null, message: '"12-34" is not a PubMed ID (a number); the PubMed ID was left empty' },
    ]);
  });
});
