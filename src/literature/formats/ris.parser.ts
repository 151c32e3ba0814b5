/**
 * RIS ("TY  - JOUR" ... "ER  - "), as written by EndNote, Covidence, Zotero, Mendeley, Rayyan and Ovid.
 *
 * A record runs from its TY line to its ER line. Lines that do not start with a tag continue the
 * previous field. Dialect quirks handled here:
 * - Ovid numbers its records with "<1>" or "1." lines before each record; a record may then start
 *   with another tag than TY.
 * - Rayyan glues a second tag onto a line ("UR  - https://...     U2  - L2029880245"); such lines are
 *   split back into their tags.
 * - Zotero writes the journal in T2 and its abbreviation in J2, dates as "2019///", several ISSNs in one SN.
 * Records are parsed one at a time.
 */
import {
  cleanText,
  extractIssns,
  extractLabelledDoi,
  extractPmcid,
  extractPmid,
  joinPages,
  normaliseDoi,
  normalisePmcid,
  normalisePages,
  normalisePmid,
  parseAuthorName,
  parseDateParts,
  parseGivenFirst,
  parseMonth,
  stripMarkup,
  uniqueStrings,
} from '../normalise';
import { ImportFormatError, emptyPublication } from '../parsed-publication';
import type { ParsedAuthor, ParsedMeshHeading, ParsedPublication, ParsedRecord, ParserOptions, TextSource } from '../parsed-publication';
import { readLines } from '../text-lines';
import { titleStatusFromNote } from '../../publications/title-status.enum';
import { risKeywordAsMesh } from './mesh-text';
import { RecordNotes } from '../value-notes';

export interface RisField {
  tag: string;
  /** Continuation lines are joined with "\n". */
  value: string;
  line: number;
}

// dotAll: a value may hold U+2028 / U+2029, which `.` does not match (the line was not read as a tag line: a title holding one was lost).
const TAG_LINE = /^([A-Z][A-Z0-9])[ \t]{1,2}-(?:[ \t](.*))?$/s;
/** A second "XX  - " tag glued onto a line after a run of spaces. */
const GLUED_TAG = /[ \t]{2,}(?=[A-Z][A-Z0-9]  - )/;
/** Ovid's record numbers: "<1>", "1.", "1. " */
const OVID_RECORD_MARKER = /^\s*(?:<\d+>|\d+\.)\s*$/;

function fail(message: string, recordNumber: number | null, line: number | null, field: string | null): ImportFormatError {
  const where = [recordNumber !== null ? `record ${recordNumber}` : null, line !== null ? `line ${line}` : null].filter(Boolean).join(', ');
  return new ImportFormatError(`RIS ${where}: ${message}`, recordNumber, line, field);
}

