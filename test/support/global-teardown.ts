import { runPrefix, withServer } from './database';

/** Drops the template and any database a test file of this run left behind. */
export default async function globalTeardown(): Promise<void> {
  if (!process.env.CASE_REPORTS_TEST_RUN || process.env.CASE_REPORTS_TEST_CLEANED) return;
  process.env.CASE_REPORTS_TEST_CLEANED = '1';
  await withServer(async (client) => {
    const rows = await client.query('SELECT datname FROM pg_database WHERE datname LIKE $1', [`${runPrefix()}%`]);
    for (const row of rows.rows as { datname: string }[]) await client.query(`DROP DATABASE IF EXISTS ${row.datname} WITH (FORCE)`);
  });
}
