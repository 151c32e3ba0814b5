import { readFileSync } from 'node:fs';
import request from 'supertest';
import { fixturePath } from '../../../src/literature/testing/fixtures';
import { CURATOR_KEY, TestApp } from '../../support/test-app';
import { waitForIndex } from '../../support/search-index';

export interface ImportReport {
  created: number;
  extraction: { publications: number; proposedCases: number } | null;
}

/** Imports a literature fixture the way a curator does (POST /imports), and waits until it is searchable. */
export async function importFixture(app: TestApp, fixture: string, review: string): Promise<ImportReport> {
  const upload = await request(app.running.url)
    .post('/imports')
    .query({ review, fileName: fixture.split('/').pop() })
    .set('Authorization', `Bearer ${CURATOR_KEY}`)
    .set('Content-Type', 'application/xml')
    .send(readFileSync(fixturePath(fixture)));
  if (upload.status !== 200) throw new Error(`import of ${fixture} failed: ${upload.status} ${JSON.stringify(upload.body)}`);
  await waitForIndex(app);
  return upload.body as ImportReport;
}
