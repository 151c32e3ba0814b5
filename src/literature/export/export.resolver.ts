import { Args, Query, Resolver } from '@nestjs/graphql';
import { SearchCaseReportsInput } from '../../search/inputs/search-case-reports.input';
import { ExportFormat } from './export-format.enum';
import { SearchPublicationsInput } from '../../search/publications/search-publications.input';
import { ExportService } from './export.service';
import { ExportResult } from './models/export-result.model';

@Resolver()
export class ExportResolver {
  constructor(private readonly exports: ExportService) {}

  @Query(() => ExportResult, { description: 'Exports the case reports a search finds (paging ignored), for small sets: more cases than the limit is a BAD_USER_INPUT error pointing to GET /exports.' })
  exportCaseReports(@Args('input') input: SearchCaseReportsInput, @Args('format', { type: () => ExportFormat }) format: ExportFormat): Promise<ExportResult> {
    return this.exports.exportWhole(input, format);
  }

  @Query(() => ExportResult, { description: 'Exports the publications a publication search finds (paging ignored), case reports or not, for small sets; larger ones: GET /exports?scope=publications.' })
  exportPublications(@Args('input', { type: () => SearchPublicationsInput, nullable: true }) input: SearchPublicationsInput | null, @Args('format', { type: () => ExportFormat }) format: ExportFormat): Promise<ExportResult> {
    return this.exports.exportPublicationsWhole(input ?? {}, format);
  }
}
