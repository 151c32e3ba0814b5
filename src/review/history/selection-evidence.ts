import { BadUserInputError, ConflictError } from '../../common/errors/domain-error';
import { FactEvidence } from '../../case-reports/entities/case-fact-record';
import { splitSentences } from '../../extraction/sentence-splitter';

/** The publication fields a curator can select words in. */
export const SELECTABLE_FIELDS = ['title', 'abstract'] as const;
export type SelectableField = (typeof SELECTABLE_FIELDS)[number];

/** A selection is a phrase, not a page. */
export const MAX_SELECTION_CHARS = 1000;

export interface TextSelection {
  field: string;
  start: number;
  end: number;
  /** The words the curator saw selected; checked against the stored text, so stale offsets never become evidence. */
  text?: string | null;
}

/**
 * Evidence (method CURATOR) from words a curator selected in a publication's title or abstract. The
 * offsets are UTF-16 code units into the stored field, as FactEvidence has them; blanks at either end
 * of the selection are left out; the sentence is the one the words start in.
 */
export function evidenceFromSelection(selection: TextSelection, fieldText: string | null | undefined): FactEvidence {
  const path = 'input.selection';
  if (!(SELECTABLE_FIELDS as readonly string[]).includes(selection.field)) throw BadUserInputError.field(`${path}.field`, `must be one of ${SELECTABLE_FIELDS.join(', ')}`);
  if (!fieldText) throw BadUserInputError.field(`${path}.field`, `the publication has no ${selection.field}`);
  let { start, end } = selection;
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end > fieldText.length || start >= end) {
    throw BadUserInputError.field(`${path}.start`, `must satisfy 0 <= start < end <= ${fieldText.length} (the length of the ${selection.field})`);
  }
  if (end - start > MAX_SELECTION_CHARS) throw BadUserInputError.field(`${path}.end`, `a selection holds at most ${MAX_SELECTION_CHARS} characters`);
  const selected = fieldText.slice(start, end);
  if (selection.text !== undefined && selection.text !== null && selection.text !== selected) {
    throw new ConflictError(`the ${selection.field} holds "${selected.slice(0, 80)}" at ${start}-${end}, not the selected "${selection.text.slice(0, 80)}": reload the publication and select again`, { field: selection.field, start, end, storedText: selected });
  }
  while (start < end && /\s/.test(fieldText[start])) start += 1;
  while (end > start && /\s/.test(fieldText[end - 1])) end -= 1;
  if (start === end) throw BadUserInputError.field(`${path}.start`, 'the selection holds only blanks');
  const sentence = splitSentences(fieldText).find((s) => s.start <= start && start < s.end) ?? { text: fieldText.slice(start, end) };
  return { field: selection.field, start, end, text: fieldText.slice(start, end), sentence: sentence.text, method: 'CURATOR', confidence: 1 };
}
