import { buildFieldContext } from './field-context';
import { curatedVocabulary } from './extraction.test-support';
import { classProbabilities, featureList, outcomeFeatures, predictOutcome } from './outcome-model';
import { trainOutcomeModel, type TrainingInstance } from './outcome-model.trainer';
import { buildTermMatcher } from './vocabulary-matcher';

const matcher = buildTermMatcher(curatedVocabulary());
const sentences = (text: string) => buildFieldContext('abstract', text, matcher).sentences;
const features = (text: string, rules?: string | null) => outcomeFeatures(sentences(text), rules);

describe('outcomeFeatures', () => {
  it('reads only the sentences that may tell the course, the last one apart again', () => {
    const f = features('A 30-year-old woman had a spinal headache. A blood patch was performed. Her symptoms improved. She recovered completely at follow-up.');
    expect(f.sentences.map((s) => s.ctx.sentence.text)).toEqual(['Her symptoms improved.', 'She recovered completely at follow-up.']);
    const names = featureList(f);
    expect(names).toEqual(expect.arrayContaining(['s:improved', 's:recovered_completely', 'l:recovered_completely', 'l:@time', 'cues:2']));
    expect(names).not.toContain('l:improved');
  });

  it('marks the words of a negation scope', () => {
    const names = featureList(features('She was discharged without neurological deficit.'));
    expect(names).toEqual(expect.arrayContaining(['l:not_deficit']));
    expect(names).not.toContain('l:deficit');
  });

  it('takes the rules proposal as a feature only when asked (the stacked variant)', () => {
    expect(featureList(features('She improved.'))).not.toEqual(expect.arrayContaining([expect.stringMatching(/^rule:/)]));
    expect(featureList(features('She improved.', 'IMPROVED_UNSPECIFIED'))).toContain('rule:IMPROVED_UNSPECIFIED');
    expect(featureList(features('She improved.', null))).toContain('rule:none');
  });

  it('leaves background sentences out', () => {
    const f = features('Subdural hematoma is a rare complication that usually resolves completely. The patient died.');
    expect(f.sentences.map((s) => s.ctx.sentence.text)).toEqual(['The patient died.']);
  });
});

describe('trainOutcomeModel and predictOutcome', () => {
  const text: [string, TrainingInstance['label']][] = [
    ['She recovered completely.', 'FULL_RECOVERY'],
    ['He made a complete recovery at follow-up.', 'FULL_RECOVERY'],
    ['The patient recovered completely without deficit.', 'FULL_RECOVERY'],
    ['The patient died on day two.', 'DEATH'],
    ['She died despite surgery.', 'DEATH'],
    ['He died of the hematoma.', 'DEATH'],
    ['A residual weakness remained at six months.', 'RESIDUAL_DEFICIT'],
    ['The weakness remained at one year.', 'RESIDUAL_DEFICIT'],
    ['He was left with a residual weakness.', 'RESIDUAL_DEFICIT'],
    ['A blood patch was performed.', 'NONE'],
    ['An MRI was performed.', 'NONE'],
    ['The catheter was removed.', 'NONE'],
  ];
  const instances = text.map(([t, label]) => ({ features: featureList(features(t)), label }));

  it('learns separable classes and gives the same weights on every run', () => {
    const model = trainOutcomeModel(instances, { l2: 0.001, iterations: 200, learningRate: 0.1, minCount: 2 });
    expect(trainOutcomeModel(instances, { l2: 0.001, iterations: 200, learningRate: 0.1, minCount: 2 })).toEqual(model);
    expect(predictOutcome(model, features('The woman died after the operation.')).outcome).toBe('DEATH');
    expect(predictOutcome(model, features('At follow-up she recovered completely.')).outcome).toBe('FULL_RECOVERY');
    expect(predictOutcome(model, features('A residual weakness remained.')).outcome).toBe('RESIDUAL_DEFICIT');
    expect(predictOutcome(model, features('A lumbar puncture was performed.')).outcome).toBe('NONE');
  });

  it('does not depend on the order of the instances', () => {
    const options = { l2: 0.01, iterations: 50, learningRate: 0.1, minCount: 2 };
    expect(trainOutcomeModel([...instances].reverse(), options)).toEqual(trainOutcomeModel(instances, options));
  });

  it('gives as evidence the sentence and the words that add most to the class, and a probability', () => {
    const model = trainOutcomeModel(instances, { l2: 0.001, iterations: 200, learningRate: 0.1, minCount: 2 });
    const text = 'Her headache improved after the blood patch. The patient died on the third day.';
    const p = predictOutcome(model, features(text));
    expect(p.outcome).toBe('DEATH');
    expect(p.sentence?.sentence.text).toBe('The patient died on the third day.');
    expect(text.slice(p.span!.start, p.span!.end)).toMatch(/died/);
    expect(p.probability).toBeCloseTo(Math.max(...classProbabilities(model, featureList(features(text)))), 10);
    expect(p.probability).toBeGreaterThan(0.5);
  });

  it('says what is wrong with its input', () => {
    expect(() => trainOutcomeModel([])).toThrow('no training instances');
    expect(() => trainOutcomeModel([{ features: ['a'], label: 'UNKNOWN' as never }])).toThrow('unknown class UNKNOWN');
  });
});
