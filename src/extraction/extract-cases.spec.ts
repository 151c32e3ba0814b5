import { Anticoagulation, Outcome, PregnancyStatus, Sex } from '../case-reports/case-report.enums';
import { buildVocabularyMatcher, extractCases } from './extract-cases';
import { buildInput, curatedVocabulary } from './extraction.test-support';
import type { ExtractionResult, ProposedPatient } from './extraction.types';

const matcher = buildVocabularyMatcher(curatedVocabulary());
const run = (abstract: string, extra: Parameters<typeof buildInput>[0] = {}) => extractCases(buildInput({ abstract, publicationTypes: ['Case Reports'], ...extra }), matcher);
const keys = (p: ProposedPatient, field: 'complications' | 'procedures' | 'symptoms' | 'treatments' | 'comorbidities') => p[field].map((t) => t.termKey);

function allEvidence(r: ExtractionResult) {
  const out = [];
  for (const p of r.patients) {
    for (const v of [p.ageYears, p.sex, p.pregnancyStatus, p.anticoagulation, p.outcome, p.timeToResolutionDays]) if (v) out.push(v.evidence);
    for (const t of [...p.comorbidities, ...p.procedures, ...p.complications, ...p.symptoms, ...p.treatments]) out.push(t.evidence);
  }
  return out;
}

