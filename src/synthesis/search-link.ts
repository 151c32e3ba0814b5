/**
 * The search that reaches the cases behind one summary row or cross-tab cell: the caller's search
 * with the row's (and column's) value selected. Given twice: as the searchCaseReports input (JSON)
 * and as the search page's query string (src/web/client/search-state.ts). Pure.
 */
import { FacetDefinition, FacetFilterKey } from '../search/query/facet-registry';
import { SearchCaseReportsInput } from '../search/inputs/search-case-reports.input';
import { unknownIsFilterable, unknownValueOf } from './summary/facet-tally';

export interface SearchLink {
  /** The searchCaseReports input (text, filters, sort) as JSON. */
  input: string;
  /** The search page's query string (without "?"); null when the search uses a filter the page has no parameter for. */
  pageQuery: string | null;
}

/** URL parameters of the search page, by filter key (src/web/client/facets.ts). */
const PAGE_LIST_PARAMS: Partial<Record<FacetFilterKey, string>> = {
  curationStatuses: 'curation',
  complications: 'complication',
  procedures: 'procedure',
  treatments: 'treatment',
  sex: 'sex',
  ageGroups: 'ageGroup',
  pregnancyStatuses: 'pregnancy',
  anticoagulation: 'anticoagulation',
  outcomes: 'outcome',
};
const PAGE_RANGE_PARAMS: Partial<Record<FacetFilterKey, string>> = { year: 'year', age: 'age' };

type Filters = Record<string, unknown>;

/**
 * The link for a set of facet values, or null when no search selects exactly those cases: the "none
 * reported" row of a multi-valued facet (no filter means "has no value"), a second value of a
 * multi-valued facet the search already filters (values inside one filter are ORed, never ANDed), or
 * a value outside the search's own selection of a single-valued facet (no case of the search has it).
 */
export function searchLink(input: SearchCaseReportsInput, selections: readonly { definition: FacetDefinition; value: string }[]): SearchLink | null {
  const filters: Filters = { ...((input.filters ?? {}) as Filters) };
  for (const { definition, value } of selections) {
    if (value === unknownValueOf(definition).value && !unknownIsFilterable(definition)) return null;
    const current = filters[definition.filterKey];
    const selected = Array.isArray(current) ? (current as string[]) : [];
    if (definition.multiValued && selected.length && !(selected.length === 1 && selected[0] === value)) return null;
    // Single-valued: a value outside the search's selection has no case here; one inside narrows it.
    if (selected.length && !selected.includes(value)) return null;
    filters[definition.filterKey] = [value];
  }
  const search: Record<string, unknown> = {};
  if (input.text?.trim()) search.text = input.text.trim();
  if (search.text && input.prefixLastWord) search.prefixLastWord = true;
  const used = Object.fromEntries(Object.entries(filters).filter(([, value]) => value !== null && value !== undefined && !(Array.isArray(value) && !value.length)));
  if (Object.keys(used).length) search.filters = used;
  if (input.sort) search.sort = input.sort;
  return { input: JSON.stringify(search), pageQuery: pageQueryOf(search.text as string | undefined, used, input.sort ?? null) };
}

/** The search page's query string for text + filters, or null when a filter has no page parameter. */
export function pageQueryOf(text: string | undefined, filters: Filters, sort: string | null): string | null {
  const params = new URLSearchParams();
  if (text) params.set('q', text);
  for (const [key, value] of Object.entries(filters)) {
    const list = PAGE_LIST_PARAMS[key as FacetFilterKey];
    const range = PAGE_RANGE_PARAMS[key as FacetFilterKey];
    if (list && Array.isArray(value)) for (const item of value) params.append(list, String(item));
    else if (range && value && typeof value === 'object') {
      const { min, max } = value as { min?: number | null; max?: number | null };
      if ((min === null || min === undefined) && (max === null || max === undefined)) continue;
      params.set(range, `${min ?? ''}..${max ?? ''}`);
    } else return null;
  }
  if (sort && sort !== 'RELEVANCE') params.set('sort', sort);
  return params.toString();
}
