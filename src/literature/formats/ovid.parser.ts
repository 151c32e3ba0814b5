/**
 * Ovid's native text exports (Ovid MEDLINE, Embase on Ovid and the other Ovid databases), in both layouts
 * Ovid writes:
 * - "Display" / export to a text file with labelled fields ("Complete Reference", "Citation (Title,
 *   Abstract)"…): a record number line "<1>", then each field heading on a line of its own ("Unique
 *   Identifier", "Authors", "Title", "Source", "MeSH Subject Headings", "Emtree Heading", "Digital Object
 *   Identifier"…) followed by its values indented by two spaces, one value a line for lists;
 * - the tagged variant (Ovid's "Citavi" / "Reference Manager" tagged export, .ovd / .cgi): "<1. >", then
 *   "VN  - Ovid Technologies", "DB  - Embase", "UI  - …", "TI  - …", continuation lines indented.
 * The search history Ovid writes before the records ("Database: …", "Search Strategy:", the numbered
 * search lines and the row of asterisks) is skipped; its "Database:" names the database of every record.
 *
 * In Ovid MEDLINE the Unique Identifier is the PMID and the subject headings are MeSH ("*Dentigerous Cyst /
 * di [Diagnosis]": major topic, qualifier dropped). In Embase the identifier is Embase's own accession
 * number, the PMID is in "MEDLINE PMID" (tag PM), and Emtree headings are not MeSH: they become keywords.
 * The citation in "Source" gives journal, volume, issue and pages in Ovid MEDLINE's
 * ("Journal. 55(2):112-115, 2019 Feb.") or Embase's ("Journal. 55 (2) (pp 112-115), 2019. Date of
 * Publication: February 2019.") notation when the record has no separate fields for them.
 */
import {
  cleanText,
  extractIssns,
  normalisePages,
  normalisePmid,
  parseAuthorName,
  parseDateParts,
  stripMarkup,
  uniqueStrings,
} from '../normalise';
import { ImportFormatError, emptyPublication } from '../parsed-publication';
import { RecordNotes } from '../value-notes';
import type { ParsedAuthor, ParsedMeshHeading, ParsedPublication, ParsedRecord, ParserOptions, TextSource } from '../parsed-publication';
import { readLines } from '../text-lines';
import { parseCitationSource } from './csv-exporters';
import { parseMeshHeadingText } from './mesh-text';

/** "<1>", "<1. >", "< 12 >" */
const RECORD_MARKER = /^\s*<\s*(\d+)\s*\.?\s*>\s*$/;
// dotAll: a value may hold U+2028 / U+2029, which `.` does not match.
const TAG_LINE = /^([A-Z][A-Z0-9])[ \t]{1,2}-(?:[ \t](.*))?$/s;

/** The fields a record is reduced to, whichever layout it came in. */
type OvidField =
  | 'database'
  | 'ui'
  | 'accession'
  | 'title'
  | 'source'
  | 'authors'
  | 'fullAuthors'
  | 'abstract'
  | 'mesh'
  | 'emtree'
  | 'keywords'
  | 'doi'
  | 'pmid'
  | 'pmcid'
  | 'publicationType'
  | 'year'
  | 'date'
  | 'journal'
  | 'volume'
  | 'issue'
  | 'pages'
  | 'issn'
  | 'language'
  | 'url'
  | 'status';

