import { buildTermMatcher as buildVocabularyMatcher } from './vocabulary-matcher';
import { buildFieldContext } from './field-context';
import { outcomeRule } from './outcome.rules';
import { curatedVocabulary } from './extraction.test-support';

const matcher = buildVocabularyMatcher(curatedVocabulary());
const outcome = (text: string) => outcomeRule(buildFieldContext('abstract', text, matcher).sentences);

describe('outcomeRule', () => {
  it.each([
    ['The patient made a complete recovery.', 'FULL_RECOVERY'],
    ['She was discharged without neurological sequelae.', 'FULL_RECOVERY'],
    ['Her symptoms improved gradually.', 'IMPROVED_UNSPECIFIED'],
    ['She improved, with partial recovery of motor function.', 'PARTIAL_RECOVERY'],
    ['His weakness improved but the paraplegia persisted.', 'RESIDUAL_DEFICIT'],
    ['The patient died on the third day.', 'DEATH'],
    // A treatment that brought resolution of the symptoms: full recovery, as "showed resolution of" already was.
    ['A repeat blood patch at T3-4 resulted in resolution of her symptoms.', 'FULL_RECOVERY'],
    ['The blood patch she received led to resolution of her symptoms.', 'FULL_RECOVERY'],
    ['The first patch was performed with minimal resolution of her symptoms.', 'IMPROVED_UNSPECIFIED'],
    ['The headache resolved after two days.', 'IMPROVED_UNSPECIFIED'],
  ])('%s → %s', (text, expected) => {
    expect(outcome(text).outcome?.value).toBe(expected);
  });

  it('does not take a hypothetical or negated outcome', () => {
    expect(outcome('Untreated hematomas can result in permanent disability and death.').outcome).toBeNull();
    expect(outcome('There was no improvement after the first patch.').outcome).toBeNull();
  });

  it('reads the time to resolution', () => {
    expect(outcome('The hematoma cleared with observation and she recovered completely within three weeks.').timeToResolutionDays?.value).toBe(21);
  });
});
