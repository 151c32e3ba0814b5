import { readFileSync } from 'node:fs';
import request from 'supertest';
import { fixturePath } from '../../src/literature/testing/fixtures';
import { CURATOR_KEY, startTestApp, TestApp } from '../support/test-app';

const IMPORT = `mutation($input: ImportPublicationsInput!) {
  importPublications(input: $input) {
    batchId source format review mode stored readToEnd recordsRead created merged skipped
    errorCount errors { recordNumber line field message }
    warningCount merges { recordNumber publicationId matchedOn withinFile filledFields }
    conflictCount conflicts { recordNumber publicationId field kept offered note }
    createdPublicationIds
  }
}`;

const fixture = (relative: string) => readFileSync(fixturePath(relative));

describe('literature import over GraphQL and POST /imports', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp();
  });

  afterAll(async () => {
    await app.close();
  });

  it('needs a curator key to import', async () => {
    const result = await app.graphql(IMPORT, { input: { text: 'TY  - JOUR\nTI  - X\nER  - \n' } });
    expect(result.errors![0].extensions!.code).toBe('UNAUTHENTICATED');
    const upload = await request(app.running.url).post('/imports').set('Content-Type', 'text/plain').send('TY  - JOUR\nTI  - X\nER  - \n');
    expect(upload.status).toBe(401);
    expect(upload.body.error.code).toBe('UNAUTHENTICATED');
  });

  it('imports posted text, uploads of the same records in other formats merge, and PRISMA counts them', async () => {
    const review = 'e2e dinosaur review';
    const posted = await app.graphql<{ importPublications: any }>(IMPORT, { input: { text: fixture('ris/rayyan-10-records.ris').toString('utf8'), fileName: 'rayyan.ris', review } }, CURATOR_KEY);
    expect(posted.errors).toBeUndefined();
    expect(posted.data!.importPublications).toMatchObject({ stored: true, format: 'RIS', mode: 'ATOMIC', recordsRead: 10, created: 10, merged: 0, source: 'rayyan.ris', review });

    // A multipart upload, options as form fields before the file.
    const csv = await request(app.running.url)
      .post('/imports')
      .set('Authorization', `Bearer ${CURATOR_KEY}`)
      .field('review', review)
      .attach('file', fixture('csv/rayyan-10-records.csv'), 'rayyan-10-records.csv');
    expect(csv.status).toBe(200);
    expect(csv.body).toMatchObject({ stored: true, format: 'CSV', source: 'rayyan-10-records.csv', recordsRead: 10, created: 0, merged: 10, review });

    // The file as the raw body, options as query parameters.
    const zotero = await request(app.running.url)
      .post('/imports')
      .query({ review, fileName: 'zotero.csv', format: 'csv', mode: 'partial' })
      .set('Authorization', `Bearer ${CURATOR_KEY}`)
      .set('Content-Type', 'application/octet-stream')
      .send(fixture('csv/zotero-10-records.csv'));
    expect(zotero.status).toBe(200);
    expect(zotero.body).toMatchObject({ stored: true, mode: 'PARTIAL', source: 'zotero.csv', created: 0, merged: 10 });

    const batches = await app.graphql<{ importBatches: any[] }>(`query($review: String) { importBatches(review: $review) { source format recordsRead created merged importedBy publicationIds } }`, { review }, CURATOR_KEY);
    expect(batches.errors).toBeUndefined();
    expect(batches.data!.importBatches.map((batch) => [batch.source, batch.format, batch.created, batch.merged, batch.importedBy])).toEqual([
      ['rayyan.ris', 'RIS', 10, 0, 'curator'],
      ['rayyan-10-records.csv', 'CSV', 0, 10, 'curator'],
      ['zotero.csv', 'CSV', 0, 10, 'curator'],
    ]);

    const prisma = await app.graphql<{ prismaIdentification: any }>(
      `query($review: String) { prismaIdentification(review: $review) { review recordsIdentified duplicatesRemoved recordsRemaining recordsNotImported sources { source recordsRead recordsImported } } }`,
      { review },
    );
    expect(prisma.errors).toBeUndefined();
    expect(prisma.data!.prismaIdentification).toMatchObject({ review, recordsIdentified: 30, duplicatesRemoved: 20, recordsRemaining: 10, recordsNotImported: 0 });
    expect(prisma.data!.prismaIdentification.sources).toHaveLength(3);
  });

  it('answers NOT_FOUND for PRISMA identification and the import summary of a review nobody imported into or saved (they were zeros), and zeros for a saved one', async () => {
    // GET /exports/prisma, the CLI and prismaCounts already refused a misspelt review; these drew it as a review without imports.
    const query = 'query($review: String) { prismaIdentification(review: $review) { recordsIdentified } importSummary(review: $review) { sources { source } } }';
    for (const field of ['prismaIdentification(review: $review) { recordsIdentified }', 'importSummary(review: $review) { sources { source } }']) {
      const misspelt = await app.graphql<any>(`query($review: String) { ${field} }`, { review: 'EBP complicatons' }, CURATOR_KEY);
      expect(misspelt.errors?.map((error) => [error.extensions?.code, error.message])).toEqual([['NOT_FOUND', 'Review EBP complicatons does not exist']]);
    }
    await app.graphql('mutation { saveReview(input: { name: "Saved, nothing imported yet" }) { name } }', undefined, CURATOR_KEY);
    const saved = await app.graphql<any>(query, { review: 'Saved, nothing imported yet' }, CURATOR_KEY);
    expect(saved.errors).toBeUndefined();
    expect(saved.data).toEqual({ prismaIdentification: { recordsIdentified: 0 }, importSummary: { sources: [] } });
  });

  it('answers 422 with the report when an ATOMIC upload has errors, and stores nothing', async () => {
    const broken = readFileSync(fixturePath('pubmed_xml/pubmed-10-records-5-case-reports.xml'), 'utf8').slice(0, 30_000);
    const upload = await request(app.running.url).post('/imports').set('Authorization', `Bearer ${CURATOR_KEY}`).attach('file', Buffer.from(broken), 'broken.xml');
    expect(upload.status).toBe(422);
    expect(upload.body).toMatchObject({ stored: false, batchId: null, readToEnd: false, created: 0, errorCount: 1 });
    expect(upload.body.errors[0].message).toMatch(/^PubMed XML record \d+, line \d+: malformed XML: .*not read\.$/);
    const batches = await app.graphql<{ importBatches: any[] }>(`{ importBatches { source } }`, {}, CURATOR_KEY);
    expect(batches.data!.importBatches.map((batch) => batch.source)).not.toContain('broken.xml');
  });

  it('answers at once when the importer stops early in a large upload (the rest of the body is drained)', async () => {
    const body = Buffer.concat([Buffer.from('<PubmedArticleSet><PubmedArticle></Oops>'), Buffer.alloc(3 * 1024 * 1024, ' ')]);
    for (const send of [
      () => request(app.running.url).post('/imports').set('Authorization', `Bearer ${CURATOR_KEY}`).attach('file', body, 'early.xml'),
      () => request(app.running.url).post('/imports').query({ fileName: 'early.xml' }).set('Authorization', `Bearer ${CURATOR_KEY}`).set('Content-Type', 'application/xml').send(body),
    ]) {
      const response = await send();
      expect(response.status).toBe(422);
      expect(response.body).toMatchObject({ stored: false, recordsRead: 0 });
    }
  });

  it('reports bad options with their field', async () => {
    const upload = await request(app.running.url).post('/imports').query({ format: 'docx' }).set('Authorization', `Bearer ${CURATOR_KEY}`).set('Content-Type', 'text/plain').send('x');
    expect(upload.status).toBe(400);
    expect(upload.body.error).toMatchObject({ code: 'BAD_USER_INPUT', fieldErrors: [{ path: 'format', message: expect.stringMatching(/must be one of/) }] });
    const json = await request(app.running.url).post('/imports').set('Authorization', `Bearer ${CURATOR_KEY}`).send({ text: 'TY  - JOUR' });
    expect(json.status).toBe(400);
    expect(json.body.error.fieldErrors[0].message).toMatch(/multipart\/form-data/);
    const noFile = await request(app.running.url).post('/imports').set('Authorization', `Bearer ${CURATOR_KEY}`).field('review', 'x');
    expect(noFile.status).toBe(400);
    expect(noFile.body.error.fieldErrors[0]).toMatchObject({ path: 'file' });
    const result = await app.graphql(IMPORT, { input: { text: 'TY  - JOUR\nTI  - X\nER  - \n', review: 'r'.repeat(201) } }, CURATOR_KEY);
    expect(result.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fieldErrors: [{ path: 'input.review', message: 'must be at most 200 characters' }] });
    // A review given but blank is a mistake, not "no review": the file would land outside the review's PRISMA numbers.
    const before = (await app.graphql<any>('{ publications { totalCount } }')).data.publications.totalCount;
    const blank = await app.graphql(IMPORT, { input: { text: 'TY  - JOUR\nTI  - Blank review\nER  - \n', review: '   ' } }, CURATOR_KEY);
    expect(blank.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fieldErrors: [{ path: 'input.review', message: expect.stringMatching(/is blank/) }] });
    expect((await app.graphql<any>('{ publications { totalCount } }')).data.publications.totalCount).toBe(before);
  });

  it('reads a CSV whose header is not recognised with a column mapping (GraphQL list, form field), and refuses it without one naming the columns', async () => {
    const text = fixture('csv-dialects/unknown-header.csv').toString('utf8');
    const refused = await app.graphql<{ importPublications: any }>(IMPORT, { input: { text, fileName: 'mapped.csv' } }, CURATOR_KEY);
    expect(refused.data!.importPublications).toMatchObject({ stored: false, recordsRead: 0 });
    expect(refused.data!.importPublications.errors[0].message).toContain('found: Ref, Paper name, Writers, Published, Periodical name, Identifier');

    const columns = [
      { field: 'TITLE', column: 'Paper name' },
      { field: 'AUTHORS', column: 'Writers' },
      { field: 'YEAR', column: 'Published' },
      { field: 'JOURNAL', column: 'Periodical name' },
      { field: 'DOI', column: 'Identifier' },
    ];
    const posted = await app.graphql<{ importPublications: any }>(IMPORT, { input: { text, fileName: 'mapped.csv', review: 'mapped columns', columns } }, CURATOR_KEY);
    expect(posted.errors).toBeUndefined();
    expect(posted.data!.importPublications).toMatchObject({ stored: true, format: 'CSV', recordsRead: 2, errorCount: 0 });

    const upload = await request(app.running.url)
      .post('/imports')
      .set('Authorization', `Bearer ${CURATOR_KEY}`)
      .field('review', 'mapped columns')
      .field('columns', 'title=Paper name,authors=Writers,year=Published,journal=Periodical name,doi=Identifier')
      .attach('file', fixture('csv-dialects/unknown-header.csv'), 'unknown-header.csv');
    expect(upload.status).toBe(200);
    expect(upload.body).toMatchObject({ stored: true, recordsRead: 2, created: 0, merged: 2 });

    const bad = await request(app.running.url).post('/imports').query({ columns: 'colour=Red' }).set('Authorization', `Bearer ${CURATOR_KEY}`).set('Content-Type', 'text/plain').send('x');
    expect(bad.status).toBe(400);
    expect(bad.body.error.fieldErrors[0]).toMatchObject({ path: 'columns', message: expect.stringMatching(/not a field that can be mapped/) });
    // An inherited key was a field: the mapping was taken, the title column went unread, and the answer was "the record has no title".
    for (const field of ['constructor', 'Constructor', 'hasOwnProperty', '__proto__']) {
      const inherited = await request(app.running.url).post('/imports').query({ columns: `${field}=Paper name` }).set('Authorization', `Bearer ${CURATOR_KEY}`).set('Content-Type', 'text/plain').send('x');
      expect(inherited.status).toBe(400);
      expect(inherited.body.error.fieldErrors[0]).toMatchObject({ path: 'columns', message: expect.stringContaining(`"${field}" is not a field that can be mapped`) });
    }
    const twice = await app.graphql(IMPORT, { input: { text, columns: [columns[0], { field: 'TITLE', column: 'Ref' }] } }, CURATOR_KEY);
    expect(twice.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fieldErrors: [{ path: 'input.columns.1.field', message: 'title is mapped twice' }] });
  });

  it('turns an imported publication into several case reports in one transaction', async () => {
    const imported = await app.graphql<{ importPublications: any }>(
      IMPORT,
      // Hand curation only: the import's own proposals (two patients, from the title) are off here.
      { input: { text: 'TY  - JOUR\nTI  - Two parturients with a spinal subdural hematoma after an epidural blood patch\nAU  - Curie, M\nPY  - 2022\nDO  - 10.5555/two-cases\nER  - \n', extractCases: false } },
      CURATOR_KEY,
    );
    const publicationId = imported.data!.importPublications.createdPublicationIds[0];
    const CREATE = `mutation($id: ID!, $inputs: [CaseReportOfPublicationInput!]!) { createCaseReports(publicationId: $id, inputs: $inputs) { id label outcome publication { id doi } complications { term { key } } } }`;
    const cases = [
      { label: 'Case 1', sex: 'FEMALE', pregnancyStatus: 'POSTPARTUM', outcome: 'FULL_RECOVERY', procedures: [{ term: 'epidural-blood-patch', bloodVolumeMl: 20 }], complications: [{ term: 'spinal-subdural-hematoma', procedureIndex: 0 }] },
      { label: 'Case 2', sex: 'FEMALE', pregnancyStatus: 'POSTPARTUM', procedures: [{ term: 'epidural-blood-patch' }], complications: [{ term: 'spinal-subdural-hematoma', procedureIndex: 0 }] },
    ];

    // One bad term in the second case: neither case is created.
    const failed = await app.graphql(CREATE, { id: publicationId, inputs: [cases[0], { ...cases[1], complications: [{ term: 'no-such-term' }] }] }, CURATOR_KEY);
    expect(failed.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fieldErrors: [{ path: 'inputs.1.complications.0.term' }] });
    // Unknown terms in several cases: every one is named in one answer, not only the first case's.
    const both = await app.graphql(CREATE, { id: publicationId, inputs: [{ ...cases[0], treatments: [{ term: 'no-such-treatment' }] }, { ...cases[1], complications: [{ term: 'no-such-term' }] }] }, CURATOR_KEY);
    expect(both.errors![0].extensions!.code).toBe('BAD_USER_INPUT');
    expect((both.errors![0].extensions!.fieldErrors as { path: string }[]).map((error) => error.path)).toEqual(['inputs.0.treatments.0.term', 'inputs.1.complications.0.term']);
    const none = await app.graphql<{ caseReports: { edges: { node: { publicationId: string } }[] } }>(`{ caseReports(first: 100) { edges { node { publicationId } } } }`);
    expect(none.errors).toBeUndefined();
    expect(none.data!.caseReports.edges.map((edge) => edge.node.publicationId)).not.toContain(publicationId);

    const created = await app.graphql<{ createCaseReports: any[] }>(CREATE, { id: publicationId, inputs: cases }, CURATOR_KEY);
    expect(created.errors).toBeUndefined();
    expect(created.data!.createCaseReports.map((c) => [c.label, c.outcome, c.publication.doi, c.complications[0].term.key])).toEqual([
      ['Case 1', 'FULL_RECOVERY', '10.5555/two-cases', 'spinal-subdural-hematoma'],
      ['Case 2', 'UNKNOWN', '10.5555/two-cases', 'spinal-subdural-hematoma'],
    ]);

    const missing = await app.graphql(CREATE, { id: '00000000-0000-4000-8000-000000000000', inputs: cases }, CURATOR_KEY);
    expect(missing.errors![0].extensions!.code).toBe('NOT_FOUND');
    const empty = await app.graphql(CREATE, { id: publicationId, inputs: [] }, CURATOR_KEY);
    expect(empty.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fieldErrors: [{ path: 'inputs' }] });
  });
});

