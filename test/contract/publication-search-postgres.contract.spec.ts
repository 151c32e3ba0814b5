import 'reflect-metadata';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { buildDataSourceOptions } from '../../src/database/data-source-options';
import { startEmbeddedPostgres } from '../../src/database/embedded-postgres';
import { PostgresPublicationSearchEngine } from '../../src/search/engines/postgres/publication-search.engine';
import { createTestDatabase } from '../support/database';
import { describePublicationSearchContract } from './publication-search.contract';

describePublicationSearchContract('embedded engine on PostgreSQL', async () => {
  const database = await createTestDatabase();
  const dataSource = await new DataSource(buildDataSourceOptions({ url: database.url, poolSize: 4 })).initialize();
  return {
    engine: new PostgresPublicationSearchEngine(dataSource),
    async close() {
      await dataSource.destroy();
      await database.drop();
    },
  };
});

describePublicationSearchContract('embedded engine on PGlite (the embedded default)', async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'publication-contract-'));
  const embedded = await startEmbeddedPostgres({ dataDir, port: 0 });
  const dataSource = await new DataSource(buildDataSourceOptions({ url: embedded.url, poolSize: 1 })).initialize();
  await dataSource.runMigrations({ transaction: 'each' });
  return {
    engine: new PostgresPublicationSearchEngine(dataSource),
    async close() {
      await dataSource.destroy();
      await embedded.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
});
