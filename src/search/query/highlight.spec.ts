import { FRAGMENT_DELIMITER as D, HIGHLIGHT_END as E, HIGHLIGHT_START as S, markedSnippets, renderHighlight } from './highlight';

describe('highlights', () => {
  it('escapes the text and turns only the sentinels into <mark>', () => {
    expect(renderHighlight(`<b>a</b> & ${S}haematoma${E} "x"`)).toBe('&lt;b&gt;a&lt;/b&gt; &amp; <mark>haematoma</mark> &quot;x&quot;');
  });

  it('balances unbalanced sentinels', () => {
    expect(renderHighlight(`${S}open ${S}twice`)).toBe('<mark>open twice</mark>');
    expect(renderHighlight(`stray${E} end`)).toBe('stray end');
  });

  it('keeps only fragments with a match', () => {
    expect(markedSnippets(`no match${D}a ${S}patch${E} here${D}${S}x${E}`)).toEqual(['a <mark>patch</mark> here', '<mark>x</mark>']);
    expect(markedSnippets(null)).toEqual([]);
  });
});
