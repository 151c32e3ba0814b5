import { TitleStatus } from './title-status.enum';

/** The parts a citation needs to identify a publication: what the result lists show (authors · journal · year) and the title. */
export enum CitationPart {
  TITLE = 'TITLE',
  AUTHORS = 'AUTHORS',
  JOURNAL = 'JOURNAL',
  YEAR = 'YEAR',
}

/** What the rule reads of a publication (the entity, or a search document's source). */
export interface CitationFields {
  title: string | null;
  /** Absent in sources written before title statuses existed: a non-empty title counts as complete. */
  titleStatus?: TitleStatus | null;
  authors: readonly { family?: string | null; given?: string | null }[];
  journal: string | null;
  year: number | null;
}

const present = (text: string | null | undefined): boolean => Boolean(text?.trim());

/**
 * The parts of the citation that are still unknown, in citation order (empty: the citation is complete).
 * - TITLE: not recorded, blank, or only its beginning is known (titleStatus INCOMPLETE);
 * - AUTHORS: no author with a name;
 * - JOURNAL: no journal (or a blank one);
 * - YEAR: no year.
 * Identifiers (DOI, PMID), volume, issue and pages are not required: many older case reports have none,
 * and the page cites a record fully without them.
 */
export function missingCitationParts(publication: CitationFields): CitationPart[] {
  const missing: CitationPart[] = [];
  const titleStatus = publication.titleStatus ?? TitleStatus.COMPLETE;
  if (!present(publication.title) || titleStatus !== TitleStatus.COMPLETE) missing.push(CitationPart.TITLE);
  if (!publication.authors.some((author) => present(author.family))) missing.push(CitationPart.AUTHORS);
  if (!present(publication.journal)) missing.push(CitationPart.JOURNAL);
  if (publication.year === null || publication.year === undefined) missing.push(CitationPart.YEAR);
  return missing;
}

/**
 * Whether every part of the citation is known. Searches sort records whose citation is incomplete after
 * complete ones at an equal sort key (equal relevance, equal year, equal age): see src/search/README.md.
 */
export function isCitationComplete(publication: CitationFields): boolean {
  return missingCitationParts(publication).length === 0;
}
