import { createHash } from 'node:crypto';
import { getIntrospectionQuery } from 'graphql';
import request from 'supertest';
import { EARLY_CHECK_MIN_CHARACTERS } from '../../src/graphql/early-shape-check';
import { startTestApp, TestApp } from '../support/test-app';

/** Operations that would run the service out of memory or time are refused before they run, with the limit named. */
describe('GraphQL operation limits', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp();
  });

  afterAll(async () => {
    await app?.close();
  });

  function nested(levels: number): string {
    let selection = 'id';
    for (let i = 0; i < levels; i++) selection = `publication { caseReports { ${selection} } }`;
    return `{ caseReports(first: 20) { edges { node { ${selection} } } } }`;
  }

  it('refuses a deeply nested query (depth 44) with QUERY_TOO_COMPLEX naming the depth limit', async () => {
    const result = await app.graphql(nested(20));
    expect(result.status).toBe(400);
    expect(result.data).toBeUndefined();
    expect(result.errors).toHaveLength(1);
    expect(result.errors?.[0].extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', limit: 'depth', maximum: 16, found: 44 });
    expect(result.errors?.[0].message).toMatch(/depth is 44, over the limit of 16/);
  });

  it('refuses a query within the depth limit whose estimated cost is too high', async () => {
    const result = await app.graphql(nested(6));
    expect(result.status).toBe(400);
    expect(result.errors?.[0].extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', limit: 'cost', maximum: 25000 });
    expect(result.errors?.[0].extensions?.found).toBeGreaterThan(25000);
  });

  const aliasedSearches = (count: number) => `{ ${Array.from({ length: count }, (_, i) => `s${i}: searchCaseReports(input: { facets: [{ facet: COMPLICATION }] }) { totalCases facets { values { value caseCount } } }`).join('\n')} }`;

  it('refuses 1,000 aliased searches with facets while parsing, naming the token limit', async () => {
    const result = await app.graphql(aliasedSearches(1000));
    expect(result.status).toBe(400);
    expect(result.errors?.[0].extensions?.code).toBe('GRAPHQL_PARSE_FAILED');
    expect(result.errors?.[0].message).toMatch(/more (than|that) 10000 tokens/);
  });

  it('refuses 60 aliased searches, naming the alias limit', async () => {
    const result = await app.graphql(aliasedSearches(60));
    expect(result.status).toBe(400);
    expect(result.errors?.[0].extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', limit: 'aliases', maximum: 50, found: 60 });
  });

  it('refuses a large document over the alias limit before GraphQL validates it (its validation errors are never looked for)', async () => {
    // 100 aliases plus an unknown field: validation would answer GRAPHQL_VALIDATION_FAILED; the early check answers first.
    const query = `{ ${Array.from({ length: 100 }, (_, i) => `alias_number_${i}: __typename`).join(' ')} noSuchField }`;
    expect(query.length).toBeGreaterThanOrEqual(EARLY_CHECK_MIN_CHARACTERS);
    const viaGet = await request(app.running.url).get('/graphql').query({ query }).set('apollo-require-preflight', 'true');
    for (const result of [await app.graphql(query), { status: viaGet.status, errors: viaGet.body.errors }]) {
      expect(result.status).toBe(400);
      expect(result.errors).toHaveLength(1);
      expect(result.errors?.[0].extensions).toEqual({ code: 'QUERY_TOO_COMPLEX', limit: 'aliases', maximum: 50, found: 100 });
      expect(result.errors?.[0].message).toMatch(/number of aliases is 100, over the limit of 50/);
    }
  });

  it('refuses a document whose argument is nested thousands of levels deep, saying so (the parser overflowed its stack and said only that)', async () => {
    for (const query of [`{ searchCaseReports(input: { text: ${'['.repeat(4000)}"x"${']'.repeat(4000)} }) { totalCases } }`, `{ searchCaseReports(input: { text: ${'{a:'.repeat(3000)}"x"${'}'.repeat(3000)} }) { totalCases } }`]) {
      const result = await app.graphql(query);
      expect(result.status).toBe(400);
      expect(result.errors).toEqual([expect.objectContaining({ message: expect.stringMatching(/nests values or selections too deeply to be parsed/), extensions: { code: 'GRAPHQL_PARSE_FAILED' } })]);
    }
  });

  it('leaves a large document it cannot parse, or one within the limits, to GraphQL (a fragment cycle is a validation error)', async () => {
    const padding = ' '.repeat(EARLY_CHECK_MIN_CHARACTERS);
    const syntax = await app.graphql(`{ caseReports(first: 1) { ${padding}`);
    expect(syntax.errors?.[0].extensions?.code).toBe('GRAPHQL_PARSE_FAILED');
    const cycle = await app.graphql(`{ caseReports(first: 1) { edges { node { ...A } } } } fragment A on CaseReport { publication { caseReports { ...B } } } fragment B on CaseReport { ...A } ${padding}`);
    expect(cycle.status).toBe(400);
    expect(cycle.errors?.map((error) => error.message).join(' ')).toMatch(/cannot spread fragment "A" within itself/i);
    const fine = await app.graphql<any>(`{ ${Array.from({ length: 40 }, (_, i) => `alias_number_${i}: __typename`).join(' ')} ${padding} }`);
    expect(fine.errors).toBeUndefined();
    expect(fine.data.alias_number_39).toBe('Query');
  });

  it('refuses an operation with too many fields (through fragments)', async () => {
    const fields = Array.from({ length: 80 }, () => 'label ageYears sex outcome').join(' ');
    const fragments = `fragment F on CaseReport { ${fields} }`;
    const result = await app.graphql(`{ caseReports(first: 1) { edges { node { ...F publication { caseReports { ...F } } } } } } ${fragments}`);
    expect(result.status).toBe(400);
    expect(result.errors?.[0].extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', limit: 'fields', maximum: 500 });
  });

  it("answers GraphiQL's standard introspection query, and an ordinary page of search results", async () => {
    const introspection = await app.graphql<any>(getIntrospectionQuery({ descriptions: true, specifiedByUrl: true, directiveIsRepeatable: true, schemaDescription: true, inputValueDeprecation: true, oneOf: true }));
    expect(introspection.errors).toBeUndefined();
    expect(introspection.data.__schema.types.length).toBeGreaterThan(20);
    const search = await app.graphql<any>('{ searchCaseReports(input: { first: 100, facets: [{ facet: COMPLICATION }, { facet: OUTCOME }] }) { totalCases hits { edges { node { caseReport { id label publication { title caseReports { id } } complications { term { label } } } } } } facets { values { value children { value children { value } } } } } }');
    expect(search.errors).toBeUndefined();
    expect(typeof search.data.searchCaseReports.totalCases).toBe('number');
  });

  it('answers a subscription with a clear client error, not an internal one', async () => {
    const result = await app.graphql('subscription { caseReports { id } }');
    expect(result.status).toBeGreaterThanOrEqual(400);
    expect(result.status).toBeLessThan(500);
    expect(result.errors?.[0].extensions?.code).toBe('BAD_REQUEST');
    expect(result.errors?.[0].message).toMatch(/does not run subscriptions/i);
  });

  it("answers a persisted query whose hash does not match with a 400 and Apollo's client error code", async () => {
    const query = '{ publications { totalCount } }';
    const wrongHash = createHash('sha256').update('something else').digest('hex');
    const response = await request(app.running.url)
      .post('/graphql')
      .set('Content-Type', 'application/json')
      .send({ query, extensions: { persistedQuery: { version: 1, sha256Hash: wrongHash } } });
    expect(response.status).toBe(400);
    expect(response.body.errors[0].message).toMatch(/sha does not match/);
    expect(response.body.errors[0].extensions.code).toBe('BAD_REQUEST');
  });
});
