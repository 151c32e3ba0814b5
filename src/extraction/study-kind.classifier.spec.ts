import { classifyStudy } from './study-kind.classifier';
import { buildInput } from './extraction.test-support';

describe('classifyStudy', () => {
  const kind = (publicationTypes: string[], text: string) => classifyStudy(buildInput({ publicationTypes }), text).kind;

  it('trusts "Case Reports" and individual wording', () => {
    expect(kind(['Case Reports'], 'We report a case.')).toBe('CASE_REPORT');
    expect(kind(['Journal Article'], 'A 71-year-old man with a tumour was treated.')).toBe('CASE_REPORT');
  });

  it('calls reviews, trials, cohorts and meta-analyses not individual', () => {
    expect(kind(['Review'], 'We review the literature on headache.')).toBe('NOT_INDIVIDUAL_PATIENTS');
    expect(kind(['Randomized Controlled Trial'], 'Patients were randomised.')).toBe('NOT_INDIVIDUAL_PATIENTS');
    expect(kind(['Journal Article'], 'A retrospective review of 12,000 patients.')).toBe('NOT_INDIVIDUAL_PATIENTS');
    expect(kind(['Meta-Analysis', 'Systematic Review'], 'Twelve studies included 14,105 patients.')).toBe('NOT_INDIVIDUAL_PATIENTS');
  });

  it('keeps a case report inside a review when the text clearly reports a patient', () => {
    expect(kind(['Case Reports', 'Review'], 'We describe a 19-year-old woman with chest pain. Differential diagnoses are reviewed.')).toBe('CASE_REPORT');
    expect(kind(['Review'], 'The authors present the case of a 32-year-old multiparous woman with seizures.')).toBe('CASE_REPORT');
  });

  it('keeps a small series the authors present beside an incidence estimate, not a large one', () => {
    expect(kind([], 'We present three cases of epidural abscess. We have retrospectively calculated the incidence of epidural abscess.')).toBe('CASE_REPORT');
    expect(kind([], 'We present 33 cases of epidural abscess. We have retrospectively calculated the incidence of epidural abscess.')).toBe('NOT_INDIVIDUAL_PATIENTS');
    expect(kind(['Randomized Controlled Trial'], 'We report two patients randomised to placebo.')).toBe('NOT_INDIVIDUAL_PATIENTS');
  });

  it('says UNKNOWN when nothing tells', () => {
    expect(kind(['Journal Article'], 'Dinosaur feathers were preserved.')).toBe('UNKNOWN');
  });
});

describe('classifyStudy, rules 1.3.0', () => {
  it('reads "We report on a female patient who ..." as an individual patient', () => {
    expect(classifyStudy(buildInput({ publicationTypes: [] }), 'We report on a female patient who underwent an arthroscopy of the knee.').kind).toBe('CASE_REPORT');
    expect(classifyStudy(buildInput({ publicationTypes: [] }), 'With micro-CT we report on the neuroanatomy of an adult braincase.').kind).toBe('UNKNOWN');
  });
});

describe('classifyStudy, rules 1.5.0', () => {
  it('reads a passive announcement of the case as an individual patient beside a quoted meta-analysis', () => {
    const text = 'A meta-analysis gave the onset of the headache as 1 to 7 days. Presented here is the first published case of a headache starting on day 14.';
    expect(classifyStudy(buildInput({ publicationTypes: [] }), text).kind).toBe('CASE_REPORT');
    expect(classifyStudy(buildInput({ publicationTypes: [] }), 'A meta-analysis of 20 trials. The first case of the syndrome was reported in 1950.').kind).toBe('NOT_INDIVIDUAL_PATIENTS');
  });
});

describe('classifyStudy, rules 1.6.0', () => {
  it('reads a search of the literature for published cases as a review, unless the authors report their own patient', () => {
    const review = 'Diplopia after dural puncture is rare; the first case of it was described long ago. To compile the case reports, we performed a computerized search of the medical literature from 1966 to 2002.';
    expect(classifyStudy(buildInput({ publicationTypes: [] }), review).kind).toBe('NOT_INDIVIDUAL_PATIENTS');
    expect(classifyStudy(buildInput({ publicationTypes: [] }), 'We report a 40-year-old woman with diplopia after a spinal anaesthetic, and a literature search found 12 similar cases.').kind).toBe('CASE_REPORT');
  });
});

describe('classifyStudy, rules 1.7.0', () => {
  it('reads "our patient" as an individual patient, not "our patients"', () => {
    expect(classifyStudy(buildInput({ publicationTypes: [] }), 'Our patient with a disc prolapse was given an epidural steroid injection. Hours later she developed a headache.').kind).toBe('CASE_REPORT');
    expect(classifyStudy(buildInput({ publicationTypes: [] }), 'Pneumocephalus after epidural injection. Postoperatively, our patient started to have a headache.').kind).toBe('CASE_REPORT');
    expect(classifyStudy(buildInput({ publicationTypes: [] }), 'Our patients were given epidural steroid injections and headache was recorded.').kind).not.toBe('CASE_REPORT');
  });
});

