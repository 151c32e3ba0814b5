import { buildFieldContext } from './field-context';
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
