import { Injectable } from '@nestjs/common';
import { stringify } from 'csv-stringify/sync';
import { CaseReportsRepository } from '../../case-reports/case-reports.repository';
import { CaseReport } from '../../case-reports/entities/case-report.entity';
import { BadUserInputError, DomainError } from '../../common/errors/domain-error';
import { PublicationSearchService } from '../../search/publications/publication-search.service';
import { PublicationSearchQuery } from '../../search/publications/publication-search-query';
import { SearchPublicationsInput } from '../../search/publications/search-publications.input';
import { PUBLICATION_CSV_COLUMNS, publicationToCsvRow, publicationToJson } from './serialisers/publication-rows.serialiser';
import { Publication } from '../../publications/publication.entity';
import { PublicationsRepository } from '../../publications/publications.repository';
import { SearchCaseReportsInput } from '../../search/inputs/search-case-reports.input';
import { decodeSearchCursor } from '../../search/query/search-cursor';
import { SearchQuery } from '../../search/query/search-query';
import { SearchService } from '../../search/search.service';
import { VocabularyTerm } from '../../vocabulary/vocabulary-term.entity';
import { VocabularyRepository } from '../../vocabulary/vocabulary.repository';
import { ExportCase, ExportTerm } from './export-case';
import { ExportResult } from './models/export-result.model';
import { EXPORT_FORMAT_INFO, ExportFormat } from './export-format.enum';
import { BibtexKeys, publicationToBibtex } from './serialisers/bibtex.serialiser';
import { CASE_CSV_COLUMNS, caseToCsvRow, caseToJson } from './serialisers/case-rows.serialiser';
import { publicationToCsl } from './serialisers/csl-json.serialiser';
import { publicationToRis } from './serialisers/ris.serialiser';
import { spreadsheetSafeRow } from '../../common/spreadsheet-cell';

/** Cases fetched per search page while exporting (keyset cursors: any depth costs the same). */
export const EXPORT_PAGE_SIZE = 500;
/** The GraphQL export returns the file in one response: it is for small sets. */
export const EXPORT_QUERY_MAX_CASES = 1000;

export interface OpenExport {
  format: ExportFormat;
  contentType: string;
  fileName: string;
  totalCases: number;
  totalPublications: number;
  /** The file, piece by piece (one search page at a time). */
  chunks: AsyncIterable<string>;
}

/** What an export needs of a search input: the search, not a page of it. */
export function exportableInput(input: SearchCaseReportsInput): SearchCaseReportsInput {
  // How the text is read is part of the search: dropping these exported (or saved) other cases than the search found.
  return {
    text: input.text ?? null,
    ...(input.prefixLastWord ? { prefixLastWord: true } : {}),
    ...(input.applySuggestedFilters ? { applySuggestedFilters: true } : {}),
    filters: input.filters ?? null,
    sort: input.sort ?? null,
  };
}

/**
 * Exports the case reports a search finds, in any export format, streaming: it pages through the
 * whole result with the search's keyset cursors (no 10,000 limit) and serialises page by page. The
 * bibliographic formats write each publication once, at its first case in the result order.
 */
@Injectable()
export class ExportService {
  /** Cases per search page (tests lower it to cross page boundaries on a small corpus). */
  pageSize = EXPORT_PAGE_SIZE;
  /** Largest export the GraphQL query returns. */
  queryMaxCases = EXPORT_QUERY_MAX_CASES;

  constructor(
    private readonly search: SearchService,
    private readonly publicationSearch: PublicationSearchService,
    private readonly caseReports: CaseReportsRepository,
    private readonly publications: PublicationsRepository,
    private readonly vocabulary: VocabularyRepository,
  ) {}

