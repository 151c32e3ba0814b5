import { assertionFlags, HISTORICAL, HYPOTHETICAL, NEGATED } from './context-scopes';
import { tokenize } from './text-tokenizer';

function flagsOf(sentence: string, word: string): number {
  const tokens = tokenize(sentence);
  const flags = assertionFlags(tokens, sentence);
  const i = tokens.findIndex((t) => t.raw === word);
  if (i < 0) throw new Error(`no token ${word}`);
  return flags[i];
}

describe('assertionFlags (ConText-style scopes)', () => {
  it('negates forward from a pre-trigger until a terminator', () => {
    expect(flagsOf('MRI showed no hematoma', 'hematoma') & NEGATED).toBeTruthy();
    expect(flagsOf('no fever but a hematoma', 'hematoma') & NEGATED).toBeFalsy();
    expect(flagsOf('no fever; hematoma on MRI', 'hematoma') & NEGATED).toBeFalsy();
  });

  it('takes "suggestive of" and a differential ("differentiation between") as hypothetical, until a new clause (rules 1.2.0)', () => {
    expect(flagsOf('the spinal fluid picture was suggestive of bacterial meningitis', 'bacterial') & HYPOTHETICAL).toBeTruthy();
    expect(flagsOf('differentiation between viral and bacterial meningitis was difficult', 'bacterial') & HYPOTHETICAL).toBeTruthy();
    expect(flagsOf('the CSF was suggestive of meningitis and she made a full recovery', 'recovery') & HYPOTHETICAL).toBeFalsy();
  });

  it('negates "no risks of" over the following noun phrase', () => {
    expect(flagsOf('He had no risks of a bleeding coagulopathy', 'coagulopathy') & NEGATED).toBeTruthy();
  });

  it('negates backward from a post-trigger ("was ruled out")', () => {
    expect(flagsOf('an epidural abscess was ruled out', 'abscess') & NEGATED).toBeTruthy();
    expect(flagsOf('surgical decompression was not required', 'decompression') & NEGATED).toBeTruthy();
  });

  it('keeps refused/declined to a short scope', () => {
    expect(flagsOf('she refused a blood patch and opted for conservative treatment', 'patch') & NEGATED).toBeTruthy();
    expect(flagsOf('she refused a blood patch and opted for conservative treatment', 'conservative') & NEGATED).toBeFalsy();
  });

  it('marks hypothetical and historical scopes, but not "a 4-day history of" (the present illness)', () => {
    expect(flagsOf('the risk of hematoma is low', 'hematoma') & HYPOTHETICAL).toBeTruthy();
    expect(flagsOf('a history of subdural hematoma', 'subdural') & HISTORICAL).toBeTruthy();
    expect(flagsOf('a 4-day history of back pain', 'back') & HISTORICAL).toBeFalsy();
  });

  it('ends a forward scope at a coordinated clause with its own verb ("without X and was treated ...")', () => {
    const s = 'a 35-yr-old woman without coagulopathy and was initially treated for chronic pain by repetitive epidural phenol injections';
    expect(flagsOf(s, 'coagulopathy') & NEGATED).toBeTruthy();
    expect(flagsOf(s, 'phenol') & NEGATED).toBeFalsy();
    expect(flagsOf(s, 'chronic') & NEGATED).toBeFalsy();
    // A coordinated noun phrase stays inside the scope, and backward scopes are untouched.
    expect(flagsOf('no hematoma or abscess was seen', 'abscess') & NEGATED).toBeTruthy();
    expect(flagsOf('without fever and headache', 'headache') & NEGATED).toBeTruthy();
    expect(flagsOf('a hematoma and abscess were ruled out', 'abscess') & NEGATED).toBeTruthy();
  });

  it('ends a forward scope at a comma followed by an article (a new clause), not inside a negated list', () => {
    const s = 'having excluded the more statistically likely aetiologies, an incomplete cauda equina syndrome was diagnosed';
    expect(flagsOf(s, 'aetiologies') & NEGATED).toBeTruthy();
    expect(flagsOf(s, 'cauda')).toBe(0);
    expect(flagsOf('no fever, headache or rash', 'rash') & NEGATED).toBeTruthy();
    expect(flagsOf('no fever, nausea, or a rash', 'rash') & NEGATED).toBeTruthy();
  });

  it('reads "considered to be" as the clinicians\' reading, not a differential', () => {
    expect(flagsOf('epidural fluid, which was considered to be a cerebrospinal leakage', 'leakage') & HYPOTHETICAL).toBeFalsy();
    expect(flagsOf('an epidural hematoma was considered', 'hematoma') & HYPOTHETICAL).toBeFalsy(); // post position: not a trigger here
    expect(flagsOf('we considered an epidural hematoma', 'hematoma') & HYPOTHETICAL).toBeTruthy();
  });

  it('ignores pseudo-triggers ("no longer")', () => {
    expect(flagsOf('the headache was no longer postural', 'postural') & NEGATED).toBeFalsy();
  });

  it('negates what follows "no other" (rules 1.13.1: it was a pseudo-trigger), not what came before it', () => {
    expect(flagsOf('There were no other sensory or motor deficits', 'motor') & NEGATED).toBeTruthy();
    expect(flagsOf('she had no other neurological symptoms', 'neurological') & NEGATED).toBeTruthy();
    expect(flagsOf('a spinal hematoma with no other injury', 'hematoma') & NEGATED).toBeFalsy();
  });
});

