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
import { queryNumber } from '../../common/http/query-number';
import { composeStringsInPlace } from '../../common/text/composed-text';
import { findStringProblems } from '../../graphql/nul-bytes';

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
  .object({ text: z.string().nullish(), prefixLastWord: z.boolean().nullish(), applySuggestedFilters: z.boolean().nullish(), filters: filtersSchema.nullish(), sort: z.enum(SearchSort).nullish(), first: z.unknown().optional(), after: z.unknown().optional(), facets: z.unknown().optional() })
  .strict();

export function parseSearchInput(value: unknown, path: string): SearchCaseReportsInput {
  const parsed = parseOrThrow(searchInputSchema, value, path);
  return {
    text: parsed.text ?? null,
    ...(parsed.prefixLastWord ? { prefixLastWord: true } : {}),
    // The search page's "apply the filters the text names": the export must hold what the page listed.
    ...(parsed.applySuggestedFilters ? { applySuggestedFilters: true } : {}),
    filters: (parsed.filters ?? null) as SearchCaseReportsInput['filters'],
    sort: parsed.sort ?? null,
  };
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
  return queryNumber(single(params, name), name);
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
  let json: unknown;
  try {
    json = JSON.parse(q);
  } catch {
    throw BadUserInputError.field('q', `is not JSON (expected ${example})`);
  }
  // The NUL check of the raw parameters cannot see "\u0000" written inside the JSON: decoded, it is a NUL like any other.
  const problems = findStringProblems(json, 'q');
  if (problems.length) throw new BadUserInputError(problems);
  return json;
}

/** List parameters whose values are enum values: taken in any case (`outcomes=death` is DEATH), as GraphQL writes them. */
const ENUM_LIST_PARAMS: ReadonlySet<string> = new Set(['sex', 'ageGroups', 'pregnancyStatuses', 'anticoagulation', 'outcomes', 'curationStatuses']);

/** true or false, in any case and with surrounding spaces; anything else is refused naming the parameter. */
export function booleanParam(raw: string | undefined, name: string): boolean | undefined {
  if (raw === undefined) return undefined;
  const value = raw.trim().toLowerCase();
  if (value !== 'true' && value !== 'false') throw BadUserInputError.field(name, 'must be true or false');
  return value === 'true';
}

/** An enum value (sort, enum list items) as GraphQL writes it: trimmed, upper case (`year_desc` is YEAR_DESC). */
export const enumValue = (raw: string): string => raw.trim().toUpperCase();

/**
 * The parameter a path of the search built from individual parameters stands for: `params.filters.sex.0`
 * is `sex`, `params.sort` is `sort`, `params.filters.year.min` is `yearMin` (a range as a whole: `yearMin`).
 * The user wrote parameters, not the input they are turned into.
 */
export function paramPathOf(path: string, ranges: ReadonlySet<string> = new Set(Object.keys(RANGE_PARAMS))): string {
  const parts = path.split('.');
  if (parts[0] !== 'params') return path;
  if (parts[1] !== 'filters') return parts[1] ?? path;
  const name = parts[2];
  if (!name) return 'params';
  if (ranges.has(name)) return `${name}${parts[3] === 'max' ? 'Max' : 'Min'}`;
  return name;
}

/** Runs work; a BadUserInputError on the parameters (`params.…` paths) names the parameters as written. */
export function namingParams<T>(work: () => T, ranges?: ReadonlySet<string>): T {
  try {
    return work();
  } catch (error) {
    throw renameParamErrors(error, ranges);
  }
}

/** The error with its `params.…` paths turned into parameter names (see paramPathOf); any other error as it is. */
export function renameParamErrors(error: unknown, ranges?: ReadonlySet<string>): unknown {
  if (!(error instanceof BadUserInputError) || !error.fieldErrors.some((item) => item.path.startsWith('params'))) return error;
  return new BadUserInputError(error.fieldErrors.map((item) => ({ ...item, path: paramPathOf(item.path, ranges) })));
}

/** The search of a request: `q` (JSON) or individual parameters, not both; its text composed as GraphQL's is (composed-text.ts). */
export function searchInputFromParams(params: RequestParams): SearchCaseReportsInput {
  return composedInput(readSearchInput(params));
}

/** The strings of a search read from a download's parameters, composed (NFC) as every GraphQL string is. */
export function composedInput<T extends object>(input: T): T {
  composeStringsInPlace(input as Record<string, unknown>);
  return input;
}

function readSearchInput(params: RequestParams): SearchCaseReportsInput {
  const json = queryJson(params, SEARCH_PARAMS, 'the searchCaseReports input, e.g. {"text":"hematoma","filters":{"outcomes":["DEATH"]}}');
  if (json !== undefined) return parseSearchInput(json, 'q');
  const filters: Record<string, unknown> = {};
  for (const name of LIST_PARAMS) {
    const values = all(params[name]).flatMap((value) => value.split(',')).map((value) => value.trim()).filter(Boolean);
    if (values.length) filters[name] = ENUM_LIST_PARAMS.has(name) ? values.map(enumValue) : values;
  }
  const publicationTypes = all(params.publicationTypes).map((value) => value.trim()).filter(Boolean);
  if (publicationTypes.length) filters.publicationTypes = publicationTypes;
  for (const [prefix, key] of Object.entries(RANGE_PARAMS)) {
    const min = number(params, `${prefix}Min`);
    const max = number(params, `${prefix}Max`);
    if (min !== null || max !== null) filters[key] = { min, max };
  }
  for (const name of ['outcomeKnown', 'complicationsFollowProcedures'] as const) {
    const value = booleanParam(single(params, name), name);
    if (value !== undefined) filters[name] = value;
  }
  const sort = single(params, 'sort');
  return namingParams(() => parseSearchInput({ text: single(params, 'text') ?? null, sort: sort === undefined ? null : enumValue(sort), filters }, 'params'));
}

/**
 * The export format: absent is `fallback` (CSV); given, it is read trimmed and in any case (`RIS`, `csl_json`),
 * and an empty value is refused (it used to export CSV without a word).
 */
export function exportFormatParam(raw: string | undefined, fallback = ExportFormat.CSV): ExportFormat {
  if (raw === undefined) return fallback;
  const format = raw.trim().toLowerCase().replace(/_/g, '-');
  if (!format) throw BadUserInputError.field('format', `must not be empty: give one of ${EXPORT_FORMATS.join(', ')} (or leave format out for ${fallback})`);
  if (!(EXPORT_FORMATS as string[]).includes(format)) throw BadUserInputError.field('format', `must be one of ${EXPORT_FORMATS.join(', ')}`);
  return format as ExportFormat;
}
