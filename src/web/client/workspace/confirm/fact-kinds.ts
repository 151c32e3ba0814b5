/**
 * What a fact path of a case is, for the confirm view: its label, and how a curator corrects it
 * (a vocabulary term by type-ahead, a number with a unit, one of an enum's values, or free text).
 * Pure, so the table is tested without a browser; the API stays the judge of what is valid.
 */
import { enumLabel } from '../../labels';

export type TermKind = 'COMPLICATION' | 'PROCEDURE' | 'TREATMENT' | 'SYMPTOM' | 'COMORBIDITY';

export type FactEditor =
  | { kind: 'term'; termKind: TermKind }
  | { kind: 'number'; units: string[] }
  | { kind: 'count' }
  | { kind: 'enum'; values: string[] }
  | { kind: 'text' };

export interface FactKind {
  label: string;
  editor: FactEditor;
}

const AGE_UNITS = ['years', 'months', 'weeks', 'days'];
const TIME_UNITS = ['hours', 'minutes', 'days', 'weeks', 'months'];
const DAY_UNITS = ['days', 'hours', 'weeks', 'months', 'years'];

export const ENUM_VALUES: Record<string, string[]> = {
  sex: ['FEMALE', 'MALE', 'UNKNOWN'],
  pregnancyStatus: ['PREGNANT', 'POSTPARTUM', 'NOT_PREGNANT', 'UNKNOWN'],
  anticoagulation: ['NONE', 'ANTICOAGULANT', 'ANTIPLATELET', 'BOTH', 'UNKNOWN'],
  outcome: ['FULL_RECOVERY', 'PARTIAL_RECOVERY', 'IMPROVED_UNSPECIFIED', 'RESIDUAL_DEFICIT', 'DEATH', 'UNKNOWN'],
};

const SCALARS: Record<string, FactKind> = {
  ageYears: { label: 'Age', editor: { kind: 'number', units: AGE_UNITS } },
  sex: { label: 'Sex', editor: { kind: 'enum', values: ENUM_VALUES.sex } },
  pregnancyStatus: { label: 'Pregnancy', editor: { kind: 'enum', values: ENUM_VALUES.pregnancyStatus } },
  anticoagulation: { label: 'Anticoagulation', editor: { kind: 'enum', values: ENUM_VALUES.anticoagulation } },
  outcome: { label: 'Outcome', editor: { kind: 'enum', values: ENUM_VALUES.outcome } },
  timeToResolutionDays: { label: 'Time to resolution', editor: { kind: 'number', units: DAY_UNITS } },
  followUpDays: { label: 'Follow-up', editor: { kind: 'number', units: DAY_UNITS } },
};

const LIST_TERMS: Record<string, { label: string; termKind: TermKind }> = {
  procedures: { label: 'Procedure', termKind: 'PROCEDURE' },
  complications: { label: 'Complication', termKind: 'COMPLICATION' },
  treatments: { label: 'Treatment', termKind: 'TREATMENT' },
  comorbidities: { label: 'Comorbidity', termKind: 'COMORBIDITY' },
};

const SUB_FIELDS: Record<string, FactKind> = {
  bloodVolumeMl: { label: 'blood volume', editor: { kind: 'number', units: ['mL', 'L'] } },
  vertebralLevel: { label: 'vertebral level', editor: { kind: 'text' } },
  attemptNumber: { label: 'attempt', editor: { kind: 'count' } },
  imageGuidance: { label: 'image guidance', editor: { kind: 'text' } },
  needleGauge: { label: 'needle gauge', editor: { kind: 'count' } },
  details: { label: 'details', editor: { kind: 'text' } },
  onsetHours: { label: 'onset', editor: { kind: 'number', units: TIME_UNITS } },
  diagnosis: { label: 'diagnosis', editor: { kind: 'text' } },
};

/** The stored unit of a number field: the unit a bare number is read in. */
export const STORED_UNIT: Record<string, string> = { ageYears: 'years', timeToResolutionDays: 'days', followUpDays: 'days', bloodVolumeMl: 'mL', onsetHours: 'hours' };

/** Kind of a fact path, or null for paths the view does not edit (rejected items' "#rejected" records). */
export function factKind(path: string): FactKind | null {
  if (path.includes('#')) return null;
  if (SCALARS[path]) return SCALARS[path];
  const [list, rawIndex, field, rawSub] = path.split('.');
  const term = LIST_TERMS[list];
  if (!term || !/^\d+$/.test(rawIndex ?? '')) return null;
  const n = Number(rawIndex) + 1;
  if (field === undefined) return { label: `${term.label} ${n}`, editor: { kind: 'term', termKind: term.termKind } };
  if (field === 'symptoms' && /^\d+$/.test(rawSub ?? '')) return { label: `Symptom ${Number(rawSub) + 1} of complication ${n}`, editor: { kind: 'term', termKind: 'SYMPTOM' } };
  const sub = SUB_FIELDS[field];
  if (!sub || rawSub !== undefined) return null;
  return { label: `${term.label} ${n}: ${sub.label}`, editor: sub.editor };
}

/** The last named part of a path ("procedures.0.bloodVolumeMl" → bloodVolumeMl), as the API's units table has it. */
export function leafOf(path: string): string {
  const named = path.split('.').filter((part) => !/^\d+$/.test(part));
  return named[named.length - 1] ?? path;
}

/** A fact's value as a person reads it: enum labels, numbers with the stored unit, terms by their label when known. */
export function displayFactValue(path: string, value: string | null, termLabel?: string | null): string {
  if (value === null) return 'none';
  const kind = factKind(path);
  if (!kind) return value;
  if (kind.editor.kind === 'enum') return enumLabel(value);
  if (kind.editor.kind === 'term') return termLabel ?? value;
  if (kind.editor.kind === 'number') {
    const unit = STORED_UNIT[leafOf(path)];
    return unit ? `${value} ${unit}` : value;
  }
  return value;
}

/** What a curator can add from selected words: a list to add a term to, or a value to set. */
export interface AddableFact {
  /** The API's addCaseFact path. */
  path: string;
  label: string;
  editor: FactEditor;
}

/** The facts one patient can take from a selection, given how many procedures and complications it has. */
export function addableFacts(procedures: number, complications: number): AddableFact[] {
  const facts: AddableFact[] = [
    { path: 'complications', label: 'A complication', editor: { kind: 'term', termKind: 'COMPLICATION' } },
    { path: 'procedures', label: 'A procedure', editor: { kind: 'term', termKind: 'PROCEDURE' } },
    { path: 'treatments', label: 'A treatment', editor: { kind: 'term', termKind: 'TREATMENT' } },
    { path: 'comorbidities', label: 'A comorbidity', editor: { kind: 'term', termKind: 'COMORBIDITY' } },
  ];
  for (let i = 0; i < complications; i++) facts.push({ path: `complications.${i}.symptoms`, label: `A symptom of complication ${i + 1}`, editor: { kind: 'term', termKind: 'SYMPTOM' } });
  for (const path of Object.keys(SCALARS)) facts.push({ path, label: SCALARS[path].label, editor: SCALARS[path].editor });
  for (let i = 0; i < procedures; i++) facts.push({ path: `procedures.${i}.bloodVolumeMl`, label: `Procedure ${i + 1}: blood volume`, editor: SUB_FIELDS.bloodVolumeMl.editor });
  for (let i = 0; i < complications; i++) facts.push({ path: `complications.${i}.onsetHours`, label: `Complication ${i + 1}: onset`, editor: SUB_FIELDS.onsetHours.editor });
  return facts;
}
