/**
 * Highlighted snippets arrive as HTML-escaped text in which only <mark> and </mark> are markup.
 * We never hand them to innerHTML: the snippet is split into plain-text segments (entities decoded,
 * any other tag kept as literal text) and marked segments, which the view turns into text nodes and
 * <mark> elements. Whatever the server sends, nothing but <mark> can become markup.
 */

export interface SnippetSegment {
  text: string;
  marked: boolean;
}

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]{1,6}|#\d{1,7}|[a-z]{2,6});/gi, (entity, body: string) => {
    if (body[0] === '#') {
      const code = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      return code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff) ? String.fromCodePoint(code) : entity;
    }
    return NAMED[body.toLowerCase()] ?? entity;
  });
}

export function parseSnippet(snippet: string): SnippetSegment[] {
  const segments: SnippetSegment[] = [];
  let marked = false;
  for (const part of snippet.split(/(<\/?mark>)/i)) {
    const tag = part.toLowerCase();
    if (tag === '<mark>') marked = true;
    else if (tag === '</mark>') marked = false;
    else if (part) {
      const text = decodeEntities(part);
      const last = segments[segments.length - 1];
      if (last && last.marked === marked) last.text += text;
      else segments.push({ text, marked });
    }
  }
  return segments;
}

export interface EvidenceLike {
  start: number;
  end: number;
  text: string;
  sentence: string;
}

/**
 * The sentence a fact came from, split so that the exact words of the evidence are the marked
 * segment. The evidence's offsets are in the whole field (title or abstract): with the field's text
 * the sentence is placed in it and the offsets used as they are; without it (or when they do not
 * fit) the words are looked for in the sentence itself. Plain text only: the view makes text nodes
 * and a <mark> of these, never HTML.
 */
export function evidenceSegments(evidence: EvidenceLike, fieldText?: string | null): SnippetSegment[] {
  const { sentence, text } = evidence;
  const length = evidence.end - evidence.start;
  let at = -1;
  if (fieldText && length > 0) {
    for (let from = fieldText.indexOf(sentence); from !== -1; from = fieldText.indexOf(sentence, from + 1)) {
      const relative = evidence.start - from;
      if (relative >= 0 && relative + length <= sentence.length) {
        if (!text || sentence.slice(relative, relative + length) === text) at = relative;
        break;
      }
      if (from > evidence.start) break;
    }
  }
  let markLength = length;
  if (at === -1 && text) {
    at = sentence.indexOf(text);
    if (at === -1) at = sentence.toLowerCase().indexOf(text.toLowerCase());
    markLength = text.length;
  }
  if (at === -1 || markLength <= 0) return sentence ? [{ text: sentence, marked: false }] : [];
  const segments: SnippetSegment[] = [
    { text: sentence.slice(0, at), marked: false },
    { text: sentence.slice(at, at + markLength), marked: true },
    { text: sentence.slice(at + markLength), marked: false },
  ];
  return segments.filter((segment) => segment.text !== '');
}