/** Labelled headings (compared lower case, without a trailing colon) -> field. */
const HEADINGS: Record<string, OvidField> = {
  database: 'database',
  'unique identifier': 'ui',
  'accession number': 'accession',
  'embase accession number': 'accession',
  title: 'title',
  'original title': 'title',
  source: 'source',
  authors: 'authors',
  author: 'authors',
  'authors full name': 'fullAuthors',
  'author full name': 'fullAuthors',
  abstract: 'abstract',
  'mesh subject headings': 'mesh',
  'mesh subject heading': 'mesh',
  'emtree heading': 'emtree',
  'emtree headings': 'emtree',
  'emtree drug index terms': 'emtree',
  'emtree medical index terms': 'emtree',
  'keyword heading': 'keywords',
  'author keywords': 'keywords',
  keywords: 'keywords',
  'digital object identifier': 'doi',
  'digital object identifier (doi)': 'doi',
  'doi number': 'doi',
  'medline pmid': 'pmid',
  'pubmed identifier': 'pmid',
  pmid: 'pmid',
  'pubmed central identifier': 'pmcid',
  'pubmed central identifier (pmcid)': 'pmcid',
  'publication type': 'publicationType',
  // Journals@Ovid: "Review:  PDF Only." and "Publish Ahead of Print, POST ACCEPTANCE, 30 November 2015".
  'document type': 'publicationType',
  status: 'status',
  'year of publication': 'year',
  'date of publication': 'date',
  'journal name': 'journal',
  'journal title': 'journal',
  volume: 'volume',
  issue: 'issue',
  'issue/part': 'issue',
  page: 'pages',
  pages: 'pages',
  pagination: 'pages',
  issn: 'issn',
  'issn print': 'issn',
  'issn electronic': 'issn',
  'issn linking': 'issn',
  language: 'language',
  url: 'url',
  'link to the ovid full text or citation': 'url',
  'link to the external link resolver': 'url',
};

/** Tags of the tagged variant -> field (Ovid's MEDLINE / Embase field guides; FA full names, PM the PMID in Embase). */
const TAGS: Record<string, OvidField> = {
  DB: 'database',
  UI: 'ui',
  AN: 'accession',
  TI: 'title',
  SO: 'source',
  AU: 'authors',
  FA: 'fullAuthors',
  AB: 'abstract',
  MH: 'mesh', // MeSH in MEDLINE, Emtree in Embase: decided by the database
  KW: 'keywords',
  DO: 'doi',
  DI: 'doi',
  PM: 'pmid',
  PC: 'pmcid',
  PT: 'publicationType',
  YR: 'year',
  DP: 'date',
  JN: 'journal',
  JT: 'journal',
  VI: 'volume',
  VO: 'volume',
  IP: 'issue',
  PG: 'pages',
  IS: 'issn',
  ES: 'issn',
  LG: 'language',
  LA: 'language',
  UR: 'url',
  XL: 'url',
};

/** Fields whose lines are one text (joined with spaces); the others are lists, one value a line. */
const TEXT_FIELDS: ReadonlySet<OvidField> = new Set(['title', 'source', 'abstract', 'database', 'date', 'journal']);

export interface OvidRecord {
  recordNumber: number;
  line: number;
  fields: Map<OvidField, string[]>;
}

function fail(message: string, recordNumber: number | null, line: number | null, field: string | null = null): ImportFormatError {
  const where = [recordNumber !== null ? `record ${recordNumber}` : null, line !== null ? `line ${line}` : null].filter(Boolean).join(', ');
  return new ImportFormatError(`Ovid${where ? ` ${where}` : ''}: ${message}`, recordNumber, line, field);
}

/** True when the head of a file is an Ovid text export (either layout) rather than Ovid's RIS. */
export function looksLikeOvidText(head: string): boolean {
  const lines = head.split('\n');
  if (lines.some((line) => /^TY[ \t]{1,2}-/.test(line))) return false; // Ovid's RIS export: the RIS parser
  if (lines.some((line) => /^VN[ \t]{1,2}- Ovid Technologies/.test(line))) return true;
  for (let i = 0; i < lines.length - 1; i++) {
    if (!RECORD_MARKER.test(lines[i])) continue;
    const next = lines.slice(i + 1).find((line) => line.trim().length > 0) ?? '';
    if (TAG_LINE.test(next)) return true;
    // Labelled layout: a record may open with headings this parser skips (Journals@Ovid starts with "Score" and
    // its stars), so one of the first few headings after the record number must be one it knows.
    const headings = lines
      .slice(i + 1)
      .filter((line) => line.trim().length > 0 && !/^\s/.test(line))
      .slice(0, 3);
    if (headings.some((line) => !RECORD_MARKER.test(line) && HEADINGS[line.trim().replace(/:$/, '').toLowerCase()] !== undefined)) return true;
  }
  return false;
}

