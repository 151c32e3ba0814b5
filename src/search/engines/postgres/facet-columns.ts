import { facetDefinition, FacetField, FacetName } from '../../query/facet-registry';
import { CITATION_COMPLETE } from '../../query/citation-order';
import { facetLink, FilterClause, filterClauses, MISSING_HIGH, MISSING_LOW, ownClauses, SearchQuery, splitForFacets } from '../../query/search-query';
import { cardinality, countCasePositionsIn, countCasesIn, countIn, countPositionsIn, forEachPosition, intersect, wordCount } from './bitset';
import { CODED_FIELDS, COLUMN_OF, CountRow, Encode, LINK_PAIRS } from './postgres-query.builder';
import { buildValueColumn, preferValueScan, ValueColumn, ValueTally } from './value-tally';

/** The columns of search_case_document that counting and ordering read (codes, numbers, the booleans, the link pairs). */
export const COLUMN_FIELDS: (FacetField | 'hasKnownOutcome' | 'citationComplete' | typeof LINK_PAIRS)[] = [
  'complicationIds',
  'procedureIds',
  'treatmentIds',
  'symptomIds',
  'publicationTypes',
  'sex',
  'ageGroup',
  'pregnancyStatus',
  'anticoagulation',
  'outcome',
  'curationStatus',
  'year',
  'ageYears',
  'bloodPatchVolumesMl',
  'onsetHours',
  'hasKnownOutcome',
  'citationComplete',
  LINK_PAIRS,
];
const MULTI = new Set<string>(['complicationIds', 'procedureIds', 'treatmentIds', 'symptomIds', 'publicationTypes', 'bloodPatchVolumesMl', 'onsetHours', LINK_PAIRS]);

/** One row of the index as counting sees it (column names as in the table). */
export type ColumnRow = Record<string, unknown> & { case_report_id: string; publication_id: string };

export const COLUMN_SELECT = ['case_report_id', 'publication_id', ...COLUMN_FIELDS.map((field) => COLUMN_OF[field])].join(', ');

type Value = number | null | number[];

/**
 * The cases holding one facet value: a bitset over positions (Uint32Array) when many cases hold it,
 * the ascending positions (Int32Array) when few do, so memory and counting time follow the cases a
 * value has, not the corpus size times the number of values (thousands with the MeSH vocabulary).
 */
type CodeSet = Uint32Array | Int32Array;

/** A value held by fewer than one case in this many positions is kept as a list of positions. */
const SPARSE_RATIO = 128;

/** Clause masks kept between searches (100 KB each at 100,000 cases). */
const MASK_CACHE_SIZE = 64;

/** The columns as typed arrays (see FacetColumns.frozen). */
interface Frozen {
  alive: Uint8Array;
  liveCount: number;
  /** Clause sets over positions, most recently used last (see clauseSet). */
  masks: Map<string, Uint32Array>;
  /** Position -> ordinal: live cases by publication, then the deleted ones. */
  order: Int32Array;
  aliveBits: Uint32Array;
  /** Bit p: the case at position p is the only live case of its publication. */
  alone: Uint32Array;
  /** Position -> publication ordinal. */
  publicationAt: Int32Array;
  /** Per coded field, code -> the positions holding it (see codeSets). */
  codeSets: Map<FacetField, Map<number, CodeSet>>;
  /** Per coded field, each position's values (see valueColumn). */
  valueColumns: Map<FacetField, ValueColumn>;
  /** Text matches (masks over ordinals) as sets over positions, while the engine keeps the match (TextPostings.matchRecent). */
  textSets: WeakMap<Uint8Array, Uint32Array>;
  /** Sort keys by field and direction (see sortKeys). */
  sortKeys: Map<string, Float64Array>;
  /** Codes as Int32Array (null -1), so they index count arrays as integers; numbers as Float64Array (null NaN). */
  single: Map<string, Int32Array | Float64Array>;
  multi: Map<string, { start: Int32Array; values: Int32Array | Float64Array }>;
  /** Cross-tab axes by field and unknown code (see axisIndex, axisSets). */
  axes: Map<string, AxisIndex>;
  axisSets: Map<string, { code: number | null; set: CodeSet }[]>;
  /** Single-valued axes: position -> value index (see positionLabels). */
  labels: Map<string, Int32Array>;
}

/** A cross-tab side: a coded field and the code of the value its documents store for "unknown" (-1: none). */
export interface CrossCountAxis {
  field: FacetField;
  unknownCode: number;
}

/** How crossCount counts. */
export interface CrossCountOptions {
  /**
   * Distinct publications too (the default). Without them every `publications` is 0 and the counting
   * is population counts and bare visits: a cell's distinct publications need each of its cases
   * visited with a last-publication check, which is most of a cross-tab's time.
   */
  publications?: boolean;
  /** See crossCount; 'auto' picks by the axes and sizes. */
  strategy?: 'auto' | 'sets' | 'scan' | 'visits';
}

/** Raw cross-tab counts by code (null: the unknown). */
export interface CrossCount {
  totalCases: number;
  totalPublications: number;
  rows: { code: number | null; cases: number; publications: number }[];
  columns: { code: number | null; cases: number; publications: number }[];
  cells: { rowCode: number | null; columnCode: number | null; cases: number; publications: number }[];
}

interface AxisIndex {
  /** Index -> code; index 0 is the unknown. */
  codes: number[];
  /** Code -> index (0 for the unknown code and codes the field never held). */
  indexOf: Int32Array;
  list: { start: Int32Array; values: Int32Array } | null;
  one: Int32Array | null;
}

