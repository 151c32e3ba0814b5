import type { ParsedRecord } from '../parsed-publication';
import { collect, fixtureStream, fixtureText, importError, streamOf } from '../testing/fixtures';
import { parseRis, readRisRecords } from './ris.parser';

const RAYYAN = 'ris/rayyan-10-records.ris';
const ZOTERO = 'ris/zotero-pubmed-6-records.ris';

describe('parseRis on the real Rayyan export', () => {
  let records: ParsedRecord[];
  beforeAll(async () => {
    records = await collect(parseRis(fixtureStream(RAYYAN)));
  });

  it('yields 10 records starting at their TY lines', () => {
    expect(records).toHaveLength(10);
    expect(records.map((record) => record.line)).toEqual([1, 46, 71, 101, 128, 155, 194, 221, 237, 271]);
  });

  it('maps the first record', () => {
    expect(records[0].publication).toMatchObject({
      title: 'Cellular structure of dinosaur scales reveals retention of reptile-type skin during the evolutionary transition to feathers',
      journal: 'Nat. Commun.',
      year: 2024,
      month: null,
      volume: '15',
      issue: '1',
      doi: '10.1038/s41467-024-48400-3',
      pmid: null, // "AN  - rayyan-42924189" is Rayyan's own id
      issns: ['2041-1723'],
      language: 'English',
    });
    expect(records[0].publication.authors).toEqual([
      { family: 'Yang', given: 'Z' },
      { family: 'Jiang', given: 'B' },
      { family: 'Xu', given: 'J' },
      { family: 'McNamara', given: 'ME' },
    ]);
    expect(records[0].publication.keywords).toHaveLength(25);
    expect(records[0].publication.keywords.slice(0, 3)).toEqual(['keratin', 'melanin', 'animal scales']);
    expect(records[0].publication.abstract).toMatch(/^Fossil feathers have transformed our understanding/);
  });

  it('splits the tags Rayyan glues onto one line ("UR  - ...     U2  - ...", "DO  - ...     LK  - ...")', async () => {
    expect(records[0].publication.url).toBe('https://www.embase.com/search/results?subaction=viewrecord&id=L2029880245&from=export');
    expect(records.map((record) => record.publication.doi)).toEqual([
      '10.1038/s41467-024-48400-3',
      '10.1038/s41598-024-65283-y',
      '10.1111/cla.12583',
      '10.1038/s41598-024-56479-3',
      '10.1186/s12862-024-02216-3',
      '10.1002/ar.25299',
      '10.1038/s41598-024-53447-9',
      '10.1186/s12862-024-02210-9',
      '10.1371/journal.pone.0292318',
      '10.1002/ar.25520',
    ]);
    const [first] = await collect(readRisRecords(streamOf(fixtureText(RAYYAN))));
    expect(first.fields.find((field) => field.tag === 'U2')).toEqual({ tag: 'U2', value: 'L2029880245', line: 13 });
  });

  it('reads page ranges, single pages and the JSON list of ISSNs', () => {
    expect(records[1].publication.pages).toBe('14316');
    expect(records[2].publication.pages).toBe('307-356');
    expect(records[5].publication.issns).toEqual(['1932-8494', '1932-8486']); // SN  - ["1932-8494", "1932-8486"]
    expect(records[2].publication.authors[2]).toEqual({ family: 'Černý', given: 'D' });
    expect(records[6].publication.authors[3]).toEqual({ family: 'Jalil', given: 'N-E' });
  });
});

