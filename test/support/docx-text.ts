import { strFromU8, unzipSync } from 'fflate';

/** A .docx read back (unzipped, its document XML parsed for text): paragraphs before the first table, and each table row's cells. */
export function docxText(buffer: Buffer | Uint8Array): { paragraphs: string[]; rows: string[][]; xml: string } {
  const xml = strFromU8(unzipSync(new Uint8Array(buffer))['word/document.xml']);
  const unescape = (text: string) => text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
  const texts = (part: string) => [...part.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((match) => unescape(match[1])).join('');
  const [before] = xml.split('<w:tbl>');
  const paragraphs = [...before.matchAll(/<w:p>.*?<\/w:p>|<w:p\/>/g)].map((match) => texts(match[0]));
  const rows = [...xml.matchAll(/<w:tr>.*?<\/w:tr>/g)].map((row) => [...row[0].matchAll(/<w:tc>.*?<\/w:tc>/g)].map((cell) => texts(cell[0])));
  return { paragraphs, rows, xml };
}
