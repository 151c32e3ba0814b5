import { docxText } from '../../../test/support/docx-text';
import { caseTableDocx } from './case-table-docx';

describe('caseTableDocx', () => {
  it('writes a Word document holding the stamp and a real table, read back from its XML', async () => {
    const stamp = { search: '{"filters":{"outcomes":["DEATH"]}}', generatedAt: '2026-12-01T10:00:00.000Z', totalCases: 2, totalPublications: 2, savedSearch: null };
    const buffer = await caseTableDocx(stamp, ['Study', 'Age (years)'], [
      ['Landa et al. 2018', '37'],
      ['McInerney et al. 2020 & <co>', 'NR'],
    ]);
    const { paragraphs, rows, xml } = docxText(buffer);
    expect(paragraphs.slice(0, 3)).toEqual(['Search: {"filters":{"outcomes":["DEATH"]}}', 'Generated: 2026-12-01T10:00:00.000Z', 'Cases: 2; publications: 2']);
    expect(xml.match(/<w:tbl>/g)).toHaveLength(1);
    expect(rows).toEqual([
      ['Study', 'Age (years)'],
      ['Landa et al. 2018', '37'],
      ['McInerney et al. 2020 & <co>', 'NR'],
    ]);
    // The header row repeats on every page; the page is landscape.
    expect(xml).toContain('<w:tblHeader/>');
    expect(xml).toMatch(/w:orient="landscape"/);
  });
});
