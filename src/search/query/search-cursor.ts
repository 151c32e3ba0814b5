import { BadUserInputError } from '../../common/errors/domain-error';
import { SORT_VALUE_COUNT } from './citation-order';
import { SearchAfter, SearchSort } from './search-query';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Opaque to clients: base64url of [sort, values, id]. */
export function encodeSearchCursor(after: SearchAfter): string {
  return Buffer.from(JSON.stringify([after.sort, after.values, after.caseReportId])).toString('base64url');
}

/** A cursor is only valid for the sort it was made with; anything else is the caller's mistake. */
export function decodeSearchCursor(raw: string, sort: SearchSort, path = 'input.after'): SearchAfter {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8'));
  } catch {
    parsed = null;
  }
  if (Array.isArray(parsed) && parsed.length === 3) {
    const [cursorSort, values, id] = parsed as unknown[];
    if (cursorSort !== sort) throw BadUserInputError.field(path, `was made for sort ${String(cursorSort)}, not ${sort}: start again without "after"`);
    // Cursors made before the citation tie-break hold one sort value: their position cannot be placed exactly.
    if (Array.isArray(values) && values.length !== SORT_VALUE_COUNT) throw BadUserInputError.field(path, 'was made by an earlier version of this search: start again without "after"');
    if (Array.isArray(values) && values.every((value) => typeof value === 'number' && Number.isFinite(value)) && typeof id === 'string' && UUID.test(id)) {
      return { sort, values: values as number[], caseReportId: id.toLowerCase() };
    }
  }
  throw BadUserInputError.field(path, 'is not a cursor returned by this API');
}
