import { BadUserInputError } from '../../common/errors/domain-error';
import { Anticoagulation, Outcome, PregnancyStatus, Sex } from '../../case-reports/case-report.enums';
import { CaseFactRecord } from '../../case-reports/entities/case-fact-record';
import { CaseSnapshot, LIST_FIELDS, sameValue } from './case-snapshot';

/** Facts about the patient that are one value each; splitting moves the value, leaving "unknown" behind. */
const PATIENT_SCALARS = ['ageYears', 'sex', 'pregnancyStatus', 'anticoagulation', 'outcome', 'outcomeDetails', 'timeToResolutionDays', 'followUpDays'] as const;
type PatientScalar = (typeof PATIENT_SCALARS)[number];
type ListName = (typeof LIST_FIELDS)[number];

const UNKNOWN: Record<PatientScalar, unknown> = {
  ageYears: null,
  sex: Sex.UNKNOWN,
  pregnancyStatus: PregnancyStatus.UNKNOWN,
  anticoagulation: Anticoagulation.UNKNOWN,
  outcome: Outcome.UNKNOWN,
  outcomeDetails: null,
  timeToResolutionDays: null,
  followUpDays: null,
};

const isUnknown = (field: PatientScalar, value: unknown) => value === null || value === undefined || value === UNKNOWN[field];

/** A case of the same publication with nothing known yet. */
export function emptyCase(of: CaseSnapshot, label: string): CaseSnapshot {
  return { publicationId: of.publicationId, label, summary: null, comorbidities: [], procedures: [], complications: [], treatments: [], curationStatus: of.curationStatus, facts: [], ...(UNKNOWN as Pick<CaseSnapshot, PatientScalar>) } as CaseSnapshot;
}

/** Where a live fact record points: a scalar, or an item of a list (and the rest of its path). */
function locate(path: string): { scalar: string } | { list: ListName; index: number; rest: string } | null {
  if (path.includes('#')) return null;
  const [head, index, ...rest] = path.split('.');
  if ((LIST_FIELDS as readonly string[]).includes(head) && /^\d+$/.test(index ?? '')) return { list: head as ListName, index: Number(index), rest: rest.length ? `.${rest.join('.')}` : '' };
  return index === undefined ? { scalar: head } : null;
}

/**
 * Moves chosen facts of a case (whole values: "sex", "ageYears", "procedures.1", "complications.0" with
 * its symptoms, "treatments.0", "comorbidities.2") into a new case of the same publication. Links
 * (a complication's procedure, a treatment's complication) survive when both ends move or both stay.
 */
export function splitCase(original: CaseSnapshot, paths: readonly string[], label: string): { kept: CaseSnapshot; moved: CaseSnapshot } {
  if (!paths.length) throw BadUserInputError.field('input.factPaths', 'name at least one fact to move');
  const movedScalars = new Set<string>();
  const movedItems: Record<ListName, Set<number>> = { comorbidities: new Set(), procedures: new Set(), complications: new Set(), treatments: new Set() };
  const named = new Map<string, number>();
  paths.forEach((path, i) => {
    const at = locate(path);
    const where = `input.factPaths.${i}`;
    // A fact named twice is a slip in the caller's list (a double click, a stale selection): say so rather than move it once.
    const first = named.get(path);
    if (first !== undefined) throw BadUserInputError.field(where, `"${path.slice(0, 100)}" is already named at input.factPaths.${first}`);
    named.set(path, i);
    if (at && 'scalar' in at && (PATIENT_SCALARS as readonly string[]).includes(at.scalar)) {
      // Moving a value the case does not report made a new patient holding nothing.
      if (isUnknown(at.scalar as PatientScalar, original[at.scalar as PatientScalar])) throw BadUserInputError.field(where, `the case does not report ${at.scalar}: there is nothing to move`);
      movedScalars.add(at.scalar);
    }
    else if (at && 'list' in at && !at.rest) {
      if (at.index >= original[at.list].length) throw BadUserInputError.field(where, `the case has ${original[at.list].length} ${at.list}: there is no ${path}`);
      movedItems[at.list].add(at.index);
    } else throw BadUserInputError.field(where, `"${path.slice(0, 100)}" is not a whole fact to move (one of ${PATIENT_SCALARS.join(', ')}, or a list item such as procedures.0 or complications.1)`);
  });
  const kept = structuredClone(original);
  const moved = emptyCase(original, label);
  for (const field of movedScalars) {
    (moved as unknown as Record<string, unknown>)[field] = original[field as PatientScalar];
    (kept as unknown as Record<string, unknown>)[field] = UNKNOWN[field as PatientScalar];
  }
  // Old index -> new index on each side.
  const maps = Object.fromEntries(
    LIST_FIELDS.map((list) => {
      const keptMap = new Map<number, number>();
      const movedMap = new Map<number, number>();
      original[list].forEach((_, i) => (movedItems[list].has(i) ? movedMap.set(i, movedMap.size) : keptMap.set(i, keptMap.size)));
      return [list, { kept: keptMap, moved: movedMap }];
    }),
  ) as Record<ListName, { kept: Map<number, number>; moved: Map<number, number> }>;
  const side = (which: 'kept' | 'moved') => {
    const target = which === 'kept' ? kept : moved;
    const pick = <T>(list: ListName, items: T[]) => items.filter((_, i) => maps[list][which].has(i));
    const relink = (list: ListName, index: number | null) => (index === null ? null : (maps[list][which].get(index) ?? null));
    target.comorbidities = pick('comorbidities', original.comorbidities);
    target.procedures = pick('procedures', structuredClone(original.procedures));
    target.complications = pick('complications', structuredClone(original.complications)).map((c) => ({ ...c, procedureIndex: relink('procedures', c.procedureIndex) }));
    target.treatments = pick('treatments', structuredClone(original.treatments)).map((t) => ({ ...t, complicationIndex: relink('complications', t.complicationIndex) }));
  };
  side('kept');
  side('moved');
  const keptFacts: CaseFactRecord[] = [];
  const movedFacts: CaseFactRecord[] = [];
  for (const record of original.facts) {
    const at = locate(record.path);
    if (!at) keptFacts.push(record);
    else if ('scalar' in at) (movedScalars.has(at.scalar) ? movedFacts : keptFacts).push(record);
    else if (maps[at.list].moved.has(at.index)) movedFacts.push({ ...record, path: `${at.list}.${maps[at.list].moved.get(at.index)}${at.rest}` });
    else if (maps[at.list].kept.has(at.index)) keptFacts.push({ ...record, path: `${at.list}.${maps[at.list].kept.get(at.index)}${at.rest}` });
    else keptFacts.push(record);
  }
  kept.facts = keptFacts;
  moved.facts = movedFacts;
  return { kept, moved };
}

