import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { startEmbeddedPostgres } from '../../src/database/embedded-postgres';

function listenOnFreePort(): Promise<{ server: Server; port: number }> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve({ server, port: (server.address() as { port: number }).port }));
  });
}

/**
 * The embedded PostgreSQL (PGlite, WebAssembly) runs on a thread of its own: a statement that works for
 * a while must not stop the service's event loop (other requests, health checks, timers).
 */
describe('the embedded database thread', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'embedded-thread-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('keeps the event loop turning while a statement runs, and stops cleanly', async () => {
    const db = await startEmbeddedPostgres({ dataDir, port: 0 });
    const client = new Client({ connectionString: db.url });
    await client.connect();
    try {
      let done = false;
      const query = client.query('SELECT pg_sleep(2)').finally(() => (done = true));
      let turns = 0;
      // Each turn is a full pass of the event loop; on the main thread PGlite would hold it for the whole sleep.
      while (!done) {
        await new Promise((resolve) => setTimeout(resolve, 0));
        turns += 1;
      }
      await query;
      expect(turns).toBeGreaterThan(20);
      expect((await client.query('SELECT 1 + 1 AS two')).rows[0].two).toBe(2);
    } finally {
      await client.end();
      await db.stop();
    }
    // Stopped means the data directory is free again and the data is there.
    const again = await startEmbeddedPostgres({ dataDir, port: 0 });
    await again.stop();
  });

  it('reports a start that fails (port taken) with the reason, and frees the data directory', async () => {
    const taken = await listenOnFreePort();
    try {
      await expect(startEmbeddedPostgres({ dataDir, port: taken.port })).rejects.toThrow(/embedded PostgreSQL .* did not start: .*(EADDRINUSE|in use)/);
    } finally {
      taken.server.close();
    }
    const next = await startEmbeddedPostgres({ dataDir, port: 0 });
    await next.stop();
  });
});
