import { Injectable } from '@nestjs/common';
import { BadUserInputError } from '../../common/errors/domain-error';
import { SearchCaseReportsInput } from '../../search/inputs/search-case-reports.input';
import { FacetDefinition, facetDefinition, FacetName } from '../../search/query/facet-registry';
import { SearchQuery } from '../../search/query/search-query';
import { SearchService } from '../../search/search.service';
import { CaseSummary } from '../models/case-summary.model';
import { CountMethod } from '../models/count-method.enum';
import { searchLink } from '../search-link';
import { knownCasesOf, summaryRows } from './case-summary';
import { FacetCounter, ownSelection } from './facet-counter';
import { listValues } from './facet-tally';

/** The search a synthesis reads: the whole result (no page, no facets). */
export function wholeSearch(input: SearchCaseReportsInput | null | undefined): SearchCaseReportsInput {
  return { text: input?.text ?? null, filters: input?.filters ?? null, sort: input?.sort ?? null, facets: [], first: 0, after: null };
}

/** A facet that has values to count (numeric facets have caseNumericSummary). */
export function valueFacet(facet: FacetName, path: string): FacetDefinition {
  const definition = facetDefinition(facet);
  if (definition.kind === 'numeric-range') throw BadUserInputError.field(path, `${facet} is numeric: use caseNumericSummary`);
  return definition;
}

/** caseSummary: per value of a facet, cases and publications with proportions and Wilson intervals. */
@Injectable()
export class CaseSummaryService {
  constructor(
    private readonly search: SearchService,
    private readonly counter: FacetCounter,
  ) {}

  async summary(input: SearchCaseReportsInput | null | undefined, facet: FacetName): Promise<CaseSummary> {
    const definition = valueFacet(facet, 'facet');
    const search = wholeSearch(input);
    const query: SearchQuery = await this.search.toQuery(search);
    const [tally, terms, split] = await Promise.all([
      this.counter.tally(query, definition),
      this.counter.terms(),
      facet === FacetName.CURATION_STATUS ? null : this.counter.curationSplit(query),
    ]);
    const [curated, suggested] = split ? await Promise.all([this.counter.tally(split.curated, definition), this.counter.tally(split.suggested, definition)]) : [null, null];
    const listed = listValues(definition, tally.counts, terms, ownSelection(query.filters, definition));
    const rows = summaryRows(listed, tally, curated && suggested ? { curated, suggested } : null).map((row) => ({ ...row, search: searchLink(search, [{ definition, value: row.value }]) }));
    const exact = [tally, curated, suggested].some((part) => part?.method === 'EXACT');
    return {
      facet,
      totalCases: tally.totalCases,
      totalPublications: tally.totalPublications,
      knownCases: knownCasesOf(tally),
      multiValued: definition.multiValued,
      curatedCases: split?.curatedCases ?? null,
      suggestedCases: split?.suggestedCases ?? null,
      method: exact ? CountMethod.EXACT : CountMethod.FACETS,
      rows,
    };
  }
}
