/**
 * npm run bench:import -- [--mb 200] [--no-extract] [--database-url postgres://…] [--threads N]
 *
 * Imports a generated PubMed XML file shaped like the annual baseline files (bench/pubmed-generator.ts,
 * ~6.5 KB per record, every record a case report whose abstract describes one patient) end to end
 * through ImportService, as `npm run cli -- import` does: parsing, dedupe, inserts and, unless
 * --no-extract, the proposal of case reports in the same transaction. Prints records/s, the cases
 * proposed and the process's resident memory sampled every second (flat memory: the peak must not
 * grow with the file). Runs on a scratch database of the given server, or on the embedded PostgreSQL.
 */
import 'reflect-metadata';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { startApp } from '../src/bootstrap';
import { loadConfig } from '../src/config/app-config';
import { ImportService } from '../src/literature/import/import.service';
import { generatedPubmedXml } from './pubmed-generator';

const option = (name: string, fallback: string): string => {
  const index = process.argv.indexOf(`--${name}`);
  return index > 0 && process.argv[index + 1] ? process.argv[index + 1] : fallback;
};
const MB = 1024 * 1024;

async function main(): Promise<void> {
  const megabytes = Number(option('mb', '200'));
  const extract = !process.argv.includes('--no-extract');
  const databaseUrl = option('database-url', '');
  // EXTRACTION_THREADS for this run (the service's default when not given).
  const threads = option('threads', '');
  const dataDir = mkdtempSync(join(tmpdir(), 'bench-import-'));
  console.log(`# import benchmark: ${megabytes} MB of generated PubMed XML, extraction ${extract ? 'on' : 'off'}, ${databaseUrl ? 'DATABASE_URL' : 'embedded PostgreSQL (PGlite)'}`);
  const running = await startApp(loadConfig({ DATA_DIR: dataDir, PORT: '0', SEED_DEMO_DATA: 'false', LOG_LEVEL: 'warn', IMPORT_MAX_BYTES: String((megabytes + 50) * MB), ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}), ...(threads ? { EXTRACTION_THREADS: threads } : {}) }));
  const samples: number[] = [];
  const sampler = setInterval(() => samples.push(process.memoryUsage().rss), 1000);
  try {
    const file = generatedPubmedXml(megabytes * MB);
    const started = performance.now();
    const cpu0 = process.cpuUsage();
    const report = await running.app.get(ImportService).import(Readable.from(file.source), { format: 'pubmed-xml', fileName: 'generated.xml', review: 'bench', extractCases: extract });
    const seconds = (performance.now() - started) / 1000;
    const cpu = process.cpuUsage(cpu0);
    const cpuSeconds = (cpu.user + cpu.system) / 1e6;
    clearInterval(sampler);
    samples.push(process.memoryUsage().rss); // an import shorter than a second has no sample otherwise
    const quarter = Math.max(1, Math.floor(samples.length / 4));
    const peak = (values: number[]) => Math.max(...values) / MB;
    console.log(`records read ${report.recordsRead}, created ${report.created}, errors ${report.errorCount}, stored ${report.stored}`);
    if (report.extraction) console.log(`cases proposed ${report.extraction.proposedCases} (publications without patients ${report.extraction.withoutPatients})`);
    console.log(`time ${seconds.toFixed(1)} s: ${(report.recordsRead / seconds).toFixed(0)} records/s, ${(megabytes / seconds).toFixed(2)} MB/s`);
    // On a shared machine the wall time mostly measures the others; this process's CPU time does not (PostgreSQL's own work is not in it).
    console.log(`this process's CPU time ${cpuSeconds.toFixed(1)} s: ${(report.recordsRead / cpuSeconds).toFixed(0)} records per CPU-second of the importing process`);
    console.log(`resident memory: peak ${peak(samples).toFixed(0)} MB; peak in the first quarter ${peak(samples.slice(0, quarter)).toFixed(0)} MB, in the last ${peak(samples.slice(-quarter)).toFixed(0)} MB`);
  } finally {
    clearInterval(sampler);
    await running.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
