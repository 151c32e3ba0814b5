/**
 * Sets of cases as bits, 32 to a word: counting a facet value is an AND and a population count per
 * word instead of a visit per case. Positions are a case's rank in publication order (see
 * FacetColumns), so the cases of one publication are neighbours.
 */
export const wordCount = (size: number) => (size + 31) >>> 5;

const POPULATION = (() => {
  const table = new Uint8Array(1 << 16);
  for (let i = 1; i < table.length; i++) table[i] = (i & 1) + table[i >>> 1];
  return table;
})();

export const popcount = (word: number) => POPULATION[word & 0xffff] + POPULATION[word >>> 16];

/** All of these sets (at least one). */
export function intersect(sets: Uint32Array[]): Uint32Array {
  const out = Uint32Array.from(sets[0]);
  for (let s = 1; s < sets.length; s++) {
    const other = sets[s];
    for (let w = 0; w < out.length; w++) out[w] &= other[w];
  }
  return out;
}

/**
 * Cases and distinct publications in `a ∧ b`. A case alone in its publication (`alone` bit set) is
 * one publication; the cases of larger publications are visited (positions ascend and a
 * publication's cases are neighbours, so "a new publication" is "another than the last one seen").
 */
export function countIn(a: Uint32Array, b: Uint32Array, alone: Uint32Array, publicationAt: Int32Array): { cases: number; publications: number } {
  let cases = 0;
  let publications = 0;
  let last = -1;
  for (let w = 0; w < a.length; w++) {
    const set = a[w] & b[w];
    if (set === 0) continue;
    cases += popcount(set);
    publications += popcount(set & alone[w]);
    let shared = set & ~alone[w];
    while (shared !== 0) {
      const low = shared & -shared;
      const publication = publicationAt[(w << 5) + 31 - Math.clz32(low)];
      if (publication !== last) {
        publications++;
        last = publication;
      }
      shared ^= low;
    }
  }
  return { cases, publications };
}

/**
 * Cases and distinct publications among `positions` (ascending: a sparse set, for a facet value few
 * cases hold) that are also in `b`. Visits each listed position instead of every word of `b`.
 */
export function countPositionsIn(positions: Int32Array, b: Uint32Array, publicationAt: Int32Array): { cases: number; publications: number } {
  let cases = 0;
  let publications = 0;
  let last = -1;
  for (let i = 0; i < positions.length; i++) {
    const position = positions[i];
    if (((b[position >>> 5] >>> (position & 31)) & 1) === 0) continue;
    cases++;
    const publication = publicationAt[position];
    if (publication !== last) {
      publications++;
      last = publication;
    }
  }
  return { cases, publications };
}

/** Cases in `a ∧ b`, publications not counted: population counts only. */
export function countCasesIn(a: Uint32Array, b: Uint32Array): number {
  let cases = 0;
  for (let w = 0; w < a.length; w++) {
    const set = a[w] & b[w];
    if (set !== 0) cases += popcount(set);
  }
  return cases;
}

/** Cases among `positions` (ascending: a sparse set) that are also in `b`, publications not counted. */
export function countCasePositionsIn(positions: Int32Array, b: Uint32Array): number {
  let cases = 0;
  for (let i = 0; i < positions.length; i++) cases += (b[positions[i] >>> 5] >>> (positions[i] & 31)) & 1;
  return cases;
}

/** Calls `visit` with every position in the set, ascending. */
export function forEachPosition(set: Uint32Array, visit: (position: number) => void): void {
  for (let w = 0; w < set.length; w++) {
    let word = set[w];
    while (word !== 0) {
      const low = word & -word;
      visit((w << 5) + 31 - Math.clz32(low));
      word ^= low;
    }
  }
}

/** How many positions a set holds. */
export function cardinality(set: Uint32Array): number {
  let count = 0;
  for (let w = 0; w < set.length; w++) if (set[w] !== 0) count += popcount(set[w]);
  return count;
}
