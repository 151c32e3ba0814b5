import fc from 'fast-check';
import request from 'supertest';
import { CURATOR_KEY, startTestApp, TestApp } from '../support/test-app';

/**
 * A few hundred generated bad requests across the API. Seeded, so a failure reproduces (fast-check
 * prints the seed and the shrunk counterexample). Every answer: no 5xx, no INTERNAL_SERVER_ERROR,
 * a code and a message for every error, nothing stored behind an error, the process still up.
 */
const SEED = 20261201;
const RUNS = 50;

interface Answer {
  status: number;
  body: unknown;
  text: string;
}

describe('fuzzing the API with bad input', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp();
  });

  afterAll(async () => {
    await app?.close();
  });

  const footprint = async () => {
    const result = await app.graphql<any>('{ publications { totalCount } caseReports { totalCount } importBatches { id } }', undefined, CURATOR_KEY);
    return { publications: result.data.publications.totalCount, cases: result.data.caseReports.totalCount, batches: result.data.importBatches.length };
  };

  const answer = (response: request.Response): Answer => ({ status: response.status, body: response.body, text: response.text });

  /** The contract of every answer, GraphQL or REST. */
  function expectClearAnswer(result: Answer, context: unknown): void {
    const where = JSON.stringify(context)?.slice(0, 300);
    if (result.status >= 500) throw new Error(`HTTP ${result.status} for ${where}: ${result.text.slice(0, 300)}`);
    const body = result.body as { errors?: { message?: unknown; extensions?: { code?: unknown } }[]; error?: { code?: unknown; message?: unknown }; stored?: unknown } | undefined;
    // POST /imports answers with its report (422 when nothing was stored): every problem listed with a message.
    if (typeof body?.stored === 'boolean') {
      if (body.stored === (result.status === 422)) throw new Error(`report with stored=${body.stored} answered ${result.status} for ${where}`);
      const problems = (body.errors ?? []) as { message?: unknown }[];
      if ((!body.stored && !problems.length) || problems.some((problem) => typeof problem.message !== 'string' || !problem.message)) throw new Error(`422 report without its problems for ${where}`);
      return;
    }
    if (result.status >= 400 && !body?.errors && !body?.error) throw new Error(`HTTP ${result.status} without an error body for ${where}: ${result.text.slice(0, 300)}`);
    for (const error of body?.errors ?? []) {
      if (typeof error.message !== 'string' || !error.message) throw new Error(`GraphQL error without a message for ${where}`);
      if (typeof error.extensions?.code !== 'string') throw new Error(`GraphQL error without a code for ${where}: ${error.message}`);
      if (error.extensions.code === 'INTERNAL_SERVER_ERROR') throw new Error(`INTERNAL_SERVER_ERROR for ${where}: ${error.message}`);
    }
    if (body?.error && (typeof body.error.code !== 'string' || typeof body.error.message !== 'string')) throw new Error(`REST error without code or message for ${where}: ${result.text.slice(0, 300)}`);
  }

  const nasty = fc.oneof(
    fc.string({ unit: 'binary', maxLength: 80 }),
    fc.constantFrom('\u0000', 'a\u0000b', '\ud800', '"', "'; DROP TABLE publication; --", '{}', '[]', 'null', '%00', '../../etc/passwd', 'x'.repeat(5000), '10.1000/' + 'y'.repeat(300), '-1', '1e309', 'NaN'),
  );
  const jsonish = fc.jsonValue({ maxDepth: 3 });

  it('GraphQL: arbitrary documents, variables and bodies', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(nasty, fc.constantFrom('{', '{ a', 'query { __typename }', 'subscription { x }', 'mutation { deletePublication(id: "x") }', '{ caseReports(first: -1) { totalCount } }', '{ caseReports(first: 100000) { totalCount } }', 'query($a: Int!) { caseReports(first: $a) { totalCount } }')), jsonish, async (query, variables) => {
        const result = answer(await request(app.running.url).post('/graphql').set('Content-Type', 'application/json').send({ query, variables }));
        expectClearAnswer(result, { query, variables });
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });

  it('search: arbitrary inputs to searchCaseReports', async () => {
    const input = fc.record(
      {
        text: nasty,
        first: fc.oneof(fc.integer(), fc.constant(0)),
        after: nasty,
        sort: fc.constantFrom('RELEVANCE', 'YEAR_DESC', 'NOPE'),
        facets: fc.array(fc.record({ facet: fc.constantFrom('COMPLICATION', 'AGE', 'YEAR', 'BOGUS'), limit: fc.integer(), interval: fc.double() }), { maxLength: 4 }),
        filters: fc.record({ complications: fc.array(nasty, { maxLength: 3 }), year: fc.record({ min: fc.integer(), max: fc.integer() }), age: fc.record({ min: fc.double(), max: fc.double() }) }, { requiredKeys: [] }),
      },
      { requiredKeys: [] },
    );
    await fc.assert(
      fc.asyncProperty(input, async (value) => {
        const result = answer(await request(app.running.url).post('/graphql').send({ query: 'query($input: SearchCaseReportsInput!) { searchCaseReports(input: $input) { totalCases hits { edges { node { caseReport { id } } } } facets { facet values { value } } } }', variables: { input: value } }));
        expectClearAnswer(result, value);
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });

  it('mutations: arbitrary publications and cases, nothing stored when refused', async () => {
    const publication = fc.record({ title: nasty, doi: nasty, pmid: nasty, year: fc.integer(), month: fc.integer(), url: nasty, authors: fc.array(fc.record({ family: nasty, given: nasty }), { maxLength: 3 }) }, { requiredKeys: ['title'] });
    const caseReport = fc.record({ publicationId: nasty, label: nasty, ageYears: fc.oneof(fc.integer(), fc.double()), sex: fc.constantFrom('MALE', 'FEMALE', 'UNKNOWN'), pregnancyStatus: fc.constantFrom('PREGNANT', 'POSTPARTUM', 'NOT_PREGNANT', 'UNKNOWN') }, { requiredKeys: ['publicationId', 'label'] });
    await fc.assert(
      fc.asyncProperty(fc.oneof(publication.map((input) => ({ kind: 'publication' as const, input })), caseReport.map((input) => ({ kind: 'case' as const, input }))), async ({ kind, input }) => {
        const before = await footprint();
        const query = kind === 'publication' ? 'mutation($input: CreatePublicationInput!) { createPublication(input: $input) { id } }' : 'mutation($input: CreateCaseReportInput!) { createCaseReport(input: $input) { id } }';
        const result = answer(await request(app.running.url).post('/graphql').set('Authorization', `Bearer ${CURATOR_KEY}`).send({ query, variables: { input } }));
        expectClearAnswer(result, input);
        if ((result.body as { errors?: unknown[] }).errors) expect(await footprint()).toEqual(before);
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });

  it('auth: arbitrary Authorization headers on a mutation', async () => {
    const header = fc.oneof(nasty.map((value) => value.replace(/[\r\n\u0000-\u001f\u007f-\uffff]/g, '')), fc.constantFrom('Bearer', 'Bearer ', `Bearer ${CURATOR_KEY}x`, `Basic ${CURATOR_KEY}`, `bearer  ${CURATOR_KEY.slice(1)}`));
    await fc.assert(
      fc.asyncProperty(header, async (value) => {
        const before = await footprint();
        const result = answer(await request(app.running.url).post('/graphql').set('Authorization', value).send({ query: 'mutation { createPublication(input: { title: "Fuzzed auth" }) { id } }' }));
        expectClearAnswer(result, value);
        expect((result.body as any).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
        expect(await footprint()).toEqual(before);
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });

  it('bodies: arbitrary bytes and content types to /graphql', async () => {
    const contentType = fc.constantFrom('application/json', 'application/graphql', 'text/plain', 'multipart/form-data; boundary=x', 'application/x-www-form-urlencoded', 'application/json; charset=utf-16');
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 200 }), contentType, async (bytes, type) => {
        const result = answer(await request(app.running.url).post('/graphql').set('Content-Type', type).set('apollo-require-preflight', 'true').send(Buffer.from(bytes)));
        expectClearAnswer(result, { type, bytes: Buffer.from(bytes).toString('base64') });
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });

  it('imports: arbitrary files, formats and parameters, nothing stored when refused', async () => {
    const fragment = fc.constantFrom('TY  - JOUR\n', 'ER  - \n', 'TI  - A title\n', '@article{k, title = {T}}\n', '@string{a = a # a}\n', '<?xml version="1.0"?><PubmedArticleSet>', 'PMID- 1\nTI  - T\n\n', 'Title,Year\n"x",2020\n', '\u0000', '\r\n', '"');
    const file = fc.oneof(fc.array(fragment, { maxLength: 12 }).map((parts) => parts.join('')), fc.string({ unit: 'binary', maxLength: 300 }));
    const params = fc.record({ format: fc.constantFrom('ris', 'bibtex', 'csv', 'pubmed-xml', 'medline', 'nope', ''), mode: fc.constantFrom('atomic', 'partial', 'x'), review: nasty }, { requiredKeys: [] });
    await fc.assert(
      fc.asyncProperty(file, params, async (text, query) => {
        const before = await footprint();
        const result = answer(await request(app.running.url).post('/imports').query(query).set('Authorization', `Bearer ${CURATOR_KEY}`).set('Content-Type', 'text/plain').send(text));
        expectClearAnswer(result, { text, query });
        if (result.status !== 200) expect(await footprint()).toEqual(before);
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });

  it('exports: arbitrary query strings', async () => {
    const key = fc.constantFrom('format', 'q', 'text', 'sort', 'outcomes', 'yearMin', 'savedSearch', 'outcome', 'x[y]', '__proto__', 'constructor');
    const query = fc.array(fc.tuple(key, nasty), { maxLength: 4 }).map((pairs) => pairs.map(([name, value]) => `${encodeURIComponent(name)}=${encodeURIComponent(value.replace(/[\ud800-\udfff]/g, "?"))}`).join('&'));
    await fc.assert(
      fc.asyncProperty(query, async (search) => {
        const result = answer(await request(app.running.url).get(`/exports?${search}`).buffer(true));
        if (result.status === 200) return;
        expectClearAnswer({ ...result, body: result.body && Object.keys(result.body).length ? result.body : JSON.parse(result.text || '{}') }, search);
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });

  it('curation and extraction: malformed ids inside input objects, nothing stored', async () => {
    // Ids inside input objects skip the argument pipe; each of these once reached PostgreSQL as a uuid and came back INTERNAL_SERVER_ERROR.
    const id = fc.oneof(nasty, fc.constantFrom('99999999999999999999999', "1'", '00000000-0000-0000-0000-00000000000g', '1e5'));
    const mutations = [
      (value: string) => ({ query: 'mutation($id: ID!) { reviewCaseFact(input: { caseReportId: $id, path: "sex", action: ACCEPT }) { id } }', variables: { id: value } }),
      (value: string) => ({ query: 'mutation($id: ID!) { addCaseFact(input: { caseReportId: $id, path: "complications", value: "x", selection: { field: "abstract", start: 0, end: 1 } }) { id } }', variables: { id: value } }),
      (value: string) => ({ query: 'mutation($id: ID!) { splitCaseReport(input: { caseReportId: $id, factPaths: ["sex"] }) { id } }', variables: { id: value } }),
      (value: string) => ({ query: 'mutation($id: ID!) { mergeCaseReports(input: { caseReportId: $id, otherCaseReportId: "0b7c2d1e-8f3a-4c5d-9e6f-7a8b9c0d1e2f" }) { id } }', variables: { id: value } }),
      (value: string) => ({ query: 'mutation($id: ID!) { extractCases(input: { publicationIds: [$id] }) { proposedCases } }', variables: { id: value } }),
      (value: string) => ({ query: 'mutation($id: ID!) { screenPublication(review: "Fuzz", publicationId: $id, decision: INCLUDE) { finalReason } }', variables: { id: value } }),
      (value: string) => ({ query: 'mutation($id: ID!) { dismissDuplicate(firstId: $id, secondId: "0b7c2d1e-8f3a-4c5d-9e6f-7a8b9c0d1e2f") { firstId } }', variables: { id: value } }),
    ];
    await fc.assert(
      fc.asyncProperty(id, fc.integer({ min: 0, max: mutations.length - 1 }), async (value, which) => {
        const before = await footprint();
        const body = mutations[which](value);
        const result = answer(await request(app.running.url).post('/graphql').set('Authorization', `Bearer ${CURATOR_KEY}`).send(body));
        expectClearAnswer(result, body);
        expect(['BAD_USER_INPUT', 'NOT_FOUND', 'GRAPHQL_VALIDATION_FAILED']).toContain((result.body as any).errors?.[0]?.extensions?.code);
        expect(await footprint()).toEqual(before);
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });

  it('is still up and serving after all of it', async () => {
    expect((await request(app.running.url).get('/health/live')).status).toBe(200);
    const result = await app.graphql<any>('{ caseReports(first: 1) { totalCount } }');
    expect(result.errors).toBeUndefined();
  });
});
