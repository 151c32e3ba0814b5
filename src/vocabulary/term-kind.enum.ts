import { registerEnumType } from '@nestjs/graphql';

export enum TermKind {
  COMPLICATION = 'COMPLICATION',
  PROCEDURE = 'PROCEDURE',
  TREATMENT = 'TREATMENT',
  SYMPTOM = 'SYMPTOM',
  COMORBIDITY = 'COMORBIDITY',
}

registerEnumType(TermKind, { name: 'TermKind' });
