import { parseTextQuery } from './text-query.parser';
import { searchableText } from './searchable-text';

describe('searchable text', () => {
  it('removes a soft hyphen or word joiner inside a word, folds full-width letters and ligatures, composes accents', () => {
    expect(searchableText('hema\u00ADtoma wor\u2060d')).toBe('hematoma word');
    expect(searchableText('ｓｅｒｏｍａ ２０ mL ﬁbrosis')).toBe('seroma 20 mL fibrosis');
    expect(searchableText('He\u0301matome')).toBe('H\u00e9matome');
  });

  it('keeps what shapes words or breaks them: zero-width joiners, zero-width spaces, superscripts', () => {
    for (const text of ['family \u{1F468}\u200D\u{1F469}', 'zero\u200Bwidth', 'm\u00b2', 'plain ascii']) expect(searchableText(text)).toBe(text);
  });

  it('is how the text query reads a search', () => {
    expect(parseTextQuery('hema\u00ADtoma')?.anyOf[0].include.map((atom) => atom.text)).toEqual(['hematoma']);
  });
});
