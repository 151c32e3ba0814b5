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
const JOINING_PREFIXES = new Set(['post', 'pre', 'non', 'intra', 'peri', 'extra', 'anti']);

const PLURAL_KEEP = /(ss|is|us|sis|ous|ics)$/;

export function normalizeWord(word: string): string {
  let w = word.toLowerCase();
  if (w.length > 3) {
    if (w.includes('ae')) w = w.replace(/ae/g, 'e');
    if (w.includes('oe')) w = w.replace(/oe/g, 'e');
    if (w === 'labour') w = 'labor';
    else if (w === 'labours') w = 'labors';
  }
  if (w.length > 4 && w.endsWith('s') && !PLURAL_KEEP.test(w)) {
    if (/(ches|shes|xes|sses)$/.test(w)) w = w.slice(0, -2);
    else if (w.endsWith('ies') && w.length > 5) w = w.slice(0, -3) + 'y';
    else w = w.slice(0, -1);
  }
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

/** Splits on anything that is not a letter or digit. Linear in the text. */
export function tokenize(text: string, from = 0, to = text.length): Token[] {
  const raw: Token[] = [];
  let i = from;
  while (i < to) {
    while (i < to && !isWordChar(text.charCodeAt(i))) i++;
    if (i >= to) break;
    const start = i;
    while (i < to && isWordChar(text.charCodeAt(i))) i++;
    const word = text.slice(start, i);
    raw.push({ norm: normalizeWord(word), start, end: i, raw: word });
  }
  // Merge joining prefixes with the next word when separated only by a hyphen or a single space.
  const out: Token[] = [];
  for (let k = 0; k < raw.length; k++) {
    const t = raw[k];
    const next = raw[k + 1];
    if (next && JOINING_PREFIXES.has(t.norm) && next.start - t.end === 1 && (text[t.end] === '-' || text[t.end] === ' ') && /^[a-z]/.test(next.norm)) {
      out.push({ norm: t.norm + next.norm, start: t.start, end: next.end, raw: text.slice(t.start, next.end) });
      k++;
      continue;
    }
    out.push(t);
  }
  return out;
}
