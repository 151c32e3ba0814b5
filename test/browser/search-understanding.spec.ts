/**
 * The search page reads the question: words that name filters are offered as chips, links name terms
 * by key, and a search that finds nothing says why and offers the way back (real Chromium, demo corpus).
 */
import { waitForIndex } from '../support/search-index';
import { startTestApp, TestApp } from '../support/test-app';
import { accessibilityViolations } from './support/accessibility';
import { launchBrowser, TestBrowser } from './support/browser';
import { ensureSearchPageBuilt, resultCountText, SearchPageDriver, settled, shownCaseIds, urlParams } from './support/search-page';

describe('search page: understanding the question (browser, demo corpus)', () => {
  let app: TestApp;
  let browser: TestBrowser;
  let driver: SearchPageDriver;

  beforeAll(async () => {
    ensureSearchPageBuilt();
    app = await startTestApp();
    browser = await launchBrowser();
    driver = new SearchPageDriver(app, browser);
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it('offers the filters the typed question names, and applying them gives the same cases as the filters', async () => {
    const page = await driver.open();
    await page.locator('#search-text').fill('pregnant intrathecal hematoma blood patch');
    await page.locator('#search-text').press('Enter');
    await page.waitForSelector('#suggestions button.chip-suggestion');
    await settled(page);
    expect(await page.locator('#suggestions button.chip-suggestion').allTextContents()).toEqual([
      expect.stringContaining('Pregnancy status: Pregnant or Postpartum'),
      expect.stringContaining('Complication: Intrathecal hematoma'),
      expect.stringContaining('Procedure: Epidural blood patch'),
    ]);
    expect(await accessibilityViolations(page)).toEqual([]);

    await page.getByRole('button', { name: 'Use all' }).click();
    await page.waitForFunction(() => new URL(location.href).searchParams.getAll('pregnancy').length === 2);
    await settled(page);
    const params = urlParams(page);
    expect(params.get('q')).toBeNull();
    expect(params.getAll('complication')).toEqual(['intrathecal-hematoma']);
    expect(params.getAll('procedure')).toEqual(['epidural-blood-patch']);
    expect(params.getAll('pregnancy')).toEqual(['PREGNANT', 'POSTPARTUM']);
    const api = await driver.search({ filters: { complications: ['intrathecal-hematoma'], procedures: ['epidural-blood-patch'], pregnancyStatuses: ['PREGNANT', 'POSTPARTUM'] }, first: 20 });
    expect(api.totalCases).toBe(4);
    expect(new Set(await shownCaseIds(page))).toEqual(new Set(api.hits.edges.map((edge) => edge.node.caseReport.id)));
    expect(await page.locator('#suggestions button').count()).toBe(0);
    await page.close();
  });

  it('opens a link written with readable keys and shows the terms\' labels in its chips', async () => {
    const page = await driver.open('complication=intrathecal-hematoma&complication=spinal-subdural-hematoma&procedure=epidural-blood-patch&pregnancy=PREGNANT&pregnancy=POSTPARTUM');
    await page.waitForFunction(() => [...document.querySelectorAll('#chips button.chip')].every((chip) => !/unknown term/.test(chip.textContent ?? '')));
    expect(await page.locator('#chips button.chip').allTextContents()).toEqual([
      expect.stringContaining('Complication: Intrathecal hematoma'),
      expect.stringContaining('Complication: Spinal subdural hematoma'),
      expect.stringContaining('Procedure: Epidural blood patch'),
      expect.stringContaining('Pregnancy status: Pregnant'),
      expect.stringContaining('Pregnancy status: Postpartum'),
    ]);
    // The README's question: 5 cases.
    expect(await resultCountText(page)).toMatch(/^5 cases in 5 publications/);
    await expect(page.isChecked('fieldset[data-facet="COMPLICATION"] input[data-value="intrathecal-hematoma"]')).resolves.toBe(true);
    // The title and description say what the search is, so a bookmark or a pasted link does too.
    await page.waitForFunction(() => document.title.includes('Intrathecal hematoma'));
    const described = 'Complication: Intrathecal hematoma or Spinal subdural hematoma; Procedure: Epidural blood patch; Pregnancy status: Pregnant or Postpartum';
    // Titles are cut at 120 characters.
    expect(await page.title()).toBe(`${described.slice(0, 119)}… · Case report search`);
    await expect(page.getAttribute('meta[name="description"]', 'content')).resolves.toMatch(/^5 published cases in 5 publications for Complication: Intrathecal hematoma or Spinal subdural hematoma; Procedure: Epidural blood patch; Pregnancy status: Pregnant or Postpartum\.$/);
    await page.close();
  });

  it('opens a link made on one installation with the same result on another (same vocabulary, different ids)', async () => {
    const other = await startTestApp();
    try {
      await waitForIndex(other);
      const page = await driver.open('q=blood&complication=intrathecal-hematoma&pregnancy=POSTPARTUM');
      const here = await page.$$eval('#results .hit-title', (titles) => titles.map((title) => title.textContent));
      const link = new URL(page.url());
      const { page: there } = await browser.newPage();
      await there.goto(`${other.running.url}/${link.search}`);
      await settled(there);
      // The same cases; cases with equal scores are ordered by their ids, which differ between installations.
      expect((await there.$$eval('#results .hit-title', (titles) => titles.map((title) => title.textContent))).sort()).toEqual([...here].sort());
      expect(here.length).toBeGreaterThan(0);
      expect(await resultCountText(there)).toBe(await resultCountText(page));
      await page.close();
      await there.close();
    } finally {
      await other.close();
    }
  });

  it('copies the link and a citation of the search, and a case\'s citation', async () => {
    const { context, page } = await browser.newPage();
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.goto(`${app.running.url}/?q=blood+patch&complication=intrathecal-hematoma`);
    await settled(page);
    await page.getByRole('button', { name: 'Copy link' }).click();
    await page.waitForFunction(() => document.getElementById('share-status')?.textContent === 'Link copied');
    const link = await page.evaluate(() => navigator.clipboard.readText());
    expect(link).toBe(page.url());
    expect(new URL(link).searchParams.get('complication')).toBe('intrathecal-hematoma');
    await page.getByRole('button', { name: 'Copy citation' }).click();
    await page.waitForFunction(() => document.getElementById('share-status')?.textContent === 'Citation copied');
    const citation = await page.evaluate(() => navigator.clipboard.readText());
    expect(citation).toMatch(/^Case report search: “blood patch” · Complication: Intrathecal hematoma\. Searched \d{4}-\d{2}-\d{2}\. http/);
    expect(citation.endsWith(page.url())).toBe(true);

    await page.locator('#results .hit-link').first().click();
    await page.waitForSelector('#copy-case-citation');
    await page.locator('#copy-case-citation').click();
    await page.waitForFunction(() => document.getElementById('case-share-status')?.textContent === 'Citation copied');
    const caseCitation = await page.evaluate(() => navigator.clipboard.readText());
    const title = (await page.textContent('#case-title'))!.trim();
    expect(caseCitation).toContain(title.replace(/\.?$/, '.'));
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.close();
  });

  it('says what removed the last cases, offers the search without it, and corrects a typo', async () => {
    const page = await driver.open('q=hematoma&outcome=DEATH&procedure=epidural-blood-patch');
    await page.waitForSelector('[data-state="no-results"] button[data-relaxation="FILTER"]');
    const withoutDeath = page.getByRole('button', { name: 'Without Outcome: Death' });
    await withoutDeath.click();
    await page.waitForFunction(() => !new URL(location.href).searchParams.has('outcome'));
    await settled(page);
    expect(urlParams(page).get('q')).toBe('hematoma');
    expect(await resultCountText(page)).toMatch(/^\d+ cases? in/);
    await page.close();

    const typo = await driver.open('q=intrathecal+hematomma');
    await typo.waitForSelector('[data-state="did-you-mean"] button');
    expect(await accessibilityViolations(typo)).toEqual([]);
    await typo.locator('[data-state="did-you-mean"] button').click();
    await typo.waitForFunction(() => new URL(location.href).searchParams.get('q') === 'intrathecal hematoma');
    await settled(typo);
    await expect(typo.inputValue('#search-text')).resolves.toBe('intrathecal hematoma');
    expect(await resultCountText(typo)).toMatch(/^\d+ cases? in/);
    await typo.close();
  });
});
