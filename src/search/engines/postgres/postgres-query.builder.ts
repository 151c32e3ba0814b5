import { FacetDefinition, facetDefinition, FacetField, FacetName } from '../../query/facet-registry';
import { FRAGMENT_DELIMITER, HIGHLIGHT_END, HIGHLIGHT_START } from '../../query/highlight';
import { FilterClause, SearchQuery, sortSpecOf, splitForFacets } from '../../query/search-query';
import { HIGHLIGHT_FIELDS } from '../../query/search-result';
import { TextAtom, TextQuery } from '../../query/text-query';

/** The text search configuration: English stemming and stop words (medical English is English). */
export const TS_CONFIG = 'english';

/** Column of each document field in search_case_document; coded fields hold SearchFacetCode codes. */
export const COLUMN_OF: Record<FacetField | 'hasKnownOutcome', string> = {
  complicationIds: 'complication_codes',
  procedureIds: 'procedure_codes',
  treatmentIds: 'treatment_codes',
  symptomIds: 'symptom_codes',
  sex: 'sex_code',
  ageGroup: 'age_group_code',
  pregnancyStatus: 'pregnancy_status_code',
  anticoagulation: 'anticoagulation_code',
  outcome: 'outcome_code',
  publicationTypes: 'publication_type_codes',
  year: 'year',
  ageYears: 'age_years',
  bloodPatchVolumesMl: 'blood_patch_volumes_ml',
  onsetHours: 'onset_hours',
  hasKnownOutcome: 'has_known_outcome',
};

/** Fields whose values are stored as codes (everything but numbers and the boolean). */
export const CODED_FIELDS = new Set<FacetField>(['complicationIds', 'procedureIds', 'treatmentIds', 'symptomIds', 'sex', 'ageGroup', 'pregnancyStatus', 'anticoagulation', 'outcome', 'publicationTypes']);
const ARRAY_FIELDS = new Set<string>(['complicationIds', 'procedureIds', 'treatmentIds', 'symptomIds', 'publicationTypes', 'bloodPatchVolumesMl', 'onsetHours']);

/** The key under which a facet value gets its code. */
export const codeKey = (field: FacetField, value: string) => `${field}:${value}`;

/** Maps filter values to codes; a value without a code matches nothing (-1). */
export type Encode = (field: FacetField, value: string) => number;

/** Collects positional parameters ($1, $2, ...); values never enter the SQL text. */
export class SqlParams {
  readonly values: unknown[] = [];

  add(value: unknown, cast = ''): string {
    this.values.push(value);
    return `$${this.values.length}${cast}`;
  }
}

/** A tsquery for one atom: the phrase as typed OR any spelling variant. */
function atomSql(atom: TextAtom, params: SqlParams): string {
  const parts = atom.variants.map((variant) => `phraseto_tsquery('${TS_CONFIG}', ${params.add(variant)})`);
  return parts.length === 1 ? parts[0] : `(${parts.join(' || ')})`;
}

/** The tsquery of the whole text: OR of clauses, each ANDing its atoms and NOTing its exclusions. */
export function tsquerySql(text: TextQuery, params: SqlParams): string {
  const clauses = text.anyOf.map((clause) => {
    const parts = [...clause.include.map((atom) => atomSql(atom, params)), ...clause.exclude.map((atom) => `(!! ${atomSql(atom, params)})`)];
    return parts.length === 1 ? parts[0] : `(${parts.join(' && ')})`;
  });
  return clauses.length === 1 ? clauses[0] : `(${clauses.join(' || ')})`;
}

/** SQL for one filter clause against the document alias `d`. */
export function clauseSql(clause: FilterClause, params: SqlParams, encode: Encode, alias = 'd'): string {
  const column = `${alias}.${COLUMN_OF[clause.field]}`;
  switch (clause.kind) {
    case 'any-of': {
      const codes = [...new Set(clause.values.map((value) => encode(clause.field, value)))];
      return ARRAY_FIELDS.has(clause.field) ? `${column} && ${params.add(codes, '::int[]')}` : `${column} = ANY(${params.add(codes, '::int[]')})`;
    }
    case 'range': {
      const bounds = (value: string) =>
        [clause.min !== undefined ? `${value} >= ${params.add(clause.min, '::float8')}` : null, clause.max !== undefined ? `${value} <= ${params.add(clause.max, '::float8')}` : null].filter(Boolean).join(' AND ');
      return ARRAY_FIELDS.has(clause.field) ? `EXISTS (SELECT 1 FROM unnest(${column}) AS v(x) WHERE ${bounds('v.x')})` : `(${bounds(column)})`;
    }
    case 'outcome-known':
      return `${column} = ${params.add(clause.value, '::boolean')}`;
  }
}

export interface PostgresSearchStatements {
  /** Totals and facet counts in one statement; rows: kind, facet, value, cases, publications, n1, n2. */
  counts: { sql: string; params: unknown[] };
  /** The page of hits with sort keys and marked headlines; null when page.first is 0. */
  hits: { sql: string; params: unknown[] } | null;
}

