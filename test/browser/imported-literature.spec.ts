/**
 * The search page over imported literature, in real Chromium: a PubMed export (10 records, 5 case
 * reports) is imported over POST /imports, which proposes patients (SUGGESTED) with evidence. The
 * page finds every record in publication mode with counts by case status, searches them by text,
 * exports them as RIS (scope=publications), shows the proposed patients in case search marked
 * "Suggested", and opens one to show each fact with the sentence it came from.
 */
import request from 'supertest';
import type { Page } from 'playwright-core';
import { startTestApp, TestApp } from '../support/test-app';
import { accessibilityViolations } from './support/accessibility';
import { externalRequests, launchBrowser, screenshot, TestBrowser } from './support/browser';
import { importFixture } from './support/literature';
import { ensureSearchPageBuilt, resultCountText, SearchPageDriver, settled, shownFacetCounts, urlParams } from './support/search-page';

const REVIEW = 'browser literature';

const SEARCH_PUBLICATIONS = `query($input: SearchPublicationsInput) {
  searchPublications(input: $input) {
    totalPublications
    facets { facet values { value publicationCount } }
    hits { edges { node { publication { id title caseReports { id curationStatus } } } } }
  }
}`;

const SEARCH_CASES = `query($input: SearchCaseReportsInput!) {
  searchCaseReports(input: $input) {
    totalCases
    facets { facet values { value caseCount } }
    hits { edges { node { caseReport { id curationStatus
      facts { path status evidence { field text sentence } } } } } }
  }
}`;

interface ApiPublications {
  totalPublications: number;
  facets: { facet: string; values: { value: string; publicationCount: number }[] }[];
  hits: { edges: { node: { publication: { id: string; title: string; caseReports: { id: string; curationStatus: string }[] } } }[] };
}

interface ApiCases {
  totalCases: number;
  facets: { facet: string; values: { value: string; caseCount: number }[] }[];
  hits: { edges: { node: { caseReport: { id: string; curationStatus: string; facts: { path: string; status: string; evidence: { field: string; text: string; sentence: string } | null }[] } } }[] };
}

