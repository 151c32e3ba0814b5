/**
 * Pure: matching records that carry no DOI or PMID on their title, across databases that disagree on
 * everything else (one gives no authors, another spells "Müller" as "Mueller" or "Muller", a third
 * abbreviates the journal). The folded title (`titleFoldOf`) is stored and indexed on the publication;
 * `sameRecordByTitle` decides whether two records with the same folded title are one publication.
 */

/** Letters NFKD does not take apart. */
const SPECIAL_LETTERS: Record<string, string> = {
  ß: 'ss', ẞ: 'ss', æ: 'ae', œ: 'oe', ø: 'o', ł: 'l', đ: 'd', ð: 'd', þ: 'th', ı: 'i', ħ: 'h', ŋ: 'n',
};
const SPECIAL_LETTER = new RegExp(`[${Object.keys(SPECIAL_LETTERS).join('')}]`, 'g');
const MARKUP_TAG = /<\/?[A-Za-z][A-Za-z0-9:-]*(?:\s[^<>]*)?\/?>/g;

/**
 * Letters of any script and digits, lower case, without diacritics, spaces or punctuation; German
 * umlauts written out ("ue", "oe", "ae") fold like the letter without its diacritic, so "Müller",
 * "Mueller" and "Muller" are all "muller". The same folding is applied to both sides of every
 * comparison, so the transliteration can only make equal what differs by an "e" after a vowel.
 */
export function foldForMatching(text: string | null | undefined): string {
  if (!text) return '';
  return text
    .toLowerCase()
    .replace(SPECIAL_LETTER, (letter) => SPECIAL_LETTERS[letter])
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .replace(/[^\p{L}\p{N}]+/gu, '')
    .replace(/([aou])e/g, '$1');
}

/** The stored, indexed title of the cross-database match: markup removed, then folded. Null without letters or digits. */
export function titleFoldOf(title: string | null | undefined): string | null {
  const fold = foldForMatching(title?.replace(MARKUP_TAG, ''));
  return fold || null;
}

/** Titles whose fold is shorter than this ("Correction", "Case report", "Erratum", "A rare case") match only where the venue agrees. */
export const MIN_TITLE_ONLY_LENGTH = 40;

export interface TitleMatchRecord {
  title: string | null;
  year: number | null;
  authors: readonly { family: string; given?: string | null }[];
  journal?: string | null;
  volume?: string | null;
  pages?: string | null;
  doi?: string | null;
  pmid?: string | null;
}

const JOURNAL_STOP_WORDS = new Set(['of', 'the', 'and', 'for', 'in', 'on', 'de', 'la', 'le', 'der', 'die', 'und', 'y', 'et', 'a']);

function journalWords(journal: string): string[] {
  return journal
    .replace(/&/g, ' ')
    .split(/[^\p{L}\p{N}]+/u)
    .map(foldForMatching)
    .filter((word) => word && !JOURNAL_STOP_WORDS.has(word));
}

/**
 * The same journal written out or abbreviated: "J Vasc Surg Cases", "J. Vasc. Surg. Cases" and
 * "Journal of Vascular Surgery Cases" agree (each word of one is the start of the other's word in
 * the same place); "BMJ" and "BMJ Case Reports" do not.
 */
export function journalsAgree(a: string | null | undefined, b: string | null | undefined): boolean {
  if (!a || !b) return false;
  const wordsA = journalWords(a);
  const wordsB = journalWords(b);
  if (!wordsA.length || wordsA.length !== wordsB.length) return false;
  return wordsA.every((word, index) => word.startsWith(wordsB[index]) || wordsB[index].startsWith(word));
}

const firstPageOf = (pages: string | null | undefined) => foldForMatching(pages?.split(/[-\u2010-\u2015]/)[0]);

export type VenueAgreement = 'agree' | 'differ' | 'unknown';

