/**
 * Confirming cases in the review workspace, in real Chromium: a curator signs in, includes an
 * imported case report, and on its proposed patient accepts a fact, corrects the complication with a
 * term chosen by type-ahead, adds a follow-up (a number with a unit) from words selected in the
 * abstract with the mouse (a real drag; the words stay marked while the form is open), rejects a
 * fact, and marks the patient curated; case search then shows the case as curated with the corrected
 * complication. The patient's history undoes the rejection. A second curator's save makes the first
 * one's page stale: its next save is refused with a message naming the change. Facts also come from a
 * double-clicked word of the title and from typed words (the keyboard way). The URL keeps the record
 * and patient: reload, Back and Forward reopen them, and a pasted link opens them after signing in,
 * here on a 375 px phone screen (no sideways scrolling, every control reachable), where a proposed
 * patient is rejected as "Not a patient". axe-core finds no serious or critical violation in any of
 * these states; screenshots of each go to test-artifacts/screenshots (confirm-*.png).
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

/** A second record of the review, for the pasted link, the phone screen and "Not a patient". */
const SECOND_TITLE = 'Spinal epidural abscess after epidural analgesia for labour';
const SECOND_ABSTRACT =
  'A 28-year-old woman received epidural analgesia for labour. ' +
  'Five days later she developed fever and severe back pain. MRI showed a spinal epidural abscess. ' +
  'She was treated with antibiotics and recovered fully.';
const SECOND_XML = PUBMED_XML.replace('99000001', '99000002').replace(TITLE, SECOND_TITLE).replace(ABSTRACT, SECOND_ABSTRACT);

/**
 * Where some words are on screen (viewport pixels): just inside their first and last characters, and
 * the middle, once scrolled into view. The words may run through several text nodes (marks).
 */
async function wordsOnScreen(page: Page, selector: string, words: string): Promise<{ startX: number; startY: number; endX: number; endY: number; midX: number; midY: number }> {
  return page.evaluate(
    ([selector, words]) => {
      const container = document.querySelector(selector) as HTMLElement;
      const at = (container.textContent ?? '').indexOf(words);
      if (at < 0) throw new Error(`"${words}" is not in ${selector}`);
      const range = document.createRange();
      let offset = 0;
      const walker = document.createTreeWalker(container, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const length = node.textContent?.length ?? 0;
        if (offset <= at && at < offset + length) range.setStart(node, at - offset);
        if (offset < at + words.length && at + words.length <= offset + length) range.setEnd(node, at + words.length - offset);
        offset += length;
      }
      container.scrollIntoView({ block: 'center' });
      const rects = [...range.getClientRects()].filter((rect) => rect.width > 0);
      const [first, last] = [rects[0], rects[rects.length - 1]];
      const all = range.getBoundingClientRect();
      return { startX: first.left + 1, startY: first.top + first.height / 2, endX: last.right - 1, endY: last.top + last.height / 2, midX: all.left + all.width / 2, midY: all.top + all.height / 2 };
    },
    [selector, words] as const,
  );
}

/** Selects words the way a person does: mouse down before the first letter, drag, mouse up after the last. */
async function dragOver(page: Page, selector: string, words: string): Promise<void> {
  const box = await wordsOnScreen(page, selector, words);
  await page.mouse.move(box.startX, box.startY);
  await page.mouse.down();
  await page.mouse.move((box.startX + box.endX) / 2, (box.startY + box.endY) / 2, { steps: 5 });
  await page.mouse.move(box.endX, box.endY, { steps: 5 });
  await page.mouse.up();
}

