/**
 * GET /exports and the CLI take the search as a JSON `q` (the searchCaseReports input) or as
 * individual parameters; both are checked here as strictly as GraphQL checks its input.
 */
import { z } from 'zod';
import { AgeGroup, Anticoagulation, Outcome, PregnancyStatus, Sex } from '../../case-reports/case-report.enums';
import { CurationStatus } from '../../case-reports/curation.enums';
import { BadUserInputError } from '../../common/errors/domain-error';
import { parseOrThrow } from '../../common/validation';
import { SearchCaseReportsInput } from '../../search/inputs/search-case-reports.input';
import { SearchSort } from '../../search/query/search-query';
import { EXPORT_FORMATS, ExportFormat } from './export-format.enum';

export type RequestParams = Record<string, string | string[] | undefined>;

const range = z.object({ min: z.number().nullish(), max: z.number().nullish() }).strict().nullish();
const strings = z.array(z.string()).nullish();
const filtersSchema = z
  .object({
    complications: strings,
    procedures: strings,
    treatments: strings,
    symptoms: strings,
    sex: z.array(z.enum(Sex)).nullish(),
    ageGroups: z.array(z.enum(AgeGroup)).nullish(),
    pregnancyStatuses: z.array(z.enum(PregnancyStatus)).nullish(),
    anticoagulation: z.array(z.enum(Anticoagulation)).nullish(),
    outcomes: z.array(z.enum(Outcome)).nullish(),
    curationStatuses: z.array(z.enum(CurationStatus)).nullish(),
    publicationTypes: strings,
    year: range,
    age: range,
    bloodPatchVolumeMl: range,
    onsetHours: range,
    outcomeKnown: z.boolean().nullish(),
    complicationsFollowProcedures: z.boolean().nullish(),
  })
  .strict();
/** The searchCaseReports input; paging and facets are accepted and ignored (an export is the whole result). */
export const searchInputSchema = z
  .object({ text: z.string().nullish(), prefixLastWord: z.boolean().nullish(), filters: filtersSchema.nullish(), sort: z.enum(SearchSort).nullish(), first: z.unknown().optional(), after: z.unknown().optional(), facets: z.unknown().optional() })
  .strict();

export function parseSearchInput(value: unknown, path: string): SearchCaseReportsInput {
  const parsed = parseOrThrow(searchInputSchema, value, path);
  return { text: parsed.text ?? null, ...(parsed.prefixLastWord ? { prefixLastWord: true } : {}), filters: (parsed.filters ?? null) as SearchCaseReportsInput['filters'], sort: parsed.sort ?? null };
}

/** Filter parameters that may list several values, comma-separated or repeated. Publication types only repeat ("Research Support, N.I.H., Extramural" has commas). */
export const LIST_PARAMS = ['complications', 'procedures', 'treatments', 'symptoms', 'sex', 'ageGroups', 'pregnancyStatuses', 'anticoagulation', 'outcomes', 'curationStatuses'] as const;
const RANGE_PARAMS = { year: 'year', age: 'age', bloodPatchVolumeMl: 'bloodPatchVolumeMl', onsetHours: 'onsetHours' } as const;
export const SEARCH_PARAMS: ReadonlySet<string> = new Set<string>(['q', 'text', 'sort', 'outcomeKnown', 'complicationsFollowProcedures', 'publicationTypes', ...LIST_PARAMS, ...Object.keys(RANGE_PARAMS).flatMap((name) => [`${name}Min`, `${name}Max`])]);

const all = (value: string | string[] | undefined): string[] => (value === undefined ? [] : Array.isArray(value) ? value : [value]);
const single = (params: RequestParams, name: string): string | undefined => {
  const values = all(params[name]);
  if (values.length > 1) throw BadUserInputError.field(name, 'give it once');
  return values[0];
};

function number(params: RequestParams, name: string): number | null {
  const raw = single(params, name);
  if (raw === undefined || raw.trim() === '') return null;
  const value = Number(raw);
  if (!Number.isFinite(value)) throw BadUserInputError.field(name, 'must be a number');
  return value;
}

/** The names of the search parameters given (q or individual ones). */
export function searchParamsGiven(params: RequestParams): string[] {
  return Object.keys(params).filter((name) => SEARCH_PARAMS.has(name) && params[name] !== undefined);
}

/**
 * The search given as JSON in `q`, when it is: undefined when `q` is absent; refused when it is not JSON,
 * given twice, or given with individual search parameters (`searchParams`).
 */
export function queryJson(params: RequestParams, searchParams: ReadonlySet<string>, example: string): unknown {
  const q = single(params, 'q');
  if (q === undefined) return undefined;
  const individual = Object.keys(params).filter((name) => searchParams.has(name) && name !== 'q');
  if (individual.length) throw BadUserInputError.field('q', `give the search either as q or as individual parameters, not both (also given: ${individual.join(', ')})`);
  try {
    return JSON.parse(q);
  } catch {
    throw BadUserInputError.field('q', `is not JSON (expected ${example})`);
  }
}

/** The search of a request: `q` (JSON) or individual parameters, not both. */
export function searchInputFromParams(params: RequestParams): SearchCaseReportsInput {
  const json = queryJson(params, SEARCH_PARAMS, 'the searchCaseReports input, e.g. {"text":"hematoma","filters":{"outcomes":["DEATH"]}}');
  if (json !== undefined) return parseSearchInput(json, 'q');
  const filters: Record<string, unknown> = {};
  for (const name of LIST_PARAMS) {
    const values = all(params[name]).flatMap((value) => value.split(',')).map((value) => value.trim()).filter(Boolean);
    if (values.length) filters[name] = values;
  }
  const publicationTypes = all(params.publicationTypes).map((value) => value.trim()).filter(Boolean);
  if (publicationTypes.length) filters.publicationTypes = publicationTypes;
  for (const [prefix, key] of Object.entries(RANGE_PARAMS)) {
    const min = number(params, `${prefix}Min`);
    const max = number(params, `${prefix}Max`);
    if (min !== null || max !== null) filters[key] = { min, max };
  }
  const outcomeKnown = single(params, 'outcomeKnown');
  if (outcomeKnown !== undefined) {
    if (!['true', 'false'].includes(outcomeKnown)) throw BadUserInputError.field('outcomeKnown', 'must be true or false');
    filters.outcomeKnown = outcomeKnown === 'true';
  }
  const linked = single(params, 'complicationsFollowProcedures');
  if (linked !== undefined) {
    if (!['true', 'false'].includes(linked)) throw BadUserInputError.field('complicationsFollowProcedures', 'must be true or false');
    filters.complicationsFollowProcedures = linked === 'true';
  }
  return parseSearchInput({ text: single(params, 'text') ?? null, sort: single(params, 'sort') ?? null, filters }, 'params');
}

export function exportFormatParam(raw: string | undefined, fallback = ExportFormat.CSV): ExportFormat {
  if (raw === undefined || raw === '') return fallback;
  const format = raw.trim().toLowerCase().replace(/_/g, '-');
  if (!(EXPORT_FORMATS as string[]).includes(format)) throw BadUserInputError.field('format', `must be one of ${EXPORT_FORMATS.join(', ')}`);
  return format as ExportFormat;
}
