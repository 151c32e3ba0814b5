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
});
