import { Inject, Optional } from '@nestjs/common';
import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { NotFoundError } from '../../common/errors/domain-error';
import { PRISMA_SCREENING, PrismaScreeningSource } from '../export/serialisers/prisma-flow';
import { RequireRole } from '../../auth/require-role.decorator';
import { PrincipalName } from '../../auth/principal-name.decorator';
import { ImportBatch } from './import-batch.entity';
import { ImportBatchesService } from './import-batches.service';
import { ImportService } from './import.service';
import { ImportPublicationsInput } from './inputs/import-publications.input';
import { ImportReport } from './models/import-report.model';
import { ImportSummary } from './models/import-summary.model';
import { PrismaIdentification } from './models/prisma-identification.model';

@Resolver()
export class ImportResolver {
  constructor(
    private readonly imports: ImportService,
    private readonly batches: ImportBatchesService,
    @Optional() @Inject(PRISMA_SCREENING) private readonly screening: PrismaScreeningSource | null = null,
  ) {}

  /**
   * A review named but unknown (misspelt) is NOT_FOUND, as prismaCounts, GET /exports/prisma and the CLI answer:
   * these numbers were all zeros, as if the review had no imports. A review saved without imports keeps its zeros.
   */
  private async knownReview<T extends { sources: unknown[] }>(review: string | null | undefined, result: T): Promise<T> {
    const name = review?.trim();
    if (name && !result.sources.length && this.screening && !(await this.screening.reviewExists(name))) throw new NotFoundError('Review', name);
    return result;
  }

  @RequireRole('curator')
  @Mutation(() => ImportReport, { description: 'Imports an export file posted as text (PubMed XML, MEDLINE, RIS, BibTeX, CSV), deduplicating against the database. Files: POST /imports.' })
  importPublications(@Args('input') input: ImportPublicationsInput, @PrincipalName() importedBy: string | null): Promise<ImportReport> {
    return this.imports.importText(input, importedBy);
  }

  @RequireRole('curator')
  @Query(() => [ImportBatch], { description: 'Imported files, oldest first; those of one review when it is named.' })
  importBatches(
    @Args('review', { type: () => String, nullable: true }) review?: string | null,
    @Args('includeRefused', { type: () => Boolean, defaultValue: false, description: 'Also the refused files (stored: false).' }) includeRefused = false,
  ): Promise<ImportBatch[]> {
    return this.batches.list(review, includeRefused);
  }

  @RequireRole('curator')
  @Query(() => ImportSummary, { description: 'Per source (the database named at import, else the format): files imported and refused, records read, imported, duplicates removed and failed. Every import when no review is named; NOT_FOUND for a review neither given at an import nor saved.' })
  async importSummary(@Args('review', { type: () => String, nullable: true }) review?: string | null): Promise<ImportSummary> {
    return this.knownReview(review, await this.batches.importSummary(review));
  }

  @Query(() => PrismaIdentification, { description: 'PRISMA identification numbers: records per imported file, duplicates removed, records remaining. Every import when no review is named; NOT_FOUND for a review neither given at an import nor saved.' })
  async prismaIdentification(@Args('review', { type: () => String, nullable: true }) review?: string | null): Promise<PrismaIdentification> {
    return this.knownReview(review, await this.batches.prismaIdentification(review));
  }
}
