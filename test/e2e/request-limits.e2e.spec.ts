import { CURATOR_KEY, startTestApp, TestApp } from '../support/test-app';

function risRecords(count: number): string {
  const records: string[] = [];
  for (let i = 1; i <= count; i++) {
    records.push(['TY  - JOUR', `TI  - Synthetic case report number ${i} of a spinal hematoma after an epidural blood patch`, 'AU  - Tester, Alex', `PY  - ${1990 + (i % 30)}`, 'JO  - Journal of Import Limits', `DO  - 10.9999/limits.${i}`, `AB  - ${'A long abstract sentence. '.repeat(12)}`, 'ER  - '].join('\r\n'));
  }
  return records.join('\r\n\r\n');
}

describe('request size limits', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp({ SEED_DEMO_DATA: 'false', MAX_JSON_BODY_BYTES: String(2 * 1024 * 1024) });
  });

  afterAll(async () => {
    await app?.close();
  });

  const IMPORT = 'mutation($input: ImportPublicationsInput!) { importPublications(input: $input) { recordsRead created stored } }';

  it('takes an export file of about 1 MB posted as text to importPublications', async () => {
    const text = risRecords(2100);
    expect(text.length).toBeGreaterThan(1024 * 1024);
    const result = await app.graphql<any>(IMPORT, { input: { text, fileName: 'big.ris' } }, CURATOR_KEY);
    expect(result.errors).toBeUndefined();
    expect(result.data.importPublications).toEqual({ recordsRead: 2100, created: 2100, stored: true });
  });

  it('refuses a request over MAX_JSON_BODY_BYTES with 413 and stores nothing', async () => {
    const before = (await app.graphql<any>('{ publications { totalCount } }')).data.publications.totalCount;
    const result = await app.graphql(IMPORT, { input: { text: risRecords(4500), fileName: 'too-big.ris' } }, CURATOR_KEY);
    expect(result.status).toBe(413);
    expect((await app.graphql<any>('{ publications { totalCount } }')).data.publications.totalCount).toBe(before);
  });
});