/**
 * One patient from two of the same publication: the target keeps its values and takes the other's where
 * its own are unknown; lists are joined (the other's items after the target's, links kept). Two known,
 * different values for one fact are refused, naming them: a curator rejects the wrong one first.
 */
export function mergeCases(target: CaseSnapshot, other: CaseSnapshot): CaseSnapshot {
  if (target.publicationId !== other.publicationId) throw BadUserInputError.field('input.otherCaseReportId', 'only patients of the same publication can be merged');
  const clashes = PATIENT_SCALARS.filter((field) => !isUnknown(field, target[field]) && !isUnknown(field, other[field]) && !sameValue(target[field], other[field]));
  if (clashes.length) {
    throw new BadUserInputError(clashes.map((field) => ({ path: 'input.otherCaseReportId', message: `${field} is ${String(target[field])} in one case and ${String(other[field])} in the other: reject the wrong one first` })));
  }
  const merged = structuredClone(target);
  const fromOther = new Set<string>();
  for (const field of PATIENT_SCALARS) {
    if (isUnknown(field, target[field]) && !isUnknown(field, other[field])) {
      (merged as unknown as Record<string, unknown>)[field] = other[field];
      fromOther.add(field);
    }
  }
  const offset = { procedures: target.procedures.length, complications: target.complications.length, treatments: target.treatments.length } as Record<ListName, number>;
  const comorbidityIndex = new Map<number, number>();
  other.comorbidities.forEach((term, i) => {
    const existing = merged.comorbidities.indexOf(term);
    if (existing >= 0) comorbidityIndex.set(i, -1);
    else comorbidityIndex.set(i, merged.comorbidities.push(term) - 1);
  });
  merged.procedures.push(...structuredClone(other.procedures));
  merged.complications.push(...structuredClone(other.complications).map((c) => ({ ...c, procedureIndex: c.procedureIndex === null ? null : c.procedureIndex + offset.procedures })));
  merged.treatments.push(...structuredClone(other.treatments).map((t) => ({ ...t, complicationIndex: t.complicationIndex === null ? null : t.complicationIndex + offset.complications })));
  merged.summary = [target.summary, other.summary].filter(Boolean).join('\n\n') || null;
  for (const record of other.facts) {
    const at = locate(record.path);
    if (!at) continue;
    if ('scalar' in at) {
      if (fromOther.has(at.scalar)) merged.facts = [...merged.facts.filter((r) => r.path !== record.path), record];
    } else if (at.list === 'comorbidities') {
      const index = comorbidityIndex.get(at.index) ?? -1;
      if (index >= 0) merged.facts.push({ ...record, path: `comorbidities.${index}${at.rest}` });
    } else merged.facts.push({ ...record, path: `${at.list}.${at.index + offset[at.list]}${at.rest}` });
  }
  return merged;
}
