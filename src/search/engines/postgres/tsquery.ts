/**
 * PostgreSQL's text forms of tsquery and tsvector, read back into JavaScript so the embedded engine
 * can match in memory with exactly the lexemes PostgreSQL's analysis produced (english stemming, stop
 * words, hyphenated words): PostgreSQL analyses, this module only reads what it printed.
 */

/** A tsquery tree. `phrase`: `left <distance> right` (`<->` is distance 1); `prefix`: `'hemat':*`. */
export type TsqueryNode =
  | { op: 'lexeme'; lexeme: string }
  | { op: 'prefix'; lexeme: string }
  | { op: 'not'; arg: TsqueryNode }
  | { op: 'and' | 'or'; left: TsqueryNode; right: TsqueryNode }
  | { op: 'phrase'; distance: number; left: TsqueryNode; right: TsqueryNode };

/** A tsquery this reader does not evaluate (weight restrictions: never built by this engine). */
export class UnsupportedTsqueryError extends Error {}

/** Reads a quoted lexeme at `start` (a `'`): doubled quotes and backslashes escape. Returns it and the index after it. */
function readQuoted(text: string, start: number): [string, number] {
  let out = '';
  let i = start + 1;
  while (i < text.length) {
    const ch = text[i];
    if (ch === '\\' && i + 1 < text.length) {
      out += text[i + 1];
      i += 2;
    } else if (ch === "'") {
      if (text[i + 1] === "'") {
        out += "'";
        i += 2;
      } else return [out, i + 1];
    } else {
      out += ch;
      i++;
    }
  }
  throw new UnsupportedTsqueryError(`unterminated lexeme in ${JSON.stringify(text)}`);
}

/**
 * Parses `tsquery::text` (`'blood' <-> 'patch' & !'steroid' | 'hygroma'`). Precedence as PostgreSQL
 * prints it: `!` binds tightest, then phrase operators (left-associative), then `&`, then `|`.
 * Returns null for the empty query (only stop words), which matches nothing.
 */
export function parseTsquery(text: string): TsqueryNode | null {
  let i = 0;
  const skip = () => {
    while (text[i] === ' ') i++;
  };
  const fail = (what: string): never => {
    throw new UnsupportedTsqueryError(`${what} at ${i} in ${JSON.stringify(text)}`);
  };
  const unary = (): TsqueryNode => {
    skip();
    if (text[i] === '!') {
      i++;
      return { op: 'not', arg: unary() };
    }
    if (text[i] === '(') {
      i++;
      const node = or();
      skip();
      if (text[i] !== ')') fail('expected )');
      i++;
      return node;
    }
    if (text[i] !== "'") fail('expected a lexeme');
    const [lexeme, next] = readQuoted(text, i);
    i = next;
    if (text.startsWith(':*', i) && !/^[A-D]/i.test(text.slice(i + 2, i + 3))) {
      i += 2;
      return { op: 'prefix', lexeme };
    }
    if (text[i] === ':') fail('weight restriction');
    return { op: 'lexeme', lexeme };
  };
  const phrase = (): TsqueryNode => {
    let left = unary();
    for (;;) {
      skip();
      const match = /^<(-|\d+)>/.exec(text.slice(i, i + 8));
      if (!match) return left;
      i += match[0].length;
      left = { op: 'phrase', distance: match[1] === '-' ? 1 : Number(match[1]), left, right: unary() };
    }
  };
  const binary = (op: 'and' | 'or', symbol: string, operand: () => TsqueryNode) => (): TsqueryNode => {
    let left = operand();
    for (;;) {
      skip();
      if (text[i] !== symbol) return left;
      i++;
      left = { op, left, right: operand() };
    }
  };
  const and = binary('and', '&', phrase);
  const or = binary('or', '|', and);
  skip();
  if (i === text.length) return null;
  const node = or();
  skip();
  if (i !== text.length) fail('unexpected text');
  return node;
}

/** Weight letters as stored in a position: D 0, C 1, B 2, A 3 (`position << 2 | weight`). */
const WEIGHT_CODE: Record<string, number> = { A: 3, B: 2, C: 1, D: 0 };

/** One lexeme of a document with its positions, each `position << 2 | weight` (positions stop at 16383). */
export interface VectorEntry {
  lexeme: string;
  positions: number[];
}

/** Parses `tsvector::text` (`'blood':3A,7 'patch':4A`). */
export function parseTsvector(text: string): VectorEntry[] {
  const entries: VectorEntry[] = [];
  let i = 0;
  while (i < text.length) {
    if (text[i] === ' ') {
      i++;
      continue;
    }
    if (text[i] !== "'") throw new UnsupportedTsqueryError(`expected a lexeme at ${i} in a tsvector`);
    const [lexeme, next] = readQuoted(text, i);
    i = next;
    const positions: number[] = [];
    if (text[i] === ':') {
      i++;
      for (;;) {
        let position = 0;
        while (text.charCodeAt(i) >= 48 && text.charCodeAt(i) <= 57) position = position * 10 + text.charCodeAt(i++) - 48;
        const weight = WEIGHT_CODE[text[i]];
        if (weight !== undefined) i++;
        positions.push((position << 2) | (weight ?? 0));
        if (text[i] !== ',') break;
        i++;
      }
    }
    entries.push({ lexeme, positions });
  }
  return entries;
}

/** Every lexeme of a query, negated ones included; a prefix stands for the lexemes `expand` gives it. */
export function queryLexemes(node: TsqueryNode | null, expand: (prefix: string) => Iterable<string> = () => []): Set<string> {
  const lexemes = new Set<string>();
  const visit = (current: TsqueryNode): void => {
    if (current.op === 'lexeme') lexemes.add(current.lexeme);
    else if (current.op === 'prefix') for (const lexeme of expand(current.lexeme)) lexemes.add(lexeme);
    else if (current.op === 'not') visit(current.arg);
    else {
      visit(current.left);
      visit(current.right);
    }
  };
  if (node) visit(node);
  return lexemes;
}
