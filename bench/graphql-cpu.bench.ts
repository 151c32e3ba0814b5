/**
 * node dist/bench/graphql-cpu.bench.js [--cases 20000 --requests 150]
 *
 * CPU time of the process per request (process.cpuUsage, so it hardly moves with other load on the
 * machine, unlike latency): the full faceted search of search.bench.ts on the engine directly, through
 * GraphQL over HTTP, and through GraphQL without hits or without facets, plus `{ __typename }` (the
 * HTTP + Apollo floor). Requests alternate between the variants, so a load change hits all alike. The
 * client (fetch, JSON) runs in this process too: the GraphQL figures include ~1-2 ms of it.
 * `--text-caches no`: the engine forgets the texts it analysed and matched (cold text figures).
 */
import 'reflect-metadata';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { startApp } from '../src/bootstrap';
import { loadConfig } from '../src/config/app-config';
import { PostgresSearchEngine } from '../src/search/engines/postgres/postgres-search.engine';
import { TextPostings } from '../src/search/engines/postgres/text-postings';
import { ReindexService } from '../src/search/indexing/reindex.service';
import { SearchCaseReportsInput } from '../src/search/inputs/search-case-reports.input';
import { SEARCH_ENGINE, SearchEngine } from '../src/search/search-engine.port';
import { SearchService } from '../src/search/search.service';
import { CURATED_SEED_TERMS } from '../src/vocabulary/seed/vocabulary-seeder';
import { insertCorpus, SEARCH_DOCUMENT, FULL_FACETED_INPUTS } from './search.bench';
import { generateCorpus, TermRow } from './synthetic-corpus';

function option(name: string, fallback: string): string {
  const index = process.argv.indexOf(`--${name}`);
  return index > 0 && process.argv[index + 1] ? process.argv[index + 1] : fallback;
}

async function main(): Promise<void> {
  const cases = Number(option('cases', '20000'));
  const requests = Number(option('requests', '150'));
  // no: the engine keeps no recent tsqueries or text matches (each search as a text seen for the first time).
  const textCaches = option('text-caches', 'yes') !== 'no';
  if (!textCaches) {
    PostgresSearchEngine.recentTexts = 0;
    TextPostings.recentMatches = 0;
  }
  const dataDir = mkdtempSync(join(tmpdir(), 'bench-cpu-'));
  const running = await startApp(loadConfig({ DATA_DIR: dataDir, PORT: '0', SEED_DEMO_DATA: 'false', SEED_MESH_VOCABULARY: 'false', LOG_LEVEL: 'warn', RATE_LIMIT_ENABLED: 'false' }));
  try {
    const app = running.app;
    const ds = app.get(DataSource);
    const seeded = (await ds.query('SELECT id, kind::text AS kind, key, label, parent_id AS "parentId" FROM vocabulary_term')) as TermRow[];
    const order = new Map(CURATED_SEED_TERMS.map((term, i) => [`${term.kind}:${term.key}`, i]));
    const terms = seeded.filter((t) => order.has(`${t.kind}:${t.key}`)).sort((a, b) => (order.get(`${a.kind}:${a.key}`) as number) - (order.get(`${b.kind}:${b.key}`) as number));
    await insertCorpus(ds, generateCorpus(cases, terms, 20260101));
    await app.get(ReindexService).reindex();
    const engine = app.get<SearchEngine>(SEARCH_ENGINE);
    const inputs = FULL_FACETED_INPUTS;
    const queries = await Promise.all(inputs.map((input) => app.get(SearchService).toQuery(input)));
    const post = async (query: string, variables?: unknown) => {
      const response = await fetch(`${running.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables }) });
      const body = (await response.json()) as { errors?: unknown };
      if (body.errors) throw new Error(JSON.stringify(body.errors));
    };
    const search = (input: SearchCaseReportsInput) => post(SEARCH_DOCUMENT, { input });
    const variants: Record<string, (i: number) => Promise<unknown>> = {
      engine: (i) => engine.search(queries[i % queries.length]),
      graphql: (i) => search(inputs[i % inputs.length]),
      'graphql, no hits': (i) => search({ ...inputs[i % inputs.length], first: 0 }),
      'graphql, no facets': (i) => search({ ...inputs[i % inputs.length], facets: [] }),
      '{ __typename }': () => post('{ __typename }'),
    };
    for (let i = 0; i < 30; i++) for (const run of Object.values(variants)) await run(i);
    const cpu = Object.fromEntries(Object.keys(variants).map((name) => [name, [] as number[]]));
    for (let i = 0; i < requests; i++) {
      for (const [name, run] of Object.entries(variants)) {
        const before = process.cpuUsage();
        await run(i);
        const used = process.cpuUsage(before);
        cpu[name].push((used.user + used.system) / 1000);
      }
    }
    const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;
    console.log(`# CPU ms per request, ${cases} cases, ${requests} requests per variant (mean), text caches ${textCaches ? 'on' : 'off'}, NODE_ENV ${process.env.NODE_ENV ?? 'unset'}`);
    for (const [name, values] of Object.entries(cpu)) console.log(`${name.padEnd(20)} ${mean(values).toFixed(2)}`);
    console.log(`GraphQL / engine: ${(mean(cpu.graphql) / mean(cpu.engine)).toFixed(2)}x; GraphQL minus engine: ${(mean(cpu.graphql) - mean(cpu.engine)).toFixed(2)} ms`);
  } finally {
    await running.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

if (require.main === module) main().catch((error) => {
  console.error(error);
  process.exit(1);
});
