#!/usr/bin/env node
/**
 * `npm start` runs this first: it builds (`npm run build`) only when dist/ is missing or older than what
 * it is built from, so a restart starts in seconds instead of rebuilding every time. The stamp
 * dist/.build-stamp is written after a successful build; a source newer than it means a rebuild.
 */
import { execSync } from 'node:child_process';
import { existsSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const stamp = join(root, 'dist', '.build-stamp');
const SOURCES = ['src', 'migrations', 'bench', 'scripts', 'package.json', 'package-lock.json', 'tsconfig.json', 'tsconfig.build.json', 'nest-cli.json'];

/** The newest modification time under a path (files and folders; node_modules and dist are never sources). */
function newest(path) {
  if (!existsSync(path)) return 0;
  const stats = statSync(path);
  if (!stats.isDirectory()) return stats.mtimeMs;
  let latest = stats.mtimeMs;
  for (const entry of readdirSync(path)) latest = Math.max(latest, newest(join(path, entry)));
  return latest;
}

const built = existsSync(stamp) ? statSync(stamp).mtimeMs : 0;
const changed = Math.max(...SOURCES.map((source) => newest(join(root, source))));
if (built && changed <= built) {
  console.log('dist/ is up to date: starting without a rebuild (delete dist/ to force one)');
} else {
  console.log(built ? 'sources changed since the last build: building' : 'no build yet: building');
  execSync('npm run build', { cwd: root, stdio: 'inherit' });
  writeFileSync(stamp, `${new Date().toISOString()}\n`);
}
