import { Injectable } from '@nestjs/common';
import { TermIndex } from '../../search/indexing/search-document';
import { MatchingDocuments } from '../../search/matching-documents';
import { flattenFacetValues } from '../../search/query/facet-assembler';
import { FacetDefinition } from '../../search/query/facet-registry';
import { SearchFilters, SearchQuery } from '../../search/query/search-query';
import { SearchService } from '../../search/search.service';
import { DocumentTally, FacetTally, unknownValueOf, ValueCount } from './facet-tally';

/** The values a search selects for a facet (its own filter), empty when it selects none. */
export function ownSelection(filters: SearchFilters, definition: FacetDefinition): string[] {
  const value = filters[definition.filterKey];
  return Array.isArray(value) ? (value as string[]) : [];
}

/**
 * Counts one facet's values over a search. Fast path: the engine's facet counts (both engines).
 * Facets count disjunctively (a facet's own filter is ignored for its counts), so when the search
 * filters on the facet itself a single-valued facet keeps the counts of the selected values (0 for
 * the rest) and a multi-valued one is counted exactly, by reading every matching case. The "none
 * reported" row of a multi-valued facet comes from one more count (cases with any value); when it is
 * not 0 its publications are only known exactly, so that facet is read case by case too.
 */
@Injectable()
export class FacetCounter {
  constructor(
    private readonly search: SearchService,
    private readonly matching: MatchingDocuments,
  ) {}

  terms(): Promise<TermIndex> {
    return this.matching.terms();
  }

  async tally(query: SearchQuery, definition: FacetDefinition): Promise<FacetTally> {
    const own = ownSelection(query.filters, definition);
    if (definition.multiValued && own.length) return this.exact(query, definition);
    const result = await this.search.searchQuery({ ...query, facets: [{ facet: definition.name, includeZero: false }], page: { first: 0, after: null }, highlight: false });
    const unknown = unknownValueOf(definition).value;
    const counts = new Map<string, ValueCount>();
    for (const value of flattenFacetValues(result.facets[0]?.values ?? [])) {
      if (own.length && !own.includes(value.value)) continue; // not selected: no matching case has it
      counts.set(value.value, { caseCount: value.caseCount, publicationCount: value.publicationCount });
    }
    const tally: FacetTally = { totalCases: result.totalCases, totalPublications: result.totalPublications, counts, unknown: counts.get(unknown) ?? { caseCount: 0, publicationCount: 0 }, method: 'FACETS' };
    counts.delete(unknown);
    if (!definition.multiValued || definition.missingValue || tally.totalCases === 0) return tally;
    // Cases with some value: any root of the term tree (documents hold ancestors), or any value seen.
    const anyValue = definition.termKind ? (await this.terms()).roots(definition.termKind).map((term) => term.id) : [...counts.keys()];
    const withValue = anyValue.length ? await this.count({ ...query, filters: { ...query.filters, [definition.filterKey]: anyValue } }) : 0;
    if (withValue === tally.totalCases) return tally;
    return this.exact(query, definition);
  }

  /** Every matching case read and counted (documents rebuilt as the engines index them). */
  async exact(query: SearchQuery, definition: FacetDefinition): Promise<FacetTally> {
    const tally = new DocumentTally(definition);
    for await (const page of this.matching.pages(query)) for (const { document } of page) tally.add(document);
    return tally.result();
  }

  async count(query: SearchQuery): Promise<number> {
    return (await this.search.searchQuery({ ...query, facets: [], page: { first: 0, after: null }, highlight: false })).totalCases;
  }
}
