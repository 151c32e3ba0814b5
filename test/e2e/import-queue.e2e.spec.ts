import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { connect, Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { waitFor } from '../support/child-process';
import { CURATOR_KEY, startTestApp, TestApp } from '../support/test-app';

/** Uploads that stall must not take the database from everyone else. */
describe('imports waiting for one another', () => {
  let app: TestApp;
  let spoolDir: string;
  const sockets: Socket[] = [];

  beforeAll(async () => {
    spoolDir = await mkdtemp(join(tmpdir(), 'import-queue-test-'));
    app = await startTestApp({ SEED_DEMO_DATA: 'false', DATABASE_POOL_SIZE: '3', IMPORT_SPOOL_DIR: spoolDir });
  });

  afterAll(async () => {
    for (const socket of sockets) socket.destroy();
    await app?.close();
    await rm(spoolDir, { recursive: true, force: true });
  });

  /** An upload that sends its headers and the start of its body, then nothing. */
  const stalledUpload = async (title: string): Promise<void> => {
    const url = new URL(app.running.url);
    const socket = connect(Number(url.port), url.hostname);
    socket.on('error', () => undefined);
    sockets.push(socket);
    const receiving = sockets.length;
    socket.write(`POST /imports HTTP/1.1\r\nHost: ${url.host}\r\nAuthorization: Bearer ${CURATOR_KEY}\r\nContent-Type: text/plain\r\nContent-Length: 100000\r\n\r\nTY  - JOUR\nTI  - ${title}\n`);
    // The server has the upload in hand once it is receiving it into a temporary file.
    await waitFor(`upload "${title}" to be received`, async () => (await readdir(spoolDir)).length >= receiving, { timeoutMs: 30_000 });
  };

  it('keeps the database pool for reads while more stalled uploads wait than the pool has connections', async () => {
    for (let index = 0; index < 4; index += 1) await stalledUpload(`Stalled upload ${index}`);
    // Before: no answer at all while the uploads stalled (the request timed out).
    const read = await request(app.running.url).post('/graphql').timeout(20_000).send({ query: '{ publications { totalCount } }' });
    expect(read.body.errors).toBeUndefined();
    expect(read.body.data.publications.totalCount).toBe(0);
    // Once the stalled ones are gone, imports go through again.
    for (const socket of sockets.splice(0)) socket.destroy();
    const next = await request(app.running.url).post('/imports').set('Authorization', `Bearer ${CURATOR_KEY}`).set('Content-Type', 'text/plain').timeout(20_000).send('TY  - JOUR\nTI  - After the stalled uploads\nER  - \n');
    expect(next.status).toBe(200);
    expect(next.body).toMatchObject({ stored: true, created: 1 });
  });
});
