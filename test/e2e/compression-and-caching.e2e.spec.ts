import { IncomingHttpHeaders, request as httpRequest } from 'node:http';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import request from 'supertest';
import { startTestApp, TestApp } from '../support/test-app';
import { waitForIndex } from '../support/search-index';

interface RawResponse {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

/** The body as it went over the wire (supertest and fetch decompress it on the way in). */
function rawRequest(url: string, options: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const call = httpRequest(url, { method: options.method ?? 'GET', headers: options.headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks) }));
      response.on('error', reject);
    });
    call.on('error', reject);
    call.end(options.body);
  });
}

const LARGE_QUERY = '{ vocabularyTerms(kind: COMPLICATION) { id key label meshUi kind } }';

/** Responses compressed when the client accepts it (GraphQL, the explorer, streamed exports), and the search page's cache headers. */
describe('compression and caching', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp();
    // The export reads the search index: wait until the demo cases are in it.
    await waitForIndex(app);
  });

  afterAll(async () => {
    await app?.close();
  });

  const graphql = (acceptEncoding: string) =>
    rawRequest(`${app.running.url}/graphql`, { method: 'POST', headers: { 'Content-Type': 'application/json', 'Accept-Encoding': acceptEncoding }, body: JSON.stringify({ query: LARGE_QUERY }) });

  it('gzips a large GraphQL answer for a client that accepts gzip, and the JSON survives', async () => {
    const plain = await graphql('identity');
    expect(plain.headers['content-encoding']).toBeUndefined();
    const zipped = await graphql('gzip');
    expect(zipped.status).toBe(200);
    expect(zipped.headers['content-encoding']).toBe('gzip');
    expect(zipped.headers.vary).toMatch(/Accept-Encoding/i);
    const body = gunzipSync(zipped.body);
    expect(body.length).toBeGreaterThan(10_000);
    expect((zipped.body).length).toBeLessThan(body.length / 3);
    expect(JSON.parse(body.toString('utf8'))).toEqual(JSON.parse((plain.body).toString('utf8')));
  });

  it('prefers Brotli when the client accepts it', async () => {
    const response = await graphql('gzip, deflate, br');
    expect(response.headers['content-encoding']).toBe('br');
    expect(JSON.parse(brotliDecompressSync(response.body).toString('utf8')).data.vocabularyTerms.length).toBeGreaterThan(10);
  });

  it('compresses a streamed export without changing a byte of it', async () => {
    const plain = await rawRequest(`${app.running.url}/exports?format=csv`, { headers: { 'Accept-Encoding': 'identity' } });
    expect(plain.status).toBe(200);
    expect(plain.headers['content-encoding']).toBeUndefined();
    const zipped = await rawRequest(`${app.running.url}/exports?format=csv`, { headers: { 'Accept-Encoding': 'gzip' } });
    expect(zipped.status).toBe(200);
    expect(zipped.headers['content-encoding']).toBe('gzip');
    expect(zipped.headers['content-disposition']).toMatch(/^attachment; filename=/);
    expect(gunzipSync(zipped.body).equals(plain.body)).toBe(true);
  });

  it('serves the GraphQL explorer compressed, with its assets', async () => {
    const page = await rawRequest(`${app.running.url}/graphql`, { headers: { Accept: 'text/html', 'Accept-Encoding': 'gzip' } });
    expect(page.status).toBe(200);
    expect(page.headers['content-encoding']).toBe('gzip');
    const html = gunzipSync(page.body).toString('utf8');
    expect(html).toContain('GraphiQL.createFetcher');
    const script = await request(app.running.url).get('/explorer-assets/graphiql.min.js').set('Accept-Encoding', 'gzip');
    expect(script.status).toBe(200);
    expect(script.headers['content-encoding']).toBe('gzip');
    expect(script.text).toContain('GraphiQL');
  });

  it('gives the search page no-cache and its content-hashed assets a year, immutable, compressed', async () => {
    const page = await request(app.running.url).get('/');
    expect(page.status).toBe(200);
    expect(page.headers['cache-control']).toBe('no-cache');
    const assets = [...page.text.matchAll(/(?:href|src)="(assets\/app-[A-Za-z0-9]+\.(?:js|css))"/g)].map((match) => match[1]);
    expect(assets).toHaveLength(2);
    for (const asset of assets) {
      const response = await request(app.running.url).get(`/${asset}`).set('Accept-Encoding', 'gzip');
      expect(response.status).toBe(200);
      expect(response.headers['cache-control']).toBe('public, max-age=31536000, immutable');
      expect(response.headers['content-encoding']).toBe('gzip');
    }
  });

  it('leaves small answers uncompressed', async () => {
    const response = await request(app.running.url).get('/health/live').set('Accept-Encoding', 'gzip');
    expect(response.status).toBe(200);
    expect(response.headers['content-encoding']).toBeUndefined();
  });
});
