import { Publication } from '../../../publications/publication.entity';
import { titleStatusNote } from '../../../publications/title-status.enum';
import { meshHeadingToText } from '../../formats/mesh-text';
import { citationOf } from '../export-case';

/**
 * The publication columns of both CSV exports, with Rayyan's header names (key, title, year, journal,
 * authors, doi, pubmed_id, ...) so the importer reads an export back. MeSH headings are "; "-separated
 * descriptor names ("Hematoma, Epidural, Spinal" keeps its commas). `notes` (Rayyan's column) says when
 * the title is incomplete or not recorded.
 * authors, doi, pubmed_id, ...) so the importer reads an export back. Lists are "; "-separated; a MeSH
 * heading is written in MEDLINE's notation with its descriptor UI ("*Hematoma, Epidural, Spinal [D020758]":
 * a major topic, and the name keeps its commas).
 */
export const PUBLICATION_CSV_COLUMNS = [
  'publication_id',
  'citation',
  'key',
  'title',
  'authors',
  'journal',
  'year',
  'month',
  'volume',
  'issue',
  'pages',
  'doi',
  'pubmed_id',
  'pmc_id',
  'publication_types',
  'mesh_headings',
  'keywords',
  'language',
  'url',
  'abstract',
  'notes',
] as const;

type PublicationColumn = (typeof PUBLICATION_CSV_COLUMNS)[number];
const num = (value: number | null) => (value === null ? '' : String(value));

export function publicationCells(p: Publication): Record<PublicationColumn, string> {
  return {
    publication_id: p.id,
    citation: citationOf(p),
    key: p.id,
    title: p.title ?? '',
    authors: p.authors.map((author) => (author.given ? `${author.family}, ${author.given}` : author.family)).join('; '),
    journal: p.journal ?? '',
    year: num(p.year),
    month: num(p.month),
    volume: p.volume ?? '',
    issue: p.issue ?? '',
    pages: p.pages ?? '',
    doi: p.doi ?? '',
    pubmed_id: p.pmid ?? '',
    pmc_id: p.pmcid ?? '',
    publication_types: p.publicationTypes.join('; '),
    mesh_headings: p.meshHeadings.map(meshHeadingToText).join('; '),
    keywords: p.keywords.join('; '),
    language: p.language ?? '',
    url: p.url ?? '',
    abstract: p.abstract ?? '',
    notes: titleStatusNote(p.titleStatus) ?? '',
  };
}

/** One row of the publication CSV (cells in PUBLICATION_CSV_COLUMNS order). */
export function publicationToCsvRow(p: Publication): string[] {
  const cells = publicationCells(p);
  return PUBLICATION_CSV_COLUMNS.map((column) => cells[column]);
}

/** The whole publication as JSON (JSON Lines exports), MeSH with descriptor UIs included. */
export function publicationToJson(p: Publication): Record<string, unknown> {
  return {
    id: p.id,
    title: p.title,
    titleStatus: p.titleStatus,
    authors: p.authors,
    journal: p.journal,
    year: p.year,
    month: p.month,
    volume: p.volume,
    issue: p.issue,
    pages: p.pages,
    doi: p.doi,
    pmid: p.pmid,
    pmcid: p.pmcid,
    publicationTypes: p.publicationTypes,
    meshHeadings: p.meshHeadings,
    keywords: p.keywords,
    language: p.language,
    url: p.url,
    abstract: p.abstract,
    citation: citationOf(p),
  };
}
