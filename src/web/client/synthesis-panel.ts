/**
 * The synthesis parts of the search page: the outcome summary above the results (every case search)
 * and the synthesis view (`view=synthesis`). Each asks the public API once per search and choice
 * (cached, the previous request aborted when the search changes), so requests stay bounded: one
 * caseSummary per search, and in the synthesis view one caseTable, one caseCrossTab and one request
 * for both histograms.
 */
import { byId, h, replaceKeepingFocus } from './dom';
import { GraphqlClient, isAbort } from './graphql-client';
import {
  CASE_TABLE_QUERY,
  CaseTableData,
  CROSS_TAB_QUERY,
  CrossTabData,
  NUMBERS_QUERY,
  NumericSummaryData,
  OUTCOME_SUMMARY_QUERY,
  OutcomeSummaryData,
  REVIEWS_QUERY,
} from './queries';
import { exportInput, SearchState, synthesisHref, synthesisKey, withNewSearch } from './search-state';
import { DownloadLink, renderCaseTable, renderCrossTab, renderHistogram, renderOutcomeSummary, renderPrisma } from './views/synthesis-view';

const TABLE_ROWS = 50;
const CACHE_SIZE = 20;

type Reviews = { value: string; label: string; publicationCount: number }[];

class Cache<T> {
  private readonly entries = new Map<string, T>();
  get(key: string): T | undefined {
    return this.entries.get(key);
  }
  set(key: string, value: T): void {
    this.entries.delete(key);
    this.entries.set(key, value);
    while (this.entries.size > CACHE_SIZE) this.entries.delete(this.entries.keys().next().value as string);
  }
}

export interface SynthesisHost {
  /** Moves to another state (replacing the history entry: choosing columns is not a step to undo with Back). */
  navigate(next: SearchState, replace: boolean): void;
  caseHref(id: string): string;
}

export class SynthesisPanel {
  private readonly summaries = new Cache<OutcomeSummaryData>();
  private readonly tables = new Cache<CaseTableData>();
  private readonly crossTabs = new Cache<CrossTabData>();
  private readonly numbers = new Cache<{ age: NumericSummaryData; onset: NumericSummaryData }>();
  private readonly inFlight = new Map<string, { key: string; abort: AbortController }>();
  private readonly errors = new Map<string, { key: string; message: string }>();
  private reviews: Reviews | null = null;
  private review: string | null = null;
  private shownTable: { key: string; data: CaseTableData } | null = null;
  /** The disclosures (column picker, bucket tables) the user opened: they stay open when the view is drawn again. */
  private readonly opened = new Set<string>();
  private state: SearchState | null = null;

  private readonly summaryBox = byId('outcome-summary');
  private readonly view = byId('synthesis');

  constructor(
    private readonly client: GraphqlClient,
    private readonly host: SynthesisHost,
  ) {}

  /** Called on every render of the page: shows what the state asks for, fetching what is not known yet. */
  update(state: SearchState): void {
    this.state = state;
    const cases = state.scope === 'cases' && !state.caseId;
    this.view.hidden = !cases || state.view !== 'synthesis';
    if (!cases) {
      this.summaryBox.hidden = true;
      return;
    }
    this.renderSummary();
    if (state.view === 'synthesis') this.renderView();
  }

  // --- requests -------------------------------------------------------------------------

  private fetch<T>(slot: string, key: string, cache: Cache<T>, query: string, variables: Record<string, unknown>, read: (data: Record<string, unknown>) => T): T | undefined {
    const cached = cache.get(key);
    if (cached) return cached;
    // A request that failed is not sent again by itself (Try again, or another search, does).
    if (this.errors.get(slot)?.key === key) return undefined;
    const running = this.inFlight.get(slot);
    if (running?.key === key) return undefined;
    running?.abort.abort();
    const abort = new AbortController();
    const request = { key, abort };
    this.inFlight.set(slot, request);
    this.errors.delete(slot);
    this.client
      .request<Record<string, unknown>>(query, variables, abort.signal)
      .then((data) => {
        cache.set(key, read(data));
        if (this.inFlight.get(slot) === request) this.inFlight.delete(slot);
        this.rerender();
      })
      .catch((error: unknown) => {
        if (isAbort(error) || this.inFlight.get(slot) !== request) return;
        this.inFlight.delete(slot);
        this.errors.set(slot, { key, message: error instanceof Error ? error.message : 'The request failed.' });
        this.rerender();
      });
    return undefined;
  }

