import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import request from 'supertest';
import { PostgresQueryRunner } from 'typeorm/driver/postgres/PostgresQueryRunner';
import { printSortedSchema } from '../../src/graphql/schema-printer';
import { ADMIN_KEY, CURATOR_KEY, startTestApp, TestApp } from '../support/test-app';

const CASE_FIELDS = `
  id label ageYears ageGroup sex pregnancyStatus anticoagulation outcome
  publication { id title titleStatus year doi pmid authors { family given } }
  procedures { position term { key label } bloodVolumeMl }
  complications { term { key label meshUi parent { key } } procedure { position } symptoms { key } }
  treatments { term { key parent { key } } }
  comorbidities { key }
`;

describe('case reports over GraphQL (demo corpus)', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp();
  });

  afterAll(async () => {
    await app.close();
  });

  it('serves the 23 demo cases with their publications and terms', async () => {
    const result = await app.graphql<{ caseReports: { totalCount: number; edges: { node: Record<string, any> }[] } }>(`{ caseReports(first: 100) { totalCount edges { node { ${CASE_FIELDS} } } } }`);
    expect(result.errors).toBeUndefined();
    expect(result.data!.caseReports.totalCount).toBe(23);
    const nodes = result.data!.caseReports.edges.map((edge) => edge.node);
    expect(nodes).toHaveLength(23);
    for (const node of nodes) {
      // A title is there unless the sources give none, and then the status says so (never a placeholder).
      if (node.publication.titleStatus === 'NOT_RECORDED') expect(node.publication.title).toBeNull();
      else expect(node.publication.title).toBeTruthy();
      expect(node.complications.length).toBeGreaterThan(0);
    }
    const mcInerney = nodes.find((node) => node.publication.doi === '10.1155/2020/8925731');
    expect(mcInerney).toBeDefined();
    expect(mcInerney!.publication.pmid).toBe('32257448');
    expect(mcInerney!.publication.authors[0]).toEqual({ family: 'McInerney', given: 'HJ' });
    expect(mcInerney!.complications[0].term.key).toBe('intrathecal-hematoma');
    // Unknown is a value: cases whose outcome was not reported say so.
    expect(nodes.filter((node) => node.outcome === 'UNKNOWN')).toHaveLength(7);
    expect(nodes.filter((node) => node.outcome === 'FULL_RECOVERY')).toHaveLength(9);
  });

  it('pages through case reports with cursors, without gaps or repeats', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    for (let page = 0; page < 10; page++) {
      const result: any = await app.graphql(`query($after: String) { caseReports(first: 5, after: $after) { edges { node { id } } pageInfo { hasNextPage endCursor } } }`, { after });
      seen.push(...result.data.caseReports.edges.map((edge: any) => edge.node.id));
      if (!result.data.caseReports.pageInfo.hasNextPage) break;
      after = result.data.caseReports.pageInfo.endCursor;
    }
    expect(seen).toHaveLength(23);
    expect(new Set(seen).size).toBe(23);
  });

  it('lists complications as a tree with MeSH ids', async () => {
    const result = await app.graphql<{ vocabularyTerms: any[] }>(`{ vocabularyTerms(kind: COMPLICATION, rootsOnly: true) { key children { key meshUi children { key } } } }`);
    expect(result.errors).toBeUndefined();
    const hematoma = result.data!.vocabularyTerms.find((term) => term.key === 'hematoma');
    expect(hematoma).toBeDefined();
    const spinal = hematoma.children.find((term: any) => term.key === 'spinal-hematoma');
    expect(spinal.children.map((term: any) => term.key)).toEqual(expect.arrayContaining(['spinal-epidural-hematoma', 'spinal-subdural-hematoma', 'intrathecal-hematoma']));
  });

  it('batches nested lookups: the number of SQL queries does not grow with the page size', async () => {
    // The search indexer reads cases in the background until the demo corpus is indexed; count after that,
    // and leave out its polling of the outbox.
    for (let attempt = 0; attempt < 100; attempt++) {
      const status = await app.graphql<{ searchIndexStatus: { outboxDepth: number } }>('{ searchIndexStatus { outboxDepth } }');
      if (status.data?.searchIndexStatus.outboxDepth === 0) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const spy = jest.spyOn(PostgresQueryRunner.prototype, 'query');
    const isRequestQuery = (sql: unknown) => typeof sql === 'string' && !/search_|indexer/i.test(sql) && !/^(START TRANSACTION|COMMIT|ROLLBACK)/i.test(sql);
    const countFor = async (first: number) => {
      spy.mockClear();
      const result = await app.graphql(`{ caseReports(first: ${first}) { edges { node { ${CASE_FIELDS} } } } }`);
      expect(result.errors).toBeUndefined();
      return spy.mock.calls.filter(([sql]) => isRequestQuery(sql)).length;
    };
    const small = await countFor(3);
    const large = await countFor(23);
    spy.mockRestore();
    // Term lookups batch per event-loop tick, so the count can differ by one or two between runs;
    // one query per case (N+1) would add 20 or more here.
    expect(large).toBeLessThanOrEqual(small + 2);
    expect(large).toBeLessThan(20);
  });

  it('serves an offline GraphQL explorer at /graphql', async () => {
    const page = await request(app.running.url).get('/graphql').set('Accept', 'text/html');
    expect(page.status).toBe(200);
    expect(page.text).toContain('GraphiQL');
    const sources = [...page.text.matchAll(/(?:src|href)="([^"]+)"/g)].map((match) => match[1]);
    expect(sources.length).toBeGreaterThanOrEqual(4);
    for (const source of sources) {
      expect(source).toMatch(/^\/explorer-assets\//);
      const asset = await request(app.running.url).get(source);
      expect(asset.status).toBe(200);
      expect(asset.text.length).toBeGreaterThan(1000);
    }
    expect((await request(app.running.url).get('/explorer-assets/..%2Fpackage.json')).status).toBe(404);
  });

  it('reports the database state at /health', async () => {
    const health = await request(app.running.url).get('/health');
    expect(health.status).toBe(200);
    expect(health.body).toMatchObject({ status: 'ok', info: { database: { status: 'up' } } });
  });

  it('keeps schema.graphql in step with the code (run npm run schema:generate when this fails)', () => {
    const committed = readFileSync(join(__dirname, '..', '..', 'schema.graphql'), 'utf8');
    expect(printSortedSchema(app.running.app.get(GraphQLSchemaHost).schema)).toBe(committed);
  });
});