/** The distinct indices of a case's values on an axis into `out` (the unknown, 0, when it has none); returns how many. */
function indicesOf(axis: AxisIndex, ord: number, out: Int32Array): number {
  let n = 0;
  if (axis.list) {
    const { start, values } = axis.list;
    for (let v = start[ord]; v < start[ord + 1]; v++) {
      const index = values[v] >= 0 && values[v] < axis.indexOf.length ? axis.indexOf[values[v]] : 0;
      if (index === 0) continue;
      let seen = false;
      for (let k = 0; k < n; k++) if (out[k] === index) seen = true;
      if (!seen) out[n++] = index;
    }
  } else {
    const code = (axis.one as Int32Array)[ord];
    const index = code >= 0 && code < axis.indexOf.length ? axis.indexOf[code] : 0;
    if (index !== 0) out[n++] = index;
  }
  if (n === 0) out[n++] = 0;
  return n;
}

/**
 * A cross-tab visits every matching case (instead of intersecting sets) when the intersections would
 * read more than this many words per matching case: measured at 100,000 cases, a visit costs about as
 * much as 60 words ANDed and counted.
 */
const SCAN_WORDS_PER_CASE = 32;

/** Slots above this are tallied in a map (a cross-tab of two large vocabularies is sparse). */
const DENSE_TALLY_SLOTS = 1 << 20;

/** Cases and distinct publications per slot, visited in publication order (publication -1: not counted). */
class Tally {
  private readonly dense: { cases: Int32Array; publications: Int32Array; last: Int32Array } | null;
  private readonly sparse = new Map<number, { cases: number; publications: number; last: number }>();

  constructor(size: number) {
    this.dense = size <= DENSE_TALLY_SLOTS ? { cases: new Int32Array(size), publications: new Int32Array(size), last: new Int32Array(size).fill(-1) } : null;
  }

  add(slot: number, publication: number): void {
    const dense = this.dense;
    if (dense) {
      dense.cases[slot]++;
      if (publication >= 0 && dense.last[slot] !== publication) {
        dense.last[slot] = publication;
        dense.publications[slot]++;
      }
      return;
    }
    const entry = this.sparse.get(slot) ?? { cases: 0, publications: 0, last: -1 };
    entry.cases++;
    if (publication >= 0 && entry.last !== publication) {
      entry.last = publication;
      entry.publications++;
    }
    this.sparse.set(slot, entry);
  }

  forEach(visit: (slot: number, cases: number, publications: number) => void): void {
    const dense = this.dense;
    if (dense) {
      for (let slot = 0; slot < dense.cases.length; slot++) if (dense.cases[slot]) visit(slot, dense.cases[slot], dense.publications[slot]);
    } else for (const [slot, entry] of this.sparse) visit(slot, entry.cases, entry.publications);
  }
}

const num = (value: unknown): number | null => (value === null || value === undefined ? null : Number(value));
const nums = (value: unknown): number[] => (Array.isArray(value) ? value.map(Number) : []);

/**
 * The facet columns of the live index held in memory, one slot (ordinal) per case. Counting works on
 * sets of cases as bitsets (bitset.ts) over positions, a case's rank in publication order: one set per
 * filter clause, per facet value and for the text matches; a value's count is a population count of
 * an AND. Semantics as the SQL this replaced: a NULL single value matches no filter and is not
 * counted; a range on a multi-valued field means "some value in range"; a case counts once per value;
 * publications are distinct per bucket.
 */
export class FacetColumns {
  private readonly ordinalById = new Map<string, number>();
  private readonly ids: string[] = [];
  private readonly alive: boolean[] = [];
  private readonly pub: number[] = [];
  private readonly pubOrdOf = new Map<string, number>();
  private readonly pubIds: string[] = [];
  private readonly values = new Map<string, Value[]>(COLUMN_FIELDS.map((field) => [field, []]));
  /** The largest facet code held (codes are positive serials). */
  private maxCode = 0;
  /** The typed-array copy counting reads; null after a write. */
  private snapshot: Frozen | null = null;
  /** Scratch counts of a single-pass facet count (see valueColumn). */
  private readonly tally = new ValueTally();

  constructor(readonly version: bigint) {}

  static load(version: bigint, rows: ColumnRow[]): FacetColumns {
    const columns = new FacetColumns(version);
    for (const row of rows) columns.put(row);
    return columns;
  }

  withVersion(version: bigint): FacetColumns {
    (this as { version: bigint }).version = version;
    return this;
  }

  /** Adds or replaces a case; returns its ordinal. */
  put(row: ColumnRow): number {
    let ord = this.ordinalById.get(row.case_report_id);
    if (ord === undefined) {
      ord = this.ids.length;
      this.ordinalById.set(row.case_report_id, ord);
      this.ids.push(row.case_report_id);
    }
    this.alive[ord] = true;
    this.snapshot = null;
    let pubOrd = this.pubOrdOf.get(row.publication_id);
    if (pubOrd === undefined) {
      pubOrd = this.pubOrdOf.size;
      this.pubOrdOf.set(row.publication_id, pubOrd);
      this.pubIds.push(row.publication_id);
    }
    this.pub[ord] = pubOrd;
    for (const field of COLUMN_FIELDS) {
      const raw = row[COLUMN_OF[field]];
      const column = this.values.get(field) as Value[];
      if (field === 'hasKnownOutcome' || field === 'citationComplete') column[ord] = raw === null || raw === undefined ? null : raw === true || raw === 't' ? 1 : 0;
      else column[ord] = MULTI.has(field) ? nums(raw) : num(raw);
      if (CODED_FIELDS.has(field as FacetField)) {
        const value = column[ord];
        for (const code of Array.isArray(value) ? value : value === null ? [] : [value]) if (code > this.maxCode) this.maxCode = code;
      }
    }
    return ord;
  }

