/**
 * Header-mapping tables for the CSV / TSV exports we recognise, one per exporter (a "dialect"). An
 * export is identified by its header row: every column of one of the exporter's `signatures` must be
 * present (compared by `headerKey`: case, spaces and punctuation ignored). Each table lists, per
 * publication field, the columns to read in order of preference; `refine` handles what a table
 * cannot say. A header no exporter claims is read by its common column names (GENERIC) when it has a
 * title column, and a user's column mapping (`CsvColumnMapping`) overrides or completes either.
 *
 * Column names come from the databases' documentation and from exports published in public
 * repositories (see test/fixtures/literature/README.md for the fixtures and where each came from).
 */
import {
  cleanText,
  extractIssns,
  extractLabelledDoi,
  extractPmcid,
  extractPmid,
  joinPages,
  normaliseDoi,
  normalisePages,
  normalisePmcid,
  normalisePmid,
  parseAuthorList,
  parseAuthorName,
  parseDateParts,
  parseMonth,
  stripMarkup,
  uniqueStrings,
} from '../normalise';
import { emptyPublication } from '../parsed-publication';
import { RecordNotes } from '../value-notes';
import type { ValueSource } from '../value-notes';
import { titleStatusFromNote } from '../../publications/title-status.enum';
import { parseMeshHeadingList } from './mesh-text';
import { idFromLinks } from './ris.parser';
import type { ParsedAuthor, ParsedPublication } from '../parsed-publication';

export type CsvExporterName =
  | 'rayyan'
  | 'zotero'
  | 'pubmed'
  | 'covidence'
  | 'scopus'
  | 'wos-tagged'
  | 'wos'
  | 'embase'
  | 'ebsco'
  | 'cochrane'
  | 'openalex'
  | 'lens'
  | 'publish-or-perish'
  | 'google-scholar'
  | 'dimensions'
  | 'endnote'
  | 'refworks-tab'
  | 'abstrackr'
  | 'generic'
  | 'mapped';

/** Reads a cell by column name (compared by headerKey); null when the column is missing or the cell blank. */
export type CsvRow = (column: string) => string | null;

/** The publication fields a CSV column can be mapped to (also the names a user's column mapping uses). */
export const CSV_FIELDS = [
  'title',
  'authors',
  'year',
  'journal',
  'journalAbbreviation',
  'abstract',
  'keywords',
  'volume',
  'issue',
  'pages',
  'startPage',
  'endPage',
  'doi',
  'pmid',
  'pmcid',
  'issn',
  'publicationTypes',
  'meshHeadings',
  'language',
  'url',
  'month',
] as const;

export type CsvField = (typeof CSV_FIELDS)[number];

/** A user's mapping: publication field -> the column (as written in the file's header) to read it from. */
export type CsvColumnMapping = Partial<Record<CsvField, string>>;

export interface CsvExporter {
  name: CsvExporterName;
  label: string;
  /** Alternative sets of columns that identify the exporter; one complete set is enough. */
  signatures: string[][];
  /** Publication field -> columns to read, in order of preference. */
  columns: Partial<Record<CsvField, string[]>>;
  /** How an author cell is split into names (default: parseAuthorList's rules). */
  authorSeparator?: RegExp;
  /** How keyword / publication type cells are split (default: ";" and line breaks). */
  listSeparator?: RegExp;
  /** False for exports that never quote cells (Web of Science tab-delimited): a '"' is then text. */
  quoted?: boolean;
  /** True when the exporter leaves out a row's trailing empty cells (Abstrackr): a short row is read, not refused. */
  shortRows?: boolean;
  refine?: (publication: ParsedPublication, row: CsvRow) => void;
}

/** Header cell -> comparison key: lower case, letters and digits only ("Author(s)" -> "authors", "Page start" -> "pagestart"). */
export function headerKey(cell: string): string {
  return cell
    .replace(/^\ufeff/, '')
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '');
}

/** @deprecated kept for callers that compare headers: same as headerKey. */
export const normaliseHeader = headerKey;

const RAYYAN: CsvExporter = {
  name: 'rayyan',
  label: 'Rayyan',
  signatures: [['key', 'title', 'year', 'journal', 'authors']],
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
    issn: ['issn'],
    keywords: ['keywords'],
    // This project's exports (Rayyan's header names, plus these two).
    publicationTypes: ['publication_types'],
    meshHeadings: ['mesh_headings'],
    language: ['language'],
    url: ['url'],
  },
};

