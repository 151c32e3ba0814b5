import { Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { SearchDocument } from '../../indexing/search-document';
import { facetDefinition, FacetField, FacetName } from '../../query/facet-registry';
import { markedSnippets } from '../../query/highlight';
import { filterClauses, SearchQuery, sortSpecOf } from '../../query/search-query';
import { EngineFacetResult, EngineHit, EngineSearchResult, HIGHLIGHT_FIELDS, HighlightResult } from '../../query/search-result';
import { CrossTabCountsRequest, checkCrossTabRequest, countsPublications, EngineCrossTab } from '../../query/cross-tab-counts';
import { LruMap } from '../../../common/lru-map';
import { CROSS_TAB_CACHE_SIZE, crossTabCacheKey, frozenCrossTab } from './cross-tab.cache';
import { IndexBuild, SearchEngine, SearchProgress } from '../../search-engine.port';
import { preparedQuery } from '../../../database/prepared-query';
import { FacetCodeCache } from './facet-code.cache';
import { COLUMN_SELECT, ColumnRow, FacetColumns } from './facet-columns';
import { CODED_FIELDS, codeKey, CountRow, SqlParams, TS_CONFIG, tsquerySql } from './postgres-query.builder';
import { TextMatch, TextPostings } from './text-postings';
import { TextPostingsBuilder } from './text-postings.builder';
import { headline, Word, wordsOf } from './headline';
import { LexemeLookup } from './lexeme-lookup';
import { parseTsquery, queryLexemes, TsqueryNode } from './tsquery';

export const LIVE_TABLE = 'search_case_document';
const BUILD_TABLE = `${LIVE_TABLE}_next`;
const UPSERT_CHUNK = 500;
/** The index version, asked before every search (another process may have written). */
const VERSION_SQL = 'SELECT (SELECT version::text FROM search_index_version WHERE id = 1) AS v';
/** Rows per round trip when loading the index into memory. */
const LOAD_PAGE = 10_000;

/** Columns written from a document, in order, with their types for jsonb_to_recordset. */
const COLUMNS: [string, string][] = [
  ['case_report_id', 'uuid'],
  ['publication_id', 'uuid'],
  ['year', 'int'],
  ['age_years', 'float8'],
  ['age_group_code', 'int'],
  ['sex_code', 'int'],
  ['pregnancy_status_code', 'int'],
  ['anticoagulation_code', 'int'],
  ['outcome_code', 'int'],
  ['curation_status_code', 'int'],
  ['has_known_outcome', 'boolean'],
  ['citation_complete', 'boolean'],
  ['complication_codes', 'int[]'],
  ['procedure_codes', 'int[]'],
  ['treatment_codes', 'int[]'],
  ['symptom_codes', 'int[]'],
  ['publication_type_codes', 'int[]'],
  ['complication_procedure_codes', 'int[]'],
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
 * The weighted parts of search_vector, each field analysed once (LATERAL below): A title and term
 * labels/synonyms, B narrative and details, C ancestor terms and abstract, D the rest. The weights
 * are what relevance reads (TextPostings.match).
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

/** The search_vector weight (A 3, B 2, C 1) of each highlighted field (see PARTS). */
const HIGHLIGHT_WEIGHT: Record<(typeof HIGHLIGHT_FIELDS)[number], number> = { title: 3, summary: 2, details: 2, abstract: 1 };

/** Storage of the wide columns: out of line, so loading the facet columns reads narrow rows. */
const TOAST_TARGET = 'toast_tuple_target=1024';
const STORAGE_SQL = (table: string) => [
  `ALTER TABLE ${table} SET (${TOAST_TARGET.replace('=', ' = ')})`,
  `ALTER TABLE ${table} ${[
    ...['search_vector', 'title', 'abstract', 'summary', 'details'].map((c) => `ALTER COLUMN ${c} SET STORAGE EXTERNAL`),
    // Small arrays read by every count: never compressed or moved out of line.
    ...['complication_codes', 'procedure_codes', 'treatment_codes', 'symptom_codes', 'publication_type_codes', 'complication_procedure_codes', 'blood_patch_volumes_ml', 'onset_hours'].map((c) => `ALTER COLUMN ${c} SET STORAGE PLAIN`),
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
  ['curationStatus', 'curation_status_code'],
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
    has_known_outcome: doc.hasKnownOutcome,
    citation_complete: doc.citationComplete,
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
  row.complication_procedure_codes = linkPairs(doc, codes);
  return row;
}

/**
 * The document's complication -> procedure links as code pairs, flat and unique: every term of a
 * complication's path (the complication and its ancestors) with every term of the path of the
 * procedure it followed. The codes are those of complicationIds and procedureIds (both paths are in them).
 */
export function linkPairs(doc: SearchDocument, codes: Map<string, number>): number[] {
  const seen = new Set<string>();
  const pairs: number[] = [];
  for (const complication of doc.complications) {
    for (const c of complication.termPath) {
      for (const p of complication.procedureTermPath) {
        const cCode = codes.get(codeKey('complicationIds', c));
        const pCode = codes.get(codeKey('procedureIds', p));
        if (cCode === undefined || pCode === undefined || seen.has(`${cCode}>${pCode}`)) continue;
        seen.add(`${cCode}>${pCode}`);
        pairs.push(cCode, pCode);
      }
    }
  }
  return pairs;
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
  private readonly lexemes: LexemeLookup;

  constructor(private readonly dataSource: DataSource) {
    this.codes = new FacetCodeCache(dataSource);
    this.lexemes = new LexemeLookup(dataSource);
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
    const stale = await this.dataSource.query(`SELECT 1 FROM ${LIVE_TABLE} WHERE complication_codes IS NULL OR complication_procedure_codes IS NULL LIMIT 1`);
    if (stale.length) {
      this.logger.warn('the search index was written by an older layout: rebuilding it from the outbox');
      await this.dataSource.transaction(async (tx) => {
        await tx.query(`TRUNCATE ${LIVE_TABLE}`);
        await this.bumpVersion(tx);
      });
      this.index = null;
      await this.dataSource.query(`INSERT INTO search_outbox (entity_type, entity_id) SELECT 'case_report', id FROM case_report`);
    }
  }

  /**
   * PostgreSQL analyses, memory does the rest: PostgreSQL turns the parsed text into a tsquery (its
   * stemming and stop words); the postings (TextPostings) give the matching cases and their relevance,
   * the facet columns (FacetColumns) the filters, counts and the page; the page's headlines are marked
   * here in the texts read by primary key.
   */
  async search(query: SearchQuery, progress?: SearchProgress): Promise<EngineSearchResult> {
    const { encode, columns, text, tsqueryNode, match } = await this.prepare(query);
    const spec = sortSpecOf(query.sort, Boolean(query.text));
    const fullMatches: number[] | null = query.page.first > 0 ? [] : null;
    const countRows = columns.count(query, encode, match?.mask ?? null, fullMatches);
    let page: number[] = [];
    // The citation tie-break (complete first) as an ascending key; the cursor holds its sort value.
    const ties = columns.citationKeys();
    if (fullMatches) {
      const cursor = query.page.after;
      const after = (key: number) => (cursor ? { key, tie: FacetColumns.citationValueOfKey(cursor.values[1]), id: cursor.caseReportId } : null);
      if (spec.key === 'score') {
        // Relevance descending is "negated score ascending", so the same keyset applies.
        page = columns.page(fullMatches, (match as TextMatch).negatedScores(), ties, query.page.first + 1, after(-(cursor?.values[0] ?? 0)));
      } else {
        const descending = spec.direction === 'desc';
        page = columns.page(fullMatches, columns.sortKeys(spec.key, descending), ties, query.page.first + 1, after(descending ? -(cursor?.values[0] ?? 0) : (cursor?.values[0] ?? 0)));
      }
    }
    const hasNextPage = page.length > query.page.first;
    page = page.slice(0, query.page.first);
    // The page's texts are asked for first, then the caller is told the page (its read queues behind
    // them on the embedded database, runs beside them on a server's pool), and the counts are turned
    // into facets here meanwhile.
    const reading = match && query.highlight && page.length ? this.headlines(tsqueryNode, text, [...match.weights(page)].map(([ord, weights]) => ({ caseReportId: columns.caseReportIdOf(ord), weights }))) : null;
    if (page.length) progress?.pageKnown?.(page.map((ord) => columns.caseReportIdOf(ord)));
    const [headlines, counts] = await Promise.all([reading ?? new Map<string, HighlightResult[]>(), this.parseCounts(query, countRows)]);
    const hits = page.map((ord): EngineHit => {
      const caseReportId = columns.caseReportIdOf(ord);
      const score = match ? match.score(ord) : null;
      const sortValue = spec.key === 'score' ? (score as number) : spec.direction === 'desc' ? -columns.sortKeys(spec.key, true)[ord] : columns.sortKeys(spec.key, false)[ord];
      return { caseReportId, publicationId: columns.publicationIdOf(ord), score, sortValues: [sortValue, FacetColumns.citationValueOfKey(ties[ord])], highlights: headlines.get(caseReportId) ?? [] };
    });
    return { ...counts, hits, hasNextPage };
  }

  /** The tsquery of recently searched texts (see prepare); the size is settable, so a benchmark can measure without it. */
  static recentTexts = 1000;
  private readonly tsqueries = new LruMap<string, string | null>(() => PostgresSearchEngine.recentTexts);

  /** Keys found without a code at this index version (see prepare). */
  private uncoded: { version: bigint; keys: Set<string> } = { version: -1n, keys: new Set() };

  /**
   * What every count needs, in one round trip: the codes of the filter values (and of `extraKeys`),
   * the in-memory index of the current version and the cases matching the text.
   */
  private async prepare(query: SearchQuery, extraKeys: string[] = []) {
    return this.prepareAt(query, await this.head(query), extraKeys);
  }

  /**
   * One round trip: the index version and, with a text not analysed lately, the tsquery as PostgreSQL
   * analyses it. Otherwise the statement is always the same, so it is a prepared statement (parsed and
   * planned once per connection: a fair part of a facet search's or a synthesis' time on the embedded engine).
   */
  private async head(query: SearchQuery): Promise<{ version: bigint; tsquery: string | null }> {
    // A text analysed lately needs only the version: stemming and stop words depend on the text alone, so its tsquery is remembered.
    const textKey = query.text ? JSON.stringify(query.text) : null;
    if (textKey === null || this.tsqueries.has(textKey)) {
      const [row] = await preparedQuery<{ v: string | null }>(this.dataSource, VERSION_SQL, []);
      return { version: BigInt(row.v ?? 0), tsquery: textKey === null ? null : (this.tsqueries.get(textKey) ?? null) };
    }
    const params = new SqlParams();
    const [row] = (await this.dataSource.query(`SELECT (SELECT version::text FROM search_index_version WHERE id = 1) AS v, (${tsquerySql(query.text as NonNullable<SearchQuery['text']>, params)})::text AS q`, params.values)) as { v: string | null; q: string | null }[];
    this.tsqueries.set(textKey, row.q ?? null);
    return { version: BigInt(row.v ?? 0), tsquery: row.q ?? null };
  }

  /** prepare, once the head is read. */
  private async prepareAt(query: SearchQuery, { version, tsquery }: { version: bigint; tsquery: string | null }, extraKeys: string[] = []) {
    const keys = filterClauses(query.filters).flatMap((clause) =>
      clause.kind === 'any-of' && CODED_FIELDS.has(clause.field)
        ? clause.values.map((value) => codeKey(clause.field, value))
        : clause.kind === 'complication-after-procedure'
          ? [...clause.complications.map((value) => codeKey('complicationIds', value)), ...clause.procedures.map((value) => codeKey('procedureIds', value))]
          : [],
    );
    // Values without a code (an unknown key never stored, a term no case holds) are not looked up
    // again until the index changes: a code only reaches the index with a write, which bumps the version.
    if (this.uncoded.version !== version) this.uncoded = { version, keys: new Set() };
    const wanted = [...keys, ...extraKeys].filter((key) => !this.uncoded.keys.has(key));
    const codes = await this.codes.codes(wanted, false);
    for (const key of wanted) if (!codes.has(key)) this.uncoded.keys.add(key);
    const encode = (field: Parameters<typeof codeKey>[0], value: string) => codes.get(codeKey(field, value)) ?? -1;
    const { columns, text } = await this.freshIndex(version);
    const tsqueryNode = tsquery === null ? null : parseTsquery(tsquery);
    const match = tsquery === null ? null : text.matchRecent(tsquery, tsqueryNode, columns.size, columns.liveCount);
    return { encode, columns, text, tsqueryNode, match };
  }

  /** Cross-tabs answered at the current index version (see crossTab); emptied when the version changes. */
  private readonly crossTabs = new LruMap<string, EngineCrossTab>(CROSS_TAB_CACHE_SIZE);
  private crossTabsVersion = -1n;

  /**
   * Two facets against each other in one visit of the matching cases (FacetColumns.crossCount).
   * Answers are kept per index version and normalised search (a researcher reloads the same
   * synthesis, and a summary and a cross-tab of one search come together): the version is read
   * first, as every search reads it, so a write anywhere is never missed. Kept answers are frozen.
   */
  async crossTab(query: SearchQuery, request: CrossTabCountsRequest): Promise<EngineCrossTab> {
    checkCrossTabRequest(request);
    const head = await this.head(query);
    if (this.crossTabsVersion !== head.version) {
      this.crossTabs.clear();
      this.crossTabsVersion = head.version;
    }
    const key = crossTabCacheKey(query, request);
    const kept = this.crossTabs.get(key);
    if (kept) return kept;
    const answer = frozenCrossTab(await this.countCrossTab(query, request, head));
    if (this.crossTabsVersion === head.version) this.crossTabs.set(key, answer);
    return answer;
  }

  /** Forgets the kept cross-tabs (the benchmark's cold figures: the first call after an index change). */
  clearCrossTabCache(): void {
    this.crossTabs.clear();
  }

  private async countCrossTab(query: SearchQuery, request: CrossTabCountsRequest, head: { version: bigint; tsquery: string | null }): Promise<EngineCrossTab> {
    const rowField = facetDefinition(request.rows.facet).field;
    const columnField = facetDefinition(request.columns.facet).field;
    const unknownKeys = [codeKey(rowField, request.rows.unknownValue), codeKey(columnField, request.columns.unknownValue)];
    const { encode, columns, match } = await this.prepareAt(query, head, unknownKeys);
    const counted = columns.crossCount(
      query,
      encode,
      match?.mask ?? null,
      { field: rowField, unknownCode: encode(rowField, request.rows.unknownValue) },
      { field: columnField, unknownCode: encode(columnField, request.columns.unknownValue) },
      { publications: countsPublications(request) },
    );
    const codes = [...counted.rows, ...counted.columns].flatMap((entry) => (entry.code === null ? [] : [entry.code]));
    const values = await this.codes.values(codes);
    const decode = (field: FacetField, axis: CrossTabCountsRequest['rows'], code: number | null): string => {
      if (code === null) return axis.unknownValue;
      const key = values.get(code) as string;
      return key.slice(field.length + 1);
    };
    const row = (code: number | null) => decode(rowField, request.rows, code);
    const column = (code: number | null) => decode(columnField, request.columns, code);
    return {
      totalCases: counted.totalCases,
      totalPublications: counted.totalPublications,
      rows: counted.rows.map((entry) => ({ value: row(entry.code), caseCount: entry.cases, publicationCount: entry.publications })),
      columns: counted.columns.map((entry) => ({ value: column(entry.code), caseCount: entry.cases, publicationCount: entry.publications })),
      cells: counted.cells.map((entry) => ({ row: row(entry.rowCode), column: column(entry.columnCode), caseCount: entry.cases, publicationCount: entry.publications })),
    };
  }

  /**
   * Marked headlines of these cases' text fields, only for the fields whose tsvector weight holds a
   * query lexeme in that case (the others have nothing to mark). See headline.ts.
   */
  private async headlines(query: TsqueryNode | null, postings: TextPostings, cases: { caseReportId: string; weights: number }[]): Promise<Map<string, HighlightResult[]>> {
    const wanted = new Map(cases.filter((c) => c.weights !== 0).map((c) => [c.caseReportId, c.weights]));
    if (!wanted.size) return new Map();
    const rows = await preparedQuery<Record<string, string | null>>(this.dataSource, `SELECT case_report_id, ${HIGHLIGHT_FIELDS.join(', ')} FROM ${LIVE_TABLE} WHERE case_report_id = ANY($1::uuid[])`, [[...wanted.keys()]]);
    const texts = rows.flatMap((row) =>
      HIGHLIGHT_FIELDS.filter((field) => row[field] && ((wanted.get(row.case_report_id as string) as number) & (1 << HIGHLIGHT_WEIGHT[field]))).map((field) => {
        const text = row[field] as string;
        return { caseReportId: row.case_report_id as string, field, text, words: wordsOf(text) };
      }),
    );
    const lexemes = await this.lexemes.lexemesOf(texts.flatMap((entry) => entry.words.map((word) => word.text)));
    // A prefix marks the words of the lexemes it matched (its expansions).
    const inQuery = queryLexemes(query, (prefix) => postings.expand(prefix));
    const matches = (word: Word) => (lexemes.get(word.text) ?? []).some((lexeme) => inQuery.has(lexeme));
    const result = new Map<string, HighlightResult[]>();
    for (const { caseReportId, field, text, words } of texts) {
      const snippets = markedSnippets(headline(text, words, matches));
      if (snippets.length) result.set(caseReportId, [...(result.get(caseReportId) ?? []), { field, snippets }]);
    }
    return result;
  }

  /** The in-memory index: facet columns and text postings of the same snapshot of the table. */
  private index: { columns: FacetColumns; text: TextPostings } | null = null;
  private loading: Promise<{ columns: FacetColumns; text: TextPostings }> | null = null;

  /** The in-memory index, reloaded when the table changed since (another process wrote, or a swap). */
  private async freshIndex(version: bigint): Promise<{ columns: FacetColumns; text: TextPostings }> {
    if (this.index && this.index.columns.version === version) return this.index;
    return this.reloadIndex();
  }

  async warmUp(): Promise<void> {
    await this.freshIndex(await this.readVersion(this.dataSource));
  }

  private reloadIndex(): Promise<{ columns: FacetColumns; text: TextPostings }> {
    const started = Date.now();
    this.loading ??= this.dataSource
      .transaction('REPEATABLE READ', async (tx) => {
        const version = await this.readVersion(tx);
        const columns = new FacetColumns(version);
        const text = new TextPostingsBuilder();
        // In pages, so the rows' text never sits in memory all at once; by publication, so counting
        // (which visits cases publication by publication) reads memory in order.
        let after: [string, string] = ['00000000-0000-0000-0000-000000000000', '00000000-0000-0000-0000-000000000000'];
        for (;;) {
          const rows = (await tx.query(
            `SELECT ${COLUMN_SELECT}, search_vector::text AS vector FROM ${LIVE_TABLE} WHERE (publication_id, case_report_id) > ($1::uuid, $2::uuid) ORDER BY publication_id, case_report_id LIMIT ${LOAD_PAGE}`,
            after,
          )) as (ColumnRow & { vector: string })[];
          for (const row of rows) text.add(columns.put(row), row.vector);
          if (rows.length < LOAD_PAGE) break;
          const last = rows[rows.length - 1];
          after = [last.publication_id, last.case_report_id];
        }
        return { columns, text: text.finish() };
      })
      .then((index) => {
        this.logger.log(`search index loaded into memory: ${index.columns.liveCount} cases in ${((Date.now() - started) / 1000).toFixed(1)} s`);
        return (this.index = index);
      })
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

  /**
   * After a committed write: patch the in-memory index when it is exactly one version behind (the
   * patch answers false when the text overlay is full), else drop it; the next search reloads.
   */
  private applyWrite(version: bigint, patch: (index: { columns: FacetColumns; text: TextPostings }) => boolean): void {
    if (this.index && this.index.columns.version + 1n === version && patch(this.index)) this.index.columns.withVersion(version);
    else this.index = null;
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
    const sql = `INSERT INTO ${table} AS t (${names.join(', ')}, search_vector)
      SELECT ${names.map((name) => `x.${name}`).join(', ')}, ${SEARCH_VECTOR_SQL}
      FROM jsonb_to_recordset($1::jsonb) AS x(${recordset}) ${VECTORS_LATERAL}
      ON CONFLICT (case_report_id) DO UPDATE SET (${names.slice(1).join(', ')}, search_vector) = (${names
        .slice(1)
        .map((name) => `EXCLUDED.${name}`)
        .join(', ')}, EXCLUDED.search_vector)
      WHERE t.loaded_at <= EXCLUDED.loaded_at`;
    if (into) {
      for (let i = 0; i < unique.length; i += UPSERT_CHUNK) {
        await this.dataSource.query(sql, [JSON.stringify(unique.slice(i, i + UPSERT_CHUNK).map((doc) => rowOf(doc, codes)))]);
      }
      return;
    }
    // The live table: rows and the version bump in one transaction, then the same rows into memory.
    // The analysed vectors come back only when there is an index in memory to patch.
    const returning = this.index ? 'RETURNING t.case_report_id, t.search_vector::text AS vector' : 'RETURNING t.case_report_id';
    const written: [Record<string, unknown>, string][] = [];
    const version = await this.dataSource.transaction(async (tx) => {
      for (let i = 0; i < unique.length; i += UPSERT_CHUNK) {
        const rows = unique.slice(i, i + UPSERT_CHUNK).map((doc) => rowOf(doc, codes));
        const done = new Map(((await tx.query(`${sql} ${returning}`, [JSON.stringify(rows)])) as { case_report_id: string; vector?: string }[]).map((row) => [row.case_report_id, row.vector]));
        for (const row of rows) if (done.has(row.case_report_id as string)) written.push([row, done.get(row.case_report_id as string) ?? '']);
      }
      return this.bumpVersion(tx);
    });
    this.applyWrite(version, ({ columns, text }) => written.every(([row, vector]) => text.put(columns.put(row as ColumnRow), vector)));
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
    this.applyWrite(version, ({ columns, text }) =>
      deleted.every((row) => {
        const ord = columns.remove(row.case_report_id);
        return ord === undefined || text.remove(ord);
      }),
    );
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
    this.index = null;
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
}
