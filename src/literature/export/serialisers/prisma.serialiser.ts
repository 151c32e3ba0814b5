import { stringify } from 'csv-stringify/sync';
import type { PrismaIdentification } from '../../import/models/prisma-identification.model';

/** The PRISMA 2020 identification box as CSV: one row per source file, then the totals. */
export function prismaToCsv(prisma: PrismaIdentification): string {
  const review = prisma.review ?? '(all imports)';
  const rows: (string | number)[][] = [['review', 'stage', 'source', 'format', 'imported_at', 'records']];
  for (const source of prisma.sources) rows.push([review, 'records identified', source.source, source.format, source.importedAt.toISOString(), source.recordsImported]);
  rows.push([review, 'records identified (total)', '', '', '', prisma.recordsIdentified]);
  rows.push([review, 'duplicate records removed', '', '', '', prisma.duplicatesRemoved]);
  rows.push([review, 'records remaining (screened)', '', '', '', prisma.recordsRemaining]);
  rows.push([review, 'records not imported (errors)', '', '', '', prisma.recordsNotImported]);
  return stringify(rows);
}
