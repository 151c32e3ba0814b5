import { composed } from './composed-text';

/**
 * Characters that show nothing and join or break nothing in a name: zero width space, word joiner and the byte order
 * mark (a zero width no-break space). Text copied from a web page or a PDF carries them, and "EBP" with one was a
 * second review that looks exactly like "EBP" (its decisions and PRISMA numbers apart), or a review whose name shows
 * nothing at all. Zero width (non-)joiners shape emoji sequences and Persian or Indic words: kept inside a name,
 * dropped only at its ends, where they join nothing.
 */
const INVISIBLE_ANYWHERE = /[\u200b\u2060\ufeff]/g;
const INVISIBLE_AT_ENDS = /^[\s\u200c\u200d]+|[\s\u200c\u200d]+$/g;

/** A name as it is stored and looked up (reviews): composed (NFC), without invisible characters, trimmed. Empty when nothing visible is left. */
export function nameText(raw: string): string {
  return composed(raw).replace(INVISIBLE_ANYWHERE, '').replace(INVISIBLE_AT_ENDS, '');
}
