import { parseTsvector, TsqueryNode, UnsupportedTsqueryError } from './tsquery';

/**
 * Where lexemes (or phrases) occur: the documents holding them by ascending ordinal, how many
 * positions each has, and the positions themselves (`position << 2 | weight`, ascending per document).
 */
interface Occurrences {
  ords: Int32Array;
  counts: Uint16Array;
  pos: Uint16Array;
  /** Per document: the weights present (bit 1 << weight) and, from bit 4, the sum of their values in tenths (see summaryOf). */
  summary: Uint16Array;
}

/** tsvector weights D, C, B, A as PostgreSQL's ranking functions value them by default (0.1 to 1.0), in tenths. */
const WEIGHT_TENTHS = [1, 2, 4, 10];

/** Adds one position to a summary (weights present, low 4 bits; weight sum in tenths above, capped). */
const summarize = (summary: number, position: number) => {
  const weight = position & 3;
  return (Math.min(4095, (summary >>> 4) + WEIGHT_TENTHS[weight]) << 4) | (summary & 15) | (1 << weight);
};

/** One document's lexemes, for the documents written since the postings were built. */
type DocumentTerms = Map<number, Uint16Array>;


const EMPTY: Occurrences = { ords: new Int32Array(0), counts: new Uint16Array(0), pos: new Uint16Array(0), summary: new Uint16Array(0) };

/** Documents written since the build, beyond which the next search reloads everything instead. */
const overlayLimit = (documents: number) => Math.max(2_000, documents >> 4);

/** What a text query matched: a mask over ordinals, and a score for any ordinal. */
export interface TextMatch {
  mask: Uint8Array;
  /** Relevance of a matching document (see TextPostings.match). */
  score(ord: number): number;
  /** Every ordinal's relevance, negated (a sort key: ascending is most relevant first). */
  negatedScores(): Float64Array;
  /**
   * For these documents, the weights (bit 1 << weight: A 3, B 2, C 1, D 0) in which any lexeme of the
   * query occurs, negated ones included (ts_headline marks those too): a field of a weight not
   * listed has nothing to highlight.
   */
  weights(ords: number[]): Map<number, number>;
}

/**
 * The embedded engine's full-text index in memory: the lexemes of every document's search_vector
 * (as PostgreSQL analysed them) inverted into postings with positions and weights. Matching a
 * tsquery here visits only the postings of its lexemes, where PostgreSQL had to read every matching
 * row. Documents written after the build are held apart (an overlay) and merged in when read.
 */
export class TextPostings {
  private readonly lexicon = new Map<string, number>();
  private base: Occurrences[] = [];
  private readonly overlay = new Map<number, DocumentTerms | null>();
  private documents = 0;

  /** Builds the postings from `[ordinal, search_vector::text]` pairs. */
  static build(vectors: Iterable<[number, string]>): TextPostings {
    const builder = new TextPostingsBuilder();
    for (const [ord, text] of vectors) builder.add(ord, text);
    return builder.finish();
  }

  /** Postings in one block per array (few large arrays, not three per lexeme): lexeme `id` spans [start[id], start[id + 1]). */
  static fromBlocks(lexicon: Map<string, number>, blocks: { start: Int32Array; posStart: Float64Array; ords: Int32Array; counts: Uint16Array; pos: Uint16Array; summary: Uint16Array }, documents: number): TextPostings {
    const postings = new TextPostings();
    for (const [lexeme, id] of lexicon) postings.lexicon.set(lexeme, id);
    const { start, posStart, ords, counts, pos, summary } = blocks;
    postings.base = Array.from({ length: lexicon.size }, (_, id) => ({
      ords: ords.subarray(start[id], start[id + 1]),
      counts: counts.subarray(start[id], start[id + 1]),
      pos: pos.subarray(posStart[id], posStart[id + 1]),
      summary: summary.subarray(start[id], start[id + 1]),
    }));
    postings.documents = documents;
    return postings;
  }

  private lexemeId(lexeme: string): number {
    let id = this.lexicon.get(lexeme);
    if (id === undefined) {
      id = this.lexicon.size;
      this.lexicon.set(lexeme, id);
    }
    return id;
  }

  /** Replaces (or adds) one document's lexemes. False when the overlay is full: reload instead. */
  put(ord: number, vector: string): boolean {
    const terms: DocumentTerms = new Map();
    for (const entry of parseTsvector(vector)) terms.set(this.lexemeId(entry.lexeme), Uint16Array.from(entry.positions));
    this.overlay.set(ord, terms);
    return this.overlay.size <= overlayLimit(this.documents);
  }

