import { SaxesParser } from 'saxes';
import { svgToPng } from '../../common/svg-to-png';
import { summariseNumbers } from '../statistics/numeric-summary';
import { NumericField } from './numeric-field';
import type { CaseNumericSummary } from './numeric-summary.service';
import { numericCsv, numericDescription, numericSvg } from './numeric-writers';

const stamp = { search: '{"filters":{"pregnancyStatuses":["POSTPARTUM"]}}', generatedAt: '2025-01-02T03:04:05.000Z', totalCases: 5, totalPublications: 5, savedSearch: null };
// The README's ages: 27, 32, 37, 40 (one case without an age).
const ages: CaseNumericSummary = { ...summariseNumbers([27, 32, 37, 40], 10, 1), field: NumericField.AGE, unit: 'years', totalCases: 5, casesWithValue: 4 };

function texts(svg: string): string[] {
  const found: string[] = [];
  const parser = new SaxesParser({ xmlns: true });
  parser.on('text', (text) => text.trim() && found.push(text.trim()));
  parser.write(svg).close();
  return found;
}

describe('numeric summary files', () => {
  it('describes the numbers in words (type 7 quartiles)', () => {
    expect(numericDescription(ages)).toBe('n = 4 values from 4 of 5 cases (1 not reported); median 34.5 (IQR 30.75–37.75); range 27–40; mean 34');
  });

  it('draws a histogram whose every count is text, with title, description and stamp', () => {
    const svg = numericSvg(ages, stamp);
    const words = texts(svg);
    expect(words).toEqual(expect.arrayContaining(['Age (years)', `Search: ${stamp.search}`, 'Generated: 2025-01-02T03:04:05.000Z']));
    expect(svg).toContain('aria-label="20–&lt;30 years: 1"');
    expect(svg).toContain('aria-label="30–&lt;40 years: 2"');
    expect(svg).toContain('aria-label="40–&lt;50 years: 1"');
  });

  it('writes the statistics and buckets as CSV after the stamp', () => {
    const csv = numericCsv(ages, stamp);
    expect(csv.split('\n')[0]).toMatch(/^# Age \(years\): n = 4/);
    expect(csv).toContain('median,34.5');
    expect(csv).toContain('from,to,count\n20,30,1\n30,40,2\n40,50,1');
  });

  it('renders the SVG as a PNG', () => {
    const png = svgToPng(numericSvg(ages, stamp));
    expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    // Twice the SVG's width (scale 2), read from the IHDR chunk.
    expect(png.readUInt32BE(16)).toBe(2 * Number(/width="(\d+)"/.exec(numericSvg(ages, stamp))![1]));
  });

  it('draws a stamp holding characters XML cannot (a search text with U+FFFE, a saved search named with U+0001) as well-formed SVG, and as a PNG (it was a 500)', () => {
    const odd = { ...stamp, search: '{"text":"hematoma \ufffe"}', savedSearch: { id: 'x', name: 'Saved \u0001search', fingerprint: null, fingerprintAt: null } };
    const words = texts(numericSvg(ages, odd));
    expect(words).toContain('Search: {"text":"hematoma "}');
    expect(words).toContain('Saved search: Saved search (x)');
    expect(svgToPng(numericSvg(ages, odd)).subarray(1, 4).toString()).toBe('PNG');
  });
});
