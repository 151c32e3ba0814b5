import { titleStatusNote } from '../../../publications/title-status.enum';
import { ExportPublication } from '../export-case';

/**
 * A CSL-JSON item (the citeproc / Zotero / Mendeley interchange format). CSL has `keyword` (one string,
 * ", "-joined) and `genre` ("; "-joined publication types) but nothing for MeSH: the lists as they are
 * stored, MeSH headings with their descriptor UIs and major-topic flags included, go in `custom` (CSL-JSON
 * 1.0.2's object for data without a CSL variable), which the importer prefers to the joined strings.
 * No `title` when none is recorded; `note` says why.
 */
export function publicationToCsl(publication: ExportPublication): Record<string, unknown> {
  const item: Record<string, unknown> = {
    id: publication.id,
    type: 'article-journal',
    author: publication.authors.map((author) => (author.given ? { family: author.family, given: author.given } : { literal: author.family })),
  };
  const optional: [string, unknown][] = [
    ['title', publication.title],
    ['container-title', publication.journal],
    ['issued', publication.year ? { 'date-parts': [publication.month ? [publication.year, publication.month] : [publication.year]] } : null],
    ['volume', publication.volume],
    ['issue', publication.issue],
    ['page', publication.pages],
    ['DOI', publication.doi],
    ['PMID', publication.pmid],
    ['PMCID', publication.pmcid],
    ['abstract', publication.abstract],
    ['keyword', publication.keywords.length ? publication.keywords.join(', ') : null],
    ['genre', publication.publicationTypes.length ? publication.publicationTypes.join('; ') : null],
    ['language', publication.language],
    ['URL', publication.url],
    ['note', titleStatusNote(publication.titleStatus)],
  ];
  for (const [name, value] of optional) if (value !== null && value !== undefined && value !== '') item[name] = value;
  const custom: Record<string, unknown> = {};
  if (publication.keywords.length) custom.keywords = publication.keywords;
  if (publication.publicationTypes.length) custom.publicationTypes = publication.publicationTypes;
  if (publication.meshHeadings.length) custom.meshHeadings = publication.meshHeadings.map(({ descriptorUi, label, majorTopic }) => ({ descriptorUi, label, majorTopic }));
  if (Object.keys(custom).length) item.custom = custom;
  return item;
}
