/**
 * The search page. One state object (search-state.ts) is the truth; the URL mirrors it
 * (pushState for every step a user would want "Back" to undo, replaceState while typing), and
 * every render is derived from the state plus the last search result.
 */
import './styles.css';
import { byId, h, replaceKeepingFocus } from './dom';
import { knownLabel, ListFilterKey, RangeFilterKey, Scope, VALUE_FACETS } from './facets';
import { GraphqlClient, GraphqlRequestError, isAbort, ServiceUnreachableError } from './graphql-client';
import { enumLabel, plural } from './labels';
import {
  CASE_QUERY,
  CaseDetailData,
  CaseResponse,
  PUBLICATION_SEARCH_QUERY,
  publicationFacetsAsFacetData,
  PublicationSearchResponse,
  PublicationSearchResultData,
  SEARCH_QUERY,
  SearchResponse,
  SearchResultData,
  SuggestedFilterData,
  TERM_LABEL_QUERY,
} from './queries';
import {
  clearFilters,
  cloneState,
  exportHref,
  PAGE_SIZE,
  queryToState,
  Range,
  SearchSort,
  searchInput,
  searchKey,
  SearchState,
  sortsOf,
  stateToQuery,
  toggleValue,
  withNewSearch,
  withScope,
} from './search-state';
import { renderCase } from './views/case-view';
import { ActiveFilter, activeFilters, renderChips } from './views/chips-view';
import { FacetPanelMemory, renderFacets } from './views/facets-view';
import { renderPublicationHit } from './views/publication-results-view';
import { renderHit, renderPager } from './views/results-view';
import { renderNoResultsHelp, renderSuggestions } from './views/understanding-view';
import { copyText, describeSearch, searchCitation, searchSummary, searchTitle } from './share';
import { SynthesisPanel } from './synthesis-panel';
import { titleText } from './title';

const DEBOUNCE_MS = 250;
const LOADING_DELAY_MS = 150;
const CACHE_SIZE = 30;
/** The export download endpoint (literature issue); the buttons show only when it answers. */
const EXPORT_PATH = 'exports';

interface EntryState {
  scrollY?: number;
  /** Set on a case entry opened from the result list: "Back to results" can then go back in history. */
  fromList?: boolean;
}

/** A search result of either scope, as the page keeps it. */
type ShownResult = { scope: 'cases'; data: SearchResultData } | { scope: 'publications'; data: PublicationSearchResultData };

const SEARCH_LABELS: Record<Scope, { label: string; placeholder: string; title: string }> = {
  cases: { label: 'Search case reports', placeholder: 'e.g. intrathecal hematoma blood patch', title: 'Case report search' },
  publications: { label: 'Search publications', placeholder: 'e.g. dentigerous cyst', title: 'Publication search' },
};

type Failure = { kind: 'unreachable'; message: string } | { kind: 'refused'; message: string; code?: string };

class SearchPage {
  private state: SearchState = queryToState(location.search);
  private readonly client = new GraphqlClient(new URL('graphql', document.baseURI).toString());
  private readonly results = new Map<string, ShownResult>();
  private readonly cases = new Map<string, CaseDetailData>();
  private readonly labels = new Map<string, string>();
  private readonly lookedUp = new Set<string>();
  private readonly memory: FacetPanelMemory = { expandedTerms: new Set(), showAll: new Set() };
  private result: ShownResult | null = null;
  private shownScope: Scope | null = null;
  private shownKey: string | null = null;
  private pendingKey: string | null = null;
  private failure: Failure | null = null;
  private searchAbort: AbortController | null = null;
  private caseAbort: AbortController | null = null;
  private shownCaseId: string | null = null;
  private lastOpenedCase: string | null = null;
  private typingTimer: number | undefined;
  private typingPushed = false;
  private loadingTimer: number | undefined;
  private pendingScroll: number | null = null;
  private exportAvailable = false;

