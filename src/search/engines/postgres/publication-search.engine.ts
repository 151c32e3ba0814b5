import { DataSource } from 'typeorm';
import { CITATION_COMPLETE, CITATION_INCOMPLETE } from '../../query/citation-order';
import { FRAGMENT_DELIMITER, HIGHLIGHT_END, HIGHLIGHT_START, markedSnippets, stripControlCharacters } from '../../query/highlight';
import { IndexBuild } from '../../search-engine.port';
import { PublicationSearchDocument } from '../../publications/publication-search-document';
import { PublicationSearchEngine } from '../../publications/publication-search-engine.port';
import {
  clausesForPublicationFacet,
  PUBLICATION_FACETS,
  PublicationFacetDefinition,
  publicationFacetDefinition,
  PublicationFacetField,
  PublicationFilterClause,
  publicationFilterClauses,
  PublicationSearchQuery,
  publicationSortSpec,
} from '../../publications/publication-search-query';
import { EnginePublicationFacetResult, EnginePublicationHit, EnginePublicationSearchResult } from '../../publications/publication-search-result';
import { SqlParams, TS_CONFIG, tsquerySql } from './postgres-query.builder';

export const PUBLICATION_LIVE_TABLE = 'search_publication_document';
const BUILD_TABLE = `${PUBLICATION_LIVE_TABLE}_next`;
const UPSERT_CHUNK = 500;

const COLUMN_OF: Record<PublicationFacetField, string> = {
  year: 'year',
  publicationTypes: 'publication_types',
  meshUis: 'mesh_uis',
  journal: 'journal',
  language: 'language',
  reviews: 'reviews',
  importBatchIds: 'import_batch_ids',
  caseStatus: 'case_status',
  screeningDecisions: 'screening_decisions',
};

const COLUMNS: [string, string][] = [
  ['publication_id', 'uuid'],
  ['year', 'int'],
  ['publication_types', 'text[]'],
  ['mesh_uis', 'text[]'],
  ['journal', 'text'],
  ['language', 'text'],
  ['reviews', 'text[]'],
  ['import_batch_ids', 'text[]'],
  ['case_status', 'varchar'],
  ['screening_decisions', 'text[]'],
  ['citation_complete', 'boolean'],
  ['title', 'text'],
  ['abstract', 'text'],
  ['loaded_at', 'timestamptz'],
];
const TEXT_ONLY: [string, string][] = [
  ['subject_text', 'text'],
  ['other_text', 'text'],
];

/** Weighted text: A title, B MeSH headings and keywords, C abstract, D authors, DOI and PMID (as the Elasticsearch engine's otherText). */
const SEARCH_VECTOR_SQL = [
  `setweight(to_tsvector('${TS_CONFIG}', x.title), 'A')`,
  `setweight(to_tsvector('${TS_CONFIG}', x.subject_text), 'B')`,
  `setweight(to_tsvector('${TS_CONFIG}', coalesce(x.abstract, '')), 'C')`,
  `setweight(to_tsvector('${TS_CONFIG}', x.other_text), 'D')`,
].join(' || ');

/** The citation sort value of a row (citation-order.ts): 1 complete, 0 incomplete (or written before the column existed). */
const CITATION_VALUE_SQL = `(CASE WHEN d.citation_complete THEN ${CITATION_COMPLETE} ELSE ${CITATION_INCOMPLETE} END)`;

const HEADLINE_OPTIONS = (field: 'title' | 'abstract') =>
  field === 'title'
    ? `StartSel=${HIGHLIGHT_START}, StopSel=${HIGHLIGHT_END}, HighlightAll=true`
    : `StartSel=${HIGHLIGHT_START}, StopSel=${HIGHLIGHT_END}, MaxFragments=2, MaxWords=30, MinWords=10, FragmentDelimiter=${FRAGMENT_DELIMITER}`;

