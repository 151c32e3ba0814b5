/**
 * Header-mapping tables for the CSV exports we recognise, one per exporter. A CSV export is
 * identified by its header row: every `signature` column must be present (compared case- and
 * space-insensitively). Each table lists, per publication field, the columns to read in order of
 * preference; `refine` handles what a table cannot say.
 */
import {
  cleanText,
  extractIssns,
  extractLabelledDoi,
  extractPmcid,
  extractPmid,
  normaliseDoi,
  normalisePages,
  normalisePmcid,
  normalisePmid,
  parseAuthorList,
  parseDateParts,
  parseMonth,
  parseYear,
  uniqueStrings,
} from '../normalise';
import { emptyPublication } from '../parsed-publication';
import type { ParsedPublication } from '../parsed-publication';

export type CsvExporterName = 'rayyan' | 'zotero' | 'pubmed' | 'covidence';

/** Reads a cell by (normalised) column name; null when the column is missing or the cell blank. */
export type CsvRow = (column: string) => string | null;

type MappedField =
  | 'title'
  | 'abstract'
  | 'authors'
  | 'journal'
  | 'journalAbbreviation'
  | 'year'
  | 'month'
  | 'volume'
  | 'issue'
  | 'pages'
  | 'doi'
  | 'pmid'
  | 'pmcid'
  | 'issns'
  | 'publicationTypes'
  | 'keywords'
  | 'language'
  | 'url';

export interface CsvExporter {
  name: CsvExporterName;
  label: string;
  /** Columns that identify the exporter (normalised: lower case, single spaces). */
  signature: string[];
  /** Publication field -> columns to read, in order of preference. */
  columns: Partial<Record<MappedField, string[]>>;
  refine?: (publication: ParsedPublication, row: CsvRow) => void;
}

/** Header cell -> comparison key: lower case, trimmed, inner white space collapsed. */
export function normaliseHeader(cell: string): string {
  return cell.replace(/^\ufeff/, '').trim().replace(/\s+/g, ' ').toLowerCase();
}

const RAYYAN: CsvExporter = {
  name: 'rayyan',
  label: 'Rayyan',
  signature: ['key', 'title', 'year', 'journal', 'authors'],
  columns: {
    title: ['title'],
    abstract: ['abstract'],
    authors: ['authors'],
    journal: ['journal'],
    year: ['year'],
    month: ['month'],
    volume: ['volume'],
    issue: ['issue'],
    pages: ['pages'],
    doi: ['doi'],
    pmid: ['pubmed_id'],
    pmcid: ['pmc_id'],
    issns: ['issn'],
    keywords: ['keywords'],
    language: ['language'],
    url: ['url'],
  },
};

const ZOTERO: CsvExporter = {
  name: 'zotero',
  label: 'Zotero',
  signature: ['key', 'item type', 'publication year', 'author', 'title', 'publication title'],
  columns: {
    title: ['title'],
    abstract: ['abstract note'],
    authors: ['author'],
    journal: ['publication title'],
    journalAbbreviation: ['journal abbreviation'],
    year: ['publication year', 'date'],
    month: ['date'],
    volume: ['volume'],
    issue: ['issue'],
    pages: ['pages'],
    doi: ['doi'],
    issns: ['issn'],
    keywords: ['manual tags', 'automatic tags'],
    language: ['language'],
    url: ['url'],
  },
  refine(publication, row) {
    // Zotero keeps PubMed identifiers in "Extra" ("PMID: 123\nPMCID: PMC456").
    publication.pmid = publication.pmid ?? extractPmid(row('extra'));
    publication.pmcid = publication.pmcid ?? extractPmcid(row('extra'));
    publication.doi = publication.doi ?? extractLabelledDoi(row('extra')) ?? extractLabelledDoi(row('link attachments'));
  },
};

/** PubMed's "Save > CSV": PMID,Title,Authors,Citation,First Author,Journal/Book,Publication Year,Create Date,PMCID,NIHMS ID,DOI */
const PUBMED: CsvExporter = {
  name: 'pubmed',
  label: 'PubMed',
  signature: ['pmid', 'title', 'authors', 'citation', 'journal/book', 'publication year'],
  columns: {
    title: ['title'],
    authors: ['authors'],
    journal: ['journal/book'],
    journalAbbreviation: ['journal/book'],
    year: ['publication year'],
    doi: ['doi'],
    pmid: ['pmid'],
    pmcid: ['pmcid'],
  },
  refine(publication, row) {
    const citation = parsePubmedCitation(row('citation'), row('journal/book'));
    publication.month = citation.month;
    publication.volume = citation.volume;
    publication.issue = citation.issue;
    publication.pages = citation.pages;
    publication.doi = publication.doi ?? citation.doi;
  },
};

