import { registerEnumType } from '@nestjs/graphql';

/** Who stands behind a case report: the extraction rules (SUGGESTED), a curator (CURATED), or a curator's refusal (REJECTED). */
export enum CurationStatus {
  SUGGESTED = 'SUGGESTED',
  CURATED = 'CURATED',
  /** A suggested patient a curator refused: kept (so a re-run does not propose it again) but never searched or listed. */
  REJECTED = 'REJECTED',
}

/** The state of one proposed fact. */
export enum FactStatus {
  SUGGESTED = 'SUGGESTED',
  ACCEPTED = 'ACCEPTED',
  CORRECTED = 'CORRECTED',
  REJECTED = 'REJECTED',
}

export enum FactReviewAction {
  ACCEPT = 'ACCEPT',
  CORRECT = 'CORRECT',
  REJECT = 'REJECT',
}

registerEnumType(CurationStatus, { name: 'CurationStatus', description: 'SUGGESTED: proposed by extraction, not yet confirmed; CURATED: confirmed or entered by a curator; REJECTED: a suggestion a curator refused (never searched).' });
registerEnumType(FactStatus, { name: 'FactStatus' });
registerEnumType(FactReviewAction, { name: 'FactReviewAction' });