describe('parseRis on the real Zotero export of PubMed records', () => {
  let records: ParsedRecord[];
  beforeAll(async () => {
    records = await collect(parseRis(fixtureStream(ZOTERO, 64)));
  });

  it('yields 6 records', () => {
    expect(records).toHaveLength(6);
    expect(records.map((record) => record.line)).toEqual([1, 26, 50, 81, 106, 129]);
  });

  it('reads the journal from T2 and its abbreviation from J2, the year from "DA  - 2019///"', () => {
    expect(records[0].publication).toMatchObject({
      title:
        'The importance of cognitive flexibility and flexibility in coping with stress for the quality of life in inflammatory bowel disease patients during biological therapy. A preliminary report.',
      journal: 'Przeglad gastroenterologiczny',
      journalAbbreviation: 'Prz Gastroenterol',
      year: 2019,
      month: null,
      volume: '14',
      issue: '2',
      pages: '121-128',
      doi: '10.5114/pg.2018.81081',
      language: 'eng',
      issns: ['1895-5770'], // "SN  - 1895-5770 1895-5770": the same ISSN twice
    });
    expect(records[0].publication.authors[2]).toEqual({ family: 'Basinska', given: 'Malgorzata A' });
  });

  it('reads both ISSNs of one SN line and the month of "DA  - 2019/10//undefined"', () => {
    expect(records[1].publication).toMatchObject({ year: 2019, month: 10, issns: ['1128-045X', '1123-6337'], pages: '947-955' });
    expect(records[1].publication.authors[2]).toEqual({ family: 'Slesser', given: 'AAP' });
    expect(records[2].publication).toMatchObject({ month: 8, pages: 'e16881', issns: ['1536-5964', '0025-7974'], journalAbbreviation: 'Medicine (Baltimore)' });
    expect(records.every((record) => record.publication.year === 2019)).toBe(true);
  });

  it('keeps keywords one per KW line, MeSH-style ones included', () => {
    expect(records[2].publication.keywords).toContain('Colitis, Ulcerative/*therapy');
    expect(records[2].publication.keywords).toHaveLength(10);
  });
});

describe('parseRis dialects', () => {
  it('reads an EndNote/Covidence-style record: T1, JF/JO, Y1, N2, DOI in M3, AN as PMID, C2 as PMCID, KW continuation lines', async () => {
    const text = [
      'TY  - JOUR',
      'AU  - Smith, John A.',
      'AU  - Doe, J.; Roe, R.',
      'A2  - Editor, Ed',
      'T1  - A case of',
      '  something rare',
      'JF  - Journal of Rare Cases',
      'JO  - J Rare Cases',
      'Y1  - 2018/03/05/',
      'VL  - 12',
      'IS  - 3',
      'SP  - 100',
      'EP  - 104',
      'N2  - BACKGROUND: one.',
      'METHODS: two.',
      'M3  - 10.1000/RARE.2018.12',
      'AN  - 29123456',
      'C2  - PMC5712345',
      'KW  - Humans',
      'Male',
      'Case Reports; Rare Diseases',
      'SN  - 1234-5679 (Print)',
      'UR  - https://example.org/a https://example.org/b',
      'ER  - ',
      '',
    ].join('\r\n');
    const [record] = await collect(parseRis(streamOf(text)));
    expect(record.publication).toMatchObject({
      title: 'A case of something rare',
      journal: 'Journal of Rare Cases',
      journalAbbreviation: 'J Rare Cases',
      year: 2018,
      month: 3,
      volume: '12',
      issue: '3',
      pages: '100-104',
      abstract: 'BACKGROUND: one. METHODS: two.',
      doi: '10.1000/rare.2018.12',
      pmid: '29123456',
      pmcid: 'PMC5712345',
      keywords: ['Humans', 'Male', 'Case Reports', 'Rare Diseases'],
      issns: ['1234-5679'],
      url: 'https://example.org/a',
      publicationTypes: [],
    });
    expect(record.publication.authors).toEqual([
      { family: 'Smith', given: 'John A' },
      { family: 'Doe', given: 'J' },
      { family: 'Roe', given: 'R' },
    ]);
  });

  it('reads Ovid exports with numbered records ("<1>", "2.") and records that start before their TY', async () => {
    const text = [
      '<1>',
      'VN  - Ovid Technologies',
      'DB  - Ovid MEDLINE(R)',
      'AN  - 31690499',
      'TY  - JOUR',
      'A1  - Kimura, M.',
      'TI  - A new decompression device.',
      'JO  - British Journal of Oral & Maxillofacial Surgery',
      'PY  - 2019',
      'DO  - https://dx.doi.org/10.1016/j.bjoms.2019.09.011',
      'M3  - Journal Article',
      'ER  -',
      '',
      '2.',
      'TY  - JOUR',
      'TI  - Second',
      'DB  - Embase',
      'AN  - 62835721',
      'UR  - https://doi.org/10.1000/second',
      'ER  -',
    ].join('\n');
    const records = await collect(parseRis(streamOf(text)));
    expect(records).toHaveLength(2);
    expect(records[0]).toMatchObject({ recordNumber: 1, line: 2 });
    expect(records[0].publication).toMatchObject({
      pmid: '31690499',
      doi: '10.1016/j.bjoms.2019.09.011',
      authors: [{ family: 'Kimura', given: 'M' }],
      journal: 'British Journal of Oral & Maxillofacial Surgery',
      publicationTypes: ['Journal Article'],
    });
    // An Embase accession number is not a PMID; a doi.org URL gives the DOI when DO is missing.
    expect(records[1]).toMatchObject({ recordNumber: 2, line: 15 });
    expect(records[1].publication).toMatchObject({ pmid: null, doi: '10.1000/second' });
  });

  it('reads a Mendeley-style record with PY, DA and a PMID note', async () => {
    const text = 'TY  - JOUR\nAU  - Doe, Jane\nPY  - 2019\nDA  - 2019/05\nTI  - Mendeley record\nDO  - 10.1000/MEND\nN1  - PMID: 30000001\nER  - \n';
    const [record] = await collect(parseRis(streamOf(text)));
    expect(record.publication).toMatchObject({ year: 2019, month: 5, pmid: '30000001', doi: '10.1000/mend' });
  });

  it('ignores header lines before the first record', async () => {
    const text = 'Provider: Example\nContent: text/plain; charset="UTF-8"\n\nTY  - JOUR\nTI  - After a header\nER  - \n';
    const records = await collect(parseRis(streamOf(text)));
    expect(records.map((record) => [record.line, record.publication.title])).toEqual([[4, 'After a header']]);
  });
});

