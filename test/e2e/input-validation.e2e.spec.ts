import request from 'supertest';
import { ADMIN_KEY, CURATOR_KEY, startTestApp, TestApp } from '../support/test-app';

/** Input that PostgreSQL would refuse is refused first, as BAD_USER_INPUT naming the field, never an internal error. */
describe('input validation before SQL', () => {
  let app: TestApp;
  let publicationId: string;

  beforeAll(async () => {
    app = await startTestApp({ SEED_DEMO_DATA: 'false' });
    const created = await app.graphql<any>('mutation { createPublication(input: { title: "A publication for validation tests", year: 2020 }) { id } }', undefined, CURATOR_KEY);
    publicationId = created.data.createPublication.id;
  });

  afterAll(async () => {
    await app?.close();
  });

  const CREATE_PUBLICATION = 'mutation($input: CreatePublicationInput!) { createPublication(input: $input) { id } }';
  const CREATE_CASE = 'mutation($input: CreateCaseReportInput!) { createCaseReport(input: $input) { id } }';
  const publicationCount = async () => (await app.graphql<any>('{ publications { totalCount } }')).data.publications.totalCount as number;

  it('refuses a NUL character in search text (variable or literal) with the field named', async () => {
    const viaVariable = await app.graphql('query($input: SearchCaseReportsInput!) { searchCaseReports(input: $input) { totalCases } }', { input: { text: 'hema\u0000toma' } });
    expect(viaVariable.status).toBe(400);
    expect(viaVariable.errors?.[0].extensions).toEqual({ code: 'BAD_USER_INPUT', fieldErrors: [{ path: 'input.text', message: expect.stringMatching(/NUL/) }] });
    const viaLiteral = await app.graphql('{ searchCaseReports(input: { text: "hema\\u0000toma" }) { totalCases } }');
    expect(viaLiteral.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fieldErrors: [{ path: 'input.text' }] });
  });

  it('refuses a NUL character in a title and a DOI over 255 characters, reporting both, storing nothing', async () => {
    const before = await publicationCount();
    const nul = await app.graphql(CREATE_PUBLICATION, { input: { title: 'Spinal\u0000hematoma' } }, CURATOR_KEY);
    expect(nul.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fieldErrors: [{ path: 'input.title' }] });
    const longDoi = await app.graphql(CREATE_PUBLICATION, { input: { title: 'A long DOI', doi: `10.1000/${'x'.repeat(300)}` } }, CURATOR_KEY);
    expect(longDoi.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fieldErrors: [{ path: 'input.doi', message: expect.stringMatching(/at most 255 characters/) }] });
    await expect(publicationCount()).resolves.toBe(before);
  });

  it('refuses invisible control characters in mutation inputs (bidirectional overrides, C0/C1), naming the field; tab and line feed pass', async () => {
    const before = await publicationCount();
    const bidi = await app.graphql(CREATE_PUBLICATION, { input: { title: 'Safe title \u202Eexe.fdp', abstract: 'fine' } }, CURATOR_KEY);
    expect(bidi.status).toBe(400);
    expect(bidi.errors?.[0].extensions).toEqual({ code: 'BAD_USER_INPUT', fieldErrors: [{ path: 'input.title', message: expect.stringMatching(/must not contain invisible control characters/) }] });
    const literal = await app.graphql('mutation { createPublication(input: { title: "Bell \\u0007 title" }) { id } }', undefined, CURATOR_KEY);
    expect(literal.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fieldErrors: [{ path: 'input.title' }] });
    const caseLabel = await app.graphql(CREATE_CASE, { input: { publicationId, label: 'Case \u2066one\u2069' } }, CURATOR_KEY);
    expect(caseLabel.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fieldErrors: [{ path: 'input.label' }] });
    await expect(publicationCount()).resolves.toBe(before);
    const allowed = await app.graphql<any>(CREATE_PUBLICATION, { input: { title: 'Tabs and lines are fine', abstract: 'First\tcolumn\nSecond line\r\nThird' } }, CURATOR_KEY);
    expect(allowed.errors).toBeUndefined();
    await expect(publicationCount()).resolves.toBe(before + 1);
  });

  it('imports a file holding control characters and an unreadable year (not refused): both reported as warnings, the title stored clean', async () => {
    const text = 'TY  - JOUR\nTI  - Hematoma \u202Ereversed\u202C after a blood patch\nPY  - 2O19\nER  - \n';
    const imported = await app.graphql<any>(
      'mutation($input: ImportPublicationsInput!) { importPublications(input: $input) { stored created warningCount warnings { recordNumber line field message } createdPublicationIds } }',
      { input: { text, fileName: 'bidi.ris' } },
      CURATOR_KEY,
    );
    expect(imported.errors).toBeUndefined();
    expect(imported.data.importPublications).toMatchObject({ stored: true, created: 1, warningCount: 2 });
    expect(imported.data.importPublications.warnings).toEqual([
      { recordNumber: 1, line: 3, field: 'PY', message: 'record 1 (line 3), field PY: "2O19" is not a year; the year was left empty' },
      { recordNumber: 1, line: 1, field: 'title', message: 'record 1 (line 1), field title: 2 invisible control characters (U+202E, U+202C) removed' },
    ]);
    const [id] = imported.data.importPublications.createdPublicationIds;
    const stored = await app.graphql<any>('query($id: ID!) { publication(id: $id) { title year } }', { id });
    expect(stored.data.publication).toEqual({ title: 'Hematoma reversed after a blood patch', year: null });
  });

  it('refuses a lone surrogate in a name, a note or a label (PostgreSQL kept U+FFFD while the answer echoed the surrogate), storing nothing; a paired one is text', async () => {
    const SAVE = 'mutation($input: SaveSearchInput!) { saveSearch(input: $input) { id name } }';
    const saved = async () => (await app.graphql<any>('{ savedSearches { name } }', undefined, CURATOR_KEY)).data.savedSearches.map((search: { name: string }) => search.name);
    const before = await saved();
    const lone = await app.graphql(SAVE, { input: { name: 'Hematoma \ud800 review', search: {} } }, CURATOR_KEY);
    expect(lone.status).toBe(400);
    expect(lone.errors?.[0].extensions).toEqual({ code: 'BAD_USER_INPUT', fieldErrors: [{ path: 'input.name', message: 'is not well-formed Unicode: a lone surrogate (\\uD800) at position 9' }] });
    const note = await app.graphql('mutation($note: String) { screenPublication(review: "r", publicationId: "00000000-0000-4000-8000-000000000000", decision: MAYBE, note: $note) { status } }', { note: 'x\udc00' }, CURATOR_KEY);
    expect(note.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fieldErrors: [{ path: 'note', message: expect.stringContaining('lone surrogate (\\uDC00)') }] });
    const label = await app.graphql(CREATE_CASE, { input: { publicationId, label: 'Case \ud83d' } }, CURATOR_KEY);
    expect(label.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fieldErrors: [{ path: 'input.label' }] });
    expect(await saved()).toEqual(before);
    const paired = await app.graphql<any>(SAVE, { input: { name: 'Hematoma \ud83d\ude00 review', search: {} } }, CURATOR_KEY);
    expect(paired.data?.saveSearch.name).toBe('Hematoma 😀 review');
    expect(await saved()).toContain('Hematoma 😀 review');
  });

  it('refuses a forged keyset cursor of caseReports and publications as BAD_USER_INPUT on after, never an internal error', async () => {
    // Decoded JSON whose time JavaScript reads but PostgreSQL does not ("1", "2020-02-30", year 275760) or whose id is no uuid reached the SQL.
    const forged = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
    const uuid = '00000000-0000-4000-8000-000000000000';
    for (const cursor of [forged(['1', uuid]), forged(['2020-02-30', uuid]), forged(['+275760-09-13T00:00:00.000Z', uuid]), forged(['2020-01-01T00:00:00.000Z', 'not-a-uuid']), forged(['2020-01-01T00:00:00.000Z', uuid, 'x'])]) {
      for (const list of ['caseReports', 'publications']) {
        const answer = await app.graphql(`query($after: String) { ${list}(first: 2, after: $after) { totalCount } }`, { after: cursor });
        expect({ list, cursor, extensions: answer.errors?.[0].extensions }).toEqual({ list, cursor, extensions: { code: 'BAD_USER_INPUT', fieldErrors: [{ path: 'after', message: 'is not a cursor returned by this API' }] } });
      }
    }
  });

  it('reports every search input error, not only the first', async () => {
    const result = await app.graphql('query($input: SearchCaseReportsInput!) { searchCaseReports(input: $input) { totalCases } }', { input: { first: 100000, filters: { complications: ['no-such-term-anywhere'] } } });
    const paths = (result.errors?.[0].extensions?.fieldErrors as { path: string }[]).map((error) => error.path).sort();
    expect(result.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(paths).toEqual(['input.filters.complications.0', 'input.first']);
  });

  it('refuses a pregnant 3-year-old and a pregnant male, naming the fields; accepts a pregnant 30-year-old and unknown age', async () => {
    const child = await app.graphql(CREATE_CASE, { input: { publicationId, label: 'Case 1', ageYears: 3, sex: 'FEMALE', pregnancyStatus: 'PREGNANT' } }, CURATOR_KEY);
    expect(child.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fieldErrors: [{ path: 'input.ageYears', message: expect.stringMatching(/between 10 and 60/) }] });
    const elderly = await app.graphql(CREATE_CASE, { input: { publicationId, label: 'Case 2', ageYears: 75, sex: 'FEMALE', pregnancyStatus: 'POSTPARTUM' } }, CURATOR_KEY);
    expect(elderly.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const male = await app.graphql(CREATE_CASE, { input: { publicationId, label: 'Case 3', ageYears: 30, sex: 'MALE', pregnancyStatus: 'PREGNANT' } }, CURATOR_KEY);
    expect(male.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fieldErrors: [{ path: 'input.pregnancyStatus' }] });
    const plausible = await app.graphql(CREATE_CASE, { input: { publicationId, label: 'Case 4', ageYears: 30, sex: 'FEMALE', pregnancyStatus: 'PREGNANT' } }, CURATOR_KEY);
    expect(plausible.errors).toBeUndefined();
    const unknownAge = await app.graphql(CREATE_CASE, { input: { publicationId, label: 'Case 5', sex: 'UNKNOWN', pregnancyStatus: 'POSTPARTUM' } }, CURATOR_KEY);
    expect(unknownAge.errors).toBeUndefined();
  });

  it('drops a NUL byte from an imported title instead of failing', async () => {
    const upload = await request(app.running.url)
      .post('/imports')
      .set('Authorization', `Bearer ${CURATOR_KEY}`)
      .set('Content-Type', 'text/plain')
      .send('TY  - JOUR\nTI  - Epidural\u0000 hematoma after a blood patch\nPY  - 2019\nER  - \n');
    expect(upload.status).toBe(200);
    expect(upload.body).toMatchObject({ stored: true, created: 1 });
    const found = await app.graphql<any>('{ publications(first: 100) { edges { node { title } } } }');
    expect(found.data.publications.edges.map((edge: any) => edge.node.title)).toContain('Epidural hematoma after a blood patch');
  });
  it('refuses variables nested 100,000 levels deep as BAD_USER_INPUT naming the variable, not an internal error', async () => {
    const search = 'query($input: SearchCaseReportsInput!) { searchCaseReports(input: $input) { totalCases } }';
    const body = `{"query":${JSON.stringify(search)},"variables":{"input":{"text":"x"},"extra":${'['.repeat(100_000)}${']'.repeat(100_000)}}}`;
    const deep = await request(app.running.url).post('/graphql').set('Content-Type', 'application/json').send(body);
    expect(deep.status).toBe(400);
    expect(deep.body.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fieldErrors: [{ path: `extra${'.0'.repeat(32)}`, message: expect.stringMatching(/nested more than 32 levels deep/) }] });
    const deepObject = await request(app.running.url).post('/graphql').set('Content-Type', 'application/json').send(`{"query":${JSON.stringify(search)},"variables":{"input":{"text":${'{"a":'.repeat(50_000)}1${'}'.repeat(50_000)}}}}`);
    expect(deepObject.status).toBe(400);
    expect(deepObject.body.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fieldErrors: [{ path: expect.stringMatching(/^input\.text\.a\.a/) }] });
  });

  it('answers 9,000 list values of the wrong type at once, as BAD_USER_INPUT, and refuses a list of over 10,000 items, storing nothing', async () => {
    const before = await publicationCount();
    // 5 s of CPU before, under 1 s now; the single error below is what tells them apart (no clock: CI machines are busy).
    const wrong = await app.graphql(CREATE_PUBLICATION, { input: { title: 'Many wrong authors', authors: Array(9_000).fill('A B') } }, CURATOR_KEY);
    expect(wrong.status).toBe(400);
    expect(wrong.errors).toHaveLength(1);
    expect(wrong.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(wrong.errors?.[0].message).toMatch(/got invalid value "A B" at "input\.authors\[0\]".*more than 50 values do not fit their types/);
    const outcomes = await app.graphql('query($input: SearchCaseReportsInput!) { searchCaseReports(input: $input) { totalCases } }', { input: { filters: { outcomes: Array(60).fill('NOPE') } } });
    expect(outcomes.errors?.map((error) => error.extensions?.code)).toEqual(['BAD_USER_INPUT']);
    const long = await app.graphql(CREATE_PUBLICATION, { input: { title: 'Too many authors', authors: Array(10_001).fill({ family: 'Smith' }) } }, CURATOR_KEY);
    expect(long.status).toBe(400);
    expect(long.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fieldErrors: [{ path: 'input.authors', message: 'is a list of 10001 items; at most 10000' }] });
    await expect(publicationCount()).resolves.toBe(before);
  });
  it('names the argument a bad review name was given in: review (queue, conflicts, PRISMA counts, decisions), name (the review query)', async () => {
    // Every one of these answered fieldErrors path "name", an argument none of them has.
    const calls: [string, string][] = [
      ['{ screeningQueue(review: " ") { progress { total } } }', 'review'],
      ['{ screeningConflicts(review: "") { status } }', 'review'],
      [`{ prismaCounts(review: "${'x'.repeat(201)}") { recordsScreened } }`, 'review'],
      [`mutation { screenPublication(review: "", publicationId: "${publicationId}", decision: INCLUDE) { status } }`, 'review'],
      [`mutation { resolveScreeningConflict(review: " ", publicationId: "${publicationId}", decision: INCLUDE) { status } }`, 'review'],
      ['{ review(name: "") { name } }', 'name'],
    ];
    for (const [query, path] of calls) {
      const result = await app.graphql(query, undefined, CURATOR_KEY);
      expect({ query, extensions: result.errors?.[0].extensions }).toEqual({ query, extensions: { code: 'BAD_USER_INPUT', fieldErrors: [{ path, message: 'must be a review name of 1 to 200 characters' }] } });
    }
  });

  it('names input.expectedVersion and input.otherExpectedVersion when a curation input holds a version the API never returned, changing nothing', async () => {
    const created = await app.graphql<any>('mutation($p: ID!) { a: createCaseReport(input: { publicationId: $p, label: "Version A" }) { id version } b: createCaseReport(input: { publicationId: $p, label: "Version B" }) { id } }', { p: publicationId }, CURATOR_KEY);
    const [a, b] = [created.data.a.id as string, created.data.b.id as string];
    const calls: [string, Record<string, unknown>, string][] = [
      ['mutation($i: ReviewCaseFactInput!) { reviewCaseFact(input: $i) { id } }', { caseReportId: a, path: 'sex', action: 'CORRECT', value: 'FEMALE', expectedVersion: 0 }, 'input.expectedVersion'],
      ['mutation($i: AddCaseFactInput!) { addCaseFact(input: $i) { id } }', { caseReportId: a, path: 'ageYears', value: '30', selection: { field: 'title', start: 0, end: 1 }, expectedVersion: -3 }, 'input.expectedVersion'],
      ['mutation($i: SplitCaseReportInput!) { splitCaseReport(input: $i) { id } }', { caseReportId: a, factPaths: ['sex'], expectedVersion: 0 }, 'input.expectedVersion'],
      ['mutation($i: MergeCaseReportsInput!) { mergeCaseReports(input: $i) { id } }', { caseReportId: a, otherCaseReportId: b, expectedVersion: 1, otherExpectedVersion: -1 }, 'input.otherExpectedVersion'],
    ];
    for (const [query, input, path] of calls) {
      const result = await app.graphql(query, { i: input }, CURATOR_KEY);
      expect({ query, extensions: result.errors?.[0].extensions }).toEqual({ query, extensions: { code: 'BAD_USER_INPUT', fieldErrors: [{ path, message: 'must be a version the API returned (1 or more)' }] } });
    }
    const confirm = await app.graphql(`mutation { confirmCaseReport(id: "${a}", expectedVersion: 0) { id } }`, undefined, CURATOR_KEY);
    expect(confirm.errors?.[0].extensions).toMatchObject({ fieldErrors: [{ path: 'expectedVersion' }] });
    const after = await app.graphql<any>(`{ a: caseReport(id: "${a}") { version } b: caseReport(id: "${b}") { version } }`);
    expect(after.data).toEqual({ a: { version: created.data.a.version }, b: { version: 1 } });
  });
  it('answers several writes of one DOI or PMID at the same time with one stored and BAD_USER_INPUT naming the field for the others, never INTERNAL_SERVER_ERROR', async () => {
    // Each passed the identifier check before any had committed, and the later inserts broke the unique index.
    const before = await publicationCount();
    const creates = await Promise.all(Array.from({ length: 10 }, (_, i) => app.graphql<any>(CREATE_PUBLICATION, { input: { title: `Concurrent DOI ${i}`, doi: '10.5555/same.time' } }, CURATOR_KEY)));
    expect(creates.filter((result) => result.data?.createPublication?.id)).toHaveLength(1);
    for (const result of creates.filter((r) => r.errors)) expect(result.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fieldErrors: [{ path: 'input.doi', message: expect.stringMatching(/already has DOI 10\.5555\/same\.time/) }] });
    await expect(publicationCount()).resolves.toBe(before + 1);
    const ids = await Promise.all(Array.from({ length: 10 }, async (_, i) => (await app.graphql<any>(CREATE_PUBLICATION, { input: { title: `Concurrent PMID ${i}` } }, CURATOR_KEY)).data.createPublication.id as string));
    const updates = await Promise.all(ids.map((id) => app.graphql<any>('mutation($id: ID!) { updatePublication(id: $id, input: { pmid: "87654321" }) { id } }', { id }, CURATOR_KEY)));
    expect(updates.filter((result) => result.data?.updatePublication?.id)).toHaveLength(1);
    for (const result of updates.filter((r) => r.errors)) expect(result.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fieldErrors: [{ path: 'input.pmid' }] });
  });
  it('answers writes racing a delete with NOT_FOUND (or BAD_USER_INPUT naming the publication), never INTERNAL_SERVER_ERROR, and one delete of two', async () => {
    // updatePublication read the deleted row (TypeError), createCaseReport, extractCases and runSavedSearch broke a foreign key, and two deletes both answered true.
    const codes = (result: { errors?: { extensions?: Record<string, unknown> }[] }) => (result.errors ?? []).map((error) => error.extensions?.code as string);
    for (let round = 0; round < 8; round++) {
      const abstract = 'A 30-year-old woman developed a spinal epidural hematoma after an epidural blood patch of 20 mL and recovered fully after surgery.';
      const id = (await app.graphql<any>(CREATE_PUBLICATION, { input: { title: `Deleted while written ${round}`, abstract } }, CURATOR_KEY)).data.createPublication.id as string;
      const results = await Promise.all([
        app.graphql<any>('mutation($id: ID!) { deletePublication(id: $id) }', { id }, ADMIN_KEY),
        app.graphql<any>('mutation($id: ID!) { deletePublication(id: $id) }', { id }, ADMIN_KEY),
        app.graphql<any>('mutation($id: ID!) { updatePublication(id: $id, input: { volume: "3" }) { id } }', { id }, CURATOR_KEY),
        app.graphql<any>('mutation($id: ID!) { createCaseReport(input: { publicationId: $id, label: "Too late" }) { id } }', { id }, CURATOR_KEY),
        app.graphql<any>('mutation($id: ID!) { extractCases(input: { publicationIds: [$id] }) { proposedCases } }', { id }, CURATOR_KEY),
      ]);
      expect({ round, codes: results.map(codes).flat().filter((code) => !['NOT_FOUND', 'BAD_USER_INPUT'].includes(code)) }).toEqual({ round, codes: [] });
      expect(results.slice(0, 2).filter((result) => result.data?.deletePublication === true)).toHaveLength(1);
      const saved = (await app.graphql<any>('mutation($name: String!) { saveSearch(input: { name: $name, search: {} }) { id } }', { name: `Deleted while run ${round}` }, CURATOR_KEY)).data.saveSearch.id as string;
      const runs = await Promise.all([
        app.graphql<any>('mutation($id: ID!) { runSavedSearch(id: $id) { unchanged } }', { id: saved }, CURATOR_KEY),
        app.graphql<any>('mutation($id: ID!) { deleteSavedSearch(id: $id) }', { id: saved }, CURATOR_KEY),
      ]);
      expect({ round, codes: runs.map(codes).flat().filter((code) => code !== 'NOT_FOUND') }).toEqual({ round, codes: [] });
    }
  });
  it('proposes one set of cases when extractCases runs on the same publication several times at once', async () => {
    // Each run held the publication FOR KEY SHARE, which does not exclude another run: both read no suggestion, both
    // inserted theirs, and one patient stood as two suggested cases (or three), each run answering as if alone.
    const abstract = 'A 32-year-old woman developed a spinal subdural hematoma after an epidural blood patch. She was treated with surgical evacuation and recovered fully.';
    for (let round = 0; round < 3; round++) {
      const id = (await app.graphql<any>(CREATE_PUBLICATION, { input: { title: `Extracted twice at once ${round}`, abstract } }, CURATOR_KEY)).data.createPublication.id as string;
      const extract = () => app.graphql<any>('mutation($id: ID!) { extractCases(input: { publicationIds: [$id] }) { proposedCases replacedCases } }', { id }, CURATOR_KEY);
      const runs = await Promise.all([extract(), extract(), extract()]);
      for (const run of runs) expect(run.errors).toBeUndefined();
      const cases = await app.graphql<any>('query($id: ID!) { publication(id: $id) { caseReports { label curationStatus } } }', { id }, CURATOR_KEY);
      expect({ round, cases: cases.data.publication.caseReports }).toEqual({ round, cases: [{ label: 'Case', curationStatus: 'SUGGESTED' }] });
    }
  });
  it('answers an import whose duplicate is deleted while it runs with 409 CONFLICT naming the publication and record, storing nothing, never 500', async () => {
    // The duplicate lookup found the publication, the delete committed, and the merge's update read the vanished row: TypeError, HTTP 500.
    // The window is a few milliseconds wide: the delete is sent 0 to 69 ms after the upload (it hit 1 to 3 of 24 rounds before the fix).
    for (let round = 0; round < 24; round++) {
      const doi = `10.5555/deleted.during.import.${round}`;
      const id = (await app.graphql<any>(CREATE_PUBLICATION, { input: { title: `Deleted during its import ${round}`, doi } }, CURATOR_KEY)).data.createPublication.id as string;
      const ris = `TY  - JOUR\nTI  - Deleted during its import ${round}\nDO  - ${doi}\nVL  - 7\nPY  - 2021\nER  - \n`;
      const [upload] = await Promise.all([
        request(app.running.url).post('/imports').query({ review: 'Deleted during import' }).set('Authorization', `Bearer ${CURATOR_KEY}`).set('Content-Type', 'text/plain').send(ris),
        new Promise((resolve) => setTimeout(resolve, round * 3)).then(() => app.graphql('mutation($id: ID!) { deletePublication(id: $id) }', { id }, ADMIN_KEY)),
      ]);
      expect({ round, status: upload.status, code: upload.body.error?.code }).toEqual({ round, status: expect.any(Number), code: upload.status === 200 ? undefined : 'CONFLICT' });
      expect([200, 409]).toContain(upload.status);
      if (upload.status === 409) expect(upload.body.error).toMatchObject({ publicationId: id, recordNumbers: [1], message: expect.stringMatching(/was deleted while the file was imported; nothing was stored: import the file again/) });
    }
  });
});
