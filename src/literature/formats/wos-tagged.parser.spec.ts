import { detectFormat } from '../detect-format';
import { parsePublications } from '../parse-publications';
import { collect, fixtureStream, fixtureText, importError, streamOf } from '../testing/fixtures';
import { looksLikeWosTagged, parseWosTagged } from './wos-tagged.parser';

const FILE = 'wos/savedrecs-3-records.txt';

describe('parseWosTagged (Web of Science plain text / .ciw)', () => {
  it('reads the three records, joining wrapped lines and taking one author per line', async () => {
    const records = await collect(parsePublications(fixtureStream(FILE, 64), { fileName: 'savedrecs.txt' }));
    expect(records.map((record) => [record.recordNumber, record.line])).toEqual([
      [1, 3],
      [2, 35],
      [3, 60],
    ]);
    const [cyst, takotsubo, aneurysm] = records.map((record) => record.publication);
    expect(cyst).toMatchObject({
      title: 'Giant dentigerous cyst of the mandible in a child: A case report',
      journal: 'INTERNATIONAL JOURNAL OF SURGERY CASE REPORTS',
      journalAbbreviation: 'Int. J. Surg. Case Rep.',
      year: 2019,
      month: 2,
      volume: '55',
      pages: '112-115',
      doi: '10.1016/j.ijscr.2019.01.017',
      pmid: '30739876',
      issns: ['2210-2612'],
      language: 'English',
      publicationTypes: ['Article'],
      keywords: ['dentigerous cyst', 'mandible', 'case report', 'JAW'],
      abstract: 'Introduction: Dentigerous cysts are common odontogenic cysts. Case presentation: a 9-year-old boy.',
    });
    expect(cyst.authors).toEqual([
      { family: 'Okafor', given: 'Chidi N' },
      { family: 'Lindqvist', given: 'Anna M' },
      { family: 'van den Berg', given: 'Pieter' },
    ]);
    expect(takotsubo).toMatchObject({
      title: 'Takotsubo cardiomyopathy after Streptococcus pneumoniae sepsis: a case report and review of the literature',
      month: 5,
      issue: '1',
      pages: '245',
      publicationTypes: ['Article', 'Review'],
      issns: ['1471-2261'],
    });
    expect(takotsubo.authors).toEqual([
      { family: 'Dos Santos', given: 'Maria F' },
      { family: 'Nakamura', given: 'Kenji' },
      { family: 'Cardiac Sepsis Study Group', given: null },
    ]);
    expect(aneurysm).toMatchObject({ title: 'Bilateral renal artery aneurysms in pregnancy', year: 2018, month: 6, pages: '98-101', doi: null, pmid: null });
  });

  it('is detected from its head', () => {
    expect(detectFormat(fixtureText(FILE).slice(0, 2000))).toBe('wos');
    expect(looksLikeWosTagged('PT J\nAU Smith, J\nTI A title\nER\n')).toBe(true);
    expect(looksLikeWosTagged('TY  - JOUR\nTI  - x\n')).toBe(false);
  });

  it('names the record and line of a record without ER, and goes on in recovery mode', async () => {
    const text = 'PT J\nTI First\nPY 2020\nPT J\nTI Second\nPY 2021\nER\nPT J\nTI Third\n';
    const error = await importError(parseWosTagged(streamOf(text)));
    expect(error).toMatchObject({ recordNumber: 1, line: 1, field: 'ER' });
    expect(error.message).toBe('Web of Science record 1, line 1: has no ER line before the next record (PT)');
    const problems: string[] = [];
    const records = await collect(parseWosTagged(streamOf(text), { onRecordError: (problem) => problems.push(problem.message) }));
    expect(records.map((record) => record.publication.title)).toEqual(['Second']);
    expect(problems).toEqual([
      'Web of Science record 1, line 1: has no ER line before the next record (PT)',
      'Web of Science record 3, line 8: the last record has no ER line (the file may be cut short)',
    ]);
  });
});

describe('parseWosTagged: the MEDLINE records of Web of Knowledge\'s "ISI Export Format"', () => {
  // As JabRef's IsiImporterTestMedline.isi has them: all authors on one AU line, pages in PS, the PMID in UT, the year in PD.
  const text = [
    'FN ISI Export Format',
    'VR 1.0',
    'PT J',
    'TI Estrogen therapy selectively enhances prefrontal cognitive processes.',
    'AU Joffe, Hadine; Hall, Janet E; Yurgelun-Todd, Deborah',
    'SO Menopause',
    'PS 411-22',
    'PY 2006',
    'PD 2006 May-Jun',
    'UT MEDLINE:16735938',
    'ER',
    '',
    'PT J',
    'TI Effects of modafinil on cognitive performance.',
    'AU Wesensten, Nancy J',
    'PY 2006',
    'PD 2006  ',
    'UT WOS:000240000100007',
    'ER',
    '',
    'EF',
  ].join('\n');

  it('reads each author of a ";" list, the pages in PS and the PMID in "UT MEDLINE:"; a WoS accession number is no PMID', async () => {
    const [estrogen, modafinil] = await collect(parseWosTagged(streamOf(text)));
    expect(estrogen.publication.authors).toEqual([
      { family: 'Joffe', given: 'Hadine' },
      { family: 'Hall', given: 'Janet E' },
      { family: 'Yurgelun-Todd', given: 'Deborah' },
    ]);
    expect(estrogen.publication).toMatchObject({ pages: '411-22', pmid: '16735938', year: 2006, month: 5 });
    expect(modafinil.publication).toMatchObject({ pmid: null, year: 2006, month: null });
  });

  it('takes a PD holding only the year for what it is, not for a month it cannot read', async () => {
    const records = await collect(parseWosTagged(streamOf(text)));
    expect(records.map((record) => record.notes)).toEqual([[], []]);
  });
});

describe('parseWosTagged: values that cannot be read are noted, with their tag and line', () => {
  it('names PY, PD, DI and PM; a season in PD is not a warning', async () => {
    const text = ['FN Clarivate Analytics Web of Science', 'VR 1.0', 'PT J', 'TI A title', 'PY 19xx', 'PD Smarch', 'DI none', 'PM 12x', 'ER', '', 'PT J', 'TI Another', 'PY 2020', 'PD SPR', 'ER', 'EF', ''].join('\n');
    const records = await collect(parseWosTagged(streamOf(text)));
    expect(records[0].publication).toMatchObject({ year: null, month: null, doi: null, pmid: null });
    expect(records[0].notes).toEqual([
      { field: 'PY', line: 5, message: '"19xx" is not a year; the year was left empty' },
      { field: 'PD', line: 6, message: '"Smarch" is not a month; the month was left empty' },
      { field: 'DI', line: 7, message: '"none" is not a DOI (10.<registrant>/<suffix>); the DOI was left empty' },
      { field: 'PM', line: 8, message: '"12x" is not a PubMed ID (a number); the PubMed ID was left empty' },
    ]);
    expect(records[1].notes).toEqual([]);
  });
});