  /** Validates the input (errors are thrown here, before anything is sent), counts, and returns the stream. */
  async open(input: SearchCaseReportsInput, format: ExportFormat, options: { maxCases?: number; path?: string } = {}): Promise<OpenExport> {
    const info = EXPORT_FORMAT_INFO[format];
    if (!info) throw BadUserInputError.field('format', `must be one of ${Object.values(ExportFormat).join(', ')}`);
    const query = await this.search.toQuery({ ...exportableInput(input), facets: [], first: 0 }, options.path ?? 'input');
    const counted = await this.search.searchQuery({ ...query, facets: [], highlight: false, page: { first: 0, after: null } });
    if (counted.totalCases === 0) throw nothingToExport('case reports', options.path ?? 'input');
    if (options.maxCases !== undefined && counted.totalCases > options.maxCases) {
      throw BadUserInputError.field(
        options.path ?? 'input',
        `the search finds ${counted.totalCases} case reports; this query exports at most ${options.maxCases}. Download larger exports from GET /exports or with \`npm run cli -- export\`.`,
      );
    }
    const stamp = new Date().toISOString().slice(0, 10);
    return {
      format,
      contentType: info.contentType,
      fileName: `case-reports-${stamp}.${info.extension}`,
      totalCases: counted.totalCases,
      totalPublications: counted.totalPublications,
      chunks: this.serialise(query, format),
    };
  }

  /**
   * Exports the publications a publication search finds (imported, deduplicated records, with or without
   * case reports): one record per publication in every format, in the search's order.
   */
  async openPublications(input: SearchPublicationsInput, format: ExportFormat, options: { maxPublications?: number; path?: string } = {}): Promise<OpenExport> {
    const info = EXPORT_FORMAT_INFO[format];
    if (!info) throw BadUserInputError.field('format', `must be one of ${Object.values(ExportFormat).join(', ')}`);
    const path = options.path ?? 'input';
    const query = await this.publicationSearch.toQuery({ text: input.text ?? null, filters: input.filters ?? null, sort: input.sort ?? null, first: 0 }, path);
    const total = await this.publicationSearch.count(query);
    if (total === 0) throw nothingToExport('publications', path);
    if (options.maxPublications !== undefined && total > options.maxPublications) {
      throw BadUserInputError.field(path, `the search finds ${total} publications; this query exports at most ${options.maxPublications}. Download larger exports from GET /exports?scope=publications or with \`npm run cli -- export --publications\`.`);
    }
    const stamp = new Date().toISOString().slice(0, 10);
    return { format, contentType: info.contentType, fileName: `publications-${stamp}.${info.extension}`, totalCases: 0, totalPublications: total, chunks: this.serialisePublications(query, format) };
  }

  async exportPublicationsWhole(input: SearchPublicationsInput, format: ExportFormat): Promise<ExportResult> {
    const opened = await this.openPublications(input, format, { maxPublications: this.queryMaxCases });
    let content = '';
    for await (const chunk of opened.chunks) content += chunk;
    return { format, fileName: opened.fileName, contentType: opened.contentType, caseCount: 0, publicationCount: opened.totalPublications, content };
  }

  private async *searchedPublicationPages(query: PublicationSearchQuery): AsyncGenerator<Publication[]> {
    for await (const ids of this.publicationSearch.matchingIds(query, this.pageSize)) {
      const byId = new Map((await this.publications.findByIds(ids)).map((publication) => [publication.id, publication]));
      yield ids.map((id) => byId.get(id)).filter((publication): publication is Publication => publication !== undefined);
    }
  }

  private async *serialisePublications(query: PublicationSearchQuery, format: ExportFormat): AsyncGenerator<string> {
    const pages = this.searchedPublicationPages(query);
    switch (format) {
      case ExportFormat.CSV:
        yield stringify([[...PUBLICATION_CSV_COLUMNS]]);
        for await (const page of pages) yield stringify(page.map((publication) => spreadsheetSafeRow(publicationToCsvRow(publication))));
        return;
      case ExportFormat.JSONL:
        for await (const page of pages) yield page.map((publication) => `${JSON.stringify(publicationToJson(publication))}\n`).join('');
        return;
      default:
        yield* this.serialiseBibliographic(pages, format);
    }
  }

