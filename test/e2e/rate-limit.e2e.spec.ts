import request from 'supertest';
import { CURATOR_KEY, startTestApp, TestApp } from '../support/test-app';

/** Requests per address and per API key, reads and writes apart: 429 with Retry-After once over. */
describe('rate limits', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp({
      SEED_DEMO_DATA: 'false',
      RATE_LIMIT_ENABLED: 'true',
      RATE_LIMIT_READS_PER_ADDRESS: '6',
      RATE_LIMIT_READS_PER_KEY: '3',
      RATE_LIMIT_WRITES_PER_ADDRESS: '3',
      RATE_LIMIT_WRITES_PER_KEY: '2',
    });
  });

  afterAll(async () => {
    await app?.close();
  });

  const read = (key?: string) => {
    const call = request(app.running.url).post('/graphql').send({ query: '{ publications { totalCount } }' });
    return key ? call.set('Authorization', `Bearer ${key}`) : call;
  };
  const write = (title: string) =>
    request(app.running.url).post('/imports').set('Authorization', `Bearer ${CURATOR_KEY}`).set('Content-Type', 'text/plain').send(`TY  - JOUR\nTI  - ${title}\nER  - \n`);

  it('limits reads per key and per address, writes apart, answering 429 with Retry-After and a GraphQL or REST error', async () => {
    for (let i = 0; i < 3; i++) expect((await read(CURATOR_KEY)).status).toBe(200);
    const overKey = await read(CURATOR_KEY);
    expect(overKey.status).toBe(429);
    expect(Number(overKey.headers['retry-after'])).toBeGreaterThan(0);
    expect(overKey.body.errors[0].extensions).toMatchObject({ code: 'RATE_LIMITED', scope: 'key', kind: 'read', limit: 3 });

    // The address still has room (4 of 6 used); an invalid key does not open a new allowance.
    expect((await read()).status).toBe(200);
    expect((await read('not-a-valid-key-000000000')).status).toBe(200);
    const overAddress = await read();
    expect(overAddress.status).toBe(429);
    expect(overAddress.body.errors[0].extensions).toMatchObject({ code: 'RATE_LIMITED', scope: 'address', kind: 'read', limit: 6 });
    expect(overAddress.body.errors[0].message).toMatch(/Too many reads from this address: at most 6 per 60 s/);

    // Writes are counted apart: reads are used up, an import still goes through (twice: the key's limit).
    expect((await write('First write')).status).toBe(200);
    expect((await write('Second write')).status).toBe(200);
    const overWrites = await write('Third write');
    expect(overWrites.status).toBe(429);
    expect(overWrites.headers['retry-after']).toBeDefined();
    expect(overWrites.body.error).toMatchObject({ code: 'RATE_LIMITED', scope: 'key', kind: 'write' });

    // /health is never limited.
    expect((await request(app.running.url).get('/health')).status).toBe(200);
  });
});

/** A refused document costs the server a parse: refusals count against the sender's allowance too. */
describe('rate limits and refused documents', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp({ SEED_DEMO_DATA: 'false', RATE_LIMIT_ENABLED: 'true', RATE_LIMIT_READS_PER_ADDRESS: '3' });
  });

  afterAll(async () => {
    await app?.close();
  });

  it('answers QUERY_TOO_COMPLEX until the address is over its reads, then 429 before the document is parsed', async () => {
    // 60 aliases (over the limit of 50) in a document over 1,024 characters: the early check's case.
    const tooWide = `{ ${Array.from({ length: 60 }, (_, i) => `alias${i}: __typename`).join(' ')} ${'#'.repeat(1100)}\n }`;
    const send = () => request(app.running.url).post('/graphql').send({ query: tooWide });
    for (let i = 0; i < 3; i++) {
      const refused = await send();
      expect(refused.status).toBe(400);
      expect(refused.body.errors[0].extensions.code).toBe('QUERY_TOO_COMPLEX');
    }
    const limited = await send();
    expect(limited.status).toBe(429);
    expect(limited.body.errors[0].extensions).toMatchObject({ code: 'RATE_LIMITED', scope: 'address', kind: 'read' });
  });
});
