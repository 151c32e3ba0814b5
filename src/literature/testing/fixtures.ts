/**
 * Helpers for the literature parser specs (kept free of jest globals so the build can compile them).
 * Fixtures are the project's own copies under test/fixtures/literature.
 */
import { createReadStream, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { ImportFormatError } from '../parsed-publication';

export const LITERATURE_FIXTURES = join(__dirname, '..', '..', '..', 'test', 'fixtures', 'literature');

export function fixturePath(relative: string): string {
  return join(LITERATURE_FIXTURES, relative);
}

/** A file stream; a small highWaterMark cuts the file into many chunks (to exercise chunk boundaries). */
export function fixtureStream(relative: string, highWaterMark?: number): Readable {
  return createReadStream(fixturePath(relative), highWaterMark ? { highWaterMark } : undefined);
}

export function fixtureText(relative: string): string {
  return readFileSync(fixturePath(relative), 'utf8');
}

export function fixtureBytes(relative: string): Buffer {
  return readFileSync(fixturePath(relative));
}

/** A Readable that emits exactly these chunks. */
export function streamOf(...chunks: Array<string | Buffer>): Readable {
  return Readable.from(chunks);
}

/** Splits a text into chunks of `size` bytes (UTF-8), which may cut characters in half. */
export function byteChunks(text: string | Buffer, size: number): Readable {
  const bytes = typeof text === 'string' ? Buffer.from(text, 'utf8') : text;
  const chunks: Buffer[] = [];
  for (let i = 0; i < bytes.length; i += size) chunks.push(bytes.subarray(i, i + size));
  return Readable.from(chunks);
}

export async function collect<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of iterable) out.push(item);
  return out;
}

/** Runs the iterable to its end and returns the ImportFormatError it throws (or throws itself if it does not). */
export async function importError<T>(iterable: AsyncIterable<T>): Promise<ImportFormatError & { yielded: T[] }> {
  const yielded: T[] = [];
  try {
    for await (const item of iterable) yielded.push(item);
  } catch (error) {
    if (error instanceof ImportFormatError) return Object.assign(error, { yielded });
    throw error;
  }
  throw new Error(`expected an ImportFormatError, but ${yielded.length} records were parsed without one`);
}
