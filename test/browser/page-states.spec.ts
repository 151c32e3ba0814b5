/**
 * The search page's states (no results, service unreachable, a case that does not exist), the
 * export buttons' probe, phone-sized screens, and what the server sends with the page.
 */
import request from 'supertest';
import { waitForIndex } from '../support/search-index';
import { startTestApp, TestApp } from '../support/test-app';
import { externalRequests, launchBrowser, screenshot, TestBrowser } from './support/browser';
import { ensureSearchPageBuilt, resultCountText, SearchPageDriver, settled, urlParams } from './support/search-page';

describe('search page states (browser, demo corpus)', () => {
  let app: TestApp;
  let browser: TestBrowser;
  let driver: SearchPageDriver;

  beforeAll(async () => {
    ensureSearchPageBuilt();
    app = await startTestApp();
    // The demo corpus is searchable once the outbox is empty (it is indexed after the start).
    await waitForIndex(app);
    browser = await launchBrowser();
    driver = new SearchPageDriver(app, browser);
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it('serves the page and its assets from the app, with a policy that allows this origin only', async () => {
    const page = await request(app.running.url).get('/').expect(200);
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    expect(page.headers['content-security-policy']).toContain("connect-src 'self'");
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    expect(page.headers['referrer-policy']).toBe('no-referrer');
    const script = /<script src="(assets\/app-[\w-]+\.js)"/.exec(page.text)?.[1];
    expect(script).toBeDefined();
    const asset = await request(app.running.url).get(`/${script}`).expect(200);
    expect(asset.headers['content-type']).toMatch(/^text\/javascript/);
    expect(asset.headers['cache-control']).toContain('immutable');
    // First load stays under 150 KB of JavaScript (uncompressed: the response may be gzip-encoded and chunked).
    expect(Buffer.byteLength(asset.text)).toBeGreaterThan(10 * 1024);
    expect(Buffer.byteLength(asset.text)).toBeLessThan(150 * 1024);
    await request(app.running.url).get('/assets/..%2Fpackage.json').expect(404);
    await request(app.running.url).get('/assets/nothing.js').expect(404);
    await request(app.running.url).get('/assets/index.html').expect(404);
  });

  it('has landmarks, one h1, and a name on every control', async () => {
    const page = await driver.open('q=hematoma&sex=FEMALE');
    const audit = await page.evaluate(() => {
      const visible = (element: Element) => !!(element as HTMLElement).offsetParent || element.getClientRects().length > 0;
      const nameOf = (element: Element) => {
        const labelled = element.getAttribute('aria-labelledby');
        if (labelled) return labelled.split(' ').map((id) => document.getElementById(id)?.textContent ?? '').join(' ').trim();
        if (element.getAttribute('aria-label')) return element.getAttribute('aria-label')!.trim();
        const labels = (element as HTMLInputElement).labels;
        if (labels && labels.length) return [...labels].map((label) => label.textContent ?? '').join(' ').trim();
        return element.tagName === 'INPUT' ? '' : (element.textContent ?? '').trim();
      };
      const unnamed = [...document.querySelectorAll('input, select, button, a[href]')].filter(visible).filter((element) => !nameOf(element)).map((element) => element.outerHTML.slice(0, 120));
      return {
        unnamed,
        h1: [...document.querySelectorAll('h1')].map((heading) => heading.textContent),
        landmarks: ['header', 'main', 'aside', 'footer', 'form[role="search"]', 'nav'].filter((selector) => document.querySelector(selector)),
        lang: document.documentElement.lang,
      };
    });
    expect(audit.unnamed).toEqual([]);
    expect(audit.h1).toEqual(['Case report search']);
    expect(audit.landmarks).toEqual(['header', 'main', 'aside', 'footer', 'form[role="search"]', 'nav']);
    expect(audit.lang).toBe('en');
    await page.close();
  });

  it('shows "no results" with the filter that removed the last cases as a one-click removal, with its count', async () => {
    const page = await driver.open('q=hematoma&outcome=DEATH&sex=MALE');
    const api = await driver.search({ text: 'hematoma', prefixLastWord: true, filters: { outcomes: ['DEATH'], sex: ['MALE'] }, first: 1 });
    expect(api.totalCases).toBe(0);
    expect(await resultCountText(page)).toBe('No cases found');
    await expect(page.textContent('[data-state="no-results"] .notice-title')).resolves.toBe('No cases match this search.');
    // Only the outcome filter removed the last cases: without it, the male hematoma cases come back.
    const relaxed = await driver.search({ text: 'hematoma', prefixLastWord: true, filters: { sex: ['MALE'] }, first: 1 });
    await expect(page.textContent('[data-state="no-results"]')).resolves.toContain(`Without Outcome: Death ${relaxed.totalCases} case`);
    expect(await page.locator('#results > li').count()).toBe(0);
    await screenshot(page, 'desktop-06-no-results');
    await page.getByRole('button', { name: 'Without Outcome: Death' }).click();
    await settled(page);
    expect(urlParams(page).getAll('outcome')).toEqual([]);
    expect(relaxed.totalCases).toBeGreaterThan(0);
    expect(await resultCountText(page)).toMatch(new RegExp(`^${relaxed.totalCases} cases? in`));
    await page.close();
  });

  it('shows that a search is under way while the service is slow', async () => {
    const { page } = await browser.newPage();
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.goto(`${app.running.url}/`);
    await settled(page);
    await page.route('**/graphql', async (route) => {
      await held;
      await route.fallback();
    });
    await page.fill('#search-text', 'hematoma');
    await page.press('#search-text', 'Enter');
    await page.waitForSelector('.status-loading');
    await expect(page.getAttribute('#results-view', 'aria-busy')).resolves.toBe('true');
    await expect(page.textContent('.status-loading')).resolves.toBe('Searching…');
    await screenshot(page, 'desktop-08-loading');
    release();
    await settled(page);
    expect(await page.locator('.status-loading').count()).toBe(0);
    expect(await resultCountText(page)).toMatch(/^\d+ cases in/);
    await page.close();
  });

  it('says when the search service cannot be reached, keeps the search, and recovers on "Try again"', async () => {
    const { page } = await browser.newPage();
    await page.route('**/graphql', (route) => route.abort('connectionrefused'));
    await page.goto(`${app.running.url}/?q=blood+patch`);
    await page.waitForSelector('[data-state="unreachable"]');
    expect(await resultCountText(page)).toBe('Search unavailable');
    await expect(page.getAttribute('[data-state="unreachable"]', 'role')).resolves.toBe('alert');
    await expect(page.inputValue('#search-text')).resolves.toBe('blood patch');
    await screenshot(page, 'desktop-07-unreachable');
    await page.unroute('**/graphql');
    await page.click('[data-state="unreachable"] button');
    await settled(page);
    const api = await driver.search({ text: 'blood patch', prefixLastWord: true, first: 20 });
    expect(await resultCountText(page)).toMatch(new RegExp(`^${api.totalCases} cases in`));
    expect(await page.locator('[data-state="unreachable"]').count()).toBe(0);
    await page.close();
  });

  it('treats a server error as unreachable too, and a case that does not exist as a clear message', async () => {
    const { page } = await browser.newPage();
    await page.route('**/graphql', (route) => route.fulfill({ status: 502, contentType: 'text/html', body: '<h1>Bad gateway</h1>' }));
    await page.goto(`${app.running.url}/`);
    await page.waitForSelector('[data-state="unreachable"]');
    await page.unroute('**/graphql');
    await page.goto(`${app.running.url}/?case=00000000-0000-4000-8000-000000000000`);
    await page.waitForSelector('#case-view [data-state]');
    await expect(page.textContent('#case-title')).resolves.toBe('This case could not be shown.');
    await page.click('#case-view .back-button');
    await settled(page);
    expect(urlParams(page).get('case')).toBeNull();
    expect(await resultCountText(page)).toContain('23 cases');
    await page.close();
  });

  it('offers CSV and RIS downloads of the on-screen search, and the CSV holds exactly its cases', async () => {
    const page = await driver.open('q=hematoma&sex=FEMALE');
    await page.waitForSelector('#export:not([hidden])');
    const href = await page.getAttribute('#export-csv', 'href');
    const url = new URL(href!, app.running.url);
    expect(url.pathname).toBe('/exports');
    expect(url.searchParams.get('format')).toBe('csv');
    const input = JSON.parse(url.searchParams.get('q')!);
    expect(input).toEqual({ text: 'hematoma', prefixLastWord: true, sort: 'RELEVANCE', filters: { sex: ['FEMALE'] } });
    expect(new URL((await page.getAttribute('#export-ris', 'href'))!, app.running.url).searchParams.get('format')).toBe('ris');

    const api = await app.graphql<{ searchCaseReports: { totalCases: number } }>('query($input: SearchCaseReportsInput!) { searchCaseReports(input: $input) { totalCases } }', { input: { ...input, first: 0 } });
    const download = await request(app.running.url).get(`${url.pathname}${url.search}`);
    expect(download.status).toBe(200);
    expect(download.headers['content-type']).toMatch(/text\/csv/);
    expect(Number(download.headers['x-total-cases'])).toBe(api.data!.searchCaseReports.totalCases);
    expect(api.data!.searchCaseReports.totalCases).toBeGreaterThan(0);
    await page.close();
  });

  it.each([
    [390, 844],
    [360, 740],
  ])('fits a %i px wide screen: no sideways scrolling, filters behind a button', async (width, height) => {
    const page = await driver.open('q=hematoma', { width, height });
    const overflow = () => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(await overflow()).toBeLessThanOrEqual(0);
    await expect(page.isVisible('#filters')).resolves.toBe(false);
    await screenshot(page, `mobile-${width}-01-results`);
    await page.click('#filters-toggle');
    await expect(page.getAttribute('#filters-toggle', 'aria-expanded')).resolves.toBe('true');
    await expect(page.isVisible('fieldset[data-facet="COMPLICATION"]')).resolves.toBe(true);
    expect(await overflow()).toBeLessThanOrEqual(0);
    await page.check('fieldset[data-facet="SEX"] li[data-value="FEMALE"] input');
    await settled(page);
    await screenshot(page, `mobile-${width}-02-filters`);
    await page.click('#filters-done');
    await expect(page.isVisible('#results')).resolves.toBe(true);
    await expect(page.textContent('#filters-toggle')).resolves.toBe('Filters (1)');
    await page.click('#results .hit-link >> nth=0');
    await page.waitForSelector('.case-grid');
    expect(await overflow()).toBeLessThanOrEqual(0);
    await screenshot(page, `mobile-${width}-03-case`);
    await page.close();
  });

  it('sent no request beyond this machine', () => {
    expect(browser.requests.length).toBeGreaterThan(10);
    expect(externalRequests(browser.requests)).toEqual([]);
  });
});
