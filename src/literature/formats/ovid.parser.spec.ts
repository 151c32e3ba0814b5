import { parsePublications } from '../parse-publications';
import type { ImportFormatError } from '../parsed-publication';
import { collect, fixtureStream, streamOf } from '../testing/fixtures';
import { parseOvid, parseOvidSource } from './ovid.parser';

const read = async (file: string, highWaterMark?: number) => (await collect(parsePublications(fixtureStream(file, highWaterMark), { fileName: file.split('/').pop() }))).map((record) => record.publication);

describe('Ovid text exports', () => {
  it('Ovid MEDLINE, labelled fields ("Complete Reference"): the search history skipped, UI as PMID, MeSH with major topics, full author names', async () => {
    for (const size of [undefined, 13]) {
      const [cyst, takotsubo, ...rest] = await read('ovid/ovid-medline-complete-reference.txt', size);
      expect(rest).toHaveLength(0);
      expect(cyst).toMatchObject({
        title: 'Giant dentigerous cyst of the mandible in a child: A case report.',
        journal: 'International Journal of Surgery Case Reports',
        year: 2019,
        month: null,
        volume: '55',
        issue: null,
        pages: '112-115',
        doi: '10.1016/j.ijscr.2019.01.017',
        pmid: '30739876',
        pmcid: 'PMC6369123',
        issns: ['2210-2612'],
        publicationTypes: ['Case Reports', 'Journal Article'],
        keywords: ['Dentigerous cyst', 'Mandible', 'Marsupialisation'],
        language: 'English',
        url: 'http://ovidsp.ovid.com/ovidweb.cgi?T=JS&CSC=Y&NEWS=N&PAGE=fulltext&D=medl&AN=30739876',
      });
      expect(cyst.authors).toEqual([
        { family: 'Okafor', given: 'Chinedu N' },
        { family: 'Lindqvist', given: 'Anna M' },
        { family: 'van den Berg', given: 'Pieter' },
      ]);
      expect(cyst.meshHeadings).toEqual([
        { descriptorUi: null, label: 'Child', majorTopic: false },
        { descriptorUi: null, label: 'Dentigerous Cyst', majorTopic: true },
        { descriptorUi: null, label: 'Humans', majorTopic: false },
        { descriptorUi: null, label: 'Male', majorTopic: false },
        { descriptorUi: null, label: 'Mandible', majorTopic: false },
        { descriptorUi: null, label: 'Mandibular Diseases', majorTopic: false },
      ]);
      expect(cyst.abstract).toMatch(/^INTRODUCTION: Dentigerous cysts .* preserved the tooth\.$/);
      // "[Review]" after the title is Ovid's label, not the title; a date "2021 12 01"; an abstract on two lines joined.
      expect(takotsubo).toMatchObject({ title: 'Takotsubo cardiomyopathy after Streptococcus pneumoniae sepsis: a case report and review of the literature.', year: 2021, month: 12, volume: '21', issue: '1', pages: '245', pmid: '33990001' });
      expect(takotsubo.abstract).toBe('BACKGROUND: Takotsubo cardiomyopathy may follow sepsis. CASE PRESENTATION: A 74-year-old woman developed chest pain on the second day of treatment for pneumococcal pneumonia.');
      expect(takotsubo.publicationTypes).toEqual(['Case Reports', 'Journal Article', 'Review']);
    }
  });

  it('Embase on Ovid, labelled fields: the accession number is not a PMID, "MEDLINE PMID" is; Emtree headings become keywords; Embase\'s source notation', async () => {
    const [cyst, takotsubo, aneurysm] = await read('ovid/ovid-embase-complete-reference.txt');
    expect(cyst).toMatchObject({ journal: 'International Journal of Surgery Case Reports', year: 2019, month: 2, volume: '55', issue: null, pages: '112-115', pmid: '30739876', doi: '10.1016/j.ijscr.2019.01.017', meshHeadings: [], publicationTypes: ['Journal: Article'] });
    expect(cyst.authors).toEqual([
      { family: 'Okafor', given: 'CN' },
      { family: 'Lindqvist', given: 'AM' },
      { family: 'van den Berg', given: 'P' },
    ]);
    expect(cyst.keywords).toEqual(['dentigerous cyst', 'mandible', 'case report', 'child', 'human', 'male']);
    expect(takotsubo).toMatchObject({ volume: '21', issue: '1', pages: '245', year: 2021, month: 12, pmid: null });
    expect(aneurysm).toMatchObject({ title: 'Bilateral renal artery aneurysms in pregnancy.', volume: '4', issue: '2', pages: '98-101', year: 2018, month: 6, pmid: null, doi: null, authors: [{ family: 'Muller', given: 'J' }, { family: "O'Brien", given: 'S' }] });
  });

  it('the tagged variant (Embase .ovd, CRLF, wrapped values; Ovid MEDLINE tags)', async () => {
    const [cyst, takotsubo, aneurysm] = await read('ovid/ovid-embase-tagged.txt');
    expect(cyst).toMatchObject({ title: 'Giant dentigerous cyst of the mandible in a child: A case report.', volume: '55', pages: '112-115', month: 2, pmid: '30739876', keywords: ['dentigerous cyst', 'mandible', 'case report', 'child', 'human'], meshHeadings: [] });
    expect(cyst.abstract).toBe('Introduction: Dentigerous cysts are common odontogenic cysts. Case presentation: A 9-year-old boy had a painless swelling of the left mandible.');
    expect(takotsubo).toMatchObject({ title: 'Takotsubo cardiomyopathy after streptococcus pneumoniae sepsis: A case report and review of the literature.', month: 12, pages: '245', pmid: null });
    expect(aneurysm).toMatchObject({ pages: '98-101', issue: '2', authors: [{ family: 'Muller', given: 'J' }, { family: "O'Brien", given: 'S' }] });
    const [medline] = await read('ovid/ovid-medline-tagged.txt');
    expect(medline).toMatchObject({ pmid: '30739876', volume: '55', pages: '112-115', authors: [{ family: 'Okafor', given: 'Chinedu N' }, { family: 'Lindqvist', given: 'Anna M' }], keywords: ['Dentigerous cyst'] });
    expect(medline.meshHeadings.map((heading) => [heading.label, heading.majorTopic])).toEqual([
      ['Child', false],
      ['Dentigerous Cyst', true],
      ['Humans', false],
    ]);
  });

  it('reads the source notations of Ovid MEDLINE and Embase', () => {
    expect(parseOvidSource('Journal of Invented Cases. 12(3):e101, 2020 Mar.')).toEqual({ journal: 'Journal of Invented Cases', volume: '12', issue: '3', pages: 'e101', year: 2020, month: 3 });
    expect(parseOvidSource('Journal of Invented Cases. 12 (3) (pp 45-50), 2020. Date of Publication: 01 Mar 2020.')).toEqual({ journal: 'Journal of Invented Cases', volume: '12', issue: '3', pages: '45-50', year: 2020, month: 3 });
  });

  it('reports a record number with no fields and text before the first heading, with record and line, and goes on when asked', async () => {
    const text = '<1>\n\n<2>\n  stray text\nTitle\n  A title\n';
    const errors: ImportFormatError[] = [];
    const records = await collect(parseOvid(streamOf(text), { onRecordError: (error) => errors.push(error) }));
    expect(records.map((record) => [record.recordNumber, record.line, record.publication.title])).toEqual([[2, 3, 'A title']]);
    expect(errors.map((error) => error.message)).toEqual(['Ovid record 1, line 1: the record has no fields', 'Ovid record 2, line 4: text before the first field heading: "stray text"']);
  });
});

