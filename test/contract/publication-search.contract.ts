import { MeshTree } from '../../src/vocabulary/mesh/mesh-tree';
import { buildPublicationSearchDocument, PublicationDocumentSource, PublicationSearchDocument } from '../../src/search/publications/publication-search-document';
import { PublicationSearchEngine } from '../../src/search/publications/publication-search-engine.port';
import {
  PublicationCaseStatus,
  PublicationFacetName,
  PublicationFacetRequest,
  PublicationScreeningDecision as Screening,
  PublicationSearchFilters,
  PublicationSearchQuery,
  PublicationSearchSort,
} from '../../src/search/publications/publication-search-query';
import { EnginePublicationSearchResult } from '../../src/search/publications/publication-search-result';
import { parseTextQuery } from '../../src/search/query/text-query.parser';
import { CITATION_TIE_ORDER, CITATION_TIE_TEXT, citationTiePublicationDocuments, completedTitle } from './citation-tie.fixture';

export interface PublicationContractEngine {
  engine: PublicationSearchEngine;
  close(): Promise<void>;
}

const uuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const BATCH_A = uuid(900);
const BATCH_B = uuid(901);
const MESH = {
  spinalEpiduralHematoma: 'D046748', // C23.550.414.838.355 under Hematoma D006406
  hematoma: 'D006406',
  headache: 'D006261',
  postDuralPunctureHeadache: 'D051299', // under Headache Disorders, Secondary (not under Headache)
  humans: 'D006801',
};

interface Spec {
  n: number;
  title: string;
  abstract?: string | null;
  year: number | null;
  types: string[];
  mesh?: string[];
  journal?: string | null;
  language?: string | null;
  batches?: { id: string; review: string | null }[];
  cases?: ('SUGGESTED' | 'CURATED')[];
  keywords?: string[];
  /** Final screening decisions by review (reviews without one are UNDECIDED). */
  screenings?: { review: string; decision: Screening }[];
}

/** Ten publications, counted by hand below. */
const SPECS: Spec[] = [
  { n: 1, title: 'Intrathecal hematoma after an epidural blood patch', abstract: 'A postpartum woman developed back pain after a blood patch.', year: 2019, types: ['Case Reports', 'Journal Article'], mesh: [MESH.spinalEpiduralHematoma, MESH.humans], journal: 'Int J Obstet Anesth', language: 'eng', batches: [{ id: BATCH_A, review: 'ebp' }], cases: ['CURATED'], screenings: [{ review: 'ebp', decision: Screening.INCLUDED }] },
  { n: 2, title: 'Spinal subdural haematoma following labour epidural', abstract: 'Case of a parturient with paraplegia.', year: 2012, types: ['Case Reports'], mesh: [MESH.hematoma], journal: 'Anaesthesia', language: 'eng', batches: [{ id: BATCH_A, review: 'ebp' }], cases: ['SUGGESTED'], screenings: [{ review: 'ebp', decision: Screening.CONFLICT }] },
  { n: 3, title: 'Post-dural puncture headache: a review', abstract: 'We review treatments of headache after dural puncture.', year: 2020, types: ['Review'], mesh: [MESH.postDuralPunctureHeadache, MESH.humans], journal: 'Anaesthesia', language: 'eng', batches: [{ id: BATCH_A, review: 'ebp' }, { id: BATCH_B, review: 'pdph' }], screenings: [{ review: 'ebp', decision: Screening.INCLUDED }, { review: 'pdph', decision: Screening.EXCLUDED }] },
  { n: 4, title: 'Epidural blood patch for headache: a randomised trial', abstract: 'Blood patch versus conservative treatment in 100 patients.', year: 2020, types: ['Randomized Controlled Trial'], mesh: [MESH.headache], journal: 'Lancet', language: 'eng', batches: [{ id: BATCH_B, review: 'pdph' }], screenings: [{ review: 'pdph', decision: Screening.MAYBE }] },
  { n: 5, title: 'Hématome sous-dural après péridurale', abstract: null, year: 2005, types: ['Case Reports'], mesh: [MESH.hematoma], journal: 'Ann Fr Anesth Reanim', language: 'fre', batches: [{ id: BATCH_B, review: 'pdph' }], cases: ['SUGGESTED', 'SUGGESTED'] },
  { n: 6, title: 'Two cases of spinal epidural hematoma on anticoagulants', abstract: 'Both patients recovered after laminectomy.', year: 2016, types: ['Case Reports'], mesh: [MESH.spinalEpiduralHematoma], journal: 'Spine', language: 'eng', cases: ['CURATED', 'SUGGESTED'] },
  { n: 7, title: 'Anaesthesia workforce survey', abstract: 'A survey of 500 anaesthetists.', year: null, types: ['Journal Article'], journal: null, language: null, batches: [{ id: BATCH_A, review: 'ebp' }] },
  { n: 8, title: 'Blood patch volume and success', abstract: 'Larger blood patch volumes were not better.', year: 2021, types: ['Observational Study'], mesh: [MESH.headache, MESH.humans], journal: 'Anaesthesia', language: 'eng', batches: [{ id: BATCH_B, review: 'pdph' }] },
  { n: 9, title: 'Cauda equina syndrome after spinal anaesthesia', abstract: 'A man with saddle anaesthesia.', year: 2012, types: ['Case Reports'], journal: 'Spine', language: 'eng', cases: [] , keywords: ['hematoma'] },
  { n: 10, title: 'Subdural hygroma and blood patch', abstract: 'Imaging showed a hygroma.', year: 2019, types: ['Letter'], mesh: [MESH.hematoma], journal: 'Int J Obstet Anesth', language: 'eng', batches: [{ id: BATCH_A, review: 'ebp' }], cases: ['CURATED'] },
];

