/**
 * Text as both engines index and match it, so that what a reader sees as one word is one word:
 * - invisible characters that never end a word are removed: the soft hyphen (U+00AD) that text copied
 *   from a PDF carries, and the word joiner (U+2060) ("hema<U+00AD>toma" was indexed as "hema" and "toma",
 *   found by neither "hematoma" nor itself). The zero-width space and U+FEFF stay word breaks, as the
 *   importers read them (normalise.ts cleanText makes them spaces);
 * - full-width ASCII (U+FF01-U+FF5E, typed by East Asian keyboards) and the Latin ligatures (U+FB00-U+FB06,
 *   "ﬁ" from PDFs) become the letters they stand for, as Unicode's compatibility form (NFKC) has them;
 * - the rest is composed (NFC), as text is stored: rows written before it was composed are matched too.
 * Other compatibility characters (superscripts, fractions, the micro sign) keep their look in snippets.
 * The zero-width joiner and non-joiner are kept: they shape emoji and Indic or Persian words.
 */
const INVISIBLE_IN_WORDS = /[\u00ad\u2060]/g;
const COMPATIBILITY_LETTERS = /[\ufb00-\ufb06\uff01-\uff5e]/g;
const NOT_ASCII = /[^\u0000-\u007f]/;

export function searchableText(text: string): string {
  // Nearly every text is ASCII: nothing to look up.
  if (!NOT_ASCII.test(text)) return text;
  return text
    .replace(INVISIBLE_IN_WORDS, '')
    .replace(COMPATIBILITY_LETTERS, (character) => character.normalize('NFKC'))
    .normalize('NFC');
}
