import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { SaxesParser } from 'saxes';
import request from 'supertest';
import { fixturePath } from '../../src/literature/testing/fixtures';
import { CURATOR_KEY, startTestApp, TestApp } from '../support/test-app';
import { asText, waitForIndex } from '../support/search-index';
import { docxText } from '../support/docx-text';

// The README's question: intrathecal or spinal subdural hematoma after an epidural blood patch, in
// pregnant or postpartum patients. Hand count (src/case-reports/demo/README.md and demo-corpus.json):
// A01 McInerney 2020 (FULL_RECOVERY, age NR), A03 Kalina 2004 (UNKNOWN, 27), A04 Landa 2018
// (FULL_RECOVERY, 37, patch 20 ml, onset 216 h), A05 Wolfson 2020 (UNKNOWN, 32, two patches),
// A06 Iga 2019 (PARTIAL_RECOVERY, 40, patches at L3-L4 and L2-L3); all POSTPARTUM, one publication each.
const QUESTION = {
  filters: { complications: ['intrathecal-hematoma', 'spinal-subdural-hematoma'], procedures: ['epidural-blood-patch'], pregnancyStatuses: ['PREGNANT', 'POSTPARTUM'] },
  sort: 'YEAR_DESC',
};

const P = 'numerator denominator proportion lower upper';
const SUMMARY = `query($input: SearchCaseReportsInput, $facet: FacetName!) { caseSummary(input: $input, facet: $facet) {
  facet totalCases totalPublications knownCases multiValued curatedCases suggestedCases method
  rows { value label termId depth unknown caseCount publicationCount ofAll { ${P} } ofKnown { ${P} } curated { caseCount } suggested { caseCount } search { input pageQuery } }
} }`;
const CROSS_TAB = `query($input: SearchCaseReportsInput, $rows: FacetName!, $columns: FacetName!, $limit: Int) { caseCrossTab(input: $input, rows: $rows, columns: $columns, limit: $limit) {
  rows columns totalCases totalPublications method omittedRowValues omittedColumnValues
  rowHeaders { value label unknown caseCount publicationCount }
  columnHeaders { value label unknown caseCount publicationCount }
  cells { rowValue columnValue caseCount publicationCount ofRow { ${P} } ofColumn { ${P} } search { input pageQuery } }
} }`;
const NUMBERS = `query($input: SearchCaseReportsInput, $field: NumericField!, $interval: Float) { caseNumericSummary(input: $input, field: $field, interval: $interval) {
  field unit totalCases casesWithValue n missing min q1 median q3 max mean interval histogram { from to count }
} }`;
const TABLE = `query($input: SearchCaseReportsInput, $columns: [CaseTableColumn!], $first: Int, $after: String) { caseTable(input: $input, columns: $columns, first: $first, after: $after) {
  columns { column header } totalCases totalPublications rows { caseReportId cursor cells } pageInfo { hasNextPage endCursor }
} }`;

const close = (value: number) => expect.closeTo(value, 4);