  /** Drops one document. False when the overlay is full: reload instead. */
  remove(ord: number): boolean {
    this.overlay.set(ord, null);
    return this.overlay.size <= overlayLimit(this.documents);
  }

  /** The occurrences of one lexeme: the built postings without rewritten documents, merged with the overlay. */
  private lexeme(lexeme: string): Occurrences {
    const id = this.lexicon.get(lexeme);
    if (id === undefined) return EMPTY;
    const base = this.base[id] ?? EMPTY;
    if (!this.overlay.size) return base;
    const extra: [number, Uint16Array][] = [];
    for (const [ord, terms] of this.overlay) {
      const positions = terms?.get(id);
      if (positions) extra.push([ord, positions]);
    }
    extra.sort((a, b) => a[0] - b[0]);
    const out = new OccurrenceBuilder(base.ords.length + extra.length, base.pos.length + extra.reduce((n, [, p]) => n + p.length, 0));
    let offset = 0;
    let x = 0;
    for (let i = 0; i < base.ords.length; i++) {
      const ord = base.ords[i];
      const count = base.counts[i];
      while (x < extra.length && extra[x][0] < ord) out.add(extra[x][0], extra[x++][1]);
      if (!this.overlay.has(ord)) out.add(ord, base.pos.subarray(offset, offset + count));
      offset += count;
    }
    while (x < extra.length) out.add(extra[x][0], extra[x++][1]);
    return out.done();
  }

  /**
   * Evaluates a tsquery (as PostgreSQL's `@@` would on search_vector) over `size` ordinals. A null
   * query (only stop words) matches nothing, as in PostgreSQL.
   *
   * Relevance, BM25-like per scoring unit (each word or phrase not under a NOT): the sum over units of
   * idf × w / (w + 1), where w adds the weight of every occurrence (A 1.0 title and terms, B 0.4
   * narrative, C 0.2 ancestor terms and abstract, D 0.1 the rest). Rare words and title or term
   * matches count most; repeats saturate. `documents`: live documents, for idf.
   */
  match(query: TsqueryNode | null, size: number, documents: number): TextMatch {
    const mask = new Uint8Array(size);
    if (!query) return { mask, score: () => 0, negatedScores: () => new Float64Array(size), weights: (ords) => new Map(ords.map((ord) => [ord, 0])) };
    const occurrences = new Map<TsqueryNode, Occurrences>();
    const positional = (node: TsqueryNode): Occurrences => {
      let found = occurrences.get(node);
      if (found) return found;
      switch (node.op) {
        case 'lexeme':
          found = this.lexeme(node.lexeme);
          break;
        case 'phrase':
          found = phrase(positional(node.left), positional(node.right), node.distance);
          break;
        case 'or':
          found = union(positional(node.left), positional(node.right));
          break;
        default:
          throw new UnsupportedTsqueryError(`${node.op} inside a phrase`);
      }
      occurrences.set(node, found);
      return found;
    };
    const evaluate = (node: TsqueryNode): Uint8Array => {
      switch (node.op) {
        case 'lexeme':
        case 'phrase': {
          const out = new Uint8Array(size);
          for (const ord of positional(node).ords) if (ord < size) out[ord] = 1;
          return out;
        }
        case 'not': {
          const out = evaluate(node.arg);
          for (let i = 0; i < size; i++) out[i] ^= 1;
          return out;
        }
        case 'and':
        case 'or': {
          const left = evaluate(node.left);
          const right = evaluate(node.right);
          if (node.op === 'and') for (let i = 0; i < size; i++) left[i] &= right[i];
          else for (let i = 0; i < size; i++) left[i] |= right[i];
          return left;
        }
      }
    };
    mask.set(evaluate(query));

    let negated: Float64Array | null = null;
    const negatedScores = (): Float64Array => {
      if (negated) return negated;
      const scores = new Float64Array(size);
      for (const unit of units) {
        const df = unit.ords.length;
        const idf = Math.log(1 + (documents - df + 0.5) / (df + 0.5));
        for (let i = 0; i < unit.ords.length; i++) {
          const weight = (unit.summary[i] >>> 4) / 10;
          if (unit.ords[i] < size) scores[unit.ords[i]] -= (idf * weight) / (weight + 1);
        }
      }
      for (let ord = 0; ord < size; ord++) if (!mask[ord]) scores[ord] = 0;
      return (negated = scores);
    };
    const units: Occurrences[] = [];
    const collect = (node: TsqueryNode): void => {
      if (node.op === 'lexeme' || node.op === 'phrase') units.push(positional(node));
      else if (node.op === 'and' || node.op === 'or') {
        collect(node.left);
        collect(node.right);
      }
    };
    collect(query);
    return {
      mask,
      negatedScores,
      score: (ord) => (mask[ord] ? -negatedScores()[ord] || 0 : 0),
      weights: (ords) => {
        // Slot + 1 of each wanted document, so the postings walk does an array read per posting.
        const slotOf = new Int32Array(size);
        ords.forEach((ord, slot) => (slotOf[ord] = slot + 1));
        const bits = new Int32Array(ords.length);
        const lexemes: Occurrences[] = [];
        const visit = (node: TsqueryNode): void => {
          if (node.op === 'lexeme') lexemes.push(positional(node));
          else if (node.op === 'not') visit(node.arg);
          else {
            visit(node.left);
            visit(node.right);
          }
        };
        visit(query);
        for (const unit of lexemes) {
          for (let i = 0; i < unit.ords.length; i++) {
            const slot = unit.ords[i] < size ? slotOf[unit.ords[i]] : 0;
            if (slot) bits[slot - 1] |= unit.summary[i] & 15;
          }
        }
        const wanted = new Map(ords.map((ord, slot) => [ord, bits[slot]]));
        return wanted;
      },
    };
  }
}

