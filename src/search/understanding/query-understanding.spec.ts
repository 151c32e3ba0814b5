import { TermKind } from '../../vocabulary/term-kind.enum';
import type { DocumentTerm } from '../indexing/search-document';
import { QueryVocabulary, textWithout, understandQuery } from './query-understanding';

const term = (id: string, kind: TermKind, label: string, synonyms: string[] = [], meshUi: string | null = null): DocumentTerm => ({ id, kind, key: id, label, synonyms, parentId: null, meshUi });

const vocabulary = new QueryVocabulary([
  term('hematoma', TermKind.COMPLICATION, 'Hematoma', ['haematoma']),
  term('intrathecal-hematoma', TermKind.COMPLICATION, 'Intrathecal hematoma', ['intrathecal haematoma', 'spinal subarachnoid hematoma']),
  term('pdph', TermKind.COMPLICATION, 'Post-dural puncture headache', ['PDPH']),
  term('epidural-blood-patch', TermKind.PROCEDURE, 'Epidural blood patch', ['EBP'], 'D017217'),
  term('therapeutic-epidural-blood-patch', TermKind.TREATMENT, 'Epidural blood patch (as treatment)', ['blood patch', 'EBP'], 'D017217'),
  term('death-mesh', TermKind.COMPLICATION, 'Death'),
  term('comorbid', TermKind.COMORBIDITY, 'Preeclampsia'),
]);

const readings = (text: string) => understandQuery(text, vocabulary).phrases.map((p) => [p.text, p.reading.filterKey, p.reading.values.join('|'), p.negated]);

describe('understandQuery', () => {
  it('reads the README question as a population, a complication and a procedure, with their spans', () => {
    const text = 'pregnant intrathecal hematoma blood patch';
    const { phrases, applicable } = understandQuery(text, vocabulary);
    expect(applicable).toBe(true);
    expect(phrases.map((p) => [text.slice(p.start, p.end), p.reading.filterKey, p.reading.values])).toEqual([
      ['pregnant', 'pregnancyStatuses', ['PREGNANT', 'POSTPARTUM']],
      ['intrathecal hematoma', 'complications', ['intrathecal-hematoma']],
      ['blood patch', 'procedures', ['epidural-blood-patch']],
    ]);
    // The same words also name the blood patch given as a treatment: offered as the alternative reading.
    expect(phrases[2].alternatives.map((a) => a.values[0])).toEqual(['therapeutic-epidural-blood-patch']);
  });

  it('prefers the longest phrase and reads British spellings, plurals and abbreviations', () => {
    expect(readings('intrathecal haematomas')).toEqual([['intrathecal haematomas', 'complications', 'intrathecal-hematoma', false]]);
    expect(readings('headache pdph')).toEqual([['pdph', 'complications', 'pdph', false]]);
    expect(readings('hematoma')).toEqual([['hematoma', 'complications', 'hematoma', false]]);
  });

  it('reads population and outcome words, postpartum apart from pregnant', () => {
    expect(readings('postpartum women anticoagulated')).toEqual([
      ['postpartum', 'pregnancyStatuses', 'POSTPARTUM', false],
      ['women', 'sex', 'FEMALE', false],
      ['anticoagulated', 'anticoagulation', 'ANTICOAGULANT|BOTH', false],
    ]);
    expect(readings('on warfarin')).toEqual([['warfarin', 'anticoagulation', 'ANTICOAGULANT|BOTH', false]]);
    // "Death" is also a MeSH term; as a search word it reads as the outcome.
    expect(readings('death after blood patch')[0]).toEqual(['death', 'outcomes', 'DEATH', false]);
    expect(readings('full recovery')).toEqual([['full recovery', 'outcomes', 'FULL_RECOVERY', false]]);
  });

  it('respects negation: a negated population reads as the other known values, a negated term as nothing', () => {
    expect(readings('not pregnant')).toEqual([['not pregnant', 'pregnancyStatuses', 'NOT_PREGNANT', true]]);
    expect(readings('-pregnant hematoma')).toEqual([
      ['-pregnant', 'pregnancyStatuses', 'NOT_PREGNANT', true],
      ['hematoma', 'complications', 'hematoma', false],
    ]);
    expect(readings('non-pregnant')).toEqual([['non-pregnant', 'pregnancyStatuses', 'NOT_PREGNANT', true]]);
    expect(readings('blood patch -hematoma')).toEqual([['blood patch', 'procedures', 'epidural-blood-patch', false]]);
  });

  it('leaves quoted phrases, other term kinds and unknown words as text', () => {
    expect(readings('"intrathecal hematoma"')).toEqual([]);
    expect(readings('preeclampsia arachnoiditis')).toEqual([]);
  });

  it('does not apply readings when the text uses OR', () => {
    const reading = understandQuery('hematoma OR pregnant', vocabulary);
    expect(reading.applicable).toBe(false);
    expect(reading.phrases).toHaveLength(2);
  });

  it('does not join words across an exclusion', () => {
    expect(readings('intrathecal -hematoma')).toEqual([]);
  });
});

describe('textWithout', () => {
  it('removes the applied spans and the connecting words left behind', () => {
    const text = 'intrathecal hematoma after a blood patch in pregnant women headache';
    expect(textWithout(text, [{ start: 0, end: 20 }, { start: 29, end: 40 }, { start: 44, end: 52 }, { start: 53, end: 58 }])).toBe('headache');
  });

  it('gives null when nothing searchable is left, and keeps quoted words', () => {
    expect(textWithout('pregnant', [{ start: 0, end: 8 }])).toBeNull();
    expect(textWithout('pregnant "after the patch"', [{ start: 0, end: 8 }])).toBe('"after the patch"');
  });
});
