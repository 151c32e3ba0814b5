/**
 * The one place where the parsers record the values they could not read ("19xx" in a year field, a DOI
 * field that holds no DOI): a parser reads such fields through a RecordNotes, which returns what the
 * plain helpers of normalise.ts return and remembers what it dropped. When the record is mapped,
 * `finish(publication)` turns the notes into warnings that say what became of the field (left empty, or
 * filled from another field), and the parser yields them with the record (`ParsedRecord.notes`); the
 * import service copies them into the report's warnings, where the record number is added.
 *
 * Also here: `stripRecordControlCharacters`, the removal of invisible control characters from every text
 * field of a parsed record (parse-publications.ts runs it on every record of every format).
 */
import { hasControlCharacters, stripControlCharacters } from '../common/text/control-characters';
import { normaliseDoi, normalisePmcid, normalisePmid, parseDateParts, parseMonth, parseYear } from './normalise';
import type { DateParts } from './normalise';
import type { ParsedPublication, ParsedRecord, ValueNote } from './parsed-publication';

/** Words a date may hold that are no month, and rightly give none: seasons, quarters, "Epub", "Suppl". */
const NOT_MONTHS = new Set(['spring', 'summer', 'fall', 'autumn', 'winter', 'first', 'second', 'third', 'fourth', 'quarter', 'epub', 'ahead', 'print', 'online', 'published', 'suppl', 'supplement', 'issue', 'undefined', 'null', 'nan', 'date', 'and', 'the', 'christmas', 'easter']);

/** A date with a year whose words include one that looks like a month but is none ("2019 Smarch", "2019 Mai"). */
function namesUnknownMonth(raw: string): boolean {
  const words = raw.match(/\p{L}{3,}/gu) ?? [];
  return words.some((word) => parseMonth(word) === null && !NOT_MONTHS.has(word.toLowerCase())) && !words.some((word) => NOT_MONTHS.has(word.toLowerCase()));
}

/** Values are quoted in warnings up to this many characters. */
export const NOTE_VALUE_LENGTH = 80;

/** Where a value comes from: the tag, column or element of the source, and its line when the format has lines. */
export interface ValueSource {
  field: string;
  line?: number | null;
}

type Target = 'year' | 'month' | 'doi' | 'pmid' | 'pmcid';

const TARGET_NAMES: Record<Target, string> = { year: 'the year', month: 'the month', doi: 'the DOI', pmid: 'the PubMed ID', pmcid: 'the PMC ID' };

/** A value quoted for a warning: JSON string notation, cut at NOTE_VALUE_LENGTH characters. */
export function quoteValue(value: string): string {
  const chars = [...value];
  return chars.length > NOTE_VALUE_LENGTH ? `${JSON.stringify(chars.slice(0, NOTE_VALUE_LENGTH).join(''))}…` : JSON.stringify(value);
}

interface Dropped {
  source: ValueSource;
  value: string;
  problem: string;
  target: Target;
}

/** Collects, for one record, the values its parser could not read. */
export class RecordNotes {
  private readonly dropped: Dropped[] = [];

  /** A value of `source` could not be read as `target` and is not used; `problem` says why ("is not a year"). */
  unread(source: ValueSource, value: string, problem: string, target: Target): void {
    const text = value.trim();
    if (!text) return;
    if (this.dropped.some((item) => item.source.field === source.field && item.value === text && item.target === target)) return;
    this.dropped.push({ source, value: text, problem, target });
  }

  /** parseYear, noting a value without a year. */
  year(source: ValueSource, raw: string | number | null | undefined): number | null {
    const year = parseYear(raw);
    if (year === null && raw !== null && raw !== undefined) this.unread(source, String(raw), 'is not a year', 'year');
    return year;
  }

  /**
   * parseDateParts, noting a value without a year. With `monthAlone`, a value that gives a month without a
   * year ("SEP 22" in RIS DA) is not noted; with `yearField`, the field is meant to hold a year (RIS PY),
   * and the note says the value "is not a year".
   */
  date(source: ValueSource, raw: string | null | undefined, options: { monthAlone?: boolean; yearField?: boolean } = {}): DateParts {
    const parts = parseDateParts(raw);
    if (parts.year === null && raw) {
      if (!(options.monthAlone && parseMonth(raw) !== null)) this.unread(source, raw, options.yearField ? 'is not a year' : 'is not a date with a year', 'year');
    } else if (parts.month === null && raw && namesUnknownMonth(raw)) {
      this.unread(source, raw, 'names no month this reads', 'month');
    }
    return parts;
  }

  /** parseMonth (and a month named inside a date: "2019 Feb"), noting a value without a month. */
  month(source: ValueSource, raw: string | null | undefined): number | null {
    const month = parseMonth(raw) ?? parseDateParts(raw).month;
    if (month === null && raw) this.unread(source, raw, 'is not a month', 'month');
    return month;
  }

  /** normaliseDoi, noting a value that holds no DOI. */
  doi(source: ValueSource, raw: string | null | undefined): string | null {
    const doi = normaliseDoi(raw);
    if (doi === null && raw) this.unread(source, raw, 'is not a DOI (10.<registrant>/<suffix>)', 'doi');
    return doi;
  }

