/**
 * GET /exports?scope=publications and `cli export --publications` take a publication search as a JSON
 * `q` (the searchPublications input) or as individual parameters, checked as strictly as GraphQL.
 */
import { z } from 'zod';
import { BadUserInputError } from '../../common/errors/domain-error';
import { parseOrThrow } from '../../common/validation';
import { PublicationCaseStatus, PublicationSearchSort } from '../../search/publications/publication-search-query';
import { SearchPublicationsInput } from '../../search/publications/search-publications.input';
import { composedInput, enumValue, namingParams, queryJson, RequestParams } from './export-request';
import { queryNumber } from '../../common/http/query-number';

const strings = z.array(z.string()).nullish();
const filtersSchema = z
  .object({
    year: z.object({ min: z.number().nullish(), max: z.number().nullish() }).strict().nullish(),
    publicationTypes: strings,
    meshDescriptors: strings,
    journals: strings,
    languages: strings,
    reviews: strings,
    importBatches: strings,
    caseStatuses: z.array(z.enum(PublicationCaseStatus)).nullish(),
  })
  .strict();
const inputSchema = z
  .object({ text: z.string().nullish(), prefixLastWord: z.boolean().nullish(), filters: filtersSchema.nullish(), sort: z.enum(PublicationSearchSort).nullish(), first: z.unknown().optional(), after: z.unknown().optional(), facets: z.unknown().optional() })
  .strict();

/** List parameters: repeated, or comma-separated where values never hold commas. */
const COMMA_LISTS = ['languages', 'importBatches', 'caseStatuses'] as const;
const REPEATED_LISTS = ['publicationTypes', 'meshDescriptors', 'journals', 'reviews'] as const;
export const PUBLICATION_SEARCH_PARAMS = new Set<string>(['q', 'text', 'sort', 'yearMin', 'yearMax', ...COMMA_LISTS, ...REPEATED_LISTS]);
/** Ranges given as <name>Min / <name>Max. */
export const PUBLICATION_RANGES: ReadonlySet<string> = new Set(['year']);
export const PUBLICATION_LIST_PARAMS: readonly string[] = [...COMMA_LISTS, ...REPEATED_LISTS];

const all = (value: string | string[] | undefined): string[] => (value === undefined ? [] : Array.isArray(value) ? value : [value]);
const single = (params: RequestParams, name: string): string | undefined => {
  const values = all(params[name]);
  if (values.length > 1) throw BadUserInputError.field(name, 'give it once');
  return values[0];
};

export function parsePublicationSearchInput(value: unknown, path: string): SearchPublicationsInput {
  const parsed = parseOrThrow(inputSchema, value, path);
  return { text: parsed.text ?? null, ...(parsed.prefixLastWord ? { prefixLastWord: true } : {}), filters: (parsed.filters ?? null) as SearchPublicationsInput['filters'], sort: parsed.sort ?? null };
}

export function publicationSearchInputFromParams(params: RequestParams): SearchPublicationsInput {
  return composedInput(readPublicationSearchInput(params));
}

function readPublicationSearchInput(params: RequestParams): SearchPublicationsInput {
  const json = queryJson(params, PUBLICATION_SEARCH_PARAMS, 'the searchPublications input, e.g. {"filters":{"reviews":["my review"]}}');
  if (json !== undefined) return parsePublicationSearchInput(json, 'q');
  const filters: Record<string, unknown> = {};
  for (const name of COMMA_LISTS) {
    const values = all(params[name]).flatMap((value) => value.split(',')).map((value) => value.trim()).filter(Boolean);
    if (values.length) filters[name] = name === 'caseStatuses' ? values.map(enumValue) : values;
  }
  for (const name of REPEATED_LISTS) {
    const values = all(params[name]).map((value) => value.trim()).filter(Boolean);
    if (values.length) filters[name] = values;
  }
  const bound = (name: string) => queryNumber(single(params, name), name);
  const min = bound('yearMin');
  const max = bound('yearMax');
  if (min !== null || max !== null) filters.year = { min, max };
  const sort = single(params, 'sort');
  return namingParams(() => parsePublicationSearchInput({ text: single(params, 'text') ?? null, sort: sort === undefined ? null : enumValue(sort), filters }, 'params'), PUBLICATION_RANGES);
}
