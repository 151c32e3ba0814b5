import { controlCharactersIn, hasControlCharacters, stripControlCharacters } from './control-characters';

describe('control characters', () => {
  it('finds C0 (not tab, LF, CR), DEL, C1 and the bidirectional embedding, override and isolate controls', () => {
    for (const character of ['\u0000', '\u0001', '\u0007', '\u000b', '\u000c', '\u001b', '\u001f', '\u007f', '\u0080', '\u009f', '\u202a', '\u202b', '\u202c', '\u202d', '\u202e', '\u2066', '\u2067', '\u2068', '\u2069']) {
      expect(hasControlCharacters(`a${character}b`)).toBe(true);
    }
    for (const text of ['tab\there', 'line\nfeed', 'carriage\rreturn', 'plain', 'ümlaut – dash', 'עברית\u200f', 'mark\u200e', 'العربية\u061c', 'zero\u200bwidth']) {
      expect(hasControlCharacters(text)).toBe(false);
    }
  });

  it('removes them, counting and naming what was removed, and collapses the spaces a removal doubles', () => {
    expect(stripControlCharacters('Safe title \u202eevil\u202c')).toEqual({ text: 'Safe title evil', removed: 2, characters: ['U+202E', 'U+202C'] });
    expect(stripControlCharacters('a \u0007 b\u0007')).toEqual({ text: 'a b', removed: 2, characters: ['U+0007'] });
    expect(stripControlCharacters('kept\tas\nis')).toEqual({ text: 'kept\tas\nis', removed: 0, characters: [] });
    expect(controlCharactersIn('x\u2066y\u2069\u0085')).toEqual(['U+2066', 'U+2069', 'U+0085']);
  });
});
