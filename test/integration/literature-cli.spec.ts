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

  it('exports the imported publications once they have case reports, to a file or stdout, and prints PRISMA numbers', async () => {
    // A case report for one imported publication (curation is GraphQL's job; here straight into the tables).
    const { rows } = await db.query(`SELECT id FROM publication WHERE doi = '10.1111/cla.12583'`);
    const { rows: terms } = await db.query(`SELECT id FROM vocabulary_term WHERE kind = 'COMPLICATION' LIMIT 1`);
    const { rows: cases } = await db.query(
      `INSERT INTO case_report (publication_id, label, age_group, sex, pregnancy_status, anticoagulation, outcome) VALUES ($1, 'Case 1', 'UNKNOWN', 'UNKNOWN', 'UNKNOWN', 'UNKNOWN', 'DEATH') RETURNING id`,
      [rows[0].id],
    );
    await db.query(`INSERT INTO case_complication (case_report_id, position, term_id) VALUES ($1, 0, $2)`, [cases[0].id, terms[0].id]);
    await db.query(`INSERT INTO search_outbox (entity_type, entity_id) VALUES ('case_report', $1)`, [cases[0].id]);

    const out = join(scratch, 'export.ris');
    const toFile = await cli(database.url, 'export', '--format', 'ris', '--param', 'outcomes=DEATH', '--out', out);
    expect(toFile.code).toBe(0);
    expect(toFile.stderr).toContain(`exported 1 case reports (1 publications) as ris to ${out}`);
    expect(readFileSync(out, 'utf8')).toMatch(/^TY {2}- JOUR\r\nTI {2}- A new abelisaurid dinosaur/);

    const toStdout = await cli(database.url, 'export', '--format', 'jsonl', '--q', JSON.stringify({ filters: { outcomes: ['DEATH'] } }));
    expect(toStdout.code).toBe(0);
    expect(JSON.parse(toStdout.stdout.trim())).toMatchObject({ id: cases[0].id, outcome: 'DEATH', publication: { doi: '10.1111/cla.12583' } });

    const prisma = await cli(database.url, 'prisma', '--review', 'cli review', '--format', 'json');
    expect(prisma.code).toBe(0);
    expect(JSON.parse(prisma.stdout)).toMatchObject({ review: 'cli review', recordsIdentified: 20, duplicatesRemoved: 10, recordsRemaining: 10 });
    // A misspelt review is said so, not drawn as a diagram of zeros.
    const misspelt = await cli(database.url, 'prisma', '--review', 'cli reveiw', '--format', 'json');
    expect(misspelt.code).toBe(1);
    expect(misspelt.stdout).toBe('');
    expect(misspelt.stderr).toMatch(/there is no review named "cli reveiw"/);
    // --sources printed a table of zeros for it.
    const misspeltSources = await cli(database.url, 'prisma', '--review', 'cli reveiw', '--sources', '--format', 'json');
    expect([misspeltSources.code, misspeltSources.stdout]).toEqual([1, '']);
    expect(misspeltSources.stderr).toMatch(/there is no review named "cli reveiw"/);

    const badSearch = await cli(database.url, 'export', '--q', '{"filters":{"outcomes":["SOMETIMES"]}}');
    expect(badSearch.code).toBe(2);
    expect(badSearch.stderr).toMatch(/q\.filters\.outcomes\.0/);
  });

  it('lists probable duplicates and merges a pair only when told to', async () => {
    const file = join(scratch, 'near.ris');
    writeFileSync(
      file,
      [
        'TY  - JOUR\nTI  - Cerebral venous thrombosis after a lumbar puncture in a young adult\nAU  - Ortega, Lucia\nPY  - 2022\nJO  - Neurol Case Rep\nER  - ',
        'TY  - JOUR\nTI  - Cerebral venous thrombosis after lumbar puncture in a young adult\nPY  - 2022\nJO  - Neurology Case Reports\nVL  - 3\nER  - ',
      ].join('\n\n') + '\n',
    );
    expect((await cli(database.url, 'import', file, '--review', 'dup review', '--no-progress')).code).toBe(0);
    const list = await cli(database.url, 'duplicates', 'list', '--review', 'dup review');
    expect(list.code).toBe(0);
    expect(list.stdout).toMatch(/^1\. score 0\.\d+: titles differ by 1 character/);
    expect(list.stdout).toMatch(/authors: (""|"Ortega, Lucia") \/ ("Ortega, Lucia"|"")/);
    expect(list.stdout).toMatch(/merge: npm run cli -- duplicates merge \S+ \S+/);
    const json = JSON.parse((await cli(database.url, 'duplicates', 'list', '--review', 'dup review', '--json')).stdout);
    expect(json).toHaveLength(1);
    expect(await count(`SELECT count(*) FROM publication WHERE title LIKE 'Cerebral venous%'`)).toBe(2);
    const merge = await cli(database.url, 'duplicates', 'merge', json[0].first.id, json[0].second.id, '--merged-by', 'cli-test');
    expect(merge.stderr).toBe('');
    expect(merge.stdout).toMatch(/^merged .* 0 case reports moved, filled (volume|authors)/);
    expect(await count(`SELECT count(*) FROM publication WHERE title LIKE 'Cerebral venous%'`)).toBe(1);
    expect(await count(`SELECT count(*) FROM publication_merge WHERE merged_by = 'cli-test'`)).toBe(1);
    expect((await cli(database.url, 'duplicates', 'list', '--first', '0')).code).toBe(2);
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

  it('refuses an option that takes one value given twice, naming both values, and a --first not in decimal digits, before any work (the last was used, the first dropped; 0x10 read as 16)', async () => {
    const before = await count('SELECT count(*) FROM import_batch');
    const review = await cli(database.url, 'import', fixturePath('ris/rayyan-10-records.ris'), '--review', 'first review', '--review', 'second review');
    expect({ code: review.code, stderr: review.stderr.trim() }).toEqual({ code: 2, stderr: '--review is given more than once ("first review" and "second review"): give it once' });
    const format = await cli(database.url, 'export', '--format', 'ris', '--format=csv', '--text', 'x');
    expect({ code: format.code, stderr: format.stderr.trim() }).toEqual({ code: 2, stderr: '--format is given more than once ("ris" and "csv"): give it once' });
    // Read by Number(): 0x10 listed 16 pairs.
    const hex = await cli(database.url, 'duplicates', 'list', '--first', '0x10');
    expect({ code: hex.code, stderr: hex.stderr.trim() }).toEqual({ code: 2, stderr: '--first: must be a whole number between 1 and 100 written in decimal digits, not "0x10"' });
    expect(await count('SELECT count(*) FROM import_batch')).toBe(before);
  });
  it('refuses a directory or a missing file to import, an --out it cannot write and a malformed --saved-search, before any work: the file or option and why, exit 2, no stack trace', async () => {
    // These printed Node's error object ([Error: EISDIR: illegal operation on a directory, read] { errno: -21, … }) and exited 1;
    // an export to a missing directory did the whole export first.
    const before = await count('SELECT count(*) FROM import_batch');
    const directory = await cli(database.url, 'import', scratch);
    expect({ code: directory.code, stderr: directory.stderr.trim() }).toEqual({ code: 2, stderr: `cannot read ${scratch}: it is a directory; name the files in it` });
    const missing = await cli(database.url, 'import', fixturePath('ris/rayyan-10-records.ris'), join(scratch, 'gone', 'x.ris'));
    expect({ code: missing.code, stderr: missing.stderr.trim() }).toEqual({ code: 2, stderr: `cannot read ${join(scratch, 'gone', 'x.ris')}: no such file or directory` });
    expect(await count('SELECT count(*) FROM import_batch')).toBe(before);
    const exportTo = await cli(database.url, 'export', '--out', join(scratch, 'gone', 'cases.csv'));
    expect({ code: exportTo.code, stderr: exportTo.stderr.trim() }).toEqual({ code: 2, stderr: `--out ${join(scratch, 'gone', 'cases.csv')}: cannot write in ${join(scratch, 'gone')}: no such file or directory` });
    const prismaTo = await cli(database.url, 'prisma', '--format', 'svg', '--out', scratch);
    expect({ code: prismaTo.code, stderr: prismaTo.stderr.trim() }).toEqual({ code: 2, stderr: `--out ${scratch}: it is a directory; give a file name` });
    // A saved search id that is no UUID reached PostgreSQL: its error object (22P02) printed whole, exit 1.
    const savedSearch = await cli(database.url, 'export', '--saved-search', 'not-an-id');
    expect({ code: savedSearch.code, stderr: savedSearch.stderr.trim() }).toEqual({ code: 2, stderr: '--saved-search: "not-an-id" is not a valid saved search id (expected a UUID)' });
    for (const run of [directory, missing, exportTo, prismaTo, savedSearch]) expect(run.stderr).not.toMatch(/errno|\n\s+at /);
  });

  it('refuses invisible control characters in --review, --database, --imported-by and the file name, as POST /imports does, storing nothing (they were stored)', async () => {
    const before = await count('SELECT count(*) FROM import_batch');
    const file = fixturePath('ris/rayyan-10-records.ris');
    const oddName = join(scratch, 'records\u001b[31m.ris');
    writeFileSync(oddName, readFileSync(file));
    for (const [args, option] of [
      [[file, '--review', 'cli\u0001review'], 'review'],
      [[file, '--review', 'cli review', '--database', 'Pub\u202eMed'], 'database'],
      [[file, '--imported-by', 'some\u0007one'], 'importedBy'],
      [[oddName], 'fileName'],
    ] as const) {
      const run = await cli(database.url, 'import', ...args);
      expect({ code: run.code, stderr: run.stderr.trim() }).toEqual({ code: 2, stderr: expect.stringMatching(new RegExp(`^${option}: must not contain invisible control characters`)) });
    }
    expect(await count('SELECT count(*) FROM import_batch')).toBe(before);
  });
});
