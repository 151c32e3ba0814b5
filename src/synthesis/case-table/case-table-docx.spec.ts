import { parse } from 'csv-parse/sync';
import { docxText } from '../../../test/support/docx-text';
import { caseTableDocx } from './case-table-docx';
import { csvHead, csvRows, TableStamp } from './case-table-writers';

const stamp: TableStamp = { search: '{"filters":{"outcomes":["DEATH"]}}', generatedAt: '2026-12-01T10:00:00.000Z', totalCases: 2, totalPublications: 2, savedSearch: null };
const columns = [
  { header: 'Study', width: 4 },
  { header: 'Age (years)', width: 2 },
];

async function bytes(chunks: AsyncIterable<Buffer>): Promise<Buffer> {
  const all: Buffer[] = [];
  for await (const chunk of chunks) all.push(chunk);
  return Buffer.concat(all);
}

describe('caseTableDocx', () => {
  it('writes a Word package holding the stamp and a real table, read back from its XML', async () => {
    const saved = { ...stamp, savedSearch: { id: 'id-1', name: 'Deaths', fingerprint: 'abc', fingerprintAt: '2026-11-30T00:00:00.000Z' } };
    const buffer = await bytes(caseTableDocx(saved, columns, [[['Landa et al. 2018', '37']], [['McInerney et al. 2020 & <co>', 'NR']]]));
    const { paragraphs, rows, xml, parts } = docxText(buffer);
    expect(parts.sort()).toEqual(['[Content_Types].xml', '_rels/.rels', 'docProps/core.xml', 'word/_rels/document.xml.rels', 'word/document.xml', 'word/styles.xml']);
    expect(paragraphs).toEqual(['Search: {"filters":{"outcomes":["DEATH"]}}', 'Generated: 2026-12-01T10:00:00.000Z', 'Cases: 2; publications: 2', 'Saved search: Deaths (id-1)', 'Saved-search fingerprint: abc (run 2026-11-30T00:00:00.000Z)', '']);
    expect(xml.match(/<w:tbl>/g)).toHaveLength(1);
    expect(rows).toEqual([
      ['Study', 'Age (years)'],
      ['Landa et al. 2018', '37'],
      ['McInerney et al. 2020 & <co>', 'NR'],
    ]);
    // The header row repeats on every page; the page is landscape.
    expect(xml).toContain('<w:tblHeader/>');
    expect(xml).toMatch(/w:orient="landscape"/);
  });

  it('holds the same rows and cells as the CSV of the same table, characters XML forbids removed', async () => {
    const table = [
      ['Iga "quoted", 2019', 'A; B (20 ml, L3-L4)'],
      ['Ctrl\u0001 char\u000B and lone \uD800 surrogate', 'Müller 😀'],
      ['', 'NR'],
    ];
    const csv = parse(csvHead(stamp, ['Study', 'Age (years)']) + csvRows(table), { comment: '#' }) as string[][];
    const { rows } = docxText(await bytes(caseTableDocx(stamp, columns, [table])));
    // CSV keeps the control characters; a lone surrogate reaches it as U+FFFD (UTF-8 cannot hold it): Word has neither.
    expect(rows).toEqual(csv.map((row) => row.map((cell) => cell.replace(/[\u0001\u000B\uFFFD]/g, ''))));
    expect(rows[2]).toEqual(['Ctrl char and lone  surrogate', 'Müller 😀']);
  });

  it('reads the rows only as fast as the file is taken, and stops reading them when the taker stops', async () => {
    let read = 0;
    let closed = false;
    async function* pages(): AsyncGenerator<string[][]> {
      try {
        for (let page = 0; page < 200; page++) {
          read++;
          yield Array.from({ length: 500 }, (_, i) => [`Study ${page}-${i} ${(page * 7919 + i * 104729).toString(36)}`, String((page * i) % 97)]);
        }
      } finally {
        closed = true;
      }
    }
    const chunks = caseTableDocx(stamp, columns, pages());
    let taken = 0;
    for await (const chunk of chunks) {
      taken += chunk.length;
      if (read > 0 && taken > 0) break;
    }
    // The taker stopped: the row pages are closed, most of them never read (a writer that read them all first would read 200).
    await new Promise<void>((resolve) => {
      const check = () => (closed ? resolve() : setImmediate(check));
      check();
    });
    expect(read).toBeLessThan(20);
  });

  it('ends with the error when reading the rows fails', async () => {
    async function* failing(): AsyncGenerator<string[][]> {
      yield [['Landa et al. 2018', '37']];
      throw new Error('the database went away');
    }
    await expect(bytes(caseTableDocx(stamp, columns, failing()))).rejects.toThrow('the database went away');
  });
});
