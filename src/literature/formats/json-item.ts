/**
 * One JSON object -> a publication, for the CSL-JSON and JSON Lines parsers. Three shapes are read:
 * - this project's publication (the JSON Lines publication export, `publicationToJson`): title, authors
 *   [{family, given}], journal, year, month, volume, issue, pages, doi, pmid, pmcid, publicationTypes,
 *   meshHeadings [{descriptorUi, label, majorTopic}], keywords, language, url, abstract;
 * - this project's case (the JSON Lines case export): the same publication under `publication`;
 * - a CSL-JSON item (citeproc, Zotero, Mendeley, pandoc, Crossref's citeproc+json and this project's
 *   CSL-JSON export): title, author [{family, given, non-dropping-particle, literal}], container-title,
 *   issued {date-parts | raw | literal}, volume, issue, page, DOI, PMID, PMCID, ISSN, abstract, keyword
 *   (one string), genre, language, URL, note (Zotero's "PMID: …" lines), and `custom` (CSL-JSON 1.0.2's
 *   object for other data: keywords, publicationTypes and meshHeadings as this project writes them).
 * Values of the wrong type are ignored rather than failing the record; a record without a title is
 * refused later by the import's validation, like any other format's.
 */
import { TitleStatus, titleStatusFromNote } from '../../publications/title-status.enum';
import {
  cleanText,
  extractIssns,
  extractLabelledDoi,
  extractPmcid,
  extractPmid,
  normalisePages,
  parseAuthorName,
  stripMarkup,
  uniqueStrings,
} from '../normalise';
import { emptyPublication } from '../parsed-publication';
import { RecordNotes } from '../value-notes';
import type { ParsedAuthor, ParsedMeshHeading, ParsedPublication } from '../parsed-publication';
import { parseMeshHeadingText } from './mesh-text';

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

/** A string or a number as text (CSL allows `"volume": 12`); anything else is null. */
function str(value: unknown): string | null {
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value === 'string') return cleanText(value);
  // Crossref writes "container-title": ["Journal"].
  if (Array.isArray(value) && value.length > 0) return str(value[0]);
  return null;
}

/**
 * A value meant to hold a year, as text for the year parser: anything else than a string or a finite number
 * (1e400, which JSON reads as Infinity, true, an object) is passed on as written (an object as such) so that it is noted as "not a year"
 * instead of dropped without a word.
 */
function yearText(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || (typeof value === 'number' && Number.isFinite(value)) || Array.isArray(value)) return str(value);
  if (typeof value === 'number') return String(value);
  // Not the object's JSON: a year parser would find "2019" in {"y": 2019}.
  return typeof value === 'object' ? '(an object)' : String(value);
}

/** Text whose paragraph breaks are kept (abstracts): line ends normalised, blank edges trimmed. */
function paragraphs(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const text = value.replace(/\r\n?/g, '\n').replace(/[ \t\u00a0]+/g, ' ').replace(/ *\n */g, '\n').trim();
  return text.length > 0 ? text : null;
}

function strings(value: unknown): string[] {
  if (Array.isArray(value)) return uniqueStrings(value.map(str));
  return [];
}

/** "a; b" or, without a ";", "a, b" (Zotero joins CSL keywords with ", "). */
function splitJoined(value: unknown): string[] {
  const text = str(value);
  if (!text) return [];
  return uniqueStrings(text.split(text.includes(';') ? ';' : ','));
}

function meshHeadingsOf(value: unknown): ParsedMeshHeading[] {
  if (!Array.isArray(value)) return [];
  const out: ParsedMeshHeading[] = [];
  for (const entry of value) {
    let heading: ParsedMeshHeading | null = null;
    if (typeof entry === 'string') heading = parseMeshHeadingText(entry);
    else if (isObject(entry)) {
      const label = str(entry.label) ?? str(entry.name) ?? str(entry.descriptorName);
      const ui = str(entry.descriptorUi) ?? str(entry.ui);
      if (label) heading = { label, descriptorUi: ui && /^D\d{6,9}$/.test(ui) ? ui : null, majorTopic: entry.majorTopic === true };
    }
    if (heading && !out.some((other) => other.label === heading!.label)) out.push(heading);
  }
  return out;
}

/** This project's authors: {family, given} objects, kept as they are (they were normalised on the first import). */
function projectAuthors(value: unknown): ParsedAuthor[] {
  if (!Array.isArray(value)) return [];
  return value
    .map((entry): ParsedAuthor | null => {
      if (typeof entry === 'string') return parseAuthorName(entry);
      if (!isObject(entry)) return null;
      const family = str(entry.family);
      return family ? { family, given: str(entry.given) } : null;
    })
    .filter((author): author is ParsedAuthor => author !== null);
}

/** CSL names: family with its particle ("van den Berg"), given, or a literal (an organisation, or a name in one piece). */
function cslAuthors(value: unknown): ParsedAuthor[] {
  if (!Array.isArray(value)) return [];
  return value
    .map((entry): ParsedAuthor | null => {
      if (!isObject(entry)) return typeof entry === 'string' ? parseAuthorName(entry) : null;
      const family = str(entry.family);
      if (family) {
        const particle = str(entry['non-dropping-particle']);
        const dropping = str(entry['dropping-particle']);
        const given = [str(entry.given), dropping].filter(Boolean).join(' ');
        return { family: particle ? `${particle} ${family}` : family, given: given || null };
      }
      const literal = str(entry.literal);
      return literal ? { family: literal, given: null } : null;
    })
    .filter((author): author is ParsedAuthor => author !== null);
}

