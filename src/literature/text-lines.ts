import { ImportFormatError } from './parsed-publication';
import { decodeText, normaliseNewlines } from './text-decoding';
import type { TextSource } from './parsed-publication';

export interface TextLine {
  /** The line without its line end. */
  text: string;
  /** 1-based. */
  number: number;
}

/** No real bibliographic line comes close; a longer one means a binary or broken file. */
export const MAX_LINE_LENGTH = 16 * 1024 * 1024;

/** Decodes and splits a source into lines (LF, CRLF or CR), holding at most one line in memory. */
export async function* readLines(source: TextSource, format: string, maxLineLength = MAX_LINE_LENGTH): AsyncGenerator<TextLine> {
  let partial = '';
  let number = 0;
  for await (const chunk of normaliseNewlines(decodeText(source))) {
    let start = 0;
    for (;;) {
      const end = chunk.indexOf('\n', start);
      if (end < 0) break;
      const text = partial + chunk.slice(start, end);
      partial = '';
      number += 1;
      yield { text, number };
      start = end + 1;
    }
    partial += chunk.slice(start);
    if (partial.length > maxLineLength) {
      throw new ImportFormatError(`${format}: line ${number + 1} is longer than ${maxLineLength} characters; this is not a ${format} file`, null, number + 1, null);
    }
  }
  if (partial.length > 0) {
    number += 1;
    yield { text: partial, number };
  }
}