  private readonly input = byId<HTMLInputElement>('search-text');
  private readonly form = byId<HTMLFormElement>('search-form');
  private readonly sort = byId<HTMLSelectElement>('sort');
  private readonly facets = byId('facets');
  private readonly chips = byId('chips');
  private readonly suggestions = byId('suggestions');
  private readonly status = byId('status');
  private readonly list = byId<HTMLOListElement>('results');
  private readonly pager = byId('pager');
  private readonly count = byId('result-count');
  private readonly resultsView = byId('results-view');
  private readonly resultsHeading = byId('results-heading');
  private readonly caseView = byId('case-view');
  private readonly layout = byId('layout');
  private readonly filtersToggle = byId<HTMLButtonElement>('filters-toggle');
  private readonly filtersToggleCount = byId('filters-toggle-count');
  private readonly exportBox = byId('export');
  private readonly searchLabel = byId('search-label');
  private readonly scopeInputs = [...document.querySelectorAll<HTMLInputElement>('input[name="scope"]')];
  private readonly viewTabs = byId('view-tabs');
  private readonly synthesis = new SynthesisPanel(this.client, {
    navigate: (next, replace) => this.navigate(next, { replace }),
    caseHref: (id) => this.caseHref(id),
  });

  start(): void {
    if ('scrollRestoration' in history) history.scrollRestoration = 'manual';
    for (const radio of this.scopeInputs) radio.addEventListener('change', () => radio.checked && this.switchScope(radio.value as Scope));
    for (const view of ['results', 'synthesis'] as const) {
      byId(`view-${view}`).addEventListener('click', (event) => {
        if ((event as MouseEvent).ctrlKey || (event as MouseEvent).metaKey || (event as MouseEvent).shiftKey) return;
        event.preventDefault();
        if (this.state.view === view) return;
        const next = cloneState(this.state);
        next.view = view;
        this.navigate(next);
        byId(view === 'synthesis' ? 'synthesis-heading' : 'results-heading').focus({ preventScroll: true });
      });
    }
    this.form.addEventListener('submit', (event) => {
      event.preventDefault();
      this.commitText(false);
    });
    this.input.addEventListener('input', () => {
      window.clearTimeout(this.typingTimer);
      this.typingTimer = window.setTimeout(() => this.commitText(true), DEBOUNCE_MS);
    });
    this.input.addEventListener('blur', () => (this.typingPushed = false));
    byId('copy-link').addEventListener('click', () => void this.share(location.href, 'Link copied'));
    byId('copy-citation').addEventListener('click', () => void this.share(searchCitation(this.searchDescription(), new Date(), location.href), 'Citation copied'));
    this.sort.addEventListener('change', () => this.navigate(withNewSearch(this.state, (draft) => (draft.sort = this.sort.value as SearchSort))));
    this.filtersToggle.addEventListener('click', () => this.setFiltersOpen(!this.layout.classList.contains('filters-open')));
    byId('filters-done').addEventListener('click', () => {
      this.setFiltersOpen(false);
      this.resultsHeading.focus();
    });
    window.addEventListener('popstate', (event) => {
      window.clearTimeout(this.typingTimer);
      this.typingPushed = false;
      this.state = queryToState(location.search);
      this.pendingScroll = (event.state as EntryState | null)?.scrollY ?? 0;
      this.apply();
    });
    history.replaceState({ ...(history.state as EntryState | null) }, '');
    this.apply();
    void this.probeExport();
  }

  // --- navigation -------------------------------------------------------------------------

  private urlFor(state: SearchState): string {
    const query = stateToQuery(state);
    return query ? `?${query}` : location.pathname;
  }

  private navigate(next: SearchState, options: { replace?: boolean; entry?: EntryState; typing?: boolean } = {}): void {
    if (!options.typing) {
      window.clearTimeout(this.typingTimer);
      this.typingPushed = false;
      // Text typed but not yet searched (the debounce had not fired) is part of the next search, not lost.
      if (this.input.value.trim() !== next.text.trim() && this.input.value.trim() !== this.state.text.trim()) {
        next = withNewSearch(next, (draft) => (draft.text = this.input.value));
      }
    }
    // Remember where the user was on the entry being left, for Back.
    history.replaceState({ ...(history.state as EntryState | null), scrollY: window.scrollY }, '');
    this.state = next;
    const url = this.urlFor(next);
    if (options.replace) history.replaceState({ ...options.entry }, '', url);
    else history.pushState({ ...options.entry }, '', url);
    this.apply();
  }

  private switchScope(scope: Scope): void {
    if (scope === this.state.scope && !this.state.caseId) return;
    this.navigate(withScope(this.state, scope));
  }

