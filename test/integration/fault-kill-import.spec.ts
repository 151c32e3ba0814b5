import { createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Client } from 'pg';
import { generatedPubmedXml } from '../../bench/pubmed-generator';
import { spawnTs, waitFor } from '../support/child-process';
import { createTestDatabase, TestDatabase } from '../support/database';

/** ~1,500 records: long enough that the import is caught mid-way, short enough for a test. */
const FILE_BYTES = 10 * 1024 * 1024;

/**
 * kill -9 in the middle of `npm run cli -- import`: a file is one transaction, so nothing of it may
 * remain (no publication, batch, proposed case or outbox row), and importing it again stores every
 * record exactly once.
 */
describe('kill -9 during an import', () => {
  let database: TestDatabase;
  let db: Client;
  let scratch: string;
  let file: string;
  let records: number;

  beforeAll(async () => {
    database = await createTestDatabase();
    db = new Client({ connectionString: database.url });
    await db.connect();
    scratch = mkdtempSync(join(tmpdir(), 'fault-import-'));
    file = join(scratch, 'generated.xml');
    const xml = generatedPubmedXml(FILE_BYTES);
    await pipeline(Readable.from(xml.source), createWriteStream(file));
    records = xml.records();
  });

  afterAll(async () => {
    await db?.end();
    await database?.drop();
    rmSync(scratch, { recursive: true, force: true });
  });

  const count = async (table: string) => Number((await db.query(`SELECT count(*) FROM ${table}`)).rows[0].count);
  const env = () => ({ DATABASE_URL: database.url, SEED_DEMO_DATA: 'false', LOG_LEVEL: 'error' });

  /** Other sessions on the test database that have written in an open transaction, and what they hold. */
  async function writingSessions(): Promise<{ pid: number; tables: string[] }[]> {
    const { rows } = await db.query(
      `SELECT a.pid, array_agg(DISTINCT c.relname::text) AS tables
       FROM pg_stat_activity a JOIN pg_locks l ON l.pid = a.pid JOIN pg_class c ON c.oid = l.relation
       WHERE a.datname = current_database() AND a.pid <> pg_backend_pid() AND a.backend_xid IS NOT NULL AND l.mode = 'RowExclusiveLock'
       GROUP BY a.pid`,
    );
    return rows;
  }

  it('leaves nothing of a killed import, and a re-run imports every record once', async () => {
    expect(records).toBeGreaterThan(1000);
    const child = spawnTs('src/cli.ts', ['import', file, '--review', 'killed', '--no-progress', '--json'], env());
    let exited: number | string | null = null;
    void child.exited.then((code) => (exited = code));

    // In progress, demonstrably: the CLI's transaction has inserted publications and proposed cases
    // (it holds their row-exclusive locks), and has not committed.
    const session = await waitFor('the import to write publications and cases', async () => (await writingSessions()).find((s) => s.tables.includes('publication') && s.tables.includes('case_report')), {
      timeoutMs: 180_000,
      abort: () => (exited === null ? null : `the CLI exited (${exited}) first: ${child.output()}`),
    });
    child.process.kill('SIGKILL');
    expect(await child.exited).toBe('SIGKILL');
    // The server notices the closed socket and rolls back; wait for its backend to end.
    await waitFor('the killed session to end', async () => (await db.query('SELECT 1 FROM pg_stat_activity WHERE pid = $1', [session.pid])).rowCount === 0);

    for (const table of ['publication', 'import_batch', 'case_report', 'case_procedure', 'case_complication']) expect([table, await count(table)]).toEqual([table, 0]);
    // The outbox holds the vocabulary seeding's rows (committed at boot), none of the import's.
    expect(await count(`search_outbox WHERE entity_type IN ('publication', 'case_report')`)).toBe(0);

    const rerun = spawnTs('src/cli.ts', ['import', file, '--review', 'killed', '--no-progress', '--json'], env());
    expect(await rerun.exited).toBe(0);
    const report = JSON.parse(rerun.stdout());
    expect(report).toMatchObject({ recordsRead: records, created: records, merged: 0, errorCount: 0, stored: true });
    expect(await count('publication')).toBe(records);
    expect(Number((await db.query('SELECT count(DISTINCT pmid) FROM publication')).rows[0].count)).toBe(records);
    expect(await count('import_batch')).toBe(1);
    // Every generated record describes one patient: one proposed case each, none twice.
    expect(await count('case_report')).toBe(records);
    expect(Number((await db.query('SELECT count(DISTINCT publication_id) FROM case_report')).rows[0].count)).toBe(records);
  }, 600_000); // two imports of ~1,500 records on a shared machine: a bound against a hang, not a speed check
});
