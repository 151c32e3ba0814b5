import { startTestApp, TestApp } from '../support/test-app';
import { waitForIndex } from '../support/search-index';

/** Two curators and the workspace's whole confirmation path, over HTTP, on real PostgreSQL. */
const KEY_A = 'curator-a-key-0123456789abcdef';
const KEY_B = 'curator-b-key-0123456789abcdef';

const TITLE = 'Intrathecal hematoma after an epidural blood patch: two postpartum patients';
const ABSTRACT =
  'Case 1: a 31-year-old postpartum woman received an epidural blood patch of 20 ml at L3-L4. ' +
  'Two days later she developed back pain and paraplegia. MRI showed an intrathecal hematoma. ' +
  'She underwent decompressive laminectomy and recovered fully. ' +
  'Case 2: a 36-year-old postpartum woman developed a post-dural puncture headache after labour epidural analgesia and was treated with caffeine.';

const CASE_FIELDS = `id label version curationStatus ageYears sex outcome publication { id abstract }
  procedures { term { key } bloodVolumeMl } complications { term { key } symptoms { key } } treatments { term { key } }
  facts { path value status reviewedBy evidence { field start end text sentence method } }`;
const CHANGE_FIELDS = `id version operation path oldValue newValue changedBy changedAt relatedCaseReportId undoesChangeId evidence { text method } fields { field oldValue newValue }`;

const REVIEW = `mutation($input: ReviewCaseFactInput!) { reviewCaseFact(input: $input) { ${CASE_FIELDS} } }`;
const ADD_FACT = `mutation($input: AddCaseFactInput!) { addCaseFact(input: $input) { ${CASE_FIELDS} } }`;
const UNDO = `mutation($id: ID!, $v: Int) { undoCaseChange(changeId: $id, expectedVersion: $v) { ${CASE_FIELDS} } }`;
const HISTORY = `query($id: ID!, $first: Int, $after: String) { caseHistory(caseReportId: $id, first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { ${CHANGE_FIELDS} } } } }`;
const CASE = `query($id: ID!) { caseReport(id: $id) { ${CASE_FIELDS} history(first: 50) { totalCount edges { node { operation path changedBy } } } } }`;

type Case = { id: string; version: number; curationStatus: string; ageYears: number | null; sex: string; publication: { id: string; abstract: string }; facts: { path: string; value: string | null; status: string; reviewedBy: string | null; evidence: { field: string; start: number; end: number; text: string; sentence: string; method: string } | null }[]; procedures: { term: { key: string }; bloodVolumeMl: number | null }[]; complications: { term: { key: string }; symptoms: { key: string }[] }[]; treatments: { term: { key: string } }[]; label: string };

