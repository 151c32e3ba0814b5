import { PREFIX_MAX_EXPANSIONS } from '../../query/text-query';
import { EMPTY, OccurrenceBuilder, Occurrences, phrase, union } from './occurrences';
import { LruMap } from '../../../common/lru-map';
import { parseTsvector, TsqueryNode, UnsupportedTsqueryError } from './tsquery';

/** One document's lexemes, for the documents written since the postings were built. */
type DocumentTerms = Map<number, Uint16Array>;



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
  /** Bumped by every write; a lexeme's postings merged with the overlay of this generation are current. */
  private generation = 0;
  private readonly mergedAt = new Map<number, number>();
  private documents = 0;

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

  /** The lexicon sorted, for prefix lookups (rebuilt when a write added lexemes). */
  private sorted: string[] | null = null;

  /**
   * The lexemes a prefix expands to (search as you type): at most PREFIX_MAX_EXPANSIONS of the indexed
   * lexemes starting with it, those in the most documents first (ties alphabetically), so a short
   * prefix finds the common words. Elasticsearch's max_expansions keeps the first terms of its term
   * dictionary instead; both are exact while a prefix has no more lexemes than the bound.
   */
  expand(prefix: string): string[] {
    if (!this.sorted || this.sorted.length !== this.lexicon.size) this.sorted = [...this.lexicon.keys()].sort();
    const sorted = this.sorted;
    let low = 0;
    let high = sorted.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (sorted[mid] < prefix) low = mid + 1;
      else high = mid;
    }
    const found: [string, number][] = [];
    for (let i = low; i < sorted.length && sorted[i].startsWith(prefix); i++) {
      const documents = this.lexeme(sorted[i]).ords.length;
      if (documents) found.push([sorted[i], documents]);
    }
    return found
      .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
      .slice(0, PREFIX_MAX_EXPANSIONS)
      .map(([lexeme]) => lexeme);
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
    this.generation++;
    const terms: DocumentTerms = new Map();
    for (const entry of parseTsvector(vector)) terms.set(this.lexemeId(entry.lexeme), Uint16Array.from(entry.positions));
    this.overlay.set(ord, terms);
    return this.overlay.size <= overlayLimit(this.documents);
  }

  /** Drops one document. False when the overlay is full: reload instead. */
  remove(ord: number): boolean {
    this.generation++;
    this.overlay.set(ord, null);
    return this.overlay.size <= overlayLimit(this.documents);
  }

  /**
   * The occurrences of one lexeme: the built postings without rewritten documents, merged with the
   * overlay. The merge replaces the lexeme's postings until the next write (merging again is
   * idempotent: overlay documents are always taken from the overlay).
   */
  private lexeme(lexeme: string): Occurrences {
    const id = this.lexicon.get(lexeme);
    if (id === undefined) return EMPTY;
    const base = this.base[id] ?? EMPTY;
    if (!this.overlay.size || this.mergedAt.get(id) === this.generation) return base;
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
    this.base[id] = out.done();
    this.mergedAt.set(id, this.generation);
    return this.base[id];
  }

  /**
   * Matches of recent queries by tsquery text, until the next write: a researcher pages, refines
   * filters and facets under the same text, and each match holds a mask and, once ranked, a score
   * per ordinal (~0.9 MB at 100,000 cases). Settable, so a benchmark can measure without it.
   */
  static recentMatches = 16;
  private readonly recent = new LruMap<string, TextMatch>(() => TextPostings.recentMatches);
  private recentGeneration = -1;

  /** match, remembered under `key` (the tsquery as PostgreSQL printed it) until the next write. */
  matchRecent(key: string, query: TsqueryNode | null, size: number, documents: number): TextMatch {
    if (this.recentGeneration !== this.generation) {
      this.recent.clear();
      this.recentGeneration = this.generation;
    }
    const slot = `${size}:${documents}:${key}`;
    let found = this.recent.get(slot);
    if (!found) this.recent.set(slot, (found = this.match(query, size, documents)));
    return found;
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
        case 'prefix':
          found = this.expand(node.lexeme).reduce<Occurrences>((all, lexeme) => (all === EMPTY ? this.lexeme(lexeme) : union(all, this.lexeme(lexeme))), EMPTY);
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
        case 'prefix':
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
      if (node.op === 'lexeme' || node.op === 'prefix' || node.op === 'phrase') units.push(positional(node));
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
          if (node.op === 'lexeme' || node.op === 'prefix') lexemes.push(positional(node));
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

