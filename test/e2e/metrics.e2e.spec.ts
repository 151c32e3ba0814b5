import { Client } from 'pg';
import request from 'supertest';
import { OutboxDrainer } from '../../src/search/indexing/outbox-drainer';
import { withServer } from '../support/database';
import { sample } from '../support/prometheus-text';
import { CURATOR_KEY, startTestApp, TestApp } from '../support/test-app';

/** GET /metrics: Prometheus text with HTTP, GraphQL, outbox and import metrics, answering even while the database is down. */
describe('GET /metrics', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp({ SEED_DEMO_DATA: 'false' });
  });

  afterAll(async () => {
    await withServer((client) => client.query(`ALTER DATABASE ${app.database.name} ALLOW_CONNECTIONS true`)).catch(() => undefined);
    await app?.close();
  });

  const scrape = async () => {
    const response = await request(app.running.url).get('/metrics');
    expect(response.status).toBe(200);
    return response.text;
  };
  const graphql = (query: string) => request(app.running.url).post('/graphql').send({ query });

  it('answers in the Prometheus text format, with the process metrics', async () => {
    const response = await request(app.running.url).get('/metrics');
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toMatch(/^text\/plain; version=0\.0\.4/);
    expect(sample(response.text, 'process_cpu_user_seconds_total')).toBeGreaterThan(0);
    expect(sample(response.text, 'nodejs_heap_size_used_bytes')).toBeGreaterThan(0);
    expect(response.text).toContain('# TYPE http_request_duration_seconds histogram');
  });

  it('counts and times HTTP requests by method, route pattern and status', async () => {
    await request(app.running.url).get('/assets/missing-1.js');
    await request(app.running.url).get('/assets/missing-2.js');
    await request(app.running.url).get('/no/such/route/with-a-user-id-123');
    await request(app.running.url).get('/health/live');
    const text = await scrape();
    // The pattern, not the two paths: one series.
    expect(sample(text, 'http_requests_total', { method: 'GET', route: '/assets/:name', status: '404' })).toBe(2);
    expect(sample(text, 'http_request_duration_seconds_count', { method: 'GET', route: '/assets/:name', status: '404' })).toBe(2);
    expect(sample(text, 'http_requests_total', { method: 'GET', route: '(unmatched)', status: '404' })).toBe(1);
    expect(sample(text, 'http_requests_total', { method: 'GET', route: '/health/live', status: '200' })).toBe(1);
    expect(text).not.toContain('with-a-user-id-123');
  });

  it('counts and times GraphQL operations by name, with anonymous and unparseable ones bucketed', async () => {
    const before = await scrape();
    const count = (text: string, labels: Record<string, string>) => sample(text, 'graphql_operations_total', labels) ?? 0;
    await graphql('query CountPublications { publications { totalCount } }');
    await graphql('query CountPublications { publications { totalCount } }');
    await graphql('{ __typename }');
    await graphql('query Broken {');
    await graphql('query NoSuchField { noSuchField }');
    const after = await scrape();
    expect(count(after, { operation: 'CountPublications', type: 'query', outcome: 'ok' }) - count(before, { operation: 'CountPublications', type: 'query', outcome: 'ok' })).toBe(2);
    expect(sample(after, 'graphql_operation_duration_seconds_count', { operation: 'CountPublications', type: 'query' })).toBe(2);
    expect(count(after, { operation: '(anonymous)', type: 'query', outcome: 'ok' }) - count(before, { operation: '(anonymous)', type: 'query', outcome: 'ok' })).toBe(1);
    // Unparseable or invalid documents never name a series after themselves.
    expect(count(after, { operation: '(invalid)', outcome: 'error' }) - count(before, { operation: '(invalid)', outcome: 'error' })).toBe(2);
    expect(after).not.toContain('operation="Broken"');
    expect(after).not.toContain('operation="NoSuchField"');
    expect(sample(after, 'http_requests_total', { method: 'POST', route: '/graphql', status: '200' })).toBeGreaterThanOrEqual(3);
  });

  it('reports the outbox depth and the age of its oldest write (the index lag)', async () => {
    const drainer = app.running.app.get(OutboxDrainer);
    await drainer.stop();
    try {
      // Whatever the boot left pending (vocabulary writes) stays put while the drainer is stopped.
      const pendingBefore = sample(await scrape(), 'search_outbox_depth')!;
      expect(pendingBefore).toBeGreaterThanOrEqual(0);
      const client = new Client({ connectionString: app.database.url });
      await client.connect();
      try {
        await client.query(`INSERT INTO search_outbox (entity_type, entity_id, created_at) VALUES ('publication', gen_random_uuid(), now() - interval '2 minutes'), ('publication', gen_random_uuid(), now())`);
      } finally {
        await client.end();
      }
      const text = await scrape();
      expect(sample(text, 'search_outbox_depth')).toBe(pendingBefore + 2);
      expect(sample(text, 'search_index_lag_seconds')).toBeGreaterThanOrEqual(120);
    } finally {
      drainer.start();
    }
  });

  it('counts imports: stored files with their records, files rejected for their errors, and refused ones', async () => {
    const ris = 'TY  - JOUR\nTI  - Counted import one\nAU  - Doe, Jane\nPY  - 2020\nER  - \nTY  - JOUR\nTI  - Counted import two\nAU  - Roe, Rick\nPY  - 2021\nER  - \n';
    const stored = await request(app.running.url).post('/imports').set('Authorization', `Bearer ${CURATOR_KEY}`).set('Content-Type', 'text/plain').send(ris);
    expect(stored.status).toBe(200);
    const again = await request(app.running.url).post('/imports').set('Authorization', `Bearer ${CURATOR_KEY}`).set('Content-Type', 'text/plain').send(ris);
    expect(again.body).toMatchObject({ created: 0, merged: 2 });
    const unreadable = await request(app.running.url).post('/imports').set('Authorization', `Bearer ${CURATOR_KEY}`).set('Content-Type', 'text/plain').send('no format knows this text');
    expect(unreadable.status).toBe(422);
    const empty = await request(app.running.url).post('/imports?format=ris').set('Authorization', `Bearer ${CURATOR_KEY}`).set('Content-Type', 'text/plain').send('\n\n');
    expect(empty.status).toBe(400);
    const text = await scrape();
    expect(sample(text, 'import_batches_total', { outcome: 'stored' })).toBe(2);
    expect(sample(text, 'import_batches_total', { outcome: 'rejected' })).toBe(1);
    expect(sample(text, 'import_batches_total', { outcome: 'failed' })).toBe(1);
    expect(sample(text, 'import_records_total', { result: 'created' })).toBe(2);
    expect(sample(text, 'import_records_total', { result: 'merged' })).toBe(2);
  });

  it('still answers while the database is down: the outbox gauges read -1 and the failure is counted', async () => {
    await withServer(async (client) => {
      await client.query(`ALTER DATABASE ${app.database.name} ALLOW_CONNECTIONS false`);
      await client.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()', [app.database.name]);
    });
    const text = await scrape();
    expect(sample(text, 'search_outbox_depth')).toBe(-1);
    expect(sample(text, 'search_index_lag_seconds')).toBe(-1);
    expect(sample(text, 'metrics_collect_errors_total', { gauge: 'search_outbox' })).toBeGreaterThanOrEqual(1);
    expect(sample(text, 'process_cpu_user_seconds_total')).toBeGreaterThan(0);
  });
});
