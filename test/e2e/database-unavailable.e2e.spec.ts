import request from 'supertest';
import { SERVER_URL, withServer } from '../support/database';
import { waitForIndex } from '../support/search-index';
import { TcpProxy } from '../support/tcp-proxy';
import { CURATOR_KEY, startTestApp, TestApp } from '../support/test-app';

/**
 * The database going away (a restart, an admin shutdown, connections refused) is a retryable
 * SERVICE_UNAVAILABLE for reads and writes alike, never INTERNAL_SERVER_ERROR. Simulated on this
 * test's own database: new connections refused, the app's sessions terminated (57P01).
 */
describe('database unavailable', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp({ SEED_DEMO_DATA: 'false' });
  });

  afterAll(async () => {
    await withServer((client) => client.query(`ALTER DATABASE ${app.database.name} ALLOW_CONNECTIONS true`)).catch(() => undefined);
    await app?.close();
  });

  async function cutOff(): Promise<void> {
    await withServer(async (client) => {
      await client.query(`ALTER DATABASE ${app.database.name} ALLOW_CONNECTIONS false`);
      await client.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()', [app.database.name]);
    });
  }

  it('answers writes and reads with SERVICE_UNAVAILABLE while it is down, and works again once it is back', async () => {
    await cutOff();

    const write = await app.graphql('mutation { createPublication(input: { title: "Written while the database is down" }) { id } }', undefined, CURATOR_KEY);
    expect(write.errors?.[0].extensions).toMatchObject({ code: 'SERVICE_UNAVAILABLE', retryable: true });
    expect(write.errors?.[0].message).toMatch(/database is not reachable/);

    const read = await app.graphql('{ publications { totalCount } }');
    expect(read.errors?.[0].extensions?.code).toBe('SERVICE_UNAVAILABLE');

    const upload = await request(app.running.url).post('/imports').set('Authorization', `Bearer ${CURATOR_KEY}`).set('Content-Type', 'text/plain').send('TY  - JOUR\nTI  - Uploaded while down\nER  - \n');
    expect(upload.status).toBe(503);
    expect(upload.body.error.code).toBe('SERVICE_UNAVAILABLE');

    await withServer((client) => client.query(`ALTER DATABASE ${app.database.name} ALLOW_CONNECTIONS true`));
    // Back: the pool reconnects on the next request.
    let back = await app.graphql<any>('{ publications { totalCount } }');
    for (let attempt = 0; attempt < 50 && back.errors; attempt++) back = await app.graphql<any>('{ publications { totalCount } }');
    expect(back.errors).toBeUndefined();
    const written = await app.graphql('mutation { createPublication(input: { title: "Written once the database is back" }) { id } }', undefined, CURATOR_KEY);
    expect(written.errors).toBeUndefined();
  });
});

/**
 * The database host gone altogether (network cut, server down), not just refusing: the app talks to
 * PostgreSQL through a proxy the test cuts, so every pooled connection drops and new ones are
 * refused. Searches (both engines' paths), reads and writes answer SERVICE_UNAVAILABLE; the process
 * stays up; once the host is back the same process serves and indexes again, with no restart.
 */
describe('database host unreachable, then back', () => {
  const server = new URL(SERVER_URL);
  const proxy = new TcpProxy(server.hostname, Number(server.port || 5432));
  let app: TestApp;
  const SEARCH = '{ searchCaseReports(input: { text: "hematoma", facets: [{ facet: OUTCOME }] }) { totalCases } }';
  const PUBLICATION_SEARCH = '{ searchPublications(input: { text: "blood patch" }) { totalPublications } }';

  beforeAll(async () => {
    await proxy.restore();
    app = await startTestApp({}, { route: (url) => proxy.route(url) });
  });

  afterAll(async () => {
    await proxy.restore().catch(() => undefined);
    await app?.close();
    await proxy.cut();
  });

  /** Retries a query until it answers without errors; the pool reconnects on demand. */
  async function eventually<T>(query: string, apiKey?: string): Promise<T> {
    let last: Awaited<ReturnType<TestApp['graphql']>> | null = null;
    for (let attempt = 0; attempt < 100; attempt++) {
      last = await app.graphql(query, undefined, apiKey);
      if (!last.errors) return last.data as T;
    }
    throw new Error(`still failing: ${JSON.stringify(last?.errors)}`);
  }

  it('answers searches, reads and writes with SERVICE_UNAVAILABLE while cut off, and serves again once reachable', async () => {
    await waitForIndex(app); // the demo corpus
    const before = await eventually<{ searchCaseReports: { totalCases: number } }>(SEARCH);
    expect(before.searchCaseReports.totalCases).toBeGreaterThan(0);

    await proxy.cut();

    for (const [query, key] of [
      [SEARCH, undefined],
      [PUBLICATION_SEARCH, undefined],
      ['{ publications { totalCount } }', undefined],
      ['mutation { createPublication(input: { title: "Written while the host is gone" }) { id } }', CURATOR_KEY],
    ] as const) {
      const answer = await app.graphql(query, undefined, key);
      expect([query, answer.errors?.[0].extensions]).toEqual([query, expect.objectContaining({ code: 'SERVICE_UNAVAILABLE', retryable: true })]);
      expect(answer.data ?? null).toBeNull();
    }
    expect((await request(app.running.url).get('/health/live')).status).toBe(200);
    expect((await request(app.running.url).get('/health/ready')).status).toBe(503);

    await proxy.restore();

    const after = await eventually<{ searchCaseReports: { totalCases: number } }>(SEARCH);
    expect(after.searchCaseReports.totalCases).toBe(before.searchCaseReports.totalCases);
    const written = await eventually<{ createPublication: { id: string } }>('mutation { createPublication(input: { title: "Zygomorphic arachnoid cyst, written once the host is back" }) { id } }', CURATOR_KEY);
    await waitForIndex(app);
    const found = await eventually<{ searchPublications: { totalPublications: number; hits: { edges: { node: { publication: { id: string } } }[] } } }>(
      '{ searchPublications(input: { text: "zygomorphic" }) { totalPublications hits { edges { node { publication { id } } } } } }',
    );
    expect(found.searchPublications.hits.edges.map((edge) => edge.node.publication.id)).toEqual([written.createPublication.id]);
    // Nothing written while cut off was stored behind the error.
    const lost = await eventually<{ searchPublications: { totalPublications: number } }>('{ searchPublications(input: { text: "\\"host is gone\\"" }) { totalPublications } }');
    expect(lost.searchPublications.totalPublications).toBe(0);
  });
});
