/**
 * A facet summary as files: CSV (numbers for analysis), Markdown (the table a manuscript shows) and
 * SVG (a bar per value with its 95% interval; readable without colour and by a screen reader: every
 * bar carries its numbers as text, and the chart has a title and a description). Pure.
 */
import { stringify } from 'csv-stringify/sync';
import { TableStamp, stampLines, escapeMarkdown } from '../case-table/case-table-writers';
import { CaseSummary } from '../models/case-summary.model';
import { ProportionEstimate } from '../models/proportion.model';
import { spreadsheetSafeRow } from '../../common/spreadsheet-cell';
import { xmlEscape } from '../../common/xml-text';

const percent = (value: number) => `${(value * 100).toFixed(1)}%`;
const bounds = (estimate: ProportionEstimate) => `${(estimate.lower * 100).toFixed(1)}–${(estimate.upper * 100).toFixed(1)}`;
/** "40.0% (11.8–76.9)", or "–" without an estimate. */
export const withInterval = (estimate: ProportionEstimate | null) => (estimate ? `${percent(estimate.proportion)} (${bounds(estimate)})` : '–');
const indent = (depth: number, label: string) => `${'  '.repeat(depth)}${label}`;

export function summaryCsv(summary: CaseSummary, stamp: TableStamp): string {
  const split = summary.curatedCases !== null;
  const headers = ['value', 'label', 'depth', 'cases', 'publications', 'proportion_of_all', 'lower_95', 'upper_95', 'proportion_of_known', 'known_lower_95', 'known_upper_95', ...(split ? ['curated_cases', 'suggested_cases'] : [])];
  const number = (value: number | undefined) => (value === undefined ? '' : String(Number(value.toFixed(6))));
  const rows = summary.rows.map((row) => [
    row.value,
    row.label,
    String(row.depth),
    String(row.caseCount),
    String(row.publicationCount),
    number(row.ofAll?.proportion),
    number(row.ofAll?.lower),
    number(row.ofAll?.upper),
    number(row.ofKnown?.proportion),
    number(row.ofKnown?.lower),
    number(row.ofKnown?.upper),
    ...(split ? [String(row.curated?.caseCount ?? 0), String(row.suggested?.caseCount ?? 0)] : []),
  ]);
  return `${summaryStamp(summary, stamp).map((line) => `# ${line}\n`).join('')}${stringify([headers, ...rows.map(spreadsheetSafeRow)])}`;
}

export function summaryMarkdown(summary: CaseSummary, stamp: TableStamp): string {
  const split = summary.curatedCases !== null;
  const headers = ['Value', 'Cases', 'Publications', '% of all (95% CI)', '% of known (95% CI)', ...(split ? ['Curated', 'Suggested'] : [])];
  const rows = summary.rows.map((row) => [
    indent(row.depth, row.label),
    String(row.caseCount),
    String(row.publicationCount),
    withInterval(row.ofAll),
    row.unknown ? '–' : withInterval(row.ofKnown),
    ...(split ? [String(row.curated?.caseCount ?? 0), String(row.suggested?.caseCount ?? 0)] : []),
  ]);
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  return [
    ...summaryStamp(summary, stamp).map((text) => `${escapeMarkdown(text)}  `),
    '',
    line(headers),
    line(headers.map((_, index) => (index === 0 ? '---' : '---:'))),
    ...rows.map((cells) => line(cells.map(escapeMarkdown))),
    '',
    'Intervals: Wilson score, 95%.',
    '',
  ].join('\n');
}

/** The stamp, plus what the numbers are. */
function summaryStamp(summary: CaseSummary, stamp: TableStamp): string[] {
  return [`Summary by ${summary.facet}: ${summary.totalCases} cases (${summary.knownCases} with the value known)`, ...stampLines(stamp)];
}

const ROW_HEIGHT = 28;
const LABEL_WIDTH = 220;
const BAR_WIDTH = 300;
const TEXT_WIDTH = 260;

