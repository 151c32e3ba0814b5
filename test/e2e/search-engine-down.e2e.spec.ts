import request from 'supertest';
import { CURATOR_KEY, startTestApp, TestApp } from '../support/test-app';

/** Elasticsearch configured but not answering: the service still starts and takes writes; searches say why they fail. */
describe('search engine unreachable', () => {
  let app: TestApp;

  beforeAll(async () => {
    // Port 9 (discard) on loopback: nothing listens there, the connection is refused at once.
    app = await startTestApp({ ELASTICSEARCH_NODE: 'http://127.0.0.1:9', SEED_DEMO_DATA: 'false' });
  });

  afterAll(async () => {
    await app?.close();
  });

  it('keeps writes in the outbox, reports the engine down in /health, and answers searches with SERVICE_UNAVAILABLE', async () => {
    const created = await app.graphql<any>('mutation { createPublication(input: { title: "Written while the index is down" }) { id } }', undefined, CURATOR_KEY);
    expect(created.errors).toBeUndefined();

    const status = await app.graphql<any>('{ searchIndexStatus { engine reachable outboxDepth } }');
    expect(status.data.searchIndexStatus).toMatchObject({ engine: 'elasticsearch', reachable: false });
    expect(status.data.searchIndexStatus.outboxDepth).toBeGreaterThan(0);

    const health = await request(app.running.url).get('/health');
    expect(health.status).toBe(503);
    expect(health.body.details).toMatchObject({ database: { status: 'up' }, search: { reachable: false } });

    const search = await app.graphql('{ searchCaseReports(input: { text: "hematoma" }) { totalCases } }');
    expect(search.errors?.[0].extensions?.code).toBe('SERVICE_UNAVAILABLE');
    expect(search.errors?.[0].message).toMatch(/search engine \(elasticsearch\) is not reachable/);
  });
});
