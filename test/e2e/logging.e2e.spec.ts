import { readFileSync } from 'node:fs';
import request from 'supertest';
import { fixturePath } from '../../src/literature/testing/fixtures';
import { LogCapture, LogLine } from '../support/log-capture';
import { CURATOR_KEY, startTestApp, TestApp } from '../support/test-app';

const isAccessLine = (line: LogLine) => typeof line.durationMs === 'number' && typeof line.req === 'object';
const accessLinesOf = (logs: LogCapture, requestId: string) => logs.lines.filter((line) => isAccessLine(line) && line.requestId === requestId);

/** Structured logs: JSON lines through pino, a request id on every line of a request, one access line, nothing secret. */
describe('structured logs', () => {
  let app: TestApp;
  const logs = new LogCapture();

  beforeAll(async () => {
    app = await startTestApp({ SEED_DEMO_DATA: 'false', LOG_LEVEL: 'log', LOG_FORMAT: 'json' }, { logDestination: logs });
  });

  afterAll(async () => {
    await app?.close();
  });

  /** Sends a cheap request and waits for its access line: every line of requests sent before it is written by then. */
  async function settle(): Promise<void> {
    const marker = await request(app.running.url).post('/graphql').send({ query: 'query Settle { __typename }' });
    await logs.waitFor((line) => isAccessLine(line) && line.requestId === marker.headers['x-request-id']);
  }

  it('routes Nest Logger lines written at start through pino as JSON, with their context', () => {
    const lines = logs.lines;
    expect(lines.length).toBeGreaterThan(0);
    expect(lines.some((line) => line.context === 'NestApplication' && /started/i.test(line.msg ?? ''))).toBe(true);
    expect(lines.every((line) => typeof line.level === 'number' && typeof line.time === 'number')).toBe(true);
  });

  it('keeps a sane incoming X-Request-Id, answers with it, and writes exactly one access line naming the GraphQL operation', async () => {
    const response = await request(app.running.url)
      .post('/graphql')
      .set('X-Request-Id', 'trace-42.a_b')
      .set('Authorization', `Bearer ${CURATOR_KEY}`)
      .set('Cookie', 'session=cookie-value-never-logged')
      .send({ query: 'query CountCases { caseReports(first: 1) { totalCount } }' });
    expect(response.status).toBe(200);
    expect(response.headers['x-request-id']).toBe('trace-42.a_b');
    await settle();
    const access = accessLinesOf(logs, 'trace-42.a_b');
    expect(access).toHaveLength(1);
    expect(access[0]).toMatchObject({ req: { method: 'POST', path: '/graphql' }, res: { statusCode: 200 }, graphqlOperation: 'CountCases' });
    expect(access[0].durationMs).toBeGreaterThanOrEqual(0);
    expect(logs.text).not.toContain(CURATOR_KEY);
    expect(logs.text).not.toContain('cookie-value-never-logged');
  });

  it.each([['with spaces and ; in it'], ['x'.repeat(129)], ['ünïcode']])('replaces an unusable X-Request-Id (%s) with a UUID', async (sent) => {
    const response = await request(app.running.url).post('/graphql').set('X-Request-Id', sent).send({ query: '{ __typename }' });
    expect(response.headers['x-request-id']).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    await logs.waitFor((line) => isAccessLine(line) && line.requestId === response.headers['x-request-id']);
  });

  it('logs the path and the names of query parameters, never their values', async () => {
    const response = await request(app.running.url).get('/exports').query({ format: 'csv', text: 'rare-search-words-of-a-user' });
    await settle();
    const [access] = accessLinesOf(logs, response.headers['x-request-id']);
    expect(access).toMatchObject({ req: { method: 'GET', path: '/exports', query: ['format', 'text'] }, res: { statusCode: response.status } });
    expect(logs.text).not.toContain('rare-search-words-of-a-user');
  });

  it('puts the request id on lines that services log during the request, and no imported text or SQL parameters', async () => {
    const ris = readFileSync(fixturePath('ris/rayyan-10-records.ris'), 'utf8');
    const response = await request(app.running.url)
      .post('/graphql')
      .set('Authorization', `Bearer ${CURATOR_KEY}`)
      .send({ query: 'mutation Import($input: ImportPublicationsInput!) { importPublications(input: $input) { stored created } }', variables: { input: { text: ris, fileName: 'rayyan.ris', review: 'logged review' } } });
    expect(response.body.data.importPublications).toEqual({ stored: true, created: 10 });
    await settle();
    expect(accessLinesOf(logs, response.headers['x-request-id'])).toHaveLength(1);
    // Re-running the extraction logs what it proposed, from inside the service.
    const extraction = await request(app.running.url)
      .post('/graphql')
      .set('Authorization', `Bearer ${CURATOR_KEY}`)
      .send({ query: 'mutation Extract { extractCases(input: { review: "logged review" }) { publications } }' });
    expect(extraction.body.data.extractCases.publications).toBe(10);
    const requestId = extraction.headers['x-request-id'];
    await settle();
    const during = logs.lines.filter((line) => line.requestId === requestId && !isAccessLine(line));
    expect(during.some((line) => line.context === 'ExtractionService' && /^extraction /.test(line.msg ?? ''))).toBe(true);
    expect(accessLinesOf(logs, requestId)).toHaveLength(1);
    expect(accessLinesOf(logs, requestId)[0].graphqlOperation).toBe('Extract');
    const firstTitle = /^TI {2}- (.+)$/m.exec(ris)![1].trim();
    expect(logs.text).not.toContain(firstTitle);
  });

});
