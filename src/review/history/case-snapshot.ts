import { ValidCaseReport } from '../../case-reports/case-report-validation';
import { CurationStatus } from '../../case-reports/curation.enums';
import { CaseFactRecord } from '../../case-reports/entities/case-fact-record';

/**
 * A case as the history sees it: every field a curator can change, terms by key, the curation status
 * and the fact records. Plain JSON, so two snapshots compare with `sameValue` and a change stores the
 * values it replaced.
 */
export type CaseSnapshot = ValidCaseReport & { curationStatus: CurationStatus; facts: CaseFactRecord[] };

/** What one field held before and after a change. `null` means absent (a fact record that did not exist). */
export interface FieldChange {
  /**
   * The unit of a change: a scalar ("sex", "curationStatus"), one list item ("procedures.1") or a
   * whole list when its length changed ("procedures"), or one fact record ("facts[procedures.1.bloodVolumeMl]").
   */
  field: string;
  old: unknown;
  new: unknown;
}

export const SCALAR_FIELDS = ['publicationId', 'label', 'summary', 'ageYears', 'sex', 'pregnancyStatus', 'anticoagulation', 'outcome', 'outcomeDetails', 'timeToResolutionDays', 'followUpDays', 'curationStatus'] as const;
export const LIST_FIELDS = ['comorbidities', 'procedures', 'complications', 'treatments'] as const;
type ListField = (typeof LIST_FIELDS)[number];

const FACT = /^facts\[(.+)\]$/;
const ITEM = /^(comorbidities|procedures|complications|treatments)\.(\d+)$/;

/** Deep equality of JSON values (key order ignored). */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a === null || b === null || a === undefined || b === undefined) return (a ?? null) === (b ?? null);
  if (typeof a !== 'object' || typeof b !== 'object') return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) return a.length === (b as unknown[]).length && a.every((item, i) => sameValue(item, (b as unknown[])[i]));
  const keysA = Object.keys(a as object).filter((key) => (a as Record<string, unknown>)[key] !== undefined);
  const keysB = Object.keys(b as object).filter((key) => (b as Record<string, unknown>)[key] !== undefined);
  return keysA.length === keysB.length && keysA.every((key) => sameValue((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]));
}

const factsByPath = (facts: readonly CaseFactRecord[]) => new Map(facts.map((record) => [record.path, record]));

/** The field-level differences between two snapshots of one case, in a stable order. */
export function diffSnapshots(before: CaseSnapshot, after: CaseSnapshot): FieldChange[] {
  const changes: FieldChange[] = [];
  for (const field of SCALAR_FIELDS) {
    if (!sameValue(before[field], after[field])) changes.push({ field, old: before[field] ?? null, new: after[field] ?? null });
  }
  for (const list of LIST_FIELDS) {
    const a = before[list] as unknown[];
    const b = after[list] as unknown[];
    if (a.length !== b.length) {
      changes.push({ field: list, old: a, new: b });
      continue;
    }
    a.forEach((item, i) => {
      if (!sameValue(item, b[i])) changes.push({ field: `${list}.${i}`, old: item, new: b[i] });
    });
  }
  const oldFacts = factsByPath(before.facts);
  const newFacts = factsByPath(after.facts);
  const paths = [...new Set([...oldFacts.keys(), ...newFacts.keys()])].sort();
  for (const path of paths) {
    const a = oldFacts.get(path) ?? null;
    const b = newFacts.get(path) ?? null;
    if (!sameValue(a, b)) changes.push({ field: `facts[${path}]`, old: a, new: b });
  }
  return changes;
}

/** What a snapshot holds in one unit of change (null when absent). */
export function readField(snapshot: CaseSnapshot, field: string): unknown {
  const fact = FACT.exec(field);
  if (fact) return snapshot.facts.find((record) => record.path === fact[1]) ?? null;
  const item = ITEM.exec(field);
  if (item) return (snapshot[item[1] as ListField] as unknown[])[Number(item[2])] ?? null;
  if ((LIST_FIELDS as readonly string[]).includes(field)) return snapshot[field as ListField];
  if ((SCALAR_FIELDS as readonly string[]).includes(field)) return snapshot[field as (typeof SCALAR_FIELDS)[number]] ?? null;
  throw new Error(`unknown field of a case: ${field}`);
}

/** A copy of the snapshot with one unit of change set to a value (null removes a fact record). */
export function writeField(snapshot: CaseSnapshot, field: string, value: unknown): CaseSnapshot {
  const next = structuredClone(snapshot);
  const fact = FACT.exec(field);
  if (fact) {
    const kept = next.facts.filter((record) => record.path !== fact[1]);
    next.facts = value === null || value === undefined ? kept : [...kept, structuredClone(value) as CaseFactRecord];
    return next;
  }
  const item = ITEM.exec(field);
  if (item) {
    const list = next[item[1] as ListField] as unknown[];
    const index = Number(item[2]);
    if (index >= list.length) throw new Error(`${field} is out of range`);
    list[index] = structuredClone(value);
    return next;
  }
  (next as unknown as Record<string, unknown>)[field] = structuredClone(value);
  return next;
}

/** Two units of change overlap when one is the other or contains it ("procedures" contains "procedures.1"). */
export function fieldsOverlap(a: string, b: string): boolean {
  if (a === b) return true;
  const listOf = (field: string) => ITEM.exec(field)?.[1];
  return listOf(a) === b || listOf(b) === a;
}

/**
 * The value of a fact path ("sex", "procedures.1.bloodVolumeMl", "complications.0.symptoms.1",
 * "treatments.0", "curationStatus") in a snapshot, for showing a change; undefined when the case has none.
 */
export function valueAtPath(snapshot: CaseSnapshot, path: string): unknown {
  let value: unknown = snapshot;
  for (const part of path.split('.')) {
    if (value === null || value === undefined || typeof value !== 'object') return undefined;
    value = (value as Record<string, unknown>)[part];
  }
  return value;
}
