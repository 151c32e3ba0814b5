import 'reflect-metadata';
import { createReadStream } from 'node:fs';
import { INestApplication } from '@nestjs/common';
import { Test, TestingModuleBuilder } from '@nestjs/testing';
import { AppModule } from '../../src/app.module';
import { loadConfig } from '../../src/config/app-config';
import { UnitOfWork } from '../../src/database/unit-of-work';
import { ImportBatchesService } from '../../src/literature/import/import-batches.service';
import { ImportOptions, ImportService } from '../../src/literature/import/import.service';
import { ImportReport } from '../../src/literature/import/models/import-report.model';
import { fixturePath } from '../../src/literature/testing/fixtures';
import { Publication } from '../../src/publications/publication.entity';
import { PublicationsService } from '../../src/publications/publications.service';
import { createTestDatabase, TestDatabase } from '../support/database';

/** The app's providers on a database of its own (no demo data unless asked), without HTTP. */
export interface LiteratureHarness {
  app: INestApplication;
  database: TestDatabase;
  imports: ImportService;
  batches: ImportBatchesService;
  publications: PublicationsService;
  uow: UnitOfWork;
  importFixture(relative: string, options?: ImportOptions): Promise<ImportReport>;
  importText(text: string, options?: ImportOptions): Promise<ImportReport>;
  allPublications(): Promise<Publication[]>;
  /** Rows in the tables an import writes to (stored batches: a refused file is recorded, with nothing of it), to prove that a failed import wrote nothing. */
  footprint(): Promise<{ publications: number; batches: number; checksum: string }>;
  close(): Promise<void>;
}

/** `configure` may override providers (a worker that fails on purpose). */
export async function startLiteratureHarness(env: Record<string, string> = {}, configure: (builder: TestingModuleBuilder) => TestingModuleBuilder = (builder) => builder): Promise<LiteratureHarness> {
  const database = await createTestDatabase();
  const config = loadConfig({ DATABASE_URL: database.url, LOG_LEVEL: 'error', SEED_DEMO_DATA: 'false', ...env });
  const moduleRef = await configure(Test.createTestingModule({ imports: [AppModule.forRoot({ config, databaseUrl: database.url, poolSize: 4 })] })).compile();
  const app = moduleRef.createNestApplication({ logger: ['error'] });
  await app.init();
  const imports = app.get(ImportService);
  const uow = app.get(UnitOfWork);
  return {
    app,
    database,
    imports,
    batches: app.get(ImportBatchesService),
    publications: app.get(PublicationsService),
    uow,
    importFixture: (relative, options = {}) => imports.import(createReadStream(fixturePath(relative)), { fileName: relative.split('/').pop(), ...options }),
    importText: (text, options = {}) => imports.import((async function* () { yield text; })(), options),
    allPublications: () => uow.reader.find(Publication, { order: { createdAt: 'ASC', id: 'ASC' } }),
    async footprint() {
      const [row] = await uow.reader.query(
        `SELECT (SELECT count(*) FROM publication)::int AS publications, (SELECT count(*) FROM import_batch WHERE stored)::int AS batches,
                (SELECT coalesce(md5(string_agg(p::text, '' ORDER BY p.id)), '') FROM publication p) AS checksum`,
      );
      return row;
    },
    async close() {
      await app.close();
      await database.drop();
    },
  };
}
