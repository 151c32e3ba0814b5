import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer, Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startApp } from '../../src/bootstrap';
import { PortUnavailableError } from '../../src/common/http/port-probe';
import { loadConfig } from '../../src/config/app-config';

/** A port already taken fails the start at once: before the embedded database starts (so no data dir) and before any seeding. */
describe('starting on a port that is already in use', () => {
  let occupant: Server;
  let port: number;
  let scratch: string;

  beforeAll(async () => {
    occupant = createServer();
    await new Promise<void>((resolve) => occupant.listen(0, '127.0.0.1', resolve));
    port = (occupant.address() as { port: number }).port;
    scratch = mkdtempSync(join(tmpdir(), 'crs-port-'));
  });

  afterAll(async () => {
    await new Promise((resolve) => occupant.close(resolve));
    rmSync(scratch, { recursive: true, force: true });
  });

  const expectedMessage = () => `port ${port} on 127.0.0.1 is already in use (another case-report-search server?); set PORT to another port`;

  it('rejects with a message naming the port and what to do, without starting the embedded database', async () => {
    const dataDir = join(scratch, 'data');
    const config = loadConfig({ HOST: '127.0.0.1', PORT: String(port), DATA_DIR: dataDir, LOG_LEVEL: 'error' });
    const started = startApp(config);
    await expect(started).rejects.toBeInstanceOf(PortUnavailableError);
    await expect(started).rejects.toThrow(expectedMessage());
    // The embedded database creates its data directory first thing: it never got that far.
    expect(existsSync(dataDir)).toBe(false);
  });

  it('makes `main` print that one line (no stack trace) and exit with a non-zero code', async () => {
    const dataDir = join(scratch, 'main-data');
    const child = spawn(process.execPath, ['-r', 'ts-node/register/transpile-only', 'src/main.ts'], {
      cwd: join(__dirname, '..', '..'),
      env: { PATH: process.env.PATH, HOST: '127.0.0.1', PORT: String(port), DATA_DIR: dataDir, LOG_FORMAT: 'json' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    expect(code).toBe(1);
    expect(stderr.trim()).toBe(expectedMessage());
    expect(existsSync(dataDir)).toBe(false);
  });
});
