#!/usr/bin/env node
// Generates a migration from the difference between the entities and the existing migrations:
// applies the migrations to a scratch database, asks TypeORM for the diff, drops the scratch database.
// Usage: npm run migration:generate -- AddSomething   (uses DATABASE_URL's server, default the local one)
import { execFileSync } from 'node:child_process';
import pg from 'pg';

const name = process.argv[2];
if (!name || !/^[A-Z][A-Za-z0-9]+$/.test(name)) {
  console.error('Usage: npm run migration:generate -- MigrationName   (PascalCase)');
  process.exit(2);
}
const base = new URL(process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres');
const scratch = `migration_scratch_${process.pid}`;
const admin = new pg.Client({ connectionString: base.toString() });
await admin.connect();
await admin.query(`CREATE DATABASE ${scratch}`);
const scratchUrl = new URL(base);
scratchUrl.pathname = `/${scratch}`;
const env = { ...process.env, DATABASE_URL: scratchUrl.toString() };
const cli = ['typeorm-ts-node-commonjs', '-d', 'src/database/data-source.ts'];
try {
  execFileSync('npx', [cli[0], 'migration:run', ...cli.slice(1)], { env, stdio: 'inherit' });
  execFileSync('npx', [cli[0], 'migration:generate', ...cli.slice(1), '--pretty', `migrations/${name}`], { env, stdio: 'inherit' });
} finally {
  await admin.query(`DROP DATABASE IF EXISTS ${scratch} WITH (FORCE)`);
  await admin.end();
}
