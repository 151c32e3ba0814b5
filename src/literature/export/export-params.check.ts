import { BadUserInputError, FieldError } from '../../common/errors/domain-error';
import { LIST_PARAMS, RequestParams, SEARCH_PARAMS } from './export-request';
import { PUBLICATION_LIST_PARAMS, PUBLICATION_SEARCH_PARAMS } from './publication-export-request';

/** Parameters of GET /exports that may be repeated (lists); every other one must be given at most once. */
const REPEATABLE = new Set<string>([...LIST_PARAMS, 'publicationTypes']);

export const DOWNLOAD_PARAMS: ReadonlySet<string> = new Set<string>(['format', 'scope', 'savedSearch', ...SEARCH_PARAMS]);
/** GET /exports?scope=publications: the publication search's parameters. */
export const PUBLICATION_DOWNLOAD_PARAMS: ReadonlySet<string> = new Set<string>(['format', 'scope', ...PUBLICATION_SEARCH_PARAMS]);
const PUBLICATION_REPEATABLE = new Set<string>(PUBLICATION_LIST_PARAMS);
export const PRISMA_PARAMS: ReadonlySet<string> = new Set<string>(['review', 'format']);

/**
 * A misspelt filter (`outcome=DEATH` for `outcomes`) would otherwise export the whole database
 * without a word: every unknown parameter, every single-valued one given twice and every value holding a
 * NUL character is refused, all of them named in one answer.
 */
export function checkExportParams(params: RequestParams, known: ReadonlySet<string>): void {
  const repeatable = known === PUBLICATION_DOWNLOAD_PARAMS ? PUBLICATION_REPEATABLE : REPEATABLE;
  const errors: FieldError[] = [];
  for (const [name, value] of Object.entries(params)) {
    if (!known.has(name)) errors.push({ path: name, message: `is not a parameter of this endpoint (known: ${[...known].sort().join(', ')})` });
    else if (Array.isArray(value) && value.length > 1 && !repeatable.has(name)) errors.push({ path: name, message: 'is given more than once; give it once' });
    else if (value !== undefined && typeof value !== 'string' && !Array.isArray(value)) errors.push({ path: name, message: 'must be a plain value' });
    // PostgreSQL cannot hold U+0000 in text: refused here, as the GraphQL operation checks refuse it in any string input.
    else if ([value].flat().some((item) => typeof item === 'string' && item.includes('\u0000'))) errors.push({ path: name, message: 'must not contain NUL characters (\\u0000)' });
  }
  if (errors.length) throw new BadUserInputError(errors);
}
