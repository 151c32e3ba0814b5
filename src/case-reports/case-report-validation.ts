import { z } from 'zod';
import { parseOrThrow } from '../common/validation';
import { Anticoagulation, Outcome, PregnancyStatus, Sex } from './case-report.enums';
import { CreateCaseReportInput } from './inputs/case-report.input';

const text = (max: number) => z.string().trim().max(max).nullish().transform((value) => value || null);
const nonNegative = (max: number, unit: string) => z.number().min(0, 'must not be negative').max(max, `must be at most ${max} ${unit}`).nullish().transform((v) => v ?? null);
const termRef = z.string().trim().min(1, 'must name a term');

const procedure = z.object({
  term: termRef,
  details: text(5000),
  bloodVolumeMl: nonNegative(500, 'mL'),
  vertebralLevel: text(32),
  attemptNumber: z.number().int().min(1, 'must be 1 or more').max(100).nullish().transform((v) => v ?? null),
  imageGuidance: text(64),
  needleGauge: z.number().int().min(10, 'must be a gauge between 10 and 32').max(32, 'must be a gauge between 10 and 32').nullish().transform((v) => v ?? null),
});

const complication = z.object({
  term: termRef,
  procedureIndex: z.number().int().min(0).nullish().transform((v) => v ?? null),
  onsetHours: nonNegative(24 * 365 * 5, 'hours'),
  diagnosis: text(2000),
  details: text(5000),
  symptoms: z.array(termRef).max(100).nullish().transform((v) => v ?? []),
});

const treatment = z.object({
  term: termRef,
  complicationIndex: z.number().int().min(0).nullish().transform((v) => v ?? null),
  details: text(5000),
});

const caseShape = {
  publicationId: z.uuid('must be a publication id'),
  label: z.string().trim().min(1, 'must not be empty').max(200),
  summary: text(20_000),
  ageYears: nonNegative(130, 'years'),
  sex: z.enum(Sex).default(Sex.UNKNOWN),
  pregnancyStatus: z.enum(PregnancyStatus).default(PregnancyStatus.UNKNOWN),
  anticoagulation: z.enum(Anticoagulation).default(Anticoagulation.UNKNOWN),
  comorbidities: z.array(termRef).max(100).nullish().transform((v) => v ?? []),
  procedures: z.array(procedure).max(50).nullish().transform((v) => v ?? []),
  complications: z.array(complication).max(50).nullish().transform((v) => v ?? []),
  treatments: z.array(treatment).max(50).nullish().transform((v) => v ?? []),
  outcome: z.enum(Outcome).default(Outcome.UNKNOWN),
  outcomeDetails: text(5000),
  timeToResolutionDays: nonNegative(365 * 50, 'days'),
  followUpDays: nonNegative(365 * 50, 'days'),
};

/** Ages (years) at which a pregnant or postpartum patient is plausible; outside it the record is almost surely a data-entry slip. */
export const PREGNANCY_AGE_RANGE = { min: 10, max: 60 } as const;

/** Cross-field rules: indexes point inside their lists; a male patient, or one younger than 10 or older than 60, is not pregnant. */
function checkLinks(value: { sex?: Sex; ageYears?: number | null; pregnancyStatus?: PregnancyStatus; procedures?: unknown[]; complications?: { procedureIndex: number | null }[]; treatments?: { complicationIndex: number | null }[] }, ctx: z.RefinementCtx) {
  value.complications?.forEach((item, index) => {
    if (item.procedureIndex !== null && item.procedureIndex >= (value.procedures?.length ?? 0)) {
      ctx.addIssue({ code: 'custom', path: ['complications', index, 'procedureIndex'], message: `points to procedure ${item.procedureIndex}, but there are ${value.procedures?.length ?? 0} procedures` });
    }
  });
  value.treatments?.forEach((item, index) => {
    if (item.complicationIndex !== null && item.complicationIndex >= (value.complications?.length ?? 0)) {
      ctx.addIssue({ code: 'custom', path: ['treatments', index, 'complicationIndex'], message: `points to complication ${item.complicationIndex}, but there are ${value.complications?.length ?? 0} complications` });
    }
  });
  if (value.sex === Sex.MALE && (value.pregnancyStatus === PregnancyStatus.PREGNANT || value.pregnancyStatus === PregnancyStatus.POSTPARTUM)) {
    ctx.addIssue({ code: 'custom', path: ['pregnancyStatus'], message: 'cannot be pregnant or postpartum for a male patient' });
  }
  const age = value.ageYears;
  if ((value.pregnancyStatus === PregnancyStatus.PREGNANT || value.pregnancyStatus === PregnancyStatus.POSTPARTUM) && typeof age === 'number' && age >= 0 && age <= 130 && (age < PREGNANCY_AGE_RANGE.min || age > PREGNANCY_AGE_RANGE.max)) {
    ctx.addIssue({ code: 'custom', path: ['ageYears'], message: `must be between ${PREGNANCY_AGE_RANGE.min} and ${PREGNANCY_AGE_RANGE.max} (or unknown) for a patient whose pregnancyStatus is ${value.pregnancyStatus}` });
  }
}

const createSchema = z.object(caseShape).superRefine(checkLinks);
const updateSchema = z.object(caseShape).partial().superRefine(checkLinks);

export type ValidCaseReport = z.output<typeof createSchema>;

export function validateCreateCaseReport(input: CreateCaseReportInput, path = 'input'): ValidCaseReport {
  return parseOrThrow(createSchema, input, path);
}

export function validateUpdateCaseReport(input: Partial<CreateCaseReportInput>, current: ValidCaseReport, path = 'input'): ValidCaseReport {
  const given = Object.fromEntries(Object.entries(input).filter(([, value]) => value !== undefined));
  // Validate the merged record, so cross-field rules (indexes, sex vs pregnancy) see the result of the update.
  parseOrThrow(updateSchema, given, path);
  return parseOrThrow(createSchema, { ...current, ...given }, path);
}
