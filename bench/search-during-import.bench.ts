/**
 * npm run bench:during-import [-- --megabytes 20 --port 3961 --database-url postgres://…]
 *
 * Searches while a large import runs, on the embedded default (PGlite) or on the PostgreSQL of
 * --database-url (an empty scratch database: the server migrates it and stores the demo corpus):
 * starts the built server (dist/src/main.js) on a fresh data directory with the demo corpus, posts a generated PubMed XML file
 * to POST /imports, and meanwhile two clients send searches and GET /health/live, one request after
 * another each, until the import answers. Prints the import's time and the searches' and health checks' latencies: what a
 * researcher browsing feels while a colleague imports.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { generatedPubmedXml } from './pubmed-generator';

function option(name: string, fallback: string): string {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? process.argv[at + 1] : (process.env[`BENCH_${name.toUpperCase().replace(/-/g, '_')}`] ?? fallback);
}

const SEARCH = JSON.stringify({
  query: '{ searchCaseReports(input: { text: "hematoma", first: 20, facets: [{ facet: COMPLICATION }, { facet: OUTCOME }] }) { totalCases hits { edges { node { caseReport { id } } } } facets { facet values { value caseCount } } } }',
});

function percentile(values: number[], p: number): string {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))].toFixed(1);
}

async function timed(run: () => Promise<Response>): Promise<number> {
  const started = performance.now();
  const response = await run();
  const text = await response.text();
  if (!response.ok) throw new Error(`${response.url} answered HTTP ${response.status}: ${text.slice(0, 300)}`);
  return performance.now() - started;
}

async function main(): Promise<void> {
  const megabytes = Number(option('megabytes', '20'));
  const port = Number(option('port', '3961'));
  const databaseUrl = option('database-url', '');
  const key = 'abcdefghijklmnopqrstuvwx';
  const dataDir = mkdtempSync(join(tmpdir(), 'bench-during-import-'));
  const base = `http://127.0.0.1:${port}`;
  const chunks: Buffer[] = [];
  const generated = generatedPubmedXml(megabytes * 1024 * 1024);
  for await (const chunk of generated.source) chunks.push(chunk);
  const body = Buffer.concat(chunks);
  const server = spawn(process.execPath, [join(__dirname, '..', 'src', 'main.js')], {
    env: { ...process.env, API_KEYS: `bench:curator:${key}`, RATE_LIMIT_ENABLED: 'false', DATA_DIR: dataDir, PORT: String(port), NODE_ENV: 'production', DATABASE_URL: databaseUrl },
    stdio: 'ignore',
  });
  try {
    // Ready means the demo corpus is stored and searchable.
    for (;;) {
      if (server.exitCode !== null) throw new Error(`the server exited (code ${server.exitCode})`);
      const ready = await fetch(`${base}/health/ready`).then((r) => r.ok, () => false);
      if (ready) break;
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    console.log(`# searches during an import: ${generated.records()} PubMed records (${megabytes} MB), ${databaseUrl ? 'PostgreSQL' : 'embedded PostgreSQL (PGlite)'}, NODE_ENV production`);
    let done = false;
    const started = performance.now();
    const importing = fetch(`${base}/imports?review=during-import&format=pubmed-xml&fileName=generated.xml`, { method: 'POST', headers: { authorization: `Bearer ${key}`, 'content-type': 'application/xml' }, body }).then(async (response) => {
      const report = (await response.json()) as { created?: number };
      done = true;
      if (!response.ok) throw new Error(`the import answered ${response.status}`);
      return { seconds: (performance.now() - started) / 1000, created: report.created };
    });
    const searches: number[] = [];
    const health: number[] = [];
    // Two clients, each one request after another: a researcher searching, and a load balancer's liveness probe.
    await Promise.all([
      (async () => {
        while (!done) searches.push(await timed(() => fetch(`${base}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: SEARCH })));
      })(),
      (async () => {
        while (!done) health.push(await timed(() => fetch(`${base}/health/live`)));
      })(),
    ]);
    const imported = await importing;
    console.log(`import: ${imported.created} records created in ${imported.seconds.toFixed(1)} s`);
    console.log(`searches during the import: ${searches.length}, p50 ${percentile(searches, 50)} / p95 ${percentile(searches, 95)} / max ${percentile(searches, 100)} ms`);
    console.log(`GET /health/live during the import: ${health.length}, p50 ${percentile(health, 50)} / p95 ${percentile(health, 95)} / max ${percentile(health, 100)} ms`);
  } finally {
    server.kill();
    await new Promise((resolve) => server.once('exit', resolve));
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error: Error) => {
  console.error(error.message);
  process.exitCode = 1;
});
