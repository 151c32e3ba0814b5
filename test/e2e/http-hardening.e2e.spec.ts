import { connect } from 'node:net';
import { request as httpRequest } from 'node:http';
import request from 'supertest';
import { CURATOR_KEY, startTestApp, TestApp } from '../support/test-app';

/** HTTP-level protections: strict parameters on /exports, security headers everywhere, sockets that cannot be held open. */
describe('HTTP hardening', () => {
  let app: TestApp;

  beforeAll(async () => {
    // A short idle timeout, so the stalled-body test waits for a second, not a minute.
    app = await startTestApp({ SEED_DEMO_DATA: 'false', HTTP_IDLE_TIMEOUT_MS: '1000', HTTP_HEADERS_TIMEOUT_MS: '1000' });
  });

  afterAll(async () => {
    await app?.close();
  });

  describe('GET /exports parameters', () => {
    it('refuses unknown parameters, naming every one', async () => {
      const response = await request(app.running.url).get('/exports').query({ format: 'csv', outcome: 'DEATH', colour: 'red' });
      expect(response.status).toBe(400);
      expect(response.body.error.code).toBe('BAD_USER_INPUT');
      expect(response.body.error.fieldErrors.map((error: { path: string }) => error.path).sort()).toEqual(['colour', 'outcome']);
    });

    it('refuses a single-valued parameter given twice, and accepts repeated list filters', async () => {
      const repeated = await request(app.running.url).get('/exports?format=csv&format=ris&text=a&text=b');
      expect(repeated.status).toBe(400);
      expect(repeated.body.error.fieldErrors).toEqual([
        { path: 'format', message: 'is given more than once; give it once' },
        { path: 'text', message: 'is given more than once; give it once' },
      ]);
      const lists = await request(app.running.url).get('/exports?format=csv&outcomes=DEATH&outcomes=FULL_RECOVERY');
      // Accepted (no 400): the empty database has nothing to export, which is a 404 of its own.
      expect(lists.status).toBe(404);
      expect(lists.body.error.code).toBe('NOT_FOUND');
      const prisma = await request(app.running.url).get('/exports/prisma?review=a&review=b&extra=1');
      expect(prisma.status).toBe(400);
      expect(prisma.body.error.fieldErrors.map((error: { path: string }) => error.path).sort()).toEqual(['extra', 'review']);
    });

    it('refuses NUL characters and inherited object keys as values, never a 500', async () => {
      // Each of these once answered 500: the NUL reached PostgreSQL, "__proto__" passed an `in` check on the formats.
      const cases: [string, string][] = [
        ['/exports/prisma?review=%00', 'review'],
        ['/exports?format=csv&text=a%00b', 'text'],
        ['/exports/case-table?format=__proto__', 'format'],
        ['/exports/case-table?format=csv&columns=constructor', 'columns'],
        ['/exports/case-summary?format=__proto__', 'format'],
        ['/exports/case-numeric?field=constructor', 'field'],
        ['/exports/case-numeric?field=AGE&format=toString', 'format'],
      ];
      for (const [path, field] of cases) {
        const response = await request(app.running.url).get(path);
        expect({ path, status: response.status, code: response.body.error?.code }).toEqual({ path, status: 400, code: 'BAD_USER_INPUT' });
        expect(response.body.error.fieldErrors.map((error: { path: string }) => error.path)).toContain(field);
      }
    });

    it('refuses a NUL character or lone surrogate escaped inside the JSON of q, naming its path, on every download (JSON decoding made the NUL: 500)', async () => {
      const q = (text: string) => encodeURIComponent(JSON.stringify({ text, filters: { publicationTypes: ['Case Reports'] } }));
      for (const path of ['/exports?format=csv&q=', '/exports?scope=publications&q=', '/exports/case-table?q=', '/exports/case-summary?facet=OUTCOME&q=', '/exports/case-numeric?field=AGE&q=']) {
        for (const [text, message] of [['hema\u0000toma', /NUL/], ['hema\ud800toma', /lone surrogate/]] as const) {
          const response = await request(app.running.url).get(path + q(text));
          expect({ path, text, status: response.status, code: response.body.error?.code }).toEqual({ path, text, status: 400, code: 'BAD_USER_INPUT' });
          expect(response.body.error.fieldErrors).toEqual([{ path: 'q.text', message: expect.stringMatching(message) }]);
        }
      }
    });
  });

  describe('security headers', () => {
    it.each([
      ['GET /health', () => request(app.running.url).get('/health')],
      ['POST /graphql', () => request(app.running.url).post('/graphql').send({ query: '{ __typename }' })],
      ['GET /exports', () => request(app.running.url).get('/exports?format=csv')],
      ['POST /imports (refused)', () => request(app.running.url).post('/imports')],
      ['an unknown route', () => request(app.running.url).get('/no/such/route')],
    ])('are on %s, with no X-Powered-By', async (_name, send) => {
      const response = await send();
      expect(response.headers['x-powered-by']).toBeUndefined();
      expect(response.headers['x-content-type-options']).toBe('nosniff');
      expect(response.headers['x-frame-options']).toBe('DENY');
      expect(response.headers['referrer-policy']).toBe('no-referrer');
      expect(response.headers['content-security-policy']).toMatch(/^default-src 'none';.*frame-ancestors 'none'/);
    });

    it('give the explorer at /graphql a policy that allows its own scripts only, and keep the search page its own strict policy', async () => {
      const explorer = await request(app.running.url).get('/graphql').set('Accept', 'text/html');
      expect(explorer.status).toBe(200);
      expect(explorer.headers['x-powered-by']).toBeUndefined();
      const policy = explorer.headers['content-security-policy'];
      // Its inline scripts (GraphiQL's start and the accessibility mending) by hash, nothing else.
      expect(policy).toMatch(/script-src 'self'( 'sha256-[A-Za-z0-9+/=]+')+(;|$)/);
      expect(policy).not.toMatch(/script-src[^;]*unsafe-inline/);
      expect(policy).toContain("frame-ancestors 'none'");
      const page = await request(app.running.url).get('/');
      expect(page.headers['x-powered-by']).toBeUndefined();
      expect(page.headers['x-frame-options']).toBe('DENY');
      if (page.status === 200) expect(page.headers['content-security-policy']).toContain("script-src 'self';");
    });
  });

  it('answers a request Node refuses before any route (headers over the limit, malformed HTTP) with a code and a message, and stays up', async () => {
    // A long search in a download's URL, and a cookie header past the limit: Node's bare 431 had no body.
    const longUrl = await request(app.running.url).get('/exports/case-table').query({ q: JSON.stringify({ text: 'a'.repeat(20_000) }) });
    expect(longUrl.status).toBe(431);
    expect(longUrl.body.error).toMatchObject({ code: 'REQUEST_HEADERS_TOO_LARGE', message: expect.stringContaining('savedSearch=<id>') });
    const cookies = await request(app.running.url).get('/session').set('Cookie', Array.from({ length: 2000 }, (_, i) => `c${i}=v`).join('; '));
    expect(cookies.status).toBe(431);
    expect(cookies.body.error.code).toBe('REQUEST_HEADERS_TOO_LARGE');
    const url = new URL(app.running.url);
    const socket = connect(Number(url.port), url.hostname);
    const answer = await new Promise<string>((resolve) => {
      let text = '';
      socket.on('data', (chunk) => (text += chunk.toString()));
      socket.on('close', () => resolve(text));
      socket.on('error', () => undefined);
      socket.write('GET / HTTP/1.1\r\nHost x\r\n\r\n');
    });
    expect(answer).toMatch(/^HTTP\/1\.1 400 /);
    expect(JSON.parse(answer.slice(answer.indexOf('\r\n\r\n') + 4))).toEqual({ error: { code: 'BAD_REQUEST', message: expect.stringContaining('not valid HTTP') } });
    expect((await request(app.running.url).get('/health/live')).status).toBe(200);
  });

  it('answers an Expect header other than 100-continue with 417, a code and a message naming the header (Node\'s bare 417 had no body), and stays up', async () => {
    // supertest cannot send an Expect header: a plain request.
    const post = (expectation: string) =>
      new Promise<{ status: number; body: string }>((resolve, reject) => {
        const body = JSON.stringify({ query: '{ __typename }' });
        const sent = httpRequest(`${app.running.url}/graphql`, { method: 'POST', headers: { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body), Expect: expectation } }, (response) => {
          let text = '';
          response.on('data', (chunk) => (text += chunk));
          response.on('end', () => resolve({ status: response.statusCode ?? 0, body: text }));
        });
        sent.on('error', reject);
        sent.on('continue', () => sent.end(body));
        if (expectation !== '100-continue') sent.end(body);
      });
    const refused = await post('x-mystery');
    expect(refused.status).toBe(417);
    expect(JSON.parse(refused.body)).toEqual({ error: { code: 'EXPECTATION_FAILED', message: expect.stringContaining('the Expect header ("x-mystery") is not supported') } });
    const continued = await post('100-continue');
    expect(JSON.parse(continued.body)).toEqual({ data: { __typename: 'Query' } });
  });

  it('names the Content-Encoding header when a body does not decompress as it says (the answer was only "Bad Request")', async () => {
    for (const [path, encoding] of [['/session', 'gzip'], ['/session', 'br'], ['/graphql', 'deflate']]) {
      const response = await request(app.running.url).post(path).set('Content-Type', 'application/json').set('Content-Encoding', encoding).set('apollo-require-preflight', 'true').send('{"apiKey": "not compressed"}');
      expect(response.status).toBe(400);
      const error = path === '/graphql' ? { code: response.body.errors[0].extensions.code, message: response.body.errors[0].message } : response.body.error;
      expect(error).toEqual({ code: 'BAD_REQUEST', message: `the request body does not decompress as its Content-Encoding header (${encoding}) says: send it compressed that way, or without the header` });
    }
  });

  it('keeps the connection of a request it has received whole while it works on it longer than the idle timeout', async () => {
    // An idle timeout of 100 ms, and an import whose work after its last byte (the last chunks, the rules, the commit) takes longer.
    const quick = await startTestApp({ SEED_DEMO_DATA: 'false', HTTP_IDLE_TIMEOUT_MS: '100' });
    try {
      const ris = Array.from({ length: 1500 }, (_, i) => `TY  - JOUR\nTI  - Spinal epidural haematoma number ${i} after lumbar puncture\nAB  - A ${30 + (i % 40)}-year-old woman on warfarin developed a spinal epidural haematoma after a lumbar puncture; she recovered fully after decompression.\nPY  - 2020\nER  - \n`).join('');
      const started = performance.now();
      const response = await request(quick.running.url).post('/imports?format=ris').set('Authorization', `Bearer ${CURATOR_KEY}`).set('Content-Type', 'text/plain').send(ris);
      expect(performance.now() - started).toBeGreaterThan(100); // the work outlasted the idle timeout (else this test proves nothing)
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({ stored: true, created: 1500 });
    } finally {
      await quick.close();
    }
  });

  it('closes a connection whose body stops short of its Content-Length, and the next import goes through', async () => {
    const url = new URL(app.running.url);
    const socket = connect(Number(url.port), url.hostname);
    const closed = new Promise<string>((resolve) => {
      let answer = '';
      socket.on('data', (chunk) => (answer += chunk.toString()));
      socket.on('close', () => resolve(answer));
      socket.on('error', () => undefined);
    });
    socket.write(`POST /imports HTTP/1.1\r\nHost: ${url.host}\r\nAuthorization: Bearer ${CURATOR_KEY}\r\nContent-Type: text/plain\r\nContent-Length: 100000\r\n\r\nTY  - JOUR\nTI  - Held open\n`);
    // The server, not the client, ends it (the test's own timeout would fail it otherwise).
    await closed;
    const next = await request(app.running.url).post('/imports').set('Authorization', `Bearer ${CURATOR_KEY}`).set('Content-Type', 'text/plain').send('TY  - JOUR\nTI  - After the stalled upload\nER  - \n');
    expect(next.status).toBe(200);
    expect(next.body).toMatchObject({ stored: true, created: 1 });
  });
});
