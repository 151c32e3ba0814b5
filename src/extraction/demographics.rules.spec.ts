import { buildTermMatcher as buildVocabularyMatcher } from './vocabulary-matcher';
import { buildFieldContext } from './field-context';
import { ageRule, anticoagulationRule, pregnancyRule, sexRule } from './demographics.rules';
import { buildInput, curatedVocabulary } from './extraction.test-support';

const matcher = buildVocabularyMatcher(curatedVocabulary());
const ctx = (text: string) => buildFieldContext('abstract', text, matcher).sentences;

describe('demographics rules', () => {
  it('reads ages in digits and words, in months for infants', () => {
    expect(ageRule(ctx('A 35-yr-old woman was seen.'))?.value).toBe(35);
    expect(ageRule(ctx('A twenty year old healthy male patient complained of pain.'))?.value).toBe(20);
    expect(ageRule(ctx('Male patient, 30 years old, underwent surgery.'))?.value).toBe(30);
    expect(ageRule(ctx('A 6-month-old boy was admitted.'))?.value).toBe(0.5);
  });

  it('reads sex from nouns, not from the newborn ("delivered a healthy male infant")', () => {
    expect(sexRule(ctx('A 36-year-old parturient delivered a healthy male infant.'), buildInput(), true)?.value).toBe('FEMALE');
    expect(sexRule(ctx('An elderly gentleman received epidural analgesia.'), buildInput(), true)?.value).toBe('MALE');
  });

  it('tells postpartum from pregnant', () => {
    expect(pregnancyRule(ctx('A woman had an epidural for labour pain and developed a headache.'), null)?.value).toBe('POSTPARTUM');
    expect(pregnancyRule(ctx('A woman at 33 weeks of gestation was admitted with abdominal pain.'), null)?.value).toBe('PREGNANT');
  });

  it('reads exposure, none, and not a treatment given afterwards or a lupus anticoagulant', () => {
    expect(anticoagulationRule(ctx('A 72-year-old man on rivaroxaban and aspirin presented with back pain.'))?.value).toBe('BOTH');
    expect(anticoagulationRule(ctx('She neither was coagulopathic nor had received anticoagulants.'))?.value).toBe('NONE');
    expect(anticoagulationRule(ctx('Lupus anticoagulant antibody was found. He received anticonvulsants and anticoagulants and was discharged without sequelae.'))).toBeNull();
    expect(anticoagulationRule(ctx('A 30-year-old man, ASA 1, underwent knee surgery.'))).toBeNull();
  });
});

describe('demographics rules, rules 1.3.0', () => {
  it('reads an age written with typographic hyphens (U+2010)', () => {
    expect(ageRule(ctx('An 84\u2010year\u2010old woman developed fever.'))?.value).toBe(84);
  });

  it('reads a spinal given during the delivery of her baby as postpartum', () => {
    expect(pregnancyRule(ctx('We present a patient with headache after the spinal anesthesia given during delivery of her baby.'), null)?.value).toBe('POSTPARTUM');
  });

  it('does not take a planned anticoagulant as exposure', () => {
    expect(anticoagulationRule(ctx('Two days after surgery we decided to administer an anticoagulant to prevent thrombosis.'))).toBeNull();
    expect(anticoagulationRule(ctx('The catheter was removed 2 h prior to the scheduled administration of enoxaparin.'))).toBeNull();
    expect(anticoagulationRule(ctx('She was on enoxaparin 40 mg daily when the catheter was removed.'))?.value).toBe('ANTICOAGULANT');
  });

  it('reads an allergy to a drug as neither exposure nor its absence (rules 1.4.0)', () => {
    expect(anticoagulationRule(ctx('She took no medications and reported an allergy to aspirin leading to hives.'))).toBeNull();
    expect(anticoagulationRule(ctx('He denied any drug use and was allergic to heparin.'))).toBeNull();
    expect(anticoagulationRule(ctx('A 60-year-old man with aspirin intolerance had a lumbar puncture.'))).toBeNull();
    expect(anticoagulationRule(ctx('A 72-year-old man on aspirin for angina presented with back pain.'))?.value).toBe('ANTIPLATELET');
  });
});

describe('ageRule, rules 1.5.0', () => {
  it('reads the clinical shorthand "y/o", "yo" and "y.o."', () => {
    const age = (text: string) => ageRule(buildFieldContext('abstract', text, buildVocabularyMatcher(curatedVocabulary())).sentences)?.value;
    expect(age('A 17 y/o primigravida was admitted for induction.')).toBe(17);
    expect(age('A 34 yo woman had a labour epidural.')).toBe(34);
    expect(age('A 52 y.o. man had a spinal anesthetic.')).toBe(52);
    expect(age('She was given 5 yoghurts.')).toBeUndefined();
  });
});

describe('demographics rules, rules 1.8.0', () => {
  it('reads an age whose hyphen was left before a line break', () => {
    expect(ageRule(ctx('We report a complication in a 24- year-old woman.'))?.value).toBe(24);
    expect(ageRule(ctx('A 74-year- old patient underwent knee replacement.'))?.value).toBe(74);
  });
});
