import { parsePublications } from './parse-publications';
import { ImportFormatError } from './parsed-publication';
import type { ImportFormat, ParsedRecord } from './parsed-publication';
import { collect, importError, streamOf } from './testing/fixtures';

/** Parses in recovery mode: the records that came through and the errors reported on the way. */
async function recover(text: string, format?: ImportFormat): Promise<{ records: ParsedRecord[]; errors: ImportFormatError[] }> {
  const errors: ImportFormatError[] = [];
  const records = await collect(parsePublications(streamOf(text), { format, onRecordError: (error) => errors.push(error) }));
  return { records, errors };
}

const titles = (records: ParsedRecord[]) => records.map((record) => record.publication.title);

describe('parsers in recovery mode (onRecordError)', () => {
  it('RIS: drops a record without ER, a record without TY and an unclosed last record, and keeps the others', async () => {
    const ris = [
      'TY  - JOUR', 'TI  - One', 'ER  - ', // 1: fine
      'TY  - JOUR', 'TI  - Two (no ER)', // 2: not closed before the next TY
      'TY  - JOUR', 'TI  - Three', 'ER  - ', // 3: fine
      'TI  - Four (no TY)', 'AU  - Doe, J', 'ER  - ', // 4: outside a record
      'TY  - JOUR', 'TI  - Five', 'ER  - ', // 5: fine
      'TY  - JOUR', 'TI  - Six (file ends)', // 6: not closed
    ].join('\n');
    const { records, errors } = await recover(`${ris}\n`);
    expect(titles(records)).toEqual(['One', 'Three', 'Five']);
    expect(records.map((record) => record.recordNumber)).toEqual([1, 3, 5]);
    expect(errors.map((error) => [error.recordNumber, error.line, error.field])).toEqual([
      [2, 6, 'ER'],
      [4, 9, 'TY'],
      [6, 16, 'ER'],
    ]);
  });

  it('RIS: without the option the first problem still ends the parse', async () => {
    const error = await importError(parsePublications(streamOf('TY  - JOUR\nTI  - A\nTY  - JOUR\nTI  - B\nER  - \n')));
    expect(error.recordNumber).toBe(1);
    expect(error.yielded).toHaveLength(0);
  });

  it('MEDLINE: skips a record with a line that is neither a tag nor a continuation', async () => {
    const nbib = 'PMID- 1\nTI  - First\n\nPMID- 2\nTI  - Second\nthis line is garbage\nAB  - lost with its record\n\nPMID- 3\nTI  - Third\n';
    const { records, errors } = await recover(nbib);
    expect(titles(records)).toEqual(['First', 'Third']);
    expect(records.map((record) => record.recordNumber)).toEqual([1, 3]);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ recordNumber: 2, line: 6 });
  });

  it('CSV: skips a row with the wrong number of cells', async () => {
    const csv = 'key,title,year,journal,authors\nr1,First,2020,J,"Doe, J"\nr2,Second,2020\nr3,Third,2021,J,"Roe, R"\n';
    const { records, errors } = await recover(csv);
    expect(titles(records)).toEqual(['First', 'Third']);
    expect(records.map((record) => record.recordNumber)).toEqual([1, 3]);
    expect(errors.map((error) => [error.recordNumber, error.line])).toEqual([[2, 3]]);
  });

  it('BibTeX: skips an entry with a broken field and an entry not closed before the next "@"', async () => {
    const bib = [
      '@article{a, title = {First}, year = 2020}',
      '@article{b, title = {Second} year = 2020}',
      '@article{c, title = {Third}, year = 2020',
      '@article{d, title = {Fourth}, year = 2021}',
    ].join('\n');
    const { records, errors } = await recover(bib);
    expect(titles(records)).toEqual(['First', 'Fourth']);
    expect(records.map((record) => record.recordNumber)).toEqual([1, 4]);
    expect(errors.map((error) => [error.recordNumber, error.line])).toEqual([
      [2, 2],
      [3, 4],
    ]);
  });

  it('PubMed XML: malformed XML cannot be resumed, so it still throws after the records before it', async () => {
    const good = '<PubmedArticleSet><PubmedArticle><MedlineCitation><PMID>1</PMID><Article><ArticleTitle>First</ArticleTitle></Article></MedlineCitation></PubmedArticle>';
    const bad = '<PubmedArticle><MedlineCitation><PMID>2</PMID></Oops>';
    const errors: ImportFormatError[] = [];
    const error = await importError(parsePublications(streamOf(good.padEnd(9000), bad), { onRecordError: (e) => errors.push(e) }));
    expect(error.message).toMatch(/malformed XML/);
    expect(error.yielded.map((record) => record.publication.pmid)).toEqual(['1']);
    expect(errors).toEqual([]);
  });
});

describe('records before an error', () => {
  it('PubMed XML: records completed in the same chunk as the malformed part are still yielded', async () => {
    const xml = '<PubmedArticleSet><PubmedArticle><MedlineCitation><PMID>1</PMID></MedlineCitation></PubmedArticle><PubmedArticle><MedlineCitation><PMID>2</PMID></MedlineCitation></PubmedArticle><PubmedArticle></Oops>';
    const error = await importError(parsePublications(streamOf(xml)));
    expect(error.message).toMatch(/malformed XML/);
    expect(error.yielded.map((record) => record.publication.pmid)).toEqual(['1', '2']);
    // The third record, cut short by the bad close tag, is the one in error, not a record.
    expect(error.recordNumber).toBe(3);
  });
});
