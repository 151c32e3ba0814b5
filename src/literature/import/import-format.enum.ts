import { registerEnumType } from '@nestjs/graphql';
import type { ImportFormat } from '../parsed-publication';

/** The import formats as a GraphQL enum; the values are the parsers' own format names. */
export enum ImportFormatName {
  PUBMED_XML = 'pubmed-xml',
  MEDLINE = 'medline',
  RIS = 'ris',
  BIBTEX = 'bibtex',
  CSV = 'csv',
}

registerEnumType(ImportFormatName, {
  name: 'ImportFormat',
  description: 'PubMed XML, PubMed MEDLINE (.nbib), RIS, BibTeX, or a CSV export of Rayyan, Zotero, PubMed or Covidence. Detected from the content when not given.',
});

export const asImportFormat = (name: ImportFormatName): ImportFormat => name as ImportFormat;
