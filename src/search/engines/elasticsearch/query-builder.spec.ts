import { AgeGroup, Anticoagulation, Outcome, PregnancyStatus, Sex } from '../../../case-reports/case-report.enums';
import { FacetName } from '../../query/facet-registry';
import { HIGHLIGHT_END, HIGHLIGHT_START } from '../../query/highlight';
import { clausesForFacet, FacetRequest, MISSING_HIGH, MISSING_LOW, NumericRange, SearchFilters, SearchQuery, SearchSort, splitForFacets } from '../../query/search-query';
import { parseTextQuery } from '../../query/text-query.parser';
import { buildSearchRequest, CITATION_SORT, filterQuery, isSearchableText, PUBLICATION_COUNT_PRECISION, TERMS_AGGREGATION_SIZE, TEXT_FIELDS, textQuery } from './query-builder';

const T1 = '00000000-0000-4000-8000-a00000000001';
const T2 = '00000000-0000-4000-8000-a00000000002';
const CASE = '00000000-0000-4000-8000-c00000000007';

function query(overrides: Partial<Omit<SearchQuery, 'text'>> & { text?: string } = {}): SearchQuery {
  const { text, ...rest } = overrides;
  return { text: parseTextQuery(text), filters: {}, facets: [], sort: SearchSort.RELEVANCE, page: { first: 10, after: null }, highlight: true, ...rest };
}
const facets = (...names: FacetName[]): FacetRequest[] => names.map((facet) => ({ facet, includeZero: false }));

/** The match_phrase clauses of one atom: every searched field, in each spelling. */
const phrase = (...variants: string[]) => ({
  bool: { should: variants.flatMap((variant) => TEXT_FIELDS.map(({ field, boost }) => ({ match_phrase: { [field]: { query: variant, boost } } }))), minimum_should_match: 1 },
});

