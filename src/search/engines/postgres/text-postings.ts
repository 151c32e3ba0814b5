import { parseTsvector, TsqueryNode, UnsupportedTsqueryError } from './tsquery';

/**
 * Where lexemes (or phrases) occur: the documents holding them by ascending ordinal, how many
 * positions each has, and the positions themselves (`position << 2 | weight`, ascending per document).
 */
interface Occurrences {
  ords: Int32Array;
  counts: Uint16Array;
  pos: Uint16Array;
}

/** One document's lexemes, for the documents written since the postings were built. */
type DocumentTerms = Map<number, Uint16Array>;

/** tsvector weights D, C, B, A as PostgreSQL's ranking functions value them by default. */
const WEIGHT_VALUE = [0.1, 0.2, 0.4, 1.0];

const EMPTY: Occurrences = { ords: new Int32Array(0), counts: new Uint16Array(0), pos: new Uint16Array(0) };

/** Documents written since the build, beyond which the next search reloads everything instead. */
const overlayLimit = (documents: number) => Math.max(2_000, documents >> 4);

/** What a text query matched: a mask over ordinals, and a score for any ordinal. */
export interface TextMatch {
  mask: Uint8Array;
  /** Relevance of a matching document (see TextPostings.match). */
  score(ord: number): number;
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
  static build(vectors: [number, string][]): TextPostings {
    const postings = new TextPostings();
    vectors.sort((a, b) => a[0] - b[0]);
    // Pass 1: a compact copy of every document (lexeme id, position count, positions) and the sizes.
    let scratch = new Int32Array(1 << 20);
    let length = 0;
    const push = (value: number) => {
      if (length === scratch.length) {
        const grown = new Int32Array(scratch.length * 2);
        grown.set(scratch);
        scratch = grown;
      }
      scratch[length++] = value;
    };
    const documentCount: number[] = [];
    const positionCount: number[] = [];
    for (const [ord, text] of vectors) {
      const entries = parseTsvector(text);
      push(ord);
      push(entries.length);
      for (const entry of entries) {
        const id = postings.lexemeId(entry.lexeme);
        documentCount[id] = (documentCount[id] ?? 0) + 1;
        positionCount[id] = (positionCount[id] ?? 0) + entry.positions.length;
        push(id);
        push(entry.positions.length);
        for (const position of entry.positions) push(position);
      }
    }
    // Pass 2: postings of exact size, filled in ordinal order.
    const filled = new Int32Array(postings.lexicon.size);
    const posFilled = new Int32Array(postings.lexicon.size);
    postings.base = Array.from({ length: postings.lexicon.size }, (_, id) => ({
      ords: new Int32Array(documentCount[id] ?? 0),
      counts: new Uint16Array(documentCount[id] ?? 0),
      pos: new Uint16Array(positionCount[id] ?? 0),
    }));
    for (let i = 0; i < length; ) {
      const ord = scratch[i++];
      const entries = scratch[i++];
      for (let e = 0; e < entries; e++) {
        const id = scratch[i++];
        const count = scratch[i++];
        const target = postings.base[id];
        target.ords[filled[id]] = ord;
        target.counts[filled[id]++] = count;
        target.pos.set(scratch.subarray(i, i + count), posFilled[id]);
        posFilled[id] += count;
        i += count;
      }
    }
    postings.documents = vectors.length;
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
    if (!query) return { mask, score: () => 0 };
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

    let scores: Float64Array | null = null;
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
      score: (ord) => {
        if (!scores) {
          scores = new Float64Array(size);
          for (const unit of units) {
            const df = unit.ords.length;
            const idf = Math.log(1 + (documents - df + 0.5) / (df + 0.5));
            let offset = 0;
            for (let i = 0; i < unit.ords.length; i++) {
              let weight = 0;
              for (let p = offset; p < offset + unit.counts[i]; p++) weight += WEIGHT_VALUE[unit.pos[p] & 3];
              offset += unit.counts[i];
              if (unit.ords[i] < size) scores[unit.ords[i]] += (idf * weight) / (weight + 1);
            }
          }
        }
        return mask[ord] ? scores[ord] : 0;
      },
    };
  }
}

/** Accumulates occurrences in ordinal order into arrays of a known maximum size. */
class OccurrenceBuilder {
  private readonly ords: Int32Array;
  private readonly counts: Uint16Array;
  private readonly pos: Uint16Array;
  private docs = 0;
  private positions = 0;

  constructor(maxDocuments: number, maxPositions: number) {
    this.ords = new Int32Array(maxDocuments);
    this.counts = new Uint16Array(maxDocuments);
    this.pos = new Uint16Array(maxPositions);
  }

  add(ord: number, positions: ArrayLike<number>): void {
    if (!positions.length) return;
    this.ords[this.docs] = ord;
    this.counts[this.docs++] = positions.length;
    for (let i = 0; i < positions.length; i++) this.pos[this.positions++] = positions[i];
  }

  done(): Occurrences {
    return { ords: this.ords.subarray(0, this.docs), counts: this.counts.subarray(0, this.docs), pos: this.pos.subarray(0, this.positions) };
  }
}

/**
 * `left <distance> right`: documents where right occurs `distance` positions after left; the
 * result's positions are right's (as PostgreSQL reports a phrase at its end), weighted by the
 * weaker of the two.
 */
function phrase(left: Occurrences, right: Occurrences, distance: number): Occurrences {
  const out = new OccurrenceBuilder(Math.min(left.ords.length, right.ords.length), right.pos.length);
  const found: number[] = [];
  let i = 0;
  let j = 0;
  let leftOffset = 0;
  let rightOffset = 0;
  while (i < left.ords.length && j < right.ords.length) {
    if (left.ords[i] < right.ords[j]) leftOffset += left.counts[i++];
    else if (left.ords[i] > right.ords[j]) rightOffset += right.counts[j++];
    else {
      found.length = 0;
      const leftEnd = leftOffset + left.counts[i];
      let l = leftOffset;
      for (let r = rightOffset; r < rightOffset + right.counts[j]; r++) {
        const want = (right.pos[r] >> 2) - distance;
        while (l < leftEnd && left.pos[l] >> 2 < want) l++;
        if (l < leftEnd && left.pos[l] >> 2 === want) found.push((right.pos[r] & ~3) | Math.min(right.pos[r] & 3, left.pos[l] & 3));
      }
      out.add(right.ords[j], found);
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
