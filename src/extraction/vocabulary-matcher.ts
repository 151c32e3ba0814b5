import type { VocabularyEntry } from './extraction.types';
import type { TermKind } from '../vocabulary/term-kind.enum';
import { tokenize, type Token } from './text-tokenizer';

/** A vocabulary term found in a text span. Several entries when one surface names terms of several kinds. */
export interface TermMatch {
  start: number;
  end: number;
  /** Token indexes into the tokens the match was made on, [from, to). */
  tokenFrom: number;
  tokenTo: number;
  entries: VocabularyEntry[];
}

export interface VocabularyMatcher {
  /** Leftmost-longest, non-overlapping matches in text[from, to). Linear in the span. */
  match(text: string, from?: number, to?: number): { tokens: Token[]; matches: TermMatch[] };
  /** Matches on tokens already made (so the caller tokenizes once). */
  matchTokens(tokens: Token[]): TermMatch[];
  byMeshUi(ui: string): VocabularyEntry[];
  byKey(kind: TermKind, key: string): VocabularyEntry | undefined;
  /** Keys of the ancestors of a term (parent first). */
  ancestors(kind: TermKind, key: string): string[];
  readonly size: number;
}

interface TrieNode {
  children: Map<string, TrieNode>;
  entries: VocabularyEntry[] | null;
}

/** Longest term we index, in tokens; bounds the work per text position (so matching stays linear). */
const MAX_TERM_TOKENS = 12;

/** Synonyms that are ordinary English words in most sentences; their terms are found by rules instead. */
const AMBIGUOUS_SURFACES = new Set(['fit', 'surgery']);

/** "EBP", "PDPH", "SIH": all capitals, matched only as written. */
function isAcronym(surface: string): boolean {
  return /^[A-Z][A-Z0-9]{1,5}$/.test(surface);
}

function kindKey(kind: TermKind, key: string): string {
  return `${kind}\u0000${key}`;
}

function addUnique(list: VocabularyEntry[], e: VocabularyEntry): void {
  if (!list.includes(e)) list.push(e);
}

/**
 * Build once per vocabulary (thousands of terms: a token trie), then match any number of texts.
 * Curated terms win over MeSH-seeded duplicates (same meshUi and kind): the duplicate's surfaces map
 * to the curated term, so the seeded synonyms still help recall.
 */
