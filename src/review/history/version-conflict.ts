import { ConflictError } from '../../common/errors/domain-error';
import { FieldChange } from './case-snapshot';

/** A recorded change as a conflict shows it: who changed what, from what, to what. */
export interface ChangeSummary {
  id: string;
  version: number;
  operation: string;
  path: string | null;
  oldValue: string | null;
  newValue: string | null;
  changedBy: string | null;
  changedAt: string;
}

/** A stored value as a person reads it: terms by key, numbers and enum values as text, items by their term. */
export function displayValue(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (typeof value === 'object' && !Array.isArray(value) && 'term' in value) return String((value as { term: unknown }).term);
  if (typeof value === 'object' && !Array.isArray(value) && 'status' in value && 'path' in value) {
    const record = value as unknown as { status: string; value: unknown };
    return `${record.status}${record.value === null || record.value === undefined ? '' : ` ${String(record.value)}`}`;
  }
  return JSON.stringify(value);
}

/** The one-line story of a change, e.g. `curator-b CORRECT_FACT sex: MALE → FEMALE (version 4)`. */
export function describeChange(change: ChangeSummary): string {
  const what = change.path ? ` ${change.path}: ${change.oldValue ?? '∅'} → ${change.newValue ?? '∅'}` : '';
  return `${change.changedBy ?? 'someone'} ${change.operation}${what} (version ${change.version})`;
}

/**
 * The expected version is the one the client read. A different current version means someone saved in
 * between: the write is refused with the changes made since, so the client can show them and retry.
 * With no expected version (older clients) the write goes ahead.
 */
export function isStale(expected: number | null | undefined, current: number): expected is number {
  return expected !== null && expected !== undefined && expected !== current;
}

/** Refuses a write made from a stale version, listing the changes recorded after the version the client read. */
export function checkVersion(caseReportId: string, expected: number | null | undefined, current: number, changesSince: readonly ChangeSummary[]): void {
  if (!isStale(expected, current)) return;
  const changes = changesSince.filter((change) => change.version > expected);
  const story = changes.length ? `: ${changes.map(describeChange).join('; ')}` : '';
  throw new ConflictError(`case report ${caseReportId} is at version ${current}, not ${expected}: it changed since you read it${story}. Reload it, check these changes and save again.`, {
    caseReportId,
    expectedVersion: expected,
    currentVersion: current,
    changesSince: changes,
  });
}

/** The change's own story: the fact path it targeted, with the values before and after. */
export function headlineOf(fields: readonly FieldChange[], path: string | null, before: unknown, after: unknown): { oldValue: string | null; newValue: string | null } {
  if (path) return { oldValue: displayValue(before), newValue: displayValue(after) };
  if (fields.length === 1) return { oldValue: displayValue(fields[0].old), newValue: displayValue(fields[0].new) };
  return { oldValue: null, newValue: null };
}
