import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { startApp } from '../../src/bootstrap';
import { loadConfig } from '../../src/config/app-config';

/** The default a researcher gets with nothing configured: embedded PostgreSQL in DATA_DIR, demo corpus on first start. */
describe('embedded default (no DATABASE_URL)', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'embedded-default-'));
  const config = loadConfig({ DATA_DIR: dataDir, PORT: '0', LOG_LEVEL: 'error' });
  const countCases = async (url: string) => {
    const response = await request(url).post('/graphql').send({ query: '{ caseReports { totalCount } publications { totalCount } }' });
    return response.body.data;
  };

  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('starts with the demo corpus, and a restart keeps the data without loading it twice', async () => {
    const first = await startApp(config);
    try {
      expect(first.embedded).not.toBeNull();
      expect(await countCases(first.url)).toEqual({ caseReports: { totalCount: 23 }, publications: { totalCount: 22 } });
      const health = await request(first.url).get('/health');
      expect(health.body.info.database.status).toBe('up');
    } finally {
      await first.close();
    }
    const second = await startApp(config);
    try {
      expect(await countCases(second.url)).toEqual({ caseReports: { totalCount: 23 }, publications: { totalCount: 22 } });
    } finally {
      await second.close();
    }
  }, 300_000); // two starts on PGlite, seeding 7,400 terms: a bound against a hang on a busy machine, not a speed check
});
