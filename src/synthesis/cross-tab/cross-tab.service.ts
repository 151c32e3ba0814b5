import { Injectable } from '@nestjs/common';
import { BadUserInputError } from '../../common/errors/domain-error';
import { MatchingDocuments } from '../../search/matching-documents';
import { SearchCaseReportsInput } from '../../search/inputs/search-case-reports.input';
import { FacetDefinition, FacetName } from '../../search/query/facet-registry';
import { SearchQuery } from '../../search/query/search-query';
import { SearchService } from '../../search/search.service';
import { CountMethod } from '../models/count-method.enum';
import { searchLink } from '../search-link';
import { valueFacet, wholeSearch } from '../synthesis-search';
import { FacetCounter, ownSelection } from '../summary/facet-counter';
import { listValues, unknownValueOf, ValueCount } from '../summary/facet-tally';
import { cellKey, cellsOf, CellTally, CrossTabCell, CrossTabHeader, headersOf, limitValues } from './cross-tab';

export const DEFAULT_CROSS_TAB_LIMIT = 10;
export const MAX_CROSS_TAB_LIMIT = 50;

export interface CrossTab {
  rows: FacetName;
  columns: FacetName;
  totalCases: number;
  totalPublications: number;
  rowHeaders: CrossTabHeader[];
  columnHeaders: CrossTabHeader[];
  cells: (CrossTabCell & { search: ReturnType<typeof searchLink> })[];
  omittedRowValues: number;
  omittedColumnValues: number;
  method: CountMethod;
}

/**
 * Whether the engine's facets can fill the cells with `counted` as the counted facet and `split` as
 * the one each engine call selects one value of: the counted facet single-valued (its own selection
 * then only zeroes unselected values), and every value of `split`, unknown included, selectable on its
 * own (single-valued, or multi-valued with a missing value and no selection of its own to AND with).
 */
function facetsCanCount(counted: FacetDefinition, split: FacetDefinition, query: SearchQuery): boolean {
  return !counted.multiValued && (!split.multiValued || (Boolean(split.missingValue) && !ownSelection(query.filters, split).length));
}

/** caseCrossTab: two facets against each other, with margins, row and column proportions and the search of each cell. */
@Injectable()
export class CrossTabService {
  constructor(
    private readonly search: SearchService,
    private readonly counter: FacetCounter,
    private readonly matching: MatchingDocuments,
  ) {}

  async crossTab(input: SearchCaseReportsInput | null | undefined, rows: FacetName, columns: FacetName, limit: number | null | undefined): Promise<CrossTab> {
    const rowDefinition = valueFacet(rows, 'rows');
    const columnDefinition = valueFacet(columns, 'columns');
    if (rows === columns) throw BadUserInputError.field('columns', 'must differ from rows');
    const max = limit ?? DEFAULT_CROSS_TAB_LIMIT;
    if (!Number.isInteger(max) || max < 1 || max > MAX_CROSS_TAB_LIMIT) throw BadUserInputError.field('limit', `must be between 1 and ${MAX_CROSS_TAB_LIMIT}`);
    const search = wholeSearch(input);
    const query = await this.search.toQuery(search);
    const [rowTally, columnTally, terms] = await Promise.all([this.counter.tally(query, rowDefinition), this.counter.tally(query, columnDefinition), this.counter.terms()]);
    const rowValues = limitValues(listValues(rowDefinition, rowTally.counts, terms, ownSelection(query.filters, rowDefinition)), rowTally, max);
    const columnValues = limitValues(listValues(columnDefinition, columnTally.counts, terms, ownSelection(query.filters, columnDefinition)), columnTally, max);
    const rowHeaders = headersOf(rowValues.kept, rowTally);
    const columnHeaders = headersOf(columnValues.kept, columnTally);

    let counts: Map<string, ValueCount>;
    let method = CountMethod.FACETS;
    if (facetsCanCount(rowDefinition, columnDefinition, query)) {
      counts = await this.countByFacets(query, rowDefinition, columnDefinition, columnHeaders, false);
    } else if (facetsCanCount(columnDefinition, rowDefinition, query)) {
      counts = await this.countByFacets(query, columnDefinition, rowDefinition, rowHeaders, true);
    } else {
      const tally = new CellTally(rowDefinition, columnDefinition);
      for await (const page of this.matching.pages(query)) for (const { document } of page) tally.add(document);
      counts = tally.result();
      method = CountMethod.EXACT;
    }
    if (rowTally.method === 'EXACT' || columnTally.method === 'EXACT') method = CountMethod.EXACT;
    const cells = cellsOf(rowHeaders, columnHeaders, counts).map((cell) => ({
      ...cell,
      search: searchLink(search, [
        { definition: rowDefinition, value: cell.rowValue },
        { definition: columnDefinition, value: cell.columnValue },
      ]),
    }));
    return {
      rows,
      columns,
      totalCases: rowTally.totalCases,
      totalPublications: rowTally.totalPublications,
      rowHeaders,
      columnHeaders,
      cells,
      omittedRowValues: rowValues.omitted,
      omittedColumnValues: columnValues.omitted,
      method,
    };
  }

  /** One engine call per value of `split`: that value selected, `counted` counted. Keys as (row, column). */
  private async countByFacets(query: SearchQuery, counted: FacetDefinition, split: FacetDefinition, splitValues: readonly CrossTabHeader[], countedIsColumn: boolean): Promise<Map<string, ValueCount>> {
    const own = ownSelection(query.filters, split);
    const counts = new Map<string, ValueCount>();
    await Promise.all(
      splitValues.map(async (splitValue) => {
        if (own.length && !own.includes(splitValue.value)) return; // outside the search's own selection: no case
        const tally = await this.counter.tally({ ...query, filters: { ...query.filters, [split.filterKey]: [splitValue.value] } }, counted);
        const entries: [string, ValueCount][] = [...tally.counts, [unknownValueOf(counted).value, tally.unknown]];
        for (const [value, count] of entries) counts.set(countedIsColumn ? cellKey(splitValue.value, value) : cellKey(value, splitValue.value), count);
      }),
    );
    return counts;
  }
}
