import { AgeGroup, Anticoagulation, Outcome, PregnancyStatus, Sex } from '../../src/case-reports/case-report.enums';
import { assembleFacets, flattenFacetValues } from '../../src/search/query/facet-assembler';
import { CrossTabAxis, CrossTabCountsRequest, EngineCrossTab } from '../../src/search/query/cross-tab-counts';
import { facetDefinition, FacetName } from '../../src/search/query/facet-registry';
import { FacetRequest, SearchFilters, SearchQuery, SearchSort } from '../../src/search/query/search-query';
import { EngineSearchResult } from '../../src/search/query/search-result';
import { parseTextQuery } from '../../src/search/query/text-query.parser';
import { SearchEngine } from '../../src/search/search-engine.port';
import { caseId, caseKeyOf, FIXTURE_DOCUMENTS, FIXTURE_TERMS, generatedDocuments, TERMS, termId, uuid } from './search-fixture.factory';
import { referenceCrossTab, referenceSearch } from './reference-search';
import { CITATION_TIE_ORDER, CITATION_TIE_TEXT, citationTieCaseDocuments, citationTieRecordOfCaseKey, completedTitle } from './citation-tie.fixture';

export interface ContractEngine {
  engine: SearchEngine;
  close(): Promise<void>;
}

interface QueryInput {
  text?: string;
  /** Search as you type (parseTextQuery's prefixLastWord). */
  typing?: boolean;
  filters?: SearchFilters;
  facets?: (FacetName | FacetRequest)[];
  sort?: SearchSort;
  first?: number;
  after?: SearchQuery['page']['after'];
  highlight?: boolean;
}

export function searchQuery(input: QueryInput = {}): SearchQuery {
  return {
    text: parseTextQuery(input.text, { prefixLastWord: input.typing ?? false }),
    filters: input.filters ?? {},
    facets: (input.facets ?? []).map((facet) => (typeof facet === 'string' ? { facet, includeZero: false } : facet)),
    sort: input.sort ?? SearchSort.RELEVANCE,
    page: { first: input.first ?? 100, after: input.after ?? null },
    highlight: input.highlight ?? true,
  };
}

const keys = (result: EngineSearchResult) => result.hits.map((hit) => caseKeyOf(hit.caseReportId));
const sortedKeys = (result: EngineSearchResult) => keys(result).sort((a, b) => a - b);
const keyOfTerm = (value: string) => FIXTURE_TERMS.find((term) => term.id === value)?.key ?? value;
/** value -> caseCount of one facet, term ids shown as keys. */
const countsOf = (result: EngineSearchResult, facet: FacetName, field: 'caseCount' | 'publicationCount' = 'caseCount') =>
  Object.fromEntries(
    (result.facets.find((f) => f.facet === facet)?.buckets ?? [])
      .filter((bucket) => bucket[field] > 0)
      .map((bucket) => [keyOfTerm(bucket.value), bucket[field]])
      .sort(([a], [b]) => String(a).localeCompare(String(b))),
  );
const ids = (...terms: string[]) => terms.map(termId);

/**
 * The behaviour every SearchEngine must show on the same fixture corpus (built by the factories in
 * search-fixture.factory.ts): same totals, same facet counts, same order for every non-relevance sort.
 * Numbers in the expectations were counted by hand from FIXTURE_CASES.
 */
