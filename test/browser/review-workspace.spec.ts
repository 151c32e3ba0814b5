/**
 * The review workspace in real Chromium: a real PubMed export (10 records) imported for a review
 * with the CLI (`npm run cli -- import`, against the app's database); a curator signs in (the key typed once, then only an HttpOnly SameSite=Strict cookie), screens all ten
 * records by keyboard (include, exclude with reasons incl. "other" with a note, maybe, next/previous),
 * filters and searches the queue; a second reviewer in another browser disagrees on one record, the
 * conflict is listed and resolved by keyboard too (c, the decision, a note, Enter); the final decisions
 * show as a facet of publication search and the PRISMA diagram the page draws holds their numbers; a
 * cross-site form post carrying the session is refused; signing out ends the session. axe-core finds
 * no serious or critical violation on the workspace or the search page; screenshots of each state go
 * to test-artifacts/screenshots.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import request from 'supertest';
import type { Page } from 'playwright-core';
import { waitForIndex } from '../support/search-index';
import { ADMIN_KEY, CURATOR_KEY, startTestApp, TestApp } from '../support/test-app';
import { accessibilityViolations } from './support/accessibility';
import { launchBrowser, screenshot, TestBrowser } from './support/browser';
import { fixturePath } from '../../src/literature/testing/fixtures';
import { settled, shownFacetCounts } from './support/search-page';

const REVIEW = 'browser screening';
const ROOT = join(__dirname, '..', '..');

/** Both pages are built by one script; build when the workspace is missing (an older dist/web). */
function ensurePagesBuilt(): void {
  if (existsSync(join(ROOT, 'dist', 'web', 'workspace.html')) && existsSync(join(ROOT, 'dist', 'web', 'index.html'))) return;
  execFileSync(process.execPath, [join(ROOT, 'scripts', 'build-web.mjs'), '--no-check'], { cwd: ROOT, stdio: 'pipe' });
}

/** `npm run cli -- import FILE --review NAME` the way it runs from the sources, on the test app's database. */
function cliImport(databaseUrl: string, file: string, review: string): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['-r', 'ts-node/register/transpile-only', 'src/cli.ts', 'import', file, '--review', review, '--json'],
      { cwd: ROOT, env: { ...process.env, DATABASE_URL: databaseUrl, SEED_DEMO_DATA: 'false', LOG_LEVEL: 'error', TS_NODE_PROJECT: join(ROOT, 'tsconfig.json') }, maxBuffer: 16 * 1024 * 1024 },
      (error, stdout, stderr) => resolve({ code: error ? ((error as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
  });
}

/** The text of an SVG's <text> elements, entities decoded. */
function svgTexts(svg: string): string[] {
  const decode = (text: string) => text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;|&apos;/g, "'").replace(/&amp;/g, '&');
  return [...svg.matchAll(/<text\b[^>]*>([\s\S]*?)<\/text>/g)].map((match) => decode(match[1].replace(/<[^>]+>/g, '')).trim()).filter(Boolean);
}

const MINE = `query($review: String!) { screeningQueue(review: $review, scope: MINE, first: 100) {
  progress { screened included excluded maybe }
  items { publication { id } status myDecision { decision reason note } resolution { resolvedBy decision } } } }`;

interface MineItem {
  publication: { id: string };
  status: string;
  myDecision: { decision: string; reason: string | null; note: string | null } | null;
  resolution: { resolvedBy: string; decision: string } | null;
}

/** Serious and critical axe violations only (the brief's bar); the message names rule and elements. */
async function seriousViolations(page: Page): Promise<string[]> {
  return (await accessibilityViolations(page)).filter((violation) => /\((serious|critical)\)/.test(violation));
}

