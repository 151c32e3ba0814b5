/**
 * When a long import should refresh the planner's statistics of the publication table.
 *
 * Inside the import's one transaction PostgreSQL has no statistics for the rows it inserted, so the
 * chunk's duplicate lookup (`= ANY` of 250 keys on four columns) is estimated with default selectivities,
 * found to match most of the table, and answered by a sequential scan: a cost per chunk that grows with
 * the file (bench/README.md, CSV and RIS imports). ANALYZE inside the transaction sees its own rows.
 * Refreshing each time the rows inserted have doubled keeps the number of ANALYZE runs logarithmic in
 * the file (about 6 for 100,000 records) while the estimates stay within a factor of two.
 */
export class StatisticsRefresh {
  private next: number;

  constructor(private readonly firstAfter = 2_000) {
    this.next = firstAfter;
  }

  /** True when, with `inserted` rows inserted so far, the statistics should be refreshed now. */
  due(inserted: number): boolean {
    if (inserted < this.next) return false;
    this.next = Math.max(inserted * 2, this.firstAfter);
    return true;
  }
}
