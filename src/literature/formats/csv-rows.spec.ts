import { parse } from 'csv-parse/sync';
import { CsvRow, CsvRowReader, CsvSyntaxError } from './csv-rows';
import { seededRandom } from '../../common/seeded-random';

const LIMIT = 8 * 1024 * 1024;

function readAll(text: string, chunkEnds: number[], delimiter = ',', quoted = true): CsvRow[] {
  const reader = new CsvRowReader({ delimiter, quoted, maxRowLength: LIMIT });
  const rows: CsvRow[] = [];
  let start = 0;
  for (const end of [...chunkEnds, text.length]) {
    rows.push(...reader.push(text.slice(start, end)));
    start = end;
  }
  rows.push(...reader.end());
  return rows;
}

/** What csv.parser.ts read before: csv-parse with its options, the start line counted from each row's raw text. */
function csvParseRows(text: string, delimiter = ',', quoted = true): CsvRow[] {
  const output = parse(text, {
    delimiter,
    raw: true,
    quote: quoted ? '"' : false,
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: false,
    max_record_size: LIMIT,
  }) as unknown as { record: string[]; raw: string }[];
  let line = 1;
  return output.map(({ record, raw }) => {
    const row = { cells: record, line };
    line += (raw.match(/\n/g) ?? []).length;
    return row;
  });
}


const PIECES = ['a', 'b', 'word', ' ', ',', ',', ';', '\t', '"', '"', '""', '\n', '\n', 'é', '\u{1f600}', '=', '"x"'];

function generated(next: () => number, length: number): string {
  let text = '';
  while (text.length < length) text += PIECES[Math.floor(next() * PIECES.length)];
  return text;
}

/** The rows, or the error's kind and line (csv-parse's codes start with "CSV_", its line is `lines`). */
function outcome(read: () => CsvRow[]): { rows: CsvRow[] } | { error: string } {
  try {
    return { rows: read() };
  } catch (error) {
    const { code, line, lines } = error as { code?: string; line?: number; lines?: number };
    return { error: `${code?.replace(/^CSV_/, '')} at line ${line ?? lines}` };
  }
}

describe('CsvRowReader', () => {
  it('reads quoted cells with delimiters, doubled quotes and line ends, and starts each row on its line', () => {
    const text = 'title,abstract\n"A, B","He said ""no""\nand left"\nplain,"x"\n\nlast,row';
    expect(readAll(text, [])).toEqual([
      { cells: ['title', 'abstract'], line: 1 },
      { cells: ['A, B', 'He said "no"\nand left'], line: 2 },
      { cells: ['plain', 'x'], line: 4 },
      { cells: [''], line: 5 },
      { cells: ['last', 'row'], line: 6 },
    ]);
  });

  it('keeps a stray quote as text, as csv-parse does with relax_quotes', () => {
    expect(readAll('a"b,"c"d",e\n', []).map((row) => row.cells)).toEqual([['a"b', '"c"d"', 'e']]);
    expect(readAll('"Title with "quoted" word",2020\n', []).map((row) => row.cells)).toEqual([['"Title with "quoted" word"', '2020']]);
  });

  it('reads quotes as text when the export never quotes (Web of Science tab-delimited)', () => {
    expect(readAll('TI\tPY\n"Quoted" title\t2020\n', [], '\t', false).map((row) => row.cells)).toEqual([['TI', 'PY'], ['"Quoted" title', '2020']]);
  });

  it('decides a quote at the end of a chunk by the next chunk', () => {
    const text = 'a,"x""y",b\n"p",q\n';
    for (let cut = 1; cut < text.length; cut++) expect(readAll(text, [cut])).toEqual(readAll(text, []));
  });

  it('refuses a quote left open, naming the line the text ends on', () => {
    const reader = new CsvRowReader({ delimiter: ',', quoted: true, maxRowLength: LIMIT });
    expect(reader.push('h1,h2\nr1,"unterminated,2020\nmore')).toEqual([{ cells: ['h1', 'h2'], line: 1 }]);
    expect(() => reader.end()).toThrow(expect.objectContaining({ code: 'QUOTE_NOT_CLOSED', line: 3 }));
    // A line end at the very end does not start a line (as csv-parse counted).
    expect(outcome(() => readAll('h1,h2\nr1,"unterminated,2020\n', [12]))).toEqual({ error: 'QUOTE_NOT_CLOSED at line 2' });
  });

  it('refuses a row longer than the limit instead of holding it', () => {
    const reader = new CsvRowReader({ delimiter: ',', quoted: true, maxRowLength: 100 });
    reader.push('a,"');
    expect(() => reader.push('x'.repeat(101))).toThrow(CsvSyntaxError);
  });

  it('reads generated text, cut into random chunks, exactly as csv-parse did', () => {
    const next = seededRandom(20261201);
    for (let round = 0; round < 600; round++) {
      const text = generated(next, 1 + Math.floor(next() * 120));
      const delimiter = [',', ';', '\t'][round % 3];
      const quoted = round % 7 !== 0;
      const cuts = [...new Set(Array.from({ length: Math.floor(next() * 6) }, () => Math.floor(next() * text.length)))].sort((a, b) => a - b);
      const expected = outcome(() => csvParseRows(text, delimiter, quoted));
      const actual = outcome(() => readAll(text, cuts, delimiter, quoted));
      expect({ round, text, cuts, result: actual }).toEqual({ round, text, cuts, result: expected });
    }
  });
});
