#!/usr/bin/env node
/**
 * Builds the pages (src/web/client) into dist/web: type-checks the client sources, bundles and
 * minifies them with esbuild into content-hashed assets, writes each page's HTML pointing at its own
 * assets (the search page: index.html; the review workspace: workspace.html, a separate entry so the
 * search page's first visit never loads the workspace's code), and fails when the JavaScript a first
 * visit of either page loads exceeds the budget.
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
/** Each page: its esbuild entry (asset name prefix), source, HTML template and output file. */
const PAGES = [
  { name: 'search page', entry: 'app', source: 'main.ts', template: 'index.html', output: 'index.html' },
  { name: 'review workspace', entry: 'workspace', source: 'workspace/main.ts', template: 'workspace/workspace.html', output: 'workspace.html' },
];
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
      entryPoints: Object.fromEntries(PAGES.map((page) => [page.entry, join(clientDir, page.source)])),
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
    for (const file of built) renameSync(join(staging, file), join(assetsDir, file));
    const manifest = {};
    const written = [];
    for (const page of PAGES) {
      const js = built.find((file) => file.startsWith(`${page.entry}-`) && file.endsWith('.js'));
      const css = built.find((file) => file.startsWith(`${page.entry}-`) && file.endsWith('.css'));
      if (!js || !css) throw new Error(`esbuild produced no JavaScript or no CSS for ${page.name}`);
      const template = readFileSync(join(clientDir, page.template), 'utf8');
      const html = template.replace('%JS%', `assets/${js}`).replace('%CSS%', `assets/${css}`);
      const jsBody = readFileSync(join(assetsDir, js));
      const cssBody = readFileSync(join(assetsDir, css));
      const entry = {
        js: { file: `assets/${js}`, bytes: jsBody.length, gzipBytes: gzipSync(jsBody).length },
        css: { file: `assets/${css}`, bytes: cssBody.length, gzipBytes: gzipSync(cssBody).length },
      };
      if (entry.js.bytes > JS_BUDGET_BYTES) throw new Error(`the ${page.name}'s JavaScript is ${kb(entry.js.bytes)}, over the ${kb(JS_BUDGET_BYTES)} budget`);
      written.push([page, html, entry]);
    }
    for (const [page, html, entry] of written) {
      // The search page's numbers stay at the top level (js, css) as before; other pages under their entry name.
      if (page.entry === 'app') Object.assign(manifest, entry);
      else manifest[page.entry] = entry;
      writeAtomically(join(outDir, page.output), html);
    }
    writeAtomically(join(outDir, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);

    const keep = new Set(built);
    for (const file of readdirSync(assetsDir)) {
      const path = join(assetsDir, file);
      if (!keep.has(file) && Date.now() - statSync(path).mtimeMs > STALE_ASSET_MS) rmSync(path, { force: true });
    }
    for (const [page, , entry] of written) {
      console.log(`${page.name}: ${relative(root, outDir)}/${page.output}  JS ${kb(entry.js.bytes)} (gzip ${kb(entry.js.gzipBytes)}), CSS ${kb(entry.css.bytes)} (gzip ${kb(entry.css.gzipBytes)})`);
    }
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
