/**
 * PubMed XML (PubmedArticleSet with PubmedArticle records, PubmedBookArticle best-effort), as
 * downloaded from PubMed, E-utilities efetch or the annual baseline files.
 *
 * Streams with saxes: each PubmedArticle is collected into a small element tree (parts that are
 * never used, such as reference lists and affiliations, are skipped), turned into a publication
 * and dropped, so memory stays bounded by one record whatever the size of the file.
 *
 * Safety: saxes never loads external DTDs or entities. On top of that, a DOCTYPE with an internal
 * subset (where ENTITY declarations live) is refused outright, so neither XXE nor entity
 * expansion ("billion laughs") can happen. A DOCTYPE that only names the public NLM DTD (as every
 * real PubMed file does) is accepted; the DTD itself is never fetched.
 */
import { SaxesParser } from 'saxes';
import { describingXmlErrors } from './xml-errors';
import { MAX_XML_DEPTH, tooDeepMessage } from './xml-depth';
import {
  cleanText,
  extractIssns,
  normalisePages,
  normaliseGivenName,
  uniqueStrings,
} from '../normalise';
import { ImportFormatError, emptyPublication } from '../parsed-publication';
import type { ParsedAuthor, ParsedMeshHeading, ParsedPublication, ParsedRecord, TextSource } from '../parsed-publication';
import { decodeText } from '../text-decoding';
import { RecordNotes } from '../value-notes';
import type { ValueSource } from '../value-notes';

/** A minimal element tree for one record. */
export interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: Array<XmlElement | string>;
  /** The line of the opening tag (for warnings). */
  line?: number;
}

const RECORD_ELEMENTS = new Set(['PubmedArticle', 'PubmedBookArticle']);
const ROOT_ELEMENTS = new Set(['PubmedArticleSet', 'PubmedBookArticleSet', 'PubmedArticle', 'PubmedBookArticle']);
/** Sub-trees no field is taken from; skipping them keeps records small (reference lists can be long). */
const SKIPPED_ELEMENTS = new Set([
  'ReferenceList',
  'CommentsCorrectionsList',
  'History',
  'AffiliationInfo',
  'GrantList',
  'ChemicalList',
  'DataBankList',
  'InvestigatorList',
  'SupplMeshList',
  'GeneSymbolList',
  'PersonalNameSubjectList',
  'Sections',
  'ContributionDate',
  'DateRevised',
  'DateCompleted',
]);
/** Elements whose text may be split by inline markup (<i>, <sub>, ...): white space between parts matters. */
const MIXED_CONTENT = new Set(['ArticleTitle', 'VernacularTitle', 'AbstractText', 'BookTitle', 'Keyword', 'i', 'b', 'u', 'sub', 'sup']);

// ---------------------------------------------------------------------------------------------
// Element tree helpers

function child(element: XmlElement | null | undefined, name: string): XmlElement | null {
  if (!element) return null;
  for (const node of element.children) if (typeof node !== 'string' && node.name === name) return node;
  return null;
}

function childrenNamed(element: XmlElement | null | undefined, name: string): XmlElement[] {
  if (!element) return [];
  return element.children.filter((node): node is XmlElement => typeof node !== 'string' && node.name === name);
}

function at(element: XmlElement | null | undefined, path: string): XmlElement | null {
  let current = element ?? null;
  for (const name of path.split('/')) current = child(current, name);
  return current;
}

function rawText(element: XmlElement): string {
  return element.children.map((node) => (typeof node === 'string' ? node : rawText(node))).join('');
}

function text(element: XmlElement | null | undefined): string | null {
  return element ? cleanText(rawText(element)) : null;
}

// ---------------------------------------------------------------------------------------------
// Field mapping

function abstractOf(abstract: XmlElement | null): string | null {
  if (!abstract) return null;
  const sections = childrenNamed(abstract, 'AbstractText')
    .map((section) => {
      const body = text(section);
      if (!body) return null;
      const label = cleanText(section.attributes.Label);
      return label && label.toUpperCase() !== 'UNLABELLED' ? `${label}: ${body}` : body;
    })
    .filter((section): section is string => section !== null);
  return sections.length > 0 ? sections.join('\n\n') : null;
}

