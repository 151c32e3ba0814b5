/** What every synthesis query reads of its input. */
import { BadUserInputError } from '../common/errors/domain-error';
import { SearchCaseReportsInput } from '../search/inputs/search-case-reports.input';
import { FacetDefinition, facetDefinition, FacetName } from '../search/query/facet-registry';

/**
 * The search a synthesis reads: the whole result (text and how it is read, filters, sort; no page, no
 * facets). `prefixLastWord` and `applySuggestedFilters` are kept: without them a summary of the search
 * page's search ("intrathecal hemat", typed) counted other cases than the page listed (none).
 */
export function wholeSearch(input: SearchCaseReportsInput | null | undefined): SearchCaseReportsInput {
  return {
    text: input?.text ?? null,
    ...(input?.prefixLastWord ? { prefixLastWord: true } : {}),
    ...(input?.applySuggestedFilters ? { applySuggestedFilters: true } : {}),
    filters: input?.filters ?? null,
    sort: input?.sort ?? null,
    facets: [],
    first: 0,
    after: null,
  };
}

/** A facet that has values to count (numeric facets have caseNumericSummary). */
export function valueFacet(facet: FacetName, path: string): FacetDefinition {
  const definition = facetDefinition(facet);
  if (definition.kind === 'numeric-range') throw BadUserInputError.field(path, `${facet} is numeric: use caseNumericSummary`);
  return definition;
}