function rowOf(doc: PublicationSearchDocument): Record<string, unknown> {
  return {
    publication_id: doc.publicationId,
    year: doc.year,
    publication_types: doc.publicationTypes,
    mesh_uis: doc.meshUis,
    journal: doc.journal,
    language: doc.language,
    reviews: doc.reviews,
    import_batch_ids: doc.importBatchIds,
    case_status: doc.caseStatus,
    screening_decisions: doc.screeningDecisions,
    citation_complete: doc.citationComplete,
    title: stripControlCharacters(doc.title),
    abstract: doc.abstract === null ? null : stripControlCharacters(doc.abstract),
    loaded_at: doc.loadedAt,
    subject_text: stripControlCharacters(doc.subjects.join(' ;\n')),
    other_text: stripControlCharacters([...doc.authors, doc.doi ?? '', doc.pmid ?? ''].join(' ;\n')),
  };
}

interface Where {
  sql: string;
}

/**
 * The embedded engine's publication search, in SQL over search_publication_document. The text is
 * matched with the same tsquery as case search builds (`tsquerySql`, phrases per spelling), ranked with
 * ts_rank_cd and highlighted with ts_headline; facets are counted by GROUP BY, each under every filter
 * but its own. Publication counts are far smaller than case counts in a review, so SQL is quick enough
 * here; the in-memory machinery of case search is not repeated.
 */
export class PostgresPublicationSearchEngine implements PublicationSearchEngine {
  readonly name = 'postgres';

  constructor(private readonly dataSource: DataSource) {}

  async ensureIndex(): Promise<void> {
    // The table comes with the migrations.
  }

  async upsert(documents: PublicationSearchDocument[], into?: IndexBuild): Promise<void> {
    const table = into?.name ?? PUBLICATION_LIVE_TABLE;
    const columns = COLUMNS.map(([name]) => name);
    const recordset = [...COLUMNS, ...TEXT_ONLY].map(([name, type]) => `${name} ${type}`).join(', ');
    for (let i = 0; i < documents.length; i += UPSERT_CHUNK) {
      const rows = documents.slice(i, i + UPSERT_CHUNK).map(rowOf);
      await this.dataSource.query(
        `INSERT INTO ${table} (${columns.join(', ')}, search_vector)
         SELECT ${columns.map((c) => `x.${c}`).join(', ')}, ${SEARCH_VECTOR_SQL}
         FROM jsonb_to_recordset($1::jsonb) AS x(${recordset})
         ON CONFLICT (publication_id) DO UPDATE SET ${[...columns.slice(1), 'search_vector'].map((c) => `${c} = EXCLUDED.${c}`).join(', ')}
         WHERE ${table}.loaded_at <= EXCLUDED.loaded_at`,
        [JSON.stringify(rows)],
      );
    }
  }

  async delete(publicationIds: string[]): Promise<void> {
    if (publicationIds.length) await this.dataSource.query(`DELETE FROM ${PUBLICATION_LIVE_TABLE} WHERE publication_id = ANY($1::uuid[])`, [publicationIds]);
  }

  async createIndex(): Promise<IndexBuild> {
    await this.dataSource.query(`DROP TABLE IF EXISTS ${BUILD_TABLE}`);
    await this.dataSource.query(`CREATE TABLE ${BUILD_TABLE} (LIKE ${PUBLICATION_LIVE_TABLE} INCLUDING DEFAULTS INCLUDING CONSTRAINTS)`);
    await this.dataSource.query(`ALTER TABLE ${BUILD_TABLE} ADD PRIMARY KEY (publication_id)`);
    return { name: BUILD_TABLE };
  }

