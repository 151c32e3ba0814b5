/**
 * npm run bench:load [-- --clients 32 --seconds 60 --baseline-seconds 15 --database-url postgres://…]
 *
 * A bounded loopback load test of the whole app over HTTP: it starts the app on a new database
 * (with --database-url, a scratch database created on that server and dropped at the end; without,
 * the embedded PGlite default in a temp dir), seeds the demo corpus, warms up (--warmup-seconds 5,
 * not counted), then runs
 *   1. a baseline phase (--baseline-seconds): N clients (closed loop) doing 70% searches
 *      (searchCaseReports with text/filters/facets, searchPublications) and 30% writes
 *      (createCaseReport, importPublications of a one-record RIS file), no attackers;
 *   2. the main phase (--seconds): the same load, while another client sends a query nested ~44
 *      deep and one with 1,000 aliases once a second each (they must be refused: QUERY_TOO_COMPLEX,
 *      in < 50 ms);
 *   3. the baseline again, so a drift (the corpus grows with the writes, other load on the machine)
 *      is not taken for the attackers' effect;
 * prints throughput and p50/p95/p99 per kind, errors by code, the attackers' latencies, search p95
 * with and without them, and finally checks that every write the server acknowledged is stored and
 * searchable. Exits 1 if any acknowledged write is missing. Rate limits are off (one address).
 * The server's event-loop delay during the main phase is printed (monitorEventLoopDelay): a refusal can be no
 * quicker than the loop's turn.
 */
import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';
import { Client } from 'pg';
import { startApp } from '../src/bootstrap';
import { loadConfig } from '../src/config/app-config';
import { OutboxDrainer } from '../src/search/indexing/outbox-drainer';
import { SearchService } from '../src/search/search.service';
import { AcknowledgedWrite, AttackJob, JobResult, LoadJob, Sample } from './load-client';

const CURATOR_KEY = 'bench-load-curator-key-0123456789';

function option(name: string, fallback: string): string {
  const index = process.argv.indexOf(`--${name}`);
  return index > 0 && process.argv[index + 1] ? process.argv[index + 1] : (process.env[`BENCH_${name.toUpperCase().replace(/-/g, '_')}`] ?? fallback);
}

function percentile(sorted: number[], p: number): number {
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] : NaN;
}

function runJob(job: LoadJob | AttackJob): Promise<JobResult> {
  const worker = new Worker(join(__dirname, 'load-client.js'));
  return new Promise<JobResult>((resolve, reject) => {
    worker.once('message', (message: JobResult | { error: string }) => ('error' in message ? reject(new Error(message.error)) : resolve(message)));
    worker.once('error', reject);
    worker.postMessage(job);
  }).finally(() => void worker.terminate());
}

const ms = (value: number) => (Number.isNaN(value) ? '-' : value.toFixed(1));

function table(title: string, samples: Sample[], seconds: number): string[] {
  const kinds = [...new Set(samples.map((sample) => sample.kind))].sort();
  const lines = [`${title} (${seconds.toFixed(1)} s)`, '| kind | requests | ok | req/s | p50 ms | p95 ms | p99 ms | errors by code |', '|---|---|---|---|---|---|---|---|'];
  for (const kind of [...kinds, 'all searches', 'all writes']) {
    const mine = samples.filter((sample) => (kind === 'all searches' ? sample.kind.startsWith('search') : kind === 'all writes' ? !sample.kind.startsWith('search') : sample.kind === kind));
    if (!mine.length) continue;
    const ok = mine.filter((sample) => sample.code === null);
    const sorted = ok.map((sample) => sample.ms).sort((a, b) => a - b);
    const errors = new Map<string, number>();
    for (const sample of mine) if (sample.code) errors.set(sample.code, (errors.get(sample.code) ?? 0) + 1);
    const errorText = [...errors].map(([code, n]) => `${code} ${n}`).join(', ') || 'none';
    lines.push(`| ${kind} | ${mine.length} | ${ok.length} | ${(ok.length / seconds).toFixed(1)} | ${ms(percentile(sorted, 50))} | ${ms(percentile(sorted, 95))} | ${ms(percentile(sorted, 99))} | ${errorText} |`);
  }
  return lines;
}

