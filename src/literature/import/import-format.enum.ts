import { registerEnumType } from '@nestjs/graphql';
import type { ImportFormat } from '../parsed-publication';

/** The import formats as a GraphQL enum; the values are the parsers' own format names. */
export enum ImportFormatName {
  PUBMED_XML = 'pubmed-xml',
  MEDLINE = 'medline',
  RIS = 'ris',
  BIBTEX = 'bibtex',
  CSV = 'csv',
  WOS = 'wos',
  ENDNOTE_XML = 'endnote-xml',
  CSL_JSON = 'csl-json',
  JSONL = 'jsonl',
  OVID = 'ovid',
}

registerEnumType(ImportFormatName, {
  name: 'ImportFormat',
  description: 'PubMed XML, PubMed MEDLINE (.nbib), RIS, BibTeX, Web of Science tagged text (.txt / .ciw), Ovid text exports (MEDLINE, Embase: labelled fields or tagged), EndNote XML, CSL-JSON, JSON Lines (this project\'s exports), or a CSV / TSV export (Rayyan, Zotero, PubMed, Covidence, Scopus, Web of Science, Embase, EBSCOhost / CINAHL, Cochrane, OpenAlex, Lens, Publish or Perish, Dimensions, EndNote, RefWorks tab-delimited (Citavi), Abstrackr, or any table with a title column). Detected from the content when not given.',
});

export const asImportFormat = (name: ImportFormatName): ImportFormat => name as ImportFormat;
