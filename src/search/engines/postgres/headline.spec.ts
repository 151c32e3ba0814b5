import { FRAGMENT_DELIMITER, HIGHLIGHT_END, HIGHLIGHT_START, markedSnippets } from '../../query/highlight';
import { headline, MAX_WORDS, wordsOf } from './headline';

const marked = (text: string, words: string[]) => headline(text, wordsOf(text), (word) => words.includes(word.text));
const show = (value: string | null) => value?.split(HIGHLIGHT_START).join('[').split(HIGHLIGHT_END).join(']').split(FRAGMENT_DELIMITER).join(' | ') ?? null;

describe('headline', () => {
  it('splits words at every character that is not a letter or digit, lower-cased', () => {
    expect(wordsOf('Post-dural T12-L1 Éclampsia, O’Neil').map((word) => word.text)).toEqual(['post', 'dural', 't12', 'l1', 'éclampsia', 'o', 'neil']);
  });

  it('marks every matching word of a short text and keeps the text between words as it was', () => {
    expect(show(marked('Spinal haematoma & <b>recovery</b> after a blood patch.', ['haematoma', 'patch']))).toBe('Spinal [haematoma] & <b>recovery</b> after a blood [patch]');
  });

  it('answers null when nothing matches', () => {
    expect(marked('Nothing here.', ['hematoma'])).toBeNull();
  });

  it('cuts a long text into at most two passages of at most 30 words, the richest first chosen, in text order', () => {
    const filler = (n: number, prefix: string) => Array.from({ length: n }, (_, i) => `${prefix}${i}`).join(' ');
    const text = `${filler(40, 'a')} hematoma ${filler(40, 'b')} hematoma x hematoma ${filler(40, 'c')} hematoma ${filler(10, 'd')}`;
    const result = marked(text, ['hematoma']) as string;
    const passages = result.split(FRAGMENT_DELIMITER);
    expect(passages).toHaveLength(2);
    for (const passage of passages) expect(wordsOf(passage).length).toBeLessThanOrEqual(MAX_WORDS);
    // The passage holding two matches is chosen, then the first of the single ones that does not overlap it.
    expect(passages[0]).toContain('a39');
    expect(passages[1].split(HIGHLIGHT_START).length - 1).toBe(2);
    expect(markedSnippets(result)).toHaveLength(2);
  });
});
