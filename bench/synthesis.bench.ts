/**
 * npm run bench:synthesis [-- --cases 100000 --repeats 40 --table-cases 10000 --database-url postgres://... --data-dir DIR --table-only --table-formats csv,markdown,docx]
 *
 * The synthesis targets of the evidence-synthesis issue, on the same synthetic corpus as bench:search:
 * - a summary (OUTCOME) plus a cross-tab (TREATMENT x OUTCOME) of a broad search, against the same
 *   search's facets (OUTCOME and TREATMENT counts): target within 2x. Timed as the web client asks
 *   (cases only, no publication counts) and with publications (the full GraphQL selection), each
 *   cold (no kept cross-tab answer: the headline) and, as the web client asks, warm;
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
import { loadavg, tmpdir } from 'node:os';
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
import { SynthesisCounts } from '../src/synthesis/synthesis-counts';
import { PostgresSearchEngine } from '../src/search/engines/postgres/postgres-search.engine';
import { SEARCH_ENGINE, SearchEngine } from '../src/search/search-engine.port';
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
    if (!tableOnly) {
      // What a user gets: the web client's synthesis view asks for cases and proportions, no publication
      // counts (src/web/client/queries.ts: OUTCOME_SUMMARY_QUERY, CROSS_TAB_QUERY), so GraphQL asks the
      // engine for none (synthesis-counts.ts). The full selection (publications too) is timed alongside.
      const casesOnly = { publications: false };
      const withPublications = { publications: true };
      const summaryOf = (asked: SynthesisCounts) => summaries.summary(broad, FacetName.OUTCOME, asked);
      const crossTabOf = (asked: SynthesisCounts) => crossTabs.crossTab(broad, FacetName.TREATMENT, FacetName.OUTCOME, 20, asked);
      const synthesisOf = (asked: SynthesisCounts) => Promise.all([summaryOf(asked), crossTabOf(asked)]);
      // The embedded engine keeps cross-tab answers per index version: "cold" is a call with none kept
      // (as the first after an index change; the facet columns' own sets stay built, as they do for the
      // facets search), "warm" the same call again (a researcher reloading the synthesis).
      const engine = app.get<SearchEngine>(SEARCH_ENGINE);
      const forget = () => (engine instanceof PostgresSearchEngine ? engine.clearCrossTabCache() : undefined);
      // Interleaved, so every measurement sees the same load (the machine is shared): one round runs
      // each measurement once, in a rotating order; the ratios are also taken round by round.
      type Name = 'facets' | 'summary' | 'crossTab' | 'synthesis' | 'warm' | 'summaryPublications' | 'crossTabPublications' | 'synthesisPublications';
      const names: Name[] = ['facets', 'summary', 'crossTab', 'synthesis', 'warm', 'summaryPublications', 'crossTabPublications', 'synthesisPublications'];
      const times = Object.fromEntries(names.map((name) => [name, [] as number[]])) as Record<Name, number[]>;
      // CPU time of this process (the embedded database runs in it too): less moved by other processes' load than wall time.
      const cpuTimes = Object.fromEntries(names.map((name) => [name, [] as number[]])) as Record<Name, number[]>;
      const timed = async (name: Name, run: () => Promise<unknown>) => {
        const cpu = process.cpuUsage();
        const started = performance.now();
        await run();
        times[name].push(performance.now() - started);
        const used = process.cpuUsage(cpu);
        cpuTimes[name].push((used.user + used.system) / 1000);
      };
      const cold = (name: Name, run: () => Promise<unknown>) => {
        forget();
        return timed(name, run);
      };
      const steps: (() => Promise<void>)[] = [
        () => timed('facets', () => search.search({ ...broad, first: 0, facets: [{ facet: FacetName.OUTCOME }, { facet: FacetName.TREATMENT }] })),
        () => cold('summary', () => summaryOf(casesOnly)),
        () => cold('crossTab', () => crossTabOf(casesOnly)),
        async () => {
          await cold('synthesis', () => synthesisOf(casesOnly));
          await timed('warm', () => synthesisOf(casesOnly));
        },
        () => cold('summaryPublications', () => summaryOf(withPublications)),
        () => cold('crossTabPublications', () => crossTabOf(withPublications)),
        () => cold('synthesisPublications', () => synthesisOf(withPublications)),
      ];
      for (const step of steps) await step(); // warm the code paths (not the kept answers: every cold step forgets them)
      for (const name of names) times[name].length = cpuTimes[name].length = 0;
      for (let round = 0; round < repeats; round++) {
        for (let k = 0; k < steps.length; k++) await steps[(round + k) % steps.length]();
      }
      const stat = (name: Name) => ({ p50: percentile(times[name], 50), p95: percentile(times[name], 95), cpu: percentile(cpuTimes[name], 50) });
      const paired = (of: Record<Name, number[]>, name: Name) => percentile(of[name].map((time, round) => time / of.facets[round]), 50);
      const facets = stat('facets');
      const line = (label: string, name: Name) => {
        const { p50, p95, cpu } = stat(name);
        return `| ${label} | ${p50.toFixed(1)} / ${p95.toFixed(1)} | ${cpu.toFixed(1)} | **${paired(times, name).toFixed(2)}x** | ${paired(cpuTimes, name).toFixed(2)}x | ${(p50 / facets.p50).toFixed(2)}x / ${(p95 / facets.p95).toFixed(2)}x |`;
      };
      log('');
      log(`load average at the end: ${loadavg().map((x) => x.toFixed(2)).join(' ')}`);
      log('| measurement | wall p50 / p95 ms | CPU p50 ms | wall ratio to facets, round by round (median; target <= 2.0 for the pair) | CPU ratio, round by round | ratio of wall p50s / p95s |');
      log('|---|---|---|---|---|---|');
      log(`| facets of the search (OUTCOME, TREATMENT) | ${facets.p50.toFixed(1)} / ${facets.p95.toFixed(1)} | ${facets.cpu.toFixed(1)} | | | |`);
      log(line('summary (OUTCOME), cases only, cold', 'summary'));
      log(line('cross-tab (TREATMENT x OUTCOME), cases only, cold', 'crossTab'));
      log(line('**summary + cross-tab, cases only (the web client), cold**', 'synthesis'));
      log(line('summary + cross-tab, cases only, warm (kept answers)', 'warm'));
      log(line('summary (OUTCOME), with publications, cold', 'summaryPublications'));
      log(line('cross-tab (TREATMENT x OUTCOME), with publications, cold', 'crossTabPublications'));
      log(line('summary + cross-tab, with publications (full selection), cold', 'synthesisPublications'));
    }

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
    // --table-cases 0: the timings only.
    for (const [format, wanted] of tableCases > 0 ? tables.filter(([format]) => tableFormats.includes(format)) : []) {
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
