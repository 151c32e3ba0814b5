/**
 * PubMed's MEDLINE tagged text (what PubMed saves as .nbib / "PubMed format").
 *
 * Each line is a tag padded to four characters, "- " and a value ("PMID- 123", "AU  - Smith J");
 * long values continue on lines indented with six spaces; a blank line separates records.
 * Records are parsed one at a time.
 */
import {
  cleanText,
  extractIssns,
  extractLabelledDoi,
  normalisePages,
  parseAuthorName,
  uniqueStrings,
} from '../normalise';
import { ImportFormatError, emptyPublication } from '../parsed-publication';
import type { ParsedAuthor, ParsedMeshHeading, ParsedPublication, ParsedRecord, ParserOptions, TextSource } from '../parsed-publication';
import { readLines } from '../text-lines';
import { RecordNotes } from '../value-notes';

export interface MedlineField {
  tag: string;
  value: string;
  line: number;
}

// dotAll: a value may hold U+2028 / U+2029, which `.` does not match.
const TAG_LINE = /^([A-Z][A-Z0-9]{1,3})\s{0,3}-(?:\s(.*))?$/s;

function fail(message: string, recordNumber: number | null, line: number | null, field: string | null): ImportFormatError {
  const where = [recordNumber !== null ? `record ${recordNumber}` : null, line !== null ? `line ${line}` : null].filter(Boolean).join(', ');
  return new ImportFormatError(`MEDLINE ${where}: ${message}`, recordNumber, line, field);
}

/** Splits a MEDLINE file into records of tagged fields (continuation lines joined with a space). */
export async function* readMedlineRecords(source: TextSource, options: ParserOptions = {}): AsyncGenerator<{ recordNumber: number; line: number; fields: MedlineField[] }> {
  let fields: MedlineField[] = [];
  let recordNumber = 0;
  let startLine = 0;
  let hasPmid = false;
  /** Recovery mode: the rest of a reported bad record is skipped up to the blank line that ends it. */
  let skipping = false;
  const report = (error: ImportFormatError): void => {
    continuation = [];
    if (!options.onRecordError) throw error;
    options.onRecordError(error);
    if (fields.length === 0) recordNumber += 1; // the broken record had not been counted yet
    fields = [];
    hasPmid = false;
    skipping = true;
  };

  /**
   * The continuation lines of the last field, joined once the field ends: appending each to the value
   * (trimmed every time, so copied whole) took quadratic time: 300,000 continuation lines (2.4 MB) ran for minutes.
   */
  let continuation: string[] = [];
  const closeField = (): void => {
    const last = fields[fields.length - 1];
    if (last && continuation.length) last.value = [last.value.trimEnd(), ...continuation].join(' ');
    continuation = [];
  };

  for await (const { text, number } of readLines(source, 'MEDLINE')) {
    if (skipping) {
      if (text.trim().length === 0) skipping = false;
      continue;
    }
    if (text.trim().length === 0) {
      if (fields.length > 0) {
        closeField();
        yield { recordNumber, line: startLine, fields };
        fields = [];
        hasPmid = false;
      }
      continue;
    }
    if (/^\s/.test(text)) {
      const last = fields[fields.length - 1];
      if (!last) {
        report(fail('an indented continuation line comes before any tag', fields.length > 0 ? recordNumber : recordNumber + 1, number, null));
        continue;
      }
      continuation.push(text.trim());
      continue;
    }
    const match = TAG_LINE.exec(text);
    if (!match) {
      report(fail(`expected a tag line such as "TI  - title" or a line indented with spaces, found "${text.slice(0, 40)}"`, fields.length > 0 ? recordNumber : recordNumber + 1, number, null));
      continue;
    }
    const tag = match[1];
    closeField();
    if (tag === 'PMID' && hasPmid && fields.length > 0) {
      // A new record without the blank line in between.
      yield { recordNumber, line: startLine, fields };
      fields = [];
      hasPmid = false;
    }
    if (fields.length === 0) {
      recordNumber += 1;
      startLine = number;
    }
    if (tag === 'PMID') hasPmid = true;
    fields.push({ tag, value: match[2] ?? '', line: number });
  }
  closeField();
  if (fields.length > 0) yield { recordNumber, line: startLine, fields };
}

