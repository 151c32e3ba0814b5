import { mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { connect, Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { waitFor } from '../support/child-process';
import { CURATOR_KEY, startTestApp, TestApp } from '../support/test-app';

const RIS = (title: string) => `TY  - JOUR\nTI  - ${title}\nPY  - 2021\nER  - \n`;

/** A slow client: an upload whose bytes the test sends when it likes, the socket held open meanwhile. */
interface HeldUpload {
  socket: Socket;
  /** Everything the server answered, once the socket closes or the answer is complete. */
  answer(): string;
  closed: Promise<void>;
}

/**
 * A client that sends its upload slowly must not hold the import queue: the upload is received whole (into
 * IMPORT_SPOOL_DIR) before the import queues for the lock, and its temporary file is removed in every outcome.
 */
describe('POST /imports from a slow client', () => {
  let app: TestApp;
  let spoolDir: string;
  const sockets: Socket[] = [];

  beforeAll(async () => {
    spoolDir = await mkdtemp(join(tmpdir(), 'import-spool-test-'));
    app = await startTestApp({ SEED_DEMO_DATA: 'false', IMPORT_SPOOL_DIR: spoolDir, IMPORT_MAX_BYTES: '65536' });
  });

  afterAll(async () => {
    for (const socket of sockets) socket.destroy();
    await app?.close();
    await rm(spoolDir, { recursive: true, force: true });
  });

  const spoolFiles = () => readdir(spoolDir);
  const titles = async () => ((await app.graphql<any>('{ publications(first: 100) { edges { node { title } } } }')).data.publications.edges as { node: { title: string } }[]).map((edge) => edge.node.title).sort();

  function hold(head: string, firstPart: string): HeldUpload {
    const url = new URL(app.running.url);
    const socket = connect(Number(url.port), url.hostname);
    sockets.push(socket);
    let answer = '';
    socket.on('data', (chunk) => (answer += chunk.toString()));
    socket.on('error', () => undefined);
    const closed = new Promise<void>((resolve) => socket.on('close', () => resolve()));
    socket.write(`POST ${head}Host: ${url.host}\r\nAuthorization: Bearer ${CURATOR_KEY}\r\nConnection: close\r\n`);
    socket.write(firstPart);
    return { socket, answer: () => answer, closed };
  }

  /** The part sent so far has arrived: the one spool file holds that many bytes. */
  const received = (bytes: number) =>
    waitFor(`the slow upload's first ${bytes} bytes to arrive in the spool directory`, async () => {
      const files = await spoolFiles();
      if (files.length !== 1) return undefined;
      const size = (await stat(join(spoolDir, files[0])).catch(() => null))?.size ?? 0;
      return size >= bytes ? files[0] : undefined;
    });

  const quickImport = (title: string) => request(app.running.url).post('/imports?format=ris').set('Authorization', `Bearer ${CURATOR_KEY}`).set('Content-Type', 'text/plain').timeout(20_000).send(RIS(title));

  it('imports another file while a raw-body upload is paused half-way, then the slow one when it is complete', async () => {
    const body = RIS('The slow upload') + RIS('The slow upload, second record');
    const half = body.slice(0, 30);
    const slow = hold(`/imports?format=ris&fileName=slow.ris HTTP/1.1\r\nContent-Type: text/plain\r\nContent-Length: ${Buffer.byteLength(body)}\r\n`, `\r\n${half}`);
    await received(Buffer.byteLength(half));

    // Before: this import waited for the slow one's lock (until the request timeout).
    const quick = await quickImport('Imported while the other upload is paused');
    expect(quick.status).toBe(200);
    expect(quick.body).toMatchObject({ stored: true, created: 1 });
    expect(await titles()).toEqual(['Imported while the other upload is paused']);
    expect(slow.answer()).toBe(''); // the slow one is still incomplete, its socket open
    expect(slow.socket.destroyed).toBe(false);

    slow.socket.write(body.slice(30));
    await slow.closed;
    expect(slow.answer()).toMatch(/^HTTP\/1\.1 200 /);
    expect(JSON.parse(slow.answer().slice(slow.answer().indexOf('\r\n\r\n') + 4))).toMatchObject({ stored: true, created: 2, source: 'slow.ris' });
    expect(await titles()).toEqual(['Imported while the other upload is paused', 'The slow upload', 'The slow upload, second record']);
    expect(await spoolFiles()).toEqual([]);
  });

  it('imports another file while a multipart upload is paused, and leaves nothing behind when the slow client goes away', async () => {
    const boundary = 'SLOWBOUNDARY';
    const part = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="gone.ris"\r\nContent-Type: text/plain\r\n\r\n${RIS('The abandoned upload')}`;
    const slow = hold(`/imports HTTP/1.1\r\nContent-Type: multipart/form-data; boundary=${boundary}\r\nContent-Length: 100000\r\n`, `\r\n${part}`);
    // busboy holds back the tail of a part until it knows the boundary is not there: wait for most of it.
    await received(20);

    const quick = await quickImport('Imported while a multipart upload is paused');
    expect(quick.status).toBe(200);
    expect(slow.answer()).toBe('');

    slow.socket.destroy();
    await waitFor('the abandoned upload\'s temporary file to be removed', async () => (await spoolFiles()).length === 0);
    expect(await titles()).not.toContain('The abandoned upload');
    expect(await titles()).toContain('Imported while a multipart upload is paused');
 
    // The same for a raw-body upload.
    const raw = hold(`/imports?format=ris HTTP/1.1\r\nContent-Type: text/plain\r\nContent-Length: 100000\r\n`, `\r\n${RIS('The abandoned raw upload')}`);
    await received(10);
    raw.socket.destroy();
    await waitFor('the abandoned raw upload\'s temporary file to be removed', async () => (await spoolFiles()).length === 0);
    expect(await titles()).not.toContain('The abandoned raw upload');
  });

  it('removes the temporary file of a refused upload: over the size limit, truncated, two file parts', async () => {
    const big = await request(app.running.url).post('/imports').set('Authorization', `Bearer ${CURATOR_KEY}`).set('Content-Type', 'text/plain').send(RIS('x'.repeat(70_000)));
    expect(big.status).toBe(413);
    expect(big.body.error.fieldErrors[0]).toMatchObject({ path: 'file', message: expect.stringMatching(/larger than the import limit of 65536 bytes/) });

    const twoFiles = await request(app.running.url).post('/imports').set('Authorization', `Bearer ${CURATOR_KEY}`).attach('file', Buffer.from(RIS('First of two')), 'one.ris').attach('file2', Buffer.from(RIS('Second of two')), 'two.ris');
    expect(twoFiles.status).toBe(400);
    expect(twoFiles.body.error.fieldErrors).toEqual([{ path: 'file', message: 'upload one file per request' }]);

    const boundary = 'CUTBOUNDARY';
    const cut = hold(`/imports HTTP/1.1\r\nContent-Type: multipart/form-data; boundary=${boundary}\r\n`, '');
    const part = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="cut.ris"\r\nContent-Type: text/plain\r\n\r\n${RIS('A truncated upload')}`;
    cut.socket.write(`Content-Length: ${Buffer.byteLength(part)}\r\n\r\n${part}`);
    await cut.closed;
    expect(cut.answer()).toMatch(/^HTTP\/1\.1 400 /);
    expect(cut.answer()).toMatch(/Unexpected end of form/);

    await waitFor('every temporary upload file to be removed', async () => (await spoolFiles()).length === 0);
    expect(await titles()).not.toEqual(expect.arrayContaining(['First of two']));
    expect(await titles()).not.toContain('A truncated upload');
  });
});
