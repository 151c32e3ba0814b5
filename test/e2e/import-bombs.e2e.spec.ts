import request from 'supertest';
import { CURATOR_KEY, startTestApp, TestApp } from '../support/test-app';

const IMPORT = 'mutation($input: ImportPublicationsInput!) { importPublications(input: $input) { stored recordsRead errorCount errors { recordNumber line field message } } }';

/** Small files that cost a lot to read, and files with nothing in them: refused with the place named, nothing stored. */
describe('imports that expand, repeat or hold nothing', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp({ SEED_DEMO_DATA: 'false' });
  });

  afterAll(async () => {
    await app?.close();
  });

  const counts = async () => {
    const result = await app.graphql<any>('{ publications { totalCount } importBatches { id } }', undefined, CURATOR_KEY);
    return { publications: result.data.publications.totalCount, batches: result.data.importBatches.length };
  };

  it('refuses a BibTeX @string concatenation bomb with the line of the macro, storing nothing', async () => {
    const names = 'abcdefghijklmnop'.split('');
    const macros = names.map((name, index) => (index === 0 ? `@string{${name} = "xx"}` : `@string{${name} = ${Array(4).fill(names[index - 1]).join(' # ')}}`));
    const text = `${macros.join('\n')}\n@article{bomb, title = ${names[names.length - 1]} # ${names[names.length - 1]}, year = 2020}\n`;
    expect(text.length).toBeLessThan(1024);
    const result = await app.graphql<any>(IMPORT, { input: { text, format: 'BIBTEX' } }, CURATOR_KEY);
    expect(result.errors).toBeUndefined();
    const report = result.data.importPublications;
    expect(report.stored).toBe(false);
    expect(report.errors[0]).toMatchObject({ line: 9, field: 'i' });
    expect(report.errors[0].message).toMatch(/longer than 100000 characters once its @string macros are expanded/);
    await expect(counts()).resolves.toEqual({ publications: 0, batches: 0 });
  });

  it('refuses 200,000 empty RIS records after the first thousand errors, naming where reading stopped', async () => {
    const body = 'TY  - JOUR\nER  - \n'.repeat(200_000);
    const upload = await request(app.running.url).post('/imports').set('Authorization', `Bearer ${CURATOR_KEY}`).set('Content-Type', 'text/plain').send(body);
    expect(upload.status).toBe(422);
    expect(upload.body).toMatchObject({ stored: false, readToEnd: false });
    expect(upload.body.recordsRead).toBeLessThanOrEqual(1001);
    expect(upload.body.errors.at(-1).message).toMatch(/more than 1000 records have errors/);
    await expect(counts()).resolves.toEqual({ publications: 0, batches: 0 });
  });

  it.each([
    ['an empty RIS body', 'ris', ''],
    ['a RIS file of blank lines', 'ris', '\n\n\n'],
    ['a PubMed XML set without articles', 'pubmed-xml', '<?xml version="1.0"?>\n<PubmedArticleSet></PubmedArticleSet>\n'],
  ])('refuses %s with 400 and creates no import batch', async (_name, format, body) => {
    const upload = await request(app.running.url).post(`/imports?format=${format}`).set('Authorization', `Bearer ${CURATOR_KEY}`).set('Content-Type', 'text/plain').send(body);
    expect(upload.status).toBe(400);
    expect(upload.body.error).toMatchObject({ code: 'BAD_USER_INPUT', fieldErrors: [{ path: 'file', message: expect.stringMatching(/holds no records/) }] });
    await expect(counts()).resolves.toEqual({ publications: 0, batches: 0 });
  });

  it('keeps no import batch for a PARTIAL import whose every record is refused', async () => {
    const upload = await request(app.running.url).post('/imports?mode=partial').set('Authorization', `Bearer ${CURATOR_KEY}`).set('Content-Type', 'text/plain').send('TY  - JOUR\nPY  - 2020\nER  - \nTY  - JOUR\n');
    expect(upload.status).toBe(422);
    expect(upload.body).toMatchObject({ stored: false, batchId: null, created: 0, errorCount: 2 });
    await expect(counts()).resolves.toEqual({ publications: 0, batches: 0 });
  });

  it('refuses posted text without records as BAD_USER_INPUT on input.text', async () => {
    const result = await app.graphql(IMPORT, { input: { text: '<?xml version="1.0"?><PubmedArticleSet/>', format: 'PUBMED_XML' } }, CURATOR_KEY);
    expect(result.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fieldErrors: [{ path: 'input.text' }] });
  });
  it.each([
    ['EndNote XML nested 20,000 levels deep', 'endnote-xml', `<?xml version="1.0"?>\n<xml><records><record><titles><title>A good record</title></titles></record>\n<record>${'<titles>'.repeat(20_000)}${'</titles>'.repeat(20_000)}</record></records></xml>\n`, 'titles'],
    ['PubMed XML nested 100,000 levels deep in a title', 'pubmed-xml', `<?xml version="1.0"?>\n<PubmedArticleSet><PubmedArticle><MedlineCitation><PMID>1</PMID><Article><ArticleTitle>A good record</ArticleTitle></Article></MedlineCitation></PubmedArticle>\n<PubmedArticle><MedlineCitation><PMID>2</PMID><Article><ArticleTitle>${'<i>'.repeat(100_000)}x${'</i>'.repeat(100_000)}</ArticleTitle></Article></MedlineCitation></PubmedArticle></PubmedArticleSet>\n`, 'i'],
  ])('refuses %s at once, naming the record, line and element, storing nothing', async (_name, format, body, element) => {
    // The refusal below (its message, record and line) is what the depth limit adds; before it, EndNote took 9.5-14 s
    // and PubMed XML overflowed the stack.
    const upload = await request(app.running.url).post(`/imports?format=${format}`).set('Authorization', `Bearer ${CURATOR_KEY}`).set('Content-Type', 'text/plain').send(body);
    expect(upload.status).toBe(422);
    expect(upload.body).toMatchObject({ stored: false, readToEnd: false });
    expect(upload.body.errors.at(-1)).toMatchObject({ recordNumber: 2, line: 3, field: element, message: expect.stringMatching(new RegExp(`record 2, line 3: elements are nested more than 256 levels deep \\(at <${element}>\\)`)) });
    await expect(counts()).resolves.toEqual({ publications: 0, batches: 0 });
  });
  it('reads a MEDLINE record of 300,000 continuation lines (2.4 MB) in seconds, not minutes, naming its over-long abstract', async () => {
    const body = `PMID- 1\nTI  - A title\nAB  - Start\n${'      more\n'.repeat(300_000)}\n`;
    // No clock here (CI machines are busy): each line copied the whole value before, minutes on this body, past the test timeout.
    const upload = await request(app.running.url).post('/imports').set('Authorization', `Bearer ${CURATOR_KEY}`).set('Content-Type', 'text/plain').send(body);
    expect(upload.body).toMatchObject({ format: 'MEDLINE', recordsRead: 1 });
    expect(upload.body.errors.concat(upload.body.warnings ?? []).map((issue: { field: string }) => issue.field)).toContain('abstract');
  });
});
