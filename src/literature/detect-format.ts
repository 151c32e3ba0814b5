/**
 * Recognises the format of an export from its first few kilobytes (and, as a hint, its file name).
 */
import { ImportFormatError } from './parsed-publication';
import type { ImportFormat } from './parsed-publication';
import type { CsvColumnMapping } from './formats/csv-exporters';
import { locateCsvHeader } from './formats/csv-header';
import { looksLikeJsonLines } from './formats/jsonl.parser';
import { looksLikeOvidText } from './formats/ovid.parser';
import { looksLikeWosTagged } from './formats/wos-tagged.parser';

/** How much of the start of a file detection looks at. */
export const DETECTION_HEAD_LENGTH = 8 * 1024;

export const SUPPORTED_FORMATS_DESCRIPTION =
  'PubMed XML (<PubmedArticleSet>), MEDLINE / .nbib ("PMID- " lines), RIS ("TY  - " lines), BibTeX ("@article{"), ' +
  'Web of Science tagged text / .ciw ("PT J" lines), Ovid text exports (MEDLINE, Embase: "<1>" records with labelled fields or "VN  - Ovid Technologies" tags), EndNote XML (<records><record>), CSL-JSON ("[{…}]"), JSON Lines (one {…} a line), and CSV / TSV exports (recognised by their header row: Rayyan, Zotero, PubMed, Covidence, Scopus, ' +
  'Web of Science, Embase, EBSCOhost / CINAHL, Cochrane CENTRAL, OpenAlex, Lens, Publish or Perish, Dimensions, EndNote, RefWorks tab-delimited (Citavi), Abstrackr, or any table with a title column; ' +
  'other tables with a column mapping)';

function extension(fileName: string | undefined): string {
  const match = fileName ? /\.([A-Za-z0-9]+)$/.exec(fileName) : null;
  return match ? match[1].toLowerCase() : '';
}

/**
 * The format of a file from its first few KB of text. Throws ImportFormatError listing the
 * supported formats when nothing matches.
 */
export function detectFormat(head: string, fileName?: string, columns?: CsvColumnMapping | null): ImportFormat {
  const text = head.replace(/^\ufeff/, '').replace(/\r\n?/g, '\n');
  const trimmed = text.trimStart();
  const named = fileName ? ` "${fileName}"` : '';
  if (trimmed.length === 0) {
    throw new ImportFormatError(`The file${named} is empty. Supported formats: ${SUPPORTED_FORMATS_DESCRIPTION}.`, null, null, null);
  }

  if (/^<[?!A-Za-z_]/.test(trimmed)) {
    if (/<(?:PubmedArticleSet|PubmedBookArticleSet|PubmedArticle|PubmedBookArticle)[\s>/]/.test(text) || /<!DOCTYPE\s+Pubmed(?:Book)?ArticleSet\b/.test(text)) {
      return 'pubmed-xml';
    }
    if (/<records>\s*<record>|<record>\s*<(?:database|source-app|rec-number|ref-type)\b/.test(text)) return 'endnote-xml';
    throw new ImportFormatError(
      `The file${named} is XML but neither PubMed XML (no <PubmedArticleSet> element) nor EndNote XML (no <records><record>). Supported formats: ${SUPPORTED_FORMATS_DESCRIPTION}.`,
      null,
      null,
      null,
    );
  }

  // JSON: an array of CSL items, one object per line (JSON Lines), or a single pretty-printed item.
  if (/^\[\s*(?:[{\]]|$)/.test(trimmed)) return 'csl-json';
  if (trimmed.startsWith('{')) return looksLikeJsonLines(trimmed) ? 'jsonl' : 'csl-json';

  // Ovid: "<1>" record numbers with labelled fields or Ovid's tags (its RIS export, with TY lines, stays RIS).
  if (looksLikeOvidText(text)) return 'ovid';

  const csvHeader = locateCsvHeader(text, columns);
  if (csvHeader?.exporter) return 'csv';

  if (/^PMID- ?\d/m.test(text)) return 'medline';
  if (looksLikeWosTagged(text)) return 'wos';
  if (/^TY[ \t]{1,2}-/m.test(text)) return 'ris';
  if (/^[ \t]*@[ \t]*[A-Za-z]+[ \t]*[{(]/m.test(text)) return 'bibtex';

  // An unrecognised CSV header still goes to the CSV parser, whose error names the expected columns.
  const ext = extension(fileName);
  const headerCells = csvHeader?.cells ?? [];
  const looksTabular = headerCells.length >= 3 && headerCells.every((cell) => cell.trim().length > 0 && cell.length < 100);
  if (headerCells.length > 1 && (ext === 'csv' || ext === 'tsv' || looksTabular)) return 'csv';

  throw new ImportFormatError(`The format of the file${named} is not recognised. Supported formats: ${SUPPORTED_FORMATS_DESCRIPTION}.`, null, null, null);
}