  /** The scope switch, the search box's label and the sorts follow the state's scope. */
  private applyScope(): void {
    const scope = this.state.scope;
    for (const radio of this.scopeInputs) radio.checked = radio.value === scope;
    if (this.shownScope === scope) return;
    this.shownScope = scope;
    this.searchLabel.textContent = SEARCH_LABELS[scope].label;
    this.input.placeholder = SEARCH_LABELS[scope].placeholder;
    this.sort.replaceChildren(...sortsOf(scope).map((option) => h('option', { value: option.value }, option.label)));
    document.body.dataset.scope = scope;
  }

  private commitText(typing: boolean): void {
    window.clearTimeout(this.typingTimer);
    const text = this.input.value;
    if (text.trim() === this.state.text.trim() && !this.state.caseId) {
      if (!typing && this.failure) this.retry();
      // Typed back to the text searched last: its result, held back while typing went on, is now due.
      else this.showHeldBack();
      return;
    }
    const replace = typing && this.typingPushed;
    this.navigate(
      withNewSearch(this.state, (draft) => (draft.text = text)),
      { replace, typing },
    );
    this.typingPushed = typing;
  }

  private apply(): void {
    const state = this.state;
    this.applyScope();
    if (this.input.value !== state.text && !(document.activeElement === this.input && this.typingPushed)) this.input.value = state.text;
    this.sort.value = state.sort;
    this.renderChips();
    this.updateExportLinks();
    const selectedCount = Object.values(state.lists).reduce((sum, values) => sum + values.length, 0) + Object.values(state.ranges).filter(Boolean).length;
    this.filtersToggleCount.textContent = selectedCount ? ` (${selectedCount})` : '';

    const key = searchKey(state);
    const cached = this.results.get(key);
    if (cached && key !== this.shownKey) {
      this.searchAbort?.abort();
      this.pendingKey = null;
      this.setLoading(false);
      this.renderResult(key, cached);
    } else if (!cached && key !== this.pendingKey) {
      void this.runSearch(key);
    }

    if (state.caseId) void this.showCase(state.caseId);
    else this.showResults();
    this.applyView();
    this.updateTitle();
  }

  /** The list of cases or the synthesis of the search (cases only): the tabs, and what shows under them. */
  private applyView(): void {
    const state = this.state;
    const cases = state.scope === 'cases';
    const synthesis = cases && state.view === 'synthesis';
    this.viewTabs.hidden = !cases;
    for (const view of ['results', 'synthesis'] as const) {
      const tab = byId<HTMLAnchorElement>(`view-${view}`);
      const target = cloneState(state);
      target.view = view;
      target.caseId = null;
      tab.href = this.urlFor(target);
      if ((view === 'synthesis') === synthesis) tab.setAttribute('aria-current', 'page');
      else tab.removeAttribute('aria-current');
    }
    this.list.hidden = synthesis;
    this.pager.hidden = synthesis;
    this.synthesis.update(state);
  }

  private retry(): void {
    this.results.delete(searchKey(this.state));
    this.pendingKey = null;
    this.shownKey = null;
    this.apply();
  }

  // --- search -----------------------------------------------------------------------------

  private async runSearch(key: string): Promise<void> {
    this.heldBack = null;
    this.searchAbort?.abort();
    const abort = new AbortController();
    this.searchAbort = abort;
    this.pendingKey = key;
    this.setLoading(true);
    try {
      const input = searchInput(this.state);
      const result: ShownResult =
        this.state.scope === 'publications'
          ? { scope: 'publications', data: (await this.client.request<PublicationSearchResponse>(PUBLICATION_SEARCH_QUERY, { input }, abort.signal)).searchPublications }
          : { scope: 'cases', data: (await this.client.request<SearchResponse>(SEARCH_QUERY, { input }, abort.signal)).searchCaseReports };
      this.remember(key, result);
      if (this.pendingKey !== key) return;
      this.pendingKey = null;
      // No transient "No cases found" while typing: an empty result for text the user is still changing
      // keeps the previous results on screen, marked as updating, until the next search answers.
      if (this.isEmpty(result) && this.result && !this.isEmpty(this.result) && this.typingAhead()) {
        this.heldBack = key;
        return;
      }
      this.setLoading(false);
      this.renderResult(key, result);
    } catch (error) {
      if (isAbort(error) || this.pendingKey !== key) return;
      this.pendingKey = null;
      this.setLoading(false);
      this.renderFailure(error);
    }
  }

