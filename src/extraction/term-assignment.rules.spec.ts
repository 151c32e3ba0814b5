import { buildVocabularyMatcher, extractCases } from './extract-cases';
import { buildInput, curatedVocabulary } from './extraction.test-support';

const matcher = buildVocabularyMatcher(curatedVocabulary());
const complications = (abstract: string, extra: Parameters<typeof buildInput>[0] = {}) =>
  extractCases(buildInput({ abstract, publicationTypes: ['Case Reports'], ...extra }), matcher).patients[0].complications.map((c) => c.termKey);

describe('mostSpecific: one key per finding', () => {
  it('drops an ancestor that is another wording of the descendant', () => {
    // "hematoma" / "intracranial hematoma" re-name the subdural hematoma; "SDH" is one by its vocabulary label.
    expect(complications('A 30-year-old woman developed a subdural hematoma. The intracranial hematoma resolved.')).toEqual(['intracranial-subdural-hematoma']);
    expect(complications('A 49-year-old man had an SDH at T8. The hematoma resolved.')).not.toContain('hematoma');
    // A class of complications ("Infectious complication") named bare is the specific one.
    expect(complications('A 50-year-old man developed an epidural infection. MRI showed an epidural abscess.')).toEqual(['epidural-abscess']);
  });

  it('keeps an ancestor named in words of its own as a finding of its own', () => {
    const c = complications('A 20-year-old man had cauda equina syndrome after spinal anesthesia. The next day he was noted to have a right L1 to S2 radiculopathy.');
    expect(c).toEqual(expect.arrayContaining(['cauda-equina-syndrome', 'radiculopathy']));
    const leak = complications('A 32-year-old woman had a postdural puncture headache. Spinal MRI showed a CSF leak.');
    expect(leak).toEqual(expect.arrayContaining(['post-dural-puncture-headache', 'csf-leak']));
  });

  it('lets a MeSH heading name the same finding as the text (the ancestor is dropped)', () => {
    const c = complications('A 20-year-old man had radiculopathy after spinal anesthesia.', {
      meshHeadings: [{ descriptorUi: 'D011128', label: 'Polyradiculopathy', majorTopic: false }],
    });
    expect(c).toEqual(['polyradiculopathy']);
  });
});

describe('a bare head noun re-names a complication named in full', () => {
  it('does not add "abscess" beside "epidural abscess"', () => {
    expect(complications('A 31-year-old woman was diagnosed with epidural abscess. The abscess was drained surgically.')).toEqual(['epidural-abscess']);
  });
});

describe('clause wordings', () => {
  const procedures = (abstract: string) =>
    extractCases(buildInput({ abstract, publicationTypes: ['Case Reports'] }), matcher).patients[0].procedures.map((c) => c.termKey);

  it('reads "the dura was inadvertently punctured" as an accidental dural puncture', () => {
    expect(procedures('A 35-yr-old woman had epidural injections. The dura was inadvertently punctured during an injection.')).toContain('accidental-dural-puncture');
    expect(procedures('A 35-yr-old woman had an epidural. The needle accidentally punctured her dura.')).toContain('accidental-dural-puncture');
  });

  it('not when the puncture was meant, negated or hypothetical', () => {
    expect(procedures('A 35-yr-old woman had a combined spinal-epidural; the dura was punctured with a 27G needle.')).not.toContain('accidental-dural-puncture');
    expect(procedures('A 35-yr-old woman had an epidural. The dura was not inadvertently punctured.')).not.toContain('accidental-dural-puncture');
    expect(procedures('A 35-yr-old woman had an epidural. If the dura is accidentally punctured, headache follows.')).not.toContain('accidental-dural-puncture');
  });
});
