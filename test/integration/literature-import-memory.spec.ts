import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { generatedPubmedXml } from '../../bench/pubmed-generator';
import { LiteratureHarness, startLiteratureHarness } from './literature-harness';

/** Size of the generated file: a PubMed baseline file is about 200 MB (override with LITERATURE_IMPORT_MB). */
const FILE_MB = Number(process.env.LITERATURE_IMPORT_MB ?? 200);
const MB = 1024 * 1024;

/**
 * The bound on memory RETAINED while importing (heap in use right after a full garbage collection,
 * above what it was before the import). What the import legitimately holds is one chunk of
 * IMPORT_CHUNK_SIZE (250) records with their stored publications (~250 x 20 KB), the current
 * 64 KB piece of input, the dedupe index of the chunk and the report's lists (capped at 1000
 * entries): a few MB. 64 MB leaves room for the database driver's buffers and V8's own caches, and is
 * a third of the file: holding the file's text (>= 200 MB as a string) or its parsed records
 * (~22,000 x ~6 KB of objects) would break it several times over.
 */
const RETAINED_BOUND_BYTES = 64 * MB;

/** A full collection on demand (the flag is set at run time, so the test needs no node options). */
function collector(): () => void {
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
}

describe('literature import in bounded memory (PostgreSQL)', () => {
  let h: LiteratureHarness;

  beforeAll(async () => {
    h = await startLiteratureHarness({ IMPORT_MAX_BYTES: String((FILE_MB + 10) * MB) });
  });

  afterAll(async () => {
    await h?.close();
  });

  // With case proposals on (the default): every generated record describes a patient, so the import also
  // stores ~30,000 suggested cases. The timeout only stops a hang; the speed is measured by bench:import.
  it(`imports a generated ${FILE_MB} MB PubMed XML file, proposing its cases, with the retained heap under ${RETAINED_BOUND_BYTES / MB} MB`, async () => {
    const gc = collector();
    // Twice: what earlier test files left behind (finalisers, weak references) is gone before the baseline.
    gc();
    gc();
    const baseline = process.memoryUsage().heapUsed;
    let peakRetained = -Infinity;
    let lowestRetained = Infinity;
    let nextSampleAt = 0;
    const samples: string[] = [];
    const file = generatedPubmedXml(FILE_MB * MB);

    const report = await h.imports.import(file.source, {
      fileName: `generated-${FILE_MB}mb.xml`,
      review: 'memory',
      onProgress: (bytesRead) => {
        if (bytesRead < nextSampleAt) return;
        nextSampleAt = bytesRead + 10 * MB;
        gc();
        const retained = process.memoryUsage().heapUsed - baseline;
        peakRetained = Math.max(peakRetained, retained);
        lowestRetained = Math.min(lowestRetained, retained);
        samples.push(`${Math.round(bytesRead / MB)} MB read: ${(retained / MB).toFixed(1)} MB retained`);
      },
    });

    // Written down for the record (npm test output): the measurements behind the bound.
    const growth = peakRetained - lowestRetained;
    console.log(`bounded-memory import of ${FILE_MB} MB (${file.records()} records): retained heap peak ${(peakRetained / MB).toFixed(1)} MB over the baseline, growth during the import ${(growth / MB).toFixed(1)} MB\n${samples.join('\n')}`);
    expect(report).toMatchObject({ stored: true, readToEnd: true, recordsRead: file.records(), created: file.records(), merged: 0, errorCount: 0 });
    expect(samples.length).toBeGreaterThanOrEqual(Math.floor(FILE_MB / 10));
    expect(report.extraction?.proposedCases).toBeGreaterThan(file.records() / 2);
    // Both: above what the process held before, and growth from the lowest to the highest sample (a leak
    // per record would grow with the bytes read; the baseline can drift when other test files ran first).
    expect(peakRetained).toBeLessThan(RETAINED_BOUND_BYTES);
    expect(growth).toBeLessThan(RETAINED_BOUND_BYTES);
    const [{ count }] = await h.uow.reader.query('SELECT count(*)::int AS count FROM publication');
    expect(count).toBe(file.records());
  }, 900_000);
});
