/**
 * The real exports added in the third round (test/fixtures/literature/real/, see the README there) imported into
 * one review through the import service on PostgreSQL: each file is stored without errors (one warning: an issue that
 * holds a cited reference),
 * nothing merges that should not (only Zotero's and Ovid's RIS of the same PsycInfo record share one), importing everything again creates nothing, and the
 * values the parsers were fixed for are what is stored.
 */
import type { ImportReport } from '../../src/literature/import/models/import-report.model';
import { LiteratureHarness, startLiteratureHarness } from './literature-harness';
import { distinctPublications, expectReimportCreatesNothing, filesWithWarnings, importRealExports } from './real-exports-import';
import type { RealExportFile } from './real-exports-import';

const FILES: RealExportFile[] = [
  ['real/wos/wos-bibtex-2-records.bib', 2, 2],
  ['real/scielo/scielo-2-records.ris', 2, 2],
  ['real/europepmc/europepmc-3-records.bib', 3, 3],
  ['real/pubmed/pubmed-csv-2022-6-records.csv', 6, 6],
  ['real/abstrackr/abstrackr-8-records.csv', 8, 8],
  ['real/proquest/proquest-ptsdpubs-2-records.ris', 2, 2],
  ['real/cinahl/rayyan-cinahl-7-records.ris', 7, 7],
  ['real/psycinfo/zotero-ovid-psycinfo-6-records.ris', 6, 6],
  ['real/psycinfo/ovid-psycinfo-ris-1-record.ris', 1, 0], // the Zotero file's first record, exported by Ovid
];
const DISTINCT = distinctPublications(FILES);

describe('real exports of the third round in one review (PostgreSQL)', () => {
  let h: LiteratureHarness;
  let reports = new Map<string, ImportReport>();

  beforeAll(async () => {
    h = await startLiteratureHarness();
  });

  afterAll(async () => {
    await h?.close();
  });

  it(`imports ${FILES.length} files into ${DISTINCT} publications; the only warning is the PsycInfo issue holding a cited reference`, async () => {
    reports = await importRealExports(h, FILES, 'real exports, round 3');
    expect(await h.allPublications()).toHaveLength(DISTINCT);
    expect(DISTINCT).toBe(36);
    expect(filesWithWarnings(reports)).toEqual(['real/psycinfo/zotero-ovid-psycinfo-6-records.ris']);
    const psycinfo = reports.get('real/psycinfo/zotero-ovid-psycinfo-6-records.ris');
    expect(psycinfo?.warnings).toHaveLength(1);
    expect(psycinfo?.warnings[0]).toMatchObject({ recordNumber: 3, field: 'issue' });
  });

  it('stores what the fixes read: Europe PMC PMIDs and HTML-free abstracts, ahead-of-print pages, Abstrackr keywords, CINAHL PMIDs, abstracts without labels', async () => {
    const publications = await h.allPublications();
    const byTitle = (start: string) => publications.find((p) => p.title?.startsWith(start));
    expect(byTitle('Validation of Fitbit Inspire 2TM')).toMatchObject({ pmid: '36879665', pmcid: 'PMC9985403', pages: '59-67' });
    expect(byTitle('Engagement, acceptability, usability')?.abstract).toMatch(/^Background: Preliminary evidence/);
    expect(byTitle('Wrist-worn devices for the measurement')).toMatchObject({ pmid: '34957939', pages: '1-13', volume: null });
    expect(byTitle('A new small duckbilled dinosaur')?.keywords).toEqual(['phosphate', 'Africa', 'animal', 'dinosaur', 'fossil', 'Morocco', 'phylogeny', 'skull']);
    expect(byTitle('Erratum: Correction: A juvenile bird')).toMatchObject({ journal: 'BMC Ecol Evol', pmid: null });
    expect(byTitle('Quarterly change')).toMatchObject({ pmid: '23803397' });
    expect(byTitle('Trajectories of posttraumatic stress disorders')?.abstract).toMatch(/malignant development of PTSD\.$/);
    expect(byTitle('The importance of isolated patches')?.abstract).toMatch(/^The Atlantic Forest/);
    // Zotero's RIS and Ovid's of the same record merged (Ovid's, with NL after its ER, read without an error: errorCount 0 above);
    // Ovid's PsycInfo classification joined the keywords the Zotero record lacked.
    expect(publications.filter((p) => p.doi === '10.1002/cpp.2398')).toHaveLength(1);
    expect(byTitle('The influence of self-criticism')).toMatchObject({ pages: null, issue: null, keywords: ['Health & Mental Health Treatment & Prevention'] });
    expect(byTitle('The influence of self-criticism')?.abstract).toMatch(/to psychological care\.$/);
  });

  it('importing every file again leaves the publication count unchanged', async () => {
    await expectReimportCreatesNothing(h, FILES, 'real exports, round 3, again');
    expect(await h.allPublications()).toHaveLength(DISTINCT);
  });
});
