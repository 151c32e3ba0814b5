import { editDistance, suggestSpelling } from './spelling-suggestion';

describe('editDistance', () => {
  it('counts insertions, deletions, substitutions and adjacent transpositions', () => {
    expect(editDistance('hematoma', 'hematoma', 2)).toBe(0);
    expect(editDistance('hematomma', 'hematoma', 2)).toBe(1);
    expect(editDistance('hemtaoma', 'hematoma', 2)).toBe(1);
    expect(editDistance('hygroma', 'hygrona', 2)).toBe(1);
    expect(editDistance('kitten', 'sitting', 3)).toBe(3);
  });

  it('stops early beyond the limit', () => {
    expect(editDistance('arachnoiditis', 'hematoma', 2)).toBe(3);
    expect(editDistance('abc', 'abcdefgh', 1)).toBe(2);
  });
});

describe('suggestSpelling', () => {
  const words = new Set(['hematoma', 'intrathecal', 'blood', 'patch', 'hygroma', 'arachnoiditis', 'headache']);

  it('replaces misspelled words by the nearest vocabulary word and says which', () => {
    expect(suggestSpelling('intratecal hematomma', words)).toEqual({
      text: 'intrathecal hematoma',
      corrections: [
        { from: 'intratecal', to: 'intrathecal' },
        { from: 'hematomma', to: 'hematoma' },
      ],
    });
  });

  it('keeps the query syntax around corrected words', () => {
    expect(suggestSpelling('"blod patch" -hygrona', words)?.text).toBe('"blood patch" -hygroma');
  });

  it('gives nothing when every word is known, short, a number or too far from the vocabulary', () => {
    expect(suggestSpelling('blood patch', words)).toBeNull();
    expect(suggestSpelling('abc 2020 xylophone', words)).toBeNull();
  });

  it('reads British spellings as the vocabulary word, not as a typo', () => {
    expect(suggestSpelling('haematoma', words)).toBeNull();
  });
});