/** A horizontal bar per value (proportion of all cases) with its 95% interval as a whisker; numbers written beside each bar. */
export function summarySvg(summary: CaseSummary, stamp: TableStamp, title = `Cases by ${summary.facet.toLowerCase().replace(/_/g, ' ')}`): string {
  const top = 48;
  const width = LABEL_WIDTH + BAR_WIDTH + TEXT_WIDTH + 20;
  const footer = stampLines(stamp).length * 14 + 16;
  const height = top + summary.rows.length * ROW_HEIGHT + footer;
  const x0 = LABEL_WIDTH;
  const bars = summary.rows.map((row, index) => {
    const y = top + index * ROW_HEIGHT;
    const estimate = row.ofAll;
    const text = `${row.caseCount} of ${summary.totalCases}${estimate ? `, ${percent(estimate.proportion)} (95% CI ${bounds(estimate)}%)` : ''}`;
    const bar = estimate ? `<rect x="${x0}" y="${y + 6}" width="${(estimate.proportion * BAR_WIDTH).toFixed(1)}" height="${ROW_HEIGHT - 12}" fill="#777"/>` : '';
    const whisker = estimate
      ? `<path d="M${(x0 + estimate.lower * BAR_WIDTH).toFixed(1)} ${y + ROW_HEIGHT / 2}H${(x0 + estimate.upper * BAR_WIDTH).toFixed(1)}M${(x0 + estimate.lower * BAR_WIDTH).toFixed(1)} ${y + 8}v${ROW_HEIGHT - 16}M${(x0 + estimate.upper * BAR_WIDTH).toFixed(1)} ${y + 8}v${ROW_HEIGHT - 16}" stroke="#000" stroke-width="1.5" fill="none"/>`
      : '';
    return [
      `<g role="listitem" aria-label="${xml(`${row.label}: ${text}`)}">`,
      `<text x="${x0 - 8}" y="${y + ROW_HEIGHT / 2 + 4}" text-anchor="end">${xml(indent(row.depth, row.label))}</text>`,
      bar,
      whisker,
      `<text x="${x0 + BAR_WIDTH + 10}" y="${y + ROW_HEIGHT / 2 + 4}">${xml(text)}</text>`,
      '</g>',
    ].join('');
  });
  const axisY = top + summary.rows.length * ROW_HEIGHT;
  const ticks = [0, 0.25, 0.5, 0.75, 1].map((tick) => `<text x="${(x0 + tick * BAR_WIDTH).toFixed(1)}" y="${axisY + 14}" text-anchor="middle" font-size="10">${tick * 100}%</text>`).join('');
  const stampText = stampLines(stamp)
    .map((line, index) => `<text x="8" y="${axisY + 32 + index * 14}" font-size="10">${xml(line)}</text>`)
    .join('');
  const description = `${summary.totalCases} cases. ${summary.rows.map((row) => `${row.label}: ${row.caseCount}${row.ofAll ? ` (${percent(row.ofAll.proportion)}, 95% CI ${bounds(row.ofAll)}%)` : ''}`).join('; ')}. Bars: proportion of all cases; whiskers: Wilson 95% interval.`;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-labelledby="title desc" font-family="sans-serif" font-size="12">`,
    `<title id="title">${xml(title)}</title>`,
    `<desc id="desc">${xml(description)}</desc>`,
    `<rect width="100%" height="100%" fill="#fff"/>`,
    `<text x="8" y="22" font-size="14" font-weight="bold">${xml(title)} (n = ${summary.totalCases})</text>`,
    `<path d="M${x0} ${top}V${axisY}" stroke="#000"/>`,
    `<g role="list">${bars.join('')}</g>`,
    ticks,
    stampText,
    '</svg>',
    '',
  ].join('\n');
}

/** Text for the SVG: characters XML cannot hold removed, markup escaped (a search or saved-search name with U+0001 or U+FFFE made the file unreadable and its PNG a 500). */
export const xml = xmlEscape;
