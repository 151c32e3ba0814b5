#!/usr/bin/env node
/**
 * Builds the search page (src/web/client) into dist/web: type-checks the client sources, bundles and
 * minifies them with esbuild into content-hashed assets, writes index.html pointing at them, and
 * fails when the JavaScript a first visit loads exceeds the budget.
 *
 *   node scripts/build-web.mjs            build (what `npm run build:web` runs)
 *   node scripts/build-web.mjs --no-check skip the type check (faster rebuilds while developing)
 */
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import ts from 'typescript';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const clientDir = join(root, 'src', 'web', 'client');
const outDir = join(root, 'dist', 'web');
const assetsDir = join(outDir, 'assets');
const JS_BUDGET_BYTES = 150 * 1024;
/** Unreferenced assets older than this are removed (a page loaded before a rebuild may still ask for its assets). */
const STALE_ASSET_MS = 15 * 60 * 1000;
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;

function typeCheck() {
  const configPath = join(clientDir, 'tsconfig.json');
  const { config, error } = ts.readConfigFile(configPath, ts.sys.readFile);
  if (error) throw new Error(ts.flattenDiagnosticMessageText(error.messageText, '\n'));
  const parsed = ts.parseJsonConfigFileContent(config, ts.sys, clientDir);
  const program = ts.createProgram(parsed.fileNames, parsed.options);
  const diagnostics = ts.getPreEmitDiagnostics(program);
  if (diagnostics.length) {
    const host = { getCanonicalFileName: (name) => name, getCurrentDirectory: () => root, getNewLine: () => '\n' };
    process.stderr.write(ts.formatDiagnosticsWithColorAndContext(diagnostics, host));
    throw new Error(`the search page has ${diagnostics.length} type error(s)`);
  }
}

/** Writes a file so that readers see the old or the new content, never a missing or half-written file. */
function writeAtomically(file, content) {
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, content);
  renameSync(temporary, file);
}

/**
 * Builds into a staging folder, then moves the content-hashed assets in and swaps index.html in one
 * rename, so an app serving dist/web (a test run in another terminal, say) never sees it missing.
 * Assets no longer referenced are removed once they are old enough that no page still asks for them.
 */
async function bundle() {
  const staging = join(outDir, `.staging-${process.pid}`);
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(assetsDir, { recursive: true });
  try {
    const result = await build({
      entryPoints: { app: join(clientDir, 'main.ts') },
      bundle: true,
      minify: true,
      sourcemap: 'linked',
      format: 'iife',
      target: ['chrome100', 'firefox100', 'safari15'],
      outdir: staging,
      entryNames: '[name]-[hash]',
      metafile: true,
      legalComments: 'none',
      logLevel: 'warning',
    });
    const built = Object.keys(result.metafile.outputs).map((file) => basename(file));
    const js = built.find((file) => file.endsWith('.js'));
    const css = built.find((file) => file.endsWith('.css'));
    if (!js || !css) throw new Error('esbuild produced no JavaScript or no CSS');
    for (const file of built) renameSync(join(staging, file), join(assetsDir, file));

    const template = readFileSync(join(clientDir, 'index.html'), 'utf8');
    const html = template.replace('%JS%', `assets/${js}`).replace('%CSS%', `assets/${css}`);
    const jsBody = readFileSync(join(assetsDir, js));
    const cssBody = readFileSync(join(assetsDir, css));
    const manifest = {
      js: { file: `assets/${js}`, bytes: jsBody.length, gzipBytes: gzipSync(jsBody).length },
      css: { file: `assets/${css}`, bytes: cssBody.length, gzipBytes: gzipSync(cssBody).length },
    };
    if (manifest.js.bytes > JS_BUDGET_BYTES) throw new Error(`the search page's JavaScript is ${kb(manifest.js.bytes)}, over the ${kb(JS_BUDGET_BYTES)} budget`);
    writeAtomically(join(outDir, 'index.html'), html);
    writeAtomically(join(outDir, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);

    const keep = new Set(built);
    for (const file of readdirSync(assetsDir)) {
      const path = join(assetsDir, file);
      if (!keep.has(file) && Date.now() - statSync(path).mtimeMs > STALE_ASSET_MS) rmSync(path, { force: true });
    }
    console.log(`search page: ${relative(root, outDir)}/  JS ${kb(manifest.js.bytes)} (gzip ${kb(manifest.js.gzipBytes)}), CSS ${kb(manifest.css.bytes)} (gzip ${kb(manifest.css.gzipBytes)})`);
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}

try {
  if (!process.argv.includes('--no-check')) typeCheck();
  await bundle();
} catch (error) {
  console.error(`build-web: ${error instanceof Error ? error.message : error}`);
  process.exit(1);
}
