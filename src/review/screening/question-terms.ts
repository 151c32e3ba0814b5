/** Words too common to be worth highlighting in a review question. */
const STOPWORDS = new Set(
  'a an and are as at be been but by can do does for from had has have how in into is it its may not of on or our that the their there these this those to was were what when which who whom why will with within without after before during between among about over under than then patients patient case cases report reports adult adults'.split(' '),
);

const WORD = /[\p{L}\p{N}][\p{L}\p{N}'-]*/gu;

/** A plural's stem, so that the term matches both forms as a prefix (cysts -> cyst finds cyst and cysts). */
function singular(word: string): string {
  if (word.length > 4 && word.endsWith('ies')) return word.slice(0, -3);
  if (word.length > 4 && word.endsWith('s') && !/(ss|us|is)$/.test(word)) return word.slice(0, -1);
  return word;
}

/**
 * Pure: the terms to highlight for a review: the words of its question (no stopwords, at least three
 * letters; plurals by their stem) and its keywords as given (a keyword may be a phrase). Lower case, unique, longest first.
 */
export function questionTerms(question: string | null, keywords: readonly string[]): string[] {
  const terms = new Set<string>();
  for (const match of (question ?? '').matchAll(WORD)) {
    const word = match[0].toLowerCase().replace(/['-]+$/, '');
    if (word.length >= 3 && !STOPWORDS.has(word)) terms.add(singular(word));
  }
  for (const keyword of keywords) {
    const value = keyword.trim().toLowerCase().replace(/\s+/g, ' ');
    if (value.length >= 2) terms.add(value);
  }
  return [...terms].sort((a, b) => b.length - a.length || a.localeCompare(b));
}

export interface TextSegment {
  text: string;
  highlighted: boolean;
}

const escape = (value: string) => value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Pure: `text` cut into plain and highlighted segments. A term matches at the start of a word and
 * takes the rest of the word (hematoma finds hematomas; a phrase matches with any spacing), case-insensitively.
 */
export function highlightSegments(text: string, terms: readonly string[]): TextSegment[] {
  if (!text) return [];
  if (!terms.length) return [{ text, highlighted: false }];
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}])(?:${terms.map((t) => t.split(' ').map(escape).join('\\s+')).join('|')})[\\p{L}\\p{N}]*`, 'giu');
  const segments: TextSegment[] = [];
  let last = 0;
  for (const match of text.matchAll(pattern)) {
    const start = match.index ?? 0;
    if (!match[0]) continue;
    if (start > last) segments.push({ text: text.slice(last, start), highlighted: false });
    segments.push({ text: match[0], highlighted: true });
    last = start + match[0].length;
  }
  if (last < text.length) segments.push({ text: text.slice(last), highlighted: false });
  return segments;
}