function authorsOf(authorList: XmlElement | null): ParsedAuthor[] {
  if (!authorList) return [];
  const authors: ParsedAuthor[] = [];
  for (const author of childrenNamed(authorList, 'Author')) {
    if (author.attributes.ValidYN === 'N') continue;
    const collective = text(child(author, 'CollectiveName'));
    if (collective) {
      authors.push({ family: collective, given: null });
      continue;
    }
    const family = text(child(author, 'LastName'));
    if (!family) continue;
    const given = normaliseGivenName(text(child(author, 'ForeName')) ?? text(child(author, 'Initials')));
    const suffix = text(child(author, 'Suffix'));
    authors.push({ family, given: given && suffix ? `${given} ${suffix}` : given });
  }
  return authors;
}

/** The author list of the given type ("authors" unless stated; "editors" lists are skipped). */
function authorListOf(parent: XmlElement | null): XmlElement | null {
  return childrenNamed(parent, 'AuthorList').find((list) => (list.attributes.Type ?? 'authors') === 'authors') ?? null;
}

/** An element as the source of a value, for the notes. */
function sourceOf(element: XmlElement | null): ValueSource {
  return { field: element?.name ?? '?', line: element?.line ?? null };
}

function pubDateOf(pubDate: XmlElement | null, notes: RecordNotes): { year: number | null; month: number | null } {
  if (!pubDate) return { year: null, month: null };
  const medlineDateElement = child(pubDate, 'MedlineDate');
  const medlineDate = text(medlineDateElement);
  if (medlineDate) return notes.date(sourceOf(medlineDateElement), medlineDate);
  const year = child(pubDate, 'Year');
  const month = child(pubDate, 'Month');
  return { year: notes.year(sourceOf(year), text(year)), month: text(month) ? notes.month(sourceOf(month), text(month)) : null };
}

function meshHeadingsOf(list: XmlElement | null): ParsedMeshHeading[] {
  const headings: ParsedMeshHeading[] = [];
  for (const heading of childrenNamed(list, 'MeshHeading')) {
    const descriptor = child(heading, 'DescriptorName');
    const label = text(descriptor);
    if (!descriptor || !label) continue;
    const majorTopic =
      descriptor.attributes.MajorTopicYN === 'Y' || childrenNamed(heading, 'QualifierName').some((qualifier) => qualifier.attributes.MajorTopicYN === 'Y');
    headings.push({ descriptorUi: cleanText(descriptor.attributes.UI), label, majorTopic });
  }
  return headings;
}

/** ArticleId values by IdType ("doi", "pmc", "pubmed"), the first of each, with their elements' lines. */
function articleIds(...lists: Array<XmlElement | null>): Map<string, { value: string; source: ValueSource }> {
  const ids = new Map<string, { value: string; source: ValueSource }>();
  for (const list of lists) {
    for (const id of childrenNamed(list, 'ArticleId')) {
      const type = (id.attributes.IdType ?? '').toLowerCase();
      const value = text(id);
      if (type && value && !ids.has(type)) ids.set(type, { value, source: { field: `ArticleId[@IdType="${type}"]`, line: id.line ?? null } });
    }
  }
  return ids;
}

function eLocationDoi(notes: RecordNotes, ...parents: Array<XmlElement | null>): string | null {
  for (const parent of parents) {
    for (const location of childrenNamed(parent, 'ELocationID')) {
      if (location.attributes.EIdType === 'doi' && location.attributes.ValidYN !== 'N') {
        const doi = notes.doi(sourceOf(location), text(location));
        if (doi) return doi;
      }
    }
  }
  return null;
}

function keywordsOf(...parents: Array<XmlElement | null>): string[] {
  return uniqueStrings(parents.flatMap((parent) => childrenNamed(parent, 'KeywordList').flatMap((list) => childrenNamed(list, 'Keyword').map(text))));
}

/** An ArticleId read with one of the notes' readers. */
function idOf(ids: Map<string, { value: string; source: ValueSource }>, type: string, read: (source: ValueSource, raw: string) => string | null): string | null {
  const id = ids.get(type);
  return id ? read(id.source, id.value) : null;
}

