import { searchableText } from './searchable-text';
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

/** A word typed with a trailing `*` (`hemat*`) is a prefix; the stars are not part of it. */
function wordAtom(word: string): TextAtom {
  const stem = word.replace(/\*+$/, '');
  return stem !== word ? { ...atom('word', stem), prefix: true } : atom('word', word);
}

export interface ParseOptions {
  /** Search as you type: the last word of the text (unquoted, not followed by a space) is a prefix. */
  prefixLastWord?: boolean;
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
    else if (SEARCHABLE.test(word)) tokens.push({ type: 'atom', atom: wordAtom(word), negated });
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
 * A word ending in `*` (`hemat*`) matches as a prefix; `prefixLastWord` (search as you type) makes the
 * word being typed at the end of the text one too. Never throws: an unclosed quote makes the whole text a plain-word search (`literal: true`), and text
 * with nothing searchable (only punctuation, only exclusions' minus signs) is no text query: null.
 */
export function parseTextQuery(input: string | null | undefined, options: ParseOptions = {}): TextQuery | null {
  // Read as documents are indexed (searchable-text.ts): a soft hyphen pasted inside a word does not split it.
  const text = searchableText(input ?? '');
  const raw = text.trim();
  if (!raw) return null;
  // The word being typed: the text ends in it (a trailing space or quote means the word is finished).
  const typing = options.prefixLastWord === true && !/[\s"]$/.test(text);
  const tokens = tokenize(raw);
  if (tokens) {
    const last = tokens[tokens.length - 1];
    if (typing && last?.type === 'atom' && last.atom?.kind === 'word' && !/"\s*$/.test(raw) && tokens.filter((t) => t.type === 'atom').length <= MAX_TEXT_ATOMS) last.atom = { ...last.atom, prefix: true };
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
  // An open quote is what typing a phrase looks like: the word being typed is still a prefix.
  const atoms = words.map((word, index) => (typing && index === words.length - 1 && raw.endsWith(word) ? { ...wordAtom(word), prefix: true } : wordAtom(word)));
  return atoms.length ? { raw, anyOf: [{ include: atoms, exclude: [] }], literal: true } : null;
}
