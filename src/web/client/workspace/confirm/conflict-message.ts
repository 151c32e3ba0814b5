/**
 * A stale save explained: the API refuses a change made from an older version of a case (CONFLICT)
 * and lists the changes made since; the curator sees who changed what, from what, to what, and
 * reloads before saving again. Nothing is silently overwritten.
 */
import type { GraphqlErrorEntry } from '../../graphql-client';
import { enumLabel } from '../../labels';

export interface ChangeSince {
  version: number;
  operation: string;
  path: string | null;
  oldValue: string | null;
  newValue: string | null;
  changedBy: string | null;
  changedAt: string;
}

export interface ConflictNotice {
  heading: string;
  changes: string[];
  message: string;
}

/** "ACCEPT_FACT" → "accepted", for a sentence about a change. */
const VERBS: Record<string, string> = {
  ACCEPT_FACT: 'accepted',
  CORRECT_FACT: 'corrected',
  REJECT_FACT: 'rejected',
  ADD_FACT: 'added',
  CONFIRM: 'marked the case curated',
  REJECT_CASE: 'rejected the patient',
  UPDATE: 'edited the case',
  UNDO: 'undid a change of',
  SPLIT: 'split the case',
  MERGE: 'merged another patient into the case',
  ADD_PATIENT: 'added the patient',
  DELETE: 'deleted the case',
};

const shown = (value: string | null) => (value === null || value === '' ? 'nothing' : `“${value}”`);

/** One change as a sentence: `curator-b corrected ageYears from “31” to “32” (version 3)`. */
export function describeChangeSince(change: ChangeSince): string {
  const who = change.changedBy ?? 'Someone';
  const verb = VERBS[change.operation] ?? enumLabel(change.operation).toLowerCase();
  const kept = change.operation === 'ACCEPT_FACT' || change.oldValue === change.newValue;
  const what = !change.path || change.path === 'curationStatus' ? '' : kept ? ` ${change.path} ${shown(change.newValue)}` : ` ${change.path} from ${shown(change.oldValue)} to ${shown(change.newValue)}`;
  return `${who} ${verb}${what} (version ${change.version})`;
}

/** The notice for a CONFLICT error, or null for any other error. */
export function conflictNotice(errors: readonly GraphqlErrorEntry[]): ConflictNotice | null {
  const conflict = errors.find((error) => error.extensions?.code === 'CONFLICT');
  if (!conflict) return null;
  const since = Array.isArray(conflict.extensions?.changesSince) ? (conflict.extensions?.changesSince as ChangeSince[]) : [];
  const current = conflict.extensions?.currentVersion;
  const heading =
    typeof current === 'number'
      ? `Not saved: someone changed this case since you opened it (it is now at version ${current}).`
      : 'Not saved: the case changed since you opened it.';
  return { heading, changes: since.map(describeChangeSince), message: conflict.message };
}
