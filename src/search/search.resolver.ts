import { Args, Context, Info, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { GraphQLResolveInfo } from 'graphql';
import { RequireRole } from '../auth/require-role.decorator';
import { primeCasePage, RequestLoaders } from '../graphql/request-loaders';
import { casePagePartsOf } from './case-page-selection';
import { SearchCaseReportsInput } from './inputs/search-case-reports.input';
import { CaseReportSearchResult } from './models/case-report-search-result.model';
import { FacetValue } from './models/facet-value.model';
import { ReindexResult } from './models/reindex-result.model';
import { SearchIndexStatus } from './models/search-index-status.model';
import { FacetName } from './search.enums';
import { SearchService } from './search.service';
import { NoResultsHelp, SearchUnderstanding } from './understanding/models/search-understanding.model';
import { NoResultsHelpService } from './understanding/no-results-help.service';
import { SearchUnderstandingService } from './understanding/search-understanding.service';

@Resolver(() => CaseReportSearchResult)
export class SearchResolver {
  constructor(
    private readonly search: SearchService,
    private readonly reader: SearchUnderstandingService,
    private readonly help: NoResultsHelpService,
  ) {}

  @Query(() => CaseReportSearchResult, { description: 'Case reports matching text and filters, with facet counts (cases and publications).' })
  async searchCaseReports(@Args('input') input: SearchCaseReportsInput, @Info() info: GraphQLResolveInfo, @Context('loaders') loaders: RequestLoaders): Promise<CaseReportSearchResult> {
    const prepared = await this.reader.prepare(input);
    // The page's cases are read with what the selection shows of them, in one statement.
    const result = await this.search.search(prepared.input, casePagePartsOf(info));
    if (result.casePage) primeCasePage(loaders, result.casePage);
    result.searched = { input: prepared.input, asked: input, understanding: prepared.understanding };
    return result;
  }

  @ResolveField(() => SearchUnderstanding, { description: 'Words of the text that name filters (vocabulary terms, population, outcome), and which were applied.' })
  async understanding(@Parent() result: CaseReportSearchResult): Promise<SearchUnderstanding> {
    if (!result.searched) return { suggestions: [], applied: false, searchedText: null, remainingText: null };
    return result.searched.understanding ?? this.reader.understand(result.searched.asked, false);
  }

  @ResolveField(() => NoResultsHelp, { nullable: true, description: 'Only when nothing is found: the filters and words whose removal finds cases, and a spelling suggestion.' })
  async noResultsHelp(@Parent() result: CaseReportSearchResult): Promise<NoResultsHelp | null> {
    if (result.totalCases > 0 || !result.searched) return null;
    return this.help.forSearch(result.searched.input);
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
