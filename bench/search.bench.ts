/**
 * npm run bench:search [-- --cases 100000 --requests 100 --seed 1 --database-url postgres://...]
 *
 * Generates a deterministic synthetic corpus, indexes it (a reindex: rows -> documents -> engine),
 * then runs a fixed mix of searches through the GraphQL endpoint and on the engine directly, and
 * prints p50/p95 latency, throughput at 1 and 16 concurrent clients, the indexing rate and the ratio
 * of GraphQL to direct-engine latency. Default: the embedded engine on a fresh embedded database.
 */
import 'reflect-metadata';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';
import { DataSource } from 'typeorm';
import { startApp } from '../src/bootstrap';
import { loadConfig } from '../src/config/app-config';
import { PostgresSearchEngine } from '../src/search/engines/postgres/postgres-search.engine';
import { TextPostings } from '../src/search/engines/postgres/text-postings';
import { OutboxDrainer } from '../src/search/indexing/outbox-drainer';
import { TermCatalog } from '../src/search/indexing/term-catalog';
import { ReindexService } from '../src/search/indexing/reindex.service';
import { SearchCaseReportsInput } from '../src/search/inputs/search-case-reports.input';
import { encodeSearchCursor } from '../src/search/query/search-cursor';
import { SearchQuery, SearchSort } from '../src/search/query/search-query';
import { SEARCH_ENGINE, SearchEngine } from '../src/search/search-engine.port';
import { SearchService } from '../src/search/search.service';
import { CURATED_SEED_TERMS } from '../src/vocabulary/seed/vocabulary-seeder';
import { TermKind } from '../src/vocabulary/term-kind.enum';
import { ClientJob, ClientResult } from './graphql-client';
import { generateCorpus, SyntheticCorpus, TermRow } from './synthetic-corpus';

const ADMIN_KEY = 'bench-admin-key-0123456789';

function option(name: string, fallback: string): string {
  const index = process.argv.indexOf(`--${name}`);
  return index > 0 && process.argv[index + 1] ? process.argv[index + 1] : (process.env[`BENCH_${name.toUpperCase().replace(/-/g, '_')}`] ?? fallback);
}

export async function insertCorpus(ds: DataSource, corpus: SyntheticCorpus): Promise<void> {
  const chunk = 2000;
  const columns = <T>(rows: T[], keys: (keyof T)[]) => keys.map((key) => rows.map((row) => row[key]));
  for (let i = 0; i < corpus.publications.length; i += chunk) {
    const rows = corpus.publications.slice(i, i + chunk).map((p) => ({ ...p, types: p.publication_types.join('|') }));
    await ds.query(
      `INSERT INTO publication (id, title, abstract, journal, year, publication_types, authors)
       SELECT id, title, abstract, journal, year, string_to_array(types, '|'), authors::jsonb FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::int[], $6::text[], $7::text[]) AS t(id, title, abstract, journal, year, types, authors)`,
      columns(rows, ['id', 'title', 'abstract', 'journal', 'year', 'types', 'authors']),
    );
  }
  for (let i = 0; i < corpus.cases.length; i += chunk) {
    await ds.query(
      `INSERT INTO case_report (id, publication_id, label, summary, age_years, age_group, sex, pregnancy_status, anticoagulation, outcome)
       SELECT id, pid, label, summary, age, ag::age_group, sex::sex, ps::pregnancy_status, ac::anticoagulation, o::outcome
       FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[], $5::float8[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[]) AS t(id, pid, label, summary, age, ag, sex, ps, ac, o)`,
      columns(corpus.cases.slice(i, i + chunk), ['id', 'publication_id', 'label', 'summary', 'age_years', 'age_group', 'sex', 'pregnancy_status', 'anticoagulation', 'outcome']),
    );
  }
  for (let i = 0; i < corpus.procedures.length; i += chunk) {
    await ds.query(
      `INSERT INTO case_procedure (id, case_report_id, position, term_id, blood_volume_ml) SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::smallint[], $4::uuid[], $5::float8[])`,
      columns(corpus.procedures.slice(i, i + chunk), ['id', 'case_report_id', 'position', 'term_id', 'blood_volume_ml']),
    );
  }
  for (let i = 0; i < corpus.complications.length; i += chunk) {
    await ds.query(
      `INSERT INTO case_complication (id, case_report_id, position, term_id, procedure_id, onset_hours) SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::smallint[], $4::uuid[], $5::uuid[], $6::float8[])`,
      columns(corpus.complications.slice(i, i + chunk), ['id', 'case_report_id', 'position', 'term_id', 'procedure_id', 'onset_hours']),
    );
  }
  for (let i = 0; i < corpus.treatments.length; i += chunk) {
    await ds.query(
      `INSERT INTO case_treatment (id, case_report_id, position, term_id, complication_id) SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::smallint[], $4::uuid[], $5::uuid[])`,
      columns(corpus.treatments.slice(i, i + chunk), ['id', 'case_report_id', 'position', 'term_id', 'complication_id']),
    );
  }
  for (let i = 0; i < corpus.symptoms.length; i += chunk) {
    await ds.query(`INSERT INTO case_complication_symptom (complication_id, term_id) SELECT * FROM unnest($1::uuid[], $2::uuid[])`, columns(corpus.symptoms.slice(i, i + chunk), ['complication_id', 'term_id']));
  }
  await ds.query('ANALYZE');
}

