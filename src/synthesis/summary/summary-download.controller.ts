import { Controller, Get, Query, Res, UseFilters } from '@nestjs/common';
import type { Response } from 'express';
import { BadUserInputError, DomainError } from '../../common/errors/domain-error';
import { DomainErrorHttpFilter } from '../../literature/common/domain-error-http.filter';
import { checkExportParams } from '../../literature/export/export-params.check';
import { RequestParams } from '../../literature/export/export-request';
import { SavedSearchesService } from '../../literature/saved-searches/saved-searches.service';
import { FacetName, isFacetName } from '../../search/query/facet-registry';
import { TableStamp } from '../case-table/case-table-writers';
import { svgToPng } from '../../common/svg-to-png';
import { CaseSummary } from '../models/case-summary.model';
import { DOWNLOAD_SEARCH_PARAMS, downloadSearch, savedSearchStamp, searchText } from '../download-request';
import { sendDownload } from '../send-download';
import { wholeSearch } from '../synthesis-search';
import { CaseSummaryService } from './case-summary.service';
import { summaryCsv, summaryMarkdown, summarySvg } from './summary-writers';

const SUMMARY_PARAMS: ReadonlySet<string> = new Set<string>(['facet', ...DOWNLOAD_SEARCH_PARAMS]);
const FORMATS = {
  csv: { contentType: 'text/csv; charset=utf-8', extension: 'csv', write: summaryCsv },
  markdown: { contentType: 'text/markdown; charset=utf-8', extension: 'md', write: summaryMarkdown },
  svg: { contentType: 'image/svg+xml; charset=utf-8', extension: 'svg', write: summarySvg },
  png: { contentType: 'image/png', extension: 'png', write: (summary: CaseSummary, stamp: TableStamp) => svgToPng(summarySvg(summary, stamp)) },
} as const;

/**
 * GET /exports/case-summary?facet=OUTCOME&format=csv|markdown|svg|png&{the search as GET /exports takes
 * it}: caseSummary as a file (the SVG and PNG a bar chart with 95% intervals), stamped like the case table.
 */
@Controller('exports')
@UseFilters(DomainErrorHttpFilter)
export class SummaryDownloadController {
  constructor(
    private readonly summaries: CaseSummaryService,
    private readonly savedSearches: SavedSearchesService,
  ) {}

  @Get('case-summary')
  async download(@Query() params: RequestParams, @Res() response: Response): Promise<void> {
    checkExportParams(params, SUMMARY_PARAMS);
    const { facet: rawFacet, ...rest } = params;
    const facetName = typeof rawFacet === 'string' ? rawFacet.trim().toUpperCase() : 'OUTCOME';
    if (!isFacetName(facetName)) throw BadUserInputError.field('facet', `must be one of ${Object.values(FacetName).join(', ')}`);
    const formatName = (typeof rest.format === 'string' ? rest.format : 'csv').trim().toLowerCase().replace(/^md$/, 'markdown');
    if (!Object.hasOwn(FORMATS, formatName)) throw BadUserInputError.field('format', 'must be csv, markdown, svg or png');
    const format = FORMATS[formatName as keyof typeof FORMATS];
    const { input, savedSearchId } = await downloadSearch(rest, this.savedSearches);
    const summary = await this.summaries.summary(input, facetName);
    if (summary.totalCases === 0) throw new DomainError('NOT_FOUND', 'the search finds no case reports: there is nothing to summarise. Widen the search and try again.');
    const now = new Date();
    const stamp: TableStamp = {
      search: searchText(wholeSearch(input)),
      generatedAt: now.toISOString(),
      totalCases: summary.totalCases,
      totalPublications: summary.totalPublications,
      savedSearch: savedSearchId ? await savedSearchStamp(savedSearchId, this.savedSearches) : null,
    };
    const content = format.write(summary, stamp);
    await sendDownload(response, {
      contentType: format.contentType,
      fileName: `case-summary-${facetName.toLowerCase().replace(/_/g, '-')}-${now.toISOString().slice(0, 10)}.${format.extension}`,
      totalCases: summary.totalCases,
      totalPublications: summary.totalPublications,
      chunks: [content],
    });
  }
}