/** Volume and first page decide where both sides give them; else the journal, written out or abbreviated. */
export function venueAgreement(a: TitleMatchRecord, b: TitleMatchRecord): VenueAgreement {
  const volumeA = foldForMatching(a.volume);
  const volumeB = foldForMatching(b.volume);
  const pageA = firstPageOf(a.pages);
  const pageB = firstPageOf(b.pages);
  if ((volumeA && volumeB && volumeA !== volumeB) || (pageA && pageB && pageA !== pageB)) return 'differ';
  if ((volumeA && volumeB) || (pageA && pageB)) return 'agree';
  if (journalsAgree(a.journal, b.journal)) return 'agree';
  return 'unknown';
}

function nameParts(author: { family: string; given?: string | null }): string[] {
  return [author.family, author.given ?? '']
    .join(' ')
    .split(/[\s,.-]+/)
    .map(foldForMatching)
    .filter((part) => part.length > 1);
}

/**
 * Whether two author lists can be the same people: true when either list is empty (a database that
 * lost them), or when the first author of one shares a name of two or more letters with the first
 * author of the other (family and given names swapped in CJK exports, "Müller" / "Mueller" folded alike).
 */
export function authorsCompatible(a: TitleMatchRecord['authors'], b: TitleMatchRecord['authors']): boolean {
  if (!a.length || !b.length) return true;
  const partsB = new Set(nameParts(b[0]));
  return nameParts(a[0]).some((part) => partsB.has(part)) || foldForMatching(a[0].family) === foldForMatching(b[0].family);
}

/**
 * Two records with the same folded title are the same publication when nothing says otherwise: the
 * same year, no PMID or DOI on both sides that differ, authors compatible, and the venue not
 * different (volume or first page). A short title needs the venue to agree; a record without a year
 * needs it too.
 */
export function sameRecordByTitle(a: TitleMatchRecord, b: TitleMatchRecord): boolean {
  const fold = titleFoldOf(a.title);
  if (!fold || fold !== titleFoldOf(b.title)) return false;
  if (a.pmid && b.pmid && a.pmid !== b.pmid) return false;
  if (a.doi && b.doi && a.doi.toLowerCase() !== b.doi.toLowerCase()) return false;
  if (a.year && b.year && a.year !== b.year) return false;
  if (!authorsCompatible(a.authors, b.authors)) return false;
  const venue = venueAgreement(a, b);
  if (venue === 'differ') return false;
  const needsVenue = fold.length < MIN_TITLE_ONLY_LENGTH || !a.year || !b.year;
  return !needsVenue || venue === 'agree';
}

function titleWords(title: string | null | undefined): Set<string> {
  return new Set(
    (title ?? '')
      .replace(MARKUP_TAG, '')
      .split(/[^\p{L}\p{N}]+/u)
      .map(foldForMatching)
      .filter((word) => word.length > 2),
  );
}

/**
 * Two records carrying the same DOI that are plainly not one publication: both have titles sharing
 * fewer than half of their words and both have first authors that cannot be the same person. Embase
 * gives the conference abstracts of a journal supplement the supplement's DOI ("BMC Proceedings 12
 * (Supplement 3)": every abstract, one DOI), so a DOI alone must not merge them. A translated title,
 * a corrected title or a lost author list keeps the DOI match.
 */
export function differentRecordsSharingDoi(a: TitleMatchRecord, b: TitleMatchRecord): boolean {
  if (!a.title || !b.title || !a.authors.length || !b.authors.length) return false;
  if (authorsCompatible(a.authors, b.authors)) return false;
  if (a.pmid && b.pmid && a.pmid === b.pmid) return false;
  const wordsA = titleWords(a.title);
  const wordsB = titleWords(b.title);
  if (wordsA.size === 0 || wordsB.size === 0) return false;
  const shared = [...wordsA].filter((word) => wordsB.has(word)).length;
  return shared * 2 < Math.min(wordsA.size, wordsB.size);
}
