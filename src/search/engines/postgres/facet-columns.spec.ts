import { FacetName } from '../../query/facet-registry';
import { SearchQuery, SearchSort } from '../../query/search-query';
import { ColumnRow, FacetColumns } from './facet-columns';
import { seededRandom } from '../../../common/seeded-random';


/**
 * Counting with many facet values, most held by few cases (as with the MeSH vocabulary): rare values
 * are kept as position lists, common ones as bitsets; both must count as a naive pass does.
 */
/** A cross-count as one map: `r <code>` rows, `c <code>` columns, `x <row> <column>` cells, each [cases, publications]. */
function flat(result: ReturnType<FacetColumns['crossCount']>): Map<string, number[]> {
  return new Map<string, number[]>([
    ...result.rows.map((entry): [string, number[]] => [`r ${entry.code}`, [entry.cases, entry.publications]]),
    ...result.columns.map((entry): [string, number[]] => [`c ${entry.code}`, [entry.cases, entry.publications]]),
    ...result.cells.map((entry): [string, number[]] => [`x ${entry.rowCode} ${entry.columnCode}`, [entry.cases, entry.publications]]),
  ]);
}

describe('FacetColumns with rare and common values', () => {
  const rand = seededRandom(7);
  const cases = 3000;
  const publicationOf = (i: number) => Math.floor(i / 3) - (i % 7 === 0 ? 1 : 0); // series of 2–4 cases
  const rows: ColumnRow[] = [];
  const complications: number[][] = [];
  const sexes: number[] = [];
  for (let i = 0; i < cases; i++) {
    // Code 1 common (most cases), 2–9 fairly common, 100–1099 rare (a few cases each).
    const codes = new Set<number>();
    if (rand() < 0.8) codes.add(1);
    if (rand() < 0.5) codes.add(2 + Math.floor(rand() * 8));
    if (rand() < 0.7) codes.add(100 + Math.floor(rand() * 1000));
    const list = [...codes].sort((a, b) => a - b);
    complications.push(list);
    sexes.push(rand() < 0.5 ? 2001 : 2002);
    rows.push({ case_report_id: `case-${String(i).padStart(5, '0')}`, publication_id: `pub-${Math.max(0, publicationOf(i))}`, complication_codes: list, sex_code: sexes[i] });
  }
  const columns = FacetColumns.load(1n, rows);
  const encode = (field: string, value: string) => Number(value);
  const query = (filters: SearchQuery['filters']): SearchQuery => ({
    text: null,
    filters,
    facets: [{ facet: FacetName.COMPLICATION, includeZero: false }],
    sort: SearchSort.RELEVANCE,
    page: { first: 0, after: null },
    highlight: false,
  });
  const naive = (keep: (i: number) => boolean) => {
    const counts = new Map<number, { cases: number; publications: Set<string> }>();
    complications.forEach((codes, i) => {
      if (!keep(i)) return;
      for (const code of codes) {
        const entry = counts.get(code) ?? { cases: 0, publications: new Set<string>() };
        entry.cases++;
        entry.publications.add(rows[i].publication_id);
        counts.set(code, entry);
      }
    });
    return new Map([...counts].map(([code, { cases, publications }]) => [code, [cases, publications.size]]));
  };
  const counted = (result: ReturnType<FacetColumns['count']>) => new Map(result.filter((row) => row.kind === 'bucket').map((row) => [row.value as number, [row.cases, row.publications]]));

  it('counts every value as a naive pass does, without and with a filter', () => {
    expect(counted(columns.count(query({}), encode as never, null))).toEqual(naive(() => true));
    const male = query({ sex: ['2001' as never] });
    expect(counted(columns.count(male, encode as never, null))).toEqual(naive((i) => sexes[i] === 2001));
  });

  describe('crossCount (two fields against each other)', () => {
    // Cases without a complication (about 6%) count under the unknown; sex 2002 is the stored unknown in one run.
    const naiveCross = (keep: (i: number) => boolean, sexUnknown: number) => {
      const tally = new Map<string, { cases: number; publications: Set<string> }>();
      const add = (key: string, i: number) => {
        const entry = tally.get(key) ?? { cases: 0, publications: new Set<string>() };
        entry.cases++;
        entry.publications.add(rows[i].publication_id);
        tally.set(key, entry);
      };
      complications.forEach((codes, i) => {
        if (!keep(i)) return;
        const rowCodes = codes.length ? codes : [null];
        const sex = sexes[i] === sexUnknown ? null : sexes[i];
        for (const code of rowCodes) {
          add(`r ${code}`, i);
          add(`x ${code} ${sex}`, i);
        }
        add(`c ${sex}`, i);
      });
      return new Map([...tally].map(([key, entry]) => [key, [entry.cases, entry.publications.size]]));
    };
    const rowAxis = { field: 'complicationIds' as const, unknownCode: -1 };

    // Every way, with publications and without (then every publication count is 0, the cases the same).
    const ways = (['sets', 'scan', 'visits'] as const).flatMap((strategy) => [true, false].map((publications) => [strategy, publications] as const));
    it.each(ways)('%s (publications: %s): margins and cells as a naive pass counts them, unknowns included', (strategy, publications) => {
      const options = { strategy, publications };
      const expected = (counts: Map<string, number[]>) => (publications ? counts : new Map([...counts].map(([key, [cases]]) => [key, [cases, 0]])));
      const all = columns.crossCount(query({}), encode as never, null, rowAxis, { field: 'sex', unknownCode: -1 }, options);
      expect(flat(all)).toEqual(expected(naiveCross(() => true, -1)));
      expect([all.totalCases, all.totalPublications]).toEqual([cases, publications ? new Set(rows.map((row) => row.publication_id)).size : 0]);
      const candidates = new Uint8Array(cases);
      for (let i = 0; i < cases; i += 2) candidates[i] = 1;
      const some = columns.crossCount(query({ sex: ['2001' as never] }), encode as never, candidates, rowAxis, { field: 'sex', unknownCode: 2002 }, options);
      expect(flat(some)).toEqual(expected(naiveCross((i) => i % 2 === 0 && sexes[i] === 2001, 2002)));
      const storedUnknown = columns.crossCount(query({}), encode as never, null, rowAxis, { field: 'sex', unknownCode: 2002 }, options);
      expect(flat(storedUnknown)).toEqual(expected(naiveCross(() => true, 2002)));
      // The single-valued side as rows: the same counts, transposed.
      const transposed = columns.crossCount(query({}), encode as never, null, { field: 'sex', unknownCode: 2002 }, rowAxis, options);
      const swap = (key: string) => (key.startsWith('r ') ? `c ${key.slice(2)}` : key.startsWith('c ') ? `r ${key.slice(2)}` : `x ${key.split(' ')[2]} ${key.split(' ')[1]}`);
      expect(new Map([...flat(transposed)].map(([key, value]) => [swap(key), value]))).toEqual(expected(naiveCross(() => true, 2002)));
    });
  });

  it('counts within the text matches, and after a case is removed', () => {
    const candidates = new Uint8Array(cases);
    for (let i = 0; i < cases; i += 3) candidates[i] = 1;
    expect(counted(columns.count(query({}), encode as never, candidates))).toEqual(naive((i) => i % 3 === 0));
    columns.remove('case-00003');
    expect(counted(columns.count(query({}), encode as never, null))).toEqual(naive((i) => i !== 3));
  });
});

