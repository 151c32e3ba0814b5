/** What every synthesis query reads of its input. */
import { BadUserInputError } from '../common/errors/domain-error';
import { SearchCaseReportsInput } from '../search/inputs/search-case-reports.input';
import { FacetDefinition, facetDefinition, FacetName } from '../search/query/facet-registry';

/** The search a synthesis reads: the whole result (text, filters, sort; no page, no facets). */
export function wholeSearch(input: SearchCaseReportsInput | null | undefined): SearchCaseReportsInput {
  return { text: input?.text ?? null, filters: input?.filters ?? null, sort: input?.sort ?? null, facets: [], first: 0, after: null };
}

/** A facet that has values to count (numeric facets have caseNumericSummary). */
export function valueFacet(facet: FacetName, path: string): FacetDefinition {
  const definition = facetDefinition(facet);
  if (definition.kind === 'numeric-range') throw BadUserInputError.field(path, `${facet} is numeric: use caseNumericSummary`);
  return definition;
}