describe('classifyStudy, rules 1.8.0', () => {
  const classify = (publicationTypes: string[], abstract: string) => classifyStudy(buildInput({ publicationTypes, abstract }), abstract).kind;

  it('gives no patient to a retrospective review that PubMed types "Case Reports" and that names no individual', () => {
    expect(classify(['Case Reports'], 'We conducted a detailed 54-year retrospective review of patients who developed epidural hematoma after neuraxial blockade. The incidence was 2.14 of 100,000.')).toBe('NOT_INDIVIDUAL_PATIENTS');
    expect(classify(['Case Reports'], 'We analysed a registry of spinal haematomas after neuraxial blocks.')).toBe('NOT_INDIVIDUAL_PATIENTS');
  });

  it('keeps the case of a "Case Reports" record whose abstract is background, or whose patient is named beside the review', () => {
    // An incidence or "a retrospective diagnosis" is no study design.
    expect(classify(['Case Reports'], 'Subdural hematoma is an uncommon complication. The incidence of subdural hematoma after lumbar puncture is about 1:500,000.')).toBe('CASE_REPORT');
    expect(classify(['Case Reports'], 'Unrecognized dural puncture is often a retrospective diagnosis made with the onset of symptoms.')).toBe('CASE_REPORT');
    expect(classify(['Case Reports'], 'A 61-year-old man developed a haematoma. We also performed a retrospective review of 20 cases.')).toBe('CASE_REPORT');
  });

  it('reads "a patient who developed ..." as an individual patient', () => {
    expect(classify([], "This is a report of the details of a patient who developed Horner's syndrome after lumbar epidural block for cesarean section.")).toBe('CASE_REPORT');
    expect(classify([], 'Headache is common in a patient who develops intracranial hypotension.')).toBe('UNKNOWN');
  });
});

describe('classifyStudy, rules 1.13.0', () => {
  const classify = (publicationTypes: string[], abstract: string) => classifyStudy(buildInput({ publicationTypes, abstract }), abstract).kind;

  it('reads "we describe the ..." as a patient only when a case, an occurrence or a management is described', () => {
    expect(classify([], 'Little is known about these infections. We describe the early clinical course of outbreak-associated infections.')).toBe('UNKNOWN');
    expect(classify([], 'We report the results of a new catheter design.')).toBe('UNKNOWN');
    expect(classify([], 'We report the occurrence of PRES in a young parturient.')).toBe('CASE_REPORT');
    expect(classify([], 'We describe the successful management of this complication.')).toBe('CASE_REPORT');
  });

  it('calls a case series explored in aggregate no individual, a case series of named patients one', () => {
    expect(classify([], 'This case series explores the experience of femoral nerve catheter use at two hospitals. Serious complications are reported.')).toBe('UNKNOWN');
    expect(classify([], 'Our case series describes the use of catheters.')).toBe('UNKNOWN');
    expect(classify([], 'We present a case series of 2 patients who developed palsies.')).toBe('CASE_REPORT');
    expect(classify([], 'This case illustrates a rare complication.')).toBe('CASE_REPORT');
  });

  it('reads "a young male", "a 2994 g infant" and "suffered" as the record\'s patient', () => {
    expect(classify([], 'A young male underwent decompressive craniotomy for an intracerebral bleed.')).toBe('CASE_REPORT');
    expect(classify([], 'A 2994 g infant suffered cardiac tamponade from an infusion through a central venous catheter.')).toBe('CASE_REPORT');
    expect(classify([], 'A female patient suffered a fall.')).toBe('CASE_REPORT');
    // Not a person: "a male predominance was noted", "a fever was present".
    expect(classify([], 'A male predominance was noted. A fever was present in some.')).toBe('UNKNOWN');
  });

  it('counts "two case histories" as patients', () => {
    expect(classify([], 'Two case histories are presented of postpartum women whose headache was treated with a blood patch.')).toBe('CASE_REPORT');
  });

  it('keeps a person the authors report beside an incidence, and a case announced with its person beside a quoted randomised trial', () => {
    expect(classify([], 'The incidence of mediastinal haematoma is rare. We report a frail elderly man who was started on parenteral nutrition.')).toBe('CASE_REPORT');
    expect(classify([], 'Persistent hiccup is uncommon. We present the case of a 43-year-old male patient referred for back pain. There are only a few randomized, controlled studies of steroid injections.')).toBe('CASE_REPORT');
    // A trial of patients stays a trial.
    expect(classify([], 'The incidence of headache was compared. We report a randomized trial of 120 patients.')).toBe('NOT_INDIVIDUAL_PATIENTS');
    expect(classify([], 'Patients were randomized to two groups. We report the case of a 30-year-old woman from the trial.')).toBe('CASE_REPORT');
  });
});