  /** The key of an empty result kept off screen because the user was still typing (see runSearch). */
  private heldBack: string | null = null;

  private isEmpty(result: ShownResult): boolean {
    return (result.scope === 'publications' ? result.data.totalPublications : result.data.totalCases) === 0;
  }

  /** The search box holds text newer than the search on screen (the debounce has not fired yet). */
  private typingAhead(): boolean {
    return this.input.value.trim() !== this.state.text.trim();
  }

  private showHeldBack(): void {
    const key = searchKey(this.state);
    const result = this.heldBack === key ? this.results.get(key) : undefined;
    this.heldBack = null;
    if (!result || this.pendingKey) return;
    this.setLoading(false);
    this.renderResult(key, result);
  }

  private remember(key: string, data: ShownResult): void {
    this.results.delete(key);
    this.results.set(key, data);
    while (this.results.size > CACHE_SIZE) this.results.delete(this.results.keys().next().value as string);
  }

  private setLoading(loading: boolean): void {
    window.clearTimeout(this.loadingTimer);
    this.resultsView.setAttribute('aria-busy', String(loading));
    this.layout.classList.toggle('is-loading', loading);
    if (loading) {
      if (!this.result && !this.failure) this.count.textContent = 'Loading…';
      this.loadingTimer = window.setTimeout(() => {
        this.status.replaceChildren(h('p', { class: 'status-loading' }, h('span', { class: 'spinner', 'aria-hidden': 'true' }), 'Searching…'));
      }, LOADING_DELAY_MS);
    } else if (this.status.querySelector('.status-loading')) {
      this.status.replaceChildren();
    }
  }

  private renderResult(key: string, result: ShownResult): void {
    this.heldBack = null;
    this.result = result;
    this.shownKey = key;
    this.failure = null;
    const state = this.state;
    const page = state.after.length + 1;
    const first = (page - 1) * PAGE_SIZE + 1;
    const data = result.data;
    const edges = data.hits.edges;
    const handlers = { caseHref: (id: string) => this.caseHref(id), openCase: (id: string) => this.openCase(id) };

    const facets = result.scope === 'publications' ? publicationFacetsAsFacetData(result.data.facets) : result.data.facets;
    replaceKeepingFocus(this.facets, renderFacets(facets, state, this.facetHandlers, this.memory));
    if (result.scope === 'cases' && this.adoptTermKeys(result.data)) return;
    this.renderChips();
    this.renderSuggestions(result);

    this.list.start = first;
    replaceKeepingFocus(
      this.list,
      result.scope === 'publications' ? result.data.hits.edges.map((edge) => renderPublicationHit(edge, handlers)) : result.data.hits.edges.map((edge) => renderHit(edge, handlers)),
    );
    this.list.dataset.scope = result.scope;

    const previous = state.after.length ? cloneState(state) : null;
    previous?.after.pop();
    const endCursor = data.hits.pageInfo.endCursor;
    const next = data.hits.pageInfo.hasNextPage && endCursor ? cloneState(state) : null;
    next?.after.push(endCursor as string);
    replaceKeepingFocus(
      this.pager,
      renderPager({
        page,
        previousHref: previous ? this.urlFor(previous) : null,
        nextHref: next ? this.urlFor(next) : null,
        onPrevious: () => previous && this.goToPage(previous),
        onNext: () => next && this.goToPage(next),
      }),
    );

    const total = result.scope === 'publications' ? result.data.totalPublications : result.data.totalCases;
    if (total === 0) {
      this.count.textContent = result.scope === 'publications' ? 'No publications found' : 'No cases found';
      this.renderNoResults();
    } else {
      const shown = edges.length ? `, showing ${first}–${first + edges.length - 1}` : `, page ${page} is empty`;
      this.count.textContent =
        result.scope === 'publications'
          ? `${plural(total, 'publication', 'publications')}${shown}`
          : `${plural(total, 'case', 'cases')} in ${plural(result.data.totalPublications, 'publication', 'publications')}${shown}`;
      this.status.replaceChildren();
    }
    void this.lookUpMissingLabels();
    this.updateTitle();
    this.restoreScroll();
  }

