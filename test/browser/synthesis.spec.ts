/**
 * The synthesis on the search page, in real Chromium against the whole app with the demo corpus:
 * the outcome summary above the results (follows the filters, readable as text, no axe violation),
 * the synthesis view (case table with its column picker, cross-tab, histograms, PRISMA diagram), and
 * its downloads, each read back and compared with what the screen shows (SVG parsed, .docx unzipped).
 */
import { parse } from 'csv-parse/sync';
import type { Page } from 'playwright-core';
import { SaxesParser } from 'saxes';
import request from 'supertest';
import { docxText } from '../support/docx-text';
import { waitForIndex } from '../support/search-index';
import { CURATOR_KEY, startTestApp, TestApp } from '../support/test-app';
import { accessibilityViolations } from './support/accessibility';
import { launchBrowser, screenshot, TestBrowser } from './support/browser';
import { ensureSearchPageBuilt, SearchPageDriver, settled, urlParams } from './support/search-page';

// The README question (test/e2e/synthesis.e2e.spec.ts counts it by hand): 5 cases, 2 full recovery, 1 partial, 2 unknown.
const QUESTION = 'complication=intrathecal-hematoma&complication=spinal-subdural-hematoma&procedure=epidural-blood-patch&pregnancy=PREGNANT&pregnancy=POSTPARTUM';

function svgTexts(svg: string): string[] {
  const texts: string[] = [];
  const parser = new SaxesParser({ xmlns: true });
  let inText = false;
  parser.on('opentag', (tag) => (inText = tag.local === 'text' || tag.local === 'title' || tag.local === 'desc'));
  parser.on('closetag', () => (inText = false));
  parser.on('text', (text) => inText && text.trim() && texts.push(text.trim()));
  parser.write(svg).close();
  return texts;
}

