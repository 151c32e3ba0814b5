/**
 * The synthesis of a search, drawn from the public API: the outcome at a glance (above the results),
 * and the synthesis view (case table with a column picker, a cross-tab, histograms of age and onset,
 * the PRISMA diagram of a review). Every chart is SVG drawn here and hidden from assistive
 * technology, because the same numbers are written beside it as text (a table or a caption): the
 * page reads the same without colour and by a screen reader. Text goes in as text nodes only.
 */
import { h, svg } from '../dom';
import type { CaseTableData, CrossTabData, EstimateData, NumericSummaryData, OutcomeSummaryData } from '../queries';

/** 0.4 -> "40%"; below 1% and above 99% one decimal, so a small share is not shown as 0% or 100%. */
export function percent(value: number): string {
  const scaled = value * 100;
  const digits = (scaled > 0 && scaled < 1) || (scaled > 99 && scaled < 100) ? 1 : 0;
  return `${scaled.toFixed(digits)}%`;
}

/** "40% (95% CI 12–77%)". */
export function withInterval(estimate: EstimateData): string {
  return `${percent(estimate.proportion)} (95% CI ${percent(estimate.lower).replace('%', '')}–${percent(estimate.upper)})`;
}

/** "Full recovery: 2 of 5 (40%, 95% CI 12–77%)": one outcome in words. */
export function outcomeSentence(row: OutcomeSummaryData['rows'][number], total: number): string {
  const estimate = row.ofAll;
  return `${row.label}: ${row.caseCount} of ${total}${estimate ? ` (${percent(estimate.proportion)}, 95% CI ${percent(estimate.lower).replace('%', '')}–${percent(estimate.upper)})` : ''}`;
}

/** A bar with its interval as a whisker, 0–100%; decoration only (the numbers are in the same row as text). */
function intervalBar(estimate: EstimateData | null, width = 160, height = 18): SVGElement {
  const chart = svg('svg', { width, height, viewBox: `0 0 ${width} ${height}`, 'aria-hidden': 'true', focusable: 'false', class: 'interval-bar' });
  chart.append(svg('rect', { x: 0.5, y: 3.5, width: width - 1, height: height - 7, class: 'interval-track' }));
  if (estimate) {
    chart.append(svg('rect', { x: 0.5, y: 3.5, width: Math.max(0, estimate.proportion * (width - 1)), height: height - 7, class: 'interval-fill' }));
    const x1 = 0.5 + estimate.lower * (width - 1);
    const x2 = 0.5 + estimate.upper * (width - 1);
    chart.append(svg('path', { d: `M${x1} ${height / 2}H${x2}M${x1} 2v${height - 4}M${x2} 2v${height - 4}`, class: 'interval-whisker' }));
  }
  return chart;
}

export interface DownloadLink {
  label: string;
  href: string;
  /** What the link downloads, for its accessible name ("Outcome chart as SVG"). */
  describedAs: string;
}

function downloads(links: DownloadLink[], key: string): HTMLElement {
  return h(
    'p',
    { class: 'synthesis-downloads', 'data-downloads': key },
    h('span', { class: 'downloads-label' }, 'Download: '),
    links.map((link) => h('a', { class: 'small-button', href: link.href, download: '', 'aria-label': link.describedAs, 'data-format': link.label.toLowerCase() }, link.label)),
  );
}

/** The outcome of the search at a glance: a table (outcome, cases, % with interval) with a bar per row. */
export function renderOutcomeSummary(data: OutcomeSummaryData, links: DownloadLink[]): HTMLElement {
  const split = data.curatedCases !== null && data.suggestedCases !== null ? ` (${data.curatedCases} curated, ${data.suggestedCases} suggested)` : '';
  return h(
    'section',
    { class: 'outcome-summary', 'aria-labelledby': 'outcome-heading', 'data-total': data.totalCases },
    h('h3', { id: 'outcome-heading', class: 'outcome-heading' }, `Outcome of these ${data.totalCases} ${data.totalCases === 1 ? 'case' : 'cases'}`),
    h(
      'table',
      { class: 'outcome-table' },
      h('caption', { class: 'visually-hidden' }, `Outcome of the ${data.totalCases} cases this search finds, with Wilson 95% confidence intervals`),
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Outcome'), h('th', { scope: 'col' }, 'Cases'), h('th', { scope: 'col' }, '% of all (95% CI)'), h('th', { scope: 'col', class: 'chart-column' }, h('span', { class: 'visually-hidden' }, 'Chart'), h('span', { 'aria-hidden': 'true' }, '0–100%')))),
      h(
        'tbody',
        {},
        data.rows.map((row) =>
          h(
            'tr',
            { 'data-value': row.value, 'data-text': outcomeSentence(row, data.totalCases), class: row.caseCount === 0 ? 'is-zero' : row.unknown ? 'is-unknown' : '' },
            h('th', { scope: 'row' }, row.label),
            h('td', { class: 'numeric' }, `${row.caseCount} of ${data.totalCases}`),
            h('td', { class: 'numeric' }, row.ofAll ? withInterval(row.ofAll) : '–'),
            h('td', { class: 'chart-column' }, intervalBar(row.ofAll)),
          ),
        ),
      ),
    ),
    h('p', { class: 'outcome-note' }, `Proportions of all ${data.totalCases} cases${split}; ${data.knownCases} with the outcome reported. Bars: proportion; whiskers: Wilson 95% interval.`),
    downloads(links, 'outcome'),
  );
}