export interface CountRow {
  kind: 'total' | 'bucket' | 'stats' | 'histogram' | 'present';
  facet: FacetName | null;
  /** A code for coded facets. */
  value: string | number | null;
  cases: string | number;
  publications: string | number;
  n1: number | null;
  n2: number | null;
}

export interface HitRow {
  case_report_id: string;
  publication_id: string;
  score: number | null;
  sort_key: number;
  [headline: `h_${string}`]: string | null;
}

export const HEADLINE_OPTIONS = `StartSel=${HIGHLIGHT_START}, StopSel=${HIGHLIGHT_END}, MaxFragments=2, MaxWords=30, MinWords=12, FragmentDelimiter=${FRAGMENT_DELIMITER}`;

function facetCountSql(definition: FacetDefinition, filter: string, params: SqlParams, interval: number | undefined, includeZero: boolean, table: string): string[] {
  const column = `m.${COLUMN_OF[definition.field]}`;
  const where = filter ? `WHERE ${filter}` : '';
  const name = `'${definition.name}'`;
  if (definition.kind === 'numeric-range') {
    const width = params.add(interval ?? definition.defaultInterval, '::float8');
    const source = definition.multiValued ? `FROM m, unnest(${column}) AS v(x) ${where}` : `FROM (SELECT m.case_report_id, ${column}::float8 AS x FROM m ${where}) v WHERE v.x IS NOT NULL`;
    return [
      `SELECT 'stats', ${name}, NULL, 0, 0, min(x)::float8, max(x)::float8 ${source}`,
      `SELECT 'histogram', ${name}, NULL, count(DISTINCT case_report_id), 0, floor(x / ${width}) * ${width}, NULL ${source} GROUP BY 6`,
    ];
  }
  // Value facets are counted together in buildCounts; here only the values present in the index (includeZero).
  return includeZero && definition.multiValued && !definition.termKind ? [`SELECT 'present', ${name}, x, 0, 0, NULL, NULL FROM (SELECT DISTINCT unnest(${COLUMN_OF[definition.field]}) AS x FROM ${table}) p`] : [];
}

/**
 * Builds the two statements of one search. Disjunctive counting in one pass: the matching rows are
 * computed once (text + filters no requested facet owns), with one boolean per requested facet's own
 * filter; hits and totals need every flag, a facet's counts every flag but its own.
 */
export function buildPostgresSearch(query: SearchQuery, encode: Encode, table = 'search_case_document'): PostgresSearchStatements {
  return { counts: buildCounts(query, encode, table), hits: query.page.first > 0 ? buildHits(query, encode, table) : null };
}

function buildCounts(query: SearchQuery, encode: Encode, table: string): { sql: string; params: unknown[] } {
  const params = new SqlParams();
  const { common, own } = splitForFacets(query);
  const ownEntries = [...own.entries()];
  const where: string[] = [];
  let withQ = '';
  if (query.text) {
    withQ = `q AS (SELECT ${tsquerySql(query.text, params)} AS query), `;
    where.push('d.search_vector @@ (SELECT query FROM q)');
  }
  where.push(...common.map((clause) => clauseSql(clause, params, encode)));
  // NULL (e.g. a range on a missing year) counts as false, so flags are plain booleans.
  const flagExprs = ownEntries.map(([, clause]) => `coalesce((${clauseSql(clause, params, encode)}), false)`);
  if (ownEntries.length > 1) where.push(`(${flagExprs.map((expr) => `${expr}::int`).join(' + ')}) >= ${ownEntries.length - 1}`);
  const flagOf = new Map(ownEntries.map(([facet], index) => [facet, `f${index}`]));
  const needed = new Set(['case_report_id', 'publication_id']);
  for (const request of query.facets) needed.add(COLUMN_OF[facetDefinition(request.facet).field]);
  const columns = [...[...needed].map((c) => `d.${c}`), ...flagExprs.map((expr, index) => `${expr} AS f${index}`)];
  const m = `m AS MATERIALIZED (SELECT ${columns.join(', ')} FROM ${table} d${where.length ? ` WHERE ${where.join(' AND ')}` : ''})`;
  const allFlags = ownEntries.map(([facet]) => `m.${flagOf.get(facet)}`).join(' AND ');
  const othersOf = (name: FacetName) => ownEntries.filter(([facet]) => facet !== name).map(([facet]) => `m.${flagOf.get(facet)}`).join(' AND ');
  // Distinct publications by grouping (hash) rather than count(DISTINCT) (sort).
  const total = (from: string, filter: string) =>
    `SELECT 'total' AS kind, NULL AS facet, NULL::int AS value, coalesce(sum(n), 0) AS cases, count(*) AS publications, NULL::float8 AS n1, NULL::float8 AS n2 FROM (SELECT publication_id, count(*) AS n FROM ${from}${filter ? ` WHERE ${filter}` : ''} GROUP BY publication_id) t`;
  if (!query.facets.length) {
    // Totals only: no intermediate result to keep.
    return { sql: `${withQ ? `WITH ${withQ.replace(/, $/, '')} ` : ''}${total(`${table} d`, where.join(' AND '))}`, params: params.values };
  }
  const parts = [total('m', allFlags)];
  // Every value facet in one pass: codes are unique across facets, so one array per row holds the
  // codes of each facet whose other selections the row meets, and one grouping counts them all.
  const valueFacets = query.facets.map((request) => facetDefinition(request.facet)).filter((definition) => definition.kind !== 'numeric-range');
  if (valueFacets.length) {
    const arrays = valueFacets.map((definition) => {
      const column = `m.${COLUMN_OF[definition.field]}`;
      const codes = definition.multiValued ? column : `ARRAY[${column}]`;
      const others = othersOf(definition.name);
      return others ? `(CASE WHEN ${others} THEN ${codes} ELSE '{}'::int[] END)` : codes;
    });
    parts.push(`SELECT 'bucket', NULL, x, sum(n), count(*), NULL, NULL FROM (SELECT x, publication_id, count(*) AS n FROM m, unnest(${arrays.join(' || ')}) AS v(x) GROUP BY x, publication_id) g GROUP BY x`);
  }
  for (const request of query.facets) {
    const definition = facetDefinition(request.facet);
    if (definition.kind === 'numeric-range' || (request.includeZero && definition.multiValued && !definition.termKind)) {
      parts.push(...facetCountSql(definition, othersOf(request.facet), params, request.interval, request.includeZero, table));
    }
  }
  return { sql: `WITH ${withQ}${m}\n${parts.join('\nUNION ALL\n')}`, params: params.values };
}

