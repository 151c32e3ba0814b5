/**
 * The one entry point of the literature parsers: decodes the bytes, recognises the format (unless
 * given) and streams the records of the matching parser.
 */
import { detectFormat, DETECTION_HEAD_LENGTH } from './detect-format';
import { parseBibtex } from './formats/bibtex.parser';
import { parseCslJson } from './formats/csl-json.parser';
import { parseCsv } from './formats/csv.parser';
import { parseEndnoteXml } from './formats/endnote-xml.parser';
import { parseJsonLines } from './formats/jsonl.parser';
import { parseMedline } from './formats/medline.parser';
import { parseOvid } from './formats/ovid.parser';
import { parsePubmedXml } from './formats/pubmed-xml.parser';
import { parseRis } from './formats/ris.parser';
import { parseWosTagged } from './formats/wos-tagged.parser';
import type { ImportFormat, ParsedRecord, ParserOptions, TextSource } from './parsed-publication';
import { decodeText } from './text-decoding';
import { composeRecordText } from './composed-record';
import { stripRecordControlCharacters } from './value-notes';
import { withoutAbstractLabels } from './abstract-labels';

export type FormatParser = (source: TextSource, options?: ParserOptions) => AsyncGenerator<ParsedRecord>;

export const FORMAT_PARSERS: Readonly<Record<ImportFormat, FormatParser>> = {
  'pubmed-xml': parsePubmedXml,
  medline: parseMedline,
  ris: parseRis,
  bibtex: parseBibtex,
  csv: parseCsv,
  wos: parseWosTagged,
  'endnote-xml': parseEndnoteXml,
  'csl-json': parseCslJson,
  jsonl: parseJsonLines,
  ovid: parseOvid,
};

export interface ParsePublicationsOptions extends ParserOptions {
  /** Skip detection and use this format. */
  format?: ImportFormat;
  /** Used as a hint by detection and in error messages. */
  fileName?: string;
  /** Told the format (given or detected) before the first record is parsed. */
  onFormat?: (format: ImportFormat) => void;
}

/**
 * Streams the records of an export file (a Node Readable or any async iterable of bytes/text).
 * Throws ImportFormatError for an unrecognised format or a malformed record; records before the
 * malformed one have already been yielded by then.
 */
export async function* parsePublications(input: TextSource, options: ParsePublicationsOptions = {}): AsyncGenerator<ParsedRecord> {
  const text = decodeText(input);
  try {
    const head: string[] = [];
    let headLength = 0;
    let finished = false;
    while (headLength < DETECTION_HEAD_LENGTH) {
      const next = await text.next();
      if (next.done) {
        finished = true;
        break;
      }
      head.push(next.value);
      headLength += next.value.length;
    }
    const format = options.format ?? detectFormat(head.join(''), options.fileName, options.columns);
    options.onFormat?.(format);

    async function* replay(): AsyncGenerator<string> {
      yield* head;
      if (!finished) yield* text;
    }
    // Every format's records lose their invisible control characters here, each removal noted (value-notes.ts),
    // have their text composed (composed-record.ts) and their abstract freed of the databases' labels (abstract-labels.ts).
    for await (const record of FORMAT_PARSERS[format](replay(), { onRecordError: options.onRecordError, columns: options.columns })) {
      yield withoutAbstractLabels(composeRecordText(stripRecordControlCharacters(record)));
    }
  } finally {
    // Stopping early (or failing) releases the input stream too.
    await text.return(undefined);
  }
}