describe('assertionFlags, rules 1.3.0', () => {
  it('negates a finding looked for and not seen ("was not visualized", "was not marked")', () => {
    expect(flagsOf('The direct CSF leak was not visualized', 'leak') & NEGATED).toBeTruthy();
    expect(flagsOf('fever was present; backache was not marked', 'backache') & NEGATED).toBeTruthy();
    expect(flagsOf('fever was present; backache was not marked', 'fever') & NEGATED).toBeFalsy();
  });

  it('takes a presumed or interpreted working diagnosis as hypothetical, not what follows the next verb', () => {
    expect(flagsOf('She was treated with antibiotics for presumed meningitis', 'meningitis') & HYPOTHETICAL).toBeTruthy();
    expect(flagsOf('This was interpreted as a post-dural puncture headache and was treated with fluids', 'headache') & HYPOTHETICAL).toBeTruthy();
    expect(flagsOf('This was interpreted as a post-dural puncture headache and was treated with fluids', 'fluids') & HYPOTHETICAL).toBeFalsy();
    expect(flagsOf('the second presented with the clinical picture of meningitis', 'meningitis') & HYPOTHETICAL).toBeTruthy();
  });

  it('ends a negation at "requested" (a new predicate)', () => {
    expect(flagsOf('a primigravida with no past medical history requested epidural analgesia', 'analgesia') & NEGATED).toBeFalsy();
  });

  it('negates a treatment replaced by an alternative (rules 1.4.0)', () => {
    expect(flagsOf('the ganglion block gave relief and eliminated the need for a blood patch', 'patch') & NEGATED).toBeTruthy();
    expect(flagsOf('she preferred options other than a blood patch', 'patch') & NEGATED).toBeTruthy();
    expect(flagsOf('conservative care was tried as an alternative to surgery', 'surgery') & NEGATED).toBeTruthy();
  });

  it('hedges a test read as a diagnosis and a finding that mimics another (rules 1.4.0)', () => {
    expect(flagsOf('the spinal fluid indicates bacterial meningitis but cultures stayed sterile', 'bacterial') & HYPOTHETICAL).toBeTruthy();
    expect(flagsOf('a venous thrombosis mimicking postdural puncture headache', 'headache') & HYPOTHETICAL).toBeTruthy();
    expect(flagsOf('a venous thrombosis mimicking postdural puncture headache', 'thrombosis') & HYPOTHETICAL).toBeFalsy();
  });

  it('carries a negation over "or any other" and ends it at "and reported" / "and treated" (rules 1.4.0)', () => {
    expect(flagsOf('the placement did not cause a visible spinal fluid leak or any other clinical signs of dural puncture', 'puncture') & NEGATED).toBeTruthy();
    expect(flagsOf('she took no medications and reported an allergy to aspirin', 'aspirin') & NEGATED).toBeFalsy();
    expect(flagsOf('the headache was interpreted as migraine and treated with a blood patch', 'patch') & HYPOTHETICAL).toBeFalsy();
  });

  it('ends a negation at "and one (patient) with", the next patient of a pair (rules 1.4.0)', () => {
    expect(flagsOf('one patient with a subdural hematoma with no trauma and one with an epidural hematoma', 'epidural') & NEGATED).toBeFalsy();
    expect(flagsOf('one patient with a subdural hematoma with no trauma and one with an epidural hematoma', 'trauma') & NEGATED).toBeTruthy();
  });
});

describe('assertionFlags, rules 1.5.0: a working diagnosis later revised', () => {
  it('takes "working diagnosis of", "initial diagnosis" and "initially presented as" as hypothetical', () => {
    expect(flagsOf('A working diagnosis of meningitis was made', 'meningitis') & HYPOTHETICAL).toBeTruthy();
    expect(flagsOf('The initial diagnosis was possible subarachnoid hemorrhage', 'hemorrhage') & HYPOTHETICAL).toBeTruthy();
    expect(flagsOf('a headache that initially presented as a migraine, but was later diagnosed as PRES', 'migraine') & HYPOTHETICAL).toBeTruthy();
    expect(flagsOf('a headache that initially presented as a migraine, but was later diagnosed as PRES', 'PRES') & HYPOTHETICAL).toBeFalsy();
  });
});

describe('assertionFlags, rules 1.5.0: a treatment given that did not work', () => {
  it('does not negate the treatment after "did not resolve with" or "did not respond to"', () => {
    expect(flagsOf('the headache did not resolve with an epidural blood patch', 'patch') & NEGATED).toBeFalsy();
    expect(flagsOf('her pain did not respond to oral analgesics', 'analgesics') & NEGATED).toBeFalsy();
    expect(flagsOf('she did not receive an epidural blood patch', 'patch') & NEGATED).toBeTruthy();
  });
});

describe('assertionFlags: "not only X but also Y" (checked for rules 1.7.0)', () => {
  it('asserts both X and Y: "not only" is a pseudo-trigger, no negation', () => {
    expect(flagsOf('hearing loss followed not only spinal anesthesia but also myelography', 'spinal') & NEGATED).toBeFalsy();
    expect(flagsOf('hearing loss followed not only spinal anesthesia but also myelography', 'myelography') & NEGATED).toBeFalsy();
    expect(flagsOf('she had not only a headache but also diplopia', 'headache') & NEGATED).toBeFalsy();
    // A plain "not" still negates.
    expect(flagsOf('she did not have a headache', 'headache') & NEGATED).toBeTruthy();
  });
});

describe('assertionFlags, rules 1.8.0', () => {
  it('ends a negation at "and" + a noun phrase with its own verb, not at a plain list item', () => {
    expect(flagsOf('Imaging demonstrated no abnormality and a common peroneal nerve injury was later confirmed.', 'peroneal') & NEGATED).toBe(0);
    expect(flagsOf('There was no fever and a normal white count.', 'normal') & NEGATED).toBe(NEGATED);
  });
});
