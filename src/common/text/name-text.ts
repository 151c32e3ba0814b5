import { composed } from './composed-text';

/**
 * Characters that show nothing and join or break nothing in a name: zero width space, word joiner and the byte order
 * mark (a zero width no-break space). Text copied from a web page or a PDF carries them, and "EBP" with one was a
 * second review that looks exactly like "EBP" (its decisions and PRISMA numbers apart), or a review whose name shows
 * nothing at all. Zero width (non-)joiners shape emoji sequences and Persian or Indic words: kept inside a name,
 * dropped only at its ends, where they join nothing.
 */
const INVISIBLE_ANYWHERE = /[\u200b\u2060\ufeff]/g;
const JOINERS_AT_START = /^[\s\u200c\u200d]+/;
const JOINER_OR_SPACE = /[\s\u200c\u200d]/;

/** A name as it is stored and looked up (reviews): composed (NFC), without invisible characters, trimmed. Empty when nothing visible is left. */
export function nameText(raw: string): string {
  const text = composed(raw).replace(INVISIBLE_ANYWHERE, '').replace(JOINERS_AT_START, '');
  // The end by hand: a pattern like /[\s…]+$/ is tried at every position of a run of spaces inside the name and rescans
  // the run each time (a name of 80,000 spaces between two letters took 3.5 s; a 1 MB one would hold the service for minutes).
  let end = text.length;
  while (end > 0 && JOINER_OR_SPACE.test(text[end - 1])) end -= 1;
  return text.slice(0, end);
}
