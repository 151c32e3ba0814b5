import { Injectable } from '@nestjs/common';
import type { ImportReport } from '../literature/import/models/import-report.model';
import { Metrics } from './metrics';

/** What imports did, counted from their reports (every entry point goes through ImportService.import). */
@Injectable()
export class ImportMetrics {
  constructor(private readonly metrics: Metrics) {}

  finished(report: Pick<ImportReport, 'stored' | 'created' | 'merged' | 'skipped'>): void {
    this.metrics.importBatches.inc({ outcome: report.stored ? 'stored' : 'rejected' });
    this.metrics.importRecords.inc({ result: 'created' }, report.created);
    this.metrics.importRecords.inc({ result: 'merged' }, report.merged);
    this.metrics.importRecords.inc({ result: 'skipped' }, report.skipped);
  }

  /** Refused before or while reading (too large, no records, the database down). */
  failed(): void {
    this.metrics.importBatches.inc({ outcome: 'failed' });
  }
}
