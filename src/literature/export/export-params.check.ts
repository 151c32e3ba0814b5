import { AgeGroup, Anticoagulation, Outcome, PregnancyStatus, Sex } from '../../case-reports/case-report.enums';
import { CurationStatus } from '../../case-reports/curation.enums';
import { BadUserInputError, FieldError } from '../../common/errors/domain-error';
import { PublicationCaseStatus, PublicationSearchSort } from '../../search/publications/publication-search-query';
import { SearchSort } from '../../search/query/search-query';
import { EXPORT_FORMATS } from './export-format.enum';
import { LIST_PARAMS, RequestParams, SEARCH_PARAMS } from './export-request';
import { PUBLICATION_LIST_PARAMS, PUBLICATION_SEARCH_PARAMS } from './publication-export-request';

/** Parameters of GET /exports that may be repeated (lists); every other one must be given at most once. */
const REPEATABLE = new Set<string>([...LIST_PARAMS, 'publicationTypes']);

export const DOWNLOAD_PARAMS: ReadonlySet<string> = new Set<string>(['format', 'scope', 'savedSearch', ...SEARCH_PARAMS]);
/** GET /exports?scope=publications: the publication search's parameters. */
export const PUBLICATION_DOWNLOAD_PARAMS: ReadonlySet<string> = new Set<string>(['format', 'scope', ...PUBLICATION_SEARCH_PARAMS]);
const PUBLICATION_REPEATABLE = new Set<string>(PUBLICATION_LIST_PARAMS);
export const PRISMA_PARAMS: ReadonlySet<string> = new Set<string>(['review', 'format']);

/** What a parameter takes: the answer to an empty value (`format=`), which must not fall back to a default without a word. */
export type ParamValues = Readonly<Record<string, string>>;

const oneOrMore = (values: object) => `one or more of ${Object.values(values).join(', ')} (comma-separated or repeated; any case)`;
const FORMAT = `one of ${EXPORT_FORMATS.join(', ')} (any case; or leave format out for csv)`;
const SCOPE = 'cases or publications (or leave scope out for cases)';
const NUMBER = 'a number (or leave it out)';
const BOOLEAN = 'true or false (or leave it out)';
const TERMS = 'vocabulary terms (id, key or MeSH UI), comma-separated or repeated';

/** GET /exports (case reports). */
export const DOWNLOAD_VALUES: ParamValues = {
  format: FORMAT,
  scope: SCOPE,
  savedSearch: 'the id of a saved search',
  q: 'the searchCaseReports input as JSON, e.g. {"text":"hematoma"}',
  text: 'the search text (or leave text out to find every case)',
  sort: `one of ${Object.values(SearchSort).join(', ')} (any case; or leave sort out for RELEVANCE)`,
  complications: TERMS,
  procedures: TERMS,
  treatments: TERMS,
  symptoms: TERMS,
  sex: oneOrMore(Sex),
  ageGroups: oneOrMore(AgeGroup),
  pregnancyStatuses: oneOrMore(PregnancyStatus),
  anticoagulation: oneOrMore(Anticoagulation),
  outcomes: oneOrMore(Outcome),
  curationStatuses: oneOrMore(CurationStatus),
  publicationTypes: 'a publication type, e.g. Case Reports (repeat the parameter for several)',
  outcomeKnown: BOOLEAN,
  complicationsFollowProcedures: BOOLEAN,
  ...Object.fromEntries(['year', 'age', 'bloodPatchVolumeMl', 'onsetHours'].flatMap((name) => [[`${name}Min`, NUMBER], [`${name}Max`, NUMBER]])),
};

/** GET /exports?scope=publications. */
export const PUBLICATION_DOWNLOAD_VALUES: ParamValues = {
  format: FORMAT,
  scope: SCOPE,
  q: 'the searchPublications input as JSON, e.g. {"filters":{"reviews":["my review"]}}',
  text: 'the search text (or leave text out to find every publication)',
  sort: `one of ${Object.values(PublicationSearchSort).join(', ')} (any case; or leave sort out for RELEVANCE)`,
  yearMin: NUMBER,
  yearMax: NUMBER,
  languages: 'language codes, e.g. eng (comma-separated or repeated)',
  importBatches: 'import batch ids (comma-separated or repeated)',
  caseStatuses: oneOrMore(PublicationCaseStatus),
  publicationTypes: 'a publication type, e.g. Case Reports (repeat the parameter for several)',
  meshDescriptors: 'a MeSH descriptor (repeat the parameter for several)',
  journals: 'a journal (repeat the parameter for several)',
  reviews: 'a review name (repeat the parameter for several)',
};

/** GET /exports/prisma. */
export const PRISMA_VALUES: ParamValues = {
  review: 'a review name (or leave review out for every import)',
  format: 'one of csv, json, svg, png (any case; or leave format out for csv)',
};

/**
 * A misspelt filter (`outcome=DEATH` for `outcomes`) would otherwise export the whole database
 * without a word: every unknown parameter, every single-valued one given twice and every value holding a
 * NUL character is refused, all of them named in one answer. With `values` (what each parameter takes), an
 * empty or blank value (`format=`, `outcomes=`) is refused too, with what the parameter takes: it used to
 * fall back to the default (CSV, no filter) as if the parameter had been left out.
 */
export function checkExportParams(params: RequestParams, known: ReadonlySet<string>, values?: ParamValues): void {
  const repeatable = known === PUBLICATION_DOWNLOAD_PARAMS ? PUBLICATION_REPEATABLE : REPEATABLE;
  const errors: FieldError[] = [];
  for (const [name, value] of Object.entries(params)) {
    if (!known.has(name)) errors.push({ path: name, message: `is not a parameter of this endpoint (known: ${[...known].sort().join(', ')})` });
    else if (Array.isArray(value) && value.length > 1 && !repeatable.has(name)) errors.push({ path: name, message: 'is given more than once; give it once' });
    else if (value !== undefined && typeof value !== 'string' && !Array.isArray(value)) errors.push({ path: name, message: 'must be a plain value' });
    // PostgreSQL cannot hold U+0000 in text: refused here, as the GraphQL operation checks refuse it in any string input.
    else if ([value].flat().some((item) => typeof item === 'string' && item.includes('\u0000'))) errors.push({ path: name, message: 'must not contain NUL characters (\\u0000)' });
    else if (values && Object.hasOwn(values, name) && [value].flat().some((item) => typeof item === 'string' && item.trim() === '')) errors.push({ path: name, message: `must not be empty: give ${values[name]}` });
  }
  if (errors.length) throw new BadUserInputError(errors);
}
