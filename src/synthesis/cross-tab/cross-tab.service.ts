import { Injectable } from '@nestjs/common';
import { BadUserInputError } from '../../common/errors/domain-error';
import { SearchCaseReportsInput } from '../../search/inputs/search-case-reports.input';
import { FacetName } from '../../search/query/facet-registry';
import { SearchService } from '../../search/search.service';
import { CountMethod } from '../models/count-method.enum';
import { searchLink } from '../search-link';
import { SynthesisCounts } from '../synthesis-counts';
import { valueFacet, wholeSearch } from '../synthesis-search';
import { crossTabAxis, columnTallyOf, rowTallyOf } from '../summary/engine-tally';
import { ownSelection } from '../summary/facet-counter';
import { listValues, ValueCount } from '../summary/facet-tally';
import { cellKey, cellsOf, CrossTabCell, CrossTabHeader, headersOf, limitValues } from './cross-tab';

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
 * caseCrossTab: two facets against each other, with margins, row and column proportions and the
 * search of each cell. One engine call counts margins and cells over the matching cases
 * (SearchEngine.crossTab), whatever the facets (single- or multi-valued, filtered on or not);
 * distinct publications only when the caller asks (SynthesisCounts).
 */
@Injectable()
export class CrossTabService {
  constructor(private readonly search: SearchService) {}

  async crossTab(input: SearchCaseReportsInput | null | undefined, rows: FacetName, columns: FacetName, limit: number | null | undefined, asked: SynthesisCounts = {}): Promise<CrossTab> {
    const rowDefinition = valueFacet(rows, 'rows');
    const columnDefinition = valueFacet(columns, 'columns');
    if (rows === columns) throw BadUserInputError.field('columns', 'must differ from rows');
    const max = limit ?? DEFAULT_CROSS_TAB_LIMIT;
    if (!Number.isInteger(max) || max < 1 || max > MAX_CROSS_TAB_LIMIT) throw BadUserInputError.field('limit', `must be between 1 and ${MAX_CROSS_TAB_LIMIT}`);
    // As run (suggested filters applied), so each cell's search link finds the cell's cases.
    const search = await this.search.asRun(wholeSearch(input));
    const query = await this.search.toQuery(search);
    const [tab, terms] = await Promise.all([this.search.crossTab(query, { rows: crossTabAxis(rowDefinition), columns: crossTabAxis(columnDefinition), publications: asked.publications ?? true }), this.search.terms()]);
    const rowTally = rowTallyOf(rowDefinition, tab);
    const columnTally = columnTallyOf(columnDefinition, tab);
    const rowValues = limitValues(listValues(rowDefinition, rowTally.counts, terms, ownSelection(query.filters, rowDefinition)), rowTally, max);
    const columnValues = limitValues(listValues(columnDefinition, columnTally.counts, terms, ownSelection(query.filters, columnDefinition)), columnTally, max);
    const rowHeaders = headersOf(rowValues.kept, rowTally);
    const columnHeaders = headersOf(columnValues.kept, columnTally);
    const counts = new Map<string, ValueCount>(tab.cells.map((cell) => [cellKey(cell.row, cell.column), { caseCount: cell.caseCount, publicationCount: cell.publicationCount }]));
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
      totalCases: tab.totalCases,
      totalPublications: tab.totalPublications,
      rowHeaders,
      columnHeaders,
      cells,
      omittedRowValues: rowValues.omitted,
      omittedColumnValues: columnValues.omitted,
      method: CountMethod.FACETS,
    };
  }
}
