import { Inject, Injectable } from '@nestjs/common';
import { CasePage, CasePageParts, CasePageReader } from '../case-reports/case-page.reader';
import { CaseReport } from '../case-reports/entities/case-report.entity';
import { databaseUnavailableError, isDatabaseUnavailable } from '../common/errors/database-unavailable';
import { BadUserInputError, DomainError, FieldError } from '../common/errors/domain-error';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { TermKind } from '../vocabulary/term-kind.enum';
import { TermIndex } from './indexing/search-document';
import { VocabularyRepository } from '../vocabulary/vocabulary.repository';
import { OutboxRepository } from './indexing/outbox.repository';
import { ReindexService, ReindexSummary } from './indexing/reindex.service';
import { TermCatalog } from './indexing/term-catalog';
import { SearchCaseReportsInput } from './inputs/search-case-reports.input';
import { CaseReportSearchResult } from './models/case-report-search-result.model';
import { FacetValue } from './models/facet-value.model';
import { SearchIndexStatus } from './models/search-index-status.model';
import { CrossTabCountsRequest, EngineCrossTab } from './query/cross-tab-counts';
import { assembleFacets, flattenFacetValues } from './query/facet-assembler';
import { facetDefinition, FacetName } from './query/facet-registry';
import { encodeSearchCursor } from './query/search-cursor';
import { SearchQuery } from './query/search-query';
import { EngineSearchResult } from './query/search-result';
import { SEARCH_ENGINE, SearchEngine } from './search-engine.port';
import { isSpecialTermValue, TERM_FILTER_KEYS, TermFilterKey, validateFilters, validateSearchInput } from './search-input.validator';
import { SearchUnderstandingService } from './understanding/search-understanding.service';

const TERM_KIND_OF: Record<TermFilterKey, TermKind> = { complications: TermKind.COMPLICATION, procedures: TermKind.PROCEDURE, treatments: TermKind.TREATMENT, symptoms: TermKind.SYMPTOM };
export const MAX_PREFIX_LENGTH = 100;
export const FACET_VALUES_LIMIT = 50;
/** Label order of facet value search (a collator: a short prefix can match thousands of MeSH terms). */
const LABEL_ORDER = new Intl.Collator();

/** The search use cases: validate, resolve terms, ask the engine, shape the answer. */
@Injectable()
export class SearchService {
  constructor(
    @Inject(SEARCH_ENGINE) private readonly engine: SearchEngine,
    private readonly vocabulary: VocabularyRepository,
    private readonly casePages: CasePageReader,
    private readonly catalog: TermCatalog,
    private readonly outbox: OutboxRepository,
    private readonly reindexer: ReindexService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly understanding: SearchUnderstandingService,
  ) {}

  /**
   * The input as it is run: with `applySuggestedFilters`, the words of its text that name filters
   * become filters (searchCaseReports' `understanding`), the flag then cleared. Every reader of a
   * search (exports, synthesis, saved searches) gets this, so it finds the cases the search page showed.
   */
  async asRun(input: SearchCaseReportsInput): Promise<SearchCaseReportsInput> {
    return input.applySuggestedFilters ? (await this.understanding.prepare(input)).input : input;
  }

  /** Validates the GraphQL input into a SearchQuery (term references resolved to term ids). */
  async toQuery(asked: SearchCaseReportsInput, path = 'input'): Promise<SearchQuery> {
    const input = await this.asRun(asked);
    const errors: FieldError[] = [];
    let validated: ReturnType<typeof validateSearchInput> | null = null;
    try {
      validated = validateSearchInput(input, this.config.MAX_PAGE_SIZE, path);
    } catch (error) {
      if (!(error instanceof BadUserInputError)) throw error;
      errors.push(...error.fieldErrors);
    }
    // Unknown terms are reported with the other input errors, not only once those are fixed.
    const termReferences = validated?.termReferences ?? validateFilters(input.filters ?? {}, `${path}.filters`, []).termReferences;
    const query = validated?.query ?? ({ filters: {} } as SearchQuery);
    const catalog = TERM_FILTER_KEYS.some((key) => termReferences[key].length) ? await this.catalog.get() : null;
    for (const key of TERM_FILTER_KEYS) {
      const references = termReferences[key];
      if (!references.length || !catalog) continue;
      // The cached vocabulary answers almost always; the database has the last word on the rest.
      const found = new Map<string, { id: string }>();
      for (const ref of references) {
        const term = isSpecialTermValue(key, ref) ? undefined : catalog.resolve(TERM_KIND_OF[key], ref);
        if (term) found.set(ref, term);
      }
      const unresolved = references.filter((ref) => !isSpecialTermValue(key, ref) && !found.has(ref));
      if (unresolved.length) for (const [ref, term] of await this.vocabulary.findByReferences(TERM_KIND_OF[key], unresolved)) found.set(ref, term);
      const ids: string[] = [];
      references.forEach((ref, index) => {
        if (isSpecialTermValue(key, ref)) ids.push(ref.toUpperCase());
        else if (found.has(ref)) ids.push((found.get(ref) as { id: string }).id);
        else errors.push({ path: `${path}.filters.${key}.${index}`, message: `no ${TERM_KIND_OF[key].toLowerCase()} term with id, MeSH UI or key "${ref}"` });
      });
      query.filters[key] = [...new Set(ids)];
    }
    if (errors.length) throw new BadUserInputError(errors);
    return query;
  }

