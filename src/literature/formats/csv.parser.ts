/**
 * CSV / TSV exports (Rayyan, Zotero, PubMed, Covidence, Scopus, Web of Science, Embase, EBSCOhost /
 * CINAHL, Cochrane CENTRAL, OpenAlex, Lens, Publish or Perish, Dimensions, EndNote, RefWorks tab-delimited
 * (Citavi), or any table with common column names or a user's column mapping), read as a stream, a chunk at a time, by csv-rows.ts
 * (csv-parse's rules, with relaxed quotes: see there).
 *
 * - The header row and the delimiter (tab, ";" or ",") are found by csv-header.ts; rows before the
 *   header (Dimensions' and Embase's preambles, Excel notes) are skipped.
 * - The dialect comes from the header (csv-exporters.ts); an unreadable header is refused with the
 *   columns found and how to map them.
 * - Every data row must have as many cells as the header (trailing empty cells, as Web of Science and
 *   Excel add, are ignored; Abstrackr's rows that stop early are read with the rest empty). Rows with a single filled cell that is not the title (EndNote / Excel
 *   section rows such as "Included studies") and repeated header rows are skipped, not counted.
 */
import { ImportFormatError } from '../parsed-publication';
import { RecordNotes } from '../value-notes';
import type { ParsedRecord, ParserOptions, TextSource } from '../parsed-publication';
import { decodeText, normaliseNewlines } from '../text-decoding';
import { commonNameColumn, CSV_FIELDS, describeCsvExporters, headerKey, IDENTIFYING_FIELDS, mapCsvRow, missingMappedColumns } from './csv-exporters';
import type { CsvColumnMapping, CsvExporter } from './csv-exporters';
import { locateCsvHeader, MAX_PREAMBLE_LINES } from './csv-header';
import { CsvRowReader, CsvSyntaxError } from './csv-rows';
import type { CsvRow } from './csv-rows';
import { fromSpreadsheetSafe } from '../../common/spreadsheet-cell';

export { sniffDelimiter } from './csv-header';

/** Largest accepted row (characters), to keep a file with a runaway quote from filling memory. */
const MAX_RECORD_SIZE = 8 * 1024 * 1024;
/** How much text is read before the header must have been found. */
const MAX_HEAD_LENGTH = 1024 * 1024;

function fail(message: string, recordNumber: number | null, line: number | null, field: string | null): ImportFormatError {
  const where = [recordNumber !== null ? `record ${recordNumber}` : null, line !== null ? `line ${line}` : null].filter(Boolean).join(', ');
  return new ImportFormatError(`CSV${where ? ` ${where}` : ''}: ${message}`, recordNumber, line, field);
}

/** The refusal of a header: what was found, and how to map it (CLI, HTTP, GraphQL). */
export function unreadableHeaderMessage(found: string[], mapping?: CsvColumnMapping | null): string {
  const columns = found.map((cell) => cell.trim()).filter((cell) => cell.length > 0);
  const missing = mapping ? missingMappedColumns(found, mapping) : [];
  const example = columns.length > 0 ? `title=${columns[0]}${columns[1] ? `,authors=${columns[1]}` : ''}` : 'title=Article Title,year=Year';
  const title = commonNameColumn(found, 'title');
  return [
    missing.length > 0
      ? `the column mapping names ${missing.map((column) => `"${column}"`).join(', ')}, not in the header row`
      : title !== null
        ? `the header row is not one of the recognised CSV exports; it has a title column ("${title}") but none of ${IDENTIFYING_FIELDS.join(', ')} under a common name, which tell records apart`
        : 'the header row is not one of the recognised CSV exports and has no title column under a common name',
    `found: ${columns.join(', ') || '(no columns)'}`,
    `recognised exports: ${describeCsvExporters()}`,
    `to read this file, map its columns to fields (${CSV_FIELDS.join(', ')}; title is required): CLI --columns "${example}", POST /imports columns=${example}, GraphQL columns: [{ field: TITLE, column: "${columns[0] ?? 'Article Title'}" }]`,
  ].join('; ');
}

/** How many cells hold more than white space: 0, 1 or 2 (two or more). */
function filledCells(cells: string[]): number {
  let filled = 0;
  for (const cell of cells) {
    if (cell.trim().length > 0 && ++filled === 2) break;
  }
  return filled;
}

