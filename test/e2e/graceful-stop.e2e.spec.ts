import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

/**
 * SIGTERM (a container stop) and SIGINT (Ctrl-C) stop the server cleanly: the embedded database's
 * thread stops and its lock is released, so the next start (or the CLI) finds the data directory free.
 */
describe('stopping the server with a signal', () => {
  const scratch = mkdtempSync(join(tmpdir(), 'crs-stop-'));
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  it.each(['SIGTERM', 'SIGINT'] as const)('%s: exits with 0 and releases the embedded database lock', async (signal) => {
    const dataDir = join(scratch, signal);
    const child = spawn(process.execPath, ['-r', 'ts-node/register/transpile-only', 'src/main.ts'], {
      cwd: join(__dirname, '..', '..'),
      env: { PATH: process.env.PATH, HOST: '127.0.0.1', PORT: String(await freePort()), DATA_DIR: dataDir, LOG_FORMAT: 'json', LOG_LEVEL: 'log' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
    let stdout = '';
    let stderr = '';
    // Started = the announcement of its URLs (printed once it listens).
    await new Promise<void>((resolve, reject) => {
      child.stdout.on('data', (chunk: Buffer) => {
        stdout += chunk.toString();
        if (stdout.includes('GraphQL API:')) resolve();
      });
      void exited.then((code) => reject(new Error(`the server exited (code ${code}) before it started:\n${stdout}`)));
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    });
    expect(existsSync(join(dataDir, 'pglite.lock'))).toBe(true);
    child.kill(signal);
    const code = await exited;
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    expect(existsSync(join(dataDir, 'pglite.lock'))).toBe(false);
  });
});
