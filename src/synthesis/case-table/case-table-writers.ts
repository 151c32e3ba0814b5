/** The case table as text files: CSV and Markdown (Word: case-table-docx.ts), stamped with the search, the date and the saved search. Pure. */
import { stringify } from 'csv-stringify/sync';
import { spreadsheetSafeRow } from '../../common/spreadsheet-cell';
import { oneLine } from '../../literature/export/export-case';

export type CaseTableFormat = 'csv' | 'markdown' | 'docx';

export const CASE_TABLE_FORMATS: Record<CaseTableFormat, { contentType: string; extension: string }> = {
  csv: { contentType: 'text/csv; charset=utf-8', extension: 'csv' },
  markdown: { contentType: 'text/markdown; charset=utf-8', extension: 'md' },
  docx: { contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', extension: 'docx' },
};

/** What makes a file reproducible: the search, when, how many, and the saved search it came from. */
export interface TableStamp {
  /** The search as the searchCaseReports input (JSON). */
  search: string;
  /** ISO 8601 date and time of the download. */
  generatedAt: string;
  totalCases: number;
  totalPublications: number;
  savedSearch: { id: string; name: string; fingerprint: string | null; fingerprintAt: string | null } | null;
}

export function stampLines(stamp: TableStamp): string[] {
  const lines = [`Search: ${stamp.search}`, `Generated: ${stamp.generatedAt}`, `Cases: ${stamp.totalCases}; publications: ${stamp.totalPublications}`];
  if (stamp.savedSearch) {
    const { id, name, fingerprint, fingerprintAt } = stamp.savedSearch;
    lines.push(`Saved search: ${name} (${id})`);
    lines.push(fingerprint ? `Saved-search fingerprint: ${fingerprint} (run ${fingerprintAt})` : 'Saved-search fingerprint: none (the saved search has not been run)');
  }
  // One line each, whatever the saved search's name holds: a line break in it ended the summary CSV's "#" comment,
  // and the rest of the name ("=HYPERLINK(…)") stood alone on a line a spreadsheet runs (and split the Markdown paragraph).
  return lines.map(oneLine);
}

/** CSV: the stamp as leading "#" comment lines (read.csv(comment.char = "#"), pandas comment="#"), then a header row. */
export function csvHead(stamp: TableStamp, headers: readonly string[]): string {
  return `${stampLines(stamp).map((line) => `# ${line.replace(/[\r\n]+/g, ' ')}\n`).join('')}${stringify([[...headers]])}`;
}

export function csvRows(rows: readonly string[][]): string {
  return rows.length ? stringify(rows.map(spreadsheetSafeRow)) : '';
}

/** Markdown: the stamp as a paragraph, then a pipe table (GitHub-flavoured). */
export function markdownHead(stamp: TableStamp, headers: readonly string[]): string {
  const stampText = stampLines(stamp).map((line) => `${escapeMarkdown(line)}  `).join('\n');
  return `${stampText}\n\n${markdownRow(headers)}\n${markdownRow(headers.map(() => '---'))}\n`;
}

export function markdownRows(rows: readonly string[][]): string {
  return rows.map((row) => `${markdownRow(row.map(escapeMarkdown))}\n`).join('');
}

function markdownRow(cells: readonly string[]): string {
  return `| ${cells.join(' | ')} |`;
}

/** Pipes would split a cell and a leading character could start markup: both escaped. */
export function escapeMarkdown(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/[*_`<>[\]]/g, (char) => `\\${char}`);
}