  /** The input with its term filters named by key (ids and MeSH UIs replaced), for links and saved searches. */
  async withTermKeys(input: SearchCaseReportsInput): Promise<SearchCaseReportsInput> {
    const filters = input.filters;
    if (!filters || !TERM_FILTER_KEYS.some((key) => filters[key]?.length)) return input;
    const catalog = await this.catalog.get();
    const keyed = { ...filters };
    for (const key of TERM_FILTER_KEYS) {
      const references = filters[key];
      if (references?.length) keyed[key] = references.map((ref) => (isSpecialTermValue(key, ref) ? ref : (catalog.resolve(TERM_KIND_OF[key], ref)?.key ?? ref)));
    }
    return { ...input, filters: keyed };
  }

  /** `parts`: what the caller shows of the hits' cases besides their rows, read with them (result.casePage). */
  async search(input: SearchCaseReportsInput, parts: CasePageParts = {}): Promise<CaseReportSearchResult> {
    const query = await this.toQuery(input);
    // The page's cases are read as soon as the engine knows them, while it finishes highlights and counts.
    let early: EarlyCasePage | null = null;
    const result = await this.onEngine(() =>
      this.engine.search(query, {
        pageKnown: (ids) => {
          const reading = this.casePages.read(ids, parts);
          reading.catch(() => undefined); // awaited in shape, or dropped there when the page changed
          early = { ids, reading };
        },
      }),
    );
    return this.shape(query, result, parts, early);
  }

  /** Runs an already validated query on the engine (the benchmark compares this with the GraphQL path). */
  async searchQuery(query: SearchQuery): Promise<CaseReportSearchResult> {
    return this.shape(query, await this.runOnEngine(query));
  }

  /** The vocabulary as the index sees it (labels and trees of term values). */
  terms(): Promise<TermIndex> {
    return this.catalog.get();
  }

  /** Two facets counted against each other by the engine in one pass (evidence synthesis). */
  crossTab(query: SearchQuery, request: CrossTabCountsRequest): Promise<EngineCrossTab> {
    return this.onEngine(() => this.engine.crossTab(query, request));
  }

  private runOnEngine(query: SearchQuery): Promise<EngineSearchResult> {
    return this.onEngine(() => this.engine.search(query));
  }

  /** An engine that does not answer is a temporary condition the client can act on, not an internal error. */
  private async onEngine<T>(run: () => Promise<T>): Promise<T> {
    try {
      return await run();
    } catch (error) {
      if (error instanceof DomainError) throw error;
      // The embedded engine lives in the database: its outage is the database's, and says so.
      if (this.engine.name === 'postgres' && isDatabaseUnavailable(error)) throw databaseUnavailableError();
      if (await this.engine.ping().catch(() => false)) throw error;
      throw new DomainError('SERVICE_UNAVAILABLE', `The search engine (${this.engine.name}) is not reachable right now. Writes are kept and indexed when it is back; try the search again later.`, { retryable: true });
    }
  }

