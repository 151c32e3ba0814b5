import { summariseBatches } from './import-batches.service';

const batch = (fields: Partial<Parameters<typeof summariseBatches>[1][number]>) => ({ database: null, format: 'ris', stored: true, recordsRead: 0, created: 0, merged: 0, skipped: 0, ...fields });

describe('summariseBatches', () => {
  it('adds up per database named (case-insensitively, first spelling kept), else per format, refused files apart', () => {
    const summary = summariseBatches('r', [
      batch({ database: 'Scopus', format: 'csv', recordsRead: 10, created: 10 }),
      batch({ database: 'scopus', format: 'csv', recordsRead: 5, created: 1, merged: 3, skipped: 1 }),
      batch({ format: 'medline', recordsRead: 4, created: 2, merged: 2 }),
      batch({ database: 'Scopus', format: 'csv', stored: false, recordsRead: 6, skipped: 6 }),
    ]);
    expect(summary.sources).toEqual([
      { source: 'Scopus', filesImported: 2, filesRefused: 1, recordsRead: 21, recordsImported: 14, duplicatesRemoved: 3, failed: 7 },
      { source: 'format: medline', filesImported: 1, filesRefused: 0, recordsRead: 4, recordsImported: 4, duplicatesRemoved: 2, failed: 0 },
    ]);
    expect(summary.total).toEqual({ source: 'total', filesImported: 3, filesRefused: 1, recordsRead: 25, recordsImported: 18, duplicatesRemoved: 5, failed: 7 });
  });

  it('no imports: no sources, zero totals', () => {
    expect(summariseBatches(null, [])).toEqual({ review: null, sources: [], total: expect.objectContaining({ filesImported: 0, failed: 0 }) });
  });
});
