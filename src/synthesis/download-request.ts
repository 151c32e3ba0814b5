/** The search of a synthesis download: as GET /exports takes it (q, individual parameters or savedSearch=<id>). */
import { BadUserInputError } from '../common/errors/domain-error';
import { RequestParams, SEARCH_PARAMS, searchInputFromParams, searchParamsGiven } from '../literature/export/export-request';
import { SavedSearchesService } from '../literature/saved-searches/saved-searches.service';
import { SearchCaseReportsInput } from '../search/inputs/search-case-reports.input';
import { TableStamp } from './case-table/case-table-writers';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Parameters every synthesis download takes, besides its own. */
export const DOWNLOAD_SEARCH_PARAMS: readonly string[] = ['format', 'savedSearch', ...SEARCH_PARAMS];

export async function downloadSearch(params: RequestParams, savedSearches: SavedSearchesService): Promise<{ input: SearchCaseReportsInput; savedSearchId: string | null }> {
  const { savedSearch, format: _format, ...search } = params;
  if (savedSearch === undefined) return { input: searchInputFromParams(search), savedSearchId: null };
  if (typeof savedSearch !== 'string' || !UUID.test(savedSearch)) throw BadUserInputError.field('savedSearch', 'must be the id of a saved search');
  const others = searchParamsGiven(search);
  if (others.length) throw BadUserInputError.field('savedSearch', `give either a saved search or the search itself, not both (also given: ${others.join(', ')})`);
  return { input: (await savedSearches.get(savedSearch)).query as SearchCaseReportsInput, savedSearchId: savedSearch };
}

/** The saved search's name and the fingerprint of its latest run (none when it never ran). */
export async function savedSearchStamp(id: string, savedSearches: SavedSearchesService): Promise<TableStamp['savedSearch']> {
  const [saved, runs] = await Promise.all([savedSearches.get(id), savedSearches.runs(id)]);
  const latest = runs[0] ?? null;
  return { id: saved.id, name: saved.name, fingerprint: latest?.fingerprint ?? null, fingerprintAt: latest ? latest.ranAt.toISOString() : null };
}

/** The search as the stamp writes it (JSON of the searchCaseReports input's text, filters and sort). */
export function searchText(input: SearchCaseReportsInput): string {
  return JSON.stringify({ text: input.text ?? undefined, filters: input.filters ?? undefined, sort: input.sort ?? undefined });
}