describe('confirming cases: versioned, recorded curation by two curators', () => {
  let app: TestApp;
  let publicationId: string;
  let first: Case;
  let second: Case;

  const gql = async <T = any>(query: string, variables: Record<string, unknown>, key?: string) => app.graphql<T>(query, variables, key);
  const ok = async <T = any>(query: string, variables: Record<string, unknown>, key?: string): Promise<T> => {
    const result = await gql<T>(query, variables, key);
    expect(result.errors).toBeUndefined();
    return result.data as T;
  };
  const load = async (id: string): Promise<Case & { history: any }> => (await ok<{ caseReport: any }>(CASE, { id })).caseReport;

  beforeAll(async () => {
    app = await startTestApp({ SEED_DEMO_DATA: 'false', API_KEYS: `curator-a:curator:${KEY_A},curator-b:curator:${KEY_B}` });
    const created = await ok<{ createPublication: { id: string } }>(`mutation($input: CreatePublicationInput!) { createPublication(input: $input) { id } }`, { input: { title: TITLE, abstract: ABSTRACT, year: 2024, publicationTypes: ['Case Reports'] } }, KEY_A);
    publicationId = created.createPublication.id;
    const run = await ok<{ extractCases: { proposedCases: number } }>(`mutation($ids: [ID!]) { extractCases(input: { publicationIds: $ids }) { proposedCases } }`, { ids: [publicationId] }, KEY_A);
    expect(run.extractCases.proposedCases).toBe(2);
    const listed = await ok<{ caseReports: { edges: { node: Case }[] } }>(`{ caseReports(first: 10) { edges { node { ${CASE_FIELDS} } } } }`, {});
    const cases = listed.caseReports.edges.map((edge) => edge.node).sort((a, b) => a.label.localeCompare(b.label));
    [first, second] = cases;
    expect(first).toMatchObject({ curationStatus: 'SUGGESTED', version: 1 });
    await waitForIndex(app);
  });

  afterAll(async () => {
    await app?.close();
  });

  it('refuses the second of two saves made from the same version, showing what the first changed', async () => {
    const v = first.version;
    const byA = await ok<{ reviewCaseFact: Case }>(REVIEW, { input: { caseReportId: first.id, path: 'ageYears', action: 'CORRECT', value: '32 years', expectedVersion: v } }, KEY_A);
    expect(byA.reviewCaseFact).toMatchObject({ ageYears: 32, version: v + 1 });

    const byB = await gql(REVIEW, { input: { caseReportId: first.id, path: 'ageYears', action: 'CORRECT', value: '408 months', expectedVersion: v } }, KEY_B);
    expect(byB.errors).toHaveLength(1);
    const conflict = byB.errors![0];
    expect(conflict.extensions).toMatchObject({ code: 'CONFLICT', caseReportId: first.id, expectedVersion: v, currentVersion: v + 1 });
    expect(conflict.extensions!.changesSince).toEqual([expect.objectContaining({ version: v + 1, operation: 'CORRECT_FACT', path: 'ageYears', oldValue: '31', newValue: '32', changedBy: 'curator-a' })]);
    expect(conflict.message).toContain('curator-a CORRECT_FACT ageYears: 31 → 32');
    expect((await load(first.id)).ageYears).toBe(32);

    // B reloads, sees A's change, and saves again from the new version: months become years.
    const retried = await ok<{ reviewCaseFact: Case }>(REVIEW, { input: { caseReportId: first.id, path: 'ageYears', action: 'CORRECT', value: '408', unit: 'months', expectedVersion: v + 1 } }, KEY_B);
    expect(retried.reviewCaseFact).toMatchObject({ ageYears: 34, version: v + 2 });
    expect(retried.reviewCaseFact.facts.find((f) => f.path === 'ageYears')).toMatchObject({ status: 'CORRECTED', value: '34', reviewedBy: 'curator-b' });
    first = retried.reviewCaseFact;
  });

  it('records every change with who, when, what, old and new value, newest first, page by page', async () => {
    const page1 = await ok<{ caseHistory: any }>(HISTORY, { id: first.id, first: 1 });
    expect(page1.caseHistory.totalCount).toBe(2);
    expect(page1.caseHistory.edges[0].node).toMatchObject({ operation: 'CORRECT_FACT', path: 'ageYears', oldValue: '32', newValue: '34', changedBy: 'curator-b', version: first.version });
    expect(page1.caseHistory.edges[0].node.fields.map((f: any) => f.field)).toEqual(expect.arrayContaining(['ageYears', 'facts[ageYears]']));
    expect(page1.caseHistory.pageInfo.hasNextPage).toBe(true);
    const page2 = await ok<{ caseHistory: any }>(HISTORY, { id: first.id, first: 1, after: page1.caseHistory.pageInfo.endCursor });
    expect(page2.caseHistory.edges[0].node).toMatchObject({ path: 'ageYears', oldValue: '31', newValue: '32', changedBy: 'curator-a' });
    expect(Date.parse(page2.caseHistory.edges[0].node.changedAt)).not.toBeNaN();
    expect((await load(first.id)).history.totalCount).toBe(2);
  });

  it('corrects a term chosen by type-ahead, rejects a fact, and refuses a term that does not exist', async () => {
    const typed = await ok<{ vocabularyTypeahead: { key: string; label: string }[] }>(`query { vocabularyTypeahead(kind: TREATMENT, prefix: "laminect", first: 5) { key label } }`, {});
    expect(typed.vocabularyTypeahead[0].key).toBe('decompressive-laminectomy');
    const byWord = await ok<{ vocabularyTypeahead: { key: string }[] }>(`query { vocabularyTypeahead(kind: COMPLICATION, prefix: "Subdural H", first: 20) { key } }`, {});
    expect(byWord.vocabularyTypeahead.map((t) => t.key)).toEqual(expect.arrayContaining(['spinal-subdural-hematoma', 'intracranial-subdural-hematoma']));
    const byLabel = await ok<{ vocabularyTypeahead: { key: string; meshUi: string }[] }>(`query { vocabularyTypeahead(kind: COMPLICATION, prefix: "intrathecal") { key meshUi } }`, {});
    expect(byLabel.vocabularyTypeahead[0].key).toBe('intrathecal-hematoma');
    const empty = await gql(`query { vocabularyTypeahead(kind: COMPLICATION, prefix: "  ") { key } }`, {});
    expect(empty.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT' });

    const complication = first.facts.find((f) => /^complications\.\d+$/.test(f.path));
    expect(complication).toBeDefined();
    const corrected = await ok<{ reviewCaseFact: Case }>(REVIEW, { input: { caseReportId: first.id, path: complication!.path, action: 'CORRECT', value: 'spinal-subdural-hematoma', expectedVersion: first.version } }, KEY_A);
    expect(corrected.reviewCaseFact.complications.map((c) => c.term.key)).toContain('spinal-subdural-hematoma');
    const unknown = await gql(REVIEW, { input: { caseReportId: first.id, path: complication!.path, action: 'CORRECT', value: 'no-such-term', expectedVersion: corrected.reviewCaseFact.version } }, KEY_A);
    expect(unknown.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(unknown.errors![0].message).toMatch(/no complication term/);

    const rejectable = corrected.reviewCaseFact.facts.find((f) => f.path === 'sex' && f.status === 'SUGGESTED') ?? corrected.reviewCaseFact.facts.find((f) => f.status === 'SUGGESTED' && /^[a-z]+$/i.test(f.path));
    expect(rejectable).toBeDefined();
    const rejected = await ok<{ reviewCaseFact: Case }>(REVIEW, { input: { caseReportId: first.id, path: rejectable!.path, action: 'REJECT', expectedVersion: corrected.reviewCaseFact.version } }, KEY_A);
    expect(rejected.reviewCaseFact.facts.find((f) => f.path === rejectable!.path)).toMatchObject({ status: 'REJECTED', value: null });
    first = rejected.reviewCaseFact;
  });

  it('adds a missing fact from words selected in the abstract; the selection becomes its evidence', async () => {
    const start = ABSTRACT.indexOf('back pain');
    const added = await ok<{ addCaseFact: Case }>(ADD_FACT, { input: { caseReportId: first.id, path: 'treatments', value: 'corticosteroids', selection: { field: 'abstract', start, end: start + 9, text: 'back pain' }, expectedVersion: first.version } }, KEY_A);
    const fact = added.addCaseFact.facts.find((f) => f.value === 'corticosteroids');
    expect(fact).toMatchObject({ status: 'ACCEPTED', reviewedBy: 'curator-a', evidence: { field: 'abstract', start, end: start + 9, text: 'back pain', method: 'CURATOR', sentence: 'Two days later she developed back pain and paraplegia.' } });
    expect(added.addCaseFact.treatments.map((t) => t.term.key)).toContain('corticosteroids');
    const latest = await ok<{ caseHistory: any }>(HISTORY, { id: first.id, first: 1 });
    expect(latest.caseHistory.edges[0].node).toMatchObject({ operation: 'ADD_FACT', path: fact!.path, oldValue: null, newValue: 'corticosteroids', evidence: { text: 'back pain', method: 'CURATOR' } });

    const stale = await gql(ADD_FACT, { input: { caseReportId: first.id, path: 'followUpDays', value: '2 weeks', selection: { field: 'abstract', start, end: start + 9, text: 'paraplegia' }, expectedVersion: added.addCaseFact.version } }, KEY_A);
    expect(stale.errors![0].extensions).toMatchObject({ code: 'CONFLICT', storedText: 'back pain' });
    const outside = await gql(ADD_FACT, { input: { caseReportId: first.id, path: 'followUpDays', value: '2 weeks', selection: { field: 'abstract', start: 0, end: 100_000 }, expectedVersion: added.addCaseFact.version } }, KEY_A);
    expect(outside.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
    const anonymous = await gql(ADD_FACT, { input: { caseReportId: first.id, path: 'followUpDays', value: '2 weeks', selection: { field: 'abstract', start, end: start + 9 } } });
    expect(anonymous.errors![0].extensions!.code).toBe('UNAUTHENTICATED');
    first = added.addCaseFact;
  });

  it('undoes one change while its field still holds what it wrote, and refuses once it moved on', async () => {
    const changes = (await ok<{ caseHistory: any }>(HISTORY, { id: first.id, first: 50 })).caseHistory.edges.map((e: any) => e.node);
    const firstAge = changes.find((c: any) => c.path === 'ageYears' && c.changedBy === 'curator-a');
    const refused = await gql(UNDO, { id: firstAge.id, v: first.version }, KEY_A);
    expect(refused.errors![0].extensions).toMatchObject({ code: 'CONFLICT', staleFields: expect.arrayContaining(['ageYears']) });
    expect(refused.errors![0].extensions!.changesSince).toEqual(expect.arrayContaining([expect.objectContaining({ changedBy: 'curator-b', path: 'ageYears', newValue: '34' })]));
    expect((await load(first.id)).ageYears).toBe(34);

    const addition = changes.find((c: any) => c.operation === 'ADD_FACT');
    const undone = await ok<{ undoCaseChange: Case }>(UNDO, { id: addition.id, v: first.version }, KEY_B);
    expect(undone.undoCaseChange.treatments.map((t) => t.term.key)).not.toContain('corticosteroids');
    expect(undone.undoCaseChange.facts.some((f) => f.value === 'corticosteroids')).toBe(false);
    const latest = (await ok<{ caseHistory: any }>(HISTORY, { id: first.id, first: 1 })).caseHistory.edges[0].node;
    expect(latest).toMatchObject({ operation: 'UNDO', undoesChangeId: addition.id, changedBy: 'curator-b', oldValue: 'corticosteroids', newValue: null });
    const twice = await gql(UNDO, { id: addition.id, v: undone.undoCaseChange.version }, KEY_B);
    expect(twice.errors![0].extensions).toMatchObject({ code: 'CONFLICT' });
    expect(twice.errors![0].message).toContain('UNDO');
    first = undone.undoCaseChange;
  });

  it('confirms the case: CURATED at once in case search, with the corrected facets', async () => {
    const stale = await gql(`mutation($id: ID!, $v: Int) { confirmCaseReport(id: $id, expectedVersion: $v) { id } }`, { id: first.id, v: first.version - 1 }, KEY_A);
    expect(stale.errors![0].extensions).toMatchObject({ code: 'CONFLICT', currentVersion: first.version });
    const confirmed = await ok<{ confirmCaseReport: Case }>(`mutation($id: ID!, $v: Int) { confirmCaseReport(id: $id, expectedVersion: $v) { ${CASE_FIELDS} } }`, { id: first.id, v: first.version }, KEY_A);
    expect(confirmed.confirmCaseReport).toMatchObject({ curationStatus: 'CURATED', version: first.version + 1 });
    expect(confirmed.confirmCaseReport.facts.every((f) => f.status !== 'SUGGESTED')).toBe(true);
    await waitForIndex(app);
    const found = await ok<{ searchCaseReports: any }>(
      `query($input: SearchCaseReportsInput!) { searchCaseReports(input: $input) { totalCases hits { edges { node { caseReport { id curationStatus ageYears } } } } } }`,
      { input: { filters: { curationStatuses: ['CURATED'], complications: ['spinal-subdural-hematoma'] } } },
    );
    expect(found.searchCaseReports.totalCases).toBe(1);
    expect(found.searchCaseReports.hits.edges[0].node.caseReport).toEqual({ id: first.id, curationStatus: 'CURATED', ageYears: 34 });
    const latest = (await ok<{ caseHistory: any }>(HISTORY, { id: first.id, first: 1 })).caseHistory.edges[0].node;
    expect(latest).toMatchObject({ operation: 'CONFIRM', path: 'curationStatus', oldValue: 'SUGGESTED', newValue: 'CURATED', changedBy: 'curator-a' });
    // Confirming it again (a retried request) changes nothing: same version, no second CONFIRM in its history.
    const historyBefore = (await ok<{ caseHistory: any }>(HISTORY, { id: first.id, first: 1 })).caseHistory.totalCount;
    const again = await ok<{ confirmCaseReport: Case }>(`mutation($id: ID!) { confirmCaseReport(id: $id) { ${CASE_FIELDS} } }`, { id: first.id }, KEY_A);
    expect(again.confirmCaseReport).toMatchObject({ curationStatus: 'CURATED', version: confirmed.confirmCaseReport.version });
    expect((await ok<{ caseHistory: any }>(HISTORY, { id: first.id, first: 1 })).caseHistory.totalCount).toBe(historyBefore);
  });

  it('splits facts of a patient into a new one of the same publication, and merges them back', async () => {
    const item = second.facts.find((f) => /^(procedures|complications|treatments)\.\d+$/.test(f.path));
    expect(item).toBeDefined();
    const split = await ok<{ splitCaseReport: Case[] }>(`mutation($input: SplitCaseReportInput!) { splitCaseReport(input: $input) { ${CASE_FIELDS} } }`, { input: { caseReportId: second.id, factPaths: ['ageYears', item!.path], label: 'Case 2b', expectedVersion: second.version } }, KEY_B);
    const [kept, created] = split.splitCaseReport;
    expect(kept).toMatchObject({ id: second.id, ageYears: null, version: second.version + 1 });
    expect(created).toMatchObject({ label: 'Case 2b', ageYears: second.ageYears, version: 1, publication: { id: publicationId } });
    expect(created.facts.map((f) => f.path)).toEqual(expect.arrayContaining(['ageYears', item!.path.replace(/\d+$/, '0')]));
    const createdHistory = (await ok<{ caseHistory: any }>(HISTORY, { id: created.id })).caseHistory.edges.map((e: any) => e.node);
    expect(createdHistory).toEqual([expect.objectContaining({ operation: 'SPLIT', relatedCaseReportId: second.id, changedBy: 'curator-b' })]);
    const undoSplit = await gql(UNDO, { id: createdHistory[0].id }, KEY_B);
    expect(undoSplit.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT' });

    const merged = await ok<{ mergeCaseReports: Case }>(`mutation($input: MergeCaseReportsInput!) { mergeCaseReports(input: $input) { ${CASE_FIELDS} } }`, { input: { caseReportId: second.id, otherCaseReportId: created.id, expectedVersion: kept.version, otherExpectedVersion: 1 } }, KEY_B);
    expect(merged.mergeCaseReports.ageYears).toBe(second.ageYears);
    expect(merged.mergeCaseReports.facts.map((f) => f.path).sort()).toEqual(second.facts.map((f) => f.path).sort());
    const gone = await gql(`query($id: ID!) { caseReport(id: $id) { id } }`, { id: created.id });
    expect(gone.errors![0].extensions!.code).toBe('NOT_FOUND');
    const kept2 = (await ok<{ caseHistory: any }>(HISTORY, { id: created.id })).caseHistory.edges.map((e: any) => e.node.operation);
    expect(kept2).toEqual(['MERGE', 'SPLIT']);
    const other = await gql(`mutation($input: MergeCaseReportsInput!) { mergeCaseReports(input: $input) { id } }`, { input: { caseReportId: second.id, otherCaseReportId: first.id } }, KEY_B);
    expect(other.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
  });

  it('serialises two saves sent at the same moment: one wins, the other gets CONFLICT', async () => {
    const current = await load(second.id);
    const saves = await Promise.all([
      gql(REVIEW, { input: { caseReportId: second.id, path: 'sex', action: 'CORRECT', value: 'FEMALE', expectedVersion: current.version } }, KEY_A),
      gql(REVIEW, { input: { caseReportId: second.id, path: 'outcome', action: 'CORRECT', value: 'FULL_RECOVERY', expectedVersion: current.version } }, KEY_B),
    ]);
    expect(saves.filter((save) => !save.errors)).toHaveLength(1);
    const refused = saves.find((save) => save.errors)!;
    expect(refused.errors![0].extensions).toMatchObject({ code: 'CONFLICT', currentVersion: current.version + 1 });
    expect((await load(second.id)).version).toBe(current.version + 1);
  });

  it('adds a patient by hand at version 1, recorded as ADD_PATIENT; an update without a version still works', async () => {
    const created = await ok<{ createCaseReport: Case }>(`mutation($input: CreateCaseReportInput!) { createCaseReport(input: $input) { ${CASE_FIELDS} } }`, { input: { publicationId, label: 'Case 3', sex: 'FEMALE', procedures: [{ term: 'epidural-blood-patch', bloodVolumeMl: 15 }] } }, KEY_A);
    expect(created.createCaseReport).toMatchObject({ version: 1, curationStatus: 'CURATED' });
    const updated = await ok<{ updateCaseReport: Case }>(`mutation($id: ID!) { updateCaseReport(id: $id, input: { outcome: FULL_RECOVERY }) { ${CASE_FIELDS} } }`, { id: created.createCaseReport.id }, KEY_B);
    expect(updated.updateCaseReport).toMatchObject({ version: 2 });
    const history = (await ok<{ caseHistory: any }>(HISTORY, { id: created.createCaseReport.id })).caseHistory.edges.map((e: any) => e.node);
    expect(history.map((c: any) => [c.operation, c.changedBy])).toEqual([['UPDATE', 'curator-b'], ['ADD_PATIENT', 'curator-a']]);
    expect(history[0].fields).toEqual([{ field: 'outcome', oldValue: 'UNKNOWN', newValue: 'FULL_RECOVERY' }]);
  });

  it('refuses a version the case never had (another case\'s, sent with this one\'s id) as BAD_USER_INPUT naming it, not as "changed since you read it" with no changes, and a split of a value the case does not report, changing nothing', async () => {
    const target = await load(first.id);
    const ahead = target.version + 5;
    const writes: [string, string, Record<string, unknown>][] = [
      ['input.expectedVersion', REVIEW, { input: { caseReportId: first.id, path: 'sex', action: 'ACCEPT', expectedVersion: ahead } }],
      ['expectedVersion', `mutation($id: ID!, $v: Int) { confirmCaseReport(id: $id, expectedVersion: $v) { id } }`, { id: first.id, v: ahead }],
      ['expectedVersion', `mutation($id: ID!, $v: Int) { deleteCaseReport(id: $id, expectedVersion: $v) }`, { id: first.id, v: ahead }],
    ];
    const history = (await ok<{ caseHistory: any }>(HISTORY, { id: first.id, first: 1 })).caseHistory.edges[0].node;
    writes.push(['expectedVersion', UNDO, { id: history.id, v: ahead }]);
    for (const [path, query, variables] of writes) {
      const refused = await gql(query, variables, KEY_A);
      expect(refused.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fieldErrors: [{ path, message: expect.stringContaining(`version ${ahead} was never returned`) }] });
    }
    const created = await ok<{ createCaseReport: Case }>(`mutation($input: CreateCaseReportInput!) { createCaseReport(input: $input) { id version } }`, { input: { publicationId, label: 'Case 4' } }, KEY_A);
    const merge = await gql(`mutation($input: MergeCaseReportsInput!) { mergeCaseReports(input: $input) { id } }`, { input: { caseReportId: first.id, otherCaseReportId: created.createCaseReport.id, expectedVersion: target.version, otherExpectedVersion: target.version } }, KEY_A);
    expect(merge.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fieldErrors: [{ path: 'input.otherExpectedVersion' }] });
    // A value the case does not report (Case 4 was added with a label only): a new patient holding nothing was made.
    const empty = await gql(`mutation($input: SplitCaseReportInput!) { splitCaseReport(input: $input) { id } }`, { input: { caseReportId: created.createCaseReport.id, factPaths: ['outcome'], label: 'Case 5' } }, KEY_A);
    expect(empty.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fieldErrors: [{ path: 'input.factPaths.0', message: 'the case does not report outcome: there is nothing to move' }] });
    expect((await load(created.createCaseReport.id)).version).toBe(1);
    expect((await load(first.id)).version).toBe(target.version);
  });
});
