import { spellingVariants } from './spelling-variants';
import { TextAtom, TextClause, TextQuery } from './text-query';

/** Beyond this many atoms the rest of the text is ignored (keeps engine queries bounded). */
export const MAX_TEXT_ATOMS = 32;

const SEARCHABLE = /[\p{L}\p{N}]/u;

interface Token {
  type: 'atom' | 'or';
  atom?: TextAtom;
  negated?: boolean;
}

function atom(kind: TextAtom['kind'], text: string): TextAtom {
  return { kind, text, variants: spellingVariants(text) };
}

/** Splits the text into tokens; returns null when a quote is left open. */
function tokenize(text: string): Token[] | null {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    if (/\s/.test(text[i])) {
      i++;
      continue;
    }
    let negated = false;
    if (text[i] === '-' && i + 1 < text.length && !/\s/.test(text[i + 1])) {
      negated = true;
      i++;
    }
    if (text[i] === '"') {
      const end = text.indexOf('"', i + 1);
      if (end < 0) return null;
      const phrase = text.slice(i + 1, end).trim().replace(/\s+/g, ' ');
      i = end + 1;
      if (SEARCHABLE.test(phrase)) tokens.push({ type: 'atom', atom: atom(phrase.includes(' ') ? 'phrase' : 'word', phrase), negated });
      continue;
    }
    let end = i;
    while (end < text.length && !/\s/.test(text[end]) && text[end] !== '"') end++;
    const word = text.slice(i, end);
    i = end;
    if (word === 'OR' && !negated) tokens.push({ type: 'or' });
    else if (SEARCHABLE.test(word)) tokens.push({ type: 'atom', atom: atom('word', word), negated });
  }
  return tokens;
}

function clausesOf(tokens: Token[]): TextClause[] {
  const clauses: TextClause[] = [];
  let current: TextClause = { include: [], exclude: [] };
  let atoms = 0;
  for (const token of tokens) {
    if (token.type === 'or') {
      clauses.push(current);
      current = { include: [], exclude: [] };
      continue;
    }
    if (atoms++ >= MAX_TEXT_ATOMS) break;
    (token.negated ? current.exclude : current.include).push(token.atom as TextAtom);
  }
  clauses.push(current);
  // "a OR" / "OR OR b" / "- " leave empty clauses behind: they mean nothing, so they go.
  return clauses.filter((clause) => clause.include.length + clause.exclude.length > 0);
}

/**
 * Parses the search box syntax users know from web search engines: words (all must match),
 * "quoted phrases", -exclusions and OR (upper case, between alternatives; binds weaker than AND).
 * Never throws: an unclosed quote makes the whole text a plain-word search (`literal: true`), and text
 * with nothing searchable (only punctuation, only exclusions' minus signs) is no text query: null.
 */
export function parseTextQuery(input: string | null | undefined): TextQuery | null {
  const raw = (input ?? '').trim();
  if (!raw) return null;
  const tokens = tokenize(raw);
  if (tokens) {
    const anyOf = clausesOf(tokens);
    return anyOf.length ? { raw, anyOf, literal: false } : null;
  }
  // Malformed: read every word literally (no phrases, exclusions or OR) rather than guess.
  const words = raw
    .replace(/"/g, ' ')
    .split(/\s+/)
    .map((word) => word.replace(/^-+/, ''))
    .filter((word) => SEARCHABLE.test(word) && word !== 'OR')
    .slice(0, MAX_TEXT_ATOMS);
  return words.length ? { raw, anyOf: [{ include: words.map((word) => atom('word', word)), exclude: [] }], literal: true } : null;
}