describe('synthesis API (demo corpus)', () => {
  let app: TestApp;
  const gql = async (query: string, variables: Record<string, unknown>, key?: string) => {
    const result = await app.graphql<any>(query, variables, key);
    if (result.errors) throw new Error(JSON.stringify(result.errors));
    return result.data;
  };
  const totalOf = async (input: string) => (await gql('query($input: SearchCaseReportsInput!) { searchCaseReports(input: $input) { totalCases } }', { input: { ...JSON.parse(input), first: 0 } })).searchCaseReports.totalCases;

  beforeAll(async () => {
    app = await startTestApp();
    await waitForIndex(app);
  });

  afterAll(async () => {
    await app.close();
  });

  it("summarises the README question by OUTCOME: 5 cases, 2 full recovery, 1 partial, 2 unknown, with Wilson intervals", async () => {
    const { caseSummary: summary } = await gql(SUMMARY, { input: QUESTION, facet: 'OUTCOME' });
    expect(summary).toMatchObject({ facet: 'OUTCOME', totalCases: 5, totalPublications: 5, knownCases: 3, multiValued: false, curatedCases: null, suggestedCases: null, method: 'FACETS' });
    const rows = Object.fromEntries(summary.rows.map((row: any) => [row.value, row]));
    expect(summary.rows.map((row: any) => row.value)).toEqual(['FULL_RECOVERY', 'IMPROVED_UNSPECIFIED', 'PARTIAL_RECOVERY', 'RESIDUAL_DEFICIT', 'DEATH', 'UNKNOWN']);
    expect(summary.rows.map((row: any) => row.caseCount)).toEqual([2, 0, 1, 0, 0, 2]);
    // Wilson 95%: 2/5 0.1176-0.7693, 2/3 0.2077-0.9385, 1/5 0.0362-0.6245, 1/3 0.0615-0.7923, 0/5 0-0.4345, 0/3 0-0.5615.
    expect(rows.FULL_RECOVERY.ofAll).toEqual({ numerator: 2, denominator: 5, proportion: 0.4, lower: close(0.1176), upper: close(0.7693) });
    expect(rows.FULL_RECOVERY.ofKnown).toEqual({ numerator: 2, denominator: 3, proportion: close(2 / 3), lower: close(0.2077), upper: close(0.9385) });
    expect(rows.PARTIAL_RECOVERY.ofAll).toEqual({ numerator: 1, denominator: 5, proportion: 0.2, lower: close(0.0362), upper: close(0.6245) });
    expect(rows.PARTIAL_RECOVERY.ofKnown).toEqual({ numerator: 1, denominator: 3, proportion: close(1 / 3), lower: close(0.0615), upper: close(0.7923) });
    expect(rows.DEATH.ofAll).toEqual({ numerator: 0, denominator: 5, proportion: 0, lower: 0, upper: close(0.4345) });
    expect(rows.DEATH.ofKnown).toEqual({ numerator: 0, denominator: 3, proportion: 0, lower: 0, upper: close(0.5615) });
    expect(rows.UNKNOWN).toMatchObject({ unknown: true, label: 'Unknown', caseCount: 2, publicationCount: 2, ofKnown: null, ofAll: { numerator: 2, denominator: 5 } });
    // Each row's search finds its cases.
    expect(JSON.parse(rows.FULL_RECOVERY.search.input).filters.outcomes).toEqual(['FULL_RECOVERY']);
    expect(await totalOf(rows.FULL_RECOVERY.search.input)).toBe(2);
    expect(rows.FULL_RECOVERY.search.pageQuery).toContain('outcome=FULL_RECOVERY');
  });

  it('counts a single-valued facet the search filters on: unselected values are 0, not the disjunctive facet counts', async () => {
    const { caseSummary: summary } = await gql(SUMMARY, { input: QUESTION, facet: 'PREGNANCY_STATUS' });
    // The facet alone would say NOT_PREGNANT 1, UNKNOWN 1 (it ignores its own selection); the summary describes the 5 cases.
    expect(Object.fromEntries(summary.rows.map((row: any) => [row.value, row.caseCount]))).toEqual({ PREGNANT: 0, POSTPARTUM: 5, NOT_PREGNANT: 0, UNKNOWN: 0 });
    expect(summary.totalCases).toBe(5);
    // Only the selected values' rows have a search (the others have no case in this search).
    expect(summary.rows.filter((row: any) => row.search).map((row: any) => row.value)).toEqual(['PREGNANT', 'POSTPARTUM']);
  });

  it('counts a multi-valued facet the search filters on over the matching cases (COMPLICATION), and not-reported treatments', async () => {
    const { caseSummary: complications } = await gql(SUMMARY, { input: QUESTION, facet: 'COMPLICATION' });
    // The engine's one-pass count, not the disjunctive facet (which would ignore the COMPLICATION filter).
    expect(complications.method).toBe('FACETS');
    const byLabel = Object.fromEntries(complications.rows.map((row: any) => [row.label, row.caseCount]));
    expect(byLabel).toMatchObject({ 'Intrathecal hematoma': 4, 'Spinal subdural hematoma': 1, 'Post-dural puncture headache': 3, Radiculopathy: 1, Arachnoiditis: 1 });
    expect(complications.rows.at(-1)).toMatchObject({ value: 'NONE', unknown: true, caseCount: 0, search: null });
    const intrathecal = complications.rows.find((row: any) => row.label === 'Intrathecal hematoma');
    expect(intrathecal.depth).toBeGreaterThan(0);
    // A second value of a filtered multi-valued facet cannot be ANDed in a search: no link.
    expect(intrathecal.search).toBeNull();

    const { caseSummary: treatments } = await gql(SUMMARY, { input: QUESTION, facet: 'TREATMENT' });
    expect(treatments.rows.at(-1)).toMatchObject({ value: 'UNKNOWN', label: 'Not reported', unknown: true, caseCount: 3 }); // A03, A05, A06
    expect(treatments.knownCases).toBe(2);
    const byTreatment = Object.fromEntries(treatments.rows.map((row: any) => [row.label, row.caseCount]));
    expect(byTreatment).toMatchObject({ Corticosteroids: 1, Observation: 1, Analgesics: 1 });
    expect(await totalOf(treatments.rows.at(-1).search.input)).toBe(3);
  });

  it('refuses a numeric facet for caseSummary', async () => {
    const result = await app.graphql<any>(SUMMARY, { input: QUESTION, facet: 'AGE' });
    expect(result.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('cross-tabulates OUTCOME x PREGNANCY_STATUS over the corpus: cells add up to the margins and the total, each cell reachable by its search', async () => {
    const { caseCrossTab: table } = await gql(CROSS_TAB, { input: null, rows: 'OUTCOME', columns: 'PREGNANCY_STATUS' });
    expect(table.totalCases).toBe(23);
    expect(table.method).toBe('FACETS');
    // Demo README hand counts: outcomes FULL 9, IMPROVED 2, PARTIAL 2, RESIDUAL 3, UNKNOWN 7; pregnancy POSTPARTUM 14, NOT_PREGNANT 8, UNKNOWN 1.
    expect(Object.fromEntries(table.rowHeaders.map((h: any) => [h.value, h.caseCount]))).toEqual({ FULL_RECOVERY: 9, IMPROVED_UNSPECIFIED: 2, PARTIAL_RECOVERY: 2, RESIDUAL_DEFICIT: 3, DEATH: 0, UNKNOWN: 7 });
    expect(Object.fromEntries(table.columnHeaders.map((h: any) => [h.value, h.caseCount]))).toEqual({ PREGNANT: 0, POSTPARTUM: 14, NOT_PREGNANT: 8, UNKNOWN: 1 });
    expect(table.cells).toHaveLength(6 * 4);
    const sum = (cells: any[]) => cells.reduce((total, cell) => total + cell.caseCount, 0);
    for (const row of table.rowHeaders) expect(sum(table.cells.filter((c: any) => c.rowValue === row.value))).toBe(row.caseCount);
    for (const column of table.columnHeaders) expect(sum(table.cells.filter((c: any) => c.columnValue === column.value))).toBe(column.caseCount);
    expect(sum(table.cells)).toBe(23);
    const cell = table.cells.find((c: any) => c.rowValue === 'FULL_RECOVERY' && c.columnValue === 'POSTPARTUM');
    expect(cell.ofRow).toMatchObject({ numerator: cell.caseCount, denominator: 9 });
    expect(cell.ofColumn).toMatchObject({ numerator: cell.caseCount, denominator: 14 });
    for (const c of table.cells.filter((x: any) => x.caseCount > 0)) expect(await totalOf(c.search.input)).toBe(c.caseCount);
    expect(cell.search.pageQuery).toBe('outcome=FULL_RECOVERY&pregnancy=POSTPARTUM');
  });

  it('cross-tabulates within the README question (the filtered facet: unselected columns are 0)', async () => {
    const { caseCrossTab: table } = await gql(CROSS_TAB, { input: QUESTION, rows: 'OUTCOME', columns: 'PREGNANCY_STATUS' });
    expect(table.totalCases).toBe(5);
    const cells = Object.fromEntries(table.cells.filter((c: any) => c.caseCount).map((c: any) => [`${c.rowValue}/${c.columnValue}`, c.caseCount]));
    expect(cells).toEqual({ 'FULL_RECOVERY/POSTPARTUM': 2, 'PARTIAL_RECOVERY/POSTPARTUM': 1, 'UNKNOWN/POSTPARTUM': 2 });
  });

  it('cross-tabulates TREATMENT against a single-valued and a multi-valued facet alike (one engine pass each)', async () => {
    const { caseCrossTab: byFacets } = await gql(CROSS_TAB, { input: null, rows: 'TREATMENT', columns: 'OUTCOME', limit: 50 });
    // SYMPTOM x TREATMENT: both multi-valued, cases without a symptom in the NONE column.
    const { caseCrossTab: exact } = await gql(CROSS_TAB, { input: null, rows: 'TREATMENT', columns: 'SYMPTOM', limit: 50 });
    expect(byFacets.method).toBe('FACETS');
    expect(exact.method).toBe('FACETS');
    const notReported = byFacets.rowHeaders.find((h: any) => h.unknown);
    expect(notReported).toMatchObject({ value: 'UNKNOWN', caseCount: 6 }); // demo README: treatment unknown 6
    // Row margins agree between the two ways of counting.
    expect(Object.fromEntries(exact.rowHeaders.map((h: any) => [h.value, h.caseCount]))).toEqual(Object.fromEntries(byFacets.rowHeaders.map((h: any) => [h.value, h.caseCount])));
    // A single-valued column facet: each row's cells add up to its margin.
    for (const row of byFacets.rowHeaders) expect(byFacets.cells.filter((c: any) => c.rowValue === row.value).reduce((t: number, c: any) => t + c.caseCount, 0)).toBe(row.caseCount);
    // Cases with no symptom: the NONE column, no search can select it.
    const none = exact.cells.filter((c: any) => c.columnValue === 'NONE');
    expect(none.every((c: any) => c.search === null)).toBe(true);
    expect(exact.columnHeaders.at(-1)).toMatchObject({ value: 'NONE', unknown: true });
    // The same treatment row when the search filters on TREATMENT (its own facet) agrees with the unfiltered cross-tab.
    const top = byFacets.rowHeaders.filter((h: any) => !h.unknown).sort((a: any, b: any) => b.caseCount - a.caseCount)[0];
    const { caseCrossTab: filtered } = await gql(CROSS_TAB, { input: { filters: { treatments: [top.value] } }, rows: 'TREATMENT', columns: 'OUTCOME', limit: 50 });
    expect(filtered.method).toBe('FACETS');
    const rowOf = (table: any) => Object.fromEntries(table.cells.filter((c: any) => c.rowValue === top.value).map((c: any) => [c.columnValue, c.caseCount]));
    expect(rowOf(filtered)).toEqual(rowOf(byFacets));
    expect(filtered.totalCases).toBe(top.caseCount);
  });

  it('counts publications only when the selection shows them, and then right (each cell and row as its own search counts them)', async () => {
    const publicationsOf = async (input: string) => (await gql('query($input: SearchCaseReportsInput!) { searchCaseReports(input: $input) { totalPublications } }', { input: { ...JSON.parse(input), first: 0 } })).searchCaseReports.totalPublications;
    // OUTCOME x PREGNANCY_STATUS: the two-case publication is UNKNOWN / POSTPARTUM twice.
    const variables = { input: null, rows: 'OUTCOME', columns: 'PREGNANCY_STATUS', limit: 50 };
    // The web client's selection: cases only (no publication count anywhere), then the same with publications in the cells alone, through a fragment.
    const casesOnly = (await gql(`query($input: SearchCaseReportsInput, $rows: FacetName!, $columns: FacetName!, $limit: Int) { caseCrossTab(input: $input, rows: $rows, columns: $columns, limit: $limit) {
      totalCases rowHeaders { value caseCount } cells { rowValue columnValue caseCount }
    } }`, variables)).caseCrossTab;
    const cellPublications = (await gql(`query($input: SearchCaseReportsInput, $rows: FacetName!, $columns: FacetName!, $limit: Int) { caseCrossTab(input: $input, rows: $rows, columns: $columns, limit: $limit) { ...tab } }
      fragment tab on CaseCrossTab { totalCases rowHeaders { value caseCount } cells { rowValue columnValue caseCount publicationCount search { input } } }`, variables)).caseCrossTab;
    const full = (await gql(CROSS_TAB, variables)).caseCrossTab;
    const cases = (table: any) => table.cells.map((c: any) => `${c.rowValue}/${c.columnValue}: ${c.caseCount}`);
    expect(cases(cellPublications)).toEqual(cases(casesOnly));
    expect(cases(full)).toEqual(cases(casesOnly));
    expect(casesOnly.totalCases).toBe(23);
    // The demo corpus has one publication with two cases: the totals differ, so a count of cases passed off as publications would show.
    expect([full.totalCases, full.totalPublications]).toEqual([23, 22]);
    let fewerPublications = 0;
    for (const table of [cellPublications, full]) {
      for (const cell of table.cells.filter((c: any) => c.caseCount > 0 && c.search)) {
        expect({ cell: `${cell.rowValue}/${cell.columnValue}`, publications: cell.publicationCount }).toEqual({ cell: `${cell.rowValue}/${cell.columnValue}`, publications: await publicationsOf(cell.search.input) });
        if (cell.publicationCount < cell.caseCount) fewerPublications++;
      }
    }
    expect(fewerPublications).toBeGreaterThan(0);
    for (const header of full.rowHeaders) expect(header.publicationCount).toBe(await publicationsOf(JSON.stringify({ filters: { outcomes: [header.value] } })));

    // The summary: rows' publication counts through a fragment, and none asked for.
    const summaryRows = (await gql(`query { caseSummary(facet: PREGNANCY_STATUS) { totalCases rows { value caseCount ...publications search { input } } } }
      fragment publications on CaseSummaryRow { publicationCount }`, {})).caseSummary.rows;
    for (const row of summaryRows.filter((r: any) => r.caseCount > 0 && r.search)) expect(row.publicationCount).toBe(await publicationsOf(row.search.input));
    expect(summaryRows.find((r: any) => r.value === 'POSTPARTUM')).toMatchObject({ caseCount: 14, publicationCount: 13 });
    const casesOnlySummary = (await gql('query { caseSummary(facet: PREGNANCY_STATUS) { totalCases rows { value caseCount } } }', {})).caseSummary;
    expect(casesOnlySummary.rows.map((r: any) => [r.value, r.caseCount])).toEqual(summaryRows.map((r: any) => [r.value, r.caseCount]));
  });

  it('summarises age, onset and blood-patch volume of the README question', async () => {
    const { caseNumericSummary: age } = await gql(NUMBERS, { input: QUESTION, field: 'AGE' });
    // Ages 27, 32, 37, 40 and one not reported (A01); type 7 quartiles as R's quantile().
    expect(age).toEqual({
      field: 'AGE', unit: 'years', totalCases: 5, casesWithValue: 4, n: 4, missing: 1, min: 27, q1: 30.75, median: 34.5, q3: 37.75, max: 40, mean: 34, interval: 10,
      histogram: [{ from: 20, to: 30, count: 1 }, { from: 30, to: 40, count: 2 }, { from: 40, to: 50, count: 1 }],
    });
    const { caseNumericSummary: onset } = await gql(NUMBERS, { input: QUESTION, field: 'ONSET_HOURS', interval: 48 });
    expect(onset).toMatchObject({ n: 1, missing: 4, median: 216, histogram: [{ from: 192, to: 240, count: 1 }] });
    const { caseNumericSummary: volume } = await gql(NUMBERS, { input: QUESTION, field: 'BLOOD_PATCH_VOLUME' });
    expect(volume).toMatchObject({ n: 1, missing: 4, min: 20, max: 20 });
    const bad = await app.graphql<any>(NUMBERS, { input: QUESTION, field: 'AGE', interval: 0.0001 });
    expect(bad.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('refuses an interval too small for the values, even for a single value (it once looped until the process ran out of memory)', async () => {
    // One onset value (216 h): 216 / 1e-15 is past 2^53, where a bucket number no longer counts up.
    const tiny = await app.graphql<any>(NUMBERS, { input: QUESTION, field: 'ONSET_HOURS', interval: 1e-15 });
    expect(tiny.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fieldErrors: [{ path: 'interval', message: expect.stringContaining('wider interval') }] });
    const download = await request(app.running.url).get('/exports/case-numeric').query({ field: 'ONSET_HOURS', interval: '1e-310', q: JSON.stringify(QUESTION) });
    expect(download.status).toBe(400);
    expect(download.body.error).toMatchObject({ code: 'BAD_USER_INPUT', fieldErrors: [{ path: 'interval' }] });
    expect((await request(app.running.url).get('/health/live')).status).toBe(200);
  });

  it('tabulates the five patients with the columns in the order asked, paging with cursors', async () => {
    const columns = ['CITATION', 'AGE', 'PROCEDURES', 'ONSET', 'OUTCOME'];
    const first = (await gql(TABLE, { input: QUESTION, columns, first: 3 })).caseTable;
    expect(first.columns.map((c: any) => c.column)).toEqual(columns);
    expect(first.totalCases).toBe(5);
    expect(first.pageInfo.hasNextPage).toBe(true);
    const second = (await gql(TABLE, { input: QUESTION, columns, first: 3, after: first.pageInfo.endCursor })).caseTable;
    expect(second.pageInfo.hasNextPage).toBe(false);
    const rows = [...first.rows, ...second.rows].map((row: any) => row.cells);
    const byStudy = Object.fromEntries(rows.map((cells: string[]) => [cells[0], cells.slice(1)]));
    expect(Object.keys(byStudy).sort()).toEqual(['Iga et al. 2019', 'Kalina and Campeau 2004', 'Landa et al. 2018', 'McInerney et al. 2020', 'Wolfson et al. 2020']);
    expect(byStudy['Landa et al. 2018']).toEqual(['37', 'Labour epidural analgesia; Accidental dural puncture; Epidural blood patch (20 ml)', 'Intrathecal hematoma: 216 h after Epidural blood patch', 'Full recovery']);
    expect(byStudy['McInerney et al. 2020']).toEqual(['NR', 'Neuraxial anaesthesia or analgesia; Epidural blood patch', 'NR', 'Full recovery']);
    expect(byStudy['Iga et al. 2019'][1]).toBe('Combined spinal-epidural anaesthesia; Accidental dural puncture (L2-L3); Epidural blood patch (L3-L4); Epidural blood patch #2 (L2-L3)');
    expect(byStudy['Wolfson et al. 2020'][1]).toContain('Epidural blood patch; Epidural blood patch #2');
    expect(byStudy['Kalina and Campeau 2004']).toEqual(['27', 'Labour epidural analgesia; Accidental dural puncture; Epidural blood patch', 'NR', 'Unknown']);
    // YEAR_DESC: newest first.
    expect(rows.map((cells: string[]) => cells[0].slice(-4))).toEqual(['2020', '2020', '2019', '2018', '2004']);
  });

  it('downloads the case table as CSV, Markdown and Word, stamped with the search, the date and the saved search', async () => {
    const csv = await asText(request(app.running.url).get('/exports/case-table').query({ format: 'csv', q: JSON.stringify(QUESTION), columns: 'CITATION,AGE,OUTCOME' }));
    expect(csv.status).toBe(200);
    expect(csv.headers['content-type']).toMatch(/text\/csv/);
    expect(csv.headers['x-total-cases']).toBe('5');
    const lines = (csv.body as string).trim().split('\n');
    expect(lines[0]).toBe(`# Search: ${JSON.stringify(QUESTION)}`);
    expect(lines[1]).toMatch(/^# Generated: \d{4}-\d\d-\d\dT/);
    expect(lines[2]).toBe('# Cases: 5; publications: 5');
    expect(lines[3]).toBe('Study,Age (years),Outcome');
    expect(lines.slice(4).sort()).toEqual(['Iga et al. 2019,40,Partial recovery', 'Kalina and Campeau 2004,27,Unknown', 'Landa et al. 2018,37,Full recovery', 'McInerney et al. 2020,NR,Full recovery', 'Wolfson et al. 2020,32,Unknown']);

    // The same search as individual parameters, default columns, Markdown.
    const markdown = await asText(
      request(app.running.url).get('/exports/case-table').query({ format: 'markdown', complications: 'intrathecal-hematoma,spinal-subdural-hematoma', procedures: 'epidural-blood-patch', pregnancyStatuses: ['PREGNANT', 'POSTPARTUM'], sort: 'YEAR_DESC' }),
    );
    expect(markdown.status).toBe(200);
    const md = markdown.body as string;
    expect(md).toContain('| Study | Age (years) | Obstetric status | Procedures | Onset | Symptoms | Diagnosis / imaging | Complications | Treatment | Outcome |');
    expect(md.split('\n').filter((line) => line.startsWith('| ') && !line.startsWith('| Study') && !line.startsWith('| ---'))).toHaveLength(5);

    // Word: a real table, read back.
    const word = await request(app.running.url)
      .get('/exports/case-table')
      .query({ format: 'docx', q: JSON.stringify(QUESTION), columns: 'CITATION,AGE,ONSET,OUTCOME' })
      .buffer(true)
      .parse((response, done) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => done(null, Buffer.concat(chunks)));
      });
    expect(word.status).toBe(200);
    expect(word.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(word.headers['content-disposition']).toMatch(/case-table-\d{4}-\d\d-\d\d\.docx/);
    const { paragraphs, rows: wordRows } = docxText(word.body as Buffer);
    expect(paragraphs[0]).toBe(`Search: ${JSON.stringify(QUESTION)}`);
    expect(wordRows[0]).toEqual(['Study', 'Age (years)', 'Onset', 'Outcome']);
    expect(wordRows).toHaveLength(6);
    expect(wordRows).toContainEqual(['Landa et al. 2018', '37', 'Intrathecal hematoma: 216 h after Epidural blood patch', 'Full recovery']);
    // The same table as CSV: the same rows and cells, in the same order.
    const sameCsv = await asText(request(app.running.url).get('/exports/case-table').query({ format: 'csv', q: JSON.stringify(QUESTION), columns: 'CITATION,AGE,ONSET,OUTCOME' }));
    expect(wordRows).toEqual(parse(sameCsv.body as string, { comment: '#' }));

    // From a saved search: its name and latest fingerprint are stamped.
    const saved = await gql('mutation($input: SaveSearchInput!) { saveSearch(input: $input) { id } }', { input: { name: 'EBP hematoma postpartum', search: QUESTION } }, CURATOR_KEY);
    const run = await gql('mutation($id: ID!) { runSavedSearch(id: $id) { run { fingerprint } } }', { id: saved.saveSearch.id }, CURATOR_KEY);
    const fromSaved = await asText(request(app.running.url).get('/exports/case-table').query({ savedSearch: saved.saveSearch.id }));
    expect(fromSaved.status).toBe(200);
    expect(fromSaved.body).toContain(`# Saved search: EBP hematoma postpartum (${saved.saveSearch.id})`);
    expect(fromSaved.body).toContain(`# Saved-search fingerprint: ${run.runSavedSearch.run.fingerprint}`);
  });

  it('downloads the outcome summary as CSV, Markdown and an SVG chart, stamped', async () => {
    const csv = await asText(request(app.running.url).get('/exports/case-summary').query({ facet: 'OUTCOME', format: 'csv', q: JSON.stringify(QUESTION) }));
    expect(csv.status).toBe(200);
    const csvText = csv.body as string;
    expect(csvText).toContain(`# Search: ${JSON.stringify(QUESTION)}`);
    expect(csvText).toContain('FULL_RECOVERY,Full recovery,0,2,2,0.4,0.117621,0.769276,0.666667,0.20766,0.938508');
    const markdown = await asText(request(app.running.url).get('/exports/case-summary').query({ facet: 'OUTCOME', format: 'markdown', q: JSON.stringify(QUESTION) }));
    expect(markdown.body).toContain('| Full recovery | 2 | 2 | 40.0% (11.8–76.9) | 66.7% (20.8–93.9) |');
    expect(markdown.body).toContain('| Unknown | 2 | 2 | 40.0% (11.8–76.9) | – |');
    const svg = await asText(request(app.running.url).get('/exports/case-summary').query({ facet: 'OUTCOME', format: 'svg', q: JSON.stringify(QUESTION) }));
    expect(svg.status).toBe(200);
    expect(svg.headers['content-type']).toMatch(/image\/svg\+xml/);
    expect(svg.body).toContain('<title id="title">Cases by outcome</title>');
    expect(svg.body).toContain('>2 of 5, 40.0% (95% CI 11.8–76.9%)<');
    const bad = await request(app.running.url).get('/exports/case-summary').query({ facet: 'SHOE_SIZE' });
    expect(bad.status).toBe(400);
  });

  it('draws charts whose stamp or review name holds characters XML cannot hold (U+FFFE) as readable SVG and PNG (the PNG was a 500)', async () => {
    const q = JSON.stringify({ ...QUESTION, text: 'hematoma \ufffe' });
    for (const [path, query] of [
      ['/exports/case-summary', { facet: 'OUTCOME', q }],
      ['/exports/case-numeric', { field: 'AGE', q }],
    ] as const) {
      const png = await request(app.running.url).get(path).query({ ...query, format: 'png' }).buffer(true);
      expect(png.status).toBe(200);
      expect(Buffer.from(png.body).subarray(1, 4).toString()).toBe('PNG');
      const svg = await asText(request(app.running.url).get(path).query({ ...query, format: 'svg' }));
      expect(() => new SaxesParser({ xmlns: true }).write(svg.body as string).close()).not.toThrow();
    }
    // A review name can no longer hold U+0001 (mutations refuse control characters); U+FFFE is no control character, and XML cannot hold it either.
    await gql('mutation { saveReview(input: { name: "odd \\ufffe review" }) { name } }', {}, CURATOR_KEY);
    const prisma = await request(app.running.url).get('/exports/prisma').query({ review: 'odd \ufffe review', format: 'png' }).buffer(true);
    expect(prisma.status).toBe(200);
    expect(Buffer.from(prisma.body).subarray(1, 4).toString()).toBe('PNG');
  });

  it('refuses bad download parameters and an empty result', async () => {
    const badColumn = await request(app.running.url).get('/exports/case-table').query({ columns: 'CITATION,SHOE_SIZE' });
    expect(badColumn.status).toBe(400);
    const badFormat = await request(app.running.url).get('/exports/case-table').query({ format: 'pdf' });
    expect(badFormat.status).toBe(400);
    const typo = await request(app.running.url).get('/exports/case-table').query({ outcome: 'DEATH' });
    expect(typo.status).toBe(400);
    const nothing = await request(app.running.url).get('/exports/case-table').query({ outcomes: 'DEATH' });
    expect(nothing.status).toBe(404);
  });

  it('summarises, tabulates, exports and saves the cases a typed search (prefixLastWord) or one reading its words as filters (applySuggestedFilters) finds, not the search without them', async () => {
    const typed = { text: 'intrathecal hemat', prefixLastWord: true };
    const read = { text: 'pregnant intrathecal hematoma blood patch', applySuggestedFilters: true };
    for (const input of [typed, read]) {
      const found = (await gql('query($input: SearchCaseReportsInput!) { searchCaseReports(input: $input) { totalCases } }', { input })).searchCaseReports.totalCases;
      expect(found).toBeGreaterThan(0);
      // Each of these dropped the two flags and counted the words as plain text: 0 cases.
      const { caseSummary: summary } = await gql(SUMMARY, { input, facet: 'OUTCOME' });
      expect(summary.totalCases).toBe(found);
      for (const row of summary.rows.filter((r: any) => r.search && r.caseCount > 0)) expect(await totalOf(row.search.input)).toBe(row.caseCount);
      const { caseCrossTab: tab } = await gql(CROSS_TAB, { input, rows: 'OUTCOME', columns: 'SEX' });
      expect(tab.totalCases).toBe(found);
      for (const cell of tab.cells.filter((c: any) => c.search && c.caseCount > 0)) expect(await totalOf(cell.search.input)).toBe(cell.caseCount);
      expect((await gql(NUMBERS, { input, field: 'AGE' })).caseNumericSummary.totalCases).toBe(found);
      expect((await gql(TABLE, { input, first: 1 })).caseTable.totalCases).toBe(found);
      expect((await gql('query($input: SearchCaseReportsInput!) { exportCaseReports(input: $input, format: JSONL) { caseCount } }', { input })).exportCaseReports.caseCount).toBe(found);
      // The same search as GET /exports?q=… (the page's download link): refused with applySuggestedFilters until it was read.
      const download = await request(app.running.url).get('/exports').query({ q: JSON.stringify(input), format: 'jsonl' });
      expect(download.status).toBe(200);
      expect(download.text.trim().split('\n')).toHaveLength(found);
      const saved = await gql('mutation($input: SaveSearchInput!) { saveSearch(input: $input) { id } }', { input: { name: `flags ${input.text}`, search: input } }, CURATOR_KEY);
      const run = await gql('mutation($id: ID!) { runSavedSearch(id: $id) { run { caseCount } } }', { id: saved.saveSearch.id }, CURATOR_KEY);
      expect(run.runSavedSearch.run.caseCount).toBe(found);
    }
  });

  it('keeps a saved search name with line breaks on its stamp line: the summary CSV put "=HYPERLINK(…)" on a line of its own, outside the "#" comment, where a spreadsheet runs it', async () => {
    const name = 'Weekly\n=HYPERLINK("http://example.invalid","x")\r\n+cmd';
    const saved = await gql('mutation($input: SaveSearchInput!) { saveSearch(input: $input) { id } }', { input: { name, search: QUESTION } }, CURATOR_KEY);
    const savedSearch = saved.saveSearch.id;
    for (const [path, params] of [
      ['/exports/case-summary', { facet: 'OUTCOME', format: 'csv' }],
      ['/exports/case-table', { format: 'csv' }],
      ['/exports/case-numeric', { field: 'AGE', format: 'csv' }],
    ] as const) {
      const file = await request(app.running.url).get(path).query({ ...params, savedSearch });
      expect(file.status).toBe(200);
      const lines = file.text.split(/\r?\n/);
      expect(lines).toContain(`# Saved search: Weekly =HYPERLINK("http://example.invalid","x") +cmd (${savedSearch})`);
      for (const line of lines) expect(line).not.toMatch(/^[=+\-@]/);
    }
    for (const [path, params] of [
      ['/exports/case-summary', { facet: 'OUTCOME', format: 'markdown' }],
      ['/exports/case-table', { format: 'markdown' }],
    ] as const) {
      const file = await request(app.running.url).get(path).query({ ...params, savedSearch });
      expect(file.text.split('\n').find((line) => line.startsWith('Saved search:'))).toContain(`+cmd (${savedSearch})`);
    }
  });

  // Last: it adds suggested cases to the corpus.
  it('counts curated and suggested cases apart when a search finds both', async () => {
    const upload = await request(app.running.url)
      .post('/imports')
      .query({ review: 'synthesis e2e', fileName: 'pubmed.xml' })
      .set('Authorization', `Bearer ${CURATOR_KEY}`)
      .set('Content-Type', 'application/xml')
      .send(readFileSync(fixturePath('pubmed_xml/pubmed-10-records-5-case-reports.xml')));
    expect(upload.status).toBe(200);
    const proposed = upload.body.extraction.proposedCases;
    expect(proposed).toBeGreaterThan(0);
    await waitForIndex(app);
    const { caseSummary: summary } = await gql(SUMMARY, { input: null, facet: 'OUTCOME' });
    expect(summary).toMatchObject({ totalCases: 23 + proposed, curatedCases: 23, suggestedCases: proposed });
    for (const row of summary.rows) expect(row.curated.caseCount + row.suggested.caseCount).toBe(row.caseCount);
    expect(summary.rows.find((row: any) => row.value === 'FULL_RECOVERY').curated.caseCount).toBe(9);
    // The README question still finds only curated cases: no split.
    expect((await gql(SUMMARY, { input: QUESTION, facet: 'OUTCOME' })).caseSummary).toMatchObject({ curatedCases: null, suggestedCases: null });
  });
});
