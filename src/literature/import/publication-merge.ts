/**
 * Pure: what merging an imported record into a stored publication changes. Empty fields are filled,
 * list fields (keywords, publication types, MeSH headings) are united, and a value already stored is
 * never overwritten: when the import offers a different value, that is a conflict for the report.
 */
import { normaliseTitleKey } from '../../publications/identifiers';
import type { PublicationFields } from '../../publications/publication-validation';
import { TitleStatus } from '../../publications/title-status.enum';

export interface MergeConflict {
  field: string;
  kept: string;
  offered: string;
}

export interface MergeResult {
  /** Only the fields that change. */
  patch: Partial<PublicationFields>;
  /** Names of the fields the merge filled or extended. */
  filled: string[];
  conflicts: MergeConflict[];
}

type Scalar = 'title' | 'abstract' | 'journal' | 'year' | 'month' | 'volume' | 'issue' | 'pages' | 'doi' | 'pmid' | 'pmcid' | 'language' | 'url';

const LANGUAGE_NAMES: Record<string, string> = {
  english: 'eng', french: 'fre', fra: 'fre', german: 'ger', deu: 'ger', spanish: 'spa', italian: 'ita', portuguese: 'por',
  japanese: 'jpn', chinese: 'chi', zho: 'chi', russian: 'rus', dutch: 'dut', nld: 'dut', polish: 'pol', turkish: 'tur',
  korean: 'kor', czech: 'cze', ces: 'cze', swedish: 'swe', norwegian: 'nor', danish: 'dan', finnish: 'fin', greek: 'gre',
  ell: 'gre', hebrew: 'heb', arabic: 'ara', persian: 'per', fas: 'per', hungarian: 'hun', romanian: 'rum', ron: 'rum',
  croatian: 'hrv', serbian: 'srp', ukrainian: 'ukr', en: 'eng', fr: 'fre', de: 'ger', es: 'spa', it: 'ita', pt: 'por', ja: 'jpn', zh: 'chi', ru: 'rus', nl: 'dut',
};

function languageKey(value: string): string {
  const key = value.trim().toLowerCase();
  return LANGUAGE_NAMES[key] ?? key;
}

/** "123-9" -> "123-129" (PubMed abbreviates the last page), so both spellings compare equal. */
export function expandPages(pages: string): string {
  const match = /^([A-Za-z]*)(\d+)-([A-Za-z]*)(\d+)$/.exec(pages.replace(/\s+/g, ''));
  if (!match) return pages.replace(/\s+/g, '').toLowerCase();
  const [, prefixA, first, prefixB, last] = match;
  const full = last.length < first.length ? first.slice(0, first.length - last.length) + last : last;
  return `${prefixA}${first}-${prefixB || prefixA}${full}`.toLowerCase();
}

const textKey = (value: string) => normaliseTitleKey(value) ?? '';
const plainKey = (value: string) => value.trim().toLowerCase();

const SAME: Record<Scalar, (a: string, b: string) => boolean> = {
  title: (a, b) => textKey(a) === textKey(b),
  abstract: (a, b) => textKey(a) === textKey(b),
  journal: (a, b) => textKey(a) === textKey(b),
  year: (a, b) => a === b,
  month: (a, b) => a === b,
  volume: (a, b) => plainKey(a) === plainKey(b),
  issue: (a, b) => plainKey(a) === plainKey(b),
  pages: (a, b) => expandPages(a) === expandPages(b),
  doi: (a, b) => plainKey(a) === plainKey(b),
  pmid: (a, b) => a === b,
  pmcid: (a, b) => plainKey(a) === plainKey(b),
  language: (a, b) => languageKey(a) === languageKey(b),
  url: (a, b) => a.trim().replace(/\/$/, '').toLowerCase() === b.trim().replace(/\/$/, '').toLowerCase(),
};

const SCALARS = Object.keys(SAME) as Scalar[];

function isEmpty(value: unknown): boolean {
  return value === null || value === undefined || (typeof value === 'string' && value.trim() === '');
}

