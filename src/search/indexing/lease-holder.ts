import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { processAlive } from '../../common/process/process-alive';

/** How a process names itself in the indexer lease: host, pid and a nonce (`host:pid:nonce`, a reindex adds `:reindex`). */
export function leaseHolderName(): string {
  return `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
}

const HOLDER = /^(.+):(\d+):[0-9a-f]{6}(?::reindex)?$/;

/**
 * True only when the holder is known to be gone: a process of this machine whose pid no longer
 * exists (kill -9, OOM). A holder on another machine (or a name we cannot read) may be alive: it
 * keeps the lease until the lease expires.
 */
export function leaseHolderIsGone(holder: string): boolean {
  const match = HOLDER.exec(holder);
  if (!match || match[1] !== hostname()) return false;
  return !processAlive(Number(match[2]));
}
