import { strFromU8, unzipSync } from 'fflate';
import { SaxesParser } from 'saxes';

/**
 * A .docx read back: unzipped, its document XML parsed with an XML parser (namespaces checked, so a
 * file that is not well-formed XML throws here, as Word would refuse it), the text of the body's
 * paragraphs before the first table, and each table row's cells (the text of their w:t elements).
 */
export function docxText(buffer: Buffer | Uint8Array): { paragraphs: string[]; rows: string[][]; xml: string; parts: string[] } {
  const files = unzipSync(new Uint8Array(buffer));
  const xml = strFromU8(files['word/document.xml']);
  const paragraphs: string[] = [];
  const rows: string[][] = [];
  const open: string[] = [];
  let text: string | null = null;
  let paragraph = '';
  let tableSeen = false;
  const parser = new SaxesParser({ xmlns: true });
  parser.on('opentag', (tag) => {
    open.push(tag.name);
    if (tag.name === 'w:tbl') tableSeen = true;
    else if (tag.name === 'w:tr') rows.push([]);
    else if (tag.name === 'w:tc') rows[rows.length - 1].push('');
    else if (tag.name === 'w:p') paragraph = '';
    else if (tag.name === 'w:t') text = '';
  });
  parser.on('text', (value) => text !== null && (text += value));
  parser.on('closetag', (tag) => {
    open.pop();
    if (tag.name === 'w:t') {
      paragraph += text;
      if (open.includes('w:tc')) {
        const row = rows[rows.length - 1];
        row[row.length - 1] += text;
      }
      text = null;
    } else if (tag.name === 'w:p' && open[open.length - 1] === 'w:body' && !tableSeen) paragraphs.push(paragraph);
  });
  parser.write(xml).close();
  return { paragraphs, rows, xml, parts: Object.keys(files) };
}