/** The search page's selection (exported for graphql-cpu.bench.ts). */
export const SEARCH_DOCUMENT = `query Search($input: SearchCaseReportsInput!) {
  searchCaseReports(input: $input) {
    totalCases totalPublications
    hits {
      edges { cursor node { score highlights { field snippets }
        caseReport { id label ageYears sex pregnancyStatus outcome publication { id title year journal } complications { term { id label } } } } }
      pageInfo { hasNextPage endCursor }
    }
    facets { facet values { value label termId caseCount publicationCount selected children { value label caseCount publicationCount selected children { value label caseCount publicationCount selected } } } stats { min max buckets { from to caseCount } } }
  }
}`;

const SIX_FACETS = [{ facet: 'COMPLICATION' }, { facet: 'PROCEDURE' }, { facet: 'TREATMENT' }, { facet: 'PREGNANCY_STATUS' }, { facet: 'OUTCOME' }, { facet: 'AGE', interval: 10 }];
const TEXTS = ['hematoma', '"blood patch" headache', 'intrathecal OR subdural', 'back pain -intracranial', 'postpartum headache', 'cauda equina', 'epidural injection', 'hygroma', 'arachnoiditis', 'paraplegia'];
const FILTER_SETS = [
  { pregnancyStatuses: ['POSTPARTUM', 'PREGNANT'], procedures: ['epidural-blood-patch'], outcomeKnown: true },
  { complications: ['spinal-hematoma'], sex: ['FEMALE'], year: { min: 2000 } },
  { outcomes: ['FULL_RECOVERY', 'PARTIAL_RECOVERY'], ageGroups: ['ADULT'], procedures: ['epidural-blood-patch'] },
  { complications: ['intracranial-hemorrhage'], pregnancyStatuses: ['POSTPARTUM'], age: { min: 18, max: 45 } },
  { treatments: ['surgical-management'], anticoagulation: ['UNKNOWN', 'NONE'], year: { min: 1990, max: 2020 } },
];

/** The full faceted search: each text with a filter set and the six facets. */
export const FULL_FACETED_INPUTS = TEXTS.map((text, i) => ({ text, filters: FILTER_SETS[i % FILTER_SETS.length], facets: SIX_FACETS, first: 20 }) as SearchCaseReportsInput);

interface Scenario {
  name: string;
  inputs: SearchCaseReportsInput[];
}

interface Stats {
  p50: number;
  p95: number;
  perSecond: number;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

async function measure(total: number, concurrency: number, call: (i: number) => Promise<void>): Promise<Stats> {
  const latencies: number[] = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      for (let i = next++; i < total; i = next++) {
        const t = performance.now();
        await call(i);
        latencies.push(performance.now() - t);
      }
    }),
  );
  return statsOf(latencies, (performance.now() - started) / 1000);
}

function statsOf(latencies: number[], seconds: number): Stats {
  const sorted = [...latencies].sort((a, b) => a - b);
  return { p50: percentile(sorted, 50), p95: percentile(sorted, 95), perSecond: latencies.length / seconds };
}

/** Requests through GraphQL from a client in a worker thread (graphql-client.ts), off the server's event loop. */
function overHttp(worker: Worker, job: ClientJob): Promise<Stats> {
  return new Promise((resolve, reject) => {
    worker.once('message', (message: ClientResult | { error: string }) => {
      worker.off('error', reject);
      if ('error' in message) reject(new Error(message.error));
      else resolve(statsOf(message.latencies, message.seconds));
    });
    worker.once('error', reject);
    worker.postMessage(job);
  });
}

