/**
 * Turns the bytes of an uploaded export into text, chunk by chunk.
 *
 * - A UTF-8 byte order mark is removed; UTF-16 files are recognised by their byte order mark.
 * - Otherwise the bytes are read as UTF-8, and a byte that is not part of a well-formed UTF-8 sequence
 *   (an export saved as Latin-1 / Windows-1252, as older EndNote and Excel versions do, or a record pasted
 *   from one into a UTF-8 file) is read as Windows-1252, which maps every byte to a character. A Latin-1
 *   file is decoded correctly as a whole (its accented letters are never well-formed UTF-8 sequences in
 *   practice), and the UTF-8 text of a mixed file stays what it is: reading the whole rest of the file as
 *   Windows-1252 from the first such byte turned every later "é" into "Ã©" without a word.
 * - Line ends (CRLF, CR) can be normalised to LF with `normaliseNewlines`.
 *
 * Nothing here holds more than one chunk (plus at most three bytes of an incomplete character).
 */
import { endianness } from 'node:os';
import type { TextSource } from './parsed-publication';

export type TextEncodingName = 'utf-8' | 'windows-1252' | 'utf-16le' | 'utf-16be';

function toBytes(chunk: Buffer | Uint8Array): Uint8Array {
  return chunk instanceof Uint8Array ? chunk : new Uint8Array(chunk);
}

function concatBytes(a: Uint8Array, b: Uint8Array): Uint8Array {
  if (a.length === 0) return b;
  if (b.length === 0) return a;
  const out = new Uint8Array(a.length + b.length);
  out.set(a, 0);
  out.set(b, a.length);
  return out;
}

/** Index up to which `bytes` holds only whole UTF-8 sequences (an incomplete one at the end stays out). */
function completeUtf8Length(bytes: Uint8Array): number {
  const end = bytes.length;
  for (let back = 1; back <= Math.min(3, end); back++) {
    const byte = bytes[end - back];
    if ((byte & 0xc0) === 0x80) continue; // continuation byte: keep looking for the lead byte
    let needed = 1;
    if ((byte & 0xe0) === 0xc0) needed = 2;
    else if ((byte & 0xf0) === 0xe0) needed = 3;
    else if ((byte & 0xf8) === 0xf0) needed = 4;
    return needed > back ? end - back : end;
  }
  return end;
}

/** Windows-1252 code points for bytes 0x80-0x9F (0 = unassigned, kept as the C1 control). */
const CP1252_HIGH = [
  0x20ac, 0, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017d, 0,
  0, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0, 0x017e, 0x0178,
];

/**
 * Windows-1252, written out because Node's TextDecoder('windows-1252') decodes as ISO-8859-1
 * (0x80 would become U+0080 instead of the euro sign).
 */
export function decodeWindows1252(bytes: Uint8Array): string {
  const latin1 = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  return latin1.replace(/[\u0080-\u009f]/g, (char) => {
    const mapped = CP1252_HIGH[char.charCodeAt(0) - 0x80];
    return mapped ? String.fromCharCode(mapped) : char;
  });
}

/** Length of the well-formed UTF-8 sequence starting at `at` (Unicode's table 3-7: no overlong forms, surrogates or code points past U+10FFFF), or 0. */
function utf8SequenceLength(bytes: Uint8Array, at: number): number {
  const lead = bytes[at];
  let length: number;
  let low = 0x80;
  let high = 0xbf;
  if (lead >= 0xc2 && lead <= 0xdf) length = 2;
  else if (lead >= 0xe0 && lead <= 0xef) {
    length = 3;
    if (lead === 0xe0) low = 0xa0;
    else if (lead === 0xed) high = 0x9f;
  } else if (lead >= 0xf0 && lead <= 0xf4) {
    length = 4;
    if (lead === 0xf0) low = 0x90;
    else if (lead === 0xf4) high = 0x8f;
  } else return 0;
  if (at + length > bytes.length || bytes[at + 1] < low || bytes[at + 1] > high) return 0;
  for (let k = 2; k < length; k++) if (bytes[at + k] < 0x80 || bytes[at + k] > 0xbf) return 0;
  return length;
}

const LITTLE_ENDIAN = endianness() === 'LE';

/** The Windows-1252 character of a byte, as a UTF-16 code unit. */
const windows1252Unit = (byte: number): number => (byte >= 0x80 && byte <= 0x9f ? CP1252_HIGH[byte - 0x80] || byte : byte);

/**
 * UTF-8 where the bytes are well-formed UTF-8, each other byte as Windows-1252 (the slow path, for chunks that are not
 * UTF-8 throughout). Written into UTF-16 code units and decoded once: a Latin-1 file has an accented letter every few bytes.
 */
