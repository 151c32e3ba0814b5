import { composed, composeStringsInPlace } from './composed-text';

describe('composed text', () => {
  it('composes a decomposed letter and leaves ASCII and composed text as they are', () => {
    expect(composed('Cafe\u0301')).toBe('Caf\u00e9');
    const ascii = 'plain text';
    expect(composed(ascii)).toBe(ascii);
    expect(composed('Caf\u00e9')).toBe('Caf\u00e9');
  });

  it('composes every string of nested objects and lists in place, leaving other objects alone', () => {
    const when = new Date(0);
    const args = { input: { title: 'Ne\u0301vralgie', authors: [{ family: 'Mu\u0308ller', given: null }], tags: ['e\u0301', 3] }, when };
    composeStringsInPlace(args);
    expect(args).toEqual({ input: { title: 'N\u00e9vralgie', authors: [{ family: 'M\u00fcller', given: null }], tags: ['\u00e9', 3] }, when });
    expect(args.when).toBe(when);
  });
});
