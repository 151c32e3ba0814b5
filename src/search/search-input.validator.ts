import { CurationStatus } from '../case-reports/curation.enums';
import { BadUserInputError, FieldError } from '../common/errors/domain-error';
import { FacetDefinition, facetDefinition, FacetName, isFacetName } from './query/facet-registry';
import { FacetRequest, NumericRange, SearchFilters, SearchQuery, SearchSort } from './query/search-query';
import { decodeSearchCursor } from './query/search-cursor';
import { parseTextQuery } from './query/text-query.parser';
import { SearchCaseReportsInput, SearchFiltersInput } from './inputs/search-case-reports.input';
import { TREATMENT_NOT_REPORTED } from './query/facet-registry';

export const MAX_TEXT_LENGTH = 500;
export const MAX_FILTER_VALUES = 200;
export const MAX_FACET_LIMIT = 1000;
export const MAX_HISTOGRAM_BUCKETS_PER_REQUEST = 500;

/** Term filters whose references still need resolving (id, MeSH UI or key -> term id). */
export type TermFilterKey = 'complications' | 'procedures' | 'treatments' | 'symptoms';
export const TERM_FILTER_KEYS: TermFilterKey[] = ['complications', 'procedures', 'treatments', 'symptoms'];

/** Numeric facets' natural spans, used to refuse intervals that would make absurd histograms. */
const SPAN: Partial<Record<FacetName, number>> = { [FacetName.YEAR]: 300, [FacetName.AGE]: 130, [FacetName.BLOOD_PATCH_VOLUME]: 200, [FacetName.ONSET_HOURS]: 24 * 365 };

const isEnumerable = (definition: FacetDefinition) => definition.kind !== 'numeric-range';

/**
 * Checks a GraphQL search input and turns it into a SearchQuery; term references are left for the
 * caller to resolve (they need the vocabulary). All problems are reported at once, each with its path.
 */
export function validateSearchInput(input: SearchCaseReportsInput, maxPageSize: number, path = 'input'): { query: SearchQuery; termReferences: Record<TermFilterKey, string[]> } {
  const errors: FieldError[] = [];
  const text = input.text ?? null;
  if (text !== null && text.length > MAX_TEXT_LENGTH) errors.push({ path: `${path}.text`, message: `must be at most ${MAX_TEXT_LENGTH} characters` });

  const sort = input.sort ?? SearchSort.RELEVANCE;
  if (!Object.values(SearchSort).includes(sort)) errors.push({ path: `${path}.sort`, message: `must be one of ${Object.values(SearchSort).join(', ')}` });

  const first = input.first ?? 20;
  if (!Number.isInteger(first) || first < 0 || first > maxPageSize) errors.push({ path: `${path}.first`, message: `must be between 0 and ${maxPageSize}` });

  const facets: FacetRequest[] = [];
  const seen = new Set<string>();
  for (const [index, request] of (input.facets ?? []).entries()) {
    const at = `${path}.facets.${index}`;
    if (!isFacetName(request.facet)) {
      errors.push({ path: `${at}.facet`, message: `unknown facet "${String(request.facet)}"` });
      continue;
    }
    if (seen.has(request.facet)) errors.push({ path: `${at}.facet`, message: `${request.facet} is requested twice` });
    seen.add(request.facet);
    const definition = facetDefinition(request.facet);
    const facet: FacetRequest = { facet: request.facet, includeZero: request.includeZero ?? false };
    if (request.limit !== null && request.limit !== undefined) {
      if (!isEnumerable(definition)) errors.push({ path: `${at}.limit`, message: `${request.facet} is numeric: use interval, not limit` });
      else if (!Number.isInteger(request.limit) || request.limit < 1 || request.limit > MAX_FACET_LIMIT) errors.push({ path: `${at}.limit`, message: `must be between 1 and ${MAX_FACET_LIMIT}` });
      else facet.limit = request.limit;
    }
    if (request.interval !== null && request.interval !== undefined) {
      if (isEnumerable(definition)) errors.push({ path: `${at}.interval`, message: `only numeric facets (YEAR, AGE, BLOOD_PATCH_VOLUME, ONSET_HOURS) take an interval` });
      else if (!Number.isFinite(request.interval) || request.interval < (definition.minInterval ?? 0) || request.interval <= 0) errors.push({ path: `${at}.interval`, message: `must be at least ${definition.minInterval}` });
      else if ((SPAN[request.facet] ?? Infinity) / request.interval > MAX_HISTOGRAM_BUCKETS_PER_REQUEST) errors.push({ path: `${at}.interval`, message: `is too small: it would make more than ${MAX_HISTOGRAM_BUCKETS_PER_REQUEST} buckets` });
      else facet.interval = request.interval;
    }
    facets.push(facet);
  }

  const { filters, termReferences } = validateFilters(input.filters ?? {}, `${path}.filters`, errors);

  const textQuery = parseTextQuery(text, { prefixLastWord: input.prefixLastWord ?? false });
  let after = null;
  if (input.after) {
    try {
      after = decodeSearchCursor(input.after, sort, textQuery, `${path}.after`);
    } catch (error) {
      if (error instanceof BadUserInputError) errors.push(...error.fieldErrors);
      else throw error;
    }
  }

  if (errors.length) throw new BadUserInputError(errors);
  return { query: { text: textQuery, filters, facets, sort, page: { first, after }, highlight: true }, termReferences };
}

