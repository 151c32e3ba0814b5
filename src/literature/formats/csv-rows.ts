/**
 * Splits CSV text (LF line ends, as `normaliseNewlines` gives) into rows of cells, chunk by chunk.
 *
 * The rules are csv-parse's with the options this project read exports with (`relax_quotes`,
 * `relax_column_count`, empty lines kept as a row of one empty cell, a quote character or none), so
 * that a file reads exactly as it did through csv-parse; `csv-rows.spec.ts` compares the two on
 * generated text cut into random chunks. csv-parse looks at every byte in JavaScript and cost about
 * 5x this, which scans with indexOf from one quote, delimiter or line end to the next:
 * - a cell that starts with a quote is quoted: `""` inside it is one quote, and it ends at a quote
 *   followed by the delimiter, a line end or the end of the text. A quote followed by anything else
 *   ends the quoting there and is kept, with the opening quote, as text (`"a"b` reads `"a"b`);
 * - a quote anywhere else in a cell is text;
 * - a line end inside a quoted cell is part of the cell; any other ends the row.
 */

export interface CsvRowOptions {
  /** One character: ",", ";" or tab. */
  delimiter: string;
  /** False for exports that never quote (Web of Science tab-delimited): a quote is then text. */
  quoted: boolean;
  /** Largest row, in characters, before the text is refused (a runaway quote must not fill memory). */
  maxRowLength: number;
}

export interface CsvRow {
  cells: string[];
  /** 1-based line of the text on which the row starts. */
  line: number;
}

/** The text is not CSV that can be read: an unterminated quote, or a row over the limit. */
export class CsvSyntaxError extends Error {
  constructor(
    readonly code: 'QUOTE_NOT_CLOSED' | 'MAX_ROW_LENGTH',
    message: string,
    /** 1-based line at which the problem was found. */
    readonly line: number,
    /** 1-based line on which the quote still open when the problem was found was opened (null: none open). */
    readonly quoteLine: number | null = null,
  ) {
    super(message);
    this.name = 'CsvSyntaxError';
  }
}

const QUOTE = '"';
const NEWLINE = '\n';

export class CsvRowReader {
  private readonly delimiter: string;
  private readonly quoted: boolean;
  private readonly maxRowLength: number;
  /** Text held back from the previous chunk: a quote inside a quoted cell whose next character decides what it is. */
  private pending = '';
  private cells: string[] = [];
  private cell = '';
  /** Inside a quoted cell. */
  private quoting = false;
  /** The line on which the quoted cell being read was opened: where to look for a quote never closed. */
  private quoteLine = 1;
  /** The cell was quoted (so an empty last row of `""` is still a row). */
  private wasQuoted = false;
  private rowLength = 0;
  /** Line on which the current row started, and the line being read. */
  private rowLine = 1;
  private line = 1;
  private ended = false;
  /** The text so far ends with a line end (csv-parse counts the line after it only once a character follows). */
  private endsWithNewline = false;

  constructor(options: CsvRowOptions) {
    if (options.delimiter.length !== 1 || options.delimiter === QUOTE || options.delimiter === NEWLINE) throw new Error(`CSV delimiter must be one character other than a quote or a line end, got ${JSON.stringify(options.delimiter)}`);
    this.delimiter = options.delimiter;
    this.quoted = options.quoted;
    this.maxRowLength = options.maxRowLength;
  }

  /** The rows completed by this chunk. */
  push(chunk: string): CsvRow[] {
    if (this.ended) throw new Error('CsvRowReader: push after end');
    const text = this.pending.length > 0 ? this.pending + chunk : chunk;
    this.pending = '';
    if (text.length > 0) this.endsWithNewline = text.charCodeAt(text.length - 1) === 10;
    return this.read(text, false);
  }

