import { stringify } from 'csv-stringify/sync';
import type { ImportSummary } from '../../import/models/import-summary.model';
import type { PrismaIdentification } from '../../import/models/prisma-identification.model';
import { NOT_SCREENED, PrismaScreeningNumbers } from './prisma-flow';
import { spreadsheetSafe } from '../../../common/spreadsheet-cell';

/** Review names, file names and exclusion reasons are the curators' text: a cell starting with "=" must not run in a spreadsheet. */
const SAFE = { cast: { string: spreadsheetSafe } };

/** The PRISMA 2020 numbers as CSV: one row per source file, the totals, then the screening stages (unavailable until screening is recorded). */
export function prismaToCsv(prisma: PrismaIdentification, screening: PrismaScreeningNumbers | null = null): string {
  const review = prisma.review ?? '(all imports)';
  const rows: (string | number)[][] = [['review', 'stage', 'source', 'format', 'imported_at', 'records']];
  for (const source of prisma.sources) {
    if (source.stored) rows.push([review, 'records identified', source.source, source.format, source.importedAt.toISOString(), source.recordsImported]);
    else rows.push([review, 'file refused (records not imported)', source.source, source.format, source.importedAt.toISOString(), source.recordsRead]);
  }
  rows.push([review, 'records identified (total)', '', '', '', prisma.recordsIdentified]);
  rows.push([review, 'duplicate records removed', '', '', '', prisma.duplicatesRemoved]);
  rows.push([review, 'records deleted by a curator (removed before screening)', '', '', '', prisma.recordsDeleted]);
  rows.push([review, 'records remaining (screened)', '', '', '', prisma.recordsRemaining]);
  rows.push([review, 'records not imported (errors/refused files)', '', '', '', prisma.recordsNotImported]);
  if (screening) {
    const stages: [string, number][] = [
      ['records screened (final decision)', screening.recordsScreened],
      ['records awaiting a decision (undecided or reviewers disagree)', screening.recordsAwaitingScreening + screening.recordsInConflict],
      ['records excluded', screening.recordsExcluded],
      ...screening.exclusionReasons.map((reason): [string, number] => [`records excluded: ${reason.label}`, reason.count]),
      ['reports sought for retrieval', screening.reportsSought],
      ['reports not retrieved', 0],
      ['reports assessed for eligibility', screening.reportsAssessed],
      ['reports excluded (with reasons)', screening.reportsExcluded],
      ['reports awaiting full-text decision (maybe)', screening.reportsUndecided],
      ['studies included in review', screening.studiesIncluded],
      ['reports of included studies', screening.studiesIncluded],
      ['cases (patients) in included studies', screening.casesIncluded],
    ];
    for (const [stage, count] of stages) rows.push([review, stage, '', '', '', count]);
    return stringify(rows, SAFE);
  }
  // No screening decision is recorded yet: those stages are listed, their numbers left empty and said to be unavailable.
  for (const stage of ['records excluded', 'reports sought for retrieval', 'reports not retrieved', 'reports assessed for eligibility', 'reports excluded (with reasons)', 'studies included in review', 'reports of included studies']) {
    rows.push([review, `${stage} (${NOT_SCREENED})`, '', '', '', '']);
  }
  return stringify(rows, SAFE);
}

/** Import counts per source (database named at import, else format), then the total. */
export function importSummaryToCsv(summary: ImportSummary): string {
  const review = summary.review ?? '(all imports)';
  const rows: (string | number)[][] = [['review', 'source', 'files_imported', 'files_refused', 'records_read', 'records_imported', 'duplicates_removed', 'failed']];
  for (const source of [...summary.sources, summary.total]) {
    rows.push([review, source.source, source.filesImported, source.filesRefused, source.recordsRead, source.recordsImported, source.duplicatesRemoved, source.failed]);
  }
  return stringify(rows, SAFE);
}