export const publicationIdOf = (n: number) => uuid(n);
const nOf = (id: string) => Number(id.slice(-12));

export function contractPublicationDocuments(): PublicationSearchDocument[] {
  const mesh = MeshTree.bundled();
  return SPECS.map((spec) => {
    const source: PublicationDocumentSource = {
      publication: {
        id: uuid(spec.n),
        title: spec.title,
        abstract: spec.abstract ?? null,
        journal: spec.journal ?? null,
        year: spec.year,
        publicationTypes: spec.types,
        authors: [{ family: `Author${spec.n}`, given: 'A' }],
        doi: `10.1000/contract.${spec.n}`,
        pmid: String(1000 + spec.n),
        meshHeadings: (spec.mesh ?? []).map((ui) => ({ descriptorUi: ui, label: mesh.labelOf(ui) as string })),
        keywords: spec.keywords ?? [],
        language: spec.language ?? null,
      },
      batches: spec.batches ?? [],
      caseStatuses: spec.cases ?? [],
      screenings: spec.screenings ?? [],
    };
    return buildPublicationSearchDocument(source, mesh, new Date('2026-01-01T00:00:00Z'));
  });
}

interface QueryInput {
  text?: string;
  filters?: PublicationSearchFilters;
  facets?: (PublicationFacetName | PublicationFacetRequest)[];
  sort?: PublicationSearchSort;
  first?: number;
  after?: PublicationSearchQuery['page']['after'];
}

export function publicationQuery(input: QueryInput = {}): PublicationSearchQuery {
  return {
    text: parseTextQuery(input.text),
    filters: input.filters ?? {},
    facets: (input.facets ?? []).map((facet) => (typeof facet === 'string' ? { facet, includeZero: false } : facet)),
    sort: input.sort ?? PublicationSearchSort.RELEVANCE,
    page: { first: input.first ?? 100, after: input.after ?? null },
    highlight: true,
  };
}

