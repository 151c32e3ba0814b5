import { randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, readdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { finished, Readable, Transform } from 'node:stream';
import { ImportTooLargeError } from './import-size-limit';

/** An upload received whole into a temporary file: read it (once), then remove it. */
export interface SpooledUpload {
  readonly path: string;
  readonly bytes: number;
  /** The file as a stream (destroyed by remove() if it is still open). */
  open(): Readable;
  /** Deletes the file; safe to call more than once. */
  remove(): Promise<void>;
}

/** Temporary upload files are named so (a leftover of a killed process is recognisable). */
export const SPOOL_FILE_PREFIX = 'import-upload-';

/** Upload files untouched this long are leftovers of a process that died (none waits a day for the import lock). */
export const STALE_SPOOL_FILE_MS = 24 * 60 * 60 * 1000;

/**
 * Removes upload files left in `dir` by a process killed mid-import: only files with the spool prefix
 * that nobody has written for `olderThanMs` (another process sharing the directory may be receiving or
 * importing one right now). Returns how many were removed; a directory that does not exist has none.
 */
export async function removeStaleUploads(dir: string, olderThanMs = STALE_SPOOL_FILE_MS, now = Date.now()): Promise<number> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    return 0;
  }
  let removed = 0;
  for (const name of names) {
    if (!name.startsWith(SPOOL_FILE_PREFIX)) continue;
    const file = join(dir, name);
    try {
      const info = await stat(file);
      if (!info.isFile() || now - info.mtimeMs < olderThanMs) continue;
      await rm(file, { force: true });
      removed++;
    } catch {
      // gone meanwhile, or not ours to remove: left alone
    }
  }
  return removed;
}

/**
 * Receives a source whole into a new file under `dir`, counting bytes: past `maxBytes` it stops with
 * ImportTooLargeError. Memory stays flat (the stream's backpressure, nothing collected). On any failure
 * (too large, a source that errors or closes before its end, a write error) the file is removed before
 * the promise rejects. The source is never destroyed here: a request refused for its size keeps its
 * socket, and is drained, so it can still be answered.
 */
export async function spoolUpload(source: Readable, options: { dir: string; maxBytes: number; path?: string }): Promise<SpooledUpload> {
  // Watched from the first moment (before any await): a source that fails meanwhile is never an unhandled 'error'.
  // finished() reports a source that errors or closes before its end (a client that goes away) without destroying it.
  let sourceFailed: Error | null = null;
  let onSourceFailed: ((error: Error) => void) | null = null;
  const stopWatching = finished(source, { writable: false }, (error) => {
    if (!error) return;
    sourceFailed = error;
    onSourceFailed?.(error);
  });
  const file = join(options.dir, `${SPOOL_FILE_PREFIX}${randomUUID()}`);
  let bytes = 0;
  try {
    await mkdir(options.dir, { recursive: true });
  } catch (error) {
    stopWatching();
    source.resume();
    throw error;
  }
  const counter = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      bytes += chunk.byteLength;
      if (bytes > options.maxBytes) callback(new ImportTooLargeError(options.maxBytes, options.path ?? 'file'));
      else callback(null, chunk);
    },
  });
  const out = createWriteStream(file, { flags: 'wx', mode: 0o600 });
  const outClosed = new Promise<void>((resolve) => out.once('close', resolve));
  try {
    await new Promise<void>((resolve, reject) => {
      let done = false;
      const settle = (error?: Error | null) => {
        if (done) return;
        done = true;
        stopWatching();
        if (!error) {
          resolve();
          return;
        }
        source.unpipe(counter);
        counter.destroy();
        out.destroy();
        // The rest of a request body is read and dropped (not destroyed: the refusal still has to be answered).
        if (!source.destroyed) source.resume();
        reject(error);
      };
      if (sourceFailed) {
        settle(sourceFailed);
        return;
      }
      onSourceFailed = settle;
      counter.on('error', settle);
      out.on('error', settle);
      out.on('finish', () => settle());
      source.pipe(counter).pipe(out);
    });
    await outClosed;
  } catch (error) {
    await outClosed;
    await rm(file, { force: true });
    throw error;
  }
  let reader: Readable | null = null;
  return {
    path: file,
    bytes,
    open() {
      reader = createReadStream(file);
      return reader;
    },
    async remove() {
      if (reader && !reader.destroyed) {
        const closed = new Promise((resolve) => reader!.once('close', resolve));
        reader.destroy();
        await closed;
      }
      await rm(file, { force: true });
    },
  };
}
