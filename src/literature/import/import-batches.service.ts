import { Injectable } from '@nestjs/common';
import { ImportBatch } from './import-batch.entity';
import { ImportBatchesRepository } from './import-batches.repository';
import { ImportFormatName } from './import-format.enum';
import { ImportService } from './import.service';
import { PrismaIdentification } from './models/prisma-identification.model';

/** Reading the import history: batches and the PRISMA identification numbers. */
@Injectable()
export class ImportBatchesService {
  constructor(private readonly batches: ImportBatchesRepository) {}

  list(review: string | null | undefined): Promise<ImportBatch[]> {
    return this.batches.list(ImportService.reviewName(review));
  }

  async prismaIdentification(rawReview: string | null | undefined): Promise<PrismaIdentification> {
    const review = ImportService.reviewName(rawReview);
    const [batches, remaining] = [await this.batches.list(review), await this.batches.distinctPublicationCount(review)];
    const sources = batches.map((batch) => ({
      batchId: batch.id,
      source: batch.source,
      format: batch.format as ImportFormatName,
      importedAt: batch.createdAt,
      recordsRead: batch.recordsRead,
      recordsImported: batch.created + batch.merged,
      created: batch.created,
      merged: batch.merged,
      skipped: batch.skipped,
    }));
    const identified = sources.reduce((sum, source) => sum + source.recordsImported, 0);
    return {
      review,
      sources,
      recordsIdentified: identified,
      duplicatesRemoved: identified - remaining,
      recordsRemaining: remaining,
      recordsNotImported: sources.reduce((sum, source) => sum + source.skipped, 0),
    };
  }
}
