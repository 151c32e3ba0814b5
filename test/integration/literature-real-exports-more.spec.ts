/**
 * The real exports added from reference managers and further databases (test/fixtures/literature/real/,
 * see the README there) imported into one review through the import service on PostgreSQL: each file is
 * stored without errors, the records two exports share merge (Citavi's TSV and Mendeley's RIS of the same
 * three Lens records; EndNote's and RefWorks' RIS of Embase records that Covidence exported too), nothing
 * else does, and importing everything again creates nothing.
 */
import type { ImportReport } from '../../src/literature/import/models/import-report.model';
import { LiteratureHarness, startLiteratureHarness } from './literature-harness';
import { distinctPublications, expectReimportCreatesNothing, filesWithWarnings, importRealExports } from './real-exports-import';
import type { RealExportFile } from './real-exports-import';

const FILES: RealExportFile[] = [
  ['real/mendeley/mendeley-lens-3-records.ris', 3, 3],
  ['real/citavi/citavi-3-records.tsv', 3, 0], // the same three Lens records
  ['real/covidence/covidence-8-records.csv', 8, 8],
  ['real/endnote/endnote-embase-3-records.ris', 3, 0], // three of Covidence's eight
  ['real/refworks/refworks-embase-3-records.ris', 3, 0], // three of Covidence's eight
  ['real/eric/eric-ovid-5-records.ris', 5, 5],
  ['real/psycinfo/psycinfo-ovid-1-record.ris', 1, 1],
  ['real/mdpi/mdpi-2-records.ris', 2, 2],
  ['real/google-scholar/googlescholar-4-records.ris', 4, 4],
  ['real/openalex/openalex-2-records.ris', 2, 2],
  ['real/wos/wok-medline-2-records.isi', 2, 2],
  ['real/ovid/ovid-journals-fulltext-1-record.txt', 1, 1],
  ['real/ovid/ovid-journals-fulltext-record-8.txt', 1, 1],
  ['real/medline/jabref-medline-1-record.txt', 1, 1],
  ['real/endnote/bookends-endnote-xml-1-record.xml', 1, 1],
  ['real/endnote/endnote-lens-2-records.ris', 2, 2],
];
const DISTINCT = distinctPublications(FILES);

describe('real exports of reference managers and further databases in one review (PostgreSQL)', () => {
  let h: LiteratureHarness;
  let reports = new Map<string, ImportReport>();

  beforeAll(async () => {
    h = await startLiteratureHarness();
  });

  afterAll(async () => {
    await h?.close();
  });

  it(`imports ${FILES.length} files into ${DISTINCT} publications: shared records merge, no false merge`, async () => {
    reports = await importRealExports(h, FILES, 'more real exports');
    const publications = await h.allPublications();
    expect(publications).toHaveLength(DISTINCT);
    expect(DISTINCT).toBe(33);
  });

  it('stores what the parsers read: the Mendeley "null" given name, PT types, the PMID of "UT MEDLINE:", Journals@Ovid authors', async () => {
    const publications = await h.allPublications();
    const byDoi = (doi: string) => publications.find((p) => p.doi === doi);
    expect(byDoi('10.1016/j.jvir.2013.12.293')?.authors[0]).toMatchObject({ family: 'van den Hoven', given: null });
    // Citavi's TSV gave the month the Mendeley RIS lacked ("Pub Date Free From" 03/30).
    expect(byDoi('10.1016/j.jclinepi.2020.03.015')).toMatchObject({ pmid: '32240769', month: 3 });
    // The cited references' PubMed links gave no PMID; the PsycInfo classification is a keyword, not a type.
    expect(byDoi('10.1186/s11689-021-09396-9')).toMatchObject({ publicationTypes: ['Journal', 'Peer Reviewed Journal'], pmid: null, journal: 'Journal of Neurodevelopmental Disorders' });
    expect(publications.find((p) => p.pmid === '16735938')).toMatchObject({ pages: '411-22', journal: 'Menopause' });
    expect(byDoi('10.1097/bot.0000000000000502')?.authors.map((author) => author.given)).toEqual(['Jan', 'Erik', 'Arie', 'Jan Paul']);
  });

  it('warns only where a value had to be left out: the Covidence issue cell holding affiliations', async () => {
    expect(filesWithWarnings(reports)).toEqual(['real/covidence/covidence-8-records.csv']);
    const covidence = reports.get('real/covidence/covidence-8-records.csv');
    expect(covidence?.warnings).toHaveLength(1);
    expect(covidence?.warnings[0]).toMatchObject({ recordNumber: 8, field: 'issue' });
  });

  it('importing every file again leaves the publication count unchanged', async () => {
    await expectReimportCreatesNothing(h, FILES, 'more real exports, again');
    expect(await h.allPublications()).toHaveLength(DISTINCT);
  });
});
