#!/usr/bin/env node
/**
 * Builds the search page (src/web/client) into dist/web: type-checks the client sources, bundles and
 * minifies them with esbuild into content-hashed assets, writes index.html pointing at them, and
 * fails when the JavaScript a first visit loads exceeds the budget.
 *
 *   node scripts/build-web.mjs            build (what `npm run build:web` runs)
 *   node scripts/build-web.mjs --no-check skip the type check (faster rebuilds while developing)
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import ts from 'typescript';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const clientDir = join(root, 'src', 'web', 'client');
const outDir = join(root, 'dist', 'web');
const assetsDir = join(outDir, 'assets');
const JS_BUDGET_BYTES = 150 * 1024;

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

async function bundle() {
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(assetsDir, { recursive: true });
  const result = await build({
    entryPoints: { app: join(clientDir, 'main.ts') },
    bundle: true,
    minify: true,
    sourcemap: 'linked',
    format: 'iife',
    target: ['chrome100', 'firefox100', 'safari15'],
    outdir: assetsDir,
    entryNames: '[name]-[hash]',
    metafile: true,
    legalComments: 'none',
    logLevel: 'warning',
  });
  const outputs = Object.keys(result.metafile.outputs).map((file) => join(root, file));
  const js = outputs.find((file) => file.endsWith('.js'));
  const css = outputs.find((file) => file.endsWith('.css'));
  if (!js || !css) throw new Error('esbuild produced no JavaScript or no CSS');

  const template = readFileSync(join(clientDir, 'index.html'), 'utf8');
  const html = template.replace('%JS%', `assets/${relative(assetsDir, js)}`).replace('%CSS%', `assets/${relative(assetsDir, css)}`);
  writeFileSync(join(outDir, 'index.html'), html);

  const jsBytes = readFileSync(js).length;
  const cssBytes = readFileSync(css).length;
  const manifest = {
    js: { file: relative(outDir, js), bytes: jsBytes, gzipBytes: gzipSync(readFileSync(js)).length },
    css: { file: relative(outDir, css), bytes: cssBytes, gzipBytes: gzipSync(readFileSync(css)).length },
  };
  writeFileSync(join(outDir, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
  console.log(`search page: ${relative(root, outDir)}/  JS ${kb(jsBytes)} (gzip ${kb(manifest.js.gzipBytes)}), CSS ${kb(cssBytes)} (gzip ${kb(manifest.css.gzipBytes)})`);
  if (jsBytes > JS_BUDGET_BYTES) throw new Error(`the search page's JavaScript is ${kb(jsBytes)}, over the ${kb(JS_BUDGET_BYTES)} budget`);
}

try {
  if (!process.argv.includes('--no-check')) typeCheck();
  await bundle();
} catch (error) {
  console.error(`build-web: ${error instanceof Error ? error.message : error}`);
  process.exit(1);
}
