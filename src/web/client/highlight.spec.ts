import { decodeEntities, parseSnippet } from './highlight';

describe('highlighted snippets', () => {
  it('splits a snippet into text and marked parts, decoding the escaped text', () => {
    expect(parseSnippet('an &lt;b&gt; <mark>intrathecal</mark> &amp; <mark>hematoma</mark>&#39;s')).toEqual([
      { text: 'an <b> ', marked: false },
      { text: 'intrathecal', marked: true },
      { text: ' & ', marked: false },
      { text: 'hematoma', marked: true },
      { text: "'s", marked: false },
    ]);
  });

  it('keeps every other tag as literal text: nothing but <mark> becomes markup', () => {
    const segments = parseSnippet('<img src=x onerror=alert(1)><mark><script>x</script></mark></MARK>tail<mark>');
    expect(segments).toEqual([
      { text: '<img src=x onerror=alert(1)>', marked: false },
      { text: '<script>x</script>', marked: true },
      { text: 'tail', marked: false },
    ]);
  });

  it('decodes numeric entities and leaves unknown or invalid ones alone', () => {
    expect(decodeEntities('&#x3C;&#60;&copy;&#0;&#xD800;')).toBe('<<&copy;&#0;&#xD800;');
  });
});