/** Covidence's CSV export of references. */
const COVIDENCE: CsvExporter = {
  name: 'covidence',
  label: 'Covidence',
  signature: ['title', 'authors', 'published year', 'covidence #'],
  columns: {
    title: ['title'],
    abstract: ['abstract'],
    authors: ['authors'],
    journal: ['journal'],
    year: ['published year'],
    month: ['published month'],
    volume: ['volume'],
    issue: ['issue'],
    pages: ['pages'],
    doi: ['doi'],
    keywords: ['keywords'],
    url: ['url'],
  },
  refine(publication, row) {
    // "Accession Number" holds the PMID for PubMed-sourced references (other databases use non-numeric ids).
    const accession = row('accession number');
    publication.pmid = accession && /^\d{1,8}$/.test(accession.trim()) ? normalisePmid(accession) : extractPmid(accession);
    publication.pmcid = extractPmcid(row('notes'));
  },
};

export const CSV_EXPORTERS: readonly CsvExporter[] = [ZOTERO, PUBMED, COVIDENCE, RAYYAN];

/** The exporter whose signature columns are all in the header, or null. */
export function recogniseCsvExporter(header: string[]): CsvExporter | null {
  const present = new Set(header.map(normaliseHeader));
  return CSV_EXPORTERS.find((exporter) => exporter.signature.every((column) => present.has(column))) ?? null;
}

/** "Rayyan (key, title, ...); Zotero (...)" for error messages. */
export function describeCsvExporters(): string {
  return CSV_EXPORTERS.map((exporter) => `${exporter.label} (${exporter.signature.join(', ')})`).join('; ');
}

interface CitationParts {
  month: number | null;
  volume: string | null;
  issue: string | null;
  pages: string | null;
  doi: string | null;
}

/** "Eur J Med Genet. 2020 Feb;63(2):103640. doi: 10.1016/j.ejmg.2019.03.004. Epub 2019 Mar 25." */
export function parsePubmedCitation(citation: string | null, journal: string | null): CitationParts {
  const parts: CitationParts = { month: null, volume: null, issue: null, pages: null, doi: null };
  const text = cleanText(citation);
  if (!text) return parts;
  parts.doi = extractLabelledDoi(text);
  let rest = text;
  if (journal && rest.startsWith(journal)) rest = rest.slice(journal.length).replace(/^\.\s*/, '');
  const match = /^([^;]*?(?:1[5-9]\d\d|20\d\d)[^;.]*)(?:;\s*([^(:.;]*)(?:\(([^)]*)\))?(?::\s*([^\s;]+?))?)?\.(?:\s|$)/.exec(rest);
  if (!match) return parts;
  parts.month = parseDateParts(match[1]).month;
  parts.volume = cleanText(match[2]);
  parts.issue = cleanText(match[3]);
  parts.pages = normalisePages(match[4]);
  return parts;
}

function splitList(value: string | null): string[] {
  return value ? value.split(/[;\n]/) : [];
}

/** Builds a publication from a row with the exporter's table. */
export function mapCsvRow(exporter: CsvExporter, row: CsvRow): ParsedPublication {
  const columns = exporter.columns;
  const cells = (field: MappedField): string[] => (columns[field] ?? []).map(row).filter((value): value is string => value !== null);
  const first = (field: MappedField): string | null => cells(field).map((value) => cleanText(value)).find((value) => value !== null) ?? null;
  const firstOf = <T>(field: MappedField, convert: (value: string) => T | null): T | null =>
    cells(field).map(convert).find((value) => value !== null) ?? null;

  const publication = emptyPublication();
  publication.title = first('title');
  publication.abstract = first('abstract');
  publication.authors = parseAuthorList(first('authors'));
  publication.journal = first('journal');
  publication.journalAbbreviation = first('journalAbbreviation');
  publication.year = firstOf('year', parseYear);
  publication.month = firstOf('month', (value) => (/^\s*(?:\d{1,2}|[A-Za-z]+\.?)\s*$/.test(value) ? parseMonth(value) : parseDateParts(value).month));
  publication.volume = first('volume');
  publication.issue = first('issue');
  publication.pages = normalisePages(first('pages'));
  publication.doi = firstOf('doi', normaliseDoi);
  publication.pmid = firstOf('pmid', (value) => normalisePmid(value) ?? extractPmid(value));
  publication.pmcid = firstOf('pmcid', (value) => normalisePmcid(value) ?? extractPmcid(value));
  publication.issns = uniqueStrings(cells('issns').flatMap(extractIssns));
  publication.publicationTypes = uniqueStrings(cells('publicationTypes').flatMap(splitList));
  publication.keywords = uniqueStrings(cells('keywords').flatMap(splitList));
  publication.language = first('language');
  publication.url = cells('url').flatMap((value) => value.split(/\s+/)).find((value) => /^https?:\/\//i.test(value)) ?? null;
  exporter.refine?.(publication, row);
  return publication;
}
