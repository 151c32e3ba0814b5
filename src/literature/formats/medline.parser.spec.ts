import type { ParsedRecord } from '../parsed-publication';
import { collect, fixtureBytes, fixtureStream, fixtureText, importError, streamOf } from '../testing/fixtures';
import { parseMedline, parseMedlineMeshHeading } from './medline.parser';

const FILE = 'medline/pubmed-medline-50-records.nbib';

describe('parseMedline on the real 50-record .nbib file', () => {
  let records: ParsedRecord[];
  beforeAll(async () => {
    records = await collect(parseMedline(fixtureStream(FILE)));
  });

  it('yields 50 records with the line of their PMID tag', () => {
    expect(records).toHaveLength(50);
    expect(records.slice(0, 3).map((record) => [record.recordNumber, record.line, record.publication.pmid])).toEqual([
      [1, 1, '30922926'],
      [2, 112, '37068225'],
      [3, 250, '36448670'],
    ]);
    expect(records[49].publication.pmid).toBe('26605799');
  });

  it('maps every field of the first record, joining continuation lines', () => {
    const publication = records[0].publication;
    expect(publication).toMatchObject({
      title: 'Time lapse: A glimpse into prehistoric genomics.',
      journal: 'European journal of medical genetics',
      journalAbbreviation: 'Eur J Med Genet',
      year: 2020,
      month: 2,
      volume: '63',
      issue: '2',
      pages: '103640',
      doi: '10.1016/j.ejmg.2019.03.004', // from "LID - 10.1016/j.ejmg.2019.03.004 [doi]", not the "[pii]" lines
      pmid: '30922926',
      pmcid: 'PMC7026692',
      issns: ['1878-0849', '1769-7212'],
      publicationTypes: ['Historical Article', 'Journal Article', 'Review'],
      keywords: ['Chromosome', 'Comparative', 'Dinosaur', 'Genome evolution', 'Karyotype'],
      language: 'eng',
      url: null,
    });
    expect(publication.abstract).toMatch(/^For the purpose of this review, 'time-lapse' refers to the reconstruction of ancestral \(in this case dinosaur\) karyotypes/);
    expect(publication.abstract).toMatch(/emerging each time as speciose and diverse\.$/);
    expect(publication.abstract).not.toMatch(/\s{2,}/);
    expect(publication.authors).toEqual([
      { family: 'Griffin', given: 'Darren K' },
      { family: 'Larkin', given: 'Denis M' },
      { family: "O'Connor", given: 'Rebecca E' },
    ]);
  });

  it('reads MeSH headings with their major-topic stars and qualifiers (no descriptor UI in MEDLINE text)', () => {
    const headings = records[0].publication.meshHeadings;
    expect(headings).toHaveLength(13);
    expect(headings.find((heading) => heading.label === 'Birds')).toEqual({ descriptorUi: null, label: 'Birds', majorTopic: false }); // MH  - Birds/genetics
    expect(headings.find((heading) => heading.label === 'Genome')).toEqual({ descriptorUi: null, label: 'Genome', majorTopic: true }); // MH  - *Genome
    expect(headings.find((heading) => heading.label === 'Genomics')).toEqual({ descriptorUi: null, label: 'Genomics', majorTopic: true }); // MH  - *Genomics/history
  });

  it('keeps totals consistent with the tags in the file', () => {
    const text = fixtureText(FILE);
    const count = (tag: string): number => text.split('\n').filter((line) => line.startsWith(tag)).length;
    expect(records.reduce((sum, record) => sum + record.publication.authors.length, 0)).toBe(count('FAU - '));
    expect(records.reduce((sum, record) => sum + record.publication.meshHeadings.length, 0)).toBe(count('MH  - '));
    expect(records.reduce((sum, record) => sum + record.publication.publicationTypes.length, 0)).toBe(count('PT  - '));
    expect(records.every((record) => record.publication.doi !== null && record.publication.pmcid !== null)).toBe(true);
  });

  it('reads names with accents and suffixes, and year-only dates', () => {
    expect(records[1].publication.authors[0]).toEqual({ family: 'Peñalver', given: 'Enrique' });
    expect(records[27].publication.authors[0]).toEqual({ family: 'Chamberlain', given: 'John A Jr' });
    expect(records[48].publication.authors[0]).toEqual({ family: 'Černý', given: 'David' });
    expect(records[14].publication).toMatchObject({ pmid: '31995575', year: 2020, month: null });
  });

  it('gives the same records from a CRLF copy with a byte order mark, cut into small chunks', async () => {
    const crlf = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(fixtureText(FILE).replace(/\n/g, '\r\n'), 'utf8')]);
    const chunks: Buffer[] = [];
    for (let i = 0; i < crlf.length; i += 101) chunks.push(crlf.subarray(i, i + 101));
    expect(await collect(parseMedline(streamOf(...chunks)))).toEqual(records);
    expect(fixtureBytes(FILE)[0]).toBe(0x50); // the original has neither
  });
});

