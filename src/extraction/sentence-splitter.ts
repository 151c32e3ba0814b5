/**
 * Sentence boundaries with offsets. Small and linear on purpose: abstracts are short, well punctuated
 * prose, and the few traps (decimals "0.5%", abbreviations "e.g.", "Dr.", "vs.", initials, "yr.")
 * are cheaper to handle here than to pull in a dependency. A sentence longer than MAX_SENTENCE_CHARS
 * is cut at the next space so that no rule ever works on an unbounded span (hostile input).
 */
export interface Sentence {
  start: number;
  end: number;
  text: string;
}

export const MAX_SENTENCE_CHARS = 2000;

const ABBREVIATIONS = new Set(['e.g', 'i.e', 'dr', 'vs', 'fig', 'no', 'approx', 'et al', 'al', 'yr', 'yrs', 'mr', 'mrs', 'ms', 'st', 'cf', 'resp', 'min', 'max', 'ca']);

function isUpperOrDigitOrOpen(ch: string | undefined): boolean {
  return ch !== undefined && /[A-Z0-9(\[“"']/.test(ch);
}

function precedingWord(text: string, dot: number, from: number): string {
  let s = dot;
  while (s > from && /[A-Za-z.]/.test(text[s - 1]) && dot - s < 12) s--;
  return text.slice(s, dot).toLowerCase();
}

export function splitSentences(text: string): Sentence[] {
  const out: Sentence[] = [];
  const n = text.length;
  let start = 0;
  const push = (end: number) => {
    let s = start;
    let e = end;
    while (s < e && /\s/.test(text[s])) s++;
    while (e > s && /\s/.test(text[e - 1])) e--;
    if (e > s) out.push({ start: s, end: e, text: text.slice(s, e) });
    start = end;
  };
  for (let i = 0; i < n; i++) {
    const ch = text[i];
    if (ch === '\n' && (text[i + 1] === '\n' || text[i + 1] === '\r')) {
      push(i + 1);
      continue;
    }
    if (ch === '.' || ch === '!' || ch === '?') {
      // Skip runs of punctuation and closing quotes/brackets.
      let j = i + 1;
      while (j < n && /["')\]”’]/.test(text[j])) j++;
      // Rules 1.8.0: a bracketed reference after the full stop ("has been reported.[2] We report ..."): part of the sentence it cites.
      if (ch === '.' && text[j] === '[') {
        const ref = /^\[\d+(?:\s?[,–-]\s?\d+)*\]/.exec(text.slice(j, j + 24));
        if (ref) j += ref[0].length;
      }
      // Rules 1.4.0: a reference numeral glued to the next sentence ("insertion.1–5This complication",
      // "headaches.1Among the causes"): the sentence ends after the numerals, before the capital.
      if (ch === '.' && j === i + 1 && i > 0 && /[a-z)]/.test(text[i - 1]) && j < n && /[0-9]/.test(text[j])) {
        let d = j;
        while (d < n && d - j < 12 && /[0-9,–-]/.test(text[d])) d++;
        if (d < n - 1 && /[A-Z]/.test(text[d]) && /[a-z]/.test(text[d + 1]) && !ABBREVIATIONS.has(precedingWord(text, i, start).replace(/\.$/, ''))) {
          push(d);
          i = d - 1;
          continue;
        }
        // Rules 1.5.0: the same with a space before the next sentence ("the underlying CSF leak.5 We report a case").
        if (d > j && d < n - 2 && text[d] === ' ' && /[A-Z]/.test(text[d + 1]) && /[a-z]/.test(text[d + 2]) && !ABBREVIATIONS.has(precedingWord(text, i, start).replace(/\.$/, ''))) {
          push(d);
          i = d - 1;
          continue;
        }
      }
      if (j < n && !/\s/.test(text[j])) continue; // "0.5", "e.g.x", "U.S."
      let k = j;
      while (k < n && /\s/.test(text[k])) k++;
      if (k >= n) {
        push(n);
        break;
      }
      if (ch === '.') {
        const word = precedingWord(text, i, start);
        if (ABBREVIATIONS.has(word.replace(/\.$/, '')) || /^[a-z]$/i.test(word) || /\.[a-z]$/i.test(word)) continue;
        if (!isUpperOrDigitOrOpen(text[k])) continue;
      }
      push(j);
      i = j - 1;
      continue;
    }
    if (i - start >= MAX_SENTENCE_CHARS && /\s/.test(ch)) push(i + 1);
  }
  if (start < n) push(n);
  return out;
}

/** The sentence holding [start, end), or null. Binary search. */
export function sentenceAt(sentences: Sentence[], start: number): Sentence | null {
  let lo = 0;
  let hi = sentences.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = sentences[mid];
    if (start < s.start) hi = mid - 1;
    else if (start >= s.end) lo = mid + 1;
    else return s;
  }
  return null;
}
