import { DataSource } from 'typeorm';

/**
 * Facet value <-> integer code (table search_facet_code). Codes are insert-only, so a cached code is
 * valid forever and in every process; unknown values are looked up (and, when indexing, created).
 */
export class FacetCodeCache {
  private readonly codeOf = new Map<string, number>();
  private readonly valueOf = new Map<number, string>();

  constructor(private readonly dataSource: DataSource) {}

  /** Codes of these keys; with `create`, missing ones are added first. Keys still unknown are absent. */
  async codes(keys: Iterable<string>, create: boolean): Promise<Map<string, number>> {
    const missing = [...new Set(keys)].filter((key) => !this.codeOf.has(key));
    if (missing.length) {
      if (create) await this.dataSource.query('INSERT INTO search_facet_code (value) SELECT unnest($1::text[]) ON CONFLICT (value) DO NOTHING', [missing]);
      this.remember(await this.dataSource.query('SELECT code, value FROM search_facet_code WHERE value = ANY($1::text[])', [missing]));
    }
    return this.codeOf;
  }

  /** Values of these codes (loading any this process has not seen). */
  async values(codes: Iterable<number>): Promise<Map<number, string>> {
    const missing = [...new Set(codes)].filter((code) => !this.valueOf.has(code));
    if (missing.length) this.remember(await this.dataSource.query('SELECT code, value FROM search_facet_code WHERE code = ANY($1::int[])', [missing]));
    return this.valueOf;
  }

  private remember(rows: { code: number; value: string }[]): void {
    for (const row of rows) {
      this.codeOf.set(row.value, Number(row.code));
      this.valueOf.set(Number(row.code), row.value);
    }
  }
}
