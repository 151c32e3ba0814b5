import { isCitationComplete } from '../../publications/citation-completeness';
import { TitleStatus } from '../../publications/title-status.enum';
import { PublicationCaseStatus, PublicationScreeningDecision, NOT_IMPORTED, UNKNOWN_VALUE } from './publication-search-query';

/** One stored publication as both engines index it (publication search counts these). */
export interface PublicationSearchDocument {
  publicationId: string;
  title: string;
  abstract: string | null;
  /** "Family Given" of every author. */
  authors: string[];
  /** MeSH heading labels and keywords, for text search. */
  subjects: string[];
  /** Title, authors, journal and year all known (isCitationComplete): at an equal sort key, complete citations come first. */
  citationComplete: boolean;
  doi: string | null;
  pmid: string | null;
  year: number | null;
  publicationTypes: string[];
  /** MeSH descriptor UIs of the headings AND of their ancestors in the MeSH tree (filters match descendants, counts roll up). */
  meshUis: string[];
  /** The journal as stored, or UNKNOWN. */
  journal: string;
  /** Lower-case language code as stored, or UNKNOWN. */
  language: string;
  /** Review names of the imports that brought it, or NONE. */
  reviews: string[];
  /** Ids of the import batches that brought it, or NONE. */
  importBatchIds: string[];
  caseStatus: PublicationCaseStatus;
  /** The final screening decision in each of its reviews (UNDECIDED where none yet), or NONE when it is in no review. */
  screeningDecisions: PublicationScreeningDecision[];
  /** When the rows were read (ISO 8601). */
  loadedAt: string;
}

/** What the builder reads, loaded by the search module from the publication, case-report and literature tables. */
export interface PublicationDocumentSource {
  publication: {
    id: string;
    title: string | null;
    /** Absent in sources written before title statuses existed (then read from the title alone). */
    titleStatus?: TitleStatus | null;
    abstract: string | null;
    journal: string | null;
    year: number | null;
    publicationTypes: string[];
    authors: { family: string; given?: string | null }[];
    doi: string | null;
    pmid: string | null;
    meshHeadings: { descriptorUi?: string | null; label: string }[];
    keywords: string[];
    language: string | null;
  };
  batches: { id: string; review: string | null }[];
  /** Curation status of each of its case reports. */
  caseStatuses: ('SUGGESTED' | 'CURATED')[];
  /** Final screening decisions by review (reviews without one are UNDECIDED). */
  screenings?: { review: string; decision: PublicationScreeningDecision }[];
}

/** The MeSH hierarchy as the builder needs it: every ancestor descriptor of a descriptor (any tree position). */
export interface MeshAncestry {
  ancestorsOf(descriptorUi: string): readonly string[];
  /** The UI of a descriptor named exactly so (MEDLINE and RIS exports name headings without UIs). */
  uiOfLabel(label: string): string | null;
}

const uniqueSorted = (values: Iterable<string>) => [...new Set(values)].sort();

export function caseStatusOf(statuses: readonly string[]): PublicationCaseStatus {
  if (statuses.includes('CURATED')) return PublicationCaseStatus.CURATED;
  return statuses.length ? PublicationCaseStatus.SUGGESTED : PublicationCaseStatus.NONE;
}

/** Pure: the document of one publication. */
export function buildPublicationSearchDocument(source: PublicationDocumentSource, mesh: MeshAncestry, loadedAt = new Date()): PublicationSearchDocument {
  const p = source.publication;
  const meshUis = new Set<string>();
  for (const heading of p.meshHeadings) {
    const ui = heading.descriptorUi || mesh.uiOfLabel(heading.label);
    if (!ui) continue;
    meshUis.add(ui);
    for (const ancestor of mesh.ancestorsOf(ui)) meshUis.add(ancestor);
  }
  const reviews = uniqueSorted(source.batches.map((batch) => batch.review).filter((review): review is string => Boolean(review)));
  const batchIds = uniqueSorted(source.batches.map((batch) => batch.id));
  return {
    publicationId: p.id,
    title: p.title ?? '',
    abstract: p.abstract,
    authors: p.authors.map((a) => [a.family, a.given].filter(Boolean).join(' ')),
    subjects: [...p.meshHeadings.map((h) => h.label), ...p.keywords],
    citationComplete: isCitationComplete(p),
    doi: p.doi,
    pmid: p.pmid,
    year: p.year,
    publicationTypes: uniqueSorted(p.publicationTypes),
    meshUis: uniqueSorted(meshUis),
    journal: p.journal?.trim() || UNKNOWN_VALUE.value,
    language: p.language?.trim().toLowerCase() || UNKNOWN_VALUE.value,
    reviews: reviews.length ? reviews : [NOT_IMPORTED.value],
    importBatchIds: batchIds.length ? batchIds : [NOT_IMPORTED.value],
    caseStatus: caseStatusOf(source.caseStatuses),
    screeningDecisions: reviews.length
      ? uniqueSorted(reviews.map((review) => source.screenings?.find((s) => s.review === review)?.decision ?? PublicationScreeningDecision.UNDECIDED)) as PublicationScreeningDecision[]
      : [PublicationScreeningDecision.NONE],
    loadedAt: loadedAt.toISOString(),
  };
}
