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
    // Rules 1.2.0: an unqualified "resolved" said of the finding is its resolution.
    ['The headache resolved after two days.', 'FULL_RECOVERY'],
    ['The blood patch resolved her symptoms.', 'FULL_RECOVERY'],
    ['At follow-up there were no long-term sequelae.', 'FULL_RECOVERY'],
    ['At discharge she was neurologically intact.', 'FULL_RECOVERY'],
    ['He was discharged home without neurological deficit.', 'FULL_RECOVERY'],
    ['She recovered uneventfully.', 'FULL_RECOVERY'],
    ['The patient regained full strength in both legs.', 'FULL_RECOVERY'],
    ['The man regained some function after physiotherapy.', 'PARTIAL_RECOVERY'],
    ['At two weeks there was 80% resolution of symptoms and a pain score of 2/10.', 'PARTIAL_RECOVERY'],
    ['His symptoms partially resolved over months.', 'PARTIAL_RECOVERY'],
    ['Moderate neurological sequelae were present at one year.', 'RESIDUAL_DEFICIT'],
    ['She has permanent perineal numbness.', 'RESIDUAL_DEFICIT'],
    ['The woman remained paraplegic.', 'RESIDUAL_DEFICIT'],
    ['He continued to report leg pain six months after the injection.', 'RESIDUAL_DEFICIT'],
    ['Persistent motor weakness was noted at the last visit.', 'RESIDUAL_DEFICIT'],
    ['The patient expired on the second day.', 'DEATH'],
    ['The pain showed slow regression over the following week.', 'IMPROVED_UNSPECIFIED'],
    ['A 60-year-old man developed a spinal hematoma. The symptoms regressed with physiotherapy.', 'IMPROVED_UNSPECIFIED'],
    ['We describe the successful treatment of her headache with a blood patch.', 'IMPROVED_UNSPECIFIED'],
  ])('%s → %s', (text, expected) => {
    expect(outcome(text).outcome?.value).toBe(expected);
  });

  it('does not take a hypothetical or negated outcome', () => {
    expect(outcome('Untreated hematomas can result in permanent disability and death.').outcome).toBeNull();
    expect(outcome('There was no improvement after the first patch.').outcome).toBeNull();
  });

  it('takes the last outcome statement about the patient', () => {
    expect(outcome('The first patch gave complete relief. The headache recurred two days later. After a second patch she was discharged with partial relief.').outcome?.value).toBe('PARTIAL_RECOVERY');
    expect(outcome('Her weakness persisted for a week. Three months later she had made a complete recovery.').outcome?.value).toBe('FULL_RECOVERY');
    // A later "improved" is implied by the earlier definite state; it does not replace it.
    expect(outcome('She was discharged with no neurological deficits. The small collection on MRI improved within two months.').outcome?.value).toBe('FULL_RECOVERY');
    // A recurrence voids the earlier state; what follows decides.
    expect(outcome('The headache resolved completely. One week later the headache recurred and she was readmitted.').outcome).toBeNull();
    // A recurrence later in the same sentence voids the state it follows.
    expect(outcome('The blood patch gave complete relief, but the headache recurred two days later.').outcome).toBeNull();
    // Death is final.
    expect(outcome('She died on day 4. The hematoma had resolved at autopsy.').outcome?.value).toBe('DEATH');
  });

  it('declines pooled, hedged, negated and presentation statements', () => {
    expect(outcome('Three out of 20 patients had sequelae and 2/20 died.').outcome).toBeNull();
    expect(outcome('All patients made a complete recovery.').outcome).toBeNull();
    expect(outcome('An untreated haematoma can cause irreversible paraplegia.').outcome).toBeNull();
    expect(outcome('Her symptoms did not abate after the first patch.').outcome).toBeNull();
    expect(outcome('Her numbness was resolving on arrival.').outcome).toBeNull();
    expect(outcome('He remained unconscious for two days.').outcome).toBeNull();
    expect(outcome('She was admitted with persistent headache.').outcome).toBeNull();
    expect(outcome('The neurological examination showed no deficits.').outcome).toBeNull();
    expect(outcome('He continued to have headache despite bed rest.').outcome).toBeNull();
    expect(outcome('A permanent pacemaker was implanted.').outcome).toBeNull();
    // Not the patient's death.
    expect(outcome('The pregnancy ended in an intrauterine death at 30 weeks.').outcome).toBeNull();
    expect(outcome('Her baby died shortly after birth.').outcome).toBeNull();
  });

  it('reads the time to resolution', () => {
    expect(outcome('The hematoma cleared with observation and she recovered completely within three weeks.').timeToResolutionDays?.value).toBe(21);
  });
});