  /**
   * Values of one facet whose label, synonym or value starts with `prefix` (at a word start, any case),
   * with counts under the given search (the facet's own selection ignored, zero counts included).
   */
  async facetValues(facet: FacetName, prefix: string, input: SearchCaseReportsInput | null | undefined): Promise<FacetValue[]> {
    const definition = facetDefinition(facet);
    if (definition.kind === 'numeric-range') throw BadUserInputError.field('facet', `${facet} is numeric: it has no values to search`);
    if (prefix.length > MAX_PREFIX_LENGTH) throw BadUserInputError.field('prefix', `must be at most ${MAX_PREFIX_LENGTH} characters`);
    const base = await this.toQuery({ ...(input ?? {}), facets: [], first: 0, after: null });
    const query: SearchQuery = { ...base, facets: [{ facet, includeZero: true }], page: { first: 0, after: null }, highlight: false };
    const [result, terms] = await Promise.all([this.runOnEngine(query), this.catalog.get()]);
    const [view] = assembleFacets(query.facets, result.facets, query.filters, terms);
    const needle = prefix.trim().toLowerCase();
    const matches = (text: string) => !needle || text.toLowerCase().startsWith(needle) || text.toLowerCase().split(/[\s,/()-]+/).some((word) => word.startsWith(needle));
    const termMatches = (term: { label: string; key: string; synonyms: string[] }) => matches(term.label) || matches(term.key) || term.synonyms.some(matches);
    const listed = flattenFacetValues(view.values).filter((value) => {
      const term = terms.get(value.value);
      return matches(value.label) || matches(value.value) || Boolean(term && termMatches(term));
    });
    // The facet lists only some zero-count terms (see zeroTermValues): the rest of the vocabulary is searched here.
    if (definition.termKind && needle) {
      const seen = new Set(listed.map((value) => value.value));
      const selected = new Set((query.filters[definition.filterKey] as string[] | undefined) ?? []);
      for (const term of terms.ofKind(definition.termKind)) {
        if (!seen.has(term.id) && termMatches(term)) listed.push({ value: term.id, label: term.label, termId: term.id, termKey: term.key, caseCount: 0, publicationCount: 0, selected: selected.has(term.id), children: [] });
      }
    }
    return listed
      .sort((a, b) => b.caseCount - a.caseCount || LABEL_ORDER.compare(a.label, b.label))
      .slice(0, FACET_VALUES_LIMIT);
  }

  /** Prepares the engine for the first search (the app calls it after start, without waiting). */
  async warmUp(): Promise<void> {
    await this.engine.warmUp?.();
  }

  async status(): Promise<SearchIndexStatus> {
    const [reachable, { depth, oldestPendingAt }] = await Promise.all([this.engine.ping(), this.outbox.depth()]);
    return { engine: this.engine.name, reachable, outboxDepth: depth, oldestPendingAt };
  }

  reindex(): Promise<ReindexSummary> {
    return this.reindexer.reindex();
  }

  private async shape(query: SearchQuery, result: EngineSearchResult, parts: CasePageParts = {}, early: EarlyCasePage | null = null): Promise<CaseReportSearchResult> {
    const ids = result.hits.map((hit) => hit.caseReportId);
    // The page's cases are read (on the database's side) while the facets are assembled here, unless the
    // engine told the page early and it is the same one.
    const reading = early && sameIds(early.ids, ids) ? early.reading : this.casePages.read(ids, parts);
    reading.catch(() => undefined); // awaited below; not an unhandled rejection if the catalog fails first
    const facets = assembleFacets(query.facets, result.facets, query.filters, await this.catalog.get());
    const casePage = await reading;
    const caseById = new Map<string, CaseReport>(casePage.cases.map((c) => [c.id, c]));
    // A hit whose case was deleted a moment ago (the outbox has not caught up) is left out.
    const hits = result.hits.filter((hit) => caseById.has(hit.caseReportId));
    const cursorOf = (hit: (typeof hits)[number]) => encodeSearchCursor({ sort: query.sort, values: hit.sortValues, caseReportId: hit.caseReportId }, query.text);
    const last = result.hits[result.hits.length - 1];
    return {
      totalCases: result.totalCases,
      totalPublications: result.totalPublications,
      hits: {
        edges: hits.map((hit) => ({ cursor: cursorOf(hit), node: { score: hit.score, caseReport: caseById.get(hit.caseReportId) as CaseReport, highlights: hit.highlights } })),
        pageInfo: { hasNextPage: result.hasNextPage, endCursor: last ? cursorOf(last) : null },
      },
      facets,
      casePage,
    };
  }
}

/** A page of cases whose reading started before the engine's answer was complete (SearchProgress.pageKnown). */
interface EarlyCasePage {
  ids: readonly string[];
  reading: Promise<CasePage>;
}

function sameIds(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((id, i) => id === b[i]);
}