describe('parseRis refuses broken records', () => {
  it('names the record, line and field when a record has no ER before the next TY', async () => {
    const error = await importError(parseRis(streamOf('TY  - JOUR\nTI  - One\nER  - \n\nTY  - JOUR\nTI  - Two\nTY  - JOUR\nTI  - Three\nER  - \n')));
    expect(error.yielded).toHaveLength(1);
    expect(error.recordNumber).toBe(2);
    expect(error.line).toBe(7);
    expect(error.field).toBe('ER');
    expect(error.message).toBe('RIS record 2, line 7: record starting at line 5 has no "ER  - " line before the next "TY  - " on line 7');
  });

  it('reports a file that ends inside a record', async () => {
    const error = await importError(parseRis(streamOf('TY  - JOUR\nTI  - Unfinished\nAU  - Doe, J\n')));
    expect(error).toMatchObject({ recordNumber: 1, line: 3, field: 'ER' });
  });

  it('reports an ER or a field outside a record (a record without TY)', async () => {
    expect(await importError(parseRis(streamOf('TY  - JOUR\nER  - \nER  - \n')))).toMatchObject({ recordNumber: 2, line: 3, field: 'TY' });
    expect(await importError(parseRis(streamOf('TI  - No type\nER  - \n')))).toMatchObject({ recordNumber: 1, line: 1, field: 'TY' });
  });

  it('decodes Latin-1 RIS files', async () => {
    const bytes = Buffer.from('TY  - JOUR\r\nAU  - M\xfcller, J\xf6rg\r\nTI  - \xc9tude de cas\r\nER  - \r\n', 'latin1');
    const [record] = await collect(parseRis(streamOf(bytes)));
    expect(record.publication.authors).toEqual([{ family: 'Müller', given: 'Jörg' }]);
    expect(record.publication.title).toBe('Étude de cas');
  });
});

