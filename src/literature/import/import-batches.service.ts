import { Injectable } from '@nestjs/common';
import { ImportBatch } from './import-batch.entity';
import { ImportBatchesRepository } from './import-batches.repository';
import { ImportFormatName } from './import-format.enum';
import { ImportService } from './import.service';
import { PrismaIdentification } from './models/prisma-identification.model';
import { ImportSourceSummary, ImportSummary } from './models/import-summary.model';

/** Pure: the batches of a review (refused ones included) added up per source, in the order each source first appears. */
export function summariseBatches(review: string | null, batches: readonly Pick<ImportBatch, 'database' | 'format' | 'stored' | 'recordsRead' | 'created' | 'merged' | 'skipped'>[]): ImportSummary {
  const empty = (source: string): ImportSourceSummary => ({ source, filesImported: 0, filesRefused: 0, recordsRead: 0, recordsImported: 0, duplicatesRemoved: 0, failed: 0 });
  const bySource = new Map<string, ImportSourceSummary>();
  const total = empty('total');
  for (const batch of batches) {
    const name = batch.database ?? `format: ${batch.format}`;
    const key = name.toLowerCase();
    const summary = bySource.get(key) ?? empty(name);
    bySource.set(key, summary);
    for (const target of [summary, total]) {
      if (batch.stored) target.filesImported += 1;
      else target.filesRefused += 1;
      target.recordsRead += batch.recordsRead;
      target.recordsImported += batch.created + batch.merged;
      target.duplicatesRemoved += batch.merged;
      target.failed += batch.skipped;
    }
  }
  return { review, sources: [...bySource.values()], total };
}

/** Reading the import history: batches and the PRISMA identification numbers. */
@Injectable()
export class ImportBatchesService {
  constructor(private readonly batches: ImportBatchesRepository) {}

  list(review: string | null | undefined, includeRefused = false): Promise<ImportBatch[]> {
    return this.batches.list(ImportService.reviewName(review), includeRefused);
  }

  async importSummary(rawReview: string | null | undefined): Promise<ImportSummary> {
    const review = ImportService.reviewName(rawReview);
    return summariseBatches(review, await this.batches.list(review, true));
  }

  async prismaIdentification(rawReview: string | null | undefined): Promise<PrismaIdentification> {
    const review = ImportService.reviewName(rawReview);
    const [batches, distinct] = [await this.batches.list(review, true), await this.batches.distinctPublicationCounts(review)];
    const sources = batches.map((batch) => ({
      batchId: batch.id,
      source: batch.source,
      format: batch.format as ImportFormatName,
      database: batch.database,
      stored: batch.stored,
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
      duplicatesRemoved: identified - distinct.imported,
      recordsDeleted: distinct.imported - distinct.stored,
      recordsRemaining: distinct.stored,
      recordsNotImported: sources.reduce((sum, source) => sum + source.skipped, 0),
    };
  }
}
