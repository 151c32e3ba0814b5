import { normalizeWord, tokenize } from './text-tokenizer';

describe('tokenize', () => {
  it('normalises spelling variants and plurals, keeping offsets of the original text', () => {
    const text = 'Haematomas after anaesthesia in labour';
    const toks = tokenize(text);
    expect(toks.map((t) => t.norm)).toEqual(['hematoma', 'after', 'anesthesia', 'in', 'labor']);
    for (const t of toks) expect(text.slice(t.start, t.end)).toBe(t.raw);
  });

  it('joins "post-dural", "post dural" and "postdural" into one token', () => {
    for (const text of ['post-dural puncture', 'post dural puncture', 'postdural puncture']) expect(tokenize(text)[0].norm).toBe('postdural');
  });

  it('joins hyphenated medical prefixes the way they are also written joined ("cerebro-spinal", "sub-dural", "hemi-laminectomy")', () => {
    expect(tokenize('cerebro-spinal fluid').map((t) => t.norm)).toEqual(['cerebrospinal', 'fluid']);
    expect(tokenize('sub-dural haematoma').map((t) => t.norm)).toEqual(['subdural', 'hematoma']);
    expect(tokenize('hemi-laminectomy')[0].norm).toBe('hemilaminectomy');
    // Not across a sentence or with a capital: "sub. Dural" stays apart.
    expect(tokenize('sub. Dural').length).toBe(2);
  });

  it('keeps words ending in -is, -us, -ss', () => {
    expect(['meningitis', 'stenosis', 'abscess', 'status'].map(normalizeWord)).toEqual(['meningitis', 'stenosis', 'abscess', 'status']);
  });
});
