/**
 * A numeric summary as files: CSV (the statistics, then the histogram's buckets) and SVG (the
 * histogram, every bucket's count written as text, a title and a description for screen readers,
 * readable without colour). Stamped like the case table. Pure.
 */
import { stringify } from 'csv-stringify/sync';
import { stampLines, TableStamp } from '../case-table/case-table-writers';
import { xml } from '../summary/summary-writers';
import type { CaseNumericSummary } from './numeric-summary.service';

const FIELD_TITLES: Record<string, string> = {
  AGE: 'Age',
  ONSET_HOURS: 'Time to onset',
  BLOOD_PATCH_VOLUME: 'Blood patch volume',
  FOLLOW_UP_DAYS: 'Follow-up',
  TIME_TO_RESOLUTION_DAYS: 'Time to resolution',
};

const round = (value: number | null) => (value === null ? 'NR' : String(Number(value.toFixed(2))));

export function numericTitle(summary: CaseNumericSummary): string {
  return `${FIELD_TITLES[summary.field] ?? summary.field} (${summary.unit})`;
}

/** "n = 4 values from 4 of 5 cases (1 not reported); median 34.5 (IQR 30.75–37.75); range 27–40". */
export function numericDescription(summary: CaseNumericSummary): string {
  const counted = `n = ${summary.n} ${summary.n === 1 ? 'value' : 'values'} from ${summary.casesWithValue} of ${summary.totalCases} cases (${summary.missing} not reported)`;
  if (summary.n === 0) return counted;
  return `${counted}; median ${round(summary.median)} (IQR ${round(summary.q1)}–${round(summary.q3)}); range ${round(summary.min)}–${round(summary.max)}; mean ${round(summary.mean)}`;
}

const binLabel = (bin: { from: number; to: number }) => `${round(bin.from)}–<${round(bin.to)}`;

export function numericCsv(summary: CaseNumericSummary, stamp: TableStamp): string {
  const head = [`${numericTitle(summary)}: ${numericDescription(summary)}`, ...stampLines(stamp)].map((line) => `# ${line.replace(/[\r\n]+/g, ' ')}\n`).join('');
  const statistics = [
    ['statistic', 'value'],
    ...(['totalCases', 'casesWithValue', 'n', 'missing', 'min', 'q1', 'median', 'q3', 'max', 'mean', 'interval'] as const).map((key) => [key, summary[key] === null ? '' : String(summary[key])]),
  ];
  const buckets = [['from', 'to', 'count'], ...summary.histogram.map((bin) => [String(bin.from), String(bin.to), String(bin.count)])];
  return `${head}${stringify(statistics)}\n${stringify(buckets)}`;
}

const PLOT_WIDTH = 520;
const PLOT_HEIGHT = 200;
const LEFT = 56;
const TOP = 56;

/** A histogram: a bar per bucket [from, to), its count above it; the x axis in the field's unit. */
export function numericSvg(summary: CaseNumericSummary, stamp: TableStamp): string {
  const title = numericTitle(summary);
  const description = numericDescription(summary);
  const bins = summary.histogram;
  const highest = Math.max(1, ...bins.map((bin) => bin.count));
  const slot = bins.length ? PLOT_WIDTH / bins.length : PLOT_WIDTH;
  const baseline = TOP + PLOT_HEIGHT;
  const lines = stampLines(stamp);
  const width = LEFT + PLOT_WIDTH + 24;
  const height = baseline + 44 + lines.length * 14 + 12;
  const bars = bins.map((bin, index) => {
    const x = LEFT + index * slot;
    const barHeight = (bin.count / highest) * PLOT_HEIGHT;
    const label = `${binLabel(bin)} ${summary.unit}: ${bin.count}`;
    return [
      `<g role="listitem" aria-label="${xml(label)}">`,
      `<rect x="${(x + 2).toFixed(1)}" y="${(baseline - barHeight).toFixed(1)}" width="${Math.max(1, slot - 4).toFixed(1)}" height="${barHeight.toFixed(1)}" fill="#777" stroke="#000"/>`,
      `<text x="${(x + slot / 2).toFixed(1)}" y="${(baseline - barHeight - 4).toFixed(1)}" text-anchor="middle">${bin.count}</text>`,
      `<text x="${(x + slot / 2).toFixed(1)}" y="${baseline + 14}" text-anchor="middle" font-size="10">${xml(round(bin.from))}</text>`,
      '</g>',
    ].join('');
  });
  const last = bins[bins.length - 1];
  const end = last ? `<text x="${LEFT + PLOT_WIDTH}" y="${baseline + 14}" text-anchor="middle" font-size="10">${xml(round(last.to))}</text>` : '';
  const empty = bins.length ? '' : `<text x="${LEFT + PLOT_WIDTH / 2}" y="${TOP + PLOT_HEIGHT / 2}" text-anchor="middle">No value reported</text>`;
  const stampText = lines.map((line, index) => `<text x="8" y="${baseline + 52 + index * 14}" font-size="10">${xml(line)}</text>`).join('');
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-labelledby="title desc" font-family="sans-serif" font-size="12">`,
    `<title id="title">${xml(title)}</title>`,
    `<desc id="desc">${xml(`${description}. Buckets: ${bins.map((bin) => `${binLabel(bin)}: ${bin.count}`).join('; ') || 'none'}.`)}</desc>`,
    '<rect width="100%" height="100%" fill="#fff"/>',
    `<text x="8" y="20" font-size="14" font-weight="bold">${xml(title)}</text>`,
    `<text x="8" y="38" font-size="11">${xml(description)}</text>`,
    `<path d="M${LEFT} ${TOP}V${baseline}H${LEFT + PLOT_WIDTH}" stroke="#000" fill="none"/>`,
    `<text x="${LEFT - 6}" y="${baseline}" text-anchor="end" font-size="10">0</text>`,
    `<text x="${LEFT - 6}" y="${TOP + 4}" text-anchor="end" font-size="10">${highest}</text>`,
    `<text x="${LEFT + PLOT_WIDTH / 2}" y="${baseline + 30}" text-anchor="middle" font-size="11">${xml(summary.unit)} (buckets of ${round(summary.interval)}; count of values above each bar)</text>`,
    `<g role="list">${bars.join('')}</g>`,
    end,
    empty,
    stampText,
    '</svg>',
    '',
  ].join('\n');
}
