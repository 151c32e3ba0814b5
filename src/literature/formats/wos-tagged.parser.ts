/**
 * Web of Science tagged plain text ("Export > Plain text file", and the .ciw files EndNote takes):
 *
 *   FN Clarivate Analytics Web of Science
 *   VR 1.0
 *   PT J
 *   AU Okafor, CN
 *      Lindqvist, AM
 *   AF Okafor, Chidi N.
 *   TI Giant dentigerous cyst of the mandible
 *      in a child
 *   ...
 *   ER
 *
 *   EF
 *
 * A line is a two-character tag, a space and a value; lines indented with three spaces continue the
 * field: one author (AU, AF, CA), one address or one cited reference per line, the rest of a
 * wrapped title or abstract otherwise. A record runs from PT to ER. Records are parsed one at a time.
 */
import {
  cleanText,
  extractIssns,
  joinPages,
  normalisePages,
  normalisePmid,
  parseAuthorName,
  parseMonth,
  stripMarkup,
  uniqueStrings,
} from '../normalise';
import { ImportFormatError, emptyPublication } from '../parsed-publication';
import { RecordNotes } from '../value-notes';
import type { ParsedAuthor, ParsedPublication, ParsedRecord, ParserOptions, TextSource } from '../parsed-publication';
import { readLines } from '../text-lines';

export interface WosField {
  tag: string;
  /** One entry per line (continuation lines are separate values). */
  values: string[];
  line: number;
}

// dotAll: a value may hold U+2028 / U+2029, which `.` does not match.
const TAG_LINE = /^([A-Z][A-Z0-9]) (.*)$|^([A-Z][A-Z0-9])$/s;
const CONTINUATION = /^ {2,3}(\S.*)$/s;
/** Fields whose lines are separate values; the others are wrapped text joined with a space. */
const LIST_TAGS = new Set(['AU', 'AF', 'BA', 'BF', 'CA', 'GP', 'BE', 'C1', 'C3', 'CR', 'RI', 'OI', 'EM', 'FU']);

function fail(message: string, recordNumber: number | null, line: number | null, field: string | null): ImportFormatError {
  const where = [recordNumber !== null ? `record ${recordNumber}` : null, line !== null ? `line ${line}` : null].filter(Boolean).join(', ');
  return new ImportFormatError(`Web of Science${where ? ` ${where}` : ''}: ${message}`, recordNumber, line, field);
}

/** True when a file's head looks like Web of Science tagged text ("PT J" and "ER" lines, or the "FN" header). */
export function looksLikeWosTagged(head: string): boolean {
  return /^FN (?:Clarivate|Thomson)/m.test(head) || (/^PT [A-Z]\s*$/m.test(head) && /^(?:AU|TI|SO) \S/m.test(head));
}

/** Splits a Web of Science file into records of tagged fields. */
export async function* readWosRecords(source: TextSource, options: ParserOptions = {}): AsyncGenerator<{ recordNumber: number; line: number; fields: WosField[] }> {
  let fields: WosField[] | null = null;
  let recordNumber = 0;
  let startLine = 0;
  const report = (error: ImportFormatError): void => {
    if (!options.onRecordError) throw error;
    options.onRecordError(error);
  };
  for await (const { text: raw, number } of readLines(source, 'Web of Science')) {
    // trimEnd, not /\s+$/: that pattern rescans a run of spaces inside the line at each of its positions (quadratic).
    const text = raw.replace(/^\ufeff/, '').trimEnd();
    if (text.length === 0) continue;
    const continuation = CONTINUATION.exec(text);
    if (continuation) {
      const last = fields?.[fields.length - 1];
      if (last) last.values.push(continuation[1].trim());
      continue;
    }
    const match = TAG_LINE.exec(text);
    if (!match) {
      if (fields === null) continue; // text between records
      report(fail(`"${text.slice(0, 40)}" is neither a field ("XX value") nor a continuation line (three spaces)`, recordNumber, number, null));
      continue;
    }
    const tag = match[1] ?? match[3];
    const value = (match[2] ?? '').trim();
    if (tag === 'FN' || tag === 'VR' || tag === 'EF') continue;
    if (tag === 'PT') {
      if (fields !== null) {
        report(fail('has no ER line before the next record (PT)', recordNumber, startLine, 'ER'));
      }
      recordNumber += 1;
      startLine = number;
      fields = [{ tag, values: [value], line: number }];
      continue;
    }
    if (tag === 'ER') {
      if (fields === null) continue; // a stray ER
      yield { recordNumber, line: startLine, fields };
      fields = null;
      continue;
    }
    if (fields === null) {
      // A record must start with PT; some hand-made files leave it out.
      recordNumber += 1;
      startLine = number;
      fields = [];
    }
    fields.push({ tag, values: value ? [value] : [], line: number });
  }
  if (fields !== null) {
    const error = fail('the last record has no ER line (the file may be cut short)', recordNumber, startLine, 'ER');
    if (!options.onRecordError) throw error;
    options.onRecordError(error);
  }
}