  private rerender(): void {
    if (this.state) this.update(this.state);
  }

  private input(state: SearchState): Record<string, unknown> {
    return exportInput(state);
  }

  // --- the outcome summary ----------------------------------------------------------------

  private renderSummary(): void {
    const state = this.state as SearchState;
    const key = synthesisKey(state);
    const data = this.fetch('summary', key, this.summaries, OUTCOME_SUMMARY_QUERY, { input: this.input(state) }, (raw) => raw.caseSummary as OutcomeSummaryData);
    if (!data) {
      // Until the new summary arrives the previous one stays, marked as updating.
      this.summaryBox.setAttribute('aria-busy', 'true');
      const error = this.errors.get('summary');
      if (error) {
        delete this.summaryBox.dataset.key;
        this.summaryBox.hidden = false;
        this.summaryBox.replaceChildren(h('p', { class: 'outcome-note' }, `The outcome summary could not be loaded: ${error.message}`));
      }
      return;
    }
    this.summaryBox.setAttribute('aria-busy', 'false');
    this.summaryBox.hidden = data.totalCases === 0;
    if (this.summaryBox.dataset.key === key) return;
    this.summaryBox.dataset.key = key;
    const links = (['SVG', 'PNG', 'CSV'] as const).map(
      (format): DownloadLink => ({ label: format, href: synthesisHref(state, 'exports/case-summary', { facet: 'OUTCOME', format: format.toLowerCase() }), describedAs: `Outcome chart as ${format}` }),
    );
    replaceKeepingFocus(this.summaryBox, data.totalCases ? [renderOutcomeSummary(data, links)] : []);
  }

  // --- the synthesis view -----------------------------------------------------------------