describe('outcomeRule, rules 1.3.0 (outcome phrasing)', () => {
  it.each([
    // "symptoms" was read as the self-negating "symptom-free" and needed a course word.
    ['These symptoms disappeared during the first day.', 'FULL_RECOVERY'],
    ["Before the scan, the patient's symptoms resolved spontaneously within an hour.", 'FULL_RECOVERY'],
    ['A 66-year-old man bled from the drain. After embolization of the pseudoaneurysm, the hemorrhage stopped.', 'FULL_RECOVERY'],
    ['The sensory deficits decreased overnight and were finally no longer detectable.', 'FULL_RECOVERY'],
    ['The nerve conduction findings recovered almost completely within six months.', 'PARTIAL_RECOVERY'],
    ['She had a near-complete recovery of strength by discharge.', 'PARTIAL_RECOVERY'],
    ['Despite a larger collection on the second scan, the woman experienced symptomatic relief.', 'IMPROVED_UNSPECIFIED'],
    ['Her outcome with bed rest and analgesics was also excellent.', 'IMPROVED_UNSPECIFIED'],
  ])('%s → %s', (text, expected) => {
    expect(outcome(text).outcome?.value).toBe(expected);
  });

  it('reads a title opening with "Fatal" as the death of the patient', () => {
    const title = outcomeRule(buildFieldContext('title', 'Fatal haemothorax after a thoracic epidural catheter in an elderly man', matcher).sentences);
    expect(title.outcome?.value).toBe('DEATH');
    expect(outcome('It was a potentially fatal complication of the block.').outcome).toBeNull();
  });

  it('declines rates of an outcome over a population', () => {
    expect(outcome('The prognosis of heart failure remains poor with high rates of sudden death.').outcome).toBeNull();
  });
});

describe('outcomeRule: rules 1.4.0 wordings', () => {
  it.each([
    ['The evolution was favourable under antibiotics.', 'IMPROVED_UNSPECIFIED'],
    ['She had a favourable evolution after the blood patch.', 'IMPROVED_UNSPECIFIED'],
    ['At the three-month follow-up she was pain-free.', 'FULL_RECOVERY'],
    ['Her clinical course was favorable.', 'IMPROVED_UNSPECIFIED'],
    ['She reported remarkable pain relief after the nerve block.', 'IMPROVED_UNSPECIFIED'],
    ['He had no complications and was discharged on the fifth postoperative day.', 'FULL_RECOVERY'],
    ['She was discharged from the hospital with no particular problems.', 'FULL_RECOVERY'],
    ['His paralysis, however, remained unchanged after the operation.', 'RESIDUAL_DEFICIT'],
    ['In the intensive care unit her motor block regressed within four hours.', 'FULL_RECOVERY'],
  ])('%s -> %s', (text, expected) => {
    expect(outcome(text).outcome?.value).toBe(expected);
  });

  it('reads no outcome from recovery from anaesthesia or a recovery room', () => {
    expect(outcome('The weakness appeared after delivery and anesthesia recovery.').outcome).toBeNull();
    expect(outcome('She was observed in the recovery room for two hours.').outcome).toBeNull();
  });

  it('does not take symptoms that persisted despite a first treatment as the end state', () => {
    expect(outcome('Despite bed rest and fluids, her symptoms persisted. A ganglion block then gave marked pain relief.').outcome?.value).toBe('IMPROVED_UNSPECIFIED');
    expect(outcome('Two years later her weakness persisted.').outcome?.value).toBe('RESIDUAL_DEFICIT');
  });

  it('reads "in all cases" as the reported patients only when the caller says so', () => {
    const sentences = buildFieldContext('abstract', 'Evolution was favorable in all cases.', matcher).sentences;
    expect(outcomeRule(sentences).outcome).toBeNull();
    expect(outcomeRule(sentences, { allMeansReported: true }).outcome?.value).toBe('IMPROVED_UNSPECIFIED');
    const counted = buildFieldContext('abstract', 'Evolution was favorable in 12 of 35 cases.', matcher).sentences;
    expect(outcomeRule(counted, { allMeansReported: true }).outcome).toBeNull();
  });
});