// --- the synthesis view ---------------------------------------------------------------------

export const CROSS_TAB_FACETS: readonly { value: string; label: string }[] = [
  { value: 'OUTCOME', label: 'Outcome' },
  { value: 'TREATMENT', label: 'Treatment' },
  { value: 'COMPLICATION', label: 'Complication' },
  { value: 'PROCEDURE', label: 'Procedure' },
  { value: 'PREGNANCY_STATUS', label: 'Pregnancy status' },
  { value: 'AGE_GROUP', label: 'Age group' },
  { value: 'SEX', label: 'Sex' },
  { value: 'ANTICOAGULATION', label: 'Anticoagulation' },
  { value: 'SYMPTOM', label: 'Symptom' },
  { value: 'CURATION_STATUS', label: 'Curation status' },
  { value: 'PUBLICATION_TYPE', label: 'Publication type' },
];

export interface CaseTableHandlers {
  toggleColumn(column: string, on: boolean): void;
  caseHref(id: string): string;
}

/** The case table (the first page of rows) and its column picker. */
export function renderCaseTable(data: CaseTableData, links: DownloadLink[], handlers: CaseTableHandlers): HTMLElement {
  const table = data.caseTable;
  const chosen = new Set(table.columns.map((column) => column.column));
  const picker = h(
    'details',
    { class: 'column-picker', 'data-key': 'columns' },
    h('summary', {}, `Columns (${table.columns.length} of ${data.caseTableColumns.length})`),
    h(
      'fieldset',
      {},
      h('legend', { class: 'visually-hidden' }, 'Columns of the case table'),
      h(
        'ul',
        { class: 'column-list' },
        data.caseTableColumns.map((column) =>
          h(
            'li',
            {},
            h(
              'label',
              { title: column.description },
              h('input', {
                type: 'checkbox',
                value: column.column,
                checked: chosen.has(column.column),
                'data-focus-key': `column:${column.column}`,
                onchange: (event: Event) => handlers.toggleColumn(column.column, (event.target as HTMLInputElement).checked),
              }),
              ` ${column.header}`,
            ),
          ),
        ),
      ),
    ),
  );
  const shown = table.rows.length;
  return h(
    'section',
    { class: 'synthesis-section', 'aria-labelledby': 'case-table-heading', id: 'case-table-section' },
    h('h3', { id: 'case-table-heading' }, 'Case table'),
    picker,
    downloads(links, 'case-table'),
    h(
      'div',
      { class: 'table-scroll', tabindex: '0', role: 'region', 'aria-labelledby': 'case-table-caption' },
      h(
        'table',
        { class: 'case-table' },
        h('caption', { id: 'case-table-caption' }, shown < table.totalCases ? `The first ${shown} of ${table.totalCases} cases (download for all)` : `All ${table.totalCases} cases`),
        h('thead', {}, h('tr', {}, table.columns.map((column) => h('th', { scope: 'col', 'data-column': column.column }, column.header)))),
        h('tbody', {}, table.rows.map((row) => h('tr', { 'data-case-id': row.caseReportId }, row.cells.map((cell) => h('td', {}, cell))))),
      ),
    ),
  );
}

export interface CrossTabHandlers {
  choose(axis: 'rows' | 'columns', facet: string): void;
  pageHref(pageQuery: string): string;
}