const numbers = (result: EnginePublicationSearchResult) => result.hits.map((hit) => nOf(hit.publicationId));
const sorted = (result: EnginePublicationSearchResult) => numbers(result).sort((a, b) => a - b);
const counts = (result: EnginePublicationSearchResult, facet: PublicationFacetName) =>
  Object.fromEntries(
    (result.facets.find((f) => f.facet === facet)?.buckets ?? [])
      .filter((bucket) => bucket.publicationCount > 0)
      .map((bucket) => [bucket.value, bucket.publicationCount])
      .sort(([a], [b]) => String(a).localeCompare(String(b))),
  );

/**
 * What every PublicationSearchEngine must answer on the same ten publications: identical totals,
 * facet counts, and order for year sorts. Expectations were counted by hand from SPECS.
 */
export function describePublicationSearchContract(name: string, open: () => Promise<PublicationContractEngine>): void {
  describe(`publication search contract: ${name}`, () => {
    let handle: PublicationContractEngine;
    let engine: PublicationSearchEngine;
    const search = (input: QueryInput = {}) => engine.search(publicationQuery(input));

    beforeAll(async () => {
      handle = await open();
      engine = handle.engine;
      await engine.ensureIndex();
      await engine.upsert(contractPublicationDocuments());
    });
    afterAll(async () => {
      await handle?.close();
    });

    it('finds every publication without text or filters, with or without cases', async () => {
      const result = await search();
      expect(result.totalPublications).toBe(10);
      expect(sorted(result)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    });

    it('matches text with the case-search syntax (stemming, phrases, exclusion, OR, British spellings)', async () => {
      expect(sorted(await search({ text: 'blood patch' }))).toEqual([1, 4, 8, 10]);
      expect(sorted(await search({ text: '"blood patch" -hygroma' }))).toEqual([1, 4, 8]);
      // Title, British spelling (2), MeSH heading labels (5, 10) and keywords (9) are all text.
      expect(sorted(await search({ text: 'hematoma' }))).toEqual([1, 2, 5, 6, 9, 10]);
      expect(sorted(await search({ text: 'paraplegia OR laminectomy' }))).toEqual([2, 6]);
      expect(sorted(await search({ text: 'Author7' }))).toEqual([7]);
      expect((await search({ text: 'zzzznotaword' })).totalPublications).toBe(0);
      // Typed as text copied from a PDF (a soft hyphen inside) or on a full-width keyboard: the word it shows.
      expect(sorted(await search({ text: 'hema\u00adtoma' }))).toEqual([1, 2, 5, 6, 9, 10]);
      expect(sorted(await search({ text: '\uff48\uff45\uff4d\uff41\uff54\uff4f\uff4d\uff41' }))).toEqual([1, 2, 5, 6, 9, 10]);
    });

    it('filters by year range, type, journal, language, review, import batch and case status', async () => {
      expect(sorted(await search({ filters: { year: { min: 2016, max: 2020 } } }))).toEqual([1, 3, 4, 6, 10]);
      // Bounds beyond any 32-bit integer (Elasticsearch's integer year refuses them in a range query).
      expect(sorted(await search({ filters: { year: { min: 3e9 } } }))).toEqual([]);
      expect(sorted(await search({ filters: { year: { min: -3e9, max: 3e9 } } }))).toEqual([1, 2, 3, 4, 5, 6, 8, 9, 10]);
      expect(sorted(await search({ filters: { publicationTypes: ['Case Reports'] } }))).toEqual([1, 2, 5, 6, 9]);
      expect(sorted(await search({ filters: { journals: ['Anaesthesia', 'UNKNOWN'] } }))).toEqual([2, 3, 7, 8]);
      expect(sorted(await search({ filters: { languages: ['fre'] } }))).toEqual([5]);
      expect(sorted(await search({ filters: { reviews: ['pdph'] } }))).toEqual([3, 4, 5, 8]);
      expect(sorted(await search({ filters: { reviews: ['NONE'] } }))).toEqual([6, 9]);
      expect(sorted(await search({ filters: { importBatches: [BATCH_A] } }))).toEqual([1, 2, 3, 7, 10]);
      expect(sorted(await search({ filters: { caseStatuses: [PublicationCaseStatus.NONE] } }))).toEqual([3, 4, 7, 8, 9]);
      expect(sorted(await search({ filters: { caseStatuses: [PublicationCaseStatus.SUGGESTED] } }))).toEqual([2, 5]);
      expect(sorted(await search({ filters: { caseStatuses: [PublicationCaseStatus.CURATED], publicationTypes: ['Case Reports'] } }))).toEqual([1, 6]);
    });

    it('filters and counts final screening decisions, one per review, with NONE for publications in no review', async () => {
      expect(sorted(await search({ filters: { screeningDecisions: [Screening.INCLUDED] } }))).toEqual([1, 3]);
      expect(sorted(await search({ filters: { screeningDecisions: [Screening.UNDECIDED, Screening.MAYBE] } }))).toEqual([4, 5, 7, 8, 10]);
      expect(sorted(await search({ filters: { screeningDecisions: [Screening.NONE] } }))).toEqual([6, 9]);
      const all = await search({ facets: [PublicationFacetName.SCREENING_DECISION] });
      expect(counts(all, PublicationFacetName.SCREENING_DECISION)).toEqual({ CONFLICT: 1, EXCLUDED: 1, INCLUDED: 2, MAYBE: 1, NONE: 2, UNDECIDED: 4 });
      const pdphIncluded = await search({ filters: { reviews: ['pdph'], screeningDecisions: [Screening.INCLUDED] }, facets: [PublicationFacetName.SCREENING_DECISION, PublicationFacetName.REVIEW] });
      expect(sorted(pdphIncluded)).toEqual([3]);
      // SCREENING_DECISION ignores its own selection: the pdph publications are 3, 4, 5, 8.
      expect(counts(pdphIncluded, PublicationFacetName.SCREENING_DECISION)).toEqual({ EXCLUDED: 1, INCLUDED: 1, MAYBE: 1, UNDECIDED: 2 });
      expect(counts(pdphIncluded, PublicationFacetName.REVIEW)).toEqual({ ebp: 2, pdph: 1 });
    });

    it('matches a MeSH descriptor and everything narrower', async () => {
      expect(sorted(await search({ filters: { meshDescriptors: [MESH.hematoma] } }))).toEqual([1, 2, 5, 6, 10]);
      // Post-Dural Puncture Headache sits under Headache Disorders, Secondary in MeSH 2017, not under Headache.
      expect(sorted(await search({ filters: { meshDescriptors: [MESH.headache] } }))).toEqual([4, 8]);
      expect(sorted(await search({ filters: { meshDescriptors: [MESH.spinalEpiduralHematoma] } }))).toEqual([1, 6]);
    });

    it('counts facets by publication, disjunctively (a facet ignores its own selection)', async () => {
      const result = await search({
        filters: { reviews: ['ebp'], caseStatuses: [PublicationCaseStatus.CURATED] },
        facets: [PublicationFacetName.REVIEW, PublicationFacetName.CASE_STATUS, PublicationFacetName.JOURNAL, PublicationFacetName.PUBLICATION_TYPE, PublicationFacetName.LANGUAGE],
      });
      expect(sorted(result)).toEqual([1, 10]);
      // REVIEW ignores the review filter: curated publications are 1, 6, 10.
      expect(counts(result, PublicationFacetName.REVIEW)).toEqual({ NONE: 1, ebp: 2 });
      // CASE_STATUS ignores its own: ebp publications are 1, 2, 3, 7, 10.
      expect(counts(result, PublicationFacetName.CASE_STATUS)).toEqual({ CURATED: 2, NONE: 2, SUGGESTED: 1 });
      expect(counts(result, PublicationFacetName.JOURNAL)).toEqual({ 'Int J Obstet Anesth': 2 });
      expect(counts(result, PublicationFacetName.PUBLICATION_TYPE)).toEqual({ 'Case Reports': 1, 'Journal Article': 1, Letter: 1 });
      expect(counts(result, PublicationFacetName.LANGUAGE)).toEqual({ eng: 2 });
    });

    it('rolls MeSH counts up the tree and counts journals and languages with unknown as a value', async () => {
      const result = await search({ facets: [PublicationFacetName.MESH_DESCRIPTOR, PublicationFacetName.JOURNAL, PublicationFacetName.LANGUAGE, PublicationFacetName.IMPORT_BATCH] });
      const mesh = counts(result, PublicationFacetName.MESH_DESCRIPTOR);
      expect(mesh[MESH.hematoma]).toBe(5);
      expect(mesh[MESH.spinalEpiduralHematoma]).toBe(2);
      expect(mesh[MESH.headache]).toBe(2);
      expect(mesh[MESH.postDuralPunctureHeadache]).toBe(1);
      expect(mesh[MESH.humans]).toBe(3);
      expect(counts(result, PublicationFacetName.JOURNAL)).toEqual({ Anaesthesia: 3, 'Ann Fr Anesth Reanim': 1, 'Int J Obstet Anesth': 2, Lancet: 1, Spine: 2, UNKNOWN: 1 });
      expect(counts(result, PublicationFacetName.LANGUAGE)).toEqual({ UNKNOWN: 1, eng: 8, fre: 1 });
      expect(counts(result, PublicationFacetName.IMPORT_BATCH)).toEqual({ [BATCH_A]: 5, [BATCH_B]: 4, NONE: 2 });
    });

    it('lists values present in the index with zero publications when asked', async () => {
      const result = await search({ text: 'laminectomy', facets: [{ facet: PublicationFacetName.JOURNAL, includeZero: true }] });
      const journal = result.facets.find((f) => f.facet === PublicationFacetName.JOURNAL);
      const byValue = Object.fromEntries((journal?.buckets ?? []).map((bucket) => [bucket.value, bucket.publicationCount]));
      expect(byValue.Spine).toBe(1);
      expect(byValue.Lancet).toBe(0);
      expect(byValue.UNKNOWN).toBe(0);
    });

    it('gives year statistics and histogram buckets', async () => {
      const result = await search({ facets: [{ facet: PublicationFacetName.YEAR, includeZero: false, interval: 5 }] });
      const stats = result.facets.find((f) => f.facet === PublicationFacetName.YEAR)?.stats;
      expect(stats?.min).toBe(2005);
      expect(stats?.max).toBe(2021);
      const byFrom = Object.fromEntries((stats?.buckets ?? []).filter((b) => b.caseCount > 0).map((b) => [b.from, b.caseCount]));
      expect(byFrom).toEqual({ 2005: 1, 2010: 2, 2015: 3, 2020: 3 });
    });

    it('orders by year both ways with missing years last, ties by id, and pages with the cursor', async () => {
      const desc = await search({ sort: PublicationSearchSort.YEAR_DESC });
      expect(numbers(desc)).toEqual([8, 3, 4, 1, 10, 6, 2, 9, 5, 7]);
      const asc = await search({ sort: PublicationSearchSort.YEAR_ASC });
      expect(numbers(asc)).toEqual([5, 2, 9, 6, 1, 10, 3, 4, 8, 7]);
      const pages: number[] = [];
      let after: PublicationSearchQuery['page']['after'] = null;
      for (let i = 0; i < 10; i++) {
        const page = await search({ sort: PublicationSearchSort.YEAR_DESC, first: 3, after });
        pages.push(...numbers(page));
        const last = page.hits[page.hits.length - 1];
        if (!page.hasNextPage || !last) break;
        after = { sort: PublicationSearchSort.YEAR_DESC, values: last.sortValues, publicationId: last.publicationId };
      }
      expect(pages).toEqual(numbers(desc));
    });

    it('ranks a title match first and highlights title and abstract as safe HTML', async () => {
      const result = await search({ text: 'hygroma' });
      expect(numbers(result)[0]).toBe(10);
      const title = result.hits[0].highlights.find((h) => h.field === 'title');
      expect(title?.snippets.join(' ')).toContain('<mark>hygroma</mark>');
      const paged: number[] = [];
      let after: PublicationSearchQuery['page']['after'] = null;
      for (let i = 0; i < 10; i++) {
        const page = await search({ text: 'blood patch', first: 1, after });
        paged.push(...numbers(page));
        const last = page.hits[page.hits.length - 1];
        if (!page.hasNextPage || !last) break;
        after = { sort: PublicationSearchSort.RELEVANCE, values: last.sortValues, publicationId: last.publicationId };
      }
      expect(paged.sort((a, b) => a - b)).toEqual([1, 4, 8, 10]);
    });

    describe('incomplete citations after complete ones at an equal sort key', () => {
      const tieId = (n: number) => uuid(950 + n);
      const tieDocs = citationTiePublicationDocuments(tieId);
      const records = (result: EnginePublicationSearchResult) => numbers(result).map((n) => n - 950);
      const pageThrough = async (sort: PublicationSearchSort, first: number) => {
        const seen: number[] = [];
        let after: PublicationSearchQuery['page']['after'] = null;
        for (let i = 0; i < 20; i++) {
          const page = await search({ text: CITATION_TIE_TEXT, sort, first, after });
          seen.push(...records(page));
          const last = page.hits[page.hits.length - 1];
          if (!page.hasNextPage || !last) break;
          after = { sort, values: last.sortValues, publicationId: last.publicationId };
        }
        return seen;
      };

      beforeAll(async () => {
        await engine.upsert(tieDocs);
      });
      afterAll(async () => {
        await engine.delete(tieDocs.map((doc) => doc.publicationId));
      });

      it('lists the incomplete ones after the complete ones at equal relevance, and at an equal year', async () => {
        const result = await search({ text: CITATION_TIE_TEXT });
        expect(new Set(result.hits.map((hit) => hit.score)).size).toBe(1);
        expect(records(result)).toEqual(CITATION_TIE_ORDER.relevance);
        expect(result.hits.map((hit) => hit.sortValues[1])).toEqual([1, 1, 1, 0, 0, 0, 0, 0]);
        expect(records(await search({ text: CITATION_TIE_TEXT, sort: PublicationSearchSort.YEAR_DESC }))).toEqual(CITATION_TIE_ORDER.yearDesc);
        expect(records(await search({ text: CITATION_TIE_TEXT, sort: PublicationSearchSort.YEAR_ASC }))).toEqual(CITATION_TIE_ORDER.yearAsc);
      });

      it('pages across the boundary with the cursor, every record exactly once', async () => {
        for (const first of [1, 2, 3]) {
          expect(await pageThrough(PublicationSearchSort.RELEVANCE, first)).toEqual(CITATION_TIE_ORDER.relevance);
          expect(await pageThrough(PublicationSearchSort.YEAR_ASC, first)).toEqual(CITATION_TIE_ORDER.yearAsc);
        }
      });

      it('moves a record up once its citation is completed (a title filled in later)', async () => {
        await engine.upsert(citationTiePublicationDocuments(tieId, completedTitle, new Date('2026-06-01T00:00:00Z')));
        expect(records(await search({ text: CITATION_TIE_TEXT }))).toEqual(CITATION_TIE_ORDER.relevanceAfterTitleFilledIn);
      });
    });

    it('replaces a document on upsert (newer wins) and forgets a deleted one', async () => {
      const [first] = contractPublicationDocuments();
      await engine.upsert([{ ...first, title: 'Renamed arachnoiditis report', loadedAt: '2026-06-01T00:00:00.000Z' }]);
      await engine.upsert([{ ...first, title: 'Older copy must not win', loadedAt: '2025-01-01T00:00:00.000Z' }]);
      expect(numbers(await search({ text: 'arachnoiditis' }))).toEqual([1]);
      expect((await search({ text: 'older copy' })).totalPublications).toBe(0);
      await engine.delete([publicationIdOf(7)]);
      expect((await search()).totalPublications).toBe(9);
      expect(await engine.count()).toBe(9);
    });
  });
}
