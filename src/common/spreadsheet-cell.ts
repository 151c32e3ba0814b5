/**
 * CSV cells a spreadsheet would run as a formula ("=HYPERLINK(…)", "+1+cmd|…", "@SUM(…)") are
 * neutralised the usual way (OWASP's CSV injection advice): a leading apostrophe makes Excel,
 * LibreOffice and Google Sheets show the text as text. Titles, authors, keywords and publication
 * types come from imported files, so any of them can start with "=". Plain numbers ("-5") are left
 * as they are. The CSV importer drops the apostrophe again (`fromSpreadsheetSafe`), so an export
 * still re-imports to the same publications.
 */
const FORMULA_START = /^[=+\-@\t\r]/;
const PLAIN_NUMBER = /^[-+]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?$/;

/**
 * A cell that starts with a formula character, after any apostrophes: a text that already starts with an
 * apostrophe before one ("'=x" in a title) is marked too, so the importer's one apostrophe off gives it back
 * (it came back as "=x").
 */
const needsMark = (cell: string): boolean => {
  const text = cell.replace(/^'+/, '');
  return FORMULA_START.test(text) && !PLAIN_NUMBER.test(text);
};

export function spreadsheetSafe(cell: string): string {
  return needsMark(cell) ? `'${cell}` : cell;
}

export function spreadsheetSafeRow(cells: readonly string[]): string[] {
  return cells.map(spreadsheetSafe);
}

/** The cell as it was before `spreadsheetSafe`: an apostrophe before a formula character is dropped. */
export function fromSpreadsheetSafe(cell: string): string {
  return cell.startsWith("'") && needsMark(cell.slice(1)) ? cell.slice(1) : cell;
}
