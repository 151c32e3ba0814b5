/**
 * BibTeX, as exported by Scopus, Web of Science, Zotero, JabRef, Mendeley and others.
 *
 * Written here rather than with @retorquere/bibtex-parser: that package (v9) cannot be loaded from
 * CommonJS (this project's module system and ts-jest's): its dependency chain
 * (unicode2latex -> tiny-merge-patch) requires an ESM-only package.
 *
 * Streaming: the input is scanned for "@type{ ... }" entries and one entry at a time is held in
 * memory (capped at MAX_ENTRY_LENGTH characters), parsed and dropped. @string macros are kept for
 * the rest of the file; @comment and @preamble are skipped.
 */
import {
  cleanText,
  extractIssns,
  extractLabelledDoi,
  extractPmcid,
  extractPmid,
  looksLikeOrganisation,
  normaliseGivenName,
  normalisePages,
  normalisePmid,
  stripMarkup,
  uniqueStrings,
} from '../normalise';
import { idFromLinks } from './ris.parser';
import { parseMeshHeadingList } from './mesh-text';
import { ImportFormatError, emptyPublication } from '../parsed-publication';
import { RecordNotes } from '../value-notes';
import type { ParsedAuthor, ParsedPublication, ParsedRecord, ParserOptions, TextSource } from '../parsed-publication';
import { decodeText, normaliseNewlines } from '../text-decoding';
import { decodeLatex } from './latex';
import { titleStatusFromNote } from '../../publications/title-status.enum';

/** One entry may not be longer than this (a missing closing brace would otherwise swallow the file). */
export const MAX_ENTRY_LENGTH = 4 * 1024 * 1024;

/** A field's value after @string macros are expanded (the longest stored text, an abstract, is 100,000 characters). */
export const MAX_VALUE_LENGTH = 100_000;
/** All @string macros of a file together: macros defined from macros cannot grow without bound. */
export const MAX_MACROS_LENGTH = 4 * 1024 * 1024;

const SKIPPED_TYPES = new Set(['comment', 'preamble']);

const MONTH_MACROS: Record<string, string> = {
  jan: 'January',
  feb: 'February',
  mar: 'March',
  apr: 'April',
  may: 'May',
  jun: 'June',
  jul: 'July',
  aug: 'August',
  sep: 'September',
  oct: 'October',
  nov: 'November',
  dec: 'December',
};

function fail(message: string, recordNumber: number | null, line: number | null, field: string | null): ImportFormatError {
  const where = [recordNumber !== null ? `record ${recordNumber}` : null, line !== null ? `line ${line}` : null].filter(Boolean).join(', ');
  return new ImportFormatError(`BibTeX${where ? ` ${where}` : ''}: ${message}`, recordNumber, line, field);
}

function countNewlines(text: string, from = 0, to = text.length): number {
  let count = 0;
  for (let i = text.indexOf('\n', from); i >= 0 && i < to; i = text.indexOf('\n', i + 1)) count += 1;
  return count;
}

export interface RawBibtexEntry {
  type: string;
  /** The text between the entry's outer delimiters. */
  body: string;
  /** 1-based line of the "@". */
  line: number;
  /** 1-based among data entries (not @string/@comment/@preamble); null for those. */
  recordNumber: number | null;
}

