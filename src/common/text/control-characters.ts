/**
 * Invisible control characters that must not be stored in text: C0 controls other than tab, LF and CR
 * (U+0000-U+0008, U+000B, U+000C, U+000E-U+001F), DEL (U+007F), the C1 controls (U+0080-U+009F) and the
 * Unicode bidirectional embedding, override and isolate controls (U+202A-U+202E, U+2066-U+2069), which
 * can make a title display in another order than it is stored ("Trojan source").
 *
 * The directional marks U+200E (LRM), U+200F (RLM) and U+061C (ALM) are kept: they are ordinary in
 * Hebrew and Arabic text, they end no embedding and cannot reorder letters, only neutral characters
 * beside them.
 */
const CONTROL_CHARACTER_CLASS = '[\\u0000-\\u0008\\u000b\\u000c\\u000e-\\u001f\\u007f-\\u009f\\u202a-\\u202e\\u2066-\\u2069]';
const CONTROL_CHARACTER = new RegExp(CONTROL_CHARACTER_CLASS);
const CONTROL_CHARACTERS = new RegExp(CONTROL_CHARACTER_CLASS, 'g');

/** True when the text holds a character this module refuses. */
export function hasControlCharacters(text: string): boolean {
  return CONTROL_CHARACTER.test(text);
}

/** "U+202E" for a character. */
export function codePointName(character: string): string {
  return `U+${(character.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
}

/** The distinct control characters of a text, named ("U+0007, U+202E"), in order of appearance. */
export function controlCharactersIn(text: string): string[] {
  return [...new Set(text.match(CONTROL_CHARACTERS) ?? [])].map(codePointName);
}

export interface StrippedText {
  text: string;
  /** How many characters were removed. */
  removed: number;
  /** The distinct characters removed, named ("U+202E"). */
  characters: string[];
}

/**
 * Removes the control characters; spaces doubled by a removal are collapsed and the ends trimmed (only
 * when something was removed: text without them comes back unchanged).
 */
export function stripControlCharacters(text: string): StrippedText {
  if (!CONTROL_CHARACTER.test(text)) return { text, removed: 0, characters: [] };
  const found = text.match(CONTROL_CHARACTERS) ?? [];
  const stripped = text.replace(CONTROL_CHARACTERS, '').replace(/ {2,}/g, ' ').trim();
  return { text: stripped, removed: found.length, characters: [...new Set(found)].map(codePointName) };
}

/** The message of a refused input. */
export const CONTROL_CHARACTER_MESSAGE = 'must not contain invisible control characters (C0/C1 controls other than tab, line feed and carriage return, or bidirectional controls U+202A-U+202E, U+2066-U+2069)';
