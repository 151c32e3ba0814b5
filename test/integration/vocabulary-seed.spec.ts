import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { buildDataSourceOptions } from '../../src/database/data-source-options';
import { OutboxRepository } from '../../src/search/indexing/outbox.repository';
import { UnitOfWork } from '../../src/database/unit-of-work';
import { SEED_TERMS, VocabularySeeder } from '../../src/vocabulary/seed/vocabulary-seeder';
import { createTestDatabase, TestDatabase } from '../support/database';

/** The boot seeding of the curated and MeSH vocabulary on a real PostgreSQL database. */
describe('VocabularySeeder on PostgreSQL', () => {
  let database: TestDatabase;
  let dataSource: DataSource;
  let seeder: VocabularySeeder;

  beforeAll(async () => {
    database = await createTestDatabase();
    dataSource = await new DataSource(buildDataSourceOptions({ url: database.url, poolSize: 2 })).initialize();
    seeder = new VocabularySeeder(new OutboxRepository(null as unknown as UnitOfWork));
  });

  afterAll(async () => {
    await dataSource?.destroy();
    await database?.drop();
  });

  const termCount = async () => Number((await dataSource.query('SELECT count(*) AS n FROM vocabulary_term'))[0].n);
  const termOf = async (kind: string, key: string) =>
    (await dataSource.query('SELECT t.id, t.label, t.synonyms, t.mesh_ui, p.key AS parent FROM vocabulary_term t LEFT JOIN vocabulary_term p ON p.id = t.parent_id WHERE t.kind = $1 AND t.key = $2', [kind, key]))[0];

  it('adds every curated and MeSH term once, with their parents, and a few outbox entries', async () => {
    const added = await dataSource.transaction((tx) => seeder.seed(tx));
    expect(added).toBe(SEED_TERMS.length);
    expect(await termCount()).toBe(SEED_TERMS.length);
    // A MeSH narrower term hangs under the curated one; the curated term keeps its parent.
    expect(await termOf('COMPLICATION', 'hematoma-subdural')).toMatchObject({ parent: 'hematoma', mesh_ui: 'D006408', synonyms: ['Subdural Hematoma'] });
    expect(await termOf('COMPLICATION', 'basal-ganglia-hemorrhage')).toMatchObject({ parent: 'intracerebral-hemorrhage' });
    expect(await termOf('COMPLICATION', 'spinal-epidural-hematoma')).toMatchObject({ parent: 'spinal-hematoma', label: 'Spinal epidural hematoma' });
    // One outbox entry per root of what was added, not one per term.
    const outbox = Number((await dataSource.query(`SELECT count(*) AS n FROM search_outbox WHERE entity_type = 'vocabulary_term'`))[0].n);
    expect(outbox).toBeGreaterThan(0);
    expect(outbox).toBeLessThan(400);
  });

  it('is idempotent and keeps what curators changed', async () => {
    await dataSource.query(`UPDATE vocabulary_term SET label = 'Haematoma (edited)', synonyms = '{bleed}' WHERE kind = 'COMPLICATION' AND key = 'hematoma'`);
    await dataSource.query(`UPDATE vocabulary_term SET parent_id = NULL WHERE kind = 'COMPLICATION' AND key = 'hematoma-subdural'`);
    await dataSource.query('DELETE FROM search_outbox');
    expect(await dataSource.transaction((tx) => seeder.seed(tx))).toBe(0);
    expect(await termCount()).toBe(SEED_TERMS.length);
    expect(await termOf('COMPLICATION', 'hematoma')).toMatchObject({ label: 'Haematoma (edited)', synonyms: ['bleed'] });
    expect(await termOf('COMPLICATION', 'hematoma-subdural')).toMatchObject({ parent: null });
    expect(Number((await dataSource.query('SELECT count(*) AS n FROM search_outbox'))[0].n)).toBe(0);
  });

  it('brings back a deleted leaf under its existing parent', async () => {
    await dataSource.query(`DELETE FROM vocabulary_term WHERE kind = 'COMPLICATION' AND key = 'putaminal-hemorrhage'`);
    expect(await dataSource.transaction((tx) => seeder.seed(tx))).toBe(1);
    expect(await termOf('COMPLICATION', 'putaminal-hemorrhage')).toMatchObject({ parent: 'basal-ganglia-hemorrhage' });
  });

  it('refuses a seed whose parent is not listed before the child, adding nothing', async () => {
    const terms = [{ key: 'orphan', kind: 'SYMPTOM', label: 'Orphan', synonyms: [], parent: 'nowhere', meshUi: null }];
    await expect(dataSource.transaction((tx) => seeder.seed(tx, terms))).rejects.toThrow(/"orphan" names parent "nowhere"/);
    expect(await termOf('SYMPTOM', 'orphan')).toBeUndefined();
  });
});
