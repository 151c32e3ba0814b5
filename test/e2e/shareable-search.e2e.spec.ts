import { CURATOR_KEY, startTestApp, TestApp } from '../support/test-app';
import { waitForIndex } from '../support/search-index';

/**
 * Two installations seeded separately: the same vocabulary and demo corpus, different database ids.
 * A search that names terms by key (as the page's links and saved searches do) means the same on both.
 */
const SEARCH = `query($input: SearchCaseReportsInput!) {
  searchCaseReports(input: $input) {
    totalCases totalPublications
    hits { edges { node { caseReport { label publication { title } } } } }
    facets { facet values { termId termKey caseCount children { termId termKey caseCount } } }
  }
}`;

const SAVE = `mutation($input: SaveSearchInput!) { saveSearch(input: $input) { id search { filters { complications procedures } } } }`;

describe('searches anyone can share (two installations)', () => {
  let first: TestApp;
  let second: TestApp;
  const search = async (app: TestApp, input: Record<string, unknown>) => {
    const result = await app.graphql<{ searchCaseReports: any }>(SEARCH, { input });
    if (result.errors) throw new Error(JSON.stringify(result.errors));
    return result.data!.searchCaseReports;
  };
  const cases = (result: any) => result.hits.edges.map((edge: any) => `${edge.node.caseReport.publication.title} / ${edge.node.caseReport.label}`).sort();

  beforeAll(async () => {
    first = await startTestApp();
    second = await startTestApp();
    await Promise.all([waitForIndex(first), waitForIndex(second)]);
  });

  afterAll(async () => {
    await first?.close();
    await second?.close();
  });

  it('gives the same cases on both for a search by term keys, though the term ids differ', async () => {
    const input = {
      filters: { complications: ['intrathecal-hematoma', 'spinal-subdural-hematoma'], procedures: ['epidural-blood-patch'], pregnancyStatuses: ['PREGNANT', 'POSTPARTUM'] },
      facets: [{ facet: 'PROCEDURE' }],
      first: 50,
    };
    const [a, b] = await Promise.all([search(first, input), search(second, input)]);
    expect(a.totalCases).toBe(5);
    expect(b.totalCases).toBe(a.totalCases);
    expect(cases(b)).toEqual(cases(a));
    const blood = (result: any) => result.facets[0].values.find((value: any) => value.termKey === 'epidural-blood-patch');
    expect(blood(a).termId).not.toBe(blood(b).termId);
    expect(blood(a).caseCount).toBe(blood(b).caseCount);
    // A database id only means something where it was made.
    const byId = await second.graphql(SEARCH, { input: { filters: { procedures: [blood(a).termId] } } });
    expect(byId.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('saves a search with term keys even when it was given ids, so it runs on the other installation', async () => {
    const { facets } = await search(first, { facets: [{ facet: 'PROCEDURE' }], first: 0 });
    const blood = facets[0].values.find((value: any) => value.termKey === 'epidural-blood-patch');
    const saved = await first.graphql<{ saveSearch: any }>(SAVE, { input: { name: 'EBP', search: { filters: { procedures: [blood.termId] } } } }, CURATOR_KEY);
    expect(saved.errors).toBeUndefined();
    expect(saved.data!.saveSearch.search.filters.procedures).toEqual(['epidural-blood-patch']);
    const [a, b] = await Promise.all([search(first, { filters: saved.data!.saveSearch.search.filters, first: 50 }), search(second, { filters: saved.data!.saveSearch.search.filters, first: 50 })]);
    expect(a.totalCases).toBeGreaterThan(0);
    expect(cases(b)).toEqual(cases(a));
  });
});