/** Splits a RIS file into records of tagged fields. */
export async function* readRisRecords(
  source: TextSource,
  options: ParserOptions = {},
): AsyncGenerator<{ recordNumber: number; line: number; fields: RisField[]; ovidNumbered: boolean }> {
  let fields: RisField[] | null = null; // null: between records
  let recordNumber = 0;
  let startLine = 0;
  let markerSeen = false;
  /** Whether the current record came after one of Ovid's record numbers ("6. "): an Ovid database's export. */
  let ovidNumbered = false;
  let lastLine = 0;
  /** After a reported bad record (recovery mode): its lines are skipped up to its ER or the next TY. */
  let skipping = false;
  type RisRecord = { recordNumber: number; line: number; fields: RisField[]; ovidNumbered: boolean };
  /**
   * An Ovid-numbered record after its ER, held until the next record starts: Ovid writes "NL  - " (the NLM
   * abbreviation) after the ER of each record of its RIS export (APA PsycInfo, "1." numbers), and those lines are its own.
   */
  let closed: RisRecord | null = null;
  const report = (error: ImportFormatError): void => {
    if (!options.onRecordError) throw error;
    options.onRecordError(error);
  };

  for await (const { text, number } of readLines(source, 'RIS')) {
    lastLine = number;
    // A glued tag ("…     U2  - L2029880245") has its "  - " past the line's own tag: most lines need no split.
    const pieces = text.indexOf('  - ', 3) < 0 ? [text] : text.split(GLUED_TAG);
    for (const piece of pieces) {
      const match = TAG_LINE.exec(piece);
      if (!match) {
        if (fields === null) {
          // Text between records: blank lines, Ovid record numbers, export headers ("Provider: ...").
          if (OVID_RECORD_MARKER.test(piece)) markerSeen = true;
          continue;
        }
        if (piece.trim().length === 0) continue;
        const last = fields[fields.length - 1];
        if (last) last.value = last.value.length > 0 ? `${last.value}\n${piece.trim()}` : piece.trim();
        continue;
      }
      const tag = match[1];
      const value = (match[2] ?? '').trim();
      if (skipping) {
        if (tag === 'ER') {
          skipping = false;
          continue;
        }
        if (tag !== 'TY') continue;
        skipping = false;
      }
      if (fields === null && closed !== null && !markerSeen && tag !== 'TY' && tag !== 'ER') {
        closed.fields.push({ tag, value, line: number });
        continue;
      }
      if (closed !== null && (tag === 'TY' || fields === null)) {
        yield closed;
        closed = null;
      }
      if (tag === 'TY') {
        if (fields !== null && fields.some((field) => field.tag === 'TY')) {
          report(fail(`record starting at line ${startLine} has no "ER  - " line before the next "TY  - " on line ${number}`, recordNumber, number, 'ER'));
          fields = null; // recovery: the unterminated record is dropped, this TY starts the next one
        }
        if (fields === null) {
          // A record opened by an Ovid number and another tag keeps going when its TY comes later.
          recordNumber += 1;
          startLine = number;
          fields = [];
          ovidNumbered = markerSeen;
        }
        fields.push({ tag, value, line: number });
        markerSeen = false;
        continue;
      }
      if (tag === 'ER') {
        if (fields === null) {
          report(fail('"ER  - " line without a record: the record has no "TY  - " line', recordNumber + 1, number, 'TY'));
          continue;
        }
        if (ovidNumbered) closed = { recordNumber, line: startLine, fields, ovidNumbered };
        else yield { recordNumber, line: startLine, fields, ovidNumbered };
        fields = null;
        continue;
      }
      if (fields === null) {
        if (!markerSeen) {
          report(fail(`"${tag}" line outside a record; each record must start with "TY  - "`, recordNumber + 1, number, 'TY'));
          recordNumber += 1; // recovery: count the broken record, skip to its ER or the next TY
          skipping = true;
          continue;
        }
        recordNumber += 1;
        startLine = number;
        fields = [];
        ovidNumbered = true;
        markerSeen = false;
      }
      fields.push({ tag, value, line: number });
    }
  }
  if (closed !== null) yield closed;
  if (fields !== null) {
    report(fail(`record starting at line ${startLine} is not closed: the file ends without its "ER  - " line`, recordNumber, lastLine, 'ER'));
  }
}

const INITIALS_ONLY = /^(?:\p{Lu}\.?[\s-]*){1,4}$/u;

/**
 * Author names, one a line. EPPI Reviewer splits a family name with a space from its initials onto two
 * lines ("A1  - Dos Santos" then "A1  - H B"): initials alone after a name without any are put back on it.
 */
function risAuthors(values: string[]): ParsedAuthor[] {
  const names: string[] = [];
  for (const value of values.flatMap((text) => text.split(/[;\n]/)).map((text) => text.trim()).filter(Boolean)) {
    const previous = names[names.length - 1];
    if (previous !== undefined && INITIALS_ONLY.test(value) && !previous.includes(',') && !/\s(?:\p{Lu}\.?[\s-]*){1,4}$/u.test(previous)) {
      names[names.length - 1] = `${previous}, ${value}`;
    } else names.push(value);
  }
  // EBSCOhost writes "AU  - CROUDACE, ANGUS D." but "AU  - CAIZHI SHEN": among names with commas, one without is given name first.
  const commaList = names.length > 1 && names.filter((name) => name.includes(',')).length * 2 >= names.length;
  return names
    .map((value) => (commaList && !value.includes(',') ? parseGivenFirst(value) : parseAuthorName(value)))
    .filter((author): author is ParsedAuthor => author !== null);
}

