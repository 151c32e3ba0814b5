import { CaseSnapshot, FieldChange, fieldsOverlap, readField, sameValue, writeField } from './case-snapshot';

/** A recorded change as the undo rules need it. */
export interface RecordedChange {
  id: string;
  version: number;
  operation: string;
  fields: FieldChange[];
}

export type UndoPlan<C extends RecordedChange> =
  | { ok: true; next: CaseSnapshot; fields: FieldChange[] }
  | { ok: false; reason: 'NOT_UNDOABLE' }
  | { ok: false; reason: 'NOTHING_TO_UNDO' }
  | { ok: false; reason: 'CHANGED_SINCE'; staleFields: string[]; changedSince: C[] };

/** Operations that move facts between cases or create or remove a case: undone by the opposite operation, not by undo. */
export const NOT_UNDOABLE = new Set(['SPLIT', 'MERGE', 'ADD_PATIENT', 'DELETE']);

/**
 * Reverts one change when every field it touched still holds the value it wrote; otherwise names the
 * fields that moved on and the later changes that moved them (nothing is silently overwritten).
 */
export function planUndo<C extends RecordedChange>(current: CaseSnapshot, change: C, later: readonly C[]): UndoPlan<C> {
  if (NOT_UNDOABLE.has(change.operation)) return { ok: false, reason: 'NOT_UNDOABLE' };
  if (!change.fields.length) return { ok: false, reason: 'NOTHING_TO_UNDO' };
  const staleFields = change.fields.filter((field) => !sameValue(readField(current, field.field), field.new)).map((field) => field.field);
  if (staleFields.length) {
    const changedSince = later.filter((other) => other.version > change.version && other.fields.some((field) => staleFields.some((stale) => fieldsOverlap(stale, field.field))));
    return { ok: false, reason: 'CHANGED_SINCE', staleFields, changedSince };
  }
  let next = current;
  for (const field of change.fields) next = writeField(next, field.field, field.old);
  return { ok: true, next, fields: change.fields.map((field) => ({ field: field.field, old: field.new, new: field.old })) };
}
