/**
 * The whole state of the page, and its round trip through the URL's query string, so that a URL
 * shared or bookmarked restores the same search, page and open case. Pure: no DOM.
 */
import { facetRequests, ListFilterKey, rangeFacetsOf, RangeFilterKey, Scope, valueFacetsOf } from './facets';

export type { Scope } from './facets';

export type SearchSort = 'RELEVANCE' | 'YEAR_DESC' | 'YEAR_ASC' | 'AGE_ASC' | 'AGE_DESC';
export const SORTS: readonly { value: SearchSort; label: string; scopes: readonly Scope[] }[] = [
  { value: 'RELEVANCE', label: 'Relevance', scopes: ['cases', 'publications'] },
  { value: 'YEAR_DESC', label: 'Newest publications first', scopes: ['cases', 'publications'] },
  { value: 'YEAR_ASC', label: 'Oldest publications first', scopes: ['cases', 'publications'] },
  { value: 'AGE_ASC', label: 'Youngest patients first', scopes: ['cases'] },
  { value: 'AGE_DESC', label: 'Oldest patients first', scopes: ['cases'] },
];

/** The sorts a scope offers (publications have no patient age). */
export function sortsOf(scope: Scope): { value: SearchSort; label: string }[] {
  return SORTS.filter((option) => option.scopes.includes(scope));
}

export interface Range {
  min: number | null;
  max: number | null;
}

export interface SearchState {
  /** What is searched: case reports (one patient each) or publications (every imported record). */
  scope: Scope;
  text: string;
  lists: Record<ListFilterKey, string[]>;
  ranges: Record<RangeFilterKey, Range | null>;
  /**
   * Cases only: complications count only "after the selected procedure" (the recorded sequence,
   * filters.complicationsFollowProcedures), and the facet counts follow. URL: `sequence=after`.
   */
  followed: boolean;
  sort: SearchSort;
  /** The cursors that led to the current page: empty on page 1; the last one is the current `after`. */
  after: string[];
  /** The case whose detail is open, if any. */
  caseId: string | null;
  /** Cases only: the result list, or the synthesis of the whole search (URL: `view=synthesis`). */
  view: SearchView;
  /** Synthesis view: the case table's columns in order (URL: `columns=CITATION,AGE`); empty: the API's default. */
  columns: string[];
  /** Synthesis view: the cross-tab's row and column facets (URL: `rows`, `cols`). */
  crossRows: string;
  crossColumns: string;
}

export type SearchView = 'results' | 'synthesis';
export const DEFAULT_CROSS_ROWS = 'TREATMENT';
export const DEFAULT_CROSS_COLUMNS = 'OUTCOME';
const FACET_NAME = /^[A-Z_]{2,40}$/;

export const PAGE_SIZE = 20;
const MAX_TEXT = 500;
const MAX_VALUES = 100;

export function emptyState(): SearchState {
  return {
    scope: 'cases',
    text: '',
    lists: {
      complications: [],
      procedures: [],
      treatments: [],
      sex: [],
      ageGroups: [],
      pregnancyStatuses: [],
      anticoagulation: [],
      outcomes: [],
      curationStatuses: [],
      caseStatuses: [],
      screeningDecisions: [],
      reviews: [],
      publicationTypes: [],
      meshDescriptors: [],
      journals: [],
      languages: [],
    },
    ranges: { year: null, age: null },
    followed: false,
    sort: 'RELEVANCE',
    after: [],
    caseId: null,
    view: 'results',
    columns: [],
    crossRows: DEFAULT_CROSS_ROWS,
    crossColumns: DEFAULT_CROSS_COLUMNS,
  };
}

function formatRange(range: Range): string {
  return `${range.min ?? ''}..${range.max ?? ''}`;
}

function parseRange(raw: string | null): Range | null {
  if (!raw) return null;
  const match = /^(-?\d+(?:\.\d+)?)?\.\.(-?\d+(?:\.\d+)?)?$/.exec(raw.trim());
  if (!match) return null;
  const range = { min: match[1] === undefined ? null : Number(match[1]), max: match[2] === undefined ? null : Number(match[2]) };
  return range.min === null && range.max === null ? null : range;
}