const ZOTERO: CsvExporter = {
  name: 'zotero',
  label: 'Zotero',
  signatures: [['key', 'item type', 'publication year', 'author', 'title', 'publication title']],
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
    issn: ['issn'],
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
  signatures: [['pmid', 'title', 'authors', 'citation', 'journal/book', 'publication year']],
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
  signatures: [['title', 'authors', 'published year', 'covidence #']],
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

/** Scopus "Export > CSV": "Authors" ("Smith J.; Doe A.B." or older "Smith J., Doe A.B."), "Author full names" ("Smith, John (57190000000)"), "Source title", "Page start"/"Page end", "Art. No.", "PubMed ID", "EID". */
const SCOPUS: CsvExporter = {
  name: 'scopus',
  label: 'Scopus',
  signatures: [['title', 'source title', 'eid'], ['title', 'source title', 'link', 'document type', 'source']],
  columns: {
    title: ['title'],
    abstract: ['abstract'],
    journal: ['source title'],
    journalAbbreviation: ['abbreviated source title'],
    year: ['year'],
    volume: ['volume'],
    issue: ['issue'],
    startPage: ['page start'],
    endPage: ['page end'],
    doi: ['doi'],
    pmid: ['pubmed id'],
    issn: ['issn'],
    publicationTypes: ['document type'],
    keywords: ['author keywords', 'index keywords'],
    language: ['language of original document'],
    url: ['link'],
  },
  refine(publication, row) {
    const full = row('author full names');
    const authors = full ? splitOn(full, /;/).map((name) => parseAuthorName(name.replace(/\s*\(\d+\)\s*$/, ''))) : [];
    const parsed = authors.filter((author): author is ParsedAuthor => author !== null);
    publication.authors = parsed.length > 0 ? parsed : parseAuthorList(row('authors'));
    if (/^\[no author name available\]$/i.test(row('authors') ?? '')) publication.authors = [];
    publication.pages = publication.pages ?? normalisePages(row('art. no.'));
  },
};

/** The Web of Science field tags, as the tab-delimited ("other reference software") export heads its columns. */
const WOS_TAG_COLUMNS: Partial<Record<CsvField, string[]>> = {
  title: ['ti'],
  abstract: ['ab'],
  journal: ['so'],
  journalAbbreviation: ['ji', 'j9'],
  year: ['py'],
  month: ['pd'],
  volume: ['vl'],
  issue: ['is'],
  startPage: ['bp'],
  endPage: ['ep'],
  doi: ['di', 'd2'],
  pmid: ['pm'],
  issn: ['sn', 'ei'],
  publicationTypes: ['dt'],
  keywords: ['de', 'id'],
  language: ['la'],
};

/** Web of Science tab-delimited export (UTF-8 or UTF-16 with BOM): a header of field tags, no quoting, "AF" full names "Family, Given". */
const WOS_TAGGED: CsvExporter = {
  name: 'wos-tagged',
  label: 'Web of Science tab-delimited',
  signatures: [['pt', 'au', 'ti', 'so', 'py'], ['pt', 'au', 'ti', 'so', 'ut']],
  columns: WOS_TAG_COLUMNS,
  authorSeparator: /;/,
  quoted: false,
  refine(publication, row) {
    publication.authors = wosAuthors(row('af'), row('au'), row('ca'));
    publication.pages = publication.pages ?? normalisePages(row('ar'));
  },
};

/** Web of Science "Excel" / CSV export: the same fields under their names ("Article Title", "UT (Unique WOS ID)"). */
const WOS: CsvExporter = {
  name: 'wos',
  label: 'Web of Science (Excel/CSV)',
  signatures: [['article title', 'source title', 'ut (unique wos id)'], ['article title', 'source title', 'ut (unique id)'], ['article title', 'author full names', 'source title']],
  columns: {
    title: ['article title'],
    abstract: ['abstract'],
    journal: ['source title'],
    journalAbbreviation: ['journal iso abbreviation', 'journal abbreviation', '29-character source abbreviation'],
    year: ['publication year'],
    month: ['publication date'],
    volume: ['volume'],
    issue: ['issue'],
    startPage: ['start page'],
    endPage: ['end page'],
    doi: ['doi'],
    pmid: ['pubmed id'],
    issn: ['issn', 'eissn'],
    publicationTypes: ['document type'],
    keywords: ['author keywords', 'keywords plus'],
    language: ['language'],
    url: ['doi link'],
  },
  authorSeparator: /;/,
  refine(publication, row) {
    publication.authors = wosAuthors(row('author full names'), row('authors'), row('group authors'));
    publication.pages = publication.pages ?? normalisePages(row('article number'));
  },
};

/** Embase.com CSV ("fields by column"), after its preamble rows: "Author Names" ("Smith J., Doe A.B."), "Medline PMID", "Emtree ... Index Terms". */
const EMBASE: CsvExporter = {
  name: 'embase',
  label: 'Embase',
  signatures: [['title', 'author names', 'embase accession id'], ['title', 'author names', 'medline pmid'], ['title', 'author names', 'emtree medical index terms'], ['title', 'pui', 'embase link']],
  columns: {
    title: ['title'],
    abstract: ['abstract'],
    authors: ['author names'],
    journal: ['source title'],
    year: ['publication year'],
    month: ['date of publication'],
    volume: ['volume'],
    issue: ['issue'],
    startPage: ['first page'],
    endPage: ['last page'],
    doi: ['doi'],
    pmid: ['medline pmid'],
    issn: ['issn'],
    publicationTypes: ['publication type'],
    keywords: ['author keywords', 'emtree medical index terms (major focus)', 'emtree drug index terms (major focus)', 'emtree medical index terms', 'emtree drug index terms'],
    language: ['article language', 'language of article'],
    url: ['full text link', 'embase link'],
  },
  listSeparator: /[;,\n]/,
  refine(publication, row) {
    // "Source" is sometimes the whole citation ("Journal of X 2019 12:3 (100-104)"); the year comes from the dates then.
    // Without "Source title" (older exports), "Source" is the whole citation: "Endoscopic Ultrasound (2014) 3:3 (152-160). Date of Publication: 2014".
    const source = parseEmbaseSource(row('source'));
    publication.journal = publication.journal ?? source.journal;
    publication.year = publication.year ?? parseDateParts(row('date of publication')).year ?? source.year;
    publication.month = publication.month ?? source.month;
    publication.volume = publication.volume ?? source.volume;
    publication.issue = publication.issue ?? source.issue;
    publication.pages = publication.pages ?? source.pages;
    // Older exports have no DOI column; the link resolver's URL carries it ("…&id=doi:10.4103%2F2303-9027.138783&…").
    publication.doi = publication.doi ?? doiFromOpenUrl(row('open url link'));
  },
};

/** EBSCOhost (CINAHL, MEDLINE, APA PsycInfo ...) CSV: "Source" may be the whole citation ("Journal of X, Mar2019; 12(3): 100-104. 5p."). */
const EBSCO: CsvExporter = {
  name: 'ebsco',
  label: 'EBSCOhost / CINAHL',
  // The last: EBSCOhost's newer CSV ("Article Title,Author,Journal Title,ISSN,ISBN,Publication Date,…,First Page,Page Count,Accession Number,DOI,…,Doctype,Subjects,Keywords,Abstract,PLink").
  signatures: [['title', 'an', 'plink'], ['title', 'accession number', 'plink'], ['title', 'an', 'publicationdate'], ['title', 'accession number', 'subject terms', 'source'], ['article title', 'accession number', 'plink']],
  columns: {
    title: ['title', 'article title'],
    abstract: ['abstract'],
    authors: ['authors', 'author'],
    journal: ['journal', 'journal title', 'publication name', 'sourcetitle'],
    year: ['year', 'publication year', 'publicationdate', 'publication date', 'date'],
    month: ['publicationdate', 'publication date', 'date'],
    volume: ['volume'],
    issue: ['issue'],
    pages: ['pages', 'page range', 'pagination'],
    startPage: ['start page', 'startpage', 'first page'],
    doi: ['doi'],
    issn: ['issn', 'issns'],
    publicationTypes: ['publication type', 'pubtypes', 'doctypes', 'doctype', 'document type'],
    keywords: ['subjects', 'subject terms', 'major subjects', 'keywords', 'author supplied keywords'],
    language: ['language'],
    url: ['plink', 'url'],
  },
  refine(publication, row) {
    const source = parseCitationSource(row('source'));
    publication.journal = publication.journal ?? source.journal;
    publication.year = publication.year ?? source.year;
    publication.volume = publication.volume ?? source.volume;
    publication.issue = publication.issue ?? source.issue;
    publication.pages = publication.pages ?? source.pages;
    // "First Page" and "Page Count" (1 and 60: pages 1-60).
    publication.pages = pagesFromCount(publication.pages, row('page count')) ?? publication.pages;
    // EBSCOhost writes dates the American way: "4/3/2024" is 3 April.
    const usDate = /^\s*(\d{1,2})\/\d{1,2}\/(?:1[5-9]|20)\d\d\s*$/.exec(row('publication date') ?? row('publicationdate') ?? '');
    if (publication.month === null && usDate) publication.month = parseMonth(usDate[1]);
    const accession = row('an') ?? row('accession number');
    // MEDLINE via EBSCO uses the PMID as its accession number.
    if (!publication.pmid && accession && /^\d{1,8}$/.test(accession.trim()) && /medline|pubmed/i.test(row('database') ?? row('db') ?? '')) publication.pmid = normalisePmid(accession);
    publication.pmid = publication.pmid ?? extractPmid(row('notes'));
  },
};

/** The Cochrane Library (CENTRAL) CSV export: "Author(s)" ("Smith J, Doe AB"), "Source", "Year", accession "CN-01234567". */
const COCHRANE: CsvExporter = {
  name: 'cochrane',
  label: 'Cochrane Library (CENTRAL)',
  signatures: [['record number', 'title', 'author(s)', 'year'], ['title', 'author(s)', 'source', 'year', 'accession number'], ['title', 'author(s)', 'source', 'year', 'pubmed id']],
  columns: {
    title: ['title'],
    abstract: ['abstract'],
    authors: ['author(s)'],
    journal: ['source'],
    year: ['year'],
    volume: ['volume'],
    issue: ['issue'],
    pages: ['pages'],
    doi: ['doi'],
    pmid: ['pubmed id'],
    issn: ['issn'],
    publicationTypes: ['publication type'],
    keywords: ['keywords'],
    language: ['language'],
    url: ['url', 'link'],
  },
  refine(publication, row) {
    publication.pmid = publication.pmid ?? extractPmid(row('accession number') ?? row('notes'));
  },
};

/** OpenAlex works CSV (flattened JSON: "publication_year", "authorships.author.display_name" joined by "|", ids as URLs). */
const OPENALEX: CsvExporter = {
  name: 'openalex',
  label: 'OpenAlex',
  signatures: [['display_name', 'publication_year', 'authorships.author.display_name'], ['title', 'publication_year', 'ids.openalex'], ['id', 'title', 'publication_year', 'primary_location.source.display_name']],
  columns: {
    title: ['title', 'display_name'],
    abstract: ['abstract'],
    authors: ['authorships.author.display_name', 'authorships.raw_author_name'],
    journal: ['primary_location.source.display_name', 'host_venue.display_name'],
    year: ['publication_year', 'publication_date'],
    month: ['publication_date'],
    volume: ['biblio.volume'],
    issue: ['biblio.issue'],
    startPage: ['biblio.first_page'],
    endPage: ['biblio.last_page'],
    doi: ['doi', 'ids.doi'],
    pmid: ['ids.pmid'],
    pmcid: ['ids.pmcid'],
    issn: ['primary_location.source.issn', 'primary_location.source.issn_l'],
    publicationTypes: ['type'],
    keywords: ['keywords.display_name', 'mesh.descriptor_name'],
    language: ['language'],
    url: ['primary_location.landing_page_url'],
  },
  authorSeparator: /\|/,
  listSeparator: /\|/,
  refine(publication, row) {
    publication.pmid = publication.pmid ?? pmidFromUrl(row('ids.pmid'));
  },
};

/** Lens.org scholarly works CSV: "Author/s" ("John Smith; Anne B Doe"), "Source Title", "Start Page"/"End Page", "PMID", "PMCID". */
const LENS: CsvExporter = {
  name: 'lens',
  label: 'Lens.org',
  signatures: [['lens id', 'title', 'author/s'], ['lens id', 'title', 'publication year']],
  columns: {
    title: ['title'],
    abstract: ['abstract'],
    authors: ['author/s'],
    journal: ['source title'],
    year: ['publication year', 'date published'],
    month: ['date published'],
    volume: ['volume'],
    issue: ['issue number'],
    startPage: ['start page'],
    endPage: ['end page'],
    doi: ['doi'],
    pmid: ['pmid'],
    pmcid: ['pmcid'],
    issn: ['issns'],
    publicationTypes: ['publication type'],
    keywords: ['keywords', 'mesh terms'],
    url: ['external url', 'source urls'],
  },
};

/** Publish or Perish (Google Scholar and other sources) CSV: "Authors" as "J Smith, AB Doe", "Source", "StartPage"/"EndPage", "ArticleURL". */
const PUBLISH_OR_PERISH: CsvExporter = {
  name: 'publish-or-perish',
  label: 'Publish or Perish (Google Scholar)',
  signatures: [['cites', 'authors', 'title', 'year', 'source', 'gsrank'], ['cites', 'authors', 'title', 'year', 'articleurl'], ['cites', 'authors', 'title', 'year', 'querydate']],
  columns: {
    title: ['title'],
    abstract: ['abstract'],
    journal: ['source'],
    year: ['year'],
    volume: ['volume'],
    issue: ['issue'],
    startPage: ['startpage'],
    endPage: ['endpage'],
    doi: ['doi'],
    issn: ['issn'],
    publicationTypes: ['type'],
    url: ['articleurl', 'fulltexturl'],
  },
  refine(publication, row) {
    // Google Scholar writes "J Smith, AB Doe, …" (initials first); a trailing ellipsis marks a cut list.
    const authors = (row('authors') ?? '').replace(/,?\s*(?:…|\.\.\.)\s*$/, '');
    publication.authors = splitOn(authors, /,/)
      .map((name) => parseAuthorName(name))
      .filter((author): author is ParsedAuthor => author !== null);
    // Google Scholar truncates long titles and journals with "…": keep them, but never as "…" alone.
    if (publication.journal && /^(?:…|\.\.\.)$/.test(publication.journal)) publication.journal = null;
  },
};

/**
 * Google Scholar's own CSV ("My library" > Export > CSV): Authors ("Barrett, Paul M; Willis, Katherine J; "),
 * Title, Publication (the journal), Volume, Number (the issue), Pages, Year, Publisher. No identifiers.
 */
const GOOGLE_SCHOLAR: CsvExporter = {
  name: 'google-scholar',
  label: 'Google Scholar',
  signatures: [['authors', 'title', 'publication', 'volume', 'number', 'pages', 'year', 'publisher']],
  columns: {
    title: ['title'],
    authors: ['authors'],
    journal: ['publication'],
    year: ['year'],
    volume: ['volume'],
    issue: ['number'],
    pages: ['pages'],
  },
};

/** Dimensions publications CSV, after its "About the data: Exported on …" row: "PubYear", "Pagination", "Authors" ("Smith, John; Doe, Anne"). */
const DIMENSIONS: CsvExporter = {
  name: 'dimensions',
  label: 'Dimensions',
  signatures: [['publication id', 'title', 'pubyear'], ['publication id', 'title', 'source title', 'authors']],
  columns: {
    title: ['title'],
    abstract: ['abstract'],
    authors: ['authors'],
    journal: ['source title'],
    year: ['pubyear', 'publication date'],
    month: ['publication date'],
    volume: ['volume'],
    issue: ['issue'],
    pages: ['pagination'],
    doi: ['doi'],
    pmid: ['pmid'],
    pmcid: ['pmcid'],
    issn: ['issn'],
    publicationTypes: ['publication type', 'document type'],
    keywords: ['mesh terms'],
    url: ['source linkout', 'dimensions url'],
  },
};

/** EndNote's tab-delimited / Excel export (field names as EndNote shows them; "Secondary Title" is the journal). */
const ENDNOTE: CsvExporter = {
  name: 'endnote',
  label: 'EndNote',
  signatures: [['reference type', 'author', 'year', 'title'], ['reference type', 'title', 'secondary title']],
  columns: {
    title: ['title'],
    abstract: ['abstract'],
    authors: ['author', 'authors'],
    journal: ['secondary title', 'journal', 'periodical'],
    journalAbbreviation: ['alternate journal', 'journal abbreviation'],
    year: ['year'],
    month: ['date'],
    volume: ['volume'],
    issue: ['number', 'issue'],
    pages: ['pages'],
    doi: ['doi', 'electronic resource number'],
    pmid: ['pmid', 'pubmed id'],
    issn: ['isbn/issn', 'issn', 'isbn'],
    publicationTypes: ['type of article', 'type of work'],
    keywords: ['keywords'],
    language: ['language'],
    url: ['url'],
  },
  refine(publication, row) {
    publication.pmid = publication.pmid ?? extractPmid(row('accession number')) ?? extractPmid(row('notes'));
    if (!publication.pmid) {
      const accession = row('accession number');
      if (accession && /^\d{1,8}$/.test(accession.trim()) && /pubmed|medline/i.test(row('name of database') ?? row('remote database name') ?? '')) publication.pmid = normalisePmid(accession);
    }
    publication.doi = publication.doi ?? extractLabelledDoi(row('url'));
  },
};

/**
 * RefWorks' tab-delimited layout, as Citavi exports it: "Authors, Primary" ("van den Hoven,null;Smits,Maarten L. J."),
 * "Title Primary", "Periodical Full", "Start Page" / "Other Pages" (an article number may stand alone in "Other
 * Pages"), "Pub Date Free From" ("03/30": month and day), a single space in empty cells, PubMed links in "Links".
 */
const REFWORKS_TAB: CsvExporter = {
  name: 'refworks-tab',
  label: 'RefWorks tab-delimited (Citavi)',
  signatures: [['reference type', 'authors, primary', 'title primary']],
  columns: {
    title: ['title primary'],
    abstract: ['abstract'],
    authors: ['authors, primary'],
    journal: ['periodical full'],
    journalAbbreviation: ['periodical abbrev'],
    year: ['pub year'],
    volume: ['volume'],
    issue: ['issue'],
    startPage: ['start page'],
    endPage: ['other pages'],
    doi: ['doi'],
    pmid: ['pmid'],
    pmcid: ['pmcid'],
    issn: ['issn/isbn'],
    keywords: ['keywords'],
    language: ['language'],
    url: ['url', 'links'],
  },
  authorSeparator: /;/,
  refine(publication, row) {
    const monthDay = /^\s*(\d{1,2})\/\d{1,2}\s*$/.exec(row('pub date free from') ?? '');
    if (publication.month === null && monthDay && Number(monthDay[1]) >= 1 && Number(monthDay[1]) <= 12) publication.month = Number(monthDay[1]);
    const links = [row('links'), row('url')].filter((value): value is string => value !== null);
    publication.pmid = publication.pmid ?? idFromLinks(links, 'pmid');
    publication.pmcid = publication.pmcid ?? idFromLinks(links, 'pmcid');
  },
};

/**
 * Abstrackr's export of a project's citations and labels: "(internal) id,(source) id,pubmed id,keywords,abstract,
 * title,journal,authors" then the labels. Keywords are joined by "," alone ("Alberta,article,gamma radiation"), so a
 * comma followed by a space stays inside a keyword ("Child, Preschool"); "pubmed id" is 0 when there is none; the rows
 * of citations no one has labelled end after the authors cell.
 */
const ABSTRACKR: CsvExporter = {
  name: 'abstrackr',
  label: 'Abstrackr',
  signatures: [['(internal) id', '(source) id', 'pubmed id', 'title', 'authors']],
  columns: {
    title: ['title'],
    abstract: ['abstract'],
    authors: ['authors'],
    journal: ['journal'],
    keywords: ['keywords'],
  },
  listSeparator: /,(?!\s)/,
  shortRows: true,
  refine(publication, row) {
    const pmid = row('pubmed id')?.trim() ?? '';
    publication.pmid = /^0+$/.test(pmid) ? null : normalisePmid(pmid);
  },
};

/**
 * Any other table: columns found by their common names. Used when no exporter's signature matches
 * and the header has a title column and at least one of authors, year, journal, DOI or PMID.
 */
export const GENERIC: CsvExporter = {
  name: 'generic',
  label: 'a table with common column names',
  signatures: [],
  columns: {
    title: ['title', 'article title', 'document title', 'primary title', 'title of article', 'titel', 'titre', 'display_name', 'ti'],
    abstract: ['abstract', 'abstract note', 'summary', 'abstract text', 'ab'],
    authors: ['authors', 'author', 'author names', 'author(s)', 'author full names', 'author/s', 'creators', 'creator', 'auteurs', 'autoren', 'au'],
    journal: ['journal', 'source title', 'journal title', 'journal name', 'journal/book', 'publication title', 'publication name', 'container title', 'secondary title', 'periodical', 'source', 'venue', 'so'],
    journalAbbreviation: ['journal abbreviation', 'abbreviated source title', 'journal iso abbreviation', 'alternate journal', 'ta'],
    year: ['year', 'publication year', 'pubyear', 'published year', 'year of publication', 'publication date', 'date published', 'date', 'jahr', 'annee', 'py'],
    month: ['month', 'publication month', 'published month'],
    volume: ['volume', 'vol', 'vl'],
    issue: ['issue', 'number', 'issue number', 'no', 'is'],
    pages: ['pages', 'page', 'pagination', 'page range', 'pg'],
    startPage: ['start page', 'page start', 'first page', 'startpage', 'bp', 'sp'],
    endPage: ['end page', 'page end', 'last page', 'endpage', 'ep'],
    doi: ['doi', 'digital object identifier', 'doi link', 'di', 'do'],
    pmid: ['pmid', 'pubmed id', 'pubmed_id', 'pubmedid', 'medline pmid', 'pm'],
    pmcid: ['pmcid', 'pmc id', 'pmc_id'],
    issn: ['issn', 'eissn', 'issns', 'sn'],
    publicationTypes: ['publication type', 'document type', 'type of article', 'article type', 'pt'],
    meshHeadings: ['mesh headings', 'mesh subject headings'],
    keywords: ['keywords', 'author keywords', 'subject terms', 'subjects', 'mesh terms', 'tags', 'kw', 'de'],
    language: ['language', 'la'],
    url: ['url', 'link', 'links', 'article url', 'ur'],
  },
  refine(publication, row) {
    publication.pmid = publication.pmid ?? pmidFromUrl(row('pmid') ?? row('pubmed id'));
  },
};

export const CSV_EXPORTERS: readonly CsvExporter[] = [ZOTERO, PUBMED, COVIDENCE, RAYYAN, SCOPUS, WOS_TAGGED, WOS, EMBASE, EBSCO, OPENALEX, LENS, PUBLISH_OR_PERISH, GOOGLE_SCHOLAR, DIMENSIONS, ENDNOTE, REFWORKS_TAB, COCHRANE, ABSTRACKR];

/** The exporter one of whose signatures is complete in the header, or null. */
export function recogniseCsvExporter(header: string[]): CsvExporter | null {
  const present = new Set(header.map(headerKey));
  return CSV_EXPORTERS.find((exporter) => exporter.signatures.some((signature) => signature.every((column) => present.has(headerKey(column))))) ?? null;
}

/** The fields of which the generic table needs one besides a title column, to tell records apart. */
export const IDENTIFYING_FIELDS = ['authors', 'year', 'journal', 'doi', 'pmid'] as const;

/** The header cell the generic table reads as this field (as the header writes it), or null. */
export function commonNameColumn(header: string[], field: CsvField): string | null {
  const names = new Set((GENERIC.columns[field] ?? []).map(headerKey));
  return header.find((cell) => names.has(headerKey(cell)))?.trim() ?? null;
}

/** True when the generic table finds a title column and at least one column that identifies a record. */
export function readableByCommonNames(header: string[]): boolean {
  return commonNameColumn(header, 'title') !== null && IDENTIFYING_FIELDS.some((field) => commonNameColumn(header, field) !== null);
}

/** "Rayyan (key, title, ...); Zotero (...)" for error messages. */
export function describeCsvExporters(): string {
  return CSV_EXPORTERS.map((exporter) => `${exporter.label} (${exporter.signatures[0].join(', ')})`).join('; ');
}

/** The header row, how it will be read, and a user's mapping checked against it. */
export interface CsvReading {
  exporter: CsvExporter;
}

/**
 * How a header row is read: a recognised exporter, the user's mapping on top of it (or of the
 * generic table), or the generic table; null when nothing gives a title column.
 */
export function csvReadingFor(header: string[], mapping?: CsvColumnMapping | null): CsvExporter | null {
  const base = recogniseCsvExporter(header);
  if (mapping && Object.keys(mapping).length > 0) return withMapping(base ?? GENERIC, mapping);
  if (base) return base;
  return readableByCommonNames(header) ? GENERIC : null;
}

/** The mapped columns the header lacks (compared by headerKey). */
export function missingMappedColumns(header: string[], mapping: CsvColumnMapping): string[] {
  const present = new Set(header.map(headerKey));
  return Object.values(mapping).filter((column): column is string => !!column && !present.has(headerKey(column)));
}

function withMapping(base: CsvExporter, mapping: CsvColumnMapping): CsvExporter {
  const columns = { ...base.columns };
  for (const [field, column] of Object.entries(mapping) as [CsvField, string | undefined][]) {
    if (column) columns[field] = [column];
  }
  return {
    ...base,
    name: base.name === 'generic' ? 'mapped' : base.name,
    label: base.name === 'generic' ? 'a table read with a column mapping' : `${base.label}, with a column mapping`,
    columns,
    // An exporter's own author handling would ignore a mapped author column.
    refine: mapping.authors || mapping.pages || mapping.startPage ? undefined : base.refine,
  };
}

/**
 * A column mapping written as text, as the CLI and POST /imports take it:
 * "title=Article Title,doi=DOI,authors=Creators" (a comma inside a column name is kept: the text is
 * split only before "field="). Field names are those of CSV_FIELDS, case-insensitive, with the
 * aliases author, source, abstractNote, type. Throws an Error naming the problem.
 */
export function parseColumnMapping(text: string): CsvColumnMapping {
  const mapping: CsvColumnMapping = {};
  const pieces = text.split(/[,;]\s*(?=[A-Za-z][A-Za-z_ -]*=)/).filter((piece) => piece.trim().length > 0);
  for (const piece of pieces) {
    const equals = piece.indexOf('=');
    if (equals < 0) throw new Error(`"${piece.trim()}" is not field=column (fields: ${CSV_FIELDS.join(', ')})`);
    const field = csvFieldNamed(piece.slice(0, equals));
    const column = piece.slice(equals + 1).trim().replace(/^"(.*)"$/, '$1');
    if (!field) throw new Error(`"${piece.slice(0, equals).trim()}" is not a field that can be mapped; fields: ${CSV_FIELDS.join(', ')}`);
    if (!column) throw new Error(`no column given for ${field}`);
    // As importPublications' columns list refuses it: one of the two columns would be read without a word.
    if (mapping[field] !== undefined) throw new Error(`${field} is mapped twice ("${mapping[field]}" and "${column}"): map each field to one column`);
    mapping[field] = column;
  }
  return mapping;
}

const FIELD_ALIASES: Record<string, CsvField> = { author: 'authors', source: 'journal', abstractnote: 'abstract', type: 'publicationTypes', keyword: 'keywords', issns: 'issn' };

/** "Title", "START_PAGE", "startPage", "author" -> the CsvField; null when unknown. */
export function csvFieldNamed(raw: string): CsvField | null {
  const key = raw.trim().toLowerCase().replace(/[_\s-]+/g, '');
  // Own keys only: "constructor" found Object's constructor, a mapping accepted for a field that does not exist.
  return CSV_FIELDS.find((field) => field.toLowerCase() === key) ?? (Object.hasOwn(FIELD_ALIASES, key) ? FIELD_ALIASES[key] : null);
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
  // Ahead of print there is no volume: the pages follow the date ("2022 Jan 31:1-13.").
  const aheadOfPrint = match[2] === undefined ? /:\s*([A-Za-z]?\d+[A-Za-z]?(?:-[A-Za-z]?\d+[A-Za-z]?)?)$/.exec(match[1]) : null;
  parts.month = parseDateParts(aheadOfPrint ? match[1].slice(0, aheadOfPrint.index) : match[1]).month;
  parts.volume = cleanText(match[2]);
  parts.issue = cleanText(match[3]);
  parts.pages = normalisePages(match[4] ?? aheadOfPrint?.[1]);
  return parts;
}


/**
 * Embase's citation in "Source": "Journal (2014) 3:3 (152-160). Date of Publication: 2014",
 * "Journal (2019) 54 (83-86). …", "Nature Communications (2024) 15:1 Article Number: 4063. Date of Publication: 1 Dec 2024".
 */
export function parseEmbaseSource(raw: string | null): CitationSource & { month: number | null } {
  const out = { journal: null as string | null, year: null as number | null, month: null as number | null, volume: null as string | null, issue: null as string | null, pages: null as string | null };
  const text = cleanText(raw);
  if (!text) return out;
  const match = /^(.+?)\s+\((1[5-9]\d\d|20\d\d)\)(?:\s+([^\s:(.]+)(?::([^\s(.]+))?)?(?:\s+\(([^)]+)\))?/.exec(text);
  const published = /Date of Publication:\s*([^.]+)/i.exec(text);
  out.month = published ? parseDateParts(published[1]).month : null;
  const articleNumber = /\bArticle Number:\s*([^\s.]+)/i.exec(text)?.[1];
  if (!match) {
    // Not a citation: a journal name, perhaps followed by the article number or the date.
    out.journal = cleanText(text.replace(/[\s.]*(?:Article Number:|Date of Publication:).*$/i, ''));
    out.pages = normalisePages(articleNumber);
    return out;
  }
  out.journal = cleanText(match[1]);
  out.year = Number(match[2]);
  out.volume = cleanText(match[3]);
  out.issue = cleanText(match[4]);
  out.pages = normalisePages(match[5] ?? articleNumber);
  return out;
}

/** The DOI in an OpenURL link resolver address ("…&id=doi:10.4103%2F2303-9027.138783&…"). */
export function doiFromOpenUrl(url: string | null): string | null {
  const match = /[?&]id=doi:([^&\s]+)/i.exec(url ?? '');
  if (!match) return null;
  try {
    return normaliseDoi(decodeURIComponent(match[1]));
  } catch {
    return null;
  }
}

/** "First Page" 924 and "Page Count" 11 -> "924-934"; null when the pages are not a single numeric start page. */
export function pagesFromCount(start: string | null, count: string | null): string | null {
  if (!start || !count || !/^\d+$/.test(start.trim()) || !/^\d+p?\.?$/.test(count.trim())) return null;
  const first = Number(start.trim());
  const pages = Number.parseInt(count.trim(), 10);
  if (pages < 1) return null;
  return pages === 1 ? String(first) : `${first}-${first + pages - 1}`;
}

function splitOn(value: string | null, separator: RegExp): string[] {
  return value ? value.split(new RegExp(separator.source, 'g')).map((part) => part.trim()).filter((part) => part.length > 0) : [];
}

/** Web of Science authors: "AF" full names ("Smith, John"), else "AU" ("Smith, J"); a group author ("CA") after them. */
function wosAuthors(full: string | null, short: string | null, group: string | null): ParsedAuthor[] {
  const names = splitOn(full, /;/).length > 0 ? splitOn(full, /;/) : splitOn(short, /;/);
  const people = names.map((name) => parseAuthorName(name)).filter((author): author is ParsedAuthor => author !== null);
  const groups = splitOn(group, /;/).map((name) => ({ family: name, given: null }));
  return [...people, ...groups];
}

/** "https://pubmed.ncbi.nlm.nih.gov/31234567" (OpenAlex, Lens) -> "31234567". */
export function pmidFromUrl(value: string | null): string | null {
  if (!value) return null;
  const match = /pubmed(?:\.ncbi\.nlm\.nih\.gov|\/)\/?(\d{1,9})\b/i.exec(value);
  return match ? normalisePmid(match[1]) : null;
}

export interface CitationSource {
  journal: string | null;
  year: number | null;
  volume: string | null;
  issue: string | null;
  pages: string | null;
}

/**
 * A citation in one cell, as EBSCOhost writes "Source": "Journal of Rare Cases, Mar2019; 12(3): 100-104. 5p."
 * or "Journal of Rare Cases. 2019;12(3):100-4". A plain journal name comes back as the journal.
 */
export function parseCitationSource(raw: string | null): CitationSource {
  const out: CitationSource = { journal: null, year: null, volume: null, issue: null, pages: null };
  const text = cleanText(raw);
  if (!text) return out;
  const volumeIssue = /(?:^|[\s;,.])(?:vol\.?\s*)?(\d+[A-Za-z]?)\s*\(([^)]+)\)\s*:?\s*(?:p{1,2}\.?\s*)?([A-Za-z]?\d+[A-Za-z]?(?:\s*[-\u2013]\s*[A-Za-z]?\d+[A-Za-z]?)?)?/.exec(text);
  const yearMatch = /(?<!\d)(1[5-9]\d\d|20\d\d)(?!\d)/.exec(text);
  const cut = Math.min(...[volumeIssue?.index, yearMatch?.index, /[,;.]\s/.exec(text)?.index].filter((index): index is number => index !== undefined && index > 0), text.length);
  out.journal = cleanText(text.slice(0, cut).replace(/[\s,.;:]+$/, '').replace(/\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*$/i, ''));
  out.year = yearMatch ? Number(yearMatch[1]) : null;
  if (volumeIssue) {
    out.volume = volumeIssue[1];
    out.issue = cleanText(volumeIssue[2]);
    out.pages = normalisePages(volumeIssue[3]);
  } else {
    // "…, Feb2019; 55: 112-115." (a volume without an issue)
    const volumePages = /;\s*(\d+[A-Za-z]?)\s*:\s*([A-Za-z]?\d+[A-Za-z]?(?:\s*[-\u2013]\s*[A-Za-z]?\d+[A-Za-z]?)?)/.exec(text);
    if (volumePages) {
      out.volume = volumePages[1];
      out.pages = normalisePages(volumePages[2]);
    }
  }
  return out;
}

function splitList(value: string | null, separator: RegExp = /[;\n]/): string[] {
  return value ? value.split(new RegExp(separator.source, 'g')) : [];
}

/** Builds a publication from a row with the exporter's table; values that cannot be read are noted in `notes` (under the column's name). */
export function mapCsvRow(exporter: CsvExporter, row: CsvRow, notes: RecordNotes = new RecordNotes(), headerOf: (column: string) => string | null = () => null): ParsedPublication {
  const columns = exporter.columns;
  const cells = (field: CsvField): string[] => (columns[field] ?? []).map(row).filter((value): value is string => value !== null);
  const first = (field: CsvField): string | null => cells(field).map((value) => cleanText(value)).find((value) => value !== null) ?? null;
  /** The first cell of the field's columns that reads, each read by a notes reader that names its column. */
  const firstNoted = <T>(field: CsvField, read: (source: ValueSource, value: string) => T | null): T | null => {
    for (const column of columns[field] ?? []) {
      const value = row(column);
      if (value === null) continue;
      const result = read({ field: headerOf(column) ?? column }, value);
      if (result !== null) return result;
    }
    return null;
  };

  const publication = emptyPublication();
  publication.title = cells('title').map(stripMarkup).find((value) => value !== null) ?? null;
  publication.abstract = cells('abstract').map(stripMarkup).find((value) => value !== null) ?? null;
  const authorCell = first('authors');
  publication.authors = exporter.authorSeparator
    ? splitList(authorCell, exporter.authorSeparator)
        .filter((name) => !/^\s*(?:et al\.?|others)\s*$/i.test(name))
        .map((name) => parseAuthorName(name))
        .filter((author): author is ParsedAuthor => author !== null)
    : parseAuthorList(authorCell);
  publication.journal = stripMarkup(first('journal'));
  publication.journalAbbreviation = first('journalAbbreviation');
  publication.year = firstNoted('year', (source, value) => notes.year(source, value));
  // A month column ("Oct", "10") that holds no month is noted; a date column mapped to the month may hold only a year.
  publication.month = firstNoted('month', (source, value) => (/^\s*(?:\d{1,2}|[A-Za-z]+\.?)\s*$/.test(value) ? notes.month(source, value) : parseDateParts(value).month));
  publication.volume = first('volume');
  publication.issue = first('issue');
  publication.pages = normalisePages(first('pages')) ?? joinPages(first('startPage'), first('endPage'));
  publication.doi = firstNoted('doi', (source, value) => notes.doi(source, value));
  publication.pmid = firstNoted('pmid', (source, value) => notes.pmid(source, value, (text) => normalisePmid(text) ?? extractPmid(text) ?? pmidFromUrl(text)));
  publication.pmcid = firstNoted('pmcid', (source, value) => notes.pmcid(source, value, (text) => normalisePmcid(text) ?? extractPmcid(text)));
  publication.issns = uniqueStrings(cells('issn').flatMap(extractIssns));
  publication.publicationTypes = uniqueStrings(cells('publicationTypes').flatMap((value) => splitList(value, exporter.listSeparator)));
  publication.keywords = uniqueStrings(cells('keywords').flatMap((value) => splitList(value, exporter.listSeparator)));
  const headings = cells('meshHeadings').flatMap((value) => parseMeshHeadingList(value));
  publication.meshHeadings = headings.filter((heading, index) => headings.findIndex((other) => other.label === heading.label) === index);
  publication.language = first('language');
  publication.url = cells('url').flatMap((value) => value.split(/[\s;|]+/)).find((value) => /^https?:\/\//i.test(value)) ?? null;
  exporter.refine?.(publication, row);
  const titleStatus = titleStatusFromNote(row('notes'));
  if (titleStatus) publication.titleStatus = titleStatus;
  return publication;
}
