import { fromSpreadsheetSafe, spreadsheetSafe } from './spreadsheet-cell';

describe('spreadsheet-safe CSV cells', () => {
  it.each(['=1+1', '=HYPERLINK("http://x","y")', '+cmd|\' /C calc\'!A0', '-2+3', '@SUM(A1)', '\t=1', '\r=1', '-'])('puts an apostrophe before %j and takes it off again', (cell) => {
    expect(spreadsheetSafe(cell)).toBe(`'${cell}`);
    expect(fromSpreadsheetSafe(spreadsheetSafe(cell))).toBe(cell);
  });

  it.each(['', 'Spinal hematoma', '-5', '+3.5', '-1e3', '2021', "'quoted", "'plain apostrophe", 'a=b'])('leaves %j as it is, both ways', (cell) => {
    expect(spreadsheetSafe(cell)).toBe(cell);
    expect(fromSpreadsheetSafe(cell)).toBe(cell);
  });

  it.each(["'=not a formula", "''+x", "'@home", "'-"])('keeps a text that starts with an apostrophe before a formula character, %j, through export and import (one apostrophe was lost)', (cell) => {
    expect(spreadsheetSafe(cell)).toBe(`'${cell}`);
    expect(fromSpreadsheetSafe(spreadsheetSafe(cell))).toBe(cell);
  });

  it("still reads a file's own apostrophe before a formula character as the mark, and one before a number as text", () => {
    expect(fromSpreadsheetSafe("'=1+1")).toBe('=1+1');
    expect(fromSpreadsheetSafe("'-5")).toBe("'-5");
    expect(spreadsheetSafe("'-5")).toBe("'-5");
  });
});
