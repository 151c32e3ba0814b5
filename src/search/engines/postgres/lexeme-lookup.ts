import { DataSource } from 'typeorm';
import { TS_CONFIG } from './postgres-query.builder';
import { parseTsvector } from './tsquery';

/** Words remembered before the cache starts over (a word and its lexemes take ~100 bytes). */
const CACHE_LIMIT = 200_000;

/**
 * The lexemes PostgreSQL's text configuration gives each word (none for a stop word), asked once per
 * word and remembered: headlines mark words by these, so a page of hits usually needs no query.
 */
export class LexemeLookup {
  private readonly cache = new Map<string, string[]>();

  constructor(private readonly dataSource: DataSource) {}

  async lexemesOf(words: Iterable<string>): Promise<Map<string, string[]>> {
    const missing = [...new Set(words)].filter((word) => !this.cache.has(word));
    if (missing.length) {
      if (this.cache.size + missing.length > CACHE_LIMIT) this.cache.clear();
      const rows = (await this.dataSource.query(`SELECT w, to_tsvector('${TS_CONFIG}', w)::text AS v FROM unnest($1::text[]) AS w`, [missing])) as { w: string; v: string }[];
      for (const row of rows) this.cache.set(row.w, parseTsvector(row.v).map((entry) => entry.lexeme));
    }
    return this.cache;
  }
}
