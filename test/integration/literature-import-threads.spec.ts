import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CaseReportsService } from '../../src/case-reports/case-reports.service';
import { ExtractionThreads } from '../../src/extraction/extraction-threads';
import type { ExtractionInput } from '../../src/extraction/extraction.types';
import { IMPORT_CHUNK_SIZE } from '../../src/literature/import/import.service';
import { ImportMode } from '../../src/literature/import/import-mode.enum';
import type { ImportReport } from '../../src/literature/import/models/import-report.model';
import { FAILING_EXTRACTION_WORKER } from '../support/failing-extraction.worker';
import { LiteratureHarness, startLiteratureHarness } from './literature-harness';

/**
 * Case extraction on a worker thread (EXTRACTION_THREADS >= 1) against the rules on the main thread
 * (0), through whole imports of several chunks: the same proposals, and a failing worker rolls the
 * import back.
 */

const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function article(pmid: number, input: ExtractionInput): string {
  const mesh = input.meshHeadings.map((heading) => `<MeshHeading><DescriptorName${heading.descriptorUi ? ` UI="${heading.descriptorUi}"` : ''} MajorTopicYN="${heading.majorTopic ? 'Y' : 'N'}">${escape(heading.label)}</DescriptorName></MeshHeading>`).join('');
  return `<PubmedArticle><MedlineCitation Status="MEDLINE" Owner="NLM"><PMID Version="1">${pmid}</PMID><Article PubModel="Print">
<Journal><JournalIssue CitedMedium="Internet"><PubDate><Year>2020</Year></PubDate></JournalIssue><Title>Journal of Tests</Title></Journal>
<ArticleTitle>${escape(input.title)}</ArticleTitle>${input.abstract ? `<Abstract><AbstractText>${escape(input.abstract)}</AbstractText></Abstract>` : ''}
<AuthorList CompleteYN="Y"><Author ValidYN="Y"><LastName>Author${pmid % 50}</LastName><Initials>A</Initials></Author></AuthorList>
${input.language ? `<Language>${escape(input.language)}</Language>` : ''}<PublicationTypeList>${input.publicationTypes.map((type) => `<PublicationType>${escape(type)}</PublicationType>`).join('')}</PublicationTypeList></Article>
${mesh ? `<MeshHeadingList>${mesh}</MeshHeadingList>` : ''}${input.keywords.length ? `<KeywordList Owner="NOTNLM">${input.keywords.map((keyword) => `<Keyword MajorTopicYN="N">${escape(keyword)}</Keyword>`).join('')}</KeywordList>` : ''}
</MedlineCitation></PubmedArticle>`;
}

const pubmedXml = (articles: string[]) => `<?xml version="1.0" encoding="UTF-8"?>\n<PubmedArticleSet>\n${articles.join('\n')}\n</PubmedArticleSet>\n`;

/** The extraction benchmark's real records (458: with and without patients) as one PubMed file, then 30 of them again (merged into the first ones, across chunks). */
function labelledFile(): { xml: string; records: number } {
  const inputs = (JSON.parse(readFileSync(join(__dirname, '..', '..', 'bench', 'extraction', 'labelled-abstracts.json'), 'utf8')) as { records: { input: ExtractionInput }[] }).records.map((record) => record.input);
  // A few labelled records have no title (a record without one is refused by the import).
  const articles = inputs.map((input, index) => article(39000000 + index, { ...input, title: input.title.trim() || `Untitled record ${index}` }));
  // The same titles and authors again, without a PMID of their own: merged by title into the stored ones.
  for (let index = 0; index < 30; index++) articles.push(article(39000000 + index, { ...inputs[index], title: inputs[index].title.trim() || `Untitled record ${index}`, keywords: [...inputs[index].keywords, 'added in a later chunk'] }).replace(/<PMID Version="1">\d+<\/PMID>/, ''));
  return { xml: pubmedXml(articles), records: articles.length };
}

/** A file of generic case reports; the record at `failAt` (0-based) carries the failing worker's trigger in its title. */
function fileFailingAt(records: number, failAt: number, trigger: string): string {
  const input = (n: number): ExtractionInput => ({
    title: `${n === failAt ? `${trigger} ` : ''}Spinal epidural haematoma number ${n} after lumbar puncture`,
    abstract: `A ${30 + (n % 50)}-year-old woman on warfarin developed a spinal epidural haematoma after a lumbar puncture; she recovered after decompression.`,
    meshHeadings: [],
    publicationTypes: ['Case Reports'],
    keywords: [],
    language: 'eng',
  });
  return pubmedXml(Array.from({ length: records }, (_, n) => article(38000000 + n, input(n))));
}