/** The query string for a state (without "?"); parameters in a fixed order, empty ones left out. */
export function stateToQuery(state: SearchState): string {
  const params = new URLSearchParams();
  if (state.scope !== 'cases') params.set('scope', state.scope);
  if (state.text.trim()) params.set('q', state.text);
  for (const facet of valueFacetsOf(state.scope)) for (const value of state.lists[facet.filter]) params.append(facet.param, value);
  for (const facet of rangeFacetsOf(state.scope)) {
    const range = state.ranges[facet.filter];
    if (range && (range.min !== null || range.max !== null)) params.set(facet.param, formatRange(range));
  }
  if (state.followed && state.scope === 'cases') params.set('sequence', 'after');
  if (state.sort !== 'RELEVANCE') params.set('sort', state.sort);
  for (const cursor of state.after) params.append('after', cursor);
  if (state.caseId) params.set('case', state.caseId);
  if (state.view === 'synthesis' && state.scope === 'cases') {
    params.set('view', 'synthesis');
    if (state.columns.length) params.set('columns', state.columns.join(','));
    if (state.crossRows !== DEFAULT_CROSS_ROWS) params.set('rows', state.crossRows);
    if (state.crossColumns !== DEFAULT_CROSS_COLUMNS) params.set('cols', state.crossColumns);
  }
  return params.toString();
}

/** Reads a state from a query string; anything unknown or malformed is ignored, never an error. */
export function queryToState(query: string): SearchState {
  const params = new URLSearchParams(query);
  const state = emptyState();
  if (params.get('scope') === 'publications') state.scope = 'publications';
  state.text = (params.get('q') ?? '').slice(0, MAX_TEXT);
  for (const facet of valueFacetsOf(state.scope)) {
    const values = params.getAll(facet.param).map((value) => value.trim()).filter(Boolean);
    state.lists[facet.filter] = [...new Set(values)].slice(0, MAX_VALUES);
  }
  for (const facet of rangeFacetsOf(state.scope)) state.ranges[facet.filter] = parseRange(params.get(facet.param));
  state.followed = state.scope === 'cases' && params.get('sequence') === 'after';
  const sort = params.get('sort');
  if (sort && sortsOf(state.scope).some((option) => option.value === sort)) state.sort = sort as SearchSort;
  state.after = params.getAll('after').filter(Boolean);
  state.caseId = params.get('case') || null;
  if (state.scope === 'cases' && params.get('view') === 'synthesis') {
    state.view = 'synthesis';
    state.columns = [...new Set((params.get('columns') ?? '').split(',').map((column) => column.trim().toUpperCase()).filter((column) => FACET_NAME.test(column)))].slice(0, 30);
    const rows = params.get('rows')?.trim().toUpperCase();
    const cols = params.get('cols')?.trim().toUpperCase();
    if (rows && FACET_NAME.test(rows)) state.crossRows = rows;
    if (cols && FACET_NAME.test(cols)) state.crossColumns = cols;
  }
  return state;
}

export function cloneState(state: SearchState): SearchState {
  return {
    ...state,
    lists: Object.fromEntries(Object.entries(state.lists).map(([key, values]) => [key, [...values]])) as SearchState['lists'],
    ranges: { ...state.ranges },
    after: [...state.after],
    columns: [...state.columns],
  };
}

/** True when some filter (not the text) narrows the search. */
export function hasFilters(state: SearchState): boolean {
  return Object.values(state.lists).some((values) => values.length > 0) || Object.values(state.ranges).some((range) => range !== null);
}

/** SearchFiltersInput (cases) or PublicationFiltersInput (publications) for a state: only the filters in use. */
export function filtersInput(state: SearchState): Record<string, unknown> | undefined {
  const filters: Record<string, unknown> = {};
  for (const facet of valueFacetsOf(state.scope)) if (state.lists[facet.filter].length) filters[facet.filter] = [...state.lists[facet.filter]];
  for (const facet of rangeFacetsOf(state.scope)) {
    const range = state.ranges[facet.filter];
    if (!range) continue;
    const input: { min?: number; max?: number } = {};
    if (range.min !== null) input.min = range.min;
    if (range.max !== null) input.max = range.max;
    filters[facet.filter] = input;
  }
  if (state.followed && state.scope === 'cases' && Object.keys(filters).length) filters.complicationsFollowProcedures = true;
  return Object.keys(filters).length ? filters : undefined;
}

