import { buildTermMatcher as buildVocabularyMatcher } from './vocabulary-matcher';
import { buildFieldContext } from './field-context';
import { bloodVolume, diagnosis, onsetHours, vertebralLevel } from './procedure-details.rules';
import { curatedVocabulary } from './extraction.test-support';

const matcher = buildVocabularyMatcher(curatedVocabulary());
const first = (text: string) => buildFieldContext('abstract', text, matcher).sentences[0];

describe('procedure details', () => {
  it('reads blood volumes', () => {
    expect(bloodVolume(first('A blood patch with 20 mL of autologous blood was done.'))?.value).toBe(20);
    expect(bloodVolume(first('An epidural blood patch with 25 cc of autologous blood relieved her.'))?.value).toBe(25);
    expect(bloodVolume(first('She received 3 ml bupivacaine.'))).toBeNull();
  });

  it('reads the level a procedure was done at, not the extent of a hematoma', () => {
    expect(vertebralLevel(first('An epidural was sited at the L3-4 interspace.'), 0)?.value).toBe('L3-L4');
    expect(vertebralLevel(first('Spinal anesthesia was performed at L2/L3.'), 0)?.value).toBe('L2-L3');
    expect(vertebralLevel(first('MRI showed a hematoma from T8 to S3.'), 0)).toBeNull();
  });

  it('reads onset times', () => {
    expect(onsetHours(first('Twenty hours after the puncture she had a headache.'))?.value).toBe(20);
    expect(onsetHours(first('On postpartum day 5 she presented with fever.'))?.value).toBe(120);
    expect(onsetHours(first('On the 12th postoperative day a blood patch was done.'))?.value).toBe(288);
  });

  it('reads the imaging as written', () => {
    expect(diagnosis(first('Magnetic resonance imaging revealed a hematoma.'))?.value).toBe('Magnetic resonance imaging');
  });
});
