import { registerEnumType } from '@nestjs/graphql';
import { MatchingCase } from '../../search/matching-documents';

/** The numbers a search's cases can be summarised by. */
export enum NumericField {
  AGE = 'AGE',
  ONSET_HOURS = 'ONSET_HOURS',
  BLOOD_PATCH_VOLUME = 'BLOOD_PATCH_VOLUME',
  FOLLOW_UP_DAYS = 'FOLLOW_UP_DAYS',
  TIME_TO_RESOLUTION_DAYS = 'TIME_TO_RESOLUTION_DAYS',
}

registerEnumType(NumericField, {
  name: 'NumericField',
  description:
    'AGE (years), ONSET_HOURS (hours from a procedure to each complication with a reported onset), BLOOD_PATCH_VOLUME (ml of each epidural blood patch with a reported volume), FOLLOW_UP_DAYS, TIME_TO_RESOLUTION_DAYS.',
});

export interface NumericFieldDefinition {
  unit: string;
  /** Default histogram bucket width, in the unit. */
  interval: number;
  /** Several values per case (every complication's onset, every patch's volume). */
  perCase: 'one' | 'several';
  /** The case's values (empty: not reported). Read from the same document the engines index, or the case row. */
  valuesOf(matching: MatchingCase): number[];
}

const one = (value: number | null): number[] => (value === null || value === undefined ? [] : [value]);

export const NUMERIC_FIELDS: Record<NumericField, NumericFieldDefinition> = {
  AGE: { unit: 'years', interval: 10, perCase: 'one', valuesOf: ({ document }) => one(document.ageYears) },
  ONSET_HOURS: { unit: 'hours', interval: 24, perCase: 'several', valuesOf: ({ document }) => document.onsetHours },
  BLOOD_PATCH_VOLUME: { unit: 'ml', interval: 5, perCase: 'several', valuesOf: ({ document }) => document.bloodPatchVolumesMl },
  FOLLOW_UP_DAYS: { unit: 'days', interval: 30, perCase: 'one', valuesOf: ({ caseReport }) => one(caseReport.followUpDays) },
  TIME_TO_RESOLUTION_DAYS: { unit: 'days', interval: 7, perCase: 'one', valuesOf: ({ caseReport }) => one(caseReport.timeToResolutionDays) },
};