describe('POST /imports size limit', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp({ IMPORT_MAX_BYTES: '4096', SEED_DEMO_DATA: 'false' });
  });

  afterAll(async () => {
    await app.close();
  });

  it('refuses a file over IMPORT_MAX_BYTES with 413 (upload) or BAD_USER_INPUT (posted text), storing nothing', async () => {
    const big = fixture('ris/rayyan-10-records.ris');
    expect(big.length).toBeGreaterThan(4096);
    const upload = await request(app.running.url).post('/imports').set('Authorization', `Bearer ${CURATOR_KEY}`).attach('file', big, 'big.ris');
    expect(upload.status).toBe(413);
    expect(upload.body.error.fieldErrors[0]).toMatchObject({ path: 'file', message: expect.stringMatching(/larger than the import limit of 4096 bytes .*IMPORT_MAX_BYTES/) });
    // Every parser stops on the limit, the CSV one (a Node stream pipeline inside) too.
    const csv = await request(app.running.url).post('/imports').set('Authorization', `Bearer ${CURATOR_KEY}`).set('Content-Type', 'text/csv').send(fixture('csv/zotero-10-records.csv'));
    expect(csv.status).toBe(413);
    const posted = await app.graphql(IMPORT, { input: { text: big.toString('utf8') } }, CURATOR_KEY);
    expect(posted.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fieldErrors: [{ path: 'input.text' }] });
    const batches = await app.graphql<{ importBatches: any[] }>(`{ importBatches { id } }`, {}, CURATOR_KEY);
    expect(batches.data!.importBatches).toEqual([]);
  });
});
