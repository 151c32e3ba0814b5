import { countCasePositionsIn, countCasesIn, countIn, countPositionsIn, forEachPosition, intersect, popcount, wordCount } from './bitset';

const setOf = (size: number, positions: number[]) => {
  const set = new Uint32Array(wordCount(size));
  for (const p of positions) set[p >>> 5] |= 1 << (p & 31);
  return set;
};

describe('bitset', () => {
  it('counts bits, including the top one', () => {
    expect(popcount(0)).toBe(0);
    expect(popcount(0xffffffff)).toBe(32);
    expect(popcount(0x80000001)).toBe(2);
  });

  it('lists positions in order across words', () => {
    const seen: number[] = [];
    forEachPosition(setOf(100, [0, 31, 32, 63, 99]), (p) => seen.push(p));
    expect(seen).toEqual([0, 31, 32, 63, 99]);
  });

  it('intersects', () => {
    expect([...intersect([setOf(70, [1, 40, 65]), setOf(70, [40, 65, 66]), setOf(70, [65, 40])])]).toEqual([...setOf(70, [40, 65])]);
  });

  it('counts distinct publications, a publication once however many of its cases are in the set, gaps included', () => {
    // Publications by position: 0:A 1:B 2:B 3:B 4:C 5:D ... 33:D 34:E (D spans a word boundary).
    const publicationAt = Int32Array.from({ length: 40 }, (_, p) => (p === 0 ? 0 : p <= 3 ? 1 : p === 4 ? 2 : p <= 33 ? 3 : 4 + p));
    const alone = setOf(40, [0, 4, ...Array.from({ length: 6 }, (_, i) => 34 + i)]);
    const all = setOf(40, Array.from({ length: 40 }, (_, i) => i));
    // B's cases 1 and 3 (not 2), D's cases 30 and 33 across the boundary, A, E.
    expect(countIn(setOf(40, [0, 1, 3, 30, 33, 34]), all, alone, publicationAt)).toEqual({ cases: 6, publications: 4 });
    expect(countIn(setOf(40, [2]), setOf(40, [1, 2, 3]), alone, publicationAt)).toEqual({ cases: 1, publications: 1 });
    expect(countIn(setOf(40, []), all, alone, publicationAt)).toEqual({ cases: 0, publications: 0 });
    // The same counts from a sparse set (ascending positions).
    expect(countPositionsIn(Int32Array.from([0, 1, 3, 30, 33, 34]), all, publicationAt)).toEqual({ cases: 6, publications: 4 });
    expect(countPositionsIn(Int32Array.from([2]), setOf(40, [1, 2, 3]), publicationAt)).toEqual({ cases: 1, publications: 1 });
    expect(countPositionsIn(Int32Array.from([1, 2, 3, 31, 32]), setOf(40, [1, 3, 32]), publicationAt)).toEqual({ cases: 3, publications: 2 });
    expect(countPositionsIn(new Int32Array(0), all, publicationAt)).toEqual({ cases: 0, publications: 0 });
  });

  it('counts cases only, as countIn and countPositionsIn count them', () => {
    const publicationAt = Int32Array.from({ length: 70 }, (_, p) => p >> 1);
    const alone = setOf(70, []);
    const a = setOf(70, [0, 1, 31, 32, 33, 63, 64, 69]);
    const b = setOf(70, [1, 31, 32, 63, 69, 5]);
    expect(countCasesIn(a, b)).toBe(countIn(a, b, alone, publicationAt).cases);
    expect(countCasesIn(a, b)).toBe(5);
    expect(countCasesIn(setOf(70, []), b)).toBe(0);
    expect(countCasePositionsIn(Int32Array.from([0, 1, 31, 32, 33, 63, 64, 69]), b)).toBe(5);
    expect(countCasePositionsIn(new Int32Array(0), b)).toBe(0);
  });
});
