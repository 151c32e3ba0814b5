/**
 * npm run bench:formats -- [--mb 200] [--formats csv,ris] [--runs parse,stored] [--database-url postgres://…]
 *
 * CSV and RIS imports at scale. For each format, a generated export of --mb MB (bench/export-generator.ts:
 * a Scopus CSV export or a RIS export, ~2.5 KB per record with an abstract, every record distinct) is
 *   1. parsed only: parsePublications over the stream (decoding, format detection, the parser), no
 *      database; records/s, MB/s and this process's CPU time;
 *   2. stored: ImportService.import(..., { extractCases: false }) as `npm run cli -- import` does, on a
 *      fresh database per format (with --database-url, a scratch database created on that server and
 *      dropped at the end; without, the embedded PGlite in a temp dir); records/s, CPU time and the
 *      process's resident memory sampled every second (flat memory: the peak in the first quarter of
 *      the run against the peak overall).
 * The generator's own time (printed first) is included in both figures.
 * Targets (the issue): ≥ 5,000 records/s parsing, ≥ 2,000 records/s stored, flat memory on a 200 MB file.
 */
import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { Client } from 'pg';
import { startApp } from '../src/bootstrap';
import { loadConfig } from '../src/config/app-config';
import { ImportService } from '../src/literature/import/import.service';
import { parsePublications } from '../src/literature/parse-publications';
import { ExportFormat, generatedExport } from './export-generator';

const option = (name: string, fallback: string): string => {
  const index = process.argv.indexOf(`--${name}`);
  return index > 0 && process.argv[index + 1] ? process.argv[index + 1] : fallback;
};
const MB = 1024 * 1024;
const PARSE_TARGET = 5000;
const STORE_TARGET = 2000;

const gc = (): void => (globalThis as { gc?: () => void }).gc?.();

/** RSS every second while `run` runs: peak overall, in the first and the last quarter of the samples. */
async function sampled<T>(run: () => Promise<T>): Promise<{ result: T; peak: number; firstQuarter: number; lastQuarter: number; samples: number }> {
  const samples: number[] = [process.memoryUsage().rss];
  const sampler = setInterval(() => samples.push(process.memoryUsage().rss), 1000);
  try {
    const result = await run();
    samples.push(process.memoryUsage().rss);
    const quarter = Math.max(1, Math.floor(samples.length / 4));
    const peak = (values: number[]) => Math.max(...values) / MB;
    return { result, peak: peak(samples), firstQuarter: peak(samples.slice(0, quarter)), lastQuarter: peak(samples.slice(-quarter)), samples: samples.length };
  } finally {
    clearInterval(sampler);
  }
}

function timed<T>(run: () => Promise<T>): Promise<{ result: T; seconds: number; cpuSeconds: number }> {
  const started = performance.now();
  const cpu0 = process.cpuUsage();
  return run().then((result) => {
    const cpu = process.cpuUsage(cpu0);
    return { result, seconds: (performance.now() - started) / 1000, cpuSeconds: (cpu.user + cpu.system) / 1e6 };
  });
}

async function scratchDatabase(serverUrl: string, prefix: string): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `${prefix}_${randomBytes(4).toString('hex')}`;
  const admin = new Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const again = new Client({ connectionString: serverUrl });
      await again.connect();
      await again.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await again.end();
    },
  };
}

const met = (ok: boolean) => (ok ? 'met' : 'MISSED');
const mem = (m: { firstQuarter: number; peak: number; lastQuarter: number }) => `resident memory: first quarter ${m.firstQuarter.toFixed(0)} MB, peak ${m.peak.toFixed(0)} MB, last quarter ${m.lastQuarter.toFixed(0)} MB`;

/** The generator on its own (its time is inside the parse and store figures). */
async function generationOnly(format: ExportFormat, megabytes: number): Promise<void> {
  gc();
  const file = generatedExport(format, megabytes * MB);
  let bytes = 0;
  const { seconds, cpuSeconds } = await timed(async () => {
    for await (const piece of file.source) bytes += piece.length;
  });
  console.log(`[${format}] generation alone: ${file.records()} records, ${(bytes / MB).toFixed(1)} MB (${(bytes / file.records()).toFixed(0)} bytes per record) in ${seconds.toFixed(1)} s, CPU ${cpuSeconds.toFixed(1)} s`);
}