/**
 * Builds TextPostings from documents added in ascending ordinal order, reading tsvector text
 * without intermediate objects (a 100,000-case index holds ~9 million postings): per lexeme
 * growable arrays while reading, one block per array at the end.
 */
export class TextPostingsBuilder {
  private readonly lexicon = new Map<string, number>();
  private ords: Int32Array[] = [];
  private counts: Uint16Array[] = [];
  private summaries: Uint16Array[] = [];
  private pos: Uint16Array[] = [];
  private docsOf: number[] = [];
  private positionsOf: number[] = [];
  private documents = 0;
  private lastOrd = -1;

  add(ord: number, text: string): void {
    if (ord <= this.lastOrd) throw new Error(`documents must come in ascending ordinal order (${ord} after ${this.lastOrd})`);
    this.lastOrd = ord;
    this.documents++;
    const length = text.length;
    let i = 0;
    while (i < length) {
      if (text.charCodeAt(i) === 32) {
        i++;
        continue;
      }
      // A quoted lexeme, hashed while scanned so the common case (seen before, no escapes) allocates nothing.
      let end = i + 1;
      let escaped = false;
      let hash = 0x811c9dc5;
      for (;;) {
        const ch = text.charCodeAt(end);
        if (ch === 92) {
          escaped = true;
          end += 2;
        } else if (ch === 39) {
          if (text.charCodeAt(end + 1) === 39) {
            escaped = true;
            end += 2;
          } else break;
        } else if (end >= length) throw new UnsupportedTsqueryError('unterminated lexeme in a tsvector');
        else {
          hash = Math.imul(hash ^ ch, 0x01000193);
          end++;
        }
      }
      const id = escaped ? this.idOf(parseTsvector(text.slice(i, end + 1))[0].lexeme) : this.idAt(text, i + 1, end, hash >>> 0);
      i = end + 1;
      let ords = this.ords[id];
      const d = this.docsOf[id];
      if (d === ords.length) {
        ords = this.ords[id] = grow(ords, Int32Array) as Int32Array;
        this.counts[id] = grow(this.counts[id], Uint16Array) as Uint16Array;
        this.summaries[id] = grow(this.summaries[id], Uint16Array) as Uint16Array;
      }
      ords[d] = ord;
      let pos = this.pos[id];
      let n = this.positionsOf[id];
      const first = n;
      let summary = 0;
      if (text.charCodeAt(i) === 58) {
        i++;
        for (;;) {
          let position = 0;
          let ch = text.charCodeAt(i);
          while (ch >= 48 && ch <= 57) {
            position = position * 10 + ch - 48;
            ch = text.charCodeAt(++i);
          }
          let weight = 0;
          if (ch >= 65 && ch <= 68) {
            weight = 68 - ch; // A 3, B 2, C 1, D 0
            ch = text.charCodeAt(++i);
          }
          if (n === pos.length) pos = this.pos[id] = grow(pos, Uint16Array) as Uint16Array;
          pos[n++] = (position << 2) | weight;
          summary = summarize(summary, weight);
          if (ch !== 44) break;
          i++;
        }
      }
      this.positionsOf[id] = n;
      this.counts[id][d] = n - first;
      this.summaries[id][d] = summary;
      this.docsOf[id] = d + 1;
    }
  }