/** p95 of the successful searches of a phase. */
const searchP95 = (samples: Sample[]) => percentile(samples.filter((s) => s.kind.startsWith('search') && s.code === null).map((s) => s.ms).sort((a, b) => a - b), 95);

async function graphql(url: string, query: string, variables?: Record<string, unknown>): Promise<any> {
  const response = await fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables }) });
  return response.json();
}

/** Stored (read back by id) and searchable (a search for its unique word finds it). */
async function missing(url: string, write: AcknowledgedWrite): Promise<string | null> {
  if (write.kind === 'createCaseReport') {
    const [id] = write.ids;
    const answer = await graphql(url, 'query($id: ID!, $text: String!) { caseReport(id: $id) { id } searchCaseReports(input: { text: $text }) { hits { edges { node { caseReport { id } } } } } }', { id, text: write.token });
    if (answer.errors || answer.data?.caseReport?.id !== id) return `case ${id} (${write.token}) not stored: ${JSON.stringify(answer.errors ?? null)}`;
    const found = answer.data.searchCaseReports.hits.edges.map((edge: any) => edge.node.caseReport.id);
    return found.includes(id) ? null : `case ${id} (${write.token}) not found by search (found ${JSON.stringify(found)})`;
  }
  if (write.ids.length !== 1) return `import ${write.token} acknowledged with ${write.ids.length} created publications, expected 1`;
  const [id] = write.ids;
  const answer = await graphql(url, 'query($id: ID!, $text: String!) { publication(id: $id) { id } searchPublications(input: { text: $text }) { hits { edges { node { publication { id } } } } } }', { id, text: write.token });
  if (answer.errors || answer.data?.publication?.id !== id) return `publication ${id} (${write.token}) not stored: ${JSON.stringify(answer.errors ?? null)}`;
  const found = answer.data.searchPublications.hits.edges.map((edge: any) => edge.node.publication.id);
  return found.includes(id) ? null : `publication ${id} (${write.token}) not found by search (found ${JSON.stringify(found)})`;
}

