import { request as httpRequest } from 'node:http';
import request from 'supertest';
import { CURATOR_KEY, startTestApp, TestApp } from '../support/test-app';

const RIS = (title: string) => `TY  - JOUR\nTI  - ${title}\nPY  - 2020\nER  - \n`;

/** POST /imports with broken or ambiguous requests: a clear 4xx, nothing stored, the process still up. */
describe('POST /imports with malformed requests', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp({ SEED_DEMO_DATA: 'false' });
  });

  afterAll(async () => {
    await app?.close();
  });

  const publicationCount = async () => (await app.graphql<any>('{ publications { totalCount } }')).data.publications.totalCount as number;

  /** Sends raw bytes with the given headers and waits for the answer (or the socket closing). */
  function rawPost(path: string, headers: Record<string, string | number>, body: string): Promise<{ status: number; body: string }> {
    const url = new URL(path, app.running.url);
    return new Promise((resolve, reject) => {
      const req = httpRequest(url, { method: 'POST', headers }, (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk) => (text += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
      });
      req.on('error', reject);
      req.end(body);
    });
  }

  it('answers a truncated multipart body with 400, stores nothing and stays up', async () => {
    const boundary = 'XBOUNDARYX';
    const body = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="cut.ris"\r\nContent-Type: text/plain\r\n\r\n${RIS('A truncated upload')}`;
    const answer = await rawPost('/imports', { Authorization: `Bearer ${CURATOR_KEY}`, 'Content-Type': `multipart/form-data; boundary=${boundary}`, 'Content-Length': Buffer.byteLength(body) }, body);
    expect(answer.status).toBe(400);
    expect(JSON.parse(answer.body).error).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(JSON.parse(answer.body).error.message).toMatch(/Unexpected end of form/);
    await expect(publicationCount()).resolves.toBe(0);
  });

  it('answers two file parts with 400 and stores neither', async () => {
    const upload = await request(app.running.url)
      .post('/imports')
      .set('Authorization', `Bearer ${CURATOR_KEY}`)
      .attach('file', Buffer.from(RIS('First of two files')), 'one.ris')
      .attach('file2', Buffer.from(RIS('Second of two files')), 'two.ris');
    expect(upload.status).toBe(400);
    expect(upload.body.error.fieldErrors).toEqual([{ path: 'file', message: 'upload one file per request' }]);
    await expect(publicationCount()).resolves.toBe(0);
    const batches = await app.graphql<any>('{ importBatches { id } }', undefined, CURATOR_KEY);
    expect(batches.data.importBatches).toEqual([]);
  });

  it.each([
    ['review', 'review=a&review=b'],
    ['format', 'format=ris&format=csv'],
    ['fileName', 'fileName=a.ris&fileName=b.ris'],
  ])('answers a repeated or structured query parameter (%s) with 400 naming it', async (name, query) => {
    const upload = await request(app.running.url)
      .post(`/imports?${query}`)
      .set('Authorization', `Bearer ${CURATOR_KEY}`)
      .set('Content-Type', 'text/plain')
      .send(RIS('Repeated parameters'));
    expect(upload.status).toBe(400);
    expect(upload.body.error.code).toBe('BAD_USER_INPUT');
    expect(upload.body.error.fieldErrors[0].path).toBe(name);
    await expect(publicationCount()).resolves.toBe(0);
  });

  it('answers a form field given twice in a multipart upload with 400 naming it', async () => {
    const upload = await request(app.running.url)
      .post('/imports')
      .set('Authorization', `Bearer ${CURATOR_KEY}`)
      .field('review', 'a')
      .field('review', 'b')
      .attach('file', Buffer.from(RIS('Repeated field')), 'one.ris');
    expect(upload.status).toBe(400);
    expect(upload.body.error.fieldErrors[0].path).toBe('review');
    await expect(publicationCount()).resolves.toBe(0);
  });

  it('answers a misspelt parameter or form field with 400 naming it, instead of importing without it', async () => {
    const query = await request(app.running.url).post('/imports?reveiw=EBP&format=ris').set('Authorization', `Bearer ${CURATOR_KEY}`).set('Content-Type', 'text/plain').send(RIS('Misspelt query parameter'));
    expect(query.status).toBe(400);
    expect(query.body.error).toMatchObject({ code: 'BAD_USER_INPUT', fieldErrors: [{ path: 'reveiw', message: expect.stringMatching(/is not a parameter of POST \/imports \(known: columns, database, extractCases, fileName, format, mode, review\)/) }] });
    const field = await request(app.running.url).post('/imports').set('Authorization', `Bearer ${CURATOR_KEY}`).field('formt', 'bibtex').field('review', 'EBP').attach('file', Buffer.from(RIS('Misspelt form field')), 'one.ris');
    expect(field.status).toBe(400);
    expect(field.body.error.fieldErrors).toEqual([{ path: 'formt', message: expect.stringMatching(/is not a parameter of POST \/imports/) }]);
    await expect(publicationCount()).resolves.toBe(0);
  });

  it('answers a form field sent after the file part with 400 naming it, storing nothing (it was ignored)', async () => {
    const boundary = 'XBOUNDARYX';
    const body = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="a.ris"\r\nContent-Type: text/plain\r\n\r\n${RIS('Field after the file')}\r\n--${boundary}\r\nContent-Disposition: form-data; name="review"\r\n\r\nEBP\r\n--${boundary}--\r\n`;
    const answer = await rawPost('/imports', { Authorization: `Bearer ${CURATOR_KEY}`, 'Content-Type': `multipart/form-data; boundary=${boundary}`, 'Content-Length': Buffer.byteLength(body) }, body);
    expect(answer.status).toBe(400);
    expect(JSON.parse(answer.body).error).toMatchObject({ code: 'BAD_USER_INPUT', fieldErrors: [{ path: 'review', message: 'comes after the file part; send form fields before the file (or as query parameters)' }] });
    await expect(publicationCount()).resolves.toBe(0);
  });

  it('answers a NUL character in a parameter, a form field or the file name with 400 naming it (it once reached PostgreSQL: 500)', async () => {
    const byQuery = await request(app.running.url).post('/imports?fileName=a%00b.ris&review=r%00').set('Authorization', `Bearer ${CURATOR_KEY}`).set('Content-Type', 'text/plain').send(RIS('NUL in the query'));
    expect(byQuery.status).toBe(400);
    expect(byQuery.body.error.fieldErrors.map((error: { path: string }) => error.path).sort()).toEqual(['fileName', 'review']);
    const boundary = 'XBOUNDARYX';
    const form = (database: string, fileName: string) =>
      `--${boundary}\r\nContent-Disposition: form-data; name="database"\r\n\r\n${database}\r\n--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: text/plain\r\n\r\n${RIS('NUL in the form')}\r\n--${boundary}--\r\n`;
    const post = (body: string) => rawPost('/imports', { Authorization: `Bearer ${CURATOR_KEY}`, 'Content-Type': `multipart/form-data; boundary=${boundary}`, 'Content-Length': Buffer.byteLength(body) }, body);
    const inField = await post(form('Em\u0000base', 'a.ris'));
    expect(inField.status).toBe(400);
    expect(JSON.parse(inField.body).error.fieldErrors).toEqual([{ path: 'database', message: 'must not contain NUL characters (\\u0000)' }]);
    const inFileName = await post(form('Embase', 'a\u0000.ris'));
    expect(inFileName.status).toBe(400);
    expect(JSON.parse(inFileName.body).error.code).toBe('BAD_USER_INPUT');
    await expect(publicationCount()).resolves.toBe(0);
  });

  it('refuses a file name over 500 characters (parameter, multipart file name, GraphQL) naming it, storing nothing (it was cut at 500 without a word)', async () => {
    const long = `${'n'.repeat(600)}.ris`;
    const byQuery = await request(app.running.url).post('/imports').query({ fileName: long }).set('Authorization', `Bearer ${CURATOR_KEY}`).set('Content-Type', 'text/plain').send(RIS('A long file name in the query'));
    expect(byQuery.status).toBe(400);
    expect(byQuery.body.error.fieldErrors).toEqual([{ path: 'fileName', message: 'must be at most 500 characters (it has 604)' }]);
    const byPart = await request(app.running.url).post('/imports').set('Authorization', `Bearer ${CURATOR_KEY}`).attach('file', Buffer.from(RIS('A long file name in the form')), long);
    expect(byPart.status).toBe(400);
    expect(byPart.body.error.fieldErrors[0].path).toBe('fileName');
    const byGraphql = await app.graphql<any>('mutation($input: ImportPublicationsInput!) { importPublications(input: $input) { source } }', { input: { text: RIS('A long file name posted as text'), fileName: long } }, CURATOR_KEY);
    expect(byGraphql.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fieldErrors: [{ path: 'input.fileName' }] });
    await expect(publicationCount()).resolves.toBe(0);
  });

  it('answers an empty or blank parameter or form field with 400 naming it and what it takes, storing nothing (review= imported outside any review)', async () => {
    for (const [query, name, takes] of [
      ['review=', 'review', /^must not be empty: give the review's name, at most 200 characters/],
      ['format=%20', 'format', /^must not be empty: give one of .*ris.* \(any case; or leave format out to detect it from the file\)$/],
      ['mode=', 'mode', /^must not be empty: give atomic or partial/],
      ['extractCases=', 'extractCases', /^must not be empty: give true or false/],
      ['database=', 'database', /e\.g\. PubMed/],
      ['columns=', 'columns', /field=column pairs/],
      ['fileName=%20', 'fileName', /the file's name/],
    ] as const) {
      const upload = await request(app.running.url).post(`/imports?${query}`).set('Authorization', `Bearer ${CURATOR_KEY}`).set('Content-Type', 'text/plain').send(RIS('Empty parameter'));
      expect([query, upload.status]).toEqual([query, 400]);
      expect(upload.body.error.fieldErrors).toEqual([{ path: name, message: expect.stringMatching(takes) }]);
    }
    const both = await request(app.running.url).post('/imports?review=&mode=').set('Authorization', `Bearer ${CURATOR_KEY}`).set('Content-Type', 'text/plain').send(RIS('Empty parameters'));
    expect(both.body.error.fieldErrors.map((error: { path: string }) => error.path)).toEqual(['review', 'mode']);
    const field = await request(app.running.url).post('/imports').set('Authorization', `Bearer ${CURATOR_KEY}`).field('review', '  ').attach('file', Buffer.from(RIS('Empty form field')), 'one.ris');
    expect(field.status).toBe(400);
    expect(field.body.error.fieldErrors).toEqual([{ path: 'review', message: expect.stringMatching(/^must not be empty/) }]);
    await expect(publicationCount()).resolves.toBe(0);
  });

  it('reads format, mode and extractCases trimmed and in any case, and review and database trimmed', async () => {
    const upload = await request(app.running.url)
      .post('/imports')
      .query({ format: ' RIS ', mode: 'Partial', extractCases: 'FALSE', review: '  Spaced review  ', database: ' PubMed ' })
      .set('Authorization', `Bearer ${CURATOR_KEY}`)
      .set('Content-Type', 'text/plain')
      .send(RIS('Loosely written parameters'));
    expect(upload.status).toBe(200);
    expect(upload.body).toMatchObject({ stored: true, created: 1, format: 'RIS', mode: 'PARTIAL', review: 'Spaced review' });
    const batches = await app.graphql<any>('{ importBatches { review database } }', undefined, CURATOR_KEY);
    expect(batches.data.importBatches).toEqual([{ review: 'Spaced review', database: 'PubMed' }]);
  });

  it('answers a file posted as application/json the same way whatever it holds, naming the file and what to send, storing nothing', async () => {
    // The JSON body parser read it first: a JSON Lines or malformed CSL-JSON file was BAD_REQUEST "Unexpected non-whitespace
    // character after JSON at position 22" (naming nothing), one over MAX_JSON_BODY_BYTES 413 "request entity too large".
    const small = await startTestApp({ SEED_DEMO_DATA: 'false', MAX_JSON_BODY_BYTES: '102400' });
    try {
      const bodies = ['{"title":"One JSON line"}\n{"title":"Two"}\n', '[{"title":"Cut short"', '[{"title":"Valid CSL-JSON"}]', JSON.stringify([{ title: 'Larger than the JSON limit', abstract: 'x'.repeat(120_000) }])];
      for (const [index, body] of bodies.entries()) {
        // Express routes /IMPORTS/ to the same controller.
        const upload = await request(small.running.url).post(index % 2 ? '/IMPORTS/' : '/imports').set('Authorization', `Bearer ${CURATOR_KEY}`).set('Content-Type', 'application/json').send(body);
        expect({ body: body.slice(0, 30), status: upload.status, error: upload.body.error }).toEqual({
          body: body.slice(0, 30),
          status: 400,
          error: { code: 'BAD_USER_INPUT', message: expect.stringMatching(/^file: send the file as multipart\/form-data/), fieldErrors: [{ path: 'file', message: expect.stringMatching(/raw request body .*importPublications/) }] },
        });
      }
      const form = await request(small.running.url).post('/IMPORTS/').set('Authorization', `Bearer ${CURATOR_KEY}`).set('Content-Type', 'application/x-www-form-urlencoded').send(`text=${'x'.repeat(200_000)}`);
      expect([form.status, form.body.error?.fieldErrors]).toEqual([400, [{ path: 'file', message: expect.stringMatching(/multipart\/form-data/) }]]);
      expect((await small.graphql<any>('{ publications { totalCount } }')).data.publications.totalCount).toBe(0);
      // GraphQL keeps its JSON parser and its limit.
      const graphql = await request(small.running.url).post('/graphql').set('Content-Type', 'application/json').send(JSON.stringify({ query: `{ __typename }`, variables: { pad: 'x'.repeat(110_000) } }));
      expect(graphql.status).toBe(413);
    } finally {
      await small.close();
    }
  });

  it('still imports one well-formed file', async () => {
    const upload = await request(app.running.url).post('/imports').set('Authorization', `Bearer ${CURATOR_KEY}`).attach('file', Buffer.from(RIS('One good file')), 'good.ris');
    expect(upload.status).toBe(200);
    expect(upload.body).toMatchObject({ stored: true, created: 1 });
  });
});
