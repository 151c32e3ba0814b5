import { registerEnumType } from '@nestjs/graphql';

export enum Sex {
  FEMALE = 'FEMALE',
  MALE = 'MALE',
  UNKNOWN = 'UNKNOWN',
}

export enum AgeGroup {
  NEONATE = 'NEONATE',
  INFANT = 'INFANT',
  CHILD = 'CHILD',
  ADOLESCENT = 'ADOLESCENT',
  ADULT = 'ADULT',
  OLDER_ADULT = 'OLDER_ADULT',
  UNKNOWN = 'UNKNOWN',
}

export enum PregnancyStatus {
  PREGNANT = 'PREGNANT',
  POSTPARTUM = 'POSTPARTUM',
  NOT_PREGNANT = 'NOT_PREGNANT',
  UNKNOWN = 'UNKNOWN',
}

export enum Anticoagulation {
  NONE = 'NONE',
  ANTICOAGULANT = 'ANTICOAGULANT',
  ANTIPLATELET = 'ANTIPLATELET',
  BOTH = 'BOTH',
  UNKNOWN = 'UNKNOWN',
}

export enum Outcome {
  FULL_RECOVERY = 'FULL_RECOVERY',
  /** The report says the patient improved but not whether recovery was complete. */
  IMPROVED_UNSPECIFIED = 'IMPROVED_UNSPECIFIED',
  PARTIAL_RECOVERY = 'PARTIAL_RECOVERY',
  RESIDUAL_DEFICIT = 'RESIDUAL_DEFICIT',
  DEATH = 'DEATH',
  UNKNOWN = 'UNKNOWN',
}

registerEnumType(Sex, { name: 'Sex' });
registerEnumType(AgeGroup, { name: 'AgeGroup', description: 'Derived from the age: neonate < 28 days, infant < 1 y, child < 13, adolescent < 18, adult < 65, older adult >= 65.' });
registerEnumType(PregnancyStatus, { name: 'PregnancyStatus' });
registerEnumType(Anticoagulation, { name: 'Anticoagulation', description: 'Anticoagulant or antiplatelet exposure at the time of the procedure.' });
registerEnumType(Outcome, { name: 'Outcome' });

const NEONATE_MAX_YEARS = 28 / 365.25;

/** Age groups follow the usual paediatric/geriatric cut-offs; an unreported age is UNKNOWN, never a guess. */
export function ageGroupOf(ageYears: number | null | undefined): AgeGroup {
  if (ageYears === null || ageYears === undefined) return AgeGroup.UNKNOWN;
  if (ageYears < NEONATE_MAX_YEARS) return AgeGroup.NEONATE;
  if (ageYears < 1) return AgeGroup.INFANT;
  if (ageYears < 13) return AgeGroup.CHILD;
  if (ageYears < 18) return AgeGroup.ADOLESCENT;
  if (ageYears < 65) return AgeGroup.ADULT;
  return AgeGroup.OLDER_ADULT;
}