/** The words marked as the selection kept for a new fact, and whether the mark shows without colour (dashed box, underline). */
async function keptSelection(page: Page): Promise<{ text: string; dashed: boolean; underlined: boolean }> {
  return page.evaluate(() => {
    const marks = [...document.querySelectorAll<HTMLElement>('.confirm-source mark.selected-words-mark')];
    const style = marks[0] ? getComputedStyle(marks[0]) : null;
    return { text: marks.map((mark) => mark.textContent).join(''), dashed: style?.outlineStyle === 'dashed', underlined: (style?.textDecorationLine ?? '').includes('underline') };
  });
}

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

  it('adds a missing fact from words selected in the abstract with the mouse: the selection is its evidence, kept marked, the number keeps its unit', async () => {
    // A real drag over "6 months": mouse down before the 6, move, mouse up after the s.
    await dragOver(page, '#confirm-abstract', '6 months');
    await page.waitForSelector('#add-fact-form:not([hidden])');
    expect(await page.evaluate(() => window.getSelection()?.toString())).toBe('6 months');
    const start = ABSTRACT.indexOf('6 months');
    expect(await page.textContent('#selection-text')).toBe(`Evidence: 6 months (abstract, characters ${start}–${start + 8})`);
    // On to the form: the page's own selection goes, the words stay marked in the abstract (a dashed box and an underline, not colour alone).
    await page.click('label[for="add-fact-patient"]');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('add-fact-patient');
    await page.waitForSelector('#confirm-abstract mark.selected-words-mark');
    expect(await keptSelection(page)).toEqual({ text: '6 months', dashed: true, underlined: true });
    expect(await page.isVisible('#selection-legend')).toBe(true);
    // The abstract still reads as stored: the marks add no text.
    expect(await page.textContent('#confirm-abstract')).toBe(ABSTRACT);
    await page.selectOption('#add-fact-what', 'followUpDays');
    await page.waitForSelector('#add-fact-input-unit');
    await page.fill('#add-fact-input', '6');
    await page.selectOption('#add-fact-input-unit', 'months');
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'confirm-3-adding-from-selection', { fullPage: true });
    expect((await keptSelection(page)).text).toBe('6 months');
    await page.click('#add-fact-form button[type="submit"]');
    await page.waitForSelector(`${fact('followUpDays')}[data-status="ACCEPTED"]`);
    expect(await page.textContent(`${fact('followUpDays')} .fact-sentence`)).toContain('She was followed up for 6 months without recurrence.');
    // Added: the form closes and the mark of the selection goes.
    expect(await page.isHidden('#add-fact-form')).toBe(true);
    expect((await keptSelection(page)).text).toBe('');

    const saved = await caseOf(caseId);
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

  it('adds a fact from a double-clicked word of the title, and one from typed words (the keyboard way; Escape drops a selection)', async () => {
    // The title: a double click selects one word; the evidence is the title's.
    const box = await wordsOnScreen(page, '#confirm-title', 'postpartum');
    await page.mouse.dblclick(box.midX, box.midY);
    await page.waitForSelector('#add-fact-form:not([hidden])');
    const inTitle = TITLE.indexOf('postpartum');
    expect(await page.textContent('#selection-text')).toBe(`Evidence: postpartum (title, characters ${inTitle}–${inTitle + 10})`);
    // On to the form (its label clicked): the word stays marked in the title.
    await page.click('label[for="add-fact-what"]');
    await page.waitForSelector('#confirm-title mark.selected-words-mark');
    expect(await keptSelection(page)).toEqual({ text: 'postpartum', dashed: true, underlined: true });
    await page.selectOption('#add-fact-what', 'pregnancyStatus');
    await page.waitForSelector('#add-fact-input');
    expect(await page.$$eval('#confirm-title mark.selected-words-mark', (marks) => marks.length)).toBeGreaterThan(0);
    await page.selectOption('#add-fact-input', 'POSTPARTUM');
    await page.click('#add-fact-form button[type="submit"]');
    await page.waitForFunction(() => document.getElementById('status')?.textContent?.includes('fact added from “postpartum”'));
    expect((await caseOf(caseId)).facts.find((f) => f.path === 'pregnancyStatus')).toMatchObject({ value: 'POSTPARTUM', evidence: { field: 'title', start: inTitle, end: inTitle + 10, text: 'postpartum', method: 'CURATOR' } });
    // Pointing at the fact marks its words in the title.
    await page.focus(`${fact('pregnancyStatus')} button[data-action="correct"]`);
    expect(await page.$$eval('#confirm-title mark.evidence.is-current', (marks) => marks.map((mark) => mark.textContent))).toEqual(['postpartum']);

    // Typed words, keyboard only: Tab to "Use these words", Enter; Escape in the form drops the selection.
    await page.focus('#selection-words');
    await page.keyboard.type('back pain');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('selection-find');
    await page.keyboard.press('Enter');
    await page.waitForSelector('#add-fact-form:not([hidden])');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('add-fact-what');
    expect((await keptSelection(page)).text).toBe('back pain');
    await page.keyboard.press('Escape');
    await page.waitForSelector('#add-fact-form', { state: 'hidden' });
    expect((await keptSelection(page)).text).toBe('');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('selection-words');

    await page.fill('#selection-words', '');
    // Enter in the field uses the words too; any case finds them.
    await page.keyboard.type('two days later');
    await page.keyboard.press('Enter');
    await page.waitForSelector('#add-fact-form:not([hidden])');
    await page.selectOption('#add-fact-what', 'complications.0.onsetHours');
    await page.focus('#add-fact-input');
    await page.keyboard.type('2');
    await page.selectOption('#add-fact-input-unit', 'days');
    await page.focus('#add-fact-input');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.getElementById('status')?.textContent?.includes('fact added from “Two days later”'));
    const at = ABSTRACT.indexOf('Two days later');
    const onset = (await caseOf(caseId)).facts.find((f) => f.path === 'complications.0.onsetHours');
    expect(Number(onset?.value)).toBe(48);
    expect(onset).toMatchObject({ evidence: { field: 'abstract', start: at, end: at + 14, text: 'Two days later', method: 'CURATOR' } });
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
  });

  it('keeps the record and the patient in the URL: reload reopens them, Back returns to screening, Forward to the record', async () => {
    const place = () => {
      const params = new URL(page.url()).searchParams;
      return { review: params.get('review'), confirm: params.get('confirm'), patient: params.get('patient') };
    };
    expect(place()).toEqual({ review: REVIEW, confirm: publicationId, patient: caseId });
    // Working on the hand-added patient puts that patient into the URL (no history entry of its own).
    const second = await page.$eval('#patients .patient:nth-of-type(2)', (section) => (section as HTMLElement).dataset.caseId as string);
    expect(second).not.toBe(caseId);
    await page.focus(`.patient[data-case-id="${second}"] button[data-action="history"]`);
    await page.waitForFunction((id) => new URL(location.href).searchParams.get('patient') === id, second);
    const historyLength = await page.evaluate(() => history.length);

    await page.reload();
    await page.waitForSelector('body[data-ready="true"]');
    await page.waitForSelector('#confirm-view:not([hidden]) .patient');
    expect(place()).toEqual({ review: REVIEW, confirm: publicationId, patient: second });
    expect(await page.textContent('#confirm-title')).toBe(TITLE);
    expect(await page.isHidden('#screening-area')).toBe(true);
    // The patient from the URL is the one marked and focused.
    await page.waitForFunction((id) => document.activeElement?.closest('.patient')?.getAttribute('data-case-id') === id, second);
    expect(await page.textContent('#abstract-legend')).toContain('“Case 2”');
    expect(await page.title()).toBe(`Confirm cases: ${TITLE} · Screening workspace`);
    expect(await page.evaluate(() => history.length)).toBe(historyLength);

    await page.goBack();
    await page.waitForSelector('#confirm-view', { state: 'hidden' });
    expect(place()).toEqual({ review: REVIEW, confirm: null, patient: null });
    expect(await page.isVisible('#screening-area')).toBe(true);
    // Screening stands on the record whose cases were open.
    await page.waitForSelector('#open-confirm');
    expect(await page.textContent('#record-title')).toContain(TITLE);
    expect(await seriousViolations(page)).toEqual([]);

    await page.goForward();
    await page.waitForSelector('#confirm-view:not([hidden]) .patient');
    expect(place()).toEqual({ review: REVIEW, confirm: publicationId, patient: second });
    expect(await page.textContent('#confirm-title')).toBe(TITLE);

    // "Back to screening" is a step of its own: Back from there returns to the record.
    await page.click('#confirm-back');
    await page.waitForSelector('#confirm-view', { state: 'hidden' });
    expect(place().confirm).toBeNull();
    await page.goBack();
    await page.waitForSelector('#confirm-view:not([hidden]) .patient');
    expect(place().confirm).toBe(publicationId);
  });

  it('opens a pasted link after signing in, on a 375 px phone screen: no sideways scrolling, every control reachable; "Not a patient" rejects a proposed patient', async () => {
    const upload = await request(app.running.url)
      .post('/imports')
      .query({ review: REVIEW, fileName: 'second-case.xml' })
      .set('Authorization', `Bearer ${CURATOR_KEY}`)
      .set('Content-Type', 'application/xml')
      .send(SECOND_XML);
    expect(upload.status).toBe(200);
    expect(upload.body.extraction.proposedCases).toBe(1);
    await waitForIndex(app);
    const listed = await app.graphql<{ publications: { edges: { node: { id: string; title: string; caseReports: { id: string }[] } }[] } }>(`{ publications(first: 5) { edges { node { id title caseReports { id } } } } }`);
    const record = listed.data!.publications.edges.find((edge) => edge.node.title === SECOND_TITLE)!.node;
    const [proposed] = record.caseReports;
    expect((await caseOf(proposed.id)).curationStatus).toBe('SUGGESTED');

    // A browser that has never signed in opens the link: the sign-in form, then the record's cases.
    const carol = await launchBrowser();
    try {
      const { page: phone } = await carol.newPage({ width: 375, height: 812 });
      const link = `${app.running.url}/workspace?review=${encodeURIComponent(REVIEW)}&confirm=${record.id}`;
      await phone.goto(link);
      await phone.waitForSelector('body[data-ready="true"]');
      expect(await phone.isVisible('#sign-in-form')).toBe(true);
      await phone.focus('#api-key');
      await phone.keyboard.type(CURATOR_KEY);
      await phone.keyboard.press('Enter');
      await phone.waitForSelector('#confirm-view:not([hidden]) .patient');
      expect(await phone.textContent('#confirm-title')).toBe(SECOND_TITLE);
      expect(new URL(phone.url()).searchParams.get('confirm')).toBe(record.id);
      expect(new URL(phone.url()).searchParams.get('patient')).toBe(proposed.id);

      // No sideways scrolling, and every control can be scrolled to and is not covered by anything.
      const overflow = () => phone.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(await overflow()).toBeLessThanOrEqual(0);
      const unreachable = await phone.evaluate(() =>
        [...document.querySelectorAll<HTMLElement>('#confirm-view button, #confirm-view input, #confirm-view select, #confirm-view a[href]')]
          .filter((control) => control.offsetParent !== null)
          .filter((control) => {
            control.scrollIntoView({ block: 'center', inline: 'center' });
            const rect = control.getBoundingClientRect();
            const hit = document.elementFromPoint(rect.left + rect.width / 2, rect.top + rect.height / 2);
            const inside = rect.left >= 0 && rect.right <= document.documentElement.clientWidth;
            return !(inside && hit && (hit === control || control.contains(hit) || (control.tagName === 'INPUT' && hit.closest('label')?.htmlFor === control.id)));
          })
          .map((control) => control.id || control.dataset.action || control.textContent?.trim() || control.tagName),
      );
      expect(unreachable).toEqual([]);
      expect(await seriousViolations(phone)).toEqual([]);
      await phone.evaluate(() => window.scrollTo(0, 0));
      await screenshot(phone, 'confirm-9-phone', { fullPage: true });

      // "Not a patient": the proposed patient is rejected, kept (so it is not proposed again), its facts closed.
      const patient = `.patient[data-case-id="${proposed.id}"]`;
      await phone.click(`${patient} button[data-action="reject-patient"]`);
      await phone.waitForSelector(`${patient}[data-status="REJECTED"]`);
      expect(await phone.textContent(`${patient} .case-status`)).toBe('Rejected');
      expect(await phone.$(`${patient} button[data-action="accept"]`)).toBeNull();
      expect(await phone.$(`${patient} button[data-action="reject-patient"]`)).toBeNull();
      expect(await phone.textContent('#status')).toContain('rejected: it is no patient of this record');
      expect((await caseOf(proposed.id)).curationStatus).toBe('REJECTED');
      expect(await overflow()).toBeLessThanOrEqual(0);
      expect(await seriousViolations(phone)).toEqual([]);
      await screenshot(phone, 'confirm-10-not-a-patient', { fullPage: true });
      // A rejected patient is no case: case search does not find it.
      await waitForIndex(app);
      const found = await app.graphql<{ searchCaseReports: { hits: { edges: { node: { caseReport: { id: string } } }[] } } }>(`{ searchCaseReports(input: { first: 50 }) { hits { edges { node { caseReport { id } } } } } }`);
      expect(found.data!.searchCaseReports.hits.edges.map((edge) => edge.node.caseReport.id)).not.toContain(proposed.id);
      expect(carol.errors.filter((error) => /Content Security Policy|page error/i.test(error))).toEqual([]);
    } finally {
      await carol.close();
    }
    expect([...alice.errors, ...bob.errors].filter((error) => /Content Security Policy|page error/i.test(error))).toEqual([]);
  });
});
