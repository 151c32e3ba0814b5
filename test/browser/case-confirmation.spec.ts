/**
 * Confirming cases in the review workspace, in real Chromium: a curator signs in, includes an
 * imported case report, and on its proposed patient accepts a fact, corrects the complication with a
 * term chosen by type-ahead, adds a follow-up (a number with a unit) from words selected in the
 * abstract, rejects a fact, and marks the patient curated; case search then shows the case as curated
 * with the corrected complication. The patient's history undoes the rejection. A second curator's
 * save makes the first one's page stale: its next save is refused with a message naming the change.
 * axe-core finds no serious or critical violation in any of these states; screenshots of each go to
 * test-artifacts/screenshots (confirm-*.png).
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import request from 'supertest';
import type { Page } from 'playwright-core';
import { waitForIndex } from '../support/search-index';
import { ADMIN_KEY, CURATOR_KEY, startTestApp, TestApp } from '../support/test-app';
import { accessibilityViolations } from './support/accessibility';
import { launchBrowser, screenshot, TestBrowser } from './support/browser';
import { settled, shownCaseIds, shownFacetCounts } from './support/search-page';

const REVIEW = 'browser confirming';
const ROOT = join(__dirname, '..', '..');
const TITLE = 'Intrathecal hematoma after an epidural blood patch in a postpartum patient';
const ABSTRACT =
  'A 31-year-old postpartum woman received an epidural blood patch of 20 ml at L3-L4. ' +
  'Two days later she developed back pain and paraplegia. MRI showed an intrathecal hematoma. ' +
  'She underwent decompressive laminectomy and recovered fully. ' +
  'She was followed up for 6 months without recurrence.';

const PUBMED_XML = `<?xml version="1.0"?>
<PubmedArticleSet><PubmedArticle><MedlineCitation Status="MEDLINE" Owner="NLM"><PMID Version="1">99000001</PMID>
<Article PubModel="Print"><Journal><JournalIssue CitedMedium="Print"><PubDate><Year>2024</Year></PubDate></JournalIssue><Title>Journal of Test Anesthesia</Title></Journal>
<ArticleTitle>${TITLE}</ArticleTitle><Abstract><AbstractText>${ABSTRACT}</AbstractText></Abstract><Language>eng</Language>
<PublicationTypeList><PublicationType UI="D002363">Case Reports</PublicationType></PublicationTypeList></Article></MedlineCitation></PubmedArticle></PubmedArticleSet>`;

function ensurePagesBuilt(): void {
  if (existsSync(join(ROOT, 'dist', 'web', 'workspace.html')) && existsSync(join(ROOT, 'dist', 'web', 'index.html'))) return;
  execFileSync(process.execPath, [join(ROOT, 'scripts', 'build-web.mjs'), '--no-check'], { cwd: ROOT, stdio: 'pipe' });
}

async function seriousViolations(page: Page): Promise<string[]> {
  return (await accessibilityViolations(page)).filter((violation) => /\((serious|critical)\)/.test(violation));
}

interface ApiCase {
  id: string;
  label: string;
  version: number;
  curationStatus: string;
  followUpDays: number | null;
  complications: { term: { key: string } }[];
  facts: { path: string; value: string | null; status: string; evidence: { field: string; start: number; end: number; text: string; method: string } | null }[];
}

describe('confirming cases in the workspace (browser)', () => {
  let app: TestApp;
  let alice: TestBrowser;
  let bob: TestBrowser;
  let page: Page;
  let publicationId: string;
  let caseId: string;
  let accepted: string;
  let rejected: string;

  const caseOf = async (id: string): Promise<ApiCase> => {
    const result = await app.graphql<{ caseReport: ApiCase }>(
      `query($id: ID!) { caseReport(id: $id) { id label version curationStatus followUpDays complications { term { key } } facts { path value status evidence { field start end text method } } } }`,
      { id },
    );
    if (result.errors) throw new Error(JSON.stringify(result.errors));
    return result.data!.caseReport;
  };
  const fact = (path: string) => `.patient[data-case-id="${caseId}"] li.fact[data-path="${path}"]`;
  const waitForFactStatus = (path: string, status: string) =>
    page.waitForSelector(`${fact(path)}[data-status="${status}"]`);

  const openConfirm = async (browser: TestBrowser, key: string, name: string): Promise<Page> => {
    const { page: opened } = await browser.newPage();
    await opened.goto(`${app.running.url}/workspace?review=${encodeURIComponent(REVIEW)}`);
    await opened.waitForSelector('body[data-ready="true"]');
    await opened.focus('#api-key');
    await opened.keyboard.type(key);
    await opened.keyboard.press('Enter');
    await opened.waitForFunction((who) => document.getElementById('signed-in-as')?.textContent?.includes(who), name);
    await opened.waitForSelector('.record-position');
    // Include by keyboard; the record's cases can then be confirmed.
    await opened.keyboard.press('i');
    await opened.waitForSelector('#open-confirm');
    await opened.click('#open-confirm');
    await opened.waitForSelector('#confirm-view:not([hidden]) .patient');
    return opened;
  };

  beforeAll(async () => {
    ensurePagesBuilt();
    app = await startTestApp({ SEED_DEMO_DATA: 'false' });
    const upload = await request(app.running.url)
      .post('/imports')
      .query({ review: REVIEW, fileName: 'one-case.xml' })
      .set('Authorization', `Bearer ${CURATOR_KEY}`)
      .set('Content-Type', 'application/xml')
      .send(PUBMED_XML);
    expect(upload.status).toBe(200);
    expect(upload.body.extraction.proposedCases).toBe(1);
    await waitForIndex(app);
    const listed = await app.graphql<{ publications: { edges: { node: { id: string; caseReports: { id: string }[] } }[] } }>(`{ publications(first: 5) { edges { node { id caseReports { id } } } } }`);
    [{ node: { id: publicationId, caseReports: [{ id: caseId }] } }] = listed.data!.publications.edges;
    alice = await launchBrowser();
    bob = await launchBrowser();
  });

  afterAll(async () => {
    await alice?.close();
    await bob?.close();
    await app?.close();
  });

  it('shows the proposed patient of an included record: each fact beside its sentence, its words marked in the abstract', async () => {
    page = await openConfirm(alice, CURATOR_KEY, 'curator');
    const proposed = await caseOf(caseId);
    expect(proposed.curationStatus).toBe('SUGGESTED');
    expect(await page.textContent('#confirm-title')).toBe(TITLE);
    // The abstract is shown exactly as stored (offsets of a selection carry over), with the evidence marked.
    expect(await page.textContent('#confirm-abstract')).toBe(ABSTRACT);
    const complication = await page.textContent(`${fact('complications.0')} .fact-sentence`);
    expect(complication).toContain('MRI showed an intrathecal hematoma.');
    expect(await page.textContent(`${fact('complications.0')} .fact-value`)).toBe('Intrathecal hematoma');
    await page.focus(`${fact('complications.0')} button[data-action="accept"]`);
    expect(await page.$$eval('#confirm-abstract mark.evidence.is-current', (marks) => marks.map((mark) => mark.textContent))).toEqual(['intrathecal hematoma']);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'confirm-1-proposed', { fullPage: true });
  });

  it('accepts one fact, corrects the complication by type-ahead and rejects another', async () => {
    const proposed = await caseOf(caseId);
    const open = (path: string) => proposed.facts.some((f) => f.path === path && f.status === 'SUGGESTED');
    accepted = ['pregnancyStatus', 'sex', 'ageYears'].find(open) as string;
    rejected = ['outcome', 'ageYears', 'sex'].find((path) => path !== accepted && open(path)) as string;
    expect([accepted, rejected]).toEqual([expect.any(String), expect.any(String)]);

    await page.click(`${fact(accepted)} button[data-action="accept"]`);
    await waitForFactStatus(accepted, 'ACCEPTED');
    expect(await page.textContent(`${fact(accepted)} .fact-status`)).toBe('Accepted by curator');

    // Correct: type the first letters, choose from the suggestions with the keyboard.
    await page.click(`${fact('complications.0')} button[data-action="correct"]`);
    const input = `${fact('complications.0')} input[role="combobox"]`;
    await page.waitForFunction((selector) => document.activeElement === document.querySelector(selector), input);
    await page.keyboard.type('spinal subd');
    await page.waitForSelector(`${fact('complications.0')} [role="option"][data-term-key="spinal-subdural-hematoma"]`);
    expect(await page.getAttribute(input, 'aria-expanded')).toBe('true');
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'confirm-2-correcting');
    const position = await page.$$eval(`${fact('complications.0')} [role="option"]`, (options) => options.findIndex((option) => (option as HTMLElement).dataset.termKey === 'spinal-subdural-hematoma'));
    for (let i = 0; i < position; i++) await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    expect(await page.inputValue(input)).toBe('Spinal subdural hematoma');
    await page.keyboard.press('Enter');
    await waitForFactStatus('complications.0', 'CORRECTED');
    expect(await page.textContent(`${fact('complications.0')} .fact-value`)).toBe('Spinal subdural hematoma');

    await page.click(`${fact(rejected)} button[data-action="reject"]`);
    await waitForFactStatus(rejected, 'REJECTED');
    expect(await page.$(`${fact(rejected)} button[data-action="accept"]`)).toBeNull();

    const saved = await caseOf(caseId);
    expect(saved.complications.map((c) => c.term.key)).toEqual(['spinal-subdural-hematoma']);
    expect(saved.facts.find((f) => f.path === accepted)?.status).toBe('ACCEPTED');
    expect(saved.facts.find((f) => f.path === rejected)).toMatchObject({ status: 'REJECTED', value: null });
  });

  it('adds a missing fact from words selected in the abstract: the selection is its evidence, the number keeps its unit', async () => {
    // Select "6 months" the way a drag does: a range in the abstract's text, set as the document's selection.
    await page.evaluate(() => {
      const abstract = document.getElementById('confirm-abstract') as HTMLElement;
      const walker = document.createTreeWalker(abstract, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const at = node.textContent?.indexOf('6 months') ?? -1;
        if (at < 0) continue;
        const range = document.createRange();
        range.setStart(node, at);
        range.setEnd(node, at + '6 months'.length);
        const selection = window.getSelection() as Selection;
        selection.removeAllRanges();
        selection.addRange(range);
        return;
      }
      throw new Error('"6 months" is not in the shown abstract');
    });
    await page.waitForSelector('#add-fact-form:not([hidden])');
    expect(await page.textContent('#selection-text')).toContain('6 months');
    await page.selectOption('#add-fact-what', 'followUpDays');
    await page.waitForSelector('#add-fact-input-unit');
    await page.fill('#add-fact-input', '6');
    await page.selectOption('#add-fact-input-unit', 'months');
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'confirm-3-adding-from-selection', { fullPage: true });
    await page.click('#add-fact-form button[type="submit"]');
    await page.waitForSelector(`${fact('followUpDays')}[data-status="ACCEPTED"]`);
    expect(await page.textContent(`${fact('followUpDays')} .fact-sentence`)).toContain('She was followed up for 6 months without recurrence.');

    const saved = await caseOf(caseId);
    const start = ABSTRACT.indexOf('6 months');
    expect(saved.followUpDays).toBeCloseTo(182.6, 1);
    expect(saved.facts.find((f) => f.path === 'followUpDays')).toMatchObject({ status: 'ACCEPTED', evidence: { field: 'abstract', start, end: start + 8, text: '6 months', method: 'CURATOR' } });
  });

  it('marks the patient curated: case search shows it as curated, with the corrected complication', async () => {
    await page.click(`.patient[data-case-id="${caseId}"] button[data-action="confirm"]`);
    await page.waitForSelector(`.patient[data-case-id="${caseId}"][data-status="CURATED"]`);
    expect(await page.textContent('#status')).toContain('is curated');
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'confirm-4-curated', { fullPage: true });

    const term = await app.graphql<{ vocabularyTermByReference: { id: string } }>(`{ vocabularyTermByReference(kind: COMPLICATION, reference: "spinal-subdural-hematoma") { id } }`);
    const termId = term.data!.vocabularyTermByReference.id;
    await waitForIndex(app);
    const { page: search } = await alice.newPage();
    await search.goto(`${app.running.url}/?curation=CURATED`);
    await settled(search);
    expect(await shownCaseIds(search)).toEqual([caseId]);
    expect(await shownFacetCounts(search, 'CURATION_STATUS')).toMatchObject({ CURATED: 1 });
    // The corrected complication is the case's facet value now: filtering by it finds the case.
    await search.goto(`${app.running.url}/?curation=CURATED&complication=${termId}`);
    await settled(search);
    expect(await shownCaseIds(search)).toEqual([caseId]);
    expect(await search.textContent('#results')).toContain('Spinal subdural hematoma');
    await screenshot(search, 'confirm-5-case-search-curated', { fullPage: true });
    const intrathecal = await app.graphql<{ vocabularyTermByReference: { id: string } }>(`{ vocabularyTermByReference(kind: COMPLICATION, reference: "intrathecal-hematoma") { id } }`);
    await search.goto(`${app.running.url}/?curation=CURATED&complication=${intrathecal.data!.vocabularyTermByReference.id}`);
    await settled(search);
    expect(await shownCaseIds(search)).toEqual([]);
    await search.close();
  });

  it('shows the patient\'s history and undoes the rejection from it', async () => {
    await page.click(`.patient[data-case-id="${caseId}"] button[data-action="history"]`);
    await page.waitForSelector(`.case-history[data-case-id="${caseId}"] li.change`);
    const operations = await page.$$eval(`.case-history[data-case-id="${caseId}"] li.change`, (items) => items.map((item) => (item as HTMLElement).dataset.operation));
    expect(operations).toEqual(['CONFIRM', 'ADD_FACT', 'REJECT_FACT', 'CORRECT_FACT', 'ACCEPT_FACT']);
    expect(await page.textContent(`.case-history li.change[data-operation="CORRECT_FACT"] .change-text`)).toContain('curator corrected complications.0 from “intrathecal-hematoma” to “spinal-subdural-hematoma”');
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'confirm-6-history', { fullPage: true });

    await page.click(`.case-history li.change[data-operation="REJECT_FACT"] button[data-action="undo"]`);
    await page.waitForSelector(`.case-history li.change[data-operation="UNDO"]`);
    await page.waitForSelector(`${fact(rejected)}:not([data-status="REJECTED"])`);
    expect(await page.textContent(`.case-history li.change[data-operation="REJECT_FACT"]`)).toContain('undone');
    const saved = await caseOf(caseId);
    expect(saved.facts.find((f) => f.path === rejected)?.status).not.toBe('REJECTED');
    expect(saved.curationStatus).toBe('CURATED');
  });

  it('refuses a save from a stale page with a message saying what the other curator changed', async () => {
    // root opens the same case and saves a change; curator's page still shows the version before it.
    const other = await openConfirm(bob, ADMIN_KEY, 'root');
    await other.click(`.patient[data-case-id="${caseId}"] li.fact[data-path="${rejected}"] button[data-action="reject"]`);
    await other.waitForSelector(`.patient[data-case-id="${caseId}"] li.fact[data-path="${rejected}"][data-status="REJECTED"]`);

    await page.click(`${fact(accepted)} button[data-action="accept"]`);
    await page.waitForSelector('#confirm-conflict:not([hidden])');
    const notice = await page.textContent('#confirm-conflict');
    expect(notice).toContain('Not saved: someone changed this case since you opened it');
    expect(notice).toContain(`root rejected ${rejected}`);
    expect(await page.getAttribute('#confirm-conflict', 'role')).toBe('alert');
    // Nothing was overwritten: root's rejection stands.
    expect((await caseOf(caseId)).facts.find((f) => f.path === rejected)?.status).toBe('REJECTED');
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'confirm-7-conflict', { fullPage: true });

    await page.click('#conflict-reload');
    await page.waitForSelector('#confirm-conflict', { state: 'hidden' });
    await waitForFactStatus(rejected, 'REJECTED');
  });

  it('adds a patient by hand, splits facts into a new patient and merges them back', async () => {
    const patientsOf = async () => {
      const result = await app.graphql<{ publication: { caseReports: { id: string; label: string; sex: string; ageYears: number | null; curationStatus: string; treatments: { term: { key: string } }[] }[] } }>(
        `query($id: ID!) { publication(id: $id) { caseReports { id label sex ageYears curationStatus treatments { term { key } } } } }`,
        { id: publicationId },
      );
      return result.data!.publication.caseReports;
    };
    await page.fill('#new-patient-label', 'Case 2');
    await page.selectOption('#new-patient-sex', 'MALE');
    await page.fill('#new-patient-age', '36');
    await page.click('#add-patient-form button[type="submit"]');
    await page.waitForFunction(() => document.querySelectorAll('#patients .patient').length === 2);
    expect((await patientsOf()).find((c) => c.label === 'Case 2')).toMatchObject({ sex: 'MALE', ageYears: 36, curationStatus: 'CURATED' });

    // Split: the treatment moves to a new patient of the same record.
    await page.check(`${fact('treatments.0')} input.fact-move`);
    await page.click(`.patient[data-case-id="${caseId}"] button[data-action="split"]`);
    await page.waitForFunction(() => document.querySelectorAll('#patients .patient').length === 3);
    await page.waitForSelector(fact('treatments.0'), { state: 'detached' });
    const splitOff = (await patientsOf()).find((c) => c.label.endsWith('(split)'));
    expect(splitOff?.treatments.map((t) => t.term.key)).toEqual(['decompressive-laminectomy']);
    expect(await page.textContent(`.patient[data-case-id="${splitOff!.id}"] li.fact[data-path="treatments.0"] .fact-value`)).toBe('Decompressive laminectomy');
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'confirm-8-split', { fullPage: true });

    // Merge it back: one patient again, with its treatment.
    await page.selectOption(`#merge-${caseId}`, splitOff!.id);
    await page.click(`.patient[data-case-id="${caseId}"] button[data-action="merge"]`);
    await page.waitForFunction(() => document.querySelectorAll('#patients .patient').length === 2);
    await page.waitForSelector(fact('treatments.0'));
    expect((await patientsOf()).find((c) => c.id === caseId)?.treatments.map((t) => t.term.key)).toEqual(['decompressive-laminectomy']);
    expect([...alice.errors, ...bob.errors].filter((error) => /Content Security Policy|page error/i.test(error))).toEqual([]);
  });
});
