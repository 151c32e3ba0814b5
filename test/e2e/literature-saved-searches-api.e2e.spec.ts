import { createHash } from 'node:crypto';
import request from 'supertest';
import { CURATOR_KEY, startTestApp, TestApp } from '../support/test-app';
import { waitForIndex } from '../support/search-index';

const SAVE = `mutation($input: SaveSearchInput!) { saveSearch(input: $input) { id name review savedBy createdAt search { text sort filters { complications outcomes year { min max } } } } }`;
const RUN = `mutation($id: ID!) { runSavedSearch(id: $id, first: 3) {
  run { id savedSearchId ranAt caseCount publicationCount fingerprint caseReportIds }
  previousRun { id fingerprint }
  unchanged newCaseCount newCaseReportIds newCaseReports { id label } goneCaseReportIds
  results { totalCases totalPublications hits { edges { node { caseReport { id } } } pageInfo { hasNextPage } } }
} }`;

describe('saved searches over GraphQL (demo corpus)', () => {
  let app: TestApp;
  const gql = async <T = any>(query: string, variables: Record<string, unknown> = {}) => {
    const result = await app.graphql<T>(query, variables, CURATOR_KEY);
    if (result.errors) throw new Error(JSON.stringify(result.errors));
    return result.data as T;
  };

  beforeAll(async () => {
    app = await startTestApp();
    await waitForIndex(app);
  });

  afterAll(async () => {
    await app.close();
  });

  it('saves a search, runs it, logs each run with a fingerprint, and tells what is new since the previous run', async () => {
    const search = { filters: { complications: ['intrathecal-hematoma'], year: { min: 1990 } }, sort: 'YEAR_DESC', first: 5, facets: [{ facet: 'OUTCOME' }] };
    const { saveSearch: saved } = await gql(SAVE, { input: { name: 'Intrathecal hematoma since 1990', search, review: 'EBP review' } });
    expect(saved).toMatchObject({ name: 'Intrathecal hematoma since 1990', review: 'EBP review', savedBy: 'curator', search: { text: null, sort: 'YEAR_DESC', filters: { complications: ['intrathecal-hematoma'], year: { min: 1990, max: null } } } });

    // What searchCaseReports finds is what the run logs.
    const { searchCaseReports: found } = await gql(`query($input: SearchCaseReportsInput!) { searchCaseReports(input: $input) { totalCases totalPublications hits { edges { node { caseReport { id } } } } } }`, {
      input: { ...search, first: 100, facets: [] },
    });
    const ids = found.hits.edges.map((edge: any) => edge.node.caseReport.id).sort();
    expect(ids.length).toBeGreaterThan(2);

    const { runSavedSearch: first } = await gql(RUN, { id: saved.id });
    expect(first.run).toMatchObject({ savedSearchId: saved.id, caseCount: found.totalCases, publicationCount: found.totalPublications, caseReportIds: ids });
    expect(first.run.fingerprint).toBe(createHash('sha256').update(ids.join('\n')).digest('hex'));
    expect(first).toMatchObject({ previousRun: null, unchanged: false, newCaseCount: ids.length, goneCaseReportIds: [] });
    expect(first.results.hits.edges).toHaveLength(3);

    const { runSavedSearch: again } = await gql(RUN, { id: saved.id });
    expect(again).toMatchObject({ previousRun: { id: first.run.id, fingerprint: first.run.fingerprint }, unchanged: true, newCaseCount: 0, newCaseReportIds: [], goneCaseReportIds: [] });
    expect(again.run.fingerprint).toBe(first.run.fingerprint);

    // A new matching case: the next run names it as new.
    const { importPublications } = await gql(`mutation($input: ImportPublicationsInput!) { importPublications(input: $input) { createdPublicationIds } }`, {
      input: { text: 'TY  - JOUR\nTI  - A new intrathecal hematoma\nAU  - Newcase, N\nPY  - 2024\nER  - \n' },
    });
    const { createCaseReports } = await gql(`mutation($id: ID!, $inputs: [CaseReportOfPublicationInput!]!) { createCaseReports(publicationId: $id, inputs: $inputs) { id } }`, {
      id: importPublications.createdPublicationIds[0],
      inputs: [{ label: 'Case 1', complications: [{ term: 'intrathecal-hematoma' }] }],
    });
    await waitForIndex(app);
    const { runSavedSearch: third } = await gql(RUN, { id: saved.id });
    expect(third).toMatchObject({ unchanged: false, newCaseCount: 1, newCaseReportIds: [createCaseReports[0].id], newCaseReports: [{ id: createCaseReports[0].id, label: 'Case 1' }], goneCaseReportIds: [] });
    expect(third.run.caseCount).toBe(first.run.caseCount + 1);
    expect(third.run.publicationCount).toBe(first.run.publicationCount + 1);

    const { savedSearchRuns } = await gql(`query($id: ID!) { savedSearchRuns(savedSearchId: $id) { id caseCount fingerprint } }`, { id: saved.id });
    expect(savedSearchRuns.map((run: any) => run.id)).toEqual([third.run.id, again.run.id, first.run.id]);

    const { savedSearches } = await gql(`query { savedSearches(review: "EBP review") { id name } }`);
    expect(savedSearches).toEqual([{ id: saved.id, name: 'Intrathecal hematoma since 1990' }]);

    // The download endpoint exports a saved search by its id.
    const download = await request(app.running.url).get('/exports').query({ savedSearch: saved.id, format: 'jsonl' });
    expect(download.status).toBe(200);
    expect(download.headers['x-total-cases']).toBe(String(third.run.caseCount));
    const both = await request(app.running.url).get('/exports').query({ savedSearch: saved.id, text: 'x' });
    expect(both.status).toBe(400);
  });

  it('checks a search when it is saved, and needs a curator key', async () => {
    const bad = await app.graphql(SAVE, { input: { name: 'bad', search: { filters: { complications: ['no-such-term'] } } } }, CURATOR_KEY);
    expect(bad.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fieldErrors: [{ path: 'input.search.filters.complications.0' }] });
    const blank = await app.graphql(SAVE, { input: { name: '  ', search: {} } }, CURATOR_KEY);
    expect(blank.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fieldErrors: [{ path: 'input.name' }] });
    const anonymous = await app.graphql(SAVE, { input: { name: 'x', search: {} } });
    expect(anonymous.errors![0].extensions!.code).toBe('UNAUTHENTICATED');
    const missing = await app.graphql(RUN, { id: '00000000-0000-4000-8000-000000000000' }, CURATOR_KEY);
    expect(missing.errors![0].extensions!.code).toBe('NOT_FOUND');
    const malformed = await app.graphql(RUN, { id: 'not-an-id' }, CURATOR_KEY);
    expect(malformed.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
 
  });

  it('refuses a page size over MAX_PAGE_SIZE naming the argument as written (first), and logs no run', async () => {
    const { saveSearch: saved } = await gql(SAVE, { input: { name: 'Page size', search: { text: 'hematoma' } } });
    for (const first of [100000, 101, -1]) {
      const result = await app.graphql(`mutation($id: ID!, $first: Int) { runSavedSearch(id: $id, first: $first) { run { id } } }`, { id: saved.id, first }, CURATOR_KEY);
      expect(result.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fieldErrors: [{ path: 'first', message: 'must be between 0 and 100' }] });
    }
    const literal = await app.graphql(`mutation { runSavedSearch(id: "${saved.id}", first: 100000) { run { id } } }`, {}, CURATOR_KEY);
    expect(literal.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fieldErrors: [{ path: 'first', message: 'must be between 0 and 100' }] });
    expect(literal.errors![0].message).not.toMatch(/input\.first/);
    const { savedSearchRuns } = await gql(`query($id: ID!) { savedSearchRuns(savedSearchId: $id) { id } }`, { id: saved.id });
    expect(savedSearchRuns).toEqual([]);
    const { runSavedSearch: atTheLimit } = await gql(`mutation($id: ID!) { runSavedSearch(id: $id, first: 100) { run { id } } }`, { id: saved.id });
    expect(atTheLimit.run.id).toBeDefined();
  });

  it('refuses a run with a bad page size before logging it (a refused run once left a logged run behind)', async () => {
    const { saveSearch: saved } = await gql(SAVE, { input: { name: 'page size', search: { text: 'hematoma' } } });
    const runs = async () => (await gql('query($id: ID!) { savedSearchRuns(savedSearchId: $id) { id } }', { id: saved.id })).savedSearchRuns.length;
    for (const first of [-1, 1_000_000]) {
      const refused = await app.graphql('mutation($id: ID!, $first: Int) { runSavedSearch(id: $id, first: $first) { newCaseCount } }', { id: saved.id, first }, CURATOR_KEY);
      expect(refused.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fieldErrors: [{ path: 'first', message: 'must be between 0 and 100' }] });
    }
    expect(await runs()).toBe(0);
  });

  it('logs runs sent at once one after another: one first run, each other run follows the run logged before it, newest listed first', async () => {
    // Each run read the latest logged run without waiting for the others: several answered "first run, every case new".
    const { saveSearch: saved } = await gql(SAVE, { input: { name: 'runs at once', search: { text: 'hematoma' } } });
    const answers = await Promise.all(Array.from({ length: 4 }, () => gql(RUN, { id: saved.id })));
    const runs = answers.map((answer) => answer.runSavedSearch);
    expect(runs.filter((run) => run.previousRun === null)).toHaveLength(1);
    // A chain: every run but the first follows another of these runs, and no two follow the same one.
    const ids = new Set(runs.map((run) => run.run.id));
    const followed = runs.filter((run) => run.previousRun).map((run) => run.previousRun.id);
    expect(new Set(followed).size).toBe(3);
    for (const id of followed) expect(ids.has(id)).toBe(true);
    const last = runs.find((run) => !followed.includes(run.run.id));
    // The log lists them newest first in the order they followed each other, and the next run follows the last.
    const { savedSearchRuns } = await gql('query($id: ID!) { savedSearchRuns(savedSearchId: $id) { id } }', { id: saved.id });
    expect(savedSearchRuns[0].id).toBe(last.run.id);
    const { runSavedSearch: next } = await gql(RUN, { id: saved.id });
    expect(next.previousRun.id).toBe(last.run.id);
  });
});
