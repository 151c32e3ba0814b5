import { Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { SearchDocument } from '../../indexing/search-document';
import { facetDefinition, FacetField, FacetName } from '../../query/facet-registry';
import { markedSnippets } from '../../query/highlight';
import { filterClauses, MISSING_HIGH, MISSING_LOW, SearchQuery, splitForFacets } from '../../query/search-query';
import { EngineFacetResult, EngineHit, EngineSearchResult, HIGHLIGHT_FIELDS, HighlightResult } from '../../query/search-result';
import { IndexBuild, SearchEngine } from '../../search-engine.port';
import { FacetCodeCache } from './facet-code.cache';
import { COLUMN_SELECT, ColumnRow, FacetColumns } from './facet-columns';
import { buildPostgresSearch, clauseSql, CODED_FIELDS, codeKey, CountRow, HEADLINE_OPTIONS, HitRow, sortColumnOf, SqlParams, TS_CONFIG, tsquerySql } from './postgres-query.builder';

export const LIVE_TABLE = 'search_case_document';
const BUILD_TABLE = `${LIVE_TABLE}_next`;
const UPSERT_CHUNK = 500;

/** Columns written from a document, in order, with their types for jsonb_to_recordset. */
const COLUMNS: [string, string][] = [
  ['case_report_id', 'uuid'],
  ['publication_id', 'uuid'],
  ['year', 'int'],
  ['age_years', 'float8'],
  ['year_asc_key', 'float8'],
  ['year_desc_key', 'float8'],
  ['age_asc_key', 'float8'],
  ['age_desc_key', 'float8'],
  ['age_group_code', 'int'],
  ['sex_code', 'int'],
  ['pregnancy_status_code', 'int'],
  ['anticoagulation_code', 'int'],
  ['outcome_code', 'int'],
  ['has_known_outcome', 'boolean'],
  ['complication_codes', 'int[]'],
  ['procedure_codes', 'int[]'],
  ['treatment_codes', 'int[]'],
  ['symptom_codes', 'int[]'],
  ['publication_type_codes', 'int[]'],
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

/**
 * Each text field is analysed once (LATERAL below) and shared by both vectors.
 * Matching (search_vector): A title and term labels/synonyms, B narrative and details, C ancestor
 * terms and abstract, D the rest. Ranking (rank_vector) reads a small vector kept inline, so ranking
 * every match never detoasts the big one: the title and the attached terms (labels, synonyms,
 * ancestors). Matches only in the narrative or the abstract still match, with score 0, after the others.
 */
const PARTS: [string, string, string][] = [
  ['v_title', 'x.title', 'A'],
  ['v_terms', 'x.term_text', 'A'],
  ['v_summary', 'x.summary', 'B'],
  ['v_details', 'x.details', 'B'],
  ['v_ancestors', 'x.ancestor_text', 'C'],
  ['v_abstract', "coalesce(x.abstract, '')", 'C'],
  ['v_other', 'x.other_text', 'D'],
];
const VECTORS_LATERAL = `CROSS JOIN LATERAL (SELECT ${PARTS.map(([name, text, weight]) => `setweight(to_tsvector('${TS_CONFIG}', ${text}), '${weight}') AS ${name}`).join(', ')}) v`;
const SEARCH_VECTOR_SQL = PARTS.map(([name]) => `v.${name}`).join(' || ');
const RANK_VECTOR_SQL = 'v.v_title || v.v_terms || v.v_ancestors';

/** Storage of the wide columns: out of line, so scans and facet counts read narrow rows; the rank vector stays inline. */
const TOAST_TARGET = 'toast_tuple_target=1024';
const STORAGE_SQL = (table: string) => [
  `ALTER TABLE ${table} SET (${TOAST_TARGET.replace('=', ' = ')})`,
  `ALTER TABLE ${table} ${[
    ...['search_vector', 'title', 'abstract', 'summary', 'details'].map((c) => `ALTER COLUMN ${c} SET STORAGE EXTERNAL`),
    'ALTER COLUMN rank_vector SET STORAGE MAIN',
    // Small arrays read by every count: never compressed or moved out of line.
    ...['complication_codes', 'procedure_codes', 'treatment_codes', 'symptom_codes', 'publication_type_codes', 'blood_patch_volumes_ml', 'onset_hours'].map((c) => `ALTER COLUMN ${c} SET STORAGE PLAIN`),
  ].join(', ')}`,
];

const CODED: [FacetField, string][] = [
  ['complicationIds', 'complication_codes'],
  ['procedureIds', 'procedure_codes'],
  ['treatmentIds', 'treatment_codes'],
  ['symptomIds', 'symptom_codes'],
  ['publicationTypes', 'publication_type_codes'],
  ['sex', 'sex_code'],
  ['ageGroup', 'age_group_code'],
  ['pregnancyStatus', 'pregnancy_status_code'],
  ['anticoagulation', 'anticoagulation_code'],
  ['outcome', 'outcome_code'],
];

function codedValues(doc: SearchDocument, field: FacetField): string[] {
  const value = (doc as unknown as Record<string, unknown>)[field];
  return Array.isArray(value) ? (value as string[]) : [value as string];
}

function rowOf(doc: SearchDocument, codes: Map<string, number>): Record<string, unknown> {
  const row: Record<string, unknown> = {
    case_report_id: doc.caseReportId,
    publication_id: doc.publicationId,
    year: doc.year,
    age_years: doc.ageYears,
    year_asc_key: doc.year ?? MISSING_HIGH,
    year_desc_key: -(doc.year ?? MISSING_LOW),
    age_asc_key: doc.ageYears ?? MISSING_HIGH,
    age_desc_key: -(doc.ageYears ?? MISSING_LOW),
    has_known_outcome: doc.hasKnownOutcome,
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
  for (const [field, column] of CODED) {
    const values = codedValues(doc, field).map((value) => codes.get(codeKey(field, value)) as number);
    row[column] = column.endsWith('_codes') ? values : values[0];
  }
  return row;
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

  private readonly codes: FacetCodeCache;

  constructor(private readonly dataSource: DataSource) {
    this.codes = new FacetCodeCache(dataSource);
  }

  /**
   * The table comes from the migrations. Here: drop a staging table an interrupted reindex left,
   * set the storage of the wide columns (not expressible in the entity), and, when rows written by an
   * older layout are found, empty the index and queue every case for indexing again.
   */
  async ensureIndex(): Promise<void> {
    await this.dataSource.query(`DROP TABLE IF EXISTS ${BUILD_TABLE}`);
    const [options] = await this.dataSource.query(`SELECT reloptions FROM pg_class WHERE oid = $1::regclass`, [LIVE_TABLE]);
    if (!(options?.reloptions ?? []).includes(TOAST_TARGET)) for (const sql of STORAGE_SQL(LIVE_TABLE)) await this.dataSource.query(sql);
    const stale = await this.dataSource.query(`SELECT 1 FROM ${LIVE_TABLE} WHERE year_asc_key IS NULL OR rank_vector IS NULL LIMIT 1`);
    if (stale.length) {
      this.logger.warn('the search index was written by an older layout: rebuilding it from the outbox');
      await this.dataSource.transaction(async (tx) => {
        await tx.query(`TRUNCATE ${LIVE_TABLE}`);
        await this.bumpVersion(tx);
      });
      this.columns = null;
      await this.dataSource.query(`INSERT INTO search_outbox (entity_type, entity_id) SELECT 'case_report', id FROM case_report`);
    }
  }

  /**
   * Counts are computed in memory (FacetColumns) over the cases the text matches (from the GIN
   * index: ids only); the page of hits, with ranks and headlines, still comes from SQL.
   */
  async search(query: SearchQuery): Promise<EngineSearchResult> {
    const keys = filterClauses(query.filters).flatMap((clause) => (clause.kind === 'any-of' && CODED_FIELDS.has(clause.field) ? clause.values.map((value) => codeKey(clause.field, value)) : []));
    const codes = await this.codes.codes(keys, false);
    const encode = (field: Parameters<typeof codeKey>[0], value: string) => codes.get(codeKey(field, value)) ?? -1;
    const statements = buildPostgresSearch({ ...query, facets: [] }, encode, LIVE_TABLE);
    const columns = await this.freshColumns();
    let matched: string | null = null;
    let hitRows: HitRow[] = [];
    if (query.text) {
      // One pass over the cases the text (and the filters no facet owns) matches: their ids, for the
      // counts; and, when ordering by relevance, the rank of those that match every filter, for the page.
      const byScore = sortColumnOf(query).column === null && statements.hits !== null;
      const params = new SqlParams();
      const tsquery = tsquerySql(query.text, params);
      const { common, own } = splitForFacets(query);
      const where = [`d.search_vector @@ (SELECT query FROM q)`, ...common.map((clause) => clauseSql(clause, params, encode))];
      // Only the ranked variant uses the facet-owned clauses; adding their parameters otherwise would
      // leave parameters the statement never references (a bind error).
      const all = byScore ? [...own.values()].map((clause) => clauseSql(clause, params, encode)) : [];
      const ranked = byScore
        ? `, string_agg(d.case_report_id::text || ' ' || (ts_rank_cd(d.rank_vector, (SELECT query FROM q))::float8)::text, ',')${all.length ? ` FILTER (WHERE ${all.join(' AND ')})` : ''} AS ranked`
        : '';
      const idsSql = `WITH q AS (SELECT ${tsquery} AS query) SELECT string_agg(d.case_report_id::text, ',') AS ids${ranked} FROM ${LIVE_TABLE} d WHERE ${where.join(' AND ')}`;
      // Matching must come from the GIN index: a sequential scan would evaluate @@ on every row and
      // so read every out-of-line vector, which the planner does not price. SET LOCAL keeps the
      // setting to this transaction (one connection; nothing else is queried inside it).
      await this.dataSource.transaction(async (tx) => {
        await tx.query('SET LOCAL enable_seqscan = off');
        const [row] = (await tx.query(idsSql, params.values)) as { ids: string | null; ranked?: string | null }[];
        matched = row?.ids ?? '';
        if (byScore) hitRows = await this.rankedPage(tx, query, row?.ranked ?? '');
        else if (statements.hits) hitRows = (await tx.query(statements.hits.sql, statements.hits.params)) as HitRow[];
      });
    }
    const candidates = matched === null ? null : columns.ordinals(matched ? (matched as string).split(',') : []);
    // Without text, the page comes from memory too: the full matches ordered by the stored sort key.
    const fullMatches: number[] | null = !query.text && statements.hits ? [] : null;
    const countRows = columns.count(query, encode, candidates, fullMatches);
    if (fullMatches) {
      const { column, negate } = sortColumnOf(query);
      const after = query.page.after ? { key: negate ? -query.page.after.values[0] : query.page.after.values[0], id: query.page.after.caseReportId } : null;
      hitRows = columns.page(fullMatches, column?.startsWith('year') ? 'year' : 'ageYears', negate, query.page.first + 1, after) as unknown as HitRow[];
    }
    const hasNextPage = hitRows.length > query.page.first;
    return { ...(await this.parseCounts(query, countRows)), hits: hitRows.slice(0, query.page.first).map((row) => this.parseHit(row)), hasNextPage };
  }

  /**
   * The page of a relevance-ordered search from "id score" pairs: score descending, then id ascending
   * (uuid order is the order of their lowercase text), after the cursor; then the page's publication
   * ids and headlines by primary key.
   */
  private async rankedPage(runner: { query: DataSource['query'] }, query: SearchQuery, ranked: string): Promise<HitRow[]> {
    const size = query.page.first + 1;
    const after = query.page.after;
    const top: { id: string; score: number }[] = [];
    const before = (a: { id: string; score: number }, b: { id: string; score: number }) => a.score > b.score || (a.score === b.score && a.id < b.id);
    if (ranked) {
      const all: { id: string; score: number }[] = [];
      for (const pair of ranked.split(',')) {
        const space = pair.indexOf(' ');
        const hit = { id: pair.slice(0, space), score: Number(pair.slice(space + 1)) };
        if (after && !(hit.score < after.values[0] || (hit.score === after.values[0] && hit.id > after.caseReportId))) continue;
        // Large pages: sorted at the end (insertion into the page would be quadratic).
        if (size > 100) {
          all.push(hit);
          continue;
        }
        if (top.length === size && !before(hit, top[size - 1])) continue;
        let i = top.length === size ? size - 1 : top.length;
        if (top.length === size) top.pop();
        while (i > 0 && before(hit, top[i - 1])) i--;
        top.splice(i, 0, hit);
      }
      if (size > 100) for (const hit of all.sort((a, b) => (before(a, b) ? -1 : before(b, a) ? 1 : 0)).slice(0, size)) top.push(hit);
    }
    if (!top.length) return [];
    const params = new SqlParams();
    const ids = params.add(top.map((hit) => hit.id), '::uuid[]');
    let headlines = '';
    if (query.highlight && query.text) {
      const tsquery = tsquerySql(query.text, params);
      const options = params.add(HEADLINE_OPTIONS);
      headlines = HIGHLIGHT_FIELDS.map((field) => `, CASE WHEN doc.${field} <> '' THEN ts_headline('${TS_CONFIG}', doc.${field}, ${tsquery}, ${options}) END AS h_${field}`).join('');
    }
    const rows = (await runner.query(`SELECT doc.case_report_id, doc.publication_id${headlines} FROM ${LIVE_TABLE} doc WHERE doc.case_report_id = ANY(${ids})`, params.values)) as HitRow[];
    const byId = new Map(rows.map((row) => [row.case_report_id, row]));
    return top.flatMap((hit) => {
      const row = byId.get(hit.id);
      return row ? [{ ...row, score: hit.score, sort_key: hit.score }] : [];
    });
  }

  private columns: FacetColumns | null = null;
  private loading: Promise<FacetColumns> | null = null;

  /** The in-memory columns, reloaded when the index changed since (another process wrote, or a swap). */
  private async freshColumns(): Promise<FacetColumns> {
    const version = await this.readVersion(this.dataSource);
    if (this.columns && this.columns.version === version) return this.columns;
    return this.reloadColumns();
  }

  private reloadColumns(): Promise<FacetColumns> {
    this.loading ??= this.dataSource
      .transaction('REPEATABLE READ', async (tx) => {
        const version = await this.readVersion(tx);
        const rows = (await tx.query(`SELECT ${COLUMN_SELECT} FROM ${LIVE_TABLE}`)) as ColumnRow[];
        return FacetColumns.load(version, rows);
      })
      .then((columns) => (this.columns = columns))
      .finally(() => (this.loading = null));
    return this.loading;
  }

  private async readVersion(runner: { query: DataSource['query'] }): Promise<bigint> {
    const [row] = (await runner.query('SELECT version::text AS v FROM search_index_version WHERE id = 1')) as { v: string }[];
    return row ? BigInt(row.v) : 0n;
  }

  /** Bumps the index version inside a write transaction; returns the new version. */
  private async bumpVersion(runner: { query: DataSource['query'] }): Promise<bigint> {
    const [row] = (await runner.query(
      'INSERT INTO search_index_version (id, version) VALUES (1, 1) ON CONFLICT (id) DO UPDATE SET version = search_index_version.version + 1 RETURNING version::text AS v',
    )) as { v: string }[];
    return BigInt(row.v);
  }

  /** After a committed write: patch the columns when they are exactly one version behind, else drop them. */
  private applyWrite(version: bigint, patch: ((columns: FacetColumns) => void) | null): void {
    if (patch && this.columns && this.columns.version + 1n === version) patch(this.columns.withVersion(version));
    else this.columns = null;
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
    const codes = await this.codes.codes(
      unique.flatMap((doc) => CODED.flatMap(([field]) => codedValues(doc, field).map((value) => codeKey(field, value)))),
      true,
    );
    const names = COLUMNS.map(([name]) => name);
    const recordset = [...COLUMNS, ...TEXT_ONLY].map(([name, type]) => `${name} ${type}`).join(', ');
    const sql = `INSERT INTO ${table} AS t (${names.join(', ')}, search_vector, rank_vector)
      SELECT ${names.map((name) => `x.${name}`).join(', ')}, ${SEARCH_VECTOR_SQL}, ${RANK_VECTOR_SQL}
      FROM jsonb_to_recordset($1::jsonb) AS x(${recordset}) ${VECTORS_LATERAL}
      ON CONFLICT (case_report_id) DO UPDATE SET (${names.slice(1).join(', ')}, search_vector, rank_vector) = (${names
        .slice(1)
        .map((name) => `EXCLUDED.${name}`)
        .join(', ')}, EXCLUDED.search_vector, EXCLUDED.rank_vector)
      WHERE t.loaded_at <= EXCLUDED.loaded_at`;
    if (into) {
      for (let i = 0; i < unique.length; i += UPSERT_CHUNK) {
        await this.dataSource.query(sql, [JSON.stringify(unique.slice(i, i + UPSERT_CHUNK).map((doc) => rowOf(doc, codes)))]);
      }
      return;
    }
    // The live table: rows and the version bump in one transaction, then the same rows into memory.
    const written: Record<string, unknown>[] = [];
    const version = await this.dataSource.transaction(async (tx) => {
      for (let i = 0; i < unique.length; i += UPSERT_CHUNK) {
        const rows = unique.slice(i, i + UPSERT_CHUNK).map((doc) => rowOf(doc, codes));
        const done = new Set(((await tx.query(`${sql} RETURNING t.case_report_id`, [JSON.stringify(rows)])) as { case_report_id: string }[]).map((row) => row.case_report_id));
        written.push(...rows.filter((row) => done.has(row.case_report_id as string)));
      }
      return this.bumpVersion(tx);
    });
    this.applyWrite(version, (columns) => written.forEach((row) => columns.put(row as ColumnRow)));
  }

  async delete(caseReportIds: string[]): Promise<void> {
    if (caseReportIds.length) await this.deleteWhere(`case_report_id = ANY($1::uuid[])`, [caseReportIds]);
  }

  async deleteByPublications(publicationIds: string[], keepCaseReportIds: string[]): Promise<void> {
    if (!publicationIds.length) return;
    await this.deleteWhere(`publication_id = ANY($1::uuid[]) AND NOT (case_report_id = ANY($2::uuid[]))`, [publicationIds, keepCaseReportIds]);
  }

  private async deleteWhere(where: string, params: unknown[]): Promise<void> {
    const [deleted, version] = await this.dataSource.transaction(async (tx) => {
      const rows = (await tx.query(`DELETE FROM ${LIVE_TABLE} WHERE ${where} RETURNING case_report_id`, params)) as unknown;
      // TypeORM answers a DELETE ... RETURNING with [rows, affected count].
      const list = (Array.isArray(rows) && Array.isArray(rows[0]) ? rows[0] : rows) as { case_report_id: string }[];
      return [list, await this.bumpVersion(tx)] as const;
    });
    this.applyWrite(version, (columns) => deleted.forEach((row) => columns.remove(row.case_report_id)));
  }

  /** A staging copy of the table with its primary key; the other indexes are built once it is full. */
  async createIndex(): Promise<IndexBuild> {
    const primaryKey = await this.primaryKeyName(LIVE_TABLE);
    await this.dataSource.query(`DROP TABLE IF EXISTS ${BUILD_TABLE}`);
    await this.dataSource.query(`CREATE TABLE ${BUILD_TABLE} (LIKE ${LIVE_TABLE} INCLUDING DEFAULTS)`);
    await this.dataSource.query(`ALTER TABLE ${BUILD_TABLE} ADD CONSTRAINT ${quoteIdent(`${primaryKey}_next`)} PRIMARY KEY (case_report_id)`);
    for (const sql of STORAGE_SQL(BUILD_TABLE)) await this.dataSource.query(sql);
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
      // Index builds (GIN above all) are much faster with more memory than the default.
      await this.dataSource.transaction(async (tx) => {
        await tx.query(`SET LOCAL maintenance_work_mem = '256MB'`);
        await tx.query(`CREATE ${match[1] ?? ''}INDEX ${quoteIdent(staged)} ON ${table} ${match[3]}`);
      });
      renames.push([staged, index.indexname]);
    }
    await this.dataSource.transaction(async (tx) => {
      await tx.query(`DROP TABLE ${LIVE_TABLE}`);
      await tx.query(`ALTER TABLE ${table} RENAME TO ${LIVE_TABLE}`);
      await tx.query(`ALTER TABLE ${LIVE_TABLE} RENAME CONSTRAINT ${quoteIdent(`${primaryKey}_next`)} TO ${quoteIdent(primaryKey)}`);
      for (const [from, to] of renames) await tx.query(`ALTER INDEX ${quoteIdent(from)} RENAME TO ${quoteIdent(to)}`);
      await this.bumpVersion(tx);
    });
    this.columns = null;
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

  private async parseCounts(query: SearchQuery, rows: CountRow[]): Promise<Omit<EngineSearchResult, 'hits' | 'hasNextPage'>> {
    const values = await this.codes.values(rows.filter((row) => row.value !== null).map((row) => Number(row.value)));
    const decode = (facet: FacetName, code: string | number): string | null => {
      const key = values.get(Number(code));
      const prefix = `${facetDefinition(facet).field}:`;
      return key?.startsWith(prefix) ? key.slice(prefix.length) : null;
    };
    let totalCases = 0;
    let totalPublications = 0;
    const facets = new Map<FacetName, EngineFacetResult>(
      query.facets.map((request) => [request.facet, { facet: request.facet, buckets: [], stats: facetDefinition(request.facet).kind === 'numeric-range' ? { min: null, max: null, buckets: [] } : null }]),
    );
    const intervalOf = new Map(query.facets.map((request) => [request.facet, request.interval ?? facetDefinition(request.facet).defaultInterval ?? 1]));
    const byField = new Map([...facets.values()].map((facet) => [facetDefinition(facet.facet).field as string, facet]));
    const facetOfCode = (code: string | number) => byField.get(values.get(Number(code))?.split(':', 1)[0] ?? '');

    for (const row of rows) {
      const facet = row.facet ? facets.get(row.facet) : row.kind === 'bucket' && row.value !== null ? facetOfCode(row.value) : undefined;
      switch (row.kind) {
        case 'total':
          totalCases = Number(row.cases);
          totalPublications = Number(row.publications);
          break;
        case 'bucket': {
          const value = facet && row.value !== null ? decode(facet.facet, row.value) : null;
          if (facet && value !== null) facet.buckets.push({ value, caseCount: Number(row.cases), publicationCount: Number(row.publications) });
          break;
        }
        case 'present': {
          const value = facet && row.value !== null ? decode(facet.facet, row.value) : null;
          if (facet && value !== null && !facet.buckets.some((bucket) => bucket.value === value)) facet.buckets.push({ value, caseCount: 0, publicationCount: 0 });
          break;
        }
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