  /** Marks a case deleted; returns its ordinal (undefined when not held). */
  remove(caseReportId: string): number | undefined {
    const ord = this.ordinalById.get(caseReportId);
    if (ord !== undefined) this.alive[ord] = false;
    this.snapshot = null;
    return ord;
  }

  /**
   * The columns as typed arrays, rebuilt at the first search after a write (with the sets built from
   * them, 0.2–0.45 s at 100,000 cases on PGlite, milliseconds at a few thousand): multi-valued
   * fields as one values array with per-case offsets, single values with NaN for null. Counting
   * reads only these.
   */
  private frozen(): Frozen {
    if (this.snapshot) return this.snapshot;
    const n = this.ids.length;
    const single = new Map<string, Int32Array | Float64Array>();
    const multi = new Map<string, { start: Int32Array; values: Int32Array | Float64Array }>();
    for (const field of COLUMN_FIELDS) {
      const column = this.values.get(field) as Value[];
      const coded = CODED_FIELDS.has(field as FacetField);
      if (MULTI.has(field)) {
        const start = new Int32Array(n + 1);
        for (let ord = 0; ord < n; ord++) start[ord + 1] = start[ord] + ((column[ord] as number[] | undefined)?.length ?? 0);
        const values = coded ? new Int32Array(start[n]) : new Float64Array(start[n]);
        for (let ord = 0; ord < n; ord++) {
          const list = column[ord] as number[] | undefined;
          if (list) values.set(list, start[ord]);
        }
        multi.set(field, { start, values });
      } else {
        const values = coded ? new Int32Array(n) : new Float64Array(n);
        const missing = coded ? -1 : NaN;
        for (let ord = 0; ord < n; ord++) values[ord] = (column[ord] as number | null | undefined) ?? missing;
        single.set(field, values);
      }
    }
    const alive = new Uint8Array(n);
    let liveCount = 0;
    for (let ord = 0; ord < n; ord++) {
      if (!this.alive[ord]) continue;
      alive[ord] = 1;
      liveCount++;
    }
    // Positions: live cases by publication (a publication's cases are neighbours), then the deleted.
    const order = Int32Array.from(this.ids.keys()).sort((a, b) => alive[b] - alive[a] || this.pub[a] - this.pub[b] || a - b);
    const aliveBits = new Uint32Array(wordCount(n));
    const alone = new Uint32Array(wordCount(n));
    const publicationAt = Int32Array.from(order, (ord) => this.pub[ord]);
    for (let position = 0; position < liveCount; position++) {
      aliveBits[position >>> 5] |= 1 << (position & 31);
      const publication = publicationAt[position];
      if ((position === 0 || publicationAt[position - 1] !== publication) && (position + 1 === liveCount || publicationAt[position + 1] !== publication)) alone[position >>> 5] |= 1 << (position & 31);
    }
    this.snapshot = { alive, liveCount, single, multi, masks: new Map(), order, aliveBits, alone, publicationAt, codeSets: new Map(), valueColumns: new Map(), textSets: new WeakMap(), sortKeys: new Map(), axes: new Map(), axisSets: new Map(), labels: new Map() };
    return this.snapshot;
  }

  /**
   * Which cases meet one clause, as a set over positions. Sets are kept until the next write (like
   * Elasticsearch's filter cache): a researcher refines one search, so the same clauses come back.
   */
  private clauseSet(clause: FilterClause, encode: Encode, columns: Frozen): Uint32Array {
    const key = JSON.stringify(clause.kind === 'any-of' ? { ...clause, codes: clause.values.map((value) => encode(clause.field, value)) } : clause);
    let set = columns.masks.get(key);
    if (!set) {
      set = this.toPositions(this.computeMask(clause, encode, columns), columns);
      if (columns.masks.size >= MASK_CACHE_SIZE) columns.masks.delete(columns.masks.keys().next().value as string);
    } else columns.masks.delete(key);
    columns.masks.set(key, set);
    return set;
  }

  /** A set over codes (complications or procedures), for testing link pairs. */
  private codeFlags(field: FacetField, values: string[], encode: Encode): Uint8Array {
    const flags = new Uint8Array(this.maxCode + 1);
    for (const value of values) {
      const code = encode(field, value);
      if (code >= 0 && code <= this.maxCode) flags[code] = 1;
    }
    return flags;
  }

  private computeMask(clause: FilterClause, encode: Encode, columns: Frozen): Uint8Array {
    const n = this.ids.length;
    const mask = new Uint8Array(n);
    if (clause.kind === 'complication-after-procedure') {
      // An empty side does not restrict (the plain filter of the other side).
      if (!clause.procedures.length) return this.computeMask({ kind: 'any-of', key: 'complications', field: 'complicationIds', values: clause.complications }, encode, columns);
      if (!clause.complications.length) return this.computeMask({ kind: 'any-of', key: 'procedures', field: 'procedureIds', values: clause.procedures }, encode, columns);
      const complications = this.codeFlags('complicationIds', clause.complications, encode);
      const procedures = this.codeFlags('procedureIds', clause.procedures, encode);
      const { start, values } = columns.multi.get(LINK_PAIRS) as { start: Int32Array; values: Int32Array };
      for (let ord = 0; ord < n; ord++) {
        for (let i = start[ord]; i + 1 < start[ord + 1]; i += 2) {
          if (complications[values[i]] === 1 && procedures[values[i + 1]] === 1) {
            mask[ord] = 1;
            break;
          }
        }
      }
      return mask;
    }
    const list = columns.multi.get(clause.field);
    const one = columns.single.get(clause.kind === 'outcome-known' ? 'hasKnownOutcome' : clause.field);
    let accepts: (value: number) => boolean;
    switch (clause.kind) {
      case 'any-of': {
        const wanted = new Uint8Array(this.maxCode + 1);
        for (const value of clause.values) {
          const code = encode(clause.field, value);
          if (code >= 0 && code <= this.maxCode) wanted[code] = 1;
        }
        accepts = (value) => value >= 0 && wanted[value] === 1;
        break;
      }
      case 'range': {
        const min = clause.min ?? -Infinity;
        const max = clause.max ?? Infinity;
        accepts = (value) => value >= min && value <= max;
        break;
      }
      case 'outcome-known': {
        const want = clause.value ? 1 : 0;
        accepts = (value) => value === want;
        break;
      }
    }
    if (list) {
      const { start, values } = list;
      for (let ord = 0; ord < n; ord++) {
        for (let i = start[ord]; i < start[ord + 1]; i++) {
          if (accepts(values[i])) {
            mask[ord] = 1;
            break;
          }
        }
      }
    } else if (one) {
      // Null (-1 or NaN) is accepted by no clause.
      for (let ord = 0; ord < n; ord++) if (accepts(one[ord])) mask[ord] = 1;
    }
    return mask;
  }