  /** The last row (a text that does not end with a line end); throws CsvSyntaxError for a quote left open. */
  end(): CsvRow[] {
    if (this.ended) return [];
    const rows = this.pending.length > 0 ? this.read(this.pending, true) : [];
    this.pending = '';
    this.ended = true;
    if (this.quoting) {
      const line = this.endsWithNewline ? this.line - 1 : this.line;
      throw new CsvSyntaxError('QUOTE_NOT_CLOSED', `Quote Not Closed: the parsing is finished with an opening quote at line ${line}`, line, this.quoteLine);
    }
    if (this.wasQuoted || this.cells.length > 0 || this.cell.length > 0) rows.push(this.finishRow());
    return rows;
  }

  private read(text: string, final: boolean): CsvRow[] {
    const rows: CsvRow[] = [];
    const { delimiter } = this;
    const length = text.length;
    // Next delimiter and line end at or after `pos` (-1: none in this text); refreshed once passed.
    let nextDelimiter = -2;
    let nextNewline = -2;
    let pos = 0;
    while (pos < length) {
      if (this.quoting) {
        const quote = text.indexOf(QUOTE, pos);
        const end = quote < 0 ? length : quote;
        // Line ends inside the quoted cell.
        if (nextNewline !== -1 && nextNewline < pos) nextNewline = text.indexOf(NEWLINE, pos);
        while (nextNewline !== -1 && nextNewline < end) {
          this.line += 1;
          nextNewline = text.indexOf(NEWLINE, nextNewline + 1);
        }
        this.append(text, pos, end);
        if (quote < 0) {
          pos = length;
          break;
        }
        if (quote + 1 >= length && !final) {
          // What this quote is depends on the next character, in the next chunk.
          this.pending = QUOTE;
          pos = length;
          break;
        }
        const next = quote + 1 < length ? text[quote + 1] : '';
        if (next === QUOTE) {
          this.cell += QUOTE;
          this.rowLength += 1;
          pos = quote + 2;
        } else if (next === '' || next === delimiter || next === NEWLINE) {
          this.quoting = false;
          this.wasQuoted = true;
          pos = quote + 1;
        } else {
          // A closing quote followed by text: the cell goes on unquoted, its quotes kept as text.
          this.quoting = false;
          this.wasQuoted = true;
          this.cell = `${QUOTE}${this.cell}${QUOTE}`;
          this.rowLength += 2;
          pos = quote + 1;
        }
        continue;
      }
      if (this.quoted && this.cell.length === 0 && text.charCodeAt(pos) === 34 /* " */) {
        this.quoting = true;
        this.quoteLine = this.line;
        pos += 1;
        continue;
      }
      if (nextDelimiter !== -1 && nextDelimiter < pos) nextDelimiter = text.indexOf(delimiter, pos);
      if (nextNewline !== -1 && nextNewline < pos) nextNewline = text.indexOf(NEWLINE, pos);
      if (nextDelimiter >= 0 && (nextNewline < 0 || nextDelimiter < nextNewline)) {
        this.append(text, pos, nextDelimiter);
        this.endCell();
        pos = nextDelimiter + 1;
      } else if (nextNewline >= 0) {
        this.append(text, pos, nextNewline);
        this.line += 1;
        rows.push(this.finishRow());
        this.rowLine = this.line;
        pos = nextNewline + 1;
      } else {
        this.append(text, pos, length);
        pos = length;
      }
    }
    return rows;
  }

  /** Adds text[start, end) to the cell. */
  private append(text: string, start: number, end: number): void {
    if (end <= start) return;
    this.cell += start === 0 && end === text.length ? text : text.slice(start, end);
    this.rowLength += end - start;
    if (this.rowLength > this.maxRowLength) {
      throw new CsvSyntaxError('MAX_ROW_LENGTH', `Max Record Size: record exceed the maximum number of tolerated characters of ${this.maxRowLength} at line ${this.line}`, this.line, this.quoting ? this.quoteLine : null);
    }
  }

  private endCell(): void {
    this.cells.push(this.cell);
    this.cell = '';
    this.wasQuoted = false;
  }

  private finishRow(): CsvRow {
    this.endCell();
    const row = { cells: this.cells, line: this.rowLine };
    this.cells = [];
    this.rowLength = 0;
    return row;
  }
}