/** Every stored case, as the case-reports service reads it, with ids replaced by what they name (publication by PMID or title, term by kind and key). */
async function storedCases(h: LiteratureHarness): Promise<unknown[]> {
  const names = new Map<string, string>();
  for (const row of await h.uow.reader.query('SELECT id, coalesce(pmid, title) AS name FROM publication')) names.set(row.id, `publication ${row.name}`);
  for (const row of await h.uow.reader.query('SELECT id, kind, key FROM vocabulary_term')) names.set(row.id, `term ${row.kind}:${row.key}`);
  const ids: { id: string }[] = await h.uow.reader.query('SELECT id FROM case_report');
  const cases = h.app.get(CaseReportsService);
  const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
  const named = (value: unknown): unknown => JSON.parse(JSON.stringify(value, (_key, v) => (typeof v === 'string' && uuid.test(v) ? (names.get(v) ?? 'another id') : v)));
  const all = await h.uow.run(async (tx) =>
    Promise.all(ids.map(async ({ id }) => {
      const { row, valid } = await cases.loadForWrite(tx, id);
      return named({ publication: row.publicationId, label: row.label, status: row.curationStatus, rulesVersion: row.extractionRulesVersion, facts: row.facts, valid });
    })),
  );
  return all.sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
}

/** The report without what differs between two databases (ids). */
function comparable(report: ImportReport): unknown {
  const uuid = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g;
  return JSON.parse(JSON.stringify({ ...report, batchId: null }).replace(uuid, '<id>'));
}