  /**
   * Totals and facet counts, as the rows the SQL counting statement returned. `candidates`: the
   * cases matching the text, by ordinal (null: no text, every case). `fullMatches` collects the cases
   * that meet every clause.
   *
   * Disjunctive counting with sets: `base` (live, text, the clauses no requested facet owns) and one
   * set per owned clause; a facet counts within base and every owned clause but its own. A coded
   * facet's values are counted either each against that set (bitset ANDs, cheap when few cases
   * match) or all in one pass over its cases (value-tally.ts, cheap when many do): `strategy` 'auto'
   * picks the cheaper by an estimate; 'sets' and 'scan' force one (tests compare them).
   */
  count(query: SearchQuery, encode: Encode, candidates: Uint8Array | null, fullMatches: number[] | null = null, strategy: 'auto' | 'sets' | 'scan' = 'auto'): CountRow[] {
    const columns = this.frozen();
    const { common, own } = splitForFacets(query);
    const base = this.matchSet(common, encode, candidates, columns);
    const owned = ownClauses(own);
    const ownSets = owned.map((clause) => this.clauseSet(clause, encode, columns));
    const full = intersect([base, ...ownSets]);
    /** Facet -> the set it counts in: base and every owned clause but its own (the linked clause is owned by two facets). */
    const within = (facet: FacetName): Uint32Array => {
      const index = owned.indexOf(own.get(facet) as FilterClause);
      return index === -1 ? full : intersect([base, ...ownSets.filter((_, k) => k !== index)]);
    };

    /** Cases in a set, computed once per set (facets without a selection of their own share `full`). */
    const sizes = new Map<Uint32Array, number>();
    const matchesIn = (set: Uint32Array) => sizes.get(set) ?? (sizes.set(set, cardinality(set)).get(set) as number);

    const rows: CountRow[] = [];
    const row = (kind: CountRow['kind'], facet: FacetName | null, value: number | null, cases: number, publications: number, n1: number | null = null, n2: number | null = null) =>
      rows.push({ kind, facet, value, cases, publications, n1, n2 });
    const totals = countIn(full, columns.aliveBits, columns.alone, columns.publicationAt);
    row('total', null, null, totals.cases, totals.publications);
    if (fullMatches) forEachPosition(full, (position) => fullMatches.push(columns.order[position]));

    for (const request of query.facets) {
      const definition = facetDefinition(request.facet);
      const set = within(request.facet);
      if (definition.kind === 'numeric-range') {
        const width = request.interval ?? definition.defaultInterval ?? 1;
        const list = columns.multi.get(definition.field);
        const one = columns.single.get(definition.field) as Float64Array;
        let min = Infinity;
        let max = -Infinity;
        const buckets = new Map<number, number>();
        const seen: number[] = [];
        const order = columns.order;
        for (let w = 0; w < set.length; w++) {
          let word = set[w];
          while (word !== 0) {
            const low = word & -word;
            const ord = order[(w << 5) + 31 - Math.clz32(low)];
            word ^= low;
            if (!list) {
              // One value: one bucket, no repeats to skip.
              const x = one[ord];
              if (x !== x) continue;
              if (x < min) min = x;
              if (x > max) max = x;
              const bucket = Math.floor(x / width) * width;
              buckets.set(bucket, (buckets.get(bucket) ?? 0) + 1);
              continue;
            }
            seen.length = 0;
            for (let v = list.start[ord]; v < list.start[ord + 1]; v++) {
              const x = list.values[v];
              if (x !== x) continue;
              if (x < min) min = x;
              if (x > max) max = x;
              // count(DISTINCT case) per bucket: a case counts once per bucket.
              const bucket = Math.floor(x / width) * width;
              if (!seen.includes(bucket)) {
                seen.push(bucket);
                buckets.set(bucket, (buckets.get(bucket) ?? 0) + 1);
              }
            }
          }
        }
        row('stats', request.facet, null, 0, 0, min === Infinity ? null : min, max === -Infinity ? null : max);
        for (const [from, cases] of buckets) row('histogram', request.facet, null, cases, 0, from);
        continue;
      }
      const link = facetLink(query, request.facet);
      if (link) {
        // Per complication (or procedure) code, the cases of `set` where it is linked to a selected
        // procedure (or complication): each case once per code, publications distinct per code.
        const [counted, via] = link.counted === 'complication' ? [0, 1] : [1, 0];
        const wanted = this.codeFlags(link.counted === 'complication' ? 'procedureIds' : 'complicationIds', link.via, encode);
        const { start, values } = columns.multi.get(LINK_PAIRS) as { start: Int32Array; values: Int32Array };
        const cases = new Map<number, number>();
        const publications = new Map<number, number>();
        const lastCase = new Map<number, number>();
        const lastPublication = new Map<number, number>();
        forEachPosition(set, (position) => {
          const ord = columns.order[position];
          const publication = columns.publicationAt[position];
          for (let i = start[ord]; i + 1 < start[ord + 1]; i += 2) {
            if (wanted[values[i + via]] !== 1) continue;
            const code = values[i + counted];
            if (lastCase.get(code) === position) continue;
            lastCase.set(code, position);
            cases.set(code, (cases.get(code) ?? 0) + 1);
            // Positions run publication by publication, so a new publication for a code is a change.
            if (lastPublication.get(code) !== publication) {
              lastPublication.set(code, publication);
              publications.set(code, (publications.get(code) ?? 0) + 1);
            }
          }
        });
        for (const [code, n] of cases) row('bucket', null, code, n, publications.get(code) as number);
        continue;
      }
      const column = this.valueColumn(definition.field, columns);
      if (strategy === 'scan' || (strategy === 'auto' && preferValueScan(column, matchesIn(set), set.length))) {
        // Many cases match: one pass over them counts every value (value-tally.ts).
        this.tally.count(set, column, columns.publicationAt);
        const { cases, publications } = this.tally;
        for (let slot = 0; slot < column.codes.length; slot++) if (cases[slot]) row('bucket', null, column.codes[slot], cases[slot], publications[slot]);
      } else {
        for (const [code, cases] of this.codeSets(definition.field, columns)) {
          const counted = cases instanceof Int32Array ? countPositionsIn(cases, set, columns.publicationAt) : countIn(cases, set, columns.alone, columns.publicationAt);
          if (counted.cases) row('bucket', null, code, counted.cases, counted.publications);
        }
      }
      if (request.includeZero && definition.multiValued && !definition.termKind) {
        for (const code of this.present(definition.field)) row('present', request.facet, code, 0, 0);
      }
    }
    return rows;
  }