  private renderFailure(error: unknown): void {
    this.result = null;
    this.shownKey = null;
    const failure: Failure =
      error instanceof GraphqlRequestError
        ? { kind: 'refused', message: error.message, code: error.code }
        : { kind: 'unreachable', message: error instanceof ServiceUnreachableError ? error.message : 'The search service cannot be reached.' };
    this.failure = failure;
    this.list.replaceChildren();
    this.pager.replaceChildren();
    const retry = h('button', { type: 'button', class: 'small-button', 'data-focus-key': 'retry', onclick: () => this.retry() }, 'Try again');
    if (failure.kind === 'unreachable') {
      this.count.textContent = 'Search unavailable';
      this.status.replaceChildren(
        h(
          'div',
          { class: 'notice notice-error', role: 'alert', 'data-state': 'unreachable' },
          h('p', { class: 'notice-title' }, 'The search service cannot be reached.'),
          h('p', {}, `${failure.message === 'The search service cannot be reached.' ? '' : `${failure.message} `}Your search is kept in the address bar; try again in a moment.`),
          retry,
        ),
      );
    } else {
      this.count.textContent = 'The search could not be run';
      this.status.replaceChildren(
        h(
          'div',
          { class: 'notice notice-error', role: 'alert', 'data-state': 'refused' },
          h('p', { class: 'notice-title' }, 'The search could not be run.'),
          h('p', {}, failure.message),
          h('p', {}, failure.code === 'BAD_USER_INPUT' ? 'Check the search text (quotes, OR, -) and the ranges, then try again.' : ''),
          retry,
        ),
      );
    }
  }

  private renderNoResults(): void {
    const publications = this.state.scope === 'publications';
    const filters = this.activeFilters();
    const hint = filters.length
      ? [
          h('p', {}, filters.length === 1 ? 'Remove the filter to see more:' : 'Try removing a filter:'),
          h(
            'ul',
            { class: 'chips', role: 'list' },
            filters.map((filter) =>
              h(
                'li',
                {},
                h(
                  'button',
                  {
                    type: 'button',
                    class: 'chip',
                    'data-focus-key': `suggest:${filter.key}`,
                    'aria-label': `Remove filter ${filter.facetTitle}: ${filter.label}`,
                    onclick: () => this.removeFilter(filter, 0),
                  },
                  h('span', { class: 'chip-facet' }, `${filter.facetTitle}: `),
                  h('span', { class: 'chip-label' }, filter.label),
                  h('span', { class: 'chip-x', 'aria-hidden': 'true' }, '×'),
                ),
              ),
            ),
          ),
        ]
      : [h('p', {}, publications ? 'There are no publications in the database yet.' : 'There are no cases in the database yet.')];
    const help = this.result?.scope === 'cases' ? this.result.data.noResultsHelp : null;
    const helped = help && (help.didYouMean || help.relaxations.length) ? renderNoResultsHelp(help, this.noResultsHandlers) : null;
    this.status.replaceChildren(
      h('div', { class: 'notice', 'data-state': 'no-results' }, h('p', { class: 'notice-title' }, publications ? 'No publications match this search.' : 'No cases match this search.'), helped ?? hint),
    );
  }

  private goToPage(next: SearchState): void {
    this.navigate(next);
    this.pendingScroll = null;
    this.resultsHeading.scrollIntoView({ block: 'start' });
    this.resultsHeading.focus({ preventScroll: true });
  }

  private restoreScroll(): void {
    if (this.pendingScroll === null || this.state.caseId) return;
    const y = this.pendingScroll;
    this.pendingScroll = null;
    window.scrollTo(0, y);
  }

  // --- facets and chips -------------------------------------------------------------------

  private readonly facetHandlers = {
    toggle: (filter: ListFilterKey, value: string) => this.navigate(toggleValue(this.state, filter, value)),
    setRange: (filter: RangeFilterKey, range: Range | null) => this.navigate(withNewSearch(this.state, (draft) => (draft.ranges[filter] = range))),
    learnLabel: (param: string, value: string, label: string) => this.labels.set(`${param}:${value}`, label),
    labelOf: (param: string, value: string) => this.labelOf(param, value),
    setFollowed: (followed: boolean) => this.navigate(withNewSearch(this.state, (draft) => (draft.followed = followed))),
  };

