import { TermKind } from '../vocabulary/term-kind.enum';
import { VocabularyEntry } from './extraction.types';
import { focusVocabulary } from './vocabulary-focus';

const term = (key: string, parentKey: string | null, source: 'curated' | 'mesh', kind = TermKind.COMPLICATION): VocabularyEntry => ({ key, kind, label: key, synonyms: [], meshUi: null, parentKey, source });

describe('focusVocabulary', () => {
  it('keeps curated terms and MeSH terms under a curated term of the same kind, at any depth', () => {
    const kept = focusVocabulary([
      term('hematoma', null, 'curated'),
      term('hematoma-subdural', 'hematoma', 'mesh'),
      term('hematoma-subdural-chronic', 'hematoma-subdural', 'mesh'),
      term('dementia', 'brain-diseases', 'mesh'),
      term('brain-diseases', null, 'mesh'),
      term('laminectomy', 'hematoma', 'mesh', TermKind.TREATMENT),
      term('curated-later', null, 'curated', TermKind.TREATMENT),
    ]).map((entry) => entry.key);
    expect(kept).toEqual(['hematoma', 'hematoma-subdural', 'hematoma-subdural-chronic', 'curated-later']);
  });

  it('keeps MeSH-seeded treatments out of text matching', () => {
    expect(focusVocabulary([term('surgical-management', null, 'curated', TermKind.TREATMENT), term('craniotomy-x', 'surgical-management', 'mesh', TermKind.TREATMENT)]).map((e) => e.key)).toEqual(['surgical-management']);
  });

  it('treats entries without a source as curated', () => {
    expect(focusVocabulary([{ ...term('x', null, 'curated'), source: undefined }])).toHaveLength(1);
  });
});