/** Splits an Ovid export into records of fields (the layout is recognised line by line). */
export async function* readOvidRecords(source: TextSource, options: ParserOptions = {}): AsyncGenerator<OvidRecord> {
  let current: OvidRecord | null = null;
  let recordNumber = 0;
  let field: OvidField | null = null;
  let skipField = false; // a heading or tag this parser does not use: its lines are skipped
  let fileDatabase: string | null = null;
  /** Whether the current field came from a tag line (indented lines continue its value) or a heading (each indented line is a value). */
  let tagged = false;
  /** Indented lines read since the current heading. */
  let linesInField = 0;
  const report = (error: ImportFormatError): void => {
    if (!options.onRecordError) throw error;
    options.onRecordError(error);
  };
  const add = (record: OvidRecord, name: OvidField, value: string, joinToLast: boolean): void => {
    const values = record.fields.get(name) ?? [];
    if (joinToLast && values.length > 0) values[values.length - 1] = `${values[values.length - 1]} ${value}`;
    else values.push(value);
    record.fields.set(name, values);
  };
  const finish = function* (): Generator<OvidRecord> {
    if (current === null) return;
    if (current.fields.size === 0) report(fail('the record has no fields', current.recordNumber, current.line));
    else {
      if (!current.fields.has('database') && fileDatabase) current.fields.set('database', [fileDatabase]);
      yield current;
    }
    current = null;
  };

  for await (const { text, number } of readLines(source, 'Ovid')) {
    const marker = RECORD_MARKER.exec(text);
    if (marker) {
      yield* finish();
      recordNumber += 1;
      current = { recordNumber, line: number, fields: new Map() };
      field = null;
      skipField = false;
      continue;
    }
    if (current === null) {
      // Before the first record: the search history. A tagged file without record numbers starts at "VN  - ".
      const database = /^Database:\s*(.+?)\s*(?:<[^>]*>)?\s*$/.exec(text);
      if (database) fileDatabase = fileDatabase ?? database[1];
      if (!/^VN[ \t]{1,2}- /.test(text)) continue;
    }
    const tag = TAG_LINE.exec(text);
    if (tag) {
      if (tag[1] === 'VN' && current !== null && current.fields.size > 0) yield* finish();
      if (current === null) {
        recordNumber += 1;
        current = { recordNumber, line: number, fields: new Map() };
      }
      const name = TAGS[tag[1]];
      field = name ?? null;
      skipField = name === undefined;
      const value = (tag[2] ?? '').trim();
      tagged = true;
      if (name && value) add(current, name, value, false);
      continue;
    }
    if (text.trim().length === 0) continue;
    const record = current as OvidRecord | null;
    if (record === null) continue;
    if (/^\s/.test(text)) {
      // A value (labelled layout) or a continuation (tagged layout).
      if (skipField) continue;
      if (field === null) {
        report(fail(`text before the first field heading: "${text.trim().slice(0, 60)}"`, record.recordNumber, number));
        continue;
      }
      // Tagged: an indented line continues the tag's value; labelled: each indented line is a value, but a
      // wrapped title, abstract or source is one text.
      add(record, field, text.trim(), tagged || (TEXT_FIELDS.has(field) && linesInField > 0));
      linesInField += 1;
      continue;
    }
    // A heading of the labelled layout.
    const heading = text.trim().replace(/:$/, '').toLowerCase();
    if (tagged && HEADINGS[heading] === undefined) {
      // Tagged layout: Ovid's "EndNote" export breaks an abstract into unindented lines ("AB  - Background: …" then
      // "Method(s): …"); they continue the tag's value.
      if (field !== null && !skipField) add(record, field, text.trim(), true);
      continue;
    }
    field = HEADINGS[heading] ?? null;
    skipField = field === null;
    tagged = false;
    linesInField = 0;
  }
  yield* finish();
}