function pubmedArticleToPublication(record: XmlElement, notes: RecordNotes): ParsedPublication {
  const citation = child(record, 'MedlineCitation');
  const article = child(citation, 'Article');
  const journal = child(article, 'Journal');
  const issue = child(journal, 'JournalIssue');
  const journalInfo = child(citation, 'MedlineJournalInfo');
  const ids = articleIds(at(record, 'PubmedData/ArticleIdList'));

  const publication = emptyPublication();
  publication.pmid = notes.pmid(sourceOf(child(citation, 'PMID')), text(child(citation, 'PMID'))) ?? idOf(ids, 'pubmed', (source, raw) => notes.pmid(source, raw));
  publication.title = text(child(article, 'ArticleTitle')) ?? text(child(article, 'VernacularTitle'));
  publication.abstract = abstractOf(child(article, 'Abstract')) ?? abstractOf(child(citation, 'OtherAbstract'));
  publication.authors = authorsOf(authorListOf(article));
  publication.journal = text(child(journal, 'Title'));
  publication.journalAbbreviation = text(child(journal, 'ISOAbbreviation')) ?? text(child(journalInfo, 'MedlineTA'));
  let date = pubDateOf(child(issue, 'PubDate'), notes);
  if (date.year === null) date = pubDateOf(child(article, 'ArticleDate'), notes);
  publication.year = date.year;
  publication.month = date.month;
  publication.volume = text(child(issue, 'Volume'));
  publication.issue = text(child(issue, 'Issue'));
  const pagination = child(article, 'Pagination');
  const startPage = text(child(pagination, 'StartPage'));
  const endPage = text(child(pagination, 'EndPage'));
  publication.pages = normalisePages(text(child(pagination, 'MedlinePgn')) ?? (startPage && endPage ? `${startPage}-${endPage}` : startPage));
  publication.doi = eLocationDoi(notes, article) ?? idOf(ids, 'doi', (source, raw) => notes.doi(source, raw));
  publication.pmcid = idOf(ids, 'pmc', (source, raw) => notes.pmcid(source, raw));
  publication.issns = uniqueStrings([...childrenNamed(journal, 'ISSN').flatMap((issn) => extractIssns(text(issn))), ...extractIssns(text(child(journalInfo, 'ISSNLinking')))]);
  publication.publicationTypes = uniqueStrings(childrenNamed(child(article, 'PublicationTypeList'), 'PublicationType').map(text));
  publication.meshHeadings = meshHeadingsOf(child(citation, 'MeshHeadingList'));
  publication.keywords = keywordsOf(citation);
  publication.language = text(child(article, 'Language'));
  return publication;
}

/** PubMed Bookshelf records: a chapter (ArticleTitle inside a Book) or a whole book. */
function pubmedBookArticleToPublication(record: XmlElement, notes: RecordNotes): ParsedPublication {
  const document = child(record, 'BookDocument');
  const book = child(document, 'Book');
  const ids = articleIds(child(document, 'ArticleIdList'), at(record, 'PubmedBookData/ArticleIdList'));
  const chapterTitle = text(child(document, 'ArticleTitle'));
  const bookTitle = text(child(book, 'BookTitle'));

  const publication = emptyPublication();
  publication.pmid = notes.pmid(sourceOf(child(document, 'PMID')), text(child(document, 'PMID'))) ?? idOf(ids, 'pubmed', (source, raw) => notes.pmid(source, raw));
  publication.title = chapterTitle ?? bookTitle;
  publication.journal = chapterTitle ? bookTitle : null;
  publication.abstract = abstractOf(child(document, 'Abstract'));
  const authors = authorsOf(authorListOf(document));
  publication.authors = authors.length > 0 ? authors : authorsOf(authorListOf(book));
  const date = pubDateOf(child(book, 'PubDate'), notes);
  publication.year = date.year;
  publication.month = date.month;
  publication.volume = text(child(book, 'Volume'));
  publication.doi = eLocationDoi(notes, document, book) ?? idOf(ids, 'doi', (source, raw) => notes.doi(source, raw));
  publication.pmcid = idOf(ids, 'pmc', (source, raw) => notes.pmcid(source, raw));
  publication.publicationTypes = uniqueStrings([
    ...childrenNamed(document, 'PublicationType').map(text),
    ...childrenNamed(child(document, 'PublicationTypeList'), 'PublicationType').map(text),
  ]);
  publication.keywords = keywordsOf(document);
  publication.language = text(child(document, 'Language'));
  return publication;
}

// ---------------------------------------------------------------------------------------------
// Streaming