describe('RIS dialects of the databases', () => {
  it('EBSCOhost / CINAHL: the DOI bare in L3, or only in the URL', async () => {
    const text = [
      'TY  - JOUR',
      'AU  - Okafor, Chidi N.',
      'T1  - Giant dentigerous cyst of the mandible in a child: a case report.',
      'JO  - International Journal of Surgery Case Reports',
      'Y1  - 2019/02//',
      'VL  - 55',
      'SP  - 112',
      'EP  - 115',
      'L3  - 10.1016/j.ijscr.2019.01.017',
      'UR  - https://search.ebscohost.com/login.aspx?direct=true&db=ccm&AN=134000001&site=ehost-live',
      'DP  - EBSCOhost',
      'DB  - CINAHL Complete',
      'ER  - ',
      'TY  - JOUR',
      'T1  - Takotsubo cardiomyopathy after sepsis &amp; shock',
      'UR  - https://doi.org/10.1186/s12872-021-02049-x',
      'DB  - CINAHL Complete',
      'ER  - ',
      '',
    ].join('\n');
    const [first, second] = await collect(parseRis(streamOf(text)));
    expect(first.publication).toMatchObject({ doi: '10.1016/j.ijscr.2019.01.017', year: 2019, month: 2, pages: '112-115', pmid: null });
    expect(second.publication).toMatchObject({ doi: '10.1186/s12872-021-02049-x', title: 'Takotsubo cardiomyopathy after sepsis & shock' });
  });

  it('Web of Science RIS: HTML tags in titles are stored clean', async () => {
    const text = 'TY  - JOUR\nAU  - Dos Santos, MF\nTI  - Takotsubo after <i>Streptococcus pneumoniae</i> sepsis with CO<sub>2</sub> retention\nT2  - BMC CARDIOVASCULAR DISORDERS\nPY  - 2021\nDO  - 10.1186/s12872-021-02049-x\nAN  - WOS:000650000000002\nER  - \n';
    const [record] = await collect(parseRis(streamOf(text)));
    expect(record.publication.title).toBe('Takotsubo after Streptococcus pneumoniae sepsis with CO2 retention');
  });
});

