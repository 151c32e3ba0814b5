import { searchableText } from './searchable-text';

/**
 * Engines mark matches with these control characters (which never occur in stored text: the builder
 * strips them) instead of HTML tags; renderHighlight then escapes the text and turns them into <mark>.
 * That way no engine ever emits unescaped HTML from the documents.
 */
export const HIGHLIGHT_START = '\u0002';
export const HIGHLIGHT_END = '\u0003';
/** Separates fragments when an engine returns several in one string (PostgreSQL ts_headline). */
export const FRAGMENT_DELIMITER = '\u0004';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * Text as it is indexed: the sentinels (and other C0 controls but tab/newline) become spaces, and words are
 * written as the text query reads them (searchable-text.ts: no invisible characters inside, full-width letters folded).
 */
export function stripControlCharacters(text: string): string {
  // eslint-disable-next-line no-control-regex
  return searchableText(text).replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, ' ');
}

/** HTML-escaped snippet in which only <mark>…</mark> is markup; marks are always balanced. */
export function renderHighlight(marked: string): string {
  let out = '';
  let open = false;
  for (const char of marked.trim()) {
    if (char === HIGHLIGHT_START) {
      if (!open) out += '<mark>';
      open = true;
    } else if (char === HIGHLIGHT_END) {
      if (open) out += '</mark>';
      open = false;
    } else if (char === FRAGMENT_DELIMITER) {
      out += ' … ';
    } else {
      out += ESCAPES[char] ?? char;
    }
  }
  if (open) out += '</mark>';
  return out.replace(/<mark><\/mark>/g, '').replace(/\s+/g, ' ').trim();
}

/** Splits an engine's marked output into snippets, keeping only those that contain a match. */
export function markedSnippets(marked: string | null | undefined): string[] {
  if (!marked) return [];
  return marked
    .split(FRAGMENT_DELIMITER)
    .filter((fragment) => fragment.includes(HIGHLIGHT_START))
    .map(renderHighlight)
    .filter((snippet) => snippet.includes('<mark>'));
}