export function buildTermMatcher(entries: VocabularyEntry[]): VocabularyMatcher {
  // Canonical entry per (kind, meshUi): curated first, then list order.
  const canonicalByUi = new Map<string, VocabularyEntry>();
  const rank = (e: VocabularyEntry) => (e.source === 'mesh' ? 1 : 0);
  for (const e of entries) {
    if (!e.meshUi) continue;
    const k = kindKey(e.kind, e.meshUi);
    const cur = canonicalByUi.get(k);
    if (!cur || rank(e) < rank(cur)) canonicalByUi.set(k, e);
  }
  const canonical = (e: VocabularyEntry): VocabularyEntry => (e.meshUi ? canonicalByUi.get(kindKey(e.kind, e.meshUi)) ?? e : e);

  const root: TrieNode = { children: new Map(), entries: null };
  const acronyms = new Map<string, VocabularyEntry[]>();
  const byUi = new Map<string, VocabularyEntry[]>();
  const byKindKey = new Map<string, VocabularyEntry>();

  for (const e of entries) {
    const target = canonical(e);
    if (!byKindKey.has(kindKey(e.kind, e.key))) byKindKey.set(kindKey(e.kind, e.key), e);
    if (e.meshUi) {
      const list = byUi.get(e.meshUi) ?? [];
      addUnique(list, target);
      byUi.set(e.meshUi, list);
    }
    // "Urinary retention or voiding difficulty": the first alternative is a wording too (when it has two words or more).
    const orHead = e.label.split(/ or /i)[0];
    const extra = orHead !== e.label && orHead.trim().split(/\s+/).length >= 2 ? [orHead] : [];
    for (const surface of [e.label, ...extra, ...e.synonyms]) {
      const trimmed = surface.trim();
      if (!trimmed) continue;
      if (isAcronym(trimmed)) {
        const list = acronyms.get(trimmed) ?? [];
        addUnique(list, target);
        acronyms.set(trimmed, list);
        continue;
      }
      if (AMBIGUOUS_SURFACES.has(trimmed.toLowerCase())) continue;
      // "Hematoma, Epidural, Spinal" (MeSH inverted form) is indexed as written; the natural order is
      // usually another synonym. Parenthesised qualifiers are dropped: "subdural haematoma (intracranial)".
      const cleaned = trimmed.replace(/\([^)]*\)/g, ' ');
      const toks = tokenize(cleaned);
      if (toks.length === 0 || toks.length > MAX_TERM_TOKENS) continue;
      let node = root;
      for (const t of toks) {
        let next = node.children.get(t.norm);
        if (!next) {
          next = { children: new Map(), entries: null };
          node.children.set(t.norm, next);
        }
        node = next;
      }
      node.entries = node.entries ?? [];
      // One surface, one term per kind: the first (canonical) wins within a kind.
      if (!node.entries.some((x) => x.kind === target.kind)) node.entries.push(target);
    }
  }

  /** Longest term starting at token i: [end, entries] or null. At most MAX_TERM_TOKENS steps. */
  const longestAt = (tokens: Token[], i: number): [number, VocabularyEntry[]] | null => {
    let node: TrieNode | undefined = root;
    let bestEnd = -1;
    let best: VocabularyEntry[] | null = null;
    for (let j = i; j < tokens.length && j - i < MAX_TERM_TOKENS; j++) {
      node = node.children.get(tokens[j].norm);
      if (!node) break;
      if (node.entries) {
        bestEnd = j + 1;
        best = node.entries;
      }
    }
    const acr = acronyms.get(tokens[i].raw);
    if (acr && bestEnd < i + 1) return [i + 1, acr];
    return best ? [bestEnd, best] : null;
  };

  const ancestorMemo = new Map<string, string[]>();

  const matchTokens = (tokens: Token[]): TermMatch[] => {
    const out: TermMatch[] = [];
    let i = 0;
    while (i < tokens.length) {
      const found = longestAt(tokens, i);
      // A longer term starting inside this one wins ("thoracic epidural blood patch": the blood patch,
      // not "thoracic epidural"). Bounded: at most MAX_TERM_TOKENS starts are looked at.
      if (found && found[0] - i > 1) {
        let skip = false;
        for (let k = i + 1; k < found[0]; k++) {
          const inner = longestAt(tokens, k);
          if (inner && inner[0] > found[0] && inner[0] - k > found[0] - i) {
            skip = true;
            break;
          }
        }
        if (skip) {
          i++;
          continue;
        }
      }
      const bestEnd = found ? found[0] : -1;
      const best = found ? found[1] : null;
      if (best && bestEnd > i) {
        out.push({ start: tokens[i].start, end: tokens[bestEnd - 1].end, tokenFrom: i, tokenTo: bestEnd, entries: best });
        i = bestEnd;
      } else {
        i++;
      }
    }
    return out;
  };

  return {
    match(text: string, from = 0, to = text.length) {
      const tokens = tokenize(text, from, to);
      return { tokens, matches: matchTokens(tokens) };
    },
    matchTokens,
    byMeshUi: (ui: string) => byUi.get(ui) ?? [],
    byKey: (kind: TermKind, key: string) => byKindKey.get(kindKey(kind, key)),
    ancestors(kind: TermKind, key: string): string[] {
      const memo = ancestorMemo.get(kindKey(kind, key));
      if (memo) return memo;
      const out: string[] = [];
      let cur = byKindKey.get(kindKey(kind, key));
      const seen = new Set<string>();
      while (cur && cur.parentKey && !seen.has(cur.parentKey)) {
        seen.add(cur.parentKey);
        out.push(cur.parentKey);
        cur = byKindKey.get(kindKey(kind, cur.parentKey));
      }
      ancestorMemo.set(kindKey(kind, key), out);
      return out;
    },
    size: entries.length,
  };
}
