import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { Client } from 'pg';
import { loadConfig } from '../../src/config/app-config';
import { SearchSort } from '../../src/search/query/search-query';
import { SEARCH_ENGINE, SearchEngine } from '../../src/search/search-engine.port';
import { SearchWorkerModule } from '../../src/search/search-worker.module';
import { RunningChild, spawnTs, waitFor } from '../support/child-process';
import { createTestDatabase, TestDatabase } from '../support/database';

/** Publications, one case each: 2 × PUBLICATIONS outbox rows, about 16 batches of 500. */
const PUBLICATIONS = 4000;

/**
 * kill -9 of the search worker in the middle of draining the outbox (embedded engine, real
 * PostgreSQL): entries leave the outbox only after the index has them, and indexing is an upsert,
 * so a restarted worker finishes the job with every case and publication indexed exactly once.
 */
describe('kill -9 during an outbox drain', () => {
  let database: TestDatabase;
  let db: Client;
  const children: RunningChild[] = [];

  beforeAll(async () => {
    database = await createTestDatabase();
    db = new Client({ connectionString: database.url });
    await db.connect();
    await db.query(
      `INSERT INTO publication (title, abstract, journal, year, publication_types)
       SELECT 'Spinal hematoma after epidural blood patch, report ' || g, 'A generated abstract about postdural puncture headache, number ' || g, 'J Gen Case Rep', 2000 + g % 25, ARRAY['Case Reports']
       FROM generate_series(1, $1::int) g`,
      [PUBLICATIONS],
    );
    await db.query(
      `INSERT INTO case_report (publication_id, label, summary, age_group, sex, pregnancy_status, anticoagulation, outcome)
       SELECT id, 'Case 1', 'Postpartum woman with a spinal hematoma', 'ADULT', 'FEMALE', 'POSTPARTUM', 'NONE', 'FULL_RECOVERY' FROM publication`,
    );
    await db.query(`INSERT INTO search_outbox (entity_type, entity_id) SELECT 'case_report', id FROM case_report ORDER BY id`);
    await db.query(`INSERT INTO search_outbox (entity_type, entity_id) SELECT 'publication', id FROM publication ORDER BY id`);
  });

  afterAll(async () => {
    for (const child of children) if (child.process.exitCode === null && child.process.signalCode === null) child.process.kill('SIGKILL');
    await Promise.all(children.map((child) => child.exited));
    await db?.end();
    await database?.drop();
  });

  const count = async (sql: string) => Number((await db.query(sql)).rows[0].count);
  const worker = () => {
    const child = spawnTs('src/worker.ts', ['drain'], { DATABASE_URL: database.url, LOG_LEVEL: 'warn' });
    children.push(child);
    return child;
  };
  const exitedEarly = (child: RunningChild) => () => (child.process.exitCode !== null ? `the worker exited (${child.process.exitCode}): ${child.output()}` : null);

  it('a restarted worker indexes every case and publication exactly once, and empties the outbox', async () => {
    const queued = await count('SELECT count(*) FROM search_outbox');
    expect(queued).toBe(2 * PUBLICATIONS);

    const first = worker();
    // Mid-drain, demonstrably: documents written and some entries done, others still waiting, and a
    // batch under way (the worker holds the indexer lease only while it applies one).
    const leaseHeld = async () => (await db.query(`SELECT holder FROM search_indexer_lease WHERE expires_at > now() AND holder IS NOT NULL`)).rowCount === 1;
    const progress = await waitFor(
      'the worker to be part-way through the outbox',
      async () => {
        const documents = await count('SELECT count(*) FROM search_case_document');
        const pending = await count('SELECT count(*) FROM search_outbox');
        return documents > 0 && pending < queued && pending > 0 && (await leaseHeld()) ? { documents, pending } : undefined;
      },
      { timeoutMs: 180_000, intervalMs: 20, abort: exitedEarly(first) },
    );
    first.process.kill('SIGKILL');
    expect(await first.exited).toBe('SIGKILL');
    // Almost always still held by the dead worker (it is released between batches for a moment).
    const diedHoldingLease = await leaseHeld();
    const leftBehind = await count('SELECT count(*) FROM search_outbox');
    expect(leftBehind).toBeGreaterThan(0);
    expect(progress.documents).toBeLessThan(PUBLICATIONS + 1);

    const second = worker();
    await waitFor('the restarted worker to empty the outbox', async () => (await count('SELECT count(*) FROM search_outbox')) === 0, { timeoutMs: 300_000, intervalMs: 100, abort: exitedEarly(second) });
    // It took the dead worker's lease over at once instead of waiting for the lease to expire.
    if (diedHoldingLease) expect(second.output()).toMatch(/freeing the search indexer lease of .*:\d+:[0-9a-f]{6}: that process is no longer running/);
    second.process.kill('SIGTERM');
    expect(await second.exited).toBe(0);

    expect(await count('SELECT count(*) FROM search_case_document')).toBe(PUBLICATIONS);
    expect(await count('SELECT count(*) FROM case_report c LEFT JOIN search_case_document d ON d.case_report_id = c.id WHERE d.case_report_id IS NULL')).toBe(0);
    expect(await count('SELECT count(*) FROM (SELECT case_report_id FROM search_case_document GROUP BY 1 HAVING count(*) > 1) dup')).toBe(0);
    expect(await count('SELECT count(*) FROM search_publication_document')).toBe(PUBLICATIONS);
    expect(await count('SELECT count(*) FROM publication p LEFT JOIN search_publication_document d ON d.publication_id = p.id WHERE d.publication_id IS NULL')).toBe(0);
    expect((await db.query(`SELECT holder FROM search_indexer_lease WHERE expires_at > now()`)).rows).toEqual([]);

    // The engine, loading that index the way the app does, finds every case once.
    const app = await NestFactory.createApplicationContext(SearchWorkerModule.forRoot(loadConfig({ DATABASE_URL: database.url, LOG_LEVEL: 'error' }), database.url), { logger: ['error'] });
    try {
      const engine = app.get<SearchEngine>(SEARCH_ENGINE);
      const all = await engine.search({ text: null, filters: {}, facets: [], sort: SearchSort.RELEVANCE, page: { first: PUBLICATIONS + 10, after: null }, highlight: false });
      expect(all.totalCases).toBe(PUBLICATIONS);
      expect(new Set(all.hits.map((hit) => hit.caseReportId)).size).toBe(PUBLICATIONS);
    } finally {
      await app.close();
    }
  }, 600_000); // two worker starts and 8,000 outbox entries on a shared machine: a bound against a hang, not a speed check
});