  private labelOf(param: string, value: string): string {
    const known = this.labels.get(`${param}:${value}`);
    if (known) return known;
    const facet = VALUE_FACETS.find((config) => config.param === param);
    if (!facet) return value;
    return knownLabel(facet, value) ?? (facet.values === 'enum' ? enumLabel(value) : facet.values === 'text' ? value : '…');
  }

  private activeFilters(): ActiveFilter[] {
    return activeFilters(this.state, (param, value) => this.labelOf(param, value), withNewSearch);
  }

  private renderChips(): void {
    replaceKeepingFocus(
      this.chips,
      renderChips(this.activeFilters(), (filter, index) => this.removeFilter(filter, index), () => this.clearAll()),
    );
  }

  private removeFilter(filter: ActiveFilter, index: number): void {
    this.navigate(filter.remove(this.state));
    const chips = [...this.chips.querySelectorAll<HTMLButtonElement>('button.chip')];
    const target = chips[Math.min(index, chips.length - 1)] ?? this.input;
    target.focus();
  }

  private clearAll(): void {
    this.navigate(clearFilters(this.state));
    this.input.focus();
  }

  /** Term filters restored from a URL may not be among the facet values shown: ask for their labels. */
  private async lookUpMissingLabels(): Promise<void> {
    const missing: { param: string; kind: string; id: string }[] = [];
    for (const facet of VALUE_FACETS) {
      if (facet.values !== 'terms') continue;
      for (const id of this.state.lists[facet.filter]) {
        if (!this.labels.has(`${facet.param}:${id}`) && !this.lookedUp.has(`${facet.param}:${id}`)) missing.push({ param: facet.param, kind: facet.facet, id });
      }
    }
    if (!missing.length) return;
    for (const { param, id } of missing) this.lookedUp.add(`${param}:${id}`);
    await Promise.all(
      missing.slice(0, 20).map(async ({ param, kind, id }) => {
        // A key, MeSH UI or id: links name terms by key; older links by id.
        const unknown = `unknown term “${id.length > 40 ? `${id.slice(0, 40)}…` : id}”`;
        try {
          const data = await this.client.request<{ vocabularyTermByReference: { label: string } | null }>(TERM_LABEL_QUERY, { kind, reference: id });
          this.labels.set(`${param}:${id}`, data.vocabularyTermByReference?.label ?? unknown);
        } catch {
          this.labels.set(`${param}:${id}`, unknown);
        }
      }),
    );
    this.renderChips();
    this.updateTitle();
  }

  /**
   * Links made before terms were named by key carry database ids: once the facets say which key an id
   * has, the address is rewritten with keys (same search, now shareable across installations).
   * Returns true when it navigated (the search runs again under the new key, from the cache if equal).
   */
  private adoptTermKeys(data: SearchResultData): boolean {
    const keyOf = new Map<string, string>();
    const collect = (values: SearchResultData['facets'][number]['values']) => {
      for (const value of values) {
        if (value.termId && value.termKey) keyOf.set(value.termId, value.termKey);
        collect(value.children ?? []);
      }
    };
    data.facets.forEach((facet) => collect(facet.values));
    let changed = false;
    const next = cloneState(this.state);
    for (const facet of VALUE_FACETS) {
      if (facet.values !== 'terms' || facet.scope !== this.state.scope) continue;
      next.lists[facet.filter] = next.lists[facet.filter].map((value) => {
        const key = keyOf.get(value);
        if (key && key !== value) changed = true;
        return key ?? value;
      });
    }
    if (!changed) return false;
    // The result is the same search: keep it under the new key, so no request is sent again.
    if (this.result) this.remember(searchKey(next), this.result);
    this.state = next;
    history.replaceState({ ...(history.state as EntryState | null) }, '', this.urlFor(next));
    this.shownKey = null;
    this.apply();
    return true;
  }

