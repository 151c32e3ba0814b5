import { ADMIN_KEY, startTestApp, TestApp } from '../support/test-app';

/**
 * A curator's write to a suggested case sent while extraction re-runs on its publication (extractCases,
 * or an import merging a record into it): whichever comes first, what the curator was told is stored
 * stays stored, and the publication ends with one patient, not the curated case beside a new proposal.
 */
const ABSTRACT =
  'A 32-year-old postpartum woman developed a post-dural puncture headache after labour epidural analgesia. ' +
  'An epidural blood patch with 20 mL of autologous blood was performed at L3-L4. Two days later she developed back pain and leg weakness. ' +
  'MRI showed a spinal epidural hematoma. She underwent laminectomy and recovered fully.';

const CASES = `query($id: ID!) { publication(id: $id) { caseReports { id version curationStatus ageYears } } }`;
const CONFIRM = `mutation($id: ID!) { confirmCaseReport(id: $id) { id version curationStatus } }`;
const REVIEW = `mutation($input: ReviewCaseFactInput!) { reviewCaseFact(input: $input) { id version ageYears } }`;
const EXTRACT = `mutation($ids: [ID!]) { extractCases(input: { publicationIds: $ids }) { proposedCases replacedCases skippedCurated } }`;

type Answer = Awaited<ReturnType<TestApp['graphql']>>;

describe('curating a suggested case while extraction re-runs on its publication', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp({ SEED_DEMO_DATA: 'false' });
  });

  afterAll(async () => {
    await app?.close();
  });

  /** A publication with one SUGGESTED case, as an import proposes it. */
  async function suggested(title: string): Promise<{ publicationId: string; caseId: string }> {
    const created = await app.graphql<any>(`mutation($input: CreatePublicationInput!) { createPublication(input: $input) { id } }`, { input: { title, abstract: ABSTRACT, year: 2019, publicationTypes: ['Case Reports'] } }, 'test-curator-key-0123456789');
    const publicationId = created.data.createPublication.id;
    const run = await app.graphql<any>(EXTRACT, { ids: [publicationId] }, 'test-curator-key-0123456789');
    expect(run.data?.extractCases.proposedCases).toBe(1);
    const cases = (await app.graphql<any>(CASES, { id: publicationId })).data.publication.caseReports;
    return { publicationId, caseId: cases[0].id };
  }

  const codes = (answer: Answer) => (answer.errors ?? []).map((error) => error.extensions?.code);

  it.each([
    ['confirmCaseReport', (caseId: string) => app.graphql(CONFIRM, { id: caseId }, 'test-curator-key-0123456789')],
    ['reviewCaseFact CORRECT', (caseId: string) => app.graphql(REVIEW, { input: { caseReportId: caseId, path: 'ageYears', action: 'CORRECT', value: '41' } }, 'test-curator-key-0123456789')],
  ])('%s sent with extractCases: an acknowledged write is never replaced by a new proposal', async (name, write) => {
    for (let round = 0; round < 4; round++) {
      const { publicationId, caseId } = await suggested(`${name} race ${round}: spinal epidural hematoma after an epidural blood patch`);
      const [written, extracted] = await Promise.all([write(caseId), app.graphql(EXTRACT, { ids: [publicationId] }, 'test-curator-key-0123456789')]);
      expect(codes(extracted)).toEqual([]);
      const cases = (await app.graphql<any>(CASES, { id: publicationId })).data.publication.caseReports;
      if (!written.errors) {
        // Stored as answered: the curated (or reviewed) case is there, and no second proposal of the same patient beside it.
        expect(cases.map((c: { id: string }) => c.id)).toEqual([caseId]);
        if (name === 'confirmCaseReport') expect(cases[0].curationStatus).toBe('CURATED');
        else expect(cases[0].ageYears).toBe(41);
      } else {
        // The run replaced the suggestion first: the write names the case that is gone, and nothing of it is stored.
        expect(codes(written)).toEqual(['NOT_FOUND']);
        expect(cases).toHaveLength(1);
        expect(cases[0]).toMatchObject({ curationStatus: 'SUGGESTED', version: 1, ageYears: 32 });
      }
    }
  });

  it.each([
    ['deletePublication', async (publicationId: string) => () => app.graphql(`mutation($id: ID!) { deletePublication(id: $id) }`, { id: publicationId }, ADMIN_KEY)],
    ['mergePublications (into another)', async (publicationId: string) => {
      const other = await suggested(`kept for a merge ${publicationId}: spinal epidural hematoma after an epidural blood patch`);
      return () => app.graphql(`mutation($keep: ID!, $merge: ID!) { mergePublications(keepId: $keep, mergeId: $merge) { kept { id } } }`, { keep: other.publicationId, merge: publicationId }, ADMIN_KEY);
    }],
  ])('confirmCaseReport sent with %s: both done one after the other, never a deadlock answered CONFLICT', async (_name, prepare) => {
    // The curation write locked the case, then (its second update re-checking the foreign key) the publication; the delete or
    // merge locked the publication, then the case: PostgreSQL broke the deadlock and one of them answered CONFLICT.
    for (let round = 0; round < 4; round++) {
      const { publicationId, caseId } = await suggested(`publication write race ${round}: spinal epidural hematoma after an epidural blood patch`);
      const publicationWrite = await prepare(publicationId);
      const [confirmed, written] = await Promise.all([app.graphql(CONFIRM, { id: caseId }, 'test-curator-key-0123456789'), publicationWrite()]);
      expect(codes(written)).toEqual([]);
      expect(codes(confirmed)).not.toContain('CONFLICT');
      // Confirmed first, then deleted or moved; or the publication went first and its case is NOT_FOUND.
      if (confirmed.errors) expect(codes(confirmed)).toEqual(['NOT_FOUND']);
    }
  });
});
