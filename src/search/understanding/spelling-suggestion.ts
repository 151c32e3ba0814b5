import { CONNECTING_WORDS, normaliseWord, wordsOf } from './query-understanding';

/**
 * Optimal-string-alignment distance (Levenshtein plus adjacent transpositions), giving up once it
 * exceeds `limit` (most vocabulary words are rejected after a row or two).
 */
export function editDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let before = new Array<number>(b.length + 1).fill(0);
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = new Array<number>(b.length + 1);
    current[0] = i;
    let best = current[0];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, before[j - 2] + 1);
      current[j] = value;
      best = Math.min(best, value);
    }
    if (best > limit) return limit + 1;
    before = previous;
    previous = current;
  }
  return previous[b.length];
}

/** One typo in a short word, two in a long one; words under 4 letters are left alone (too many neighbours). */
function allowedEdits(word: string): number {
  if (word.length < 4) return 0;
  return word.length < 8 ? 1 : 2;
}

export interface SpellingSuggestion {
  /** The text with the misspelled words replaced. */
  text: string;
  corrections: { from: string; to: string }[];
}

/**
 * "Did you mean": words of the text that are not vocabulary words but are within a typo or two of one,
 * replaced by the nearest (ties: the shorter distance, then the alphabetically first, so it is stable).
 * Null when no word needs it. Words inside quotes and exclusions are corrected too: a typo is a typo.
 */
export function suggestSpelling(text: string, vocabularyWords: ReadonlySet<string>): SpellingSuggestion | null {
  const corrections: { from: string; to: string; start: number; end: number }[] = [];
  for (const word of wordsOf(text)) {
    if (word.raw === 'OR' || vocabularyWords.has(word.normal) || CONNECTING_WORDS.has(word.normal) || /\d/.test(word.normal)) continue;
    const limit = allowedEdits(word.normal);
    if (!limit) continue;
    let best: { word: string; distance: number } | null = null;
    for (const candidate of vocabularyWords) {
      if (candidate.length < 4) continue;
      const distance = editDistance(word.normal, candidate, best ? Math.min(limit, best.distance) : limit);
      if (distance > limit) continue;
      if (!best || distance < best.distance || (distance === best.distance && candidate < best.word)) best = { word: candidate, distance };
    }
    if (best && best.word !== normaliseWord(word.raw)) corrections.push({ from: word.raw, to: best.word, start: word.start, end: word.end });
  }
  if (!corrections.length) return null;
  let corrected = '';
  let from = 0;
  for (const correction of corrections) {
    corrected += text.slice(from, correction.start) + correction.to;
    from = correction.end;
  }
  corrected += text.slice(from);
  return { text: corrected, corrections: corrections.map(({ from: was, to }) => ({ from: was, to })) };
}
