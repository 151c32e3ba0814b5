import { FacetName } from '../../query/facet-registry';
import { SearchQuery, SearchSort } from '../../query/search-query';
import { parseTextQuery } from '../../query/text-query.parser';
import { buildPostgresSearch, codeKey } from './postgres-query.builder';

const CODES = new Map([
  [codeKey('complicationIds', 'term-1'), 11],
  [codeKey('sex', 'FEMALE'), 21],
]);
const encode = (field: Parameters<typeof codeKey>[0], value: string) => CODES.get(codeKey(field, value)) ?? -1;
const query = (overrides: Partial<SearchQuery> = {}): SearchQuery => ({ text: null, filters: {}, facets: [], sort: SearchSort.RELEVANCE, page: { first: 20, after: null }, highlight: true, ...overrides });

describe('buildPostgresSearch', () => {
  it('never puts user text into the SQL, only into parameters', () => {
    const hostile = `x'); DROP TABLE case_report; -- "phrase" -y OR z`;
    const { counts, hits } = buildPostgresSearch(query({ text: parseTextQuery(hostile) }), encode);
    for (const statement of [counts, hits!]) {
      expect(statement.sql).not.toContain('DROP TABLE');
      expect(statement.sql).toMatch(/phraseto_tsquery\('english', \$\d+\)/);
    }
    expect(counts.params).toEqual(expect.arrayContaining(["x');", 'phrase', 'y', 'z']));
  });

  it('filters on codes; an unknown value matches nothing', () => {
    const { counts } = buildPostgresSearch(query({ filters: { complications: ['term-1', 'gone'], sex: ['FEMALE' as never] } }), encode);
    expect(counts.sql).toContain('d.complication_codes && $1::int[]');
    expect(counts.sql).toContain('d.sex_code = ANY($2::int[])');
    expect(counts.params.slice(0, 2)).toEqual([[11, -1], [21]]);
  });

  it('counts a facet without its own selection and the hits with all of them', () => {
    const { counts } = buildPostgresSearch(query({ filters: { complications: ['term-1'], sex: ['FEMALE' as never] }, facets: [{ facet: FacetName.COMPLICATION, includeZero: false }, { facet: FacetName.SEX, includeZero: false }] }), encode);
    // Rows meeting all but at most one of the two facet-owned filters are kept; each facet drops its own flag.
    expect(counts.sql).toContain('>= 1');
    expect(counts.sql).toContain("FROM m WHERE m.f0 AND m.f1");
    expect(counts.sql).toContain('(CASE WHEN m.f1 THEN m.complication_codes');
    expect(counts.sql).toContain('(CASE WHEN m.f0 THEN ARRAY[m.sex_code]');
  });

  it('lists the index\'s publication types only when zero counts are asked for', () => {
    const without = buildPostgresSearch(query({ facets: [{ facet: FacetName.PUBLICATION_TYPE, includeZero: false }] }), encode).counts.sql;
    const withZero = buildPostgresSearch(query({ facets: [{ facet: FacetName.PUBLICATION_TYPE, includeZero: true }] }), encode).counts.sql;
    expect(without).not.toContain("'present'");
    expect(withZero).toContain("'present'");
  });

  it('pages on the stored sort key and id; descending keys are stored negated', () => {
    const after = { sort: SearchSort.YEAR_DESC, values: [2019], caseReportId: '00000000-0000-4000-8000-000000000001' };
    const { hits } = buildPostgresSearch(query({ sort: SearchSort.YEAR_DESC, page: { first: 5, after } }), encode);
    expect(hits!.sql).toContain('ORDER BY d.year_desc_key ASC, d.case_report_id ASC');
    expect(hits!.sql).toContain('(d.year_desc_key, d.case_report_id) > ($1::float8, $2::uuid)');
    expect(hits!.params.slice(0, 3)).toEqual([-2019, after.caseReportId, 6]);
  });

  it('ranks text hits by score, then id, and skips the hits statement for counts only', () => {
    const ranked = buildPostgresSearch(query({ text: parseTextQuery('hematoma') }), encode);
    expect(ranked.hits!.sql).toContain('ts_rank_cd(d.rank_vector');
    expect(ranked.hits!.sql).toContain('ts_headline');
    expect(buildPostgresSearch(query({ page: { first: 0, after: null } }), encode).hits).toBeNull();
  });
});