  private renderView(): void {
    const state = this.state as SearchState;
    const key = synthesisKey(state);
    const input = this.input(state);
    const columns = state.columns.length ? state.columns : null;
    const tableKey = `${key}|${JSON.stringify(state.sort)}|${columns?.join(',') ?? ''}`;
    const fresh = this.fetch('table', tableKey, this.tables, CASE_TABLE_QUERY, { input, columns, first: TABLE_ROWS }, (raw) => raw as unknown as CaseTableData);
    // Other columns of the same search: the table on screen stays (and the checkbox keeps focus) until the new one arrives.
    const table = fresh ?? (this.shownTable?.key === key && !this.errors.has('table') ? this.shownTable.data : undefined);
    if (fresh) this.shownTable = { key, data: fresh };
    const crossKey = `${key}|${state.crossRows}|${state.crossColumns}`;
    const crossTab = this.fetch('cross', crossKey, this.crossTabs, CROSS_TAB_QUERY, { input, rows: state.crossRows, columns: state.crossColumns }, (raw) => raw.caseCrossTab as CrossTabData);
    const numbers = this.fetch('numbers', key, this.numbers, NUMBERS_QUERY, { input }, (raw) => raw as unknown as { age: NumericSummaryData; onset: NumericSummaryData });
    if (!this.reviews) void this.loadReviews();

    const tableLinks = (['CSV', 'Markdown', 'Word'] as const).map(
      (label): DownloadLink => ({
        label,
        href: synthesisHref(state, 'exports/case-table', { format: label === 'Word' ? 'docx' : label.toLowerCase(), ...(columns ? { columns: columns.join(',') } : {}) }),
        describedAs: `Case table as ${label}`,
      }),
    );
    const numberLinks = (field: string) =>
      (['SVG', 'PNG', 'CSV'] as const).map((format): DownloadLink => ({ label: format, href: synthesisHref(state, 'exports/case-numeric', { field, format: format.toLowerCase() }), describedAs: `${field === 'AGE' ? 'Age' : 'Onset'} histogram as ${format}` }));
    const loading = (slot: string, what: string) => h('p', { class: this.errors.has(slot) ? 'notice notice-error' : 'status-loading' }, this.errors.get(slot)?.message ?? `Loading ${what}…`);
    const total = table?.caseTable.totalCases ?? this.summaries.get(key)?.totalCases;
    if (total === 0) {
      delete this.view.dataset.signature;
      this.view.setAttribute('aria-busy', 'false');
      this.view.replaceChildren(h('h2', { id: 'synthesis-heading', tabindex: '-1' }, 'Synthesis'), h('p', {}, 'No cases match this search: there is nothing to summarise.'));
      return;
    }

    const content = [
      h('h2', { id: 'synthesis-heading', tabindex: '-1' }, total === undefined ? 'Synthesis of this search' : `Synthesis of these ${total} ${total === 1 ? 'case' : 'cases'}`),
      table
        ? renderCaseTable(table, tableLinks, {
            toggleColumn: (column, on) => this.toggleColumn(table, column, on),
            caseHref: (id) => this.host.caseHref(id),
          })
        : h('section', { class: 'synthesis-section', id: 'case-table-section', 'aria-labelledby': 'case-table-heading' }, h('h3', { id: 'case-table-heading' }, 'Case table'), loading('table', 'the case table')),
      renderCrossTab(crossTab ?? null, { rows: state.crossRows, columns: state.crossColumns }, { choose: (axis, facet) => this.chooseCross(axis, facet), pageHref: (query) => `?${query}&view=synthesis` }, this.errors.get('cross')?.message ?? null),
      h(
        'section',
        { class: 'synthesis-section', 'aria-labelledby': 'histograms-heading', id: 'histograms-section' },
        h('h3', { id: 'histograms-heading' }, 'Age and time to onset'),
        numbers ? h('div', { class: 'histograms' }, renderHistogram(numbers.age, numberLinks('AGE')), renderHistogram(numbers.onset, numberLinks('ONSET_HOURS'))) : loading('numbers', 'the histograms'),
      ),
      this.reviews
        ? renderPrisma(this.reviews, this.review, (review) => {
            this.review = review;
            this.rerenderView();
          }, (review, format) => `exports/prisma?${new URLSearchParams({ review, format }).toString()}`)
        : null,
    ];
    const signature = JSON.stringify([tableKey, !!fresh, crossKey, !!crossTab, key, !!numbers, this.reviews?.length ?? null, this.review, [...this.errors.values()]]);
    if (this.view.dataset.signature === signature) return;
    this.view.dataset.signature = signature;
    this.view.setAttribute('aria-busy', String(!table || !crossTab || !numbers));
    replaceKeepingFocus(this.view, content.filter((item): item is HTMLElement => item !== null));
    for (const details of this.view.querySelectorAll<HTMLDetailsElement>('details[data-key]')) {
      const name = details.dataset.key as string;
      details.open = this.opened.has(name);
      details.addEventListener('toggle', () => (details.open ? this.opened.add(name) : this.opened.delete(name)));
    }
  }

  private rerenderView(): void {
    if (this.state?.view === 'synthesis') this.renderView();
  }

  private async loadReviews(): Promise<void> {
    this.reviews = [];
    try {
      const data = await this.client.request<{ searchPublications: { facets: { facet: string; values: Reviews }[] } }>(REVIEWS_QUERY, {});
      this.reviews = data.searchPublications.facets.find((facet) => facet.facet === 'REVIEW')?.values.filter((value) => value.value !== 'NONE' && value.publicationCount > 0) ?? [];
    } catch {
      this.reviews = [];
    }
    this.rerenderView();
  }

  private toggleColumn(table: CaseTableData, column: string, on: boolean): void {
    const state = this.state as SearchState;
    const current = table.caseTable.columns.map((item) => item.column);
    const order = table.caseTableColumns.map((item) => item.column);
    // A column switched on goes where the documented order puts it among the chosen ones.
    const next = on ? order.filter((item) => item === column || current.includes(item)) : current.filter((item) => item !== column);
    if (!next.length) return;
    this.host.navigate(keepPage(state, (draft) => (draft.columns = next)), true);
  }

  private chooseCross(axis: 'rows' | 'columns', facet: string): void {
    const state = this.state as SearchState;
    this.host.navigate(keepPage(state, (draft) => (axis === 'rows' ? (draft.crossRows = facet) : (draft.crossColumns = facet))), true);
  }
}

/** A change of the synthesis view's own choices: the search (and its page) stays as it is. */
function keepPage(state: SearchState, change: (draft: SearchState) => void): SearchState {
  const next = withNewSearch(state, change);
  next.after = [...state.after];
  return next;
}