describe('parseMedline details', () => {
  it('uses AU when there is no FAU, and CN for collective authors, in file order', async () => {
    const text = ['PMID- 1', 'TI  - A title', 'AU  - Smith JA', 'CN  - Rare Disease Consortium', 'FAU - Doe, Jane', 'AU  - Doe J', 'DP  - 1998 Dec-1999 Jan', ''].join('\n');
    const [record] = await collect(parseMedline(streamOf(text)));
    expect(record.publication.authors).toEqual([
      { family: 'Smith', given: 'JA' },
      { family: 'Rare Disease Consortium', given: null },
      { family: 'Doe', given: 'Jane' },
    ]);
    expect(record.publication).toMatchObject({ year: 1998, month: 12 });
  });

  it('splits records that are not separated by a blank line', async () => {
    const records = await collect(parseMedline(streamOf('PMID- 1\nTI  - One\nPMID- 2\nTI  - Two\n')));
    expect(records.map((record) => [record.recordNumber, record.line, record.publication.title])).toEqual([
      [1, 1, 'One'],
      [2, 3, 'Two'],
    ]);
  });

  it('takes the DOI from AID or from SO when LID has none', async () => {
    const [viaAid] = await collect(parseMedline(streamOf('PMID- 1\nAID - 10.1000/ABC [doi]\n')));
    expect(viaAid.publication.doi).toBe('10.1000/abc');
    const [viaSo] = await collect(parseMedline(streamOf('PMID- 2\nSO  - J Test. 2020;1(2):3. doi: 10.1000/xyz. Epub 2020\n')));
    expect(viaSo.publication.doi).toBe('10.1000/xyz');
  });

  it('decodes a Latin-1 file', async () => {
    const latin1 = Buffer.from('PMID- 5\nFAU - Pe\xf1alver, Enrique\nTI  - Caf\xe9 au lait\n', 'latin1');
    const [record] = await collect(parseMedline(streamOf(latin1)));
    expect(record.publication.authors[0].family).toBe('Peñalver');
    expect(record.publication.title).toBe('Café au lait');
  });

  it('rejects a line that is neither a tag nor a continuation, naming record and line', async () => {
    const error = await importError(parseMedline(streamOf('PMID- 1\nTI  - ok\n\nPMID- 2\nthis is not a tag\n')));
    expect(error.yielded).toHaveLength(1);
    expect(error.recordNumber).toBe(2);
    expect(error.line).toBe(5);
    expect(error.message).toMatch(/MEDLINE record 2, line 5: expected a tag line/);
  });

  it('rejects a continuation line with nothing to continue', async () => {
    const error = await importError(parseMedline(streamOf('      dangling text\nPMID- 1\n')));
    expect(error.line).toBe(1);
    expect(error.recordNumber).toBe(1);
  });

  it('joins 300,000 continuation lines (2.4 MB) in linear time', async () => {
    // No clock here (CI machines are busy): the quadratic join took minutes on this input, past the test timeout; about 1 s now.
    const [record] = await collect(parseMedline(streamOf(`PMID- 1\nTI  - A title \nAB  - Start\n${'      more\n'.repeat(300_000)}\n`)));
    expect(record.publication.title).toBe('A title');
    expect(record.publication.abstract).toHaveLength('Start'.length + ' more'.length * 300_000);
  });

  it('parses MeSH heading notation', () => {
    expect(parseMedlineMeshHeading('Colitis, Ulcerative/*therapy')).toEqual({ descriptorUi: null, label: 'Colitis, Ulcerative', majorTopic: true });
    expect(parseMedlineMeshHeading('Humans')).toEqual({ descriptorUi: null, label: 'Humans', majorTopic: false });
    expect(parseMedlineMeshHeading('*')).toBeNull();
  });
});

describe('parseMedline: values that cannot be read are noted, with their tag and line', () => {
  it('names the tag, line and value of a PMID, date, DOI and PMCID it could not read', async () => {
    const text = [
      'PMID- 12345',
      'TI  - A readable record',
      'DP  - 2019 Mar',
      '',
      'PMID- 12a45',
      'TI  - Nothing readable',
      'DP  - in press',
      'LID - S0000-0000(19)30001-X [pii]',
      'LID - doi.org/nothing [doi]',
      'PMC - PMCabc',
      '',
    ].join('\n');
    const records = await collect(parseMedline(streamOf(text)));
    expect(records[0].notes).toEqual([]);
    expect(records[1]).toMatchObject({ recordNumber: 2, line: 5 });
    expect(records[1].publication).toMatchObject({ pmid: null, year: null, doi: null, pmcid: null });
    expect(records[1].notes).toEqual([
      { field: 'PMID', line: 5, message: '"12a45" is not a PubMed ID (a number); the PubMed ID was left empty' },
      { field: 'DP', line: 7, message: '"in press" is not a date with a year; the year was left empty' },
      { field: 'LID', line: 9, message: '"doi.org/nothing" is not a DOI (10.<registrant>/<suffix>); the DOI was left empty' },
      { field: 'PMC', line: 10, message: '"PMCabc" is not a PMC ID ("PMC" and a number); the PMC ID was left empty' },
    ]);
  });
});
