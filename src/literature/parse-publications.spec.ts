import { Readable } from 'node:stream';
import { normaliseNameKey, normaliseTitleKey } from './normalise';
import { parsePublications } from './parse-publications';
import type { ParsedPublication } from './parsed-publication';
import { byteChunks, collect, fixtureStream, fixtureText, importError, streamOf } from './testing/fixtures';

async function publications(file: string): Promise<ParsedPublication[]> {
  return (await collect(parsePublications(fixtureStream(file), { fileName: file }))).map((record) => record.publication);
}

describe('parsePublications', () => {
  it.each([
    ['pubmed_xml/pubmed-10-records-5-case-reports.xml', 10],
    ['pubmed_xml/pubmed-structured-abstract.xml', 1],
    ['medline/pubmed-medline-50-records.nbib', 50],
    ['ris/rayyan-10-records.ris', 10],
    ['ris/zotero-pubmed-6-records.ris', 6],
    ['csv/zotero-10-records.csv', 10],
    ['csv/rayyan-10-records.csv', 10],
  ])('detects and parses %s (%i records)', async (file, count) => {
    expect(await publications(file)).toHaveLength(count);
  });

  it('detects the format even when the head arrives in tiny chunks', async () => {
    const records = await collect(parsePublications(byteChunks(fixtureText('ris/zotero-pubmed-6-records.ris'), 10)));
    expect(records).toHaveLength(6);
    expect(records[1].publication.issns).toEqual(['1128-045X', '1123-6337']);
  });

  it('uses the given format without detecting', async () => {
    const records = await collect(parsePublications(streamOf('TY  - JOUR\nTI  - Forced\nER  - \n'), { format: 'ris' }));
    expect(records[0].publication.title).toBe('Forced');
    const error = await importError(parsePublications(streamOf('TY  - JOUR\nER  - \n'), { format: 'pubmed-xml' }));
    expect(error.message).toMatch(/^PubMed XML line \d+: malformed XML: text data outside of root node/);
  });

  it('handles a Latin-1 RIS file with CRLF line ends', async () => {
    const bytes = Buffer.from('TY  - JOUR\r\nAU  - Gonz\xe1lez, Mar\xeda\r\nTI  - Hemangioma in a 5\xb4 infant\r\nER  - \r\n', 'latin1');
    const [record] = await collect(parsePublications(streamOf(bytes)));
    expect(record.publication.authors).toEqual([{ family: 'González', given: 'María' }]);
    expect(record.publication.title).toBe('Hemangioma in a 5´ infant');
  });

  it('handles a UTF-8 BOM with CRLF in a MEDLINE file', async () => {
    const text = '\ufeffPMID- 1\r\nTI  - A long title that\r\n      continues here.\r\nFAU - Doe, Jane\r\n\r\n';
    const [record] = await collect(parsePublications(streamOf(Buffer.from(text, 'utf8'))));
    expect(record.publication).toMatchObject({ pmid: '1', title: 'A long title that continues here.', authors: [{ family: 'Doe', given: 'Jane' }] });
  });

  it('stores abstracts without the labels databases write into them, in every format (EBSCOhost RIS, SciELO RIS, EBSCOhost CSV)', async () => {
    const cinahl = await publications('real/cinahl/cinahl-ebsco-3-records.ris');
    expect(cinahl[0].abstract).toMatch(/did not set them apart from their contemporaries\.$/);
    const scielo = await publications('real/scielo/scielo-2-records.ris');
    expect(scielo[0].abstract).toMatch(/^The Atlantic Forest has been highly fragmented/);
    const csv = await publications('real/cinahl/cinahl-ebsco-4-records.csv');
    for (const publication of csv) expect(publication.abstract).not.toMatch(/ABSTRACT FROM|Copyright of/);
  });

  it('rejects an unrecognised file', async () => {
    const error = await importError(parsePublications(streamOf('hello world\n'), { fileName: 'x.txt' }));
    expect(error.message).toMatch(/^The format of the file "x.txt" is not recognised\. Supported formats: /);
  });

  it('stops reading when the consumer stops early', async () => {
    let produced = 0;
    function* endless(): Generator<string> {
      yield '<PubmedArticleSet>';
      for (;;) {
        produced += 1;
        yield `<PubmedArticle><MedlineCitation><PMID>${produced}</PMID></MedlineCitation></PubmedArticle>`;
      }
    }
    const source = Readable.from(endless(), { highWaterMark: 4 });
    const pmids: string[] = [];
    for await (const record of parsePublications(source)) {
      pmids.push(record.publication.pmid ?? '');
      if (pmids.length === 3) break;
    }
    expect(pmids).toEqual(['1', '2', '3']);
    expect(source.destroyed).toBe(true);
    expect(produced).toBeLessThan(1000);
  });
});

