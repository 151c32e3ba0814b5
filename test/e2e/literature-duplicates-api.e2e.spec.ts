/**
 * Probable duplicates over GraphQL: listed with what differs, dismissed as "not duplicates" (per review, who
 * said so, not listed again), merged when a curator confirms.
 */
import { Client } from 'pg';
import { waitFor } from '../support/child-process';
import { ADMIN_KEY, CURATOR_KEY, startTestApp, TestApp } from '../support/test-app';

const IMPORT = `mutation($input: ImportPublicationsInput!) { importPublications(input: $input) { stored created merged } }`;
const LIST = `query($review: String, $first: Int) {
  probableDuplicates(review: $review, first: $first) {
    score reasons differences { field first second }
    first { id title year journal abstract }
    second { id title year journal abstract }
  }
}`;
const DISMISS = `mutation($firstId: ID!, $secondId: ID!, $review: String, $reason: String) {
  dismissDuplicate(firstId: $firstId, secondId: $secondId, review: $review, reason: $reason) { id review firstId secondId dismissedBy reason createdAt }
}`;
const MERGE = `mutation($keepId: ID!, $mergeId: ID!) {
  mergePublications(keepId: $keepId, mergeId: $mergeId) {
    kept { id title abstract journal }
    merge { keptId mergedId filledFields caseReportsMoved mergedBy }
    conflicts { field kept dropped }
  }
}`;

const ris = (...records: string[][]) => records.map((lines) => ['TY  - JOUR', ...lines, 'ER  - ', ''].join('\n')).join('\n');

type Pair = { score: number; reasons: string[]; differences: { field: string; first: string | null; second: string | null }[]; first: { id: string; title: string }; second: { id: string; title: string } };

