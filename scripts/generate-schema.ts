// Writes schema.graphql from the running app's own schema (the same one clients see), on a throw-away
// embedded database with no demo data. Usage: npm run schema:generate
import 'reflect-metadata';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { startApp } from '../src/bootstrap';
import { loadConfig } from '../src/config/app-config';
import { printSortedSchema } from '../src/graphql/schema-printer';

async function main(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'schema-'));
  const running = await startApp(loadConfig({ DATA_DIR: dataDir, PORT: '0', SEED_DEMO_DATA: 'false', LOG_LEVEL: 'warn' }));
  try {
    const sdl = printSortedSchema(running.app.get(GraphQLSchemaHost).schema);
    writeFileSync(join(__dirname, '..', 'schema.graphql'), sdl);
    console.log(`schema.graphql written (${sdl.split('\n').length} lines)`);
  } finally {
    await running.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
