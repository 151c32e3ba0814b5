/**
 * Occurrences: where a lexeme (or phrase) occurs, and the operations the text index combines them with.
 */
/**
 * Where lexemes (or phrases) occur: the documents holding them by ascending ordinal, how many
 * positions each has, and the positions themselves (`position << 2 | weight`, ascending per document).
 */
export interface Occurrences {
  ords: Int32Array;
  counts: Uint16Array;
  pos: Uint16Array;
  /** Per document: the weights present (bit 1 << weight) and, from bit 4, the sum of their values in tenths (see summaryOf). */
  summary: Uint16Array;
}

/** tsvector weights D, C, B, A as PostgreSQL's ranking functions value them by default (0.1 to 1.0), in tenths. */
export const WEIGHT_TENTHS = [1, 2, 4, 10];

/** Adds one position to a summary (weights present, low 4 bits; weight sum in tenths above, capped). */
export const summarize = (summary: number, position: number) => {
  const weight = position & 3;
  return (Math.min(4095, (summary >>> 4) + WEIGHT_TENTHS[weight]) << 4) | (summary & 15) | (1 << weight);
};


export const EMPTY: Occurrences = { ords: new Int32Array(0), counts: new Uint16Array(0), pos: new Uint16Array(0), summary: new Uint16Array(0) };

/** Accumulates occurrences in ordinal order into arrays of a known maximum size. */
export class OccurrenceBuilder {
  private readonly ords: Int32Array;
  private readonly counts: Uint16Array;
  private readonly summary: Uint16Array;
  readonly pos: Uint16Array;
  private docs = 0;
  positions = 0;

  constructor(maxDocuments: number, maxPositions: number) {
    this.ords = new Int32Array(maxDocuments);
    this.counts = new Uint16Array(maxDocuments);
    this.summary = new Uint16Array(maxDocuments);
    this.pos = new Uint16Array(maxPositions);
  }

  add(ord: number, positions: ArrayLike<number>): void {
    const first = this.positions;
    for (let i = 0; i < positions.length; i++) this.pos[this.positions++] = positions[i];
    this.close(ord, first);
  }

  /** Ends a document whose positions were written into `pos` from `first` on (none: nothing is added). */
  close(ord: number, first: number): void {
    if (this.positions === first) return;
    let summary = 0;
    for (let p = first; p < this.positions; p++) summary = summarize(summary, this.pos[p] & 3);
    this.ords[this.docs] = ord;
    this.summary[this.docs] = summary;
    this.counts[this.docs++] = this.positions - first;
  }

  done(): Occurrences {
    const docs = this.docs;
    return { ords: this.ords.subarray(0, docs), counts: this.counts.subarray(0, docs), pos: this.pos.subarray(0, this.positions), summary: this.summary.subarray(0, docs) };
  }
}

/**
 * `left <distance> right`: documents where right occurs `distance` positions after left; the
 * result's positions are right's (as PostgreSQL reports a phrase at its end), weighted by the
 * weaker of the two.
 */
export function phrase(left: Occurrences, right: Occurrences, distance: number): Occurrences {
  const out = new OccurrenceBuilder(Math.min(left.ords.length, right.ords.length), right.pos.length);
  let i = 0;
  let j = 0;
  let leftOffset = 0;
  let rightOffset = 0;
  while (i < left.ords.length && j < right.ords.length) {
    if (left.ords[i] < right.ords[j]) leftOffset += left.counts[i++];
    else if (left.ords[i] > right.ords[j]) rightOffset += right.counts[j++];
    else {
      const leftEnd = leftOffset + left.counts[i];
      const rightEnd = rightOffset + right.counts[j];
      const first = out.positions;
      let l = leftOffset;
      for (let r = rightOffset; r < rightEnd; r++) {
        const position = right.pos[r];
        const want = (position >> 2) - distance;
        while (l < leftEnd && left.pos[l] >> 2 < want) l++;
        if (l === leftEnd) break;
        if (left.pos[l] >> 2 === want) out.pos[out.positions++] = (position & ~3) | Math.min(position & 3, left.pos[l] & 3);
      }
      out.close(right.ords[j], first);
      leftOffset = leftEnd;
      rightOffset += right.counts[j];
      i++;
      j++;
    }
  }
  return out.done();
}

/** Either operand, positions merged (an OR inside a phrase, or of two spellings). */
export function union(a: Occurrences, b: Occurrences): Occurrences {
  const out = new OccurrenceBuilder(a.ords.length + b.ords.length, a.pos.length + b.pos.length);
  let i = 0;
  let j = 0;
  let aOffset = 0;
  let bOffset = 0;
  const merged: number[] = [];
  while (i < a.ords.length || j < b.ords.length) {
    const takeA = j >= b.ords.length || (i < a.ords.length && a.ords[i] <= b.ords[j]);
    const takeB = i >= a.ords.length || (j < b.ords.length && b.ords[j] <= a.ords[i]);
    if (takeA && takeB) {
      merged.length = 0;
      const aEnd = aOffset + a.counts[i];
      const bEnd = bOffset + b.counts[j];
      let x = aOffset;
      let y = bOffset;
      while (x < aEnd || y < bEnd) {
        if (y >= bEnd || (x < aEnd && a.pos[x] >> 2 < b.pos[y] >> 2)) merged.push(a.pos[x++]);
        else if (x >= aEnd || b.pos[y] >> 2 < a.pos[x] >> 2) merged.push(b.pos[y++]);
        else {
          merged.push(Math.max(a.pos[x++], b.pos[y++]));
        }
      }
      out.add(a.ords[i], merged);
      aOffset = aEnd;
      bOffset = bEnd;
      i++;
      j++;
    } else if (takeA) {
      out.add(a.ords[i], a.pos.subarray(aOffset, aOffset + a.counts[i]));
      aOffset += a.counts[i++];
    } else {
      out.add(b.ords[j], b.pos.subarray(bOffset, bOffset + b.counts[j]));
      bOffset += b.counts[j++];
    }
  }
  return out.done();
}