describe('synthesis on the search page (browser, demo corpus)', () => {
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

  /** Downloads a link of the page the way the browser would (same URL), as text or bytes. */
  async function download(page: Page, selector: string): Promise<{ status: number; type: string; disposition: string; body: Buffer }> {
    const href = await page.getAttribute(selector, 'href');
    expect(href).toBeTruthy();
    const url = new URL(href as string, page.url());
    const response = await request(app.running.url)
      .get(`${url.pathname}${url.search}`)
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => done(null, Buffer.concat(chunks)));
      });
    return { status: response.status, type: String(response.headers['content-type']), disposition: String(response.headers['content-disposition']), body: response.body as Buffer };
  }

  async function summaryRows(page: Page, total: number): Promise<{ value: string; text: string; cells: string[] }[]> {
    try {
      await page.waitForSelector(`#outcome-summary[aria-busy="false"] .outcome-summary[data-total="${total}"]`, { timeout: 15000 });
    } catch (error) {
      const shown = await page.evaluate(() => ({ url: location.href, box: document.getElementById('outcome-summary')?.outerHTML.slice(0, 300) }));
      throw new Error(`no outcome summary of ${total} cases: ${JSON.stringify(shown)}`);
    }
    return page.$$eval('#outcome-summary tbody tr', (rows) =>
      rows.map((row) => ({ value: (row as HTMLElement).dataset.value ?? '', text: (row as HTMLElement).dataset.text ?? '', cells: [...row.querySelectorAll('th, td')].map((cell) => cell.textContent?.trim() ?? '') })),
    );
  }

  it('shows the outcome of the search above the results, as text with intervals, and follows the filters', async () => {
    const page = await driver.open(QUESTION);
    const rows = await summaryRows(page, 5);
    expect(await page.textContent('#outcome-heading')).toBe('Outcome of these 5 cases');
    // Zero and unknown values are rows too; every number is text in a table (no colour needed).
    expect(rows.map((row) => row.text)).toEqual([
      'Full recovery: 2 of 5 (40%, 95% CI 12–77%)',
      'Improved (unspecified): 0 of 5 (0%, 95% CI 0–43%)',
      'Partial recovery: 1 of 5 (20%, 95% CI 4–62%)',
      'Residual deficit: 0 of 5 (0%, 95% CI 0–43%)',
      'Death: 0 of 5 (0%, 95% CI 0–43%)',
      'Unknown: 2 of 5 (40%, 95% CI 12–77%)',
    ]);
    expect(rows[0].cells.slice(0, 3)).toEqual(['Full recovery', '2 of 5', '40% (95% CI 12–77%)']);
    // The bars are decoration for assistive technology: the same row says the numbers.
    expect(await page.$$eval('#outcome-summary svg', (charts) => charts.every((chart) => chart.getAttribute('aria-hidden') === 'true'))).toBe(true);
    expect(await page.$eval('#outcome-summary table', (table) => table.querySelector('caption')?.textContent)).toMatch(/Wilson 95% confidence intervals/);
    expect(await accessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'synthesis-01-outcome-summary');

    // The chart downloads hold the same numbers (the SVG parsed; the PNG drawn from it).
    const chart = await download(page, '#outcome-summary a[data-format="svg"]');
    expect(chart.status).toBe(200);
    const texts = svgTexts(chart.body.toString('utf8'));
    for (const row of rows) {
      const [label, counts] = [row.cells[0], row.cells[1]];
      expect(texts.some((text) => text.startsWith(`${counts}`) || text.includes(`${label}: ${counts.split(' of ')[0]}`))).toBe(true);
    }
    expect(texts).toEqual(expect.arrayContaining([expect.stringMatching(/^Search: \{.*intrathecal-hematoma/), expect.stringMatching(/^Generated: \d{4}-/)]));
    const png = await download(page, '#outcome-summary a[data-format="png"]');
    expect(png.status).toBe(200);
    expect(png.type).toBe('image/png');
    expect(png.body.subarray(1, 4).toString()).toBe('PNG');

    // A filter changes the summary with the results: only the full recoveries.
    await page.check('fieldset[data-facet="OUTCOME"] li[data-value="FULL_RECOVERY"] input');
    await settled(page);
    const filtered = await summaryRows(page, 2);
    expect(filtered.find((row) => row.value === 'FULL_RECOVERY')?.text).toBe('Full recovery: 2 of 2 (100%, 95% CI 34–100%)');
    expect(filtered.find((row) => row.value === 'UNKNOWN')?.text).toBe('Unknown: 0 of 2 (0%, 95% CI 0–66%)');
    expect(await page.textContent('#outcome-heading')).toBe('Outcome of these 2 cases');
    // Back: the earlier summary again, from the cache.
    await page.goBack();
    await settled(page);
    expect((await summaryRows(page, 5))[0].text).toBe('Full recovery: 2 of 5 (40%, 95% CI 12–77%)');
    await page.close();
  });

  it('shows the synthesis view: case table with a column picker, cross-tab, histograms, PRISMA; the downloads hold what it shows', async () => {
    // A review with two imports of one record (one duplicate), for the PRISMA diagram.
    const ris = 'TY  - JOUR\nTI  - A record for PRISMA\nAU  - Doe, J\nPY  - 2020\nER  - \n';
    for (let i = 0; i < 2; i++) {
      const upload = await request(app.running.url).post('/imports').query({ review: 'synthesis review', fileName: `search-${i}.ris` }).set('Authorization', `Bearer ${CURATOR_KEY}`).set('Content-Type', 'text/plain').send(ris);
      expect(upload.status).toBe(200);
    }
    // The view lists reviews from publication search's REVIEW facet: wait until the imports are indexed.
    await waitForIndex(app);
    const page = await driver.open(QUESTION);
    await page.click('#view-synthesis');
    await page.waitForFunction(() => new URL(location.href).searchParams.get('view') === 'synthesis');
    await page.waitForSelector('#synthesis[aria-busy="false"] #prisma-section');
    expect(await page.isHidden('#results')).toBe(true);
    expect(await page.getAttribute('#view-synthesis', 'aria-current')).toBe('page');
    expect(await page.textContent('#synthesis-heading')).toBe('Synthesis of these 5 cases');

    // The case table: the five patients, the default columns.
    const table = () =>
      page.$eval('.case-table', (element) => ({
        headers: [...element.querySelectorAll('thead th')].map((cell) => cell.textContent ?? ''),
        rows: [...element.querySelectorAll('tbody tr')].map((row) => [...row.querySelectorAll('td')].map((cell) => cell.textContent ?? '')),
      }));
    const shown = await table();
    expect(shown.rows).toHaveLength(5);
    expect(shown.headers[0]).toBe('Study');
    expect(shown.headers).toContain('Symptoms');
    expect(shown.rows.flat().join(' ')).toContain('216 h');
    expect(await accessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'synthesis-02-view', { fullPage: true });

    // The column picker: Symptoms off, Sex on; the URL keeps the choice.
    await page.click('.column-picker summary');
    await page.uncheck('.column-picker input[value="SYMPTOMS"]');
    await page.waitForFunction(() => !(new URL(location.href).searchParams.get('columns') ?? 'SYMPTOMS').includes('SYMPTOMS'));
    await page.waitForSelector('#synthesis[aria-busy="false"] .case-table');
    await page.check('.column-picker input[value="SEX"]');
    await page.waitForFunction(() => (new URL(location.href).searchParams.get('columns') ?? '').includes('SEX'));
    await page.waitForFunction(() => [...document.querySelectorAll('.case-table thead th')].some((cell) => cell.textContent === 'Sex'));
    const picked = await table();
    expect(picked.headers).not.toContain('Symptoms');
    expect(picked.headers).toContain('Sex');
    expect(await page.isVisible('.column-picker input[value="SEX"]')).toBe(true);

    // The downloads hold the table on screen: Word read back, CSV parsed, Markdown's header row.
    const word = await download(page, '[data-downloads="case-table"] a[data-format="word"]');
    expect(word.status).toBe(200);
    const docx = docxText(word.body);
    expect(docx.rows[0]).toEqual(picked.headers);
    expect(docx.rows.slice(1)).toEqual(picked.rows);
    expect(docx.paragraphs.join('\n')).toMatch(/Search: .*epidural-blood-patch/);
    const csv = await download(page, '[data-downloads="case-table"] a[data-format="csv"]');
    expect(csv.body.toString('utf8')).toMatch(/^# Search: /);
    const records = parse(csv.body.toString('utf8'), { comment: '#', comment_no_infix: true }) as string[][];
    expect(records[0]).toEqual(picked.headers);
    expect(records.slice(1)).toEqual(picked.rows);
    const markdown = await download(page, '[data-downloads="case-table"] a[data-format="markdown"]');
    expect(markdown.body.toString('utf8')).toContain(`| ${picked.headers.join(' | ')} |`);

    // The cross-tab: rows chosen; each cell's count and row share shown.
    await page.selectOption('#cross-rows', 'PREGNANCY_STATUS');
    await page.waitForFunction(() => new URL(location.href).searchParams.get('rows') === 'PREGNANCY_STATUS');
    await page.waitForFunction(() => document.querySelector('#cross-tab-caption')?.textContent?.startsWith('Pregnancy status by Outcome'));
    const postpartum = await page.$eval('.cross-tab tr[data-value="POSTPARTUM"]', (row) => [...row.querySelectorAll('th, td')].map((cell) => (cell as HTMLElement).dataset.text ?? cell.textContent));
    expect(postpartum[0]).toBe('Postpartum');
    expect(postpartum).toContain('2 (40% (95% CI 12–77%))');
    expect(postpartum[postpartum.length - 1]).toBe('5');
    expect(urlParams(page).get('view')).toBe('synthesis');

    // Histograms of age and onset: the numbers as text, the SVG download saying the same.
    const age = await page.textContent('figure[data-field="AGE"] figcaption');
    expect(age).toBe('Age (years) n = 4 values from 4 of 5 cases (1 not reported); median 34.5 (IQR 30.75–37.75); range 27–40');
    expect(await page.textContent('figure[data-field="ONSET_HOURS"] figcaption')).toMatch(/^Time to onset \(hours\) n = \d+ values? from \d+ of 5 cases/);
    const ageSvg = await download(page, '[data-downloads="age"] a[data-format="svg"]');
    expect(ageSvg.type).toMatch(/^image\/svg\+xml/);
    const ageTexts = svgTexts(ageSvg.body.toString('utf8'));
    expect(ageTexts).toContain('Age (years)');
    expect(ageTexts).toContain('n = 4 values from 4 of 5 cases (1 not reported); median 34.5 (IQR 30.75–37.75); range 27–40; mean 34');
    const onsetPng = await download(page, '[data-downloads="onset_hours"] a[data-format="png"]');
    expect(onsetPng.status).toBe(200);
    expect(onsetPng.body.subarray(1, 4).toString()).toBe('PNG');

    // The PRISMA diagram of the review: shown, and downloadable.
    expect(await page.$eval('#prisma-review', (select) => (select as HTMLSelectElement).value)).toBe('synthesis review');
    await page.waitForFunction(() => (document.querySelector('.prisma-image') as HTMLImageElement | null)?.naturalWidth ?? 0 > 0);
    const prisma = await download(page, '[data-downloads="prisma"] a[data-format="svg"]');
    const prismaTexts = svgTexts(prisma.body.toString('utf8'));
    expect(prismaTexts).toEqual(expect.arrayContaining(['PRISMA 2020 flow diagram: synthesis review', 'Total: n = 2', 'Duplicate records removed (n = 1)', 'n = 1 (records left to screen)', 'not available: not screened yet']));
    expect(await accessibilityViolations(page)).toEqual([]);

    // Back to the list: the results again, the summary above them.
    await page.click('#view-results');
    await page.waitForFunction(() => !new URL(location.href).searchParams.has('view'));
    expect(await page.isVisible('#results')).toBe(true);
    expect(await page.isHidden('#synthesis')).toBe(true);
    await page.close();
  });
});
