import { mkdtemp, readdir, readFile, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { ImportTooLargeError } from './import-size-limit';
import { removeStaleUploads, SPOOL_FILE_PREFIX, spoolUpload, STALE_SPOOL_FILE_MS } from './upload-spool';

describe('spoolUpload', () => {
  let dir: string;

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'spool-spec-'));
  });

  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('receives the source whole into one file, read back by open() and deleted by remove()', async () => {
    const upload = await spoolUpload(Readable.from([Buffer.from('TY  - JOUR\n'), Buffer.from('ER  - \n')]), { dir, maxBytes: 1024 });
    expect(upload.bytes).toBe(18);
    expect(await readdir(dir)).toHaveLength(1);
    expect(await readFile(upload.path, 'utf8')).toBe('TY  - JOUR\nER  - \n');
    const chunks: Buffer[] = [];
    for await (const chunk of upload.open()) chunks.push(chunk as Buffer);
    expect(Buffer.concat(chunks).toString('utf8')).toBe('TY  - JOUR\nER  - \n');
    await upload.remove();
    await upload.remove();
    expect(await readdir(dir)).toEqual([]);
  });

  it('stops past the limit with ImportTooLargeError naming the path, leaving no file, and drains the source without destroying it', async () => {
    const source = new PassThrough();
    const spooled = spoolUpload(source, { dir, maxBytes: 10, path: 'upload' });
    source.write('0123456789');
    source.write('abc');
    await expect(spooled).rejects.toBeInstanceOf(ImportTooLargeError);
    await expect(spooled).rejects.toMatchObject({ fieldErrors: [{ path: 'upload' }] });
    expect(await readdir(dir)).toEqual([]);
    expect(source.destroyed).toBe(false);
    expect(source.readableFlowing).toBe(true);
  });

  it('leaves no file when the source fails or closes before its end (a client that goes away)', async () => {
    const failing = new PassThrough();
    const failed = spoolUpload(failing, { dir, maxBytes: 1024 });
    failing.write('part of a file');
    failing.destroy(new Error('aborted'));
    await expect(failed).rejects.toThrow('aborted');
    const closing = new PassThrough();
    const closed = spoolUpload(closing, { dir, maxBytes: 1024 });
    closing.write('part of a file');
    closing.destroy();
    await expect(closed).rejects.toMatchObject({ code: 'ERR_STREAM_PREMATURE_CLOSE' });
    expect(await readdir(dir)).toEqual([]);
  });

  it('creates the directory when it is missing', async () => {
    const upload = await spoolUpload(Readable.from(['x']), { dir: join(dir, 'a', 'b'), maxBytes: 1024 });
    expect(await readdir(join(dir, 'a', 'b'))).toHaveLength(1);
    await upload.remove();
  });
});

describe('removeStaleUploads', () => {
  it('removes only upload files nobody has written for a day, leaving fresh ones and other files alone', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'spool-stale-'));
    try {
      const dayAndMinuteAgo = (Date.now() - STALE_SPOOL_FILE_MS - 60_000) / 1000;
      await writeFile(join(dir, `${SPOOL_FILE_PREFIX}left-by-a-killed-process`), 'TY  - JOUR\n');
      await utimes(join(dir, `${SPOOL_FILE_PREFIX}left-by-a-killed-process`), dayAndMinuteAgo, dayAndMinuteAgo);
      await writeFile(join(dir, `${SPOOL_FILE_PREFIX}being-received`), 'TY  - JOUR\n');
      await writeFile(join(dir, 'someone-elses-file'), 'x');
      await utimes(join(dir, 'someone-elses-file'), dayAndMinuteAgo, dayAndMinuteAgo);
      expect(await removeStaleUploads(dir)).toBe(1);
      expect((await readdir(dir)).sort()).toEqual([`${SPOOL_FILE_PREFIX}being-received`, 'someone-elses-file']);
      expect(await removeStaleUploads(join(dir, 'does-not-exist'))).toBe(0);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
