import type { SearchFiltersInput } from '../inputs/search-case-reports.input';

/** How the API's suggestion labels and messages name each filter of a case search ("Pregnancy status: Postpartum"). */
export const FILTER_NAMES: Record<keyof SearchFiltersInput, string> = {
  complications: 'Complication',
  procedures: 'Procedure',
  treatments: 'Treatment',
  symptoms: 'Symptom',
  sex: 'Sex',
  ageGroups: 'Age group',
  pregnancyStatuses: 'Pregnancy status',
  anticoagulation: 'Anticoagulation',
  outcomes: 'Outcome',
  curationStatuses: 'Curation status',
  publicationTypes: 'Publication type',
  year: 'Year',
  age: 'Age',
  bloodPatchVolumeMl: 'Blood patch volume (ml)',
  onsetHours: 'Onset (hours)',
  outcomeKnown: 'Outcome reported',
  complicationsFollowProcedures: 'Complication after the selected procedure',
};
