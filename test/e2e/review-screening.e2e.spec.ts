/**
 * The review workspace's API over HTTP: signing in with a session cookie (and why a cross-site form
 * cannot use it), screening by two reviewers, a conflict and its resolution, the PRISMA counts, and
 * the final decision as a publication search facet.
 */
import { Client } from 'pg';
import request from 'supertest';
import { importFixture } from '../browser/support/literature';
import { LogCapture } from '../support/log-capture';
import { waitForIndex } from '../support/search-index';
import { ADMIN_KEY, CURATOR_KEY, startTestApp, TestApp } from '../support/test-app';

const REVIEW = 'e2e screening';
const CSRF = { 'X-Requested-With': 'case-report-search' };

const QUEUE = `query($review: String!, $filter: ScreeningStatus, $scope: ScreeningScope, $reason: String, $text: String, $first: Int, $after: String) {
  screeningQueue(review: $review, filter: $filter, scope: $scope, reason: $reason, text: $text, first: $first, after: $after) {
    totalCount hasNextPage endCursor
    progress { total screened undecided included excluded maybe conflicts }
    items { status finalReason publication { id title } titleSegments { text highlighted } abstractSegments { text highlighted }
      myDecision { reviewer decision reason } decisions { reviewer decision } resolution { resolvedBy decision } }
  }
}`;
const SCREEN = `mutation($review: String!, $id: ID!, $decision: ScreeningDecisionValue!, $reason: String, $note: String) {
  screenPublication(review: $review, publicationId: $id, decision: $decision, reason: $reason, note: $note) { status myDecision { reviewer decision reason note } }
}`;
const RESOLVE = `mutation($review: String!, $id: ID!, $decision: ScreeningDecisionValue!, $reason: String) {
  resolveScreeningConflict(review: $review, publicationId: $id, decision: $decision, reason: $reason) { status finalReason resolution { resolvedBy decision reason } }
}`;
const PRISMA = `query($review: String!) { prismaCounts(review: $review) {
  recordsScreened recordsAwaitingScreening recordsInConflict recordsExcluded exclusionReasons { code count }
  reportsSought reportsAssessed reportsExcluded reportsUndecided studiesIncluded casesIncluded identification { recordsIdentified recordsRemaining } } }`;
const FACETS = `query($input: SearchPublicationsInput) { searchPublications(input: $input) { totalPublications facets { facet values { value label publicationCount } } } }`;

