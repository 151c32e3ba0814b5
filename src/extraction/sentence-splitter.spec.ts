import { splitSentences, MAX_SENTENCE_CHARS } from './sentence-splitter';

describe('splitSentences', () => {
  it('splits prose and keeps offsets that slice back to each sentence', () => {
    const text = 'A 35-yr-old woman had 0.5% bupivacaine, e.g. at L3-4. MRI showed a hematoma! She recovered.';
    const s = splitSentences(text);
    expect(s.map((x) => x.text)).toEqual(['A 35-yr-old woman had 0.5% bupivacaine, e.g. at L3-4.', 'MRI showed a hematoma!', 'She recovered.']);
    for (const x of s) expect(text.slice(x.start, x.end)).toBe(x.text);
  });

  it('cuts an enormous sentence into bounded pieces', () => {
    const text = 'no '.repeat(10000);
    const s = splitSentences(text);
    expect(s.length).toBeGreaterThan(1);
    for (const x of s) expect(x.text.length).toBeLessThanOrEqual(MAX_SENTENCE_CHARS + 10);
  });
});
