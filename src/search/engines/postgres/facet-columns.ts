import { facetDefinition, FacetField, FacetName } from '../../query/facet-registry';
import { FilterClause, MISSING_HIGH, MISSING_LOW, SearchQuery, splitForFacets } from '../../query/search-query';
import { CODED_FIELDS, COLUMN_OF, CountRow, Encode } from './postgres-query.builder';

/** The columns of search_case_document that counting reads (codes, numbers, the boolean). */
export const COLUMN_FIELDS: (FacetField | 'hasKnownOutcome')[] = [
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
  'year',
  'ageYears',
  'bloodPatchVolumesMl',
  'onsetHours',
  'hasKnownOutcome',
];
const MULTI = new Set<string>(['complicationIds', 'procedureIds', 'treatmentIds', 'symptomIds', 'publicationTypes', 'bloodPatchVolumesMl', 'onsetHours']);

/** One row of the index as counting sees it (column names as in the table). */
export type ColumnRow = Record<string, unknown> & { case_report_id: string; publication_id: string };

export const COLUMN_SELECT = ['case_report_id', 'publication_id', ...COLUMN_FIELDS.map((field) => COLUMN_OF[field])].join(', ');

type Value = number | null | number[];

/** Clause masks kept between searches (100 KB each at 100,000 cases). */
const MASK_CACHE_SIZE = 64;

/** The columns as typed arrays (see FacetColumns.frozen). */
interface Frozen {
  alive: Uint8Array;
  liveCount: number;
  /** Clause masks, most recently used last (see clauseMask). */
  masks: Map<string, Uint8Array>;
  /** Codes as Int32Array (null -1), so they index count arrays as integers; numbers as Float64Array (null NaN). */
  single: Map<string, Int32Array | Float64Array>;
  multi: Map<string, { start: Int32Array; values: Int32Array | Float64Array }>;
}

const num = (value: unknown): number | null => (value === null || value === undefined ? null : Number(value));
const nums = (value: unknown): number[] => (Array.isArray(value) ? value.map(Number) : []);

/**
 * The facet columns of the live index held in memory, one slot (ordinal) per case: counting visits
 * the matching cases here instead of grouping rows in SQL. Same semantics as the SQL it replaces:
 * a NULL single value matches no filter and is not counted; a range on a multi-valued field means
 * "some value in range"; each code occurrence counts (as unnest + count did); publications are
 * distinct per bucket.
 */
