/**
 * CSL-JSON: a JSON array of items (citeproc, Zotero "CSL JSON", Mendeley, pandoc, this project's CSL-JSON
 * export), or a single item object. Streamed: the scanner finds where each top-level item ends (braces
 * counted outside strings) and parses one item at a time, so a large file is never held whole.
 * A broken item (invalid JSON between its braces) is a record error the parser can skip past; a file that
 * is not an array or object of items, or whose brackets do not close, cannot be read on.
 */
import { ImportFormatError } from '../parsed-publication';
import type { ParsedRecord, ParserOptions, TextSource } from '../parsed-publication';
import { decodeText } from '../text-decoding';
import { jsonItemToPublication } from './json-item';
import { RecordNotes } from '../value-notes';

/** No real item comes close; a longer one means a broken file (an unclosed string or brace). */
export const MAX_ITEM_LENGTH = 16 * 1024 * 1024;

function fail(message: string, recordNumber: number | null, line: number | null, field: string | null = null): ImportFormatError {
  const where = [recordNumber !== null ? `record ${recordNumber}` : null, line !== null ? `line ${line}` : null].filter(Boolean).join(', ');
  return new ImportFormatError(`CSL-JSON${where ? ` ${where}` : ''}: ${message}`, recordNumber, line, field);
}

/** What JSON.parse says, without its position (which would count from the item, not the file). */
const jsonMessage = (error: unknown) => (error instanceof Error ? error.message.replace(/\s*(?:at|in JSON at) position \d+.*$/s, '') : String(error));

/** The top-level items of a JSON array (or the one top-level object) with the line each starts on. */
export async function* scanJsonItems(source: TextSource): AsyncGenerator<{ text: string; line: number; recordNumber: number }> {
  let line = 1;
  let depth = 0;
  let inString = false;
  let escaped = false;
  /** '[' for an array of items, '{' for a single object, null before the first token. */
  let top: '[' | '{' | null = null;
  let item: string[] = [];
  let itemLength = 0;
  let itemStart = -1; // index in the current chunk where the item started, -1 when outside an item
  let itemLine = 0;
  let recordNumber = 0;
  let closed = false;

  for await (const chunk of decodeText(source)) {
    itemStart = depth >= (top === '[' ? 2 : 1) && top !== null ? 0 : -1;
    for (let i = 0; i < chunk.length; i++) {
      const char = chunk[i];
      if (char === '\n') line += 1;
      if (inString) {
        if (escaped) escaped = false;
        else if (char === '\\') escaped = true;
        else if (char === '"') inString = false;
        continue;
      }
      if (char === ' ' || char === '\t' || char === '\r' || char === '\n' || char === '\ufeff') continue;
      if (closed) throw fail(`text after the end of the JSON ${top === '[' ? 'array' : 'object'}`, null, line);
      if (top === null) {
        if (char !== '[' && char !== '{') throw fail(`a CSL-JSON file is a JSON array of items ("[{…}, …]"); it starts with "${char}"`, null, line);
        top = char;
        if (char === '{') {
          recordNumber = 1;
          itemStart = i;
          itemLine = line;
        }
        depth = 1;
        continue;
      }
      const itemDepth = top === '[' ? 1 : 0;
      if (char === '"') {
        if (depth === itemDepth + 0 && top === '[') throw fail('an item of the array is a string, not an object', recordNumber + 1, line);
        inString = true;
        continue;
      }
      if (char === '{' || char === '[') {
        if (depth === itemDepth && top === '[') {
          recordNumber += 1;
          itemLine = line;
          itemStart = i;
          if (char === '[') throw fail('an item of the array is an array, not an object', recordNumber, line);
        }
        depth += 1;
        continue;
      }
      if (char === '}' || char === ']') {
        depth -= 1;
        if (depth < 0) throw fail(`unexpected "${char}"`, recordNumber, line);
        if (depth === itemDepth && itemStart >= 0) {
          item.push(chunk.slice(itemStart, i + 1));
          yield { text: item.join(''), line: itemLine, recordNumber };
          item = [];
          itemLength = 0;
          itemStart = -1;
        }
        if (depth === 0) closed = true;
        continue;
      }
      if (depth === itemDepth && top === '[' && char !== ',') throw fail(`an item of the array is not an object (it starts with "${char}")`, recordNumber + 1, line);
    }
    if (itemStart >= 0) {
      const rest = chunk.slice(itemStart);
      item.push(rest);
      itemLength += rest.length;
      if (itemLength > MAX_ITEM_LENGTH) throw fail(`the item starting on line ${itemLine} is longer than ${MAX_ITEM_LENGTH} characters: a string or a brace is not closed`, recordNumber, itemLine);
    }
  }
  if (top === null) throw fail('the file holds no JSON', null, line);
  if (!closed) throw fail(`the file ends before its ${top === '[' ? 'array' : 'object'} is closed${recordNumber ? ` (in or after record ${recordNumber}, which starts on line ${itemLine})` : ''}`, recordNumber || null, line);
}

/** Yields the items of a CSL-JSON file one by one. */
export async function* parseCslJson(source: TextSource, options: ParserOptions = {}): AsyncGenerator<ParsedRecord> {
  for await (const item of scanJsonItems(source)) {
    let value: unknown;
    try {
      value = JSON.parse(item.text);
    } catch (error) {
      const problem = fail(`the item is not valid JSON (${jsonMessage(error)})`, item.recordNumber, item.line);
      if (!options.onRecordError) throw problem;
      options.onRecordError(problem);
      continue;
    }
    const notes = new RecordNotes();
    const publication = jsonItemToPublication(value, notes);
    if (publication === null) {
      const problem = fail('the item is not a JSON object', item.recordNumber, item.line);
      if (!options.onRecordError) throw problem;
      options.onRecordError(problem);
      continue;
    }
    yield { recordNumber: item.recordNumber, line: item.line, publication, notes: notes.finish(publication) };
  }
}