describe('case extraction on a worker thread during imports (PostgreSQL)', () => {
  describe('inline (EXTRACTION_THREADS=0) and threaded (EXTRACTION_THREADS=1, and 2: two chunks in the rules at once)', () => {
    let inline: LiteratureHarness;
    let threaded: LiteratureHarness;
    let twoThreads: LiteratureHarness;

    beforeAll(async () => {
      [inline, threaded, twoThreads] = await Promise.all([startLiteratureHarness({ EXTRACTION_THREADS: '0' }), startLiteratureHarness({ EXTRACTION_THREADS: '1' }), startLiteratureHarness({ EXTRACTION_THREADS: '2' })]);
    });

    afterAll(async () => {
      await inline?.close();
      await threaded?.close();
      await twoThreads?.close();
    });

    it('store the same proposals and the same report for a file of several chunks with merges across chunks', async () => {
      const { xml, records } = labelledFile();
      expect(records).toBeGreaterThan(IMPORT_CHUNK_SIZE);
      const options = { fileName: 'labelled.xml', format: 'pubmed-xml' as const, review: 'threads' };
      const a = await inline.importText(xml, options);
      const b = await threaded.importText(xml, options);
      const c = await twoThreads.importText(xml, options);
      expect(a.errors).toEqual([]);
      expect(a.stored).toBe(true);
      expect(a.recordsRead).toBe(records);
      expect(a.merged).toBe(30);
      expect(a.extraction?.proposedCases).toBeGreaterThan(50);
      expect(inline.app.get(ExtractionThreads).threadCount).toBe(0);
      expect(threaded.app.get(ExtractionThreads).threadCount).toBe(1);
      expect(twoThreads.app.get(ExtractionThreads).threadCount).toBe(2);
      expect(comparable(b)).toEqual(comparable(a));
      expect(comparable(c)).toEqual(comparable(a));
      const [inlineCases, threadedCases, twoThreadCases] = [await storedCases(inline), await storedCases(threaded), await storedCases(twoThreads)];
      // The merged publications' cases were proposed twice: the later chunk's replace the earlier ones.
      expect(a.extraction?.replacedCases).toBeGreaterThan(0);
      expect(inlineCases.length).toBe((a.extraction?.proposedCases ?? 0) - (a.extraction?.replacedCases ?? 0));
      expect(threadedCases).toEqual(inlineCases);
      expect(twoThreadCases).toEqual(inlineCases);

    });
  });

  describe('a worker that fails', () => {
    let h: LiteratureHarness;
    let threads: ExtractionThreads;

    beforeAll(async () => {
      threads = new ExtractionThreads({ threads: 1, filename: FAILING_EXTRACTION_WORKER });
      h = await startLiteratureHarness({}, (builder) => builder.overrideProvider(ExtractionThreads).useValue(threads));
    });

    afterAll(async () => {
      await h?.close();
    });

    const caseCount = async () => (await h.uow.reader.query('SELECT count(*)::int AS n FROM case_report'))[0].n as number;

    it('rolls the import back when the rules throw on a later chunk, after earlier chunks had their proposals written', async () => {
      const before = await h.footprint();
      // Chunk 1's proposals are written while chunk 2's rules run; chunk 3 fails.
      const failure = h.importText(fileFailingAt(3 * IMPORT_CHUNK_SIZE, 2 * IMPORT_CHUNK_SIZE + 10, 'WORKER-THROWS'), { fileName: 'throws.xml' });
      await expect(failure).rejects.toThrow(/^case extraction failed on a worker thread: the rules failed on purpose$/);
      expect(await h.footprint()).toEqual(before);
      expect(await caseCount()).toBe(0);
    });

    it('rolls the import back when the worker dies, and the next import gets a new worker', async () => {
      const before = await h.footprint();
      await expect(h.importText(fileFailingAt(2 * IMPORT_CHUNK_SIZE, 5, 'WORKER-EXITS'), { fileName: 'exits.xml', mode: ImportMode.PARTIAL })).rejects.toThrow(/^case extraction failed on a worker thread: worker exited with code: 7$/);
      expect(await h.footprint()).toEqual(before);
      expect(await caseCount()).toBe(0);

      const report = await h.importText(fileFailingAt(IMPORT_CHUNK_SIZE + 1, -1, ''), { fileName: 'fine.xml' });
      expect(report.stored).toBe(true);
      expect(report.extraction?.proposedCases).toBe(IMPORT_CHUNK_SIZE + 1);
      expect(await caseCount()).toBe(IMPORT_CHUNK_SIZE + 1);
    });

    it('leaves no unhandled rejection when the file is refused while a failed chunk is still in flight', async () => {
      const unhandled: unknown[] = [];
      const listener = (reason: unknown) => unhandled.push(reason);
      process.on('unhandledRejection', listener);
      try {
        const before = await h.footprint();
        // The last chunk's rules fail, and the file is refused (ATOMIC, a record without a title) before they are waited for.
        const xml = fileFailingAt(IMPORT_CHUNK_SIZE, 3, 'WORKER-THROWS').replace('</PubmedArticleSet>', `${article(38999999, { title: '', abstract: null, meshHeadings: [], publicationTypes: [], keywords: [], language: 'eng' })}</PubmedArticleSet>`);
        const report = await h.importText(xml, { fileName: 'refused.xml' });
        expect(report.stored).toBe(false);
        expect(report.errorCount).toBe(1);
        expect(await h.footprint()).toEqual({ ...before, batches: before.batches });
        await new Promise((resolve) => setTimeout(resolve, 500));
        expect(unhandled).toEqual([]);
      } finally {
        process.off('unhandledRejection', listener);
      }
    });

    it('with two threads (two chunks in flight), rolls the import back when a later chunk fails', async () => {
      const two = new ExtractionThreads({ threads: 2, filename: FAILING_EXTRACTION_WORKER });
      const h2 = await startLiteratureHarness({}, (builder) => builder.overrideProvider(ExtractionThreads).useValue(two));
      try {
        const before = await h2.footprint();
        const failure = h2.importText(fileFailingAt(4 * IMPORT_CHUNK_SIZE, 3 * IMPORT_CHUNK_SIZE + 10, 'WORKER-THROWS'), { fileName: 'throws.xml' });
        await expect(failure).rejects.toThrow(/^case extraction failed on a worker thread: the rules failed on purpose$/);
        expect(await h2.footprint()).toEqual(before);
        expect((await h2.uow.reader.query('SELECT count(*)::int AS n FROM case_report'))[0].n).toBe(0);
        const report = await h2.importText(fileFailingAt(3 * IMPORT_CHUNK_SIZE + 1, -1, ''), { fileName: 'fine.xml' });
        expect(report.extraction?.proposedCases).toBe(3 * IMPORT_CHUNK_SIZE + 1);
      } finally {
        await h2.close();
      }
    });

    it('closes the worker threads with the app', async () => {
      expect(threads.threadCount).toBe(1);
      await h.app.close();
      expect(threads.threadCount).toBe(0);
    });
  });
});