function validateRange(range: { min?: number | null; max?: number | null } | null | undefined, path: string, errors: FieldError[]): NumericRange | undefined {
  if (!range) return undefined;
  const result: NumericRange = {};
  for (const bound of ['min', 'max'] as const) {
    const value = range[bound];
    if (value === null || value === undefined) continue;
    if (!Number.isFinite(value)) errors.push({ path: `${path}.${bound}`, message: 'must be a finite number' });
    else result[bound] = value;
  }
  if (result.min !== undefined && result.max !== undefined && result.min > result.max) errors.push({ path, message: `min (${result.min}) must not be greater than max (${result.max})` });
  return result.min === undefined && result.max === undefined ? undefined : result;
}

export function validateFilters(input: SearchFiltersInput, path: string, errors: FieldError[]): { filters: SearchFilters; termReferences: Record<TermFilterKey, string[]> } {
  const filters: SearchFilters = {};
  const termReferences = { complications: [], procedures: [], treatments: [], symptoms: [] } as Record<TermFilterKey, string[]>;
  const list = <T>(key: keyof SearchFiltersInput, values: T[] | null | undefined): T[] | undefined => {
    if (!values?.length) return undefined;
    if (values.length > MAX_FILTER_VALUES) errors.push({ path: `${path}.${key}`, message: `at most ${MAX_FILTER_VALUES} values` });
    return [...new Set(values)];
  };
  for (const key of TERM_FILTER_KEYS) {
    const values = list(key, input[key]);
    if (!values) continue;
    values.forEach((value, index) => {
      if (typeof value !== 'string' || !value.trim()) errors.push({ path: `${path}.${key}.${index}`, message: 'must be a term id, MeSH UI or key' });
    });
    termReferences[key] = values.map((value) => value.trim());
  }
  filters.sex = list('sex', input.sex);
  filters.ageGroups = list('ageGroups', input.ageGroups);
  filters.pregnancyStatuses = list('pregnancyStatuses', input.pregnancyStatuses);
  filters.anticoagulation = list('anticoagulation', input.anticoagulation);
  filters.outcomes = list('outcomes', input.outcomes);
  filters.curationStatuses = list('curationStatuses', input.curationStatuses);
  if (filters.curationStatuses?.includes(CurationStatus.REJECTED)) errors.push({ path: `${path}.curationStatuses`, message: 'REJECTED cases are not searchable: choose SUGGESTED and/or CURATED' });
  filters.publicationTypes = list('publicationTypes', input.publicationTypes);
  filters.year = validateRange(input.year, `${path}.year`, errors);
  filters.age = validateRange(input.age, `${path}.age`, errors);
  filters.bloodPatchVolumeMl = validateRange(input.bloodPatchVolumeMl, `${path}.bloodPatchVolumeMl`, errors);
  filters.onsetHours = validateRange(input.onsetHours, `${path}.onsetHours`, errors);
  if (input.outcomeKnown !== null && input.outcomeKnown !== undefined) filters.outcomeKnown = input.outcomeKnown;
  if (input.complicationsFollowProcedures) filters.complicationsFollowProcedures = true;
  for (const key of Object.keys(filters) as (keyof SearchFilters)[]) if (filters[key] === undefined) delete filters[key];
  return { filters, termReferences };
}

/** References that are not vocabulary terms but values of their own (treatment not reported). */
export function isSpecialTermValue(key: TermFilterKey, reference: string): boolean {
  return key === 'treatments' && reference.toUpperCase() === TREATMENT_NOT_REPORTED.value;
}