describe('RIS from EPPI Reviewer and Citavi (fixtures with the three invented records)', () => {
  it('EPPI Reviewer: T1/JF/A1 with spaced initials, a family name split from its initials, the "eppi-reviewer" keyword dropped, empty tags, two URLs in UR, U1 item ids ignored', async () => {
    const [cyst, takotsubo, aneurysm] = (await collect(parseRis(fixtureStream('ris/eppi-reviewer-3-records.ris')))).map((record) => record.publication);
    expect(cyst).toMatchObject({
      title: 'Giant dentigerous cyst of the mandible in a child: A case report',
      journal: 'International journal of surgery case reports',
      year: 2019,
      month: null,
      volume: '55',
      issue: null,
      pages: '112-115',
      doi: '10.1016/j.ijscr.2019.01.017',
      pmid: null,
      issns: ['2210-2612'],
      keywords: ['case report', 'dentigerous cyst', 'mandible'],
      url: 'https://www.embase.com/search/results?subaction=viewrecord&id=L2001500001&from=export',
    });
    expect(cyst.authors).toEqual([
      { family: 'Okafor', given: 'CN' },
      { family: 'Lindqvist', given: 'AM' },
      { family: 'van den Berg', given: 'P' },
    ]);
    expect(takotsubo.authors).toEqual([
      { family: 'Dos Santos', given: 'MF' },
      { family: 'Nakamura', given: 'K' },
    ]);
    expect(takotsubo).toMatchObject({ abstract: null, pages: '245', keywords: ['sepsis'] });
    expect(aneurysm).toMatchObject({ title: 'Bilateral renal artery aneurysms in pregnancy', pages: '98-101', issue: '2', url: null, keywords: [], doi: null, pmid: null });
  });

  it('Citavi: ISSNs without hyphen, "ER  -" without its space, a German date in Y1, PMID and PMCID from the PubMed / Europe PMC / PMC links in L2, N1 notes', async () => {
    const [cyst, takotsubo, aneurysm] = (await collect(parseRis(fixtureStream('ris/citavi-3-records.ris')))).map((record) => record.publication);
    expect(cyst).toMatchObject({ year: 2019, pmid: '30739876', pmcid: 'PMC6369123', issns: ['2210-2612'], pages: '112-115', doi: '10.1016/j.ijscr.2019.01.017', url: 'https://lens.org/000-000-000-000-001' });
    expect(cyst.authors[0]).toEqual({ family: 'Okafor', given: 'Chinedu N' });
    // No PY: the year from Y1; the PMID only from its links, which agree.
    expect(takotsubo).toMatchObject({ year: 2021, pmid: '33990001', pmcid: null, issns: ['1471-226X'], volume: '21', issue: '1', pages: '245' });
    expect(aneurysm).toMatchObject({ year: 2018, pmid: null, authors: [{ family: 'Müller', given: 'Jürgen' }, { family: "O'Brien", given: 'Siobhán' }] });
  });

  it('keeps the first title and notes a second, different one (it was dropped without a word); the same title under TI and T1 is no note', async () => {
    const text = 'TY  - JOUR\nT1  - Epidural haematoma after a blood patch\nTI  - Epidural haematoma after a blood patch\nTI  - Hématome péridural après un blood patch\nTI  - Hématome péridural après un blood patch\nER  - \n';
    const [record] = await collect(parseRis(streamOf(text)));
    expect(record.publication.title).toBe('Epidural haematoma after a blood patch');
    expect(record.notes).toEqual([{ field: 'TI', line: 4, message: '"Hématome péridural après un blood patch" is a second title of the record; the first one was kept' }]);
  });

  it('takes no PMID from links that disagree', async () => {
    const text = 'TY  - JOUR\nTI  - x\nL2  - https://pubmed.ncbi.nlm.nih.gov/111/\nL2  - https://pubmed.ncbi.nlm.nih.gov/222/\nER  - \n';
    const [record] = await collect(parseRis(streamOf(text)));
    expect(record.publication.pmid).toBeNull();
  });
});