  /** A small export in one piece (GraphQL). */
  async exportWhole(input: SearchCaseReportsInput, format: ExportFormat): Promise<ExportResult> {
    const opened = await this.open(input, format, { maxCases: this.queryMaxCases });
    let content = '';
    for await (const chunk of opened.chunks) content += chunk;
    return { format, fileName: opened.fileName, contentType: opened.contentType, caseCount: opened.totalCases, publicationCount: opened.totalPublications, content };
  }

  private async *serialise(query: SearchQuery, format: ExportFormat): AsyncGenerator<string> {
    switch (format) {
      case ExportFormat.CSV:
        yield stringify([[...CASE_CSV_COLUMNS]]);
        for await (const page of this.casePages(query)) yield stringify(page.map((item) => spreadsheetSafeRow(caseToCsvRow(item))));
        return;
      case ExportFormat.JSONL:
        for await (const page of this.casePages(query)) yield page.map((item) => `${JSON.stringify(caseToJson(item))}\n`).join('');
        return;
      default:
        yield* this.serialiseBibliographic(this.publicationPages(query), format);
    }
  }

  /** RIS, BibTeX and CSL-JSON: one record per publication. */
  private async *serialiseBibliographic(pages: AsyncIterable<Publication[]>, format: ExportFormat): AsyncGenerator<string> {
    switch (format) {
      case ExportFormat.RIS:
        for await (const page of pages) yield page.map(publicationToRis).join('');
        return;
      case ExportFormat.BIBTEX: {
        const keys = new BibtexKeys();
        for await (const page of pages) yield page.map((publication) => publicationToBibtex(publication, keys.next(publication))).join('');
        return;
      }
      case ExportFormat.CSL_JSON: {
        let first = true;
        yield '[\n';
        for await (const page of pages) {
          if (!page.length) continue;
          yield `${first ? '' : ',\n'}${page.map((publication) => JSON.stringify(publicationToCsl(publication))).join(',\n')}`;
          first = false;
        }
        yield '\n]\n';
        return;
      }
      default:
        throw new Error(`not a bibliographic format: ${format}`);
    }
  }

  /** The case reports of the search, page by page, in the search's order. */
  private async *caseReportPages(query: SearchQuery): AsyncGenerator<CaseReport[]> {
    let after = null;
    for (;;) {
      const result = await this.search.searchQuery({ ...query, facets: [], highlight: false, page: { first: this.pageSize, after } });
      const cases = result.hits.edges.map((edge) => edge.node.caseReport);
      if (cases.length) yield cases;
      if (!result.hits.pageInfo.hasNextPage || !result.hits.pageInfo.endCursor) return;
      after = decodeSearchCursor(result.hits.pageInfo.endCursor, query.sort, query.text);
    }
  }

  /** Distinct publications in the order of their first case. Remembers the ids written (36 bytes each) to write each once. */
  private async *publicationPages(query: SearchQuery): AsyncGenerator<Publication[]> {
    const written = new Set<string>();
    for await (const cases of this.caseReportPages(query)) {
      const ids = [...new Set(cases.map((c) => c.publicationId))].filter((id) => !written.has(id));
      ids.forEach((id) => written.add(id));
      const byId = new Map((await this.publications.findByIds(ids)).map((publication) => [publication.id, publication]));
      yield ids.map((id) => byId.get(id)).filter((publication): publication is Publication => publication !== undefined);
    }
  }

  /** Cases with their facts, terms and publication, page by page, in the search's order (also the case table's source). */
  async *casePages(query: SearchQuery): AsyncGenerator<ExportCase[]> {
    const terms = new Map<string, ExportTerm>();
    for await (const cases of this.caseReportPages(query)) yield this.withFacts(cases, terms);
  }