function facetSelect(axis: 'rows' | 'columns', selected: string, handlers: CrossTabHandlers): HTMLElement {
  const id = `cross-${axis}`;
  return h(
    'span',
    { class: 'cross-choice' },
    h('label', { for: id }, axis === 'rows' ? 'Rows' : 'Columns'),
    h(
      'select',
      { id, 'data-focus-key': id, onchange: (event: Event) => handlers.choose(axis, (event.target as HTMLSelectElement).value) },
      CROSS_TAB_FACETS.map((facet) => h('option', { value: facet.value, selected: facet.value === selected }, facet.label)),
    ),
  );
}

/** Two facets against each other: each cell the cases and the row percentage with its interval. */
export function renderCrossTab(data: CrossTabData | null, selected: { rows: string; columns: string }, handlers: CrossTabHandlers, error: string | null): HTMLElement {
  const cell = new Map((data?.cells ?? []).map((item) => [`${item.rowValue}\u0000${item.columnValue}`, item]));
  const labelOf = (value: string) => CROSS_TAB_FACETS.find((facet) => facet.value === value)?.label ?? value;
  const table = data
    ? h(
        'div',
        { class: 'table-scroll', tabindex: '0', role: 'region', 'aria-labelledby': 'cross-tab-caption' },
        h(
          'table',
          { class: 'cross-tab' },
          h('caption', { id: 'cross-tab-caption' }, `${labelOf(data.rows)} by ${labelOf(data.columns)}: cases, and % of the row (95% CI)`),
          h(
            'thead',
            {},
            h('tr', {}, h('th', { scope: 'col' }, `${labelOf(data.rows)} \\ ${labelOf(data.columns)}`), data.columnHeaders.map((column) => h('th', { scope: 'col' }, column.label)), h('th', { scope: 'col' }, 'All')),
          ),
          h(
            'tbody',
            {},
            data.rowHeaders.map((row) =>
              h(
                'tr',
                { 'data-value': row.value },
                h('th', { scope: 'row' }, `${'\u00a0\u00a0'.repeat(row.depth)}${row.label}`),
                data.columnHeaders.map((column) => {
                  const item = cell.get(`${row.value}\u0000${column.value}`);
                  if (!item) return h('td', { class: 'numeric' }, '–');
                  const text = `${item.caseCount}${item.ofRow ? ` (${withInterval(item.ofRow)})` : ''}`;
                  const link = item.caseCount > 0 && item.search?.pageQuery ? h('a', { href: handlers.pageHref(item.search.pageQuery) }, String(item.caseCount)) : String(item.caseCount);
                  return h('td', { class: 'numeric', 'data-text': text }, link, item.ofRow ? h('span', { class: 'cell-share' }, ` ${withInterval(item.ofRow)}`) : null);
                }),
                h('td', { class: 'numeric' }, String(row.caseCount)),
              ),
            ),
          ),
        ),
      )
    : h('p', { class: error ? 'notice notice-error' : 'status-loading' }, error ?? 'Counting…');
  const omitted = data && (data.omittedRowValues || data.omittedColumnValues) ? h('p', { class: 'outcome-note' }, `Values with the fewest cases left out: ${data.omittedRowValues} rows, ${data.omittedColumnValues} columns.`) : null;
  return h(
    'section',
    { class: 'synthesis-section', 'aria-labelledby': 'cross-tab-heading', id: 'cross-tab-section' },
    h('h3', { id: 'cross-tab-heading' }, 'Cross-tabulation'),
    h('p', { class: 'cross-choices' }, facetSelect('rows', selected.rows, handlers), facetSelect('columns', selected.columns, handlers)),
    table,
    omitted,
  );
}

const FIELD_TITLES: Record<string, string> = { AGE: 'Age', ONSET_HOURS: 'Time to onset' };
const round = (value: number | null) => (value === null ? 'NR' : String(Number(value.toFixed(2))));

/** "n = 4 values from 4 of 5 cases (1 not reported); median 34.5 (IQR 30.75–37.75); range 27–40" (the server's SVG says the same). */
export function numbersSentence(data: NumericSummaryData): string {
  const counted = `n = ${data.n} ${data.n === 1 ? 'value' : 'values'} from ${data.casesWithValue} of ${data.totalCases} cases (${data.missing} not reported)`;
  if (data.n === 0) return counted;
  return `${counted}; median ${round(data.median)} (IQR ${round(data.q1)}–${round(data.q3)}); range ${round(data.min)}–${round(data.max)}`;
}