describe('parseOvidSource on real Embase conference abstracts', () => {
  it('keeps the journal, not the conference that follows it', () => {
    expect(
      parseOvidSource('BMC Proceedings. Conference: 2nd BEAT-PCD Conference and 3rd PCD Training School: Part 2. Spain. 12 (Supplement 3) (no pagination), 2018. Date of Publication: 2018.'),
    ).toEqual({ journal: 'BMC Proceedings', volume: '12', issue: 'Supplement 3', pages: null, year: 2018, month: null });
  });
});

describe('Ovid tagged export with unindented continuation lines (the "EndNote" export format)', () => {
  it('joins lines without a tag to the tag before them', async () => {
    const text = ['<1. >', 'VN  - Ovid Technologies', 'DB  - Embase', 'TI  - A title.', 'AB  - Background: one. ', 'Method(s): two. ', 'Conclusion(s): three.', 'YR  - 2018', ''].join('\n');
    const [record] = await collect(parseOvid(streamOf(text)));
    expect(record.publication.abstract?.replace(/\s+/g, ' ')).toBe('Background: one. Method(s): two. Conclusion(s): three.');
    expect(record.publication.year).toBe(2018);
  });
});

describe('Journals@Ovid full-text export (labelled, as in JabRef\'s OvidImporterTest3/6)', () => {
  // A record opens with "Score" and its stars; authors carry degrees and the footnote marks of their institutions.
  const text = [
    '<8>',
    'Score',
    '  *****',
    'Accession Number',
    '  00042637-900000000-99667.',
    'Author',
    '  Holstiege, Jakob 1;  van Vugt, Arie MD, PhD +;  Frolke, Jan Paul MD, PhD *;  Smith, MD',
    'Title',
    '  Effects of decision support systems: a systematic review.[Review]',
    'Source',
    '  Journal of the American Medical Informatics Association. ',
    'Status',
    '  Publish Ahead of Print, POST AUTHOR CORRECTIONS, 18 August 2014',
    'Author Keywords',
    '  computer-aided clinical decision support;  CDSS;  U.S.;  primary care.',
    'Language',
    '  English.',
    'Document Type',
    '  Review:  PDF Only.',
    'DOI Number',
    '  10.1136/amiajnl-2014-002886',
    '',
  ].join('\n');

  it('is detected as Ovid, not taken for a CSV table by its ";" keyword line', async () => {
    let format: string | null = null;
    const records = await collect(parsePublications(streamOf(text), { fileName: 'ovid.txt', onFormat: (found) => (format = found) }));
    expect(format).toBe('ovid');
    expect(records).toHaveLength(1);
  });

  it('reads the authors without footnote marks and degrees (initials alone stay), each keyword, and the language without its full stop', async () => {
    const [record] = await collect(parseOvid(streamOf(text)));
    expect(record.publication.authors).toEqual([
      { family: 'Holstiege', given: 'Jakob' },
      { family: 'van Vugt', given: 'Arie' },
      { family: 'Frolke', given: 'Jan Paul' },
      { family: 'Smith', given: 'MD' },
    ]);
    expect(record.publication.keywords).toEqual(['computer-aided clinical decision support', 'CDSS', 'U.S.', 'primary care']);
    expect(record.publication).toMatchObject({ language: 'English', doi: '10.1136/amiajnl-2014-002886', journal: 'Journal of the American Medical Informatics Association' });
  });

  it('reads the document type as the publication type and, ahead of print, the year the article went online', async () => {
    const [record] = await collect(parseOvid(streamOf(text)));
    expect(record.publication).toMatchObject({ publicationTypes: ['Review'], year: 2014, month: null });
    expect(record.notes).toEqual([]);
  });
});
