import { ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';

export const ROOT = join(__dirname, '..', '..');

export interface RunningChild {
  process: ChildProcess;
  /** stdout and stderr as they came. */
  output(): string;
  stdout(): string;
  /** Resolves with the exit code, or the signal's name when it was killed. */
  exited: Promise<number | string>;
}

/** Starts a TypeScript entry point of this project (src/cli.ts, a test script) from the sources, as `npm run cli` does from dist. */
export function spawnTs(script: string, args: string[], env: NodeJS.ProcessEnv): RunningChild {
  const child = spawn(process.execPath, ['-r', 'ts-node/register/transpile-only', script, ...args], {
    cwd: ROOT,
    env: { ...process.env, TS_NODE_PROJECT: join(ROOT, 'tsconfig.json'), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  let stdout = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
    stdout += chunk.toString();
  });
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | string>((resolve) => child.once('exit', (code, signal) => resolve(signal ?? code ?? -1)));
  return { process: child, output: () => output, stdout: () => stdout, exited };
}

/**
 * Polls `check` until it returns a value (not undefined/false); throws with `what` after `timeoutMs`.
 * `abort` ends the wait early with its reason (a child that exited before the condition held).
 */
export async function waitFor<T>(what: string, check: () => Promise<T | undefined | false>, options: { timeoutMs?: number; intervalMs?: number; abort?: () => string | null } = {}): Promise<T> {
  const deadline = Date.now() + (options.timeoutMs ?? 120_000);
  for (;;) {
    const value = await check();
    if (value !== undefined && value !== false) return value;
    const reason = options.abort?.();
    if (reason) throw new Error(`gave up waiting for ${what}: ${reason}`);
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, options.intervalMs ?? 50));
  }
}