/** "*Genomics/history", "Colitis, Ulcerative/*therapy" -> descriptor, major flag. */
export function parseMedlineMeshHeading(value: string): ParsedMeshHeading | null {
  const parts = value.split('/').map((part) => part.trim());
  const label = cleanText(parts[0].replace(/^\*/, ''));
  if (!label) return null;
  return { descriptorUi: null, label, majorTopic: parts.some((part) => part.startsWith('*')) };
}

/** Authors in file order: FAU ("Last, First M") preferred to the AU ("Last FM") that follows it; CN is a collective author. */
function medlineAuthors(fields: MedlineField[]): ParsedAuthor[] {
  const authors: ParsedAuthor[] = [];
  let auAlreadyGiven = false;
  for (const { tag, value } of fields) {
    if (tag === 'FAU') {
      const author = parseAuthorName(value);
      if (author) authors.push(author);
      auAlreadyGiven = true;
    } else if (tag === 'AU') {
      if (!auAlreadyGiven) {
        const author = parseAuthorName(value);
        if (author) authors.push(author);
      }
      auAlreadyGiven = false;
    } else if (tag === 'CN') {
      const name = cleanText(value);
      if (name) authors.push({ family: name, given: null });
      auAlreadyGiven = false;
    }
  }
  return authors;
}

/** Maps one record's tagged fields to a publication; values that cannot be read are noted in `notes`. */
export function medlineFieldsToPublication(fields: MedlineField[], notes: RecordNotes = new RecordNotes()): ParsedPublication {
  const all = (tag: string): string[] => fields.filter((field) => field.tag === tag).map((field) => field.value);
  const first = (...tags: string[]): string | null => {
    for (const tag of tags) {
      const value = cleanText(all(tag)[0]);
      if (value) return value;
    }
    return null;
  };
  /** The first field of a tag with a value, as `first` finds it, as a source for the notes. */
  const sourceOf = (tag: string) => ({ field: tag, line: fields.find((field) => field.tag === tag && cleanText(field.value) !== null)?.line ?? null });
  const idOfType = (type: string): { field: string; line: number; value: string }[] =>
    fields
      .filter((field) => (field.tag === 'LID' || field.tag === 'AID') && new RegExp(`\\[${type}\\]\\s*$`, 'i').test(field.value))
      .map((field) => ({ field: field.tag, line: field.line, value: field.value.replace(/\s*\[[a-z-]+\]\s*$/i, '') }));

  const publication = emptyPublication();
  publication.pmid = notes.pmid(sourceOf('PMID'), first('PMID'));
  publication.title = first('TI', 'BTI', 'TT');
  publication.abstract = first('AB');
  publication.authors = medlineAuthors(fields);
  publication.journal = first('JT');
  publication.journalAbbreviation = first('TA');
  const date = notes.date(sourceOf('DP'), first('DP'));
  publication.year = date.year;
  publication.month = date.month;
  publication.volume = first('VI');
  publication.issue = first('IP');
  publication.pages = normalisePages(first('PG'));
  publication.doi = idOfType('doi').map((id) => notes.doi(id, id.value)).find((doi) => doi !== null) ?? extractLabelledDoi(first('SO'));
  publication.pmcid = notes.pmcid(sourceOf('PMC'), first('PMC'));
  publication.issns = uniqueStrings(all('IS').flatMap(extractIssns));
  publication.publicationTypes = uniqueStrings(all('PT'));
  publication.meshHeadings = all('MH')
    .map(parseMedlineMeshHeading)
    .filter((heading): heading is ParsedMeshHeading => heading !== null);
  publication.keywords = uniqueStrings(all('OT'));
  publication.language = first('LA');
  return publication;
}

/** Yields the records of a MEDLINE / .nbib file one by one. */
export async function* parseMedline(source: TextSource, options: ParserOptions = {}): AsyncGenerator<ParsedRecord> {
  for await (const record of readMedlineRecords(source, options)) {
    const notes = new RecordNotes();
    const publication = medlineFieldsToPublication(record.fields, notes);
    yield { recordNumber: record.recordNumber, line: record.line, publication, notes: notes.finish(publication) };
  }
}
