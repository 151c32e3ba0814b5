import { readFileSync } from 'node:fs';
import request from 'supertest';
import { fixturePath } from '../../src/literature/testing/fixtures';
import { CURATOR_KEY, startTestApp, TestApp } from '../support/test-app';
import { waitForIndex, asText } from '../support/search-index';

const SEARCH_PUBLICATIONS = `query($input: SearchPublicationsInput) {
  searchPublications(input: $input) {
    totalPublications
    facets { facet values { value label publicationCount selected children { value publicationCount } } stats { min max } }
    hits { edges { node { score highlights { field snippets } publication { id title pmid } } } pageInfo { hasNextPage endCursor } }
  }
}`;

const SEARCH_CASES = `query($input: SearchCaseReportsInput!) {
  searchCaseReports(input: $input) {
    totalCases totalPublications
    facets { facet values { value caseCount publicationCount } }
    hits { edges { node { caseReport { id label curationStatus extractionRulesVersion ageYears sex
      publication { id title abstract }
      facts { path value status reviewedBy evidence { field start end text sentence method confidence } } } } } }
  }
}`;

const REVIEW_FACT = `mutation($input: ReviewCaseFactInput!) { reviewCaseFact(input: $input) { id curationStatus sex facts { path value status reviewedBy } } }`;