describe('FacetColumns cross-tab with publications of one case and of several', () => {
  // Most publications have one case (counted without a check by visits), the others 2–4.
  const rand = seededRandom(11);
  const rows: ColumnRow[] = [];
  let publication = 0;
  let left = 0;
  for (let i = 0; i < 2000; i++) {
    if (left === 0) {
      left = rand() < 0.6 ? 1 : 2 + Math.floor(rand() * 3);
      publication++;
    }
    left--;
    const codes = [...new Set([1 + Math.floor(rand() * 5), rand() < 0.5 ? 10 + Math.floor(rand() * 3) : 1])].sort((a, b) => a - b);
    rows.push({ case_report_id: `c-${String(i).padStart(5, '0')}`, publication_id: `p-${String(publication).padStart(5, '0')}`, complication_codes: codes, sex_code: rand() < 0.5 ? 2001 : 2002 });
  }
  const encode = (field: string, value: string) => Number(value);
  const query: SearchQuery = { text: null, filters: {}, facets: [], sort: SearchSort.RELEVANCE, page: { first: 0, after: null }, highlight: false };
  const naive = (live: ColumnRow[]) => {
    const tally = new Map<string, { cases: number; publications: Set<string> }>();
    const add = (key: string, row: ColumnRow) => {
      const entry = tally.get(key) ?? { cases: 0, publications: new Set<string>() };
      entry.cases++;
      entry.publications.add(row.publication_id);
      tally.set(key, entry);
    };
    for (const row of live) {
      for (const code of row.complication_codes as number[]) {
        add(`r ${code}`, row);
        add(`x ${code} ${row.sex_code}`, row);
      }
      add(`c ${row.sex_code}`, row);
    }
    return new Map([...tally].map(([key, entry]) => [key, [entry.cases, entry.publications.size]]));
  };

  it.each(['sets', 'scan', 'visits'] as const)('%s: distinct publications as a naive pass counts them, also once a series is down to one case', (strategy) => {
    const columns = FacetColumns.load(1n, rows);
    const count = () => flat(columns.crossCount(query, encode as never, null, { field: 'complicationIds', unknownCode: -1 }, { field: 'sex', unknownCode: -1 }, { strategy }));
    expect(count()).toEqual(naive(rows));
    // Remove all but one case of every series: those cases are now alone in their publication.
    const removed = new Set(rows.filter((row, i) => i > 0 && rows[i - 1].publication_id === row.publication_id).map((row) => row.case_report_id));
    expect(removed.size).toBeGreaterThan(100);
    for (const id of removed) columns.remove(id);
    expect(count()).toEqual(naive(rows.filter((row) => !removed.has(row.case_report_id))));
  });
});

