import { TextPostings } from './text-postings';
import { buildTextPostings } from './text-postings.builder';
import { parseTsquery } from './tsquery';

// Vectors as PostgreSQL prints them; weights A title/terms, B narrative, C abstract, D other.
const VECTORS: [number, string][] = [
  [0, "'blood':1A 'patch':2A 'headach':3A"],
  [1, "'blood':1B 'test':2B 'patch':5B"],
  [2, "'patch':1A 'blood':2A"],
  [3, "'hematoma':4C 'spinal':3C"],
  [4, "'cauda':1B 'equina':3B"],
];

const matching = (postings: TextPostings, tsquery: string, size = 5) => {
  const match = postings.match(parseTsquery(tsquery), size, size);
  return [...match.mask.keys()].filter((ord) => match.mask[ord]);
};

describe('TextPostings', () => {
  const postings = () => buildTextPostings([...VECTORS]);

  it('remembers a recent match until the next write, and matches again after it', () => {
    const index = postings();
    const first = index.matchRecent("'hematoma'", parseTsquery("'hematoma'"), 5, 5);
    expect(index.matchRecent("'hematoma'", parseTsquery("'hematoma'"), 5, 5)).toBe(first);
    expect(index.matchRecent("'hematoma'", parseTsquery("'hematoma'"), 6, 5)).not.toBe(first);
    index.put(4, "'hematoma':1A");
    const after = index.matchRecent("'hematoma'", parseTsquery("'hematoma'"), 5, 5);
    expect(after).not.toBe(first);
    expect([...after.mask]).toEqual([0, 0, 0, 1, 1]);
    expect([...first.mask]).toEqual([0, 0, 0, 1, 0]);
  });

  it('matches words, AND, OR and NOT as PostgreSQL does', () => {
    expect(matching(postings(), "'blood'")).toEqual([0, 1, 2]);
    expect(matching(postings(), "'blood' & 'headach'")).toEqual([0]);
    expect(matching(postings(), "'headach' | 'hematoma'")).toEqual([0, 3]);
    expect(matching(postings(), "'patch' & !'headach'")).toEqual([1, 2]);
    expect(matching(postings(), "!'patch'")).toEqual([3, 4]);
    expect(matching(postings(), "'unknown'")).toEqual([]);
  });

  it('matches phrases by position: order and distance count', () => {
    expect(matching(postings(), "'blood' <-> 'patch'")).toEqual([0]);
    expect(matching(postings(), "'blood' <-> 'patch' <-> 'headach'")).toEqual([0]);
    expect(matching(postings(), "'cauda' <2> 'equina'")).toEqual([4]);
    expect(matching(postings(), "'cauda' <-> 'equina'")).toEqual([]);
    expect(matching(postings(), "( 'blood' | 'patch' ) <-> 'blood'")).toEqual([2]);
  });

  it('matches a prefix over the lexicon, alone and at the end of a phrase, bounded to the most common lexemes', () => {
    expect(matching(postings(), "'pat':*")).toEqual([0, 1, 2]);
    expect(matching(postings(), "'blood' <-> 'pat':*")).toEqual([0]);
    expect(matching(postings(), "'h':*")).toEqual([0, 3]);
    expect(matching(postings(), "'patch' & !'head':*")).toEqual([1, 2]);
    expect(matching(postings(), "'x':*")).toEqual([]);
    const many = buildTextPostings(Array.from({ length: 60 }, (_, ord): [number, string] => [ord, `'pre${String(ord).padStart(2, '0')}':1A${ord < 3 ? " 'pre99':2A" : ''}`]));
    const expansions = many.expand('pre');
    expect(expansions).toHaveLength(50);
    expect(expansions[0]).toBe('pre99');
    expect(many.expand('pre0')).toEqual(['pre00', 'pre01', 'pre02', 'pre03', 'pre04', 'pre05', 'pre06', 'pre07', 'pre08', 'pre09']);
  });

  it('finds prefixes of lexemes written after the build', () => {
    const text = postings();
    expect(text.put(5, "'zanzibar':1B")).toBe(true);
    expect(matching(text, "'zanz':*", 6)).toEqual([5]);
    expect(text.remove(5)).toBe(true);
    expect(matching(text, "'zanz':*", 6)).toEqual([]);
  });

  it('matches nothing for the empty query', () => {
    expect(matching(postings(), '')).toEqual([]);
  });

  it('scores title matches above narrative ones and rare words above common ones', () => {
    const index = postings();
    const match = index.match(parseTsquery("'blood' | 'hematoma'"), 5, 5);
    expect(match.score(0)).toBeGreaterThan(match.score(1));
    expect(match.score(2)).toBe(match.score(0));
    expect(match.score(3)).toBeGreaterThan(0);
    expect(match.score(4)).toBe(0);
    // hematoma (1 document, weight C) against blood (3 documents, weight B).
    expect(match.score(3)).toBeGreaterThan(match.score(1));
  });

  it('reads rewritten, added and removed documents from the overlay', () => {
    const index = postings();
    expect(index.put(1, "'hematoma':1A")).toBe(true);
    expect(index.put(5, "'blood':1A 'patch':2A")).toBe(true);
    expect(index.remove(0)).toBe(true);
    expect(matching(index, "'blood'", 6)).toEqual([2, 5]);
    expect(matching(index, "'blood' <-> 'patch'", 6)).toEqual([5]);
    expect(matching(index, "'hematoma'", 6)).toEqual([1, 3]);
    expect(matching(index, "'test'", 6)).toEqual([]);
    // Merged postings are kept until the next write, then merged again.
    expect(matching(index, "'blood'", 6)).toEqual([2, 5]);
    expect(index.remove(2)).toBe(true);
    expect(index.put(0, "'blood':3B")).toBe(true);
    expect(matching(index, "'blood'", 6)).toEqual([0, 5]);
    expect(matching(index, "'blood'", 6)).toEqual([0, 5]);
  });

  it('asks for a reload once the overlay outgrows the limit', () => {
    const index = postings();
    let accepted = true;
    for (let ord = 5; ord < 5 + 2_001 && accepted; ord++) accepted = index.put(ord, "'x':1");
    expect(accepted).toBe(false);
  });
});
