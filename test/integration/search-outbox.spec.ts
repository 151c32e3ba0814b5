import 'reflect-metadata';
import { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { AppModule } from '../../src/app.module';
import { Outcome, PregnancyStatus, Sex } from '../../src/case-reports/case-report.enums';
import { loadConfig } from '../../src/config/app-config';
import { UnitOfWork } from '../../src/database/unit-of-work';
import { PublicationsService } from '../../src/publications/publications.service';
import { TitleStatus } from '../../src/publications/title-status.enum';
import { PUBLICATION_SEARCH_ENGINE, PublicationSearchEngine } from '../../src/search/publications/publication-search-engine.port';
import { PublicationSearchSort } from '../../src/search/publications/publication-search-query';
import { CaseCurationService } from '../../src/review/history/case-curation.service';
import { PostgresSearchEngine } from '../../src/search/engines/postgres/postgres-search.engine';
import { SearchDocument } from '../../src/search/indexing/search-document';
import { OutboxDrainer } from '../../src/search/indexing/outbox-drainer';
import { OutboxRepository } from '../../src/search/indexing/outbox.repository';
import { ReindexService } from '../../src/search/indexing/reindex.service';
import { CrossTabCountsRequest } from '../../src/search/query/cross-tab-counts';
import { SearchQuery, SearchSort } from '../../src/search/query/search-query';
import { parseTextQuery } from '../../src/search/query/text-query.parser';
import { IndexBuild, SEARCH_ENGINE, SearchEngine } from '../../src/search/search-engine.port';
import { SearchService } from '../../src/search/search.service';
import { createTestDatabase, TestDatabase } from '../support/database';

/** The embedded engine behind a switch: `down` makes every call fail as an unreachable engine would. */
class SwitchableEngine implements SearchEngine {
  readonly name = 'postgres';
  down = false;
  /** Called before each write into a reindex build; a test can hold the reindex there. */
  beforeBuildWrite: (() => Promise<void>) | null = null;

  constructor(private readonly inner: PostgresSearchEngine) {}

  private check(): void {
    if (this.down) throw new Error('connect ECONNREFUSED (search engine down for the test)');
  }
  ensureIndex() {
    this.check();
    return this.inner.ensureIndex();
  }
  search(query: SearchQuery) {
    this.check();
    return this.inner.search(query);
  }
  crossTab(query: SearchQuery, request: CrossTabCountsRequest) {
    this.check();
    return this.inner.crossTab(query, request);
  }
  async upsert(documents: SearchDocument[], into?: IndexBuild) {
    this.check();
    if (into && this.beforeBuildWrite) await this.beforeBuildWrite();
    return this.inner.upsert(documents, into);
  }
  delete(ids: string[]) {
    this.check();
    return this.inner.delete(ids);
  }
  deleteByPublications(publicationIds: string[], keep: string[]) {
    this.check();
    return this.inner.deleteByPublications(publicationIds, keep);
  }
  createIndex() {
    this.check();
    return this.inner.createIndex();
  }
  swapIndex(build: IndexBuild) {
    this.check();
    return this.inner.swapIndex(build);
  }
  dropIndex(build: IndexBuild) {
    return this.inner.dropIndex(build);
  }
  count() {
    this.check();
    return this.inner.count();
  }
  async ping() {
    return !this.down && this.inner.ping();
  }
}

interface Harness {
  app: INestApplication;
  engine: SwitchableEngine;
  pg: PostgresSearchEngine;
  drainer: OutboxDrainer;
  outbox: OutboxRepository;
  publications: PublicationsService;
  cases: CaseCurationService;
  search: SearchService;
  uow: UnitOfWork;
}

async function startHarness(database: TestDatabase, seedDemo = true): Promise<Harness> {
  const config = loadConfig({ DATABASE_URL: database.url, LOG_LEVEL: 'error', SEED_DEMO_DATA: seedDemo ? 'true' : 'false' });
  const moduleRef = await Test.createTestingModule({ imports: [AppModule.forRoot({ config, databaseUrl: database.url, poolSize: 4 })] })
    .overrideProvider(SEARCH_ENGINE)
    .useFactory({ factory: (pg: PostgresSearchEngine) => new SwitchableEngine(pg), inject: [PostgresSearchEngine] })
    .compile();
  const app = moduleRef.createNestApplication({ logger: ['error'] });
  await app.init();
  return {
    app,
    engine: app.get(SEARCH_ENGINE),
    pg: app.get(PostgresSearchEngine),
    drainer: app.get(OutboxDrainer),
    outbox: app.get(OutboxRepository),
    publications: app.get(PublicationsService),
    cases: app.get(CaseCurationService),
    search: app.get(SearchService),
    uow: app.get(UnitOfWork),
  };
}

const query = (text?: string, extra: Partial<SearchQuery> = {}): SearchQuery => ({ text: parseTextQuery(text), filters: {}, facets: [], sort: SearchSort.YEAR_DESC, page: { first: 100, after: null }, highlight: false, ...extra });

/** What the index holds, read through the engine itself: case id -> outcome (one filtered search per outcome). */
async function indexed(h: Harness): Promise<Map<string, string>> {
  const outcomes = new Map<string, string>();
  for (const outcome of Object.values(Outcome)) {
    const result = await h.pg.search(query(undefined, { filters: { outcomes: [outcome] }, page: { first: 1000, after: null } }));
    for (const hit of result.hits) outcomes.set(hit.caseReportId, outcome);
  }
  return outcomes;
}

/** The index agrees with the database: same cases, each with the case's current outcome. */
async function expectIndexMatchesDatabase(h: Harness): Promise<void> {
  const rows: { id: string; outcome: string }[] = await h.uow.reader.query('SELECT id, outcome FROM case_report ORDER BY id');
  const index = await indexed(h);
  expect([...index.entries()].sort(([a], [b]) => a.localeCompare(b))).toEqual(rows.map((row) => [row.id, row.outcome]));
  expect(await h.pg.count()).toBe(rows.length);
}

async function newCase(h: Harness, title: string, outcome = Outcome.FULL_RECOVERY) {
  const publication = await h.publications.create({ title, year: 2024 } as never);
  return h.cases.create({
    publicationId: publication.id,
    label: 'Case 1',
    sex: Sex.FEMALE,
    pregnancyStatus: PregnancyStatus.POSTPARTUM,
    outcome,
    procedures: [{ term: 'epidural-blood-patch', bloodVolumeMl: 18 }],
    complications: [{ term: 'intrathecal-hematoma', procedureIndex: 0, symptoms: ['back-pain'] }],
    treatments: [],
  } as never);
}

describe('search outbox', () => {
  let database: TestDatabase;
  let h: Harness;

  beforeAll(async () => {
    database = await createTestDatabase();
    h = await startHarness(database);
    await h.drainer.drainAll();
  });

  afterAll(async () => {
    await h?.app.close();
    await database?.drop();
  });

  it('indexes the demo corpus from the outbox it was written with', async () => {
    expect(await h.pg.count()).toBe(23);
    await expectIndexMatchesDatabase(h);
    expect(await h.outbox.depth()).toEqual({ depth: 0, oldestPendingAt: null });
  });

  it('loses nothing while the engine is down: writes succeed, wait in the outbox, and arrive when it is back', async () => {
    h.engine.down = true;
    const [first, second] = await h.app.get(UnitOfWork).reader.query('SELECT id FROM case_report ORDER BY id LIMIT 2');
    const created = await newCase(h, 'Written while the engine was down');
    await h.cases.update(first.id, { outcome: Outcome.DEATH } as never);
    await h.cases.delete(second.id);
    await expect(h.drainer.drainOnce()).rejects.toThrow(/ECONNREFUSED/);
    const status = await h.search.status();
    expect(status).toMatchObject({ reachable: false });
    expect(status.outboxDepth).toBeGreaterThanOrEqual(3);
    expect(status.oldestPendingAt).toBeInstanceOf(Date);

    h.engine.down = false;
    await h.drainer.drainAll();
    expect(await h.outbox.depth()).toEqual({ depth: 0, oldestPendingAt: null });
    await expectIndexMatchesDatabase(h);
    const index = await indexed(h);
    expect(index.get(created.id)).toBe(Outcome.FULL_RECOVERY);
    expect(index.get(first.id)).toBe(Outcome.DEATH);
    expect(index.has(second.id)).toBe(false);
  });

  it('re-indexes the cases of a changed publication and of a changed vocabulary term', async () => {
    const created = await newCase(h, 'A title before the change');
    await h.drainer.drainAll();
    await h.publications.update(created.publicationId, { title: 'Capybara title after the change' } as never);
    await h.drainer.drainAll();
    expect((await h.pg.search(query('capybara'))).hits.map((hit) => hit.caseReportId)).toEqual([created.id]);

    // Curation renames a parent term: every case using it or a narrower term is re-indexed.
    await h.uow.run(async (tx) => {
      const [rows] = await tx.query(`UPDATE vocabulary_term SET label = 'Spinal wombat hematoma' WHERE kind = 'COMPLICATION' AND key = 'spinal-hematoma' RETURNING id`);
      await h.outbox.record(tx, 'vocabulary_term', [rows[0].id]);
    });
    await h.drainer.drainAll();
    const expected: { id: string }[] = await h.uow.reader.query(
      `SELECT DISTINCT c.case_report_id AS id FROM case_complication c JOIN vocabulary_term t ON t.id = c.term_id LEFT JOIN vocabulary_term p ON p.id = t.parent_id
       WHERE t.key = 'spinal-hematoma' OR p.key = 'spinal-hematoma' ORDER BY 1`,
    );
    expect(expected.length).toBeGreaterThan(5);
    const found = await h.pg.search(query('wombat'));
    expect(found.hits.map((hit) => hit.caseReportId).sort()).toEqual(expected.map((row) => row.id));
  });

  it('re-indexes the citation tie-break when a publication is edited: a title filled in later', async () => {
    const citation = { authors: [{ family: 'Numbat', given: 'A' }], journal: 'Int J Obstet Anesth', year: 2021 };
    const complete = await h.publications.create({ ...citation, title: 'A complete citation' } as never);
    const untitled = await h.publications.create({ ...citation, title: null, titleStatus: TitleStatus.NOT_RECORDED } as never);
    // The same narrative in both cases: equal relevance for "numbat", so only the citation orders them.
    const caseOf = (publicationId: string) =>
      h.cases.create({ publicationId, label: 'Case 1', summary: 'A numbat crossed the labour ward.', sex: Sex.FEMALE, pregnancyStatus: PregnancyStatus.POSTPARTUM, outcome: Outcome.FULL_RECOVERY, procedures: [], complications: [], treatments: [] } as never);
    const [first, second] = [await caseOf(complete.id), await caseOf(untitled.id)];
    await h.drainer.drainAll();
    const numbat = () => h.pg.search(query('numbat', { sort: SearchSort.RELEVANCE }));
    const publicationNumbat = () => h.app.get<PublicationSearchEngine>(PUBLICATION_SEARCH_ENGINE).search({ text: parseTextQuery('numbat'), filters: {}, facets: [], sort: PublicationSearchSort.RELEVANCE, page: { first: 10, after: null }, highlight: false });
    const before = await numbat();
    expect(before.hits.map((hit) => [hit.caseReportId, hit.sortValues[1]])).toEqual([
      [first.id, 1],
      [second.id, 0],
    ]);
    expect((await publicationNumbat()).hits.map((hit) => [hit.publicationId, hit.sortValues[1]])).toEqual([
      [complete.id, 1],
      [untitled.id, 0],
    ]);

    await h.publications.update(untitled.id, { title: 'The title, found later', titleStatus: TitleStatus.COMPLETE } as never);
    await h.drainer.drainAll();
    // Both complete now: the id decides between them.
    const byId = [first.id, second.id].sort();
    expect((await numbat()).hits.map((hit) => [hit.caseReportId, hit.sortValues[1]])).toEqual(byId.map((id) => [id, 1]));
    expect((await publicationNumbat()).hits.map((hit) => [hit.publicationId, hit.sortValues[1]])).toEqual([complete.id, untitled.id].sort().map((id) => [id, 1]));
  });

  it('loses nothing written during a reindex: the outbox replays it into the new index', async () => {
    let release!: () => void;
    let reached!: () => void;
    const atBuild = new Promise<void>((resolve) => (reached = resolve));
    const held = new Promise<void>((resolve) => (release = resolve));
    h.engine.beforeBuildWrite = async () => {
      reached();
      await held;
    };
    const [victim, changed] = await h.uow.reader.query('SELECT id FROM case_report ORDER BY id LIMIT 2');
    const reindex = h.app.get(ReindexService).reindex();
    await atBuild;
    // The reindex has read the rows and holds the lease: these writes reach only the outbox.
    const created = await newCase(h, 'Written during a reindex', Outcome.PARTIAL_RECOVERY);
    await h.cases.update(changed.id, { outcome: Outcome.RESIDUAL_DEFICIT } as never);
    await h.cases.delete(victim.id);
    expect(await h.drainer.drainOnce()).toBe(0); // the drainer keeps off while the reindex holds the lease
    expect((await h.outbox.depth()).depth).toBeGreaterThanOrEqual(3);
    h.engine.beforeBuildWrite = null;
    release();
    const summary = await reindex;
    expect(summary.pendingWrites).toBeGreaterThanOrEqual(3);
    await h.drainer.drainAll();
    await expectIndexMatchesDatabase(h);
    const index = await indexed(h);
    expect(index.get(created.id)).toBe(Outcome.PARTIAL_RECOVERY);
    expect(index.get(changed.id)).toBe(Outcome.RESIDUAL_DEFICIT);
    expect(index.has(victim.id)).toBe(false);
  });

  it('catches up after a restart with a non-empty outbox', async () => {
    h.engine.down = true;
    const created = await newCase(h, 'Written before a restart', Outcome.DEATH);
    expect((await h.outbox.depth()).depth).toBeGreaterThan(0);
    await h.app.close();

    h = await startHarness(database);
    // The new process drains by itself at start (no explicit call): wait for it.
    const deadline = Date.now() + 20_000;
    while ((await h.outbox.depth()).depth > 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
    expect(await h.outbox.depth()).toEqual({ depth: 0, oldestPendingAt: null });
    await expectIndexMatchesDatabase(h);
    expect((await indexed(h)).get(created.id)).toBe(Outcome.DEATH);
  });
});