describe('probable duplicates, dismissals and merges over GraphQL', () => {
  let app: TestApp;
  const review = 'e2e near duplicates';

  beforeAll(async () => {
    app = await startTestApp({ SEED_DEMO_DATA: 'false' });
    for (const [fileName, text] of [
      [
        'pubmed.ris',
        ris(
          ['TI  - Spontaneous spinal epidural hematoma after chiropractic manipulation of the neck', 'AU  - Okafor, Chidi', 'PY  - 2021', 'JO  - J Med Case Rep', 'VL  - 15', 'SP  - 101', 'AB  - Short.'],
          ['TI  - Chronic subdural hematoma after a lumbar drain in an adult with hydrocephalus', 'AU  - Berg, Pieter', 'PY  - 2019', 'JO  - Neurosurg Case Rep'],
        ),
      ],
      [
        'embase.ris',
        ris(
          ['TI  - Spontaneous spinal epidural haematoma after a chiropractic manipulation of the neck', 'PY  - 2021', 'JO  - Journal of Medical Case Reports', 'AB  - A longer abstract with the whole case.'],
          ['TI  - Chronic subdural hematoma after a lumbar drain in an adult with hydrocephalus', 'AU  - Berg, P', 'PY  - 2020', 'JO  - Neurosurgical Case Reports'],
        ),
      ],
    ]) {
      const imported = await app.graphql<{ importPublications: { stored: boolean; created: number } }>(IMPORT, { input: { text, fileName, review } }, CURATOR_KEY);
      expect(imported.errors).toBeUndefined();
      expect(imported.data!.importPublications).toMatchObject({ stored: true, created: 2 });
    }
  });

  afterAll(async () => {
    await app?.close();
  });

  const list = async (forReview: string | null = review): Promise<Pair[]> => {
    const result = await app.graphql<{ probableDuplicates: Pair[] }>(LIST, { review: forReview, first: 10 }, CURATOR_KEY);
    expect(result.errors).toBeUndefined();
    return result.data!.probableDuplicates;
  };

  it('needs a curator key to list, dismiss or merge', async () => {
    const listed = await app.graphql(LIST, { review, first: 10 });
    expect(listed.errors![0].extensions!.code).toBe('UNAUTHENTICATED');
    const dismissed = await app.graphql(DISMISS, { firstId: '00000000-0000-4000-8000-000000000001', secondId: '00000000-0000-4000-8000-000000000002' });
    expect(dismissed.errors![0].extensions!.code).toBe('UNAUTHENTICATED');
  });

  it('lists both pairs with what differs; a dismissed pair is not listed again in that review, with who dismissed it; the other merges on request', async () => {
    const pairs = await list();
    expect(pairs).toHaveLength(2);
    const hematoma = pairs.find((pair) => /epidural/.test(pair.first.title))!;
    const subdural = pairs.find((pair) => /subdural/.test(pair.first.title))!;
    expect(hematoma.differences.map((difference) => difference.field)).toEqual(expect.arrayContaining(['title', 'journal']));
    expect(subdural.reasons.join('; ')).toMatch(/year/);

    // The curator reads both: the subdural pair is two articles (another year, another journal).
    const dismissed = await app.graphql<{ dismissDuplicate: Record<string, unknown> }>(DISMISS, { firstId: subdural.second.id, secondId: subdural.first.id, review, reason: 'a case and its follow-up a year later' }, CURATOR_KEY);
    expect(dismissed.errors).toBeUndefined();
    const ids = [subdural.first.id, subdural.second.id].sort();
    expect(dismissed.data!.dismissDuplicate).toMatchObject({ review, firstId: ids[0], secondId: ids[1], dismissedBy: 'curator', reason: 'a case and its follow-up a year later' });
    // Dismissing it again keeps the first record.
    const again = await app.graphql<{ dismissDuplicate: { id: string } }>(DISMISS, { firstId: subdural.first.id, secondId: subdural.second.id, review }, CURATOR_KEY);
    expect(again.data!.dismissDuplicate.id).toBe((dismissed.data!.dismissDuplicate as { id: string }).id);

    expect((await list()).map((pair) => pair.first.id)).toEqual([hematoma.first.id]);
    // Dismissed for this review only: the listing over every publication still shows it.
    expect((await list(null)).some((pair) => pair.first.id === subdural.first.id)).toBe(true);

    const merged = await app.graphql<{ mergePublications: { kept: { id: string; abstract: string }; merge: { mergedId: string; mergedBy: string } } }>(MERGE, { keepId: hematoma.first.id, mergeId: hematoma.second.id }, CURATOR_KEY);
    expect(merged.errors).toBeUndefined();
    expect(merged.data!.mergePublications).toMatchObject({ kept: { id: hematoma.first.id, abstract: 'A longer abstract with the whole case.' }, merge: { mergedId: hematoma.second.id, mergedBy: 'curator' } });
    expect(await list()).toEqual([]);
  });

  it('keeps the screening decisions of a merged record: they follow it to the kept one, unless its reviewer decided that one too', async () => {
    // The decisions stayed on the merged (deleted) record's id: the kept record showed undecided, PRISMA lost a screened record.
    const screened = 'e2e merge screening';
    const imported = await app.graphql<any>(`mutation($input: ImportPublicationsInput!) { importPublications(input: $input) { createdPublicationIds } }`, { input: { text: ris(['TI  - First record of a merge while screening', 'PY  - 2020'], ['TI  - Second record, the same article', 'PY  - 2020'], ['TI  - Third record screened by both', 'PY  - 2021'], ['TI  - Fourth record, its duplicate', 'PY  - 2021']), review: screened, extractCases: false } }, CURATOR_KEY);
    const [kept, merged, keptBoth, mergedBoth] = imported.data.importPublications.createdPublicationIds as string[];
    const screen = (publicationId: string, decision: string, key: string) => app.graphql<any>(`mutation($p: ID!, $d: ScreeningDecisionValue!, $r: String!) { screenPublication(publicationId: $p, decision: $d, review: $r) { status } }`, { p: publicationId, d: decision, r: screened }, key);
    expect((await screen(merged, 'INCLUDE', CURATOR_KEY)).errors).toBeUndefined();
    expect((await screen(keptBoth, 'INCLUDE', CURATOR_KEY)).errors).toBeUndefined();
    expect((await screen(mergedBoth, 'MAYBE', CURATOR_KEY)).errors).toBeUndefined();
    for (const [keepId, mergeId] of [[kept, merged], [keptBoth, mergedBoth]]) expect((await app.graphql(MERGE, { keepId, mergeId }, ADMIN_KEY)).errors).toBeUndefined();
    const queue = await app.graphql<any>(`query($r: String!) { screeningQueue(review: $r, first: 10, scope: MINE) { items { publication { id } myDecision { decision } } } }`, { r: screened }, CURATOR_KEY);
    const mine = Object.fromEntries(queue.data.screeningQueue.items.map((item: any) => [item.publication.id, item.myDecision?.decision ?? null]));
    expect(mine).toEqual({ [kept]: 'INCLUDE', [keptBoth]: 'INCLUDE' });
    const counts = await app.graphql<any>(`query($r: String!) { prismaCounts(review: $r) { recordsScreened } }`, { r: screened }, CURATOR_KEY);
    expect(counts.data.prismaCounts.recordsScreened).toBe(2);
  });

  it('refuses a pair of one publication, unknown ids and a reason too long, naming the argument', async () => {
    const [pair] = await list(null);
    const same = await app.graphql(DISMISS, { firstId: pair.first.id, secondId: pair.first.id }, CURATOR_KEY);
    expect(same.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(JSON.stringify(same.errors![0].extensions)).toContain('secondId');
    const unknown = await app.graphql(DISMISS, { firstId: pair.first.id, secondId: '00000000-0000-4000-8000-000000000000' }, CURATOR_KEY);
    expect(unknown.errors![0].extensions!.code).toBe('NOT_FOUND');
    // A misspelt review: no pairs were listed for it (as if it had none), and a dismissal was stored that no listing reads.
    const listedMisspelt = await app.graphql(LIST, { review: 'no such review', first: 20 }, CURATOR_KEY);
    expect(listedMisspelt.errors![0]).toMatchObject({ message: expect.stringContaining('no such review'), extensions: { code: 'NOT_FOUND' } });
    const dismissedMisspelt = await app.graphql(DISMISS, { firstId: pair.first.id, secondId: pair.second.id, review: 'no such review' }, CURATOR_KEY);
    expect(dismissedMisspelt.errors![0]).toMatchObject({ message: expect.stringContaining('no such review'), extensions: { code: 'NOT_FOUND' } });
    expect(await list(null)).toHaveLength(1);
    const long = await app.graphql(DISMISS, { firstId: pair.first.id, secondId: pair.second.id, reason: 'x'.repeat(501) }, CURATOR_KEY);
    expect(JSON.stringify(long.errors![0].extensions)).toContain('reason');
    // Without a review, the pair leaves every listing.
    const everywhere = await app.graphql<{ dismissDuplicate: { review: string | null } }>(DISMISS, { firstId: pair.first.id, secondId: pair.second.id }, CURATOR_KEY);
    expect(everywhere.data!.dismissDuplicate.review).toBeNull();
    expect(await list(null)).toEqual([]);
  });

  it('does not record a dismissal for a publication a merge is deleting at that moment: it waits for the merge and answers NOT_FOUND', async () => {
    const imported = await app.graphql<{ importPublications: { created: number } }>(
      IMPORT,
      { input: { fileName: 'race.ris', review, text: ris(['TI  - Pneumocephalus after an epidural in labour', 'PY  - 2015', 'JO  - Int J Obstet Anesth'], ['TI  - Pneumocephalus after a caudal block in a child', 'PY  - 2016', 'JO  - Paediatr Anaesth']) } },
      CURATOR_KEY,
    );
    expect(imported.data!.importPublications.created).toBe(2);
    // A merge in flight, as mergePublications holds it: the merged publication locked and deleted, not yet committed.
    const merge = new Client({ connectionString: app.database.url });
    await merge.connect();
    const { rows: found } = await merge.query(`SELECT id FROM publication WHERE title LIKE 'Pneumocephalus after%' ORDER BY title DESC`);
    const pair = { first: { id: found[0].id as string }, second: { id: found[1].id as string } };
    try {
      await merge.query('BEGIN');
      await merge.query('SELECT id FROM publication WHERE id = $1 FOR UPDATE', [pair.second.id]);
      await merge.query('DELETE FROM publication WHERE id = $1', [pair.second.id]);
      const dismissing = app.graphql(DISMISS, { firstId: pair.first.id, secondId: pair.second.id, review }, CURATOR_KEY);
      let answered = false;
      void dismissing.then(() => (answered = true));
      await waitFor('the dismissal to wait for the merge', async () => {
        if (answered) return true;
        const { rows } = await merge.query(`SELECT 1 FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock' AND pid <> pg_backend_pid()`);
        return rows.length > 0;
      });
      await merge.query('COMMIT');
      const dismissed = await dismissing;
      expect(dismissed.errors?.[0].extensions?.code).toBe('NOT_FOUND');
      const { rows } = await merge.query('SELECT 1 FROM duplicate_dismissal WHERE first_id = $1 OR second_id = $1', [pair.second.id]);
      expect(rows).toEqual([]);
    } finally {
      await merge.end();
    }
  });
});
