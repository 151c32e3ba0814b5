import { mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { resolve } from 'node:path';
import { Logger } from '@nestjs/common';
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import { DataDirLock, DataDirOwnerRole } from './data-dir-lock';

// The contrib extensions publish their types only for ESM resolution; load the CommonJS build by its export path.
/* eslint-disable @typescript-eslint/no-require-imports */
const { pg_trgm } = require('@electric-sql/pglite/contrib/pg_trgm') as typeof import('@electric-sql/pglite/dist/contrib/pg_trgm');
const { pgcrypto } = require('@electric-sql/pglite/contrib/pgcrypto') as typeof import('@electric-sql/pglite/dist/contrib/pgcrypto');
/* eslint-enable @typescript-eslint/no-require-imports */

export interface EmbeddedPostgres {
  url: string;
  dataDir: string;
  /** The exclusive claim on the data directory; the server adds its URL once it listens. */
  lock: DataDirLock;
  stop(): Promise<void>;
}

async function freePort(host: string): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, host, () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolvePort(port));
    });
  });
}

/**
 * PostgreSQL compiled to WebAssembly (PGlite), served on a loopback socket so TypeORM's ordinary
 * `postgres` driver talks to it. Data lives in `dataDir`, so a restart keeps it. One process at a
 * time: PGlite has no locking of its own, so a second process (the CLI while the server runs) would
 * write files the first never reads; `DATA_DIR/pglite.lock` refuses it (EmbeddedDatabaseInUseError).
 */
export async function startEmbeddedPostgres(options: { dataDir: string; port: number; role?: DataDirOwnerRole }): Promise<EmbeddedPostgres> {
  const logger = new Logger('EmbeddedPostgres');
  const dataDir = resolve(options.dataDir, 'pglite');
  mkdirSync(dataDir, { recursive: true });
  const lock = DataDirLock.acquire(dataDir, options.role ?? 'server', logger);
  try {
    const host = '127.0.0.1';
    const port = options.port || (await freePort(host));
    const started = Date.now();
    const db = await PGlite.create({ dataDir, extensions: { pg_trgm, pgcrypto } });
    // More than one socket may connect (app pool, health check); PGlite still runs one query at a time.
    const server = new PGLiteSocketServer({ db, host, port, maxConnections: 8 });
    try {
      await server.start();
    } catch (error) {
      await db.close();
      throw error;
    }
    lock.update({ databasePort: port });
    logger.log(`embedded PostgreSQL ready in ${Date.now() - started} ms (data in ${dataDir})`);
    return {
      url: `postgres://postgres@${host}:${port}/postgres`,
      dataDir,
      lock,
      async stop() {
        try {
          await server.stop();
          await db.close();
        } finally {
          lock.release();
        }
      },
    };
  } catch (error) {
    lock.release();
    throw error;
  }
}
