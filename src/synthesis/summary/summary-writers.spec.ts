import { parse } from 'csv-parse/sync';
import { SaxesParser } from 'saxes';
import { CaseSummary } from '../models/case-summary.model';
import { CountMethod } from '../models/count-method.enum';
import { FacetName } from '../../search/query/facet-registry';
import { proportionOf } from './proportions';
import { svgToPng } from '../../common/svg-to-png';
import { summaryCsv, summaryMarkdown, summarySvg, withInterval } from './summary-writers';

const row = (value: string, label: string, caseCount: number, unknown = false) => ({
  value,
  label,
  termId: null,
  depth: 0,
  unknown,
  caseCount,
  publicationCount: caseCount,
  ofAll: proportionOf(caseCount, 5),
  ofKnown: unknown ? null : proportionOf(caseCount, 3),
  curated: null,
  suggested: null,
  search: null,
});
const summary: CaseSummary = {
  facet: FacetName.OUTCOME,
  totalCases: 5,
  totalPublications: 5,
  knownCases: 3,
  multiValued: false,
  curatedCases: null,
  suggestedCases: null,
  method: CountMethod.FACETS,
  rows: [row('FULL_RECOVERY', 'Full recovery', 2), row('PARTIAL_RECOVERY', 'Partial recovery', 1), row('DEATH', 'Death', 0), row('UNKNOWN', 'Unknown <none>', 2, true)],
};
const stamp = { search: '{"filters":{}}', generatedAt: '2026-12-01T10:00:00.000Z', totalCases: 5, totalPublications: 5, savedSearch: null };

/** Text content of every element, and the elements seen, from a well-formed XML document (throws otherwise). */
function parseXml(text: string): { texts: string[]; elements: string[] } {
  const parser = new SaxesParser();
  const texts: string[] = [];
  const elements: string[] = [];
  parser.on('text', (value) => value.trim() && texts.push(value));
  parser.on('opentag', (tag) => elements.push(tag.name));
  parser.on('error', (error) => {
    throw error;
  });
  parser.write(text).close();
  return { texts, elements };
}

describe('summary writers', () => {
  it('writes a percentage with its interval', () => {
    expect(withInterval(proportionOf(2, 5))).toBe('40.0% (11.8–76.9)');
    expect(withInterval(null)).toBe('–');
  });

  it('writes CSV with the numbers, after "#" stamp lines', () => {
    const rows = parse(summaryCsv(summary, stamp), { comment: '#', columns: true }) as Record<string, string>[];
    expect(rows.map((r) => [r.value, r.cases])).toEqual([
      ['FULL_RECOVERY', '2'],
      ['PARTIAL_RECOVERY', '1'],
      ['DEATH', '0'],
      ['UNKNOWN', '2'],
    ]);
    expect(Number(rows[0].lower_95)).toBeCloseTo(0.1176, 4);
    expect(rows[3].proportion_of_known).toBe('');
  });

  it('writes a Markdown table with percentages and intervals', () => {
    const text = summaryMarkdown(summary, stamp);
    expect(text).toContain('| Full recovery | 2 | 2 | 40.0% (11.8–76.9) | 66.7% (20.8–93.9) |');
    expect(text).toContain('| Death | 0 | 0 | 0.0% (0.0–43.4) | 0.0% (0.0–56.1) |');
    expect(text).toContain('| Unknown \\<none\\> | 2 | 2 | 40.0% (11.8–76.9) | – |');
    expect(text.split('\n')[0]).toBe('Summary by OUTCOME: 5 cases (3 with the value known)  ');
  });

  it('draws well-formed SVG whose text says every number (no colour needed), with a title and a description', () => {
    const svg = summarySvg(summary, stamp);
    const { texts, elements } = parseXml(svg);
    expect(elements).toEqual(expect.arrayContaining(['svg', 'title', 'desc', 'rect', 'path', 'text']));
    expect(texts).toContain('Cases by outcome');
    expect(texts).toContain('2 of 5, 40.0% (95% CI 11.8–76.9%)');
    expect(texts).toContain('0 of 5, 0.0% (95% CI 0.0–43.4%)');
    expect(texts).toContain('Unknown <none>');
    expect(texts.find((text) => text.startsWith('5 cases. Full recovery: 2 (40.0%'))).toBeDefined();
    expect(texts).toContain('Search: {"filters":{}}');
  });

  it('draws a stamp holding characters XML cannot (U+FFFE in the search, U+0001 in a saved search name) as well-formed SVG, and as a PNG (it was a 500)', () => {
    const odd = { ...stamp, search: '{"text":"hematoma \ufffe"}', savedSearch: { id: 'x', name: 'Saved \u0001search', fingerprint: null, fingerprintAt: null } };
    const { texts } = parseXml(summarySvg(summary, odd));
    expect(texts).toEqual(expect.arrayContaining([expect.stringContaining('Search: {"text":"hematoma "}'), expect.stringContaining('Saved search: Saved search (x)')]));
    expect(svgToPng(summarySvg(summary, odd)).subarray(1, 4).toString()).toBe('PNG');
  });
});