  /** Live cases meeting every clause (and the text, when `candidates` is given), as a set over positions. */
  private matchSet(clauses: FilterClause[], encode: Encode, candidates: Uint8Array | null, columns: Frozen): Uint32Array {
    const sets = [columns.aliveBits, ...clauses.map((clause) => this.clauseSet(clause, encode, columns))];
    if (candidates) {
      let text = columns.textSets.get(candidates);
      if (!text) columns.textSets.set(candidates, (text = this.toPositions(candidates, columns)));
      sets.push(text);
    }
    return intersect(sets);
  }

  /**
   * Two coded fields counted against each other over the cases meeting every clause (see
   * EngineCrossTab). A case counts in the margin of each of its values and in each (row value, column
   * value) pair; a case whose only value is the axis' unknown code, or that has none, counts under the
   * unknown (code null). Two ways, the same counts:
   * - sets (usual): margins as facets count (each value's set AND the matches), cells as each row
   *   value's set AND each column value's matches: population counts, a few words per 32 cases;
   * - scan: one visit per matching case, for two large vocabularies (row values x column values
   *   intersections would cost more than visiting every case);
   * - visits (when one side is single-valued, as outcome, sex or curation status are): each value
   *   of the other side's matching cases visited once, the single value of each case read from an
   *   array by position. The cheapest: a cross-tab of a 25-value facet and a 6-value one intersects
   *   150 set pairs otherwise.
   * Without publications (options.publications false) the same ways count cases only: population
   * counts for margins and set cells, a bare increment per visit.
   */
  crossCount(query: SearchQuery, encode: Encode, candidates: Uint8Array | null, rowAxis: CrossCountAxis, columnAxis: CrossCountAxis, options: CrossCountOptions = {}): CrossCount {
    const { strategy = 'auto', publications = true } = options;
    const columns = this.frozen();
    const full = this.matchSet(filterClauses(query.filters), encode, candidates, columns);
    const totals = publications ? countIn(full, columns.aliveBits, columns.alone, columns.publicationAt) : { cases: countCasesIn(full, columns.aliveBits), publications: 0 };
    const countOf = (set: CodeSet, within: Uint32Array) =>
      publications
        ? set instanceof Int32Array
          ? countPositionsIn(set, within, columns.publicationAt)
          : countIn(set, within, columns.alone, columns.publicationAt)
        : { cases: set instanceof Int32Array ? countCasePositionsIn(set, within) : countCasesIn(set, within), publications: 0 };
    const margin = (axis: CrossCountAxis) =>
      this.axisSets(axis, columns)
        .map((entry) => ({ ...entry, ...countOf(entry.set, full) }))
        .filter((entry) => entry.cases > 0);
    const single = (axis: CrossCountAxis) => columns.single.has(axis.field);
    const result: CrossCount = { totalCases: totals.cases, totalPublications: totals.publications, rows: [], columns: [], cells: [] };
    const counts = (entries: { code: number | null; cases: number; publications: number }[]) => entries.map(({ code, cases, publications }) => ({ code, cases, publications }));
    if (strategy === 'visits' || (strategy === 'auto' && (single(columnAxis) || single(rowAxis)))) {
      // The single-valued side labels each case (its margin counted as facets are); the other side's
      // sets are visited once, which gives its margin and the cells.
      const columnLabels = single(columnAxis) || !single(rowAxis);
      const [labelAxis, visitedAxis] = columnLabels ? [columnAxis, rowAxis] : [rowAxis, columnAxis];
      const sets = this.axisSets(visitedAxis, columns);
      const visited = publications ? this.cellsByVisits(full, sets, labelAxis, columns) : this.caseCellsByVisits(full, sets, labelAxis, columns);
      const labelMargin = counts(margin(labelAxis));
      result.rows = columnLabels ? visited.margin : labelMargin;
      result.columns = columnLabels ? labelMargin : visited.margin;
      result.cells = columnLabels ? visited.cells : visited.cells.map((cell) => ({ rowCode: cell.columnCode, columnCode: cell.rowCode, cases: cell.cases, publications: cell.publications }));
      return result;
    }
    const rows = margin(rowAxis);
    const cols = margin(columnAxis);
    const words = full.length;
    result.rows = counts(rows);
    result.columns = counts(cols);
    const setsCost = rows.length * cols.length * words;
    if (strategy === 'scan' || (strategy === 'auto' && setsCost > SCAN_WORDS_PER_CASE * totals.cases)) return this.crossCountByScan(full, rowAxis, columnAxis, columns, publications);
    for (const column of cols) {
      const within = new Uint32Array(words);
      if (column.set instanceof Int32Array) {
        for (const position of column.set) if ((full[position >>> 5] >>> (position & 31)) & 1) within[position >>> 5] |= 1 << (position & 31);
      } else for (let w = 0; w < words; w++) within[w] = column.set[w] & full[w];
      for (const row of rows) {
        const cell = countOf(row.set, within);
        if (cell.cases) result.cells.push({ rowCode: row.code, columnCode: column.code, cases: cell.cases, publications: cell.publications });
      }
    }
    return result;
  }

