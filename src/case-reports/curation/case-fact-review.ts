import { BadUserInputError } from '../../common/errors/domain-error';
import { Anticoagulation, Outcome, PregnancyStatus, Sex } from '../case-report.enums';
import { ValidCaseReport } from '../case-report-validation';
import { FactReviewAction, FactStatus } from '../curation.enums';
import { CaseFactRecord } from '../entities/case-fact-record';

/**
 * Pure rules of a curator's review of one fact of a case: accept, correct (a new value) or reject (the
 * value is removed: a scalar becomes unknown, a list item leaves its list and later items move up).
 * Facts are addressed by path ("sex", "procedures.1", "procedures.1.bloodVolumeMl", "complications.0.symptoms.2").
 */

export interface FactReview {
  path: string;
  action: FactReviewAction;
  /** For CORRECT: the new value as text (a number, an enum value, or a term id / MeSH UI / key). */
  value?: string | null;
  reviewer: string;
  at: Date;
}

type Scalar = 'ageYears' | 'sex' | 'pregnancyStatus' | 'anticoagulation' | 'outcome' | 'timeToResolutionDays' | 'followUpDays';
const ENUMS: Partial<Record<Scalar, Record<string, string>>> = { sex: Sex, pregnancyStatus: PregnancyStatus, anticoagulation: Anticoagulation, outcome: Outcome };
const NUMBERS = new Set<string>(['ageYears', 'timeToResolutionDays', 'followUpDays', 'bloodVolumeMl', 'attemptNumber', 'onsetHours', 'needleGauge']);
const LISTS = ['comorbidities', 'procedures', 'complications', 'treatments'] as const;
type ListName = (typeof LISTS)[number];
const SUB_FIELDS: Record<string, readonly string[]> = {
  procedures: ['bloodVolumeMl', 'vertebralLevel', 'attemptNumber', 'imageGuidance', 'needleGauge', 'details'],
  complications: ['onsetHours', 'diagnosis', 'details', 'symptoms'],
  treatments: ['details'],
};

interface ParsedPath {
  list?: ListName;
  index?: number;
  field?: string;
  subIndex?: number;
  scalar?: Scalar;
}

export function parseFactPath(path: string): ParsedPath | null {
  const parts = path.split('.');
  if (parts.length === 1) return ['ageYears', 'sex', 'pregnancyStatus', 'anticoagulation', 'outcome', 'timeToResolutionDays', 'followUpDays'].includes(parts[0]) ? { scalar: parts[0] as Scalar } : null;
  const [list, rawIndex, field, rawSub] = parts;
  if (!(LISTS as readonly string[]).includes(list) || !/^\d{1,3}$/.test(rawIndex) || parts.length > 4) return null;
  const index = Number(rawIndex);
  if (field === undefined) return { list: list as ListName, index };
  if (!(SUB_FIELDS[list] ?? []).includes(field)) return null;
  if (field === 'symptoms') return rawSub !== undefined && /^\d{1,3}$/.test(rawSub) ? { list: list as ListName, index, field, subIndex: Number(rawSub) } : null;
  return rawSub === undefined ? { list: list as ListName, index, field } : null;
}

function parseValue(key: string, raw: string | null | undefined, path: string): string | number {
  const value = raw?.trim();
  if (!value) throw BadUserInputError.field('input.value', `a correction of ${path} needs a value`);
  if (NUMBERS.has(key)) {
    const number = Number(value);
    if (!Number.isFinite(number)) throw BadUserInputError.field('input.value', `${path} takes a number, not "${value.slice(0, 50)}"`);
    return number;
  }
  const choices = ENUMS[key as Scalar];
  if (choices) {
    const upper = value.toUpperCase();
    if (!Object.values(choices).includes(upper)) throw BadUserInputError.field('input.value', `${path} takes one of ${Object.values(choices).join(', ')}`);
    return upper;
  }
  return value;
}

/** Moves the records and cross-references of items after a removed list item up by one. */
function renumber(records: CaseFactRecord[], list: ListName, removed: number): CaseFactRecord[] {
  const prefix = `${list}.`;
  return records.flatMap((record) => {
    if (!record.path.startsWith(prefix) || record.path.includes('#')) return [record];
    const [, rawIndex, ...rest] = record.path.split('.');
    const index = Number(rawIndex);
    if (index === removed) return [{ ...record, path: `${list}.${index}${rest.length ? `.${rest.join('.')}` : ''}#removed` }];
    if (index < removed) return [record];
    return [{ ...record, path: [list, index - 1, ...rest].join('.') }];
  });
}

