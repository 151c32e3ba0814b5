import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { RequireRole } from '../auth/require-role.decorator';
import { SearchCaseReportsInput } from './inputs/search-case-reports.input';
import { CaseReportSearchResult } from './models/case-report-search-result.model';
import { FacetValue } from './models/facet-value.model';
import { ReindexResult } from './models/reindex-result.model';
import { SearchIndexStatus } from './models/search-index-status.model';
import { FacetName } from './search.enums';
import { SearchService } from './search.service';

@Resolver()
export class SearchResolver {
  constructor(private readonly search: SearchService) {}

  @Query(() => CaseReportSearchResult, { description: 'Case reports matching text and filters, with facet counts (cases and publications).' })
  searchCaseReports(@Args('input') input: SearchCaseReportsInput): Promise<CaseReportSearchResult> {
    return this.search.search(input);
  }

  @Query(() => [FacetValue], { description: 'Values of one facet starting with a prefix (word start, any case), counted under the given search.' })
  facetValues(
    @Args('facet', { type: () => FacetName }) facet: FacetName,
    @Args('prefix') prefix: string,
    @Args('input', { type: () => SearchCaseReportsInput, nullable: true }) input?: SearchCaseReportsInput,
  ): Promise<FacetValue[]> {
    return this.search.facetValues(facet, prefix, input);
  }

  @Query(() => SearchIndexStatus)
  searchIndexStatus(): Promise<SearchIndexStatus> {
    return this.search.status();
  }

  @RequireRole('admin')
  @Mutation(() => ReindexResult, { description: 'Rebuilds the search index from the database; writes made meanwhile are replayed.' })
  reindexSearch(): Promise<ReindexResult> {
    return this.search.reindex();
  }
}
