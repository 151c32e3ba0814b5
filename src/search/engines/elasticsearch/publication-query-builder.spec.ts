import { HIGHLIGHT_END, HIGHLIGHT_START } from '../../query/highlight';
import {
  PublicationCaseStatus,
  publicationFacetDefinition,
  PublicationFacetName,
  PublicationFacetRequest,
  PublicationSearchFilters,
  PublicationSearchQuery,
  PublicationSearchSort,
  PUBLICATION_FACETS,
} from '../../publications/publication-search-query';
import { TextQuery } from '../../query/text-query';
import { parseTextQuery } from '../../query/text-query.parser';
import {
  buildPublicationSearchRequest,
  listsPresentValues,
  PUBLICATION_TERMS_AGGREGATION_SIZE,
  PUBLICATION_TEXT_FIELDS,
  publicationFacetAggregationName,
  publicationFilterQuery,
  publicationPresentValuesAggregationName,
  splitPublicationClauses,
} from './publication-query-builder';
import { CITATION_SORT, TEXT_FIELDS, textQuery } from './query-builder';

const PUB = '00000000-0000-4000-8000-d00000000007';
const BATCH = '00000000-0000-4000-8000-e00000000001';

function query(overrides: Partial<Omit<PublicationSearchQuery, 'text'>> & { text?: string } = {}): PublicationSearchQuery {
  const { text, ...rest } = overrides;
  return { text: parseTextQuery(text), filters: {}, facets: [], sort: PublicationSearchSort.RELEVANCE, page: { first: 10, after: null }, highlight: true, ...rest };
}
const facets = (...names: PublicationFacetName[]): PublicationFacetRequest[] => names.map((facet) => ({ facet, includeZero: false }));

/** The match_phrase clauses of one atom: every publication field, in each spelling. */
const phrase = (...variants: string[]) => ({
  bool: { should: variants.flatMap((variant) => PUBLICATION_TEXT_FIELDS.map(({ field, boost }) => ({ match_phrase: { [field]: { query: variant, boost } } }))), minimum_should_match: 1 },
});