function unionStrings(stored: readonly string[], offered: readonly string[]): string[] | null {
  const seen = new Set(stored.map((value) => value.trim().toLowerCase()));
  const added = offered.filter((value) => {
    const key = value.trim().toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return added.length ? [...stored, ...added] : null;
}

type Heading = PublicationFields['meshHeadings'][number];

/** MeSH headings are the same when their descriptor UIs are, or (when one lacks a UI) their labels are. */
function unionHeadings(stored: readonly Heading[], offered: readonly Heading[]): Heading[] | null {
  const result = stored.map((heading) => ({ ...heading }));
  let changed = false;
  for (const heading of offered) {
    const same = result.find((existing) =>
      existing.descriptorUi && heading.descriptorUi ? existing.descriptorUi === heading.descriptorUi : existing.label.trim().toLowerCase() === heading.label.trim().toLowerCase(),
    );
    if (!same) {
      result.push({ ...heading });
      changed = true;
    } else if (!same.descriptorUi && heading.descriptorUi) {
      same.descriptorUi = heading.descriptorUi; // filling an empty part, not overwriting
      changed = true;
    }
  }
  return changed ? result : null;
}

type AuthorList = PublicationFields['authors'];

const authorText = (authors: AuthorList) => authors.map((author) => (author.given ? `${author.family}, ${author.given}` : author.family)).join('; ');

function mergeAuthors(stored: AuthorList, offered: AuthorList): { value: AuthorList | null; conflict: boolean } {
  if (!offered.length) return { value: null, conflict: false };
  if (!stored.length) return { value: offered.map((author) => ({ ...author })), conflict: false };
  const families = (authors: AuthorList) => authors.map((author) => textKey(author.family)).join('|');
  if (families(stored) !== families(offered)) return { value: null, conflict: true };
  // Same people in the same order: only given names the stored list lacks are filled in.
  let changed = false;
  const value = stored.map((author, index) => {
    if (author.given || !offered[index].given) return { ...author };
    changed = true;
    return { ...author, given: offered[index].given };
  });
  return { value: changed ? value : null, conflict: false };
}

/** Other spellings the record gave for a field (the journal's abbreviation), which are not a conflict either. */
export interface OfferedAliases {
  journal?: readonly (string | null)[];
}

export function mergePublication(stored: PublicationFields, offered: PublicationFields, aliases: OfferedAliases = {}): MergeResult {
  const patch: Partial<PublicationFields> = {};
  const filled: string[] = [];
  const conflicts: MergeConflict[] = [];
  const set = <K extends keyof PublicationFields>(field: K, value: PublicationFields[K]) => {
    patch[field] = value;
    filled.push(field);
  };

  // A title the store lacks, or knows only the beginning of, is completed by an import that gives it whole.
  const storedStatus = stored.titleStatus ?? TitleStatus.COMPLETE;
  const offeredStatus = offered.titleStatus ?? TitleStatus.COMPLETE;
  if (!isEmpty(offered.title) && storedStatus !== TitleStatus.COMPLETE) {
    const known = isEmpty(stored.title) ? '' : textKey(stored.title!);
    const offeredKey = textKey(offered.title!);
    const continues = storedStatus === TitleStatus.NOT_RECORDED || !known || (offeredKey.length > known.length && offeredKey.startsWith(known));
    if (continues && offeredStatus === TitleStatus.COMPLETE) {
      set('title', offered.title);
      set('titleStatus', TitleStatus.COMPLETE);
    } else if (continues && storedStatus === TitleStatus.NOT_RECORDED) {
      set('title', offered.title);
      set('titleStatus', offeredStatus);
    }
  }

  for (const field of SCALARS) {
    if (field === 'title' && 'title' in patch) continue;
    const offeredValue = offered[field];
    if (isEmpty(offeredValue)) continue;
    const storedValue = stored[field];
    if (isEmpty(storedValue)) set(field, offeredValue as never);
    else if (SAME[field](String(storedValue), String(offeredValue))) continue;
    else if (field === 'journal' && aliases.journal?.some((alias) => alias && SAME.journal(String(storedValue), alias))) continue;
    else conflicts.push({ field, kept: String(storedValue), offered: String(offeredValue) });
  }

  const authors = mergeAuthors(stored.authors, offered.authors);
  if (authors.value) set('authors', authors.value);
  if (authors.conflict) conflicts.push({ field: 'authors', kept: authorText(stored.authors), offered: authorText(offered.authors) });

  const keywords = unionStrings(stored.keywords, offered.keywords);
  if (keywords) set('keywords', keywords);
  const publicationTypes = unionStrings(stored.publicationTypes, offered.publicationTypes);
  if (publicationTypes) set('publicationTypes', publicationTypes);
  const meshHeadings = unionHeadings(stored.meshHeadings, offered.meshHeadings);
  if (meshHeadings) set('meshHeadings', meshHeadings);

  return { patch, filled, conflicts };
}