describe('RIS rules found on real database exports', () => {
  it('reads the NL line Ovid writes after a record\'s ER (APA PsycInfo on Ovid, "1." numbers) into that record, and its link lines as nothing', async () => {
    const text = [
      '1.',
      'TY  - JOUR',
      'T1  - The influence of self-criticism on depression symptoms.',
      'A1  - Trindade, Ines A',
      'JF  - Clinical Psychology & Psychotherapy',
      'Y1  - 2019//',
      'ER  -',
      'NL  - Clin Psychol Psychother',
      '',
      'Link to the Ovid Full Text or citation: https://login.proxy.library.uu.nl/login?qurl=http://ovidsp.ovid.com/ovidweb.cgi?T=JS',
      '',
      '2.',
      'TY  - JOUR',
      'T1  - Gender differences in inflammatory bowel disease.',
      'JF  - Journal of Health Psychology',
      'ER  -',
      'NL  - J Health Psychol',
      '',
    ].join('\n');
    const errors: unknown[] = [];
    const records = await collect(parseRis(streamOf(text), { onRecordError: (error) => errors.push(error) }));
    expect(errors).toEqual([]);
    expect(records.map((record) => [record.recordNumber, record.publication.title, record.publication.journalAbbreviation])).toEqual([
      [1, 'The influence of self-criticism on depression symptoms.', 'Clin Psychol Psychother'],
      [2, 'Gender differences in inflammatory bowel disease.', 'J Health Psychol'],
    ]);
  });

  it('still refuses a tag after ER outside Ovid\'s numbered exports, naming the record and line', async () => {
    const text = ['TY  - JOUR', 'TI  - One', 'ER  - ', 'NL  - J Abbrev', 'TY  - JOUR', 'TI  - Two', 'ER  - ', ''].join('\n');
    await expect(collect(parseRis(streamOf(text)))).rejects.toThrow('RIS record 2, line 4: "NL" line outside a record');
  });

  const one = async (lines: string[]) => (await collect(parseRis(streamOf([...lines, 'ER  - ', ''].join('\n')))))[0].publication;

  it('takes the PMID from C2 in Scopus RIS and from C5 in Embase RIS, and nowhere else', async () => {
    expect((await one(['TY  - JOUR', 'TI  - A', 'C2  - 38580657', 'DB  - Scopus'])).pmid).toBe('38580657');
    expect((await one(['TY  - JOUR', 'TI  - A', 'C5  - 38773066', 'DB  - Embase', 'DB  - Medline'])).pmid).toBe('38773066');
    expect((await one(['TY  - JOUR', 'TI  - A', 'C5  - 38906957', 'UR  - https://www.embase.com/search/results?id=L644585435'])).pmid).toBe('38906957');
    // EndNote uses C2 for the PMCID and C5 for other things: a bare number there is not a PMID.
    expect((await one(['TY  - JOUR', 'TI  - A', 'C2  - 38580657'])).pmid).toBeNull();
    expect((await one(['TY  - JOUR', 'TI  - A', 'C5  - 12345', 'DB  - Scopus'])).pmid).toBeNull();
  });

  it('takes the Cochrane accession "PUBMED n" in C3 as the PMID', async () => {
    expect((await one(['TY  -  JOUR', 'T1  -  A', 'C3  -  PUBMED 38407106,EMBASE 643589775'])).pmid).toBe('38407106');
  });

  it('uses the article number (C7) as pages when there is no SP, never over SP/EP', async () => {
    expect((await one(['TY  - JOUR', 'TI  - A', 'C7  - e12292'])).pages).toBe('e12292');
    expect((await one(['TY  - JOUR', 'TI  - A', 'SP  - 1084', 'EP  - 1092', 'C7  - 2864'])).pages).toBe('1084-1092');
  });

  it('reads the month from a DA without a year (Web of Science "SEP 22", EndNote "Jun") and JI as the abbreviation', async () => {
    expect(await one(['TY  - JOUR', 'TI  - A', 'JI  - PLoS One', 'DA  - SEP 22', 'PY  - 2010'])).toMatchObject({ year: 2010, month: 9, journalAbbreviation: 'PLoS One' });
    expect(await one(['TY  - JOUR', 'TI  - A', 'DA  - Jun', 'PY  - 2011'])).toMatchObject({ year: 2011, month: 6 });
    expect(await one(['TY  - JOUR', 'TI  - A', 'DA  - 2012/03/01', 'PY  - 2011'])).toMatchObject({ year: 2011, month: null });
  });

  it('Ovid RIS (ERIC, APA PsycInfo): the publication types in PT, a PsycInfo classification in M3 is a keyword, not a type, major-descriptor stars dropped, NL as the abbreviation', async () => {
    const eric = await one(['6. ', 'TY  - JOUR', 'DB  - ERIC', 'T1  - A', 'KW  - *College Science', 'KW  - Ecology', 'PT  - Journal Articles, Reports - Descriptive, Opinion Papers']);
    expect(eric).toMatchObject({ publicationTypes: ['Journal Articles', 'Reports - Descriptive', 'Opinion Papers'], keywords: ['College Science', 'Ecology'] });
    const psycinfo = await one(['2. ', 'TY  - JOUR', 'DB  - APA PsycInfo <2021>', 'T1  - A', 'KW  - *Anxiety Management', 'M3  - Cognitive Therapy [3311]', 'JF  - Journal of Neurodevelopmental Disorders', 'NL  - J Neurodev Disord', 'PT  - Journal, Peer Reviewed Journal']);
    expect(psycinfo).toMatchObject({
      publicationTypes: ['Journal', 'Peer Reviewed Journal'],
      keywords: ['Anxiety Management', 'Cognitive Therapy'],
      journal: 'Journal of Neurodevelopmental Disorders',
      journalAbbreviation: 'J Neurodev Disord',
    });
    // MEDLINE's own types with commas stay whole; a one-letter PT (Web of Science's "J") is no type; M3 types stay.
    expect((await one(['TY  - JOUR', 'T1  - A', 'M3  - Article', "PT  - Journal Article, Research Support, Non-U.S. Gov't, Research Support, N.I.H., Extramural"])).publicationTypes).toEqual([
      'Article',
      'Journal Article',
      "Research Support, Non-U.S. Gov't",
      'Research Support, N.I.H., Extramural',
    ]);
    expect((await one(['TY  - JOUR', 'T1  - A', 'PT  - J'])).publicationTypes).toEqual([]);
    // Y2 is the date of publication in Ovid's databases (ERIC "1983-03//"), another date elsewhere (Zotero's access date).
    expect(await one(['99. ', 'TY  - JOUR', 'DB  - ERIC', 'T1  - A', 'Y1  - 1983//', 'Y2  - 1983-03//'])).toMatchObject({ year: 1983, month: 3 });
    expect(await one(['TY  - JOUR', 'T1  - A', 'PY  - 1983', 'Y2  - 1983-03-02 10:00:00'])).toMatchObject({ year: 1983, month: null });
    // Outside an Ovid export the star is part of the keyword (Cochrane's "*Literacy", as this project's RIS export writes it back).
    expect((await one(['TY  - JOUR', 'T1  - A', 'KW  - *Literacy'])).keywords).toEqual(['*Literacy']);
  });

  it('MDPI RIS: "KW  - n/a" (no keywords) is no keyword', async () => {
    expect((await one(['TY  - EJOUR', 'TI  - A', 'KW  - n/a'])).keywords).toEqual([]);
    expect((await one(['TY  - EJOUR', 'TI  - A', 'KW  - N/A', 'KW  - feathers'])).keywords).toEqual(['feathers']);
  });

  it('reads EBSCOhost author lines given name first when the others are "FAMILY, GIVEN" (half of them or more)', async () => {
    const publication = await one(['TY  - JOUR', 'TI  - A', 'AU  - CROUDACE, ANGUS D.', 'AU  - CAIZHI SHEN', 'AU  - JUNCHANG LÜ', 'AU  - BRUSATTE, STEPHEN L.']);
    expect(publication.authors.map((author) => author.family)).toEqual(['Croudace', 'Shen', 'Lü', 'Brusatte']);
  });
});

