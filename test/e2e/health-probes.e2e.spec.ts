import { Client } from 'pg';
import request from 'supertest';
import { MIGRATIONS_TABLE } from '../../src/database/migrations-location';
import { withServer } from '../support/database';
import { startTestApp, TestApp } from '../support/test-app';

/** /health/live says the process answers; /health/ready that it can serve: database, migrations, search index. */
describe('health probes', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp();
  });

  afterAll(async () => {
    await withServer((client) => client.query(`ALTER DATABASE ${app.database.name} ALLOW_CONNECTIONS true`)).catch(() => undefined);
    await app?.close();
  });

  async function readyOnceLoaded() {
    // The index loads after start and then indexes the demo corpus; wait for that (a condition, asked
    // again every 50 ms, for up to a minute on a busy machine).
    let ready = await request(app.running.url).get('/health/ready');
    for (let attempt = 0; attempt < 1200 && ready.status !== 200; attempt++) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      ready = await request(app.running.url).get('/health/ready');
    }
    return ready;
  }

  async function onDatabase<T>(work: (client: Client) => Promise<T>): Promise<T> {
    const client = new Client({ connectionString: app.database.url });
    await client.connect();
    try {
      return await work(client);
    } finally {
      await client.end();
    }
  }

  it('is live and ready, with the database, migrations and the loaded index named; /health keeps its meaning', async () => {
    const live = await request(app.running.url).get('/health/live');
    expect(live.status).toBe(200);
    expect(live.body).toEqual({ status: 'ok' });
    const ready = await readyOnceLoaded();
    expect(ready.status).toBe(200);
    expect(ready.body.details).toMatchObject({ database: { status: 'up' }, migrations: { status: 'up' }, searchIndex: { status: 'up', loaded: true, reachable: true } });
    // Ready means the demo corpus written at start is searchable, not only that the index is loaded.
    const search = await request(app.running.url).post('/graphql').send({ query: '{ searchCaseReports(input: { first: 0 }) { totalCases } }' });
    expect(search.body.data.searchCaseReports.totalCases).toBe(23);
    const health = await request(app.running.url).get('/health');
    expect(health.status).toBe(200);
    expect(health.body.details).toMatchObject({ database: { status: 'up' }, search: { reachable: true } });
  });

  it('is not ready while a migration is pending', async () => {
    const removed = await onDatabase(async (client) => (await client.query(`DELETE FROM ${MIGRATIONS_TABLE} WHERE id = (SELECT max(id) FROM ${MIGRATIONS_TABLE}) RETURNING *`)).rows[0]);
    try {
      const ready = await request(app.running.url).get('/health/ready');
      expect(ready.status).toBe(503);
      expect(ready.body.details.migrations).toMatchObject({ status: 'down', pending: true });
    } finally {
      await onDatabase((client) => client.query(`INSERT INTO ${MIGRATIONS_TABLE} (id, timestamp, name) VALUES ($1, $2, $3)`, [removed.id, removed.timestamp, removed.name]));
    }
    expect((await request(app.running.url).get('/health/ready')).status).toBe(200);
  });

  it('is not ready, but still live, while the database refuses connections', async () => {
    await withServer(async (client) => {
      await client.query(`ALTER DATABASE ${app.database.name} ALLOW_CONNECTIONS false`);
      await client.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()', [app.database.name]);
    });
    const ready = await request(app.running.url).get('/health/ready');
    expect(ready.status).toBe(503);
    expect(ready.body.details.database.status).toBe('down');
    expect((await request(app.running.url).get('/health/live')).status).toBe(200);
    await withServer((client) => client.query(`ALTER DATABASE ${app.database.name} ALLOW_CONNECTIONS true`));
    expect((await readyOnceLoaded()).status).toBe(200);
  });
});
