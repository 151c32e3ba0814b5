import { readFileSync } from 'node:fs';
import { ImportMode } from '../../src/literature/import/import-mode.enum';
import { ImportBatchesRepository } from '../../src/literature/import/import-batches.repository';
import { IMPORT_CHUNK_SIZE } from '../../src/literature/import/import.service';
import { fixturePath } from '../../src/literature/testing/fixtures';
import { LiteratureHarness, startLiteratureHarness } from './literature-harness';

const RAYYAN_RIS = 'ris/rayyan-10-records.ris';
const RAYYAN_CSV = 'csv/rayyan-10-records.csv';
const ZOTERO_CSV = 'csv/zotero-10-records.csv';
const PUBMED_XML = 'pubmed_xml/pubmed-10-records-5-case-reports.xml';

const ris = (...records: string[][]) => records.map((lines) => ['TY  - JOUR', ...lines, 'ER  - '].join('\n')).join('\n\n') + '\n';

describe('literature import (PostgreSQL)', () => {
  let h: LiteratureHarness;

  beforeAll(async () => {
    h = await startLiteratureHarness();
  });

  afterAll(async () => {
    await h?.close();
  });

  describe('dedupe across formats', () => {
    it('Rayyan RIS + Rayyan CSV + Zotero CSV (the same 10 records) leave 10 publications, not 30', async () => {
      const review = 'dinosaur skin review';
      const first = await h.importFixture(RAYYAN_RIS, { review, importedBy: 'alice' });
      expect(first).toMatchObject({ stored: true, format: 'ris', recordsRead: 10, created: 10, merged: 0, skipped: 0, errorCount: 0 });
      const second = await h.importFixture(RAYYAN_CSV, { review, importedBy: 'alice' });
      expect(second).toMatchObject({ stored: true, format: 'csv', recordsRead: 10, created: 0, merged: 10, skipped: 0 });
      const third = await h.importFixture(ZOTERO_CSV, { review, importedBy: 'bob' });
      expect(third).toMatchObject({ stored: true, format: 'csv', recordsRead: 10, created: 0, merged: 10 });

      expect(await h.allPublications()).toHaveLength(10);
      // Every merge names the publication it went into; all of them are among the 10 the RIS file created.
      for (const report of [second, third]) {
        expect(new Set(report.merges.map((merge) => merge.publicationId))).toEqual(new Set(first.createdPublicationIds));
        expect(report.merges.every((merge) => merge.matchedOn === 'DOI' && !merge.withinFile)).toBe(true);
      }
      // Zotero spells the journals out where Rayyan abbreviates, and gives the abbreviation too: the same journal, no conflict.
      expect(third.conflicts.filter((conflict) => conflict.field === 'journal')).toEqual([]);
      // Zotero's "Issue" column holds a month in record 9: a different value, kept out and reported.
      const issueConflict = third.conflicts.find((conflict) => conflict.field === 'issue')!;
      expect(issueConflict).toMatchObject({ recordNumber: 9, kept: '1', offered: '1 January' });
      const stored = (await h.allPublications()).find((publication) => publication.id === issueConflict.publicationId)!;
      expect(stored.issue).toBe('1');

      const batches = await h.batches.list(review);
      expect(batches.map((batch) => [batch.source, batch.format, batch.recordsRead, batch.created, batch.merged, batch.importedBy])).toEqual([
        ['rayyan-10-records.ris', 'ris', 10, 10, 0, 'alice'],
        ['rayyan-10-records.csv', 'csv', 10, 0, 10, 'alice'],
        ['zotero-10-records.csv', 'csv', 10, 0, 10, 'bob'],
      ]);
      expect(batches.every((batch) => batch.publicationIds.length === 10)).toBe(true);

      const prisma = await h.batches.prismaIdentification(review);
      expect(prisma).toMatchObject({ review, recordsIdentified: 30, duplicatesRemoved: 20, recordsRemaining: 10, recordsNotImported: 0 });
      expect(prisma.sources.map((source) => source.recordsImported)).toEqual([10, 10, 10]);
    });

    it('finds a duplicate inside one file and across the title key when there is no DOI or PMID', async () => {
      const text = ris(
        ['TI  - Epidural blood patch for a post-dural puncture headache', 'AU  - Okafor, Adaeze', 'PY  - 2021', 'KW  - headache'],
        ['TI  - EPIDURAL BLOOD PATCH FOR A POST-DURAL PUNCTURE HEADACHE.', 'AU  - Okafor, A.', 'PY  - 2021', 'KW  - blood patch', 'VL  - 12'],
        ['TI  - Epidural blood patch for a post-dural puncture headache', 'AU  - Okafor, A', 'PY  - 2022', 'DO  - 10.9999/other-year'],
      );
      const report = await h.importText(text, { fileName: 'title-key.ris' });
      expect(report).toMatchObject({ recordsRead: 3, created: 2, merged: 1 });
      expect(report.merges).toEqual([expect.objectContaining({ recordNumber: 2, matchedOn: 'TITLE_KEY', withinFile: true, filledFields: ['volume', 'keywords'] })]);
      const merged = (await h.allPublications()).find((publication) => publication.id === report.merges[0].publicationId)!;
      expect(merged).toMatchObject({ volume: '12', keywords: ['headache', 'blood patch'], authors: [{ family: 'Okafor', given: 'Adaeze' }] });
    });

    it('finds a duplicate of a record from an earlier chunk of the same file', async () => {
      const records = Array.from({ length: IMPORT_CHUNK_SIZE + 30 }, (_, i) => [`TI  - Chunked record ${i}`, 'AU  - Chunk, C', 'PY  - 2022', `DO  - 10.9999/chunk-${i}`]);
      records.push(['TI  - Chunked record 3 (again)', 'AU  - Chunk, C', 'PY  - 2022', 'DO  - 10.9999/chunk-3', 'KW  - late keyword']);
      const report = await h.importText(ris(...records), { fileName: 'chunks.ris' });
      expect(report).toMatchObject({ recordsRead: IMPORT_CHUNK_SIZE + 31, created: IMPORT_CHUNK_SIZE + 30, merged: 1 });
      expect(report.merges[0]).toMatchObject({ recordNumber: IMPORT_CHUNK_SIZE + 31, matchedOn: 'DOI', withinFile: true, filledFields: ['keywords'] });
      expect(report.conflicts).toEqual([expect.objectContaining({ field: 'title', kept: 'Chunked record 3', offered: 'Chunked record 3 (again)' })]);
      const [batch] = (await h.batches.list(null)).filter((b) => b.source === 'chunks.ris');
      expect(batch.publicationIds).toHaveLength(IMPORT_CHUNK_SIZE + 30);
    });

    it('refreshes the planner statistics inside a long import (ANALYZE sees its own rows) and still finds duplicates after it', async () => {
      const repository = h.app.get(ImportBatchesRepository);
      const refresh = jest.spyOn(repository, 'refreshStatistics');
      try {
        const records = Array.from({ length: 2_300 }, (_, i) => [`TI  - Long import record ${i}`, 'AU  - Long, L', 'PY  - 2021', `DO  - 10.9999/long-${i}`]);
        records.push(['TI  - Long import record 7', 'AU  - Long, L', 'PY  - 2021', 'DO  - 10.9999/long-7']);
        const report = await h.importText(ris(...records), { fileName: 'long.ris', extractCases: false });
        expect(report).toMatchObject({ stored: true, created: 2_300, merged: 1 });
        expect(report.merges[0]).toMatchObject({ recordNumber: 2_301, matchedOn: 'DOI', withinFile: true });
        // Due once the inserted rows pass 2,000 (then at 4,000, 8,000…).
        expect(refresh).toHaveBeenCalledTimes(1);
      } finally {
        refresh.mockRestore();
      }
    });

    it('does not merge on the title key when the PMIDs or DOIs say these are different articles', async () => {
      const text = ris(
        ['TI  - Spinal hematoma: a case report', 'AU  - Ng, W', 'PY  - 2019', 'DO  - 10.9999/article'],
        ['TI  - Spinal hematoma: a case report', 'AU  - Ng, W', 'PY  - 2019', 'DO  - 10.9999/erratum'],
      );
      expect(await h.importText(text)).toMatchObject({ created: 2, merged: 0 });
    });
  });

  it('the same three records from every CSV dialect and Web of Science tagged text: one publication per record, no false merge', async () => {
    const review = 'every database';
    const files = [
      'csv-dialects/scopus.csv',
      'csv-dialects/wos-tab-delimited.txt',
      'csv-dialects/embase.csv',
      'csv-dialects/cinahl-ebsco.csv',
      'csv-dialects/cochrane-central.csv',
      'csv-dialects/openalex-works.csv',
      'csv-dialects/lens-scholarly.csv',
      'csv-dialects/publish-or-perish.csv',
      'csv-dialects/dimensions.csv',
      'csv-dialects/endnote-excel-semicolon.csv',
      'csv-dialects/common-names.tsv',
      'wos/savedrecs-3-records.txt',
      'endnote/endnote-3-records.xml',
      'ovid/ovid-medline-complete-reference.txt',
      'ovid/ovid-embase-complete-reference.txt',
      'ovid/ovid-embase-tagged.txt',
      'ovid/ovid-medline-tagged.txt',
      'ris/eppi-reviewer-3-records.ris',
      'ris/citavi-3-records.ris',
    ];
    const before = (await h.allPublications()).length;
    for (const file of files) {
      const report = await h.importFixture(file, { review });
      expect({ file, stored: report.stored, errors: report.errorCount }).toEqual({ file, stored: true, errors: 0 });
    }
    const added = (await h.allPublications()).slice(before);
    const cyst = added.filter((publication) => /dentigerous cyst of the mandible/i.test(publication.title ?? ''));
    const takotsubo = added.filter((publication) => /^takotsubo cardiomyopathy after/i.test(publication.title ?? ''));
    const aneurysm = added.filter((publication) => /^bilateral renal artery aneurysms/i.test(publication.title ?? ''));
    expect(cyst).toHaveLength(1);
    expect(takotsubo).toHaveLength(1);
    // The record without identifiers: Scopus gives no author, Web of Science "Mueller", CINAHL "Müller", Cochrane "Muller";
    // the folded title with the same year, compatible first authors and the same volume and page make them one.
    expect(aneurysm).toHaveLength(1);
    expect(aneurysm[0]).toMatchObject({ volume: '4', year: 2018 });
    expect(added).toHaveLength(3);
  });

  describe('the duplicate lookup', () => {
    it('finds stored publications by PMID, DOI, title key and folded title', async () => {
      const report = await h.importText(ris(['TI  - Lookup probe: a lumbar hematoma after a dural puncture', 'AU  - Probe, Anna', 'PY  - 2021', 'DO  - 10.5555/lookup.probe', 'AN  - 39000001']), { review: 'lookup' });
      const [id] = report.createdPublicationIds;
      const [stored] = (await h.allPublications()).filter((publication) => publication.id === id);
      const repository = h.app.get(ImportBatchesRepository);
      await h.uow.run(async (tx) => {
        const none = { pmids: [], dois: [], titleKeys: [], titleFolds: [] };
        for (const keys of [{ pmids: ['39000001'] }, { dois: ['10.5555/lookup.probe'] }, { titleKeys: [stored.titleKey!] }, { titleFolds: [stored.titleFold!] }]) {
          expect((await repository.findMatches(tx, { ...none, ...keys })).map((publication) => publication.id)).toEqual([id]);
        }
        expect(await repository.findMatches(tx, { ...none, pmids: ['39000002'] })).toEqual([]);
      });
    });
  });

  describe('records without identifiers or authors', () => {
    it('importing the same file twice leaves the count unchanged, whatever the records lack', async () => {
      const file = ris(
        ['TI  - Bilateral hepatic artery aneurysms in <i>pregnancy</i>', 'PY  - 2018', 'JO  - J Vasc Surg Cases', 'VL  - 4', 'SP  - 98', 'EP  - 101'],
        ['TI  - Spontaneous rupture of a splenic artery aneurysm in the third trimester of a twin pregnancy', 'JO  - Obstet Med'],
        ['TI  - Hepatic artery aneurysm in a child', 'AU  - Tanaka, Hiroshi', 'JO  - J Pediatr Surg Case Rep'],
        ['TI  - Correction', 'PY  - 2019', 'JO  - BMJ', 'VL  - 364', 'SP  - l1234'],
      );
      const first = await h.importText(file, { fileName: 'no-ids.ris', review: 'no identifiers' });
      expect(first).toMatchObject({ stored: true, recordsRead: 4, created: 4, merged: 0 });
      const again = await h.importText(file, { fileName: 'no-ids.ris', review: 'no identifiers' });
      expect(again).toMatchObject({ stored: true, recordsRead: 4, created: 0, merged: 4 });
      expect(again.merges.every((merge) => merge.matchedOn === 'TITLE_KEY')).toBe(true);
      // The same article from a database that writes the journal out and the title without markup.
      const other = await h.importText(ris(['TI  - Bilateral hepatic artery aneurysms in pregnancy.', 'PY  - 2018', 'JF  - Journal of Vascular Surgery Cases', 'VL  - 4', 'SP  - 98-101']), {
        fileName: 'other.ris',
        review: 'no identifiers',
      });
      expect(other).toMatchObject({ created: 0, merged: 1 });
      // A different correction (other volume and page) is not merged.
      const correction = await h.importText(ris(['TI  - Correction', 'PY  - 2019', 'JO  - BMJ', 'VL  - 365', 'SP  - l2000']), { fileName: 'c.ris', review: 'no identifiers' });
      expect(correction).toMatchObject({ created: 1, merged: 0 });
    });

    it('matches on the folded title across databases whatever the authors, and keeps generic titles apart', async () => {
      const review = 'folded titles';
      const scopus = await h.importText(ris(['TI  - Pseudoaneurysm of the ulnar artery after a cat bite in an adult', 'PY  - 2020', 'JO  - Hand Surg Case Rep', 'VL  - 7', 'SP  - 15']), { fileName: 'scopus.ris', review });
      const wos = await h.importText(ris(['TI  - PSEUDOANEURYSM OF THE ULNAR ARTERY AFTER A CAT BITE IN AN ADULT', 'AU  - Mueller, J', 'PY  - 2020', 'JO  - HAND SURG CASE REP']), { fileName: 'wos.ris', review });
      const ebsco = await h.importText(ris(['TI  - Pseudoaneurysm of the ulnar artery after a cat bite in an adult.', 'AU  - Müller, Jürgen', 'PY  - 2020', 'JF  - Hand Surgery Case Reports', 'VL  - 7', 'SP  - 15-17']), { fileName: 'ebsco.ris', review });
      expect([scopus.created, wos.merged, ebsco.merged]).toEqual([1, 1, 1]);
      expect([...wos.merges, ...ebsco.merges].map((merge) => [merge.matchedOn, merge.publicationId])).toEqual([
        ['TITLE', scopus.createdPublicationIds[0]],
        ['TITLE', scopus.createdPublicationIds[0]],
      ]);
      const [stored] = (await h.allPublications()).filter((publication) => publication.id === scopus.createdPublicationIds[0]);
      expect(stored.authors).toEqual([{ family: 'Mueller', given: 'J' }]);
      // Different first author, a year off, a generic title in another journal: all new publications.
      const different = await h.importText(
        ris(
          ['TI  - Pseudoaneurysm of the ulnar artery after a cat bite in an adult', 'AU  - Okafor, C', 'PY  - 2020'],
          ['TI  - Pseudoaneurysm of the ulnar artery after a cat bite in an adult', 'PY  - 2021', 'JO  - Hand Surg Case Rep'],
          ['TI  - Case report', 'PY  - 2020', 'JO  - Hand Surg Case Rep'],
          ['TI  - Case report', 'PY  - 2020', 'JO  - BMJ Case Rep'],
        ),
        { fileName: 'different.ris', review },
      );
      expect(different).toMatchObject({ created: 4, merged: 0 });
    });
  });

  it('imports of the same records at the same time take turns: one creates, the other merges', async () => {
    const text = ris(
      ['TI  - Concurrent import one', 'AU  - Parallel, P', 'PY  - 2023', 'DO  - 10.9999/concurrent-1'],
      ['TI  - Concurrent import two', 'AU  - Parallel, P', 'PY  - 2023', 'DO  - 10.9999/concurrent-2'],
    );
    const reports = await Promise.all([h.importText(text, { fileName: 'a.ris' }), h.importText(text, { fileName: 'b.ris' })]);
    expect(reports.map((report) => [report.created, report.merged]).sort()).toEqual([
      [0, 2],
      [2, 0],
    ]);
  });

  describe('merging never overwrites', () => {
    it('fills what a curated publication lacks, keeps what it has, and reports each different value as a conflict', async () => {
      const curated = await h.publications.create({
        title: 'A curated title that differs from PubMed',
        pmid: '25371100',
        year: 2018,
        journal: 'Curated Journal',
        keywords: ['curated keyword'],
        authors: [{ family: 'Curator', given: 'C' }],
      } as never);
      const before = (await h.allPublications()).find((publication) => publication.id === curated.id)!;

      const report = await h.importFixture(PUBMED_XML);
      expect(report).toMatchObject({ stored: true, recordsRead: 10, created: 9, merged: 1 });
      const merge = report.merges[0];
      expect(merge).toMatchObject({ publicationId: curated.id, matchedOn: 'PMID', withinFile: false });
      expect(merge.filledFields).toEqual(expect.arrayContaining(['abstract', 'doi', 'meshHeadings', 'publicationTypes']));

      const after = (await h.allPublications()).find((publication) => publication.id === curated.id)!;
      // What was stored is still there, unchanged.
      expect(after.title).toBe(before.title);
      expect(after.journal).toBe('Curated Journal');
      expect(after.authors).toEqual([{ family: 'Curator', given: 'C' }]);
      expect(after.keywords[0]).toBe('curated keyword');
      // What was missing came from PubMed.
      expect(after.abstract).toBeTruthy();
      expect(after.doi).toBeTruthy();
      expect(after.meshHeadings.length).toBeGreaterThan(0);
      expect(after.meshHeadings.every((heading) => /^D\d+$/.test(heading.descriptorUi ?? ''))).toBe(true);
      expect(after.publicationTypes.length).toBeGreaterThan(0);
      // Each different value offered is in the report.
      const conflictFields = report.conflicts.filter((conflict) => conflict.publicationId === curated.id).map((conflict) => conflict.field);
      expect(conflictFields).toEqual(expect.arrayContaining(['title', 'journal', 'authors']));
      expect(report.conflicts.find((conflict) => conflict.field === 'title')).toMatchObject({ kept: 'A curated title that differs from PubMed', offered: expect.stringMatching(/\w/) });

      // Importing the same file again changes nothing at all: every record merges, nothing is filled.
      const checksum = (await h.footprint()).checksum;
      const again = await h.importFixture(PUBMED_XML);
      expect(again).toMatchObject({ created: 0, merged: 10 });
      expect(again.merges.every((entry) => entry.filledFields.length === 0)).toBe(true);
      expect((await h.footprint()).checksum).toBe(checksum);
    });

    it('does not take a DOI for a publication when another publication already has it', async () => {
      await h.importText(ris(['TI  - Holder of the DOI', 'AU  - Holder, H', 'PY  - 2015', 'DO  - 10.9999/held']));
      const target = await h.importText(ris(['TI  - Target without DOI', 'AU  - Target, T', 'PY  - 2015', 'AN  - 99999901']));
      const report = await h.importText(ris(['TI  - Target without DOI', 'AU  - Target, T', 'PY  - 2015', 'AN  - 99999901', 'DO  - 10.9999/held']));
      expect(report.merges[0]).toMatchObject({ publicationId: target.createdPublicationIds[0], matchedOn: 'PMID', filledFields: [] });
      expect(report.conflicts).toEqual([expect.objectContaining({ field: 'doi', kept: null, offered: '10.9999/held', note: expect.stringMatching(/already the DOI of publication/) })]);
    });
  });

  describe('a malformed file changes nothing', () => {
    it('ATOMIC: truncated PubMed XML stores nothing and says where reading stopped', async () => {
      const before = await h.footprint();
      const xml = readFileSync(fixturePath(PUBMED_XML), 'utf8');
      const truncated = xml.slice(0, Math.floor(xml.length * 0.6));
      const report = await h.importText(truncated, { fileName: 'truncated.xml', review: 'malformed' });
      expect(report).toMatchObject({ stored: false, batchId: null, readToEnd: false, created: 0, merged: 0, errorCount: 1 });
      expect(report.skipped).toBe(report.recordsRead);
      expect(report.errors[0].message).toMatch(/PubMed XML record \d+, line \d+: .*Reading stopped here: the records from this point on were not read\./);
      expect(report.errors[0].recordNumber).toBe(report.recordsRead + 1);
      expect(await h.footprint()).toEqual(before);
      expect(await h.batches.list('malformed')).toEqual([]);
    });

    it('ATOMIC: one broken record among good ones stores nothing and lists every problem of the file', async () => {
      const before = await h.footprint();
      const text = [ris(['TI  - Good one', 'AU  - A, A', 'PY  - 2020']), 'TY  - JOUR\nTI  - No end\n', ris(['TI  - Good two', 'AU  - B, B', 'PY  - 2020']), ris(['AU  - No title, N', 'PY  - 2020'])].join('\n');
      const report = await h.importText(text, { fileName: 'broken.ris' });
      expect(report).toMatchObject({ stored: false, readToEnd: true, recordsRead: 4, created: 0, merged: 0, skipped: 4, errorCount: 2 });
      expect(report.errors).toEqual([
        expect.objectContaining({ recordNumber: 2, field: 'ER', message: expect.stringMatching(/no "ER {2}- " line/) }),
        expect.objectContaining({ recordNumber: 4, field: 'title', message: expect.stringMatching(/^record 4 \(line \d+\), field title: the record has no title$/) }),
      ]);
      expect(await h.footprint()).toEqual(before);
    });

    it('refuses an XML file with entity declarations (XXE, billion laughs) and stores nothing', async () => {
      const before = await h.footprint();
      const xml = '<?xml version="1.0"?>\n<!DOCTYPE PubmedArticleSet [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;">]>\n<PubmedArticleSet><PubmedArticle><MedlineCitation><PMID>1</PMID><Article><ArticleTitle>&lol2;</ArticleTitle></Article></MedlineCitation></PubmedArticle></PubmedArticleSet>';
      const report = await h.importText(xml, { mode: ImportMode.PARTIAL });
      expect(report).toMatchObject({ stored: false, recordsRead: 0 });
      expect(report.errors[0].message).toMatch(/internal subset \(ENTITY declarations\)/);
      expect(await h.footprint()).toEqual(before);
    });

    it('an unrecognised file is an error in the report, with nothing stored in either mode', async () => {
      for (const mode of [ImportMode.ATOMIC, ImportMode.PARTIAL]) {
        const report = await h.importText('just some words\n', { fileName: 'notes.txt', mode });
        expect(report).toMatchObject({ stored: false, format: null, recordsRead: 0, errorCount: 1 });
        expect(report.errors[0].message).toMatch(/is not recognised\. Supported formats: /);
      }
    });
  });

  it('PRISMA counts refused files and failed records per source; importSummary adds them up per database', async () => {
    const review = 'prisma per source';
    const good = (n: number) => ris(...Array.from({ length: n }, (_, i) => [`TI  - Source summary record ${i} about a rare adverse event`, 'AU  - Sum, S', 'PY  - 2020', `DO  - 10.9999/summary-${i}`]));
    expect(await h.importText(good(3), { fileName: 'pubmed.ris', review, database: 'PubMed' })).toMatchObject({ stored: true, created: 3 });
    // The same three from Embase, one more, and one record without a title (PARTIAL: stored, the bad one failed).
    const embase = good(4) + ris(['AU  - No title, N', 'PY  - 2020']);
    expect(await h.importText(embase, { fileName: 'embase.ris', review, database: 'Embase', mode: ImportMode.PARTIAL })).toMatchObject({ stored: true, created: 1, merged: 3, skipped: 1 });
    // An ATOMIC Embase file with an error: refused, its 2 records not imported.
    const refused = await h.importText(ris(['TI  - Refused one', 'PY  - 2020'], ['AU  - No title, N']), { fileName: 'embase-2.ris', review, database: ' Embase ' });
    expect(refused).toMatchObject({ stored: false, recordsRead: 2 });
    // An unreadable file without a database named: grouped under its format.
    expect(await h.importText('just some words\n', { fileName: 'notes.txt', review })).toMatchObject({ stored: false });

    expect((await h.batches.list(review)).map((batch) => batch.source)).toEqual(['pubmed.ris', 'embase.ris']);
    const all = await h.batches.list(review, true);
    expect(all.map((batch) => [batch.source, batch.database, batch.stored, batch.recordsRead, batch.skipped])).toEqual([
      ['pubmed.ris', 'PubMed', true, 3, 0],
      ['embase.ris', 'Embase', true, 5, 1],
      ['embase-2.ris', 'Embase', false, 2, 2],
      ['notes.txt', null, false, 0, 0],
    ]);
    expect(all[2].errors).toEqual([expect.objectContaining({ recordNumber: 2, field: 'title' })]);

    const prisma = await h.batches.prismaIdentification(review);
    expect(prisma).toMatchObject({ recordsIdentified: 7, duplicatesRemoved: 3, recordsRemaining: 4, recordsNotImported: 3 });
    expect(prisma.sources.map((source) => [source.source, source.stored])).toEqual([
      ['pubmed.ris', true],
      ['embase.ris', true],
      ['embase-2.ris', false],
      ['notes.txt', false],
    ]);

    const summary = await h.batches.importSummary(review);
    expect(summary.sources).toEqual([
      { source: 'PubMed', filesImported: 1, filesRefused: 0, recordsRead: 3, recordsImported: 3, duplicatesRemoved: 0, failed: 0 },
      { source: 'Embase', filesImported: 1, filesRefused: 1, recordsRead: 7, recordsImported: 4, duplicatesRemoved: 3, failed: 3 },
      { source: 'format: unknown', filesImported: 0, filesRefused: 1, recordsRead: 0, recordsImported: 0, duplicatesRemoved: 0, failed: 0 },
    ]);
    expect(summary.total).toEqual({ source: 'total', filesImported: 2, filesRefused: 2, recordsRead: 10, recordsImported: 7, duplicatesRemoved: 3, failed: 3 });
  });

  describe('PARTIAL mode', () => {
    it('stores the good records and lists the bad ones', async () => {
      const text = [
        ris(['TI  - Partial good one', 'AU  - Good, A', 'PY  - 2020']),
        'TY  - JOUR\nTI  - Partial no end\n',
        ris(['TI  - Partial good two', 'AU  - Good, B', 'PY  - 2020', `VL  - ${'9'.repeat(70)}`]),
        ris(['AU  - Partial, No title', 'PY  - 2020']),
      ].join('\n');
      const report = await h.importText(text, { fileName: 'partial.ris', mode: ImportMode.PARTIAL, review: 'partial review' });
      expect(report).toMatchObject({ stored: true, readToEnd: true, recordsRead: 4, created: 2, merged: 0, skipped: 2, errorCount: 2, warningCount: 1 });
      expect(report.errors.map((error) => error.recordNumber)).toEqual([2, 4]);
      expect(report.warnings).toEqual([expect.objectContaining({ recordNumber: 3, field: 'volume', message: expect.stringMatching(/left out/) })]);
      const [batch] = await h.batches.list('partial review');
      expect(batch).toMatchObject({ recordsRead: 4, created: 2, skipped: 2 });
      expect(batch.errors.map((error) => error.recordNumber)).toEqual([2, 4]);
      expect(batch.publicationIds.sort()).toEqual([...report.createdPublicationIds].sort());
      expect(await h.batches.prismaIdentification('partial review')).toMatchObject({ recordsIdentified: 2, duplicatesRemoved: 0, recordsRemaining: 2, recordsNotImported: 2 });
    });

    it('keeps the records read before malformed XML and reports the rest as not read', async () => {
      const xml = readFileSync(fixturePath(PUBMED_XML), 'utf8');
      // Break the file in its 7th record: the 6 records before it are stored.
      const cut = nthIndexOf(xml, '<PubmedArticle>', 7) + 200;
      const broken = `${xml.slice(0, cut)}<Unclosed></PubmedArticle></PubmedArticleSet>`;
      const before = await h.footprint();
      const report = await h.importText(broken, { fileName: 'broken.xml', mode: ImportMode.PARTIAL });
      expect(report).toMatchObject({ stored: true, readToEnd: false, recordsRead: 6, errorCount: 1 });
      expect(report.created + report.merged).toBe(6);
      expect(report.errors[0]).toMatchObject({ recordNumber: 7, message: expect.stringMatching(/the records from this point on were not read/) });
      expect((await h.footprint()).batches).toBe(before.batches + 1);
    });
  });

  describe('values that cannot be read, and invisible control characters', () => {
    it('stores the record without the unreadable year and the title without its U+202E, each with a warning naming record, line and field', async () => {
      const text = ris(['TI  - An ordinary case', 'AU  - Doe, Jane', 'PY  - 2020'], ['TI  - Patient report \u202Efdp.exe', 'AU  - Roe, Richard', 'PY  - 19xx', 'VL  - 7']);
      const report = await h.importText(text, { fileName: 'dropped-values.ris', review: 'dropped values review' });
      expect(report).toMatchObject({ stored: true, recordsRead: 2, created: 2, errorCount: 0, warningCount: 2 });
      expect(report.warnings).toEqual([
        { recordNumber: 2, line: 10, field: 'PY', message: 'record 2 (line 10), field PY: "19xx" is not a year; the year was left empty' },
        { recordNumber: 2, line: 7, field: 'title', message: 'record 2 (line 7), field title: 1 invisible control character (U+202E) removed' },
      ]);
      const stored = (await h.allPublications()).find((publication) => publication.id === report.createdPublicationIds[1])!;
      expect(stored).toMatchObject({ title: 'Patient report fdp.exe', year: null, volume: '7' });
      expect(stored.title).not.toMatch(/[\u202a-\u202e\u2066-\u2069]/);
    });
  });

  it('the GraphQL enum names and the stored format agree', async () => {
    const [batch] = await h.batches.list('dinosaur skin review');
    expect(batch.format).toBe('ris');
  });
});

function nthIndexOf(text: string, needle: string, n: number): number {
  let index = -1;
  for (let i = 0; i < n; i++) index = text.indexOf(needle, index + 1);
  return index;
}