/** A CPU profile of this thread (the server: HTTP, GraphQL, engine and PGlite) while `run` runs, written to `file`. */
async function profiled<T>(file: string, run: () => Promise<T>): Promise<T> {
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: 200 });
  await session.post('Profiler.start');
  try {
    return await run();
  } finally {
    const { profile } = await session.post('Profiler.stop');
    writeFileSync(file, JSON.stringify(profile));
    session.disconnect();
  }
}

async function main(): Promise<void> {
  const cases = Number(option('cases', '100000'));
  const requests = Number(option('requests', '100'));
  const seed = Number(option('seed', '20260101'));
  const databaseUrl = option('database-url', '');
  /** yes: the MeSH terms are seeded too (the product's default); no: the 138 curated terms only. */
  const meshVocabulary = option('mesh-vocabulary', 'yes') !== 'no';
  /** curated: cases use the curated terms only (the corpus of earlier runs); all: any seeded term. */
  const corpusTerms = option('corpus-terms', 'curated');
  /** yes: stop after the first search (indexing and memory figures only). */
  const memoryOnly = option('memory-only', 'no') === 'yes';
  /** A prefix: the server's CPU profiles of each scenario's 1-client GraphQL run and engine run are written to PREFIX-<n>-graphql.cpuprofile and -engine.cpuprofile. */
  const profilePrefix = option('profile', '');
  /** no: the embedded engine keeps no recent tsqueries or text matches (every text measured as if seen for the first time). */
  if (option('text-caches', 'yes') === 'no') {
    PostgresSearchEngine.recentTexts = 0;
    TextPostings.recentMatches = 0;
  }
  /** Comma-separated scenario numbers (1 full faceted, 2 filters only, 3 deep page, 4 text only); default all. */
  const only = option('scenarios', '').split(',').filter(Boolean).map(Number);
  /** A directory kept after the run (embedded database only): the first run builds the corpus there, later runs with the same options reuse it. */
  const keptDir = option('data-dir', '');
  if (keptDir) mkdirSync(keptDir, { recursive: true });
  const reuse = Boolean(keptDir && !databaseUrl && existsSync(join(keptDir, 'corpus.json')));
  const dataDir = keptDir ? join(keptDir, 'db') : mkdtempSync(join(tmpdir(), 'bench-search-'));
  const log = (line: string) => console.log(line);
  log(`# search benchmark: ${cases} cases, seed ${seed}, ${databaseUrl ? 'DATABASE_URL' : 'embedded PostgreSQL (PGlite)'}, ${requests} requests per measurement, vocabulary ${meshVocabulary ? 'curated + MeSH' : 'curated only'}, corpus on ${corpusTerms} terms, text caches ${TextPostings.recentMatches > 0 ? 'on' : 'off'}, NODE_ENV ${process.env.NODE_ENV ?? 'unset'}`);
  const boot = performance.now();
  const running = await startApp(
    loadConfig({ DATA_DIR: dataDir, PORT: '0', SEED_DEMO_DATA: 'false', SEED_MESH_VOCABULARY: meshVocabulary ? 'true' : 'false', LOG_LEVEL: 'warn', RATE_LIMIT_ENABLED: 'false', API_KEYS: `bench:admin:${ADMIN_KEY}`, ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}) }),
  );
  log(`app started (${reuse ? 'the kept database' : 'a new database'}: migrations, vocabulary seeding) in ${((performance.now() - boot) / 1000).toFixed(1)} s`);
  try {
    const app = running.app;
    const ds = app.get(DataSource);
    const engine = app.get<SearchEngine>(SEARCH_ENGINE);
    const service = app.get(SearchService);
    const drainer = app.get(OutboxDrainer);
    await drainer.drainAll();
    const corpusKey = JSON.stringify({ cases, seed, meshVocabulary, corpusTerms });
    if (reuse && readFileSync(join(keptDir, 'corpus.json'), 'utf8') !== corpusKey) throw new Error(`${keptDir} holds another corpus (${readFileSync(join(keptDir, 'corpus.json'), 'utf8')}): use another --data-dir`);
    if (!reuse && (await ds.query('SELECT count(*)::int AS n FROM case_report'))[0].n > 0) throw new Error('the benchmark needs an empty database');

    const seeded: TermRow[] = (await ds.query('SELECT id, kind::text AS kind, key, label, parent_id AS "parentId" FROM vocabulary_term')) as TermRow[];
    // The curated terms in the order they were seeded: the corpus of the runs before the MeSH terms.
    const curatedOrder = new Map(CURATED_SEED_TERMS.map((term, i) => [`${term.kind}:${term.key}`, i]));
    const terms =
      corpusTerms === 'all'
        ? seeded
        : seeded.filter((term) => curatedOrder.has(`${term.kind}:${term.key}`)).sort((a, b) => (curatedOrder.get(`${a.kind}:${a.key}`) as number) - (curatedOrder.get(`${b.kind}:${b.key}`) as number));
    log(`vocabulary: ${seeded.length} terms seeded; the corpus draws on ${terms.length}`);
    let t = performance.now();
    const corpus = generateCorpus(cases, terms, seed);
    log(`generated ${corpus.cases.length} cases in ${corpus.publications.length} publications (${corpus.procedures.length} procedures, ${corpus.complications.length} complications, ${corpus.treatments.length} treatments) in ${((performance.now() - t) / 1000).toFixed(1)} s`);
    let indexRate = NaN;
    let drainRate = NaN;
    if (reuse) log(`reusing the indexed corpus in ${keptDir} (no insert, reindex or drain: indexing rates not measured)`);
    else {
      t = performance.now();
      await insertCorpus(ds, corpus);
      log(`inserted the rows in ${((performance.now() - t) / 1000).toFixed(1)} s`);

      const reindex = await app.get(ReindexService).reindex();
      indexRate = reindex.caseReports / (reindex.durationMs / 1000);
      log(`indexing (reindex: load rows, build documents, write, build indexes, swap): ${reindex.caseReports} cases in ${(reindex.durationMs / 1000).toFixed(1)} s = ${Math.round(indexRate)} cases/s`);
      const sample = corpus.cases.slice(0, Math.min(5000, cases)).map((c) => c.id);
      await ds.query(`INSERT INTO search_outbox (entity_type, entity_id) SELECT 'case_report', unnest($1::uuid[])`, [sample]);
      t = performance.now();
      await drainer.drainAll();
      drainRate = sample.length / ((performance.now() - t) / 1000);
      log(`indexing (outbox drain into the live index): ${sample.length} cases = ${Math.round(drainRate)} cases/s`);
      if (keptDir) writeFileSync(join(keptDir, 'corpus.json'), corpusKey);
    }

    // The first search loads the engine's in-memory index (the embedded engine: facet columns and
    // text postings); its time and the memory it holds are part of the cost of a process start.
    global.gc?.();
    const before = process.memoryUsage();
    t = performance.now();
    await engine.search({ text: null, filters: {}, facets: [], sort: SearchSort.RELEVANCE, page: { first: 1, after: null }, highlight: false });
    const loadSeconds = (performance.now() - t) / 1000;
    global.gc?.();
    const after = process.memoryUsage();
    const mb = (bytes: number) => `${Math.round(bytes / 1048576)} MB`;
    log(`first search (loads the in-memory index): ${loadSeconds.toFixed(1)} s; memory held: heap ${mb(after.heapUsed - before.heapUsed)}, array buffers ${mb(after.arrayBuffers - before.arrayBuffers)} (rss ${mb(after.rss)}${global.gc ? '' : '; run node with --expose-gc for exact figures'})`);
    // The vocabulary as the search service holds it (TermCatalog), and a faceted search on top.
    const catalog = app.get(TermCatalog);
    catalog.invalidate();
    global.gc?.();
    const beforeCatalog = process.memoryUsage().heapUsed;
    const vocabulary = await catalog.get();
    vocabulary.descendantsOf([]);
    vocabulary.ofKind(TermKind.COMPLICATION);
    global.gc?.();
    log(`vocabulary catalog: ${vocabulary.all().length} terms, heap ${mb(process.memoryUsage().heapUsed - beforeCatalog)}`);
    const used = new Set([...corpus.complications, ...corpus.procedures, ...corpus.treatments, ...corpus.symptoms].map((row) => row.term_id));
    global.gc?.();
    const beforeFacets = process.memoryUsage();
    const facetQuery = await service.toQuery({ facets: SIX_FACETS, first: 20 } as SearchCaseReportsInput);
    t = performance.now();
    await engine.search(facetQuery);
    const facetSeconds = (performance.now() - t) / 1000;
    global.gc?.();
    const afterFacets = process.memoryUsage();
    log(`first faceted search (6 facets: builds the per-value case sets of the terms the cases use, ${used.size} terms used directly): ${facetSeconds.toFixed(2)} s; memory held: heap ${mb(afterFacets.heapUsed - beforeFacets.heapUsed)}, array buffers ${mb(afterFacets.arrayBuffers - beforeFacets.arrayBuffers)} (rss ${mb(afterFacets.rss)})`);
    if (memoryOnly) return;

    // A cursor about 10,000 hits deep, taken from the engine itself.
    const deepInputs: SearchCaseReportsInput[] = [];
    for (const sort of [SearchSort.YEAR_DESC, SearchSort.AGE_ASC]) {
      const depth = Math.min(10_000, Math.max(1, cases - 25));
      const query: SearchQuery = { text: null, filters: {}, facets: [], sort, page: { first: depth, after: null }, highlight: false };
      const last = (await engine.search(query)).hits.at(-1);
      if (last) deepInputs.push({ sort, first: 20, after: encodeSearchCursor({ sort, values: last.sortValues, caseReportId: last.caseReportId }, null) });
    }
    const scenarios: Scenario[] = [
      { name: 'full faceted search (text + 3 filters + 6 facets)', inputs: FULL_FACETED_INPUTS },
      { name: 'filters only (3 filters + 6 facets)', inputs: FILTER_SETS.map((filters) => ({ filters, facets: SIX_FACETS, first: 20 }) as SearchCaseReportsInput) },
      { name: 'deep page (~10,000 hits in)', inputs: deepInputs },
      { name: 'text only, no facets', inputs: TEXTS.map((text) => ({ text, first: 20 }) as SearchCaseReportsInput) },
    ];

    const client = new Worker(join(__dirname, 'graphql-client.js'));
    const graphql = (inputs: SearchCaseReportsInput[], total: number, concurrency: number) => overHttp(client, { url: `${running.url}/graphql`, document: SEARCH_DOCUMENT, inputs, total, concurrency });
    const rows: string[] = [];
    for (const [n, scenario] of scenarios.entries()) {
      if (only.length && !only.includes(n + 1)) continue;
      const queries = await Promise.all(scenario.inputs.map((input) => service.toQuery(input)));
      const sampleResult = await engine.search(queries[0]);
      await graphql(scenario.inputs, scenario.inputs.length * 2, 1); // warm-up
      const direct = await measure(requests, 1, (i) => engine.search(queries[i % queries.length]).then(() => undefined));
      const one = await graphql(scenario.inputs, requests, 1);
      const sixteen = await graphql(scenario.inputs, requests * 2, 16);
      if (profilePrefix) {
        await profiled(`${profilePrefix}-${n + 1}-graphql.cpuprofile`, () => graphql(scenario.inputs, requests, 1));
        await profiled(`${profilePrefix}-${n + 1}-engine.cpuprofile`, () => measure(requests, 1, (i) => engine.search(queries[i % queries.length]).then(() => undefined)));
      }
      rows.push(
        `| ${scenario.name} | ${sampleResult.totalCases} | ${direct.p50.toFixed(1)} / ${direct.p95.toFixed(1)} | ${one.p50.toFixed(1)} / ${one.p95.toFixed(1)} | ${one.perSecond.toFixed(1)} | ${sixteen.p50.toFixed(1)} / ${sixteen.p95.toFixed(1)} | ${sixteen.perSecond.toFixed(1)} | ${(one.p50 / direct.p50).toFixed(2)}x |`,
      );
      log(`measured: ${scenario.name}`);
    }
    log('');
    log(`| search (GraphQL over HTTP unless "engine") | hits of first query | engine p50 / p95 ms | 1 client p50 / p95 ms | 1 client req/s | 16 clients p50 / p95 ms | 16 clients req/s | GraphQL / engine (p50) |`);
    log('|---|---|---|---|---|---|---|---|');
    rows.forEach((row) => log(row));
    log('');
    if (!reuse) log(`indexing: reindex ${Math.round(indexRate)} cases/s, outbox drain ${Math.round(drainRate)} cases/s`);
    await client.terminate();
  } finally {
    await running.close();
    if (!keptDir) rmSync(dataDir, { recursive: true, force: true });
  }
}

if (require.main === module) main().catch((error) => {
  console.error(error);
  process.exit(1);
});
