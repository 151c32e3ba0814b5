import { FRAGMENT_DELIMITER, HIGHLIGHT_END, HIGHLIGHT_START } from '../../query/highlight';

/**
 * Headlines of the embedded engine, built here rather than by ts_headline (the costliest call of a
 * search on PGlite: ~12 ms for a page of 20). Like ts_headline, every word whose lexeme is a lexeme of
 * the query is marked (negated ones too); which words those are, PostgreSQL says (LexemeLookup), so
 * stemming and stop words stay PostgreSQL's. Fragments follow ts_headline's options as this engine
 * used them: up to two passages of at most 30 words, the whole text when it is that short.
 */
export const MAX_FRAGMENTS = 2;
export const MAX_WORDS = 30;
/** Words shown before the first match of a passage. */
const LEAD_WORDS = 6;

export interface Word {
  start: number;
  end: number;
  /** Lower-cased, as looked up. */
  text: string;
}

/** Words as PostgreSQL's parser separates them for the english configuration: runs of letters and digits. */
export function wordsOf(text: string): Word[] {
  const words: Word[] = [];
  for (const match of text.matchAll(/[\p{L}\p{N}]+/gu)) {
    words.push({ start: match.index as number, end: (match.index as number) + match[0].length, text: match[0].toLowerCase() });
  }
  return words;
}

/**
 * The text with matched words between HIGHLIGHT_START/END, in passages joined by FRAGMENT_DELIMITER;
 * null when no word matches.
 */
export function headline(text: string, words: Word[], matches: (word: Word) => boolean): string | null {
  const matched = words.map(matches);
  if (!matched.includes(true)) return null;
  const mark = (from: number, to: number) => {
    let out = '';
    let cursor = words[from].start;
    for (let i = from; i < to; i++) {
      out += text.slice(cursor, words[i].start);
      const word = text.slice(words[i].start, words[i].end);
      out += matched[i] ? `${HIGHLIGHT_START}${word}${HIGHLIGHT_END}` : word;
      cursor = words[i].end;
    }
    return out;
  };
  if (words.length <= MAX_WORDS) return mark(0, words.length);
  // Candidate passages start a few words before each match; the ones with the most matches win.
  const candidates: { from: number; to: number; hits: number }[] = [];
  for (let i = 0; i < words.length; i++) {
    if (!matched[i]) continue;
    const from = Math.max(0, Math.min(i - LEAD_WORDS, words.length - MAX_WORDS));
    const to = Math.min(words.length, from + MAX_WORDS);
    let hits = 0;
    for (let k = from; k < to; k++) if (matched[k]) hits++;
    candidates.push({ from, to, hits });
  }
  candidates.sort((a, b) => b.hits - a.hits || a.from - b.from);
  const chosen: { from: number; to: number }[] = [];
  for (const candidate of candidates) {
    if (chosen.length === MAX_FRAGMENTS) break;
    if (chosen.every((other) => candidate.to <= other.from || candidate.from >= other.to)) chosen.push(candidate);
  }
  chosen.sort((a, b) => a.from - b.from);
  return chosen.map(({ from, to }) => mark(from, to)).join(FRAGMENT_DELIMITER);
}
