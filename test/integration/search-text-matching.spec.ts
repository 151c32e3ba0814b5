import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { buildDataSourceOptions } from '../../src/database/data-source-options';
import { PostgresSearchEngine } from '../../src/search/engines/postgres/postgres-search.engine';
import { SqlParams, tsquerySql } from '../../src/search/engines/postgres/postgres-query.builder';
import { SearchDocument } from '../../src/search/indexing/search-document';
import { parseTextQuery } from '../../src/search/query/text-query.parser';
import { searchQuery } from '../contract/search.contract';
import { caseId, FIXTURE_DOCUMENTS, generatedDocuments } from '../contract/search-fixture.factory';
import { createTestDatabase, TestDatabase } from '../support/database';

/**
 * The embedded engine matches text in memory (TextPostings) over the lexemes PostgreSQL analysed.
 * Here every answer is checked against PostgreSQL's own `search_vector @@ tsquery` on the real server,
 * for texts users type, hostile ones included, before and after writes (the in-memory overlay).
 */
const TEXTS = [
  'hematoma',
  'haematoma',
  'spinal subdural',
  '"spinal subdural"',
  '"spinal subdural hematoma" OR arachnoiditis',
  'hematoma -intracranial',
  '-hematoma',
  '-"spinal hematoma" -headache',
  'zanzibar OR arachnoiditis',
  'PDPH',
  '"zanzibar',
  'post-dural puncture',
  '"post-dural puncture headache"',
  'blood patch -"epidural blood patch"',
  '"blood patch" OR hygroma -steroid',
  "O'Neil's hematoma",
  'back\\slash & | ! <-> :* ( ) \'',
  'the of and',
  'hematoma the -of',
  'Éclampsia straße',
  'T12-L1 20 mL',
  'generated report 7',
  '"report 7" OR "report 12"',
  'subarachnoid OR "labour epidural" OR lumbar',
];

describe('in-memory text matching agrees with PostgreSQL', () => {
  let database: TestDatabase;
  let dataSource: DataSource;
  let engine: PostgresSearchEngine;

  beforeAll(async () => {
    database = await createTestDatabase();
    dataSource = await new DataSource(buildDataSourceOptions({ url: database.url, poolSize: 2 })).initialize();
    engine = new PostgresSearchEngine(dataSource);
    await engine.ensureIndex();
    await engine.upsert([...FIXTURE_DOCUMENTS(), ...generatedDocuments(300)]);
  });

  afterAll(async () => {
    await dataSource?.destroy();
    await database?.drop();
  });

  const byEngine = async (text: string) => (await engine.search(searchQuery({ text, first: 1_000, highlight: false }))).hits.map((hit) => hit.caseReportId).sort();
  const byPostgres = async (text: string) => {
    const parsed = parseTextQuery(text);
    if (!parsed) return [];
    const params = new SqlParams();
    const rows = (await dataSource.query(`SELECT case_report_id FROM search_case_document WHERE search_vector @@ (${tsquerySql(parsed, params)})`, params.values)) as { case_report_id: string }[];
    return rows.map((row) => row.case_report_id).sort();
  };

  const expectAgreement = async () => {
    let nonEmpty = 0;
    for (const text of TEXTS) {
      const expected = await byPostgres(text);
      if (expected.length) nonEmpty++;
      expect({ text, ids: await byEngine(text) }).toEqual({ text, ids: expected });
    }
    // The list must exercise matching, not only empty answers.
    expect(nonEmpty).toBeGreaterThan(TEXTS.length / 2);
  };

  it('finds exactly the cases PostgreSQL finds', async () => {
    await expectAgreement();
  });

  it('still does after rewrites, additions and deletions held in memory', async () => {
    await engine.search(searchQuery({ text: 'warm the index' }));
    const [first] = FIXTURE_DOCUMENTS();
    const rewritten: SearchDocument = { ...first, title: "Zanzibar arachnoiditis after a blood patch: O'Neil's case", summary: 'No hematoma here.', loadedAt: new Date(Date.now() + 1_000).toISOString() };
    const added = generatedDocuments(5, 900_000).map((doc) => ({ ...doc, summary: `${doc.summary} spinal subdural hematoma after a labour epidural` }));
    await engine.upsert([rewritten, ...added]);
    await engine.delete([caseId(2), caseId(3)]);
    await expectAgreement();
    expect(await byEngine('zanzibar arachnoiditis')).toContain(first.caseReportId);
  });

  it('ranks a title match above a match in the narrative alone, and a rare word above a common one', async () => {
    const [a, b, c] = generatedDocuments(3, 950_000);
    await engine.upsert([
      { ...a, title: 'Zygomycosis after a blood patch', summary: 'A case.' },
      { ...b, title: 'A case report', summary: 'Zygomycosis followed a blood patch.' },
      { ...c, title: 'A case report', summary: 'Nothing of note.' },
    ]);
    const result = await engine.search(searchQuery({ text: 'zygomycosis', highlight: false }));
    expect(result.hits.map((hit) => hit.caseReportId)).toEqual([a.caseReportId, b.caseReportId]);
    expect(result.hits[0].score).toBeGreaterThan(result.hits[1].score as number);
    // "zygomycosis OR blood": the rare word lifts the case that has both above those with "blood" only.
    const either = await engine.search(searchQuery({ text: 'zygomycosis OR blood', highlight: false, first: 1_000 }));
    const scoreOf = (id: string) => either.hits.find((hit) => hit.caseReportId === id)?.score as number;
    const bloodOnly = either.hits.filter((hit) => ![a.caseReportId, b.caseReportId].includes(hit.caseReportId));
    expect(bloodOnly.length).toBeGreaterThan(0);
    expect(scoreOf(b.caseReportId)).toBeGreaterThan(Math.max(...bloodOnly.map((hit) => hit.score as number)));
  });

  it('highlights only the fields that hold a query word, as ts_headline marks them', async () => {
    const result = await engine.search(searchQuery({ text: 'zygomycosis -steroid' }));
    const fields = (id: number) => result.hits[id].highlights.map((h) => h.field).sort();
    expect(fields(0)).toEqual(['title']);
    expect(result.hits[0].highlights[0].snippets.join(' ')).toContain('<mark>Zygomycosis</mark>');
    expect(fields(1)).toEqual(['summary']);
  });
});
