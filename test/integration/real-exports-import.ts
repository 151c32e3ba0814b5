/**
 * Shared by the integration specs that import the real export files (test/fixtures/literature/real/): each
 * file imported in order into one review, checked stored without errors with the records read, created and
 * merged it should have, then every file imported again creating nothing.
 */
import type { ImportReport } from '../../src/literature/import/models/import-report.model';
import type { LiteratureHarness } from './literature-harness';

/** File, records in it, and how many of them are new when the files are imported in this order. */
export type RealExportFile = [file: string, records: number, created: number];

export function distinctPublications(files: RealExportFile[]): number {
  return files.reduce((sum, [, , created]) => sum + created, 0);
}

/** Imports the files in order; each must be stored without errors, reading and creating what the list says. */
export async function importRealExports(h: LiteratureHarness, files: RealExportFile[], review: string): Promise<Map<string, ImportReport>> {
  const reports = new Map<string, ImportReport>();
  for (const [file, records, created] of files) {
    const report = await h.importFixture(file, { review, extractCases: false });
    reports.set(file, report);
    expect({ file, ...report }).toMatchObject({ file, stored: true, errorCount: 0, recordsRead: records, created, merged: records - created });
  }
  return reports;
}

/** Imports the files again: every record merges, none is created. */
export async function expectReimportCreatesNothing(h: LiteratureHarness, files: RealExportFile[], review: string): Promise<void> {
  for (const [file, records] of files) {
    const report = await h.importFixture(file, { review, extractCases: false });
    expect({ file, ...report }).toMatchObject({ file, stored: true, errorCount: 0, created: 0, merged: records });
  }
}

/** The files whose import gave warnings. */
export function filesWithWarnings(reports: Map<string, ImportReport>): string[] {
  return [...reports].filter(([, report]) => report.warningCount > 0).map(([file]) => file);
}
