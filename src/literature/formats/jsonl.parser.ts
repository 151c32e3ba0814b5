/**
 * JSON Lines: one JSON object per line, as this project's JSON Lines exports write them (a publication
 * per line, or a case report with its `publication`); a line may also hold a CSL-JSON item. Blank lines
 * are skipped. A line that is not a JSON object is a record error the parser can skip past.
 */
import { ImportFormatError } from '../parsed-publication';
import type { ParsedRecord, ParserOptions, TextSource } from '../parsed-publication';
import { readLines } from '../text-lines';
import { jsonItemToPublication } from './json-item';
import { RecordNotes } from '../value-notes';

function fail(message: string, recordNumber: number, line: number): ImportFormatError {
  return new ImportFormatError(`JSON Lines record ${recordNumber}, line ${line}: ${message}`, recordNumber, line, null);
}

/** True when the first non-blank line of the text is a whole JSON object (a pretty-printed object is not JSON Lines). */
export function looksLikeJsonLines(head: string): boolean {
  const first = head.replace(/^\ufeff/, '').split(/\r?\n/).find((line) => line.trim().length > 0);
  if (!first || !first.trimStart().startsWith('{')) return false;
  try {
    const value = JSON.parse(first);
    return typeof value === 'object' && value !== null && !Array.isArray(value);
  } catch {
    return false;
  }
}

export async function* parseJsonLines(source: TextSource, options: ParserOptions = {}): AsyncGenerator<ParsedRecord> {
  let recordNumber = 0;
  for await (const { text, number } of readLines(source, 'JSON Lines')) {
    const trimmed = text.replace(/^\ufeff/, '').trim();
    if (trimmed.length === 0) continue;
    recordNumber += 1;
    let problem: ImportFormatError | null = null;
    let publication = null;
    const notes = new RecordNotes();
    try {
      publication = jsonItemToPublication(JSON.parse(trimmed), notes);
      if (publication === null) problem = fail('the line is not a JSON object', recordNumber, number);
    } catch (error) {
      problem = fail(`the line is not valid JSON (${error instanceof Error ? error.message.replace(/\s*(?:at|in JSON at) position \d+.*$/s, '') : String(error)})`, recordNumber, number);
    }
    if (problem) {
      if (!options.onRecordError) throw problem;
      options.onRecordError(problem);
      continue;
    }
    yield { recordNumber, line: number, publication: publication!, notes: notes.finish(publication!) };
  }
}
