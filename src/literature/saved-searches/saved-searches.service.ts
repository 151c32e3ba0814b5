import { createHash } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '../../config/app-config';
import { CaseReportsRepository } from '../../case-reports/case-reports.repository';
import { BadUserInputError, NotFoundError } from '../../common/errors/domain-error';
import { UnitOfWork } from '../../database/unit-of-work';
import { SearchCaseReportsInput } from '../../search/inputs/search-case-reports.input';
import { decodeSearchCursor } from '../../search/query/search-cursor';
import { SearchService } from '../../search/search.service';
import { exportableInput } from '../export/export.service';
import { ImportService } from '../import/import.service';
import { SaveSearchInput } from './inputs/save-search.input';
import { NEW_CASES_LISTED, SavedSearchRunResult } from './models/saved-search-run-result.model';
import { SavedSearchRun } from './saved-search-run.entity';
import { SavedSearch } from './saved-search.entity';
import { SavedSearchesRepository } from './saved-searches.repository';
import { assertRecordIds } from '../../common/record-id';

/** Case ids are collected this many per search page when a saved search runs. */
export const RUN_PAGE_SIZE = 1000;

/** sha256 (hex) of the sorted case ids, one per line: the same result set gives the same fingerprint. */
export function fingerprintOf(sortedCaseIds: readonly string[]): string {
  return createHash('sha256').update(sortedCaseIds.join('\n')).digest('hex');
}

/** Saving searches, running them again (logging each run) and telling what is new since the last run. */
@Injectable()
export class SavedSearchesService {
  constructor(
    private readonly searches: SavedSearchesRepository,
    private readonly search: SearchService,
    private readonly caseReports: CaseReportsRepository,
    private readonly uow: UnitOfWork,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async save(input: SaveSearchInput, savedBy: string | null): Promise<SavedSearch> {
    const name = input.name.trim();
    if (!name) throw BadUserInputError.field('input.name', 'must not be empty');
    if (name.length > 200) throw BadUserInputError.field('input.name', 'must be at most 200 characters');
    const review = ImportService.reviewName(input.review, 'input.review');
    // Saved as run: suggested filters applied (stored as filters, so a later vocabulary does not change what it finds).
    const query = await this.search.asRun(exportableInput(input.search));
    // Checked now (terms exist, ranges are sane), so a saved search always runs.
    await this.search.toQuery({ ...query, first: 0 }, 'input.search');
    // Stored with term keys, not database ids: the saved query means the same on another installation.
    const stable = await this.search.withTermKeys(query);
    return this.searches.insert({ name, review, query: JSON.parse(JSON.stringify(stable)) as Record<string, unknown>, savedBy: savedBy ?? 'unknown' });
  }

  list(review: string | null | undefined): Promise<SavedSearch[]> {
    return this.searches.list(ImportService.reviewName(review));
  }

  /** `path` names where the id was given (the CLI's --saved-search): one that is no UUID is refused before PostgreSQL refuses it. */
  async get(id: string, path = 'id'): Promise<SavedSearch> {
    assertRecordIds([[id, path]], 'saved search id');
    const saved = await this.searches.findById(id);
    if (!saved) throw new NotFoundError('Saved search', id);
    return saved;
  }

  async delete(id: string): Promise<boolean> {
    if (!(await this.searches.delete(id))) throw new NotFoundError('Saved search', id);
    return true;
  }

  async runs(id: string): Promise<SavedSearchRun[]> {
    await this.get(id);
    return this.searches.runs(id);
  }

  /**
   * Runs a saved search: collects every case it finds now (paging through the whole result), logs
   * the run (date, case and publication counts, fingerprint, case ids) and compares it with the
   * previous run. Returns the first `first` results too.
   */
  async run(id: string, first: number | null = 20): Promise<SavedSearchRunResult> {
    // The argument as the caller wrote it (`first`), checked before the run is logged: the search's own check
    // would name `input.first`, an argument runSavedSearch does not have, and only after logging the run.
    const pageSize = first ?? 20;
    if (!Number.isInteger(pageSize) || pageSize < 0 || pageSize > this.config.MAX_PAGE_SIZE) throw BadUserInputError.field('first', `must be between 0 and ${this.config.MAX_PAGE_SIZE}`);
    const saved = await this.get(id);
    const input = saved.query as SearchCaseReportsInput;
    const query = await this.search.toQuery({ ...input, first: 0 }, 'savedSearch.query');
    const caseIds: string[] = [];
    const publicationIds = new Set<string>();
    let after = null;
    for (;;) {
      const page = await this.search.searchQuery({ ...query, facets: [], highlight: false, page: { first: RUN_PAGE_SIZE, after } });
      for (const edge of page.hits.edges) {
        caseIds.push(edge.node.caseReport.id);
        publicationIds.add(edge.node.caseReport.publicationId);
      }
      if (!page.hits.pageInfo.hasNextPage || !page.hits.pageInfo.endCursor) break;
      after = decodeSearchCursor(page.hits.pageInfo.endCursor, query.sort, query.text);
    }
    caseIds.sort();
    const fingerprint = fingerprintOf(caseIds);

    const { run, previousRun } = await this.uow.run(async (tx) => {
      // The search runs outside this transaction and takes a while: one deleted meanwhile is NOT_FOUND, not a foreign-key failure.
      if (!(await this.searches.holdExisting(tx, saved.id))) throw new NotFoundError('Saved search', saved.id);
      const previous = await this.searches.latestRun(tx, saved.id);
      const logged = await this.searches.insertRun(tx, { savedSearchId: saved.id, caseCount: caseIds.length, publicationCount: publicationIds.size, fingerprint, caseReportIds: caseIds });
      return { run: logged, previousRun: previous };
    });
    const before = new Set(previousRun?.caseReportIds ?? []);
    const now = new Set(caseIds);
    const newIds = caseIds.filter((caseId) => !before.has(caseId));
    const goneIds = [...before].filter((caseId) => !now.has(caseId)).sort();
    return {
      run,
      previousRun,
      unchanged: previousRun?.fingerprint === fingerprint,
      newCaseCount: newIds.length,
      newCaseReportIds: newIds,
      newCaseReports: await this.caseReports.findByIds(newIds.slice(0, NEW_CASES_LISTED)),
      goneCaseReportIds: goneIds,
      results: await this.search.search({ ...input, first: pageSize }),
    };
  }
}
