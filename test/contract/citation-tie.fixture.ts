import { TitleStatus } from '../../src/publications/title-status.enum';
import { buildPublicationSearchDocument, MeshAncestry, PublicationSearchDocument } from '../../src/search/publications/publication-search-document';
import { SearchDocument } from '../../src/search/indexing/search-document';
import { buildDocuments, CaseSpec, PublicationSpec } from './search-fixture.factory';

/**
 * Eight records that tie on relevance for "quokka" (the word only in one identical sentence of each)
 * and on age, whose citations differ: complete (2, 4, 7) or with one part unknown (1 no authors, 3 title
 * not recorded, 5 no journal, 6 title incomplete, 8 no year). Record 4 is from 2012, the rest from 2011
 * (8: unknown). Shared by the case and publication contracts and the Elasticsearch request specs.
 */
export const CITATION_TIE_TEXT = 'quokka';
const SENTENCE = 'A quokka bit the patient next to the puncture site.';
const TITLE = 'Marsupial bite after spinal anaesthesia';

interface TieSpec {
  n: number;
  title: string | null;
  titleStatus: TitleStatus;
  authors: { family: string; given?: string | null }[];
  journal: string | null;
  year: number | null;
}

const AUTHORS = [{ family: 'Wallaby', given: 'Q' }];
const TIE_SPECS: TieSpec[] = [
  { n: 1, title: TITLE, titleStatus: TitleStatus.COMPLETE, authors: [], journal: 'Fixture Journal', year: 2011 },
  { n: 2, title: TITLE, titleStatus: TitleStatus.COMPLETE, authors: AUTHORS, journal: 'Fixture Journal', year: 2011 },
  { n: 3, title: null, titleStatus: TitleStatus.NOT_RECORDED, authors: AUTHORS, journal: 'Fixture Journal', year: 2011 },
  { n: 4, title: TITLE, titleStatus: TitleStatus.COMPLETE, authors: AUTHORS, journal: 'Fixture Journal', year: 2012 },
  { n: 5, title: TITLE, titleStatus: TitleStatus.COMPLETE, authors: AUTHORS, journal: null, year: 2011 },
  { n: 6, title: TITLE, titleStatus: TitleStatus.INCOMPLETE, authors: AUTHORS, journal: 'Fixture Journal', year: 2011 },
  { n: 7, title: TITLE, titleStatus: TitleStatus.COMPLETE, authors: AUTHORS, journal: 'Fixture Journal', year: 2011 },
  { n: 8, title: TITLE, titleStatus: TitleStatus.COMPLETE, authors: AUTHORS, journal: 'Fixture Journal', year: null },
];

/** The expected orders, by record number. */
export const CITATION_TIE_ORDER = {
  /** Equal scores (and equal ages): complete citations first, then by id. */
  relevance: [2, 4, 7, 1, 3, 5, 6, 8],
  /** 2012 first; within 2011 complete first; the unknown year last. */
  yearDesc: [4, 2, 7, 1, 3, 5, 6, 8],
  yearAsc: [2, 7, 1, 3, 5, 6, 4, 8],
  /** After record 3's title is filled in (see completedTitle). */
  relevanceAfterTitleFilledIn: [2, 3, 4, 7, 1, 5, 6, 8],
};

/** Case keys 901-908, each the only case of publication 901-908. */
const CASE_KEY_OFFSET = 900;
export const citationTieCaseKey = (n: number) => CASE_KEY_OFFSET + n;
export const citationTieRecordOfCaseKey = (key: number) => key - CASE_KEY_OFFSET;

function casePublication(spec: TieSpec): PublicationSpec {
  return { key: citationTieCaseKey(spec.n), title: spec.title, titleStatus: spec.titleStatus, authors: spec.authors, journal: spec.journal, year: spec.year };
}

const caseSpec = (spec: TieSpec): CaseSpec => ({ key: citationTieCaseKey(spec.n), publication: citationTieCaseKey(spec.n), age: 40, summary: SENTENCE, procedures: [['lumbar-puncture']], complications: [['csf-leak', 0, null]] });

/** The case documents; `change` rewrites record specs first (e.g. a title filled in later). */
export function citationTieCaseDocuments(change: (spec: TieSpec) => TieSpec = (spec) => spec, loadedAt?: Date): SearchDocument[] {
  const specs = TIE_SPECS.map(change);
  const docs = buildDocuments(specs.map(casePublication), specs.map(caseSpec));
  return loadedAt ? docs.map((doc) => ({ ...doc, loadedAt: loadedAt.toISOString() })) : docs;
}

/** Record 3 with its title found later: the citation becomes complete. */
export const completedTitle = (spec: TieSpec): TieSpec => (spec.n === 3 ? { ...spec, title: TITLE, titleStatus: TitleStatus.COMPLETE } : spec);

const NO_MESH: MeshAncestry = { ancestorsOf: () => [], uiOfLabel: () => null };

/** Publication ids: `id(950 + n)` in the publication contract's id scheme, given by the caller. */
export function citationTiePublicationDocuments(idOf: (n: number) => string, change: (spec: TieSpec) => TieSpec = (spec) => spec, loadedAt = new Date('2026-01-01T00:00:00Z')): PublicationSearchDocument[] {
  return TIE_SPECS.map(change).map((spec) =>
    buildPublicationSearchDocument(
      {
        publication: {
          id: idOf(spec.n),
          title: spec.title,
          titleStatus: spec.titleStatus,
          abstract: SENTENCE,
          journal: spec.journal,
          year: spec.year,
          publicationTypes: ['Case Reports'],
          authors: spec.authors,
          doi: null,
          pmid: null,
          meshHeadings: [],
          keywords: [],
          language: 'eng',
        },
        batches: [],
        caseStatuses: [],
        screenings: [],
      },
      NO_MESH,
      loadedAt,
    ),
  );
}