/** Ovid MEDLINE "Journal. 55(2):112-115, 2019 Feb." / Embase "Journal. 55 (2) (pp 112-115), 2019. Date of Publication: February 2019." */
export function parseOvidSource(raw: string | null): { journal: string | null; volume: string | null; issue: string | null; pages: string | null; year: number | null; month: number | null } {
  const out = { journal: null as string | null, volume: null as string | null, issue: null as string | null, pages: null as string | null, year: null as number | null, month: null as number | null };
  const text = cleanText(raw);
  if (!text) return out;
  const published = /Date of Publication:\s*([^.]+)/i.exec(text);
  const embase = /^(.+?)\.\s+(\d+[A-Za-z]?|[A-Za-z]?\d+)\s*(?:\(([^)]*)\))?\s*\((?:pp\s*([^)]+)|no pagination)\)\s*,\s*(\d{4})/i.exec(text);
  const medline = /^(.+?)\.\s+(\d+[A-Za-z]?|[A-Za-z]?\d+)?(?:\s*\(([^)]*)\))?\s*:\s*([A-Za-z]?\d+[A-Za-z]?(?:\s*-\s*[A-Za-z]?\d+[A-Za-z]?)?)\s*,\s*(\d{4})(?:\s+([A-Za-z]{3,}|\d{1,2}))?/.exec(text);
  const match = embase ?? medline;
  if (match) {
    // An Embase conference abstract names the meeting after the journal: "BMC Proceedings. Conference: 2nd BEAT-PCD Conference …. Spain. 12 (Supplement 3) …"
    out.journal = cleanText(match[1].replace(/\.\s+Conference:.*$/i, ''));
    out.volume = cleanText(match[2]);
    out.issue = cleanText(match[3]);
    out.pages = normalisePages(match[4]);
    out.year = Number(match[5]);
    const month = published ? parseDateParts(published[1]).month : match[6] ? parseOvidDate(`${match[5]} ${match[6]}`).month : null;
    out.month = month;
    // Embase's article number ("Article Number: 245") when there are no pages.
    if (!out.pages) out.pages = cleanText(/Article Number:\s*([^.\s]+)/i.exec(text)?.[1]);
    return out;
  }
  const fallback = parseCitationSource(text);
  return { ...fallback, month: published ? parseDateParts(published[1]).month : null };
}

/** "2021 12 01", "2019 Mar", "February 2019", "2019" */
function parseOvidDate(raw: string | null | undefined): { year: number | null; month: number | null } {
  const text = cleanText(raw);
  if (!text) return { year: null, month: null };
  const numeric = /^(\d{4})\s+(\d{1,2})(?:\s+\d{1,2})?$/.exec(text);
  if (numeric) {
    const month = Number(numeric[2]);
    return { year: Number(numeric[1]), month: month >= 1 && month <= 12 ? month : null };
  }
  return parseDateParts(text);
}

/** Academic degrees Journals@Ovid writes after an author's given name ("van Vugt, Arie MD, PhD +"). */
const DEGREES = new Set(['MD', 'PHD', 'DPHIL', 'MSC', 'MS', 'BSC', 'BS', 'BA', 'MA', 'MPH', 'MBA', 'MBBS', 'MBCHB', 'RN', 'BSN', 'MSN', 'DNP', 'NP', 'PHARMD', 'DDS', 'DMD', 'DVM', 'DRPH', 'SCD', 'DSC', 'MHS', 'MSCE', 'EDD', 'PSYD', 'FRCS', 'FRCSC', 'FRCP', 'FRCPC', 'FACS', 'FACP', 'FRACS', 'MRCP', 'MD-PHD']);