describe('from an imported PubMed export to searchable publications and proposed cases', () => {
  let app: TestApp;
  const review = 'imported literature e2e';
  let proposed = 0;

  beforeAll(async () => {
    app = await startTestApp({ SEED_DEMO_DATA: 'false' });
    const upload = await request(app.running.url)
      .post('/imports')
      .query({ review, fileName: 'pubmed.xml' })
      .set('Authorization', `Bearer ${CURATOR_KEY}`)
      .set('Content-Type', 'application/xml')
      .send(readFileSync(fixturePath('pubmed_xml/pubmed-10-records-5-case-reports.xml')));
    expect(upload.status).toBe(200);
    expect(upload.body).toMatchObject({ stored: true, created: 10 });
    expect(upload.body.extraction).toMatchObject({ publications: 10 });
    proposed = upload.body.extraction.proposedCases;
    expect(proposed).toBeGreaterThanOrEqual(5);
    await waitForIndex(app);
  });

  afterAll(async () => {
    await app?.close();
  });

  it('finds every imported record with searchPublications, counted by case status, MeSH and review', async () => {
    const all = await app.graphql<{ searchPublications: any }>(SEARCH_PUBLICATIONS, {
      input: { facets: [{ facet: 'CASE_STATUS', includeZero: true }, { facet: 'MESH_DESCRIPTOR', limit: 5 }, { facet: 'REVIEW' }, { facet: 'PUBLICATION_TYPE' }, { facet: 'YEAR' }], first: 100 },
    });
    expect(all.errors).toBeUndefined();
    const result = all.data!.searchPublications;
    expect(result.totalPublications).toBe(10);
    expect(result.hits.edges).toHaveLength(10);
    const facet = (name: string) => result.facets.find((f: any) => f.facet === name);
    const status = Object.fromEntries(facet('CASE_STATUS').values.map((v: any) => [v.value, v.publicationCount]));
    expect(status.CURATED).toBe(0);
    expect(status.SUGGESTED + status.NONE).toBe(10);
    expect(status.SUGGESTED).toBeGreaterThanOrEqual(4);
    expect(facet('REVIEW').values).toEqual([expect.objectContaining({ value: review, publicationCount: 10 })]);
    expect(facet('MESH_DESCRIPTOR').values.length).toBeGreaterThan(0);
    expect(facet('PUBLICATION_TYPE').values.find((v: any) => v.value === 'Case Reports').publicationCount).toBe(5);

    const text = await app.graphql<{ searchPublications: any }>(SEARCH_PUBLICATIONS, { input: { text: 'dentigerous cysts', filters: { caseStatuses: ['SUGGESTED', 'NONE'] } } });
    expect(text.errors).toBeUndefined();
    expect(text.data!.searchPublications.totalPublications).toBeGreaterThanOrEqual(1);
    expect(JSON.stringify(text.data!.searchPublications.hits.edges[0].node.highlights)).toContain('<mark>');
  });

  it('names a review or an import batch that does not exist instead of finding nothing (searches and exports alike)', async () => {
    const known = await app.graphql<{ searchPublications: any }>(SEARCH_PUBLICATIONS, { input: { filters: { reviews: [review, 'NONE'] }, first: 0 } });
    expect(known.errors).toBeUndefined();
    expect(known.data!.searchPublications.totalPublications).toBe(10);
    const misspelt = await app.graphql<{ searchPublications: any }>(SEARCH_PUBLICATIONS, {
      input: { filters: { reviews: [review, 'imported literature e2e '.toUpperCase()], importBatches: ['00000000-0000-4000-8000-000000000000'] }, first: 0 },
    });
    expect(misspelt.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(JSON.stringify(misspelt.errors)).toContain('input.filters.reviews.1');
    expect(JSON.stringify(misspelt.errors)).toContain('no review \\"IMPORTED LITERATURE E2E\\"');
    expect(JSON.stringify(misspelt.errors)).toContain('input.filters.importBatches.0');
    const download = await request(app.running.url).get('/exports').query({ scope: 'publications', format: 'ris', reviews: 'no such review' });
    expect(download.status).toBe(400);
    expect(download.text).toContain('no review');
  });

  it('exports the whole imported set as RIS without a single curated case, and says so when nothing matches', async () => {
    const ris = await asText(request(app.running.url).get('/exports').query({ scope: 'publications', format: 'ris', reviews: review }));
    expect(ris.status).toBe(200);
    expect(ris.headers['x-total-publications']).toBe('10');
    expect((ris.body as string).match(/^ER {2}-/gm)).toHaveLength(10);
    const none = await request(app.running.url).get('/exports').query({ scope: 'publications', format: 'ris', text: 'zzzxqnotaword' });
    expect(none.status).toBe(404);
    expect(none.body.error.code).toBe('NOT_FOUND');
    const noCases = await request(app.running.url).get('/exports').query({ format: 'csv', text: 'zzzxqnotaword' });
    expect(noCases.status).toBe(404);
  });

  it('shows the proposed patients in case search, marked SUGGESTED, each fact with the words it came from', async () => {
    const found = await app.graphql<{ searchCaseReports: any }>(SEARCH_CASES, { input: { filters: { curationStatuses: ['SUGGESTED'] }, facets: [{ facet: 'CURATION_STATUS', includeZero: true }], first: 50 } });
    expect(found.errors).toBeUndefined();
    const result = found.data!.searchCaseReports;
    expect(result.totalCases).toBe(proposed);
    const counts = Object.fromEntries(result.facets[0].values.map((v: any) => [v.value, v.caseCount]));
    expect(counts).toEqual({ CURATED: 0, SUGGESTED: proposed });
    let checked = 0;
    for (const { node } of result.hits.edges) {
      const c = node.caseReport;
      expect(c.curationStatus).toBe('SUGGESTED');
      expect(c.extractionRulesVersion).toBeTruthy();
      for (const fact of c.facts) {
        expect(fact.status).toBe('SUGGESTED');
        const source = fact.evidence.field === 'abstract' ? c.publication.abstract : fact.evidence.field === 'title' ? c.publication.title : null;
        if (source === null) continue;
        expect(source.slice(fact.evidence.start, fact.evidence.end)).toBe(fact.evidence.text);
        expect(fact.evidence.sentence).toContain(fact.evidence.text);
        checked += 1;
      }
    }
    expect(checked).toBeGreaterThan(0);
  });

  it('a curator corrects and confirms a case; a re-run of extraction never overwrites it', async () => {
    const found = await app.graphql<{ searchCaseReports: any }>(SEARCH_CASES, { input: { text: 'infant eruption cysts', filters: { curationStatuses: ['SUGGESTED'] }, first: 1 } });
    const target = found.data!.searchCaseReports.hits.edges[0].node.caseReport;
    const corrected = await app.graphql<{ reviewCaseFact: any }>(REVIEW_FACT, { input: { caseReportId: target.id, path: 'sex', action: 'CORRECT', value: 'FEMALE' } }, CURATOR_KEY);
    expect(corrected.errors).toBeUndefined();
    expect(corrected.data!.reviewCaseFact).toMatchObject({ sex: 'FEMALE', curationStatus: 'SUGGESTED' });
    expect(corrected.data!.reviewCaseFact.facts.find((f: any) => f.path === 'sex')).toMatchObject({ status: 'CORRECTED', value: 'FEMALE', reviewedBy: 'curator' });
    const bad = await app.graphql(REVIEW_FACT, { input: { caseReportId: target.id, path: 'ageYears', action: 'CORRECT', value: 'old' } }, CURATOR_KEY);
    expect(bad.errors![0].extensions!.code).toBe('BAD_USER_INPUT');
    const anonymous = await app.graphql(REVIEW_FACT, { input: { caseReportId: target.id, path: 'sex', action: 'ACCEPT' } });
    expect(anonymous.errors![0].extensions!.code).toBe('UNAUTHENTICATED');

    const confirmed = await app.graphql<{ confirmCaseReport: any }>(`mutation($id: ID!) { confirmCaseReport(id: $id) { curationStatus facts { path status } } }`, { id: target.id }, CURATOR_KEY);
    expect(confirmed.errors).toBeUndefined();
    expect(confirmed.data!.confirmCaseReport.curationStatus).toBe('CURATED');
    expect(confirmed.data!.confirmCaseReport.facts.every((f: any) => f.status !== 'SUGGESTED')).toBe(true);

    const rerun = await app.graphql<{ extractCases: any }>(`mutation($review: String) { extractCases(input: { review: $review }) { publications proposedCases replacedCases skippedCurated } }`, { review }, CURATOR_KEY);
    expect(rerun.errors).toBeUndefined();
    expect(rerun.data!.extractCases).toMatchObject({ publications: 10, skippedCurated: 1, proposedCases: proposed - 1, replacedCases: proposed - 1 });
    await waitForIndex(app);
    const after = await app.graphql<{ caseReport: any }>(`query($id: ID!) { caseReport(id: $id) { curationStatus sex } }`, { id: target.id });
    expect(after.data!.caseReport).toEqual({ curationStatus: 'CURATED', sex: 'FEMALE' });
    const statuses = await app.graphql<{ searchPublications: any }>(SEARCH_PUBLICATIONS, { input: { facets: [{ facet: 'CASE_STATUS' }], first: 0 } });
    const counts = Object.fromEntries(statuses.data!.searchPublications.facets[0].values.map((v: any) => [v.value, v.publicationCount]));
    expect(counts.CURATED).toBe(1);
  });

  it('rejecting a suggested patient takes it out of search, and a re-run does not propose it again', async () => {
    const found = await app.graphql<{ searchCaseReports: any }>(SEARCH_CASES, { input: { text: 'mediastinum', filters: { curationStatuses: ['SUGGESTED'] }, first: 1 } });
    const target = found.data!.searchCaseReports.hits.edges[0].node.caseReport;
    const rejected = await app.graphql<{ rejectCaseReport: any }>(`mutation($id: ID!) { rejectCaseReport(id: $id) { curationStatus } }`, { id: target.id }, CURATOR_KEY);
    expect(rejected.data!.rejectCaseReport.curationStatus).toBe('REJECTED');
    const rerun = await app.graphql<{ extractCases: any }>(`mutation($ids: [ID!]) { extractCases(input: { publicationIds: $ids }) { proposedCases replacedCases } }`, { ids: [target.publication.id] }, CURATOR_KEY);
    expect(rerun.data!.extractCases).toEqual({ proposedCases: 0, replacedCases: 0 });
    await waitForIndex(app);
    const again = await app.graphql<{ searchCaseReports: any }>(SEARCH_CASES, { input: { text: 'mediastinum', first: 5 } });
    expect(again.data!.searchCaseReports.totalCases).toBe(0);
  });

  it('refuses extractCases with an empty list of publications, naming it (it answered a run of 0 publications)', async () => {
    const empty = await app.graphql<{ extractCases: any }>(`mutation($ids: [ID!]) { extractCases(input: { publicationIds: $ids }) { proposedCases } }`, { ids: [] }, CURATOR_KEY);
    expect(empty.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fieldErrors: [{ path: 'input.publicationIds', message: expect.stringContaining('is empty') }] });
  });

  it('turns extraction off on request', async () => {
    const upload = await request(app.running.url)
      .post('/imports')
      .query({ review: 'no extraction', extractCases: 'false' })
      .set('Authorization', `Bearer ${CURATOR_KEY}`)
      .set('Content-Type', 'application/xml')
      .send(readFileSync(fixturePath('pubmed_xml/pubmed-structured-abstract.xml')));
    expect(upload.status).toBe(200);
    expect(upload.body.extraction).toBeNull();
    const bad = await request(app.running.url).post('/imports').query({ extractCases: 'maybe' }).set('Authorization', `Bearer ${CURATOR_KEY}`).set('Content-Type', 'text/plain').send('TY  - JOUR\nTI  - X\nER  - \n');
    expect(bad.status).toBe(400);
  });
});
