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

  it('ends a sentence at reference numerals glued to the next one (rules 1.4.0)', () => {
    const text = 'Bleeding is a known risk of neuraxial blocks.1–4We report a woman who bled.2,3She recovered. The dose was 0.5 mg.';
    const s = splitSentences(text);
    expect(s.map((x) => x.text)).toEqual(['Bleeding is a known risk of neuraxial blocks.1–4', 'We report a woman who bled.2,3', 'She recovered.', 'The dose was 0.5 mg.']);
    for (const x of s) expect(text.slice(x.start, x.end)).toBe(x.text);
    // Not inside a number or after an abbreviation.
    expect(splitSentences('Values of 2.5Mg were seen in fig.2A of the report.').length).toBe(1);
  });
});

describe('splitSentences, rules 1.5.0', () => {
  it('ends a sentence after a reference numeral followed by a space and a new sentence', () => {
    const s = splitSentences('Options include surgical repair of the leak.5 We report a woman who bled.');
    expect(s.map((x) => x.text)).toEqual(['Options include surgical repair of the leak.5', 'We report a woman who bled.']);
    expect(splitSentences('The dose was 2.5 Mg twice daily.').length).toBe(1);
  });
});

describe('splitSentences, rules 1.8.0', () => {
  it('keeps a bracketed reference after the full stop with the sentence it cites', () => {
    const s = splitSentences('Abducens palsy after dural puncture has been reported.[2] We report a woman with a facial palsy. It resolved.[1, 3] She went home.');
    expect(s.map((x) => x.text)).toEqual(['Abducens palsy after dural puncture has been reported.[2]', 'We report a woman with a facial palsy.', 'It resolved.[1, 3]', 'She went home.']);
    expect(splitSentences('The level was T10.[a] She slept.').length).toBe(1);
  });
});
