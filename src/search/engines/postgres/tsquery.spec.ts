import { parseTsquery, parseTsvector, UnsupportedTsqueryError } from './tsquery';

// The inputs are what PostgreSQL 15 printed for tsquery::text and tsvector::text (checked with psql).
describe('parseTsquery', () => {
  it('reads the empty query (only stop words) as null', () => {
    expect(parseTsquery('')).toBeNull();
  });

  it('reads a lexeme, with doubled quotes and backslashes unescaped', () => {
    expect(parseTsquery("'hematoma'")).toEqual({ op: 'lexeme', lexeme: 'hematoma' });
    expect(parseTsquery("'o''neil'")).toEqual({ op: 'lexeme', lexeme: "o'neil" });
    expect(parseTsquery("'a\\\\b'")).toEqual({ op: 'lexeme', lexeme: 'a\\b' });
  });

  it('reads phrase chains left to right with their distances', () => {
    expect(parseTsquery("'cauda' <2> 'equina' <-> 'syndrom'")).toEqual({
      op: 'phrase',
      distance: 1,
      left: { op: 'phrase', distance: 2, left: { op: 'lexeme', lexeme: 'cauda' }, right: { op: 'lexeme', lexeme: 'equina' } },
      right: { op: 'lexeme', lexeme: 'syndrom' },
    });
  });

  it('binds ! tighter than phrases, phrases tighter than &, & tighter than |', () => {
    expect(parseTsquery("'a' <-> 'b' & !'c' | 'd'")).toEqual({
      op: 'or',
      left: {
        op: 'and',
        left: { op: 'phrase', distance: 1, left: { op: 'lexeme', lexeme: 'a' }, right: { op: 'lexeme', lexeme: 'b' } },
        right: { op: 'not', arg: { op: 'lexeme', lexeme: 'c' } },
      },
      right: { op: 'lexeme', lexeme: 'd' },
    });
  });

  it('honours parentheses', () => {
    expect(parseTsquery("( 'a' | 'b' ) & 'c'")).toEqual({
      op: 'and',
      left: { op: 'or', left: { op: 'lexeme', lexeme: 'a' }, right: { op: 'lexeme', lexeme: 'b' } },
      right: { op: 'lexeme', lexeme: 'c' },
    });
  });

  it('reads prefixes (search as you type)', () => {
    expect(parseTsquery("'blood' <-> 'pat':*")).toEqual({ op: 'phrase', distance: 1, left: { op: 'lexeme', lexeme: 'blood' }, right: { op: 'prefix', lexeme: 'pat' } });
  });

  it('refuses what this engine never builds (weights, weighted prefixes) and broken text', () => {
    expect(() => parseTsquery("'a':*A")).toThrow(UnsupportedTsqueryError);
    expect(() => parseTsquery("'a':AB")).toThrow(UnsupportedTsqueryError);
    expect(() => parseTsquery("'a' &")).toThrow(UnsupportedTsqueryError);
    expect(() => parseTsquery("( 'a'")).toThrow(UnsupportedTsqueryError);
    expect(() => parseTsquery("'a")).toThrow(UnsupportedTsqueryError);
  });
});

describe('parseTsvector', () => {
  it('reads lexemes with positions and weights (D when no letter)', () => {
    expect(parseTsvector("'blood':3A,7 'it''s':1B,12C 'patch':4")).toEqual([
      { lexeme: 'blood', positions: [(3 << 2) | 3, 7 << 2] },
      { lexeme: "it's", positions: [(1 << 2) | 2, (12 << 2) | 1] },
      { lexeme: 'patch', positions: [4 << 2] },
    ]);
  });

  it('reads backslashes, colons inside lexemes and the empty vector', () => {
    expect(parseTsvector("'a\\\\b' 'x:y':16383A")).toEqual([
      { lexeme: 'a\\b', positions: [] },
      { lexeme: 'x:y', positions: [(16383 << 2) | 3] },
    ]);
    expect(parseTsvector('')).toEqual([]);
  });
});
