import { connect, Socket } from 'node:net';
import request from 'supertest';
import { CURATOR_KEY, startTestApp, TestApp } from '../support/test-app';

/** Uploads that stall must not take the database from everyone else. */
describe('imports waiting for one another', () => {
  let app: TestApp;
  const sockets: Socket[] = [];

  beforeAll(async () => {
    app = await startTestApp({ SEED_DEMO_DATA: 'false', DATABASE_POOL_SIZE: '3' });
  });

  afterAll(async () => {
    for (const socket of sockets) socket.destroy();
    await app?.close();
  });

  /** An upload that sends its headers and the start of its body, then nothing. */
  const stalledUpload = async (title: string): Promise<void> => {
    const url = new URL(app.running.url);
    const socket = connect(Number(url.port), url.hostname);
    socket.on('error', () => undefined);
    sockets.push(socket);
    socket.write(`POST /imports HTTP/1.1\r\nHost: ${url.host}\r\nAuthorization: Bearer ${CURATOR_KEY}\r\nContent-Type: text/plain\r\nContent-Length: 100000\r\n\r\nTY  - JOUR\nTI  - ${title}\n`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  };

  it('keeps the database pool for reads while more stalled uploads wait than the pool has connections', async () => {
    for (let index = 0; index < 4; index += 1) await stalledUpload(`Stalled upload ${index}`);
    const started = Date.now();
    const read = await request(app.running.url).post('/graphql').timeout(20_000).send({ query: '{ publications { totalCount } }' });
    expect(read.body.errors).toBeUndefined();
    expect(read.body.data.publications.totalCount).toBe(0);
    expect(Date.now() - started).toBeLessThan(10_000); // before: no answer at all while the uploads stalled
    // Once the stalled ones are gone, imports go through again.
    for (const socket of sockets.splice(0)) socket.destroy();
    const next = await request(app.running.url).post('/imports').set('Authorization', `Bearer ${CURATOR_KEY}`).set('Content-Type', 'text/plain').timeout(20_000).send('TY  - JOUR\nTI  - After the stalled uploads\nER  - \n');
    expect(next.status).toBe(200);
    expect(next.body).toMatchObject({ stored: true, created: 1 });
  });
});
