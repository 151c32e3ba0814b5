import { byteChunks, collect, streamOf } from './testing/fixtures';
import { StreamingTextDecoder, decodeBytes, decodeText, decodeWindows1252, normaliseNewlines } from './text-decoding';
import { readLines } from './text-lines';

async function decodeAll(...chunks: Array<string | Buffer>): Promise<string> {
  return (await collect(decodeText(streamOf(...chunks)))).join('');
}

describe('decodeText', () => {
  it('decodes UTF-8 and removes a byte order mark', async () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('TY  - JOUR\nTI  - Černý café\n', 'utf8')]);
    expect(await decodeAll(bytes)).toBe('TY  - JOUR\nTI  - Černý café\n');
  });

  it('keeps multi-byte characters that are cut across chunks', async () => {
    const text = 'Müller – Černý 🦕 β-agonist';
    for (const size of [1, 2, 3, 5]) {
      expect((await collect(decodeText(byteChunks(text, size)))).join('')).toBe(text);
    }
  });

  it('removes a byte order mark split over two chunks', async () => {
    expect(await decodeAll(Buffer.from([0xef]), Buffer.from([0xbb, 0xbf, 0x41]))).toBe('A');
  });

  it('falls back to Windows-1252 when the bytes are not UTF-8 (Latin-1 export)', async () => {
    // "Müller, José – Ærø" written by a Latin-1 / Windows-1252 exporter
    const latin1 = Buffer.from([0x4d, 0xfc, 0x6c, 0x6c, 0x65, 0x72, 0x2c, 0x20, 0x4a, 0x6f, 0x73, 0xe9, 0x20, 0x96, 0x20, 0xc6, 0x72, 0xf8]);
    expect(await decodeAll(latin1)).toBe('Müller, José – Ærø');
    expect(decodeBytes(latin1)).toBe('Müller, José – Ærø');
  });

  it('switches to Windows-1252 at the first chunk that is not UTF-8', async () => {
    const decoder = new StreamingTextDecoder();
    expect(decoder.write(Buffer.from('plain ascii, '))).toBe('plain ascii, ');
    expect(decoder.encoding).toBe('utf-8');
    expect(decoder.write(Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x21]))).toBe('café!');
    expect(decoder.encoding).toBe('windows-1252');
    expect(decoder.write(Buffer.from([0x80]))).toBe('€');
    expect(decoder.end()).toBe('');
  });

  it('reads a UTF-8 file holding a few Windows-1252 bytes (records pasted from a Latin-1 export) as UTF-8 where it is, byte by byte elsewhere', async () => {
    // The whole rest of the file, from the chunk holding the first such byte, was read as Windows-1252:
    // every UTF-8 character before and after it became mojibake ("CafÃ©", "MÃ¼ller â€“"), without a word.
    const mixed = Buffer.concat([Buffer.from('TI  - Café first\n'), Buffer.from([0x54, 0x49, 0x20, 0x20, 0x2d, 0x20, 0x4c, 0x61, 0x74, 0x69, 0x6e, 0x20, 0xe9, 0x20, 0x96, 0x0a]), Buffer.from('TI  - Müller – Černý 🦕\n')]);
    const expected = 'TI  - Café first\nTI  - Latin é –\nTI  - Müller – Černý 🦕\n';
    expect(decodeBytes(mixed)).toBe(expected);
    for (const size of [1, 2, 3, 7, 64]) {
      const chunks = [];
      for (let i = 0; i < mixed.length; i += size) chunks.push(mixed.subarray(i, i + size));
      expect(await decodeAll(...chunks)).toBe(expected);
    }
    // Invalid UTF-8 forms are single bytes, each read as Windows-1252: overlong "/", a surrogate, past U+10FFFF, a lead byte cut short.
    expect(decodeBytes(Buffer.from([0xc0, 0xaf, 0x20, 0xed, 0xa0, 0x80, 0x20, 0xf4, 0x90, 0x80, 0x80, 0x20, 0xe2, 0x82]))).toBe('À¯ í\u00a0€ ô\u0090€€ â‚');
  });

  it('maps the Windows-1252 range 0x80-0x9F, which Latin-1 leaves as control characters', () => {
    expect(decodeWindows1252(Buffer.from([0x80, 0x93, 0x94, 0x99, 0x8a]))).toBe('€“”™Š');
  });

  it('decodes UTF-16 files recognised by their byte order mark', async () => {
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('TY  - JOUR\nER  - \n', 'utf16le')]);
    expect(await decodeAll(utf16)).toBe('TY  - JOUR\nER  - \n');
  });

  it('passes text chunks through, without their byte order mark', async () => {
    expect(await decodeAll('\ufeffabc', 'def')).toBe('abcdef');
  });

  it('handles a file shorter than a byte order mark', async () => {
    expect(await decodeAll(Buffer.from('a'))).toBe('a');
    expect(await decodeAll()).toBe('');
  });
});

describe('normaliseNewlines and readLines', () => {
  it('rewrites CRLF and CR, also when CRLF is split between chunks', async () => {
    const out = await collect(normaliseNewlines(streamOf('a\r', '\nb\r\nc\rd\r')));
    expect(out.join('')).toBe('a\nb\nc\nd\n');
  });

  it('numbers lines from 1 across chunks and line-end styles', async () => {
    const lines = await collect(readLines(streamOf('PMID- 1\r\nTI  - a', ' title\r', '\n\r\nPMID- 2'), 'MEDLINE'));
    expect(lines).toEqual([
      { text: 'PMID- 1', number: 1 },
      { text: 'TI  - a title', number: 2 },
      { text: '', number: 3 },
      { text: 'PMID- 2', number: 4 },
    ]);
  });

  it('refuses a line longer than the limit instead of buffering it', async () => {
    await expect(collect(readLines(streamOf('x'.repeat(50), 'y'.repeat(50)), 'RIS', 60))).rejects.toThrow(/longer than 60 characters/);
  });
});
