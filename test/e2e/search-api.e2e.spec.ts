import request from 'supertest';
import { ADMIN_KEY, CURATOR_KEY, startTestApp, TestApp } from '../support/test-app';
import { waitForIndex } from '../support/search-index';

const SEARCH = `query($input: SearchCaseReportsInput!) {
  searchCaseReports(input: $input) {
    totalCases totalPublications
    hits { edges { cursor node { score caseReport { id label outcome pregnancyStatus publication { title doi } complications { term { key } } } highlights { field snippets } } } pageInfo { hasNextPage endCursor } }
    facets { facet values { value label termId caseCount publicationCount selected children { value label caseCount children { value label caseCount } } } stats { min max buckets { from to caseCount } } }
  }
}`;

type Facet = { facet: string; values: { value: string; label: string; termId: string | null; caseCount: number; publicationCount: number; selected: boolean; children: any[] }[]; stats: any };
const countsOf = (facets: Facet[], name: string) => Object.fromEntries(facets.find((f) => f.facet === name)!.values.map((v) => [v.value, v.caseCount]));

describe('search API over GraphQL (demo corpus)', () => {
  let app: TestApp;
  const search = async (input: Record<string, unknown>) => {
    const result = await app.graphql<{ searchCaseReports: any }>(SEARCH, { input });
    if (result.errors) throw new Error(JSON.stringify(result.errors));
    return result.data!.searchCaseReports;
  };

  beforeAll(async () => {
    app = await startTestApp();
    await waitForIndex(app);
  });

  afterAll(async () => {
    await app.close();
  });

  it('answers: intrathecal or spinal subdural hematoma after an epidural blood patch, in pregnant or postpartum patients: how many, and how did they end?', async () => {
    // Hand count from src/case-reports/demo/demo-corpus.json: A01, A03, A04, A05, A06 (all postpartum);
    // intrathecal 4, spinal subdural 1; FULL_RECOVERY 2 (A01, A04), UNKNOWN 2 (A03, A05), PARTIAL_RECOVERY 1 (A06).
    const result = await search({
      filters: { complications: ['intrathecal-hematoma', 'spinal-subdural-hematoma'], procedures: ['epidural-blood-patch'], pregnancyStatuses: ['PREGNANT', 'POSTPARTUM'] },
      facets: [{ facet: 'OUTCOME' }, { facet: 'COMPLICATION' }, { facet: 'PREGNANCY_STATUS', includeZero: true }],
      sort: 'YEAR_DESC',
    });
    expect(result.totalCases).toBe(5);
    expect(result.totalPublications).toBe(5);
    expect(result.hits.edges).toHaveLength(5);
    for (const edge of result.hits.edges) expect(edge.node.caseReport.pregnancyStatus).toBe('POSTPARTUM');
    // Outcome counts ignore no other filter: they are exactly the outcomes of these 5 cases.
    expect(countsOf(result.facets, 'OUTCOME')).toEqual({ FULL_RECOVERY: 2, PARTIAL_RECOVERY: 1, UNKNOWN: 2 });
    const outcomeLabels = result.facets.find((f: Facet) => f.facet === 'OUTCOME').values.map((v: any) => v.label);
    expect(outcomeLabels).toEqual(['Full recovery', 'Partial recovery', 'Unknown']);
    // The pregnancy facet ignores its own selection: the 7 EBP-caused intrathecal/spinal subdural cases.
    expect(countsOf(result.facets, 'PREGNANCY_STATUS')).toEqual({ PREGNANT: 0, POSTPARTUM: 5, NOT_PREGNANT: 1, UNKNOWN: 1 });
    // The complication facet ignores its own selection: a tree whose selected leaves say 4 and 1.
    const flat = (values: any[]): any[] => values.flatMap((v) => [v, ...flat(v.children ?? [])]);
    const complications = flat(result.facets.find((f: Facet) => f.facet === 'COMPLICATION').values);
    const hematoma = result.facets.find((f: Facet) => f.facet === 'COMPLICATION').values.find((v: any) => v.label === 'Hematoma');
    const spinal = hematoma.children.find((v: any) => v.label === 'Spinal hematoma');
    expect(Object.fromEntries(spinal.children.map((v: any) => [v.label, v.caseCount]))).toMatchObject({ 'Intrathecal hematoma': 4, 'Spinal subdural hematoma': 1 });
    expect(complications.length).toBeGreaterThan(3);
  });

  it('finds the same cases by MeSH UI and by term id, and through text with highlights', async () => {
    const terms = await app.graphql<any>('{ vocabularyTerms(kind: COMPLICATION) { id key meshUi } }');
    const intrathecal = terms.data.vocabularyTerms.find((t: any) => t.key === 'intrathecal-hematoma');
    const byId = await search({ filters: { complications: [intrathecal.id] }, first: 0 });
    expect(byId.totalCases).toBe(5);
    if (intrathecal.meshUi) expect((await search({ filters: { complications: [intrathecal.meshUi] }, first: 0 })).totalCases).toBe(byId.totalCases);
    const text = await search({ text: 'intrathecal haematoma', first: 3 });
    expect(text.totalCases).toBeGreaterThanOrEqual(5);
    expect(text.hits.edges[0].node.score).toBeGreaterThan(0);
    const snippets = text.hits.edges.flatMap((e: any) => e.node.highlights.flatMap((h: any) => h.snippets));
    expect(snippets.join(' ')).toMatch(/<mark>/);
    for (const snippet of snippets) expect(snippet.replace(/<\/?mark>/g, '')).not.toMatch(/[<>]/);
  });

  it('pages with cursors and counts "not reported" treatments', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    for (let page = 0; page < 10; page++) {
      const result: any = await search({ first: 5, after, sort: 'AGE_ASC', facets: [{ facet: 'TREATMENT' }] });
      expect(countsOf(result.facets, 'TREATMENT').UNKNOWN).toBe(6);
      seen.push(...result.hits.edges.map((e: any) => e.node.caseReport.id));
      if (!result.hits.pageInfo.hasNextPage) break;
      after = result.hits.pageInfo.endCursor;
    }
    expect(seen).toHaveLength(23);
    expect(new Set(seen).size).toBe(23);
  });

  it('pages on by relevance with the same text, and refuses that cursor for another text instead of restarting silently', async () => {
    const first: any = await search({ text: 'hematoma', first: 2 });
    const cursor = first.hits.pageInfo.endCursor;
    const next: any = await search({ text: 'hematoma', first: 2, after: cursor });
    expect(next.hits.edges.map((e: any) => e.node.caseReport.id)).not.toContain(first.hits.edges[0].node.caseReport.id);
    const other = await app.graphql(SEARCH, { input: { text: 'headache', first: 2, after: cursor } });
    expect(other.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(other.errors?.[0].extensions?.fieldErrors).toEqual([{ path: 'input.after', message: expect.stringContaining('another search text') }]);
  });

  it('searches within a facet\'s values', async () => {
    const result = await app.graphql<any>(`{ facetValues(facet: COMPLICATION, prefix: "subd") { value label caseCount } }`);
    expect(result.errors).toBeUndefined();
    const labels = result.data.facetValues.map((v: any) => v.label);
    expect(labels).toEqual(expect.arrayContaining(['Spinal subdural hematoma', 'Intracranial subdural hematoma']));
    for (const label of labels) expect(label.toLowerCase()).toMatch(/(^|[\s(-])subd|hygroma/);
  });

  it.each([
    ['an inverted range', { filters: { year: { min: 2020, max: 2000 } } }, 'input.filters.year'],
    ['a page size over the limit', { first: 1000 }, 'input.first'],
    ['an unknown term', { filters: { complications: ['no-such-term'] } }, 'input.filters.complications.0'],
    ['a limit on a numeric facet', { facets: [{ facet: 'AGE', limit: 3 }] }, 'input.facets.0.limit'],
    ['a cursor from elsewhere', { after: 'bm90LWEtY3Vyc29y' }, 'input.after'],
  ])('refuses %s with BAD_USER_INPUT naming the field', async (_, input, path) => {
    const result = await app.graphql(SEARCH, { input });
    expect(result.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect((result.errors?.[0].extensions?.fieldErrors as { path: string }[]).map((e) => e.path)).toContain(path);
  });

  it('refuses an unknown facet name as bad input', async () => {
    const result = await app.graphql(SEARCH, { input: { facets: [{ facet: 'COLOUR' }] } });
    expect(result.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(result.errors?.[0].message).toMatch(/COLOUR/);
  });

  it('treats malformed text syntax as a literal search, never an internal error', async () => {
    const result = await app.graphql(SEARCH, { input: { text: '"blood patch -(( OR' } });
    expect(result.errors).toBeUndefined();
  });

  it('shows the hits\' cases exactly as caseReport(id) does, whatever the selection reads ahead (fragments, aliases, nested facts)', async () => {
    // The search reads its page's cases, publications, facts and terms in one statement (CasePageReader);
    // caseReport(id) goes through the per-field loaders. Both must give the same answer.
    const CASE = `fragment CaseFields on CaseReport {
      id publicationId label summary ageYears ageGroup sex pregnancyStatus anticoagulation outcome outcomeDetails timeToResolutionDays followUpDays
      curationStatus extractionRulesVersion version createdAt updatedAt facts { path value status }
      publication { id title titleStatus abstract journal year month doi pmid publicationTypes authors { family given } createdAt updatedAt caseReports { id } }
      procedures { id position details bloodVolumeMl term { id key label kind meshUi parentId synonyms } }
      first: complications { id position onsetHours diagnosis details term { id key label } procedure { id position } symptoms { key } }
      ... on CaseReport { complications { term { label kind } } }
      treatments { id position details term { key label } complication { id } }
      comorbidities { key label }
    }`;
    const found = await app.graphql<{ searchCaseReports: any }>(
      `query($input: SearchCaseReportsInput!) { searchCaseReports(input: $input) { hits { edges { node { caseReport { ...CaseFields } } } } } } ${CASE}`,
      { input: { text: 'hematoma', first: 10 } },
    );
    expect(found.errors).toBeUndefined();
    const cases = found.data!.searchCaseReports.hits.edges.map((edge: any) => edge.node.caseReport);
    expect(cases.length).toBeGreaterThan(3);
    expect(cases.some((c: any) => c.procedures.length && c.first.length && c.treatments.length)).toBe(true);
    for (const caseReport of cases) {
      const direct = await app.graphql<{ caseReport: any }>(`query($id: ID!) { caseReport(id: $id) { ...CaseFields } } ${CASE}`, { id: caseReport.id });
      expect(direct.errors).toBeUndefined();
      expect(caseReport).toEqual(direct.data!.caseReport);
    }
  });

  it('shows index freshness in /health and searchIndexStatus', async () => {
    const status = await app.graphql<any>('{ searchIndexStatus { engine reachable outboxDepth oldestPendingAt } }');
    expect(status.data.searchIndexStatus).toEqual({ engine: 'postgres', reachable: true, outboxDepth: 0, oldestPendingAt: null });
    const health = await request(app.running.url).get('/health');
    expect(health.status).toBe(200);
    expect(health.body.info.search).toMatchObject({ status: 'up', engine: 'postgres', reachable: true, outboxDepth: 0 });
  });

  it('indexes a new case after its write, and reindexes on an admin request', async () => {
    const publication = await app.graphql<any>(`mutation { createPublication(input: { title: "Quokka-related spinal subdural hematoma", year: 2024 }) { id } }`, undefined, CURATOR_KEY);
    expect(publication.errors).toBeUndefined();
    const created = await app.graphql<any>(
      `mutation($input: CreateCaseReportInput!) { createCaseReport(input: $input) { id } }`,
      { input: { publicationId: publication.data.createPublication.id, label: 'Case 1', sex: 'FEMALE', pregnancyStatus: 'POSTPARTUM', anticoagulation: 'UNKNOWN', outcome: 'DEATH', procedures: [{ term: 'epidural-blood-patch', bloodVolumeMl: 20 }], complications: [{ term: 'spinal-subdural-hematoma', procedureIndex: 0 }], treatments: [] } },
      CURATOR_KEY,
    );
    expect(created.errors).toBeUndefined();
    await waitForIndex(app);
    expect((await search({ text: 'quokka', first: 0 })).totalCases).toBe(1);
    const forbidden = await app.graphql(`mutation { reindexSearch { caseReports } }`, undefined, CURATOR_KEY);
    expect(forbidden.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const reindex = await app.graphql<any>(`mutation { reindexSearch { engine caseReports pendingWrites durationMs } }`, undefined, ADMIN_KEY);
    expect(reindex.errors).toBeUndefined();
    expect(reindex.data.reindexSearch).toMatchObject({ engine: 'postgres', caseReports: 24 });
    expect((await search({ first: 0 })).totalCases).toBe(24);
    const deleted = await app.graphql(`mutation($id: ID!) { deleteCaseReport(id: $id) }`, { id: created.data.createCaseReport.id }, CURATOR_KEY);
    expect(deleted.errors).toBeUndefined();
    await waitForIndex(app);
    expect((await search({ text: 'quokka', first: 0 })).totalCases).toBe(0);
  });
});