describe('curating case reports over GraphQL', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp({ SEED_DEMO_DATA: 'false' });
  });

  afterAll(async () => {
    await app.close();
  });

  const CREATE_PUBLICATION = `mutation($input: CreatePublicationInput!) { createPublication(input: $input) { id doi pmid title } }`;
  const CREATE_CASE = `mutation($input: CreateCaseReportInput!) { createCaseReport(input: $input) { ${CASE_FIELDS} } }`;
  const counts = async () => (await app.graphql<any>(`{ publications { totalCount } caseReports { totalCount } }`)).data;

  it('refuses mutations without a key, with a wrong key, and with too low a role', async () => {
    const input = { title: 'An unauthenticated attempt' };
    const missing = await app.graphql(CREATE_PUBLICATION, { input });
    expect(missing.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    const wrong = await app.graphql(CREATE_PUBLICATION, { input }, 'not-a-real-key-at-all');
    expect(wrong.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect(JSON.stringify(wrong.errors)).not.toContain('not-a-real-key-at-all');
    const created = await app.graphql<any>(CREATE_PUBLICATION, { input: { title: 'To be deleted' } }, CURATOR_KEY);
    const forbidden = await app.graphql(`mutation($id: ID!) { deletePublication(id: $id) }`, { id: created.data.createPublication.id }, CURATOR_KEY);
    expect(forbidden.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const deleted = await app.graphql<any>(`mutation($id: ID!) { deletePublication(id: $id) }`, { id: created.data.createPublication.id }, ADMIN_KEY);
    expect(deleted.data.deletePublication).toBe(true);
    expect(await counts()).toEqual({ publications: { totalCount: 0 }, caseReports: { totalCount: 0 } });
  });

  it('creates, updates and deletes a case report whose facts stay linked', async () => {
    const publication = await app.graphql<any>(CREATE_PUBLICATION, { input: { title: 'Spinal subdural hematoma after a blood patch', doi: 'https://doi.org/10.1000/TEST.1', pmid: '12345678', year: 2021, authors: [{ family: 'Doe', given: 'J' }] } }, CURATOR_KEY);
    expect(publication.errors).toBeUndefined();
    expect(publication.data.createPublication.doi).toBe('10.1000/test.1');
    const created = await app.graphql<any>(
      CREATE_CASE,
      {
        input: {
          publicationId: publication.data.createPublication.id,
          label: 'Case 1',
          ageYears: 31.5,
          sex: 'FEMALE',
          pregnancyStatus: 'POSTPARTUM',
          procedures: [{ term: 'labour-epidural-analgesia' }, { term: 'D017217', bloodVolumeMl: 20, attemptNumber: 1 }],
          complications: [{ term: 'spinal-subdural-hematoma', procedureIndex: 1, onsetHours: 48, symptoms: ['back-pain'] }],
          treatments: [{ term: 'decompressive-laminectomy', complicationIndex: 0 }],
          outcome: 'FULL_RECOVERY',
        },
      },
      CURATOR_KEY,
    );
    expect(created.errors).toBeUndefined();
    const caseReport = created.data.createCaseReport;
    expect(caseReport.ageGroup).toBe('ADULT');
    expect(caseReport.anticoagulation).toBe('UNKNOWN');
    expect(caseReport.procedures.map((p: any) => p.term.key)).toEqual(['labour-epidural-analgesia', 'epidural-blood-patch']);
    expect(caseReport.complications[0].procedure).toEqual({ position: 1 });
    expect(caseReport.complications[0].term.parent.key).toBe('spinal-hematoma');

    const updated = await app.graphql<any>(`mutation($id: ID!, $input: UpdateCaseReportInput!) { updateCaseReport(id: $id, input: $input) { ageYears ageGroup outcome procedures { term { key } } } }`, { id: caseReport.id, input: { ageYears: 70, outcome: 'RESIDUAL_DEFICIT' } }, CURATOR_KEY);
    expect(updated.errors).toBeUndefined();
    expect(updated.data.updateCaseReport).toMatchObject({ ageYears: 70, ageGroup: 'OLDER_ADULT', outcome: 'RESIDUAL_DEFICIT' });
    expect(updated.data.updateCaseReport.procedures).toHaveLength(2);

    const removed = await app.graphql<any>(`mutation($id: ID!) { deleteCaseReport(id: $id) }`, { id: caseReport.id }, CURATOR_KEY);
    expect(removed.data.deleteCaseReport).toBe(true);
    const gone = await app.graphql(`query($id: ID!) { caseReport(id: $id) { id } }`, { id: caseReport.id });
    expect(gone.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    const malformed = await app.graphql(`{ caseReport(id: "nope") { id } }`);
    expect(malformed.errors?.[0].extensions).toEqual({ code: 'BAD_USER_INPUT', fieldErrors: [{ path: 'id', message: '"nope" is not a valid id (expected a UUID)' }] });
    const malformedMutation = await app.graphql(`mutation { updatePublication(id: "1", input: { title: "x" }) { id } }`, undefined, CURATOR_KEY);
    expect(malformedMutation.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('answers bad input with BAD_USER_INPUT, the path of every offending field, and stores nothing', async () => {
    const before = await counts();
    const publication = await app.graphql<any>(`{ publications(first: 1) { edges { node { id } } } }`);
    const publicationId = publication.data.publications.edges[0].node.id;
    const result = await app.graphql(
      CREATE_CASE,
      {
        input: {
          publicationId,
          label: '  ',
          ageYears: -2,
          sex: 'MALE',
          pregnancyStatus: 'PREGNANT',
          procedures: [{ term: 'epidural-blood-patch', needleGauge: 99 }],
          complications: [{ term: 'no-such-complication', procedureIndex: 3 }],
        },
      },
      CURATOR_KEY,
    );
    expect(result.errors).toHaveLength(1);
    const error = result.errors![0];
    expect(error.extensions?.code).toBe('BAD_USER_INPUT');
    const paths = (error.extensions?.fieldErrors as { path: string }[]).map((fieldError) => fieldError.path).sort();
    expect(paths).toEqual(['input.ageYears', 'input.complications.0.procedureIndex', 'input.label', 'input.pregnancyStatus', 'input.procedures.0.needleGauge']);

    const unknownTerm = await app.graphql(CREATE_CASE, { input: { publicationId, label: 'Case X', complications: [{ term: 'no-such-complication' }], treatments: [{ term: 'spinal-subdural-hematoma' }] } }, CURATOR_KEY);
    expect(unknownTerm.errors?.[0].extensions?.fieldErrors).toEqual([
      { path: 'input.complications.0.term', message: 'no complication term with id, MeSH UI or key "no-such-complication"' },
      { path: 'input.treatments.0.term', message: 'no treatment term with id, MeSH UI or key "spinal-subdural-hematoma"' },
    ]);

    const duplicate = await app.graphql(CREATE_PUBLICATION, { input: { title: 'Same DOI', doi: 'doi:10.1000/test.1', year: 3000 } }, CURATOR_KEY);
    expect(duplicate.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect((duplicate.errors?.[0].extensions?.fieldErrors as { path: string }[]).map((e) => e.path)).toEqual(['input.year']);
    const duplicateDoi = await app.graphql(CREATE_PUBLICATION, { input: { title: 'Same DOI', doi: 'doi:10.1000/test.1' } }, CURATOR_KEY);
    expect(duplicateDoi.errors?.[0].extensions?.fieldErrors).toEqual([{ path: 'input.doi', message: expect.stringContaining('already has DOI 10.1000/test.1') }]);

    const wrongEnum = await app.graphql(CREATE_CASE, { input: { publicationId, label: 'Case Y', sex: 'ALIEN' } }, CURATOR_KEY);
    expect(wrongEnum.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(wrongEnum.errors?.[0].message).toMatch(/input\.sex|ALIEN/);

    expect(await counts()).toEqual(before);
    for (const response of [result, unknownTerm, duplicate, wrongEnum]) {
      expect(JSON.stringify(response.errors)).not.toMatch(/stacktrace|SELECT|INSERT|at .*\.ts:/);
    }
  });
});