async function parseOnly(format: ExportFormat, megabytes: number): Promise<void> {
  gc();
  const file = generatedExport(format, megabytes * MB);
  let records = 0;
  let titled = 0;
  const run = await sampled(() =>
    timed(async () => {
      for await (const parsed of parsePublications(Readable.from(file.source), { fileName: `generated.${format}` })) {
        records += 1;
        if (parsed.publication.title) titled += 1;
      }
    }),
  );
  const { seconds, cpuSeconds } = run.result;
  const rate = records / seconds;
  console.log(`[${format}] parse only: ${records} records (${file.records()} generated, ${titled} with a title) in ${seconds.toFixed(1)} s: ${rate.toFixed(0)} records/s, ${(megabytes / seconds).toFixed(2)} MB/s [target ${PARSE_TARGET}: ${met(rate >= PARSE_TARGET)}]`);
  console.log(`[${format}] parse only: CPU ${cpuSeconds.toFixed(1)} s: ${(records / cpuSeconds).toFixed(0)} records per CPU-second; ${mem(run)}`);
}

async function stored(format: ExportFormat, megabytes: number, serverUrl: string): Promise<void> {
  gc();
  const scratch = serverUrl ? await scratchDatabase(serverUrl, `formats_bench_${format}`) : null;
  const dataDir = mkdtempSync(join(tmpdir(), 'bench-formats-'));
  try {
    const running = await startApp(loadConfig({ DATA_DIR: dataDir, PORT: '0', SEED_DEMO_DATA: 'false', LOG_LEVEL: 'warn', IMPORT_MAX_BYTES: String((megabytes + 50) * MB), ...(scratch ? { DATABASE_URL: scratch.url } : {}) }));
    try {
      gc();
      const file = generatedExport(format, megabytes * MB);
      const importer = running.app.get(ImportService);
      const run = await sampled(() => timed(() => importer.import(Readable.from(file.source), { format, fileName: `generated.${format}`, review: 'bench', extractCases: false })));
      const { result: report, seconds, cpuSeconds } = run.result;
      const rate = report.recordsRead / seconds;
      // Flat: the peak over the whole run no more than 25% (and 64 MB) above the peak of its first quarter.
      // Under 20 samples the first quarter is a few seconds around the start, not a baseline: no verdict.
      const flat = run.samples < 20 ? null : run.peak <= Math.max(run.firstQuarter * 1.25, run.firstQuarter + 64);
      console.log(`[${format}] stored: records read ${report.recordsRead}, created ${report.created}, merged ${report.merged}, errors ${report.errorCount}, stored ${report.stored}`);
      console.log(`[${format}] stored: ${seconds.toFixed(1)} s: ${rate.toFixed(0)} records/s, ${(megabytes / seconds).toFixed(2)} MB/s [target ${STORE_TARGET}: ${met(rate >= STORE_TARGET)}]`);
      console.log(`[${format}] stored: this process's CPU ${cpuSeconds.toFixed(1)} s: ${(report.recordsRead / cpuSeconds).toFixed(0)} records per CPU-second (the database server's work not included)`);
      console.log(`[${format}] stored: ${mem(run)}, ${run.samples} samples [flat: ${flat === null ? 'run too short to judge (use --mb 200)' : met(flat)}]`);
    } finally {
      await running.close();
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
    await scratch?.drop();
  }
}

async function main(): Promise<void> {
  const megabytes = Number(option('mb', '200'));
  const formats = option('formats', 'csv,ris').split(',').map((format) => format.trim()) as ExportFormat[];
  for (const format of formats) if (format !== 'csv' && format !== 'ris') throw new Error(`--formats: unknown format "${format}" (csv, ris)`);
  // --runs parse (or stored): one of the two, e.g. under `node --cpu-prof` to profile that path alone.
  const runs = new Set(option('runs', 'parse,stored').split(',').map((run) => run.trim()));
  for (const run of runs) if (run !== 'parse' && run !== 'stored') throw new Error(`--runs: unknown run "${run}" (parse, stored)`);
  const serverUrl = option('database-url', '');
  console.log(`# formats benchmark: ${megabytes} MB per format (${formats.join(', ')}), ${serverUrl ? 'PostgreSQL (scratch database on --database-url)' : 'embedded PostgreSQL (PGlite)'}, extraction off`);
  for (const format of formats) {
    await generationOnly(format, megabytes);
    if (runs.has('parse')) await parseOnly(format, megabytes);
    if (runs.has('stored')) await stored(format, megabytes, serverUrl);
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
