import { BadUserInputError, FieldError } from './errors/domain-error';

/** Every stored record (publication, case, term, saved search, change…) is keyed by a UUID. */
const RECORD_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isRecordId(value: unknown): value is string {
  return typeof value === 'string' && RECORD_ID.test(value);
}

/** The field error for a value that cannot be a record id, or null; quoted short so a 1 MB "id" does not fill the answer. */
export function recordIdError(value: unknown, path: string, what = 'id'): FieldError | null {
  if (isRecordId(value)) return null;
  const shown = typeof value === 'string' ? `"${value.slice(0, 80)}${value.length > 80 ? '…' : ''}"` : String(value);
  return { path, message: `${shown} is not a valid ${what} (expected a UUID)` };
}

/**
 * Ids inside input objects do not pass through the argument pipe, and PostgreSQL refuses a malformed
 * uuid with an error: check them here so the caller gets BAD_USER_INPUT naming the field, not a database error.
 */
export function assertRecordIds(entries: [value: unknown, path: string][], what = 'id'): void {
  const errors = entries.map(([value, path]) => recordIdError(value, path, what)).filter((error): error is FieldError => error !== null);
  if (errors.length) throw new BadUserInputError(errors);
}
