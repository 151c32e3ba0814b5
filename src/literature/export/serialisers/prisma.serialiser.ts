import { stringify } from 'csv-stringify/sync';
import type { PrismaIdentification } from '../../import/models/prisma-identification.model';
import { NOT_SCREENED } from './prisma-flow';

/** The PRISMA 2020 numbers as CSV: one row per source file, the totals, then the screening stages (unavailable until screening is recorded). */
export function prismaToCsv(prisma: PrismaIdentification): string {
  const review = prisma.review ?? '(all imports)';
  const rows: (string | number)[][] = [['review', 'stage', 'source', 'format', 'imported_at', 'records']];
  for (const source of prisma.sources) rows.push([review, 'records identified', source.source, source.format, source.importedAt.toISOString(), source.recordsImported]);
  rows.push([review, 'records identified (total)', '', '', '', prisma.recordsIdentified]);
  rows.push([review, 'duplicate records removed', '', '', '', prisma.duplicatesRemoved]);
  rows.push([review, 'records remaining (screened)', '', '', '', prisma.recordsRemaining]);
  rows.push([review, 'records not imported (errors)', '', '', '', prisma.recordsNotImported]);
  // Screening decisions are not recorded yet: those stages are listed, their numbers left empty and said to be unavailable.
  for (const stage of ['records excluded', 'reports sought for retrieval', 'reports not retrieved', 'reports assessed for eligibility', 'reports excluded (with reasons)', 'studies included in review', 'reports of included studies']) {
    rows.push([review, `${stage} (${NOT_SCREENED})`, '', '', '', '']);
  }
  return stringify(rows);
}