describe('FacetColumns paging', () => {
  // Years 2020, 2020, 2020, 2019, null; case-1 and case-3 have incomplete citations.
  const rows: ColumnRow[] = [
    { case_report_id: 'case-0', publication_id: 'pub-0', year: 2020, citation_complete: true },
    { case_report_id: 'case-1', publication_id: 'pub-1', year: 2020, citation_complete: false },
    { case_report_id: 'case-2', publication_id: 'pub-2', year: 2020, citation_complete: true },
    { case_report_id: 'case-3', publication_id: 'pub-3', year: 2019, citation_complete: 'f' },
    // Written before the column existed: counts as incomplete.
    { case_report_id: 'case-4', publication_id: 'pub-4', year: null, citation_complete: null },
  ];
  const columns = FacetColumns.load(1n, rows);
  const all = [0, 1, 2, 3, 4];
  const ids = (ords: number[]) => ords.map((ord) => columns.caseReportIdOf(ord));

  it('orders by the key, then complete citations first, then id', () => {
    expect(ids(columns.page(all, columns.sortKeys('year', true), columns.citationKeys(), 10, null))).toEqual(['case-0', 'case-2', 'case-1', 'case-3', 'case-4']);
    expect([...columns.citationKeys()]).toEqual([0, 1, 0, 1, 1]);
  });

  it('continues after a cursor of key, citation and id, across the boundary between complete and incomplete', () => {
    const keys = columns.sortKeys('year', true);
    const ties = columns.citationKeys();
    const pages: string[] = [];
    let after: { key: number; tie: number; id: string } | null = null;
    for (;;) {
      const page = columns.page(all, keys, ties, 2, after);
      if (!page.length) break;
      pages.push(...ids(page));
      const last = page[page.length - 1];
      after = { key: keys[last], tie: ties[last], id: columns.caseReportIdOf(last) };
    }
    expect(pages).toEqual(['case-0', 'case-2', 'case-1', 'case-3', 'case-4']);
  });

  it('maps citation keys to the shared sort values (1 complete, 0 incomplete) and back', () => {
    expect([0, 1].map(FacetColumns.citationValueOfKey)).toEqual([1, 0]);
    expect([1, 0].map(FacetColumns.citationValueOfKey)).toEqual([0, 1]);
  });
});

/**
 * Property-style (seeded random corpora and queries): a coded facet counted value by value (bitset
 * ANDs), in one pass over its matching cases, and as the engine chooses, gives the same rows, and
 * those rows are what a naive disjunctive count gives.
 */
