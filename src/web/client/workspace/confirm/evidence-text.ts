/**
 * The abstract with the words each fact was read from marked, and the reverse: a selection in the
 * shown abstract back to offsets in the stored one (the evidence of a fact added by hand). The page
 * shows the abstract exactly as stored, text node after text node, so offsets carry over one to one.
 */

export interface EvidenceRange {
  start: number;
  end: number;
  /** The fact path the words support. */
  path: string;
}

export interface TextPiece {
  text: string;
  start: number;
  /** Facts whose evidence covers this piece (empty: plain text). */
  paths: string[];
}

/** Cuts a text at every range boundary; each piece lists the facts covering it. Ranges outside the text are ignored. */
export function evidencePieces(text: string, ranges: readonly EvidenceRange[]): TextPiece[] {
  const valid = ranges.filter((range) => Number.isInteger(range.start) && Number.isInteger(range.end) && range.start >= 0 && range.end <= text.length && range.start < range.end);
  const cuts = [...new Set([0, text.length, ...valid.flatMap((range) => [range.start, range.end])])].sort((a, b) => a - b);
  const pieces: TextPiece[] = [];
  for (let i = 0; i + 1 < cuts.length; i++) {
    const [start, end] = [cuts[i], cuts[i + 1]];
    pieces.push({ text: text.slice(start, end), start, paths: valid.filter((range) => range.start <= start && end <= range.end).map((range) => range.path) });
  }
  return pieces;
}

/** Where a DOM position lies in the container's text, in UTF-16 code units (the text before it); null outside it. */
function offsetOf(container: Node, node: Node, offset: number): number | null {
  if (!container.contains(node)) return null;
  const before = document.createRange();
  before.selectNodeContents(container);
  before.setEnd(node, offset);
  return before.toString().length;
}

/** The current selection as offsets in the container's text, when it lies wholly inside and is not empty. */
export function selectionIn(container: HTMLElement): { start: number; end: number; text: string } | null {
  const selection = window.getSelection();
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
  const range = selection.getRangeAt(0);
  const start = offsetOf(container, range.startContainer, range.startOffset);
  const end = offsetOf(container, range.endContainer, range.endOffset);
  if (start === null || end === null || start >= end) return null;
  const text = (container.textContent ?? '').slice(start, end);
  return text.trim() ? { start, end, text } : null;
}

/** Words typed by someone who cannot select with a pointer: their first occurrence (any case). */
export function findWords(text: string, words: string): { start: number; end: number; text: string } | null {
  const wanted = words.trim();
  if (!wanted) return null;
  const at = text.toLowerCase().indexOf(wanted.toLowerCase());
  return at < 0 ? null : { start: at, end: at + wanted.length, text: text.slice(at, at + wanted.length) };
}
