import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { fixturePath } from '../../src/literature/testing/fixtures';
import { createTestDatabase, TestDatabase } from '../support/database';

const ROOT = join(__dirname, '..', '..');

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `npm run cli -- ARGS` the way it runs from the sources (ts-node), against the test database. */
function cli(databaseUrl: string, ...args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['-r', 'ts-node/register/transpile-only', 'src/cli.ts', ...args],
      { cwd: ROOT, env: { ...process.env, DATABASE_URL: databaseUrl, SEED_DEMO_DATA: 'false', LOG_LEVEL: 'error', TS_NODE_PROJECT: join(ROOT, 'tsconfig.json') }, maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => resolve({ code: error ? ((error as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
  });
}

describe('the CLI on files (npm run cli)', () => {
  let database: TestDatabase;
  let db: Client;
  let scratch: string;

  beforeAll(async () => {
    database = await createTestDatabase();
    db = new Client({ connectionString: database.url });
    await db.connect();
    scratch = mkdtempSync(join(tmpdir(), 'literature-cli-'));
  });

  afterAll(async () => {
    await db?.end();
    await database?.drop();
    rmSync(scratch, { recursive: true, force: true });
  });

  const count = async (sql: string, params: unknown[] = []) => Number((await db.query(sql, params)).rows[0].count);

  it('imports several files into one review, deduplicating across them, and prints the reports', async () => {
    const run = await cli(database.url, 'import', fixturePath('ris/rayyan-10-records.ris'), fixturePath('csv/rayyan-10-records.csv'), '--review', 'cli review', '--imported-by', 'cli-test', '--json');
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const reports = JSON.parse(run.stdout);
    expect(reports.map((report: any) => [report.source, report.format, report.recordsRead, report.created, report.merged])).toEqual([
      ['rayyan-10-records.ris', 'ris', 10, 10, 0],
      ['rayyan-10-records.csv', 'csv', 10, 0, 10],
    ]);
    expect(await count('SELECT count(*) FROM publication')).toBe(10);
    expect(await count(`SELECT count(*) FROM import_batch WHERE review = 'cli review' AND imported_by = 'cli-test'`)).toBe(2);
  });

  it('prints a readable summary, and exits 1 with nothing stored when a file has errors', async () => {
    const broken = join(scratch, 'broken.ris');
    writeFileSync(broken, 'TY  - JOUR\nTI  - Fine\nER  - \nTY  - JOUR\nTI  - Never closed\n');
    const before = await count('SELECT count(*) FROM publication');
    const run = await cli(database.url, 'import', broken);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('broken.ris (ris, atomic): 2 read, 0 created, 0 merged, 2 skipped, 1 errors, 0 conflicts - NOTHING STORED');
    expect(run.stdout).toMatch(/error: RIS record 2, line 5: record starting at line 4 is not closed/);
    expect(await count('SELECT count(*) FROM publication')).toBe(before);

    const partial = await cli(database.url, 'import', broken, '--partial');
    expect(partial.code).toBe(1);
    expect(partial.stdout).toContain('broken.ris (ris, partial): 2 read, 1 created, 0 merged, 1 skipped, 1 errors');
    expect(await count('SELECT count(*) FROM publication')).toBe(before + 1);
  });

  it('exits 2 on wrong usage, naming the problem', async () => {
    const run = await cli(database.url, 'import', fixturePath('ris/rayyan-10-records.ris'), '--format', 'docx');
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/--format must be one of pubmed-xml, medline, ris, bibtex, csv/);
    const missing = await cli(database.url, 'import', join(scratch, 'nope.ris'));
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/cannot read .*nope\.ris/);
    expect(readFileSync(fixturePath('ris/rayyan-10-records.ris')).length).toBeGreaterThan(0);
  });
});
