import { SaxesParser } from 'saxes';
import { columnWidths, CONTENT_TYPES_XML, corePropertiesXml, DOCUMENT_RELS_XML, documentEnd, documentRows, documentStart, PACKAGE_RELS_XML, PAGE, STYLES_XML, xmlText } from './wordprocessingml';

const stamp = { search: '{"q":"a & b"}', generatedAt: '2026-12-01T10:00:00.123Z', totalCases: 2, totalPublications: 1, savedSearch: null };
const columns = [
  { header: 'Study', width: 4 },
  { header: 'Age (years)', width: 2 },
  { header: 'Procedures', width: 6 },
];

/** Parses with namespaces checked: throws on XML that is not well-formed. Returns the text content. */
function parsed(xml: string): string {
  let text = '';
  const parser = new SaxesParser({ xmlns: true });
  parser.on('text', (value) => (text += value));
  parser.write(xml).close();
  return text.trim();
}

describe('WordprocessingML of the case table', () => {
  it('escapes markup and removes the characters XML 1.0 forbids, keeping every other character', () => {
    expect(xmlText('a & b <c> "d"')).toBe('a &amp; b &lt;c&gt; &quot;d&quot;');
    expect(xmlText('bell\u0007 nul\u0000 vt\u000B ff\u000C esc\u001B end')).toBe('bell nul vt ff esc end');
    expect(xmlText('lone \uD800 low \uDC00 not \uFFFE\uFFFF chars')).toBe('lone  low  not  chars');
    expect(xmlText('two\nlines\tand\rtab')).toBe('two lines and tab');
    expect(xmlText('Müller 😀 β-hCG \u2013 \uFFFD')).toBe('Müller 😀 β-hCG \u2013 \uFFFD');
  });

  it('shares the page width between the columns in proportion to their widths', () => {
    const widths = columnWidths(columns);
    expect(widths.reduce((sum, width) => sum + width, 0)).toBe(PAGE.width - 2 * PAGE.margin);
    expect(widths[2]).toBeGreaterThanOrEqual(3 * widths[1] - 1);
    expect(widths[0]).toBe(2 * widths[1]);
  });

  it('writes a well-formed document from its pieces: stamp, header row repeated on every page, rows, landscape page', () => {
    const xml = documentStart(stamp, columns) + documentRows(columns, [['Landa \u0001et al. 2018', '37', 'A <b> & c']]) + documentRows(columns, []) + documentEnd();
    expect(parsed(xml)).toBe('Search: {"q":"a & b"}Generated: 2026-12-01T10:00:00.123ZCases: 2; publications: 1StudyAge (years)ProceduresLanda et al. 201837A <b> & c');
    expect(xml.match(/<w:tr>/g)).toHaveLength(2);
    expect(xml).toMatch(/<w:tr><w:trPr><w:cantSplit\/><w:tblHeader\/><\/w:trPr>/);
    expect(xml).toContain('<w:tblLayout w:type="fixed"/>');
    expect(xml).toMatch(/<w:tblBorders>.*<w:insideV w:val="single"/);
    expect(xml.match(/<w:gridCol /g)).toHaveLength(3);
    expect(xml).toContain('w:orient="landscape"');
  });

  it('writes well-formed package parts, the core properties holding the title, the search and the date', () => {
    for (const part of [CONTENT_TYPES_XML, PACKAGE_RELS_XML, DOCUMENT_RELS_XML, STYLES_XML]) expect(() => parsed(part)).not.toThrow();
    const core = corePropertiesXml(stamp);
    expect(parsed(core)).toBe('Case tablecase-report-search{"q":"a & b"}2026-12-01T10:00:00Z2026-12-01T10:00:00Z');
    expect(STYLES_XML).toContain('w:styleId="CaseTable"');
    expect(STYLES_XML).toContain('w:styleId="CaseTableText"');
  });
});
