import { linkSync, readFileSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { Logger } from '@nestjs/common';
import { processAlive } from '../common/process/process-alive';

/** Who holds the embedded database: the HTTP server, or a command of the CLI. */
export type DataDirOwnerRole = 'server' | 'cli';

/** What the lock file says about its holder (JSON in `DATA_DIR/pglite.lock`, beside the cluster directory). */
export interface DataDirLockInfo {
  pid: number;
  hostname: string;
  role: DataDirOwnerRole;
  startedAt: string;
  /** The loopback port of the embedded PostgreSQL, once it listens. */
  databasePort?: number;
  /** The server's HTTP address, once it listens. */
  url?: string;
}

/** Another live process holds the embedded database; the message says what to do instead. */
export class EmbeddedDatabaseInUseError extends Error {
  constructor(
    readonly dataDir: string,
    readonly holder: DataDirLockInfo,
    readonly lockFile: string,
  ) {
    super(inUseMessage(dataDir, holder, lockFile));
    this.name = 'EmbeddedDatabaseInUseError';
  }
}

function inUseMessage(dataDir: string, holder: DataDirLockInfo, lockFile: string): string {
  const who = holder.role === 'server' ? `the server (pid ${holder.pid}${holder.url ? `, ${holder.url}` : ''})` : `another command of the CLI (pid ${holder.pid})`;
  const importHint =
    holder.role === 'server'
      ? `, or import through the running server: curl -H 'Authorization: Bearer <curator key>' -F file=@x.xml '${holder.url ?? 'http://127.0.0.1:3000'}/imports?review=…'`
      : '';
  return (
    `the embedded database in ${dataDir} is in use by ${who}; stop it first, or point DATABASE_URL at a shared PostgreSQL${importHint}. ` +
    `(PGlite serves one process: a second one would write files the first never reads. If pid ${holder.pid} is not ours, remove ${lockFile}.)`
  );
}

function readInfo(path: string): DataDirLockInfo | null {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as DataDirLockInfo;
  } catch {
    return null;
  }
}

/**
 * An exclusive claim on a data directory, held for as long as one process has the embedded database
 * open. The file is written aside and hard-linked into place, so it appears atomically and complete
 * (link fails when the name exists, like O_EXCL, but never shows a half-written file). A lock whose
 * process is gone (kill -9, power loss) is taken over with a warning.
 */
export class DataDirLock {
  private released = false;
  private readonly onExit = () => this.releaseSync();

  private constructor(
    readonly path: string,
    private info: DataDirLockInfo,
  ) {
    // A crash that still runs exit handlers (process.exit, an uncaught error) leaves no lock behind.
    process.once('exit', this.onExit);
  }

  static acquire(dataDir: string, role: DataDirOwnerRole, logger = new Logger('EmbeddedPostgres')): DataDirLock {
    // Beside the directory, not in it: PGlite owns what is inside.
    const path = `${dataDir}.lock`;
    const info: DataDirLockInfo = { pid: process.pid, hostname: hostname(), role, startedAt: new Date().toISOString() };
    for (let attempt = 0; attempt < 5; attempt++) {
      if (tryCreate(path, info)) return new DataDirLock(path, info);
      const holder = readInfo(path);
      if (holder === null) {
        // Gone meanwhile (released), or unreadable: try again; an unreadable one is no one's lock.
        if (attempt > 0) removeIfUnchanged(path, null);
        continue;
      }
      if (holder.pid === process.pid && holder.hostname === info.hostname) throw new EmbeddedDatabaseInUseError(dataDir, holder, path);
      // A lock from another machine (a shared volume) cannot be checked: it counts as held.
      if (holder.hostname !== info.hostname || processAlive(holder.pid)) throw new EmbeddedDatabaseInUseError(dataDir, holder, path);
      logger.warn(`taking over the lock on ${dataDir}: its holder (${holder.role}, pid ${holder.pid}, since ${holder.startedAt}) is no longer running`);
      removeIfUnchanged(path, holder);
    }
    const holder = readInfo(path);
    if (holder) throw new EmbeddedDatabaseInUseError(dataDir, holder, path);
    throw new Error(`could not lock ${dataDir}: ${path} keeps changing`);
  }

  /** Adds what others should be told (the database port, the server's URL); replaced atomically. */
  update(details: Partial<Pick<DataDirLockInfo, 'databasePort' | 'url'>>): void {
    if (this.released) return;
    this.info = { ...this.info, ...details };
    const aside = `${this.path}.${process.pid}.tmp`;
    writeFileSync(aside, JSON.stringify(this.info));
    renameSync(aside, this.path);
  }

  release(): void {
    this.releaseSync();
    process.off('exit', this.onExit);
  }

  private releaseSync(): void {
    if (this.released) return;
    this.released = true;
    // Only our own lock: never one a later process took over.
    const current = readInfo(this.path);
    if (current && current.pid === this.info.pid && current.startedAt === this.info.startedAt) {
      try {
        unlinkSync(this.path);
      } catch {
        // already gone
      }
    }
  }
}

function tryCreate(path: string, info: DataDirLockInfo): boolean {
  const aside = `${path}.${process.pid}.tmp`;
  writeFileSync(aside, JSON.stringify(info));
  try {
    linkSync(aside, path);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  } finally {
    unlinkSync(aside);
  }
}

/**
 * Removes a stale lock, unless another process replaced it since we read it: the file is moved
 * aside first (atomic), and put back if what was moved is not the stale holder's.
 */
function removeIfUnchanged(path: string, stale: DataDirLockInfo | null): void {
  const aside = `${path}.stale.${process.pid}`;
  try {
    renameSync(path, aside);
  } catch {
    return; // someone else removed it
  }
  const moved = readInfo(aside);
  const same = stale === null ? moved === null : moved !== null && moved.pid === stale.pid && moved.startedAt === stale.startedAt;
  if (same) unlinkSync(aside);
  else {
    try {
      linkSync(aside, path);
    } catch {
      // a third process created one meanwhile; it holds the lock
    }
    unlinkSync(aside);
  }
}
