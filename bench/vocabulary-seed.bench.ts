/**
 * node dist/bench/vocabulary-seed.bench.js [--database-url postgres://...]
 *
 * Boot seeding of the vocabulary on a new embedded (PGlite) database: the app starts with the curated
 * terms only, then the seeder adds the MeSH terms (as a boot on a new database does), runs again (as a
 * restart does), and, for comparison, the same terms are added one save at a time (the seeder before
 * 2026-12-01), in a transaction rolled back afterwards.
 */
import 'reflect-metadata';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { DataSource } from 'typeorm';
import { startApp } from '../src/bootstrap';
import { loadConfig } from '../src/config/app-config';
import { OutboxDrainer } from '../src/search/indexing/outbox-drainer';
import { SEED_TERMS, VocabularySeeder } from '../src/vocabulary/seed/vocabulary-seeder';
import { TermKind } from '../src/vocabulary/term-kind.enum';
import { VocabularyTerm } from '../src/vocabulary/vocabulary-term.entity';

const ROLLBACK = new Error('rollback');

async function main(): Promise<void> {
  const index = process.argv.indexOf('--database-url');
  const databaseUrl = index > 0 ? process.argv[index + 1] : process.env.BENCH_DATABASE_URL;
  const dataDir = mkdtempSync(join(tmpdir(), 'bench-vocabulary-'));
  const log = (line: string) => console.log(line);
  let t = performance.now();
  const running = await startApp(loadConfig({ DATA_DIR: dataDir, PORT: '0', SEED_DEMO_DATA: 'false', SEED_MESH_VOCABULARY: 'false', LOG_LEVEL: 'warn', ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}) }));
  log(`# vocabulary seeding, ${databaseUrl ? 'DATABASE_URL' : 'embedded PostgreSQL (PGlite)'}`);
  log(`app started with the curated terms only (new database: migrations, 138 terms): ${((performance.now() - t) / 1000).toFixed(1)} s`);
  try {
    const ds = running.app.get(DataSource);
    const seeder = running.app.get(VocabularySeeder);
    const drainer = running.app.get(OutboxDrainer);
    await drainer.drainAll();
    const curated = Number((await ds.query('SELECT count(*) AS n FROM vocabulary_term'))[0].n);

    // Before: one INSERT per term (tx.save), as the seeder did; rolled back.
    t = performance.now();
    let saved = 0;
    await ds
      .transaction(async (tx) => {
        const idOf = new Map<string, string>((await tx.find(VocabularyTerm, { select: { id: true, kind: true, key: true } })).map((term) => [`${term.kind}:${term.key}`, term.id]));
        for (const term of SEED_TERMS) {
          if (idOf.has(`${term.kind}:${term.key}`)) continue;
          const parentId = term.parent ? (idOf.get(`${term.kind}:${term.parent}`) ?? null) : null;
          const row = await tx.save(VocabularyTerm, tx.create(VocabularyTerm, { key: term.key, kind: term.kind as TermKind, label: term.label, synonyms: term.synonyms, meshUi: term.meshUi, parentId }));
          idOf.set(`${term.kind}:${term.key}`, row.id);
          saved++;
        }
        throw ROLLBACK;
      })
      .catch((error) => {
        if (error !== ROLLBACK) throw error;
      });
    log(`before (one save per term): ${saved} terms in ${((performance.now() - t) / 1000).toFixed(2)} s (rolled back)`);

    t = performance.now();
    const added = await ds.transaction((tx) => seeder.seed(tx));
    log(`seeder, new terms (multi-row inserts of ${SEED_TERMS.length - curated} MeSH terms): ${added} terms in ${((performance.now() - t) / 1000).toFixed(2)} s`);
    const outbox = Number((await ds.query(`SELECT count(*) AS n FROM search_outbox`))[0].n);
    t = performance.now();
    await drainer.drainAll();
    log(`outbox after seeding: ${outbox} entries (roots of what was added), drained in ${((performance.now() - t) / 1000).toFixed(2)} s`);

    for (let i = 0; i < 3; i++) {
      t = performance.now();
      const again = await ds.transaction((tx) => seeder.seed(tx));
      log(`seeder, restart (${SEED_TERMS.length} seed terms, all present): ${again} added in ${((performance.now() - t) / 1000).toFixed(3)} s`);
    }
  } finally {
    await running.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