/** The stored sort key column and how a hit's public sort value maps to it (descending keys are negated). */
export function sortColumnOf(query: SearchQuery): { column: string | null; negate: boolean } {
  const spec = sortSpecOf(query.sort, Boolean(query.text));
  if (spec.key === 'score') return { column: null, negate: false };
  const base = spec.key === 'year' ? 'year' : 'age';
  return { column: `${base}_${spec.direction}_key`, negate: spec.direction === 'desc' };
}

function buildHits(query: SearchQuery, encode: Encode, table: string): { sql: string; params: unknown[] } {
  const params = new SqlParams();
  const where: string[] = [];
  let withQ = '';
  if (query.text) {
    withQ = `WITH q AS (SELECT ${tsquerySql(query.text, params)} AS query) `;
    where.push('d.search_vector @@ (SELECT query FROM q)');
  }
  const { common, own } = splitForFacets(query);
  where.push(...[...common, ...own.values()].map((clause) => clauseSql(clause, params, encode)));
  const { column, negate } = sortColumnOf(query);
  const scoreSql = query.text ? `ts_rank_cd(d.rank_vector, (SELECT query FROM q))::float8` : 'NULL::float8';
  const after = query.page.after;
  let order: string;
  if (column) {
    // Ascending on the stored key, then id: the (key, id) index serves it and the keyset below.
    order = `d.${column} ASC, d.case_report_id ASC`;
    if (after) where.push(`(d.${column}, d.case_report_id) > (${params.add(negate ? -after.values[0] : after.values[0], '::float8')}, ${params.add(after.caseReportId, '::uuid')})`);
  } else {
    order = `score DESC, d.case_report_id ASC`;
    if (after) {
      const value = params.add(after.values[0], '::float8');
      where.push(`(${scoreSql} < ${value} OR (${scoreSql} = ${value} AND d.case_report_id > ${params.add(after.caseReportId, '::uuid')}))`);
    }
  }
  const limit = params.add(query.page.first + 1, '::int');
  const keySql = column ? `${negate ? '-' : ''}d.${column}` : scoreSql;
  const inner = `SELECT d.case_report_id, d.publication_id, ${scoreSql} AS score, ${keySql} AS sort_key FROM ${table} d${where.length ? ` WHERE ${where.join(' AND ')}` : ''} ORDER BY ${order} LIMIT ${limit}`;
  const headlines =
    query.text && query.highlight
      ? HIGHLIGHT_FIELDS.map((field) => `, CASE WHEN doc.${field} <> '' THEN ts_headline('${TS_CONFIG}', doc.${field}, (SELECT query FROM q), ${params.add(HEADLINE_OPTIONS)}) END AS h_${field}`).join('')
      : '';
  const outerOrder = column ? `p.sort_key ${negate ? 'DESC' : 'ASC'}, p.case_report_id ASC` : 'p.score DESC, p.case_report_id ASC';
  const sql = `${withQ}SELECT p.case_report_id, p.publication_id, p.score, p.sort_key${headlines} FROM (${inner}) p${headlines ? ` JOIN ${table} doc ON doc.case_report_id = p.case_report_id` : ''} ORDER BY ${outerOrder}`;
  return { sql, params: params.values };
}