describe('hostile values with long runs of one character (read in linear time)', () => {
  // Patterns like /[,;\s]+$/ or /\s*\[…\]\s*$/ rescanned such a run at every position: 60,000 characters took 2-9 s,
  // a megabyte would have held the import (and the service) for many minutes.
  const spaces = ' '.repeat(1_000_000);
  const commas = ','.repeat(1_000_000);
  it.each([
    ['RIS author of commas', `TY  - JOUR\nTI  - Spinal hematoma\nAU  - Smith${commas}John\nER  - \n`],
    ['MEDLINE author of commas', `PMID- 1\nTI  - Spinal hematoma\nAU  - Smith${commas}J\n\n`],
    ['Ovid author of spaces before an open bracket', `<1>\nTitle\n  Spinal hematoma\nAuthors\n  Smith${spaces}[J\n\n`],
    ['Web of Science line of spaces', `FN Clarivate Analytics Web of Science\nVR 1.0\nPT J\nTI Spinal hematoma\nAU Smith${spaces}J\nER\nEF\n`],
    ['CSV author of commas', `Authors,Title,Year,Source title\n"Smith${commas}J",Spinal hematoma,2019,J\n`],
    ['PubMed XML given name of commas', `<?xml version="1.0"?><PubmedArticleSet><PubmedArticle><MedlineCitation><PMID>1</PMID><Article><ArticleTitle>Spinal hematoma</ArticleTitle><AuthorList><Author><LastName>Smith</LastName><ForeName>J${commas}x</ForeName></Author></AuthorList></Article></MedlineCitation></PubmedArticle></PubmedArticleSet>`],
  ])('%s', async (_, text) => {
    const records = await collect(parsePublications(streamOf(text), { fileName: 'hostile.txt' }));
    expect(records.map((record) => record.publication.title)).toEqual(['Spinal hematoma']);
  });
});

describe('values holding a Unicode line or paragraph separator (U+2028, U+2029: text copied from a web page)', () => {
  // JavaScript's `.` does not match them: the tag line was not recognised, and the title (or the whole record) was lost.
  it.each([
    ['RIS', 'TY  - JOUR\r\nTI  - Spinal\u2028hematoma after a\u2029patch\r\nAU  - Smith, Ann\r\nPY  - 2020\r\nER  - \r\n'],
    ['MEDLINE', 'PMID- 12345\nTI  - Spinal\u2028hematoma after a\u2029patch\nFAU - Smith, Ann\nDP  - 2020\n\n'],
    ['Web of Science', 'FN Clarivate Analytics Web of Science\nVR 1.0\nPT J\nAU Smith, A\nTI Spinal\u2028hematoma after a\u2029patch\nPY 2020\nER\n\nEF\n'],
  ])('%s: the title is read, its separators as spaces', async (_format, text) => {
    const [record] = await collect(parsePublications(streamOf(text)));
    expect(record.publication.title).toBe('Spinal hematoma after a patch');
  });
});

describe('the three exports of the same 10 references (Rayyan RIS, Rayyan CSV, Zotero CSV)', () => {
  let sets: ParsedPublication[][];
  beforeAll(async () => {
    sets = await Promise.all(['ris/rayyan-10-records.ris', 'csv/rayyan-10-records.csv', 'csv/zotero-10-records.csv'].map(publications));
  });

  const dedupeKeys = (publication: ParsedPublication) => ({
    doi: publication.doi,
    pmid: publication.pmid,
    title: normaliseTitleKey(publication.title),
    year: publication.year,
    firstAuthor: normaliseNameKey(publication.authors[0]?.family),
  });

  it('agree on DOI, normalised title, year and first author, record by record', () => {
    const [ris, rayyanCsv, zoteroCsv] = sets.map((set) => set.map(dedupeKeys));
    expect(ris).toHaveLength(10);
    expect(rayyanCsv).toEqual(ris);
    expect(zoteroCsv).toEqual(ris);
    expect(new Set(ris.map((keys) => keys.doi)).size).toBe(10);
    expect(ris.every((keys) => keys.doi !== null && keys.title !== null && keys.year === 2024 && keys.firstAuthor !== null)).toBe(true);
  });

  it('carry no PMIDs (the exports come from Embase), so PMID cannot be the key here', () => {
    expect(sets.flat().every((publication) => publication.pmid === null)).toBe(true);
  });

  it('have identical titles and the same DOIs', () => {
    const titles = sets.map((set) => set.map((publication) => publication.title));
    expect(titles[1]).toEqual(titles[0]);
    expect(titles[2]).toEqual(titles[0]);
    expect(sets[0].map((publication) => publication.doi)).toContain('10.1371/journal.pone.0292318');
    expect(titles[0][3]).toBe('A remarkable assemblage of petroglyphs and dinosaur footprints in Northeast Brazil');
  });
});
