import { registerEnumType } from '@nestjs/graphql';

export enum CaseChangeOperation {
  ACCEPT_FACT = 'ACCEPT_FACT',
  CORRECT_FACT = 'CORRECT_FACT',
  REJECT_FACT = 'REJECT_FACT',
  /** A fact a curator added from words selected in the publication. */
  ADD_FACT = 'ADD_FACT',
  /** Facts moved into a new patient of the same publication (recorded on both cases). */
  SPLIT = 'SPLIT',
  /** Two patients of one publication made one (recorded on both; the other case is removed). */
  MERGE = 'MERGE',
  /** A patient entered by hand. */
  ADD_PATIENT = 'ADD_PATIENT',
  /** Confirmed: CURATED, open suggestions accepted. */
  CONFIRM = 'CONFIRM',
  /** A suggested patient refused. */
  REJECT_CASE = 'REJECT_CASE',
  /** updateCaseReport: fields given by hand. */
  UPDATE = 'UPDATE',
  UNDO = 'UNDO',
  DELETE = 'DELETE',
}

registerEnumType(CaseChangeOperation, { name: 'CaseChangeOperation', description: 'What a recorded change of a case did.' });
