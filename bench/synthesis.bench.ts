/**
 * npm run bench:synthesis [-- --cases 100000 --repeats 40 --table-cases 10000 --database-url postgres://... --data-dir DIR --table-only --table-formats csv,markdown,docx]
 *
 * The synthesis targets of the evidence-synthesis issue, on the same synthetic corpus as bench:search:
 * - a summary (OUTCOME) plus a cross-tab (TREATMENT x OUTCOME) of a broad search, against the same
 *   search's facets (OUTCOME and TREATMENT counts): target within 2x;
 * - the case table of about 10,000 cases streamed as CSV: target flat memory (the heap after a full
 *   collection after every chunk, against the same before it started; at a quarter of the cases too),
 *   and Markdown and Word (.docx: its XML streamed into a zip), each the same way.
 * --data-dir keeps the embedded database there, and a later run with the same --cases reuses its corpus.
 * --table-only skips the summary and cross-tab timings (the case table alone); --table-formats csv,docx
 * measures only those formats.
 * Default: the embedded engine on a fresh embedded database, as the product starts.
 */
import 'reflect-metadata';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { INestApplicationContext } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { startApp } from '../src/bootstrap';
import { loadConfig } from '../src/config/app-config';
import { ReindexService } from '../src/search/indexing/reindex.service';
import { SearchCaseReportsInput } from '../src/search/inputs/search-case-reports.input';
import { FacetName } from '../src/search/query/facet-registry';
import { SearchService } from '../src/search/search.service';
import { CaseTableService } from '../src/synthesis/case-table/case-table.service';
import { CaseTableFormat } from '../src/synthesis/case-table/case-table-writers';
import { CrossTabService } from '../src/synthesis/cross-tab/cross-tab.service';
import { CaseSummaryService } from '../src/synthesis/summary/case-summary.service';
import { CURATED_SEED_TERMS } from '../src/vocabulary/seed/vocabulary-seeder';
import { insertCorpus } from './search.bench';
import { generateCorpus, TermRow } from './synthetic-corpus';

function option(name: string, fallback: string): string {
  const index = process.argv.indexOf(`--${name}`);
  return index > 0 && process.argv[index + 1] ? process.argv[index + 1] : (process.env[`BENCH_${name.toUpperCase().replace(/-/g, '_')}`] ?? fallback);
}

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
};

/** Cases of the broad search from this year on: the newest `wanted` or a few more (whole years). */
async function sinceYearFor(ds: DataSource, wanted: number): Promise<{ since: number | null; count: number }> {
  const years = (await ds.query(`SELECT p.year, count(*)::int AS n FROM case_report c JOIN publication p ON p.id = c.publication_id WHERE c.pregnancy_status IN ('PREGNANT','POSTPARTUM') GROUP BY p.year ORDER BY p.year DESC NULLS LAST`)) as { year: number | null; n: number }[];
  let since = null as number | null;
  let count = 0;
  for (const row of years) {
    if (row.year === null) continue;
    count += row.n;
    since = row.year;
    if (count >= wanted) break;
  }
  return { since, count };
}

const mb = (bytes: number) => (bytes / 1048576).toFixed(1);

/**
 * Streams one case-table download and measures its memory: `retained` is the heap after a full
 * garbage collection taken after every chunk (what the stream holds on to), against the same before
 * it started; `peak` the highest heap seen between collections (sampled every 20 ms; garbage included).
 * Without `collect` (the timing pass) no collection is forced: wall and CPU seconds of the download
 * alone (CPU: the whole process, so the embedded database's work for the search pages too).
 */
async function streamTable(app: INestApplicationContext, input: SearchCaseReportsInput, format: CaseTableFormat, collect = true) {
  const gc = collect && global.gc ? global.gc : () => undefined;
  gc();
  const baseline = process.memoryUsage().heapUsed;
  let peak = baseline;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().heapUsed)), 20);
  const started = performance.now();
  const cpuStarted = process.cpuUsage();
  const table = await app.get(CaseTableService).open(input, format, null);
  let bytes = 0;
  let lines = 0;
  const retained: { lines: number; bytes: number; heap: number }[] = [];
  for await (const chunk of table.chunks) {
    bytes += Buffer.byteLength(chunk);
    if (format !== 'docx') lines += (chunk.toString().match(/\n/g) ?? []).length;
    peak = Math.max(peak, process.memoryUsage().heapUsed);
    gc();
    retained.push({ lines, bytes, heap: process.memoryUsage().heapUsed - baseline });
  }
  clearInterval(sampler);
  const cpu = process.cpuUsage(cpuStarted);
  return { cases: table.totalCases, lines, bytes, seconds: (performance.now() - started) / 1000, cpuSeconds: (cpu.user + cpu.system) / 1e6, baseline, peak: peak - baseline, retained };
}