describe('outcomeRule: rules 1.5.0 lexicons and mimics', () => {
  it.each([
    ['He went home on the fifth day with a normal neurologic exam.', 'FULL_RECOVERY'],
    ['Fortunately the woman suffered no neurological sequelae.', 'FULL_RECOVERY'],
    ['He left the hospital without sequelae.', 'FULL_RECOVERY'],
    ['Complete resorption of the collection was seen on the control scan.', 'FULL_RECOVERY'],
    ['She was discharged without headache or visual disturbance on day nine.', 'FULL_RECOVERY'],
    ['Repeat angiography showed resolution of the segmental vasoconstriction.', 'FULL_RECOVERY'],
    ['She was followed with MRI and resolution of the vasogenic edema by the sixth week.', 'FULL_RECOVERY'],
    ['A second patch was done with immediate resolution of his headache.', 'FULL_RECOVERY'],
    ['The woman was sent home assymptomatic.', 'FULL_RECOVERY'],
    ['Intralipid was given, reversing all the neurological symptoms quickly and completely.', 'FULL_RECOVERY'],
    ['The postoperative course was uneventful.', 'FULL_RECOVERY'],
    ['Her follow-up was uneventful.', 'FULL_RECOVERY'],
    ['He reported immediate relief after the blood patch.', 'IMPROVED_UNSPECIFIED'],
    ['She described relief from her headache within an hour.', 'IMPROVED_UNSPECIFIED'],
    ['The man was discharged 18 days later in satisfactory condition.', 'IMPROVED_UNSPECIFIED'],
  ])('%s -> %s', (text, expected) => {
    expect(outcome(text).outcome?.value).toBe(expected);
  });

  it('reads no outcome from a procedure that went well, a lab value, a plan or a postural headache', () => {
    expect(outcome('The epidural was sited uneventfully at L2-3.').outcome).toBeNull();
    expect(outcome('Delivery and anesthesia were uneventful; a day later she had a headache.').outcome).toBeNull();
    expect(outcome('After recovery of her platelet count the catheter was removed.').outcome).toBeNull();
    expect(outcome('After the audit a quality improvement plan was put in place.').outcome).toBeNull();
    expect(outcome('A blood patch was done with little improvement.').outcome).toBeNull();
    expect(outcome('The headache was worse on standing and relieved by lying flat.').outcome).toBeNull();
    expect(outcome('We describe an asymptomatic epidural hematoma found on a routine scan.').outcome).toBeNull();
  });

  it('reads no outcome from the history of a condition', () => {
    expect(outcome('Pneumocephalus is air in the skull. It was first described by John Smith in 1884 in an autopsy report of a trauma patient.').outcome).toBeNull();
  });
});

