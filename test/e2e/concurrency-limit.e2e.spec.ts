import { Client } from 'pg';
import request from 'supertest';
import { waitFor } from '../support/child-process';
import { sample } from '../support/prometheus-text';
import { startTestApp, TestApp } from '../support/test-app';

/**
 * GraphQL reads at work at once are limited (mutations pass): the rest wait their turn, and
 * past GRAPHQL_MAX_WAITING_READS the answer is 503 SERVICE_UNAVAILABLE with Retry-After. A read is held at
 * work by a lock the test takes on the publication table, so "at work" and "waiting" are conditions
 * the test can see (PostgreSQL's lock waits, the /metrics gauge), not timings.
 */
describe('GraphQL concurrency limit', () => {
  let app: TestApp;
  let locker: Client;

  beforeAll(async () => {
    app = await startTestApp({ SEED_DEMO_DATA: 'false', GRAPHQL_MAX_CONCURRENT_READS: '1', GRAPHQL_MAX_WAITING_READS: '1' });
    locker = new Client({ connectionString: app.database.url });
    await locker.connect();
  });

  afterAll(async () => {
    await locker?.end();
    await app?.close();
  });

  const read = () => request(app.running.url).post('/graphql').send({ query: '{ publications { totalCount } }' });
  const waitingReads = async () => sample((await request(app.running.url).get('/metrics')).text, 'graphql_reads_waiting');
  const lockWaits = async () => Number((await locker.query("SELECT count(*) AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'")).rows[0].n);

  it('holds further reads while the slot is taken, refuses past the queue with a retryable 503, and lets mutations and early refusals pass', async () => {
    await locker.query('BEGIN');
    await locker.query('LOCK TABLE publication IN ACCESS EXCLUSIVE MODE');
    const atWork = read().then((response) => response);
    await waitFor('the first read to wait on the lock', async () => (await lockWaits()) >= 1, { timeoutMs: 30_000 });
    const waiting = read().then((response) => response);
    await waitFor('the second read to wait for a slot', async () => (await waitingReads()) === 1, { timeoutMs: 30_000 });

    const refused = await read();
    expect(refused.status).toBe(503);
    expect(refused.headers['retry-after']).toBe('1');
    expect(refused.body.errors[0].extensions).toMatchObject({ code: 'SERVICE_UNAVAILABLE', retryable: true });
    expect(refused.body.errors[0].message).toMatch(/1 GraphQL reads are at work and 1 more are waiting/);

    // Mutations are not held: one is answered while the read slot is taken.
    const mutation = await request(app.running.url)
      .post('/graphql')
      .send({ query: 'mutation { createCaseReport(input: { publicationId: "not-an-id" }) { id } }' });
    expect(mutation.status).not.toBe(503);
    expect(mutation.body.errors?.[0]?.extensions?.code).not.toBe('SERVICE_UNAVAILABLE');

    // A document over the limits is refused before any slot is taken.
    const aliases = Array.from({ length: 60 }, (_, i) => `a${i}: __typename`).join(' ');
    const complex = await request(app.running.url).post('/graphql').send({ query: `{ ${aliases} ${' '.repeat(1024)} }` });
    expect(complex.status).toBe(400);
    expect(complex.body.errors[0].extensions.code).toBe('QUERY_TOO_COMPLEX');

    await locker.query('ROLLBACK');
    const [first, second] = await Promise.all([atWork, waiting]);
    expect(first.status).toBe(200);
    expect(first.body.data.publications.totalCount).toBe(0);
    expect(second.status).toBe(200);
    expect((await read()).status).toBe(200);
    const metrics = (await request(app.running.url).get('/metrics')).text;
    expect(sample(metrics, 'graphql_reads_shed_total')).toBe(1);
    expect(sample(metrics, 'graphql_reads_waiting')).toBe(0);
  });

  it('gives a waiting turn away when its client has gone, so the next request is not held', async () => {
    await locker.query('BEGIN');
    await locker.query('LOCK TABLE publication IN ACCESS EXCLUSIVE MODE');
    const operations = async () => sample((await request(app.running.url).get('/metrics')).text, 'graphql_operations_total') ?? 0;
    const before = await operations();
    const atWork = read().then((response) => response);
    await waitFor('the first read to wait on the lock', async () => (await lockWaits()) >= 1, { timeoutMs: 30_000 });
    const leaving = new AbortController();
    const gone = fetch(`${app.running.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ publications { totalCount } }' }), signal: leaving.signal }).catch((error: unknown) => error);
    await waitFor('the second read to wait for a slot', async () => (await waitingReads()) === 1, { timeoutMs: 30_000 });
    leaving.abort();
    expect(((await gone) as Error).name).toBe('AbortError');

    await locker.query('ROLLBACK');
    expect((await atWork).status).toBe(200);
    // The abandoned turn is skipped: a new read is answered, and nothing is left waiting.
    expect((await read()).status).toBe(200);
    await waitFor('the queue to empty', async () => (await waitingReads()) === 0, { timeoutMs: 30_000 });
    expect((await operations()) - before).toBe(2); // the read at work and the new one; the abandoned one never ran
  });
});
