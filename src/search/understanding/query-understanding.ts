import { TermKind } from '../../vocabulary/term-kind.enum';
import type { DocumentTerm } from '../indexing/search-document';
import { americanSpelling } from '../query/spelling-variants';
import { KNOWN_VALUES, POPULATION_PHRASES, PopulationFilterKey } from './population-phrases';

/**
 * Query understanding, in the spirit of PubMed's automatic term mapping: the words of a search that name
 * a vocabulary term, a population or an outcome are recognised (with their span in the text) and offered
 * as filters. Pure: the vocabulary comes in as a `QueryVocabulary` built once per vocabulary version.
 */

export type TermFilterKey = 'complications' | 'procedures' | 'treatments' | 'symptoms';
export type UnderstoodFilterKey = PopulationFilterKey | TermFilterKey;

export const FILTER_KEY_OF_KIND: Partial<Record<TermKind, TermFilterKey>> = {
  [TermKind.COMPLICATION]: 'complications',
  [TermKind.PROCEDURE]: 'procedures',
  [TermKind.TREATMENT]: 'treatments',
  [TermKind.SYMPTOM]: 'symptoms',
};

/** When one phrase names terms of several kinds ("blood patch"), the first kind here is offered first. */
const KIND_PRIORITY: TermKind[] = [TermKind.COMPLICATION, TermKind.PROCEDURE, TermKind.SYMPTOM, TermKind.TREATMENT];

/** A reading of some words as a filter. */
export interface FilterReading {
  filterKey: UnderstoodFilterKey;
  /** Enum values, or term ids for the term filters. */
  values: string[];
  /** The term's key when `values` is one term (links name terms by key). */
  termKey?: string;
}

export interface RecognisedPhrase {
  /** Character offsets in the text, end exclusive; a negation ("not", "-") is inside the span. */
  start: number;
  end: number;
  text: string;
  negated: boolean;
  /** The reading offered first; `alternatives` are other readings of the same words. */
  reading: FilterReading;
  alternatives: FilterReading[];
}

export interface QueryReading {
  phrases: RecognisedPhrase[];
  /** False when the text uses OR: which words belong together is then the user's call, so nothing is applied. */
  applicable: boolean;
}

type Candidate = { type: 'population'; filterKey: PopulationFilterKey; values: string[] } | { type: 'term'; term: DocumentTerm };

/** The vocabulary as phrase -> readings, built once per vocabulary (thousands of terms). */
export class QueryVocabulary {
  readonly phrases = new Map<string, Candidate[]>();
  /** Every word of every label and synonym (spelling suggestions draw on them). */
  readonly words = new Set<string>();
  readonly longestPhrase: number;
  private readonly byMeshUi = new Map<string, DocumentTerm[]>();

  constructor(terms: readonly DocumentTerm[]) {
    let longest = 1;
    const add = (words: string[], candidate: Candidate) => {
      if (!words.length) return;
      const key = words.join(' ');
      const list = this.phrases.get(key);
      if (list) list.push(candidate);
      else this.phrases.set(key, [candidate]);
      longest = Math.max(longest, words.length);
    };
    for (const phrase of POPULATION_PHRASES) add(phrase.words, { type: 'population', filterKey: phrase.filterKey, values: phrase.values });
    for (const term of terms) {
      if (!FILTER_KEY_OF_KIND[term.kind]) continue;
      for (const name of [term.label, ...term.synonyms]) {
        const words = wordsOf(name).map((word) => word.normal);
        words.forEach((word) => this.words.add(word));
        add(words, { type: 'term', term });
      }
      if (term.meshUi) {
        const list = this.byMeshUi.get(term.meshUi);
        if (list) list.push(term);
        else this.byMeshUi.set(term.meshUi, [term]);
      }
    }
    for (const phrase of POPULATION_PHRASES) phrase.words.forEach((word) => this.words.add(word));
    this.longestPhrase = longest;
  }

  lookup(words: string[]): Candidate[] | undefined {
    return this.phrases.get(words.join(' '));
  }

