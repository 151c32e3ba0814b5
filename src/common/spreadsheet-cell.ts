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

export function spreadsheetSafe(cell: string): string {
  return FORMULA_START.test(cell) && !PLAIN_NUMBER.test(cell) ? `'${cell}` : cell;
}

export function spreadsheetSafeRow(cells: readonly string[]): string[] {
  return cells.map(spreadsheetSafe);
}

/** The cell as it was before `spreadsheetSafe`: an apostrophe before a formula character is dropped. */
export function fromSpreadsheetSafe(cell: string): string {
  return cell.startsWith("'") && FORMULA_START.test(cell.slice(1)) && !PLAIN_NUMBER.test(cell.slice(1)) ? cell.slice(1) : cell;
}
