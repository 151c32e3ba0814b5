import request from 'supertest';
import { withServer } from '../support/database';
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
