import { Args, Float, Info, Int, Query, Resolver } from '@nestjs/graphql';
import type { GraphQLResolveInfo } from 'graphql';
import { SearchCaseReportsInput } from '../search/inputs/search-case-reports.input';
import { FacetName } from '../search/search.enums';
import { CASE_TABLE_COLUMNS, CaseTableColumn } from './case-table/case-table-column';
import { CaseTableService } from './case-table/case-table.service';
import { CrossTabService } from './cross-tab/cross-tab.service';
import { CaseCrossTab } from './models/cross-tab.model';
import { CaseSummary } from './models/case-summary.model';
import { CaseTable, CaseTableColumnInfo } from './models/case-table.model';
import { CaseNumericSummary } from './models/numeric-summary.model';
import { NumericField } from './numeric/numeric-field';
import { NumericSummaryService } from './numeric/numeric-summary.service';
import { CaseSummaryService } from './summary/case-summary.service';
import { countsSelected, CROSS_TAB_PUBLICATION_FIELDS, SUMMARY_PUBLICATION_FIELDS } from './synthesis-counts';

const SEARCH = { type: () => SearchCaseReportsInput, nullable: true, description: 'The search (text, filters, sort); paging and facets are ignored. All cases when absent.' } as const;

/** Evidence synthesis over any case search: summaries, cross-tabs, numeric summaries, the case table. */
@Resolver()
export class SynthesisResolver {
  constructor(
    private readonly summaries: CaseSummaryService,
    private readonly crossTabs: CrossTabService,
    private readonly numbers: NumericSummaryService,
    private readonly table: CaseTableService,
  ) {}

  @Query(() => CaseSummary, { description: 'Per value of a facet: cases, publications, proportions of all and of the known with Wilson 95% intervals; the unknown row always present.' })
  caseSummary(@Args('input', SEARCH) input: SearchCaseReportsInput | null, @Args('facet', { type: () => FacetName }) facet: FacetName, @Info() info: GraphQLResolveInfo): Promise<CaseSummary> {
    // Distinct publications only when the selection shows them (most of the counting time).
    return this.summaries.summary(input, facet, countsSelected(info, SUMMARY_PUBLICATION_FIELDS));
  }

  @Query(() => CaseCrossTab, { description: 'Two facets against each other: cells, margins, row and column proportions with Wilson 95% intervals, and the search of each cell.' })
  caseCrossTab(
    @Args('input', SEARCH) input: SearchCaseReportsInput | null,
    @Args('rows', { type: () => FacetName }) rows: FacetName,
    @Args('columns', { type: () => FacetName }) columns: FacetName,
    @Args('limit', { type: () => Int, nullable: true, description: 'Most known values per axis (those with the most cases; default 10, at most 50).' }) limit: number | null,
    @Info() info: GraphQLResolveInfo,
  ): Promise<CaseCrossTab> {
    return this.crossTabs.crossTab(input, rows, columns, limit, countsSelected(info, CROSS_TAB_PUBLICATION_FIELDS));
  }

  @Query(() => CaseNumericSummary, { description: 'n, missing, min, quartiles (Hyndman-Fan type 7), max, mean and a histogram of a number over the matching cases.' })
  caseNumericSummary(
    @Args('input', SEARCH) input: SearchCaseReportsInput | null,
    @Args('field', { type: () => NumericField }) field: NumericField,
    @Args('interval', { type: () => Float, nullable: true, description: 'Histogram bucket width (default: AGE 10, ONSET_HOURS 24, BLOOD_PATCH_VOLUME 5, FOLLOW_UP_DAYS 30, TIME_TO_RESOLUTION_DAYS 7).' }) interval: number | null,
  ): Promise<CaseNumericSummary> {
    return this.numbers.summary(input, field, interval);
  }

  @Query(() => CaseTable, { description: 'One row per patient, the given columns in the given order (default: the synthesis columns). Download all rows from GET /exports/case-table.' })
  caseTable(
    @Args('input', SEARCH) input: SearchCaseReportsInput | null,
    @Args('columns', { type: () => [CaseTableColumn], nullable: true }) columns: CaseTableColumn[] | null,
    @Args('first', { type: () => Int, nullable: true, description: 'Rows per page (default 50, at most 200).' }) first: number | null,
    @Args('after', { type: () => String, nullable: true }) after: string | null,
  ): Promise<CaseTable> {
    return this.table.page(input, columns, first, after);
  }

  @Query(() => [CaseTableColumnInfo], { description: 'Every column of the case table with its heading and what it holds.' })
  caseTableColumns(): CaseTableColumnInfo[] {
    return Object.entries(CASE_TABLE_COLUMNS).map(([column, definition]) => ({ column: column as CaseTableColumn, header: definition.header, description: definition.description }));
  }
}