describe('buildPublicationSearchRequest', () => {
  it('without text or filters: everything, exact total, year order with publicationId tie-break, one extra hit, no aggregations', () => {
    expect(buildPublicationSearchRequest(query())).toEqual({
      query: { match_all: {} },
      size: 11,
      track_total_hits: true,
      allow_partial_search_results: false,
      _source: { includes: ['publicationId'] },
      sort: [{ year: { order: 'desc', missing: -1e9 } }, CITATION_SORT, { publicationId: { order: 'asc' } }],
    });
  });

  it('asks for no hits, sort or highlight when only counts are wanted', () => {
    const request = buildPublicationSearchRequest(query({ text: 'hematoma', page: { first: 0, after: null } }));
    expect(request.size).toBe(0);
    expect(request.track_total_hits).toBe(true);
    for (const key of ['sort', 'highlight', 'search_after', 'track_scores']) expect(request).not.toHaveProperty(key);
  });

  describe('filters (every kind), in bool.filter when no requested facet owns them', () => {
    it.each<[string, PublicationSearchFilters, object[]]>([
      ['publication types', { publicationTypes: ['Letter', 'Review'] }, [{ terms: { publicationTypes: ['Letter', 'Review'] } }]],
      ['MeSH descriptors (documents hold ancestors: a parent matches its descendants)', { meshDescriptors: ['D000001'] }, [{ terms: { meshUis: ['D000001'] } }]],
      ['journals, not reported included', { journals: ['Spine', 'UNKNOWN'] }, [{ terms: { journal: ['Spine', 'UNKNOWN'] } }]],
      ['languages', { languages: ['eng'] }, [{ terms: { language: ['eng'] } }]],
      ['reviews, not imported included', { reviews: ['Review A', 'NONE'] }, [{ terms: { reviews: ['Review A', 'NONE'] } }]],
      ['import batches', { importBatches: [BATCH] }, [{ terms: { importBatchIds: [BATCH] } }]],
      ['case statuses', { caseStatuses: [PublicationCaseStatus.CURATED, PublicationCaseStatus.NONE] }, [{ terms: { caseStatus: ['CURATED', 'NONE'] } }]],
      ['year, both bounds inclusive', { year: { min: 2015, max: 2020 } }, [{ range: { year: { gte: 2015, lte: 2020 } } }]],
      ['year from', { year: { min: 2015 } }, [{ range: { year: { gte: 2015 } } }]],
      ['year up to', { year: { max: 2020 } }, [{ range: { year: { lte: 2020 } } }]],
      ['several, ANDed (registry order), values de-duplicated', { languages: ['eng', 'eng'], caseStatuses: [PublicationCaseStatus.SUGGESTED] }, [{ terms: { caseStatus: ['SUGGESTED'] } }, { terms: { language: ['eng'] } }]],
    ])('%s', (_, filters, expected) => {
      const request = buildPublicationSearchRequest(query({ filters }));
      expect(request.query).toEqual({ bool: { filter: expected } });
      expect(request).not.toHaveProperty('post_filter');
    });

    it('ignores empty lists and empty ranges', () => {
      expect(buildPublicationSearchRequest(query({ filters: { journals: [], year: {} } })).query).toEqual({ match_all: {} });
    });

    // `year` is an integer field: a bound outside int32 is an HTTP 400 on Elasticsearch ("Value [3.0E9] is out
    // of range for an integer"); PostgreSQL compares the int column with the float8 bound.
    it.each<[string, { min?: number; max?: number }, object]>([
      ['a lower bound above every integer matches nothing', { min: 3e9 }, { match_none: {} }],
      ['an upper bound below every integer matches nothing', { min: -1e10, max: -3e9 }, { match_none: {} }],
      ['a bound past the other end is no bound', { min: -3e9, max: 3e9 }, { range: { year: { gte: -2147483648, lte: 2147483647 } } }],
      ['in range: as given', { min: 1999.5, max: 2020 }, { range: { year: { gte: 1999.5, lte: 2020 } } }],
    ])('year (an integer field): %s', (_, year, expected) => {
      expect(buildPublicationSearchRequest(query({ filters: { year } })).query).toEqual({ bool: { filter: [expected] } });
    });

    it('translates each clause kind once', () => {
      expect(publicationFilterQuery({ kind: 'range', key: 'year', field: 'year', min: 0 })).toEqual({ range: { year: { gte: 0 } } });
      expect(publicationFilterQuery({ kind: 'any-of', key: 'journals', field: 'journal', values: ['x'] })).toEqual({ terms: { journal: ['x'] } });
    });
  });

  describe('disjunctive facets', () => {
    const filters: PublicationSearchFilters = { caseStatuses: [PublicationCaseStatus.CURATED], journals: ['Spine'], year: { min: 2000 }, languages: ['eng'] };

    it("moves the clauses of requested facets to post_filter; each facet's filter aggregation applies all requested facets' clauses but its own", () => {
      const request = buildPublicationSearchRequest(query({ filters, facets: facets(PublicationFacetName.CASE_STATUS, PublicationFacetName.JOURNAL, PublicationFacetName.YEAR, PublicationFacetName.MESH_DESCRIPTOR) }));
      const status = { terms: { caseStatus: ['CURATED'] } };
      const journal = { terms: { journal: ['Spine'] } };
      const year = { range: { year: { gte: 2000 } } };
      // LANGUAGE is not requested: its clause restricts everything, in the query.
      expect(request.query).toEqual({ bool: { filter: [{ terms: { language: ['eng'] } }] } });
      expect(request.post_filter).toEqual({ bool: { filter: [status, journal, year] } });
      const terms = (field: string) => ({ values: { terms: { field, size: PUBLICATION_TERMS_AGGREGATION_SIZE, min_doc_count: 1 } } });
      // A facet with a selection also counts its selected values by name (`include`), whatever the number of values.
      const selected = (field: string, values: string[]) => ({ selected: { terms: { field, include: values, size: values.length, min_doc_count: 1 } } });
      expect(request.aggs).toEqual({
        facet_CASE_STATUS: { filter: { bool: { filter: [journal, year] } }, aggs: { ...terms('caseStatus'), ...selected('caseStatus', ['CURATED']) } },
        facet_JOURNAL: { filter: { bool: { filter: [status, year] } }, aggs: { ...terms('journal'), ...selected('journal', ['Spine']) } },
        facet_YEAR: {
          filter: { bool: { filter: [status, journal] } },
          aggs: { histogram: { histogram: { field: 'year', interval: 5, min_doc_count: 1 } }, min: { min: { field: 'year' } }, max: { max: { field: 'year' } } },
        },
        facet_MESH_DESCRIPTOR: { filter: { bool: { filter: [status, journal, year] } }, aggs: terms('meshUis') },
      });
    });

    it('counts a facet without other selections under match_all, and honours the requested histogram interval', () => {
      const request = buildPublicationSearchRequest(query({ filters: { year: { max: 2020 } }, facets: [{ facet: PublicationFacetName.YEAR, includeZero: false, interval: 10 }] }));
      expect(request.query).toEqual({ match_all: {} });
      expect(request.post_filter).toEqual({ bool: { filter: [{ range: { year: { lte: 2020 } } }] } });
      expect(request.aggs?.facet_YEAR).toEqual({ filter: { match_all: {} }, aggs: expect.objectContaining({ histogram: { histogram: { field: 'year', interval: 10, min_doc_count: 1 } } }) });
    });

    it('asks for each facet once (the first request wins)', () => {
      const request = buildPublicationSearchRequest(query({ facets: [{ facet: PublicationFacetName.YEAR, includeZero: false, interval: 2 }, { facet: PublicationFacetName.YEAR, includeZero: false, interval: 50 }] }));
      expect(Object.keys(request.aggs ?? {})).toEqual(['facet_YEAR']);
      expect((request.aggs?.facet_YEAR.aggs?.histogram.histogram as { interval: number }).interval).toBe(2);
    });

    it('splits clauses by ownership', () => {
      const { common, own } = splitPublicationClauses({ filters, facets: facets(PublicationFacetName.LANGUAGE) });
      expect(own.map((clause) => clause.key)).toEqual(['languages']);
      expect(common.map((clause) => clause.key)).toEqual(['caseStatuses', 'journals', 'year']);
    });

    it('lists the values present in the index (global) for free-valued facets with includeZero, never for the enum or YEAR', () => {
      expect(PUBLICATION_FACETS.filter(listsPresentValues).map((facet) => facet.name)).toEqual([
        PublicationFacetName.MESH_DESCRIPTOR,
        PublicationFacetName.PUBLICATION_TYPE,
        PublicationFacetName.JOURNAL,
        PublicationFacetName.LANGUAGE,
        PublicationFacetName.REVIEW,
        PublicationFacetName.IMPORT_BATCH,
      ]);
      const request = buildPublicationSearchRequest(
        query({
          facets: [
            { facet: PublicationFacetName.JOURNAL, includeZero: true },
            { facet: PublicationFacetName.CASE_STATUS, includeZero: true },
            { facet: PublicationFacetName.YEAR, includeZero: true },
            { facet: PublicationFacetName.LANGUAGE, includeZero: false },
          ],
        }),
      );
      expect(Object.keys(request.aggs ?? {}).sort()).toEqual(['facet_CASE_STATUS', 'facet_JOURNAL', 'facet_LANGUAGE', 'facet_YEAR', 'present_JOURNAL']);
      expect(request.aggs?.[publicationPresentValuesAggregationName(PublicationFacetName.JOURNAL)]).toEqual({
        global: {},
        aggs: { values: { terms: { field: 'journal', size: PUBLICATION_TERMS_AGGREGATION_SIZE, min_doc_count: 1 } } },
      });
      expect(publicationFacetAggregationName(PublicationFacetName.JOURNAL)).toBe('facet_JOURNAL');
      expect(publicationFacetDefinition(PublicationFacetName.JOURNAL).field).toBe('journal');
    });
  });

  describe('sort and pages', () => {
    it.each<[PublicationSearchSort, boolean, object]>([
      [PublicationSearchSort.RELEVANCE, true, { _score: { order: 'desc' } }],
      [PublicationSearchSort.RELEVANCE, false, { year: { order: 'desc', missing: -1e9 } }],
      [PublicationSearchSort.YEAR_DESC, true, { year: { order: 'desc', missing: -1e9 } }],
      [PublicationSearchSort.YEAR_ASC, false, { year: { order: 'asc', missing: 1e9 } }],
    ])('%s (text: %s): the shared sort key with its missing stand-in, then complete citations first, then publicationId', (sort, hasText, key) => {
      const request = buildPublicationSearchRequest(query({ sort, text: hasText ? 'hematoma' : undefined }));
      expect(request.sort).toEqual([key, { citationComplete: { order: 'desc', missing: 0, unmapped_type: 'boolean' } }, { publicationId: { order: 'asc' } }]);
      expect(Boolean(request.track_scores)).toBe(hasText);
    });

    it('continues after the cursor with search_after (the id lower-cased), asking for one extra hit', () => {
      const request = buildPublicationSearchRequest(query({ sort: PublicationSearchSort.YEAR_ASC, page: { first: 25, after: { sort: PublicationSearchSort.YEAR_ASC, values: [1e9, 0], publicationId: PUB.toUpperCase() } } }));
      expect(request.search_after).toEqual([1e9, 0, PUB]);
      expect(request.size).toBe(26);
      const scored = buildPublicationSearchRequest(query({ text: 'x', page: { first: 5, after: { sort: PublicationSearchSort.RELEVANCE, values: [3.25, 1], publicationId: PUB } } }));
      expect(scored.search_after).toEqual([3.25, 1, PUB]);
    });

    // Elasticsearch reads the integer year's search_after value with intValue (3e9 wraps, 2019.5 truncates) and
    // refuses an integer beyond a long (HTTP 400); the embedded engine compares float8s. A crafted cursor is
    // moved to the integer position that continues where that comparison does.
    it.each<[PublicationSearchSort, number[], unknown[]]>([
      [PublicationSearchSort.YEAR_DESC, [3e9, 0], [2147483647, 2, '~']],
      [PublicationSearchSort.YEAR_DESC, [2019.5, 1], [2019, 2, '~']],
      [PublicationSearchSort.YEAR_DESC, [-1e20, 1], [-2147483648, -1, '~']],
      [PublicationSearchSort.YEAR_ASC, [2019.5, 0], [2019, -1, '~']],
      [PublicationSearchSort.YEAR_ASC, [1e20, 1], [2147483647, -1, '~']],
      [PublicationSearchSort.YEAR_ASC, [2019, 0.5], [2019, 1, '~']],
      [PublicationSearchSort.YEAR_ASC, [2019, 1e20], [2019, 2, '~']],
      [PublicationSearchSort.YEAR_ASC, [2019, 1], [2019, 1, PUB]],
    ])('%s: a crafted cursor %j continues at %j', (sort, values, expected) => {
      const request = buildPublicationSearchRequest(query({ sort, page: { first: 5, after: { sort, values, publicationId: PUB } } }));
      expect(request.search_after).toEqual(expected);
    });

    it.each([[[]], [[3.25]]])('continues nowhere from a cursor without both sort values (%j: not one this API made)', (values) => {
      const request = buildPublicationSearchRequest(query({ page: { first: 5, after: { sort: PublicationSearchSort.RELEVANCE, values, publicationId: PUB } } }));
      expect(request.size).toBe(0);
      expect(request).not.toHaveProperty('search_after');
    });
  });

  describe('text', () => {
    it('searches title, subjects, abstract and authors, title strongest; the same clause structure as case search', () => {
      expect(PUBLICATION_TEXT_FIELDS.map(({ field }) => field)).toEqual(['title', 'subjects', 'abstract', 'otherText']);
      const boosts = PUBLICATION_TEXT_FIELDS.map(({ boost }) => boost);
      expect([...boosts].sort((a, b) => b - a)).toEqual(boosts);
      expect(boosts[0]).toBeGreaterThan(boosts[1]);
      const text = parseTextQuery('haematoma "blood patch" -steroid OR arachnoiditis');
      const request = buildPublicationSearchRequest(query({ text: 'haematoma "blood patch" -steroid OR arachnoiditis' }));
      expect(request.query).toEqual({
        bool: {
          must: [
            {
              bool: {
                should: [{ bool: { must: [phrase('haematoma', 'hematoma'), phrase('blood patch')], must_not: [phrase('steroid')] } }, { bool: { must: [phrase('arachnoiditis')] } }],
                minimum_should_match: 1,
              },
            },
          ],
        },
      });
      // The case builder's text semantics with other fields: the same structure, field names and boosts aside.
      const withoutFields = (fields: typeof TEXT_FIELDS) => JSON.stringify(textQuery(text as TextQuery, fields)).replace(/\{"[a-zA-Z]+":\{"query":("[^"]*"),"boost":\d+\}\}/g, '$1');
      expect(withoutFields(PUBLICATION_TEXT_FIELDS)).toBe(withoutFields(TEXT_FIELDS.slice(0, PUBLICATION_TEXT_FIELDS.length)));
      expect(withoutFields(PUBLICATION_TEXT_FIELDS)).toContain('"match_phrase":"blood patch"');
    });

    it('matches nothing when no atom is searchable (only stop words), and filters still apply', () => {
      const request = buildPublicationSearchRequest(query({ text: 'the', filters: { languages: ['eng'] } }));
      expect(request.query).toEqual({ bool: { must: [{ match_none: {} }], filter: [{ terms: { language: ['eng'] } }] } });
      expect(request).not.toHaveProperty('highlight');
    });

    it('highlights title (whole) and abstract (two passages) with the sentinels, on raw text', () => {
      const request = buildPublicationSearchRequest(query({ text: 'hematoma' }));
      expect(request.highlight).toEqual({
        type: 'unified',
        pre_tags: [HIGHLIGHT_START],
        post_tags: [HIGHLIGHT_END],
        encoder: 'default',
        require_field_match: true,
        fields: { title: { number_of_fragments: 0 }, abstract: { fragment_size: 200, number_of_fragments: 2 } },
      });
      expect(buildPublicationSearchRequest(query({ text: 'hematoma', highlight: false }))).not.toHaveProperty('highlight');
      expect(buildPublicationSearchRequest(query())).not.toHaveProperty('highlight');
    });
  });
});
