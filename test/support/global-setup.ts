import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { MIGRATIONS_GLOB, MIGRATIONS_TABLE } from '../../src/database/migrations-location';
import { databaseUrl, templateDatabase, withServer } from './database';

/**
 * Runs the migrations once into a template database; every test file clones it. Jest calls this once
 * per project, so the work is skipped when an earlier project already did it in this process.
 */
export default async function globalSetup(): Promise<void> {
  if (process.env.CASE_REPORTS_TEST_RUN) return;
  process.env.CASE_REPORTS_TEST_RUN = `${process.pid}_${randomBytes(3).toString('hex')}`;
  await withServer((client) => client.query(`CREATE DATABASE ${templateDatabase()}`));
  // Only the migrations: loading the entities here would register their GraphQL types in this
  // process a second time, beside the copies the test files load.
  const dataSource = new DataSource({ type: 'postgres', url: databaseUrl(templateDatabase()), migrations: [MIGRATIONS_GLOB], migrationsTableName: MIGRATIONS_TABLE });
  await dataSource.initialize();
  try {
    await dataSource.runMigrations({ transaction: 'each' });
  } finally {
    await dataSource.destroy();
  }
}