/** Yields the records of a PubMed XML file one by one. */
export async function* parsePubmedXml(source: TextSource): AsyncGenerator<ParsedRecord> {
  const parser = new SaxesParser({ position: true, xmlns: false });
  const describe = describingXmlErrors(parser);
  const ready: ParsedRecord[] = [];
  let recordNumber = 0;
  let recordLine: number | null = null;
  let tagStartLine = 1;
  let depth = 0;
  let skipDepth = 0;
  const stack: XmlElement[] = [];

  const inRecord = (): boolean => stack.length > 0;
  /** Where the last record was closed: saxes closes the open elements of a mismatched close tag before it reports the error. */
  let recordClosedAt = -1;
  const fail = (message: string, field: string | null = null, line: number | null = parser.line, record: number | null = inRecord() ? recordNumber : null): ImportFormatError => {
    const where = [record !== null ? `record ${record}` : null, line !== null ? `line ${line}` : null].filter(Boolean).join(', ');
    return new ImportFormatError(`PubMed XML${where ? ` ${where}` : ''}: ${message}`, record, line, field ?? stack[stack.length - 1]?.name ?? null);
  };

  parser.on('doctype', (doctype) => {
    if (/\[|<!ENTITY/i.test(doctype)) {
      throw fail('the DOCTYPE declares an internal subset (ENTITY declarations); such files are refused to rule out entity expansion and external entities', 'DOCTYPE');
    }
  });
  parser.on('error', (error) => {
    const message = `malformed XML: ${describe(error)}`;
    if (recordClosedAt === parser.position && ready.length > 0) {
      // The record was "closed" by the very tag in error: it is not complete, so it is not yielded.
      const broken = ready.pop() as ParsedRecord;
      throw fail(message, 'PubmedArticle', parser.line, broken.recordNumber);
    }
    throw fail(message);
  });
  parser.on('opentagstart', () => {
    tagStartLine = parser.line;
  });
  parser.on('opentag', (tag) => {
    depth += 1;
    if (depth > MAX_XML_DEPTH) throw fail(tooDeepMessage(tag.name), tag.name, tagStartLine);
    if (depth === 1 && !ROOT_ELEMENTS.has(tag.name)) {
      throw fail(`the root element is <${tag.name}>, expected <PubmedArticleSet> (this is not a PubMed XML file)`, tag.name, tagStartLine);
    }
    if (!inRecord()) {
      if (RECORD_ELEMENTS.has(tag.name)) {
        recordNumber += 1;
        recordLine = tagStartLine;
        stack.push({ name: tag.name, attributes: { ...tag.attributes }, children: [], line: tagStartLine });
      }
      return;
    }
    if (skipDepth > 0 || SKIPPED_ELEMENTS.has(tag.name)) {
      skipDepth += 1;
      return;
    }
    const element: XmlElement = { name: tag.name, attributes: { ...tag.attributes }, children: [], line: tagStartLine };
    stack[stack.length - 1].children.push(element);
    stack.push(element);
  });
  parser.on('closetag', () => {
    depth -= 1;
    if (!inRecord()) return;
    if (skipDepth > 0) {
      skipDepth -= 1;
      return;
    }
    const element = stack.pop() as XmlElement;
    if (stack.length === 0) {
      const notes = new RecordNotes();
      const publication = element.name === 'PubmedBookArticle' ? pubmedBookArticleToPublication(element, notes) : pubmedArticleToPublication(element, notes);
      ready.push({ recordNumber, line: recordLine, publication, notes: notes.finish(publication) });
      recordClosedAt = parser.position;
    }
  });
  const onText = (value: string): void => {
    if (!inRecord() || skipDepth > 0) return;
    const parent = stack[stack.length - 1];
    if (value.trim().length === 0 && !MIXED_CONTENT.has(parent.name)) return;
    parent.children.push(value);
  };
  parser.on('text', onText);
  parser.on('cdata', onText);

  const run = (write: () => void): void => {
    try {
      write();
    } catch (error) {
      if (error instanceof ImportFormatError) throw error;
      throw fail(`malformed XML: ${(error as Error).message}`);
    }
  };

  // Records completed earlier in the same chunk as an error are still yielded before the error is thrown.
  const feed = function* (write: () => void): Generator<ParsedRecord> {
    let failure: unknown = null;
    try {
      run(write);
    } catch (error) {
      failure = error;
    }
    while (ready.length > 0) yield ready.shift() as ParsedRecord;
    if (failure) throw failure;
  };

  for await (const chunk of decodeText(source)) yield* feed(() => parser.write(chunk));
  yield* feed(() => parser.close());
}