/** The summary and the cross-tab against the search's facets, interleaved. */
async function timeSynthesis(log: (line: string) => void, search: SearchService, broad: SearchCaseReportsInput, repeats: number, summaries: CaseSummaryService, crossTabs: CrossTabService): Promise<void> {
  // Interleaved, so every measurement sees the same load (the machine is shared): one round runs
  // each measurement once, in a rotating order; the ratio is also taken round by round.
  const runs = {
    facets: () => search.search({ ...broad, first: 0, facets: [{ facet: FacetName.OUTCOME }, { facet: FacetName.TREATMENT }] }),
    summary: () => summaries.summary(broad, FacetName.OUTCOME),
    crossTab: () => crossTabs.crossTab(broad, FacetName.TREATMENT, FacetName.OUTCOME, 20),
    synthesis: () => Promise.all([summaries.summary(broad, FacetName.OUTCOME), crossTabs.crossTab(broad, FacetName.TREATMENT, FacetName.OUTCOME, 20)]),
  };
  const names = Object.keys(runs) as (keyof typeof runs)[];
  const times = Object.fromEntries(names.map((name) => [name, [] as number[]])) as Record<keyof typeof runs, number[]>;
  for (const name of names) await runs[name](); // warm
  for (let round = 0; round < repeats; round++) {
    for (let k = 0; k < names.length; k++) {
      const name = names[(round + k) % names.length];
      const started = performance.now();
      await runs[name]();
      times[name].push(performance.now() - started);
    }
  }
  const stat = (name: keyof typeof runs) => ({ p50: percentile(times[name], 50), p95: percentile(times[name], 95) });
  const [facets, summary, crossTab, synthesis] = names.map(stat);
  const pairedRatio = percentile(times.synthesis.map((time, round) => time / times.facets[round]), 50);
  log('');
  log('| measurement | p50 ms | p95 ms |');
  log('|---|---|---|');
  log(`| facets of the search (OUTCOME, TREATMENT) | ${facets.p50.toFixed(1)} | ${facets.p95.toFixed(1)} |`);
  log(`| summary (OUTCOME) alone | ${summary.p50.toFixed(1)} | ${summary.p95.toFixed(1)} |`);
  log(`| cross-tab (TREATMENT x OUTCOME) alone | ${crossTab.p50.toFixed(1)} | ${crossTab.p95.toFixed(1)} |`);
  log(`| summary (OUTCOME) + cross-tab (TREATMENT x OUTCOME) | ${synthesis.p50.toFixed(1)} | ${synthesis.p95.toFixed(1)} |`);
  log(`| median of the round-by-round ratio (target <= 2.0) | ${pairedRatio.toFixed(2)}x | |`);
  log(`| ratio of the p50s and of the p95s | ${(synthesis.p50 / facets.p50).toFixed(2)}x | ${(synthesis.p95 / facets.p95).toFixed(2)}x |`);
}