/**
 * One author of an Ovid list without what Journals@Ovid adds to the name: the footnote mark of the
 * institution ("Verbeek, Jan MD *", "Holstiege, Jakob 1") and degrees after a written-out given name. A
 * given name that is initials only ("Smith, MD") is left alone.
 */
function ovidAuthorName(raw: string): string {
  const name = withoutTrailing(withoutTrailingBracket(raw), FOOTNOTE_MARK);
  const comma = name.indexOf(',');
  if (comma < 0) return name;
  const tokens = name.slice(comma + 1).split(/[\s,]+/).filter(Boolean);
  let end = tokens.length;
  while (end > 0 && DEGREES.has(tokens[end - 1].replace(/\./g, '').toUpperCase())) end -= 1;
  if (end === tokens.length || end === 0 || !tokens.slice(0, end).some((token) => /\p{Ll}/u.test(token))) return name;
  return `${name.slice(0, comma)}, ${tokens.slice(0, end).join(' ')}`;
}

/** Keywords, one a line or ";"-separated on one line ("iliosacral;  IS screw;  pelvic fracture."). */
function ovidKeywords(values: string[]): string[] {
  return values.flatMap((value) => value.split(';')).map((keyword) => withoutFinalFullStop(keyword.trim()));
}

/** The full stop closing a keyword list, not that of an abbreviation ("et al.", "U.S."): the last word has no dot before it. */
function withoutFinalFullStop(keyword: string): string {
  if (!keyword.endsWith('.')) return keyword;
  let start = keyword.length - 1;
  while (start > 0 && /\w/.test(keyword[start - 1])) start -= 1;
  return start > 0 && keyword[start - 1] === '.' ? keyword : keyword.slice(0, -1);
}

/*
 * The helpers below read the end of a value without patterns that open with \s* or \s+ before what they look for: such
 * a pattern is tried at every position of a run of spaces and rescans the run each time, so a hostile author of
 * 60,000 spaces took 5 s (a megabyte, minutes). What they remove is short, so the short patterns see only the tail.
 */