  private renderSuggestions(result: ShownResult): void {
    const understanding = result.scope === 'cases' ? result.data.understanding : undefined;
    const lists = this.state.lists as Record<string, string[]>;
    // Only what this page can show as a filter, and not already chosen.
    const usable = (understanding?.suggestions ?? []).filter((s) => s.filter in lists && !s.values.every((value) => lists[s.filter].includes(value)));
    replaceKeepingFocus(
      this.suggestions,
      renderSuggestions(usable, {
        apply: (suggestion) => this.applySuggestions([suggestion], suggestion.remainingText),
        applyAll: () => this.applySuggestions(usable, understanding?.remainingText ?? null),
      }),
    );
  }

  private applySuggestions(suggestions: SuggestedFilterData[], remainingText: string | null): void {
    this.navigate(
      withNewSearch(this.state, (draft) => {
        draft.text = remainingText ?? '';
        const lists = draft.lists as Record<string, string[]>;
        for (const suggestion of suggestions) if (suggestion.filter in lists) lists[suggestion.filter] = [...new Set([...lists[suggestion.filter], ...suggestion.values])];
      }),
    );
    this.input.value = this.state.text;
    this.resultsHeading.focus();
  }

  private readonly noResultsHandlers = {
    relax: (relaxation: { kind: 'FILTER' | 'WORD'; filter: string | null; text: string | null }) =>
      this.navigate(
        withNewSearch(this.state, (draft) => {
          if (relaxation.kind === 'WORD') draft.text = relaxation.text ?? '';
          else if (relaxation.filter && relaxation.filter in draft.lists) (draft.lists as Record<string, string[]>)[relaxation.filter] = [];
          else if (relaxation.filter && relaxation.filter in draft.ranges) (draft.ranges as Record<string, Range | null>)[relaxation.filter] = null;
        }),
      ),
    correct: (text: string) => this.navigate(withNewSearch(this.state, (draft) => (draft.text = text))),
  };

  // --- case detail ------------------------------------------------------------------------

  private caseHref(caseId: string): string {
    const state = cloneState(this.state);
    state.caseId = caseId;
    return this.urlFor(state);
  }

  private openCase(caseId: string): void {
    const state = cloneState(this.state);
    state.caseId = caseId;
    // Only a case opened straight from the list can go "back to results" through the history.
    this.navigate(state, { entry: { fromList: !this.state.caseId } });
  }

  private closeCase(): void {
    if ((history.state as EntryState | null)?.fromList) {
      history.back();
      return;
    }
    const state = cloneState(this.state);
    state.caseId = null;
    this.navigate(state);
  }

  private async showCase(caseId: string): Promise<void> {
    this.resultsView.hidden = true;
    this.caseView.hidden = false;
    if (this.shownCaseId === caseId) return;
    this.shownCaseId = caseId;
    this.lastOpenedCase = caseId;
    this.caseAbort?.abort();
    const cached = this.cases.get(caseId);
    if (cached) {
      this.renderCaseDetail(cached);
      return;
    }
    const abort = new AbortController();
    this.caseAbort = abort;
    this.caseView.setAttribute('aria-busy', 'true');
    this.caseView.replaceChildren(this.backButton(), h('h2', { id: 'case-title', tabindex: '-1' }, 'Loading the case…'));
    this.focusCaseHeading();
    try {
      const data = await this.client.request<CaseResponse>(CASE_QUERY, { id: caseId }, abort.signal);
      if (this.shownCaseId !== caseId) return;
      if (!data.caseReport) throw new GraphqlRequestError([{ message: 'This case was not found.', extensions: { code: 'NOT_FOUND' } }]);
      this.cases.set(caseId, data.caseReport);
      this.renderCaseDetail(data.caseReport);
    } catch (error) {
      if (isAbort(error) || this.shownCaseId !== caseId) return;
      this.shownCaseId = null;
      const unreachable = !(error instanceof GraphqlRequestError);
      this.caseView.replaceChildren(
        this.backButton(),
        h('h2', { id: 'case-title', tabindex: '-1' }, unreachable ? 'The search service cannot be reached.' : 'This case could not be shown.'),
        h(
          'div',
          { class: 'notice notice-error', role: 'alert', 'data-state': unreachable ? 'unreachable' : 'case-error' },
          h('p', {}, unreachable ? 'The case could not be loaded. Try again in a moment.' : error.message),
          h('button', { type: 'button', class: 'small-button', onclick: () => void this.showCase(caseId) }, 'Try again'),
        ),
      );
      this.focusCaseHeading();
    } finally {
      if (this.caseAbort === abort) this.caseView.removeAttribute('aria-busy');
    }
  }

