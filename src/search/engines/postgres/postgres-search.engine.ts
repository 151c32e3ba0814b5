import { Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { SearchDocument } from '../../indexing/search-document';
import { facetDefinition, FacetName } from '../../query/facet-registry';
import { markedSnippets } from '../../query/highlight';
import { SearchQuery } from '../../query/search-query';
import { EngineFacetResult, EngineHit, EngineSearchResult, HIGHLIGHT_FIELDS, HighlightResult } from '../../query/search-result';
import { IndexBuild, SearchEngine } from '../../search-engine.port';
import { buildPostgresSearch, CountRow, HitRow, TS_CONFIG } from './postgres-query.builder';

export const LIVE_TABLE = 'search_case_document';
const BUILD_TABLE = `${LIVE_TABLE}_next`;
const UPSERT_CHUNK = 500;

/** Columns written from a document, in order, with their types for jsonb_to_recordset. */
const COLUMNS: [string, string][] = [
  ['case_report_id', 'uuid'],
  ['publication_id', 'uuid'],
  ['year', 'int'],
  ['age_years', 'float8'],
  ['age_group', 'text'],
  ['sex', 'text'],
  ['pregnancy_status', 'text'],
  ['anticoagulation', 'text'],
  ['outcome', 'text'],
  ['has_known_outcome', 'boolean'],
  ['complication_ids', 'text[]'],
  ['procedure_ids', 'text[]'],
  ['treatment_ids', 'text[]'],
  ['symptom_ids', 'text[]'],
  ['publication_types', 'text[]'],
  ['blood_patch_volumes_ml', 'float8[]'],
  ['onset_hours', 'float8[]'],
  ['title', 'text'],
  ['abstract', 'text'],
  ['summary', 'text'],
  ['details', 'text'],
  ['loaded_at', 'timestamptz'],
];
const TEXT_ONLY: [string, string][] = [
  ['term_text', 'text'],
  ['ancestor_text', 'text'],
  ['other_text', 'text'],
];

/** Weighted text: A title and term labels/synonyms, B narrative and details, C ancestor terms and abstract, D the rest. */
const VECTOR_SQL = [
  ['x.title', 'A'],
  ['x.term_text', 'A'],
  ['x.summary', 'B'],
  ['x.details', 'B'],
  ['x.ancestor_text', 'C'],
  ["coalesce(x.abstract, '')", 'C'],
  ['x.other_text', 'D'],
]
  .map(([text, weight]) => `setweight(to_tsvector('${TS_CONFIG}', ${text}), '${weight}')`)
  .join(' || ');

function rowOf(doc: SearchDocument): Record<string, unknown> {
  return {
    case_report_id: doc.caseReportId,
    publication_id: doc.publicationId,
    year: doc.year,
    age_years: doc.ageYears,
    age_group: doc.ageGroup,
    sex: doc.sex,
    pregnancy_status: doc.pregnancyStatus,
    anticoagulation: doc.anticoagulation,
    outcome: doc.outcome,
    has_known_outcome: doc.hasKnownOutcome,
    complication_ids: doc.complicationIds,
    procedure_ids: doc.procedureIds,
    treatment_ids: doc.treatmentIds,
    symptom_ids: doc.symptomIds,
    publication_types: doc.publicationTypes,
    blood_patch_volumes_ml: doc.bloodPatchVolumesMl,
    onset_hours: doc.onsetHours,
    title: doc.title,
    abstract: doc.abstract,
    summary: doc.summary,
    details: doc.details,
    loaded_at: doc.loadedAt,
    // Labels are separate lines so phrases do not run from one label into the next as often.
    term_text: doc.termText.join(' ;\n'),
    ancestor_text: doc.ancestorTermText.join(' ;\n'),
    other_text: [doc.label, doc.journal, ...doc.authors, ...doc.subjects, doc.doi, doc.pmid].filter(Boolean).join(' ;\n'),
  };
}

const quoteIdent = (name: string) => `"${name.replace(/"/g, '""')}"`;

/**
 * The embedded engine: PostgreSQL full-text search (weighted tsvector, tsquery built from the parsed
 * text, ts_rank_cd, ts_headline) and facet counting in SQL over one table of its own. Works the same
 * on PGlite (one query at a time: nothing here opens a transaction that waits on another connection)
 * and on a real server.
 */
@Injectable()
export class PostgresSearchEngine implements SearchEngine {
  readonly name = 'postgres';
  private readonly logger = new Logger(PostgresSearchEngine.name);

  constructor(private readonly dataSource: DataSource) {}

  async ensureIndex(): Promise<void> {
    // The table is created by the migrations; a staging table left by an interrupted reindex is dropped.
    await this.dataSource.query(`DROP TABLE IF EXISTS ${BUILD_TABLE}`);
  }

  async search(query: SearchQuery): Promise<EngineSearchResult> {
    const statements = buildPostgresSearch(query, LIVE_TABLE);
    const [countRows, hitRows] = await Promise.all([
      this.dataSource.query(statements.counts.sql, statements.counts.params) as Promise<CountRow[]>,
      statements.hits ? (this.dataSource.query(statements.hits.sql, statements.hits.params) as Promise<HitRow[]>) : Promise.resolve([] as HitRow[]),
    ]);
    const hasNextPage = hitRows.length > query.page.first;
    return { ...this.parseCounts(query, countRows), hits: hitRows.slice(0, query.page.first).map((row) => this.parseHit(row)), hasNextPage };
  }

  async upsert(documents: SearchDocument[], into?: IndexBuild): Promise<void> {
    const table = into ? this.buildTable(into) : LIVE_TABLE;
    // One row per case: the newest load wins (ON CONFLICT cannot touch a row twice in one statement).
    const latest = new Map<string, SearchDocument>();
    for (const doc of documents) {
      const seen = latest.get(doc.caseReportId);
      if (!seen || seen.loadedAt <= doc.loadedAt) latest.set(doc.caseReportId, doc);
    }
    const unique = [...latest.values()];
    const names = COLUMNS.map(([name]) => name);
    const recordset = [...COLUMNS, ...TEXT_ONLY].map(([name, type]) => `${name} ${type}`).join(', ');
    const sql = `INSERT INTO ${table} AS t (${names.join(', ')}, search_vector)
      SELECT ${names.map((name) => `x.${name}`).join(', ')}, ${VECTOR_SQL}
      FROM jsonb_to_recordset($1::jsonb) AS x(${recordset})
      ON CONFLICT (case_report_id) DO UPDATE SET (${names.slice(1).join(', ')}, search_vector) = (${names
        .slice(1)
        .map((name) => `EXCLUDED.${name}`)
        .join(', ')}, EXCLUDED.search_vector)
      WHERE t.loaded_at <= EXCLUDED.loaded_at`;
    for (let i = 0; i < unique.length; i += UPSERT_CHUNK) {
      await this.dataSource.query(sql, [JSON.stringify(unique.slice(i, i + UPSERT_CHUNK).map(rowOf))]);
    }
  }

  async delete(caseReportIds: string[]): Promise<void> {
    if (caseReportIds.length) await this.dataSource.query(`DELETE FROM ${LIVE_TABLE} WHERE case_report_id = ANY($1::uuid[])`, [caseReportIds]);
  }

  async deleteByPublications(publicationIds: string[], keepCaseReportIds: string[]): Promise<void> {
    if (!publicationIds.length) return;
    await this.dataSource.query(`DELETE FROM ${LIVE_TABLE} WHERE publication_id = ANY($1::uuid[]) AND NOT (case_report_id = ANY($2::uuid[]))`, [publicationIds, keepCaseReportIds]);
  }

  /** A staging copy of the table with its primary key; the other indexes are built once it is full. */
  async createIndex(): Promise<IndexBuild> {
    const primaryKey = await this.primaryKeyName(LIVE_TABLE);
    await this.dataSource.query(`DROP TABLE IF EXISTS ${BUILD_TABLE}`);
    await this.dataSource.query(`CREATE TABLE ${BUILD_TABLE} (LIKE ${LIVE_TABLE} INCLUDING DEFAULTS)`);
    await this.dataSource.query(`ALTER TABLE ${BUILD_TABLE} ADD CONSTRAINT ${quoteIdent(`${primaryKey}_next`)} PRIMARY KEY (case_report_id)`);
    return { name: BUILD_TABLE };
  }

  /**
   * Builds the live table's indexes on the staging table, then in one transaction drops the live
   * table and renames the staging table and its indexes into place (the names stay what the
   * migrations created, so the schema never drifts).
   */
  async swapIndex(build: IndexBuild): Promise<void> {
    const table = this.buildTable(build);
    const primaryKey = await this.primaryKeyName(LIVE_TABLE);
    const indexes: { indexname: string; indexdef: string }[] = await this.dataSource.query(
      `SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = current_schema() AND tablename = $1 AND indexname <> $2`,
      [LIVE_TABLE, primaryKey],
    );
    const renames: [string, string][] = [];
    for (const index of indexes) {
      const match = /^CREATE (UNIQUE )?INDEX \S+ ON (\S+) (.*)$/.exec(index.indexdef);
      if (!match) throw new Error(`cannot copy index ${index.indexname}: ${index.indexdef}`);
      const staged = `${index.indexname.slice(0, 57)}_next`;
      await this.dataSource.query(`DROP INDEX IF EXISTS ${quoteIdent(staged)}`);
      await this.dataSource.query(`CREATE ${match[1] ?? ''}INDEX ${quoteIdent(staged)} ON ${table} ${match[3]}`);
      renames.push([staged, index.indexname]);
    }
    await this.dataSource.transaction(async (tx) => {
      await tx.query(`DROP TABLE ${LIVE_TABLE}`);
      await tx.query(`ALTER TABLE ${table} RENAME TO ${LIVE_TABLE}`);
      await tx.query(`ALTER TABLE ${LIVE_TABLE} RENAME CONSTRAINT ${quoteIdent(`${primaryKey}_next`)} TO ${quoteIdent(primaryKey)}`);
      for (const [from, to] of renames) await tx.query(`ALTER INDEX ${quoteIdent(from)} RENAME TO ${quoteIdent(to)}`);
    });
    await this.dataSource.query(`ANALYZE ${LIVE_TABLE}`);
    this.logger.log('search index swapped in');
  }

  async dropIndex(build: IndexBuild): Promise<void> {
    await this.dataSource.query(`DROP TABLE IF EXISTS ${this.buildTable(build)}`);
  }

  async count(): Promise<number> {
    const [row] = await this.dataSource.query(`SELECT count(*)::int AS n FROM ${LIVE_TABLE}`);
    return row.n;
  }

  async ping(): Promise<boolean> {
    try {
      await this.dataSource.query('SELECT 1');
      return true;
    } catch {
      return false;
    }
  }

  private buildTable(build: IndexBuild): string {
    if (build.name !== BUILD_TABLE) throw new Error(`unknown index build ${build.name}`);
    return BUILD_TABLE;
  }

  private async primaryKeyName(table: string): Promise<string> {
    const [row] = await this.dataSource.query(
      `SELECT c.conname FROM pg_constraint c JOIN pg_class t ON t.oid = c.conrelid JOIN pg_namespace n ON n.oid = t.relnamespace WHERE n.nspname = current_schema() AND t.relname = $1 AND c.contype = 'p'`,
      [table],
    );
    if (!row) throw new Error(`table ${table} has no primary key (did the migrations run?)`);
    return row.conname;
  }

  private parseCounts(query: SearchQuery, rows: CountRow[]): Omit<EngineSearchResult, 'hits' | 'hasNextPage'> {
    let totalCases = 0;
    let totalPublications = 0;
    const facets = new Map<FacetName, EngineFacetResult>(
      query.facets.map((request) => [request.facet, { facet: request.facet, buckets: [], stats: facetDefinition(request.facet).kind === 'numeric-range' ? { min: null, max: null, buckets: [] } : null }]),
    );
    const intervalOf = new Map(query.facets.map((request) => [request.facet, request.interval ?? facetDefinition(request.facet).defaultInterval ?? 1]));
    for (const row of rows) {
      const facet = row.facet ? facets.get(row.facet) : undefined;
      switch (row.kind) {
        case 'total':
          totalCases = Number(row.cases);
          totalPublications = Number(row.publications);
          break;
        case 'bucket':
          if (facet && row.value !== null) facet.buckets.push({ value: row.value, caseCount: Number(row.cases), publicationCount: Number(row.publications) });
          break;
        case 'present':
          if (facet && row.value !== null && !facet.buckets.some((bucket) => bucket.value === row.value)) facet.buckets.push({ value: row.value, caseCount: 0, publicationCount: 0 });
          break;
        case 'stats':
          if (facet?.stats) Object.assign(facet.stats, { min: row.n1 === null ? null : Number(row.n1), max: row.n2 === null ? null : Number(row.n2) });
          break;
        case 'histogram':
          if (facet?.stats && row.n1 !== null) {
            const from = Number(row.n1);
            facet.stats.buckets.push({ from, to: from + (intervalOf.get(facet.facet) as number), caseCount: Number(row.cases) });
          }
          break;
      }
    }
    for (const facet of facets.values()) facet.stats?.buckets.sort((a, b) => a.from - b.from);
    return { totalCases, totalPublications, facets: [...facets.values()] };
  }

  private parseHit(row: HitRow): EngineHit {
    const highlights: HighlightResult[] = [];
    for (const field of HIGHLIGHT_FIELDS) {
      const snippets = markedSnippets(row[`h_${field}`]);
      if (snippets.length) highlights.push({ field, snippets });
    }
    return { caseReportId: row.case_report_id, publicationId: row.publication_id, score: row.score === null ? null : Number(row.score), sortValues: [Number(row.sort_key)], highlights };
  }
}
