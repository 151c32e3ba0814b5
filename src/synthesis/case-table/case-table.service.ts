import { Injectable } from '@nestjs/common';
import { BadUserInputError, DomainError } from '../../common/errors/domain-error';
import { ExportService } from '../../literature/export/export.service';
import { SavedSearchesService } from '../../literature/saved-searches/saved-searches.service';
import { SearchCaseReportsInput } from '../../search/inputs/search-case-reports.input';
import { decodeSearchCursor } from '../../search/query/search-cursor';
import { SearchService } from '../../search/search.service';
import { savedSearchStamp, searchText } from '../download-request';
import { wholeSearch } from '../synthesis-search';
import { CASE_TABLE_COLUMNS, caseTableRow, CaseTableColumn, DEFAULT_CASE_TABLE_COLUMNS } from './case-table-column';
import { caseTableDocx } from './case-table-docx';
import { CASE_TABLE_FORMATS, CaseTableFormat, csvHead, csvRows, markdownHead, markdownRows, TableStamp } from './case-table-writers';

export const MAX_CASE_TABLE_PAGE = 200;

export interface CaseTablePage {
  columns: { column: CaseTableColumn; header: string; description: string }[];
  totalCases: number;
  totalPublications: number;
  rows: { caseReportId: string; publicationId: string; cursor: string; cells: string[] }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

export interface OpenCaseTable {
  contentType: string;
  fileName: string;
  totalCases: number;
  totalPublications: number;
  chunks: AsyncIterable<string | Buffer>;
}

/** Checks the caller's columns (each once; the default list when none). */
export function tableColumns(columns: readonly CaseTableColumn[] | null | undefined, path = 'columns'): CaseTableColumn[] {
  if (!columns || !columns.length) return [...DEFAULT_CASE_TABLE_COLUMNS];
  const unknown = columns.filter((column) => !Object.hasOwn(CASE_TABLE_COLUMNS, column));
  if (unknown.length) throw BadUserInputError.field(path, `unknown column(s) ${unknown.join(', ')}; known: ${Object.keys(CASE_TABLE_COLUMNS).join(', ')}`);
  const repeated = columns.filter((column, index) => columns.indexOf(column) !== index);
  if (repeated.length) throw BadUserInputError.field(path, `${[...new Set(repeated)].join(', ')} given more than once`);
  return [...columns];
}

const describe = (column: CaseTableColumn) => ({ column, header: CASE_TABLE_COLUMNS[column].header, description: CASE_TABLE_COLUMNS[column].description });

/** The case table: one row per patient, the caller's columns in the caller's order; a page (GraphQL) or every case (download). */
@Injectable()
export class CaseTableService {
  constructor(
    private readonly search: SearchService,
    private readonly exports: ExportService,
    private readonly savedSearches: SavedSearchesService,
  ) {}

  async page(input: SearchCaseReportsInput | null | undefined, columns: readonly CaseTableColumn[] | null | undefined, first: number | null | undefined, after: string | null | undefined): Promise<CaseTablePage> {
    const chosen = tableColumns(columns);
    const size = first ?? 50;
    if (!Number.isInteger(size) || size < 0 || size > MAX_CASE_TABLE_PAGE) throw BadUserInputError.field('first', `must be between 0 and ${MAX_CASE_TABLE_PAGE}`);
    const query = await this.search.toQuery(wholeSearch(input));
    const result = await this.search.searchQuery({ ...query, facets: [], highlight: false, page: { first: size, after: after ? decodeSearchCursor(after, query.sort, query.text, 'after') : null } });
    const cursorOf = new Map(result.hits.edges.map((edge) => [edge.node.caseReport.id, edge.cursor]));
    const cases = await this.exports.withFacts(result.hits.edges.map((edge) => edge.node.caseReport));
    return {
      columns: chosen.map(describe),
      totalCases: result.totalCases,
      totalPublications: result.totalPublications,
      rows: cases.map((item) => ({ caseReportId: item.caseReport.id, publicationId: item.publication.id, cursor: cursorOf.get(item.caseReport.id) as string, cells: caseTableRow(item, chosen) })),
      pageInfo: result.hits.pageInfo,
    };
  }

  /**
   * The whole table as a file, streamed a search page at a time. Errors (bad search, nothing found)
   * are thrown here, before anything is sent. `savedSearchId`: the search came from that saved search
   * (its name and latest fingerprint are stamped).
   */
  async open(input: SearchCaseReportsInput, format: CaseTableFormat, columns: readonly CaseTableColumn[] | null | undefined, savedSearchId: string | null = null): Promise<OpenCaseTable> {
    const chosen = tableColumns(columns);
    const search = wholeSearch(input);
    const query = await this.search.toQuery(search, savedSearchId ? 'savedSearch' : 'q');
    const counted = await this.search.searchQuery({ ...query, facets: [], highlight: false, page: { first: 0, after: null } });
    if (counted.totalCases === 0) throw new DomainError('NOT_FOUND', 'the search finds no case reports: there is nothing to tabulate. Widen the search and try again.');
    const now = new Date();
    const stamp: TableStamp = {
      search: searchText(search),
      generatedAt: now.toISOString(),
      totalCases: counted.totalCases,
      totalPublications: counted.totalPublications,
      savedSearch: savedSearchId ? await savedSearchStamp(savedSearchId, this.savedSearches) : null,
    };
    const headers = chosen.map((column) => CASE_TABLE_COLUMNS[column].header);
    const source = this.exports;
    async function* rowPages(): AsyncGenerator<string[][]> {
      for await (const page of source.casePages(query)) yield page.map((item) => caseTableRow(item, chosen));
    }
    // Every format is written a search page at a time (Word too: its XML into a streaming zip), so no format has a size limit.
    async function* chunks(): AsyncGenerator<string | Buffer> {
      if (format === 'docx') {
        yield* caseTableDocx(stamp, chosen.map((column) => ({ header: CASE_TABLE_COLUMNS[column].header, width: CASE_TABLE_COLUMNS[column].width })), rowPages());
        return;
      }
      yield format === 'csv' ? csvHead(stamp, headers) : markdownHead(stamp, headers);
      for await (const rows of rowPages()) yield format === 'csv' ? csvRows(rows) : markdownRows(rows);
    }
    return { contentType: CASE_TABLE_FORMATS[format].contentType, fileName: `case-table-${now.toISOString().slice(0, 10)}.${CASE_TABLE_FORMATS[format].extension}`, totalCases: counted.totalCases, totalPublications: counted.totalPublications, chunks: chunks() };
  }
}
