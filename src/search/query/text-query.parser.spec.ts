import { MAX_TEXT_ATOMS, parseTextQuery } from './text-query.parser';
import { spellingVariants } from './spelling-variants';

const shape = (text: string) =>
  parseTextQuery(text)?.anyOf.map((clause) => ({ include: clause.include.map((a) => `${a.kind}:${a.text}`), exclude: clause.exclude.map((a) => `${a.kind}:${a.text}`) }));

describe('parseTextQuery', () => {
  it('ANDs words', () => {
    expect(shape('epidural  hematoma')).toEqual([{ include: ['word:epidural', 'word:hematoma'], exclude: [] }]);
  });

  it('keeps quoted phrases together', () => {
    expect(shape('"epidural blood   patch" hematoma')).toEqual([{ include: ['phrase:epidural blood patch', 'word:hematoma'], exclude: [] }]);
  });

  it('reads a leading minus as an exclusion of a word or a phrase', () => {
    expect(shape('hematoma -cranial -"lumbar puncture"')).toEqual([{ include: ['word:hematoma'], exclude: ['word:cranial', 'phrase:lumbar puncture'] }]);
  });

  it('keeps hyphens inside words', () => {
    expect(shape('post-dural L3-L4')).toEqual([{ include: ['word:post-dural', 'word:L3-L4'], exclude: [] }]);
  });

  it('splits on upper-case OR, which binds weaker than AND', () => {
    expect(shape('intrathecal hematoma OR "subdural hematoma" -cranial')).toEqual([
      { include: ['word:intrathecal', 'word:hematoma'], exclude: [] },
      { include: ['phrase:subdural hematoma'], exclude: ['word:cranial'] },
    ]);
  });

  it('treats lower-case or as a word (the engines drop it as a stop word)', () => {
    expect(shape('a or b')).toEqual([{ include: ['word:a', 'word:or', 'word:b'], exclude: [] }]);
  });

  it('ignores dangling and repeated ORs and lone minus signs', () => {
    expect(shape('OR hematoma OR OR - patch OR')).toEqual([{ include: ['word:hematoma'], exclude: [] }, { include: ['word:patch'], exclude: [] }]);
  });

  it('allows a clause of exclusions only', () => {
    expect(shape('-cranial')).toEqual([{ include: [], exclude: ['word:cranial'] }]);
  });

  it('falls back to a literal word search on an unclosed quote, and says so', () => {
    const query = parseTextQuery('"epidural blood patch -steroid OR x');
    expect(query?.literal).toBe(true);
    expect(shape('"epidural blood patch -steroid OR x')).toEqual([{ include: ['word:epidural', 'word:blood', 'word:patch', 'word:steroid', 'word:x'], exclude: [] }]);
  });

  it('returns null when nothing is searchable', () => {
    for (const text of ['', '   ', '""', '- - -', 'OR', '"  "', '"', '!!! ...', null, undefined]) expect(parseTextQuery(text)).toBeNull();
  });

  it('keeps the raw text and is not literal when well-formed', () => {
    expect(parseTextQuery('  "blood patch" ')).toMatchObject({ raw: '"blood patch"', literal: false });
  });

  it('bounds the number of atoms', () => {
    const query = parseTextQuery(Array.from({ length: 100 }, (_, i) => `w${i}`).join(' '));
    expect(query?.anyOf[0].include).toHaveLength(MAX_TEXT_ATOMS);
  });

  it('never throws on hostile input', () => {
    for (const text of ['"a" "b', '-"', '-"" x', '"""', "'; DROP TABLE x; --", '\\"a\\"', '((a) | b) & !c', '-OR', 'a -', '\u0000\u0001 x']) {
      expect(() => parseTextQuery(text)).not.toThrow();
    }
    expect(shape('-OR')).toEqual([{ include: [], exclude: ['word:OR'] }]);
  });

  it('adds British and American spelling variants to atoms', () => {
    const [clause] = parseTextQuery('haematoma "spinal hematoma"')!.anyOf;
    expect(clause.include[0].variants).toEqual(['haematoma', 'hematoma']);
    expect(clause.include[1].variants).toEqual(['spinal hematoma', 'spinal haematoma']);
  });
});

describe('spellingVariants', () => {
  it.each([
    ['anaesthesia', ['anaesthesia', 'anesthesia']],
    ['anesthesia', ['anesthesia', 'anaesthesia']],
    ['haemorrhage', ['haemorrhage', 'hemorrhage']],
    ['oedema', ['oedema', 'edema']],
    ['labour', ['labour', 'labor']],
    ['paediatric', ['paediatric', 'pediatric']],
    ['patch', ['patch']],
    ['them', ['them']],
  ])('%s', (text, variants) => {
    expect(spellingVariants(text)).toEqual(variants);
  });

  describe('prefixes (search as you type)', () => {
    const prefixes = (text: string, prefixLastWord = false) =>
      parseTextQuery(text, { prefixLastWord })?.anyOf.flatMap((clause) => [...clause.include, ...clause.exclude].map((a) => `${a.text}${a.prefix ? '*' : ''}`));

    it('reads a trailing * as a prefix, without the star', () => {
      expect(prefixes('intrathecal hemat* -cran**')).toEqual(['intrathecal', 'hemat*', 'cran*']);
      expect(parseTextQuery('haemat*')?.anyOf[0].include[0]).toEqual({ kind: 'word', text: 'haemat', variants: ['haemat', 'hemat'], prefix: true });
      expect(parseTextQuery('*')).toBeNull();
    });

    it('makes the word being typed at the end a prefix when asked', () => {
      expect(prefixes('intrathecal hemat', true)).toEqual(['intrathecal', 'hemat*']);
      expect(prefixes('intrathecal hemat')).toEqual(['intrathecal', 'hemat']);
      expect(prefixes('hematoma OR subd', true)).toEqual(['hematoma', 'subd*']);
      expect(prefixes('hematoma -intracran', true)).toEqual(['hematoma', 'intracran*']);
    });

    it('leaves finished words and closed phrases alone', () => {
      expect(prefixes('intrathecal hemat ', true)).toEqual(['intrathecal', 'hemat']);
      expect(prefixes('"spinal hematoma"', true)).toEqual(['spinal hematoma']);
      expect(prefixes('"hematoma"', true)).toEqual(['hematoma']);
      expect(prefixes('hematoma OR', true)).toEqual(['hematoma']);
    });

    it('keeps the word being typed inside an open quote a prefix', () => {
      expect(prefixes('"spinal subd', true)).toEqual(['spinal', 'subd*']);
    });
  });
});