  /** Open addressing over the hash of the unescaped lexemes: slot -> id + 1. */
  private slots = new Int32Array(1 << 12);
  private lexemes: string[] = [];
  private hashes: number[] = [];

  /** The id of the lexeme text[from, to) (no escapes), found by hash and compared in place. */
  private idAt(text: string, from: number, to: number, hash: number): number {
    const mask = this.slots.length - 1;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const entry = this.slots[slot];
      if (entry === 0) break;
      const id = entry - 1;
      if (this.hashes[id] !== hash) continue;
      const lexeme = this.lexemes[id];
      if (lexeme.length !== to - from) continue;
      let same = true;
      for (let k = 0; k < lexeme.length && same; k++) same = lexeme.charCodeAt(k) === text.charCodeAt(from + k);
      if (same) return id;
    }
    return this.idOf(text.slice(from, to));
  }

  private hashOf(lexeme: string): number {
    let hash = 0x811c9dc5;
    for (let k = 0; k < lexeme.length; k++) hash = Math.imul(hash ^ lexeme.charCodeAt(k), 0x01000193);
    return hash >>> 0;
  }

  private place(id: number): void {
    const mask = this.slots.length - 1;
    let slot = this.hashes[id] & mask;
    while (this.slots[slot] !== 0) slot = (slot + 1) & mask;
    this.slots[slot] = id + 1;
  }

  private idOf(lexeme: string): number {
    let id = this.lexicon.get(lexeme);
    if (id === undefined) {
      id = this.lexicon.size;
      this.lexicon.set(lexeme, id);
      this.ords.push(new Int32Array(4));
      this.counts.push(new Uint16Array(4));
      this.summaries.push(new Uint16Array(4));
      this.pos.push(new Uint16Array(4));
      this.docsOf.push(0);
      this.positionsOf.push(0);
      this.lexemes.push(lexeme);
      this.hashes.push(this.hashOf(lexeme));
      if (this.lexemes.length * 2 > this.slots.length) {
        this.slots = new Int32Array(this.slots.length * 2);
        for (let known = 0; known < this.lexemes.length; known++) this.place(known);
      } else this.place(id);
    }
    return id;
  }

  finish(): TextPostings {
    const lexemes = this.lexicon.size;
    const start = new Int32Array(lexemes + 1);
    const posStart = new Float64Array(lexemes + 1);
    for (let id = 0; id < lexemes; id++) {
      start[id + 1] = start[id] + this.docsOf[id];
      posStart[id + 1] = posStart[id] + this.positionsOf[id];
    }
    const ords = new Int32Array(start[lexemes]);
    const counts = new Uint16Array(start[lexemes]);
    const summary = new Uint16Array(start[lexemes]);
    const pos = new Uint16Array(posStart[lexemes]);
    for (let id = 0; id < lexemes; id++) {
      ords.set(this.ords[id].subarray(0, this.docsOf[id]), start[id]);
      counts.set(this.counts[id].subarray(0, this.docsOf[id]), start[id]);
      summary.set(this.summaries[id].subarray(0, this.docsOf[id]), start[id]);
      pos.set(this.pos[id].subarray(0, this.positionsOf[id]), posStart[id]);
    }
    // The growable arrays go with the builder.
    this.ords = [];
    this.counts = [];
    this.summaries = [];
    this.pos = [];
    return TextPostings.fromBlocks(this.lexicon, { start, posStart, ords, counts, pos, summary }, this.documents);
  }
}

function grow<T extends Int32Array | Uint16Array>(array: T, Type: { new (length: number): T }): T {
  const grown = new Type(array.length * 2);
  grown.set(array);
  return grown;
}

/** Accumulates occurrences in ordinal order into arrays of a known maximum size. */
class OccurrenceBuilder {
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
function phrase(left: Occurrences, right: Occurrences, distance: number): Occurrences {
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
function union(a: Occurrences, b: Occurrences): Occurrences {
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
