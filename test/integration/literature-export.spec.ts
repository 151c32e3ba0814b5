import { Readable } from 'node:stream';
import { EXPORT_FORMAT_INFO, ExportFormat } from '../../src/literature/export/export-format.enum';
import { ExportService } from '../../src/literature/export/export.service';
import { normaliseTitleKey } from '../../src/publications/identifiers';
import { Publication } from '../../src/publications/publication.entity';
import { OutboxDrainer } from '../../src/search/indexing/outbox-drainer';
import { LiteratureHarness, startLiteratureHarness } from './literature-harness';

async function exportText(exports: ExportService, format: ExportFormat, input: Record<string, unknown> = {}): Promise<{ text: string; totalCases: number; totalPublications: number }> {
  const opened = await exports.open(input, format);
  let text = '';
  for await (const chunk of opened.chunks) text += chunk;
  return { text, totalCases: opened.totalCases, totalPublications: opened.totalPublications };
}

/** DOI, PMID, title or (where no title is recorded) abstract: what identifies a demo publication across databases. */
const keyOf = (p: Publication) => p.doi ?? p.pmid ?? normaliseTitleKey(p.title) ?? normaliseTitleKey(p.abstract);
const byDoiOrTitle = (publications: Publication[]) => new Map(publications.map((p) => [keyOf(p), p]));
const flat = (text: string | null) => (text === null ? null : text.replace(/\s+/g, ' ').trim());

/** The fields every export format carries, as the importer stores them (CSL-JSON and JSON Lines keep the abstract's paragraphs too). */
function carried(p: Publication, format: ExportFormat) {
  return {
    title: p.title,
    titleStatus: p.titleStatus, // the exports' note (N1, note, notes) carries it
    authors: p.authors,
    journal: p.journal,
    year: p.year,
    month: p.month,
    volume: p.volume,
    issue: p.issue,
    pages: p.pages,
    doi: p.doi,
    pmid: p.pmid,
    pmcid: p.pmcid,
    abstract: format === ExportFormat.CSL_JSON || format === ExportFormat.JSONL ? p.abstract : flat(p.abstract),
    keywords: p.keywords,
    language: p.language,
    url: p.url,
    publicationTypes: p.publicationTypes,
    meshHeadings: p.meshHeadings,
  };
}

