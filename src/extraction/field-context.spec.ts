import { abbreviates, buildFieldContext } from './field-context';
import { buildVocabularyMatcher } from './extract-cases';
import { curatedVocabulary } from './extraction.test-support';

const matcher = buildVocabularyMatcher(curatedVocabulary());
const generic = (text: string) => buildFieldContext('abstract', text, matcher).sentences.map((s) => s.generic);

describe('buildFieldContext: background sentences', () => {
  it('keeps "When <past tense>, ..." as narrative and "When/If <present>" as a condition', () => {
    expect(generic('When CT venogram was obtained ten days later, the diagnosis of cerebral venous thrombosis (CVT) was made.')).toEqual([false]);
    expect(generic('When the dura was inadvertently punctured, an epidural blood patch was performed.')).toEqual([false]);
    expect(generic('When the headache is persistent or incapacitating, more aggressive treatment may be necessary.')).toEqual([true]);
    expect(generic('If the patient was anticoagulated, a hematoma could develop.')).toEqual([true]);
  });
});

describe('buildFieldContext: opening background', () => {
  it('continues the opening background through a sentence that names no patient, until the case is introduced', () => {
    const text =
      'Spontaneous intracranial hypotension is a rare syndrome. Low opening pressure was shown through lumbar puncture. We treated two cases of SIH with an epidural blood patch.';
    expect(generic(text)).toEqual([true, true, false]);
  });

  it('leaves an abstract that opens with the case alone', () => {
    expect(generic('Epidural anaesthesia was performed for a caesarean section. Two days later she developed a headache.')).toEqual([false, false]);
  });
});

describe('short forms the text defines', () => {
  const keysIn = (text: string) =>
    buildFieldContext('abstract', text, matcher).sentences.flatMap((s) => s.matches.map((m) => `${text.slice(m.start, m.end)}=${m.entries.map((e) => e.key).join(',')}`));

  it('matches "(SEA)" after "spinal epidural abscess" as that term in the rest of the record', () => {
    expect(keysIn('She had a spinal epidural abscess (SEA) at L3. The SEA was drained.')).toEqual(['spinal epidural abscess=epidural-abscess', 'SEA=epidural-abscess']);
  });

  it('needs the short form to abbreviate the long form and to be defined before use', () => {
    expect(keysIn('The SEA was drained. She had a spinal epidural abscess (SEA).')).toEqual(['spinal epidural abscess=epidural-abscess']);
    expect(keysIn('She had a spinal epidural hematoma (MRI). The MRI was repeated.')).toEqual(['spinal epidural hematoma=spinal-epidural-hematoma']);
  });

  it('abbreviates() follows Schwartz & Hearst', () => {
    expect(abbreviates('PDPH', 'postdural puncture headache')).toBe(true);
    expect(abbreviates('SHs', 'spinal hematomas')).toBe(true);
    expect(abbreviates('CSF', 'spinal epidural hematoma')).toBe(false);
    expect(abbreviates('n', 'nausea')).toBe(false);
  });
});