  /** Terms of other kinds for the same MeSH descriptor (the blood patch as procedure and as treatment). */
  sameConcept(term: DocumentTerm): DocumentTerm[] {
    return term.meshUi ? (this.byMeshUi.get(term.meshUi) ?? []).filter((other) => other.id !== term.id) : [];
  }
}

interface Word {
  start: number;
  end: number;
  raw: string;
  normal: string;
}

const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}]+)*/gu;

/** Words with their offsets, lower-cased, without diacritics, in American spelling. */
export function wordsOf(text: string): Word[] {
  const words: Word[] = [];
  for (const match of text.matchAll(WORD)) {
    const raw = match[0];
    words.push({ start: match.index as number, end: (match.index as number) + raw.length, raw, normal: normaliseWord(raw) });
  }
  return words;
}

export function normaliseWord(word: string): string {
  return americanSpelling(word.normalize('NFKD').replace(/\p{M}/gu, '')).replace(/['’]/g, '');
}

/** "hematomas" -> "hematoma"; leaves "abscess", "meningitis", "sinus" alone. */
function singular(word: string): string | null {
  if (word.length > 4 && word.endsWith('s') && !/(ss|us|is)$/.test(word)) return word.slice(0, -1);
  return null;
}

/** Words that join a question together but name nothing ("hematoma after a blood patch in pregnant women"). */
export const CONNECTING_WORDS = new Set(['a', 'an', 'the', 'of', 'in', 'on', 'at', 'after', 'following', 'post', 'with', 'and', 'for', 'to', 'by', 'from', 'during', 'patient', 'patients', 'case', 'cases', 'report', 'reports']);
const NEGATIONS = new Set(['not', 'no', 'non', 'without', 'never']);

export function understandQuery(text: string, vocabulary: QueryVocabulary): QueryReading {
  const words = wordsOf(text);
  const quoted = quotedRanges(text);
  const inQuotes = (word: Word) => quoted.some(([from, to]) => word.start > from && word.end <= to);
  const phrases: RecognisedPhrase[] = [];
  let applicable = true;
  let i = 0;
  while (i < words.length) {
    const first = words[i];
    if (first.raw === 'OR') {
      applicable = false;
      i++;
      continue;
    }
    if (inQuotes(first) || CONNECTING_WORDS.has(first.normal) || NEGATIONS.has(first.normal)) {
      i++;
      continue;
    }
    const startsExclusion = (word: Word) => text[word.start - 1] === '-' && (word.start === 1 || /\s/.test(text[word.start - 2]));
    const match = longestMatch(words, i, vocabulary, (word) => inQuotes(word) || startsExclusion(word));
    if (!match) {
      i++;
      continue;
    }
    const last = words[i + match.length - 1];
    const negatedBy = negationBefore(text, words, i);
    const start = negatedBy?.start ?? first.start;
    const reading = readingOf(match.candidates, vocabulary, negatedBy !== null);
    if (reading) phrases.push({ start, end: last.end, text: text.slice(start, last.end), negated: negatedBy !== null, reading: reading.primary, alternatives: reading.alternatives });
    i += match.length;
  }
  return { phrases, applicable };
}

function longestMatch(words: Word[], at: number, vocabulary: QueryVocabulary, breaksPhrase: (word: Word) => boolean): { length: number; candidates: Candidate[] } | null {
  const most = Math.min(vocabulary.longestPhrase, words.length - at);
  for (let length = most; length >= 1; length--) {
    const span = words.slice(at, at + length);
    // A phrase stays within one run of plain words: not across OR, quotes or an exclusion.
    if (span.some((word, k) => k > 0 && (word.raw === 'OR' || breaksPhrase(word)))) continue;
    const normals = span.map((word) => word.normal);
    const found = vocabulary.lookup(normals);
    if (found) return { length, candidates: found };
    const lastSingular = singular(normals[normals.length - 1]);
    if (lastSingular) {
      const plural = vocabulary.lookup([...normals.slice(0, -1), lastSingular]);
      if (plural) return { length, candidates: plural };
    }
  }
  return null;
}

/** "-pregnant", "not pregnant", "non-pregnant", "without anticoagulation": the negation's own span, or null. */
function negationBefore(text: string, words: Word[], at: number): { start: number } | null {
  const word = words[at];
  if (text[word.start - 1] === '-' && (word.start - 1 === 0 || /\s/.test(text[word.start - 2]))) return { start: word.start - 1 };
  const previous = words[at - 1];
  if (previous && NEGATIONS.has(previous.normal) && /^[\s-]*$/.test(text.slice(previous.end, word.start))) return { start: text[previous.start - 1] === '-' ? previous.start - 1 : previous.start };
  return null;
}

function readingOf(candidates: Candidate[], vocabulary: QueryVocabulary, negated: boolean): { primary: FilterReading; alternatives: FilterReading[] } | null {
  // A population or outcome word reads as that filter, even where MeSH also has a term for it ("Death").
  const population = candidates.find((c): c is Extract<Candidate, { type: 'population' }> => c.type === 'population');
  if (population) {
    const values = negated ? KNOWN_VALUES[population.filterKey].filter((value) => !population.values.includes(value)) : population.values;
    return values.length ? { primary: { filterKey: population.filterKey, values }, alternatives: [] } : null;
  }
  // An excluded term ("-hematoma") stays a text exclusion: filters cannot say "without".
  if (negated) return null;
  const terms = new Map<string, DocumentTerm>();
  for (const candidate of candidates) if (candidate.type === 'term') terms.set(candidate.term.id, candidate.term);
  for (const term of [...terms.values()]) for (const same of vocabulary.sameConcept(term)) if (FILTER_KEY_OF_KIND[same.kind] && !terms.has(same.id)) terms.set(same.id, same);
  const ordered = [...terms.values()].sort((a, b) => KIND_PRIORITY.indexOf(a.kind) - KIND_PRIORITY.indexOf(b.kind) || a.label.localeCompare(b.label));
  if (!ordered.length) return null;
  const readings = ordered.map((term) => ({ filterKey: FILTER_KEY_OF_KIND[term.kind] as TermFilterKey, values: [term.id], termKey: term.key }));
  return { primary: readings[0], alternatives: readings.slice(1) };
}

/** [open, close] offsets of balanced double quotes. */
function quotedRanges(text: string): [number, number][] {
  const ranges: [number, number][] = [];
  let open = -1;
  for (let i = 0; i < text.length; i++) {
    if (text[i] !== '"') continue;
    if (open < 0) open = i;
    else {
      ranges.push([open, i]);
      open = -1;
    }
  }
  return ranges;
}

/**
 * The text once the applied phrases are taken out: their words, and the connecting words left alone
 * ("after", "in") that would otherwise be required words of the search. Null when nothing is left.
 */
export function textWithout(text: string, spans: { start: number; end: number }[]): string | null {
  let rest = '';
  let from = 0;
  for (const span of [...spans].sort((a, b) => a.start - b.start)) {
    rest += text.slice(from, span.start) + ' ';
    from = span.end;
  }
  rest += text.slice(from);
  const quoted = quotedRanges(rest);
  const kept = rest
    .split(/(\s+)/)
    .reduce<{ out: string; at: number }>(
      (acc, chunk) => {
        const inside = quoted.some(([open, close]) => acc.at >= open && acc.at <= close);
        const bare = chunk.trim();
        const drop = !inside && bare !== '' && (CONNECTING_WORDS.has(normaliseWord(bare)) || NEGATIONS.has(normaliseWord(bare)) || !/[\p{L}\p{N}"]/u.test(bare));
        return { out: acc.out + (drop ? ' ' : chunk), at: acc.at + chunk.length };
      },
      { out: '', at: 0 },
    )
    .out.replace(/\s+/g, ' ')
    .trim();
  return kept && /[\p{L}\p{N}]/u.test(kept) ? kept : null;
}