async function main(): Promise<void> {
  const cases = Number(option('cases', '100000'));
  const repeats = Number(option('repeats', '40'));
  const tableCases = Number(option('table-cases', '10000'));
  const tableOnly = process.argv.includes('--table-only');
  const tableFormats = option('table-formats', 'csv,markdown,docx').split(',');
  const databaseUrl = option('database-url', '');
  // A kept data directory holds the corpus for the next run (building 100,000 cases takes minutes).
  const keptDir = option('data-dir', '');
  const dataDir = keptDir || mkdtempSync(join(tmpdir(), 'bench-synthesis-'));
  const log = (line: string) => console.log(line);
  log(`# synthesis benchmark: ${cases} cases, ${databaseUrl ? 'DATABASE_URL' : 'embedded PostgreSQL (PGlite)'}, ${repeats} repeats`);
  if (!global.gc) log('(run with --expose-gc: memory figures need full collections)');
  const running = await startApp(
    loadConfig({ DATA_DIR: dataDir, PORT: '0', SEED_DEMO_DATA: 'false', SEED_MESH_VOCABULARY: 'false', LOG_LEVEL: 'warn', RATE_LIMIT_ENABLED: 'false', ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}) }),
  );
  try {
    const app = running.app;
    const ds = app.get(DataSource);
    const held = (await ds.query('SELECT count(*)::int AS n FROM case_report'))[0].n as number;
    if (held > 0 && !(keptDir && held === cases)) throw new Error(`the benchmark needs an empty database${keptDir ? ` or one it filled with ${cases} cases` : ''} (found ${held} cases)`);
    if (held === 0) {
      const curated = new Map(CURATED_SEED_TERMS.map((term, i) => [`${term.kind}:${term.key}`, i]));
      const terms = ((await ds.query('SELECT id, kind::text AS kind, key, label, parent_id AS "parentId" FROM vocabulary_term')) as TermRow[])
        .filter((term) => curated.has(`${term.kind}:${term.key}`))
        .sort((a, b) => (curated.get(`${a.kind}:${a.key}`) as number) - (curated.get(`${b.kind}:${b.key}`) as number));
      const corpus = generateCorpus(cases, terms, 20260101);
      await insertCorpus(ds, corpus);
      const reindex = await app.get(ReindexService).reindex();
      log(`corpus: ${reindex.caseReports} cases indexed in ${(reindex.durationMs / 1000).toFixed(1)} s`);
    } else log(`corpus: the ${held} cases kept in ${dataDir}`);

    const search = app.get(SearchService);
    const summaries = app.get(CaseSummaryService);
    const crossTabs = app.get(CrossTabService);
    // Broad: the obstetric population, about half the corpus.
    const broad: SearchCaseReportsInput = { filters: { pregnancyStatuses: ['PREGNANT', 'POSTPARTUM'] } as SearchCaseReportsInput['filters'] };
    const total = (await search.search({ ...broad, first: 0 })).totalCases;
    log(`broad search: ${total} cases`);
    if (!tableOnly) await timeSynthesis(log, search, broad, repeats, summaries, crossTabs);

    // The case table: the newest cases of the broad search, streamed; CSV and Word at two sizes, Markdown at the larger.
    log('');
    log('| case table | cases | lines | MB | s (a collection per chunk) | s / CPU s (timing pass, no forced collection) | chunks | heap retained after the 2nd chunk MB | retained at the end MB | peak over baseline MB | baseline MB |');
    log('|---|---|---|---|---|---|---|---|---|---|---|');
    const tables: [CaseTableFormat, number][] = [
      ['csv', Math.round(tableCases / 4)],
      ['csv', tableCases],
      ['markdown', tableCases],
      ['docx', Math.round(tableCases / 4)],
      ['docx', tableCases],
    ];
    for (const [format, wanted] of tables.filter(([format]) => tableFormats.includes(format))) {
      const { since } = await sinceYearFor(ds, wanted);
      const input: SearchCaseReportsInput = { ...broad, filters: { ...broad.filters, year: { min: since, max: null } } as SearchCaseReportsInput['filters'] };
      const run = await streamTable(app, input, format);
      const timed = await streamTable(app, input, format, false);
      const first = run.retained[Math.min(1, run.retained.length - 1)];
      const last = run.retained[run.retained.length - 1];
      log(`| ${format} | ${run.cases} | ${run.lines || '-'} | ${mb(run.bytes)} | ${run.seconds.toFixed(1)} | ${timed.seconds.toFixed(1)} / ${timed.cpuSeconds.toFixed(1)} | ${run.retained.length} | ${mb(first.heap)} | ${mb(last.heap)} | ${mb(run.peak)} | ${mb(run.baseline)} |`);
      if (format !== 'markdown' && wanted === tableCases) {
        // By quarters of the chunks written (CSV: lines; Word: compressed bytes, its lines being inside the zip).
        const quarters = [0.25, 0.5, 0.75, 1].map((q) => run.retained[Math.min(run.retained.length - 1, Math.max(0, Math.round(q * run.retained.length) - 1))]);
        const progress = (r: (typeof quarters)[number]) => (format === 'csv' ? `${r.lines} lines` : `${mb(r.bytes)} MB written`);
        log(`${format} ${run.cases} cases, ${run.retained.length} chunks, heap retained after gc: ${quarters.map((r) => `${progress(r)} ${mb(r.heap)} MB`).join(', ')}`);
      }
    }
  } finally {
    await running.close();
    if (!keptDir) rmSync(dataDir, { recursive: true, force: true });
  }
}

if (require.main === module)
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