describe('outcomeRule, rules 1.6.0', () => {
  it.each([
    // Death told in the case announcement; the course of the operation is no outcome.
    ['We report a case of fatal intracranial bleeding after a lumbar drain.', 'DEATH'],
    // The treatment's course words ("began to improve"), and a resolution brought by it with an article ("leading to the").
    ['On the ward he began to improve.', 'IMPROVED_UNSPECIFIED'],
    ['A second blood patch was placed, leading to the rapid resolution of her headache.', 'FULL_RECOVERY'],
    // A block that wore off, named "blockade".
    ['She was ventilated by mask until the motor blockade regressed.', 'FULL_RECOVERY'],
    // Deficits looked for and not found later; function resumed; a recovery said to be complete.
    ['Sensory deficits were not observed thereafter.', 'FULL_RECOVERY'],
    ['She resumed normal motor function within an hour.', 'FULL_RECOVERY'],
    ['His recovery was slow but complete.', 'FULL_RECOVERY'],
    ['At telephone follow-up two days later she reported no further headaches.', 'FULL_RECOVERY'],
    ['Complete hemostasis was obtained after factor replacement.', 'FULL_RECOVERY'],
    // Short of a full recovery.
    ['With physiotherapy the man restored limited motor function.', 'PARTIAL_RECOVERY'],
    ['After decompression she had a nearly complete remission of the deficits.', 'PARTIAL_RECOVERY'],
    // "excellent" says how good, not that nothing remains (the labels read it as improved).
    ['The patient made an excellent recovery after surgery.', 'IMPROVED_UNSPECIFIED'],
    // Residual deficit: "remained paralytic", "without any recovery", and what a treatment "could not prevent".
    ['At three months he remained paralytic.', 'RESIDUAL_DEFICIT'],
    ['She was transferred to rehabilitation without any recovery of motor function.', 'RESIDUAL_DEFICIT'],
    ['In his case, late decompression could not prevent persistent paraplegia.', 'RESIDUAL_DEFICIT'],
  ])('%s -> %s', (text, expected) => {
    expect(outcome(text).outcome?.value).toBe(expected);
  });

  it('reads no outcome from the course of an operation, from a relief that was minimal, or from asymptomatic patients', () => {
    expect(outcome('The intraoperative course was uneventful apart from mild hypotension.').outcome).toBeNull();
    expect(outcome('Fluids and oral analgesics gave her minimal relief of the headache.').outcome).toBeNull();
    expect(outcome('Two asymptomatic patients with mild hemophilia bled after tooth extraction.').outcome).toBeNull();
  });
});

describe('outcomeRule, rules 1.7.0: outcome families', () => {
  it.each([
    // A function or finding back to normal, either word order, whatever it is.
    ['Serial audiograms were done and the woman recovered to normal hearing within ten days.', 'FULL_RECOVERY'],
    ['Normal vision returned six weeks later.', 'FULL_RECOVERY'],
    ['By the second month normal bladder function was restored.', 'FULL_RECOVERY'],
    ['Her audiogram normalized after hydration.', 'FULL_RECOVERY'],
    // Latin and idiomatic full recovery.
    ['Restitutio ad integrum was achieved within a month.', 'FULL_RECOVERY'],
    ['Her palsy healed ad integrum.', 'FULL_RECOVERY'],
    // A completeness adverb with a verb of vanishing, either order.
    ['The collection was completely absorbed on the follow-up CT.', 'FULL_RECOVERY'],
    ['His neurological signs totally disappeared within a day.', 'FULL_RECOVERY'],
    ['Her pneumocephalus cleared completely in a week.', 'FULL_RECOVERY'],
    // The bare "recovered" of the patient, as the labels read it.
    ['The patient recovered spontaneously over the next days.', 'FULL_RECOVERY'],
    ['All recovered without an operation.', 'FULL_RECOVERY'],
    ['She recovered and went home on day five.', 'FULL_RECOVERY'],
    // A test at the end of the course confirming the finding is gone.
    ['A repeat audiogram at discharge confirmed the absence of hearing loss.', 'FULL_RECOVERY'],
    // Residual: "persistent" before a lasting deficit, a deficit still present at follow-up, "remains unresolved", what is left.
    ['He was discharged to rehabilitation with persistent right leg weakness.', 'RESIDUAL_DEFICIT'],
    ['The operation was complicated by severe and persistent bilateral hearing loss.', 'RESIDUAL_DEFICIT'],
    ['Her sixth nerve palsy was still present at the one-year follow-up.', 'RESIDUAL_DEFICIT'],
    ['Despite physiotherapy, her condition remains unresolved a year later.', 'RESIDUAL_DEFICIT'],
    ['She made a good recovery and was discharged with only mild memory problems.', 'RESIDUAL_DEFICIT'],
    // Improved: a relief told as gradual, a symptom that almost went.
    ['After the patch she reported gradual headache relief.', 'IMPROVED_UNSPECIFIED'],
    ['By the fifth day his headache had almost disappeared.', 'IMPROVED_UNSPECIFIED'],
    // A deficit that motivated a further treatment is not the end state: what follows replaces it.
    ['Although his symptoms improved, he still complained of headaches; therefore, a second blood patch was performed. After that his headache had largely subsided.', 'IMPROVED_UNSPECIFIED'],
    ['She still had a severe headache. We performed a cervical blood patch. Her headache improved.', 'IMPROVED_UNSPECIFIED'],
  ])('%s -> %s', (text, expected) => {
    expect(outcome(text).outcome?.value).toBe(expected);
  });

  it('reads no full recovery or residual deficit from their mimics', () => {
    expect(outcome('She recovered from anaesthesia in the recovery room.').outcome?.value).not.toBe('FULL_RECOVERY');
    expect(outcome('He recovered partially over months.').outcome?.value).not.toBe('FULL_RECOVERY');
    expect(outcome('MRI showed absence of a haematoma on admission.').outcome?.value).not.toBe('FULL_RECOVERY');
    expect(outcome('Her international normalized ratio was 1.1 before the block.').outcome).toBeNull();
    expect(outcome('She presented with mild weakness in the left leg.').outcome).toBeNull();
    expect(outcome('The woman presented with persistent headache after the spinal.').outcome).toBeNull();
    // A share of a group: which one recovered fully is not said.
    expect(outcome('Both patients recovered motor function, one completely.', ).outcome).toBeNull();
    // A deficit with no further treatment after it stays the end state against a later bare improvement.
    expect(outcome('She still complained of numbness at one year. Her mood improved.').outcome?.value).toBe('RESIDUAL_DEFICIT');
  });
});

