/**
 * CSV exports (Rayyan, Zotero, PubMed, Covidence), read with csv-parse as a stream, one row at a
 * time. The exporter is recognised from the header row (see csv-exporters.ts); the delimiter
 * (comma, semicolon or tab) is taken from the header line. Every data row must have as many cells
 * as the header.
 */
import { Readable } from 'node:stream';
import { CsvError, parse } from 'csv-parse';
import { ImportFormatError } from '../parsed-publication';
import type { ParsedRecord, ParserOptions, TextSource } from '../parsed-publication';
import { decodeText, normaliseNewlines } from '../text-decoding';
import { describeCsvExporters, mapCsvRow, normaliseHeader, recogniseCsvExporter } from './csv-exporters';
import type { CsvExporter } from './csv-exporters';

/** Largest accepted row, to keep a file with a runaway quote from filling memory. */
const MAX_RECORD_SIZE = 8 * 1024 * 1024;

function fail(message: string, recordNumber: number | null, line: number | null, field: string | null): ImportFormatError {
  const where = [recordNumber !== null ? `record ${recordNumber}` : null, line !== null ? `line ${line}` : null].filter(Boolean).join(', ');
  return new ImportFormatError(`CSV${where ? ` ${where}` : ''}: ${message}`, recordNumber, line, field);
}

/** The most frequent of , ; and tab outside quotes on the first line. */
export function sniffDelimiter(firstLine: string): string {
  const counts = new Map<string, number>([
    [',', 0],
    [';', 0],
    ['\t', 0],
  ]);
  let quoted = false;
  for (const char of firstLine) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && counts.has(char)) counts.set(char, (counts.get(char) ?? 0) + 1);
  }
  let best = ',';
  for (const [delimiter, count] of counts) if (count > (counts.get(best) ?? 0)) best = delimiter;
  return best;
}

interface CsvParserOutput {
  record: string[];
  raw: string;
}

/** Yields the records of a CSV export one by one. */
export async function* parseCsv(source: TextSource, options: ParserOptions = {}): AsyncGenerator<ParsedRecord> {
  const text = normaliseNewlines(decodeText(source));
  // Read until the header line is complete, to choose the delimiter.
  const head: string[] = [];
  let headText = '';
  let next = await text.next();
  while (!next.done) {
    head.push(next.value);
    headText += next.value;
    if (headText.includes('\n') || headText.length > 1024 * 1024) break;
    next = await text.next();
  }
  const firstLine = headText.replace(/^\ufeff/, '').split('\n', 1)[0];
  if (firstLine.trim().length === 0) throw fail('the file is empty or starts with a blank line; expected a header row', null, 1, null);
  const delimiter = sniffDelimiter(firstLine);

  async function* replay(): AsyncGenerator<string> {
    yield* head;
    if (next.done) return;
    yield* text;
  }
  const input = Readable.from(replay());
  const parser = parse({
    delimiter,
    bom: true,
    raw: true,
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: false,
    max_record_size: MAX_RECORD_SIZE,
  });
  input.on('error', (error) => parser.destroy(error));
  input.pipe(parser);

  let header: string[] | null = null;
  let exporter: CsvExporter | null = null;
  let columnIndex = new Map<string, number>();
  let line = 1;
  let recordNumber = 0;
  try {
    for await (const output of parser as AsyncIterable<CsvParserOutput>) {
      const startLine = line;
      line += (output.raw.match(/\n/g) ?? []).length;
      const cells = output.record;
      if (cells.length === 1 && cells[0].trim().length === 0) continue; // blank line
      if (header === null) {
        header = cells;
        exporter = recogniseCsvExporter(header);
        if (!exporter) {
          throw fail(
            `the header row is not one of the supported CSV exports. Expected the columns of ${describeCsvExporters()}; found: ${header.map((cell) => cell.trim()).join(', ')}`,
            null,
            startLine,
            null,
          );
        }
        columnIndex = new Map(header.map((cell, index) => [normaliseHeader(cell), index] as const).reverse());
        continue;
      }
      recordNumber += 1;
      if (cells.length !== header.length) {
        const error = fail(`has ${cells.length} columns but the header has ${header.length}`, recordNumber, startLine, null);
        if (!options.onRecordError) throw error;
        options.onRecordError(error); // recovery: the next row is a record of its own
        continue;
      }
      const row = (column: string): string | null => {
        const index = columnIndex.get(column);
        if (index === undefined) return null;
        const value = cells[index];
        return value !== undefined && value.trim().length > 0 ? value : null;
      };
      yield { recordNumber, line: startLine, publication: mapCsvRow(exporter as CsvExporter, row) };
    }
  } catch (error) {
    if (error instanceof ImportFormatError) throw error;
    if (error instanceof CsvError) {
      const errorLine = typeof (error as CsvError & { lines?: number }).lines === 'number' ? (error as CsvError & { lines: number }).lines : null;
      throw fail(`malformed CSV: ${error.message}`, header === null ? null : recordNumber + 1, errorLine, null);
    }
    throw error;
  } finally {
    input.destroy();
    parser.destroy();
    await text.return(undefined);
  }
  if (header === null) throw fail('the file has no header row', null, 1, null);
}