/**
 * Search as you type: the last word is a prefix ("hemat" finds hematoma) unless the text ends with a
 * space; the same for a search the user submits, so Enter never changes what typing showed.
 */
export function prefixLastWord(text: string): boolean {
  return text.trim() !== '' && !/\s$/.test(text);
}

/** SearchCaseReportsInput or SearchPublicationsInput (by the state's scope), with every facet the page shows. */
export function searchInput(state: SearchState): Record<string, unknown> {
  const input: Record<string, unknown> = { sort: state.sort, first: PAGE_SIZE, facets: facetRequests(state.scope) };
  const text = state.text.trim();
  if (text) input.text = text;
  if (prefixLastWord(state.text)) input.prefixLastWord = true;
  const filters = filtersInput(state);
  if (filters) input.filters = filters;
  const after = state.after[state.after.length - 1];
  if (after) input.after = after;
  return input;
}

/** The same search without paging or facets: what an export of "what is on screen" needs. */
export function exportInput(state: SearchState): Record<string, unknown> {
  const input: Record<string, unknown> = { sort: state.sort };
  const text = state.text.trim();
  if (text) input.text = text;
  if (prefixLastWord(state.text)) input.prefixLastWord = true;
  const filters = filtersInput(state);
  if (filters) input.filters = filters;
  return input;
}

/** A synthesis download of the search on screen: `path?format=…&{extra}&q={the search}`, as GET /exports takes it. */
export function synthesisHref(state: SearchState, path: string, params: Record<string, string>): string {
  const query = new URLSearchParams(params);
  query.set('q', JSON.stringify(exportInput(state)));
  return `${path}?${query.toString()}`;
}

/** The search a synthesis summarises: text and filters (no paging, sort or facets), as a cache key. */
export function synthesisKey(state: SearchState): string {
  const { sort: _sort, ...input } = exportInput(state);
  return JSON.stringify(input);
}

/** Where the export button of a format downloads the search on screen: cases, or publications with scope=publications. */
export function exportHref(state: SearchState, format: string, path = 'exports'): string {
  const params = new URLSearchParams();
  if (state.scope === 'publications') params.set('scope', 'publications');
  params.set('format', format);
  params.set('q', JSON.stringify(exportInput(state)));
  return `${path}?${params.toString()}`;
}

/** A key identifying the search a state asks for (the open case does not change it). */
export function searchKey(state: SearchState): string {
  return JSON.stringify({ scope: state.scope, ...searchInput(state) });
}

/**
 * The same text in the other scope: the filters of the scope left behind do not apply there and are
 * dropped; the publication year is common to both and stays; a sort the scope lacks becomes Relevance.
 */
export function withScope(state: SearchState, scope: Scope): SearchState {
  return withNewSearch(state, (draft) => {
    if (draft.scope === scope) return;
    const empty = emptyState();
    draft.scope = scope;
    if (scope !== 'cases') draft.view = 'results';
    draft.lists = empty.lists;
    draft.followed = false;
    draft.ranges = { ...empty.ranges, year: draft.ranges.year };
    if (!sortsOf(scope).some((option) => option.value === draft.sort)) draft.sort = 'RELEVANCE';
  });
}

/** A new search (text, filter or sort changed) starts again at page 1 and closes the case. */
export function withNewSearch(state: SearchState, change: (draft: SearchState) => void): SearchState {
  const next = cloneState(state);
  change(next);
  next.after = [];
  next.caseId = null;
  return next;
}

export function toggleValue(state: SearchState, filter: ListFilterKey, value: string): SearchState {
  return withNewSearch(state, (draft) => {
    const values = draft.lists[filter];
    draft.lists[filter] = values.includes(value) ? values.filter((existing) => existing !== value) : [...values, value];
  });
}

export function clearFilters(state: SearchState): SearchState {
  return withNewSearch(state, (draft) => {
    const empty = emptyState();
    draft.lists = empty.lists;
    draft.ranges = empty.ranges;
    draft.followed = false;
    draft.text = '';
  });
}