  /**
   * These cases with their facts, terms and publication, in their order (a case whose publication was
   * deleted meanwhile is left out). `terms` caches vocabulary terms across calls.
   */
  async withFacts(cases: CaseReport[], terms = new Map<string, ExportTerm>()): Promise<ExportCase[]> {
    const termsOf = async (ids: string[]) => {
      const missing = [...new Set(ids)].filter((id) => !terms.has(id));
      if (missing.length) for (const term of await this.vocabulary.findByIds(missing)) terms.set(term.id, termOf(term));
    };
    const term = (id: string): ExportTerm => terms.get(id) ?? { key: id, label: id, meshUi: null };

    const ids = cases.map((c) => c.id);
    const [publications, procedures, complications, treatments, comorbidities] = [
      await this.publications.findByIds([...new Set(cases.map((c) => c.publicationId))]),
      await this.caseReports.proceduresOf(ids),
      await this.caseReports.complicationsOf(ids),
      await this.caseReports.treatmentsOf(ids),
      await this.caseReports.comorbidityTermIdsOf(ids),
    ];
    const symptoms = await this.caseReports.symptomTermIdsOf(complications.map((c) => c.id));
    await termsOf([...procedures, ...complications, ...treatments].map((fact) => fact.termId).concat(comorbidities.map((row) => row.termId), symptoms.map((row) => row.termId)));
    const publicationById = new Map(publications.map((publication) => [publication.id, publication]));
    const proceduresOf = groupBy(procedures, (p) => p.caseReportId);
    const complicationsOf = groupBy(complications, (c) => c.caseReportId);
    const treatmentsOf = groupBy(treatments, (t) => t.caseReportId);
    const comorbiditiesOf = groupBy(comorbidities, (row) => row.caseReportId);
    const symptomsOf = groupBy(symptoms, (row) => row.complicationId);

    const page: ExportCase[] = [];
    for (const caseReport of cases) {
      const publication = publicationById.get(caseReport.publicationId);
      if (!publication) continue; // deleted since the search: the export leaves it out, as the search would
      const ownProcedures = proceduresOf(caseReport.id);
      const ownComplications = complicationsOf(caseReport.id);
      page.push({
        caseReport,
        publication,
        comorbidities: comorbiditiesOf(caseReport.id).map((row) => term(row.termId)),
        procedures: ownProcedures.map((p) => ({ term: term(p.termId), details: p.details, bloodVolumeMl: p.bloodVolumeMl, vertebralLevel: p.vertebralLevel, attemptNumber: p.attemptNumber, imageGuidance: p.imageGuidance, needleGauge: p.needleGauge })),
        complications: ownComplications.map((c) => ({
          term: term(c.termId),
          procedureIndex: c.procedureId ? ownProcedures.findIndex((p) => p.id === c.procedureId) : null,
          onsetHours: c.onsetHours,
          diagnosis: c.diagnosis,
          details: c.details,
          symptoms: symptomsOf(c.id).map((row) => term(row.termId)),
        })),
        treatments: treatmentsOf(caseReport.id).map((t) => ({ term: term(t.termId), complicationIndex: t.complicationId ? ownComplications.findIndex((c) => c.id === t.complicationId) : null, details: t.details })),
      });
    }
    return page;
  }
}

/** Items grouped by a key, in their order; a missing key gives an empty list. */
function groupBy<T>(items: T[], keyOf: (item: T) => string): (key: string) => T[] {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return (key) => groups.get(key) ?? [];
}

function termOf(term: VocabularyTerm): ExportTerm {
  return { key: term.key, label: term.label, meshUi: term.meshUi };
}

/** An export of nothing is an answer of its own (404 over HTTP, exit 1 in the CLI), never an empty file. */
function nothingToExport(what: string, path: string): DomainError {
  return new DomainError('NOT_FOUND', `the search finds no ${what}: there is nothing to export. Widen the search (${path}) and try again.`, { path });
}
