import { cardinality, wordCount } from './bitset';
import { buildValueColumn, preferValueScan, ValueTally } from './value-tally';
import { seededRandom } from '../../../common/seeded-random';


/** A random corpus: per position its codes (repeats included) and its publication (runs of 1–4 positions). */
function corpus(seed: number, positions: number) {
  const rand = seededRandom(seed);
  const held: number[][] = [];
  const publicationAt = new Int32Array(positions);
  let publication = 0;
  for (let p = 0; p < positions; p++) {
    if (p > 0 && rand() < 0.6) publication++;
    publicationAt[p] = publication;
    const codes: number[] = [];
    const n = Math.floor(rand() * 5);
    // Skewed: low codes are common, high ones rare; some repeated within a case.
    for (let i = 0; i < n; i++) codes.push(10 + Math.floor(rand() ** 3 * 60));
    if (n && rand() < 0.1) codes.push(codes[0]);
    held.push(codes);
  }
  const set = new Uint32Array(wordCount(positions));
  const density = rand();
  for (let p = 0; p < positions; p++) if (rand() < density) set[p >>> 5] |= 1 << (p & 31);
  return { held, publicationAt, set, rand };
}

describe('ValueTally (one pass over the matching cases)', () => {
  it.each([1, 2, 3, 4, 5, 6, 7, 8])('counts cases and distinct publications per value as a naive pass does (seed %i)', (seed) => {
    const positions = 200 + seed * 397;
    const { held, publicationAt, set } = corpus(seed, positions);
    // Slots in an order of their own, leaving out one code the corpus holds (it is not counted).
    const codes = [...new Set(held.flat())].sort((a, b) => b - a);
    const ignored = codes.pop() as number;
    const column = buildValueColumn(positions, codes, (position, visit) => held[position].forEach(visit), { denseValues: 0, sparsePositions: 0 });
    const tally = new ValueTally();
    tally.count(set, column, publicationAt);

    const naive = new Map<number, { cases: number; publications: Set<number> }>();
    for (let p = 0; p < positions; p++) {
      if (!((set[p >>> 5] >>> (p & 31)) & 1)) continue;
      for (const code of new Set(held[p])) {
        if (code === ignored) continue;
        const entry = naive.get(code) ?? { cases: 0, publications: new Set<number>() };
        entry.cases++;
        entry.publications.add(publicationAt[p]);
        naive.set(code, entry);
      }
    }
    const counted = new Map<number, [number, number]>();
    codes.forEach((code, slot) => tally.cases[slot] && counted.set(code, [tally.cases[slot], tally.publications[slot]]));
    expect(counted).toEqual(new Map([...naive].map(([code, entry]) => [code, [entry.cases, entry.publications.size]])));
    expect([...column.codes]).toEqual(codes);
  });

  it('starts from zero at every count (the scratch arrays are reused)', () => {
    const { held, publicationAt, set } = corpus(11, 500);
    const codes = [...new Set(held.flat())];
    const column = buildValueColumn(500, codes, (position, visit) => held[position].forEach(visit), { denseValues: 0, sparsePositions: 0 });
    const tally = new ValueTally();
    tally.count(set, column, publicationAt);
    const first = [Array.from(tally.cases), Array.from(tally.publications)];
    tally.count(new Uint32Array(set.length), column, publicationAt);
    expect(Array.from(tally.cases.subarray(0, codes.length)).every((n) => n === 0)).toBe(true);
    tally.count(set, column, publicationAt);
    expect([Array.from(tally.cases), Array.from(tally.publications)]).toEqual(first);
  });

  it('prefers one pass over a part of the corpus when the values are many, the sets when nearly every case matches or the values are few', () => {
    const positions = 100_000;
    const column = { codes: new Int32Array(40), start: new Int32Array(positions + 1).map((_, p) => p * 4), slots: new Uint16Array(positions * 4), denseValues: 40, sparsePositions: 2000 };
    const words = wordCount(positions);
    expect(preferValueScan(column, 15_000, words)).toBe(true);
    expect(preferValueScan(column, 500, words)).toBe(true);
    expect(preferValueScan(column, 90_000, words)).toBe(false);
    expect(preferValueScan({ ...column, denseValues: 3, sparsePositions: 0 }, 15_000, words)).toBe(false);
  });

  it('counts a set', () => {
    const set = new Uint32Array([0xffffffff, 0, 0x80000001]);
    expect(cardinality(set)).toBe(34);
  });
});
