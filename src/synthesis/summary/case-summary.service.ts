import { Injectable } from '@nestjs/common';
import { SearchCaseReportsInput } from '../../search/inputs/search-case-reports.input';
import { FacetName } from '../../search/query/facet-registry';
import { SearchQuery } from '../../search/query/search-query';
import { SearchService } from '../../search/search.service';
import { CaseSummary } from '../models/case-summary.model';
import { CountMethod } from '../models/count-method.enum';
import { searchLink } from '../search-link';
import { valueFacet, wholeSearch } from '../synthesis-search';
import { knownCasesOf, summaryRows } from './case-summary';
import { FacetCounter, ownSelection } from './facet-counter';
import { listValues } from './facet-tally';

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