  /**
   * Each known code's set of an axis and the unknown's (no known value: the unknown code or none at
   * all), kept until the next write.
   */
  private axisSets(axis: CrossCountAxis, columns: Frozen): { code: number | null; set: CodeSet }[] {
    const key = `sets:${axis.field}:${axis.unknownCode}`;
    const kept = columns.axisSets.get(key);
    if (kept) return kept;
    const known = new Uint32Array(wordCount(columns.order.length));
    const entries: { code: number | null; set: CodeSet }[] = [];
    for (const [code, set] of this.codeSets(axis.field, columns)) {
      if (code === axis.unknownCode) continue;
      entries.push({ code, set });
      if (set instanceof Int32Array) for (const position of set) known[position >>> 5] |= 1 << (position & 31);
      else for (let w = 0; w < known.length; w++) known[w] |= set[w];
    }
    const unknown = known.map((word, w) => ~word & columns.aliveBits[w]);
    entries.push({ code: null, set: unknown });
    columns.axisSets.set(key, entries);
    return entries;
  }

  /**
   * Cells of `sets` (one side's values with their sets) against a single-valued axis: each set's
   * matching positions visited, the case's value on the axis read from a position-indexed array.
   * Publications are distinct per cell: a set's positions ascend, so a cell's new publication is one
   * other than its last.
   */
  private cellsByVisits(full: Uint32Array, sets: readonly { code: number | null; set: CodeSet }[], labelAxis: CrossCountAxis, columns: Frozen): { margin: CrossCount['rows']; cells: CrossCount['cells'] } {
    const { codes, labels } = this.positionLabels(labelAxis, columns);
    const C = codes.length;
    const cases = new Int32Array(sets.length * C);
    const publications = new Int32Array(sets.length * C);
    const last = new Int32Array(sets.length * C).fill(-1);
    const publicationAt = columns.publicationAt;
    const margin: CrossCount['rows'] = [];
    sets.forEach(({ code, set }, r) => {
      const base = r * C;
      let setCases = 0;
      let setPublications = 0;
      let setLast = -1;
      if (set instanceof Int32Array) {
        for (let i = 0; i < set.length; i++) {
          const position = set[i];
          if (((full[position >>> 5] >>> (position & 31)) & 1) === 0) continue;
          const slot = base + labels[position];
          cases[slot]++;
          if (last[slot] !== publicationAt[position]) {
            last[slot] = publicationAt[position];
            publications[slot]++;
          }
          setCases++;
          if (setLast !== publicationAt[position]) {
            setLast = publicationAt[position];
            setPublications++;
          }
        }
        if (setCases) margin.push({ code, cases: setCases, publications: setPublications });
        return;
      }
      for (let w = 0; w < full.length; w++) {
        let word = set[w] & full[w];
        while (word !== 0) {
          const low = word & -word;
          const position = (w << 5) + 31 - Math.clz32(low);
          word ^= low;
          const slot = base + labels[position];
          cases[slot]++;
          if (last[slot] !== publicationAt[position]) {
            last[slot] = publicationAt[position];
            publications[slot]++;
          }
          setCases++;
          if (setLast !== publicationAt[position]) {
            setLast = publicationAt[position];
            setPublications++;
          }
        }
      }
      if (setCases) margin.push({ code, cases: setCases, publications: setPublications });
    });
    const cells: CrossCount['cells'] = [];
    for (let slot = 0; slot < cases.length; slot++) {
      if (!cases[slot]) continue;
      const index = slot % C;
      cells.push({ rowCode: sets[Math.floor(slot / C)].code, columnCode: index === 0 ? null : codes[index], cases: cases[slot], publications: publications[slot] });
    }
    return { margin, cells };
  }

  /** cellsByVisits counting cases only: one increment per visit, no publication check. */
  private caseCellsByVisits(full: Uint32Array, sets: readonly { code: number | null; set: CodeSet }[], labelAxis: CrossCountAxis, columns: Frozen): { margin: CrossCount['rows']; cells: CrossCount['cells'] } {
    const { codes, labels } = this.positionLabels(labelAxis, columns);
    const C = codes.length;
    const cases = new Int32Array(sets.length * C);
    const margin: CrossCount['rows'] = [];
    sets.forEach(({ code, set }, r) => {
      const base = r * C;
      let setCases = 0;
      if (set instanceof Int32Array) {
        for (let i = 0; i < set.length; i++) {
          const position = set[i];
          if (((full[position >>> 5] >>> (position & 31)) & 1) === 0) continue;
          cases[base + labels[position]]++;
          setCases++;
        }
      } else {
        for (let w = 0; w < full.length; w++) {
          let word = set[w] & full[w];
          while (word !== 0) {
            const low = word & -word;
            cases[base + labels[(w << 5) + 31 - Math.clz32(low)]]++;
            setCases++;
            word ^= low;
          }
        }
      }
      if (setCases) margin.push({ code, cases: setCases, publications: 0 });
    });
    const cells: CrossCount['cells'] = [];
    for (let slot = 0; slot < cases.length; slot++) {
      if (!cases[slot]) continue;
      const index = slot % C;
      cells.push({ rowCode: sets[Math.floor(slot / C)].code, columnCode: index === 0 ? null : codes[index], cases: cases[slot], publications: 0 });
    }
    return { margin, cells };
  }

