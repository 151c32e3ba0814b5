import { registerEnumType } from '@nestjs/graphql';

/** What made an imported record the same publication as a stored one (tried in this order). */
export enum DuplicateKey {
  PMID = 'PMID',
  DOI = 'DOI',
  /** Normalised title + year + first author's family name (only when no PMID or DOI contradicts it). */
  TITLE_KEY = 'TITLE_KEY',
  /**
   * The folded title alone (markup, case, diacritics, "ue"/"ü" ignored) when the title key does not match:
   * the same year, compatible first authors (or none on one side), no differing PMID, DOI, volume or first
   * page, and for a title under 40 letters a venue that agrees.
   */
  TITLE = 'TITLE',
}

registerEnumType(DuplicateKey, { name: 'DuplicateKey' });
