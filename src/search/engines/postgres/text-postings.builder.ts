import { summarize } from './occurrences';
import { TextPostings } from './text-postings';
import { parseTsvector, UnsupportedTsqueryError } from './tsquery';

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


/** Builds TextPostings from `[ordinal, search_vector::text]` pairs in ascending ordinal order. */
export function buildTextPostings(vectors: Iterable<[number, string]>): TextPostings {
  const builder = new TextPostingsBuilder();
  for (const [ord, text] of vectors) builder.add(ord, text);
  return builder.finish();
}
