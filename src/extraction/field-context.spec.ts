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

describe('buildFieldContext: once the case narrative has started (rules 1.2.0)', () => {
  it('keeps a sentence without a patient word or a listed verb as narrative', () => {
    const text =
      'Epidural haematoma is an uncommon complication of neuraxial block. We describe a 48-year-old woman. Bed rest led to complete resolution of the collection. The leg pain regressed over two weeks with physiotherapy.';
    expect(generic(text)).toEqual([true, false, false, false]);
  });

  it('still drops clear discussion after the case: present-tense general statements, cues, citations, the literature review', () => {
    const text =
      'We report a 30-year-old woman with a spinal hematoma. Anticoagulation has been identified as a risk factor. Early decompression is key to a good outcome. Similar cases were described before [3]. We also review the literature on epidural block in a patient taking warfarin. The possible causes are discussed. Prompt imaging improves the outcome.';
    expect(generic(text)).toEqual([false, true, true, true, true, true, true]);
  });

  it('ends the opening background at a case introduction or a sentence telling case detail', () => {
    const text =
      'Headache after dural puncture is a known complication. An epidural blood patch is a standard treatment. Clinical case: 28 years, at term. Admitted in spontaneous labour. A lumbar epidural was sited for analgesia.';
    expect(generic(text).slice(3)).toEqual([false, false]);
  });

  it('takes figures pooled over a group as background, not a scale or a blood pressure', () => {
    expect(generic('We report a 30-year-old woman. Back pain was reported by 12/30 (40%) patients. In 9 cases, no cause was identified.')).toEqual([false, true, true]);
    expect(generic('We report a 30-year-old woman. Pain was 2/10 on NRS at discharge. Blood pressure was 190/110 mm Hg.')).toEqual([false, false, false]);
  });

  it('reads a long heading only in capitals ("WHAT DOES THIS CASE ADD ...?:"), not a sentence with a colon', () => {
    const sections = (text: string) => buildFieldContext('abstract', text, matcher).sentences.map((x) => x.section);
    expect(sections('CASE REPORT: A man had a hematoma. WHAT DOES THIS CASE ADD TO WHAT WE KNOW?: Early recognition is key.')).toEqual(['CASE REPORT', 'WHAT DOES THIS CASE ADD TO WHAT WE KNOW?']);
    expect(sections('CASE REPORT: A man had a hematoma. Two groups of patients with a late onset were compared: early and late.')).toEqual(['CASE REPORT', 'CASE REPORT']);
  });

  it('takes a modal statement before the case as background', () => {
    expect(generic('A post-dural puncture headache may be seen after any breach of the dura. Here we describe a 36-year-old woman.')).toEqual([true, false]);
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

describe('buildFieldContext, rules 1.3.0', () => {
  it('does not take "in the first 6 weeks" for a patient word', () => {
    expect(generic('Postpartum headache is described as headache and neck or shoulder pain in the first 6 weeks after delivery.')).toEqual([true]);
    expect(generic('A 30-year-old woman had headache. The first patient recovered.')).toEqual([false, false]);
  });

  it('reads a requirement in the present tense as advice, not narrative', () => {
    expect(generic('Two cases of spinal epidural abscess are presented. Prompt surgical drainage and antibiotics are required to avoid paralysis.')).toEqual([false, true]);
  });

  it('reads what trials have shown as background', () => {
    expect(generic('A 70-year-old man had a pacemaker. Clinical trials have demonstrated an improvement in quality of life.')).toEqual([false, true]);
  });
});

describe('buildFieldContext: discussion prose (rules 1.4.0)', () => {
  it('reads a time range of the literature ("4-14 days after") as no narrative time', () => {
    expect(generic('We report a 27-year-old woman with diplopia. Abducens palsy occurs 4-14 days after lumbar puncture and resolves within months.')).toEqual([false, true]);
    expect(generic('We report a 27-year-old woman with diplopia. Diplopia started 14 days after lumbar puncture.')).toEqual([false, false]);
  });

  it('reads contracted present-tense verbs as discussion', () => {
    expect(generic('We report a woman with thrombosis. Despite its burden, PDPH doesn’t carry the risk of thrombosis.')).toEqual([false, true]);
  });

  it('reads a modal conclusion about "a pregnant woman who ..." as advice, not the case', () => {
    expect(generic('Conclusion: A haematoma in a pregnant woman who undergoes epidural anaesthesia must always be considered.')).toEqual([true]);
    expect(generic('Conclusion: Our patient recovered after she was operated on.')).toEqual([false]);
  });
});

describe('buildFieldContext: group figures (rules 1.5.0)', () => {
  it('reads shares of a group and counts of the literature as no patient facts', () => {
    expect(generic('We report a 61-year-old man with meningitis. Of the 28 cases, 18 occurred after lumbar puncture.')).toEqual([false, true]);
    expect(generic('We describe two women with a hematoma. Five patients (45%) had a recognized dural puncture.')).toEqual([false, true]);
    expect(generic('We describe two women with a hematoma. The majority of patients had a dural puncture.')).toEqual([false, true]);
  });
});
