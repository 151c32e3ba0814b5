import { buildPublicationSearchDocument, MeshAncestry, PublicationDocumentSource, PublicationSearchDocument } from '../../src/search/publications/publication-search-document';
import { uuid } from './search-fixture.factory';
import { PublicationScreeningDecision } from '../../src/search/publications/publication-search-query';

/**
 * A small publication corpus for the Elasticsearch publication engine's unit specs (built by the real
 * document builder, so the documents have the shape indexing sends). Publication n has id pub(n).
 */
export const pub = (n: number) => uuid('d', n);

/** MeSH: D000001 Hematoma > D000002 Spinal hematoma > D000003 Epidural hematoma; D000004 Headache > D000005 PDPH. */
const MESH_TREE: Record<string, { label: string; parent: string | null }> = {
  D000001: { label: 'Hematoma', parent: null },
  D000002: { label: 'Spinal hematoma', parent: 'D000001' },
  D000003: { label: 'Epidural hematoma', parent: 'D000002' },
  D000004: { label: 'Headache', parent: null },
  D000005: { label: 'Post-dural puncture headache', parent: 'D000004' },
};

export const FIXTURE_MESH: MeshAncestry = {
  ancestorsOf(ui) {
    const out: string[] = [];
    for (let parent = MESH_TREE[ui]?.parent; parent; parent = MESH_TREE[parent]?.parent) out.push(parent);
    return out;
  },
  uiOfLabel(label) {
    return Object.entries(MESH_TREE).find(([, entry]) => entry.label === label)?.[0] ?? null;
  },
};

const heading = (ui: string) => ({ descriptorUi: ui, label: MESH_TREE[ui].label });
const batch = (n: number, review: string | null) => ({ id: uuid('e', n), review });
export const batchId = (n: number) => uuid('e', n);

interface Spec {
  n: number;
  title: string;
  abstract?: string | null;
  year: number | null;
  types?: string[];
  mesh?: string[];
  keywords?: string[];
  journal?: string | null;
  language?: string | null;
  authors?: [string, string?][];
  batches?: { id: string; review: string | null }[];
  cases?: ('SUGGESTED' | 'CURATED')[];
  screenings?: { review: string; decision: PublicationScreeningDecision }[];
}

const SPECS: Spec[] = [
  {
    n: 1,
    title: 'Spinal epidural haematoma after an epidural blood patch',
    abstract: 'A woman developed a spinal epidural hematoma two days after a blood patch & recovered <fully>.',
    year: 2020,
    types: ['Case Reports', 'Journal Article'],
    mesh: ['D000003'],
    journal: 'Anaesthesia',
    language: 'eng',
    authors: [['Smith', 'John'], ['Okonkwo', 'Adaeze']],
    batches: [batch(1, 'Review A')],
    cases: ['CURATED'],
    screenings: [{ review: 'Review A', decision: PublicationScreeningDecision.INCLUDED }],
  },
  {
    n: 2,
    title: 'Post-dural puncture headache in obstetrics',
    abstract: null,
    year: 2018,
    types: ['Review'],
    mesh: ['D000005'],
    keywords: ['arachnoiditis'],
    journal: 'IJOA',
    language: 'ENG',
    authors: [['Brown']],
    batches: [batch(1, 'Review A'), batch(2, 'Review B')],
    cases: ['SUGGESTED'],
    screenings: [
      { review: 'Review A', decision: PublicationScreeningDecision.EXCLUDED },
      { review: 'Review B', decision: PublicationScreeningDecision.INCLUDED },
    ],
  },
  { n: 3, title: 'A letter from Zanzibar', year: null, types: ['Letter'], journal: null, language: null },
  {
    n: 4,
    title: 'Subdural collections and headache after lumbar puncture',
    abstract: 'Two patients; the hematoma resolved without surgery.',
    year: 2015,
    types: ['Case Reports'],
    mesh: ['D000002', 'D000004'],
    journal: 'Anaesthesia',
    language: 'fre',
    authors: [['Dupont', 'Marie']],
    batches: [batch(2, 'Review B')],
    cases: ['SUGGESTED', 'CURATED'],
    screenings: [{ review: 'Review B', decision: PublicationScreeningDecision.CONFLICT }],
  },
  { n: 5, title: 'Intracranial hematoma in a child', year: 2016, types: ['Case Reports'], mesh: ['D000001'], journal: 'Neurology', language: 'eng', batches: [batch(3, null)] },
  {
    n: 6,
    title: 'Epidural analgesia and back pain',
    abstract: 'No hematoma was found in this cohort of 300 women.',
    year: 2020,
    types: ['Journal Article'],
    journal: 'IJOA',
    language: 'eng',
    authors: [['Okonkwo', 'Chidi']],
    cases: ['SUGGESTED'],
  },
  { n: 7, title: 'Headache after epidural blood patch', year: 2009, types: ['Case Reports', 'Letter'], mesh: ['D000005'], journal: 'Neurology', language: 'ger', batches: [batch(3, null)], cases: ['CURATED'] },
  { n: 8, title: 'Arachnoiditis following myelography', abstract: 'The arachnoiditis was chronic.', year: null, types: ['Case Reports'], journal: 'Spine', language: 'eng', cases: ['CURATED', 'SUGGESTED'] },
  { n: 9, title: 'Spinal haematoma: a review', year: 2023, types: ['Review'], mesh: ['D000002'], journal: 'Spine', language: 'eng', batches: [batch(1, 'Review A')] },
  { n: 10, title: 'The the the', abstract: 'Of and or.', year: 2012, types: ['Editorial'], journal: 'IJOA', language: 'eng' },
];

const LOADED_AT = new Date('2026-01-01T00:00:00.000Z');

export function fixturePublicationSource(spec: Spec): PublicationDocumentSource {
  return {
    publication: {
      id: pub(spec.n),
      title: spec.title,
      abstract: spec.abstract ?? null,
      journal: spec.journal ?? null,
      year: spec.year,
      publicationTypes: spec.types ?? [],
      authors: (spec.authors ?? []).map(([family, given]) => ({ family, given: given ?? null })),
      doi: `10.1000/fixture.${spec.n}`,
      pmid: String(30000000 + spec.n),
      meshHeadings: (spec.mesh ?? []).map(heading),
      keywords: spec.keywords ?? [],
      language: spec.language ?? null,
    },
    batches: spec.batches ?? [],
    caseStatuses: spec.cases ?? [],
    screenings: spec.screenings ?? [],
  };
}

/** Ten publications (fresh objects on every call). */
export const FIXTURE_PUBLICATIONS = (): PublicationSearchDocument[] => SPECS.map((spec) => buildPublicationSearchDocument(fixturePublicationSource(spec), FIXTURE_MESH, LOADED_AT));

/** The fixture number of a publication id (pub(7) -> 7). */
export const pubKeyOf = (id: string): number => Number(id.slice(-8));
