import { registerEnumType } from '@nestjs/graphql';

/** Export formats; the values are also the `format` parameter of GET /exports and the CLI. */
export enum ExportFormat {
  /** One row per case report, with its publication's citation and its facts (re-importable as a Rayyan-style CSV). */
  CSV = 'csv',
  /** One record per publication. */
  RIS = 'ris',
  /** One entry per publication. */
  BIBTEX = 'bibtex',
  /** A JSON array of CSL items, one per publication (Zotero, Mendeley, citeproc). */
  CSL_JSON = 'csl-json',
  /** One JSON object per line per case report, with its whole publication and its facts. */
  JSONL = 'jsonl',
}

registerEnumType(ExportFormat, {
  name: 'ExportFormat',
  description: 'CSV and JSON Lines: one line per case report with its facts and publication. RIS, BibTeX and CSL-JSON: one record per publication.',
});

export const EXPORT_FORMATS = Object.values(ExportFormat);

export interface ExportFormatInfo {
  contentType: string;
  extension: string;
  /** True for the formats with one record per publication. */
  bibliographic: boolean;
}

export const EXPORT_FORMAT_INFO: Record<ExportFormat, ExportFormatInfo> = {
  [ExportFormat.CSV]: { contentType: 'text/csv; charset=utf-8', extension: 'csv', bibliographic: false },
  [ExportFormat.RIS]: { contentType: 'application/x-research-info-systems; charset=utf-8', extension: 'ris', bibliographic: true },
  [ExportFormat.BIBTEX]: { contentType: 'application/x-bibtex; charset=utf-8', extension: 'bib', bibliographic: true },
  [ExportFormat.CSL_JSON]: { contentType: 'application/vnd.citationstyles.csl+json; charset=utf-8', extension: 'json', bibliographic: true },
  [ExportFormat.JSONL]: { contentType: 'application/x-ndjson; charset=utf-8', extension: 'jsonl', bibliographic: false },
};
