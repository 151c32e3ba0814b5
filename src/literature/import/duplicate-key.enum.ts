import { registerEnumType } from '@nestjs/graphql';

/** What made an imported record the same publication as a stored one (tried in this order). */
export enum DuplicateKey {
  PMID = 'PMID',
  DOI = 'DOI',
  /** Normalised title + year + first author's family name (only when no PMID or DOI contradicts it). */
  TITLE_KEY = 'TITLE_KEY',
}

registerEnumType(DuplicateKey, { name: 'DuplicateKey' });