describe('parseRis: values that cannot be read are noted, with their tag and line', () => {
  const text = [
    'TY  - JOUR',
    'TI  - A readable record',
    'PY  - 2019',
    'ER  - ',
    '',
    'TY  - JOUR',
    'TI  - Year written with letters',
    'PY  - 19xx',
    'DO  - not a DOI at all',
    'ER  - ',
    '',
    'TY  - JOUR',
    'TI  - Year with a letter O, date gives the year',
    'PY  - 2O19',
    'DA  - 2019/03/01',
    'DA  - SEP 22',
    'ER  - ',
    '',
  ].join('\n');

  it('names the record, the line, the tag and the value, and says what became of the field', async () => {
    const records = await collect(parseRis(streamOf(text)));
    expect(records[0].notes).toEqual([]);
    expect(records[1]).toMatchObject({ recordNumber: 2, line: 6 });
    expect(records[1].publication).toMatchObject({ year: null, doi: null });
    expect(records[1].notes).toEqual([
      { field: 'PY', line: 8, message: '"19xx" is not a year; the year was left empty' },
      { field: 'DO', line: 9, message: '"not a DOI at all" is not a DOI (10.<registrant>/<suffix>); the DOI was left empty' },
    ]);
    expect(records[2].publication.year).toBe(2019);
    expect(records[2].notes).toEqual([{ field: 'PY', line: 14, message: '"2O19" is not a year; the year (2019) was taken from another field' }]);
  });

  it('does not note a DA without a year that gives a month (Web of Science "SEP 22")', async () => {
    const [record] = await collect(parseRis(streamOf('TY  - JOUR\nTI  - T\nPY  - 2020\nDA  - SEP 22\nER  - \n')));
    expect(record.publication).toMatchObject({ year: 2020, month: 9 });
    expect(record.notes).toEqual([]);
  });
});
