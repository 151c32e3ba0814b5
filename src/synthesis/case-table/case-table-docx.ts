/**
 * The case table as a Word document (.docx) a journal accepts: a real table (not tab-separated
 * text), landscape, the header row repeated on every page, the stamp above it. Streamed: the
 * document XML (wordprocessingml.ts) is written a page of rows at a time into a streaming zip
 * (yazl: deflated through zlib, sizes and CRC in data descriptors), so memory does not grow with
 * the rows (the `docx` library built the whole document, ~75 KB of heap per case, before the first byte).
 */
import { Readable } from 'node:stream';
import { ZipFile } from 'yazl';
import { TableStamp } from './case-table-writers';
import { CONTENT_TYPES_XML, corePropertiesXml, DOCUMENT_RELS_XML, documentEnd, documentRows, documentStart, DocxColumn, PACKAGE_RELS_XML, STYLES_XML } from './wordprocessingml';

type RowPages = AsyncIterable<readonly (readonly string[])[]> | Iterable<readonly (readonly string[])[]>;

async function* documentXml(stamp: TableStamp, columns: readonly DocxColumn[], pages: RowPages): AsyncGenerator<Buffer> {
  yield Buffer.from(documentStart(stamp, columns));
  for await (const rows of pages) if (rows.length) yield Buffer.from(documentRows(columns, rows));
  yield Buffer.from(documentEnd());
}

/**
 * The .docx, piece by piece, reading `pages` (the rows, a page at a time) only as fast as the
 * pieces are taken (backpressure through the zip's streams). An error reading the rows ends the
 * stream with that error; stopping early (the client went away) stops reading them.
 */
export async function* caseTableDocx(stamp: TableStamp, columns: readonly DocxColumn[], pages: RowPages): AsyncGenerator<Buffer> {
  const zip = new ZipFile();
  const options = { mtime: new Date(stamp.generatedAt), compress: true };
  zip.addBuffer(Buffer.from(CONTENT_TYPES_XML), '[Content_Types].xml', options);
  zip.addBuffer(Buffer.from(PACKAGE_RELS_XML), '_rels/.rels', options);
  zip.addBuffer(Buffer.from(corePropertiesXml(stamp)), 'docProps/core.xml', options);
  zip.addBuffer(Buffer.from(DOCUMENT_RELS_XML), 'word/_rels/document.xml.rels', options);
  zip.addBuffer(Buffer.from(STYLES_XML), 'word/styles.xml', options);
  const document = Readable.from(documentXml(stamp, columns, pages), { objectMode: false });
  const output = zip.outputStream as Readable;
  // yazl does not listen for its input's errors: without this an error reading the rows would be an uncaught 'error' event.
  document.on('error', (error) => output.destroy(error));
  zip.on('error', (error: Error) => output.destroy(error));
  zip.addReadStream(document, 'word/document.xml', options);
  zip.end();
  try {
    for await (const chunk of output) yield chunk as Buffer;
  } finally {
    document.destroy();
  }
}
