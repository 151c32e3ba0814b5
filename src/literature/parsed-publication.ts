import type { CsvColumnMapping } from './formats/csv-exporters';
import type { TitleStatus } from '../publications/title-status.enum';

/**
 * The common shape every bibliographic import format is parsed into. The parsers are pure: they
 * read text and yield these records; they never touch the database.
 */

/** A person ("Smith", "John A" or "JA") or, with `given = null`, a collective / organisation author. */
export interface ParsedAuthor {
  family: string;
  given: string | null;
}

export interface ParsedMeshHeading {
  /** MeSH descriptor UI ("D002363") when the format carries it (PubMed XML); null otherwise. */
  descriptorUi: string | null;
  /** The descriptor name, without qualifiers ("Dentigerous Cyst"). */
  label: string;
  /** True when the descriptor or any of its qualifiers is marked as a major topic. */
  majorTopic: boolean;
}

export interface ParsedPublication {
  title: string | null;
  /** Set only when the record says its title is incomplete or not recorded (this project's own exports write that note). */
  titleStatus?: TitleStatus | null;
  /** Structured abstracts keep their section labels: "BACKGROUND: ...\n\nMETHODS: ...". */
  abstract: string | null;
  authors: ParsedAuthor[];
  journal: string | null;
  journalAbbreviation: string | null;
  year: number | null;
  /** 1-12; null when the source gives only a year ("2019///") or a season. */
  month: number | null;
  volume: string | null;
  issue: string | null;
  pages: string | null;
  /** Lower case, without "https://doi.org/" or "doi:" and without trailing junk such as " [doi]". */
  doi: string | null;
  /** Digits only, without leading zeros. */
  pmid: string | null;
  /** "PMC1234567". */
  pmcid: string | null;
  /** "1234-567X", upper case, deduplicated, in source order. */
  issns: string[];
  publicationTypes: string[];
  meshHeadings: ParsedMeshHeading[];
  keywords: string[];
  /** As written in the source ("eng", "English"). */
  language: string | null;
  url: string | null;
}

export interface ParsedRecord {
  /** 1-based position of the record in the file. */
  recordNumber: number;
  /** 1-based line on which the record starts; null when unknown. */
  line: number | null;
  publication: ParsedPublication;
  /** Values of the record that were dropped or changed (value-notes.ts): the import report's warnings. */
  notes?: ValueNote[];
}

/** A value of a record the parser dropped or changed, for the import report. */
export interface ValueNote {
  /** The tag, column or element of the source ("PY", "Year"), or the publication field ("title"). */
  field: string;
  /** The line of the value when the format has lines and the parser knows it; null: the record's line. */
  line: number | null;
  /** What was found and what became of it: '"19xx" is not a year; the year was left empty'. */
  message: string;
}

/** A problem with the input file; names the record, line and field when they are known. */
export class ImportFormatError extends Error {
  constructor(
    message: string,
    readonly recordNumber: number | null,
    readonly line: number | null,
    readonly field: string | null,
  ) {
    super(message);
    this.name = 'ImportFormatError';
  }
}

/**
 * Options every format parser takes. Without `onRecordError` a malformed record ends the parse with
 * an ImportFormatError (records before it have been yielded). With it, a parser that can find the
 * start of the next record reports the bad record there and goes on; problems it cannot resume after
 * (malformed XML, an unterminated CSV quote, a BibTeX entry whose end cannot be found) still throw.
 */
export interface ParserOptions {
  onRecordError?: (error: ImportFormatError) => void;
  /** CSV / TSV only: publication field -> column name, overriding or completing the recognised columns. */
  columns?: CsvColumnMapping | null;
}

export type ImportFormat = 'pubmed-xml' | 'medline' | 'ris' | 'bibtex' | 'csv' | 'wos' | 'endnote-xml' | 'csl-json' | 'jsonl' | 'ovid';

export const IMPORT_FORMATS: readonly ImportFormat[] = ['pubmed-xml', 'medline', 'ris', 'bibtex', 'csv', 'wos', 'endnote-xml', 'csl-json', 'jsonl', 'ovid'];

/** A Node Readable, or any async iterable of text or bytes. */
export type TextSource = AsyncIterable<string | Buffer | Uint8Array>;

export function emptyPublication(): ParsedPublication {
  return {
    title: null,
    abstract: null,
    authors: [],
    journal: null,
    journalAbbreviation: null,
    year: null,
    month: null,
    volume: null,
    issue: null,
    pages: null,
    doi: null,
    pmid: null,
    pmcid: null,
    issns: [],
    publicationTypes: [],
    meshHeadings: [],
    keywords: [],
    language: null,
    url: null,
  };
}

/** Builds the "record N (line L)" prefix used in error messages. */
export function describeLocation(format: string, recordNumber: number | null, line: number | null): string {
  const parts: string[] = [];
  if (recordNumber !== null) parts.push(`record ${recordNumber}`);
  if (line !== null) parts.push(`line ${line}`);
  return parts.length > 0 ? `${format} ${parts.join(', ')}` : format;
}