  /** A single-valued axis: each position's value as an index into `codes` (0: the unknown), kept until the next write. */
  private positionLabels(axis: CrossCountAxis, columns: Frozen): { codes: number[]; labels: Int32Array } {
    const index = this.axisIndex(axis, columns);
    let labels = columns.labels.get(`${axis.field}:${axis.unknownCode}`);
    if (!labels) {
      const one = index.one as Int32Array;
      labels = Int32Array.from(columns.order, (ord) => (one[ord] >= 0 && one[ord] < index.indexOf.length ? index.indexOf[one[ord]] : 0));
      columns.labels.set(`${axis.field}:${axis.unknownCode}`, labels);
    }
    return { codes: index.codes, labels };
  }

  /** crossCount by visiting every matching case once (see crossCount). */
  private crossCountByScan(full: Uint32Array, rowAxis: CrossCountAxis, columnAxis: CrossCountAxis, columns: Frozen, countPublications: boolean): CrossCount {
    const rows = this.axisIndex(rowAxis, columns);
    const cols = this.axisIndex(columnAxis, columns);
    const R = rows.codes.length;
    const C = cols.codes.length;
    const rowMargin = new Tally(R);
    const columnMargin = new Tally(C);
    const cells = new Tally(R * C);
    const rowScratch = new Int32Array(R);
    const columnScratch = new Int32Array(C);
    let totalCases = 0;
    let totalPublications = 0;
    let lastPublication = -1;
    forEachPosition(full, (position) => {
      const ord = columns.order[position];
      // -1: the tallies count no publications.
      const publication = countPublications ? columns.publicationAt[position] : -1;
      totalCases++;
      if (countPublications && publication !== lastPublication) {
        totalPublications++;
        lastPublication = publication;
      }
      const r = indicesOf(rows, ord, rowScratch);
      const c = indicesOf(cols, ord, columnScratch);
      for (let i = 0; i < r; i++) {
        rowMargin.add(rowScratch[i], publication);
        const offset = rowScratch[i] * C;
        for (let j = 0; j < c; j++) cells.add(offset + columnScratch[j], publication);
      }
      for (let j = 0; j < c; j++) columnMargin.add(columnScratch[j], publication);
    });
    const codeOf = (axis: AxisIndex, index: number) => (index === 0 ? null : axis.codes[index]);
    const result: CrossCount = { totalCases, totalPublications, rows: [], columns: [], cells: [] };
    rowMargin.forEach((index, cases, publications) => result.rows.push({ code: codeOf(rows, index), cases, publications }));
    columnMargin.forEach((index, cases, publications) => result.columns.push({ code: codeOf(cols, index), cases, publications }));
    cells.forEach((index, cases, publications) => result.cells.push({ rowCode: codeOf(rows, Math.floor(index / C)), columnCode: codeOf(cols, index % C), cases, publications }));
    return result;
  }

  /** Code -> small index over the codes a field holds (0: the unknown), kept until the next write. */
  private axisIndex(axis: CrossCountAxis, columns: Frozen): AxisIndex {
    const key = `${axis.field}:${axis.unknownCode}`;
    let index = columns.axes.get(key);
    if (index) return index;
    const indexOf = new Int32Array(this.maxCode + 1);
    const codes = [-1];
    for (const code of this.codeSets(axis.field, columns).keys()) {
      if (code === axis.unknownCode || code < 0 || code > this.maxCode) continue;
      indexOf[code] = codes.length;
      codes.push(code);
    }
    const list = columns.multi.get(axis.field);
    index = { codes, indexOf, list: list ? (list as { start: Int32Array; values: Int32Array }) : null, one: list ? null : (columns.single.get(axis.field) as Int32Array) };
    columns.axes.set(key, index);
    return index;
  }

  /** A mask over ordinals as a set over positions. */
  private toPositions(mask: Uint8Array, columns: Frozen): Uint32Array {
    const set = new Uint32Array(wordCount(columns.order.length));
    const order = columns.order;
    for (let position = 0; position < order.length; position++) if (mask[order[position]]) set[position >>> 5] |= 1 << (position & 31);
    return set;
  }

  /**
   * The cases holding each code of a coded field, as sets over positions (built on first use after a
   * write): a bitset for common values, the list of positions for rare ones (see CodeSet).
   */
  private codeSets(field: FacetField, columns: Frozen): Map<number, CodeSet> {
    let sets = columns.codeSets.get(field);
    if (sets) return sets;
    const positions = columns.order.length;
    const words = wordCount(positions);
    const list = columns.multi.get(field);
    const one = columns.single.get(field);
    const forEachCode = (visit: (code: number, position: number) => void) => {
      for (let position = 0; position < positions; position++) {
        const ord = columns.order[position];
        if (list) for (let v = list.start[ord]; v < list.start[ord + 1]; v++) visit(list.values[v], position);
        else if (one && one[ord] >= 0) visit(one[ord], position);
      }
    };
    const counts = new Map<number, number>();
    forEachCode((code) => counts.set(code, (counts.get(code) ?? 0) + 1));
    const built = new Map<number, CodeSet>();
    const filled = new Map<number, number>();
    for (const [code, count] of counts) built.set(code, count * SPARSE_RATIO < positions ? new Int32Array(count) : new Uint32Array(words));
    forEachCode((code, position) => {
      const set = built.get(code) as CodeSet;
      if (set instanceof Int32Array) {
        const at = filled.get(code) ?? 0;
        // A case holding a value twice (not expected: values are unique per case) is listed once.
        if (at === 0 || set[at - 1] !== position) {
          set[at] = position;
          filled.set(code, at + 1);
        }
      } else set[position >>> 5] |= 1 << (position & 31);
    });
    for (const [code, at] of filled) {
      const set = built.get(code) as Int32Array;
      if (at < set.length) built.set(code, set.slice(0, at));
    }
    sets = built;
    columns.codeSets.set(field, sets);
    return sets;
  }