describe('outcomeRule, rules 1.8.0', () => {
  it.each([
    ["Horner's syndrome resolved within 4 h following delivery.", 'FULL_RECOVERY'],
    ['There was no subsequent expansion of the hematoma. It resolved on postoperative day 53.', 'FULL_RECOVERY'],
    ['A spontaneous resolution of HS was observed in the patient.', 'FULL_RECOVERY'],
    ['The facial droop resolved partially over a week.', 'PARTIAL_RECOVERY'],
    ['The ptosis was almost resolved at discharge.', 'IMPROVED_UNSPECIFIED'],
    ['The first patch was performed with minimal resolution of her symptoms.', 'IMPROVED_UNSPECIFIED'],
  ])('reads an unqualified resolution of any finding as its end: %s', (text, expected) => {
    expect(outcome(text).outcome?.value).toBe(expected);
  });

  it('reads no outcome from a resolution that is not the finding going', () => {
    expect(outcome('A high-resolution MRI of the spine showed the catheter tip at T10.').outcome).toBeNull();
    expect(outcome('Her neurological condition remains unresolved two years later.').outcome?.value).toBe('RESIDUAL_DEFICIT');
  });
});

describe('outcomeRule, rules 1.8.0: constructions of the end state', () => {
  it.each([
    ['At 1-year follow-up, the patient continued to have no neurologic sequelae.', 'FULL_RECOVERY'],
    ['Gradual recovery was observed and by 7 months he attained power to preinjury level.', 'FULL_RECOVERY'],
    ['By the next morning, quadriceps function had returned, and he was ambulating normally.', 'FULL_RECOVERY'],
    ['The affected area required approximately 5 months to heal completely.', 'FULL_RECOVERY'],
    ['These side effects disappeared spontaneously.', 'FULL_RECOVERY'],
    ['She had an uncomplicated course thereafter.', 'FULL_RECOVERY'],
    ['Two months after the epidural injection, she required crutches for walking.', 'RESIDUAL_DEFICIT'],
    ['At discharge the patient was only showing a slight dysmetria.', 'RESIDUAL_DEFICIT'],
    ["Seven months later, the patient's conditions improved but had not fully recovered.", 'PARTIAL_RECOVERY'],
    ['She had revision surgery, and pain control has been good so far.', 'IMPROVED_UNSPECIFIED'],
  ])('%s', (text, expected) => {
    expect(outcome(text).outcome?.value).toBe(expected);
  });

  it('reads no outcome from the mimics of those constructions', () => {
    expect(outcome('She had an uncomplicated delivery under epidural analgesia.').outcome).toBeNull();
    expect(outcome('His motor function was tested before the block.').outcome).toBeNull();
    expect(outcome('The motor function returned partially over the next weeks.').outcome?.value).not.toBe('FULL_RECOVERY');
  });
});

