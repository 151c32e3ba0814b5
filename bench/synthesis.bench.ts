/**
 * npm run bench:synthesis [-- --cases 100000 --repeats 15 --table-cases 10000 --database-url postgres://...]
 *
 * The synthesis targets of the evidence-synthesis issue, on the same synthetic corpus as bench:search:
 * - a summary (OUTCOME) plus a cross-tab (TREATMENT x OUTCOME) of a broad search, against the same
 *   search's facets (OUTCOME and TREATMENT counts): target within 2x;
 * - the case table of about 10,000 cases streamed as CSV: target flat memory (heap sampled while it
 *   streams, against the heap before it started).
 * Default: the embedded engine on a fresh embedded database, as the product starts.
 */
import 'reflect-metadata';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { DataSource } from 'typeorm';
import { startApp } from '../src/bootstrap';
import { loadConfig } from '../src/config/app-config';
import { ReindexService } from '../src/search/indexing/reindex.service';
import { SearchCaseReportsInput } from '../src/search/inputs/search-case-reports.input';
import { FacetName } from '../src/search/query/facet-registry';
import { SearchService } from '../src/search/search.service';
import { CaseTableService } from '../src/synthesis/case-table/case-table.service';
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

async function timed(repeats: number, run: () => Promise<unknown>): Promise<{ p50: number; p95: number }> {
  await run(); // warm: the first call loads what the engine keeps in memory
  const times: number[] = [];
  for (let i = 0; i < repeats; i++) {
    const started = performance.now();
    await run();
    times.push(performance.now() - started);
  }
  return { p50: percentile(times, 50), p95: percentile(times, 95) };
}

async function main(): Promise<void> {
  const cases = Number(option('cases', '100000'));
  const repeats = Number(option('repeats', '15'));
  const tableCases = Number(option('table-cases', '10000'));
  const databaseUrl = option('database-url', '');
  const dataDir = mkdtempSync(join(tmpdir(), 'bench-synthesis-'));
  const log = (line: string) => console.log(line);
  log(`# synthesis benchmark: ${cases} cases, ${databaseUrl ? 'DATABASE_URL' : 'embedded PostgreSQL (PGlite)'}, ${repeats} repeats`);
  const running = await startApp(
    loadConfig({ DATA_DIR: dataDir, PORT: '0', SEED_DEMO_DATA: 'false', SEED_MESH_VOCABULARY: 'false', LOG_LEVEL: 'warn', RATE_LIMIT_ENABLED: 'false', ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}) }),
  );
  try {
    const app = running.app;
    const ds = app.get(DataSource);
    if ((await ds.query('SELECT count(*)::int AS n FROM case_report'))[0].n > 0) throw new Error('the benchmark needs an empty database');
    const curated = new Map(CURATED_SEED_TERMS.map((term, i) => [`${term.kind}:${term.key}`, i]));
    const terms = ((await ds.query('SELECT id, kind::text AS kind, key, label, parent_id AS "parentId" FROM vocabulary_term')) as TermRow[])
      .filter((term) => curated.has(`${term.kind}:${term.key}`))
      .sort((a, b) => (curated.get(`${a.kind}:${a.key}`) as number) - (curated.get(`${b.kind}:${b.key}`) as number));
    const corpus = generateCorpus(cases, terms, 20260101);
    await insertCorpus(ds, corpus);
    const reindex = await app.get(ReindexService).reindex();
    log(`corpus: ${reindex.caseReports} cases indexed in ${(reindex.durationMs / 1000).toFixed(1)} s`);

    const search = app.get(SearchService);
    const summaries = app.get(CaseSummaryService);
    const crossTabs = app.get(CrossTabService);
    // Broad: the obstetric population, about half the corpus.
    const broad: SearchCaseReportsInput = { filters: { pregnancyStatuses: ['PREGNANT', 'POSTPARTUM'] } as SearchCaseReportsInput['filters'] };
    const total = (await search.search({ ...broad, first: 0 })).totalCases;
    log(`broad search: ${total} cases`);
    const facets = await timed(repeats, () => search.search({ ...broad, first: 0, facets: [{ facet: FacetName.OUTCOME }, { facet: FacetName.TREATMENT }] }));
    const synthesis = await timed(repeats, () => Promise.all([summaries.summary(broad, FacetName.OUTCOME), crossTabs.crossTab(broad, FacetName.TREATMENT, FacetName.OUTCOME, 20)]));
    log('');
    log('| measurement | p50 ms | p95 ms |');
    log('|---|---|---|');
    log(`| facets of the search (OUTCOME, TREATMENT) | ${facets.p50.toFixed(1)} | ${facets.p95.toFixed(1)} |`);
    log(`| summary (OUTCOME) + cross-tab (TREATMENT x OUTCOME) | ${synthesis.p50.toFixed(1)} | ${synthesis.p95.toFixed(1)} |`);
    log(`| ratio (target <= 2.0) | ${(synthesis.p50 / facets.p50).toFixed(2)}x | ${(synthesis.p95 / facets.p95).toFixed(2)}x |`);

    // The case table: the first `tableCases` cases of the broad search (newest first), streamed as CSV.
    const years = (await ds.query(`SELECT p.year, count(*)::int AS n FROM case_report c JOIN publication p ON p.id = c.publication_id WHERE c.pregnancy_status IN ('PREGNANT','POSTPARTUM') GROUP BY p.year ORDER BY p.year DESC NULLS LAST`)) as { year: number | null; n: number }[];
    let since = null as number | null;
    let count = 0;
    for (const row of years) {
      if (row.year === null) continue;
      count += row.n;
      since = row.year;
      if (count >= tableCases) break;
    }
    const tableInput: SearchCaseReportsInput = { ...broad, filters: { ...broad.filters, year: { min: since, max: null } } as SearchCaseReportsInput['filters'] };
    global.gc?.();
    const baseline = process.memoryUsage().heapUsed;
    let peak = baseline;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().heapUsed)), 50);
    const started = performance.now();
    const table = await app.get(CaseTableService).open(tableInput, 'csv', null);
    let bytes = 0;
    let rows = 0;
    for await (const chunk of table.chunks) {
      bytes += Buffer.byteLength(chunk);
      rows += (chunk.toString().match(/\n/g) ?? []).length;
    }
    clearInterval(sampler);
    const seconds = (performance.now() - started) / 1000;
    log('');
    log(`case table: ${rows} lines (${(bytes / 1048576).toFixed(1)} MB CSV) of ${count} cases in ${seconds.toFixed(1)} s; heap peak ${((peak - baseline) / 1048576).toFixed(1)} MB over the ${(baseline / 1048576).toFixed(0)} MB before it${global.gc ? '' : ' (run with --expose-gc for a settled baseline)'}`);
  } finally {
    await running.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

if (require.main === module)
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