  /**
   * A coded field's values by position, slots in the order of its code sets (so both ways of counting
   * list values alike), built on first use after a write.
   */
  private valueColumn(field: FacetField, columns: Frozen): ValueColumn {
    let column = columns.valueColumns.get(field);
    if (column) return column;
    const sets = this.codeSets(field, columns);
    let denseValues = 0;
    let sparsePositions = 0;
    for (const set of sets.values()) {
      if (set instanceof Int32Array) sparsePositions += set.length;
      else denseValues++;
    }
    const list = columns.multi.get(field);
    const one = columns.single.get(field);
    column = buildValueColumn(
      columns.order.length,
      [...sets.keys()],
      (position, visit) => {
        const ord = columns.order[position];
        if (list) for (let v = list.start[ord]; v < list.start[ord + 1]; v++) visit(list.values[v]);
        else if (one && one[ord] >= 0) visit(one[ord]);
      },
      { denseValues, sparsePositions },
    );
    columns.valueColumns.set(field, column);
    return column;
  }

  /** Slots held (live or not): the length of a mask over ordinals. */
  get size(): number {
    return this.ids.length;
  }

  /** Live cases. */
  get liveCount(): number {
    return this.frozen().liveCount;
  }

  ordOf(caseReportId: string): number | undefined {
    return this.ordinalById.get(caseReportId);
  }

  caseReportIdOf(ord: number): string {
    return this.ids[ord];
  }

  publicationIdOf(ord: number): string {
    return this.pubIds[this.pub[ord]];
  }

  /**
   * Every case's sort key as the SQL keyset had it: descending keys negated, missing values mapped to
   * a stand-in, so every order is "key ascending, then id ascending" (kept until the next write).
   */
  sortKeys(field: 'year' | 'ageYears', descending: boolean): Float64Array {
    const columns = this.frozen();
    const name = `${field}:${descending}`;
    let keys = columns.sortKeys.get(name);
    if (!keys) {
      const values = columns.single.get(field) as Float64Array;
      keys = Float64Array.from(values, (value) => (descending ? -(value === value ? value : MISSING_LOW) : value === value ? value : MISSING_HIGH));
      columns.sortKeys.set(name, keys);
    }
    return keys;
  }

  /**
   * Every case's citation tie-break as an ascending key: 0 when its citation is complete, 1 when not
   * (a row written before the column existed counts as incomplete), so complete citations come first
   * at an equal sort key (citation-order.ts). Kept until the next write.
   */
  citationKeys(): Float64Array {
    const columns = this.frozen();
    let keys = columns.sortKeys.get('citation');
    if (!keys) {
      const complete = columns.single.get('citationComplete') as Float64Array;
      keys = Float64Array.from(complete, (value) => (value === 1 ? 0 : 1));
      columns.sortKeys.set('citation', keys);
    }
    return keys;
  }

  /** The citation sort value of a citation key (1 complete, 0 incomplete), and back: the same mapping both ways. */
  static citationValueOfKey(key: number): number {
    return CITATION_COMPLETE - key;
  }

  /**
   * The first `size` of these cases after the cursor, by `keys[ord]` ascending, then `ties[ord]`
   * ascending (the citation tie-break), then id ascending (uuid order is the order of their lowercase text).
   */
  page(ords: number[], keys: ArrayLike<number>, ties: ArrayLike<number>, size: number, after: { key: number; tie: number; id: string } | null): number[] {
    const ids = this.ids;
    const isAfter = (ord: number) =>
      !after || after.key < keys[ord] || (after.key === keys[ord] && (after.tie < ties[ord] || (after.tie === ties[ord] && after.id < ids[ord])));
    const before = (a: number, b: number) => keys[a] < keys[b] || (keys[a] === keys[b] && (ties[a] < ties[b] || (ties[a] === ties[b] && ids[a] < ids[b])));
    if (size > 100) {
      // Large pages: sort everything after the cursor (insertion into the page would be quadratic).
      return ords
        .filter(isAfter)
        .sort((a, b) => (before(a, b) ? -1 : before(b, a) ? 1 : 0))
        .slice(0, size);
    }
    const top: number[] = [];
    for (const ord of ords) {
      if (top.length === size && !before(ord, top[size - 1])) continue;
      if (!isAfter(ord)) continue;
      if (top.length === size) top.pop();
      let i = top.length;
      while (i > 0 && before(ord, top[i - 1])) i--;
      top.splice(i, 0, ord);
    }
    return top;
  }

  /** Codes present in the index for a multi-valued coded field. */
  private present(field: FacetField): Set<number> {
    const column = this.values.get(field) as Value[];
    const codes = new Set<number>();
    if (!CODED_FIELDS.has(field)) return codes;
    for (let ord = 0; ord < this.ids.length; ord++) if (this.alive[ord]) for (const code of column[ord] as number[]) codes.add(code);
    return codes;
  }
}