describe('outcomeRule, rules 1.10.0', () => {
  it.each([
    ['She recovered her muscular strength in all involved muscles, but she retains mild paresis of the right soleus.', 'RESIDUAL_DEFICIT'],
    ['The motor and sensorial deficits were almost completely resolved at the end of the third month.', 'PARTIAL_RECOVERY'],
    ['Her symptoms did not fully resolve within the follow up period.', 'RESIDUAL_DEFICIT'],
    ['Four days later without any neurological complications, she was discharged healthy.', 'FULL_RECOVERY'],
    ['She developed right foot drop after surgery, which gradually recovered over the next 10 months.', 'FULL_RECOVERY'],
    ['The patient experienced a gradual recovery over the following 2 months.', 'FULL_RECOVERY'],
    ['She has a bilateral paraplegia that partially reverses with rehabilitation.', 'PARTIAL_RECOVERY'],
    ['She didn’t recover and expired due to complication of meningitis.', 'DEATH'],
  ])('%s', (text, expected) => {
    expect(outcome(text).outcome?.value).toBe(expected);
  });

  it('reads no outcome from the block wearing off or from expired gas', () => {
    expect(outcome('Although full recovery from the spinal anesthetic was achieved, she felt numbness on the first day.').outcome?.value).not.toBe('FULL_RECOVERY');
    expect(outcome('The patient was ventilated; anesthesia was maintained with sevoflurane (1.5% expired) and oxygen.').outcome).toBeNull();
    // A gradual recovery without a span of time stays an improvement.
    expect(outcome('Gradual recovery occurred without the need for intervention.').outcome?.value).toBe('IMPROVED_UNSPECIFIED');
  });
});

describe('outcomeRule, rules 1.11.0', () => {
  it.each([
    ['She developed a facial palsy; MRI showed no abnormalities, and symptoms had completely resolved 4-5 hours later.', 'FULL_RECOVERY'],
    ['The palsy was found, resolving spontaneously after a follow up period of 9 weeks.', 'FULL_RECOVERY'],
    ['After seven months, the pain subsided but slight paresthesia and muscle weaknesses still remained.', 'RESIDUAL_DEFICIT'],
  ])('%s', (text, expected) => {
    expect(outcome(text).outcome?.value).toBe(expected);
  });

  it('reads no recovery from the circulation made normal during the course', () => {
    expect(outcome('Her haemodynamic instability was normalised with rapid volume replacement and vasopressors.').outcome).toBeNull();
  });
});

describe('outcomeRule, rules 1.12.0', () => {
  it('reads a recovery "except for slight ataxia" as a residual deficit', () => {
    expect(outcome('At discharge he had recovered except for slight ataxia.').outcome?.value).toBe('RESIDUAL_DEFICIT');
  });
});