describe('buildSearchRequest', () => {
  it('without text or filters: everything, exact totals, year order with caseReportId tie-break, one extra hit', () => {
    const request = buildSearchRequest(query());
    expect(request).toEqual({
      query: { match_all: {} },
      aggs: { totals: { filter: { match_all: {} }, aggs: { publications: { cardinality: { field: 'publicationId', precision_threshold: PUBLICATION_COUNT_PRECISION } } } } },
      size: 11,
      track_total_hits: true,
      allow_partial_search_results: false,
      _source: { includes: ['caseReportId', 'publicationId'] },
      sort: [{ year: { order: 'desc', missing: MISSING_LOW } }, CITATION_SORT, { caseReportId: { order: 'asc' } }],
    });
  });

  it('asks for no hits, sort or highlight when only counts are wanted', () => {
    const request = buildSearchRequest(query({ text: 'hematoma', page: { first: 0, after: null } }));
    expect(request.size).toBe(0);
    expect(request).not.toHaveProperty('sort');
    expect(request).not.toHaveProperty('highlight');
    expect(request).not.toHaveProperty('search_after');
  });

  describe('filters (every kind), in bool.filter when no requested facet owns them', () => {
    it.each<[string, SearchFilters, object[]]>([
      ['a term facet (ids already include descendants via the documents)', { complications: [T1, T2] }, [{ terms: { complicationIds: [T1, T2] } }]],
      ['procedures', { procedures: [T1] }, [{ terms: { procedureIds: [T1] } }]],
      ['treatment not reported is an ordinary value', { treatments: ['UNKNOWN', T2] }, [{ terms: { treatmentIds: ['UNKNOWN', T2] } }]],
      ['symptoms', { symptoms: [T1] }, [{ terms: { symptomIds: [T1] } }]],
      ['sex, unknown included', { sex: [Sex.FEMALE, Sex.UNKNOWN] }, [{ terms: { sex: ['FEMALE', 'UNKNOWN'] } }]],
      ['age groups', { ageGroups: [AgeGroup.CHILD] }, [{ terms: { ageGroup: ['CHILD'] } }]],
      ['pregnancy statuses', { pregnancyStatuses: [PregnancyStatus.POSTPARTUM, PregnancyStatus.PREGNANT] }, [{ terms: { pregnancyStatus: ['POSTPARTUM', 'PREGNANT'] } }]],
      ['anticoagulation', { anticoagulation: [Anticoagulation.BOTH] }, [{ terms: { anticoagulation: ['BOTH'] } }]],
      ['outcomes', { outcomes: [Outcome.DEATH] }, [{ terms: { outcome: ['DEATH'] } }]],
      ['publication types', { publicationTypes: ['Letter'] }, [{ terms: { publicationTypes: ['Letter'] } }]],
      ['year, both bounds inclusive', { year: { min: 2015, max: 2020 } }, [{ range: { year: { gte: 2015, lte: 2020 } } }]],
      ['age from', { age: { min: 65 } }, [{ range: { ageYears: { gte: 65 } } }]],
      ['age up to', { age: { max: 30 } }, [{ range: { ageYears: { lte: 30 } } }]],
      ['blood-patch volume (multi-valued: one value within both bounds)', { bloodPatchVolumeMl: { min: 24, max: 26 } }, [{ range: { bloodPatchVolumesMl: { gte: 24, lte: 26 } } }]],
      ['onset hours', { onsetHours: { min: 0.5 } }, [{ range: { onsetHours: { gte: 0.5 } } }]],
      ['known outcome', { outcomeKnown: true }, [{ term: { hasKnownOutcome: true } }]],
      ['unknown outcome', { outcomeKnown: false }, [{ term: { hasKnownOutcome: false } }]],
      ['several, ANDed, values de-duplicated', { sex: [Sex.MALE, Sex.MALE], year: { min: 2000 } }, [{ terms: { sex: ['MALE'] } }, { range: { year: { gte: 2000 } } }]],
    ])('%s', (_, filters, expected) => {
      const request = buildSearchRequest(query({ filters }));
      expect(request.query).toEqual({ bool: { filter: expected } });
      expect(request).not.toHaveProperty('post_filter');
    });

    it('ignores empty lists and empty ranges', () => {
      expect(buildSearchRequest(query({ filters: { sex: [], year: {} } })).query).toEqual({ match_all: {} });
    });

    // `year` is an integer field: Elasticsearch refuses a range bound outside int32 ("Value [3.0E9] is out of
    // range for an integer", HTTP 400), where PostgreSQL compares the int column with a float8 bound.
    it.each<[string, NumericRange, object]>([
      ['a lower bound above every integer matches nothing', { min: 3e9 }, { match_none: {} }],
      ['an upper bound below every integer matches nothing', { max: -3e9 }, { match_none: {} }],
      ['a lower bound below every integer is every year', { min: -3e9, max: 2020 }, { range: { year: { gte: -2147483648, lte: 2020 } } }],
      ['an upper bound above every integer is every year', { min: 2015, max: 1e300 }, { range: { year: { gte: 2015, lte: 2147483647 } } }],
      ['both out: a case with a year', { min: -1e12, max: 1e12 }, { range: { year: { gte: -2147483648, lte: 2147483647 } } }],
      ['in range, decimals kept (Elasticsearch rounds them inward, as the float comparison does)', { min: 2015.5, max: 2019.5 }, { range: { year: { gte: 2015.5, lte: 2019.5 } } }],
    ])('year (an integer field): %s', (_, year, expected) => {
      expect(buildSearchRequest(query({ filters: { year } })).query).toEqual({ bool: { filter: [expected] } });
      // Double fields take any finite bound as it is.
      expect(filterQuery({ kind: 'range', key: 'age', field: 'ageYears', ...year })).toEqual({ range: { ageYears: { ...(year.min !== undefined ? { gte: year.min } : {}), ...(year.max !== undefined ? { lte: year.max } : {}) } } });
    });
  });

  describe('disjunctive facets', () => {
    const filters: SearchFilters = { sex: [Sex.FEMALE], outcomes: [Outcome.DEATH, Outcome.UNKNOWN], age: { min: 18 }, outcomeKnown: false, complications: [T1] };

    it("moves the clauses of requested facets to post_filter; each facet's aggregation applies all but its own", () => {
      const q = query({ filters, facets: facets(FacetName.SEX, FacetName.OUTCOME, FacetName.AGE, FacetName.PROCEDURE) });
      const request = buildSearchRequest(q);
      const sex = { terms: { sex: ['FEMALE'] } };
      const outcome = { terms: { outcome: ['DEATH', 'UNKNOWN'] } };
      const age = { range: { ageYears: { gte: 18 } } };
      // complications and outcomeKnown belong to no requested facet: they narrow everything.
      expect(request.query).toEqual({ bool: { filter: [{ terms: { complicationIds: [T1] } }, { term: { hasKnownOutcome: false } }] } });
      expect(request.post_filter).toEqual({ bool: { filter: [sex, outcome, age] } });
      const aggs = request.aggs as Record<string, { filter: unknown; aggs: Record<string, unknown> }>;
      expect(aggs.totals.filter).toEqual({ bool: { filter: [sex, outcome, age] } });
      expect(aggs.facet_SEX.filter).toEqual({ bool: { filter: [outcome, age] } });
      expect(aggs.facet_OUTCOME.filter).toEqual({ bool: { filter: [sex, age] } });
      expect(aggs.facet_AGE.filter).toEqual({ bool: { filter: [sex, outcome] } });
      expect(aggs.facet_PROCEDURE.filter).toEqual({ bool: { filter: [sex, outcome, age] } });
    });

    it('query filter + facet filter is exactly clausesForFacet, for every facet and selection', () => {
      const all = Object.values(FacetName);
      for (let mask = 0; mask < 1 << 5; mask++) {
        const requested = all.filter((_, i) => (mask >> i) & 1 || i > 8);
        const q = query({ filters, facets: facets(...requested) });
        const request = buildSearchRequest(q);
        const common = splitForFacets(q).common.map(filterQuery);
        const queryFilter = (request.query as { bool?: { filter: object[] } }).bool?.filter ?? [];
        expect(queryFilter).toEqual(common);
        for (const facet of requested) {
          const aggregation = (request.aggs as Record<string, { filter: { bool?: { filter: object[] } } }>)[`facet_${facet}`];
          const facetFilter = aggregation.filter.bool?.filter ?? [];
          expect([...queryFilter, ...facetFilter].map((c) => JSON.stringify(c)).sort()).toEqual(clausesForFacet(q, facet).map(filterQuery).map((c) => JSON.stringify(c)).sort());
        }
      }
    });

    it('counts term values with distinct publications, all values, no zero buckets', () => {
      const aggs = buildSearchRequest(query({ facets: facets(FacetName.COMPLICATION, FacetName.OUTCOME, FacetName.TREATMENT) })).aggs as Record<string, unknown>;
      const values = { terms: { field: 'complicationIds', size: TERMS_AGGREGATION_SIZE, min_doc_count: 1 }, aggs: { publications: { cardinality: { field: 'publicationId', precision_threshold: PUBLICATION_COUNT_PRECISION } } } };
      expect(aggs.facet_COMPLICATION).toEqual({ filter: { match_all: {} }, aggs: { values } });
      expect(aggs.facet_OUTCOME).toMatchObject({ aggs: { values: { terms: { field: 'outcome' } } } });
      expect(aggs.facet_TREATMENT).toMatchObject({ aggs: { values: { terms: { field: 'treatmentIds' } } } });
    });

    it('gives numeric facets a histogram (requested or default interval) with min and max', () => {
      const aggs = buildSearchRequest(query({ facets: [{ facet: FacetName.AGE, includeZero: false, interval: 5 }, { facet: FacetName.ONSET_HOURS, includeZero: true }] })).aggs as Record<string, unknown>;
      expect(aggs.facet_AGE).toEqual({
        filter: { match_all: {} },
        aggs: { histogram: { histogram: { field: 'ageYears', interval: 5, min_doc_count: 1 } }, min: { min: { field: 'ageYears' } }, max: { max: { field: 'ageYears' } } },
      });
      expect(aggs.facet_ONSET_HOURS).toMatchObject({ aggs: { histogram: { histogram: { field: 'onsetHours', interval: 24 } } } });
    });

    it('lists present values only for free-valued facets with includeZero (vocabulary and enum zeros come from the assembler)', () => {
      const aggs = buildSearchRequest(
        query({ facets: [{ facet: FacetName.PUBLICATION_TYPE, includeZero: true }, { facet: FacetName.OUTCOME, includeZero: true }, { facet: FacetName.COMPLICATION, includeZero: true }] }),
      ).aggs as Record<string, unknown>;
      expect(aggs.present_PUBLICATION_TYPE).toEqual({ global: {}, aggs: { values: { terms: { field: 'publicationTypes', size: TERMS_AGGREGATION_SIZE, min_doc_count: 1 } } } });
      expect(Object.keys(aggs).filter((name) => name.startsWith('present_'))).toEqual(['present_PUBLICATION_TYPE']);
      expect(buildSearchRequest(query({ facets: facets(FacetName.PUBLICATION_TYPE) })).aggs).not.toHaveProperty('present_PUBLICATION_TYPE');
    });

    it('asks for each facet once', () => {
      const aggs = buildSearchRequest(query({ facets: [{ facet: FacetName.AGE, includeZero: false, interval: 5 }, { facet: FacetName.AGE, includeZero: false, interval: 50 }] })).aggs as Record<string, { aggs: { histogram: { histogram: { interval: number } } } }>;
      expect(aggs.facet_AGE.aggs.histogram.histogram.interval).toBe(5);
    });
  });

  describe('complication after procedure (complicationsFollowProcedures)', () => {
    const linked: SearchFilters = { complications: [T1], procedures: [T2], complicationsFollowProcedures: true };
    const nested = { nested: { path: 'complications', query: { bool: { filter: [{ terms: { 'complications.termPath': [T1] } }, { terms: { 'complications.procedureTermPath': [T2] } }] } } } };

    it('replaces the two filters with one nested clause on a single complication', () => {
      expect((buildSearchRequest(query({ filters: linked })).query as { bool: { filter: object[] } }).bool.filter).toEqual([nested]);
      expect(filterQuery({ kind: 'complication-after-procedure', key: 'complicationsFollowProcedures', complications: [T1], procedures: [] })).toEqual({ terms: { complicationIds: [T1] } });
      expect(filterQuery({ kind: 'complication-after-procedure', key: 'complicationsFollowProcedures', complications: [], procedures: [T2] })).toEqual({ terms: { procedureIds: [T2] } });
    });

    it('counts a linked facet over the nested complications, cases by reverse_nested; the clause is both facets\' own', () => {
      const request = buildSearchRequest(query({ filters: linked, facets: facets(FacetName.COMPLICATION, FacetName.PROCEDURE, FacetName.SEX) }));
      expect(request.post_filter).toEqual({ bool: { filter: [nested] } });
      const aggs = request.aggs as Record<string, any>;
      expect(aggs.facet_COMPLICATION.filter).toEqual({ match_all: {} });
      expect(aggs.facet_COMPLICATION.aggs.linked).toEqual({
        nested: { path: 'complications' },
        aggs: {
          follows: {
            filter: { terms: { 'complications.procedureTermPath': [T2] } },
            aggs: {
              values: {
                terms: { field: 'complications.termPath', size: TERMS_AGGREGATION_SIZE, min_doc_count: 1 },
                aggs: { cases: { reverse_nested: {}, aggs: { publications: { cardinality: { field: 'publicationId', precision_threshold: PUBLICATION_COUNT_PRECISION } } } } },
              },
            },
          },
        },
      });
      expect(aggs.facet_PROCEDURE.aggs.linked.aggs.follows.filter).toEqual({ terms: { 'complications.termPath': [T1] } });
      expect(aggs.facet_PROCEDURE.aggs.linked.aggs.follows.aggs.values.terms.field).toBe('complications.procedureTermPath');
      expect(aggs.facet_SEX.filter).toEqual({ bool: { filter: [nested] } });
      expect(aggs.facet_SEX.aggs.values.terms.field).toBe('sex');
    });
  });

  describe('text', () => {
    it('matches a prefix atom with match_phrase_prefix, bounded by max_expansions, in both spellings', () => {
      expect(textQuery(parseTextQuery('haemat*')!)).toEqual({
        bool: { must: [{ bool: { should: ['haemat', 'hemat'].flatMap((variant) => TEXT_FIELDS.map(({ field, boost }) => ({ match_phrase_prefix: { [field]: { query: variant, boost, max_expansions: 50 } } }))), minimum_should_match: 1 } }] },
      });
      expect(textQuery(parseTextQuery('spinal subd', { prefixLastWord: true })!)).toMatchObject({ bool: { must: [phrase('spinal'), { bool: { should: expect.arrayContaining([{ match_phrase_prefix: { title: { query: 'subd', boost: 10, max_expansions: 50 } } }]) } }] } });
    });

    // PostgreSQL drops a stop word from a tsquery even with :* (to_tsquery('english', 'blood <-> patch <-> for:*')
    // is 'blood' <-> 'patch'), so the words before it match exactly; match_phrase_prefix would instead make
    // the last word the analyzer keeps ("patch", "horner") the prefix and also find "patchy", "hornerian".
    it('matches a prefix atom whose last word is a stop word as a plain phrase (PostgreSQL drops that prefix)', () => {
      expect(textQuery(parseTextQuery('patch-for*')!)).toEqual({ bool: { must: [phrase('patch-for')] } });
      expect(textQuery(parseTextQuery("Horner's", { prefixLastWord: true })!)).toEqual({ bool: { must: [phrase("Horner's")] } });
      expect(textQuery(parseTextQuery('post-dur*')!)).toMatchObject({ bool: { must: [{ bool: { should: expect.arrayContaining([{ match_phrase_prefix: { title: { query: 'post-dur', boost: 10, max_expansions: 50 } } }]) } }] } });
      // A stop word before the last word keeps its gap, as in PostgreSQL's <2>.
      expect(textQuery(parseTextQuery('blood-in-pat*')!)).toMatchObject({ bool: { must: [{ bool: { should: expect.arrayContaining([{ match_phrase_prefix: { title: { query: 'blood-in-pat', boost: 10, max_expansions: 50 } } }]) } }] } });
    });

    it('ANDs words, each a one-word phrase on every searched field, in both spellings', () => {
      const request = buildSearchRequest(query({ text: 'spinal haematoma' }));
      expect(request.query).toEqual({ bool: { must: [{ bool: { must: [phrase('spinal'), phrase('haematoma', 'hematoma')] } }] } });
    });

    it('keeps a quoted phrase whole', () => {
      expect(textQuery(parseTextQuery('"epidural blood patch"')!)).toEqual({ bool: { must: [phrase('epidural blood patch')] } });
    });

    it('excludes with must_not, alone or after words', () => {
      expect(textQuery(parseTextQuery('hematoma -intracranial')!)).toEqual({ bool: { must: [phrase('hematoma', 'haematoma')], must_not: [phrase('intracranial')] } });
      expect(textQuery(parseTextQuery('-steroid')!)).toEqual({ bool: { must_not: [phrase('steroid')] } });
    });

    it('ORs clauses with should (at least one)', () => {
      expect(textQuery(parseTextQuery('zanzibar OR "blood patch" -steroid')!)).toEqual({
        bool: { should: [{ bool: { must: [phrase('zanzibar')] } }, { bool: { must: [phrase('blood patch')], must_not: [phrase('steroid')] } }], minimum_should_match: 1 },
      });
    });

    it('reads malformed syntax literally', () => {
      expect(textQuery(parseTextQuery('"blood patch -steroid')!)).toEqual({ bool: { must: [phrase('blood'), phrase('patch'), phrase('steroid')] } });
    });

    it('drops atoms made only of stop words, as PostgreSQL drops them from a tsquery', () => {
      expect(isSearchableText('the')).toBe(false);
      expect(isSearchableText("don't")).toBe(false);
      expect(isSearchableText('after the')).toBe(false);
      expect(isSearchableText('blood patch after surgery')).toBe(true);
      expect(isSearchableText('L3')).toBe(true);
      expect(textQuery(parseTextQuery('the zanzibar -a')!)).toEqual({ bool: { must: [phrase('zanzibar')] } });
      expect(textQuery(parseTextQuery('zanzibar OR the')!)).toEqual({ bool: { must: [phrase('zanzibar')] } });
      // Stop words inside a phrase stay: the analyzer keeps their positions, like phraseto_tsquery's <N>.
      expect(textQuery(parseTextQuery('"hematoma after the patch"')!)).toEqual({ bool: { must: [phrase('hematoma after the patch', 'haematoma after the patch')] } });
    });

    it('matches nothing when no searchable word is left', () => {
      expect(buildSearchRequest(query({ text: 'the OR a -of' })).query).toEqual({ bool: { must: [{ match_none: {} }] } });
    });

    it('combines text (scored, must) with filters (bool.filter)', () => {
      const request = buildSearchRequest(query({ text: 'zanzibar', filters: { sex: [Sex.FEMALE] } }));
      expect(request.query).toEqual({ bool: { must: [{ bool: { must: [phrase('zanzibar')] } }], filter: [{ terms: { sex: ['FEMALE'] } }] } });
    });

    it('never hands user text to a query parser', () => {
      const hostile = 'title:(a OR b)^5 AND *:* "x" -y OR z~2 [1 TO 5] \\ / {{}} OR';
      const serialised = JSON.stringify(buildSearchRequest(query({ text: hostile })));
      expect(serialised).not.toMatch(/query_string|simple_query_string|"regexp"|"wildcard"|"prefix"|"fuzzy"|"script"/);
      expect(serialised).toContain('"match_phrase"');
    });
  });

  describe('sort and search_after', () => {
    it.each<[SearchSort, boolean, object]>([
      [SearchSort.RELEVANCE, true, { _score: { order: 'desc' } }],
      [SearchSort.RELEVANCE, false, { year: { order: 'desc', missing: MISSING_LOW } }],
      [SearchSort.YEAR_DESC, false, { year: { order: 'desc', missing: MISSING_LOW } }],
      [SearchSort.YEAR_ASC, true, { year: { order: 'asc', missing: MISSING_HIGH } }],
      [SearchSort.AGE_ASC, false, { ageYears: { order: 'asc', missing: MISSING_HIGH } }],
      [SearchSort.AGE_DESC, false, { ageYears: { order: 'desc', missing: MISSING_LOW } }],
    ])('%s (text: %s) sorts by the shared key, missing last, then complete citations first, then caseReportId', (sort, hasText, key) => {
      const request = buildSearchRequest(query({ sort, text: hasText ? 'hematoma' : undefined }));
      expect(request.sort).toEqual([key, { citationComplete: { order: 'desc', missing: 0, unmapped_type: 'boolean' } }, { caseReportId: { order: 'asc' } }]);
      // Scores are reported whenever there is text, whatever the order; never without text.
      expect(request.track_scores).toBe(hasText ? true : undefined);
    });

    it('continues after the sort values (key and citation) and id of the last hit', () => {
      const request = buildSearchRequest(query({ sort: SearchSort.AGE_ASC, page: { first: 5, after: { sort: SearchSort.AGE_ASC, values: [MISSING_HIGH, 0], caseReportId: CASE.toUpperCase() } } }));
      expect(request.search_after).toEqual([MISSING_HIGH, 0, CASE]);
      expect(request.size).toBe(6);
      expect(request).not.toHaveProperty('from');
    });

    it('continues a relevance-ranked page after its score', () => {
      const request = buildSearchRequest(query({ text: 'hematoma', page: { first: 5, after: { sort: SearchSort.RELEVANCE, values: [3.25, 1], caseReportId: CASE } } }));
      expect(request.search_after).toEqual([3.25, 1, CASE]);
    });

    it.each([[[]], [[3.25]]])('returns no hits (counts only) for a cursor without both sort values (%j)', (values) => {
      const request = buildSearchRequest(query({ page: { first: 5, after: { sort: SearchSort.RELEVANCE, values, caseReportId: CASE } } }));
      expect(request.size).toBe(0);
      expect(request).not.toHaveProperty('search_after');
    });
  });

  describe('highlight', () => {
    it('marks matches with the shared sentinels on raw text, whole titles and two passages of the rest', () => {
      expect(buildSearchRequest(query({ text: 'hematoma' })).highlight).toEqual({
        type: 'unified',
        pre_tags: [HIGHLIGHT_START],
        post_tags: [HIGHLIGHT_END],
        encoder: 'default',
        require_field_match: true,
        fields: {
          title: { number_of_fragments: 0 },
          summary: { fragment_size: 200, number_of_fragments: 2 },
          details: { fragment_size: 200, number_of_fragments: 2 },
          abstract: { fragment_size: 200, number_of_fragments: 2 },
        },
      });
    });

    it('is left out without text, when switched off, and when nothing searchable is left', () => {
      expect(buildSearchRequest(query())).not.toHaveProperty('highlight');
      expect(buildSearchRequest(query({ text: 'hematoma', highlight: false }))).not.toHaveProperty('highlight');
      expect(buildSearchRequest(query({ text: 'the' }))).not.toHaveProperty('highlight');
    });
  });
});