describe('FacetColumns counting, value sets against one pass (seeded random)', () => {
  const COMPLICATION = (i: number) => 10 + i;
  const PROCEDURE = (i: number) => 3000 + i;
  const [FEMALE, MALE] = [2001, 2002];

  function generate(seed: number) {
    const rand = seededRandom(seed);
    const cases = 600 + Math.floor(rand() * 1500);
    const rows: ColumnRow[] = [];
    let publication = 0;
    for (let i = 0; i < cases; i++) {
      if (i === 0 || rand() < 0.65) publication++;
      const pick = (n: number, code: (i: number) => number, rare: number) => {
        const codes = new Set<number>();
        for (let k = Math.floor(rand() * n); k > 0; k--) codes.add(code(rand() < 0.85 ? Math.floor(rand() ** 2 * 12) : 100 + Math.floor(rand() * rare)));
        return [...codes];
      };
      rows.push({
        case_report_id: `case-${String(i).padStart(5, '0')}`,
        publication_id: `pub-${String(publication).padStart(5, '0')}`,
        complication_codes: pick(5, COMPLICATION, 300),
        procedure_codes: pick(3, PROCEDURE, 40),
        sex_code: rand() < 0.1 ? null : rand() < 0.7 ? FEMALE : MALE,
        age_years: rand() < 0.15 ? null : Math.round(rand() * 900) / 10,
      });
    }
    // Rows arrive in any order; positions sort them by publication.
    for (let i = rows.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      [rows[i], rows[j]] = [rows[j], rows[i]];
    }
    const columns = FacetColumns.load(1n, rows);
    const removed = new Set<string>();
    for (let k = Math.floor(rand() * 20); k > 0; k--) removed.add(rows[Math.floor(rand() * rows.length)].case_report_id);
    for (const id of removed) columns.remove(id);
    const filters: SearchQuery['filters'] = {};
    if (rand() < 0.6) filters.complications = [String(COMPLICATION(Math.floor(rand() * 6))), String(COMPLICATION(Math.floor(rand() * 12)))];
    if (rand() < 0.5) filters.sex = [String(FEMALE) as never];
    if (rand() < 0.5) filters.age = { min: Math.floor(rand() * 40), max: 40 + Math.floor(rand() * 50) };
    if (rand() < 0.3) filters.procedures = [String(PROCEDURE(Math.floor(rand() * 4)))];
    const textDensity = rand() < 0.3 ? null : rand();
    const candidates = textDensity === null ? null : Uint8Array.from({ length: columns.size }, () => (rand() < textDensity ? 1 : 0));
    return { rows, columns, removed, filters, candidates };
  }

  const facets = [
    { facet: FacetName.COMPLICATION, includeZero: false },
    { facet: FacetName.PROCEDURE, includeZero: false },
    { facet: FacetName.SEX, includeZero: false },
    { facet: FacetName.AGE, includeZero: false, interval: 10 },
  ];
  const encode = (field: string, value: string) => Number(value);

  /** The counts of one facet as a naive pass gives them: every case meeting the text and every clause but the facet's own. */
  function naive({ rows, columns, removed, filters, candidates }: ReturnType<typeof generate>) {
    const meets = (row: ColumnRow, except: string | null) => {
      const list = (value: unknown) => (value ?? []) as number[];
      if (removed.has(row.case_report_id)) return false;
      if (candidates && !candidates[columns.ordOf(row.case_report_id) as number]) return false;
      if (except !== 'complications' && filters.complications && !list(row.complication_codes).some((code) => filters.complications?.includes(String(code)))) return false;
      if (except !== 'procedures' && filters.procedures && !list(row.procedure_codes).some((code) => filters.procedures?.includes(String(code)))) return false;
      if (except !== 'sex' && filters.sex && !(filters.sex as string[]).includes(String(row.sex_code))) return false;
      const age = row.age_years as number | null;
      if (except !== 'age' && filters.age && (age === null || age < (filters.age.min ?? -Infinity) || age > (filters.age.max ?? Infinity))) return false;
      return true;
    };
    const buckets = new Map<number, [number, Set<string>]>();
    const tally = (code: number, row: ColumnRow) => {
      const entry = buckets.get(code) ?? [0, new Set<string>()];
      entry[0]++;
      entry[1].add(row.publication_id);
      buckets.set(code, entry);
    };
    const histogram = new Map<number, number>();
    let total = 0;
    for (const row of rows) {
      if (meets(row, null)) total++;
      if (meets(row, 'complications')) for (const code of row.complication_codes as number[]) tally(code, row);
      if (meets(row, 'procedures')) for (const code of row.procedure_codes as number[]) tally(code, row);
      if (meets(row, 'sex') && row.sex_code !== null) tally(row.sex_code as number, row);
      if (meets(row, 'age') && row.age_years !== null) histogram.set(Math.floor((row.age_years as number) / 10) * 10, (histogram.get(Math.floor((row.age_years as number) / 10) * 10) ?? 0) + 1);
    }
    return { total, buckets: new Map([...buckets].map(([code, [cases, publications]]) => [code, [cases, publications.size]])), histogram };
  }

  it.each(Array.from({ length: 12 }, (_, i) => i + 1))('seed %i: sets, one pass and auto give the same rows, as a naive count does', (seed) => {
    const corpus = generate(seed);
    const query: SearchQuery = { text: null, filters: corpus.filters, facets, sort: SearchSort.RELEVANCE, page: { first: 0, after: null }, highlight: false };
    const bySets = corpus.columns.count(query, encode as never, corpus.candidates, null, 'sets');
    const byScan = corpus.columns.count(query, encode as never, corpus.candidates, null, 'scan');
    expect(byScan).toEqual(bySets);
    expect(corpus.columns.count(query, encode as never, corpus.candidates, null, 'auto')).toEqual(bySets);
    const expected = naive(corpus);
    expect(bySets.find((row) => row.kind === 'total')?.cases).toBe(expected.total);
    expect(new Map(bySets.filter((row) => row.kind === 'bucket').map((row) => [row.value as number, [row.cases, row.publications]]))).toEqual(expected.buckets);
    expect(new Map(bySets.filter((row) => row.kind === 'histogram').map((row) => [row.n1 as number, row.cases]))).toEqual(expected.histogram);
  });
});
