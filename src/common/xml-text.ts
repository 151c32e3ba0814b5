/**
 * Text for XML (SVG, WordprocessingML): XML 1.0 has no way to write C0 controls other than tab,
 * newline and carriage return, lone surrogates, U+FFFE or U+FFFF, even escaped, so they are removed;
 * markup is escaped (for element text and double-quoted attributes). A parser (and Word, a browser
 * or resvg) refuses a document holding any of them.
 */
const ILLEGAL_IN_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

export function xmlEscape(text: string): string {
  return text.replace(ILLEGAL_IN_XML, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