/** A histogram drawn as SVG (decoration), its buckets also as a table. */
export function renderHistogram(data: NumericSummaryData, links: DownloadLink[]): HTMLElement {
  const title = `${FIELD_TITLES[data.field] ?? data.field} (${data.unit})`;
  const width = 360;
  const height = 150;
  const bottom = 130;
  const bins = data.histogram;
  const highest = Math.max(1, ...bins.map((bin) => bin.count));
  const slot = bins.length ? (width - 20) / bins.length : width - 20;
  const chart = svg('svg', { width, height, viewBox: `0 0 ${width} ${height}`, 'aria-hidden': 'true', focusable: 'false', class: 'histogram' });
  chart.append(svg('path', { d: `M10 10V${bottom}H${width - 10}`, class: 'axis' }));
  bins.forEach((bin, index) => {
    const barHeight = (bin.count / highest) * (bottom - 24);
    const x = 10 + index * slot;
    chart.append(svg('rect', { x: x + 1, y: bottom - barHeight, width: Math.max(1, slot - 2), height: barHeight, class: 'histogram-bar' }));
    const count = svg('text', { x: x + slot / 2, y: bottom - barHeight - 3, 'text-anchor': 'middle', class: 'histogram-count' });
    count.textContent = String(bin.count);
    chart.append(count);
    const from = svg('text', { x, y: bottom + 14, 'text-anchor': 'middle', class: 'histogram-tick' });
    from.textContent = round(bin.from);
    chart.append(from);
  });
  const id = `histogram-${data.field.toLowerCase()}`;
  return h(
    'figure',
    { class: 'histogram-figure', 'aria-labelledby': `${id}-caption`, 'data-field': data.field },
    h('figcaption', { id: `${id}-caption` }, h('strong', {}, title), h('span', { class: 'histogram-numbers' }, ` ${numbersSentence(data)}`)),
    bins.length ? chart : h('p', {}, 'No value reported.'),
    bins.length
      ? h(
          'details',
          { class: 'histogram-table', 'data-key': `buckets-${data.field}` },
          h('summary', {}, 'Counts by bucket'),
          h(
            'table',
            {},
            h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, `From (${data.unit})`), h('th', { scope: 'col' }, 'To (exclusive)'), h('th', { scope: 'col' }, 'Values'))),
            h('tbody', {}, bins.map((bin) => h('tr', {}, h('td', { class: 'numeric' }, round(bin.from)), h('td', { class: 'numeric' }, round(bin.to)), h('td', { class: 'numeric' }, String(bin.count))))),
          ),
        )
      : null,
    downloads(links, data.field.toLowerCase()),
  );
}

/** The PRISMA 2020 diagram of a review: a choice of review, the diagram, its downloads. */
export function renderPrisma(reviews: { value: string; label: string; publicationCount: number }[], selected: string | null, choose: (review: string) => void, href: (review: string, format: string) => string): HTMLElement {
  const review = selected && reviews.some((item) => item.value === selected) ? selected : (reviews[0]?.value ?? null);
  return h(
    'section',
    { class: 'synthesis-section', 'aria-labelledby': 'prisma-heading', id: 'prisma-section' },
    h('h3', { id: 'prisma-heading' }, 'PRISMA 2020 flow diagram'),
    reviews.length && review
      ? [
          h(
            'p',
            {},
            h('label', { for: 'prisma-review' }, 'Review '),
            h(
              'select',
              { id: 'prisma-review', 'data-focus-key': 'prisma-review', onchange: (event: Event) => choose((event.target as HTMLSelectElement).value) },
              reviews.map((item) => h('option', { value: item.value, selected: item.value === review }, `${item.label} (${item.publicationCount} publications)`)),
            ),
          ),
          h('p', { class: 'outcome-note' }, 'From the review\u2019s imports (records identified per import, duplicates removed, records that could not be imported) and its final screening decisions in the review workspace; while no record is screened, the screening boxes say so.'),
          h('img', { class: 'prisma-image', src: href(review, 'svg'), alt: `PRISMA 2020 flow diagram of the review ${review}: numbers from its imports and, once records are screened, its screening decisions (the CSV and JSON downloads hold them as text).`, width: 1020, loading: 'lazy' }),
          downloads(
            ['SVG', 'PNG', 'CSV', 'JSON'].map((format) => ({ label: format, href: href(review, format.toLowerCase()), describedAs: `PRISMA flow diagram of ${review} as ${format}` })),
            'prisma',
          ),
        ]
      : h('p', {}, 'No literature has been imported for a review yet: a PRISMA diagram is drawn from a review\u2019s imports.'),
  );
}