export function describeSearchEngineContract(name: string, open: () => Promise<ContractEngine>): void {
  describe(`search engine contract: ${name}`, () => {
    let handle: ContractEngine;
    let engine: SearchEngine;
    const docs = FIXTURE_DOCUMENTS();
    const search = (input: QueryInput = {}) => engine.search(searchQuery(input));

    beforeAll(async () => {
      handle = await open();
      engine = handle.engine;
      await engine.ensureIndex();
      await engine.upsert(docs);
    });

    afterAll(async () => {
      await handle?.close();
    });

    describe('totals and empty results', () => {
      it('counts every case and every distinct publication', async () => {
        const result = await search({ first: 0 });
        expect([result.totalCases, result.totalPublications]).toEqual([16, 12]);
        expect(result.hits).toEqual([]);
        expect(await engine.count()).toBe(16);
      });

      it('returns nothing, without error, when nothing matches', async () => {
        const none = await search({ filters: { sex: [Sex.MALE], pregnancyStatuses: [PregnancyStatus.POSTPARTUM] }, facets: [FacetName.OUTCOME, FacetName.COMPLICATION, FacetName.AGE] });
        expect([none.totalCases, none.totalPublications, none.hits.length, none.hasNextPage]).toEqual([0, 0, 0, false]);
        expect(countsOf(none, FacetName.COMPLICATION)).toEqual({});
        expect(none.facets.find((f) => f.facet === FacetName.AGE)?.stats).toMatchObject({ min: null, max: null });
        const text = await search({ text: 'xylophonist' });
        expect([text.totalCases, text.hits.length]).toEqual([0, 0]);
      });
    });

    describe('telling the page early', () => {
      it('calls pageKnown once with the page\'s case ids in order (what the caller then reads), and not for an empty page', async () => {
        const told: (readonly string[])[] = [];
        const result = await engine.search(searchQuery({ text: 'hematoma', first: 3, facets: [FacetName.OUTCOME] }), { pageKnown: (ids) => told.push(ids) });
        expect(result.hits.length).toBeGreaterThan(1);
        expect(told).toEqual([result.hits.map((hit) => hit.caseReportId)]);
        const none: (readonly string[])[] = [];
        await engine.search(searchQuery({ text: 'xylophonist' }), { pageKnown: (ids) => none.push(ids) });
        await engine.search(searchQuery({ first: 0 }), { pageKnown: (ids) => none.push(ids) });
        expect(none).toEqual([]);
      });
    });

    describe('text', () => {
      it('finds a word in the case narrative, with HTML-escaped highlights', async () => {
        const result = await search({ text: 'zanzibar' });
        expect(keys(result)).toEqual([7]);
        const summary = result.hits[0].highlights.find((h) => h.field === 'summary');
        expect(summary?.snippets.join(' ')).toContain('<mark>Zanzibar</mark>');
        // The summary holds "& <b>recovered</b>": escaped (or, PostgreSQL's parser, tags dropped), never live HTML.
        expect(summary?.snippets.join(' ')).toContain('&amp;');
        expect(summary?.snippets.join(' ').replace(/<\/?mark>/g, '')).not.toMatch(/[<>]/);
        expect(typeof result.hits[0].score).toBe('number');
      });

      it('reads a word typed with a soft hyphen inside, in full-width letters or with a ligature as the word it shows', async () => {
        expect(keys(await search({ text: 'zan\u00adzibar' }))).toEqual([7]);
        expect(keys(await search({ text: '\uff5a\uff41\uff4e\uff5a\uff49\uff42\uff41\uff52' }))).toEqual([7]);
        expect(sortedKeys(await search({ text: 'hema\u2060toma' }))).toEqual(sortedKeys(await search({ text: 'hematoma' })));
      });

      it('matches British and American spellings alike, through term labels too', async () => {
        const british = await search({ text: 'haematoma' });
        const american = await search({ text: 'hematoma' });
        expect(sortedKeys(british)).toEqual([1, 2, 3, 4, 5, 6, 7, 10, 11, 13, 14, 15, 16]);
        expect(sortedKeys(american)).toEqual(sortedKeys(british));
      });

      it('keeps a quoted phrase together, while words may be apart', async () => {
        expect(sortedKeys(await search({ text: 'spinal subdural' }))).toEqual([3, 4, 6, 10]);
        expect(sortedKeys(await search({ text: '"spinal subdural"' }))).toEqual([3, 4, 10]);
      });

      it('excludes with a minus, alone or after words', async () => {
        expect(sortedKeys(await search({ text: 'hematoma -intracranial' }))).toEqual([1, 2, 3, 4, 5, 10, 11, 14, 15, 16]);
        expect(sortedKeys(await search({ text: '-hematoma' }))).toEqual([8, 9, 12]);
      });

      it('ORs alternatives', async () => {
        expect(sortedKeys(await search({ text: 'zanzibar OR arachnoiditis' }))).toEqual([4, 7]);
      });

      it('searches term synonyms', async () => {
        expect(sortedKeys(await search({ text: 'PDPH' }))).toEqual([7, 8, 9]);
      });

      it('reads malformed syntax literally instead of failing', async () => {
        expect(keys(await search({ text: '"zanzibar' }))).toEqual([7]);
      });

      it('ranks the obvious best match first', async () => {
        const result = await search({ text: 'intrathecal', sort: SearchSort.RELEVANCE });
        expect(sortedKeys(result)).toEqual([1, 2, 11]);
        expect(keys(result)[0]).toBe(1);
        const scores = result.hits.map((hit) => hit.score as number);
        expect([...scores].sort((a, b) => b - a)).toEqual(scores);
      });

      it('combines text with filters and facets', async () => {
        const result = await search({ text: 'hematoma', filters: { pregnancyStatuses: [PregnancyStatus.POSTPARTUM] }, facets: [FacetName.OUTCOME] });
        expect(sortedKeys(result)).toEqual([1, 3, 7, 11, 13, 14]);
        expect(countsOf(result, FacetName.OUTCOME)).toEqual({ FULL_RECOVERY: 3, PARTIAL_RECOVERY: 1, RESIDUAL_DEFICIT: 1, UNKNOWN: 1 });
      });

      describe('search as you type (prefixes)', () => {
        it('matches a word ending in * as a prefix, in either spelling', async () => {
          const full = sortedKeys(await search({ text: 'hematoma' }));
          expect(sortedKeys(await search({ text: 'hemat*' }))).toEqual(full);
          expect(sortedKeys(await search({ text: 'haemat*' }))).toEqual(full);
          expect(sortedKeys(await search({ text: 'hemat' }))).toEqual([]);
        });

        it('matches the last word being typed as a prefix (prefixLastWord), the others as words', async () => {
          expect(keys(await search({ text: 'zanzi', typing: true }))).toEqual([7]);
          expect(sortedKeys(await search({ text: 'intrathecal hemat', typing: true }))).toEqual([1, 2, 11]);
          expect(sortedKeys(await search({ text: 'arachno', typing: true }))).toEqual([4]);
          // A finished word (a space after it) is a word again; so is every word but the last.
          expect(sortedKeys(await search({ text: 'zanzi ', typing: true }))).toEqual([]);
          expect(sortedKeys(await search({ text: 'zanzi arachnoiditis', typing: true }))).toEqual([]);
        });

        it('keeps the words of a prefix together like a phrase, also while a quote is open', async () => {
          expect(sortedKeys(await search({ text: 'post-dur*' }))).toEqual([7, 8, 9]);
          expect(sortedKeys(await search({ text: '"spinal subd', typing: true }))).toEqual([3, 4, 6, 10]);
          expect(sortedKeys(await search({ text: '"spinal subdural"' }))).toEqual([3, 4, 10]);
        });

        it('excludes by prefix', async () => {
          expect(sortedKeys(await search({ text: 'hematoma -intracran*' }))).toEqual([1, 2, 3, 4, 5, 10, 11, 14, 15, 16]);
        });

        it('highlights the words a prefix matched', async () => {
          const result = await search({ text: 'zanzi', typing: true });
          expect(result.hits[0].highlights.find((h) => h.field === 'summary')?.snippets.join(' ')).toContain('<mark>Zanzibar</mark>');
        });
      });

      it('combines text with filters under a sort other than relevance', async () => {
        const filters = { pregnancyStatuses: [PregnancyStatus.POSTPARTUM] };
        const byRelevance = await search({ text: 'hematoma', filters });
        const byYear = await search({ text: 'hematoma', filters, sort: SearchSort.YEAR_DESC, facets: [FacetName.PREGNANCY_STATUS, FacetName.OUTCOME] });
        expect(sortedKeys(byYear)).toEqual(sortedKeys(byRelevance));
        const years = byYear.hits.map((hit) => docs.find((doc) => doc.caseReportId === hit.caseReportId)?.year ?? null);
        expect(years.filter((year): year is number => year !== null)).toEqual([...years.filter((year): year is number => year !== null)].sort((a, b) => b - a));
      });
    });

    describe('filters (OR within a filter, AND across filters)', () => {
      it.each<[string, SearchFilters, number[]]>([
        ['a parent complication includes its descendants', { complications: ids('spinal-hematoma') }, [1, 2, 3, 4, 5, 10, 11, 14, 15, 16]],
        ['procedures', { procedures: ids('epidural-blood-patch') }, [1, 2, 3, 4, 9, 11, 12, 13, 14]],
        ['a parent treatment includes its descendants', { treatments: ids('conservative-management') }, [1, 2, 7, 9, 10, 11, 16]],
        ['treatment not reported', { treatments: ['UNKNOWN'] }, [3, 8, 12]],
        ['symptoms', { symptoms: ids('headache') }, [6, 7, 8, 13]],
        ['sex', { sex: [Sex.MALE] }, [5, 6, 10, 15]],
        ['unknown sex is a value', { sex: [Sex.UNKNOWN] }, [8]],
        ['age groups', { ageGroups: [AgeGroup.OLDER_ADULT, AgeGroup.CHILD] }, [5, 10, 15, 16]],
        ['unknown age group', { ageGroups: [AgeGroup.UNKNOWN] }, [7, 8]],
        ['pregnancy statuses', { pregnancyStatuses: [PregnancyStatus.PREGNANT, PregnancyStatus.POSTPARTUM] }, [1, 3, 4, 7, 11, 12, 13, 14]],
        ['anticoagulation', { anticoagulation: [Anticoagulation.ANTICOAGULANT] }, [5, 16]],
        ['outcomes', { outcomes: [Outcome.DEATH] }, [6, 15]],
        ['publication types', { publicationTypes: ['Letter', 'Journal Article'] }, [6, 9]],
        ['year range, inclusive', { year: { min: 2015, max: 2020 } }, [1, 3, 4, 6, 11, 12, 13, 14]],
        // Bounds beyond any 32-bit integer (Elasticsearch's integer year refuses them in a range query).
        ['a year after any integer', { year: { min: 3e9 } }, []],
        ['a year range wider than any integer', { year: { min: -3e9, max: 3e9 } }, [1, 2, 3, 4, 5, 6, 7, 8, 10, 11, 12, 13, 14, 15, 16]],
        ['age from', { age: { min: 65 } }, [5, 15, 16]],
        ['age up to', { age: { max: 30 } }, [2, 4, 10, 12]],
        ['blood-patch volume: some patch in range', { bloodPatchVolumeMl: { min: 24, max: 26 } }, [4]],
        ['blood-patch volume range', { bloodPatchVolumeMl: { min: 20, max: 22 } }, [1, 12, 13, 14]],
        ['onset hours from', { onsetHours: { min: 100 } }, [4, 6, 7, 13]],
        ['onset hours up to', { onsetHours: { max: 10 } }, [5, 15, 16]],
        ['known outcome', { outcomeKnown: false }, [3, 8, 12]],
        ['across filters', { pregnancyStatuses: [PregnancyStatus.POSTPARTUM], complications: ids('intrathecal-hematoma', 'spinal-subdural-hematoma') }, [1, 3, 11]],
      ])('%s', async (_, filters, expected) => {
        const result = await search({ filters, sort: SearchSort.YEAR_DESC });
        expect(sortedKeys(result)).toEqual(expected);
        expect(result.totalCases).toBe(expected.length);
      });

      describe('complication after procedure (complicationsFollowProcedures)', () => {
        it.each<[string, SearchFilters, number[], number[]]>([
          // [name, filters, hits linked, hits with the same selection unlinked]
          ['a hematoma after a blood patch, not one after a lumbar puncture later treated with a patch', { complications: ids('hematoma'), procedures: ids('epidural-blood-patch') }, [1, 3, 4, 11, 13, 14], [1, 2, 3, 4, 11, 13, 14]],
          ['parents on both sides include their descendants', { complications: ids('spinal-hematoma'), procedures: ids('epidural-injection') }, [1, 3, 4, 5, 11, 14, 15, 16], [1, 2, 3, 4, 5, 11, 14, 15, 16]],
          ['the labour epidural the blood-patch hematomas also had', { complications: ids('hematoma'), procedures: ids('labour-epidural-analgesia') }, [7], [1, 7, 14]],
          ['one side selected filters as usual', { complications: ids('intrathecal-hematoma') }, [1, 2, 11], [1, 2, 11]],
        ])('%s', async (_, filters, linked, unlinked) => {
          const result = await search({ filters: { ...filters, complicationsFollowProcedures: true }, sort: SearchSort.YEAR_DESC });
          expect(sortedKeys(result)).toEqual(linked);
          expect(result.totalCases).toBe(linked.length);
          expect(sortedKeys(await search({ filters, sort: SearchSort.YEAR_DESC }))).toEqual(unlinked);
        });

        it('counts complications after the selected procedures, and procedures before the selected complications', async () => {
          const filters: SearchFilters = { complications: ids('hematoma'), procedures: ids('epidural-blood-patch'), complicationsFollowProcedures: true };
          const result = await search({ filters, facets: [FacetName.COMPLICATION, FacetName.PROCEDURE, FacetName.OUTCOME] });
          expect([result.totalCases, result.totalPublications]).toEqual([6, 4]);
          expect(countsOf(result, FacetName.COMPLICATION)).toEqual({
            arachnoiditis: 1,
            'csf-leak': 1,
            hematoma: 6,
            'intracranial-subdural-hematoma': 1,
            'intrathecal-hematoma': 2,
            'spinal-epidural-hematoma': 1,
            'spinal-hematoma': 5,
            'spinal-subdural-hematoma': 2,
          });
          expect(countsOf(result, FacetName.COMPLICATION, 'publicationCount')).toMatchObject({ hematoma: 4, 'spinal-hematoma': 4, 'spinal-subdural-hematoma': 1, 'intrathecal-hematoma': 2 });
          expect(countsOf(result, FacetName.PROCEDURE)).toEqual({ 'epidural-blood-patch': 6, 'epidural-injection': 9, 'epidural-steroid-injection': 3, 'labour-epidural-analgesia': 1, 'lumbar-puncture': 3 });
          expect(countsOf(result, FacetName.OUTCOME)).toEqual({ FULL_RECOVERY: 2, PARTIAL_RECOVERY: 2, RESIDUAL_DEFICIT: 1, UNKNOWN: 1 });
          // Without the link: every complication of a case with a blood patch, every procedure of a case with a hematoma.
          const plain = await search({ filters: { ...filters, complicationsFollowProcedures: false }, facets: [FacetName.COMPLICATION, FacetName.PROCEDURE] });
          expect(countsOf(plain, FacetName.COMPLICATION)).toMatchObject({ 'intrathecal-hematoma': 3, hematoma: 7 });
          expect(countsOf(plain, FacetName.PROCEDURE)).toMatchObject({ 'epidural-blood-patch': 7, 'labour-epidural-analgesia': 3 });
        });

        it('counts linked values with one side selected too (what selecting the value would give)', async () => {
          const result = await search({ filters: { procedures: ids('labour-epidural-analgesia'), complicationsFollowProcedures: true }, facets: [FacetName.COMPLICATION, FacetName.PROCEDURE] });
          expect(sortedKeys(result)).toEqual([1, 7, 14]);
          expect(countsOf(result, FacetName.COMPLICATION)).toEqual({ 'csf-leak': 1, hematoma: 1, 'intracranial-subdural-hematoma': 1, 'post-dural-puncture-headache': 1 });
          expect(countsOf(result, FacetName.PROCEDURE)).toMatchObject({ 'labour-epidural-analgesia': 3, 'epidural-blood-patch': 9 });
        });
      });

      it('counts distinct publications of the matching cases', async () => {
        const result = await search({ filters: { year: { min: 2015, max: 2020 } }, first: 0 });
        expect([result.totalCases, result.totalPublications]).toEqual([8, 5]);
      });

      it('knows outcomes are known for the rest', async () => {
        expect((await search({ filters: { outcomeKnown: true }, first: 0 })).totalCases).toBe(13);
      });
    });

    describe('facets', () => {
      it('counts disjunctively: a facet ignores its own selection, applies the others', async () => {
        const result = await search({ filters: { pregnancyStatuses: [PregnancyStatus.POSTPARTUM], outcomes: [Outcome.FULL_RECOVERY] }, facets: [FacetName.PREGNANCY_STATUS, FacetName.OUTCOME, FacetName.SEX] });
        expect(sortedKeys(result)).toEqual([1, 7, 11]);
        expect(countsOf(result, FacetName.PREGNANCY_STATUS)).toEqual({ NOT_PREGNANT: 3, POSTPARTUM: 3 });
        expect(countsOf(result, FacetName.OUTCOME)).toEqual({ FULL_RECOVERY: 3, PARTIAL_RECOVERY: 1, RESIDUAL_DEFICIT: 1, UNKNOWN: 2 });
        expect(countsOf(result, FacetName.OUTCOME, 'publicationCount')).toEqual({ FULL_RECOVERY: 3, PARTIAL_RECOVERY: 1, RESIDUAL_DEFICIT: 1, UNKNOWN: 2 });
        expect(countsOf(result, FacetName.SEX)).toEqual({ FEMALE: 3 });
      });

      it('rolls complication counts up the tree (distinct cases, not sums)', async () => {
        const result = await search({ facets: [FacetName.COMPLICATION] });
        expect(countsOf(result, FacetName.COMPLICATION)).toEqual({
          arachnoiditis: 1,
          'csf-leak': 4,
          hematoma: 13,
          'intracranial-subdural-hematoma': 3,
          'intrathecal-hematoma': 3,
          'post-dural-puncture-headache': 3,
          'spinal-epidural-hematoma': 4,
          'spinal-hematoma': 10,
          'spinal-subdural-hematoma': 3,
        });
        expect(countsOf(result, FacetName.COMPLICATION, 'publicationCount')).toMatchObject({ hematoma: 10, 'spinal-hematoma': 8, 'csf-leak': 4 });
        const [tree] = assembleFacets([{ facet: FacetName.COMPLICATION, includeZero: false }], result.facets, { complications: ids('intrathecal-hematoma') }, TERMS);
        expect(tree.values.map((v) => [v.label, v.caseCount])).toEqual([['Hematoma', 13], ['Csf leak', 4], ['Arachnoiditis', 1]]);
        const spinal = tree.values[0].children.find((v) => v.label === 'Spinal hematoma');
        expect(spinal?.children.map((v) => [v.label, v.caseCount, v.selected])).toEqual([
          ['Spinal epidural hematoma', 4, false],
          ['Intrathecal hematoma', 3, true],
          ['Spinal subdural hematoma', 3, false],
        ]);
      });

      it('counts "not reported" treatments and rolled-up procedures', async () => {
        const result = await search({ facets: [FacetName.TREATMENT, FacetName.PROCEDURE, FacetName.SYMPTOM, FacetName.PUBLICATION_TYPE] });
        expect(countsOf(result, FacetName.TREATMENT)).toMatchObject({ UNKNOWN: 3, 'conservative-management': 7, observation: 5, 'surgical-management': 6 });
        expect(countsOf(result, FacetName.PROCEDURE)).toMatchObject({ 'epidural-injection': 12, 'epidural-blood-patch': 9, 'lumbar-puncture': 4 });
        expect(countsOf(result, FacetName.SYMPTOM)).toEqual({ 'back-pain': 5, headache: 4, 'orthostatic-headache': 1, paraplegia: 2 });
        expect(countsOf(result, FacetName.PUBLICATION_TYPE)).toEqual({ 'Case Reports': 14, 'Journal Article': 1, Letter: 1, Review: 1 });
      });

      it('lists zero-count values on request', async () => {
        const result = await search({ filters: { sex: [Sex.MALE] }, facets: [{ facet: FacetName.PUBLICATION_TYPE, includeZero: true }, { facet: FacetName.OUTCOME, includeZero: true }] });
        const types = result.facets.find((f) => f.facet === FacetName.PUBLICATION_TYPE)?.buckets.map((b) => [b.value, b.caseCount]).sort();
        expect(types).toEqual([['Case Reports', 3], ['Journal Article', 1], ['Letter', 0], ['Review', 0]]);
        const [outcomes] = assembleFacets([{ facet: FacetName.OUTCOME, includeZero: true }], result.facets.filter((f) => f.facet === FacetName.OUTCOME), {}, TERMS);
        expect(outcomes.values.map((v) => [v.value, v.caseCount])).toEqual([['FULL_RECOVERY', 1], ['IMPROVED_UNSPECIFIED', 0], ['PARTIAL_RECOVERY', 0], ['RESIDUAL_DEFICIT', 1], ['DEATH', 2], ['UNKNOWN', 0]]);
      });

      it('gives numeric stats and histograms, each case once per bucket', async () => {
        const result = await search({ facets: [{ facet: FacetName.AGE, includeZero: false, interval: 10 }, { facet: FacetName.BLOOD_PATCH_VOLUME, includeZero: false, interval: 5 }, { facet: FacetName.YEAR, includeZero: false, interval: 10 }] });
        const stats = (facet: FacetName) => {
          const s = result.facets.find((f) => f.facet === facet)?.stats;
          return s && { min: s.min, max: s.max, buckets: s.buckets.filter((b) => b.caseCount > 0).map((b) => [b.from, b.to, b.caseCount]) };
        };
        expect(stats(FacetName.AGE)).toEqual({ min: 8, max: 70, buckets: [[0, 10, 1], [20, 30, 3], [30, 40, 5], [40, 50, 2], [60, 70, 2], [70, 80, 1]] });
        expect(stats(FacetName.BLOOD_PATCH_VOLUME)).toEqual({ min: 10, max: 30, buckets: [[10, 15, 1], [15, 20, 2], [20, 25, 4], [25, 30, 1], [30, 35, 1]] });
        expect(stats(FacetName.YEAR)).toEqual({ min: 1999, max: 2022, buckets: [[1990, 2000, 1], [2000, 2010, 3], [2010, 2020, 8], [2020, 2030, 3]] });
      });

      it('keeps a numeric facet\'s range while its own range filter narrows the hits', async () => {
        const result = await search({ filters: { bloodPatchVolumeMl: { min: 26 } }, facets: [{ facet: FacetName.BLOOD_PATCH_VOLUME, includeZero: false, interval: 5 }] });
        expect(keys(result)).toEqual([4]);
        expect(result.facets[0].stats).toMatchObject({ min: 10, max: 30 });
      });

      it('agrees with a naive reference evaluation on many filter combinations', async () => {
        const filterSets: SearchFilters[] = [
          { pregnancyStatuses: [PregnancyStatus.POSTPARTUM], complications: ids('hematoma') },
          { sex: [Sex.FEMALE], treatments: ['UNKNOWN', termId('corticosteroids')], year: { min: 2010 } },
          { outcomes: [Outcome.FULL_RECOVERY, Outcome.UNKNOWN], procedures: ids('epidural-blood-patch'), onsetHours: { max: 50 } },
          { ageGroups: [AgeGroup.ADULT], bloodPatchVolumeMl: { min: 15, max: 20 }, outcomeKnown: true },
          { symptoms: ids('back-pain', 'headache'), anticoagulation: [Anticoagulation.UNKNOWN], age: { min: 20, max: 40 }, publicationTypes: ['Case Reports'] },
          { complications: ids('hematoma', 'csf-leak'), procedures: ids('epidural-injection', 'lumbar-puncture'), complicationsFollowProcedures: true, sex: [Sex.FEMALE] },
          { complications: ids('spinal-hematoma'), complicationsFollowProcedures: true, outcomes: [Outcome.FULL_RECOVERY, Outcome.PARTIAL_RECOVERY] },
          { procedures: ids('epidural-blood-patch', 'epidural-injection'), complicationsFollowProcedures: true },
        ];
        const facets = Object.values(FacetName).map((facet) => ({ facet, includeZero: false }));
        for (const filters of filterSets) {
          const query = searchQuery({ filters, facets, sort: SearchSort.AGE_DESC });
          const [actual, expected] = [await engine.search(query), referenceSearch(docs, query)];
          expect({ ids: actual.hits.map((h) => h.caseReportId), total: actual.totalCases, publications: actual.totalPublications }).toEqual({ ids: expected.ids, total: expected.totalCases, publications: expected.totalPublications });
          for (const facet of expected.facets) {
            const engineFacet = actual.facets.find((f) => f.facet === facet.facet);
            const norm = (buckets: { value: string; caseCount: number; publicationCount: number }[]) => buckets.filter((b) => b.caseCount > 0).sort((a, b) => a.value.localeCompare(b.value));
            expect({ facet: facet.facet, buckets: norm(engineFacet?.buckets ?? []) }).toEqual({ facet: facet.facet, buckets: norm(facet.buckets) });
            if (facet.stats) {
              expect({ facet: facet.facet, min: engineFacet?.stats?.min, max: engineFacet?.stats?.max, buckets: engineFacet?.stats?.buckets.filter((b) => b.caseCount > 0) }).toEqual({ facet: facet.facet, min: facet.stats.min, max: facet.stats.max, buckets: facet.stats.buckets });
            }
          }
        }
      });
    });

    describe('cross-tab (two facets counted in one pass)', () => {
      const axis = (facet: FacetName, unknownValue = 'UNKNOWN'): CrossTabAxis => ({ facet, unknownValue });
      const shown = (value: string) => keyOfTerm(value);
      /** A cross-tab as sorted "value: cases/publications" lines, term ids shown as keys. */
      const lines = (tab: Pick<EngineCrossTab, 'rows' | 'columns' | 'cells'>) => ({
        rows: tab.rows.map((b) => `${shown(b.value)}: ${b.caseCount}/${b.publicationCount}`).sort(),
        columns: tab.columns.map((b) => `${shown(b.value)}: ${b.caseCount}/${b.publicationCount}`).sort(),
        cells: tab.cells.map((c) => `${shown(c.row)} x ${shown(c.column)}: ${c.caseCount}/${c.publicationCount}`).sort(),
      });
      const fieldValues = (facet: FacetName) => [...new Set(docs.flatMap((doc) => [(doc as unknown as Record<string, unknown>)[facetDefinition(facet).field]].flat() as string[]))];

      /**
       * The same counts from separate searches, one per value and per pair, each filtering on the value(s):
       * every value a fixture case holds, the unknown included where a filter can select it.
       */
      async function bySearches(input: QueryInput, request: CrossTabCountsRequest) {
        const count = async (extra: SearchFilters) => {
          const result = await search({ ...input, filters: { ...input.filters, ...extra }, first: 0 });
          return [result.totalCases, result.totalPublications] as const;
        };
        const filterOf = (facet: FacetName, value: string): SearchFilters => ({ [facetDefinition(facet).filterKey]: [value] });
        const tab: Pick<EngineCrossTab, 'rows' | 'columns' | 'cells'> = { rows: [], columns: [], cells: [] };
        for (const [side, a] of [['rows', request.rows], ['columns', request.columns]] as const) {
          for (const value of fieldValues(a.facet)) {
            const [caseCount, publicationCount] = await count(filterOf(a.facet, value));
            if (caseCount) tab[side].push({ value, caseCount, publicationCount });
          }
        }
        for (const row of tab.rows) {
          for (const column of tab.columns) {
            const [caseCount, publicationCount] = await count({ ...filterOf(request.rows.facet, row.value), ...filterOf(request.columns.facet, column.value) });
            if (caseCount) tab.cells.push({ row: row.value, column: column.value, caseCount, publicationCount });
          }
        }
        return tab;
      }

      it('counts each cell and margin as separate filtered searches do (TREATMENT x OUTCOME, "not reported" included)', async () => {
        const request = { rows: axis(FacetName.TREATMENT), columns: axis(FacetName.OUTCOME) };
        const tab = await engine.crossTab(searchQuery(), request);
        expect([tab.totalCases, tab.totalPublications]).toEqual([16, 12]);
        expect(lines(tab)).toEqual(lines(await bySearches({}, request)));
        // Hand-counted: conservative-management rolls up corticosteroids and observation (cases 1, 2, 7, 9, 10, 11, 16).
        expect(lines(tab).rows).toContain('conservative-management: 7/7');
        expect(lines(tab).cells).toEqual(expect.arrayContaining(['conservative-management x FULL_RECOVERY: 6/6', 'UNKNOWN x UNKNOWN: 3/3', 'decompressive-laminectomy x PARTIAL_RECOVERY: 2/2']));
      });

      it('applies text and filters to every count, and puts cases without any value in the unknown row', async () => {
        const input: QueryInput = { text: 'hematoma', filters: { sex: [Sex.FEMALE] } };
        const request = { rows: axis(FacetName.SYMPTOM, 'NONE'), columns: axis(FacetName.PREGNANCY_STATUS) };
        const tab = await engine.crossTab(searchQuery(input), request);
        const total = await search({ ...input, first: 0 });
        expect([tab.totalCases, tab.totalPublications]).toEqual([total.totalCases, total.totalPublications]);
        const known = (t: Pick<EngineCrossTab, 'rows' | 'columns' | 'cells'>) => ({ ...t, rows: t.rows.filter((b) => b.value !== 'NONE'), cells: t.cells.filter((c) => c.row !== 'NONE') });
        expect(lines(known(tab))).toEqual(lines(await bySearches(input, request)));
        // No symptom: every matching case minus those with some symptom.
        const withSymptom = await search({ ...input, filters: { ...input.filters, symptoms: fieldValues(FacetName.SYMPTOM) }, first: 0 });
        expect(tab.rows.find((b) => b.value === 'NONE')?.caseCount ?? 0).toBe(total.totalCases - withSymptom.totalCases);
        expect(tab.rows.find((b) => b.value === 'NONE')?.caseCount).toBeGreaterThan(0);
      });

      it('agrees with a naive reference evaluation, multi-valued on both sides and with an axis\'s own selection', async () => {
        const cases: [SearchFilters, CrossTabCountsRequest][] = [
          [{}, { rows: axis(FacetName.COMPLICATION, 'NONE'), columns: axis(FacetName.TREATMENT) }],
          [{ complications: ids('spinal-hematoma') }, { rows: axis(FacetName.COMPLICATION, 'NONE'), columns: axis(FacetName.SYMPTOM, 'NONE') }],
          [{ treatments: ids('corticosteroids') }, { rows: axis(FacetName.TREATMENT), columns: axis(FacetName.PROCEDURE, 'NONE') }],
          [{ pregnancyStatuses: [PregnancyStatus.POSTPARTUM, PregnancyStatus.PREGNANT] }, { rows: axis(FacetName.OUTCOME), columns: axis(FacetName.CURATION_STATUS) }],
          [{ complications: ids('hematoma'), procedures: ids('epidural-blood-patch'), complicationsFollowProcedures: true }, { rows: axis(FacetName.PUBLICATION_TYPE, 'NONE'), columns: axis(FacetName.AGE_GROUP) }],
          [{ outcomes: [Outcome.DEATH], year: { min: 2030 } }, { rows: axis(FacetName.SEX), columns: axis(FacetName.OUTCOME) }],
        ];
        for (const [filters, request] of cases) {
          const query = searchQuery({ filters });
          const [actual, expected] = [await engine.crossTab(query, request), referenceCrossTab(docs, query, request)];
          expect({ request, totals: [actual.totalCases, actual.totalPublications], ...lines(actual) }).toEqual({ request, totals: [expected.totalCases, expected.totalPublications], ...lines(expected) });
        }
      });

      it('without publications counts the same cases and no publications (every publication count 0)', async () => {
        for (const [filters, axes] of [
          [{}, { rows: axis(FacetName.TREATMENT), columns: axis(FacetName.OUTCOME) }],
          [{ pregnancyStatuses: [PregnancyStatus.POSTPARTUM, PregnancyStatus.PREGNANT] }, { rows: axis(FacetName.OUTCOME), columns: axis(FacetName.CURATION_STATUS) }],
          [{ complications: ids('spinal-hematoma') }, { rows: axis(FacetName.COMPLICATION, 'NONE'), columns: axis(FacetName.SYMPTOM, 'NONE') }],
        ] as [SearchFilters, CrossTabCountsRequest][]) {
          const query = searchQuery({ filters });
          const counted = await engine.crossTab(query, axes);
          const casesOnly = await engine.crossTab(query, { ...axes, publications: false });
          const zeroed = (tab: EngineCrossTab) => ({
            totals: [tab.totalCases, 0],
            ...lines({ rows: tab.rows.map((b) => ({ ...b, publicationCount: 0 })), columns: tab.columns.map((b) => ({ ...b, publicationCount: 0 })), cells: tab.cells.map((c) => ({ ...c, publicationCount: 0 })) }),
          });
          expect({ totals: [casesOnly.totalCases, casesOnly.totalPublications], ...lines(casesOnly) }).toEqual(zeroed(counted));
          // Asking again with publications gives them again (an answer without them is not reused).
          expect(lines(await engine.crossTab(query, { ...axes, publications: true }))).toEqual(lines(counted));
        }
      });

      it('sees a write at the next call (an answer is never kept across index changes)', async () => {
        const request = { rows: axis(FacetName.OUTCOME), columns: axis(FacetName.SEX) };
        const before = await engine.crossTab(searchQuery(), request);
        expect(await engine.crossTab(searchQuery(), request)).toEqual(before);
        const changed = { ...docs[1], outcome: Outcome.DEATH, hasKnownOutcome: true, loadedAt: new Date().toISOString() };
        try {
          await engine.upsert([changed]);
          const after = await engine.crossTab(searchQuery(), request);
          expect(lines(after)).toEqual(lines(referenceCrossTab(docs.map((doc) => (doc.caseReportId === changed.caseReportId ? changed : doc)), searchQuery(), request)));
          expect(lines(after)).not.toEqual(lines(before));
          await engine.delete([changed.caseReportId]);
          expect((await engine.crossTab(searchQuery(), request)).totalCases).toBe(before.totalCases - 1);
        } finally {
          await engine.upsert([{ ...docs[1], loadedAt: new Date().toISOString() }]);
        }
        expect(lines(await engine.crossTab(searchQuery(), request))).toEqual(lines(before));
      });

      it('refuses a numeric facet', async () => {
        await expect(engine.crossTab(searchQuery(), { rows: axis(FacetName.AGE), columns: axis(FacetName.OUTCOME) })).rejects.toThrow(/numeric/);
      });
    });

    describe('sorting and pagination', () => {
      it.each<[SearchSort, number[]]>([
        [SearchSort.YEAR_DESC, [7, 10, 1, 11, 12, 13, 6, 3, 4, 14, 5, 15, 16, 2, 8, 9]],
        [SearchSort.YEAR_ASC, [8, 2, 15, 16, 5, 14, 3, 4, 6, 11, 12, 13, 1, 10, 7, 9]],
        [SearchSort.AGE_ASC, [10, 12, 2, 4, 1, 11, 14, 3, 13, 9, 6, 16, 5, 15, 7, 8]],
        [SearchSort.AGE_DESC, [15, 5, 16, 6, 9, 13, 3, 14, 11, 1, 4, 2, 12, 10, 7, 8]],
        [SearchSort.RELEVANCE, [7, 10, 1, 11, 12, 13, 6, 3, 4, 14, 5, 15, 16, 2, 8, 9]],
      ])('%s: missing values last, ties by id', async (sort, expected) => {
        expect(keys(await search({ sort }))).toEqual(expected);
      });

      it('pages with the sort values of the last hit, without gaps or repeats', async () => {
        for (const sort of [SearchSort.YEAR_DESC, SearchSort.AGE_ASC]) {
          const seen: number[] = [];
          let after: SearchQuery['page']['after'] = null;
          for (let page = 0; page < 10; page++) {
            const result = await search({ sort, first: 5, after });
            seen.push(...keys(result));
            if (!result.hasNextPage) break;
            const last = result.hits[result.hits.length - 1];
            after = { sort, values: last.sortValues, caseReportId: last.caseReportId };
          }
          expect(seen).toEqual(keys(await search({ sort })));
        }
      });

      it('pages through relevance-ranked text hits too', async () => {
        const all = keys(await search({ text: 'hematoma', sort: SearchSort.RELEVANCE }));
        const seen: number[] = [];
        let after: SearchQuery['page']['after'] = null;
        for (let page = 0; page < 10; page++) {
          const result = await search({ text: 'hematoma', sort: SearchSort.RELEVANCE, first: 4, after, highlight: false });
          seen.push(...keys(result));
          if (!result.hasNextPage) break;
          const last = result.hits[result.hits.length - 1];
          after = { sort: SearchSort.RELEVANCE, values: last.sortValues, caseReportId: last.caseReportId };
        }
        expect(seen).toEqual(all);
      });
    });

    describe('incomplete citations after complete ones at an equal sort key', () => {
      const tieDocs = citationTieCaseDocuments();
      const records = (result: EngineSearchResult) => keys(result).map(citationTieRecordOfCaseKey);
      const pageThrough = async (sort: SearchSort, first: number) => {
        const seen: number[] = [];
        let after: SearchQuery['page']['after'] = null;
        for (let page = 0; page < 20; page++) {
          const result = await search({ text: CITATION_TIE_TEXT, sort, first, after, highlight: false });
          seen.push(...records(result));
          if (!result.hasNextPage) break;
          const last = result.hits[result.hits.length - 1];
          after = { sort, values: last.sortValues, caseReportId: last.caseReportId };
        }
        return seen;
      };

      beforeAll(async () => {
        await engine.upsert(tieDocs);
      });

      afterAll(async () => {
        await engine.delete(tieDocs.map((doc) => doc.caseReportId));
      });

      it('lists the incomplete ones after the complete ones at equal relevance', async () => {
        const result = await search({ text: CITATION_TIE_TEXT });
        expect(new Set(result.hits.map((hit) => hit.score)).size).toBe(1);
        expect(records(result)).toEqual(CITATION_TIE_ORDER.relevance);
        expect(result.hits.map((hit) => hit.sortValues[1])).toEqual([1, 1, 1, 0, 0, 0, 0, 0]);
      });

      it.each<[SearchSort, number[]]>([
        [SearchSort.YEAR_DESC, CITATION_TIE_ORDER.yearDesc],
        [SearchSort.YEAR_ASC, CITATION_TIE_ORDER.yearAsc],
        [SearchSort.AGE_ASC, CITATION_TIE_ORDER.relevance],
      ])('does so at an equal key of %s too', async (sort, expected) => {
        expect(records(await search({ text: CITATION_TIE_TEXT, sort }))).toEqual(expected);
      });

      it('pages across the boundary with the cursor, every record exactly once', async () => {
        for (const first of [1, 2, 3]) {
          expect(await pageThrough(SearchSort.RELEVANCE, first)).toEqual(CITATION_TIE_ORDER.relevance);
          expect(await pageThrough(SearchSort.YEAR_ASC, first)).toEqual(CITATION_TIE_ORDER.yearAsc);
        }
      });

      it('moves a record up once its citation is completed (a title filled in later)', async () => {
        await engine.upsert(citationTieCaseDocuments(completedTitle, new Date()));
        expect(records(await search({ text: CITATION_TIE_TEXT }))).toEqual(CITATION_TIE_ORDER.relevanceAfterTitleFilledIn);
        expect(await pageThrough(SearchSort.RELEVANCE, 3)).toEqual(CITATION_TIE_ORDER.relevanceAfterTitleFilledIn);
      });
    });

    describe('writes', () => {
      it('replaces a document on upsert, and deletes by id and by publication', async () => {
        const changed = { ...docs[0], outcome: Outcome.DEATH, hasKnownOutcome: true, loadedAt: new Date().toISOString() };
        await engine.upsert([changed, changed]);
        expect(keys(await search({ filters: { outcomes: [Outcome.DEATH] } })).sort((a, b) => a - b)).toEqual([1, 6, 15]);
        await engine.delete([caseId(1), uuid('c', 999)]);
        expect((await search({ first: 0 })).totalCases).toBe(15);
        await engine.deleteByPublications([uuid('b', 10)], [caseId(11)]);
        expect(sortedKeys(await search({ filters: { pregnancyStatuses: [PregnancyStatus.POSTPARTUM] } }))).toEqual([3, 7, 11, 14]);
        await engine.upsert(docs.map((doc) => ({ ...doc, loadedAt: new Date().toISOString() })));
        expect((await search({ first: 0 })).totalCases).toBe(16);
      });

      it('rebuilds into a new index that replaces the live one in one step', async () => {
        const build = await engine.createIndex();
        await engine.upsert(docs.slice(0, 3), build);
        expect((await search({ first: 0 })).totalCases).toBe(16);
        await engine.swapIndex(build);
        expect(sortedKeys(await search({}))).toEqual([1, 2, 3]);
        expect(await engine.count()).toBe(3);
        await engine.upsert(docs);
        expect((await search({ first: 0 })).totalCases).toBe(16);
        const abandoned = await engine.createIndex();
        await engine.dropIndex(abandoned);
        expect((await search({ first: 0 })).totalCases).toBe(16);
      });
    });

    describe('deep pagination', () => {
      const generated = generatedDocuments(10_050);

      beforeAll(async () => {
        await engine.upsert(generated);
      }, 300_000);

      afterAll(async () => {
        await engine.delete(generated.map((doc) => doc.caseReportId));
      }, 120_000);

      it('keeps working past 10,000 hits', async () => {
        const seen = new Set<string>();
        let previousYear = -Infinity;
        let after: SearchQuery['page']['after'] = null;
        let pages = 0;
        for (;;) {
          const result = await search({ sort: SearchSort.YEAR_ASC, first: 1000, after, highlight: false });
          pages++;
          expect(result.totalCases).toBe(10_066);
          for (const hit of result.hits) {
            expect(seen.has(hit.caseReportId)).toBe(false);
            seen.add(hit.caseReportId);
            expect(hit.sortValues[0]).toBeGreaterThanOrEqual(previousYear);
            previousYear = hit.sortValues[0];
          }
          if (!result.hasNextPage) break;
          const last = result.hits[result.hits.length - 1];
          after = { sort: SearchSort.YEAR_ASC, values: last.sortValues, caseReportId: last.caseReportId };
        }
        expect(seen.size).toBe(10_066);
        expect(pages).toBe(11);
      }, 300_000);
    });
  });
}

export { flattenFacetValues };
