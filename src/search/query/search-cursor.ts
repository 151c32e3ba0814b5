import { createHash } from 'node:crypto';
import { BadUserInputError, FieldError } from '../../common/errors/domain-error';
import { SORT_VALUE_COUNT } from './citation-order';
import { SearchAfter, SearchSort } from './search-query';
import { TextQuery } from './text-query';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const RELEVANCE = 'RELEVANCE';

/**
 * What a relevance cursor remembers of the text it ranked: its scores mean nothing for another text, so
 * paging on with one would skip or repeat hits without a word. Other sorts do not depend on the text.
 */
export function rankedTextKey(sort: string, text: TextQuery | null): string | null {
  if (sort !== RELEVANCE || !text) return null;
  return createHash('sha1').update(JSON.stringify(text.anyOf)).digest('base64url').slice(0, 12);
}

/** A position in one search's order: the shape both case and publication cursors share. */
export interface CursorPosition {
  sort: string;
  values: number[];
  id: string;
  /** rankedTextKey of the search that made it (absent from cursors made before it was kept). */
  textKey: string | null;
}

/** Opaque to clients: base64url of [sort, values, id] plus the ranked text's key when there is one. */
export function encodeCursorPosition(position: CursorPosition): string {
  const parts: unknown[] = [position.sort, position.values, position.id];
  if (position.textKey) parts.push(position.textKey);
  return Buffer.from(JSON.stringify(parts)).toString('base64url');
}

/**
 * A cursor is only valid for the sort (and, ranked by relevance, the text) it was made with; anything
 * else is the caller's mistake, reported on `path`.
 */
export function decodeCursorPosition(raw: string, sort: string, textKey: string | null, path: string): CursorPosition | FieldError {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8'));
  } catch {
    parsed = null;
  }
  if (Array.isArray(parsed) && (parsed.length === 3 || parsed.length === 4)) {
    const [cursorSort, values, id, cursorTextKey] = parsed as unknown[];
    if (cursorSort !== sort) return { path, message: `was made for sort ${String(cursorSort).slice(0, 40)}, not ${sort}: start again without "after"` };
    // Cursors made before the citation tie-break hold one sort value: their position cannot be placed exactly.
    if (Array.isArray(values) && values.length !== SORT_VALUE_COUNT) return { path, message: 'was made by an earlier version of this search: start again without "after"' };
    const wellFormed =
      Array.isArray(values) &&
      values.every((value) => typeof value === 'number' && Number.isFinite(value)) &&
      typeof id === 'string' &&
      UUID.test(id) &&
      (cursorTextKey === undefined || typeof cursorTextKey === 'string');
    if (wellFormed) {
      if (typeof cursorTextKey === 'string' && cursorTextKey !== textKey) return { path, message: 'was made for another search text: its relevance order does not continue here; start again without "after"' };
      return { sort, values: values as number[], id: id.toLowerCase(), textKey };
    }
  }
  return { path, message: 'is not a cursor returned by this API' };
}

export function encodeSearchCursor(after: SearchAfter, text: TextQuery | null): string {
  return encodeCursorPosition({ sort: after.sort, values: after.values, id: after.caseReportId, textKey: rankedTextKey(after.sort, text) });
}

/** A case search's cursor; `text` is the search's parsed text, to refuse a relevance cursor of another text. */
export function decodeSearchCursor(raw: string, sort: SearchSort, text: TextQuery | null, path = 'input.after'): SearchAfter {
  const decoded = decodeCursorPosition(raw, sort, rankedTextKey(sort, text), path);
  if ('message' in decoded) throw BadUserInputError.field(decoded.path, decoded.message);
  return { sort, values: decoded.values, caseReportId: decoded.id };
}