export function applyFactReview(current: ValidCaseReport, records: CaseFactRecord[], review: FactReview): { next: ValidCaseReport; records: CaseFactRecord[] } {
  const parsed = parseFactPath(review.path);
  if (!parsed) throw BadUserInputError.field('input.path', `"${review.path.slice(0, 100)}" is not a fact path (e.g. sex, ageYears, procedures.0, procedures.0.bloodVolumeMl, complications.1.onsetHours, complications.0.symptoms.0, treatments.0)`);
  const next: ValidCaseReport = structuredClone(current);
  let list = parsed.list ? (next[parsed.list] as unknown[]) : null;
  if (list && (parsed.index as number) >= list.length) throw BadUserInputError.field('input.path', `the case has ${list.length} ${parsed.list}: there is no ${review.path}`);
  const existing = records.find((record) => record.path === review.path);
  if (review.action === FactReviewAction.ACCEPT && !existing) throw BadUserInputError.field('input.path', `no proposed fact at ${review.path} to accept`);
  const stamp = { reviewedBy: review.reviewer, reviewedAt: review.at.toISOString() };
  const withRecord = (status: FactStatus, value: string | null, base: CaseFactRecord[] = records): CaseFactRecord[] => {
    const kept = base.filter((record) => record.path !== review.path);
    return [...kept, { path: review.path, value, status, evidence: existing?.evidence ?? null, ...stamp }];
  };

  if (review.action === FactReviewAction.ACCEPT) return { next, records: withRecord(FactStatus.ACCEPTED, existing?.value ?? null) };

  if (parsed.scalar) {
    const key = parsed.scalar;
    const target = next as unknown as Record<string, unknown>;
    if (review.action === FactReviewAction.REJECT) {
      target[key] = ENUMS[key] ? 'UNKNOWN' : null;
      return { next, records: withRecord(FactStatus.REJECTED, null) };
    }
    const value = parseValue(key, review.value, review.path);
    target[key] = value;
    return { next, records: withRecord(FactStatus.CORRECTED, String(value)) };
  }

  const item = (list as unknown[])[parsed.index as number];
  if (parsed.field === 'symptoms') {
    const symptoms = (item as { symptoms: string[] }).symptoms;
    if ((parsed.subIndex as number) >= symptoms.length) throw BadUserInputError.field('input.path', `there is no ${review.path}`);
    if (review.action === FactReviewAction.REJECT) {
      const removed = parsed.subIndex as number;
      symptoms.splice(removed, 1);
      const prefix = `${parsed.list}.${parsed.index}.symptoms.`;
      const moved = records.map((record) => {
        if (!record.path.startsWith(prefix) || record.path.includes('#')) return record;
        const at = Number(record.path.slice(prefix.length));
        if (at === removed) return { ...record, path: `${record.path}#rejected`, status: FactStatus.REJECTED, ...stamp };
        return at > removed ? { ...record, path: `${prefix}${at - 1}` } : record;
      });
      if (!existing) moved.push({ path: `${review.path}#rejected`, value: null, status: FactStatus.REJECTED, evidence: null, ...stamp });
      return { next, records: moved };
    }
    symptoms[parsed.subIndex as number] = String(parseValue('term', review.value, review.path));
    return { next, records: withRecord(FactStatus.CORRECTED, symptoms[parsed.subIndex as number]) };
  }
  if (parsed.field) {
    const target = item as Record<string, unknown>;
    if (review.action === FactReviewAction.REJECT) {
      target[parsed.field] = null;
      return { next, records: withRecord(FactStatus.REJECTED, null) };
    }
    const value = parseValue(parsed.field, review.value, review.path);
    target[parsed.field] = value;
    return { next, records: withRecord(FactStatus.CORRECTED, String(value)) };
  }

  // A whole item of a list: its term.
  if (review.action === FactReviewAction.CORRECT) {
    const ref = String(parseValue('term', review.value, review.path));
    if (parsed.list === 'comorbidities') (list as string[])[parsed.index as number] = ref;
    else (item as { term: string }).term = ref;
    return { next, records: withRecord(FactStatus.CORRECTED, ref) };
  }
  const removed = parsed.index as number;
  list = list as unknown[];
  list.splice(removed, 1);
  if (parsed.list === 'procedures') {
    for (const complication of next.complications) {
      if (complication.procedureIndex === removed) complication.procedureIndex = null;
      else if (complication.procedureIndex !== null && complication.procedureIndex > removed) complication.procedureIndex -= 1;
    }
  }
  if (parsed.list === 'complications') {
    for (const treatment of next.treatments) {
      if (treatment.complicationIndex === removed) treatment.complicationIndex = null;
      else if (treatment.complicationIndex !== null && treatment.complicationIndex > removed) treatment.complicationIndex -= 1;
    }
  }
  // The rejected item's records stay in the history under "<path>#rejected"; later items move up.
  const moved = renumber(records, parsed.list as ListName, removed).map((record) =>
    record.path.endsWith('#removed') ? { ...record, path: record.path.replace('#removed', '#rejected'), status: record.path === `${review.path}#removed` ? FactStatus.REJECTED : record.status, ...(record.path === `${review.path}#removed` ? stamp : {}) } : record,
  );
  if (!existing) moved.push({ path: `${review.path}#rejected`, value: null, status: FactStatus.REJECTED, evidence: null, ...stamp });
  return { next, records: moved };
}
