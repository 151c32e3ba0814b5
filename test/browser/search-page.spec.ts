/**
 * The search page in real Chromium against the whole app on its own database with the 23-case demo
 * corpus: searching, facets checked against the GraphQL API, the case view, the URL as the state,
 * paging, sorting and keyboard-only use of the facets.
 */
import { waitForIndex } from '../support/search-index';
import { startTestApp, TestApp } from '../support/test-app';
import { accessibilityViolations } from './support/accessibility';
import { externalRequests, launchBrowser, screenshot, TestBrowser } from './support/browser';
import { ensureSearchPageBuilt, flatten, resultCountText, SearchPageDriver, settled, shownCaseIds, shownFacetCounts, urlParams } from './support/search-page';

const ALL_FACETS = ['COMPLICATION', 'PROCEDURE', 'TREATMENT', 'SEX', 'AGE_GROUP', 'PREGNANCY_STATUS', 'ANTICOAGULATION', 'OUTCOME'].map((facet) => ({ facet }));

describe('search page (browser, demo corpus)', () => {
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

  const countText = (cases: number, publications: number, shown: number) =>
    `${cases} ${cases === 1 ? 'case' : 'cases'} in ${publications} ${publications === 1 ? 'publication' : 'publications'}, showing 1–${shown}`;

  it('shows every demo case on arrival, and searches as the user types', async () => {
    const page = await driver.open();
    const all = await driver.search({ first: 20 });
    expect(all.totalCases).toBe(23);
    expect(await resultCountText(page)).toBe(countText(23, all.totalPublications, 20));
    expect(await page.locator('#results > li').count()).toBe(20);
    await screenshot(page, 'desktop-01-start');
    expect(await accessibilityViolations(page)).toEqual([]);

    await page.locator('#search-text').pressSequentially('intrathecal hematoma', { delay: 30 });
    await page.waitForFunction(() => new URL(location.href).searchParams.get('q') === 'intrathecal hematoma');
    await settled(page);
    const api = await driver.search({ text: 'intrathecal hematoma', prefixLastWord: true, first: 20 });
    expect(api.totalCases).toBeGreaterThan(0);
    expect(api.totalCases).toBeLessThan(23);
    expect(await resultCountText(page)).toBe(countText(api.totalCases, api.totalPublications, Math.min(20, api.totalCases)));
    expect(await shownCaseIds(page)).toEqual(api.hits.edges.map((edge) => edge.node.caseReport.id));

    // Each card: title, authors, journal and year, the patient, complications, treatment, outcome and highlighted text.
    const card = page.locator('#results > li').first();
    await expect(card.locator('.hit-title').textContent()).resolves.toBe(api.hits.edges[0].node.caseReport.publication.title);
    const facts = await card.locator('.hit-facts dt').allTextContents();
    expect(facts).toEqual([expect.stringMatching(/^Patient$/), expect.stringMatching(/^Complications?$/), expect.stringMatching(/^Treatments?$/), 'Outcome']);
    expect(await page.locator('#results mark').count()).toBeGreaterThan(0);
    const marked = (await page.locator('#results mark').allTextContents()).map((text) => text.toLowerCase());
    expect(marked.some((text) => /intrathecal|hematoma|haematoma/.test(text))).toBe(true);
    // The count is announced: it lives in a polite live region.
    await expect(page.getAttribute('#result-count', 'aria-live')).resolves.toBe('polite');
    await screenshot(page, 'desktop-02-text-search');

    // Typing is one step in the history, not one per keystroke: Back returns to where typing began.
    await page.goBack();
    await settled(page);
    expect(urlParams(page).get('q')).toBeNull();
    await expect(page.inputValue('#search-text')).resolves.toBe('');
    expect(await resultCountText(page)).toBe(countText(23, all.totalPublications, 20));
    await page.goForward();
    await settled(page);
    await expect(page.inputValue('#search-text')).resolves.toBe('intrathecal hematoma');

    // A filter chosen while the typed text is still waiting for its search includes that text.
    await page.fill('#search-text', 'blood patch');
    await page.check('fieldset[data-facet="SEX"] li[data-value="FEMALE"] input');
    await settled(page);
    expect(urlParams(page).get('q')).toBe('blood patch');
    expect(urlParams(page).getAll('sex')).toEqual(['FEMALE']);
    await page.close();
  });

  it('searches as you type with the last word as a prefix, and never flashes "No cases found" while the text is still changing', async () => {
    const page = await driver.open();
    // Every text the result count shows, from now on.
    await page.evaluate(() => {
      const seen: string[] = [];
      (window as unknown as { seenCounts: string[] }).seenCounts = seen;
      const count = document.getElementById('result-count') as HTMLElement;
      new MutationObserver(() => seen.push(count.textContent ?? '')).observe(count, { childList: true, characterData: true, subtree: true });
    });
    // Every search answers slowly, so an answer can arrive while the user types on.
    await page.route('**/graphql', async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 500));
      await route.fallback();
    });
    const box = page.locator('#search-text');
    // "xylophonist" finds nothing; its answer arrives while " OR hemat" is being typed, and is not shown.
    await box.pressSequentially('xylophonist', { delay: 10 });
    await page.waitForTimeout(350);
    await box.pressSequentially(' OR hemat', { delay: 120 });
    await page.waitForFunction(() => new URL(location.href).searchParams.get('q') === 'xylophonist OR hemat');
    await settled(page);
    const api = await driver.search({ text: 'xylophonist OR hemat', prefixLastWord: true, first: 20 });
    expect(api.totalCases).toBeGreaterThan(0);
    expect(await resultCountText(page)).toBe(countText(api.totalCases, api.totalPublications, Math.min(20, api.totalCases)));
    expect(await shownCaseIds(page)).toEqual(api.hits.edges.map((edge) => edge.node.caseReport.id));
    // The unfinished word is highlighted where it matched.
    const marked = (await page.locator('#results mark').allTextContents()).map((text) => text.toLowerCase());
    expect(marked.some((text) => text.startsWith('hemat') || text.startsWith('haemat'))).toBe(true);
    const seen = await page.evaluate(() => (window as unknown as { seenCounts: string[] }).seenCounts);
    expect(seen.filter((text) => /No cases found/.test(text))).toEqual([]);
    // The same search without the prefix finds no hematoma for "hemat".
    expect((await driver.search({ text: 'hemat', first: 0 })).totalCases).toBe(0);
    // A finished search that finds nothing still says so.
    await page.unroute('**/graphql');
    await page.fill('#search-text', 'xylophonist');
    await page.press('#search-text', 'Enter');
    await settled(page);
    expect(await resultCountText(page)).toBe('No cases found');
    await page.close();
  });

  it('links complications to the procedure they followed with the "after the selected procedure" toggle, with the API\'s counts', async () => {
    const everything = await driver.search({ first: 0, facets: [{ facet: 'COMPLICATION' }, { facet: 'PROCEDURE' }] });
    const values = (facet: string) => flatten(everything.facets.find((f) => f.facet === facet)?.values ?? []);
    const hematoma = values('COMPLICATION').find((value) => /hematoma/i.test(value.label) && value.caseCount > 1) as (typeof everything.facets)[number]['values'][number];
    const patch = values('PROCEDURE').find((value) => /blood patch/i.test(value.label)) as (typeof everything.facets)[number]['values'][number];
    expect(hematoma?.termId && patch?.termId).toBeTruthy();
    const filters = { complications: [hematoma.termId], procedures: [patch.termId] };
    const page = await driver.open(`complication=${hematoma.termId}&procedure=${patch.termId}`);
    const plain = await driver.search({ filters, first: 20, facets: ALL_FACETS });
    expect(await resultCountText(page)).toMatch(new RegExp(`^${plain.totalCases} cases? in`));
    const toggle = page.locator('#sequence-after');
    expect(await toggle.isChecked()).toBe(false);
    await toggle.check();
    await settled(page);
    expect(urlParams(page).get('sequence')).toBe('after');
    const linked = await driver.search({ filters: { ...filters, complicationsFollowProcedures: true }, first: 20, facets: ALL_FACETS });
    expect(linked.totalCases).toBeLessThanOrEqual(plain.totalCases);
    expect(await resultCountText(page)).toMatch(new RegExp(`^${linked.totalCases} cases? in|^No cases found`));
    expect(await shownCaseIds(page)).toEqual(linked.hits.edges.map((edge) => edge.node.caseReport.id));
    const apiCounts = (facet: string) => Object.fromEntries(flatten(linked.facets.find((f) => f.facet === facet)?.values ?? []).filter((v) => v.caseCount > 0).map((v) => [v.termKey ?? v.termId ?? v.value, v.caseCount]));
    const pageCounts = async (facet: string) => Object.fromEntries(Object.entries(await shownFacetCounts(page, facet)).filter(([, n]) => n > 0));
    // Each count the panel shows (the first values of a list, the open levels of the tree) is the API's linked count.
    for (const facet of ['PROCEDURE', 'COMPLICATION']) {
      const shown = await pageCounts(facet);
      const api = apiCounts(facet);
      expect(Object.keys(shown).length).toBeGreaterThan(0);
      expect({ facet, counts: shown }).toEqual({ facet, counts: Object.fromEntries(Object.keys(shown).map((id) => [id, api[id]])) });
    }
    expect((await pageCounts('PROCEDURE'))[patch.termKey as string]).toBe(apiCounts('PROCEDURE')[patch.termKey as string]);
    // A chip says the sequence applies, and removes it.
    const chip = page.locator('[data-chip="sequence"]');
    await expect(chip.textContent()).resolves.toContain('complication after the selected procedure');
    expect(await accessibilityViolations(page)).toEqual([]);
    await chip.click();
    await settled(page);
    expect(urlParams(page).get('sequence')).toBeNull();
    expect(await resultCountText(page)).toMatch(new RegExp(`^${plain.totalCases} cases? in`));
    await page.close();
  });

  it('combines two values of one facet with OR and another facet with AND, with the counts the API gives', async () => {
    const page = await driver.open();
    await page.check('fieldset[data-facet="OUTCOME"] li[data-value="FULL_RECOVERY"] input');
    await settled(page);
    await page.check('fieldset[data-facet="OUTCOME"] li[data-value="UNKNOWN"] input');
    await settled(page);
    await page.check('fieldset[data-facet="PREGNANCY_STATUS"] li[data-value="POSTPARTUM"] input');
    await settled(page);

    expect(urlParams(page).getAll('outcome')).toEqual(['FULL_RECOVERY', 'UNKNOWN']);
    expect(urlParams(page).getAll('pregnancy')).toEqual(['POSTPARTUM']);
    const filters = { outcomes: ['FULL_RECOVERY', 'UNKNOWN'], pregnancyStatuses: ['POSTPARTUM'] };
    const api = await driver.search({ filters, facets: ALL_FACETS, first: 20 });
    // OR inside the outcome facet: more than either value alone; AND with pregnancy status: fewer than all cases.
    const fullOnly = await driver.search({ filters: { ...filters, outcomes: ['FULL_RECOVERY'] }, first: 1 });
    expect(api.totalCases).toBeGreaterThan(fullOnly.totalCases);
    expect(api.totalCases).toBeLessThan(23);

    expect(await resultCountText(page)).toBe(countText(api.totalCases, api.totalPublications, Math.min(20, api.totalCases)));
    expect(new Set(await shownCaseIds(page))).toEqual(new Set(api.hits.edges.map((edge) => edge.node.caseReport.id)));
    for (const facet of api.facets) {
      // Term facets name their values by the term's key (links work on any installation).
      const expected = Object.fromEntries(flatten(facet.values).map((value) => [value.termKey ?? value.termId ?? value.value, value.caseCount]));
      const shown = await shownFacetCounts(page, facet.facet);
      if (facet.facet === 'COMPLICATION') {
        // The tree shows what the API returns. Collapsed levels are rendered when first opened (the
        // vocabulary runs to thousands of MeSH terms): only the roots and open levels are in the DOM.
        expect(Object.keys(shown).length).toBeLessThan(Object.keys(expected).length);
        for (const [value, count] of Object.entries(shown)) expect([value, count]).toEqual([value, expected[value]]);
        // Open every level: then the whole tree is there.
        for (;;) {
          const closed = await page.$$('fieldset[data-facet="COMPLICATION"] button.tree-toggle[aria-expanded="false"]');
          if (!closed.length) break;
          for (const toggle of closed) await toggle.click();
        }
        expect(await shownFacetCounts(page, facet.facet)).toEqual(expected);
      } else {
        for (const [value, count] of Object.entries(shown)) expect([facet.facet, value, count]).toEqual([facet.facet, value, expected[value]]);
        expect(Object.keys(shown).length).toBeGreaterThan(0);
      }
    }
    // Disjunctive counts: the outcome facet still offers values that are not selected.
    expect(Object.keys(await shownFacetCounts(page, 'OUTCOME')).length).toBeGreaterThan(2);

    const chips = await page.locator('#chips button.chip').allTextContents();
    expect(chips.map((chip) => chip.replace('×', '').trim())).toEqual(['Pregnancy status: Postpartum', 'Outcome: Full recovery', 'Outcome: Unknown']);
    await page.evaluate(() => window.scrollTo(0, 0));
    await screenshot(page, 'desktop-03-facets-selected');
    expect(await accessibilityViolations(page)).toEqual([]);

    // Removing a chip removes that filter only; "Clear all" removes the rest.
    await page.click('#chips button[data-chip="outcome:UNKNOWN"]');
    await settled(page);
    expect(urlParams(page).getAll('outcome')).toEqual(['FULL_RECOVERY']);
    const afterRemoval = await driver.search({ filters: { ...filters, outcomes: ['FULL_RECOVERY'] }, first: 20 });
    expect(await resultCountText(page)).toBe(countText(afterRemoval.totalCases, afterRemoval.totalPublications, afterRemoval.totalCases));
    await page.click('#chips .clear-all');
    await settled(page);
    expect(page.url()).toBe(`${app.running.url}/`);
    expect(await page.locator('#chips button.chip').count()).toBe(0);
    expect(await resultCountText(page)).toContain('23 cases');
    await page.close();
  });

  it('filters by a range of publication years and shows the histograms', async () => {
    const page = await driver.open();
    expect(await page.locator('fieldset[data-facet="YEAR"] .histogram rect').count()).toBeGreaterThan(1);
    expect(await page.locator('fieldset[data-facet="AGE"] .histogram rect').count()).toBeGreaterThan(1);
    await page.fill('#facet-year-min', '2015');
    await page.press('#facet-year-min', 'Enter');
    await settled(page);
    expect(urlParams(page).get('year')).toBe('2015..');
    const api = await driver.search({ filters: { year: { min: 2015 } }, first: 20 });
    expect(await resultCountText(page)).toBe(countText(api.totalCases, api.totalPublications, Math.min(20, api.totalCases)));
    expect(await page.locator('#chips button.chip').allTextContents()).toEqual([expect.stringContaining('Publication year: from 2015')]);
    // An inverted range is refused on the page, with a message, before it reaches the API.
    await page.fill('#facet-year-max', '2001');
    await page.press('#facet-year-max', 'Enter');
    await expect(page.textContent('#facet-year-error')).resolves.toContain('must not be more');
    expect(urlParams(page).get('year')).toBe('2015..');
    await page.close();
  });

  it('says plainly where a title is incomplete or not recorded, on the cards, the case view and the page title', async () => {
    type Node = { id: string; label: string; publication: { title: string | null; titleStatus: string } };
    const nodes = (await app.graphql<{ caseReports: { edges: { node: Node }[] } }>('{ caseReports(first: 100) { edges { node { id label publication { title titleStatus } } } } }')).data!.caseReports.edges.map((edge) => edge.node);
    expect(nodes.filter((node) => node.publication.titleStatus === 'INCOMPLETE')).toHaveLength(2);
    expect(nodes.filter((node) => node.publication.titleStatus === 'NOT_RECORDED').map((node) => node.publication.title)).toEqual([null, null, null]);
    const page = await driver.open();
    for (const node of nodes) expect(node.publication.title ?? '').not.toMatch(/[[\]…]/);

    const incomplete = nodes.find((node) => node.publication.titleStatus === 'INCOMPLETE')!;
    await page.goto(`${app.running.url}/?case=${incomplete.id}`);
    await page.waitForSelector('.case-grid');
    await expect(page.textContent('#case-title')).resolves.toBe(`${incomplete.publication.title} … (title incomplete in the source)`);
    await expect(page.textContent('#case-title .title-status')).resolves.toBe('(title incomplete in the source)');
    await expect(page.textContent('.citation-title')).resolves.toBe(`${incomplete.publication.title} … (title incomplete in the source).`);
    expect(await page.title()).toBe(`${incomplete.publication.title} … (title incomplete in the source) (${incomplete.label}) · Case report search`);

    const missing = nodes.find((node) => node.publication.titleStatus === 'NOT_RECORDED')!;
    await page.goto(`${app.running.url}/?case=${missing.id}`);
    await page.waitForSelector('.case-grid');
    await expect(page.textContent('#case-title')).resolves.toBe('Title not recorded');
    await expect(page.getAttribute('#case-title .title-status', 'class')).resolves.toContain('title-not-recorded');
    expect(await page.title()).toBe(`Title not recorded (${missing.label}) · Case report search`);
    expect(await accessibilityViolations(page)).toEqual([]);

    // The cards: every title as the page shows it, none with a bracketed placeholder.
    await page.goto(`${app.running.url}/`);
    await page.waitForSelector('#results > li');
    const cardTitles = await page.locator('#results .hit-title').allTextContents();
    expect(cardTitles.length).toBeGreaterThan(0);
    for (const text of cardTitles) expect(text).not.toMatch(/\[/);
    const notes = await page.locator('#results .hit-title .title-status').allTextContents();
    expect(notes.length).toBeGreaterThan(0);
    for (const note of notes) expect(['(title incomplete in the source)', 'Title not recorded']).toContain(note);
    await page.close();
  });

  it('opens a case with every fact, the citation with DOI and PubMed links, the abstract and the other cases of its publication', async () => {
    const page = await driver.open();
    // A demo publication with two cases (Bull Natl Res Cent 2023).
    const series = (await app.graphql<{ caseReports: { edges: { node: { id: string; label: string; publication: { doi: string | null; pmid: string | null; title: string; caseReports: { id: string }[] } } }[] } }>(
      '{ caseReports(first: 100) { edges { node { id label publication { title doi pmid caseReports { id } } } } } }',
    )).data!.caseReports.edges.map((edge) => edge.node);
    const first = series.find((node) => node.publication.caseReports.length > 1)!;
    expect(first).toBeDefined();
    const withLinks = series.find((node) => node.publication.doi && node.publication.pmid)!;

    await page.fill('#search-text', '');
    await page.goto(`${app.running.url}/?case=${withLinks.id}`);
    await page.waitForSelector('.case-grid');
    await expect(page.textContent('#case-title')).resolves.toBe(withLinks.publication.title);
    await expect(page.getAttribute(`a[href="https://doi.org/${withLinks.publication.doi}"]`, 'href')).resolves.toBe(`https://doi.org/${withLinks.publication.doi}`);
    await expect(page.getAttribute(`a[href="https://pubmed.ncbi.nlm.nih.gov/${withLinks.publication.pmid}/"]`, 'href')).resolves.toBeTruthy();
    const factNames = await page.locator('.case-facts > .fact > dt').allTextContents();
    expect(factNames).toEqual(expect.arrayContaining(['Age', 'Age group', 'Sex', 'Pregnancy status', 'Anticoagulation', 'Comorbidities', 'Outcome']));
    expect(await page.locator('.case-section h3').allTextContents()).toEqual([
      expect.stringMatching(/^Patient \(/),
      'Procedures, in order',
      'Complications',
      'Treatment',
      'Publication',
      'Abstract',
      'Other cases in this publication',
    ]);
    await expect(page.locator('.abstract').first().textContent()).resolves.toBeTruthy();
    await screenshot(page, 'desktop-04-case');
    expect(await accessibilityViolations(page)).toEqual([]);

    // The other case of a series is one click away.
    await page.goto(`${app.running.url}/?case=${first.id}`);
    await page.waitForSelector('.case-grid');
    const sibling = first.publication.caseReports.find((item) => item.id !== first.id)!;
    await page.click(`.case-section a[data-case-id="${sibling.id}"]`);
    await page.waitForFunction((id) => new URL(location.href).searchParams.get('case') === id, sibling.id);
    await page.waitForSelector(`.case-section a[data-case-id="${first.id}"]`);
    // "Back to results" means the results, even after moving from case to case.
    await page.click('.back-button');
    await settled(page);
    await page.waitForSelector('#results-view:not([hidden])');
    expect(urlParams(page).get('case')).toBeNull();
    await page.close();
  });

  it('opens a case from page 2 and comes back to the same page, scroll position and focus', async () => {
    const page = await driver.open('', { height: 700 });
    const pageOne = await driver.search({ first: 20 });
    expect(pageOne.hits.pageInfo.hasNextPage).toBe(true);
    await page.click('#pager a[rel="next"]');
    await settled(page);
    expect(urlParams(page).getAll('after')).toEqual([pageOne.hits.pageInfo.endCursor]);
    const pageTwo = await driver.search({ first: 20, after: pageOne.hits.pageInfo.endCursor });
    expect(await shownCaseIds(page)).toEqual(pageTwo.hits.edges.map((edge) => edge.node.caseReport.id));
    expect(await resultCountText(page)).toBe(`23 cases in ${pageOne.totalPublications} publications, showing 21–23`);
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('results-heading');

    const target = pageTwo.hits.edges[2].node.caseReport.id;
    await page.locator(`a[data-case-id="${target}"]`).scrollIntoViewIfNeeded();
    const scrollBefore = await page.evaluate(() => window.scrollY);
    await page.click(`a[data-case-id="${target}"]`);
    await page.waitForSelector('.case-grid');
    expect(urlParams(page).get('case')).toBe(target);
    await page.click('.back-button');
    await page.waitForSelector('#results-view:not([hidden])');
    expect(urlParams(page).get('case')).toBeNull();
    expect(urlParams(page).getAll('after')).toEqual([pageOne.hits.pageInfo.endCursor]);
    expect(await shownCaseIds(page)).toEqual(pageTwo.hits.edges.map((edge) => edge.node.caseReport.id));
    await expect(page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.caseId)).resolves.toBe(target);
    expect(Math.abs((await page.evaluate(() => window.scrollY)) - scrollBefore)).toBeLessThan(5);

    await page.click('#pager a[rel="prev"]');
    await settled(page);
    expect(urlParams(page).getAll('after')).toEqual([]);
    expect(await shownCaseIds(page)).toEqual(pageOne.hits.edges.map((edge) => edge.node.caseReport.id));
    await page.close();
  });

  it('restores a whole search from its URL, and Back and Forward walk through the steps', async () => {
    const all = await driver.search({ facets: [{ facet: 'COMPLICATION' }], first: 1 });
    const hematoma = flatten(all.facets[0].values).find((value) => value.label === 'Intrathecal hematoma')!;
    expect(hematoma).toBeDefined();
    // A link made before terms were named by key carries the term's database id: it still works, and
    // the address is rewritten with the key once the page knows it.
    const query = `q=blood+patch&complication=${hematoma.termId}&sex=FEMALE&sort=YEAR_DESC`;
    const page = await driver.open(query);
    await page.waitForFunction(() => new URL(location.href).searchParams.get('complication') === 'intrathecal-hematoma');
    const input = { text: 'blood patch', filters: { complications: [hematoma.termId], sex: ['FEMALE'] }, sort: 'YEAR_DESC', first: 20 };
    const api = await driver.search(input);
    expect(api.totalCases).toBeGreaterThan(0);
    await expect(page.inputValue('#search-text')).resolves.toBe('blood patch');
    await expect(page.inputValue('#sort')).resolves.toBe('YEAR_DESC');
    await expect(page.isChecked(`fieldset[data-facet="COMPLICATION"] input[data-value="${hematoma.termKey}"]`)).resolves.toBe(true);
    await expect(page.isChecked('fieldset[data-facet="SEX"] input[data-value="FEMALE"]')).resolves.toBe(true);
    expect(await shownCaseIds(page)).toEqual(api.hits.edges.map((edge) => edge.node.caseReport.id));
    expect(await page.locator('#chips button.chip').allTextContents()).toEqual([
      expect.stringContaining('“blood patch”'),
      expect.stringContaining('Complication: Intrathecal hematoma'),
      expect.stringContaining('Sex: Female'),
    ]);
    // The selected tree node's ancestors are open, so the selection is visible.
    await expect(page.isVisible(`fieldset[data-facet="COMPLICATION"] input[data-value="${hematoma.termKey}"]`)).resolves.toBe(true);

    // Step 1: sort by age; step 2: drop the sex filter. Back undoes them one by one; Forward redoes.
    await page.selectOption('#sort', 'AGE_ASC');
    await settled(page);
    await page.uncheck('fieldset[data-facet="SEX"] input[data-value="FEMALE"]');
    await settled(page);
    expect(urlParams(page).get('sex')).toBeNull();
    await page.goBack();
    await settled(page);
    expect(urlParams(page).get('sex')).toBe('FEMALE');
    await expect(page.inputValue('#sort')).resolves.toBe('AGE_ASC');
    await expect(page.isChecked('fieldset[data-facet="SEX"] input[data-value="FEMALE"]')).resolves.toBe(true);
    await page.goBack();
    await settled(page);
    await expect(page.inputValue('#sort')).resolves.toBe('YEAR_DESC');
    expect(await shownCaseIds(page)).toEqual(api.hits.edges.map((edge) => edge.node.caseReport.id));
    await page.goForward();
    await settled(page);
    await expect(page.inputValue('#sort')).resolves.toBe('AGE_ASC');
    const byAge = await driver.search({ ...input, sort: 'AGE_ASC' });
    expect(await shownCaseIds(page)).toEqual(byAge.hits.edges.map((edge) => edge.node.caseReport.id));
    await page.close();
  });

  it('sorts by publication year', async () => {
    const page = await driver.open();
    await page.selectOption('#sort', 'YEAR_ASC');
    await settled(page);
    expect(urlParams(page).get('sort')).toBe('YEAR_ASC');
    const api = await driver.search({ sort: 'YEAR_ASC', first: 20 });
    expect(await shownCaseIds(page)).toEqual(api.hits.edges.map((edge) => edge.node.caseReport.id));
    const years = api.hits.edges.map((edge) => edge.node.caseReport.publication.year).filter((year): year is number => year !== null);
    expect(years).toEqual([...years].sort((a, b) => a - b));
    await page.close();
  });

  it('works with the keyboard alone: the facet tree and the checkboxes, with visible focus', async () => {
    const page = await driver.open();
    const focused = () =>
      page.evaluate(() => {
        const element = document.activeElement as HTMLElement | null;
        const style = element ? getComputedStyle(element) : null;
        return {
          key: element?.dataset.focusKey ?? element?.id ?? '',
          toggleFor: element?.dataset.toggleFor ?? null,
          label: element?.closest('li')?.querySelector(':scope > label .facet-label')?.textContent ?? '',
          outline: style ? `${style.outlineStyle} ${style.outlineWidth}` : '',
        };
      });
    const tabUntil = async (predicate: (state: Awaited<ReturnType<typeof focused>>) => boolean, limit = 40) => {
      for (let index = 0; index < limit; index++) {
        await page.keyboard.press('Tab');
        const state = await focused();
        if (predicate(state)) return state;
      }
      throw new Error('focus never got there');
    };

    // The skip link is the first stop and takes the keyboard to the results.
    await page.keyboard.press('Tab');
    expect((await focused()).key).toBe('');
    await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe('Skip to results');

    // Tab reaches the first disclosure button of the complication tree; Enter opens it.
    const toggle = await tabUntil((state) => state.toggleFor !== null);
    expect(toggle.outline).toMatch(/^solid [1-9]/);
    const treeRoot = toggle.toggleFor as string;
    await page.keyboard.press('Enter');
    await expect(page.getAttribute(`[data-toggle-for="${treeRoot}"]`, 'aria-expanded')).resolves.toBe('true');
    // Tab to the root's checkbox; ArrowRight goes into the open subtree, ArrowDown to the next term, ArrowLeft back to the parent.
    await page.keyboard.press('Tab');
    expect((await focused()).key).toBe(treeRoot);
    await page.keyboard.press('ArrowRight');
    const child = await focused();
    expect(child.key).not.toBe(treeRoot);
    expect(child.outline).toMatch(/^solid [1-9]/);
    await page.keyboard.press('ArrowLeft');
    expect((await focused()).key).toBe(treeRoot);
    await page.keyboard.press('ArrowRight');
    expect((await focused()).key).toBe(child.key);

    // Space ticks the checkbox; the search runs; focus stays on the same checkbox after the facets re-render.
    await page.keyboard.press('Space');
    await page.waitForFunction(() => new URL(location.href).searchParams.getAll('complication').length === 1);
    await settled(page);
    const childId = child.key.split(':')[1];
    expect(urlParams(page).getAll('complication')).toEqual([childId]);
    expect((await focused()).key).toBe(child.key);
    await expect(page.isChecked(`input[data-focus-key="${child.key}"]`)).resolves.toBe(true);
    const api = await driver.search({ filters: { complications: [childId] }, first: 20 });
    expect(await resultCountText(page)).toBe(countText(api.totalCases, api.totalPublications, Math.min(20, api.totalCases)));
    await screenshot(page, 'desktop-05-keyboard-tree');

    // Down to another facet's checkbox by Tab, tick it with Space, untick with Enter.
    const sex = await tabUntil((state) => state.key.startsWith('SEX:'));
    await page.keyboard.press('Space');
    await page.waitForFunction(() => new URL(location.href).searchParams.getAll('sex').length === 1);
    await settled(page);
    expect((await focused()).key).toBe(sex.key);
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => new URL(location.href).searchParams.getAll('sex').length === 0);
    await settled(page);

    // The chip of the complication is reachable and removable by keyboard.
    await page.focus('#chips button.chip');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => !new URL(location.href).searchParams.has('complication'));
    await settled(page);
    expect(await resultCountText(page)).toContain('23 cases');
    await page.close();
  });

  it('sent no request beyond this machine', () => {
    expect(browser.requests.length).toBeGreaterThan(20);
    expect(externalRequests(browser.requests)).toEqual([]);
    // Page errors or CSP violations would be here; the export probe's 404 is the only console error expected.
    expect(browser.errors.filter((error) => !/status of 404/.test(error))).toEqual([]);
  });
});