/** Yields the records of a CSV export one by one. */
export async function* parseCsv(source: TextSource, options: ParserOptions = {}): AsyncGenerator<ParsedRecord> {
  const text = normaliseNewlines(decodeText(source));
  const mapping = options.columns && Object.keys(options.columns).length > 0 ? options.columns : null;
  // Read enough lines to find the header (after a preamble).
  let headText = '';
  let next = await text.next();
  while (!next.done) {
    headText += next.value;
    if ((headText.match(/\n/g) ?? []).length > MAX_PREAMBLE_LINES || headText.length > MAX_HEAD_LENGTH) break;
    next = await text.next();
  }
  headText = headText.replace(/^\ufeff/, '');
  const location = locateCsvHeader(headText, mapping);
  if (!location) {
    await text.return(undefined);
    throw fail('the file is empty; expected a header row', null, 1, null);
  }
  if (!location.exporter) {
    await text.return(undefined);
    throw fail(unreadableHeaderMessage(location.cells, mapping), null, location.line, null);
  }
  const exporter: CsvExporter = location.exporter;

  const reader = new CsvRowReader({ delimiter: location.delimiter, quoted: exporter.quoted !== false, maxRowLength: MAX_RECORD_SIZE });
  /** The rows from the header on, a chunk's worth at a time: the rest of the head, then the text as it comes. */
  async function* rows(): AsyncGenerator<CsvRow[]> {
    yield reader.push(headText.slice(location!.offset));
    if (!next.done) for await (const chunk of text) yield reader.push(chunk);
    yield reader.end();
  }

  let header: string[] | null = null;
  let headerKeyList: string[] = [];
  // The exporter's column names are folded once, not on every cell read.
  const indexByColumn = new Map<string, number | undefined>();
  const columnIndexOf = (column: string): number | undefined => {
    if (!indexByColumn.has(column)) indexByColumn.set(column, columnIndex.get(headerKey(column)));
    return indexByColumn.get(column);
  };
  let titleIndexes: number[] = [];
  let columnIndex = new Map<string, number>();
  let recordNumber = 0;
  try {
    for await (const batch of rows()) {
      for (const { cells, line } of batch) {
        const startLine = line + location.line - 1;
        const filled = filledCells(cells);
        if (filled === 0) continue; // blank line (or only delimiters)
        if (header === null) {
          header = cells;
          headerKeyList = header.map(headerKey);
          columnIndex = new Map(header.map((cell, index) => [headerKey(cell), index] as const).reverse());
          titleIndexes = (exporter.columns.title ?? []).map((column) => columnIndex.get(headerKey(column))).filter((index): index is number => index !== undefined);
          continue;
        }
        // A section row ("Included studies;;;;") or the header repeated (files pasted together): not a record.
        if (filled === 1 && !titleIndexes.some((index) => (cells[index] ?? '').trim().length > 0)) continue;
        // Compared cell by cell, stopping at the first difference: folding every cell of every row
        // (abstracts included) just to rule out a repeated header cost a third of the parse.
        if (cells.length === header.length && cells.every((cell, index) => headerKey(cell) === headerKeyList[index])) continue;
        recordNumber += 1;
        let rowCells = cells;
        if (rowCells.length > header.length && rowCells.slice(header.length).every((cell) => cell.trim().length === 0)) rowCells = rowCells.slice(0, header.length);
        // Abstrackr ends the rows of unlabelled citations after their last filled cell.
        if (rowCells.length < header.length && exporter.shortRows) rowCells = [...rowCells, ...Array<string>(header.length - rowCells.length).fill('')];
        if (rowCells.length !== header.length) {
          const error = fail(`has ${cells.length} columns but the header has ${header.length}`, recordNumber, startLine, null);
          if (!options.onRecordError) throw error;
          options.onRecordError(error); // recovery: the next row is a record of its own
          continue;
        }
        const row = (column: string): string | null => {
          const index = columnIndexOf(column);
          if (index === undefined) return null;
          const cell = rowCells[index];
          // Excel's text-forcing formula, as EBSCOhost writes ISSNs and dates: ="19326203"
          // and this service's own exports, which put an apostrophe before a cell a spreadsheet would run as a formula.
          const value = cell !== undefined && cell.startsWith('="') && cell.endsWith('"') ? cell.slice(2, -1) : cell === undefined ? cell : fromSpreadsheetSafe(cell);
          return value !== undefined && value.trim().length > 0 && !/^(?:null|n\/a|\[no [a-z ]+ available\])$/i.test(value.trim()) ? value : null;
        };
        const notes = new RecordNotes();
        // Notes name a column as the file's header writes it.
        const publication = mapCsvRow(exporter, row, notes, (column) => {
          const index = columnIndexOf(column);
          return index === undefined ? null : (header?.[index]?.trim() ?? null);
        });
        yield { recordNumber, line: startLine, publication, notes: notes.finish(publication) };
      }
    }
  } catch (error) {
    if (error instanceof ImportFormatError) throw error;
    if (error instanceof CsvSyntaxError) {
      const errorLine = error.line + location.line - 1;
      const record = header === null && errorLine <= location.line ? null : recordNumber + 1;
      // Where the open quote is, not where the text ended: a stray quote on line 12 of a 50,000-line file was reported at line 50,000.
      if (error.quoteLine !== null) {
        const quoteLine = error.quoteLine + location.line - 1;
        const what = error.code === 'QUOTE_NOT_CLOSED' ? `the quote opening a cell on line ${quoteLine} is never closed (the file ends inside it, on line ${errorLine})` : `the quote opening a cell on line ${quoteLine} is still open at line ${errorLine}, over ${MAX_RECORD_SIZE / 1024 / 1024} MB later`;
        throw fail(`malformed CSV: ${what}: close the cell with a quote, or double every quote inside a quoted cell ("")`, record, quoteLine, null);
      }
      throw fail(`malformed CSV: ${error.message}`, record, errorLine, null);
    }
    throw error;
  } finally {
    await text.return(undefined);
  }
  if (header === null) throw fail('the file has no header row', null, 1, null);
}