describe('extractCases', () => {
  describe('negated mentions are not asserted', () => {
    it.each([
      ['MRI showed no hematoma.', 'hematoma'],
      ['A 30-year-old woman recovered without neurological deficit after an epidural hematoma.', 'neurological-complication'],
      ['A 30-year-old woman had headache; an epidural abscess was ruled out.', 'epidural-abscess'],
      ['A 30-year-old woman had headache; meningitis was excluded by lumbar puncture.', 'meningitis'],
      ['A 30-year-old woman denied fever and had headache.', 'fever'],
    ])('%s', (abstract, key) => {
      const p = run(abstract).patients[0];
      const all = [...keys(p, 'complications'), ...keys(p, 'symptoms')];
      expect(all).not.toContain(key);
    });
  });

  it('does not assert hypothetical mentions ("the risk of hematoma", "may cause")', () => {
    const p = run('A 28-year-old woman had a labour epidural. The risk of hematoma is discussed. It may cause meningitis.').patients[0];
    expect(keys(p, 'complications')).toEqual([]);
  });

  it('treats "history of" as historical for complications but asserts comorbidities', () => {
    const p = run('A 70-year-old man with a history of atrial fibrillation and a history of subdural hematoma developed cauda equina syndrome.').patients[0];
    expect(keys(p, 'comorbidities')).toContain('atrial-fibrillation');
    expect(keys(p, 'complications')).not.toContain('intracranial-subdural-hematoma');
    expect(keys(p, 'complications')).toContain('cauda-equina-syndrome');
  });

  it('reads a single case report: age, sex, pregnancy, anticoagulation, terms, details, outcome', () => {
    const abstract =
      'A 32-year-old parturient received labour epidural analgesia at the L3-4 interspace complicated by accidental dural puncture. ' +
      'She developed a postdural puncture headache and received 20 mL of autologous blood as an epidural blood patch. ' +
      'Nine days later she had low back pain; MRI showed an intrathecal hematoma. She was on enoxaparin. ' +
      'She was treated with observation and analgesics and recovered completely within three weeks.';
    const r = run(abstract, { title: 'Intrathecal hematoma after epidural blood patch' });
    expect(r.studyKind).toBe('CASE_REPORT');
    const p = r.patients[0];
    expect(p.ageYears?.value).toBe(32);
    expect(p.sex?.value).toBe(Sex.FEMALE);
    expect(p.pregnancyStatus?.value).toBe(PregnancyStatus.POSTPARTUM);
    expect(p.anticoagulation?.value).toBe(Anticoagulation.ANTICOAGULANT);
    expect(keys(p, 'complications')).toEqual(expect.arrayContaining(['post-dural-puncture-headache', 'intrathecal-hematoma']));
    expect(keys(p, 'procedures')).toEqual(expect.arrayContaining(['labour-epidural-analgesia', 'accidental-dural-puncture', 'epidural-blood-patch']));
    const ebp = p.procedures.find((x) => x.termKey === 'epidural-blood-patch');
    expect(ebp?.bloodVolumeMl?.value).toBe(20);
    expect(p.procedures.find((x) => x.termKey === 'labour-epidural-analgesia')?.vertebralLevel?.value).toBe('L3-L4');
    const ith = p.complications.find((c) => c.termKey === 'intrathecal-hematoma');
    expect(ith?.diagnosis?.value).toBe('MRI');
    expect(ith?.onsetHours?.value).toBe(9 * 24);
    expect(keys(p, 'treatments')).toEqual(expect.arrayContaining(['observation', 'analgesics']));
    expect(p.outcome?.value).toBe(Outcome.FULL_RECOVERY);
    expect(p.timeToResolutionDays?.value).toBe(21);
  });

  it('reads "second epidural blood patch" as attempt 2 and "on postpartum day 3" as onset', () => {
    const p = run('A 30-year-old woman had a headache after an epidural blood patch. On postpartum day 3 back pain began after a second epidural blood patch.').patients[0];
    expect(p.procedures.some((x) => x.attemptNumber?.value === 2)).toBe(true);
  });

  it('counts "two cases", "Case 1 … Case 2" and "a series of 5 patients"', () => {
    expect(run('We report two cases of spinal epidural hematoma.').patients).toHaveLength(2);
    const r = run('Case 1: A 34-year-old woman developed a subdural hematoma. Case 2: A 61-year-old man developed meningitis.');
    expect(r.studyKind).toBe('CASE_SERIES');
    expect(r.patients.map((p) => [p.label, p.ageYears?.value, p.sex?.value])).toEqual([
      ['Case 1', 34, Sex.FEMALE],
      ['Case 2', 61, Sex.MALE],
    ]);
    expect(keys(r.patients[1], 'complications')).toEqual(['meningitis']);
    expect(run('We describe a series of 5 patients with arachnoiditis after epidural blood patch.').patients).toHaveLength(5);
  });

  it('proposes no patients for reviews, trials and cohort studies', () => {
    for (const publicationTypes of [['Review'], ['Randomized Controlled Trial'], ['Meta-Analysis'], ['Observational Study'], ['Journal Article']]) {
      const r = extractCases(buildInput({ title: 'Epidural blood patch for PDPH', abstract: 'We randomised 42 patients to epidural blood patch or conservative treatment. Headache was present in 11 (58%) patients.', publicationTypes }), matcher);
      expect(r.patients).toEqual([]);
      expect(r.studyKind).toBe('NOT_INDIVIDUAL_PATIENTS');
    }
  });

  it('maps MeSH headings by descriptor UI even when the abstract words differ', () => {
    const r = extractCases(
      buildInput({ title: 'A case of back pain', abstract: 'A 60-year-old man had back pain after an epidural injection.', meshHeadings: [{ descriptorUi: 'D046748', label: 'Hematoma, Epidural, Spinal' }], publicationTypes: ['Case Reports'] }),
      matcher,
    );
    const c = r.patients[0].complications.find((x) => x.termKey === 'spinal-epidural-hematoma');
    expect(c?.evidence.method).toBe('MESH_MAPPING');
    expect(c?.evidence.field).toBe('mesh');
  });

  it('gives fewer facts, never an error, for other languages and records without an abstract', () => {
    const noAbstract = extractCases(buildInput({ title: '[A case report of a concurrent compound odontoma]', abstract: null, publicationTypes: ['Case Reports'], meshHeadings: [{ descriptorUi: null, label: 'Female' }], language: 'jpn' }), matcher);
    expect(noAbstract.patients).toHaveLength(1);
    expect(noAbstract.patients[0].sex?.value).toBe(Sex.FEMALE);
    const german = run('Eine 45-jährige Patientin entwickelte nach einer Periduralanästhesie ein spinales Hämatom.', { language: 'ger' });
    expect(german.patients.length).toBeLessThanOrEqual(1);
  });

  it('gives evidence whose offsets slice back to the exact text', () => {
    const title = 'Spinal subdural haematoma following an epidural blood patch';
    const abstract = 'A 35-yr-old woman without coagulopathy developed cauda equina syndrome after six epidural blood patches. The haematoma was evacuated surgically and she made a complete recovery.';
    const r = run(abstract, { title });
    const ev = allEvidence(r);
    expect(ev.length).toBeGreaterThan(4);
    for (const e of ev) {
      const field = e.field === 'title' ? title : e.field === 'abstract' ? abstract : null;
      if (field === null) continue;
      expect(field.slice(e.start, e.end)).toBe(e.text);
      expect(field.includes(e.sentence)).toBe(true);
    }
    expect(r.patients[0].anticoagulation).toBeNull();
    expect(keys(r.patients[0], 'comorbidities')).not.toContain('coagulopathy');
  });

  describe('hostile input finishes (linear work)', () => {
    it.each([
      ['1 MB of "no no no"', 'no '.repeat(350_000)],
      ['one enormous sentence', 'a 30-year-old woman had spinal epidural hematoma and headache, '.repeat(16_000)],
      ['nested parentheses', '('.repeat(500_000) + 'hematoma' + ')'.repeat(500_000)],
      ['digits and dashes', 'L3-4 20 mL 48 hours after '.repeat(40_000)],
      ['a bare site-less term on every line', 'MRI showed a subdural hematoma.\n'.repeat(32_000)],
      ['"Case 1:" markers', 'Case 1: a woman. Case 2: a man. '.repeat(32_000)],
      ['a new short form defined in every sentence', Array.from({ length: 12_000 }, (_, i) => `She had a spinal epidural hematoma (SEH${i}) and SEH${i} and the dura was inadvertently punctured. `).join('')],
      ['head nouns after full names', 'A woman developed an epidural abscess. The abscess grew; the hematoma, an abscess and a subdural hematoma. '.repeat(9_000)],
    ])('%s', (_name, abstract) => {
      const r = run(abstract);
      expect(r.rulesVersion).toMatch(/^extraction-rules\//);
    });
  });

  describe('rules 1.2.0', () => {
    it('drops a class of complications ("neurological complications") beside a specific one', () => {
      const p = run('A 74-year-old man had neurological complications after an epidural block: a spinal epidural hematoma was found.').patients[0];
      expect(keys(p, 'complications')).toEqual(['spinal-epidural-hematoma']);
    });

    it('keeps the class term when nothing more specific is said', () => {
      const p = run('A 74-year-old man had neurological complications after an epidural block.').patients[0];
      expect(keys(p, 'complications')).toEqual(['neurological-complication']);
    });

    it('reads a subdural or subarachnoid bleed in a spinal context as spinal', () => {
      expect(keys(run('MRI of a 45-year-old man showed an acute subdural hematoma in the lumbar spinal canal from L2 to L4.').patients[0], 'complications')).toEqual(['spinal-subdural-hematoma']);
      expect(keys(run('An 80-year-old woman had a subarachnoid hemorrhage and a spinal epidural hematoma at T10.').patients[0], 'complications')).toEqual(['intrathecal-hematoma', 'spinal-epidural-hematoma']);
      expect(keys(run('A 60-year-old woman had an acute subdural hematoma with midline shift and a craniotomy.').patients[0], 'complications')).toEqual(['acute-intracranial-subdural-hematoma']);
    });

    it('reads an "epi-subdural haematoma" as both spinal epidural and spinal subdural', () => {
      expect(keys(run('A 50-year-old man had paraplegia due to an epi-subdural haematoma after epidural anaesthesia.').patients[0], 'complications')).toEqual(['spinal-epidural-hematoma', 'spinal-subdural-hematoma']);
    });

    it('gives "X in the first case and Y in the second" to each patient in turn', () => {
      const r = run('We report two patients with paraplegia after epidural anesthesia. It was due to a spinal epidural hematoma in the first case and an epidural abscess in the second.');
      expect(r.patients.map((p) => keys(p, 'complications'))).toEqual([['spinal-epidural-hematoma'], ['epidural-abscess']]);
      expect(r.patients.map((p) => keys(p, 'symptoms'))).toEqual([['paraplegia'], ['paraplegia']]);
    });

    it('makes the blood patch the index procedure when a harm followed it, not when a relief did', () => {
      const harm = run('A 35-year-old woman received two epidural blood patches for PDPH, which resulted in buttock pain.').patients[0];
      expect(keys(harm, 'procedures')).toContain('epidural-blood-patch');
      expect(keys(harm, 'treatments')).not.toContain('therapeutic-epidural-blood-patch');
      const relief = run('A 29-year-old woman with PDPH received an epidural blood patch that resulted in complete resolution of her headache.').patients[0];
      expect(keys(relief, 'treatments')).toContain('therapeutic-epidural-blood-patch');
    });

    it('reads the plural of a defined short form ("EBPs")', () => {
      const p = run('An epidural blood patch (EBP) is effective. A 30-year-old woman received two EBPs, after which she reported radicular pain.').patients[0];
      expect(keys(p, 'procedures')).toContain('epidural-blood-patch');
    });

    it('does not assert a comorbidity from "no risks of" or from a literature-review sentence', () => {
      const p = run('A 28-year-old woman developed an epidural hematoma after a lumbar puncture. She had no risks of a bleeding coagulopathy. We also review the literature on epidural block in a patient with coagulopathy.').patients[0];
      expect(keys(p, 'comorbidities')).toEqual([]);
    });

    it('does not take a meningitis named in a differential or a suggestion as bacterial', () => {
      const p = run('We report a case of meningitis after spinal anaesthesia for a caesarean section. Differentiation between viral and bacterial meningitis was difficult. The spinal fluid picture was suggestive of bacterial meningitis.').patients[0];
      expect(keys(p, 'complications')).toEqual(['meningitis']);
    });
  
    it('reads two spaces sharing one head noun as two haematomas ("subarachnoid and epidural hematoma")', () => {
      const p = run('A 58-year-old man had a lumbar subarachnoid and epidural hematoma after a diagnostic tap.').patients[0];
      expect(keys(p, 'complications').sort()).toEqual(['intrathecal-hematoma', 'spinal-epidural-hematoma']);
    });

    it('reads catheter removal told as a clause, not when negated', () => {
      expect(keys(run('A 30-year-old woman had a labour epidural. The epidural catheter had been pulled out accidentally.').patients[0], 'procedures')).toContain('epidural-catheter-removal');
      expect(keys(run('A 70-year-old woman had an epidural abscess. We then removed the epidural catheter.').patients[0], 'procedures')).toContain('epidural-catheter-removal');
      expect(keys(run('A 70-year-old woman had an epidural abscess. The epidural catheter was not removed.').patients[0], 'procedures')).not.toContain('epidural-catheter-removal');
    });

    it('does not take the name of a measure ("Glasgow coma scale") as a finding', () => {
      const p = run('A 40-year-old man was admitted with a Glasgow coma score of 9.').patients[0];
      expect(keys(p, 'symptoms')).not.toContain('decreased-consciousness');
    });

    it('reads a previous spine operation as the comorbidity, not as a treatment', () => {
      const p = run('A 60-year-old man with a previous L3-L4 lumbar decompression developed a cauda equina syndrome.').patients[0];
      expect(keys(p, 'treatments')).toEqual([]);
      expect(keys(p, 'comorbidities')).toEqual(['previous-spine-surgery']);
    });

    it('reads a headache that persisted in the supine position as non-postural', () => {
      const p = run('A 25-year-old woman had spinal anesthesia; her headache persisted even when lying supine.').patients[0];
      expect(keys(p, 'symptoms')).toEqual(['non-postural-headache']);
    });

    it('keeps "other than" out of a negation ("no specific action ... other than follow-up")', () => {
      const p = run('A 30-year-old woman had a spinal epidural hematoma. Nothing was done other than radiological follow-up.').patients[0];
      expect(keys(p, 'treatments')).toEqual(['observation']);
    });

    it('takes a side-less "lower limb paralysis" as paraplegia and a sided palsy as monoplegia', () => {
      expect(keys(run('A 44-year-old woman developed lower limb paralysis.').patients[0], 'symptoms')).toEqual(['paraplegia']);
      expect(keys(run('A 50-year-old man noticed a right lower limb palsy.').patients[0], 'symptoms')).toEqual(['monoplegia']);
    });
  
    it('counts the patients the authors say they report, not the pooled literature cases, and keeps pooled figures off them', () => {
      const r = run(
        'Subdural haematoma of the brain is a rare complication. We report two cases of women who developed a chronic subdural hematoma after spinal anesthesia, and we review 28 further cases from the literature. Among 30 patients (ages 19-90 years), 12 were older than 60 years (40%). Vomiting occurred in 9/30 (30%) patients. Contributing factors included pregnancy and anticoagulant use. Three out of 30 patients (10%) had sequelae and 3/30 (10%) died.',
      );
      expect(r.patients).toHaveLength(2);
      for (const p of r.patients) {
        expect(keys(p, 'complications')).toEqual(['chronic-intracranial-subdural-hematoma']);
        expect(keys(p, 'procedures')).toEqual(['spinal-anesthesia']);
        expect(keys(p, 'symptoms')).toEqual([]);
        expect(p.outcome).toBeNull();
        expect(p.anticoagulation).toBeNull();
      }
    });

    it('does not take "spinal" of "spinal anesthesia" as the site of a haematoma', () => {
      const p = run('A 30-year-old woman developed an acute subdural hematoma after spinal anesthesia; a craniotomy was done.').patients[0];
      expect(keys(p, 'complications')).toEqual(['acute-intracranial-subdural-hematoma']);
    });
  });
});

describe('extractCases, rules 1.3.0 (term roles, sites, wordings)', () => {
  const one = (abstract: string, extra: Parameters<typeof buildInput>[0] = {}) => run(abstract, extra).patients[0];

  it('reads an epidural catheter sited at a thoracic interspace as thoracic epidural analgesia, not a block level', () => {
    const p = one('A 68-year-old man had general and epidural anesthesia. The epidural catheter was inserted at the Th6-7 level.');
    expect(keys(p, 'procedures')).toContain('thoracic-epidural-analgesia');
    expect(keys(p, 'procedures')).not.toContain('epidural-anesthesia');
    expect(keys(one('A 28-year-old woman had epidural analgesia with a sensory block to T10.'), 'procedures')).toEqual(['epidural-anesthesia']);
  });

  it('reads two pains sharing a head noun ("back and neck pain")', () => {
    expect(keys(one('A 66-year-old woman experienced sudden severe back and neck pain.'), 'symptoms')).toEqual(expect.arrayContaining(['back-pain', 'neck-pain']));
    expect(keys(one('A 66-year-old woman had no back and neck pain but a headache.'), 'symptoms')).not.toContain('back-pain');
  });

  it('does not take the indication of a block for a symptom of the complication', () => {
    expect(keys(one('Pneumocephalus developed in a 45-year-old woman after epidural anesthesia was performed to treat her low back pain.'), 'symptoms')).not.toContain('low-back-pain');
    expect(keys(one('A 57-year-old man underwent a nerve root block (SNRB) for low back pain and radiating pain. He later had fever.'), 'symptoms')).toEqual(['fever']);
    // A diagnostic puncture "for the study of" symptoms: they are the patient's.
    expect(keys(one('A 69-year-old woman underwent a diagnostic lumbar puncture for the study of recent-onset headache with tinnitus.'), 'symptoms')).toEqual(expect.arrayContaining(['headache', 'tinnitus']));
    // A blood patch for a headache: the headache stays.
    expect(keys(one('A 30-year-old woman received an epidural blood patch for her postural headache.'), 'symptoms')).toContain('orthostatic-headache');
  });

  it('reads the age of a subdural haematoma said before its site words', () => {
    expect(keys(one('A 50-year-old woman had a CT that revealed a chronic right frontoparietal subdural hematoma with midline shift.'), 'complications')).toEqual(['chronic-intracranial-subdural-hematoma']);
  });

  it('takes the site of a haemorrhage from the nearest site word of its phrase', () => {
    const p = one('An elderly woman had a lumbar puncture. Imaging revealed a spinal epidural hematoma and coexisting acute cranial intraventricular hematoma and subarachnoid hemorrhage.');
    expect(keys(p, 'complications')).toEqual(expect.arrayContaining(['spinal-epidural-hematoma', 'intracranial-hemorrhage', 'subarachnoid-hemorrhage']));
    expect(keys(p, 'complications')).not.toContain('intrathecal-hematoma');
  });

  it('reads bleeding "into the subarachnoid space and subdural space" of the spine', () => {
    const p = one('A 77-year-old man bled into the subarachnoid space and subdural space of the lumbar spine after a lumbar puncture.');
    expect(keys(p, 'complications')).toEqual(expect.arrayContaining(['intrathecal-hematoma', 'spinal-subdural-hematoma']));
  });

  it('does not take imaging that reveals a finding for the treatment "observation"', () => {
    expect(keys(one('A 70-year-old woman had a lumbar puncture. Serial imaging studies revealed a spinal epidural hematoma.'), 'treatments')).not.toContain('observation');
    expect(keys(one('A 70-year-old woman with a spinal epidural hematoma was managed with serial imaging.'), 'treatments')).toContain('observation');
  });

  it('reads "removal of the catheter" as the epidural catheter removal only in a record about an epidural', () => {
    expect(keys(one('A 40-year-old woman had a femoral nerve block catheter. Paralysis began 18 hours after removal of the catheter.'), 'procedures')).not.toContain('epidural-catheter-removal');
    expect(keys(one('A 40-year-old woman had an epidural catheter. A hematoma followed removal of the catheter.'), 'procedures')).toContain('epidural-catheter-removal');
  });

  it('reads a bare "epidural injection" after an epidural as that epidural, and a dural puncture during an epidural as accidental', () => {
    const p = one('A parturient received labor epidural analgesia complicated by dural puncture. On the second day after epidural injection she had a headache.');
    expect(keys(p, 'procedures')).toEqual(expect.arrayContaining(['labour-epidural-analgesia', 'accidental-dural-puncture']));
    expect(keys(p, 'procedures')).not.toContain('epidural-injection');
    expect(keys(p, 'procedures')).not.toContain('dural-puncture');
    expect(keys(one('A 30-year-old man had spinal anesthesia; the dural puncture was followed by a headache.'), 'procedures')).not.toContain('accidental-dural-puncture');
  });

  it('reads "persistent headache" as the headache (how long, not how postural) and a postural pattern told in words', () => {
    expect(keys(one('We present a 30-year-old woman with persistent headache after spinal anesthesia.'), 'symptoms')).toEqual(['headache']);
    expect(keys(one('A 36-year-old woman had a headache, severe with standing and improved upon lying supine.'), 'symptoms')).toEqual(['orthostatic-headache']);
    expect(keys(one('The 45-year-old woman had an immediate headache independent of posture.'), 'symptoms')).toEqual(['non-postural-headache']);
  });

  it('reads the new general wordings', () => {
    const p = one(
      'A 22-year-old man with a bleeding tendency had back pain irradiated to the legs and an unstable gait; he required urinary catheterization. ' +
        'A conservative approach was decided. He also received strict bedrest and fluid therapy. Later a trepanation was performed.',
    );
    expect(keys(p, 'symptoms')).toEqual(expect.arrayContaining(['back-pain', 'radicular-pain', 'ataxia', 'urinary-retention']));
    expect(keys(p, 'comorbidities')).toContain('coagulopathy');
    expect(keys(p, 'treatments')).toEqual(expect.arrayContaining(['conservative-management', 'bed-rest', 'hydration', 'burr-hole-drainage']));
    expect(keys(one('A 28-year-old woman had a chronic subdural hematoma. She recovered completely after surgical evacuation.'), 'treatments')).toEqual(['intracranial-hematoma-evacuation']);
    expect(keys(one('A 45-year-old man had paralysis of his lower extremities and impaired touch sensation.'), 'symptoms')).toEqual(expect.arrayContaining(['paraplegia', 'hypoesthesia']));
  });

  it('lets the abstract decide over MeSH procedure, symptom and sibling complication headings', () => {
    const mesh = (label: string, descriptorUi: string) => ({ descriptorUi, label });
    const p = extractCases(
      buildInput({
        title: 'Intrathecal injection of an epidural blood patch',
        abstract: 'A 27-year-old woman developed back pain after an EBP for PDPH. An emergency MRI showed a subarachnoid hematoma.',
        meshHeadings: [mesh('Hematoma, Epidural, Spinal', 'D046748'), mesh('Spinal Puncture', 'D013129'), mesh('Headache', 'D006261')],
        publicationTypes: ['Case Reports'],
      }),
      matcher,
    ).patients[0];
    expect(keys(p, 'complications')).toContain('intrathecal-hematoma');
    expect(keys(p, 'complications')).not.toContain('spinal-epidural-hematoma');
    expect(keys(p, 'procedures')).not.toContain('lumbar-puncture');
    expect(keys(p, 'symptoms')).not.toContain('headache');
    // No abstract: the headings are all there is.
    const noAbstract = extractCases(buildInput({ title: 'A case report', abstract: null, meshHeadings: [mesh('Spinal Puncture', 'D013129')], publicationTypes: ['Case Reports'] }), matcher).patients[0];
    expect(keys(noAbstract, 'procedures')).toContain('lumbar-puncture');
  });
});

describe('extractCases: rules 1.4.0 classes', () => {
  it('reads a subdural haematoma of mixed age as the plain key', () => {
    expect(keys(run('A 70-year-old man had an acute-on-chronic right subdural hematoma after spinal anesthesia.').patients[0], 'complications')).toEqual(['intracranial-subdural-hematoma']);
    expect(keys(run('A 70-year-old man had a subacute to chronic subdural hematoma after spinal anesthesia.').patients[0], 'complications')).toEqual(['intracranial-subdural-hematoma']);
    expect(keys(run('A 70-year-old man had a chronic right subdural hematoma after spinal anesthesia.').patients[0], 'complications')).toEqual(['chronic-intracranial-subdural-hematoma']);
  });

  it('specialises a term only by an asserted cue', () => {
    expect(keys(run('A 30-year-old woman developed meningitis after a spinal, and the picture was suggestive of bacterial infection.').patients[0], 'complications')).toEqual(['meningitis']);
    expect(keys(run('A 30-year-old woman developed meningitis after a spinal; Streptococcus was grown.').patients[0], 'complications')).toEqual(['bacterial-meningitis']);
  });

  it('keeps the medication list, the operation done under anaesthesia and a vitamin K antagonist out of the treatments', () => {
    const p = run('A 65-year-old man had a thoracic epidural. His home medications included prednisone and ibuprofen. He had an open colectomy under general and epidural anesthesia. He was on a vitamin K antagonist. He was treated with intravenous fluids.').patients[0];
    expect(keys(p, 'treatments')).toEqual(['hydration']);
    // The treatment of the complication told under general anaesthesia stays a treatment.
    expect(keys(run('A 65-year-old man had a spinal epidural hematoma after an epidural. He underwent emergency decompressive laminectomy under general anesthesia.').patients[0], 'treatments')).toEqual(['decompressive-laminectomy']);
  });

  it('reads a catheter removal told as a point in time as no procedure, and a removal told as an act as one', () => {
    expect(keys(run('A 30-year-old woman had a labour epidural. At catheter removal, fluid was leaking from the catheter.').patients[0], 'procedures')).not.toContain('epidural-catheter-removal');
    expect(keys(run('A 30-year-old woman had a labour epidural. The catheter was removed on the second day and her legs became weak.').patients[0], 'procedures')).toContain('epidural-catheter-removal');
  });

  it('reads an epidural in labour told in the sentence before as the labour epidural, and a CSE "for labor analgesia" as the CSE only', () => {
    expect(keys(run('A 27-year-old woman presented in labor at 39 weeks. After three epidural attempts, a catheter was placed.').patients[0], 'procedures')).toEqual(['labour-epidural-analgesia']);
    expect(keys(run('A 32-year-old woman was admitted. Combined spinal-epidural anesthesia was performed for labor analgesia.').patients[0], 'procedures')).toEqual(['combined-spinal-epidural']);
  });

  it('reads the new synonyms and spelling variants', () => {
    // Rules 1.5.0: the platelets reverse something only in a record naming an antithrombotic drug (here aspirin).
    const p = run('A 34-year-old woman taking aspirin had repeated spinal attempts. She developed cerebral sinus venous thrombosis, a CN VI palsy and compression of the cauda equine. She was treated with analgesia and a platelet transfusion.').patients[0];
    expect(keys(p, 'complications').sort()).toEqual(['abducens-nerve-palsy', 'cauda-equina-syndrome', 'cerebral-venous-thrombosis']);
    expect(keys(p, 'procedures')).toEqual(['spinal-anesthesia']);
    expect(keys(p, 'treatments').sort()).toEqual(['analgesics', 'anticoagulation-reversal']);
  });

  it('gives each patient of a series the outcome said "in all cases" when no literature is pooled', () => {
    // Facts said of all of them, no per-patient markers: every patient shares the sentences.
    const r = run('We report three cases of meningitis after spinal anesthesia. The first symptoms appeared hours after surgery and were headache and fever. Evolution was favorable in all cases.');
    expect(r.patients.map((p) => p.outcome?.value)).toEqual(['IMPROVED_UNSPECIFIED', 'IMPROVED_UNSPECIFIED', 'IMPROVED_UNSPECIFIED']);
    const pooledWithLiterature = run('We report three cases of meningitis after spinal anesthesia and review the published cases. The first symptoms appeared hours after surgery. Evolution was favorable in all cases.');
    expect(pooledWithLiterature.patients.map((p) => p.outcome?.value ?? null)).toEqual([null, null, null]);
  });
});

describe('extractCases: "one patient with X and one with Y" (rules 1.4.0)', () => {
  it('gives each of two patients the finding after its own "one (patient) with", in that sentence and the other shared ones', () => {
    const r = run('Two cases of lumbar bleeding are presented: one patient with spontaneous spinal subdural hematoma with no trauma and one with spinal epidural hematoma after epidural catheterization. The subdural hematoma was large.', { title: 'Spinal epidural hematoma versus spontaneous spinal subdural hematoma. Two case reports' });
    expect(r.patients.map((p) => keys(p, 'complications'))).toEqual([['spinal-subdural-hematoma'], ['spinal-epidural-hematoma']]);
    expect(r.patients.map((p) => keys(p, 'procedures'))).toEqual([[], ['epidural-anesthesia']]);
  });
});

describe('extractCases: a second blood patch given as a treatment (rules 1.4.0)', () => {
  it('reads "a second EBP" and "another blood patch" as the repeat blood patch', () => {
    const p = run('A 40-year-old woman with spontaneous intracranial hypotension received an epidural blood patch (EBP) with transient relief. A second EBP was required three days later.').patients[0];
    expect(keys(p, 'treatments').sort()).toEqual(['repeat-epidural-blood-patch', 'therapeutic-epidural-blood-patch']);
    const q = run('A 40-year-old woman with spontaneous intracranial hypotension received an epidural blood patch. Another blood patch was performed a week later.').patients[0];
    expect(keys(q, 'treatments').sort()).toEqual(['repeat-epidural-blood-patch', 'therapeutic-epidural-blood-patch']);
  });
});

describe('extractCases: stopping anticoagulation and other wordings of the curated terms (rules 1.4.0)', () => {
  it('reads a stopped anticoagulant as "Stopping or reversing anticoagulation", not a stop planned before the procedure', () => {
    expect(keys(run('A 70-year-old man on warfarin bled after a dental extraction. Warfarin was discontinued for two days.').patients[0], 'treatments')).toContain('anticoagulation-reversal');
    expect(keys(run('A 70-year-old man had a spinal anesthesia. Warfarin was discontinued 5 days before the operation.').patients[0], 'treatments')).not.toContain('anticoagulation-reversal');
  });

  it('reads post-puncture headache, pneumocephaly, laminotomy and diskitis', () => {
    const p = run('A 30-year-old woman had a lumbar puncture and developed a post-puncture headache, pneumocephaly and diskitis. She underwent a decompressive laminotomy.').patients[0];
    expect(keys(p, 'complications').sort()).toEqual(['discitis', 'pneumocephalus', 'post-dural-puncture-headache']);
    expect(keys(p, 'treatments')).toEqual(['decompressive-laminectomy']);
  });
});

describe('extractCases: rules 1.5.0 classes', () => {
  it('drops a complication heading that the text names only as a revised diagnosis', () => {
    const meshHeadings = [{ descriptorUi: 'D051299', label: 'Post-Dural Puncture Headache', majorTopic: false }];
    const r = run('A 29-year-old woman had a headache after a caesarean section under spinal anesthesia. It was first misdiagnosed as a post-dural puncture headache. MRI showed posterior reversible encephalopathy syndrome.', { meshHeadings } as never);
    expect(keys(r.patients[0], 'complications')).toEqual(['posterior-reversible-encephalopathy']);
  });

  it('reads a culture-positive CSF in a meningitis record as bacterial meningitis', () => {
    const p = run('A 60-year-old man developed fever and neck stiffness after spinal anesthesia; meningitis was diagnosed. Staphylococci were isolated from the CSF.').patients[0];
    expect(keys(p, 'complications')).toEqual(['bacterial-meningitis']);
    const q = run('A 60-year-old man developed meningitis after spinal anesthesia. Cerebrospinal cultures grew Streptococcus mitis.').patients[0];
    expect(keys(q, 'complications')).toEqual(['bacterial-meningitis']);
    const n = run('A 60-year-old man developed meningitis after spinal anesthesia. CSF cultures were negative.').patients[0];
    expect(keys(n, 'complications')).toEqual(['meningitis']);
  });

  it('reads either neuraxial technique named as alternatives as the parent, and other wordings of curated terms', () => {
    const r = run('We report three cases of meningitis after spinal or epidural anesthesia in one hospital.');
    expect(r.patients.map((p) => keys(p, 'procedures'))).toEqual([['neuraxial-anesthesia'], ['neuraxial-anesthesia'], ['neuraxial-anesthesia']]);
    const p = run('A 31-year-old woman had a labour epidural. A cortical vein thrombosis and intracranial air were found.').patients[0];
    expect(keys(p, 'complications').sort()).toEqual(['cerebral-venous-thrombosis', 'pneumocephalus']);
  });

  it('gives the reported patients of a series no facts from a sentence of group shares', () => {
    const r = run('We describe two patients with epidural abscess after epidural catheters. The majority of patients (60%) had deficits, and 20% also had concomitant meningitis.');
    expect(r.patients.map((p) => keys(p, 'complications'))).toEqual([['epidural-abscess'], ['epidural-abscess']]);
  });
});

describe('extractCases: roles of a blood patch and of an epidural (rules 1.5.0)', () => {
  it('keeps a blood patch after which the headache persisted a treatment', () => {
    const p = run('A 30-year-old woman had a post-dural puncture headache after spinal anesthesia. She received an epidural blood patch. The headache persisted after the EBP and a subdural hematoma was found.').patients[0];
    expect(keys(p, 'treatments')).toContain('therapeutic-epidural-blood-patch');
    expect(keys(p, 'procedures')).not.toContain('epidural-blood-patch');
  });

  it('reads the epidural anaesthesia of a caesarean as epidural anaesthesia even in a labouring woman', () => {
    const p = run('A 25-year-old woman in labor underwent an emergency cesarean section under epidural anesthesia for arrest of labor. She developed a spinal epidural hematoma.').patients[0];
    expect(keys(p, 'procedures')).toEqual(['epidural-anesthesia']);
    const q = run('A 25-year-old woman in labor received epidural anesthesia for analgesia. She developed a spinal epidural hematoma.').patients[0];
    expect(keys(q, 'procedures')).toEqual(['labour-epidural-analgesia']);
  });
});

describe('extractCases: role rules of rules 1.5.0', () => {
  it('reads platelets given without an anticoagulant in the record as no anticoagulation reversal', () => {
    expect(keys(run('A 28-year-old parturient with thrombocytopenia had a labour epidural. She received a platelet transfusion before the catheter was removed.').patients[0], 'treatments')).not.toContain('anticoagulation-reversal');
    expect(keys(run('A 70-year-old man on clopidogrel developed a spinal epidural hematoma. He received a platelet transfusion.').patients[0], 'treatments')).toContain('anticoagulation-reversal');
  });

  it('reads the steroid of an epidural injection as part of the injection, not a treatment', () => {
    const p = run('A 50-year-old man received two epidural injections of bupivacaine and steroids for sciatica and developed an epidural abscess.').patients[0];
    expect(keys(p, 'treatments')).not.toContain('corticosteroids');
  });

  it('reads a procedure word that names the site of a finding as no procedure', () => {
    const p = run('We report an acute thoracic epidural hematoma after an epidural block in a 40-year-old man.').patients[0];
    expect(keys(p, 'procedures')).toEqual(['epidural-anesthesia']);
  });

  it('reads surgical closure or repair as surgical management', () => {
    expect(keys(run('A 70-year-old man had a right ventricular perforation after pacing. Surgical closure of the perforation was done.').patients[0], 'treatments')).toEqual(['surgical-management']);
  });
});

describe('extractCases: the epidural steroid injection told as an injection of steroids (rules 1.5.0)', () => {
  it('reads "epidural injections of local anesthetic and depo-steroids" as the steroid injection, with no steroid treatment', () => {
    const p = run('A 52-year-old man received two epidural injections of local anesthetic and depo-steroids for sciatica. An epidural abscess developed.').patients[0];
    expect(keys(p, 'procedures')).toEqual(['epidural-steroid-injection']);
    expect(keys(p, 'treatments')).not.toContain('corticosteroids');
  });
});

describe('extractCases: site of a subdural haematoma (rules 1.5.0)', () => {
  it('does not count the "spinal" of a combined spinal-epidural as a site, and counts a hemicraniectomy as cranial', () => {
    const p = run('A 30-year-old parturient had a combined spinal-epidural for labor. She became unresponsive; an SDH was found and a decompressive hemicraniectomy was performed.').patients[0];
    expect(keys(p, 'complications')).toEqual(['intracranial-subdural-hematoma']);
  });
});

describe('extractCases: rules 1.6.0', () => {
  it('hedges the specific reading of "probable" and keeps the parent named in the title', () => {
    const p = run('We describe a 30-year-old parturient with probable bacterial meningitis after a combined spinal-epidural for labour.', { title: 'Meningitis after a combined spinal-epidural technique' }).patients[0];
    expect(keys(p, 'complications')).toEqual(['meningitis']);
  });

  it('reads other names of a high block, of a bleed in a space and of a patient-controlled epidural', () => {
    expect(keys(run('A 33-year-old woman had complete spinal anaesthesia after a spinal for caesarean section.').patients[0], 'complications')).toContain('high-neuraxial-block');
    const high = run('A 30-year-old woman developed a high neuraxial blockade after an epidural top-up for caesarean section.').patients[0];
    expect(keys(high, 'complications')).toEqual(['high-neuraxial-block']);
    expect(keys(high, 'procedures')).not.toContain('neuraxial-anesthesia');
    expect(keys(run('An 80-year-old woman on rivaroxaban developed an acute epidural hemorrhage in the thoracic spine.').patients[0], 'complications')).toEqual(['spinal-epidural-hematoma']);
    expect(keys(run('A 34-year-old man had intrathecal blood products on MRI after a spinal cord stimulator trial.').patients[0], 'complications')).toEqual(['intrathecal-hematoma']);
    expect(keys(run('A 56-year-old man with rib fractures received epidural PCA and developed meningitis.').patients[0], 'procedures')).toEqual(['epidural-anesthesia']);
  });

  it('reads a space word separated from its haematoma by describing words as that space', () => {
    const p = run('After a thoracic epidural a 75-year-old woman had paraplegia. MRI showed an extradural extramedullary hyperintense haematoma at T12-L2.').patients[0];
    expect(keys(p, 'complications')).toEqual(['spinal-epidural-hematoma']);
    const q = run('A 28-year-old parturient had an accidental dural puncture. MRI showed a subdural hygroma complicated by hemorrhage.').patients[0];
    expect(keys(q, 'complications')).not.toContain('intracranial-subdural-hematoma');
  });

  it('reads the lumbar puncture of a spinal as the spinal, and a spinal block seen on imaging as no anaesthetic', () => {
    expect(keys(run('A 48-year-old man developed a subdural hematoma after a lumbar puncture for spinal anaesthesia.').patients[0], 'procedures')).toEqual(['spinal-anesthesia']);
    expect(keys(run('A 60-year-old man had back pain after a thoracic epidural. A spinal block was visualized on MRI.').patients[0], 'procedures')).not.toContain('spinal-anesthesia');
  });

  it('reads a catheter removal after which nothing was found as no procedure, and a blood patch followed by relief as a treatment', () => {
    expect(keys(run('A 39-year-old man had a thoracic epidural for colectomy. Fortunately, no neurological deficits were detected after catheter removal.').patients[0], 'procedures')).not.toContain('epidural-catheter-removal');
    const p = run('A 24-year-old parturient developed a postural headache after delivery. A few hours after the epidural blood patch, she was symptom free.').patients[0];
    expect(keys(p, 'treatments')).toContain('therapeutic-epidural-blood-patch');
    expect(keys(p, 'procedures')).not.toContain('epidural-blood-patch');
  });

  it('reads the literature as subject, and an opening definition of a complication, as background', () => {
    const p = run('We present a 40-year-old man with an intrathecal hematoma after a spinal cord stimulator trial. Several case reports describe spinal epidural hematoma after such trials.').patients[0];
    expect(keys(p, 'complications')).toEqual(['intrathecal-hematoma']);
    const q = run('Post-dural puncture headache is the most common complication of neuraxial anaesthesia in a woman who underwent a labour epidural. We report a 30-year-old woman who developed cerebral venous thrombosis after an epidural for labour.').patients[0];
    expect(keys(q, 'complications')).toEqual(['cerebral-venous-thrombosis']);
  });
});

describe('extractCases: rules 1.7.0', () => {
  it('reads an abbreviation of a complication as the same finding, not as its plainer parent', () => {
    const p = run('A 41-year-old man developed an acute subdural hematoma(SDH) and needed burr hole drainage. The SDH then decreased.').patients[0];
    expect(keys(p, 'complications')).toEqual(['acute-intracranial-subdural-hematoma']);
  });

  it('does not take the level of a blood patch or of a CSF leak as the site of a subdural haematoma', () => {
    expect(keys(run('A 50-year-old man with intracranial hypotension had a lumbar EBP and then developed a subdural hematoma.').patients[0], 'complications')).toContain('intracranial-subdural-hematoma');
    expect(keys(run('A 45-year-old woman had a subdural hematoma after spontaneous C1-2 CSF leakage.').patients[0], 'complications')).toContain('intracranial-subdural-hematoma');
    expect(keys(run('A 38-year-old woman had a subdural hematoma after a cervical epidural blood patch.').patients[0], 'complications')).toEqual(['intracranial-subdural-hematoma']);
  });

  it('reads "extradural" as "epidural" in procedure names, and an epidural named by its insertion or setting', () => {
    expect(keys(run('A 50-year-old woman underwent extradural anaesthesia for hysterectomy and developed a headache.').patients[0], 'procedures')).toContain('epidural-anesthesia');
    expect(keys(run('A 61-year-old man received an extradural block for knee surgery and developed paraplegia.').patients[0], 'procedures')).toContain('epidural-anesthesia');
    expect(keys(run('A 29-year-old woman had an accidental dural puncture following epidural insertion during labour.').patients[0], 'procedures')).toContain('labour-epidural-analgesia');
    expect(keys(run('A 31-year-old parturient had a dural puncture during an obstetric epidural and developed arachnoiditis.').patients[0], 'procedures')).toContain('labour-epidural-analgesia');
  });

  it('gives each patient of a two-patient record the outcome said of "their condition"', () => {
    const r = run('Two cases are described. The first case was a 28-year-old woman with headache after an epidural. The second case was a 37-year-old man with headache after a steroid injection. They were treated with oxygen and their condition resolved after 2 days.');
    expect(r.patients.map((p) => p.outcome?.value)).toEqual(['FULL_RECOVERY', 'FULL_RECOVERY']);
  });

  it('gives no patient to a series reported only in aggregate', () => {
    expect(run('In nine cases of hearing loss after dural puncture, hearing did not recover in three patients. Recovery of normal hearing occurred in six of the nine patients.').patients).toEqual([]);
  });
});

describe('extractCases: rules 1.8.0', () => {
  const complications = (abstract: string) => keys(run(abstract).patients[0], 'complications');

  it('reads a named cranial nerve palsy in its usual wordings as the cranial nerve palsy, the sixth nerve as the abducens palsy', () => {
    expect(complications('A 34-year-old woman developed a facial nerve palsy after a labour epidural.')).toEqual(['cranial-nerve-palsy']);
    expect(complications("A 29-year-old woman had a Bell's palsy two days after delivery.")).toEqual(['cranial-nerve-palsy']);
    expect(complications('A 24-year-old woman developed paralysis of the right facial nerve after a blood patch.')).toEqual(['cranial-nerve-palsy']);
    expect(complications('A 53-year-old woman had a transient oculomotor nerve palsy after a spinal.')).toEqual(['cranial-nerve-palsy']);
    expect(complications('A 25-year-old woman had a trigeminal nerve palsy during the epidural infusion.')).toEqual(['cranial-nerve-palsy']);
    expect(complications('A 46-year-old woman developed apnoea and cranial nerve paralysis under epidural anaesthesia.')).toEqual(['cranial-nerve-palsy']);
    expect(complications('A 21-year-old man had a cranial nerve VI compression neuropathy after the spinal.')).toEqual(['abducens-nerve-palsy']);
    expect(complications('A 33-year-old woman had a paralysis of the sixth pair after the caesarean section.')).toEqual(['abducens-nerve-palsy']);
    expect(complications('A 32-year-old woman developed a lateral rectus muscle palsy after the epidural.')).toEqual(['abducens-nerve-palsy']);
    expect(complications('A 30-year-old woman had a paralysis of the external oculomotor nerve after the spinal.')).toEqual(['abducens-nerve-palsy']);
  });

  it('does not read an ordinal or a numeral alone as a nerve', () => {
    expect(complications('A 40-year-old woman had a third attempt at the spinal and a palsy of the left hand.')).not.toContain('cranial-nerve-palsy');
    expect(complications('A 40-year-old woman was in her sixth pregnancy; a VI lumbar puncture was done.')).toEqual([]);
  });

  it('leaves a literature citation sentence out of the case even when the next sentence introduces it', () => {
    const p = run('Abducens nerve palsy following dural puncture has been reported.[2] We report a transient oculomotor nerve palsy after an accidental dural puncture. A 53 year old lady was posted for knee surgery.').patients[0];
    expect(keys(p, 'complications')).toEqual(['cranial-nerve-palsy']);
  });
});

describe('extractCases: rules 1.8.0, other wordings by class', () => {
  it('reads a thrombosis of a named dural sinus as the cerebral venous thrombosis', () => {
    expect(keys(run('A 22-year-old woman developed a transverse sinus thrombosis after a dural puncture.').patients[0], 'complications')).toContain('cerebral-venous-thrombosis');
    expect(keys(run('A 30-year-old woman had a superior sagittal sinus thrombosis after delivery.').patients[0], 'complications')).toContain('cerebral-venous-thrombosis');
  });

  it('reads a dural puncture that "occurred" or was "iatrogenic" as accidental', () => {
    expect(keys(run('A 22-year-old woman was in labor. During attempted epidural needle placement, a dural puncture occurred.').patients[0], 'procedures')).toContain('accidental-dural-puncture');
    expect(keys(run('A 30-year-old woman had an iatrogenic dural puncture and developed a headache.').patients[0], 'procedures')).toContain('accidental-dural-puncture');
  });

  it('reads an epidural asked for in labour as the labour epidural, and one asked for a caesarean section as the epidural', () => {
    const labour = run('A 29-year-old primigravida had labour induced for post-maturity. She requested an epidural prior to commencement of syntocinon. Ptosis developed 6 h later.').patients[0];
    expect(keys(labour, 'procedures')).toEqual(['labour-epidural-analgesia']);
    const caesarean = run('A 30-year-old woman was scheduled for an elective caesarean section. She requested an epidural for the operation and developed ptosis.').patients[0];
    expect(keys(caesarean, 'procedures')).toEqual(['epidural-anesthesia']);
  });

  it('reads consciousness lowered in other words', () => {
    expect(keys(run('A 30-year-old woman lost consciousness after the spinal injection.').patients[0], 'symptoms')).toContain('decreased-consciousness');
    expect(keys(run('A 41-year-old man presented with fever, somnolence and headache after a myelography.').patients[0], 'symptoms')).toContain('decreased-consciousness');
  });
});

describe('extractCases: rules 1.8.0, the unseen8 classes', () => {
  const first = (abstract: string) => run(abstract).patients[0];

  it('reads a named peripheral nerve or plexus injury as a neurological complication', () => {
    expect(keys(first('A 28-year-old woman had a common peroneal nerve injury after delivery.'), 'complications')).toEqual(['neurological-complication']);
    expect(keys(first('A 30-year-old woman suffered right sided sciatic nerve palsy after a caesarean section.'), 'complications')).toEqual(['neurological-complication']);
    expect(keys(first('A 50-year-old man developed a transient injury to the brachial plexus after an interscalene block.'), 'complications')).toEqual(['neurological-complication']);
    expect(keys(first('A 31-year-old woman had a lumbosacral plexus injury following vaginal delivery.'), 'complications')).toEqual(['neurological-complication']);
  });

  it('reads bleeding in the cerebellum as an intracranial haemorrhage', () => {
    expect(keys(first('A 65-year-old woman had a remote cerebellar hemorrhage after lumbar spine surgery.'), 'complications')).toEqual(['intracranial-hemorrhage']);
  });

  it('does not read the drug a procedure delivers as a treatment', () => {
    expect(keys(first('A 60-year-old man developed respiratory depression after intrathecal morphine.'), 'treatments')).toEqual([]);
    expect(keys(first('A 58-year-old man developed a granuloma from a morphine pain pump.'), 'treatments')).toEqual([]);
    expect(keys(first('A 46-year-old woman had paraplegia following lumbosacral steroid epidural injections.'), 'treatments')).toEqual([]);
    expect(keys(first('A 60-year-old man had a headache and was given morphine and paracetamol.'), 'treatments')).toEqual(['analgesics']);
  });

  it('reads other wordings of surgery, procedures and symptoms', () => {
    expect(keys(first('A 40-year-old woman had a retained fragment; her pain resolved after surgical removal of the fragment.'), 'treatments')).toContain('surgical-management');
    expect(keys(first('A 5-year-old boy was to receive caudal analgesia after induction.'), 'procedures')).toEqual(['caudal-epidural-injection']);
    expect(keys(first('A 62-year-old woman had a trial with a spinal cord stimulator.'), 'procedures')).toEqual(['spinal-cord-stimulator']);
    expect(keys(first('A 70-year-old man had quadriceps weakness after the block.'), 'symptoms')).toEqual(['leg-weakness']);
    expect(keys(first('A 57-year-old man had a high-grade paresis of the lower extremities.'), 'symptoms')).toEqual(['paraparesis']);
    expect(keys(first('A 35-year-old woman complained of pain in the neck.'), 'symptoms')).toEqual(['neck-pain']);
    expect(keys(first('A 44-year-old man developed a severe dysesthesia of the shoulder.'), 'symptoms')).toEqual(['sensory-disturbance']);
    expect(keys(first('A 70-year-old man had respiratory depression with deep sedation.'), 'symptoms')).toEqual(['decreased-consciousness']);
  });
});

describe('extractCases: rules 1.10.0, the unseen9 classes', () => {
  const first = (abstract: string) => run(abstract).patients[0];

  it('reads weakness said of the legs as the leg weakness, and of all limbs as the motor deficit', () => {
    expect(keys(first('A 24-year-old woman developed weakness predominantly involving the right lower limb after the spinal.'), 'symptoms')).toEqual(['leg-weakness']);
    expect(keys(first('A 30-year-old woman was readmitted because of a lower limb motor deficit.'), 'symptoms')).toEqual(['leg-weakness']);
    expect(keys(first('A 66-year-old woman had sensory and motor deficits involving both upper and lower extremities.'), 'symptoms')).toContain('motor-deficit');
  });

  it('does not read the operation a block was given for as a treatment', () => {
    expect(keys(first('A 60-year-old man had motor weakness after an ESPB performed intraoperatively for an L2-L5 laminectomy.'), 'treatments')).toEqual([]);
    expect(keys(first('A 60-year-old man with a spinal haematoma underwent decompressive laminectomy.'), 'treatments')).toEqual(['decompressive-laminectomy']);
  });

  it('tells the combined technique from an epidural of the spine', () => {
    expect(keys(first('A 27-year-old woman suffered damage to the conus medullaris following spinal-epidural anaesthesia.'), 'procedures')).toEqual(['combined-spinal-epidural']);
    expect(keys(first('A 33-year-old woman underwent combined epidural-spinal anesthesia for a caesarean section.'), 'procedures')).toEqual(['combined-spinal-epidural']);
    expect(keys(first('A 70-year-old man had a subdural haemorrhage following a spinal epidural block for pain.'), 'procedures')).toEqual(['epidural-anesthesia']);
  });

  it('reads other wordings of evacuation, analgesics, nerve damage and symptoms', () => {
    expect(keys(first('A 35-year-old woman had a subdural hematoma; an emergency craniotomy was performed to evacuate the hematoma.'), 'treatments')).toContain('intracranial-hematoma-evacuation');
    expect(keys(first('A 29-year-old woman had back pain that was treated with oral mefenamic acid.'), 'treatments')).toEqual(['analgesics']);
    expect(keys(first('A 27-year-old woman suffered neurological damage to the conus medullaris after the block.'), 'complications')).toEqual(['neurological-complication']);
    expect(keys(first('A 40-year-old woman was completely flaccid paraplegic and insensitive to bladder fullness.'), 'symptoms').sort()).toEqual(['paraplegia', 'urinary-retention']);
    expect(keys(first('A 24-year-old woman had severe pain at the needle site radiating to the right lower limb.'), 'symptoms')).toContain('radicular-pain');
  });
});

describe('extractCases: rules 1.11.0, the unseen10 classes', () => {
  const first = (abstract: string) => run(abstract).patients[0];

  it('reads the repair of a dural tear, reoperations and debridement as surgery', () => {
    expect(keys(first('A 50-year-old man had a CSF leak; during revision surgery, a small dural tear was identified and repaired.'), 'treatments')).toContain('surgical-dural-repair');
    expect(keys(first('A 45-year-old man with an epidural abscess was treated with surgical debridement and antibiotics.'), 'treatments')).toContain('surgical-management');
  });

  it('does not read the operation a patient was scheduled for as a treatment, unless it treats the complication', () => {
    expect(keys(first('A healthy 38-year-old man was scheduled for surgical removal of a tumor of the hand. He developed a hematoma after an axillary block.'), 'treatments')).toEqual([]);
    expect(keys(first('A 70-year-old man with an epidural hematoma was scheduled for a T9-T10 decompressive laminectomy.'), 'treatments')).toContain('decompressive-laminectomy');
  });

  it('gives an evacuation through the skull the intracranial key', () => {
    expect(keys(first('After lumbar spine surgery a 60-year-old woman developed a subdural hematoma. Emergent hematoma evacuation with craniotomy was performed.'), 'treatments')).toContain('intracranial-hematoma-evacuation');
  });
});

describe('extractCases: rules 1.12.0, the unseen11 classes', () => {
  const first = (abstract: string) => run(abstract).patients[0];

  it('reads the curated complications by their full names and other wordings', () => {
    expect(keys(first('A 40-year-old woman developed transient neurological symptoms after spinal anaesthesia.'), 'complications')).toEqual(['transient-neurologic-symptoms']);
    expect(keys(first('A 30-year-old woman developed central nervous system toxicity after lidocaine was given.'), 'complications')).toEqual(['local-anesthetic-systemic-toxicity']);
    expect(keys(first('A 28-year-old woman developed a subarachnoid-cutaneous fistula after epidural analgesia.'), 'complications')).toContain('csf-leak');
    expect(keys(first('A 60-year-old man required removal of an infected port.'), 'complications')).toEqual(['infection']);
  });

  it('does not read a steroid mixed into the injectate as a treatment', () => {
    expect(keys(first('A 50-year-old woman had a block with 15 ml of levobupivacaine 0.25% + dexamethasone 4 mg and developed weakness.'), 'treatments')).toEqual([]);
    expect(keys(first('A 45-year-old man had spinal cord infarction after a TFESI with non-particulate steroid.'), 'treatments')).toEqual([]);
  });

  it('reads hip and knee weakness as the leg weakness, and other symptom wordings', () => {
    expect(keys(first('A 62-year-old man had unilateral hip flexion and knee extension weakness after a quadratus lumborum block.'), 'symptoms')).toEqual(['leg-weakness']);
    expect(keys(first('A 7-year-old child presented with acute paralysis in the lower limbs after lumbar puncture.'), 'symptoms')).toEqual(['paraplegia']);
    expect(keys(first('A 50-year-old man convulsed and stopped responding to our questions.'), 'symptoms').sort()).toEqual(['decreased-consciousness', 'seizure']);
  });
});

describe('extractCases: rules 1.13.0, the unseen12 and unseen13 classes', () => {
  const first = (abstract: string) => run(abstract).patients[0];

  it('reads a procedure that a relief is told before ("disappeared soon after", "resolved two days after") as the treatment', () => {
    const a = first('A 30-year-old woman had a postural headache after spinal anaesthesia. The headache resolved two days after an epidural blood patch.');
    expect(keys(a, 'treatments')).toContain('therapeutic-epidural-blood-patch');
    expect(keys(a, 'procedures')).not.toContain('epidural-blood-patch');
    const b = first('A 35-year-old woman had a severe headache. Her symptoms were relieved soon after the epidural blood patch.');
    expect(keys(b, 'treatments')).toContain('therapeutic-epidural-blood-patch');
    // A harm after it stays the procedure the complication followed.
    const c = first('A 30-year-old woman had a headache which improved, but she developed back pain after an epidural blood patch.');
    expect(keys(c, 'procedures')).toContain('epidural-blood-patch');
  });

  it('reads watching the patient told with the verb as observation, not routine monitoring of vital signs', () => {
    expect(keys(first('A 70-year-old woman had a cement embolism after vertebroplasty. Since she was asymptomatic, she was monitored closely.'), 'treatments')).toContain('observation');
    expect(keys(first('A 60-year-old man had a pulmonary embolism. He was treated with anticoagulation and closely monitored.'), 'treatments')).toContain('observation');
    expect(keys(first('A young male developed a chylothorax; he was monitored clinically and radiologically.'), 'treatments')).toContain('observation');
    expect(keys(first('A 30-year-old woman had a spinal anaesthetic. Her vital signs were closely monitored during the operation.'), 'treatments')).not.toContain('observation');
  });

  it('reads an implanted device taken out or explored as surgical management', () => {
    expect(keys(first('A 50-year-old man had an infected spinal cord stimulator. We describe the case of explantation of an infected device.'), 'treatments')).toContain('surgical-management');
    expect(keys(first('A 60-year-old man had an extruded pulse generator. The pulse generator was successfully removed.'), 'treatments')).toContain('surgical-management');
    expect(keys(first('A 40-year-old man had baclofen withdrawal; his condition improved after pump exploration.'), 'treatments')).toContain('surgical-management');
  });

  it('reads conservative medical management, shunting, LA toxicity and the steroid injected into the epidural space', () => {
    expect(keys(first('A 58-year-old man had an epidural abscess. The abscess resolved with conservative medical management.'), 'treatments')).toContain('conservative-management');
    expect(keys(first('A 27-year-old woman had hydrocephalus and underwent ventriculoperitoneal shunting.'), 'treatments')).toContain('csf-shunt');
    expect(keys(first('A 25-year-old man showed LA toxicity symptoms 7 h after an infraclavicular block.'), 'complications')).toContain('local-anesthetic-systemic-toxicity');
    expect(keys(first('A 73-year-old man had chorioretinopathy after corticosteroid injection in the epidural space for back pain.'), 'procedures')).toContain('epidural-steroid-injection');
  });

  it('reads no corticosteroid treatment in a steroid injection the harm followed, but the steroid given for it', () => {
    const title = (t: string, abstract: string) => run(abstract, { title: t }).patients[0];
    expect(keys(title('Hiccups Associated with Steroid Injection: A Case Report', 'A 50-year-old woman presented with hiccups.'), 'treatments')).not.toContain('corticosteroids');
    expect(keys(title('Spinal Epidural Abscess After Corticosteroid Injections', 'A 60-year-old man developed an abscess.'), 'treatments')).not.toContain('corticosteroids');
    expect(keys(first('A 40-year-old man had a lumbar epidural hematoma after caudal steroid injection.'), 'treatments')).not.toContain('corticosteroids');
    expect(keys(first('A 30-year-old woman had a facial palsy and was treated with steroids.'), 'treatments')).toContain('corticosteroids');
  });

  it('reads a bleed named by its brain lobe as an intracerebral haemorrhage, not a subdural one so named', () => {
    const a = keys(first('A 32-year-old woman had a headache. An MRI scan confirmed a right parietal haematoma.'), 'complications');
    expect(a).toContain('intracerebral-hemorrhage');
    expect(a).not.toContain('hematoma');
    expect(keys(first('A 60-year-old man developed a left temporal hemorrhage after lumbar puncture.'), 'complications')).toContain('intracerebral-hemorrhage');
    const c = keys(first('A 70-year-old man had a frontal subdural hematoma after spinal anaesthesia.'), 'complications');
    expect(c).toContain('intracranial-subdural-hematoma');
    expect(c).not.toContain('intracerebral-hemorrhage');
  });

  it('reads no motor deficit from the paralysis of a nerve or muscle that moves no limb, and a decline of consciousness', () => {
    expect(keys(first('A 60-year-old woman had delayed vocal fold paralysis after an interscalene block.'), 'symptoms')).not.toContain('motor-deficit');
    expect(keys(first('A 45-year-old man had paresis of both the ipsilateral vocal cord and hemidiaphragm.'), 'symptoms')).not.toContain('motor-deficit');
    expect(keys(first('A 30-year-old woman felt a complete paralysis of the left-sided facial muscles.'), 'symptoms')).not.toContain('motor-deficit');
    expect(keys(first('A 50-year-old man had phrenic nerve paralysis after the block.'), 'symptoms')).not.toContain('motor-deficit');
    // A limb's paralysis stays a motor deficit.
    expect(keys(first('A 40-year-old man had paralysis of the right arm after the block.'), 'symptoms')).toContain('motor-deficit');
    expect(keys(first('A 70-year-old woman developed a sudden clinical decline of consciousness after a retrobulbar block.'), 'symptoms')).toContain('decreased-consciousness');
  });
});

describe('extractCases with an outcome decider (the outcome-model experiment)', () => {
  it("hands the decider each patient's sentences in reading order with the rules' finding, and proposes what it returns", () => {
    const seen: { texts: string[]; rules: string | null }[] = [];
    const input = buildInput({
      title: 'Two cases of subdural hematoma',
      abstract: 'We report two cases. Case 1: A 34-year-old woman developed a subdural hematoma. She recovered completely. Case 2: A 61-year-old man developed meningitis. He died.',
      publicationTypes: ['Case Reports'],
    });
    const r = extractCases(input, matcher, (sentences, rules) => {
      seen.push({ texts: sentences.map((s) => s.sentence.text), rules: rules.outcome?.value ?? null });
      return seen.length === 1 ? rules : { outcome: null, timeToResolutionDays: null };
    });
    expect(seen.map((s) => s.rules)).toEqual([Outcome.FULL_RECOVERY, Outcome.DEATH]);
    expect(seen[0].texts[0]).toBe('Two cases of subdural hematoma');
    expect(seen[0].texts).toContain('She recovered completely.');
    expect(seen[0].texts).not.toContain('He died.');
    expect(seen[1].texts.indexOf('We report two cases.')).toBeLessThan(seen[1].texts.indexOf('He died.'));
    expect(r.patients.map((p) => p.outcome?.value ?? null)).toEqual([Outcome.FULL_RECOVERY, null]);
    // Without a decider the rules decide, as the service runs them.
    expect(extractCases(input, matcher).patients.map((p) => p.outcome?.value ?? null)).toEqual([Outcome.FULL_RECOVERY, Outcome.DEATH]);
  });
});