export function decodeUtf8OrWindows1252(bytes: Uint8Array): string {
  const units = new Uint16Array(bytes.length);
  let out = 0;
  let at = 0;
  while (at < bytes.length) {
    const byte = bytes[at];
    const length = byte < 0x80 ? 1 : utf8SequenceLength(bytes, at);
    if (length === 1) units[out++] = byte;
    else if (length === 0) units[out++] = windows1252Unit(byte);
    else {
      let codePoint = byte & (length === 2 ? 0x1f : length === 3 ? 0x0f : 0x07);
      for (let k = 1; k < length; k++) codePoint = (codePoint << 6) | (bytes[at + k] & 0x3f);
      if (codePoint > 0xffff) {
        codePoint -= 0x10000;
        units[out++] = 0xd800 + (codePoint >> 10);
        units[out++] = 0xdc00 + (codePoint & 0x3ff);
      } else units[out++] = codePoint;
    }
    at += length || 1;
  }
  // Buffer's UTF-16 decoding is several times faster than TextDecoder's here; the code units are in the machine's byte order.
  const text = Buffer.from(units.buffer, 0, out * 2);
  return (LITTLE_ENDIAN ? text : text.swap16()).toString('utf16le');
}

/**
 * Streaming decoder: feed byte chunks, get text back. `encoding` reports what the bytes turned out
 * to be: 'utf-8' until a byte is read as Windows-1252, 'windows-1252' from then on (the rest of the bytes are still read as UTF-8 where they are).
 */
export class StreamingTextDecoder {
  private started = false;
  private pending: Uint8Array = new Uint8Array(0);
  private mode: TextEncodingName = 'utf-8';
  private readonly utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  private utf16: TextDecoder | null = null;

  get encoding(): TextEncodingName {
    return this.mode;
  }

  write(chunk: Buffer | Uint8Array | string): string {
    if (typeof chunk === 'string') {
      const text = this.started ? chunk : chunk.replace(/^\ufeff/, '');
      if (chunk.length > 0) this.started = true;
      return text;
    }
    let bytes = concatBytes(this.pending, toBytes(chunk));
    this.pending = new Uint8Array(0);
    if (!this.started) {
      if (bytes.length < 3) {
        this.pending = bytes; // too short to see a byte order mark yet
        return '';
      }
      this.started = true;
      if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
        bytes = bytes.subarray(3);
      } else if (bytes[0] === 0xff && bytes[1] === 0xfe) {
        this.mode = 'utf-16le';
        this.utf16 = new TextDecoder('utf-16le', { ignoreBOM: false });
      } else if (bytes[0] === 0xfe && bytes[1] === 0xff) {
        this.mode = 'utf-16be';
        this.utf16 = new TextDecoder('utf-16be', { ignoreBOM: false });
      }
    }
    return this.decode(bytes, false);
  }

  /** Flushes what is left at the end of the input. */
  end(): string {
    if (!this.started) {
      this.started = true;
      const bytes = this.pending;
      this.pending = new Uint8Array(0);
      if (bytes.length === 0) return '';
      const withoutBom = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
      return this.decode(withoutBom, true);
    }
    const bytes = this.pending;
    this.pending = new Uint8Array(0);
    return this.decode(bytes, true);
  }

  private decode(bytes: Uint8Array, final: boolean): string {
    if (this.utf16) return this.utf16.decode(bytes, { stream: !final });
    const cut = final ? bytes.length : completeUtf8Length(bytes);
    const whole = bytes.subarray(0, cut);
    this.pending = bytes.slice(cut);
    try {
      return this.utf8.decode(whole);
    } catch {
      // Not UTF-8 throughout: well-formed sequences stay UTF-8, every other byte is read as Windows-1252.
      this.mode = 'windows-1252';
      return decodeUtf8OrWindows1252(whole);
    }
  }
}

/** Decodes a byte (or text) stream into text chunks; see the module comment for the rules. */
export async function* decodeText(source: TextSource): AsyncGenerator<string> {
  const decoder = new StreamingTextDecoder();
  for await (const chunk of source) {
    const text = withoutNul(decoder.write(chunk as Buffer | Uint8Array | string));
    if (text.length > 0) yield text;
  }
  const rest = withoutNul(decoder.end());
  if (rest.length > 0) yield rest;
}

/** PostgreSQL cannot store U+0000 in text and no export format gives it a meaning: it is dropped from imported files. */
function withoutNul(text: string): string {
  return text.includes('\u0000') ? text.replace(/\u0000/g, '') : text;
}

/** Decodes a whole buffer with the same rules as `decodeText`. */
export function decodeBytes(bytes: Buffer | Uint8Array): string {
  const decoder = new StreamingTextDecoder();
  return decoder.write(bytes) + decoder.end();
}

/** Rewrites CRLF and lone CR line ends as LF, also when a CRLF is split across two chunks. */
export async function* normaliseNewlines(source: AsyncIterable<string>): AsyncGenerator<string> {
  let carriageReturnPending = false;
  for await (const chunk of source) {
    if (chunk.length === 0) continue;
    let text = chunk;
    if (carriageReturnPending) {
      // a CR at the end of the previous chunk: part of a CRLF pair, or a line end of its own
      if (!text.startsWith('\n')) text = `\n${text}`;
      carriageReturnPending = false;
    }
    if (text.endsWith('\r')) {
      carriageReturnPending = true;
      text = text.slice(0, -1);
    }
    text = text.replace(/\r\n?/g, '\n');
    if (text.length > 0) yield text;
  }
  if (carriageReturnPending) yield '\n';
}
