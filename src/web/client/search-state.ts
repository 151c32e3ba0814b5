/**
 * The whole state of the page, and its round trip through the URL's query string, so that a URL
 * shared or bookmarked restores the same search, page and open case. Pure: no DOM.
 */
import { facetRequests, ListFilterKey, RANGE_FACETS, RangeFilterKey, VALUE_FACETS } from './facets';

export type SearchSort = 'RELEVANCE' | 'YEAR_DESC' | 'YEAR_ASC' | 'AGE_ASC' | 'AGE_DESC';
export const SORTS: readonly { value: SearchSort; label: string }[] = [
  { value: 'RELEVANCE', label: 'Relevance' },
  { value: 'YEAR_DESC', label: 'Newest publications first' },
  { value: 'YEAR_ASC', label: 'Oldest publications first' },
  { value: 'AGE_ASC', label: 'Youngest patients first' },
  { value: 'AGE_DESC', label: 'Oldest patients first' },
];

export interface Range {
  min: number | null;
  max: number | null;
}

export interface SearchState {
  text: string;
  lists: Record<ListFilterKey, string[]>;
  ranges: Record<RangeFilterKey, Range | null>;
  sort: SearchSort;
  /** The cursors that led to the current page: empty on page 1; the last one is the current `after`. */
  after: string[];
  /** The case whose detail is open, if any. */
  caseId: string | null;
}

export const PAGE_SIZE = 20;
const MAX_TEXT = 500;
const MAX_VALUES = 100;

export function emptyState(): SearchState {
  return {
    text: '',
    lists: { complications: [], procedures: [], treatments: [], sex: [], ageGroups: [], pregnancyStatuses: [], anticoagulation: [], outcomes: [] },
    ranges: { year: null, age: null },
    sort: 'RELEVANCE',
    after: [],
    caseId: null,
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
  if (state.text.trim()) params.set('q', state.text);
  for (const facet of VALUE_FACETS) for (const value of state.lists[facet.filter]) params.append(facet.param, value);
  for (const facet of RANGE_FACETS) {
    const range = state.ranges[facet.filter];
    if (range && (range.min !== null || range.max !== null)) params.set(facet.param, formatRange(range));
  }
  if (state.sort !== 'RELEVANCE') params.set('sort', state.sort);
  for (const cursor of state.after) params.append('after', cursor);
  if (state.caseId) params.set('case', state.caseId);
  return params.toString();
}

/** Reads a state from a query string; anything unknown or malformed is ignored, never an error. */
export function queryToState(query: string): SearchState {
  const params = new URLSearchParams(query);
  const state = emptyState();
  state.text = (params.get('q') ?? '').slice(0, MAX_TEXT);
  for (const facet of VALUE_FACETS) {
    const values = params.getAll(facet.param).map((value) => value.trim()).filter(Boolean);
    state.lists[facet.filter] = [...new Set(values)].slice(0, MAX_VALUES);
  }
  for (const facet of RANGE_FACETS) state.ranges[facet.filter] = parseRange(params.get(facet.param));
  const sort = params.get('sort');
  if (sort && SORTS.some((option) => option.value === sort)) state.sort = sort as SearchSort;
  state.after = params.getAll('after').filter(Boolean);
  state.caseId = params.get('case') || null;
  return state;
}

export function cloneState(state: SearchState): SearchState {
  return {
    ...state,
    lists: Object.fromEntries(Object.entries(state.lists).map(([key, values]) => [key, [...values]])) as SearchState['lists'],
    ranges: { ...state.ranges },
    after: [...state.after],
  };
}

/** True when some filter (not the text) narrows the search. */
export function hasFilters(state: SearchState): boolean {
  return Object.values(state.lists).some((values) => values.length > 0) || Object.values(state.ranges).some((range) => range !== null);
}

/** SearchFiltersInput for a state: only the filters in use. */
export function filtersInput(state: SearchState): Record<string, unknown> | undefined {
  const filters: Record<string, unknown> = {};
  for (const facet of VALUE_FACETS) if (state.lists[facet.filter].length) filters[facet.filter] = [...state.lists[facet.filter]];
  for (const facet of RANGE_FACETS) {
    const range = state.ranges[facet.filter];
    if (!range) continue;
    const input: { min?: number; max?: number } = {};
    if (range.min !== null) input.min = range.min;
    if (range.max !== null) input.max = range.max;
    filters[facet.filter] = input;
  }
  return Object.keys(filters).length ? filters : undefined;
}

/** SearchCaseReportsInput for a state, with every facet the page shows. */
export function searchInput(state: SearchState): Record<string, unknown> {
  const input: Record<string, unknown> = { sort: state.sort, first: PAGE_SIZE, facets: facetRequests() };
  const text = state.text.trim();
  if (text) input.text = text;
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
  const filters = filtersInput(state);
  if (filters) input.filters = filters;
  return input;
}

/** A key identifying the search a state asks for (the open case does not change it). */
export function searchKey(state: SearchState): string {
  return JSON.stringify(searchInput(state));
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
    draft.text = '';
  });
}
