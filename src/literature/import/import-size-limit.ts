import { BadUserInputError } from '../../common/errors/domain-error';
import type { TextSource } from '../parsed-publication';

/** An import larger than IMPORT_MAX_BYTES; a 4xx-style error (HTTP 413 on the upload endpoint). */
export class ImportTooLargeError extends BadUserInputError {
  constructor(readonly maxBytes: number, path = 'file') {
    super([{ path, message: `is larger than the import limit of ${maxBytes} bytes (${(maxBytes / 1024 / 1024).toFixed(1)} MB; set IMPORT_MAX_BYTES to change it)` }]);
  }
}

/** Passes the source through, counting bytes: reports progress and stops with ImportTooLargeError past the limit. */
export async function* limitBytes(source: TextSource, maxBytes: number, onProgress?: (bytesRead: number) => void, path = 'file'): AsyncGenerator<string | Buffer | Uint8Array> {
  let total = 0;
  for await (const chunk of source) {
    total += typeof chunk === 'string' ? Buffer.byteLength(chunk, 'utf8') : chunk.byteLength;
    if (total > maxBytes) throw new ImportTooLargeError(maxBytes, path);
    onProgress?.(total);
    yield chunk;
  }
}
