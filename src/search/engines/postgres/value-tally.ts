/**
 * Counting every value of one coded field in a single pass over a set of matching cases, the other
 * way to count a facet than one bitset AND per value (bitset.ts). A value held by many cases costs
 * the sets way a word per 32 cases of the corpus; this way costs a visit per matching case and value
 * held, whatever the corpus size. Which is cheaper depends on how many cases match (see
 * preferValueScan).
 */

/**
 * A coded field's values by position (a case's rank in publication order), as small slot numbers:
 * position p holds slots[start[p]] .. slots[start[p + 1] - 1], each once, and slot s is code codes[s].
 */
export interface ValueColumn {
  codes: Int32Array;
  start: Int32Array;
  slots: Uint16Array | Int32Array;
  /** Dense values (kept as bitsets) and the positions listed by the sparse ones: the sets way's work. */
  denseValues: number;
  sparsePositions: number;
}

/**
 * Builds a value column: `valuesAt(position, visit)` gives the codes a position holds (repeats are
 * listed once); slots follow `codeOrder` (codes outside it are ignored), so counts come out in that order.
 */
export function buildValueColumn(positions: number, codeOrder: readonly number[], valuesAt: (position: number, visit: (code: number) => void) => void, sets: { denseValues: number; sparsePositions: number }): ValueColumn {
  const slotOf = new Map<number, number>(codeOrder.map((code, slot) => [code, slot]));
  const start = new Int32Array(positions + 1);
  const held: number[] = [];
  const all: number[] = [];
  for (let position = 0; position < positions; position++) {
    held.length = 0;
    valuesAt(position, (code) => {
      const slot = slotOf.get(code);
      if (slot !== undefined && !held.includes(slot)) held.push(slot);
    });
    for (const slot of held) all.push(slot);
    start[position + 1] = all.length;
  }
  const slots = codeOrder.length <= 0x10000 ? Uint16Array.from(all) : Int32Array.from(all);
  return { codes: Int32Array.from(codeOrder), start, slots, ...sets };
}

/**
 * Relative costs (one word ANDed and counted = 1) of visiting a matching case, each value it holds,
 * and testing one listed position of a sparse value. Rough: at 100,000 cases, on the full faceted
 * searches of bench/search.bench.ts, counting every coded facet in one pass was cheaper than the
 * sets (2.6 against 4.2 ms of CPU for the six facets); the sets stay cheaper for a field of few
 * values when most of the corpus matches.
 */
const CASE_COST = 1;
const SLOT_COST = 1;
const SPARSE_COST = 2;

/**
 * Whether one pass over the `matches` cases of a set is cheaper than counting each value's set
 * against it (`words` per dense value, one test per listed position of a sparse one).
 */
export function preferValueScan(column: ValueColumn, matches: number, words: number): boolean {
  const positions = column.start.length - 1;
  const slotsPerCase = positions ? column.slots.length / positions : 0;
  const scan = matches * (CASE_COST + SLOT_COST * slotsPerCase);
  const sets = column.denseValues * words + column.sparsePositions * SPARSE_COST;
  return scan < sets;
}

/** Per-slot counts, reused from one count to the next (a count is synchronous: nothing interleaves). */
export class ValueTally {
  cases = new Int32Array(0);
  publications = new Int32Array(0);
  private last = new Int32Array(0);

  /**
   * Cases and distinct publications per slot among the positions of `set`. Positions ascend and a
   * publication's cases are neighbours, so a slot's new publication is one other than its last.
   */
  count(set: Uint32Array, column: ValueColumn, publicationAt: Int32Array): void {
    const size = column.codes.length;
    if (this.cases.length < size) {
      this.cases = new Int32Array(size);
      this.publications = new Int32Array(size);
      this.last = new Int32Array(size);
    }
    const { cases, publications, last } = this;
    const { start, slots } = column;
    cases.fill(0, 0, size);
    publications.fill(0, 0, size);
    last.fill(-1, 0, size);
    const words = Math.min(set.length, (start.length + 30) >>> 5);
    for (let w = 0; w < words; w++) {
      let word = set[w];
      while (word !== 0) {
        const low = word & -word;
        const position = (w << 5) + 31 - Math.clz32(low);
        word ^= low;
        const publication = publicationAt[position];
        for (let v = start[position], end = start[position + 1]; v < end; v++) {
          const slot = slots[v];
          cases[slot]++;
          if (last[slot] !== publication) {
            last[slot] = publication;
            publications[slot]++;
          }
        }
      }
    }
  }
}
