import { Injectable } from '@nestjs/common';
import { CurationStatus } from '../../case-reports/curation.enums';
import { SearchCaseReportsInput } from '../../search/inputs/search-case-reports.input';
import { facetDefinition, FacetName } from '../../search/query/facet-registry';
import { SearchQuery } from '../../search/query/search-query';
import { SearchService } from '../../search/search.service';
import { CaseSummary } from '../models/case-summary.model';
import { CountMethod } from '../models/count-method.enum';
import { searchLink } from '../search-link';
import { SynthesisCounts } from '../synthesis-counts';
import { valueFacet, wholeSearch } from '../synthesis-search';
import { knownCasesOf, summaryRows } from './case-summary';
import { crossTabAxis, rowTallyOf, rowTallyWithin } from './engine-tally';
import { FacetCounter, ownSelection } from './facet-counter';
import { FacetTally, listValues } from './facet-tally';

/**
 * caseSummary: per value of a facet, cases and publications with proportions and Wilson intervals.
 * One engine call: the facet against CURATION_STATUS (SearchEngine.crossTab) gives its counts and,
 * when the search finds both curated and suggested cases, each value's counts in each. Distinct
 * publications only when the caller asks (SynthesisCounts).
 */
@Injectable()
export class CaseSummaryService {
  constructor(
    private readonly search: SearchService,
    private readonly counter: FacetCounter,
  ) {}

  async summary(input: SearchCaseReportsInput | null | undefined, facet: FacetName, counts: SynthesisCounts = {}): Promise<CaseSummary> {
    const definition = valueFacet(facet, 'facet');
    // As run (suggested filters applied), so each row's search link finds the row's cases.
    const search = await this.search.asRun(wholeSearch(input));
    const query: SearchQuery = await this.search.toQuery(search);
    const [counted, terms] = await Promise.all([this.count(query, facet, counts.publications ?? true), this.search.terms()]);
    const { tally, split } = counted;
    const listed = listValues(definition, tally.counts, terms, ownSelection(query.filters, definition));
    const rows = summaryRows(listed, tally, split).map((row) => ({ ...row, search: searchLink(search, [{ definition, value: row.value }]) }));
    return {
      facet,
      totalCases: tally.totalCases,
      totalPublications: tally.totalPublications,
      knownCases: knownCasesOf(tally),
      multiValued: definition.multiValued,
      curatedCases: split?.curated.totalCases ?? null,
      suggestedCases: split?.suggested.totalCases ?? null,
      method: tally.method === 'EXACT' ? CountMethod.EXACT : CountMethod.FACETS,
      rows,
    };
  }

  /** The facet's tally, and its tallies among curated and among suggested cases when the search finds both. */
  private async count(query: SearchQuery, facet: FacetName, publications: boolean): Promise<{ tally: FacetTally; split: { curated: FacetTally; suggested: FacetTally } | null }> {
    const definition = facetDefinition(facet);
    // The curation status itself has nothing to split by: its own tally (one facet search, publications included).
    if (facet === FacetName.CURATION_STATUS) return { tally: await this.counter.tally(query, definition), split: null };
    const curation = facetDefinition(FacetName.CURATION_STATUS);
    const tab = await this.search.crossTab(query, { rows: crossTabAxis(definition), columns: crossTabAxis(curation), publications });
    const curated = rowTallyWithin(definition, tab, CurationStatus.CURATED);
    const suggested = rowTallyWithin(definition, tab, CurationStatus.SUGGESTED);
    return { tally: rowTallyOf(definition, tab), split: curated.totalCases && suggested.totalCases ? { curated, suggested } : null };
  }
}