async function main(): Promise<void> {
  const clients = Number(option('clients', '32'));
  const seconds = Number(option('seconds', '60'));
  const baselineSeconds = Number(option('baseline-seconds', '15'));
  const warmupSeconds = Number(option('warmup-seconds', '5'));
  const serverUrl = option('database-url', '');
  const log = (line = '') => console.log(line);

  // A new database either way: the demo corpus is seeded only into an empty one.
  let scratch: { url: string; drop(): Promise<void> } | null = null;
  if (serverUrl) {
    const name = `load_bench_${randomBytes(4).toString('hex')}`;
    const admin = new Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    scratch = {
      url: url.toString(),
      async drop() {
        const again = new Client({ connectionString: serverUrl });
        await again.connect();
        await again.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await again.end();
      },
    };
  }
  const dataDir = mkdtempSync(join(tmpdir(), 'bench-load-'));
  log(`# load benchmark: ${clients} clients, baseline ${baselineSeconds} s, then ${seconds} s with attackers; ${scratch ? 'PostgreSQL (scratch database on --database-url)' : 'embedded PostgreSQL (PGlite)'}; embedded search engine`);
  const running = await startApp(
    loadConfig({ DATA_DIR: dataDir, PORT: '0', LOG_LEVEL: 'error', API_KEYS: `bench:curator:${CURATOR_KEY}`, RATE_LIMIT_ENABLED: 'false', ...(scratch ? { DATABASE_URL: scratch.url } : {}) }),
  );
  let lost = 0;
  try {
    await running.app.get(OutboxDrainer).drainAll();
    await running.app.get(SearchService).warmUp();
    const seeded = await graphql(running.url, '{ publications(first: 100) { totalCount edges { node { id } } } caseReports { totalCount } }');
    const publicationIds: string[] = seeded.data.publications.edges.map((edge: any) => edge.node.id);
    log(`demo corpus: ${seeded.data.caseReports.totalCount} cases, ${seeded.data.publications.totalCount} publications; server ${running.url}`);
    const url = `${running.url}/graphql`;

    const warmup = await runJob({ job: 'load', url, apiKey: CURATOR_KEY, clients, seconds: warmupSeconds, publicationIds, phase: 'w' });
    const baseline = await runJob({ job: 'load', url, apiKey: CURATOR_KEY, clients, seconds: baselineSeconds, publicationIds, phase: 'b' });
    // How long the server's event loop was held while the attackers ran: a refusal can be no quicker than the loop's turn.
    const loopDelay = monitorEventLoopDelay({ resolution: 10 });
    loopDelay.enable();
    const [main, attack] = await Promise.all([
      runJob({ job: 'load', url, apiKey: CURATOR_KEY, clients, seconds, publicationIds, phase: 'm' }),
      runJob({ job: 'attack', url, seconds, everyMs: 1000 }),
    ]);
    loopDelay.disable();
    const after = await runJob({ job: 'load', url, apiKey: CURATOR_KEY, clients, seconds: baselineSeconds, publicationIds, phase: 'a' });

    log();
    table('baseline, no attackers', baseline.samples, baseline.seconds).forEach((line) => log(line));
    log();
    table('with attackers', main.samples, main.seconds).forEach((line) => log(line));
    log();
    table('baseline again, no attackers', after.samples, after.seconds).forEach((line) => log(line));
    log();
    log('attackers (once a second each, during the main phase)');
    log('| query | sent | answered with | p50 ms | p95 ms | max ms | under 50 ms |');
    log('|---|---|---|---|---|---|---|');
    for (const kind of ['deepNesting', 'aliases1000']) {
      const mine = attack.samples.filter((sample) => sample.kind === kind);
      const sorted = mine.map((sample) => sample.ms).sort((a, b) => a - b);
      const codes = [...new Set(mine.map((sample) => sample.code ?? 'ANSWERED (not refused!)'))].join(', ');
      log(`| ${kind} | ${mine.length} | ${codes} | ${ms(percentile(sorted, 50))} | ${ms(percentile(sorted, 95))} | ${ms(sorted.at(-1) ?? NaN)} | ${mine.filter((s) => s.ms < 50).length}/${mine.length} |`);
    }
    const loopMs = (nanoseconds: number) => (nanoseconds / 1e6).toFixed(1);
    log();
    log(`server event-loop delay during the main phase: p50 ${loopMs(loopDelay.percentile(50))} ms, p99 ${loopMs(loopDelay.percentile(99))} ms, max ${loopMs(loopDelay.max)} ms`);
    const before = searchP95(baseline.samples);
    const during = searchP95(main.samples);
    const later = searchP95(after.samples);
    const without = searchP95([...baseline.samples, ...after.samples]);
    log();
    log(`search p95: ${ms(before)} ms before, ${ms(during)} ms with attackers, ${ms(later)} ms after; with vs both phases without (${ms(without)} ms): ${(((during - without) / without) * 100).toFixed(1)}% (target within 20%)`);

    // Every acknowledged write must be stored and, once the outbox is drained, searchable.
    const writes = [...warmup.writes, ...baseline.writes, ...main.writes, ...after.writes];
    await running.app.get(OutboxDrainer).drainAll();
    const problems: string[] = [];
    let next = 0;
    await Promise.all(
      Array.from({ length: 8 }, async () => {
        for (let i = next++; i < writes.length; i = next++) {
          const problem = await missing(running.url, writes[i]);
          if (problem) problems.push(problem);
        }
      }),
    );
    lost = problems.length;
    log();
    log(`acknowledged writes: ${writes.length} (${writes.filter((w) => w.kind === 'createCaseReport').length} cases, ${writes.filter((w) => w.kind === 'importPublications').length} imports); stored and searchable: ${writes.length - lost}; missing: ${lost}`);
    problems.slice(0, 20).forEach((problem) => log(`  missing: ${problem}`));
  } finally {
    await running.close();
    await scratch?.drop();
    rmSync(dataDir, { recursive: true, force: true });
  }
  if (lost) process.exit(1);
}

if (require.main === module)
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