/** Maps one record's fields to a publication; values that cannot be read are noted in `notes`. */
export function wosFieldsToPublication(fields: WosField[], notes: RecordNotes = new RecordNotes()): ParsedPublication {
  const values = (tag: string): string[] => fields.filter((field) => field.tag === tag).flatMap((field) => (LIST_TAGS.has(field.tag) ? field.values : [field.values.join(' ')]));
  const first = (...tags: string[]): string | null => {
    for (const tag of tags) {
      const value = values(tag).map((entry) => cleanText(entry)).find((entry) => entry !== null);
      if (value) return value;
    }
    return null;
  };
  /** The tag and line of the value `first(tag)` finds, for the notes. */
  const sourceOf = (tag: string) => ({ field: tag, line: fields.find((field) => field.tag === tag && field.values.some((value) => cleanText(value) !== null))?.line ?? null });
  const publication = emptyPublication();
  publication.title = stripMarkup(first('TI'));
  publication.abstract = stripMarkup(first('AB'));
  // One author a line, but Web of Knowledge's MEDLINE export writes them on one line: "Joffe, Hadine; Hall, Janet E".
  const names = (values('AF').length > 0 ? values('AF') : values('AU')).flatMap((name) => name.split(';'));
  const people = names.map((name) => parseAuthorName(name)).filter((author): author is ParsedAuthor => author !== null);
  const groups = values('CA').map((name) => ({ family: name.trim(), given: null }));
  publication.authors = [...people, ...groups];
  publication.journal = first('SO');
  publication.journalAbbreviation = first('JI', 'J9');
  publication.year = notes.year(sourceOf('PY'), first('PY')) ?? notes.date(sourceOf('EA'), first('EA'), { monthAlone: true }).year;
  // PD: "JAN", "JAN 15", "JAN-FEB", or a season ("SPR", "SUM"): a season is no month, and is not worth a warning.
  // The MEDLINE export writes the year in PD too ("2006", "2006 May-Jun"): a year alone gives no month and is no warning.
  const pd = first('PD');
  publication.month = pd && !/^(?:SPR|SUM|FAL|WIN|SPRING|SUMMER|FALL|AUTUMN|WINTER)\b/i.test(pd) && !/^\d{4}$/.test(pd) ? notes.month(sourceOf('PD'), pd) : parseMonth(pd);
  publication.volume = first('VL');
  publication.issue = first('IS');
  // PS: the page span of the MEDLINE export ("2457-71"); AR: the article number.
  publication.pages = joinPages(first('BP'), first('EP')) ?? normalisePages(first('PS')) ?? normalisePages(first('AR'));
  publication.doi = notes.doi(sourceOf('DI'), first('DI')) ?? notes.doi(sourceOf('D2'), first('D2'));
  // A MEDLINE record's accession number is its PMID: "UT MEDLINE:16842170" (a WoS record's is "WOS:000…").
  publication.pmid = notes.pmid(sourceOf('PM'), first('PM')) ?? normalisePmid(/^MEDLINE:\s*(\d{1,9})$/i.exec(first('UT') ?? '')?.[1] ?? null);
  publication.issns = uniqueStrings([...values('SN'), ...values('EI')].flatMap(extractIssns));
  publication.publicationTypes = uniqueStrings(values('DT').flatMap((value) => value.split(';')));
  publication.keywords = uniqueStrings([...values('DE'), ...values('ID')].flatMap((value) => value.split(';')));
  publication.language = first('LA');
  return publication;
}

/** Yields the records of a Web of Science tagged file one by one. */
export async function* parseWosTagged(source: TextSource, options: ParserOptions = {}): AsyncGenerator<ParsedRecord> {
  let yielded = 0;
  for await (const record of readWosRecords(source, options)) {
    yielded += 1;
    const notes = new RecordNotes();
    const publication = wosFieldsToPublication(record.fields, notes);
    yield { recordNumber: record.recordNumber, line: record.line, publication, notes: notes.finish(publication) };
  }
  if (yielded === 0 && !options.onRecordError) throw fail('no records (PT … ER) found', null, null, null);
}
