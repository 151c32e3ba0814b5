/**
 * What the embedded engine keeps of its cross-tab answers (PostgresSearchEngine.crossTab): the key of
 * a request (the search normalised: its clauses in the registry's order, each clause's values sorted)
 * and the answer frozen, since one object is handed to every caller. Pure.
 */
import { countsPublications, CrossTabCountsRequest, EngineCrossTab } from '../../query/cross-tab-counts';
import { filterClauses, SearchQuery } from '../../query/search-query';

/** Cross-tabs kept per index version: a few syntheses (summary and cross-tab of each) of recent searches. */
export const CROSS_TAB_CACHE_SIZE = 16;

/** The same key for the same cases and counts, whatever the order of filter values; sort, facets and paging ignored. */
export function crossTabCacheKey(query: Pick<SearchQuery, 'text' | 'filters'>, request: CrossTabCountsRequest): string {
  const clauses = filterClauses(query.filters).map((clause) => {
    switch (clause.kind) {
      case 'any-of':
        return { ...clause, values: [...clause.values].sort() };
      case 'complication-after-procedure':
        return { ...clause, complications: [...clause.complications].sort(), procedures: [...clause.procedures].sort() };
      default:
        return clause;
    }
  });
  return JSON.stringify([query.text, clauses, request.rows.facet, request.rows.unknownValue, request.columns.facet, request.columns.unknownValue, countsPublications(request)]);
}

/** The answer and everything in it frozen (a caller that tried to change a kept answer would throw in strict mode). */
export function frozenCrossTab(tab: EngineCrossTab): EngineCrossTab {
  for (const list of [tab.rows, tab.columns, tab.cells]) {
    for (const entry of list) Object.freeze(entry);
    Object.freeze(list);
  }
  return Object.freeze(tab);
}