describe('review workspace (browser)', () => {
  let app: TestApp;
  let alice: TestBrowser;
  let bob: TestBrowser;
  let ids: string[] = [];
  let alicePage: Page;
  let crossSite: Server;

  const mine = async (key: string): Promise<{ progress: Record<string, number>; items: MineItem[] }> => {
    const result = await app.graphql<{ screeningQueue: { progress: Record<string, number>; items: MineItem[] } }>(MINE, { review: REVIEW }, key);
    if (result.errors) throw new Error(JSON.stringify(result.errors));
    return result.data!.screeningQueue;
  };

  const openWorkspace = async (browser: TestBrowser): Promise<Page> => {
    const { page } = await browser.newPage();
    await page.goto(`${app.running.url}/workspace`);
    await page.waitForSelector('body[data-ready="true"]');
    return page;
  };

  const signInByKeyboard = async (page: Page, key: string, name: string) => {
    await page.focus('#api-key');
    await page.keyboard.type(key);
    await page.keyboard.press('Enter');
    await page.waitForFunction((who) => document.getElementById('signed-in-as')?.textContent?.includes(who), name);
    await page.waitForFunction(() => document.querySelectorAll('#queue li').length === 10);
  };

  const progressText = (page: Page) => page.textContent('#progress-label');
  const waitForScreened = (page: Page, n: number) => page.waitForFunction((count) => document.getElementById('progress-label')?.textContent?.startsWith(`${count} of 10 screened`), n);

  beforeAll(async () => {
    ensurePagesBuilt();
    app = await startTestApp({ SEED_DEMO_DATA: 'false' });
    const imported = await cliImport(app.database.url, fixturePath('pubmed_xml/pubmed-10-records-5-case-reports.xml'), REVIEW);
    expect(imported.stderr).toBe('');
    expect(imported.code).toBe(0);
    expect(JSON.parse(imported.stdout)).toMatchObject({ format: 'pubmed-xml', review: REVIEW, recordsRead: 10, created: 10, stored: true, extraction: { publications: 10 } });
    await waitForIndex(app);
    const saved = await app.graphql(`mutation($name: String!) { saveReview(input: { name: $name, question: "How are odontogenic cysts treated?", keywords: ["decompression"] }) { name } }`, { name: REVIEW }, CURATOR_KEY);
    expect(saved.errors).toBeUndefined();
    const queue = await app.graphql<{ screeningQueue: { items: { publication: { id: string } }[] } }>(`query($review: String!) { screeningQueue(review: $review, first: 100) { items { publication { id } } } }`, { review: REVIEW });
    ids = queue.data!.screeningQueue.items.map((item) => item.publication.id);
    expect(ids).toHaveLength(10);
    alice = await launchBrowser();
    bob = await launchBrowser();
  });

  afterAll(async () => {
    await alice?.close();
    await bob?.close();
    await new Promise((resolve) => (crossSite ? crossSite.close(resolve) : resolve(undefined)));
    await app?.close();
  });

  it('signs in with the key typed once: an HttpOnly, SameSite=Strict cookie, nothing in the URL or in storage', async () => {
    const served = await request(app.running.url).get('/workspace');
    expect(served.headers['content-security-policy']).toContain("script-src 'self';");
    expect(served.headers['content-security-policy']).not.toContain('unsafe-inline');
    alicePage = await openWorkspace(alice);
    expect(await alicePage.isVisible('#sign-in-form')).toBe(true);
    expect(await seriousViolations(alicePage)).toEqual([]);
    await screenshot(alicePage, 'workspace-1-sign-in');

    await signInByKeyboard(alicePage, CURATOR_KEY, 'curator');
    expect(alicePage.url()).toBe(`${app.running.url}/workspace`);
    expect(await alicePage.inputValue('#api-key')).toBe('');
    const storage = await alicePage.evaluate(() => JSON.stringify({ local: { ...localStorage }, session: { ...sessionStorage } }));
    expect(storage).not.toContain(CURATOR_KEY);
    expect(storage).toBe('{"local":{},"session":{}}');
    const cookies = await alice.context.cookies(app.running.url);
    expect(cookies).toHaveLength(1);
    expect(cookies[0]).toMatchObject({ name: 'crs_session', httpOnly: true, sameSite: 'Strict', path: '/' });
    expect(cookies[0].value).not.toContain(CURATOR_KEY);
    // The review question's terms are highlighted, and the key legend is on screen.
    expect(await alicePage.$$eval('#record mark', (marks) => marks.map((m) => m.textContent?.toLowerCase()))).toEqual(expect.arrayContaining(['cyst']));
    expect(await alicePage.textContent('.key-legend')).toContain('Exclude, then the reason');
    expect(await progressText(alicePage)).toMatch(/^0 of 10 screened by you/);
    expect(await seriousViolations(alicePage)).toEqual([]);
    await screenshot(alicePage, 'workspace-2-queue', { fullPage: true });
  });

  it('screens ten records by keyboard only: include, exclude with a reason (and "other" with a note), maybe, next and previous', async () => {
    const page = alicePage;
    const plan: string[][] = [['i'], ['e', '1'], ['m'], ['i'], ['e', '4'], ['i'], ['e', '5', 'NOTE'], ['m'], ['i'], ['e', '2']];
    for (const [n, keys] of plan.entries()) {
      await page.waitForFunction((position) => document.querySelector('.record-position')?.textContent === position, `Record ${n + 1} of 10`);
      for (const key of keys) {
        if (key === 'NOTE') {
          await page.waitForFunction(() => document.activeElement?.id === 'reason-note');
          await page.keyboard.type('animal study, not a patient');
          await page.keyboard.press('Enter');
        } else {
          await page.keyboard.press(key);
          if (key === 'e') {
            await page.waitForSelector('#reason-panel');
            if (n === 1) await screenshot(page, 'workspace-3-exclusion-reasons');
          }
        }
      }
      await waitForScreened(page, n + 1);
      if (n === 2) {
        // Back to the third record and on again: j / k move without deciding.
        await page.keyboard.press('k');
        expect(await page.textContent('.record-position')).toBe('Record 3 of 10');
        expect(await page.textContent('#my-decision')).toContain('Your decision: Maybe');
        await page.keyboard.press('j');
      }
    }
    expect(await progressText(page)).toMatch(/^10 of 10 screened by you · 4 included · 4 excluded · 2 maybe · 0 undecided/);
    expect(await page.getAttribute('#progress', 'value')).toBe('10');

    const saved = await mine(CURATOR_KEY);
    const decisionOf = (i: number) => saved.items.find((item) => item.publication.id === ids[i])?.myDecision;
    expect(plan.map((_, i) => decisionOf(i)?.decision)).toEqual(['INCLUDE', 'EXCLUDE', 'MAYBE', 'INCLUDE', 'EXCLUDE', 'INCLUDE', 'EXCLUDE', 'MAYBE', 'INCLUDE', 'EXCLUDE']);
    expect([1, 4, 6, 9].map((i) => decisionOf(i)?.reason)).toEqual(['NOT_CASE_REPORT', 'DUPLICATE', 'OTHER', 'WRONG_POPULATION']);
    expect(decisionOf(6)?.note).toBe('animal study, not a patient');
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'workspace-4-screened', { fullPage: true });
  });

  it('filters the queue by decision and exclusion reason, and searches within the review', async () => {
    const page = alicePage;
    await page.selectOption('#queue-filter', 'EXCLUDED');
    await page.waitForFunction(() => document.getElementById('queue-count')?.textContent === '4 records');
    await page.selectOption('#queue-reason', 'DUPLICATE');
    await page.waitForFunction(() => document.getElementById('queue-count')?.textContent === '1 record');
    expect(await page.getAttribute('#queue li button', 'data-publication-id')).toBe(ids[4]);
    await page.selectOption('#queue-filter', '');
    await page.waitForFunction(() => document.getElementById('queue-count')?.textContent === '10 records');
    await page.keyboard.press('/');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('queue-text');
    await page.keyboard.type('radicular');
    await page.waitForFunction(() => document.getElementById('queue-count')?.textContent === '2 records');
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'workspace-5-filtered');
    await page.fill('#queue-text', '');
    await page.waitForFunction(() => document.getElementById('queue-count')?.textContent === '10 records');
  });

  it('lists a disagreement between two reviewers (two browsers, two keys) and records who resolved it', async () => {
    const page = await openWorkspace(bob);
    await signInByKeyboard(page, ADMIN_KEY, 'root');
    expect(await progressText(page)).toMatch(/^0 of 10 screened by you/);
    // Blind screening: before deciding, root sees neither curator's decision nor the final one it made.
    const before = await page.textContent('#my-decision');
    expect(before).toContain('hidden until you decide');
    expect(before).not.toMatch(/curator|Final: Included/);
    // root excludes the first record, which curator included.
    await page.keyboard.press('e');
    await page.waitForSelector('#reason-panel');
    await page.keyboard.press('2');
    await waitForScreened(page, 1);
    await page.waitForSelector(`#conflict-list li[data-publication-id="${ids[0]}"]`);
    expect(await page.textContent(`#conflict-list li[data-publication-id="${ids[0]}"]`)).toMatch(/curator: Include.*root: Exclude \(Wrong population\)|root: Exclude \(Wrong population\).*curator: Include/);
    expect(await progressText(page)).toContain('1 conflict between reviewers');
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'workspace-6-conflict', { fullPage: true });

    // Resolved by keyboard: c goes to the disagreement's final decision, arrows choose, Tab to the note, Enter saves.
    await page.keyboard.press('c');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('resolve-0');
    await page.keyboard.press('ArrowDown');
    expect(await page.inputValue('#resolve-0')).toBe('MAYBE');
    await page.keyboard.press('ArrowUp');
    expect(await page.inputValue('#resolve-0')).toBe('INCLUDE');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('resolve-note-0');
    await page.keyboard.type('a case report after all');
    await page.keyboard.press('Enter');
    await page.waitForSelector('#conflict-list li.no-conflicts');
    expect(await page.textContent('#status')).toContain('Resolved as Include');
    await screenshot(page, 'workspace-7-resolved', { fullPage: true });

    const item = (await mine(ADMIN_KEY)).items.find((i) => i.publication.id === ids[0]);
    expect(item).toMatchObject({ status: 'INCLUDED', myDecision: { decision: 'EXCLUDE', reason: 'WRONG_POPULATION' }, resolution: { resolvedBy: 'root', decision: 'INCLUDE' } });
  });

  it('shows the final decisions in publication search as a facet, and the PRISMA counts match them', async () => {
    await waitForIndex(app);
    const { page } = await alice.newPage();
    await page.goto(`${app.running.url}/?scope=publications&review=${encodeURIComponent(REVIEW)}`);
    await settled(page);
    await page.waitForSelector('fieldset[data-facet="SCREENING_DECISION"]');
    const counts = await shownFacetCounts(page, 'SCREENING_DECISION');
    expect(Object.fromEntries(Object.entries(counts).filter(([, n]) => n > 0))).toEqual({ INCLUDED: 4, EXCLUDED: 4, MAYBE: 2 });
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'workspace-8-search-facet', { fullPage: true });

    const prisma = await app.graphql<{ prismaCounts: Record<string, unknown> }>(
      `query($review: String!) { prismaCounts(review: $review) { recordsScreened recordsExcluded studiesIncluded reportsAssessed recordsInConflict exclusionReasons { code count } } }`,
      { review: REVIEW },
    );
    expect(prisma.data!.prismaCounts).toEqual({
      recordsScreened: 10,
      recordsExcluded: 4,
      studiesIncluded: 4,
      reportsAssessed: 6,
      recordsInConflict: 0,
      exclusionReasons: [
        { code: 'NOT_CASE_REPORT', count: 1 },
        { code: 'WRONG_POPULATION', count: 1 },
        { code: 'WRONG_COMPLICATION', count: 0 },
        { code: 'DUPLICATE', count: 1 },
        { code: 'OTHER', count: 1 },
      ],
    });

    // The PRISMA diagram the search page draws for the review holds the same numbers.
    await page.goto(`${app.running.url}/?view=synthesis`);
    await page.waitForSelector('#synthesis[aria-busy="false"] #prisma-section');
    await page.selectOption('#prisma-review', REVIEW);
    await page.waitForFunction((review) => {
      const image = document.querySelector<HTMLImageElement>('.prisma-image');
      return !!image && new URL(image.src).searchParams.get('review') === review && image.complete && image.naturalWidth > 0;
    }, REVIEW);
    const href = await page.getAttribute('[data-downloads="prisma"] a[data-format="svg"]', 'href');
    const url = new URL(href as string, page.url());
    expect(url.searchParams.get('review')).toBe(REVIEW);
    const svg = await request(app.running.url).get(`${url.pathname}${url.search}`).buffer(true).parse((response, done) => {
      let text = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (text += chunk));
      response.on('end', () => done(null, text));
    });
    expect(svg.status).toBe(200);
    const texts = svgTexts(svg.body as string);
    const labels = await app.graphql<{ review: { exclusionReasons: { code: string; label: string }[] } }>(`query($name: String!) { review(name: $name) { exclusionReasons { code label } } }`, { name: REVIEW });
    const label = (code: string) => labels.data!.review.exclusionReasons.find((reason) => reason.code === code)?.label;
    const after = (heading: string) => texts[texts.indexOf(heading) + 1];
    expect(after('Records screened')).toBe('n = 10');
    expect(after('Records excluded')).toBe('n = 4');
    expect(texts).toEqual(expect.arrayContaining(['NOT_CASE_REPORT', 'WRONG_POPULATION', 'DUPLICATE', 'OTHER'].map((code) => `${label(code)} (n = 1)`)));
    expect(after('Reports assessed for eligibility')).toBe('n = 6');
    expect(texts).toContain('Marked "maybe", awaiting full text: n = 2');
    expect(after('Studies included in review')).toBe('n = 4');
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'workspace-8b-prisma', { fullPage: true });
    await page.close();
  });

  it('refuses a cross-site form post made while signed in', async () => {
    // A page on another site (localhost vs 127.0.0.1) posts a form to /graphql that would change curator's decision.
    const mutation = `mutation { screenPublication(review: "${REVIEW}", publicationId: "${ids[0]}", decision: EXCLUDE, reason: "DUPLICATE") { status } }`;
    crossSite = createServer((incoming, response) => {
      response.setHeader('Content-Type', 'text/html; charset=utf-8');
      if (incoming.url === '/import') {
        // A multipart form with a file, the kind of post /imports takes from a form: made up by the page's script.
        response.end(
          `<!doctype html><title>evil</title><form id="f" method="post" action="${app.running.url}/imports?review=cross-site" enctype="multipart/form-data"><input type="file" name="file" id="file"></form>` +
            `<script>const data = new DataTransfer(); data.items.add(new File(['TY  - JOUR\\nTI  - Planted by another site\\nPY  - 2020\\nER  - \\n'], 'planted.ris', { type: 'text/plain' }));` +
            `document.getElementById('file').files = data.files; document.getElementById('f').submit();</script>`,
        );
        return;
      }
      response.end(
        `<!doctype html><title>evil</title><form id="f" method="post" action="${app.running.url}/graphql" enctype="application/x-www-form-urlencoded">` +
          `<input type="hidden" name="query" value='${mutation.replace(/'/g, '&#39;')}'></form><script>document.getElementById('f').submit()</script>`,
      );
    });
    await new Promise<void>((resolve) => crossSite.listen(0, 'localhost', resolve));
    const { page } = await alice.newPage();
    const answered = page.waitForResponse((response) => response.url().startsWith(`${app.running.url}/graphql`) && response.request().method() === 'POST');
    await page.goto(`http://localhost:${(crossSite.address() as AddressInfo).port}/`);
    const response = await answered;
    expect(response.status()).toBeGreaterThanOrEqual(400);
    const decision = (await mine(CURATOR_KEY)).items.find((item) => item.publication.id === ids[0])?.myDecision;
    expect(decision).toMatchObject({ decision: 'INCLUDE' });

    // A form that uploads a file to /imports, the endpoint that takes forms: refused, nothing imported.
    const uploaded = page.waitForResponse((response) => response.url().startsWith(`${app.running.url}/imports`) && response.request().method() === 'POST');
    await page.goto(`http://localhost:${(crossSite.address() as AddressInfo).port}/import`);
    const upload = await uploaded;
    expect([401, 403]).toContain(upload.status());
    expect(upload.request().headers()['content-type']).toMatch(/^multipart\/form-data/);
    // Refused as a change without a signed-in, same-site caller (SameSite=Strict keeps the cookie off, the header rule is the second lock).
    expect(['UNAUTHENTICATED', 'FORBIDDEN']).toContain((await upload.json()).error?.code);
    const planted = await app.graphql<{ reviews: { name: string }[] }>(`{ reviews { name } }`);
    expect(JSON.stringify(planted.data)).not.toContain('cross-site');
    await page.close();
  });

  it('signs out: the cookie is gone and the old session no longer authenticates', async () => {
    const page = alicePage;
    const [cookie] = await alice.context.cookies(app.running.url);
    await page.focus('#sign-out');
    await page.keyboard.press('Enter');
    await page.waitForSelector('#sign-in-form', { state: 'visible' });
    expect(await alice.context.cookies(app.running.url)).toEqual([]);
    const stale = `crs_session=${cookie.value}`;
    expect((await request(app.running.url).get('/session').set('Cookie', stale)).body).toEqual({ signedIn: false });
    const write = await request(app.running.url)
      .post('/graphql')
      .set('Cookie', stale)
      .set('X-Requested-With', 'case-report-search')
      .send({ query: `mutation { screenPublication(review: "${REVIEW}", publicationId: "${ids[2]}", decision: INCLUDE) { status } }` });
    expect(write.body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'workspace-9-signed-out');
    // The strict Content-Security-Policy stayed on and nothing broke it.
    expect([...alice.errors, ...bob.errors].filter((error) => /Content Security Policy|page error/i.test(error))).toEqual([]);
  });
});
