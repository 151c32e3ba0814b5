/**
 * Finds the header row of a CSV / TSV export and its delimiter. Some exports put rows before the
 * header (Dimensions' "About the data: Exported on …", Embase's search details, Excel notes): the
 * header is the first of the first MAX_PREAMBLE_LINES lines that a dialect (or the user's column
 * mapping, or the common column names) can read, split by whichever of tab, ";" and "," does so.
 */
import { csvReadingFor, missingMappedColumns } from './csv-exporters';
import type { CsvColumnMapping, CsvExporter } from './csv-exporters';

/** Rows looked at for the header. */
export const MAX_PREAMBLE_LINES = 30;

export interface CsvHeaderLocation {
  /** 1-based line of the header row. */
  line: number;
  /** Offset of the header line in the (BOM-less, LF-only) text. */
  offset: number;
  delimiter: string;
  cells: string[];
  /** How the rows will be read; null when the header is not readable (the cells are then the first line's). */
  exporter: CsvExporter | null;
}

/** Counts each of tab, ";" and "," outside quotes on a line. */
function delimiterCounts(line: string): Map<string, number> {
  const counts = new Map<string, number>([
    ['\t', 0],
    [';', 0],
    [',', 0],
  ]);
  let quoted = false;
  for (const char of line) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && counts.has(char)) counts.set(char, (counts.get(char) ?? 0) + 1);
  }
  return counts;
}

/** The most frequent of , ; and tab outside quotes on a line (comma when none). */
export function sniffDelimiter(line: string): string {
  let best = ',';
  let bestCount = 0;
  for (const [delimiter, count] of delimiterCounts(line)) {
    if (count > bestCount) {
      best = delimiter;
      bestCount = count;
    }
  }
  return best;
}

/** Splits one line into cells (double quotes as CSV quotes them, unless `quoted` is false). */
export function splitCsvLine(line: string, delimiter: string, quoted = true): string[] {
  if (!quoted) return line.split(delimiter);
  const cells: string[] = [];
  let current = '';
  // Whether the cell holds more than blanks: asking current.trim() at every quote flattened the growing
  // string each time (a 160 KB line of \" took 20 s to sniff).
  let started = false;
  let inQuotes = false;
  for (let i = 0; i < line.length; i++) {
    const char = line[i];
    if (char === '"' && (inQuotes || !started)) {
      if (inQuotes && line[i + 1] === '"') {
        current += '"';
        started = true;
        i += 1;
      } else {
        inQuotes = !inQuotes;
      }
    } else if (char === delimiter && !inQuotes) {
      cells.push(current.trim());
      current = '';
      started = false;
    } else {
      current += char;
      if (!started && char.trim().length > 0) started = true;
    }
  }
  cells.push(current.trim());
  return cells;
}

/**
 * The header of a CSV text (its first few KB, LF line ends, no BOM). With a column mapping, a header
 * must also hold every mapped column. When no line is readable, the widest of the lines looked at
 * comes back with `exporter: null`; null for a text without a non-blank line.
 */
export function locateCsvHeader(head: string, mapping?: CsvColumnMapping | null): CsvHeaderLocation | null {
  const text = head.replace(/^\ufeff/, '');
  let offset = 0;
  let fallback: CsvHeaderLocation | null = null;
  for (let index = 0; index < MAX_PREAMBLE_LINES && offset < text.length; index++) {
    const end = text.indexOf('\n', offset);
    const line = (end < 0 ? text.slice(offset) : text.slice(offset, end)).replace(/\r$/, '');
    const lineOffset = offset;
    offset = end < 0 ? text.length : end + 1;
    if (line.trim().length === 0) continue;
    const counts = delimiterCounts(line);
    const delimiters = [...counts.keys()].filter((delimiter) => (counts.get(delimiter) ?? 0) > 0).sort((a, b) => (counts.get(b) ?? 0) - (counts.get(a) ?? 0));
    const sniffed = sniffDelimiter(line);
    const sniffedCells = splitCsvLine(line, sniffed);
    // Unreadable: the widest row is most likely the header (for the error message naming its columns).
    if (!fallback || sniffedCells.length > fallback.cells.length) fallback = { line: index + 1, offset: lineOffset, delimiter: sniffed, cells: sniffedCells, exporter: null };
    for (const delimiter of delimiters) {
      const cells = splitCsvLine(line, delimiter);
      if (mapping && Object.keys(mapping).length > 0 && missingMappedColumns(cells, mapping).length > 0) continue;
      const exporter = csvReadingFor(cells, mapping);
      if (exporter) return { line: index + 1, offset: lineOffset, delimiter, cells: exporter.quoted === false ? line.split(delimiter) : cells, exporter };
    }
  }
  return fallback;
}