describe('search page over imported literature (browser, PubMed fixture)', () => {
  let app: TestApp;
  let browser: TestBrowser;
  let driver: SearchPageDriver;
  let proposed = 0;

  const publications = async (input: Record<string, unknown>): Promise<ApiPublications> => {
    const result = await app.graphql<{ searchPublications: ApiPublications }>(SEARCH_PUBLICATIONS, { input });
    if (result.errors) throw new Error(JSON.stringify(result.errors));
    return result.data!.searchPublications;
  };
  const cases = async (input: Record<string, unknown>): Promise<ApiCases> => {
    const result = await app.graphql<{ searchCaseReports: ApiCases }>(SEARCH_CASES, { input });
    if (result.errors) throw new Error(JSON.stringify(result.errors));
    return result.data!.searchCaseReports;
  };
  const shownPublicationIds = (page: Page) => page.$$eval('#results > li.publication-hit', (items) => items.map((item) => (item as HTMLElement).dataset.publicationId as string));
  const expectAccessible = async (page: Page) => expect(await accessibilityViolations(page)).toEqual([]);

  beforeAll(async () => {
    ensureSearchPageBuilt();
    app = await startTestApp({ SEED_DEMO_DATA: 'false' });
    const report = await importFixture(app, 'pubmed_xml/pubmed-10-records-5-case-reports.xml', REVIEW);
    expect(report.created).toBe(10);
    proposed = report.extraction?.proposedCases ?? 0;
    expect(proposed).toBeGreaterThanOrEqual(5);
    browser = await launchBrowser();
    driver = new SearchPageDriver(app, browser);
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it('switches to publication search and lists all 10 records, each with its case status, counted by status', async () => {
    const page = await driver.open();
    // Case search (the default) has only the proposed patients; publication search has every record.
    expect(await resultCountText(page)).toMatch(new RegExp(`^${proposed} cases in \\d+ publications`));
    await page.check('input[name="scope"][value="publications"]');
    await page.waitForFunction(() => new URL(location.href).searchParams.get('scope') === 'publications');
    await settled(page);
    await expect(page.textContent('#search-label')).resolves.toBe('Search publications');

    const api = await publications({ facets: [{ facet: 'CASE_STATUS', includeZero: true }, { facet: 'REVIEW' }, { facet: 'PUBLICATION_TYPE' }], first: 20 });
    expect(api.totalPublications).toBe(10);
    expect(await resultCountText(page)).toBe('10 publications, showing 1–10');
    expect(await shownPublicationIds(page)).toEqual(api.hits.edges.map((edge) => edge.node.publication.id));

    // Every result says in words whether it has case reports, suggested or curated, with counts.
    const statuses = await page.$$eval('#results > li .publication-status', (items) => items.map((item) => item.textContent?.replace(/\s+/g, ' ').trim() ?? ''));
    expect(statuses).toHaveLength(10);
    api.hits.edges.forEach(({ node }, index) => {
      const suggested = node.publication.caseReports.filter((item) => item.curationStatus === 'SUGGESTED').length;
      expect(statuses[index]).toBe(suggested ? `Case reports: Suggested cases: ${suggested}` : 'Case reports: No case reports');
    });
    const card = page.locator('#results > li').first();
    await expect(card.locator('.hit-title').textContent()).resolves.toBe(api.hits.edges[0].node.publication.title);
    expect(await card.locator('.hit-authors').textContent()).toBeTruthy();

    // Facets count publications, as the API does; NONE + SUGGESTED make all 10.
    const statusCounts = Object.fromEntries(api.facets.find((facet) => facet.facet === 'CASE_STATUS')!.values.map((value) => [value.value, value.publicationCount]));
    expect(await shownFacetCounts(page, 'CASE_STATUS')).toEqual(statusCounts);
    expect(statusCounts.NONE + statusCounts.SUGGESTED).toBe(10);
    await expect(page.locator('fieldset[data-facet="CASE_STATUS"] li[data-value="NONE"] .facet-label').textContent()).resolves.toBe('No case reports');
    await expect(page.locator('fieldset[data-facet="CASE_STATUS"] li[data-value="NONE"] .facet-count').textContent()).resolves.toBe(`${statusCounts.NONE} publications`);
    expect(await shownFacetCounts(page, 'REVIEW')).toEqual({ [REVIEW]: 10 });
    expect((await shownFacetCounts(page, 'PUBLICATION_TYPE'))['Case Reports']).toBe(5);
    for (const facet of ['MESH_DESCRIPTOR', 'JOURNAL', 'LANGUAGE', 'YEAR']) expect(await page.locator(`fieldset[data-facet="${facet}"]`).count()).toBe(1);
    // Case facets are gone in this mode.
    expect(await page.locator('fieldset[data-facet="COMPLICATION"]').count()).toBe(0);
    // The MeSH tree shows its first level; narrower descriptors wait behind a toggle.
    const mesh = page.locator('fieldset[data-facet="MESH_DESCRIPTOR"]');
    expect(await mesh.locator('li.facet-value[data-depth="0"]').count()).toBeGreaterThan(0);
    const nested = await mesh.locator('ul.facet-list ul.facet-list').count();
    if (nested) expect(await mesh.locator('ul.facet-list ul.facet-list:not([hidden])').count()).toBe(0);
    await expectAccessible(page);
    await screenshot(page, 'literature-01-publications');

    // A status filter narrows the list, with the URL as the state; Back returns to case search.
    await page.check('fieldset[data-facet="CASE_STATUS"] li[data-value="NONE"] input');
    await page.waitForFunction(() => new URL(location.href).searchParams.getAll('caseStatus').join() === 'NONE');
    await settled(page);
    expect(await resultCountText(page)).toBe(`${statusCounts.NONE} publications, showing 1–${statusCounts.NONE}`);
    expect(await page.locator('#results .badge[data-status="SUGGESTED"]').count()).toBe(0);
    await page.goBack();
    await settled(page);
    await page.goBack();
    await settled(page);
    expect(urlParams(page).get('scope')).toBeNull();
    await expect(page.isChecked('input[name="scope"][value="cases"]')).resolves.toBe(true);
    expect(await resultCountText(page)).toMatch(new RegExp(`^${proposed} cases in `));
    await page.close();
  });

  it('searches publications by text with the same syntax, the matched words marked', async () => {
    const page = await driver.open('scope=publications');
    await page.locator('#search-text').pressSequentially('dentigerous cysts', { delay: 20 });
    await page.waitForFunction(() => new URL(location.href).searchParams.get('q') === 'dentigerous cysts');
    await settled(page);
    const api = await publications({ text: 'dentigerous cysts', first: 20 });
    expect(api.totalPublications).toBeGreaterThanOrEqual(1);
    expect(api.totalPublications).toBeLessThan(10);
    expect(await resultCountText(page)).toBe(`${api.totalPublications} ${api.totalPublications === 1 ? 'publication' : 'publications'}, showing 1–${api.totalPublications}`);
    expect(await shownPublicationIds(page)).toEqual(api.hits.edges.map((edge) => edge.node.publication.id));
    const marked = (await page.locator('#results mark').allTextContents()).map((text) => text.toLowerCase());
    expect(marked.some((text) => /dentigerous|cyst/.test(text))).toBe(true);
    // Marks are elements the page made, never HTML from the data.
    expect(await page.locator('#results mark *').count()).toBe(0);
    expect(urlParams(page).get('scope')).toBe('publications');

    // Phrases and exclusions work as in case search.
    await page.fill('#search-text', '"dentigerous cysts" -zzzxq');
    await page.press('#search-text', 'Enter');
    await page.waitForFunction(() => new URL(location.href).searchParams.get('q') === '"dentigerous cysts" -zzzxq');
    await settled(page);
    const phrase = await publications({ text: '"dentigerous cysts" -zzzxq', first: 0 });
    expect(await resultCountText(page)).toMatch(new RegExp(`^${phrase.totalPublications} publications?`));
    await expectAccessible(page);
    await screenshot(page, 'literature-02-publication-text');
    await page.close();
  });

  it('exports the publication search as RIS: the link says scope=publications and downloads all 10 records', async () => {
    const page = await driver.open('scope=publications');
    await page.waitForSelector('#export:not([hidden])');
    const href = await page.getAttribute('#export-ris', 'href');
    const url = new URL(href!, app.running.url);
    expect(url.pathname).toBe('/exports');
    expect(url.searchParams.get('scope')).toBe('publications');
    expect(url.searchParams.get('format')).toBe('ris');
    expect(JSON.parse(url.searchParams.get('q')!)).toEqual({ sort: 'RELEVANCE' });
    await expect(page.textContent('#export-label')).resolves.toBe('Export these publications:');
    const download = await request(app.running.url).get(`${url.pathname}${url.search}`).buffer(true).parse((response, done) => {
      let text = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (text += chunk));
      response.on('end', () => done(null, text));
    });
    expect(download.status).toBe(200);
    expect(download.headers['x-total-publications']).toBe('10');
    expect((download.body as string).match(/^ER {2}-/gm)).toHaveLength(10);

    // Back in case search, the same buttons export cases (no scope).
    await page.check('input[name="scope"][value="cases"]');
    await page.waitForFunction(() => !new URL(location.href).searchParams.has('scope'));
    await settled(page);
    expect(new URL((await page.getAttribute('#export-ris', 'href'))!, app.running.url).searchParams.get('scope')).toBeNull();
    await page.close();
  });

  it('shows the proposed patients in case search under the Suggested filter, each marked "Suggested"', async () => {
    const page = await driver.open();
    const api = await cases({ filters: { curationStatuses: ['SUGGESTED'] }, facets: [{ facet: 'CURATION_STATUS', includeZero: true }], first: 20 });
    expect(api.totalCases).toBe(proposed);
    const counts = await shownFacetCounts(page, 'CURATION_STATUS');
    expect(counts).toEqual({ CURATED: 0, SUGGESTED: proposed });
    await expect(page.locator('fieldset[data-facet="CURATION_STATUS"] li[data-value="SUGGESTED"] .facet-label').textContent()).resolves.toBe('Suggested');

    await page.check('fieldset[data-facet="CURATION_STATUS"] li[data-value="SUGGESTED"] input');
    await page.waitForFunction(() => new URL(location.href).searchParams.getAll('curation').join() === 'SUGGESTED');
    await settled(page);
    expect(await resultCountText(page)).toMatch(new RegExp(`^${proposed} cases in \\d+ publications?, showing 1–${Math.min(20, proposed)}$`));
    const hits = page.locator('#results > li');
    expect(await hits.count()).toBe(Math.min(20, proposed));
    // The badge is words, not colour alone: every card says "Suggested".
    const badges = await page.$$eval('#results > li', (items) => items.map((item) => item.querySelector('.hit-status .badge')?.textContent ?? ''));
    expect(badges).toEqual(Array(Math.min(20, proposed)).fill('Suggested'));
    await expect(page.locator('#chips button.chip').first().getAttribute('aria-label')).resolves.toBe('Remove filter Curation status: Suggested');
    await expectAccessible(page);
    await screenshot(page, 'literature-03-suggested-cases');
    await page.close();
  });

  it('opens a suggested case: a notice says it is unconfirmed, and each fact shows its sentence with the words marked', async () => {
    const page = await driver.open('curation=SUGGESTED');
    const api = await cases({ filters: { curationStatuses: ['SUGGESTED'] }, first: 20 });
    // The case with the most facts quoted from the abstract.
    const target = [...api.hits.edges]
      .map((edge) => edge.node.caseReport)
      .sort((a, b) => b.facts.filter((fact) => fact.evidence?.field === 'abstract').length - a.facts.filter((fact) => fact.evidence?.field === 'abstract').length)[0];
    const quoted = target.facts.filter((fact) => fact.status !== 'REJECTED' && fact.evidence);
    expect(quoted.length).toBeGreaterThan(0);

    await page.click(`#results a.hit-link[data-case-id="${target.id}"]`);
    await page.waitForSelector('#case-view:not([hidden]) .evidence-list');
    expect(urlParams(page).get('case')).toBe(target.id);
    await expect(page.textContent('#case-view [data-state="suggested-case"] .notice-title')).resolves.toContain('Proposed automatically from the abstract; not yet confirmed by a curator.');
    await expect(page.textContent('#case-evidence')).resolves.toBe('Facts and their evidence');

    const shown = await page.$$eval('#case-view .evidence-fact', (items) =>
      items.map((item) => ({
        path: (item as HTMLElement).dataset.path,
        status: (item as HTMLElement).dataset.status,
        marked: [...item.querySelectorAll('blockquote mark')].map((mark) => mark.textContent),
        sentence: item.querySelector('blockquote')?.textContent ?? null,
        source: item.querySelector('.evidence-source')?.textContent ?? '',
      })),
    );
    expect(shown.map((fact) => fact.path)).toEqual(target.facts.filter((fact) => fact.status !== 'REJECTED').map((fact) => fact.path));
    for (const fact of quoted) {
      const item = shown.find((candidate) => candidate.path === fact.path)!;
      expect(item.sentence).toContain(fact.evidence!.sentence);
      expect(item.marked).toEqual([fact.evidence!.text]);
      expect(item.source).toMatch(/^From (the abstract|the title|a MeSH heading|a keyword|the publication type), by /);
    }
    expect(shown.some((fact) => fact.source.startsWith('From the abstract'))).toBe(true);
    await expectAccessible(page);
    await screenshot(page, 'literature-04-suggested-case', { fullPage: true });

    // Back to the list, the filter kept.
    await page.click('#case-view .back-button');
    await settled(page);
    expect(urlParams(page).get('case')).toBeNull();
    expect(urlParams(page).getAll('curation')).toEqual(['SUGGESTED']);
    await page.close();
  });

  it('opens a case from a publication card, and Back returns to publication search', async () => {
    const page = await driver.open('scope=publications&caseStatus=SUGGESTED');
    const link = page.locator('#results a.case-link').first();
    const caseId = await link.getAttribute('data-case-id');
    await link.click();
    await page.waitForSelector('#case-view:not([hidden]) [data-state="suggested-case"]');
    expect(urlParams(page).get('case')).toBe(caseId);
    expect(urlParams(page).get('scope')).toBe('publications');
    await page.goBack();
    await settled(page);
    expect(urlParams(page).get('case')).toBeNull();
    await expect(page.locator('#results-view').isVisible()).resolves.toBe(true);
    expect(await resultCountText(page)).toMatch(/publications?, showing/);
    await page.close();
  });

  it('sent no request beyond this machine, and raised no page error', () => {
    expect(browser.requests.length).toBeGreaterThan(10);
    expect(externalRequests(browser.requests)).toEqual([]);
    expect(browser.errors).toEqual([]);
  });
});
