/**
 * Pure: how likely two stored publications are one article the import did not merge (a title one
 * character or word apart, a year off by one, a preprint and its article), with the fields that
 * differ so a curator can decide. Nothing here merges: the curator confirms (mergePublications).
 */
import { normaliseTitleKey } from '../../publications/identifiers';
import type { PublicationFields } from '../../publications/publication-validation';
import { authorsCompatible, MIN_TITLE_ONLY_LENGTH, titleFoldOf, venueAgreement } from '../../publications/title-match';
import { expandPages } from '../import/publication-merge';

export type DuplicateCandidate = Pick<PublicationFields, 'title' | 'year' | 'authors' | 'journal' | 'volume' | 'issue' | 'pages' | 'doi' | 'pmid'>;

export interface FieldDifference {
  field: string;
  first: string | null;
  second: string | null;
}

export interface DuplicateScore {
  /** 0-1; pairs under the threshold are not shown. */
  score: number;
  /** Why the pair is shown, in words ("titles differ by 1 character", "year off by one", "a preprint and an article"). */
  reasons: string[];
  differences: FieldDifference[];
}

/** Pairs scored below this are not shown. */
export const PROBABLE_DUPLICATE_THRESHOLD = 0.7;

const PREPRINT_JOURNAL = /\b(?:bio|med|chem|psy|arxiv|soc|eco|eng|techrxiv)rxiv\b|\barxiv\b|research square|\bssrn\b|preprints?\b|authorea|zenodo|\bosf\b/i;
/** bioRxiv / medRxiv, Research Square, SSRN, arXiv, Preprints.org, JMIR Preprints. */
const PREPRINT_DOI = /^10\.(?:1101|21203|2139|48550|20944|2196\/preprints)\//;

export function isPreprint(publication: Pick<DuplicateCandidate, 'journal' | 'doi'>): boolean {
  return (!!publication.journal && PREPRINT_JOURNAL.test(publication.journal)) || (!!publication.doi && PREPRINT_DOI.test(publication.doi));
}

/** Levenshtein distance, given up (returns limit + 1) once it exceeds `limit`: bounded cost on long titles. */
export function editDistance(a: string | readonly string[], b: string | readonly string[], limit = 20): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      rowMin = Math.min(rowMin, current[j]);
    }
    if (rowMin > limit) return limit + 1;
    previous = current;
  }
  return previous[b.length];
}

/** Words added, removed or replaced between two titles (folded), for "titles differ by one word". */
function wordDifference(a: string | null, b: string | null): number {
  const words = (title: string | null) => (title ? (normaliseTitleKey(title) ?? '') : '').split(' ').filter(Boolean);
  return editDistance(words(a), words(b), 3);
}

const authorText = (authors: DuplicateCandidate['authors']) => (authors.length ? authors.map((author) => (author.given ? `${author.family}, ${author.given}` : author.family)).join('; ') : null);

/** The fields whose values differ (one side empty counts: the curator sees what a merge would fill). */
export function fieldDifferences(a: DuplicateCandidate, b: DuplicateCandidate): FieldDifference[] {
  const differences: FieldDifference[] = [];
  const compare = (field: string, first: string | null, second: string | null, same: (x: string, y: string) => boolean) => {
    if (first === null && second === null) return;
    if (first !== null && second !== null && same(first, second)) return;
    differences.push({ field, first, second });
  };
  const text = (value: string | number | null | undefined) => (value === null || value === undefined || String(value).trim() === '' ? null : String(value));
  const folded = (x: string, y: string) => titleFoldOf(x) === titleFoldOf(y);
  compare('title', a.title, b.title, (x, y) => x.trim() === y.trim());
  compare('year', text(a.year), text(b.year), (x, y) => x === y);
  compare('authors', authorText(a.authors), authorText(b.authors), folded);
  compare('journal', text(a.journal), text(b.journal), folded);
  compare('volume', text(a.volume), text(b.volume), folded);
  compare('issue', text(a.issue), text(b.issue), folded);
  compare('pages', text(a.pages), text(b.pages), (x, y) => expandPages(x) === expandPages(y));
  compare('doi', text(a.doi), text(b.doi), (x, y) => x.toLowerCase() === y.toLowerCase());
  compare('pmid', text(a.pmid), text(b.pmid), (x, y) => x === y);
  return differences;
}

/**
 * Scores a pair whose titles are similar (`titleSimilarity`: pg_trgm's similarity of the folded
 * titles, 0-1). The title weighs most; the year (same, or off by one), the first authors and the
 * venue add; two different PMIDs, or two different DOIs when neither is a preprint's, nearly rule
 * the pair out (an erratum, a reply, a second report in the same journal).
 */
export function scoreDuplicate(a: DuplicateCandidate, b: DuplicateCandidate, titleSimilarity: number): DuplicateScore {
  const reasons: string[] = [];
  const foldA = titleFoldOf(a.title) ?? '';
  const foldB = titleFoldOf(b.title) ?? '';
  const distance = editDistance(foldA, foldB);
  let title = titleSimilarity;
  if (distance === 0) reasons.push('the same title once case, accents and punctuation are ignored');
  else if (distance <= 3) {
    reasons.push(`titles differ by ${distance} character${distance === 1 ? '' : 's'}`);
    title = Math.max(title, 0.95);
  } else {
    const words = wordDifference(a.title, b.title);
    if (words <= 2) {
      reasons.push(words === 1 ? 'titles differ by one word' : 'titles differ by two words');
      title = Math.max(title, 0.9);
    } else reasons.push(`similar titles (${Math.round(titleSimilarity * 100)}%)`);
  }

  const preprintPair = isPreprint(a) !== isPreprint(b);
  if (preprintPair) reasons.push('a preprint and an article');

  let year = 0.05;
  if (a.year && b.year) {
    const gap = Math.abs(a.year - b.year);
    if (gap === 0) year = 0.15;
    else if (gap === 1) {
      year = preprintPair ? 0.15 : 0.1;
      reasons.push('year off by one');
    } else year = -0.3;
  }

  let authors = 0.05;
  if (a.authors.length && b.authors.length) authors = authorsCompatible(a.authors, b.authors) ? 0.15 : -0.2;
  const venue = venueAgreement(a, b);
  const venueScore = preprintPair ? 0.05 : venue === 'agree' ? 0.1 : venue === 'unknown' ? 0.05 : -0.25;

  let score = 0.6 * title + year + authors + venueScore;
  // "Correction", "Case report": a short title says nothing unless the venue agrees.
  if (Math.min(foldA.length, foldB.length) < MIN_TITLE_ONLY_LENGTH && venue !== 'agree') score = Math.min(score, 0.5);
  if (a.pmid && b.pmid && a.pmid !== b.pmid) {
    score -= 0.5;
    reasons.push('different PMIDs');
  }
  if (a.doi && b.doi && a.doi.toLowerCase() !== b.doi.toLowerCase() && !preprintPair) {
    score -= 0.4;
    reasons.push('different DOIs');
  }
  return { score: Math.round(Math.max(0, Math.min(1, score)) * 1000) / 1000, reasons, differences: fieldDifferences(a, b) };
}