describe('outcomeRule: rules 1.13.0 (unseen12 and unseen13 classes)', () => {
  const shared = (text: string, opts: { allMeansReported?: boolean; reported?: number }) => outcomeRule(buildFieldContext('abstract', text, matcher).sentences, opts).outcome?.value ?? null;

  it('reads "demise" as the patient\'s death, not a fetal demise', () => {
    expect(outcome('The leak caused brain herniation, which resulted in patient demise.').outcome?.value).toBe('DEATH');
    expect(outcome('Her early demise followed within days.').outcome?.value).toBe('DEATH');
    expect(outcome('The ultrasound confirmed an intrauterine fetal demise.').outcome).toBeNull();
  });

  it('reads the only remaining symptom and a finding that persisted for months as a residual deficit', () => {
    expect(outcome('Retrograde amnesia was the only clinical relevant remaining symptom by 6 months.').outcome?.value).toBe('RESIDUAL_DEFICIT');
    expect(outcome('Numbness was the only remaining deficit at discharge.').outcome?.value).toBe('RESIDUAL_DEFICIT');
    expect(outcome('Despite conservative treatment, the loss of sensation in the hand persisted up to 6 months post-procedure.').outcome?.value).toBe('RESIDUAL_DEFICIT');
    expect(outcome('The hoarseness persisted for several years.').outcome?.value).toBe('RESIDUAL_DEFICIT');
    // Not a lasting deficit: days, and what remained to be done.
    expect(outcome('The headache persisted for 2 days before the blood patch.').outcome).toBeNull();
    expect(outcome('The remaining symptoms resolved completely.').outcome?.value).toBe('FULL_RECOVERY');
  });

  it('reads "cured", "remains well" and whatever disappeared (not nearly) as a full recovery', () => {
    expect(outcome('She was clinically cured and discharged 2 days later.').outcome?.value).toBe('FULL_RECOVERY');
    expect(outcome('The kidney was salvaged and he remains well 4 years later.').outcome?.value).toBe('FULL_RECOVERY');
    expect(outcome('Symptoms due to epidural abscess disappeared soon after laminotomy.').outcome?.value).toBe('FULL_RECOVERY');
    expect(outcome('The involuntary movements disappeared after approximately 5 h.').outcome?.value).toBe('FULL_RECOVERY');
    expect(outcome('The pain almost disappeared after the block.').outcome?.value).toBe('IMPROVED_UNSPECIFIED');
    expect(outcome('The pain had not disappeared at one month.').outcome?.value).not.toBe('FULL_RECOVERY');
  });

  it('reads "doing well" as an improvement', () => {
    expect(outcome('He is doing well more than 21 months after the operation.').outcome?.value).toBe('IMPROVED_UNSPECIFIED');
    expect(outcome('The patients were doing well at follow-up.').outcome?.value).toBe('IMPROVED_UNSPECIFIED');
  });

  it('reads "all 3 patients" as the reported ones and a smaller count as a share', () => {
    expect(shared('All 3 patients died between 8 and 18 days after the incident.', { allMeansReported: true, reported: 3 })).toBe('DEATH');
    expect(shared('Two patients had a spontaneous resolution of the subretinal fluid in both eyes.', { allMeansReported: true, reported: 3 })).toBeNull();
    expect(shared('Two patients had a spontaneous resolution of the subretinal fluid in both eyes.', { allMeansReported: true, reported: 2 })).toBe('FULL_RECOVERY');
    expect(shared('All 3 patients died.', { allMeansReported: false, reported: 3 })).toBeNull();
  });

  it('reads "successfully treated" or "managed" as no end state unless beside a discharge', () => {
    expect(outcome('She was successfully managed.').outcome).toBeNull();
    expect(outcome('The patient was successfully treated with antibiotics targeted at Pseudomonas aeruginosa.').outcome).toBeNull();
    expect(outcome('A pneumothorax followed, treated successfully by ultrasound-guided aspiration.').outcome).toBeNull();
    expect(outcome('The patient was successfully treated and discharged after bilateral occipital nerve blocks.').outcome?.value).toBe('IMPROVED_UNSPECIFIED');
  });

  it('reads a sentence in which some findings resolved and the patient improved as an improvement', () => {
    expect(outcome("By the next morning, the patient's dysphagia and dyspnea had resolved and her hoarseness improved.").outcome?.value).toBe('IMPROVED_UNSPECIFIED');
    expect(outcome('His fevers and painful muscle spasms resolved and his clinical condition improved after pump exploration.').outcome?.value).toBe('IMPROVED_UNSPECIFIED');
    // A resolution said to be complete stays a full recovery; so does a resolution alone.
    expect(outcome('The paraplegia gradually improved until, within 1 hour, it had completely resolved.').outcome?.value).toBe('FULL_RECOVERY');
    expect(outcome('Her symptoms resolved within two days.').outcome?.value).toBe('FULL_RECOVERY');
    // A negated improvement does not lower a resolution.
    expect(outcome('The headache resolved; the patient had not improved before the patch.').outcome?.value).toBe('FULL_RECOVERY');
  });
});