  /** Copies the build into the live table in one transaction (the live table keeps its indexes and names). */
  async swapIndex(build: IndexBuild): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await manager.query(`DELETE FROM ${PUBLICATION_LIVE_TABLE}`);
      await manager.query(`INSERT INTO ${PUBLICATION_LIVE_TABLE} SELECT * FROM ${build.name}`);
      await manager.query(`DROP TABLE ${build.name}`);
    });
  }

  async dropIndex(build: IndexBuild): Promise<void> {
    await this.dataSource.query(`DROP TABLE IF EXISTS ${build.name}`);
  }

  async count(): Promise<number> {
    const [row] = await this.dataSource.query(`SELECT count(*)::int AS n FROM ${PUBLICATION_LIVE_TABLE}`);
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

  async search(query: PublicationSearchQuery): Promise<EnginePublicationSearchResult> {
    const params = new SqlParams();
    const tsquery = query.text ? tsquerySql(query.text, params) : null;
    const textWhere = tsquery ? `d.search_vector @@ ${tsquery}` : 'TRUE';
    const all = this.where(publicationFilterClauses(query.filters), params);
    const countValues = [...params.values];
    const spec = publicationSortSpec(query.sort, Boolean(query.text));
    const key = spec.key === 'score' ? `ts_rank_cd(d.search_vector, ${tsquery as string})::float8` : `coalesce(d.year, ${spec.missing})::float8`;
    const cmp = spec.direction === 'desc' ? '<' : '>';
    let keyset = 'TRUE';
    if (query.page.after) {
      // Rows after the cursor: a later key, or the same key and a later citation value (complete, 1,
      // before incomplete, 0), or both the same and a greater id.
      const value = params.add(query.page.after.values[0] ?? spec.missing, '::float8');
      const citation = params.add(query.page.after.values[1] ?? CITATION_COMPLETE, '::float8');
      const id = params.add(query.page.after.publicationId, '::uuid');
      keyset = `(${key} ${cmp} ${value} OR (${key} = ${value} AND (${CITATION_VALUE_SQL} < ${citation} OR (${CITATION_VALUE_SQL} = ${citation} AND d.publication_id > ${id}))))`;
    }
    const limit = params.add(query.page.first + 1, '::int');
    const headline = (field: 'title' | 'abstract') => (query.highlight && tsquery ? `ts_headline('${TS_CONFIG}', coalesce(d.${field}, ''), ${tsquery}, '${HEADLINE_OPTIONS(field)}')` : 'NULL');
    const pageRows = query.page.first > 0
      ? await this.dataSource.query(
          `SELECT d.publication_id AS id, ${key} AS sort_key, ${CITATION_VALUE_SQL} AS citation, ${spec.key === 'score' ? key : 'NULL'} AS score, ${headline('title')} AS title_marked, ${headline('abstract')} AS abstract_marked
           FROM ${PUBLICATION_LIVE_TABLE} d WHERE ${textWhere} AND ${all.sql} AND ${keyset}
           ORDER BY sort_key ${spec.direction === 'desc' ? 'DESC' : 'ASC'}, citation DESC, d.publication_id ASC LIMIT ${limit}`,
          params.values,
        )
      : [];
    const totalRows = await this.dataSource.query(`SELECT count(*)::int AS n FROM ${PUBLICATION_LIVE_TABLE} d WHERE ${textWhere} AND ${all.sql}`, countValues);
    const rows = pageRows as { id: string; sort_key: number; citation: number; score: number | null; title_marked: string | null; abstract_marked: string | null }[];
    const hits: EnginePublicationHit[] = rows.slice(0, query.page.first).map((row) => ({
      publicationId: row.id,
      score: row.score === null ? null : Number(row.score),
      sortValues: [Number(row.sort_key), Number(row.citation)],
      highlights: (
        [
          { field: 'title' as const, snippets: markedSnippets(row.title_marked) },
          { field: 'abstract' as const, snippets: markedSnippets(row.abstract_marked) },
        ]
      ).filter((h) => h.snippets.length),
    }));
    const facets: EnginePublicationFacetResult[] = [];
    for (const request of uniqueFacets(query)) facets.push(await this.countFacet(query, request.facet, request.includeZero, request.interval));
    return { totalPublications: totalRows[0].n, hits, hasNextPage: rows.length > query.page.first, facets };
  }

  private where(clauses: PublicationFilterClause[], params: SqlParams): Where {
    const parts = clauses.map((clause) => {
      const definition = PUBLICATION_FACETS.find((facet) => facet.filterKey === clause.key) as PublicationFacetDefinition;
      const column = `d.${COLUMN_OF[clause.field]}`;
      if (clause.kind === 'range') {
        const bounds = [];
        if (clause.min !== undefined) bounds.push(`${column} >= ${params.add(clause.min, '::float8')}`);
        if (clause.max !== undefined) bounds.push(`${column} <= ${params.add(clause.max, '::float8')}`);
        return `(${bounds.join(' AND ')})`;
      }
      return definition.multiValued ? `${column} && ${params.add(clause.values, '::text[]')}` : `${column} = ANY(${params.add(clause.values, '::text[]')})`;
    });
    return { sql: parts.length ? parts.join(' AND ') : 'TRUE' };
  }

  private async countFacet(query: PublicationSearchQuery, facet: PublicationSearchQuery['facets'][number]['facet'], includeZero: boolean, interval?: number): Promise<EnginePublicationFacetResult> {
    const definition = publicationFacetDefinition(facet);
    const params = new SqlParams();
    const text = query.text ? `d.search_vector @@ ${tsquerySql(query.text, params)}` : 'TRUE';
    const where = `${text} AND ${this.where(clausesForPublicationFacet(query.filters, facet), params).sql}`;
    const column = `d.${COLUMN_OF[definition.field]}`;
    if (definition.kind === 'numeric-range') {
      const width = params.add(interval ?? definition.defaultInterval ?? 1, '::float8');
      const [stats] = await this.dataSource.query(`SELECT min(${column})::float8 AS min, max(${column})::float8 AS max FROM ${PUBLICATION_LIVE_TABLE} d WHERE ${where} AND ${column} IS NOT NULL`, params.values.slice(0, -1));
      const histogram: { from: number; n: number }[] = await this.dataSource.query(
        `SELECT floor(${column} / ${width}) * ${width} AS from, count(*)::int AS n FROM ${PUBLICATION_LIVE_TABLE} d WHERE ${where} AND ${column} IS NOT NULL GROUP BY 1 ORDER BY 1`,
        params.values,
      );
      const step = Number(params.values[params.values.length - 1]);
      return {
        facet,
        buckets: [],
        stats: {
          min: stats.min === null ? null : Number(stats.min),
          max: stats.max === null ? null : Number(stats.max),
          buckets: histogram.map((bucket) => ({ from: Number(bucket.from), to: Number(bucket.from) + step, caseCount: bucket.n })),
        },
      };
    }
    const valueSql = definition.multiValued ? `unnest(${column})` : column;
    const counted: { value: string; n: number }[] = await this.dataSource.query(
      `SELECT v AS value, count(*)::int AS n FROM ${PUBLICATION_LIVE_TABLE} d CROSS JOIN LATERAL (SELECT ${valueSql} AS v) x WHERE ${where} GROUP BY v`,
      params.values,
    );
    const buckets = counted.map((row) => ({ value: row.value, publicationCount: row.n }));
    if (includeZero && definition.kind !== 'enum') {
      const seen = new Set(buckets.map((bucket) => bucket.value));
      const present: { value: string }[] = await this.dataSource.query(`SELECT DISTINCT ${valueSql} AS value FROM ${PUBLICATION_LIVE_TABLE} d`);
      for (const { value } of present) if (!seen.has(value)) buckets.push({ value, publicationCount: 0 });
    }
    return { facet, buckets, stats: null };
  }
}

function uniqueFacets(query: PublicationSearchQuery) {
  const seen = new Set<string>();
  return query.facets.filter((request) => !seen.has(request.facet) && seen.add(request.facet));
}