describe('review workspace API: sessions and screening', () => {
  let app: TestApp;
  let ids: string[] = [];
  const logs = new LogCapture();

  const cookieOf = (response: request.Response): string => {
    const header = ([] as string[]).concat(response.headers['set-cookie'] ?? [])[0] ?? '';
    return header.split(';')[0];
  };
  const signIn = async (apiKey: string) => {
    const response = await request(app.running.url).post('/session').send({ apiKey });
    expect(response.status).toBe(200);
    return cookieOf(response);
  };
  const withCookie = (cookie: string, query: string, variables: Record<string, unknown>, headers: Record<string, string> = CSRF) =>
    request(app.running.url).post('/graphql').set('Content-Type', 'application/json').set('Cookie', cookie).set(headers).send({ query, variables });
  const queue = async (variables: Record<string, unknown>, key = CURATOR_KEY) => {
    const result = await app.graphql<{ screeningQueue: any }>(QUEUE, { review: REVIEW, ...variables }, key);
    if (result.errors) throw new Error(JSON.stringify(result.errors));
    return result.data!.screeningQueue;
  };
  const screen = (key: string, id: string, decision: string, reason?: string, note?: string) => app.graphql<{ screenPublication: any }>(SCREEN, { review: REVIEW, id, decision, reason, note }, key);

  beforeAll(async () => {
    app = await startTestApp({ SEED_DEMO_DATA: 'false', SESSION_TTL_MINUTES: '30', LOG_LEVEL: 'log', LOG_FORMAT: 'json' }, { logDestination: logs });
    await importFixture(app, 'pubmed_xml/pubmed-10-records-5-case-reports.xml', REVIEW);
    const saved = await app.graphql(`mutation { saveReview(input: { name: "${REVIEW}", question: "How are odontogenic cysts treated by decompression?", keywords: ["keratocyst"] }) { questionTerms exclusionReasons { code needsNote } } }`, {}, CURATOR_KEY);
    expect(saved.errors).toBeUndefined();
    expect((saved.data as any).saveReview.exclusionReasons.map((r: { code: string }) => r.code)).toEqual(['NOT_CASE_REPORT', 'WRONG_POPULATION', 'WRONG_COMPLICATION', 'DUPLICATE', 'OTHER']);
    ids = (await queue({ first: 100 })).items.map((item: { publication: { id: string } }) => item.publication.id);
    expect(ids).toHaveLength(10);
  });

  afterAll(async () => {
    await app?.close();
  });

  describe('sessions', () => {
    it('signs in with the key in the body: an HttpOnly, SameSite=Strict, Path=/ cookie with a random token, never the key', async () => {
      const response = await request(app.running.url).post('/session').send({ apiKey: CURATOR_KEY });
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({ signedIn: true, name: 'curator', role: 'curator' });
      expect(response.headers['cache-control']).toContain('no-store');
      const header = ([] as string[]).concat(response.headers['set-cookie'])[0];
      expect(header).toMatch(/^crs_session=[A-Za-z0-9_-]{43}; /);
      expect(header).toContain('HttpOnly');
      expect(header).toContain('SameSite=Strict');
      expect(header).toContain('Path=/');
      expect(header).toContain('Max-Age=1800');
      expect(header).not.toContain('Secure'); // plain http here; Secure over https (SESSION_COOKIE_SECURE=auto)
      expect(header).not.toContain(CURATOR_KEY);
      const me = await request(app.running.url).get('/session').set('Cookie', cookieOf(response));
      expect(me.body).toMatchObject({ signedIn: true, name: 'curator', role: 'curator' });
      expect((await request(app.running.url).get('/session')).body).toEqual({ signedIn: false });
    });

    it('refuses a wrong key, a missing key, and a sign-in from another site', async () => {
      expect((await request(app.running.url).post('/session').send({ apiKey: 'not-the-key-0000000000' })).status).toBe(401);
      expect((await request(app.running.url).post('/session').send({})).status).toBe(400);
      const crossSite = await request(app.running.url).post('/session').set('Origin', 'https://evil.example').type('form').send({ apiKey: CURATOR_KEY });
      expect(crossSite.status).toBe(403);
      expect(crossSite.headers['set-cookie']).toBeUndefined();
    });

    it('names what is wrong with the apiKey field: missing, not a string, blank, too long (one message for all once)', async () => {
      const cases: [unknown, string][] = [
        [{}, 'apiKey: is required'],
        [{ apiKey: [CURATOR_KEY] }, 'apiKey: is required, as one string'],
        [{ apiKey: '   ' }, 'apiKey: is blank'],
        [{ apiKey: 'k'.repeat(1_000_000) }, 'apiKey: is 1000000 characters long; no API key is longer than 500'],
      ];
      for (const [body, message] of cases) {
        const response = await request(app.running.url).post('/session').send(body as object);
        expect(response.status).toBe(400);
        expect(response.body.error).toMatchObject({ code: 'BAD_USER_INPUT', message: expect.stringContaining(message), fieldErrors: [{ path: 'apiKey' }] });
        expect(response.headers['set-cookie']).toBeUndefined();
      }
      expect((await request(app.running.url).post('/session').send({ apiKey: `  ${CURATOR_KEY}\n` })).status).toBe(200);
    });

    it('signs in from a plain HTML form and goes back to the workspace', async () => {
      const response = await request(app.running.url).post('/session').type('form').send({ apiKey: CURATOR_KEY });
      expect(response.status).toBe(303);
      expect(response.headers.location).toBe('/workspace');
      expect(cookieOf(response)).toMatch(/^crs_session=/);
    });

    it('authenticates a mutation with the cookie only together with the X-Requested-With header', async () => {
      const cookie = await signIn(CURATOR_KEY);
      const variables = { review: REVIEW, id: ids[9], decision: 'MAYBE' };
      const withoutHeader = await withCookie(cookie, SCREEN, variables, {});
      expect(withoutHeader.body.errors[0].extensions.code).toBe('FORBIDDEN');
      const withHeader = await withCookie(cookie, SCREEN, variables);
      expect(withHeader.body.errors).toBeUndefined();
      expect(withHeader.body.data.screenPublication.myDecision).toMatchObject({ reviewer: 'curator', decision: 'MAYBE' });
    });

    it('refuses a cross-site form post that carries the cookie (urlencoded, multipart or text/plain)', async () => {
      const cookie = await signIn(ADMIN_KEY);
      const query = `mutation { screenPublication(review: "${REVIEW}", publicationId: "${ids[8]}", decision: INCLUDE) { status } }`;
      const form = await request(app.running.url).post('/graphql').set('Cookie', cookie).set('Origin', 'https://evil.example').type('form').send({ query });
      const multipart = await request(app.running.url).post('/graphql').set('Cookie', cookie).set('Origin', 'https://evil.example').field('query', query);
      const plain = await request(app.running.url).post('/graphql').set('Cookie', cookie).set('Origin', 'https://evil.example').set('Content-Type', 'text/plain').send(JSON.stringify({ query }));
      for (const response of [form, multipart, plain]) {
        expect(response.status).toBeGreaterThanOrEqual(400);
        expect(response.body?.data?.screenPublication).toBeFalsy();
      }
      // Nothing was recorded for root.
      const item = (await queue({ first: 100 }, ADMIN_KEY)).items.find((i: { publication: { id: string } }) => i.publication.id === ids[8]);
      expect(item.decisions).toEqual([]);
    });

    it('never logs the key or the session token', async () => {
      const response = await request(app.running.url).post('/session').send({ apiKey: CURATOR_KEY });
      const token = cookieOf(response).split('=')[1];
      await logs.waitFor((line) => line.requestId === response.headers['x-request-id']);
      expect(logs.text).toContain('/session');
      expect(logs.text).not.toContain(CURATOR_KEY);
      expect(logs.text).not.toContain(ADMIN_KEY);
      expect(logs.text).not.toContain(token);
    });

    it('signs out: the cookie no longer authenticates, and GET /session says so', async () => {
      const cookie = await signIn(CURATOR_KEY);
      const out = await request(app.running.url).delete('/session').set('Cookie', cookie).set(CSRF);
      expect(out.status).toBe(200);
      expect(([] as string[]).concat(out.headers['set-cookie'])[0]).toMatch(/^crs_session=; .*Max-Age=0/);
      expect((await request(app.running.url).get('/session').set('Cookie', cookie)).body).toEqual({ signedIn: false });
      const after = await withCookie(cookie, SCREEN, { review: REVIEW, id: ids[9], decision: 'INCLUDE' });
      expect(after.body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
    });
  });

  describe('screening', () => {
    it('highlights the question\'s terms and keeps every reviewer\'s decision apart', async () => {
      const first = await queue({ first: 100 });
      const highlighted = first.items.flatMap((item: { titleSegments: { text: string; highlighted: boolean }[]; abstractSegments: { text: string; highlighted: boolean }[] }) =>
        [...item.titleSegments, ...item.abstractSegments].filter((s) => s.highlighted).map((s) => s.text.toLowerCase()),
      );
      expect(highlighted).toEqual(expect.arrayContaining(['odontogenic', 'cysts', 'decompression', 'keratocyst']));

      expect((await screen(CURATOR_KEY, ids[0], 'INCLUDE')).errors).toBeUndefined();
      expect((await screen(CURATOR_KEY, ids[1], 'EXCLUDE', 'WRONG_POPULATION')).errors).toBeUndefined();
      expect((await screen(CURATOR_KEY, ids[2], 'EXCLUDE', 'DUPLICATE')).errors).toBeUndefined();
      // Blind screening: before deciding, root sees neither curator's decisions nor the final decision they make.
      const blind = await queue({ scope: 'MINE', first: 100 }, ADMIN_KEY);
      for (const id of ids.slice(0, 3)) {
        expect(blind.items.find((i: { publication: { id: string } }) => i.publication.id === id)).toMatchObject({ status: 'UNDECIDED', finalReason: null, myDecision: null, decisions: [] });
      }
      expect((await screen(ADMIN_KEY, ids[0], 'INCLUDE')).errors).toBeUndefined();
      expect((await screen(ADMIN_KEY, ids[1], 'INCLUDE')).data?.screenPublication.status).toBe('CONFLICT');
      const decided = await queue({ scope: 'MINE', first: 100 }, ADMIN_KEY);
      const seen = (id: string) => decided.items.find((i: { publication: { id: string } }) => i.publication.id === id);
      // Agreeing on ids[0]: still only root's own decision; disagreeing on ids[1] is the conflicts step: both shown.
      expect(seen(ids[0])).toMatchObject({ status: 'INCLUDED', decisions: [{ reviewer: 'root', decision: 'INCLUDE' }] });
      expect(seen(ids[1]).status).toBe('CONFLICT');
      expect(seen(ids[1]).decisions).toEqual(expect.arrayContaining([{ reviewer: 'curator', decision: 'EXCLUDE' }, { reviewer: 'root', decision: 'INCLUDE' }]));
      expect(seen(ids[2])).toMatchObject({ status: 'UNDECIDED', decisions: [] });

      const mine = await queue({ scope: 'MINE', first: 100 });
      expect(mine.progress).toMatchObject({ total: 10, screened: 4, included: 1, excluded: 2, maybe: 1, undecided: 6, conflicts: 1 });
      const rootsQueue = await queue({ scope: 'MINE', filter: 'UNDECIDED', first: 100 }, ADMIN_KEY);
      expect(rootsQueue.totalCount).toBe(8);
      const excludedForDuplicate = await queue({ scope: 'MINE', filter: 'EXCLUDED', reason: 'DUPLICATE' });
      expect(excludedForDuplicate.items.map((i: { publication: { id: string } }) => i.publication.id)).toEqual([ids[2]]);
    });

    it('refuses an exclusion without a reason, OTHER without a note, a record of another review, and anonymous writes', async () => {
      expect((await screen(CURATOR_KEY, ids[3], 'EXCLUDE')).errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
      expect((await screen(CURATOR_KEY, ids[3], 'EXCLUDE', 'OTHER')).errors?.[0].message).toContain('note');
      expect((await screen(CURATOR_KEY, ids[3], 'INCLUDE', 'DUPLICATE')).errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
      expect((await screen(CURATOR_KEY, '00000000-0000-4000-8000-000000000000', 'INCLUDE')).errors?.[0].extensions?.code).toBe('NOT_FOUND');
      expect((await app.graphql(SCREEN, { review: REVIEW, id: ids[3], decision: 'INCLUDE' })).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
      const other = await screen(CURATOR_KEY, ids[3], 'EXCLUDE', 'OTHER', 'conference abstract only');
      expect(other.data?.screenPublication.myDecision).toMatchObject({ reason: 'OTHER', note: 'conference abstract only' });
    });

    it('filters the queue by an exclusion reason as decisions store it, and refuses a reason it cannot filter by (an empty or unfiltered queue answered), naming it', async () => {
      const byReason = async (reason: string, filter?: string) => app.graphql<{ screeningQueue: any }>(QUEUE, { review: REVIEW, scope: 'MINE', reason, filter, first: 100 }, CURATOR_KEY);
      const upper = await byReason('DUPLICATE', 'EXCLUDED');
      expect(upper.data!.screeningQueue.items.map((i: { publication: { id: string } }) => i.publication.id)).toEqual([ids[2]]);
      // Typed as the decision was given (screenPublication takes any case): the same record, not none.
      const lower = await byReason(' duplicate ', 'EXCLUDED');
      expect(lower.errors).toBeUndefined();
      expect(lower.data!.screeningQueue.items.map((i: { publication: { id: string } }) => i.publication.id)).toEqual([ids[2]]);
      const unknown = await byReason('DUPLICTE', 'EXCLUDED');
      expect(unknown.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', fieldErrors: [{ path: 'reason', message: expect.stringContaining('DUPLICATE') }] } });
      for (const filter of [undefined, 'INCLUDED']) {
        const lone = await byReason('DUPLICATE', filter);
        expect(lone.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', fieldErrors: [{ path: 'reason', message: expect.stringContaining('filter EXCLUDED') }] } });
      }
      // Every word of the text counts, the eleventh too (the first ten were used and the rest dropped).
      const words = 'the of and a in to with for on by zzzznotaword';
      expect((await queue({ text: words, first: 100 })).totalCount).toBe(0);
    });

    it('lists the conflict and resolves it, recording who resolved it', async () => {
      const conflicts = await app.graphql<{ screeningConflicts: { publication: { id: string }; decisions: { reviewer: string; decision: string }[] }[] }>(
        `query($review: String!) { screeningConflicts(review: $review) { publication { id } decisions { reviewer decision } } }`,
        { review: REVIEW },
      );
      expect(conflicts.data!.screeningConflicts.map((c) => c.publication.id)).toEqual([ids[1]]);
      expect(conflicts.data!.screeningConflicts[0].decisions).toEqual(expect.arrayContaining([{ reviewer: 'curator', decision: 'EXCLUDE' }, { reviewer: 'root', decision: 'INCLUDE' }]));
      const resolved = await app.graphql<{ resolveScreeningConflict: unknown }>(RESOLVE, { review: REVIEW, id: ids[1], decision: 'EXCLUDE', reason: 'WRONG_POPULATION' }, ADMIN_KEY);
      expect(resolved.data!.resolveScreeningConflict).toEqual({ status: 'EXCLUDED', finalReason: 'WRONG_POPULATION', resolution: { resolvedBy: 'root', decision: 'EXCLUDE', reason: 'WRONG_POPULATION' } });
      expect((await app.graphql(RESOLVE, { review: REVIEW, id: ids[0], decision: 'INCLUDE' }, ADMIN_KEY)).errors?.[0].extensions?.code).toBe('CONFLICT');
      expect((await queue({ filter: 'CONFLICT' })).totalCount).toBe(0);
    });

    it('gives the PRISMA counts of the final decisions', async () => {
      const result = await app.graphql<{ prismaCounts: any }>(PRISMA, { review: REVIEW });
      const counts = result.data!.prismaCounts;
      // Final: ids[0] included (agreed), ids[1] excluded WRONG_POPULATION (resolved), ids[2] excluded DUPLICATE, ids[3] excluded OTHER, ids[9] maybe.
      expect(counts).toMatchObject({ recordsScreened: 5, recordsAwaitingScreening: 5, recordsInConflict: 0, recordsExcluded: 3, reportsSought: 2, reportsAssessed: 2, reportsExcluded: 0, reportsUndecided: 1, studiesIncluded: 1 });
      expect(counts.exclusionReasons).toEqual([
        { code: 'NOT_CASE_REPORT', count: 0 },
        { code: 'WRONG_POPULATION', count: 1 },
        { code: 'WRONG_COMPLICATION', count: 0 },
        { code: 'DUPLICATE', count: 1 },
        { code: 'OTHER', count: 1 },
      ]);
      expect(counts.identification).toEqual({ recordsIdentified: 10, recordsRemaining: 10 });
    });

    it('draws the screening numbers into the PRISMA export (CSV, JSON flow, SVG)', async () => {
      const csv = await request(app.running.url).get('/exports/prisma').query({ review: REVIEW });
      expect(csv.status).toBe(200);
      expect(csv.text).toContain(`${REVIEW},records screened (final decision),,,,5`);
      expect(csv.text).toContain(`${REVIEW},records excluded,,,,3`);
      expect(csv.text).toContain(`${REVIEW},records excluded: Duplicate,,,,1`);
      expect(csv.text).toContain(`${REVIEW},studies included in review,,,,1`);
      expect(csv.text).not.toContain('not screened yet');
      const json = await request(app.running.url).get('/exports/prisma').query({ review: REVIEW, format: 'json' });
      expect(json.body.flow.screening).toMatchObject({ status: 'IN_PROGRESS', recordsScreened: 5, recordsAwaitingDecision: 5, recordsExcluded: 3, reportsAssessed: 2, reportsAwaitingDecision: 1 });
      expect(json.body.flow.included).toMatchObject({ studies: 1, reports: 1 });
    });

    it('refuses the PRISMA export of a review that does not exist (a misspelt name drew a diagram of zeros), and draws a saved review of 0 records', async () => {
      for (const format of ['csv', 'svg']) {
        const misspelt = await request(app.running.url).get('/exports/prisma').query({ review: `${REVIEW}x`, format });
        expect(misspelt.status).toBe(404);
        expect(misspelt.body.error).toMatchObject({ code: 'NOT_FOUND', message: expect.stringContaining(`review: there is no review named "${REVIEW}x"`) });
      }
      const counts = await app.graphql<any>(PRISMA, { review: `${REVIEW}x` });
      expect(counts.errors?.[0].extensions?.code).toBe('NOT_FOUND');
      const saved = await app.graphql(`mutation { saveReview(input: { name: "e2e empty review" }) { name } }`, {}, CURATOR_KEY);
      expect(saved.errors).toBeUndefined();
      const empty = await request(app.running.url).get('/exports/prisma').query({ review: 'e2e empty review', format: 'json' });
      expect(empty.status).toBe(200);
      expect(empty.body).toMatchObject({ review: 'e2e empty review', recordsIdentified: 0, recordsRemaining: 0 });
      const emptyCounts = await app.graphql<any>(PRISMA, { review: 'e2e empty review' });
      expect(emptyCounts.data.prismaCounts).toMatchObject({ recordsScreened: 0, recordsAwaitingScreening: 0, studiesIncluded: 0, casesIncluded: 0 });
    });

    it('shows the final decisions in publication search as a filter and a facet', async () => {
      await waitForIndex(app);
      const result = await app.graphql<{ searchPublications: { totalPublications: number; facets: { facet: string; values: { value: string; publicationCount: number }[] }[] } }>(FACETS, {
        input: { facets: [{ facet: 'SCREENING_DECISION', includeZero: true }] },
      });
      const counts = Object.fromEntries(result.data!.searchPublications.facets[0].values.map((v) => [v.value, v.publicationCount]));
      expect(counts).toEqual({ INCLUDED: 1, MAYBE: 1, EXCLUDED: 3, CONFLICT: 0, UNDECIDED: 5, NONE: 0 });
      const excluded = await app.graphql<{ searchPublications: { totalPublications: number } }>(FACETS, { input: { filters: { screeningDecisions: ['EXCLUDED'], reviews: [REVIEW] } } });
      expect(excluded.data!.searchPublications.totalPublications).toBe(3);
    });
  });

  it('keeps the exclusion reasons the review\'s decisions give (a save without them orphaned those exclusions), and names an over-long keyword by its place in the input', async () => {
    const SAVE = 'mutation($input: SaveReviewInput!) { saveReview(input: $input) { exclusionReasons { code label } } }';
    const before = (await app.graphql<any>('query($name: String!) { review(name: $name) { question exclusionReasons { code } } }', { name: REVIEW })).data.review;
    const dropped = await app.graphql<any>(SAVE, { input: { name: REVIEW, question: 'A new question', exclusionReasons: [{ code: 'WRONG_POPULATION', label: 'Wrong population' }, { code: 'NO_FULL_TEXT', label: 'No full text' }] } }, CURATOR_KEY);
    expect(dropped.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fieldErrors: [{ path: 'input.exclusionReasons', message: expect.stringContaining('DUPLICATE (1 decision)') }] });
    // Left out, the defaults are saved: they hold every reason given so far.
    const defaults = await app.graphql<any>(SAVE, { input: { name: REVIEW, question: before.question, keywords: ['keratocyst'] } }, CURATOR_KEY);
    expect(defaults.errors).toBeUndefined();
    expect((await app.graphql<any>('query($name: String!) { review(name: $name) { question exclusionReasons { code } } }', { name: REVIEW })).data.review).toEqual(before);
    const long = await app.graphql<any>(SAVE, { input: { name: 'e2e keywords', keywords: ['', 'kept', 'x'.repeat(101)] } }, CURATOR_KEY);
    expect(long.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fieldErrors: [{ path: 'input.keywords.2', message: 'must be at most 100 characters' }] });
  });

  it('never orphans an exclusion reason when a save that drops it and a decision that gives it are sent at once: one of them is refused', async () => {
    // saveReview checked the reasons in use, then saved; the decision checked the reasons saved, then stored: at once both
    // passed (2 of 6 rounds), leaving an exclusion whose reason the review no longer had.
    const SAVE = 'mutation($input: SaveReviewInput!) { saveReview(input: $input) { name } }';
    for (let round = 0; round < 12; round++) {
      const review = `e2e reasons race ${round}`;
      const reasons = [{ code: 'WRONG_POPULATION', label: 'Wrong population' }, { code: 'NOT_A_CASE', label: 'Not a case' }];
      expect((await app.graphql<any>(SAVE, { input: { name: review, exclusionReasons: reasons } }, CURATOR_KEY)).errors).toBeUndefined();
      const upload = await request(app.running.url).post('/imports').query({ review, format: 'ris', extractCases: 'false' }).set('Authorization', `Bearer ${CURATOR_KEY}`).set('Content-Type', 'text/plain').send(`TY  - JOUR\nTI  - A record raced ${round}\nPY  - 2021\nER  - \n`);
      const [id] = upload.body.createdPublicationIds as string[];
      const [saved, screened] = await Promise.all([
        app.graphql<any>(SAVE, { input: { name: review, exclusionReasons: reasons.slice(1) } }, CURATOR_KEY),
        app.graphql<any>(SCREEN, { review, id, decision: 'EXCLUDE', reason: 'WRONG_POPULATION' }, CURATOR_KEY),
      ]);
      const kept = (await app.graphql<any>('query($name: String!) { review(name: $name) { exclusionReasons { code } } }', { name: review })).data.review.exclusionReasons.map((reason: { code: string }) => reason.code);
      const refused = [saved, screened].filter((answer) => answer.errors).map((answer) => answer.errors?.[0].extensions?.code);
      expect({ round, refused, orphaned: !screened.errors && !kept.includes('WRONG_POPULATION') }).toEqual({ round, refused: ['BAD_USER_INPUT'], orphaned: false });
    }
  });

  it('refuses a decision or a resolution on a record deleted since its import (an internal error once, with the decision stored)', async () => {
    const review = 'e2e deleted record';
    const ris = ['A record that stays', 'A record deleted after screening'].map((title) => `TY  - JOUR\nTI  - ${title}\nPY  - 2021\nER  - \n`).join('');
    const upload = await request(app.running.url).post('/imports').query({ review, format: 'ris' }).set('Authorization', `Bearer ${CURATOR_KEY}`).set('Content-Type', 'text/plain').send(ris);
    expect(upload.status).toBe(200);
    const listed = await app.graphql<any>('query($review: String!) { screeningQueue(review: $review) { items { publication { id title } } } }', { review }, CURATOR_KEY);
    const deleted = listed.data.screeningQueue.items.find((item: any) => item.publication.title.startsWith('A record deleted')).publication.id;
    const inReview = (key: string, decision: string) => app.graphql<any>(SCREEN, { review, id: deleted, decision }, key);
    expect((await inReview(CURATOR_KEY, 'INCLUDE')).errors).toBeUndefined();
    expect((await inReview(ADMIN_KEY, 'MAYBE')).data.screenPublication.status).toBe('CONFLICT');
    expect((await app.graphql<any>(`mutation { deletePublication(id: "${deleted}") }`, {}, ADMIN_KEY)).errors).toBeUndefined();

    const client = new Client({ connectionString: app.database.url });
    await client.connect();
    try {
      const stored = async () => (await client.query('SELECT reviewer, decision FROM screening_decision WHERE review = $1 ORDER BY reviewer', [review])).rows;
      const before = await stored();
      const screened = await inReview(CURATOR_KEY, 'EXCLUDE');
      expect(screened.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT'); // no reason: refused before the record is looked at
      const again = await inReview(CURATOR_KEY, 'MAYBE');
      expect(again.errors?.[0]).toMatchObject({ message: expect.stringContaining(deleted), extensions: { code: 'NOT_FOUND' } });
      const resolved = await app.graphql<any>(RESOLVE, { review, id: deleted, decision: 'INCLUDE' }, CURATOR_KEY);
      expect(resolved.errors?.[0].extensions?.code).toBe('NOT_FOUND');
      expect(await stored()).toEqual(before);
      expect((await client.query('SELECT count(*)::int AS n FROM screening_resolution WHERE review = $1', [review])).rows[0].n).toBe(0);
    } finally {
      await client.end();
    }
  });

  it('saves a new review sent by several curators at once: every save answers, one review stays (the racing inserts broke the unique name)', async () => {
    const save = (keyword: string, key: string) => app.graphql<any>('mutation($input: SaveReviewInput!) { saveReview(input: $input) { name keywords } }', { input: { name: 'e2e raced review', keywords: [keyword] } }, key);
    const answers = await Promise.all(Array.from({ length: 6 }, (_, i) => save(`k${i}`, i % 2 ? ADMIN_KEY : CURATOR_KEY)));
    for (const answer of answers) expect(answer.errors).toBeUndefined();
    const reviews = await app.graphql<any>('{ reviews { name keywords } }');
    const raced = reviews.data.reviews.filter((review: { name: string }) => review.name === 'e2e raced review');
    expect(raced).toHaveLength(1);
    expect(answers.map((answer) => answer.data.saveReview.keywords[0])).toContain(raced[0].keywords[0]);
    const updated = await save('later', CURATOR_KEY);
    expect(updated.data.saveReview).toEqual({ name: 'e2e raced review', keywords: ['later'] });
  });

  it('reads a review name with a zero width space or word joiner as the name it shows, and refuses one that shows nothing', async () => {
    // "e2e zw review" with U+200B was a second review looking exactly like the first (decisions and PRISMA numbers apart).
    const save = (name: string, keyword: string) => app.graphql<any>('mutation($input: SaveReviewInput!) { saveReview(input: $input) { name keywords } }', { input: { name, keywords: [keyword] } }, CURATOR_KEY);
    for (const [name, keyword] of [['e2e zw review', 'a'], ['e2e zw review\u200b', 'b'], ['\u200be2e zw\u2060 review', 'c']]) {
      const answer = await save(name, keyword);
      expect(answer.errors).toBeUndefined();
      expect(answer.data.saveReview).toEqual({ name: 'e2e zw review', keywords: [keyword] });
    }
    const reviews = await app.graphql<any>('{ reviews { name } }');
    expect(reviews.data.reviews.filter((review: { name: string }) => review.name.replace(/[\u200b\u2060]/g, '') === 'e2e zw review')).toEqual([{ name: 'e2e zw review' }]);
    const found = await app.graphql<any>('query($name: String!) { review(name: $name) { name keywords } }', { name: 'e2e zw review\u200b' });
    expect(found.data.review).toEqual({ name: 'e2e zw review', keywords: ['c'] });
    const invisible = await save('\u200b\u2060', 'x');
    expect(invisible.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fieldErrors: [{ path: 'input.name' }] });
    const imported = await request(app.running.url).post('/imports?review=%E2%80%8B&fileName=a.ris').set('Authorization', `Bearer ${CURATOR_KEY}`).set('Content-Type', 'text/plain').send('TY  - JOUR\r\nTI  - An invisible review\r\nER  - \r\n');
    expect(imported.status).toBe(400);
    expect(imported.body.error.fieldErrors).toEqual([{ path: 'review', message: expect.stringMatching(/blank/) }]);
  });

  it('limits sign-in attempts per address', async () => {
    const limited = await startTestApp({ SEED_DEMO_DATA: 'false', RATE_LIMIT_ENABLED: 'true', RATE_LIMIT_SIGNINS_PER_ADDRESS: '3' });
    try {
      const attempts = [];
      for (let i = 0; i < 4; i++) attempts.push((await request(limited.running.url).post('/session').send({ apiKey: `wrong-key-${i}-0000000000` })).status);
      expect(attempts).toEqual([401, 401, 401, 429]);
      // Reading is not a sign-in: still open.
      expect((await request(limited.running.url).get('/session')).status).toBe(200);
    } finally {
      await limited.close();
    }
  });
});
