import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Controller, Get, Head, Inject, Optional, Query, Res, UseFilters } from '@nestjs/common';
import type { Response } from 'express';
import { BadUserInputError, DomainError } from '../../common/errors/domain-error';
import { DomainErrorHttpFilter } from '../common/domain-error-http.filter';
import { ImportBatchesService } from '../import/import-batches.service';
import { SearchCaseReportsInput } from '../../search/inputs/search-case-reports.input';
import { SavedSearchesService } from '../saved-searches/saved-searches.service';
import { EXPORT_FORMATS } from './export-format.enum';
import { checkExportParams, DOWNLOAD_PARAMS, DOWNLOAD_VALUES, PRISMA_PARAMS, PRISMA_VALUES, PUBLICATION_DOWNLOAD_PARAMS, PUBLICATION_DOWNLOAD_VALUES } from './export-params.check';
import { exportFormatParam, renameParamErrors, RequestParams, searchInputFromParams, searchParamsGiven } from './export-request';
import { ExportService, OpenExport } from './export.service';
import { PUBLICATION_RANGES, publicationSearchInputFromParams } from './publication-export-request';
import { prismaFile } from './serialisers/prisma-file';
import { PRISMA_SCREENING, PrismaScreeningSource } from './serialisers/prisma-flow';
import { isRecordId } from '../../common/record-id';


/**
 * GET /exports?format=csv|ris|bibtex|csl-json|jsonl&q={searchCaseReports input as JSON}
 * (or the search as individual parameters: text, sort, complications, outcomes, yearMin, ...; or
 * savedSearch=<id>):
 * the whole result, streamed as a download. Open like the search itself.
 * GET /exports?scope=publications&format=…&q={searchPublications input} (or text, yearMin, reviews,
 * meshDescriptors, caseStatuses, …): the publications a publication search finds, case reports or not.
 * A search that finds nothing answers 404 with the reason, never an empty file.
 * GET /exports/prisma?review=NAME&format=csv|json|svg|png: the PRISMA 2020 numbers, or its flow diagram.
 * HEAD /exports: 204 with X-Export-Formats (nothing is searched).
 */
@Controller('exports')
@UseFilters(DomainErrorHttpFilter)
export class ExportController {
  constructor(
    private readonly exports: ExportService,
    private readonly batches: ImportBatchesService,
    private readonly savedSearches: SavedSearchesService,
    /** The review module's screening numbers (absent in a context without it: the diagram then shows identification only). */
    @Optional() @Inject(PRISMA_SCREENING) private readonly screening: PrismaScreeningSource | null = null,
  ) {}

  /** A cheap check that exports exist (the search page asks before showing its export buttons): 204 and the formats. */
  @Head()
  available(@Res() response: Response): void {
    response.setHeader('X-Export-Formats', EXPORT_FORMATS.join(', '));
    response.status(204).end();
  }

  @Get()
  async download(@Query() query: RequestParams, @Res() response: Response): Promise<void> {
    // scope is read trimmed and in any case (`Publications`), as format is.
    const params = typeof query.scope === 'string' ? { ...query, scope: query.scope.trim().toLowerCase() || query.scope } : query;
    const publications = params.scope === 'publications';
    checkExportParams(params, publications ? PUBLICATION_DOWNLOAD_PARAMS : DOWNLOAD_PARAMS, publications ? PUBLICATION_DOWNLOAD_VALUES : DOWNLOAD_VALUES);
    const format = exportFormatParam(typeof params.format === 'string' ? params.format : undefined);
    const scope = params.scope ?? 'cases';
    if (scope !== 'cases' && scope !== 'publications') throw BadUserInputError.field('scope', 'must be cases (the default) or publications, given once');
    const { scope: _scope, ...rest } = params;
    let opened: OpenExport;
    try {
      if (scope === 'publications') {
        if (rest.savedSearch !== undefined) throw BadUserInputError.field('savedSearch', 'saved searches are case searches: drop scope=publications');
        opened = await this.exports.openPublications(publicationSearchInputFromParams(withoutFormat(rest)), format, { path: rest.q ? 'q' : 'params' });
      } else {
        opened = await this.exports.open(await this.searchOf(rest), format, { path: rest.savedSearch ? 'savedSearch' : rest.q ? 'q' : 'params' });
      }
    } catch (error) {
      // The search's own checks (an unknown term, min over max) name the parameters as written: outcomes, yearMin.
      throw renameParamErrors(error, scope === 'publications' ? PUBLICATION_RANGES : undefined);
    }
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

  /** The search: a saved search (savedSearch=<id>), q, or individual parameters. */
  private async searchOf(params: RequestParams): Promise<SearchCaseReportsInput> {
    const savedSearch = typeof params.savedSearch === 'string' ? params.savedSearch.trim() : params.savedSearch;
    if (savedSearch === undefined) return searchInputFromParams(params);
    if (!isRecordId(savedSearch)) throw BadUserInputError.field('savedSearch', 'must be the id of a saved search');
    const others = searchParamsGiven(params);
    if (others.length) throw BadUserInputError.field('savedSearch', `give either a saved search or the search itself, not both (also given: ${others.join(', ')})`);
    return (await this.savedSearches.get(savedSearch)).query as SearchCaseReportsInput;
  }

  @Get('prisma')
  async prisma(@Query() params: RequestParams, @Res() response: Response): Promise<void> {
    checkExportParams(params, PRISMA_PARAMS, PRISMA_VALUES);
    const review = params.review;
    if (Array.isArray(review)) throw BadUserInputError.field('review', 'give it once');
    const format = typeof params.format === 'string' ? params.format.trim().toLowerCase() : 'csv';
    if (format !== 'csv' && format !== 'json' && format !== 'svg' && format !== 'png') throw BadUserInputError.field('format', 'must be csv, json, svg or png');
    const prisma = await this.batches.prismaIdentification(review);
    // A misspelt review would draw a diagram of zeros without a word (prismaCounts answers NOT_FOUND too).
    if (prisma.review && !prisma.sources.length && !(await this.screening?.reviewExists(prisma.review))) throw new DomainError('NOT_FOUND', `review: there is no review named "${prisma.review}" (neither given at an import nor saved)`, { entity: 'Review', id: prisma.review, path: 'review' });
    const reviewPart = prisma.review ? `-${prisma.review.replace(/[^\w.-]+/g, '_').slice(0, 60)}` : '';
    const name = `${format === 'svg' || format === 'png' ? 'prisma-flow' : 'prisma-identification'}${reviewPart}.${format}`;
    const screening = prisma.review && this.screening ? await this.screening.screeningNumbers(prisma.review) : null;
    const rendered = prismaFile(prisma, format, new Date(), screening);
    response.setHeader('Content-Disposition', `attachment; filename="${name}"`);
    response.type(rendered.contentType).send(rendered.body);
  }
}

function withoutFormat(params: RequestParams): RequestParams {
  const { format: _format, ...rest } = params;
  return rest;
}
