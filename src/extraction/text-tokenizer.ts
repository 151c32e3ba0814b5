/**
 * Tokens with character offsets, normalised so that spelling variants meet: lower case, British and
 * American spellings (haematoma/hematoma, anaesthesia/anesthesia, oedema/edema, labour/labor), simple
 * plurals, and "post-dural"/"post dural"/"postdural" as one token. The same normalisation runs over the
 * vocabulary and the text, so it only has to be consistent, not linguistically right. One pass, linear.
 */
export interface Token {
  /** Normalised form. */
  norm: string;
  /** Offsets of the original characters, [start, end). */
  start: number;
  end: number;
  /** The token as written (for case-sensitive acronyms). */
  raw: string;
}

/** Prefixes written both joined and hyphenated ("post-dural", "postdural"): merged with the next word. */
const JOINING_PREFIXES = new Set(['post', 'pre', 'non', 'intra', 'peri', 'extra', 'anti', 'cerebro', 'sub', 'epi', 'supra', 'infra', 'hemi', 'retro']);

function keepsFinalS(w: string): boolean {
  return w.endsWith('ss') || w.endsWith('is') || w.endsWith('us') || w.endsWith('ics');
}

const cache = new Map<string, string>();

/** Normalised form of one word; memoised (abstracts reuse a small vocabulary of words). */
export function normalizeWord(word: string): string {
  // Fast path, no allocation: a lower-case word with nothing to rewrite is its own normal form.
  const n = word.length;
  let plain = n > 0 && word.charCodeAt(n - 1) !== 115; /* not ending in s */
  for (let i = 0; plain && i < n; i++) {
    const c = word.charCodeAt(i);
    if (c < 97 || c > 122) {
      if (c < 48 || c > 57) plain = false; // upper case or non-ASCII
    } else if (c === 101 /* e */ && i > 0) {
      const p = word.charCodeAt(i - 1);
      if (p === 97 /* a */ || p === 111 /* o */) plain = false;
    }
  }
  if (plain && word !== 'labour') return word;
  const hit = cache.get(word);
  if (hit !== undefined) return hit;
  let w = word.toLowerCase();
  if (w.length > 3) {
    if (w.includes('ae')) w = w.split('ae').join('e');
    if (w.includes('oe')) w = w.split('oe').join('e');
    if (w === 'labour') w = 'labor';
    else if (w === 'labours') w = 'labors';
  }
  if (w.length > 4 && w.charCodeAt(w.length - 1) === 115 /* s */ && !keepsFinalS(w)) {
    if (w.endsWith('ches') || w.endsWith('shes') || w.endsWith('xes')) w = w.slice(0, -2);
    else if (w.endsWith('ies') && w.length > 5) w = w.slice(0, -3) + 'y';
    else w = w.slice(0, -1);
  }
  if (cache.size < 50_000 && word.length < 40) cache.set(word, w);
  return w;
}

function isWordChar(code: number): boolean {
  return (
    (code >= 48 && code <= 57) || // 0-9
    (code >= 65 && code <= 90) || // A-Z
    (code >= 97 && code <= 122) || // a-z
    (code >= 0xc0 && code <= 0x24f) // Latin letters with diacritics
  );
}

/** Splits on anything that is not a letter or digit; one pass, linear in the text. */
export function tokenize(text: string, from = 0, to = text.length): Token[] {
  const out: Token[] = [];
  let i = from;
  // A joining prefix ("post") waiting to be merged with the next word.
  let pending: Token | null = null;
  while (i < to) {
    while (i < to && !isWordChar(text.charCodeAt(i))) i++;
    if (i >= to) break;
    const start = i;
    while (i < to && isWordChar(text.charCodeAt(i))) i++;
    const word = text.slice(start, i);
    const norm = normalizeWord(word);
    if (pending) {
      const gap = start - pending.end;
      const sep = text.charCodeAt(pending.end);
      const c = norm.charCodeAt(0);
      if (gap === 1 && (sep === 45 /* - */ || sep === 32) && c >= 97 && c <= 122) {
        out.push({ norm: pending.norm + norm, start: pending.start, end: i, raw: text.slice(pending.start, i) });
        pending = null;
        continue;
      }
      out.push(pending);
      pending = null;
    }
    const token: Token = { norm, start, end: i, raw: word };
    if (JOINING_PREFIXES.has(norm)) pending = token;
    else out.push(token);
  }
  if (pending) out.push(pending);
  return out;
}