/** Cuts the input into entries; holds at most one entry (plus one chunk) in memory. */
export async function* scanBibtexEntries(source: TextSource, options: ParserOptions = {}): AsyncGenerator<RawBibtexEntry> {
  let buffer = '';
  let bufferLine = 1; // line number of buffer[0]
  let recordNumber = 0;

  // State of the entry being scanned (buffer starts at its "@").
  let inEntry = false;
  let headerLength = 0; // "@article{" length once known
  let type = '';
  let closeChar = '}';
  let scanPos = 0;
  let depth = 0;
  let inQuote = false;
  let entryRecord: number | null = null;

  const startEntry = (): boolean => {
    // buffer[0] === '@'; returns false when more input is needed
    const header = /^@[ \t]*([A-Za-z_][\w-]*)\s*([{(])/.exec(buffer);
    if (!header) {
      const undecided = /^@[ \t]*[A-Za-z_]?[\w-]*\s*$/.test(buffer) && buffer.length < 200;
      if (undecided) return false;
      // A stray "@" (an e-mail address in text between entries): not an entry.
      buffer = buffer.slice(1);
      inEntry = false;
      return true;
    }
    type = header[1].toLowerCase();
    closeChar = header[2] === '{' ? '}' : ')';
    headerLength = header[0].length;
    scanPos = headerLength;
    depth = header[2] === '{' ? 1 : 0;
    inQuote = false;
    entryRecord = type === 'string' || SKIPPED_TYPES.has(type) ? null : ++recordNumber;
    headerLength = header[0].length;
    return true;
  };

  for await (const chunk of normaliseNewlines(decodeText(source))) {
    buffer += chunk;
    for (;;) {
      if (!inEntry) {
        const at = buffer.indexOf('@');
        if (at < 0) {
          bufferLine += countNewlines(buffer);
          buffer = '';
          break;
        }
        bufferLine += countNewlines(buffer, 0, at);
        buffer = buffer.slice(at);
        inEntry = true;
        headerLength = 0;
      }
      if (headerLength === 0) {
        if (!startEntry()) break;
        if (!inEntry) continue;
      }
      // Scan for the closing delimiter.
      let end = -1;
      let nextEntryAt = -1;
      for (let i = scanPos; i < buffer.length; i++) {
        const char = buffer[i];
        if ((char === '{' || char === '}') && isEscaped(buffer, i)) continue;
        if (char === '{') depth += 1;
        else if (char === '}') {
          depth -= 1;
          if (closeChar === '}' && depth === 0) {
            end = i;
            break;
          }
          if (depth < 0) throw fail(`unbalanced "}" in the entry that starts at line ${bufferLine}`, entryRecord, bufferLine + countNewlines(buffer, 0, i), null);
        } else if (char === ')' && closeChar === ')' && depth === 0 && !inQuote) {
          end = i;
          break;
        } else if (char === '"' && depth === (closeChar === '}' ? 1 : 0) && buffer[i - 1] !== '\\') {
          inQuote = !inQuote;
        } else if (char === '@' && depth === (closeChar === '}' ? 1 : 0) && !inQuote && entryRecord !== null) {
          const error = fail(
            `the entry that starts at line ${bufferLine} is not closed before the next "@" (missing "${closeChar}")`,
            entryRecord,
            bufferLine + countNewlines(buffer, 0, i),
            null,
          );
          if (!options.onRecordError) throw error;
          // Recovery: drop the unclosed entry; the "@" starts the next one.
          options.onRecordError(error);
          nextEntryAt = i;
          break;
        }
      }
      if (nextEntryAt >= 0) {
        bufferLine += countNewlines(buffer, 0, nextEntryAt);
        buffer = buffer.slice(nextEntryAt);
        headerLength = 0;
        continue;
      }
      if (end < 0) {
        scanPos = buffer.length;
        if (buffer.length > MAX_ENTRY_LENGTH) {
          throw fail(`the entry that starts at line ${bufferLine} is longer than ${MAX_ENTRY_LENGTH} characters; is a closing "${closeChar}" missing?`, entryRecord, bufferLine, null);
        }
        break;
      }
      const entry: RawBibtexEntry = { type, body: buffer.slice(headerLength, end), line: bufferLine, recordNumber: entryRecord };
      bufferLine += countNewlines(buffer, 0, end + 1);
      buffer = buffer.slice(end + 1);
      inEntry = false;
      headerLength = 0;
      yield entry;
    }
  }
  if (inEntry && headerLength > 0) {
    throw fail(`the entry that starts at line ${bufferLine} is not closed: the file ends before its "${closeChar}"`, entryRecord, bufferLine, null);
  }
}

// ---------------------------------------------------------------------------------------------
// Entry body: key, fields

export interface BibtexFields {
  key: string | null;
  /** Lower-cased field name -> raw value (outer delimiters removed, macros expanded, LaTeX kept). */
  fields: Map<string, string>;
}

/** Parses "key, name = {value} # macro, ..." . */
export function parseEntryBody(entry: RawBibtexEntry, macros: Map<string, string>): BibtexFields {
  const body = entry.body;
  let pos = 0;
  const lineAt = (at: number): number => entry.line + countNewlines(body, 0, at);
  const error = (message: string, field: string | null, at: number): ImportFormatError => fail(message, entry.recordNumber, lineAt(at), field);
  const skipSpace = (): void => {
    while (pos < body.length && /\s/.test(body[pos])) pos += 1;
  };

  const readDelimited = (open: string, close: string, fieldName: string): string => {
    // body[pos] === open
    const start = pos + 1;
    let depth = 0;
    for (let i = pos; i < body.length; i++) {
      const char = body[i];
      if ((char === '{' || char === '}') && isEscaped(body, i)) continue;
      if (char === '{') depth += 1;
      else if (char === '}') depth -= 1;
      if (open === '"' && char === '"' && i > pos && depth === 0 && body[i - 1] !== '\\') {
        pos = i + 1;
        return body.slice(start, i);
      }
      if (open === '{' && depth === 0) {
        pos = i + 1;
        return body.slice(start, i);
      }
    }
    throw error(`the value of "${fieldName}" is not closed`, fieldName, start);
  };

  const readValue = (fieldName: string): string => {
    const parts: string[] = [];
    let length = 0;
    const valueStart = pos;
    for (;;) {
      skipSpace();
      const char = body[pos];
      let part: string;
      if (char === '{') part = readDelimited('{', '}', fieldName);
      else if (char === '"') part = readDelimited('"', '"', fieldName);
      else {
        const word = /^[^\s,#{}"=]+/.exec(body.slice(pos, pos + 200));
        if (!word) throw error(`"${fieldName}" has no value`, fieldName, pos);
        pos += word[0].length;
        const name = word[0].toLowerCase();
        part = /^\d+$/.test(word[0]) ? word[0] : (macros.get(name) ?? (Object.hasOwn(MONTH_MACROS, name) ? MONTH_MACROS[name] : word[0]));
      }
      // Checked before joining: "@string{c = b # b # b # b}" chains would otherwise grow geometrically.
      length += part.length;
      if (length > MAX_VALUE_LENGTH) throw error(`"${fieldName}" is longer than ${MAX_VALUE_LENGTH} characters once its @string macros are expanded`, fieldName, valueStart);
      parts.push(part);
      skipSpace();
      if (body[pos] === '#') {
        pos += 1;
        continue;
      }
      return parts.join('');
    }
  };

  const fields = new Map<string, string>();
  let key: string | null = null;
  if (entry.type !== 'string') {
    const comma = body.indexOf(',');
    const keyText = comma < 0 ? body : body.slice(0, comma);
    if (!keyText.includes('=')) {
      key = cleanText(keyText);
      pos = comma < 0 ? body.length : comma + 1;
    }
  }
  for (;;) {
    skipSpace();
    while (body[pos] === ',') {
      pos += 1;
      skipSpace();
    }
    if (pos >= body.length) break;
    // Scopus writes field names with spaces ("funding_text 1 = {…}"): words on one line up to the "=" are one name.
    const name = /^[^\s=,{}"#]+(?:[ \t]+[^\s=,{}"#]+)*(?=[ \t]*=)|^[^\s=,{}"#]+/.exec(body.slice(pos, pos + 200));
    if (!name) throw error(`expected a field name, found "${body.slice(pos, pos + 20)}"`, null, pos);
    const fieldName = name[0].toLowerCase();
    pos += name[0].length;
    skipSpace();
    if (body[pos] !== '=') throw error(`expected "=" after the field name "${name[0]}"`, fieldName, pos);
    pos += 1;
    const value = readValue(fieldName);
    if (!fields.has(fieldName)) fields.set(fieldName, value);
    skipSpace();
    if (pos < body.length && body[pos] !== ',') throw error(`expected "," after the value of "${name[0]}"`, fieldName, pos);
  }
  return { key, fields };
}

// ---------------------------------------------------------------------------------------------
// Names

/**
 * A brace after an odd number of backslashes is a literal brace (LaTeX's \{ and \}, as this service's BibTeX
 * export writes a brace of a title or name), not a group: counted as one, a lone "}" in an exported title
 * made the export unreadable ("expected "," after the value").
 */
function isEscaped(text: string, at: number): boolean {
  let backslashes = 0;
  for (let i = at - 1; i >= 0 && text[i] === '\\'; i--) backslashes += 1;
  return backslashes % 2 === 1;
}

/** Splits "A and B and {C and D}" at top-level " and ". */
export function splitBibtexNames(value: string): string[] {
  const names: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < value.length; i++) {
    const char = value[i];
    if ((char === '{' || char === '}') && isEscaped(value, i)) continue;
    if (char === '{') depth += 1;
    else if (char === '}') depth -= 1;
    else if (depth === 0 && /\s/.test(char)) {
      const match = /^\s+and\s+/i.exec(value.slice(i, i + 10));
      if (match) {
        names.push(value.slice(start, i));
        i += match[0].length - 1;
        start = i + 1;
      }
    }
  }
  names.push(value.slice(start));
  return names.map((name) => name.trim()).filter((name) => name.length > 0);
}

function splitTopLevel(value: string, separator: RegExp): string[] {
  const parts: string[] = [];
  let depth = 0;
  let current = '';
  let backslashes = 0;
  for (const char of value) {
    const escaped = backslashes % 2 === 1;
    backslashes = char === '\\' ? backslashes + 1 : 0;
    if (char === '{' && !escaped) depth += 1;
    else if (char === '}' && !escaped) depth -= 1;
    if (depth === 0 && separator.test(char)) {
      parts.push(current);
      current = '';
    } else {
      current += char;
    }
  }
  parts.push(current);
  return parts.map((part) => part.trim()).filter((part) => part.length > 0);
}

/** True when the whole text is one brace group: "{A B}" but not "{A} {B}". */
function isWrappedInBraces(text: string): boolean {
  if (!text.startsWith('{') || !text.endsWith('}')) return false;
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    if ((text[i] === '{' || text[i] === '}') && isEscaped(text, i)) continue;
    if (text[i] === '{') depth += 1;
    else if (text[i] === '}') depth -= 1;
    if (depth === 0 && i < text.length - 1) return false;
  }
  return true;
}

/** "von Last, First", "von Last, Jr, First", "First von Last", "{World Health Organization}". */
export function parseBibtexName(raw: string): ParsedAuthor | null {
  const name = raw.trim();
  if (!name || /^others$/i.test(name)) return null;
  if (isWrappedInBraces(name)) {
    // "{World Health Organization}": a corporate name, kept whole
    const family = decodeLatex(name);
    return family ? { family, given: null } : null;
  }
  const commaParts = splitTopLevel(name, /,/);
  if (commaParts.length >= 2) {
    const family = decodeLatex(commaParts[0]);
    const given = commaParts.length >= 3 ? `${commaParts[2]} ${commaParts[1]}` : commaParts[1];
    return family ? { family, given: normaliseGivenName(decodeLatex(given)) } : null;
  }
  const decodedWhole = decodeLatex(name);
  if (looksLikeOrganisation(decodedWhole) && !/^\{/.test(name)) return { family: decodedWhole, given: null };
  const tokens = splitTopLevel(name, /\s/);
  if (tokens.length === 1) return { family: decodeLatex(tokens[0]), given: null };
  let familyStart = tokens.length - 1;
  // "von" part: lower-case words before the last one
  for (let i = 1; i < tokens.length - 1; i++) {
    if (/^[a-z]/.test(tokens[i])) {
      familyStart = i;
      break;
    }
  }
  return {
    family: decodeLatex(tokens.slice(familyStart).join(' ')),
    given: normaliseGivenName(decodeLatex(tokens.slice(0, familyStart).join(' '))),
  };
}

// ---------------------------------------------------------------------------------------------
// Mapping

/**
 * Keywords are ";"-separated, or ","-separated when no ";" separates them; split outside braces, then decoded, so that a
 * braced keyword holding a separator ("{alpha; beta}", as this service's export writes one) stays whole.
 */
function splitKeywords(value: string): string[] {
  const list = unwrapList(value);
  return splitTopLevel(list, hasTopLevel(list, ';') ? /;/ : /[,\n]/).map(decodeLatex);
}

/** A ";"-separated list (publication types, MeSH headings), split outside braces, then decoded. */
function splitList(value: string | null, separator: RegExp = /;/): string[] {
  return value === null ? [] : splitTopLevel(unwrapList(value), separator).map((part) => cleanText(decodeLatex(part)) ?? '').filter((part) => part.length > 0);
}

/** A list wholly in braces, as Web of Science writes it ("{{asthma; budesonide}}"), is the list inside them. */
function unwrapList(value: string): string {
  let list = value.trim();
  while (isWrappedInBraces(list)) list = list.slice(1, -1).trim();
  return list;
}

/** Whether `char` occurs outside braces. */
function hasTopLevel(value: string, char: string): boolean {
  let depth = 0;
  for (let i = 0; i < value.length; i++) {
    if ((value[i] === '{' || value[i] === '}') && isEscaped(value, i)) continue;
    if (value[i] === '{') depth += 1;
    else if (value[i] === '}') depth -= 1;
    else if (depth === 0 && value[i] === char) return true;
  }
  return false;
}

/** The PubMed ID Europe PMC gives only as the entry's key: "@article {PMID:36879665,". */
function pmidFromKey(key: string | null): string | null {
  const match = /^PMID:\s*(\d{1,9})$/i.exec(key?.trim() ?? '');
  return match ? normalisePmid(match[1]) : null;
}

/**
 * Maps one entry's fields to a publication; values that cannot be read are noted in `notes` (under the field's name).
 * `key` is the entry's citation key (Europe PMC's holds the PMID).
 */
export function bibtexFieldsToPublication(fields: Map<string, string>, notes: RecordNotes = new RecordNotes(), key: string | null = null): ParsedPublication {
  const raw = (...names: string[]): string | null => {
    for (const name of names) {
      const value = fields.get(name);
      if (value !== undefined && value.trim().length > 0) return value;
    }
    return null;
  };
  const plain = (...names: string[]): string | null => {
    const value = raw(...names);
    return value === null ? null : cleanText(decodeLatex(value));
  };
  /** The name of the field `plain(...names)` reads, for the notes. */
  const sourceOf = (...names: string[]) => ({ field: names.find((name) => (fields.get(name) ?? '').trim().length > 0) ?? names[0] });

  const publication = emptyPublication();
  // Europe PMC writes HTML in titles and abstracts ("2<sup>TM</sup>", "<h4>Background</h4>").
  publication.title = stripMarkup(plain('title'));
  publication.abstract = stripMarkup(plain('abstract'));
  publication.authors = splitBibtexNames(raw('author') ?? '')
    .map(parseBibtexName)
    .filter((author): author is ParsedAuthor => author !== null);
  publication.journal = plain('journal', 'journaltitle', 'booktitle');
  publication.journalAbbreviation = plain('journal-iso', 'abbrev_source_title', 'shortjournal', 'journalabbrev', 'journal_abbreviation', 'iso-source-abbreviation');

  const date = notes.date(sourceOf('date'), plain('date'));
  publication.year = notes.year(sourceOf('year'), plain('year')) ?? date.year;
  const month = plain('month');
  publication.month = (month ? notes.month(sourceOf('month'), month) : null) ?? (date.year === publication.year ? date.month : null);
  publication.volume = plain('volume');
  publication.issue = plain('number', 'issue');
  // An article with an article number instead of pages: Scopus "art_number", Web of Science "Article-Number", biblatex "eid".
  publication.pages = normalisePages(plain('pages')) ?? normalisePages(plain('art_number', 'article-number', 'articleno', 'eid'));

  const note = plain('note', 'annote', 'annotation');
  publication.doi = notes.doi(sourceOf('doi'), plain('doi')) ?? extractLabelledDoi(plain('url')) ?? extractLabelledDoi(note);

  const eprintType = plain('eprinttype', 'archiveprefix');
  const uniqueId = plain('unique-id');
  publication.pmid =
    notes.pmid(sourceOf('pmid', 'pubmed-id', 'pubmed_id', 'pubmedid'), plain('pmid', 'pubmed-id', 'pubmed_id', 'pubmedid')) ??
    (eprintType && /pubmed/i.test(eprintType) ? normalisePmid(plain('eprint')) : null) ??
    (uniqueId && /^medline:/i.test(uniqueId) ? normalisePmid(uniqueId.replace(/^medline:\s*/i, '')) : null) ??
    pmidFromKey(key) ??
    extractPmid(note);
  const url = plain('url');
  publication.pmcid = notes.pmcid(sourceOf('pmcid', 'pmc'), plain('pmcid', 'pmc')) ?? extractPmcid(note) ?? (url ? idFromLinks([url], 'pmcid') : null);
  const titleStatus = titleStatusFromNote(note);
  if (titleStatus) publication.titleStatus = titleStatus;

  publication.issns = uniqueStrings(['issn', 'eissn', 'e-issn'].flatMap((name) => extractIssns(plain(name))));
  publication.publicationTypes = uniqueStrings(splitList(raw('document_type', 'type')));
  publication.keywords = uniqueStrings(['keywords', 'author_keywords', 'keywords-plus'].flatMap((name) => splitKeywords(raw(name) ?? '')));
  // MeSH names hold commas ("Hematoma, Epidural, Spinal"): the headings are split at ";" and line breaks only.
  publication.meshHeadings = parseMeshHeadingList(null, splitList(raw('mesh', 'mesh-headings', 'mesh_headings'), /[;\n]/));
  publication.language = plain('language', 'langid');
  publication.url = plain('url')?.split(/\s+/)[0] ?? null;
  return publication;
}

/** Yields the entries of a BibTeX file one by one (not @string, @comment, @preamble). */
export async function* parseBibtex(source: TextSource, options: ParserOptions = {}): AsyncGenerator<ParsedRecord> {
  const macros = new Map<string, string>();
  let macrosLength = 0;
  for await (const entry of scanBibtexEntries(source, options)) {
    if (SKIPPED_TYPES.has(entry.type)) continue;
    let fields: Map<string, string>;
    let key: string | null;
    try {
      ({ fields, key } = parseEntryBody(entry, macros));
    } catch (error) {
      // Recovery: the scanner already knows where the entry ends, so the next one can still be read.
      if (!(error instanceof ImportFormatError) || !options.onRecordError) throw error;
      options.onRecordError(error);
      continue;
    }
    if (entry.type === 'string') {
      for (const [name, value] of fields) {
        macrosLength += value.length;
        if (macrosLength > MAX_MACROS_LENGTH) {
          // Not recoverable: every later entry may use the macros.
          throw fail(`the @string macros of this file expand to more than ${MAX_MACROS_LENGTH} characters in all`, null, entry.line, name);
        }
        macros.set(name, value);
      }
      continue;
    }
    const notes = new RecordNotes();
    const publication = bibtexFieldsToPublication(fields, notes, key);
    yield { recordNumber: entry.recordNumber as number, line: entry.line, publication, notes: notes.finish(publication) };
  }
}
