import type { Anticoagulation as AnticoagulationEnum, Outcome as OutcomeEnum, PregnancyStatus as PregnancyStatusEnum, Sex as SexEnum } from '../case-reports/case-report.enums';
import type { TermKind as TermKindEnum } from '../vocabulary/term-kind.enum';

/**
 * The domain enums' values, typed as those enums but without importing the enum modules at run time
 * (they register GraphQL types): the rules stay free of Nest. String enums, so the values are equal.
 */
export const Sex = { FEMALE: 'FEMALE' as SexEnum.FEMALE, MALE: 'MALE' as SexEnum.MALE, UNKNOWN: 'UNKNOWN' as SexEnum.UNKNOWN } as const;
export type Sex = SexEnum;
export const PregnancyStatus = {
  PREGNANT: 'PREGNANT' as PregnancyStatusEnum.PREGNANT,
  POSTPARTUM: 'POSTPARTUM' as PregnancyStatusEnum.POSTPARTUM,
  NOT_PREGNANT: 'NOT_PREGNANT' as PregnancyStatusEnum.NOT_PREGNANT,
  UNKNOWN: 'UNKNOWN' as PregnancyStatusEnum.UNKNOWN,
} as const;
export type PregnancyStatus = PregnancyStatusEnum;
export const Anticoagulation = {
  NONE: 'NONE' as AnticoagulationEnum.NONE,
  ANTICOAGULANT: 'ANTICOAGULANT' as AnticoagulationEnum.ANTICOAGULANT,
  ANTIPLATELET: 'ANTIPLATELET' as AnticoagulationEnum.ANTIPLATELET,
  BOTH: 'BOTH' as AnticoagulationEnum.BOTH,
  UNKNOWN: 'UNKNOWN' as AnticoagulationEnum.UNKNOWN,
} as const;
export type Anticoagulation = AnticoagulationEnum;
export const Outcome = {
  FULL_RECOVERY: 'FULL_RECOVERY' as OutcomeEnum.FULL_RECOVERY,
  IMPROVED_UNSPECIFIED: 'IMPROVED_UNSPECIFIED' as OutcomeEnum.IMPROVED_UNSPECIFIED,
  PARTIAL_RECOVERY: 'PARTIAL_RECOVERY' as OutcomeEnum.PARTIAL_RECOVERY,
  RESIDUAL_DEFICIT: 'RESIDUAL_DEFICIT' as OutcomeEnum.RESIDUAL_DEFICIT,
  DEATH: 'DEATH' as OutcomeEnum.DEATH,
  UNKNOWN: 'UNKNOWN' as OutcomeEnum.UNKNOWN,
} as const;
export type Outcome = OutcomeEnum;
export const TermKind = {
  COMPLICATION: 'COMPLICATION' as TermKindEnum.COMPLICATION,
  PROCEDURE: 'PROCEDURE' as TermKindEnum.PROCEDURE,
  TREATMENT: 'TREATMENT' as TermKindEnum.TREATMENT,
  SYMPTOM: 'SYMPTOM' as TermKindEnum.SYMPTOM,
  COMORBIDITY: 'COMORBIDITY' as TermKindEnum.COMORBIDITY,
} as const;
export type TermKind = TermKindEnum;
