import { Controller, Get, Query, Res, UseFilters } from '@nestjs/common';
import type { Response } from 'express';
import { BadUserInputError } from '../../common/errors/domain-error';
import { DomainErrorHttpFilter } from '../../literature/common/domain-error-http.filter';
import { checkExportParams } from '../../literature/export/export-params.check';
import { RequestParams } from '../../literature/export/export-request';
import { SavedSearchesService } from '../../literature/saved-searches/saved-searches.service';
import { DOWNLOAD_SEARCH_PARAMS, downloadSearch } from '../download-request';
import { sendDownload } from '../send-download';
import { CaseTableColumn } from './case-table-column';
import { CASE_TABLE_FORMATS, CaseTableFormat } from './case-table-writers';
import { CaseTableService } from './case-table.service';

const CASE_TABLE_PARAMS: ReadonlySet<string> = new Set<string>(['columns', ...DOWNLOAD_SEARCH_PARAMS]);

/**
 * GET /exports/case-table?format=csv|markdown|docx&columns=CITATION,AGE,...&{the search as GET /exports
 * takes it: q={searchCaseReports input as JSON}, individual parameters, or savedSearch=<id>}: the case
 * table of the whole result, streamed a search page at a time (every format, Word too, so none has a size limit), stamped with the search, the date
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
    const { input, savedSearchId } = await downloadSearch(rest, this.savedSearches);
    const opened = await this.table.open(input, format, columns, savedSearchId);
    await sendDownload(response, opened);
  }
}

function formatOf(raw: RequestParams[string]): CaseTableFormat {
  const value = (typeof raw === 'string' ? raw : 'csv').trim().toLowerCase();
  const format = value === 'md' ? 'markdown' : value;
  if (!Object.hasOwn(CASE_TABLE_FORMATS, format)) throw BadUserInputError.field('format', 'must be csv, markdown or docx');
  return format as CaseTableFormat;
}

/** columns=CITATION,AGE or columns=CITATION&columns=AGE, any case; absent: the default columns. */
function columnsOf(raw: RequestParams[string]): CaseTableColumn[] | null {
  if (raw === undefined) return null;
  const names = (Array.isArray(raw) ? raw : [raw]).flatMap((value) => value.split(',')).map((value) => value.trim().toUpperCase().replace(/-/g, '_')).filter(Boolean);
  return names as CaseTableColumn[];
}
