import { Controller, Get, Query, Res, UseFilters } from '@nestjs/common';
import type { Response } from 'express';
import { BadUserInputError, DomainError } from '../../common/errors/domain-error';
import { DomainErrorHttpFilter } from '../../literature/common/domain-error-http.filter';
import { checkExportParams } from '../../literature/export/export-params.check';
import { RequestParams } from '../../literature/export/export-request';
import { SavedSearchesService } from '../../literature/saved-searches/saved-searches.service';
import { SearchService } from '../../search/search.service';
import { TableStamp } from '../case-table/case-table-writers';
import { svgToPng } from '../../common/svg-to-png';
import { DOWNLOAD_SEARCH_PARAMS, downloadSearch, savedSearchStamp, searchText } from '../download-request';
import { sendDownload } from '../send-download';
import { wholeSearch } from '../synthesis-search';
import { NumericField } from './numeric-field';
import { NumericSummaryService } from './numeric-summary.service';
import { numericCsv, numericSvg } from './numeric-writers';
import { queryNumber } from '../../common/http/query-number';

const NUMERIC_PARAMS: ReadonlySet<string> = new Set<string>(['field', 'interval', ...DOWNLOAD_SEARCH_PARAMS]);
const FORMATS = {
  csv: { contentType: 'text/csv; charset=utf-8', extension: 'csv' },
  svg: { contentType: 'image/svg+xml; charset=utf-8', extension: 'svg' },
  png: { contentType: 'image/png', extension: 'png' },
} as const;

/**
 * GET /exports/case-numeric?field=AGE|ONSET_HOURS|BLOOD_PATCH_VOLUME|FOLLOW_UP_DAYS|TIME_TO_RESOLUTION_DAYS
 * &interval=&format=csv|svg|png&{the search as GET /exports takes it}: caseNumericSummary as a file (the
 * SVG and PNG a histogram), stamped like the case table.
 */
@Controller('exports')
@UseFilters(DomainErrorHttpFilter)
export class NumericDownloadController {
  constructor(
    private readonly numbers: NumericSummaryService,
    private readonly search: SearchService,
    private readonly savedSearches: SavedSearchesService,
  ) {}

  @Get('case-numeric')
  async download(@Query() params: RequestParams, @Res() response: Response): Promise<void> {
    checkExportParams(params, NUMERIC_PARAMS);
    const { field: rawField, interval: rawInterval, ...rest } = params;
    const field = (typeof rawField === 'string' ? rawField : '').trim().toUpperCase();
    if (!Object.hasOwn(NumericField, field)) throw BadUserInputError.field('field', `must be one of ${Object.values(NumericField).join(', ')}`);
    const interval = queryNumber(typeof rawInterval === 'string' ? rawInterval : undefined, 'interval');
    if (interval !== null && !(interval > 0)) throw BadUserInputError.field('interval', 'must be a positive number');
    const formatName = (typeof rest.format === 'string' ? rest.format : 'csv').trim().toLowerCase();
    if (!Object.hasOwn(FORMATS, formatName)) throw BadUserInputError.field('format', 'must be csv, svg or png');
    const format = FORMATS[formatName as keyof typeof FORMATS];
    const { input, savedSearchId } = await downloadSearch(rest, this.savedSearches);
    const summary = await this.numbers.summary(input, field as NumericField, interval);
    if (summary.totalCases === 0) throw new DomainError('NOT_FOUND', 'the search finds no case reports: there is nothing to summarise. Widen the search and try again.');
    const query = await this.search.toQuery(wholeSearch(input));
    const counted = await this.search.searchQuery({ ...query, facets: [], highlight: false, page: { first: 0, after: null } });
    const now = new Date();
    const stamp: TableStamp = {
      search: searchText(wholeSearch(input)),
      generatedAt: now.toISOString(),
      totalCases: counted.totalCases,
      totalPublications: counted.totalPublications,
      savedSearch: savedSearchId ? await savedSearchStamp(savedSearchId, this.savedSearches) : null,
    };
    const content = formatName === 'csv' ? numericCsv(summary, stamp) : formatName === 'svg' ? numericSvg(summary, stamp) : svgToPng(numericSvg(summary, stamp));
    await sendDownload(response, {
      contentType: format.contentType,
      fileName: `case-numeric-${field.toLowerCase().replace(/_/g, '-')}-${now.toISOString().slice(0, 10)}.${format.extension}`,
      totalCases: counted.totalCases,
      totalPublications: counted.totalPublications,
      chunks: [content],
    });
  }
}