  /** normalisePmid, noting a value that is not a PubMed ID. */
  pmid(source: ValueSource, raw: string | number | null | undefined, read: (value: string) => string | null = normalisePmid): string | null {
    if (raw === null || raw === undefined) return null;
    const pmid = read(String(raw));
    if (pmid === null) this.unread(source, String(raw), 'is not a PubMed ID (a number)', 'pmid');
    return pmid;
  }

  /** normalisePmcid, noting a value that is not a PMC ID. */
  pmcid(source: ValueSource, raw: string | number | null | undefined, read: (value: string) => string | null = normalisePmcid): string | null {
    if (raw === null || raw === undefined) return null;
    const pmcid = read(String(raw));
    if (pmcid === null) this.unread(source, String(raw), 'is not a PMC ID ("PMC" and a number)', 'pmcid');
    return pmcid;
  }

  private readonly passedOver: ValueNote[] = [];

  /** A readable value that was not used because the record already had one ("a second title; the first was kept"). */
  notUsed(source: ValueSource, value: string, why: string): void {
    const text = value.trim();
    if (text) this.passedOver.push({ field: source.field, line: source.line ?? null, message: `${quoteValue(text)} ${why}` });
  }

  /** The warnings, once the record is mapped: each says what became of the field it was meant for. */
  finish(publication: ParsedPublication): ValueNote[] {
    const unread = this.dropped.map(({ source, value, problem, target }) => {
      const kept = publication[target];
      const outcome = kept === null || kept === undefined ? `${TARGET_NAMES[target]} was left empty` : `${TARGET_NAMES[target]} (${kept}) was taken from another field`;
      return { field: source.field, line: source.line ?? null, message: `${quoteValue(value)} ${problem}; ${outcome}` };
    });
    return [...unread, ...this.passedOver];
  }
}

// ---------------------------------------------------------------------------------------------
// Control characters

const TEXT_FIELDS = ['title', 'abstract', 'journal', 'journalAbbreviation', 'volume', 'issue', 'pages', 'doi', 'pmid', 'pmcid', 'language', 'url'] as const;
const LIST_FIELDS = ['issns', 'publicationTypes', 'keywords'] as const;

/**
 * Removes invisible control characters (see src/common/text/control-characters.ts) from every text of a
 * parsed record, with one warning per publication field that held any. A text left empty becomes null
 * (an empty list item is dropped). Returns the record itself when nothing was found.
 */
export function stripRecordControlCharacters(record: ParsedRecord): ParsedRecord {
  const publication = record.publication;
  // Nearly every record has none: look first, without copying anything (this runs on every record of every import).
  if (!publicationHasControlCharacters(publication)) return record;
  const removed = new Map<string, { count: number; characters: Set<string> }>();
  const strip = (field: string, value: string): string => {
    const result = stripControlCharacters(value);
    if (result.removed === 0) return value;
    const entry = removed.get(field) ?? { count: 0, characters: new Set<string>() };
    entry.count += result.removed;
    for (const character of result.characters) entry.characters.add(character);
    removed.set(field, entry);
    return result.text;
  };
  const out: ParsedPublication = { ...publication };
  for (const field of TEXT_FIELDS) {
    const value = publication[field];
    if (typeof value === 'string') out[field] = strip(field, value) || null;
  }
  for (const field of LIST_FIELDS) out[field] = publication[field].map((value) => strip(field, value)).filter((value) => value.length > 0);
  out.authors = publication.authors
    .map((author) => ({ family: strip('authors', author.family), given: author.given === null ? null : strip('authors', author.given) || null }))
    .filter((author) => author.family.length > 0);
  out.meshHeadings = publication.meshHeadings
    .map((heading) => ({ ...heading, label: strip('meshHeadings', heading.label), descriptorUi: heading.descriptorUi === null ? null : strip('meshHeadings', heading.descriptorUi) || null }))
    .filter((heading) => heading.label.length > 0);
  if (removed.size === 0) return record;
  const notes: ValueNote[] = [...removed].map(([field, { count, characters }]) => ({
    field,
    line: null,
    message: `${count} invisible control character${count === 1 ? '' : 's'} (${[...characters].join(', ')}) removed`,
  }));
  return { ...record, publication: out, notes: [...(record.notes ?? []), ...notes] };
}

function publicationHasControlCharacters(publication: ParsedPublication): boolean {
  for (const field of TEXT_FIELDS) {
    const value = publication[field];
    if (typeof value === 'string' && hasControlCharacters(value)) return true;
  }
  for (const field of LIST_FIELDS) if (publication[field].some(hasControlCharacters)) return true;
  if (publication.authors.some((author) => hasControlCharacters(author.family) || (author.given !== null && hasControlCharacters(author.given)))) return true;
  return publication.meshHeadings.some((heading) => hasControlCharacters(heading.label) || (heading.descriptorUi !== null && hasControlCharacters(heading.descriptorUi)));
}
