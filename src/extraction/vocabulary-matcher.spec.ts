import { TermKind } from '../vocabulary/term-kind.enum';
import { buildTermMatcher as buildVocabularyMatcher } from './vocabulary-matcher';
import { curatedVocabulary } from './extraction.test-support';

describe('buildTermMatcher (the token trie under buildVocabularyMatcher)', () => {
  const matcher = buildVocabularyMatcher(curatedVocabulary());

  it('prefers the longest term and matches British and American spellings', () => {
    const text = 'MRI showed a spinal epidural haematoma after anaesthesia, spinal.';
    const { matches } = matcher.match(text);
    expect(matches.map((m) => [text.slice(m.start, m.end), m.entries[0].key])).toEqual([
      ['spinal epidural haematoma', 'spinal-epidural-hematoma'],
      ['anaesthesia, spinal', 'spinal-anesthesia'],
    ]);
  });

  it('matches hyphenated and joined prefixes alike and acronyms only in capitals', () => {
    const a = matcher.match('post-dural puncture headache and PDPH but not pdph');
    expect(a.matches.map((m) => m.entries[0].key)).toEqual(['post-dural-puncture-headache', 'post-dural-puncture-headache']);
  });

  it('lets a curated term win over a MeSH-seeded duplicate and keeps the seeded synonyms', () => {
    const m = buildVocabularyMatcher([
      { key: 'mesh-d046748', kind: TermKind.COMPLICATION, label: 'Hematoma, Epidural, Spinal', synonyms: ['extradural spinal bleed'], meshUi: 'D046748', parentKey: null, source: 'mesh' },
      ...curatedVocabulary(),
    ]);
    const { matches } = m.match('an extradural spinal bleed');
    expect(matches[0].entries[0].key).toBe('spinal-epidural-hematoma');
    expect(m.byMeshUi('D046748').map((e) => e.key)).toEqual(['spinal-epidural-hematoma']);
  });

  it('builds over 8,000 terms and matches a long text', () => {
    const many = Array.from({ length: 8000 }, (_, i) => ({ key: `t${i}`, kind: TermKind.COMPLICATION, label: `syndrome number ${i} of the spine`, synonyms: [`alias ${i}`], meshUi: null, parentKey: null }));
    const m = buildVocabularyMatcher([...curatedVocabulary(), ...many]);
    const { matches } = m.match('syndrome number 7999 of the spine and alias 12 with a hematoma '.repeat(200));
    expect(matches.length).toBe(600);
  });
});
