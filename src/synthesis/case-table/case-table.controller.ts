import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Controller, Get, Query, Res, UseFilters } from '@nestjs/common';
import type { Response } from 'express';
import { BadUserInputError } from '../../common/errors/domain-error';
import { DomainErrorHttpFilter } from '../../literature/common/domain-error-http.filter';
import { checkExportParams } from '../../literature/export/export-params.check';
import { RequestParams, SEARCH_PARAMS, searchInputFromParams, searchParamsGiven } from '../../literature/export/export-request';
import { SavedSearchesService } from '../../literature/saved-searches/saved-searches.service';
import { SearchCaseReportsInput } from '../../search/inputs/search-case-reports.input';
import { CaseTableColumn } from './case-table-column';
import { CASE_TABLE_FORMATS, CaseTableFormat } from './case-table-writers';
import { CaseTableService } from './case-table.service';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const CASE_TABLE_PARAMS: ReadonlySet<string> = new Set<string>(['format', 'columns', 'savedSearch', ...SEARCH_PARAMS]);

/**
 * GET /exports/case-table?format=csv|markdown|docx&columns=CITATION,AGE,...&{the search as GET /exports
 * takes it: q={searchCaseReports input as JSON}, individual parameters, or savedSearch=<id>}: the case
 * table of the whole result, streamed a search page at a time (docx: built whole, up to 5,000 cases), stamped with the search, the date
 * and (for a saved search) its latest fingerprint. A search that finds nothing answers 404.
 */
@Controller('exports')
@UseFilters(DomainErrorHttpFilter)
export class CaseTableController {
  constructor(
    private readonly table: CaseTableService,
    private readonly savedSearches: SavedSearchesService,
  ) {}

  @Get('case-table')
  async download(@Query() params: RequestParams, @Res() response: Response): Promise<void> {
    const { columns: rawColumns, ...rest } = params;
    checkExportParams(rest, CASE_TABLE_PARAMS);
    const format = formatOf(rest.format);
    const columns = columnsOf(rawColumns);
    const { format: _format, savedSearch, ...search } = rest;
    let input: SearchCaseReportsInput;
    let savedSearchId: string | null = null;
    if (savedSearch !== undefined) {
      if (typeof savedSearch !== 'string' || !UUID.test(savedSearch)) throw BadUserInputError.field('savedSearch', 'must be the id of a saved search');
      const others = searchParamsGiven(search);
      if (others.length) throw BadUserInputError.field('savedSearch', `give either a saved search or the search itself, not both (also given: ${others.join(', ')})`);
      input = (await this.savedSearches.get(savedSearch)).query as SearchCaseReportsInput;
      savedSearchId = savedSearch;
    } else {
      input = searchInputFromParams(search);
    }
    const opened = await this.table.open(input, format, columns, savedSearchId);
    response.status(200);
    response.setHeader('Content-Type', opened.contentType);
    response.setHeader('Content-Disposition', `attachment; filename="${opened.fileName}"`);
    response.setHeader('X-Total-Cases', String(opened.totalCases));
    response.setHeader('X-Total-Publications', String(opened.totalPublications));
    try {
      await pipeline(Readable.from(opened.chunks), response);
    } catch (error) {
      // A client that goes away mid-download is not a server error.
      if ((error as { code?: string }).code !== 'ERR_STREAM_PREMATURE_CLOSE') throw error;
    }
  }
}

function formatOf(raw: RequestParams[string]): CaseTableFormat {
  const value = (typeof raw === 'string' ? raw : 'csv').trim().toLowerCase();
  const format = value === 'md' ? 'markdown' : value;
  if (!(format in CASE_TABLE_FORMATS)) throw BadUserInputError.field('format', 'must be csv, markdown or docx');
  return format as CaseTableFormat;
}

/** columns=CITATION,AGE or columns=CITATION&columns=AGE, any case; absent: the default columns. */
function columnsOf(raw: RequestParams[string]): CaseTableColumn[] | null {
  if (raw === undefined) return null;
  const names = (Array.isArray(raw) ? raw : [raw]).flatMap((value) => value.split(',')).map((value) => value.trim().toUpperCase().replace(/-/g, '_')).filter(Boolean);
  return names as CaseTableColumn[];
}
