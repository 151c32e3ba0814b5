import { randomBytes } from 'node:crypto';
import { Client } from 'pg';

/** The machine's PostgreSQL (started before tests and CI); override with TEST_DATABASE_URL. */
export const SERVER_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/** Databases of one test run share a prefix, so concurrent runs never touch each other's databases. */
export function runPrefix(): string {
  const run = process.env.CASE_REPORTS_TEST_RUN;
  if (!run) throw new Error('CASE_REPORTS_TEST_RUN is not set: run the tests through jest (globalSetup sets it)');
  return `crt_${run}`;
}

export const templateDatabase = () => `${runPrefix()}_template`;

export function databaseUrl(name: string): string {
  const url = new URL(SERVER_URL);
  url.pathname = `/${name}`;
  return url.toString();
}

export async function withServer<T>(work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: SERVER_URL });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

export interface TestDatabase {
  name: string;
  url: string;
  drop(): Promise<void>;
}

/** A database of its own for one test file, cloned from the migrated template (fast: no migrations per file). */
export async function createTestDatabase(): Promise<TestDatabase> {
  const name = `${runPrefix()}_${randomBytes(5).toString('hex')}`;
  await withServer((client) => client.query(`CREATE DATABASE ${name} TEMPLATE ${templateDatabase()}`));
  return {
    name,
    url: databaseUrl(name),
    drop: () => withServer((client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(() => undefined),
  };
}