const TAIL = 200;
/** Journals@Ovid's footnote marks after an author ("Verbeek, Jan MD *", "Holstiege, Jakob 1"). */
const FOOTNOTE_MARK = /\s(?:[*+\u2020\u2021\u00a7\u00b6#]+|\d{1,2}(?:,\d{1,2})*)$/;
const REVIEW_LABEL = /\[(?:Review|Article|Report|Miscellaneous|References|Editorial|Letter|Comment|Erratum)\]$/i;

/** `text` without a match of `pattern` (anchored at the end) in its last TAIL characters, and the spaces before it. */
function withoutTrailing(text: string, pattern: RegExp): string {
  const trimmed = text.trimEnd();
  const cut = Math.max(0, trimmed.length - TAIL);
  const match = pattern.exec(trimmed.slice(cut));
  return match ? trimmed.slice(0, cut + match.index).trimEnd() : text;
}

/** `text` without a final "[…]" (no "]" inside) and the spaces around it. */
function withoutTrailingBracket(text: string): string {
  const trimmed = text.trimEnd();
  if (!trimmed.endsWith(']')) return text;
  const open = trimmed.lastIndexOf('[');
  return open < 0 || trimmed.indexOf(']', open) !== trimmed.length - 1 ? text : trimmed.slice(0, open).trimEnd();
}

/** Maps one record's fields to a publication; values that cannot be read are noted in `notes` (under the field's name here: Ovid writes each as a heading or a tag). */
export function ovidFieldsToPublication(fields: Map<OvidField, string[]>, notes: RecordNotes = new RecordNotes()): ParsedPublication {
  const all = (name: OvidField): string[] => fields.get(name) ?? [];
  const first = (name: OvidField): string | null => all(name).map((value) => cleanText(value)).find((value) => value !== null) ?? null;
  const database = first('database') ?? '';
  const embase = /embase|excerpta/i.test(database) || (fields.has('emtree') && !fields.has('mesh'));
  const medline = !embase && (/medline|pubmed/i.test(database) || fields.has('mesh'));

  const publication = emptyPublication();
  const title = first('title');
  publication.title = stripMarkup(title === null ? null : withoutTrailing(title, REVIEW_LABEL));
  publication.abstract = stripMarkup(all('abstract').join(' '));

  const full = all('fullAuthors').flatMap((value) => value.split(';'));
  const short = all('authors').flatMap((value) => value.split(';'));
  publication.authors = (full.length > 0 ? full : short)
    .map((name) => parseAuthorName(ovidAuthorName(name)))
    .filter((author): author is ParsedAuthor => author !== null);

  const source = parseOvidSource(first('source'));
  const date = parseOvidDate(first('date'));
  publication.journal = first('journal') ?? source.journal;
  // An article ahead of print has no year of its own yet; the date it went online is its year (as Web of Science's early access).
  const aheadOfPrint = /ahead of print/i.test(first('status') ?? '') ? parseDateParts(/(\d{1,2}\s+[A-Za-z]+\s+\d{4})\s*$/.exec(first('status') ?? '')?.[1] ?? null) : null;
  publication.year = notes.year({ field: 'year' }, first('year')) ?? date.year ?? source.year ?? aheadOfPrint?.year ?? null;
  publication.month = (date.year === publication.year ? date.month : null) ?? (source.year === publication.year ? source.month : null);
  publication.volume = first('volume') ?? source.volume;
  publication.issue = first('issue') ?? source.issue;
  publication.pages = normalisePages(first('pages')) ?? source.pages;

  publication.doi = all('doi').map((value) => notes.doi({ field: 'doi' }, value)).find((doi) => doi !== null) ?? null;
  const ui = first('ui');
  publication.pmid =
    all('pmid')
      .map((value) => notes.pmid({ field: 'pmid' }, value, (text) => normalisePmid(/^\s*(\d{1,9})/.exec(text)?.[1] ?? null)))
      .find((pmid) => pmid !== null) ??
    (medline && ui && /^\d{1,8}$/.test(ui) ? normalisePmid(ui) : null);
  publication.pmcid = all('pmcid').map((value) => notes.pmcid({ field: 'pmcid' }, value)).find((pmcid) => pmcid !== null) ?? null;
  publication.issns = uniqueStrings(all('issn').flatMap(extractIssns));
  publication.publicationTypes = uniqueStrings(all('publicationType').map((type) => type.replace(/:\s*PDF Only\.?\s*$/i, '').replace(/\.$/, '')));

  const headings = [...all('mesh'), ...all('emtree')];
  if (medline) {
    const mesh = headings.map(parseMeshHeadingText).filter((heading): heading is ParsedMeshHeading => heading !== null);
    publication.meshHeadings = mesh.filter((heading, index) => mesh.findIndex((other) => other.label === heading.label) === index);
    publication.keywords = uniqueStrings(ovidKeywords(all('keywords')));
  } else {
    // Emtree (or another thesaurus): keywords, without the major-topic star and the subheadings.
    const terms = headings.map((value) => cleanText(value.split('/')[0].replace(/^\*\s*/, '')));
    publication.keywords = uniqueStrings([...ovidKeywords(all('keywords')), ...terms]);
  }
  // The labelled layout ends the language with a full stop: "English.".
  publication.language = cleanText(first('language')?.replace(/\.$/, ''));
  publication.url = all('url').find((value) => /^https?:\/\//i.test(value.trim()))?.trim() ?? null;
  return publication;
}

/** Yields the records of an Ovid text export one by one. */
export async function* parseOvid(source: TextSource, options: ParserOptions = {}): AsyncGenerator<ParsedRecord> {
  for await (const record of readOvidRecords(source, options)) {
    const notes = new RecordNotes();
    const publication = ovidFieldsToPublication(record.fields, notes);
    yield { recordNumber: record.recordNumber, line: record.line, publication, notes: notes.finish(publication) };
  }
}
