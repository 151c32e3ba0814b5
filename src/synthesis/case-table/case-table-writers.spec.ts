import { parse } from 'csv-parse/sync';
import { csvHead, csvRows, escapeMarkdown, markdownHead, markdownRows, stampLines, TableStamp } from './case-table-writers';

const stamp: TableStamp = { search: '{"filters":{"outcomes":["DEATH"]}}', generatedAt: '2026-12-01T10:00:00.000Z', totalCases: 2, totalPublications: 1, savedSearch: null };

describe('case table writers', () => {
  it('stamps the search, the date, the counts and the saved search with its fingerprint', () => {
    expect(stampLines(stamp)).toEqual(['Search: {"filters":{"outcomes":["DEATH"]}}', 'Generated: 2026-12-01T10:00:00.000Z', 'Cases: 2; publications: 1']);
    expect(stampLines({ ...stamp, savedSearch: { id: 'id-1', name: 'Deaths', fingerprint: 'abc', fingerprintAt: '2026-11-30T00:00:00.000Z' } }).slice(3)).toEqual(['Saved search: Deaths (id-1)', 'Saved-search fingerprint: abc (run 2026-11-30T00:00:00.000Z)']);
    expect(stampLines({ ...stamp, savedSearch: { id: 'id-1', name: 'Deaths', fingerprint: null, fingerprintAt: null } }).at(-1)).toMatch(/has not been run/);
  });

  it('writes CSV a parser reads back with "#" comments skipped', () => {
    const text = csvHead(stamp, ['Study', 'Procedures']) + csvRows([['Landa et al. 2018', 'A; B (20 ml, L3-L4)'], ['Iga "quoted", 2019', 'C']]);
    expect(text.startsWith('# Search: ')).toBe(true);
    expect(parse(text, { comment: '#' })).toEqual([
      ['Study', 'Procedures'],
      ['Landa et al. 2018', 'A; B (20 ml, L3-L4)'],
      ['Iga "quoted", 2019', 'C'],
    ]);
    expect(csvRows([])).toBe('');
  });

  it('neutralises CSV cells a spreadsheet would run as formulas (titles come from imported files)', () => {
    expect(csvRows([['=HYPERLINK("http://evil.example","x") 2019', '-5', '@SUM(1)']])).toBe('"\'=HYPERLINK(""http://evil.example"",""x"") 2019",-5,\'@SUM(1)\n');
  });

  it('writes a Markdown table whose cells cannot break it', () => {
    const text = markdownHead(stamp, ['Study', 'Outcome']) + markdownRows([['A | B', '*bold*']]);
    const lines = text.trim().split('\n');
    expect(lines.slice(-3)).toEqual(['| Study | Outcome |', '| --- | --- |', '| A \\| B | \\*bold\\* |']);
    expect(lines[0]).toBe('Search: {"filters":{"outcomes":\\["DEATH"\\]}}  ');
    expect(escapeMarkdown('a\\b')).toBe('a\\\\b');
  });
});