/** CSL dates: {"date-parts": [[2019, 3]]}, {"raw": "2019-03"}, {"literal": "Spring 2019"}, or a bare string / year. */
function cslDate(value: unknown, notes: RecordNotes): { year: number | null; month: number | null } {
  const source = { field: 'issued' };
  if (typeof value === 'number' || typeof value === 'string') return notes.date(source, String(value));
  if (!isObject(value)) return { year: null, month: null };
  const dateParts = value['date-parts'];
  if (Array.isArray(dateParts) && Array.isArray(dateParts[0])) {
    const [year, month] = dateParts[0] as unknown[];
    const y = notes.year({ field: 'issued.date-parts' }, yearText(year));
    // A month that is no month (13, "Smarch") is noted, as in every other format: it was left out silently.
    const m = y !== null && month !== undefined && month !== null ? notes.month({ field: 'issued.date-parts' }, str(month) ?? String(month)) : null;
    return { year: y, month: m };
  }
  const text = str(value.raw) ?? str(value.literal);
  if (text) return notes.date({ field: value.raw !== undefined ? 'issued.raw' : 'issued.literal' }, text);
  return { year: notes.year({ field: 'issued.year' }, yearText(value.year)), month: null };
}

/** True when the object is (or wraps) this project's publication rather than a CSL item. */
function isProjectShape(item: Json): boolean {
  return 'authors' in item || 'meshHeadings' in item || 'publicationTypes' in item || ('journal' in item && !('container-title' in item));
}

function fromProject(item: Json, notes: RecordNotes): ParsedPublication {
  const publication = emptyPublication();
  publication.title = stripMarkup(str(item.title));
  publication.abstract = paragraphs(item.abstract);
  publication.authors = projectAuthors(item.authors);
  publication.journal = str(item.journal);
  publication.journalAbbreviation = str(item.journalAbbreviation);
  publication.year = notes.year({ field: 'year' }, yearText(item.year));
  const month = str(item.month);
  publication.month = month ? notes.month({ field: 'month' }, month) : null;
  publication.volume = str(item.volume);
  publication.issue = str(item.issue);
  publication.pages = normalisePages(str(item.pages));
  publication.doi = notes.doi({ field: 'doi' }, str(item.doi));
  publication.pmid = notes.pmid({ field: 'pmid' }, str(item.pmid));
  publication.pmcid = notes.pmcid({ field: 'pmcid' }, str(item.pmcid));
  publication.issns = uniqueStrings(strings(item.issns).flatMap(extractIssns));
  publication.publicationTypes = strings(item.publicationTypes);
  publication.meshHeadings = meshHeadingsOf(item.meshHeadings);
  publication.keywords = strings(item.keywords);
  publication.language = str(item.language);
  publication.url = str(item.url);
  const status = str(item.titleStatus);
  if (status && (Object.values(TitleStatus) as string[]).includes(status)) publication.titleStatus = status as TitleStatus;
  return publication;
}

function fromCsl(item: Json, notes: RecordNotes): ParsedPublication {
  const custom = isObject(item.custom) ? item.custom : {};
  const note = typeof item.note === 'string' ? item.note : null;
  const publication = emptyPublication();
  publication.title = stripMarkup(str(item.title));
  // This project's export says in `note` when the title is incomplete or was never recorded.
  const titleStatus = (note ?? '').split(/\r?\n/).map(titleStatusFromNote).find((status) => status !== null);
  if (titleStatus) publication.titleStatus = titleStatus;
  publication.abstract = paragraphs(item.abstract);
  publication.authors = cslAuthors(item.author);
  publication.journal = stripMarkup(str(item['container-title']));
  publication.journalAbbreviation = str(item['container-title-short']) ?? str(item.journalAbbreviation);
  const date = cslDate(item.issued, notes);
  publication.year = date.year;
  publication.month = date.month;
  publication.volume = str(item.volume);
  publication.issue = str(item.issue) ?? str(item.number);
  publication.pages = normalisePages(str(item.page));
  publication.doi = notes.doi({ field: str(item.DOI) ? 'DOI' : 'doi' }, str(item.DOI) ?? str(item.doi)) ?? extractLabelledDoi(str(item.URL)) ?? extractLabelledDoi(note);
  publication.pmid = notes.pmid({ field: str(item.PMID) ? 'PMID' : 'pmid' }, str(item.PMID) ?? str(item.pmid)) ?? extractPmid(note);
  publication.pmcid = notes.pmcid({ field: str(item.PMCID) ? 'PMCID' : 'pmcid' }, str(item.PMCID) ?? str(item.pmcid)) ?? extractPmcid(note);
  const issn = item.ISSN;
  publication.issns = uniqueStrings((Array.isArray(issn) ? issn.map(str) : [str(issn)]).flatMap(extractIssns));
  publication.keywords = Array.isArray(custom.keywords) ? strings(custom.keywords) : splitJoined(item.keyword);
  publication.publicationTypes = Array.isArray(custom.publicationTypes) ? strings(custom.publicationTypes) : uniqueStrings((str(item.genre) ?? '').split(';'));
  publication.meshHeadings = meshHeadingsOf(custom.meshHeadings);
  publication.language = str(item.language);
  publication.url = str(item.URL);
  return publication;
}

/**
 * The publication a JSON object describes; null when the value is not an object. A project case
 * (an object with a `publication` object) yields its publication.
 */
export function jsonItemToPublication(value: unknown, notes: RecordNotes = new RecordNotes()): ParsedPublication | null {
  if (!isObject(value)) return null;
  const item = isObject(value.publication) ? value.publication : value;
  return isProjectShape(item) ? fromProject(item, notes) : fromCsl(item, notes);
}
