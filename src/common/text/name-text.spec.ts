import { nameText } from './name-text';

describe('nameText', () => {
  it('drops zero width spaces, word joiners and byte order marks anywhere, so a name copied with one is the same name', () => {
    for (const raw of ['EBP\u200b', '\u200bEBP', 'E\u200bBP', 'EBP\u2060', '\ufeffEBP', ' EBP \u200b ']) expect(nameText(raw)).toBe('EBP');
  });

  it('leaves nothing of a name that shows nothing', () => {
    for (const raw of ['\u200b', '\ufeff \u200b', '\u2060\u200b\u200c', '   ']) expect(nameText(raw)).toBe('');
  });

  it('keeps joiners inside a name (emoji sequences, Persian), drops them at its ends, and composes', () => {
    expect(nameText('\u200dreview 👩\u200d⚕️\u200c')).toBe('review 👩\u200d⚕️');
    expect(nameText('می\u200cخواهم')).toBe('می\u200cخواهم');
    expect(nameText('Re\u0301sume\u0301')).toBe('Résumé');
  });

  it('reads a name with a million spaces inside in one pass (a trailing-space pattern rescanned the run at every position)', () => {
    const spaces = ' '.repeat(1_000_000);
    expect(nameText(`a${spaces}b${spaces}\u200c`)).toBe(`a${spaces}b`);
  });
});
