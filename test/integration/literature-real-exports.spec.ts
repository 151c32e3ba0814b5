/**
 * The real export files of test/fixtures/literature/real/ (see the README there) imported into one
 * database, as a review that searched every database would: each file is stored without errors, the
 * records the databases share (the same articles exported as RIS and CSV by Scopus, Embase, EBSCOhost
 * and the Cochrane Library) merge, nothing else does, and importing everything again changes nothing.
 */
import type { ImportReport } from '../../src/literature/import/models/import-report.model';
import { LiteratureHarness, startLiteratureHarness } from './literature-harness';
import { distinctPublications, expectReimportCreatesNothing, filesWithWarnings, importRealExports } from './real-exports-import';
import type { RealExportFile } from './real-exports-import';

const FILES: RealExportFile[] = [
  ['real/scopus/scopus-3-records.ris', 3, 3],
  ['real/scopus/scopus-1-record.csv', 1, 0], // the first record of the RIS file (same DOI)
  ['real/scopus/scopus-2021-1-record.bib', 1, 1],
  ['real/scopus/scopus-2016-1-record.bib', 1, 1],
  ['real/wos/webofscience-7-records.ris', 7, 7],
  ['real/wos/restoration-wos-6-records.ciw', 6, 6],
  ['real/wos/wos-plos-3-records.txt', 3, 3],
  ['real/embase/embase-3-records.csv', 3, 3],
  ['real/embase/embase-3-records.ris', 3, 0], // the same three records
  ['real/ovid/embase-ovid-citavi-2-records.ovd', 2, 2], // two abstracts with their supplement's DOI
  ['real/ovid/embase-ovid-endnote-2-records.cgi', 2, 0], // the same two, exported for EndNote
  ['real/cinahl/cinahl-ebsco-3-records.ris', 3, 3],
  ['real/cinahl/cinahl-ebsco-4-records.csv', 4, 1], // the RIS file's three, and one more
  ['real/cochrane/cochrane-central-3-records.csv', 3, 3],
  ['real/cochrane/cochrane-refman-3-records.ris', 3, 0],
  ['real/pubmed/pubmed-csv-10-records.csv', 10, 10],
  ['real/pubmed/pubmed-via-endnote-3-records.ris', 3, 3],
  ['real/google-scholar/googlescholar-10-records.csv', 10, 10],
  ['real/openalex/openalex-1-record.csv', 1, 1],
  ['real/endnote/endnote16-style-runs-1-record.xml', 1, 1],
];
const DISTINCT = distinctPublications(FILES);

describe('real exports of every database in one review (PostgreSQL)', () => {
  let h: LiteratureHarness;
  let reports = new Map<string, ImportReport>();

  beforeAll(async () => {
    h = await startLiteratureHarness();
  });

  afterAll(async () => {
    await h?.close();
  });

  it(`imports ${FILES.length} real files into ${DISTINCT} publications: shared records merge, no false merge`, async () => {
    reports = await importRealExports(h, FILES, 'real exports');
    const publications = await h.allPublications();
    expect(publications).toHaveLength(DISTINCT);
    expect(DISTINCT).toBe(58);

    // The Scopus record exported twice keeps the RIS values and gains nothing wrong from the CSV.
    const scopus = publications.filter((p) => p.doi === '10.1038/s41467-024-46843-2');
    expect(scopus).toHaveLength(1);
    expect(scopus[0]).toMatchObject({ pmid: '38580657', pages: '2864', year: 2024 });
    // Cochrane's CSV and RIS give the PMID in their own notation; both found it.
    expect(publications.find((p) => p.doi === '10.1037/dev0001710')).toMatchObject({ pmid: '38407106' });
  });

  it('two Embase conference abstracts sharing their supplement\'s DOI stay two publications; the second goes without the DOI, with a warning', async () => {
    const publications = await h.allPublications();
    const abstracts = publications.filter((p) => p.journal === 'BMC Proceedings');
    expect(abstracts.map((p) => p.title).sort()).toEqual([
      'Development of a bioinformatics analysis method for diagnosis of.',
      'Quality of life in patients with primary ciliary dyskinesia: A systematic review.',
    ]);
    expect(abstracts.map((p) => p.doi).sort()).toEqual(['10.1186/s12919-018-0099-8', null]);
    const report = reports.get('real/ovid/embase-ovid-citavi-2-records.ovd');
    expect(report?.warningCount).toBe(1);
    expect(report?.warnings[0]).toMatchObject({ recordNumber: 2, field: 'doi' });
    // Warnings say where on their own: "record 2 (line N), field doi: …".
    expect(report?.warnings[0].message).toMatch(/^record 2 \(line \d+\), field doi: DOI 10\.1186\/s12919-018-0099-8 is already the DOI of publication .*stored without it$/);
    // No other real file needed a warning.
    expect(filesWithWarnings(reports)).toEqual(['real/ovid/embase-ovid-citavi-2-records.ovd']);
    // Importing the file again merges both (one on the DOI, the other on its title), with no new warning.
    const again = await h.importFixture('real/ovid/embase-ovid-citavi-2-records.ovd', { review: 'real exports', extractCases: false });
    expect(again).toMatchObject({ stored: true, created: 0, merged: 2, errorCount: 0 });
  });

  it('importing every file again leaves the publication count unchanged', async () => {
    await expectReimportCreatesNothing(h, FILES, 'real exports, again');
    expect(await h.allPublications()).toHaveLength(DISTINCT);
  });
});
