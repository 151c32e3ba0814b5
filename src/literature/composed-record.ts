import { composed } from '../common/text/composed-text';
import type { ParsedPublication, ParsedRecord } from './parsed-publication';

const TEXT_FIELDS = ['title', 'abstract', 'journal', 'journalAbbreviation', 'volume', 'issue', 'pages', 'doi', 'pmid', 'pmcid', 'language', 'url'] as const;
const LIST_FIELDS = ['issns', 'publicationTypes', 'keywords'] as const;

/**
 * Every text of a parsed record in Unicode's composed form (src/common/text/composed-text.ts): an export
 * written on a Mac or copied from a PDF spells "é" as "e" + U+0301, and stored so its title was found by
 * no search and its journal stood beside the composed one as a second facet value. No warning: the text
 * reads the same. Returns the record itself when nothing changes (nearly every record).
 */
export function composeRecordText(record: ParsedRecord): ParsedRecord {
  const publication = record.publication;
  let out: ParsedPublication | null = null;
  const edit = (): ParsedPublication => (out ??= { ...publication });
  for (const field of TEXT_FIELDS) {
    const value = publication[field];
    if (typeof value === 'string' && composed(value) !== value) edit()[field] = composed(value);
  }
  for (const field of LIST_FIELDS) {
    if (publication[field].some((value) => composed(value) !== value)) edit()[field] = publication[field].map(composed);
  }
  if (publication.authors.some((author) => composed(author.family) !== author.family || (author.given !== null && composed(author.given) !== author.given))) {
    edit().authors = publication.authors.map((author) => ({ family: composed(author.family), given: author.given === null ? null : composed(author.given) }));
  }
  if (publication.meshHeadings.some((heading) => composed(heading.label) !== heading.label)) {
    edit().meshHeadings = publication.meshHeadings.map((heading) => ({ ...heading, label: composed(heading.label) }));
  }
  return out ? { ...record, publication: out } : record;
}
