import { BadUserInputError, FieldError } from '../../common/errors/domain-error';
import { decodeCursorPosition, encodeCursorPosition, rankedTextKey } from '../query/search-cursor';
import { NumericRange } from '../query/search-query';
import { TextQuery } from '../query/text-query';
import { parseTextQuery } from '../query/text-query.parser';
import { MAX_FACET_LIMIT, MAX_FILTER_VALUES, MAX_TEXT_LENGTH } from '../search-input.validator';
import {
  PublicationCaseStatus,
  PublicationFacetRequest,
  publicationFacetDefinition,
  PublicationFacetName,
  PublicationSearchAfter,
  PublicationSearchFilters,
  PublicationSearchQuery,
  PublicationSearchSort,
} from './publication-search-query';
import { SearchPublicationsInput } from './search-publications.input';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const MAX_VALUE_LENGTH = 500;

export function encodePublicationCursor(after: PublicationSearchAfter, text: TextQuery | null): string {
  return encodeCursorPosition({ sort: after.sort, values: after.values, id: after.publicationId, textKey: rankedTextKey(after.sort, text) });
}

function decodePublicationCursor(raw: string, sort: PublicationSearchSort, text: TextQuery | null, path: string, errors: FieldError[]): PublicationSearchAfter | null {
  const decoded = decodeCursorPosition(raw, sort, rankedTextKey(sort, text), path);
  if ('message' in decoded) {
    errors.push(decoded);
    return null;
  }
  return { sort, values: decoded.values, publicationId: decoded.id };
}

/**
 * GraphQL input -> PublicationSearchQuery. Every problem is reported at once with its path. MeSH
 * descriptors are left as given (UI or name): the service resolves names to UIs.
 */
export function validatePublicationSearchInput(input: SearchPublicationsInput, maxPageSize: number, path = 'input'): PublicationSearchQuery {
  const errors: FieldError[] = [];
  const text = input.text ?? null;
  if (text !== null && text.length > MAX_TEXT_LENGTH) errors.push({ path: `${path}.text`, message: `must be at most ${MAX_TEXT_LENGTH} characters` });
  if (text?.includes('\u0000')) errors.push({ path: `${path}.text`, message: 'must not contain NUL characters' });
  const sort = input.sort ?? PublicationSearchSort.RELEVANCE;
  if (!Object.values(PublicationSearchSort).includes(sort)) errors.push({ path: `${path}.sort`, message: `must be one of ${Object.values(PublicationSearchSort).join(', ')}` });
  const first = input.first ?? 20;
  if (!Number.isInteger(first) || first < 0 || first > maxPageSize) errors.push({ path: `${path}.first`, message: `must be between 0 and ${maxPageSize}` });

  const filters: PublicationSearchFilters = {};
  const f = input.filters ?? {};
  const list = (key: keyof PublicationSearchFilters & keyof typeof f, values: string[] | null | undefined): string[] | undefined => {
    if (!values?.length) return undefined;
    if (values.length > MAX_FILTER_VALUES) errors.push({ path: `${path}.filters.${key}`, message: `at most ${MAX_FILTER_VALUES} values` });
    values.forEach((value, index) => {
      if (typeof value !== 'string' || !value.trim()) errors.push({ path: `${path}.filters.${key}.${index}`, message: 'must not be empty' });
      else if (value.length > MAX_VALUE_LENGTH || value.includes('\u0000')) errors.push({ path: `${path}.filters.${key}.${index}`, message: `must be at most ${MAX_VALUE_LENGTH} characters, without NUL` });
    });
    return [...new Set(values.map((value) => value?.trim?.() ?? value))];
  };
  filters.publicationTypes = list('publicationTypes', f.publicationTypes);
  filters.meshDescriptors = list('meshDescriptors', f.meshDescriptors);
  filters.journals = list('journals', f.journals);
  filters.languages = list('languages', f.languages)?.map((value) => (value === 'UNKNOWN' ? value : value.toLowerCase()));
  filters.reviews = list('reviews', f.reviews);
  filters.importBatches = list('importBatches', f.importBatches);
  filters.importBatches?.forEach((value, index) => {
    if (value !== 'NONE' && !UUID.test(value)) errors.push({ path: `${path}.filters.importBatches.${index}`, message: 'must be an import batch id or NONE' });
  });
  if (f.caseStatuses?.length) filters.caseStatuses = [...new Set(f.caseStatuses)] as PublicationCaseStatus[];
  if (f.screeningDecisions?.length) filters.screeningDecisions = [...new Set(f.screeningDecisions)];
  if (f.year) {
    const range: NumericRange = {};
    for (const bound of ['min', 'max'] as const) {
      const value = f.year[bound];
      if (value === null || value === undefined) continue;
      if (!Number.isFinite(value)) errors.push({ path: `${path}.filters.year.${bound}`, message: 'must be a finite number' });
      else range[bound] = value;
    }
    if (range.min !== undefined && range.max !== undefined && range.min > range.max) errors.push({ path: `${path}.filters.year`, message: `min (${range.min}) must not be greater than max (${range.max})` });
    if (range.min !== undefined || range.max !== undefined) filters.year = range;
  }
  for (const key of Object.keys(filters) as (keyof PublicationSearchFilters)[]) if (filters[key] === undefined) delete filters[key];

  const facets: PublicationFacetRequest[] = [];
  const seen = new Set<PublicationFacetName>();
  (input.facets ?? []).forEach((request, index) => {
    const at = `${path}.facets.${index}`;
    // As searchCaseReports answers: the second request (its own interval or limit) was dropped without a word.
    if (seen.has(request.facet)) {
      errors.push({ path: `${at}.facet`, message: `${request.facet} is requested twice` });
      return;
    }
    seen.add(request.facet);
    const definition = publicationFacetDefinition(request.facet);
    const numeric = definition.kind === 'numeric-range';
    if (request.limit !== null && request.limit !== undefined && (numeric || !Number.isInteger(request.limit) || request.limit < 1 || request.limit > MAX_FACET_LIMIT)) {
      errors.push({ path: `${at}.limit`, message: numeric ? `${request.facet} is numeric: use interval` : `must be between 1 and ${MAX_FACET_LIMIT}` });
    }
    if (request.interval !== null && request.interval !== undefined && (!numeric || !Number.isInteger(request.interval) || request.interval < (definition.minInterval ?? 1) || request.interval > 1000)) {
      errors.push({ path: `${at}.interval`, message: numeric ? 'must be a whole number of years between 1 and 1000' : `${request.facet} is not numeric: it has no interval` });
    }
    facets.push({ facet: request.facet, includeZero: request.includeZero ?? false, limit: request.limit ?? undefined, interval: request.interval ?? undefined });
  });

  const textQuery = parseTextQuery(text, { prefixLastWord: input.prefixLastWord ?? false });
  const after = input.after ? decodePublicationCursor(input.after, sort, textQuery, `${path}.after`, errors) : null;
  if (errors.length) throw new BadUserInputError(errors);
  return { text: textQuery, filters, facets, sort, page: { first, after }, highlight: true };
}
