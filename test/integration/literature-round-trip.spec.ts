/**
 * Every export format re-imports to the same publications, fields included: import fixtures into one
 * database, export the publications in each format, import the export into a fresh database, and compare.
 * The fixtures: PubMed XML (MeSH headings with descriptor UIs and major topics, several publication types,
 * structured abstracts), the Scopus CSV dialect (author keywords, no PMID) and Web of Science tagged text;
 * and, separately, real exports of Scopus (RIS), Embase (CSV), CINAHL / EBSCOhost (CSV), the Cochrane Library
 * (CSV), Web of Science (plain text) and PubMed via EndNote (RIS) from test/fixtures/literature/real/.
 */
import { ExportFormat } from '../../src/literature/export/export-format.enum';
import { ExportService } from '../../src/literature/export/export.service';
import { normaliseTitleKey } from '../../src/publications/identifiers';
import { Publication } from '../../src/publications/publication.entity';
import { OutboxDrainer } from '../../src/search/indexing/outbox-drainer';
import { LiteratureHarness, startLiteratureHarness } from './literature-harness';

const FIXTURES = ['pubmed_xml/pubmed-10-records-5-case-reports.xml', 'pubmed_xml/pubmed-structured-abstract.xml', 'csv-dialects/scopus.csv', 'wos/savedrecs-3-records.txt'];

/** Real exports (distinct records: 3 + 3 + 4 + 3 + 3 + 3). */
const REAL_FIXTURES = [
  'real/scopus/scopus-3-records.ris',
  'real/embase/embase-3-records.csv',
  'real/cinahl/cinahl-ebsco-4-records.csv',
  'real/cochrane/cochrane-central-3-records.csv',
  'real/wos/wos-plos-3-records.txt',
  'real/pubmed/pubmed-via-endnote-3-records.ris',
];

const keyOf = (p: Publication) => p.doi ?? p.pmid ?? normaliseTitleKey(p.title);
const flat = (text: string | null) => (text === null ? null : text.replace(/\s+/g, ' ').trim());

/** The fields compared; RIS, BibTeX and CSV write an abstract on one line, so its paragraph breaks become spaces there. */
function compared(p: Publication, keepsParagraphs: boolean) {
  return {
    title: p.title,
    authors: p.authors,
    year: p.year,
    month: p.month,
    journal: p.journal,
    volume: p.volume,
    issue: p.issue,
    pages: p.pages,
    doi: p.doi,
    pmid: p.pmid,
    pmcid: p.pmcid,
    abstract: keepsParagraphs ? p.abstract : flat(p.abstract),
    meshHeadings: p.meshHeadings,
    publicationTypes: p.publicationTypes,
    keywords: p.keywords,
    language: p.language,
    url: p.url,
  };
}

describe.each([
  { label: 'project fixtures', fixtures: FIXTURES, expectedCount: null },
  { label: 'real exports', fixtures: REAL_FIXTURES, expectedCount: 19 },
])('export -> re-import round trip, every format, $label (PostgreSQL)', ({ label, fixtures, expectedCount }) => {
  let source: LiteratureHarness;
  let exports: ExportService;
  let originals: Publication[];

  beforeAll(async () => {
    source = await startLiteratureHarness();
    for (const fixture of fixtures) {
      const report = await source.importFixture(fixture, { extractCases: false });
      expect(report).toMatchObject({ stored: true, errorCount: 0 });
    }
    await source.app.get(OutboxDrainer).drainAll();
    exports = source.app.get(ExportService);
    exports.pageSize = 4; // several pages per export
    originals = await source.allPublications();
  });

  afterAll(async () => {
    await source?.close();
  });

  it('the fixtures give publications with MeSH headings (UIs, major topics), several publication types and keywords', () => {
    if (expectedCount !== null) {
      // The real exports: one publication per record, with identifiers, pages and keywords as the files give them.
      expect(originals).toHaveLength(expectedCount);
      expect(originals.filter((p) => p.pmid !== null).length).toBeGreaterThanOrEqual(13);
      expect(originals.some((p) => p.keywords.length > 0 && p.publicationTypes.length > 0)).toBe(true);
      return;
    }
    expect(label).toBe('project fixtures');
    expect(originals.length).toBeGreaterThanOrEqual(14);
    expect(originals.some((p) => p.meshHeadings.some((h) => h.descriptorUi && h.majorTopic))).toBe(true);
    expect(originals.some((p) => p.publicationTypes.length > 1)).toBe(true);
    expect(originals.some((p) => p.keywords.length > 0)).toBe(true);
    expect(originals.some((p) => p.abstract?.includes('\n'))).toBe(true);
  });

  for (const format of [ExportFormat.RIS, ExportFormat.BIBTEX, ExportFormat.CSV, ExportFormat.CSL_JSON, ExportFormat.JSONL] as const) {
    it(`${format}: the export imported into a fresh database gives the same publications, field for field`, async () => {
      const opened = await exports.openPublications({}, format);
      let text = '';
      for await (const chunk of opened.chunks) text += chunk;
      expect(opened.totalPublications).toBe(originals.length);
      const target = await startLiteratureHarness();
      try {
        const report = await target.importText(text, { fileName: `publications.${format === ExportFormat.BIBTEX ? 'bib' : format}`, extractCases: false });
        expect(report).toMatchObject({ stored: true, errorCount: 0, warningCount: 0, created: originals.length, merged: 0 });
        const copies = new Map((await target.allPublications()).map((p) => [keyOf(p), p]));
        expect(copies.size).toBe(originals.length);
        const keepsParagraphs = format === ExportFormat.CSL_JSON || format === ExportFormat.JSONL;
        for (const original of originals) {
          const copy = copies.get(keyOf(original));
          expect(copy && compared(copy, keepsParagraphs)).toEqual(compared(original, keepsParagraphs));
        }
      } finally {
        await target.close();
      }
    });
  }
});
