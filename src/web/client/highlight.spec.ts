import { decodeEntities, evidenceSegments, parseSnippet } from './highlight';

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

describe('evidence sentences', () => {
  const abstract = 'A 34-year-old woman had a headache. Her headache resolved. A woman aged 34 years <b>recovered</b>.';

  it('marks the exact words by the offsets in the field, even when the words recur earlier in the sentence', () => {
    const sentence = 'Her headache resolved.';
    const start = abstract.indexOf('resolved');
    expect(evidenceSegments({ start, end: start + 8, text: 'resolved', sentence }, abstract)).toEqual([
      { text: 'Her headache ', marked: false },
      { text: 'resolved', marked: true },
      { text: '.', marked: false },
    ]);
    const second = abstract.indexOf('woman', 10);
    const last = 'A woman aged 34 years <b>recovered</b>.';
    expect(evidenceSegments({ start: second, end: second + 5, text: 'woman', sentence: last }, abstract)[1]).toEqual({ text: 'woman', marked: true });
  });

  it('finds the words in the sentence when the field is not at hand, and keeps markup-looking text as text', () => {
    const sentence = 'A woman aged 34 years <b>recovered</b>.';
    expect(evidenceSegments({ start: 900, end: 916, text: '<b>recovered</b>', sentence })).toEqual([
      { text: 'A woman aged 34 years ', marked: false },
      { text: '<b>recovered</b>', marked: true },
      { text: '.', marked: false },
    ]);
    expect(evidenceSegments({ start: 0, end: 4, text: 'Case', sentence: 'a case of spinal hematoma' })[1]).toEqual({ text: 'case', marked: true });
  });

  it('shows the sentence unmarked when the words are not in it', () => {
    expect(evidenceSegments({ start: 0, end: 3, text: 'xyz', sentence: 'Nothing here.' })).toEqual([{ text: 'Nothing here.', marked: false }]);
  });
});