export class FacetColumns {
  private readonly ordinalById = new Map<string, number>();
  private readonly ids: string[] = [];
  private readonly alive: boolean[] = [];
  private readonly pub: number[] = [];
  private readonly pubOrdOf = new Map<string, number>();
  private readonly pubIds: string[] = [];
  private readonly values = new Map<string, Value[]>(COLUMN_FIELDS.map((field) => [field, []]));
  /** Ordinals sorted by publication (so distinct publications are counted by "last seen"); null when stale. */
  private byPub: Int32Array | null = null;
  /** The largest facet code held (codes are positive serials). */
  private maxCode = 0;
  /** The typed-array copy counting reads; null after a write. */
  private snapshot: Frozen | null = null;

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
    if (this.pub[ord] !== pubOrd) this.byPub = null;
    this.pub[ord] = pubOrd;
    for (const field of COLUMN_FIELDS) {
      const raw = row[COLUMN_OF[field]];
      const column = this.values.get(field) as Value[];
      if (field === 'hasKnownOutcome') column[ord] = raw === null || raw === undefined ? null : raw === true || raw === 't' ? 1 : 0;
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

  private order(): Int32Array {
    if (!this.byPub || this.byPub.length !== this.ids.length) {
      const order = Int32Array.from(this.ids.keys());
      const pub = this.pub;
      order.sort((a, b) => pub[a] - pub[b]);
      this.byPub = order;
    }
    return this.byPub;
  }

  /**
   * The columns as typed arrays, rebuilt after writes (about 20 ms at 100,000 cases): multi-valued
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
    this.snapshot = { alive, liveCount, single, multi, masks: new Map() };
    return this.snapshot;
  }

  /**
   * Which cases meet one clause, as a mask over ordinals. Masks are kept until the next write (like
   * Elasticsearch's filter cache): a researcher refines one search, so the same clauses come back.
   */
  private clauseMask(clause: FilterClause, encode: Encode, columns: Frozen): Uint8Array {
    const key = JSON.stringify(clause.kind === 'any-of' ? { ...clause, codes: clause.values.map((value) => encode(clause.field, value)) } : clause);
    let mask = columns.masks.get(key);
    if (!mask) {
      mask = this.computeMask(clause, encode, columns);
      if (columns.masks.size >= MASK_CACHE_SIZE) columns.masks.delete(columns.masks.keys().next().value as string);
    } else columns.masks.delete(key);
    columns.masks.set(key, mask);
    return mask;
  }

  private computeMask(clause: FilterClause, encode: Encode, columns: Frozen): Uint8Array {
    const n = this.ids.length;
    const mask = new Uint8Array(n);
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
   * cases matching the text (null: no text, every case). `fullMatches` collects the cases that meet
   * every clause, in publication order.
   */
  count(query: SearchQuery, encode: Encode, candidates: Uint8Array | null, fullMatches: number[] | null = null): CountRow[] {
    const columns = this.frozen();
    const { common, own } = splitForFacets(query);
    const commonMasks = common.map((clause) => this.clauseMask(clause, encode, columns));
    const ownEntries = [...own.entries()];
    const ownMasks = ownEntries.map(([, clause]) => this.clauseMask(clause, encode, columns));
    const ownIndex = new Map(ownEntries.map(([facet], index) => [facet, index]));
    const rows: CountRow[] = [];
    const row = (kind: CountRow['kind'], facet: FacetName | null, value: number | null, cases: number, publications: number, n1: number | null = null, n2: number | null = null) =>
      rows.push({ kind, facet, value, cases, publications, n1, n2 });

    const definitions = query.facets.map((request) => ({ request, definition: facetDefinition(request.facet) }));
    /** Per facet: its values (one list per case, or one value), which failing own clause it tolerates (its own). */
    const specs = definitions.map(({ request, definition }) => ({
      request,
      numeric: definition.kind === 'numeric-range',
      list: columns.multi.get(definition.field) ?? null,
      one: columns.single.get(definition.field) ?? null,
      ownFlag: ownIndex.get(request.facet) ?? -1,
      width: request.interval ?? definition.defaultInterval ?? 1,
      min: Infinity,
      max: -Infinity,
      any: false,
      buckets: new Map<number, number>(),
    }));
    const valueSpecs = specs.filter((spec) => !spec.numeric);
    const numericSpecs = specs.filter((spec) => spec.numeric);

    // Codes are small positive integers: counts in arrays indexed by code.
    const maxCode = this.maxCode;
    const caseCount = new Int32Array(maxCode + 1);
    const pubCount = new Int32Array(maxCode + 1);
    const lastPub = new Int32Array(maxCode + 1).fill(-1);
    let totalCases = 0;
    let totalPubs = 0;
    let totalLastPub = -1;
    const order = this.order();
    const alive = columns.alive;
    const pub = this.pub;
    const nOwn = ownMasks.length;
    const nCommon = commonMasks.length;
    const seen: number[] = [];
    outer: for (let i = 0; i < order.length; i++) {
      const ord = order[i];
      if (!alive[ord] || (candidates !== null && !candidates[ord])) continue;
      for (let k = 0; k < nCommon; k++) if (!commonMasks[k][ord]) continue outer;
      // failed: -1 none, k the one failing own clause; two failures count nowhere.
      let failed = -1;
      for (let k = 0; k < nOwn; k++) {
        if (!ownMasks[k][ord]) {
          if (failed !== -1) continue outer;
          failed = k;
        }
      }
      const p = pub[ord];
      if (failed === -1) {
        fullMatches?.push(ord);
        totalCases++;
        if (p !== totalLastPub) {
          totalLastPub = p;
          totalPubs++;
        }
      }
      for (const spec of valueSpecs) {
        if (failed !== -1 && failed !== spec.ownFlag) continue;
        if (spec.list) {
          const { start, values } = spec.list;
          for (let v = start[ord]; v < start[ord + 1]; v++) {
            const code = values[v];
            caseCount[code]++;
            if (lastPub[code] !== p) {
              lastPub[code] = p;
              pubCount[code]++;
            }
          }
        } else {
          const code = (spec.one as Int32Array)[ord];
          if (code >= 0) {
            caseCount[code]++;
            if (lastPub[code] !== p) {
              lastPub[code] = p;
              pubCount[code]++;
            }
          }
        }
      }
      for (const spec of numericSpecs) {
        if (failed !== -1 && failed !== spec.ownFlag) continue;
        const from = spec.list ? spec.list.start[ord] : 0;
        const to = spec.list ? spec.list.start[ord + 1] : 1;
        seen.length = 0;
        for (let v = from; v < to; v++) {
          const x = spec.list ? spec.list.values[v] : (spec.one as Float64Array)[ord];
          if (x !== x) continue;
          spec.any = true;
          if (x < spec.min) spec.min = x;
          if (x > spec.max) spec.max = x;
          const bucket = Math.floor(x / spec.width) * spec.width;
          // count(DISTINCT case) per bucket: a case counts once per bucket.
          if (!seen.includes(bucket)) {
            seen.push(bucket);
            spec.buckets.set(bucket, (spec.buckets.get(bucket) ?? 0) + 1);
          }
        }
      }
    }
    row('total', null, null, totalCases, totalPubs);
    for (let code = 0; code <= maxCode; code++) if (caseCount[code]) row('bucket', null, code, caseCount[code], pubCount[code]);
    for (const spec of numericSpecs) {
      row('stats', spec.request.facet, null, 0, 0, spec.any ? spec.min : null, spec.any ? spec.max : null);
      for (const [from, cases] of spec.buckets) row('histogram', spec.request.facet, null, cases, 0, from);
    }
    for (const { request, definition } of definitions) {
      if (request.includeZero && definition.multiValued && !definition.termKind && definition.kind !== 'numeric-range') {
        for (const code of this.present(definition.field)) row('present', request.facet, code, 0, 0);
      }
    }
    return rows;
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
   * The stored sort key of a case as the SQL keyset had it: descending keys negated, missing values
   * mapped to a stand-in, so every order is "key ascending, then id ascending".
   */
  sortKey(ord: number, field: 'year' | 'ageYears', descending: boolean): number {
    const value = (this.values.get(field) as (number | null)[])[ord];
    return descending ? -(value ?? MISSING_LOW) : (value ?? MISSING_HIGH);
  }

  /**
   * The first `size` of these cases after the cursor, by key ascending then id ascending (uuid order is
   * the order of their lowercase text).
   */
  page(ords: number[], keyOf: (ord: number) => number, size: number, after: { key: number; id: string } | null): number[] {
    const top: { key: number; id: string; ord: number }[] = [];
    const before = (a: { key: number; id: string }, b: { key: number; id: string }) => a.key < b.key || (a.key === b.key && a.id < b.id);
    if (size > 100) {
      // Large pages: sort everything after the cursor (insertion into the page would be quadratic).
      const all = ords.map((ord) => ({ key: keyOf(ord), id: this.ids[ord], ord })).filter((hit) => !after || before(after, hit));
      all.sort((a, b) => (before(a, b) ? -1 : before(b, a) ? 1 : 0));
      return all.slice(0, size).map((hit) => hit.ord);
    }
    for (const ord of ords) {
      const key = keyOf(ord);
      if (after && !(after.key < key || (after.key === key && after.id < this.ids[ord]))) continue;
      if (top.length === size && !(key < top[size - 1].key || (key === top[size - 1].key && this.ids[ord] < top[size - 1].id))) continue;
      const hit = { key, id: this.ids[ord], ord };
      if (top.length === size) top.pop();
      let i = top.length;
      while (i > 0 && before(hit, top[i - 1])) i--;
      top.splice(i, 0, hit);
    }
    return top.map((hit) => hit.ord);
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
