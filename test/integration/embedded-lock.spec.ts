import { execFile, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { EmbeddedDatabaseInUseError } from '../../src/database/data-dir-lock';
import { startEmbeddedPostgres } from '../../src/database/embedded-postgres';

const ROOT = join(__dirname, '..', '..');

/** A pid that was alive a moment ago and is not any more: a child that has exited. */
function deadPid(): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['-e', ''], { stdio: 'ignore' });
    child.once('error', reject);
    child.once('exit', () => resolve(child.pid as number));
  });
}

async function rowCount(url: string): Promise<number> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('CREATE TABLE IF NOT EXISTS lock_probe (n int)');
    await client.query('INSERT INTO lock_probe VALUES (1)');
    return Number((await client.query('SELECT count(*) FROM lock_probe')).rows[0].count);
  } finally {
    await client.end();
  }
}

/** The embedded database (PGlite) serves one process: DATA_DIR/pglite.lock keeps a second one out. */
describe('the embedded database lock', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'embedded-lock-'));
  const lockFile = join(dataDir, 'pglite.lock');

  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('refuses a second start while one holds it, names the holder, and allows a start after stop', async () => {
    const first = await startEmbeddedPostgres({ dataDir, port: 0 });
    try {
      first.lock.update({ url: 'http://127.0.0.1:3999' });
      expect(JSON.parse(readFileSync(lockFile, 'utf8'))).toMatchObject({ pid: process.pid, role: 'server', url: 'http://127.0.0.1:3999' });
      const second = startEmbeddedPostgres({ dataDir, port: 0 });
      await expect(second).rejects.toBeInstanceOf(EmbeddedDatabaseInUseError);
      await expect(second).rejects.toThrow(
        `the embedded database in ${join(dataDir, 'pglite')} is in use by the server (pid ${process.pid}, http://127.0.0.1:3999); stop it first, or point DATABASE_URL at a shared PostgreSQL, or import through the running server: curl`,
      );
      expect(await rowCount(first.url)).toBe(1);
    } finally {
      await first.stop();
    }
    expect(existsSync(lockFile)).toBe(false);

    const again = await startEmbeddedPostgres({ dataDir, port: 0 });
    try {
      // The same files: what the first process wrote is there.
      expect(await rowCount(again.url)).toBe(2);
    } finally {
      await again.stop();
    }
  });

  it('takes over a lock left by a process that is gone (kill -9)', async () => {
    const pid = await deadPid();
    writeFileSync(lockFile, JSON.stringify({ pid, hostname: hostname(), role: 'server', startedAt: '2020-01-01T00:00:00.000Z', url: 'http://127.0.0.1:3998' }));
    const embedded = await startEmbeddedPostgres({ dataDir, port: 0 });
    try {
      expect(JSON.parse(readFileSync(lockFile, 'utf8'))).toMatchObject({ pid: process.pid });
      expect(await rowCount(embedded.url)).toBe(3);
    } finally {
      await embedded.stop();
    }
  });

  it('the CLI refuses the data dir of a running server with a message saying what to do, and opens nothing', async () => {
    // This test process stands in for the server: it is alive, and the lock says it serves HTTP.
    const cliDir = mkdtempSync(join(tmpdir(), 'embedded-lock-cli-'));
    writeFileSync(join(cliDir, 'pglite.lock'), JSON.stringify({ pid: process.pid, hostname: hostname(), role: 'server', startedAt: new Date().toISOString(), url: 'http://127.0.0.1:3997' }));
    try {
      const run = await new Promise<{ code: number; stderr: string }>((resolve) => {
        const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: cliDir, LOG_LEVEL: 'error', TS_NODE_PROJECT: join(ROOT, 'tsconfig.json') };
        delete env.DATABASE_URL;
        execFile(process.execPath, ['-r', 'ts-node/register/transpile-only', 'src/cli.ts', 'prisma'], { cwd: ROOT, env }, (error, _stdout, stderr) =>
          resolve({ code: error ? ((error as { code?: number }).code ?? 1) : 0, stderr }),
        );
      });
      expect(run.code).toBe(1);
      expect(run.stderr).toContain(`the embedded database in ${join(cliDir, 'pglite')} is in use by the server (pid ${process.pid}, http://127.0.0.1:3997); stop it first`);
      expect(run.stderr).toContain(`-F file=@x.xml 'http://127.0.0.1:3997/imports?review=`);
      expect(run.stderr).not.toMatch(/\n\s+at /); // a message, not a stack trace
      // PGlite never opened the directory: no cluster files next to the lock.
      expect(existsSync(join(cliDir, 'pglite', 'PG_VERSION'))).toBe(false);
    } finally {
      rmSync(cliDir, { recursive: true, force: true });
    }
  });
});