  private backButton(): HTMLElement {
    return h('button', { type: 'button', class: 'back-button', onclick: () => this.closeCase() }, '← Back to results');
  }

  private renderCaseDetail(data: CaseDetailData): void {
    this.caseView.removeAttribute('aria-busy');
    this.caseView.replaceChildren(...renderCase(data, {
        back: () => this.closeCase(),
        caseHref: (id) => this.caseHref(id),
        openCase: (id) => this.openCase(id),
        copyCitation: (text) => void copyText(text).then((copied) => (byId('case-share-status').textContent = copied ? 'Citation copied' : `Copy this: ${text}`)),
      }));
    this.updateTitle();
    window.scrollTo(0, 0);
    this.focusCaseHeading();
  }

  private focusCaseHeading(): void {
    byId('case-title').focus({ preventScroll: true });
  }

  private showResults(): void {
    const wasShowingCase = !this.caseView.hidden;
    this.caseAbort?.abort();
    this.shownCaseId = null;
    this.caseView.hidden = true;
    this.resultsView.hidden = false;
    if (wasShowingCase) {
      this.restoreScroll();
      const link = this.lastOpenedCase ? this.list.querySelector<HTMLElement>(`a[data-case-id="${CSS.escape(this.lastOpenedCase)}"]`) : null;
      (link ?? this.resultsHeading).focus({ preventScroll: true });
    }
  }

  private updateTitle(): void {
    const caseData = this.state.caseId ? this.cases.get(this.state.caseId) : undefined;
    const name = SEARCH_LABELS[this.state.scope].title;
    const description = this.searchDescription();
    document.title = caseData ? `${titleText(caseData.publication)} (${caseData.label}) · Case report search` : searchTitle(description, name);
    const shown = this.result && this.shownKey === searchKey(this.state) ? this.result : null;
    const totals = shown ? (shown.scope === 'cases' ? { cases: shown.data.totalCases, publications: shown.data.totalPublications } : { cases: shown.data.totalPublications, publications: shown.data.totalPublications }) : null;
    document.querySelector('meta[name="description"]')?.setAttribute('content', caseData ? `${caseData.label} of ${titleText(caseData.publication)}` : searchSummary(description, this.state.scope === 'cases' ? totals : null));
  }

  /** The search in words (text, then the filters with their labels), for the title and citations. */
  private searchDescription(): string {
    return describeSearch(this.state.text, this.activeFilters());
  }

  private async share(text: string, done: string): Promise<void> {
    const status = byId('share-status');
    const copied = await copyText(text);
    // Where the browser refuses the clipboard, the text is shown to copy by hand.
    status.textContent = copied ? done : `Copy this: ${text}`;
  }

  // --- export -----------------------------------------------------------------------------

  private async probeExport(): Promise<void> {
    try {
      // An unknown format is refused before any export starts: 400 means the endpoint is there, cheaply.
      const response = await fetch(`${EXPORT_PATH}?format=probe`, { method: 'HEAD' });
      // 400: the endpoint exists; 404/405: this server has no export.
      this.exportAvailable = response.ok || response.status === 400;
    } catch {
      this.exportAvailable = false;
    }
    this.exportBox.hidden = !this.exportAvailable;
    this.updateExportLinks();
  }

  private updateExportLinks(): void {
    if (!this.exportAvailable) return;
    byId<HTMLAnchorElement>('export-csv').href = exportHref(this.state, 'csv', EXPORT_PATH);
    byId<HTMLAnchorElement>('export-ris').href = exportHref(this.state, 'ris', EXPORT_PATH);
    const what = this.state.scope === 'publications' ? 'publications' : 'cases';
    byId('export-label').textContent = `Export these ${what}:`;
  }

  // --- layout -----------------------------------------------------------------------------

  private setFiltersOpen(open: boolean): void {
    this.layout.classList.toggle('filters-open', open);
    this.filtersToggle.setAttribute('aria-expanded', String(open));
    if (open) byId('filters-heading').focus();
  }
}

new SearchPage().start();
