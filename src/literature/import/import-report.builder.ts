import { ExtractionRun } from '../../extraction/models/extraction-run.model';
import { ImportFormatError } from '../parsed-publication';
import type { ImportFormat, ParsedRecord } from '../parsed-publication';
import { DuplicateKey } from './duplicate-key.enum';
import type { ImportErrorEntry } from './import-batch.entity';
import { ImportFormatName } from './import-format.enum';
import { ImportMode } from './import-mode.enum';
import type { RecordProblem } from './import-record';
import { ImportConflict } from './models/import-conflict.model';
import { ImportIssue } from './models/import-issue.model';
import { ImportMerge } from './models/import-merge.model';
import { ImportReport, REPORT_LIST_LIMIT } from './models/import-report.model';

function push<T>(list: T[], item: T): void {
  if (list.length < REPORT_LIST_LIMIT) list.push(item);
}

/** "record 12 (line 340), field PY": where a problem of a record is, at the start of its message. */
function whereIn(record: Pick<ParsedRecord, 'recordNumber' | 'line'>, field: string | null | undefined): string {
  return `record ${record.recordNumber}${record.line !== null && record.line !== undefined ? ` (line ${record.line})` : ''}${field ? `, field ${field}` : ''}`;
}

/** Collects an import's outcome; lists are capped (REPORT_LIST_LIMIT) so a huge file keeps a small report. */
export class ImportReportBuilder {
  format: ImportFormat | null = null;
  batchId: string | null = null;
  extraction: ExtractionRun | null = null;
  private recordsRead = 0;
  private created = 0;
  private merged = 0;
  private skipped = 0;
  private errorCount = 0;
  private warningCount = 0;
  private conflictCount = 0;
  private readToEnd = true;
  private stored = true;
  private readonly errors: ImportIssue[] = [];
  private readonly warnings: ImportIssue[] = [];
  private readonly merges: ImportMerge[] = [];
  private readonly conflicts: ImportConflict[] = [];
  private readonly createdIds: string[] = [];

  constructor(private readonly header: { source: string; review: string | null; mode: ImportMode }) {}

  /** Not a single record could be read. */
  get unreadable(): boolean {
    return this.recordsRead === 0;
  }

  get hasErrors(): boolean {
    return this.errorCount > 0;
  }

  /** Errors found so far (every one counted, though the list is capped). */
  get errorTotal(): number {
    return this.errorCount;
  }

  private error(issue: ImportIssue): void {
    this.errorCount += 1;
    push(this.errors, issue);
  }

  read(): void {
    this.recordsRead += 1;
  }

  /** A record the parser could not read but skipped past (counted as read and skipped). */
  unreadableRecord(error: ImportFormatError): void {
    this.recordsRead += 1;
    this.skipped += 1;
    this.error({ recordNumber: error.recordNumber, line: error.line, field: error.field, message: error.message });
  }

  /** The parser could not go on: nothing after this point was read. */
  stoppedReading(error: ImportFormatError): void {
    this.readToEnd = false;
    const rest = this.recordsRead > 0 || error.recordNumber !== null ? ' Reading stopped here: the records from this point on were not read.' : '';
    // Always listed, even past the list's cap: it says why the rest of the file was not read.
    this.errorCount += 1;
    this.errors.push({ recordNumber: error.recordNumber, line: error.line, field: error.field, message: `${error.message}${rest}` });
  }

  /** A record read but refused (no title, a value validation refuses): each problem says where on its own, as a warning does. */
  invalidRecord(record: Pick<ParsedRecord, 'recordNumber' | 'line'>, problems: RecordProblem[]): void {
    this.skipped += 1;
    for (const problem of problems) this.error({ recordNumber: record.recordNumber, line: record.line, field: problem.field, message: `${whereIn(record, problem.field)}: ${problem.message}` });
  }

  /**
   * A value of a stored record left out or changed. The message says where on its own ("record 12 (line 340),
   * field PY: …"), as a researcher reading the list of a 3,000-record file needs; the line is the value's own
   * when the parser knows it, else the record's.
   */
  warning(record: Pick<ParsedRecord, 'recordNumber' | 'line'>, problem: RecordProblem & { line?: number | null }): void {
    this.warningCount += 1;
    if (this.warnings.length >= REPORT_LIST_LIMIT) return;
    const line = problem.line ?? record.line;
    this.warnings.push({ recordNumber: record.recordNumber, line, field: problem.field, message: `${whereIn({ recordNumber: record.recordNumber, line }, problem.field)}: ${problem.message}` });
  }

  createdPublication(publicationId: string): void {
    this.created += 1;
    push(this.createdIds, publicationId);
  }

  mergedRecord(record: ParsedRecord, merge: Omit<ImportMerge, 'recordNumber' | 'line'>, conflicts: { field: string; kept: string | null; offered: string; note?: string }[]): void {
    this.merged += 1;
    push(this.merges, { recordNumber: record.recordNumber, line: record.line, ...merge });
    for (const conflict of conflicts) {
      this.conflictCount += 1;
      push(this.conflicts, { recordNumber: record.recordNumber, publicationId: merge.publicationId, field: conflict.field, kept: conflict.kept, offered: conflict.offered, note: conflict.note ?? null });
    }
  }

  /** An ATOMIC import with errors: everything was rolled back. */
  rolledBack(): void {
    this.stored = false;
    this.batchId = null;
    this.created = 0;
    this.merged = 0;
    this.skipped = this.recordsRead;
    this.merges.length = 0;
    this.conflicts.length = 0;
    this.conflictCount = 0;
    this.createdIds.length = 0;
    this.extraction = null;
  }

  /** Adds what extraction proposed for one chunk. */
  extracted(run: ExtractionRun): void {
    if (!this.extraction) {
      this.extraction = { ...run };
      return;
    }
    for (const key of ['publications', 'proposedCases', 'replacedCases', 'skippedCurated', 'withoutPatients', 'droppedFacts'] as const) this.extraction[key] += run[key];
  }

  totals(): { recordsRead: number; created: number; merged: number; skipped: number; errors: ImportErrorEntry[] } {
    return { recordsRead: this.recordsRead, created: this.created, merged: this.merged, skipped: this.skipped, errors: this.errors.map((error) => ({ ...error })) };
  }

  build(): ImportReport {
    return {
      batchId: this.batchId,
      source: this.header.source,
      format: this.format as ImportFormatName | null,
      review: this.header.review,
      mode: this.header.mode,
      stored: this.stored,
      readToEnd: this.readToEnd,
      recordsRead: this.recordsRead,
      created: this.created,
      merged: this.merged,
      skipped: this.skipped,
      errorCount: this.errorCount,
      errors: this.errors,
      warningCount: this.warningCount,
      warnings: this.warnings,
      merges: this.merges,
      conflictCount: this.conflictCount,
      conflicts: this.conflicts,
      createdPublicationIds: this.createdIds,
      extraction: this.extraction,
    };
  }
}

export { DuplicateKey };