/** A PubMed ID in a PubMed or Europe PMC link (Citavi lists them in L2), a PMCID in a PMC link; null unless all such links agree. */
export function idFromLinks(values: string[], kind: 'pmid' | 'pmcid'): string | null {
  const found = new Set<string>();
  for (const url of values.flatMap((value) => value.split(/\s+/))) {
    if (kind === 'pmid') {
      const match = /(?:pubmed\.ncbi\.nlm\.nih\.gov\/|ncbi\.nlm\.nih\.gov\/pubmed\/|europepmc\.org\/(?:abstract|article)\/MED\/)(\d{1,9})(?:[/?#]|$)/i.exec(url);
      const pmid = match ? normalisePmid(match[1]) : null;
      if (pmid) found.add(pmid);
    } else {
      const match = /(?:ncbi\.nlm\.nih\.gov\/pmc\/articles\/|europepmc\.org\/(?:abstract|article)\/PMC\/|europepmc\.org\/articles\/)(PMC\d{1,9})(?:[/?#]|$)/i.exec(url);
      const pmcid = match ? normalisePmcid(match[1]) : null;
      if (pmcid) found.add(pmcid);
    }
  }
  return found.size === 1 ? [...found][0] : null;
}

/** A PubMed ID in AN only when it is short enough to be one and the record does not come from Embase/Scopus/WoS. */
function accessionAsPmid(accession: string | null, database: string): string | null {
  if (accession === null || !/^\d{1,8}$/.test(accession)) return null;
  if (/embase|scopus|web of science|wos|psycinfo|cinahl/i.test(database)) return null;
  return normalisePmid(accession);
}

/**
 * The bare PubMed ID some databases put in a note tag: Scopus in C2 ("DB  - Scopus"), Embase.com in C5
 * ("DB  - Embase" / "DB  - Medline", links to embase.com). Other exporters use these tags for other things.
 */
export function exporterPmidTag(fields: RisField[], database: string, links: string[]): string | null {
  const tag = /\bscopus\b/i.test(database) ? 'C2' : /\bembase\b/i.test(database) || links.some((link) => /embase\.com\//i.test(link)) ? 'C5' : null;
  if (tag === null) return null;
  const value = fields.find((field) => field.tag === tag)?.value.trim() ?? '';
  return /^\d{1,9}$/.test(value) ? normalisePmid(value) : null;
}

/** Keyword lines that hold no keyword. */
const NO_KEYWORD = /^(?:eppi-reviewer|n\/a)$/i;

/** "Cognitive Therapy [3311]": a PsycInfo classification (its name and code), not a type of work. */
const CLASSIFICATION_CODE = /^(.+?)\s*\[\d{3,5}\]$/;

/**
 * Ovid's RIS writes the publication types in PT, one line per record and joined by ", " (ERIC "Journal Articles,
 * Reports - Descriptive", PsycInfo "Journal, Peer Reviewed Journal"); MEDLINE's own types with a comma
 * ("Research Support, Non-U.S. Gov't", "Research Support, N.I.H., Extramural") stay whole. A one-letter PT
 * is Web of Science's document kind ("J"), no type.
 */
function ovidPublicationTypes(value: string): string[] {
  return value
    .split(/,\s+(?!Non-U\.S\.|U\.S\.|N\.I\.H\.|Non-P\.H\.S\.|P\.H\.S\.|Extramural|Intramural|American Recovery)/)
    .map((type) => cleanText(type.replace(/\n/g, ' ')))
    .filter((type): type is string => type !== null && type.length > 1);
}

/** Maps one record's tagged fields to a publication; values that cannot be read are noted in `notes`. */
export function risFieldsToPublication(fields: RisField[], notes: RecordNotes = new RecordNotes(), ovidNumbered = false): ParsedPublication {
  // The values of each tag, in file order, gathered once (the mapping asks for ~40 tags a record).
  const byTag = new Map<string, string[]>();
  for (const field of fields) {
    const values = byTag.get(field.tag);
    if (values) values.push(field.value);
    else byTag.set(field.tag, [field.value]);
  }
  /** The values of these tags in file order (interleaved as the fields come when several are present). */
  const all = (...tags: string[]): string[] => {
    let found: string[] | null = null;
    for (const tag of tags) {
      if (!byTag.has(tag)) continue;
      if (found) return fields.filter((field) => tags.includes(field.tag)).map((field) => field.value);
      found = byTag.get(tag)!;
    }
    return found ? found.slice() : [];
  };
  const text = (value: string | undefined): string | null => cleanText(value?.replace(/\n/g, ' '));
  const first = (...tags: string[]): string | null => {
    for (const tag of tags) {
      for (const value of all(tag)) {
        const cleaned = text(value);
        if (cleaned) return cleaned;
      }
    }
    return null;
  };
  /** The first field of this tag with a value, as `first` finds it, with its line. */
  const firstField = (tag: string): RisField | null => fields.find((field) => field.tag === tag && text(field.value) !== null) ?? null;

  const publication = emptyPublication();
  // Web of Science RIS keeps inline HTML in titles ("<i>Candida</i>"); EBSCO entities ("&amp;").
  const articleTitle = first('TI', 'T1');
  publication.title = stripMarkup(articleTitle ?? first('CT', 'BT'));
  // A second, different title line (TI or T1) was dropped without a word: it is noted (the same title under both tags is not).
  const seenTitles = new Set([articleTitle]);
  for (const field of fields) {
    const title = field.tag === 'TI' || field.tag === 'T1' ? text(field.value) : null;
    if (title === null || seenTitles.has(title)) continue;
    seenTitles.add(title);
    notes.notUsed({ field: field.tag, line: field.line }, title, 'is a second title of the record; the first one was kept');
  }
  publication.abstract = stripMarkup(first('AB', 'N2'));

  const primary = risAuthors(all('AU', 'A1'));
  publication.authors = primary.length > 0 ? primary : risAuthors(all('A2'));

  publication.journal = first('JF', 'JO', 'T2', 'JA', 'J2', 'J1');
  const fullAndAbbreviated = first('JF') && first('JO') && first('JF') !== first('JO') ? first('JO') : null;
  // JI: Web of Science's ISO abbreviation ("PLoS One"); its J9 is the 29-character one ("SCI REP-UK").
  // NL: the NLM abbreviation Ovid's RIS gives ("J Neurodev Disord").
  publication.journalAbbreviation = first('JA', 'J2', 'J1', 'JI') ?? fullAndAbbreviated ?? first('NL');

  const dates = ['PY', 'Y1', 'DA'].map((tag) => {
    const field = firstField(tag);
    return field ? notes.date({ field: tag, line: field.line }, text(field.value), { monthAlone: tag === 'DA', yearField: tag === 'PY' }) : parseDateParts(null);
  });
  publication.year = dates.find((date) => date.year !== null)?.year ?? null;
  publication.month = [dates[2], dates[0], dates[1]].find((date) => date.month !== null && date.year === publication.year)?.month ?? null;
  // Web of Science and EndNote write DA without the year ("SEP 22", "Jun", "Mar 1", "JUL-DEC").
  if (publication.month === null && publication.year !== null && dates[2].year === null) publication.month = parseMonth(first('DA'));
  // Ovid's databases put the year in Y1 ("1983//") and the date of publication in Y2 ("1983-03//"); elsewhere Y2 is
  // another date (Zotero: the access date), so only an Ovid record's Y2 gives the month.
  if (publication.month === null && ovidNumbered) {
    const y2 = parseDateParts(first('Y2'));
    if (y2.year === publication.year) publication.month = y2.month;
  }

  publication.volume = first('VL');
  publication.issue = first('IS');
  // C7 is the article number (Web of Science "e12292", Scopus "2864"): the only "page" such articles have.
  publication.pages = joinPages(first('SP'), first('EP')) ?? normalisePages(first('C7'));

  const noteTags = ['N1', 'M1', 'C1', 'C2', 'C3', 'C4', 'C5', 'C6', 'C7', 'C8', 'U1', 'U2', 'U3', 'U4', 'U5', 'ID'];
  publication.doi =
    fields
      .filter((field) => field.tag === 'DO' || field.tag === 'DI')
      .map((field) => notes.doi({ field: field.tag, line: field.line }, field.value))
      .find((doi) => doi !== null) ??
    all('M3')
      .map(normaliseDoi)
      .find((doi) => doi !== null) ??
    // EBSCOhost (CINAHL) writes the bare DOI in L3.
    all('L3')
      .filter((value) => /^\s*(?:doi:\s*)?10\.\d{4,9}\//i.test(value))
      .map(normaliseDoi)
      .find((doi) => doi !== null) ??
    all('UR', 'L1', 'L2', 'L3', 'L4', 'LK', ...noteTags)
      .map(extractLabelledDoi)
      .find((doi) => doi !== null) ??
    null;

  const database = [...all('DB'), ...all('DP')].join(' ');
  const links = all('UR', 'L1', 'L2', 'L3', 'L4', 'LK');
  publication.pmid =
    accessionAsPmid(first('AN'), database) ??
    exporterPmidTag(fields, database, links) ??
    all('AN', 'UI', ...noteTags)
      .map(extractPmid)
      .find((pmid) => pmid !== null) ??
    idFromLinks(links, 'pmid');
  publication.pmcid =
    all('AN', ...noteTags)
      .map(extractPmcid)
      .find((pmcid) => pmcid !== null) ?? idFromLinks(links, 'pmcid');

  const titleStatus = all('N1').map(titleStatusFromNote).find((status) => status !== null);
  if (titleStatus) publication.titleStatus = titleStatus;
  publication.issns = uniqueStrings(all('SN').flatMap(extractIssns));
  // M3 is the type of work, but APA PsycInfo (on Ovid) puts its subject classification there: "Cognitive Therapy [3311]".
  const m3 = all('M3').filter((value) => normaliseDoi(value) === null);
  const classifications = m3.map((value) => CLASSIFICATION_CODE.exec(text(value) ?? '')?.[1] ?? null);
  publication.publicationTypes = uniqueStrings([...m3.filter((_, index) => classifications[index] === null).map((value) => text(value)), ...all('PT').flatMap(ovidPublicationTypes)]);
  // "KW  - MeSH: *Label [D…]" is a MeSH heading (this project's RIS export); other KW lines are keywords.
  const keywordValues = all('KW').flatMap((value) => value.split(/[;\n]/));
  const mesh = keywordValues.map((value) => risKeywordAsMesh(value));
  publication.meshHeadings = mesh.filter((heading): heading is ParsedMeshHeading => heading !== null);
  // EPPI Reviewer tags every record it exports with the keyword "eppi-reviewer"; MDPI writes "KW  - n/a" for none.
  // An Ovid database's record (after its "6. " number) marks major descriptors "*Geology"; elsewhere a star is
  // the keyword's own (Cochrane's "*Literacy", kept as our RIS export writes it back).
  const keywords = keywordValues
    .filter((value, index) => mesh[index] === null && !NO_KEYWORD.test(value.trim()))
    .map((value) => (ovidNumbered ? value.trim().replace(/^\*\s*/, '') : value));
  publication.keywords = uniqueStrings([...keywords, ...classifications]);
  publication.language = first('LA');
  const urls = all('UR', 'L2')
    .flatMap((value) => value.split(/[\s;]+/))
    .filter((value) => /^https?:\/\//i.test(value));
  publication.url = urls[0] ?? null;
  return publication;
}

/** Yields the records of a RIS file one by one. */
export async function* parseRis(source: TextSource, options: ParserOptions = {}): AsyncGenerator<ParsedRecord> {
  for await (const record of readRisRecords(source, options)) {
    const notes = new RecordNotes();
    const publication = risFieldsToPublication(record.fields, notes, record.ovidNumbered);
    yield { recordNumber: record.recordNumber, line: record.line, publication, notes: notes.finish(publication) };
  }
}
