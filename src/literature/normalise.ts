/**
 * Normalisation of identifiers, names, dates and titles for the literature parsers. Every parser
 * goes through these helpers so the same article exported by two tools comes out identical.
 */
import type { ParsedAuthor } from './parsed-publication';

/** White space other than the plain space (what \s matches, and the zero-width space). */
const OTHER_SPACE = /[\t-\r\u00a0\u1680\u2000-\u200b\u2028\u2029\u202f\u205f\u3000\ufeff]/;

/** Collapses runs of white space (including non-breaking spaces) and trims; null for empty text. */
export function cleanText(raw: string | null | undefined): string | null {
  if (raw === null || raw === undefined) return null;
  // Most cells hold only single plain spaces: test before rewriting (the rewrite was a hot spot of imports).
  const text = (OTHER_SPACE.test(raw) || raw.includes('  ') ? raw.replace(/[\s\u00a0\u2000-\u200b\u3000]+/g, ' ') : raw).trim();
  return text.length > 0 ? text : null;
}

/** Removes duplicates (exact, after cleaning) while keeping the first occurrence's position. */
export function uniqueStrings(values: Iterable<string | null | undefined>): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const value of values) {
    const text = cleanText(value);
    if (text === null || seen.has(text)) continue;
    seen.add(text);
    out.push(text);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// DOI, PMID, PMCID, ISSN
// The identifier normalisation and the title key live in src/publications/identifiers.ts (one
// implementation for the API and the importers); they are re-exported here for the parsers.

import { decodePercentEscapes, normaliseDoi, normalisePmcid, normalisePmid, normaliseTitleKey } from '../publications/identifiers';
import { trimCharacters, trimEndCharacters } from '../common/text/trim-characters';

export { decodePercentEscapes, normaliseDoi, normalisePmcid, normalisePmid, normaliseTitleKey };

/**
 * Like normaliseDoi, but only for free text (notes, URLs) where a bare "10.x/y" could be anything:
 * the DOI must be written as a doi.org link, after "doi" / "DOI:", or in a "/doi/" URL path.
 */
export function extractLabelledDoi(text: string | null | undefined): string | null {
  if (!text) return null;
  const decoded = decodePercentEscapes(text);
  const match = /(?:doi\.org\/|\bdoi\s*[:=]?\s*|\/doi\/(?:abs\/|full\/|pdf\/|epdf\/)?)(10\.\d{4,9}\/[^\s"]+)/i.exec(decoded);
  return match ? normaliseDoi(match[1]) : null;
}

/** Finds "PMID: 123" (or "PMID 123", "PMID-123") inside free text. */
export function extractPmid(text: string | null | undefined): string | null {
  if (!text) return null;
  // "PMID: 123"; the Cochrane Library's accession notation "PUBMED 123" (its CSV "PubMed ID" column and
  // RIS C3 "PUBMED 38407106,EMBASE 643589775"), written in capitals; "PubMed ID: 123"; CINAHL's "PMID: NLM23803397".
  const match = /\bPMID\s*[:=-]?\s*(?:NLM)?(\d{1,9})\b/i.exec(text) ?? /\bPUBMED\s*[:=]?\s*(\d{1,9})\b/.exec(text) ?? /\bPubMed\s+ID\s*[:=]?\s*(\d{1,9})\b/i.exec(text);
  return match ? normalisePmid(match[1]) : null;
}

/** Finds a "PMC1234567" inside free text. */
export function extractPmcid(text: string | null | undefined): string | null {
  if (!text) return null;
  const match = /\bPMC\s?(\d{1,9})\b/.exec(text);
  return match ? normalisePmcid(match[1]) : null;
}

/**
 * Every ISSN in a value: "1878-0849 (Electronic)", "1128-045X 1123-6337", '["1932-8494", "1932-8486"]'
 * and "20411723" all work. Digits inside longer numbers (ISBNs) are not taken.
 */
export function extractIssns(raw: string | null | undefined): string[] {
  if (!raw) return [];
  const out: string[] = [];
  const pattern = /(?<![0-9Xx-])(\d{4})[-\u2010-\u2013]?(\d{3}[0-9Xx])(?![0-9Xx-])/g;
  for (const match of raw.matchAll(pattern)) {
    const issn = `${match[1]}-${match[2].toUpperCase()}`;
    if (!out.includes(issn)) out.push(issn);
  }
  return out;
}

/** "12--19" and "12–19" -> "12-19"; blank -> null. */
/** PsycInfo's "No Pagination Specified", which Zotero splits into SP "No" and EP "Specified": no pages. */
const NO_PAGINATION = /^no-(?:pagination-)?specified$/i;

export function normalisePages(raw: string | null | undefined): string | null {
  const text = cleanText(raw);
  if (text === null) return null;
  const pages = text.replace(/\s*(?:--|[\u2010-\u2015]|-)\s*/g, '-');
  return NO_PAGINATION.test(pages.replace(/\s+/g, '-')) ? null : pages;
}

/** Joins a start and an end page ("SP"/"EP") unless the start already holds a range. */
export function joinPages(start: string | null | undefined, end: string | null | undefined): string | null {
  const first = normalisePages(start);
  const last = normalisePages(end);
  if (first === null) return last;
  if (last === null || first.includes('-') || first === last) return first;
  return normalisePages(`${first}-${last}`);
}

// ---------------------------------------------------------------------------------------------
// Dates

const MONTHS: Record<string, number> = {
  jan: 1, january: 1, feb: 2, february: 2, mar: 3, march: 3, apr: 4, april: 4, may: 5, jun: 6, june: 6,
  jul: 7, july: 7, aug: 8, august: 8, sep: 9, sept: 9, september: 9, oct: 10, october: 10,
  nov: 11, november: 11, dec: 12, december: 12,
};

function monthByName(word: string): number | null {
  const key = word.toLowerCase();
  return Object.hasOwn(MONTHS, key) ? MONTHS[key] : null;
}

/** "Feb", "february", "02", "2", "Jan-Feb" (first month wins); null for seasons and nonsense. */
export function parseMonth(raw: string | null | undefined): number | null {
  const text = cleanText(raw);
  if (text === null) return null;
  const numeric = /^0?(\d{1,2})\b/.exec(text);
  if (numeric) {
    const month = Number(numeric[1]);
    return month >= 1 && month <= 12 ? month : null;
  }
  const word = /^[A-Za-z]+/.exec(text);
  return word ? monthByName(word[0]) : null;
}

export interface DateParts {
  year: number | null;
  month: number | null;
}

/**
 * Year and month from the date notations found in exports: "2019///", "2019/10//undefined",
 * "2019-10-05", "2020 Feb", "2019 Jan-Feb", "1998 Dec-1999 Jan", "2019 Spring", "October 2019",
 * "Oct 5, 2019". Ambiguous all-numeric day/month orders ("05/10/2019") give the year only.
 */
export function parseDateParts(raw: string | null | undefined): DateParts {
  const text = cleanText(raw);
  if (text === null) return { year: null, month: null };
  const yearMatch = /(?<!\d)(1[5-9]\d\d|20\d\d)(?!\d)/.exec(text);
  if (!yearMatch) return { year: null, month: null };
  const year = Number(yearMatch[1]);
  // Year first, then a numeric month: 2019/10/05, 2019-10, 2019/10//undefined
  const ymd = /^(?:1[5-9]\d\d|20\d\d)[/.-](\d{1,2})(?![\d])/.exec(text.slice(yearMatch.index));
  if (ymd && yearMatch.index === 0) return { year, month: parseMonth(ymd[1]) };
  // A month name anywhere: "2020 Feb", "Oct 5, 2019", "2019 Jan-Feb"
  const word = /[A-Za-z]{3,}/.exec(text);
  if (word) {
    const month = monthByName(word[0]);
    return { year, month };
  }
  return { year, month: null };
}

/** A plain year ("2019", "2019a", "c2019") or null. */
export function parseYear(raw: string | number | null | undefined): number | null {
  if (raw === null || raw === undefined) return null;
  return parseDateParts(String(raw)).year;
}

// ---------------------------------------------------------------------------------------------
// Author names

const ORGANISATION_WORDS =
  /\b(group|consortium|committee|society|association|collaborat\w*|network|investigators|team|organi[sz]ation|institute|council|working|trial|study|agency|department|foundation|alliance|federation|board|panel|task force|centre|center|hospital|university|college|academy|registry|programme|program|writing)\b/i;

const NAME_PARTICLES = new Set(['van', 'von', 'der', 'den', 'de', 'del', 'della', 'di', 'da', 'dos', 'das', 'du', 'la', 'le', 'ter', 'ten', 'bin', 'al', 'el', 'zu', 'y']);

const SUFFIXES = /^(jr|sr|ii|iii|iv|v|2nd|3rd)\.?$/i;

/** A name written only in CJK scripts (Han, Hiragana, Katakana, Hangul) and spaces. */
const CJK_NAME = /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\u30fc\u3005 ]+$/u;

/** "VAN DEN BERG" -> "Van Den Berg"; words shorter than `minLength` (initials) are kept. */
function titleCaseWords(text: string, minLength: number): string {
  return text.replace(/\p{L}[\p{L}'\u2019]*/gu, (word) => (word.length >= minLength ? word[0] + word.slice(1).toLowerCase() : word));
}

/** True for names such as "WHO Working Group" or "International Stroke Trial Collaborative Group". */
export function looksLikeOrganisation(name: string): boolean {
  return ORGANISATION_WORDS.test(name);
}

/**
 * Tidies a given name: initials lose their dots and spaces ("M.E." -> "ME", "A. A. P." -> "AAP",
 * "N.-E." -> "N-E"); a full given name keeps its words but loses dots after initials
 * ("Malgorzata A." -> "Malgorzata A", "J. Mark" -> "J Mark").
 */
export function normaliseGivenName(raw: string | null | undefined): string | null {
  let text = cleanText(raw);
  if (text === null) return null;
  // Older Scopus BibTeX glues the affiliation letter to the initials: "Iorio, C.a and Frasso, G.b".
  text = text.replace(/^((?:\p{Lu}\.[\s-]?)+)\p{Ll}$/u, '$1');
  text = text.replace(/(\p{Lu})\./gu, '$1 ').replace(/\s*-\s*/g, '-');
  text = cleanText(text) ?? '';
  if (/^(?:\p{Lu}(?:-|\s)?)+$/u.test(text)) text = text.replace(/\s+/g, '');
  text = trimEndCharacters(text, /[.,;]/); // not /[.,;]+$/: quadratic in a run of them inside the name
  return text.length > 0 ? text : null;
}

function isInitials(token: string): boolean {
  return /^(?:\p{Lu}\.?-?){1,4}$/u.test(token) && !/^\p{Lu}\p{Ll}/u.test(token);
}

/**
 * Parses one author name written as "Last, First M", "Last FM" (MEDLINE AU), "First M Last",
 * "J.A. Smith", "van der Berg, Jan" or a collective name. Collective names (no comma and an
 * organisation word, or a single word) come back with `given = null` and the full name as family.
 */
export function parseAuthorName(raw: string | null | undefined): ParsedAuthor | null {
  // "null" / "undefined" given names (database exports of empty fields): "Smith, null", "null Smith".
  const withoutPlaceholders = cleanText(raw?.replace(/(^|[\s,])(?:null|undefined|n\/a)(?=[\s,]|$)/gi, '$1'));
  const name = withoutPlaceholders === null || withoutPlaceholders === undefined ? undefined : trimCharacters(withoutPlaceholders, /[,;\s]/);
  if (!name || /^(?:null|undefined|anonymous|\[no author name available\])$/i.test(name)) return null;
  // "van den Hoven, null" (Mendeley via Lens): the family name before the comma is the whole name.
  if (/^[^,]+,\s*$/.test(withoutPlaceholders ?? '') && !looksLikeOrganisation(name)) return { family: name, given: null };

  // CJK names are written family name first: "山田 太郎", "王小明" (a two- to four-character Chinese or Korean name: the first character is the family name).
  if (CJK_NAME.test(name)) {
    const parts = name.split(' ');
    if (parts.length >= 2) return { family: parts[0], given: parts.slice(1).join(' ') };
    if (/^[\p{Script=Han}\p{Script=Hangul}]{2,4}$/u.test(name) && !/[\p{Script=Hiragana}\p{Script=Katakana}]/u.test(name)) return { family: name[0], given: name.slice(1) };
    return { family: name, given: null };
  }

  if (name.includes(',')) {
    // "OKAFOR, CHIDI N." (all capitals): words read as names, not as a run of initials.
    const shouted = !/\p{Ll}/u.test(name) && /\p{Lu}{3,}/u.test(name) && !looksLikeOrganisation(name);
    const parts = name
      .split(',')
      .map((part, index) => (shouted ? titleCaseWords(part, index === 0 ? 2 : 3) : part).trim())
      .filter((part) => part.length > 0);
    if (parts.length === 0) return null;
    const family = parts[0];
    const rest = parts.slice(1);
    if (rest.length === 0) return { family, given: null };
    // "Smith, Jr, John" / "Smith, John, Jr"
    const suffix = rest.find((part) => SUFFIXES.test(part));
    const givenParts = rest.filter((part) => part !== suffix);
    const given = normaliseGivenName([...givenParts, ...(suffix ? [suffix] : [])].join(' '));
    if (looksLikeOrganisation(name) && parts.length > 2) return { family: name, given: null };
    return { family, given };
  }

  if (looksLikeOrganisation(name)) return { family: name, given: null };
  const tokens = name.split(' ');
  if (tokens.length === 1) return { family: name, given: null };

  // "Griffin DK", "O'Connor RE", "Griffin D.K.", "Griffin D K", "van den Berg P"
  let initialsStart = tokens.length;
  while (initialsStart > 1 && isInitials(tokens[initialsStart - 1]) && tokens[initialsStart - 1].replace(/[.-]/g, '').length <= 2) initialsStart -= 1;
  if (initialsStart === tokens.length - 1 || (initialsStart < tokens.length && !isInitials(tokens[0]))) {
    if (!isInitials(tokens[0])) return { family: tokens.slice(0, initialsStart).join(' '), given: normaliseGivenName(tokens.slice(initialsStart).join(' ')) };
  }

  // "First M von Last"
  let familyStart = tokens.length - 1;
  if (SUFFIXES.test(tokens[familyStart]) && familyStart > 1) familyStart -= 1;
  while (familyStart > 1 && NAME_PARTICLES.has(tokens[familyStart - 1].toLowerCase())) familyStart -= 1;
  // "van den Hoven", "de Gaulle": particles (written in lower case: no given name is) and a family name.
  if (familyStart === 1 && NAME_PARTICLES.has(tokens[0])) return { family: name, given: null };
  return {
    family: tokens.slice(familyStart).join(' '),
    given: normaliseGivenName(tokens.slice(0, familyStart).join(' ')),
  };
}

function looksLikePersonPiece(piece: string): boolean {
  if (piece.includes(',')) return true;
  const tokens = piece.trim().split(/\s+/);
  return tokens.length <= 4 && !looksLikeOrganisation(piece);
}

/**
 * Splits an author list written in one value: "A; B", "Yang, Z. and Jiang, B." or
 * PubMed's "Griffin DK, Larkin DM, O'Connor RE.". A single "Last, First" stays one name.
 */
export function splitAuthorList(raw: string | null | undefined): string[] {
  const text = cleanText(raw);
  if (text === null) return [];
  if (text.includes(';')) return text.split(';').map((part) => part.trim()).filter((part) => part.length > 0);
  if (/\s+and\s+/.test(text)) {
    const pieces = text.split(/\s+and\s+/).map((part) => part.trim()).filter((part) => part.length > 0);
    if (pieces.every(looksLikePersonPiece)) return pieces;
  }
  if (text.includes(',')) {
    const pieces = text
      .replace(/\.$/, '')
      .split(',')
      .map((part) => part.trim())
      .filter((part) => part.length > 0 && !/^et al\.?$/i.test(part));
    // "Last FM, Last FM" (every piece ends with initials) is a list; "Last, First" is one name.
    const auStyle = pieces.every((piece) => {
      const tokens = piece.split(' ');
      return tokens.length >= 2 && isInitials(tokens[tokens.length - 1]);
    });
    if (auStyle && pieces.length > 1) return pieces;
  }
  return [text];
}

/**
 * "Campos HBN" in a list of MEDLINE-style names ("Cincotta A, Nicolaï M, Campos HBN, …"): the last word
 * is the initials, however many (a lone name cannot tell "Campos HBN" from "Wei LIU", a list can).
 */
function parseFamilyInitials(piece: string): ParsedAuthor | null {
  const tokens = piece.trim().replace(/\.$/, '').split(/\s+/);
  const last = tokens[tokens.length - 1];
  if (tokens.length < 2 || !isInitials(last) || isInitials(tokens[0]) || looksLikeOrganisation(piece)) return parseAuthorName(piece);
  return { family: tokens.slice(0, -1).join(' '), given: normaliseGivenName(last) };
}

/**
 * "CAIZHI SHEN" among "CROUDACE, ANGUS D.; CAIZHI SHEN; JUNCHANG LÜ" (EBSCOhost): in a list whose other
 * names are "Family, Given", a name without a comma is written given name first.
 */
export function parseGivenFirst(piece: string): ParsedAuthor | null {
  const name = cleanText(piece);
  if (!name || looksLikeOrganisation(name) || CJK_NAME.test(name)) return parseAuthorName(piece);
  const shouted = !/\p{Ll}/u.test(name) && /\p{Lu}{3,}/u.test(name);
  // "Smith AB" keeps its initials last; only an all-capitals name ("JUNCHANG LÜ") is read given name first regardless.
  if (!shouted && isInitials(name.split(' ').pop() ?? '')) return parseAuthorName(piece);
  const tokens = (shouted ? titleCaseWords(name, 2) : name).split(' ');
  if (tokens.length < 2 || tokens.length > 4) return parseAuthorName(piece);
  let familyStart = tokens.length - 1;
  while (familyStart > 1 && NAME_PARTICLES.has(tokens[familyStart - 1].toLowerCase())) familyStart -= 1;
  return { family: tokens.slice(familyStart).join(' '), given: normaliseGivenName(tokens.slice(0, familyStart).join(' ')) };
}

/** Parses every name of an author list value; "et al." and "others" are dropped. */
export function parseAuthorList(raw: string | null | undefined): ParsedAuthor[] {
  const text = cleanText(raw);
  const pieces = splitAuthorList(raw).filter((piece) => !/^(et al\.?|others)$/i.test(piece.trim()));
  // PubMed's "Griffin DK, Larkin DM, O'Connor RE." (split on commas, so every piece is "Family Initials").
  const medlineList = pieces.length > 1 && text !== null && !text.includes(';') && pieces.every((piece) => !piece.includes(','));
  // "Family, Given; Family, Given; GIVEN FAMILY": most names carry a comma.
  const withComma = pieces.filter((piece) => piece.includes(',')).length;
  const commaList = pieces.length > 1 && withComma * 2 >= pieces.length;
  return pieces
    .map((piece) => (medlineList ? parseFamilyInitials(piece) : commaList && !piece.includes(',') ? parseGivenFirst(piece) : parseAuthorName(piece)))
    .filter((author): author is ParsedAuthor => author !== null);
}

// ---------------------------------------------------------------------------------------------
// Keys for duplicate detection

/** Family name reduced the same way as titles ("Černý" -> "cerny", "O'Connor" -> "o connor"). */
export function normaliseNameKey(family: string | null | undefined): string | null {
  return normaliseTitleKey(family);
}

// ---------------------------------------------------------------------------------------------
// Markup in titles and abstracts

const NAMED_ENTITIES: Record<string, string> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', ndash: '–', mdash: '—', hellip: '…',
  alpha: 'α', beta: 'β', gamma: 'γ', delta: 'δ', kappa: 'κ', lambda: 'λ', mu: 'μ', micro: 'µ', plusmn: '±', deg: '°',
  le: '≤', ge: '≥', times: '×', rsquo: '’', lsquo: '‘', rdquo: '”', ldquo: '“', shy: '',
};

/** "&amp;", "&#946;", "&#x3b2;", "&beta;" -> the character; unknown entities are kept as written. */
export function decodeHtmlEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&(#x[0-9a-f]{1,6}|#\d{1,7}|[a-z]{2,8});/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return NAMED_ENTITIES[name.toLowerCase()] ?? whole;
  });
}

/**
 * The inline HTML / JATS / MathML tags databases leave in titles and abstracts (Web of Science
 * "<i>", Scopus and Crossref "<sup>", "<inf>", "<scp>", "<mml:math>"). Only these tag names are
 * removed, so "<5 years" or "p<0.05" stay as written.
 */
const MARKUP_TAG = /<\/?(?:i|b|u|em|strong|sup|sub|inf|sc|scp|small|span|font|br|p|italic|bold|jats:[a-z-]+|mml:[a-z]+|math|named-content)(?:\s[^<>]*)?\/?>/gi;

/** A section heading in an abstract, as Europe PMC writes them: "<h4>Background</h4>Preliminary …". */
const HEADING = /<h[1-6](?:\s[^<>]*)?>([^<>]*)<\/h[1-6]>/gi;

/** "<h4>Methods</h4>Text" -> " Methods: Text": the heading becomes a label, as in a structured abstract. */
function headingAsLabel(_whole: string, heading: string): string {
  const label = heading.trim();
  return label ? ` ${label}${/[:.?!]$/.test(label) ? '' : ':'} ` : ' ';
}

/** Removes inline markup tags and decodes HTML entities; white space collapsed; null for empty. */
export function stripMarkup(raw: string | null | undefined): string | null {
  if (raw === null || raw === undefined) return null;
  const withoutTags = raw.includes('<') ? raw.replace(HEADING, headingAsLabel).replace(MARKUP_TAG, (tag) => (/^<br|^<\/?p\b/i.test(tag) ? ' ' : '')) : raw;
  return cleanText(decodeHtmlEntities(withoutTags));
}
