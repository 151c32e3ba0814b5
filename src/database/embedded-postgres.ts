import { mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { resolve } from 'node:path';
import { Worker } from 'node:worker_threads';
import { Logger } from '@nestjs/common';
import { DataDirLock, DataDirOwnerRole } from './data-dir-lock';

export interface EmbeddedPostgres {
  url: string;
  dataDir: string;
  /** The exclusive claim on the data directory; the server adds its URL once it listens. */
  lock: DataDirLock;
  stop(): Promise<void>;
}

/** What the database thread says to the main thread. */
type FromDatabaseThread = { type: 'ready' } | { type: 'failed'; message: string; code?: string } | { type: 'stopped'; error?: string };

/**
 * The database thread: PGlite and its socket server. Inline source rather than a file of its own, so it
 * runs the same from dist/ and under the test runner (which cannot start a worker from a .ts file); the
 * modules are resolved by the main thread and passed in as absolute paths.
 */
const DATABASE_THREAD_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const { PGlite } = require(workerData.modules.pglite);
const { PGLiteSocketServer } = require(workerData.modules.socket);
const { pg_trgm } = require(workerData.modules.pgTrgm);
const { pgcrypto } = require(workerData.modules.pgcrypto);
let db = null;
let server = null;
parentPort.on('message', (message) => {
  if (message.type !== 'stop') return;
  (async () => {
    try {
      if (server) await server.stop();
      if (db) await db.close();
      parentPort.postMessage({ type: 'stopped' });
    } catch (error) {
      parentPort.postMessage({ type: 'stopped', error: String(error && error.message || error) });
    }
  })();
});
(async () => {
  try {
    db = await PGlite.create({ dataDir: workerData.dataDir, extensions: { pg_trgm, pgcrypto } });
    // More than one socket may connect (app pool, health check); PGlite still runs one query at a time.
    server = new PGLiteSocketServer({ db, host: workerData.host, port: workerData.port, maxConnections: 8 });
    await server.start();
    parentPort.postMessage({ type: 'ready' });
  } catch (error) {
    if (db) await db.close().catch(() => undefined);
    db = null;
    server = null;
    parentPort.postMessage({ type: 'failed', message: String(error && error.message || error), code: error && error.code });
  }
})();
`;

/** Absolute paths of the modules the database thread loads (the contrib extensions by their CommonJS export paths). */
function databaseThreadModules() {
  return {
    pglite: require.resolve('@electric-sql/pglite'),
    socket: require.resolve('@electric-sql/pglite-socket'),
    pgTrgm: require.resolve('@electric-sql/pglite/contrib/pg_trgm'),
    pgcrypto: require.resolve('@electric-sql/pglite/contrib/pgcrypto'),
  };
}

/** The next message of the database thread, or its exit / error as a rejection naming what happened. */
function nextMessage(thread: Worker): Promise<FromDatabaseThread> {
  return new Promise((resolveMessage, reject) => {
    const cleanup = () => {
      thread.off('message', onMessage);
      thread.off('error', onError);
      thread.off('exit', onExit);
    };
    const onMessage = (message: FromDatabaseThread) => {
      cleanup();
      resolveMessage(message);
    };
    const onError = (error: Error) => {
      cleanup();
      reject(new Error(`the embedded PostgreSQL thread failed: ${error.message}`));
    };
    const onExit = (code: number) => {
      cleanup();
      reject(new Error(`the embedded PostgreSQL thread exited (code ${code}) before answering`));
    };
    thread.on('message', onMessage);
    thread.on('error', onError);
    thread.on('exit', onExit);
  });
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
    const thread = new Worker(DATABASE_THREAD_SOURCE, { eval: true, workerData: { dataDir, host, port, modules: databaseThreadModules() }, name: 'embedded-postgres' });
    const first = await nextMessage(thread);
    if (first.type !== 'ready') {
      await thread.terminate();
      const failure = first.type === 'failed' ? first : { message: 'unexpected answer', code: undefined };
      throw Object.assign(new Error(`the embedded PostgreSQL in ${dataDir} did not start: ${failure.message}`), { code: failure.code });
    }
    // Once running, a thread that dies takes the database with it: say so once; connections then fail
    // (SERVICE_UNAVAILABLE to clients) and a restart of the service brings it back.
    let stopping = false;
    let reported = false;
    const onDeath = (what: string) => {
      if (stopping || reported) return;
      reported = true;
      logger.error(`the embedded PostgreSQL thread ${what}; the database is unavailable until the service is restarted`);
    };
    thread.on('error', (error) => onDeath(`failed: ${error.message}`));
    thread.on('exit', (code) => onDeath(`exited (code ${code})`));
    lock.update({ databasePort: port });
    logger.log(`embedded PostgreSQL ready in ${Date.now() - started} ms (data in ${dataDir}; it runs on its own thread)`);
    return {
      url: `postgres://postgres@${host}:${port}/postgres`,
      dataDir,
      lock,
      async stop() {
        stopping = true;
        try {
          const answer = nextMessage(thread).catch((error: Error) => ({ type: 'stopped' as const, error: error.message }));
          thread.postMessage({ type: 'stop' });
          const stopped = await answer;
          await thread.terminate();
          if (stopped.type === 'stopped' && stopped.error) throw new Error(`the embedded PostgreSQL did not stop cleanly: ${stopped.error}`);
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