describe('literature export (PostgreSQL, demo corpus)', () => {
  let source: LiteratureHarness;
  let exports: ExportService;
  let sourcePublications: Publication[];

  beforeAll(async () => {
    source = await startLiteratureHarness({ SEED_DEMO_DATA: 'true' });
    await source.app.get(OutboxDrainer).drainAll();
    exports = source.app.get(ExportService);
    exports.pageSize = 5; // 23 cases: every export crosses several search pages
    sourcePublications = await source.allPublications();
  });

  afterAll(async () => {
    await source?.close();
  });

  it('streams every case of the search through the pages, once each, in the search order', async () => {
    const { text, totalCases } = await exportText(exports, ExportFormat.JSONL, { sort: 'YEAR_ASC' });
    const lines = text.trim().split('\n').map((line) => JSON.parse(line));
    expect(totalCases).toBe(23);
    expect(lines).toHaveLength(23);
    expect(new Set(lines.map((line) => line.id)).size).toBe(23);
    const years = lines.map((line) => line.publication.year ?? Infinity);
    expect(years).toEqual([...years].sort((a, b) => a - b));
    // Facts stay linked: a complication names the index of the procedure it followed.
    const linked = lines.find((line) => line.complications.some((c: { procedureIndex: number | null }) => c.procedureIndex !== null));
    const complication = linked.complications.find((c: { procedureIndex: number | null }) => c.procedureIndex !== null);
    expect(linked.procedures[complication.procedureIndex].term.key).toBeTruthy();
    expect(linked.publication.citation).toContain(linked.publication.title.replace(/\.$/, ''));
  });

  it('exports a filtered search only', async () => {
    const all = await exportText(exports, ExportFormat.JSONL, {});
    const filtered = await exportText(exports, ExportFormat.JSONL, { filters: { outcomes: ['UNKNOWN'] } });
    expect(filtered.totalCases).toBe(7);
    const lines = filtered.text.trim().split('\n').map((line) => JSON.parse(line));
    expect(lines.every((line) => line.outcome === 'UNKNOWN')).toBe(true);
    expect(all.totalCases).toBe(23);
  });

  it('writes each publication once in the bibliographic formats, and CSL-JSON holds them all', async () => {
    const { text, totalPublications } = await exportText(exports, ExportFormat.CSL_JSON);
    const items = JSON.parse(text);
    expect(items).toHaveLength(totalPublications);
    expect(new Set(items.map((item: { id: string }) => item.id)).size).toBe(totalPublications);
    const publication = sourcePublications.find((p) => p.id === items[0].id)!;
    expect(items[0]).toMatchObject({ type: 'article-journal', title: publication.title, DOI: publication.doi ?? undefined });
    const ris = await exportText(exports, ExportFormat.RIS);
    expect(ris.text.match(/^TY {2}- /gm)).toHaveLength(totalPublications);
  });

  describe('round trip: an export re-imported yields the same publications', () => {
    for (const format of [ExportFormat.RIS, ExportFormat.BIBTEX, ExportFormat.CSV, ExportFormat.CSL_JSON, ExportFormat.JSONL] as const) {
      it(`${format}: into an empty database, the same publications with every field the format carries`, async () => {
        const { text, totalPublications } = await exportText(exports, format);
        const target = await startLiteratureHarness();
        try {
          const report = await target.importText(text, { fileName: `export.${format}`, extractCases: false }); // a round trip of formats: no case proposals in between
          expect(report).toMatchObject({ stored: true, errorCount: 0, created: totalPublications });
          if (!EXPORT_FORMAT_INFO[format].bibliographic) expect(report.merged).toBe(23 - totalPublications); // one row per case: the rows of a case series merge
          const imported = byDoiOrTitle(await target.allPublications());
          expect(imported.size).toBe(totalPublications);
          for (const original of sourcePublications) {
            const copy = imported.get(keyOf(original));
            if (!copy) continue; // a publication without a case is not in a case export
            expect(carried(copy, format)).toEqual(carried(original, format));
          }
        } finally {
          await target.close();
        }
      });

      it(`${format}: into the database it came from, every record merges with nothing to fill and no conflict`, async () => {
        const { text, totalPublications } = await exportText(exports, format);
        const checksum = () => source.uow.reader.query(`SELECT md5(string_agg(p::text, '' ORDER BY p.id)) AS sum FROM publication p WHERE p.id = ANY($1)`, [sourcePublications.map((p) => p.id)]);
        const before = await checksum();
        const report = await source.importText(text, { fileName: `export.${format}`, extractCases: false });
        // A record is recognised by PMID or DOI, else by its title with the year, first author or venue
        // (src/publications/identifiers.ts titleKeyOf); one without any of these (a letter whose title was
        // never recorded) comes back as a new publication.
        const keyless = sourcePublications.filter((p) => !p.doi && !p.pmid && !p.titleKey);
        expect(report).toMatchObject({ stored: true, errorCount: 0, conflictCount: 0, created: keyless.length });
        expect(new Set(report.merges.map((merge) => merge.publicationId)).size).toBe(totalPublications - keyless.length);
        expect(report.merges.every((merge) => merge.filledFields.length === 0)).toBe(true);
        expect(await checksum()).toEqual(before);
      });
    }
  });

  it('streams without holding the file: the chunks come one search page at a time', async () => {
    const opened = await exports.open({}, ExportFormat.CSV);
    const chunks: string[] = [];
    for await (const chunk of Readable.from(opened.chunks)) chunks.push(chunk);
    expect(chunks.length).toBe(1 + Math.ceil(23 / exports.pageSize)); // header + one chunk per page
  });
});
