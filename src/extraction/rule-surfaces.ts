import { TermKind } from './domain-values';
import type { VocabularyEntry } from './extraction.types';

/**
 * Wordings that case reports use for curated terms but that the vocabulary's synonyms do not hold
 * ("epidural anaesthesia", "managed conservatively", "SDH"). They are added to the matcher only for
 * keys the given vocabulary has, so a different vocabulary simply gets fewer of them. Bare site-less
 * forms ("subdural hematoma", "epidural hematoma") point at the usual site and are moved to the other
 * site by the site rule in term-assignment.rules.ts when the context says so.
 */
const EXTRA: { kind: TermKind; key: string; surfaces: string[] }[] = [
  { kind: TermKind.COMPLICATION, key: 'spinal-epidural-hematoma', surfaces: ['epidural hematoma', 'SEH', 'SSEH', 'SSEDH', 'spontaneous spinal epidural hematoma', 'epidural hematomas'] },
  { kind: TermKind.COMPLICATION, key: 'intracranial-subdural-hematoma', surfaces: ['subdural hematoma', 'SDH', 'subdural intracranial hematoma', 'intracranial subdural hematoma', 'cranial SDH'] },
  { kind: TermKind.COMPLICATION, key: 'spinal-subdural-hematoma', surfaces: ['intradural hematoma', 'spinal subdural hemorrhage', 'SSDH'] },
  // A haematoma in both spaces ("epi-subdural", "epidural-subdural"): the spinal subdural key is added beside it (term-assignment.rules.ts).
  { kind: TermKind.COMPLICATION, key: 'spinal-epidural-hematoma', surfaces: ['epi-subdural hematoma', 'episubdural hematoma', 'epidural-subdural hematoma', 'subdural-epidural hematoma', 'epidural and subdural hematoma', 'subdural and epidural hematoma'] },
  { kind: TermKind.COMPLICATION, key: 'intrathecal-hematoma', surfaces: ['subarachnoid hematoma', 'intrathecal clot', 'intrathecal hemorrhage'] },
  { kind: TermKind.COMPLICATION, key: 'post-dural-puncture-headache', surfaces: ['dural puncture headache', 'postspinal headache', 'post spinal headache', 'post-dural-puncture headache'] },
  { kind: TermKind.COMPLICATION, key: 'csf-leak', surfaces: ['CSF leakage', 'cerebrospinal fluid leakage', 'cerebrospinal leakage', 'spinal CSF leak'] },
  { kind: TermKind.COMPLICATION, key: 'cerebral-venous-thrombosis', surfaces: ['cortical venous thrombosis', 'CVT', 'CVST', 'DVST', 'cerebral venous sinus thrombosis', 'dural venous sinus thrombosis'] },
  { kind: TermKind.COMPLICATION, key: 'abducens-nerve-palsy', surfaces: ['sixth cranial nerve palsy', 'abducens nerve palsy', 'abducens palsy'] },
  { kind: TermKind.COMPLICATION, key: 'subdural-hygroma', surfaces: ['subdural hygromas', 'subdural fluid collection', 'subdural collection'] },
  { kind: TermKind.COMPLICATION, key: 'intracranial-hypotension', surfaces: ['intracranial hypotension'] },
  { kind: TermKind.COMPLICATION, key: 'epidural-abscess', surfaces: ['epidural abscess', 'epidural abscesses'] },
  { kind: TermKind.COMPLICATION, key: 'cauda-equina-syndrome', surfaces: ['cauda equina syndrome', 'incomplete cauda equina syndrome'] },
  { kind: TermKind.COMPLICATION, key: 'arachnoiditis', surfaces: ['chemical arachnoiditis'] },
  { kind: TermKind.PROCEDURE, key: 'epidural-anesthesia', surfaces: ['epidural anesthesia', 'epidural anesthetic', 'epidural catheterization', 'epidural catheter placement', 'epidural catheter insertion', 'continuous epidural block', 'lumbar epidural block', 'epidural placement'] },
  { kind: TermKind.PROCEDURE, key: 'labour-epidural-analgesia', surfaces: ['epidural labor analgesia', 'epidural for labor', 'labor analgesia', 'epidural analgesia for labor'] },
  { kind: TermKind.PROCEDURE, key: 'spinal-anesthesia', surfaces: ['spinal anesthesia', 'spinal anesthetic', 'spinal block', 'subarachnoid blockade', 'SA'] },
  { kind: TermKind.PROCEDURE, key: 'combined-spinal-epidural', surfaces: ['combined spinal and epidural anesthesia', 'combined spinal-epidural anesthesia', 'CSEA'] },
  { kind: TermKind.PROCEDURE, key: 'accidental-dural-puncture', surfaces: ['accidental wet tap', 'wet tap', 'inadvertent dural puncture', 'unintentional dural puncture', 'unintended dural puncture', 'inadvertent dural perforation', 'accidental dural perforation', 'dural tap'] },
  { kind: TermKind.PROCEDURE, key: 'lumbar-puncture', surfaces: ['LP', 'diagnostic lumbar puncture'] },
  { kind: TermKind.PROCEDURE, key: 'epidural-blood-patch', surfaces: ['EDBP', 'lumbar epidural blood patch', 'LEBP', 'epidural blood patches', 'blood patch'] },
  { kind: TermKind.PROCEDURE, key: 'epidural-steroid-injection', surfaces: ['epidural steroid injection', 'epidural steroid injections'] },
  { kind: TermKind.PROCEDURE, key: 'epidural-neurolytic-injection', surfaces: ['epidural phenol injections'] },
  { kind: TermKind.PROCEDURE, key: 'epidural-injection', surfaces: ['epidural injection'] },
  { kind: TermKind.PROCEDURE, key: 'dural-puncture-epidural', surfaces: ['dural puncture epidural'] },
  { kind: TermKind.PROCEDURE, key: 'epidural-catheter-removal', surfaces: ['epidural catheter removal', 'removal of the epidural catheter', 'removal of an epidural catheter', 'epidural catheter was removed', 'catheter removal', 'removal of the catheter', 'catheter was removed', 'catheter was withdrawn', 'catheter had been removed', 'catheter was pulled out'] },
  { kind: TermKind.COMORBIDITY, key: 'chronic-pain', surfaces: ['chronic back pain', 'chronic low back pain', 'chronic neck pain'] },
  { kind: TermKind.COMPLICATION, key: 'spinal-cord-compression', surfaces: ['compressing the spinal cord', 'cord compression', 'compression of the spinal cord', 'spinal compression', 'compression of the cord', 'compressing the cord'] },
  { kind: TermKind.SYMPTOM, key: 'urinary-retention', surfaces: ['urinary retention'] },
  { kind: TermKind.TREATMENT, key: 'analgesics', surfaces: ['acetaminophen', 'paracetamol', 'NSAIDs', 'NSAID', 'ibuprofen', 'opioids', 'oxycodone', 'morphine', 'analgesic', 'analgesic medication'] },
  { kind: TermKind.TREATMENT, key: 'conservative-management', surfaces: ['managed conservatively', 'treated conservatively', 'conservative measures', 'conservative therapy', 'conservatively', 'non-operatively', 'nonoperatively', 'non-surgical management', 'conservative treatment', 'conservative management'] },
  { kind: TermKind.TREATMENT, key: 'observation', surfaces: ['observation'] },
  { kind: TermKind.TREATMENT, key: 'decompressive-laminectomy', surfaces: ['surgical decompression', 'decompressive laminectomy', 'hemilaminectomy', 'laminectomies', 'emergent decompression', 'decompressive subtotal laminectomy', 'decompression'] },
  { kind: TermKind.TREATMENT, key: 'hematoma-evacuation', surfaces: ['hematoma evacuation', 'evacuation of the hematoma', 'hematoma was evacuated', 'hematoma removal', 'hematoma was removed', 'evacuation of hematoma'] },
  { kind: TermKind.TREATMENT, key: 'intracranial-hematoma-evacuation', surfaces: ['evacuation of subdural hematoma', 'evacuation of the subdural hematoma'] },
  { kind: TermKind.TREATMENT, key: 'surgical-management', surfaces: ['surgical drainage', 'surgical treatment', 'emergent surgery', 'emergency surgery', 'urgent surgery', 'surgically removed', 'surgical intervention', 'surgically'] },
  { kind: TermKind.TREATMENT, key: 'subdural-drain', surfaces: ['subdural drain'] },
  { kind: TermKind.TREATMENT, key: 'hydration', surfaces: ['IV fluids', 'intravenous fluids', 'oral fluids', 'oral hydration', 'intravenous hydration', 'rehydration', 'fluid resuscitation'] },
  { kind: TermKind.TREATMENT, key: 'corticosteroids', surfaces: ['prednisolone', 'prednisone', 'hydrocortisone', 'steroid'] },
  { kind: TermKind.TREATMENT, key: 'anticoagulation-reversal', surfaces: ['protamine', 'vitamin K', 'idarucizumab', 'andexanet', 'prothrombin complex concentrate'] },
  { kind: TermKind.TREATMENT, key: 'anticonvulsants', surfaces: ['anticonvulsant', 'antiepileptic'] },
  { kind: TermKind.TREATMENT, key: 'sphenopalatine-ganglion-block', surfaces: ['SPGB', 'sphenopalatine ganglion block', 'sphenopalatine block', 'sphenopalatine nerve block'] },
  { kind: TermKind.TREATMENT, key: 'craniectomy', surfaces: ['craniectomy'] },
  { kind: TermKind.SYMPTOM, key: 'low-back-pain', surfaces: ['lower back pain', 'low back and leg pain', 'lumbar back pain'] },
  { kind: TermKind.SYMPTOM, key: 'hypoesthesia', surfaces: ['sensory loss', 'sensory deficit', 'sensory deficits', 'numb', 'reduced sensation', 'decreased sensation'] },
  { kind: TermKind.SYMPTOM, key: 'motor-deficit', surfaces: ['motor weakness', 'motor deficits', 'sensorimotor deficits', 'hemiplegia', 'hemiparesis', 'tetraparesis', 'quadriparesis', 'tetraplegia'] },
  { kind: TermKind.SYMPTOM, key: 'leg-weakness', surfaces: ['lower extremity weakness', 'weakness in his legs', 'weakness in her legs', 'weakness in the legs', 'weakness of the legs', 'lower-extremity weakness'] },
  { kind: TermKind.SYMPTOM, key: 'radicular-pain', surfaces: ['pain radiating', 'radiating pain'] },
  { kind: TermKind.SYMPTOM, key: 'urinary-retention', surfaces: ['difficulty passing urine', 'urine retention', 'impaired bladder'] },
  { kind: TermKind.SYMPTOM, key: 'seizure', surfaces: ['tonic-clonic seizures', 'convulsions', 'seizures'] },
  { kind: TermKind.SYMPTOM, key: 'decreased-consciousness', surfaces: ['altered level of consciousness', 'comatose', 'coma'] },
  { kind: TermKind.SYMPTOM, key: 'fever', surfaces: ['febrile'] },
  { kind: TermKind.SYMPTOM, key: 'headache', surfaces: ['headaches'] },
  // Rules 1.2.0: wordings the unseen error analysis found missing (general synonyms, no record named).
  { kind: TermKind.SYMPTOM, key: 'motor-deficit', surfaces: ['paralysis', 'paralysed', 'paralyzed'] },
  // "subdural hematoma post-spinal anesthesia": after the procedure, which the hyphenated prefix hides.
  { kind: TermKind.PROCEDURE, key: 'spinal-anesthesia', surfaces: ['post-spinal anesthesia', 'post-spinal anaesthesia'] },
  { kind: TermKind.PROCEDURE, key: 'epidural-anesthesia', surfaces: ['post-epidural anesthesia', 'post-epidural anaesthesia'] },
  // One limb only when the side is said ("left lower limb palsy"); "lower limb paralysis" is both legs.
  { kind: TermKind.SYMPTOM, key: 'monoplegia', surfaces: ['left lower limb palsy', 'right lower limb palsy', 'left leg palsy', 'right leg palsy', 'left lower limb paralysis', 'right lower limb paralysis', 'left leg paralysis', 'right leg paralysis', 'monoparesis', 'paralysis of one leg'] },
  { kind: TermKind.SYMPTOM, key: 'paraplegia', surfaces: ['lower limb paralysis', 'lower limbs paralysis', 'paralysis of the lower limbs', 'paralysis of both legs', 'paralysis of the legs', 'bilateral lower limb paralysis'] },
  { kind: TermKind.SYMPTOM, key: 'decreased-consciousness', surfaces: ['altered mental status', 'altered mental state', 'unconscious', 'unconsciousness', 'obtunded', 'stuporous', 'stupor', 'loss of consciousness'] },
  { kind: TermKind.COMPLICATION, key: 'csf-leak', surfaces: ['CSF collection', 'cerebrospinal fluid collection', 'CSF fluid collection'] },
  { kind: TermKind.COMPLICATION, key: 'brain-herniation', surfaces: ['tentorial herniation', 'transtentorial herniation', 'uncal herniation', 'subfalcine herniation', 'cerebral tentorial herniation'] },
  { kind: TermKind.COMPLICATION, key: 'spinal-cord-ischemia', surfaces: ['cord infarction', 'spinal infarction', 'cord ischemia', 'spinal cord infarct', 'ischemic myelopathy', 'spinal cord ischaemia'] },
  { kind: TermKind.TREATMENT, key: 'observation', surfaces: ['radiological follow-up', 'radiologic follow-up', 'clinical and radiological follow-up', 'expectant treatment', 'close observation', 'serial MRI'] },
  { kind: TermKind.TREATMENT, key: 'conservative-management', surfaces: ['conservative care', 'supportive care', 'supportive treatment'] },
  { kind: TermKind.TREATMENT, key: 'anticonvulsants', surfaces: ['levetiracetam', 'phenytoin', 'fosphenytoin', 'valproate', 'valproic acid', 'carbamazepine', 'lacosamide', 'antiepileptics', 'anticonvulsants'] },
  { kind: TermKind.COMORBIDITY, key: 'chronic-pain', surfaces: ['chronic cervical pain', 'chronic lower back pain', 'chronic lumbar pain', 'chronic radicular pain', 'chronic leg pain', 'chronic pain syndrome'] },
  { kind: TermKind.COMORBIDITY, key: 'coagulopathy', surfaces: ['hypocoagulable state', 'hypocoagulability', 'coagulation disorder', 'clotting disorder', 'hypocoagulable'] },
  // Rules 1.3.0: general synonyms the unseen2 error analysis found missing (no record named).
  { kind: TermKind.TREATMENT, key: 'conservative-management', surfaces: ['symptomatic treatment', 'symptomatic management', 'conservative approach', 'conservative treatments'] },
  { kind: TermKind.TREATMENT, key: 'hydration', surfaces: ['treated with fluids', 'fluid therapy', 'intravenous fluid', 'IV fluid', 'fluid replacement'] },
  { kind: TermKind.TREATMENT, key: 'bed-rest', surfaces: ['bedrest', 'bed rest', 'strict bed rest', 'bed-rest'] },
  { kind: TermKind.TREATMENT, key: 'burr-hole-drainage', surfaces: ['trepanation', 'trephination', 'burr hole', 'burr holes', 'burr-hole', 'burr-holes'] },
  { kind: TermKind.TREATMENT, key: 'hematoma-evacuation', surfaces: ['surgical evacuation', 'evacuated surgically', 'surgically evacuated'] },
  { kind: TermKind.TREATMENT, key: 'surgical-management', surfaces: ['laparotomy', 'exploratory laparotomy', 'surgical exploration', 'open surgery'] },
  { kind: TermKind.PROCEDURE, key: 'spinal-anesthesia', surfaces: ['single-shot spinal', 'single shot spinal', 'single-shot spinal anesthesia'] },
  { kind: TermKind.PROCEDURE, key: 'thoracic-epidural-analgesia', surfaces: ['thoracic epidural catheter', 'thoracic epidural anesthesia', 'thoracic epidural analgesia', 'lower thoracic epidural', 'high thoracic epidural'] },
  { kind: TermKind.PROCEDURE, key: 'labour-epidural-analgesia', surfaces: ['epidural analgesia for induction of labor', 'epidural for induction of labor', 'epidural analgesia for labor', 'epidural analgesia in labor', 'epidural analgesia during labor'] },
  { kind: TermKind.PROCEDURE, key: 'epidural-steroid-injection', surfaces: ['epidural steroids', 'epidural steroid', 'epidural corticosteroid injection', 'epidural corticosteroids'] },
  { kind: TermKind.SYMPTOM, key: 'non-postural-headache', surfaces: ['headache independent of posture', 'headache independent of position', 'non-positional headache', 'nonpostural headache', 'non-postural headache'] },
  { kind: TermKind.SYMPTOM, key: 'decreased-consciousness', surfaces: ['altered consciousness', 'impaired consciousness', 'reduced consciousness', 'depressed consciousness', 'disturbed consciousness'] },
  { kind: TermKind.SYMPTOM, key: 'ataxia', surfaces: ['unstable gait', 'unsteady gait', 'gait instability', 'gait ataxia'] },
  { kind: TermKind.SYMPTOM, key: 'radicular-pain', surfaces: ['irradiated to the legs', 'irradiated to the leg', 'irradiating to the legs', 'irradiating to the leg', 'radiating to the legs', 'radiating to the leg', 'irradiating pain', 'radiating leg pain'] },
  { kind: TermKind.SYMPTOM, key: 'radicular-symptoms', surfaces: ['nerve root compression', 'nerve root irritation', 'radicular signs'] },
  { kind: TermKind.SYMPTOM, key: 'urinary-retention', surfaces: ['required urinary catheterization', 'required bladder catheterization', 'needed urinary catheterization', 'required a urinary catheter'] },
  { kind: TermKind.SYMPTOM, key: 'paraplegia', surfaces: ['paralysis of his lower extremities', 'paralysis of her lower extremities', 'paralysis of the lower extremities', 'paralysis of both lower extremities', 'lower extremity paralysis', 'paralysis of his legs', 'paralysis of her legs', 'paralysis of his lower limbs', 'paralysis of her lower limbs'] },
  { kind: TermKind.SYMPTOM, key: 'hypoesthesia', surfaces: ['impaired sensation', 'impaired touch sensation', 'diminished sensation', 'sensory impairment', 'loss of sensation'] },
  { kind: TermKind.COMPLICATION, key: 'intracranial-hemorrhage', surfaces: ['intraventricular hematoma', 'intraventricular hemorrhage', 'intraventricular bleeding'] },
  { kind: TermKind.COMORBIDITY, key: 'coagulopathy', surfaces: ['bleeding tendency', 'bleeding diathesis'] },
  { kind: TermKind.COMPLICATION, key: 'neurological-complication', surfaces: ['nerve dysfunction', 'nerve damage'] },
  // Rules 1.4.0: spelling variants, abbreviations and synonyms by class (British/American spellings and
  // hyphenation are normalised by the tokenizer already; these are other wordings of the same terms).
  { kind: TermKind.COMPLICATION, key: 'cerebral-venous-thrombosis', surfaces: ['cerebral sinus venous thrombosis', 'cerebral sinovenous thrombosis', 'cerebral vein thrombosis', 'venous sinus thrombosis', 'CSVT', 'cerebral venous and sinus thrombosis'] },
  { kind: TermKind.COMPLICATION, key: 'abducens-nerve-palsy', surfaces: ['CN VI palsy', 'cranial nerve VI palsy', '6th nerve palsy', '6th cranial nerve palsy', 'abducens paresis', 'abducens nerve paresis', 'abducent nerve palsy', 'lateral rectus palsy'] },
  // "cauda equine" is a frequent misspelling of "cauda equina".
  { kind: TermKind.COMPLICATION, key: 'cauda-equina-syndrome', surfaces: ['cauda equine syndrome', 'compression of the cauda equina', 'compression of the cauda equine', 'cauda equine compression'] },
  { kind: TermKind.COMPLICATION, key: 'high-neuraxial-block', surfaces: ['total spinal block', 'total spinal anesthesia', 'high spinal block', 'high neuraxial block', 'high epidural block', 'high spinal anesthesia', 'total spinal blockade'] },
  // A named nerve's neuropathy or injury: the labels' class for peripheral nerve injuries.
  { kind: TermKind.COMPLICATION, key: 'neurological-complication', surfaces: ['motor neuropathy', 'peroneal neuropathy', 'peroneal nerve palsy', 'peroneal nerve injury', 'sciatic nerve injury', 'femoral nerve injury', 'femoral neuropathy', 'obturator nerve injury', 'nerve lesion', 'peripheral nerve injury'] },
  // Attempts at a block are that block ("repeated spinal attempts", "after multiple epidural attempts").
  { kind: TermKind.PROCEDURE, key: 'spinal-anesthesia', surfaces: ['spinal attempts', 'spinal attempt'] },
  { kind: TermKind.PROCEDURE, key: 'epidural-anesthesia', surfaces: ['epidural attempts', 'epidural attempt'] },
  { kind: TermKind.TREATMENT, key: 'surgical-management', surfaces: ['treated by surgery', 'treated with surgery', 'wound revision', 'surgical revision', 'surgical hemostasis', 'surgical exploration and hemostasis', 'pericardial window', 'operative management'] },
  // Other wordings of the curated terms from the terms' meaning, not from a record (rules 1.4.0).
  { kind: TermKind.COMPLICATION, key: 'post-dural-puncture-headache', surfaces: ['post-puncture headache', 'postpuncture headache', 'PLPH', 'post-lumbar-puncture headache', 'postdural puncture headaches'] },
  { kind: TermKind.COMPLICATION, key: 'intracranial-hypotension', surfaces: ['CSF hypovolemia', 'low CSF volume', 'intracranial hypotension syndrome'] },
  { kind: TermKind.COMPLICATION, key: 'spinal-epidural-hematoma', surfaces: ['spinal epidural hemorrhage', 'spinal extradural hematoma', 'spinal epidural bleeding', 'spinal epidural hematomas'] },
  { kind: TermKind.COMPLICATION, key: 'pneumocephalus', surfaces: ['pneumocephaly', 'pneumocranium'] },
  { kind: TermKind.COMPLICATION, key: 'spinal-cord-ischemia', surfaces: ['conus infarction', 'conus medullaris infarction', 'spinal cord infarctions'] },
  { kind: TermKind.COMPLICATION, key: 'discitis', surfaces: ['diskitis', 'spondylodiskitis'] },
  { kind: TermKind.COMPLICATION, key: 'cranial-nerve-palsy', surfaces: ['cranial neuropathy', 'cranial nerve paresis', 'cranial nerve palsies'] },
  { kind: TermKind.TREATMENT, key: 'decompressive-laminectomy', surfaces: ['laminotomy', 'decompressive laminotomy', 'hemilaminotomy'] },
  // Analgesia given as a treatment ("treated conservatively with analgesia"); "labour analgesia" and "epidural analgesia" stay procedures.
  { kind: TermKind.TREATMENT, key: 'analgesics', surfaces: ['with analgesia', 'and analgesia', 'simple analgesia', 'oral analgesia', 'regular analgesia', 'multimodal analgesia', 'simple analgesics', 'analgesic drugs', 'analgesic therapy', 'painkillers'] },
  { kind: TermKind.TREATMENT, key: 'anticoagulation-reversal', surfaces: ['platelet transfusion', 'transfusion of platelets', 'platelet concentrate', 'platelet concentrates', 'platelet preparation', 'fresh frozen plasma', 'FFP', 'prothrombin complex'] },
  // Rules 1.5.0: wordings of the curated terms from the terms' meaning (the classes of the unseen4 analysis: either
  // technique of a neuraxial block named as alternatives is the parent; cortical veins are cerebral veins; PRES, RCVS,
  // pneumocephalus and meningitis by their other names).
  { kind: TermKind.PROCEDURE, key: 'neuraxial-anesthesia', surfaces: ['spinal or epidural anesthesia', 'spinal or epidural anaesthesia', 'epidural or spinal anesthesia', 'epidural or spinal anaesthesia', 'spinal or epidural analgesia', 'epidural or spinal analgesia', 'spinal or epidural block', 'epidural or spinal block', 'spinal and epidural anesthesia', 'spinal and epidural anaesthesia', 'spinal and epidural analgesia', 'spinal and epidural anesthesias', 'spinal or epidural anesthesias', 'neuraxial analgesia', 'neuraxial anaesthesia', 'neuraxial blockade'] },
  { kind: TermKind.TREATMENT, key: 'surgical-management', surfaces: ['surgical closure', 'surgical repair', 'surgically repaired', 'surgically closed', 'operative repair'] },
  { kind: TermKind.PROCEDURE, key: 'epidural-steroid-injection', surfaces: ['epidural injections of steroids', 'epidural injection of steroids', 'epidural injection of corticosteroids', 'epidural steroid infiltration', 'epidural corticosteroid infiltration'] },
  { kind: TermKind.COMPLICATION, key: 'cerebral-venous-thrombosis', surfaces: ['cortical vein thrombosis', 'cortical venous thrombosis', 'cortical vein thromboses', 'cerebral venous thromboses'] },
  { kind: TermKind.COMPLICATION, key: 'posterior-reversible-encephalopathy', surfaces: ['posterior reversible encephalopathy', 'reversible posterior leukoencephalopathy', 'reversible posterior leukoencephalopathy syndrome', 'RPLS', 'reversible posterior encephalopathy syndrome'] },
  { kind: TermKind.COMPLICATION, key: 'pneumocephalus', surfaces: ['intracranial air', 'intracranial air collection', 'air in the cranial cavity', 'tension pneumocephalus'] },
  { kind: TermKind.COMPLICATION, key: 'bacterial-meningitis', surfaces: ['pyogenic meningitis', 'purulent meningitis', 'septic meningitis', 'streptococcal meningitis', 'staphylococcal meningitis', 'pneumococcal meningitis', 'iatrogenic bacterial meningitis'] },
  // Rules 1.6.0: other names of the curated terms by class (the unseen5 analysis): a high or total block by its other
  // names ("complete spinal anaesthesia", "high neuraxial blockade", "high neuroblockade"); bleeding in a space named as a
  // haemorrhage or a bleed ("an acute epidural hemorrhage in her thoracic spine", "an intrathecal bleed", "intrathecal blood
  // products"; the site-less epidural forms are moved to the cranial key by the site rule as "epidural hematoma" is);
  // an epidural run by the patient ("epidural PCA", "patient-controlled epidural analgesia", "PCEA") or dosed ("epidural
  // dosing", "epidural top-up").
  { kind: TermKind.COMPLICATION, key: 'high-neuraxial-block', surfaces: ['high neuraxial blockade', 'high neuroblockade', 'high blockade', 'high spinal blockade', 'high epidural blockade', 'complete spinal anesthesia', 'total spinal anesthesias', 'total neuraxial block', 'total neuraxial blockade'] },
  { kind: TermKind.COMPLICATION, key: 'spinal-epidural-hematoma', surfaces: ['epidural hemorrhage', 'epidural haemorrhage', 'epidural bleed', 'extradural hematoma', 'extradural hemorrhage'] },
  { kind: TermKind.COMPLICATION, key: 'intrathecal-hematoma', surfaces: ['intrathecal bleed', 'intrathecal bleeding', 'intrathecal blood', 'intrathecal hematoma', 'spinal subarachnoid hemorrhage', 'spinal subarachnoid bleeding'] },
  { kind: TermKind.PROCEDURE, key: 'epidural-anesthesia', surfaces: ['epidural PCA', 'epidural patient-controlled analgesia', 'patient-controlled epidural analgesia', 'PCEA', 'epidural dosing', 'epidural top-up', 'epidural procedure'] },
  // Rules 1.7.0: the epidural named by its insertion ("following epidural insertion during labour") or by its setting ("during
  // an obstetric epidural"; labour and obstetric cues then make it the labour epidural, term-assignment.rules.ts).
  { kind: TermKind.PROCEDURE, key: 'epidural-anesthesia', surfaces: ['epidural insertion', 'epidural insertions', 'insertion of an epidural', 'obstetric epidural', 'obstetric epidurals'] },
  // Rules 1.8.0: a thrombosis of any named dural venous sinus is the cerebral venous thrombosis; a dural puncture that "occurred"
  // or was "iatrogenic" was not intended; an epidural asked for or sited, named by the bare noun ("she requested an epidural"), so
  // that the labour cues of its sentence and the one before make it the labour epidural.
  { kind: TermKind.COMPLICATION, key: 'cerebral-venous-thrombosis', surfaces: ['transverse sinus thrombosis', 'sigmoid sinus thrombosis', 'sagittal sinus thrombosis', 'superior sagittal sinus thrombosis', 'straight sinus thrombosis', 'lateral sinus thrombosis', 'cavernous sinus thrombosis', 'dural sinus thrombosis', 'cerebral sinus thrombosis', 'venous sinus thromboses', 'transverse sinus thromboses'] },
  { kind: TermKind.PROCEDURE, key: 'accidental-dural-puncture', surfaces: ['iatrogenic dural puncture', 'dural puncture occurred', 'dural puncture had occurred', 'accidental dural tap', 'inadvertent dural tap'] },
  { kind: TermKind.PROCEDURE, key: 'epidural-anesthesia', surfaces: ['requested an epidural', 'requested epidural', 'requesting an epidural', 'epidural was requested', 'request for an epidural', 'epidural was sited', 'sited an epidural', 'epidural was inserted', 'epidural was placed', 'epidural was administered', 'received an epidural', 'had an epidural'] },
  // Rules 1.8.0: consciousness lowered in other words ("She lost consciousness", "somnolence", "a gradually reduced level of consciousness").
  { kind: TermKind.SYMPTOM, key: 'decreased-consciousness', surfaces: ['lost consciousness', 'losing consciousness', 'somnolence', 'somnolent', 'lethargy', 'lethargic', 'drowsy', 'confused', 'reduced level of consciousness', 'decreased level of consciousness', 'depressed level of consciousness', 'lowered level of consciousness', 'diminished level of consciousness', 'impaired level of consciousness'] },
  // Rules 1.8.0, from the unseen8 errors by class: bleeding in the cerebellum (the "remote cerebellar haemorrhage" after spine
  // surgery); the removal of a mass or fragment as surgery; a transforaminal or interlaminar steroid injection by its short forms;
  // a caudal block by its other names; the stimulator device; a dural puncture that "complicated" a block; symptoms in other words.
  { kind: TermKind.COMPLICATION, key: 'intracranial-hemorrhage', surfaces: ['cerebellar hemorrhage', 'cerebellar hemorrhages', 'cerebellar hematoma', 'cerebellar bleeding', 'cerebellar bleed', 'remote cerebellar hemorrhage', 'RCH'] },
  { kind: TermKind.TREATMENT, key: 'surgical-management', surfaces: ['surgical removal', 'surgically removed', 'surgical resection', 'surgically resected', 'surgical excision', 'surgically excised', 'operative removal', 'surgical retrieval', 'surgically retrieved', 'revision surgery', 'surgical extraction'] },
  { kind: TermKind.PROCEDURE, key: 'epidural-steroid-injection', surfaces: ['TFESI', 'TFESIs', 'transforaminal epidural steroid injection', 'transforaminal epidural steroid injections', 'interlaminar epidural steroid injection', 'ILESI'] },
  { kind: TermKind.PROCEDURE, key: 'caudal-epidural-injection', surfaces: ['caudal analgesia', 'caudal anesthesia', 'caudal epidural', 'caudal epidural block', 'caudal epidural anesthesia', 'caudal epidural analgesia', 'caudal blockade'] },
  { kind: TermKind.PROCEDURE, key: 'spinal-cord-stimulator', surfaces: ['spinal cord stimulator', 'spinal cord stimulators', 'dorsal column stimulator', 'dorsal column stimulation', 'spinal cord stimulator implantation'] },
  { kind: TermKind.PROCEDURE, key: 'accidental-dural-puncture', surfaces: ['complicated by dural puncture', 'complicated by a dural puncture'] },
  { kind: TermKind.SYMPTOM, key: 'paraparesis', surfaces: ['paresis of the lower extremities', 'paresis of the lower limbs', 'paresis of both legs', 'paresis of the legs', 'lower extremity paresis', 'lower limb paresis', 'paresis of both lower extremities', 'paresis of both lower limbs'] },
  { kind: TermKind.SYMPTOM, key: 'motor-deficit', surfaces: ['paresis', 'arm paresis', 'arm weakness', 'muscle weakness', 'motor inactivity', 'loss of motor function', 'motor loss'] },
  { kind: TermKind.SYMPTOM, key: 'leg-weakness', surfaces: ['quadriceps weakness', 'weakness of the quadriceps', 'weakness of the lower extremities', 'weakness of both lower extremities', 'weakness of the lower limbs', 'weakness of both lower limbs', 'lower limb weakness', 'leg weakness', 'hip flexor weakness', 'weakness of the left leg', 'weakness of the right leg', 'weakness in the left leg', 'weakness in the right leg'] },
  { kind: TermKind.SYMPTOM, key: 'neck-pain', surfaces: ['pain in the neck', 'pain in her neck', 'pain in his neck', 'cervical pain', 'cervicalgia'] },
  { kind: TermKind.SYMPTOM, key: 'sensory-disturbance', surfaces: ['dysesthesia', 'dysesthesias', 'dysesthetic pain'] },
  { kind: TermKind.SYMPTOM, key: 'decreased-consciousness', surfaces: ['deep sedation', 'excessive sedation', 'oversedation', 'over-sedation', 'mental deterioration', 'sedated'] },
  { kind: TermKind.SYMPTOM, key: 'urinary-retention', surfaces: ['neurogenic bladder', 'bladder dysfunction', 'bladder and bowel dysfunction'] },
  // Rules 1.10.0, from the unseen9 errors by class: the combined technique named with a hyphen or in either order
  // ("spinal-epidural anaesthesia", "combined epidural-spinal anesthesia"); other wordings of surgery, evacuation and symptoms.
  { kind: TermKind.PROCEDURE, key: 'combined-spinal-epidural', surfaces: ['spinal-epidural anesthesia', 'spinal-epidural analgesia', 'spinal-epidural block', 'spinal-epidural technique', 'combined epidural-spinal anesthesia', 'combined epidural-spinal analgesia', 'epidural-spinal anesthesia', 'combined labor spinal-epidural analgesia', 'combined spinal-epidural analgesia', 'combined spinal-epidural block', 'combined spinal epidural block', 'combined spinal epidural analgesia', 'combined spinal epidural anesthesia'] },
  { kind: TermKind.TREATMENT, key: 'decompressive-laminectomy', surfaces: ['decompressive surgery', 'decompression surgery', 'surgical decompressions'] },
  { kind: TermKind.TREATMENT, key: 'hematoma-evacuation', surfaces: ['evacuate the hematoma', 'evacuated the hematoma', 'to evacuate the hematoma', 'drain the hematoma', 'drained the hematoma', 'evacuation of the SEH', 'evacuation of the SSEH', 'evacuation of the SDH', 'evacuation of the clot', 'clot evacuation'] },
  { kind: TermKind.TREATMENT, key: 'analgesics', surfaces: ['mefenamic acid', 'mephenamic acid', 'diclofenac', 'naproxen', 'ketorolac', 'ketoprofen', 'metamizole', 'dipyrone', 'celecoxib', 'indomethacin', 'tramadol', 'tapentadol', 'nonsteroidal anti-inflammatory drugs', 'non-steroidal anti-inflammatory drugs'] },
  { kind: TermKind.COMPLICATION, key: 'neurological-complication', surfaces: ['neurological damage', 'neurologic damage', 'neurological injury', 'neurologic injury', 'conus medullaris injury', 'conus medullaris damage', 'damage to the conus medullaris', 'injury to the conus medullaris', 'conus injury', 'spinal cord injury', 'spinal cord damage', 'injury to the spinal cord', 'damage to the spinal cord'] },
  { kind: TermKind.COMPLICATION, key: 'cauda-equina-syndrome', surfaces: ['compression of cauda equina', 'cauda equina compression'] },
  { kind: TermKind.SYMPTOM, key: 'motor-deficit', surfaces: ['movement impairment', 'impaired movement', 'poor movement', 'motor impairment', 'tetraplegic', 'quadriplegic'] },
  { kind: TermKind.SYMPTOM, key: 'paraplegia', surfaces: ['paraplegic', 'flaccid paraplegia'] },
  { kind: TermKind.SYMPTOM, key: 'paraparesis', surfaces: ['paraparetic'] },
  { kind: TermKind.SYMPTOM, key: 'urinary-retention', surfaces: ['insensitive to bladder fullness', 'loss of bladder sensation', 'no bladder sensation', 'bladder fullness was not felt'] },
  { kind: TermKind.SYMPTOM, key: 'back-pain', surfaces: ['back and gluteal pain', 'back and buttock pain'] },
  { kind: TermKind.SYMPTOM, key: 'non-postural-headache', surfaces: ['headache at rest'] },
  { kind: TermKind.SYMPTOM, key: 'decreased-consciousness', surfaces: ['decreased consciousness', 'diminished consciousness', 'lowered consciousness'] },
  { kind: TermKind.SYMPTOM, key: 'radicular-pain', surfaces: ['radiating to the lower limb', 'radiating to right lower limb', 'radiating to left lower limb', 'radiating to the right lower limb', 'radiating to the left lower limb', 'radiating down the leg', 'radiating down her leg', 'radiating down his leg', 'radiating to the buttock'] },
  // Rules 1.11.0, from the unseen10 errors by class: the repair of a dural tear in its wordings; reoperations, debridement,
  // lead revision and thoracoscopic retrieval as surgery; an abscess under the dura as an infection.
  { kind: TermKind.TREATMENT, key: 'surgical-dural-repair', surfaces: ['dural tear repair', 'repair of the dural tear', 'repair the dural tear', 'repaired the dural tear', 'repair of a dural tear', 'dural tear was repaired', 'dural tear was identified and repaired', 'dural closure', 'duraplasty', 'dural defect was repaired', 'repair of the dura', 'repair of the dural defect'] },
  { kind: TermKind.TREATMENT, key: 'surgical-management', surfaces: ['surgical debridement', 'debridement', 'neurosurgical exploration', 'reoperation', 're-operation', 'second operation', 'second surgery', 'revision operation', 'lead revision', 'revision of the lead', 'surgery to remove', 'surgery was performed to remove', 'video-assisted thoracoscopic surgery', 'thoracoscopic surgery'] },
  { kind: TermKind.COMPLICATION, key: 'infection', surfaces: ['subdural abscess', 'spinal subdural abscess', 'subdural empyema', 'spinal subdural empyema'] },
  // Rules 1.12.0, from the unseen11 errors by class: the curated terms by their full names and other wordings.
  { kind: TermKind.COMPLICATION, key: 'transient-neurologic-symptoms', surfaces: ['transient neurological symptoms', 'transient neurologic symptoms', 'transient neurological syndrome', 'transient neurologic syndrome'] },
  { kind: TermKind.COMPLICATION, key: 'local-anesthetic-systemic-toxicity', surfaces: ['local anesthetic systemic toxicity', 'local anaesthetic systemic toxicity', 'systemic toxicity of local anesthetics', 'local anesthetic intoxication', 'central nervous system toxicity', 'CNS toxicity', 'lidocaine toxicity', 'bupivacaine toxicity', 'ropivacaine toxicity', 'levobupivacaine toxicity', 'mepivacaine toxicity'] },
  { kind: TermKind.COMPLICATION, key: 'csf-leak', surfaces: ['cerebrospinal fluid fistula', 'subarachnoid-cutaneous fistula', 'subarachnoid cutaneous fistula', 'CSF-cutaneous fistula', 'cutaneous CSF fistula', 'dural fistula'] },
  { kind: TermKind.COMPLICATION, key: 'infection', surfaces: ['infected port', 'port infection', 'catheter infection', 'catheter-related infection', 'catheter related infection', 'line infection', 'catheter-related bloodstream infection', 'central line-associated bloodstream infection', 'CRBSI', 'CLABSI', 'infected catheter'] },
  { kind: TermKind.TREATMENT, key: 'surgical-dural-repair', surfaces: ['dural tear repaired', 'dural tears repaired'] },
  { kind: TermKind.TREATMENT, key: 'hydration', surfaces: ['fluid infusion', 'fluid bolus', 'fluid boluses', 'hyperhydration', 'volume expansion', 'crystalloid infusion'] },
  { kind: TermKind.SYMPTOM, key: 'paraplegia', surfaces: ['paralysis in the lower limbs', 'paralysis in both lower limbs', 'paralysis in the legs', 'paralysis in both legs', 'paralysis in the lower extremities'] },
  { kind: TermKind.SYMPTOM, key: 'seizure', surfaces: ['convulsed', 'generalized seizure', 'generalised seizure', 'tonic-clonic seizure'] },
  { kind: TermKind.SYMPTOM, key: 'decreased-consciousness', surfaces: ['stopped responding', 'decreased Glasgow Coma Scale', 'decreased GCS', 'reduced Glasgow Coma Scale', 'low Glasgow Coma Scale'] },
  { kind: TermKind.SYMPTOM, key: 'sciatica', surfaces: ['lumbosciatalgia', 'lumbosciatica', 'sciatic pain'] },
  // Rules 1.13.0, from the unseen12 and unseen13 errors by class. Watching the patient told with the verb ("she was monitored
  // closely", "he was treated with anticoagulation and closely monitored"), the person as the subject (not "vital signs were
  // closely monitored", which is routine care).
  { kind: TermKind.TREATMENT, key: 'observation', surfaces: ['she was monitored', 'he was monitored', 'patient was monitored', 'she was closely monitored', 'he was closely monitored', 'patient was closely monitored', 'and closely monitored', 'she was carefully monitored', 'he was carefully monitored', 'patient was carefully monitored'] },
  // An implanted device taken out or explored ("explantation of an infected device", "the pulse generator was removed", "pump
  // exploration"), as the labels of unseen12 read it.
  { kind: TermKind.TREATMENT, key: 'surgical-management', surfaces: ['explantation', 'explanted', 'device explantation', 'device removal', 'removal of the device', 'device was removed', 'generator was removed', 'generator was successfully removed', 'removal of the generator', 'pulse generator removal', 'pump exploration', 'exploration of the pump', 'pump was removed', 'stimulator was removed', 'removal of the stimulator'] },
  { kind: TermKind.TREATMENT, key: 'conservative-management', surfaces: ['conservative medical management', 'conservative medical treatment', 'conservative medical therapy', 'conservative medical care'] },
  { kind: TermKind.TREATMENT, key: 'csf-shunt', surfaces: ['ventriculoperitoneal shunting', 'VP shunt', 'VP shunting', 'lumboperitoneal shunt', 'lumboperitoneal shunting', 'ventriculoperitoneal shunts'] },
  // LA as the short form of local anaesthetic ("showed LA toxicity symptoms").
  { kind: TermKind.COMPLICATION, key: 'local-anesthetic-systemic-toxicity', surfaces: ['LA toxicity', 'LA systemic toxicity', 'systemic LA toxicity', 'local anaesthetic toxicity'] },
  // Consciousness told as a decline ("a sudden clinical decline of consciousness"), as a reduced level already was.
  { kind: TermKind.SYMPTOM, key: 'decreased-consciousness', surfaces: ['decline of consciousness', 'decline in consciousness', 'declining consciousness', 'declining level of consciousness'] },
  // A bleed named by its brain lobe or the parenchyma ("a right parietal haematoma") is within the brain, not a bare haematoma.
  { kind: TermKind.COMPLICATION, key: 'intracerebral-hemorrhage', surfaces: ['parietal hematoma', 'parietal hemorrhage', 'frontal hematoma', 'frontal hemorrhage', 'temporal hematoma', 'temporal hemorrhage', 'occipital hematoma', 'occipital hemorrhage', 'lobar hematoma', 'lobar hemorrhage', 'intraparenchymal hematoma', 'intraparenchymal hemorrhage', 'parenchymal hematoma', 'parenchymal hemorrhage', 'frontoparietal hematoma', 'frontoparietal hemorrhage', 'temporoparietal hematoma', 'temporoparietal hemorrhage', 'parieto-occipital hematoma', 'parieto-occipital hemorrhage'] },
  // The steroid injection told with the drug and the space in other orders.
  { kind: TermKind.PROCEDURE, key: 'epidural-steroid-injection', surfaces: ['epidural injection of steroid', 'epidural injection of corticosteroid', 'epidural injections of corticosteroids', 'corticosteroid injection in the epidural space', 'steroid injection in the epidural space', 'corticosteroid injection into the epidural space', 'steroid injection into the epidural space', 'corticosteroid injections in the epidural space', 'steroid injections in the epidural space'] },
];

/**
 * Rules 1.8.0: a named cranial nerve's palsy, in the ways reports name the nerve (by name, ordinal, numeral, "CN VI", the
 * Latin-American "sixth pair") and the deficit ("palsy", "paralysis", "paresis", "neuropathy", and "paralysis of the right
 * facial nerve"). The sixth nerve is the abducens key; every other nerve is the parent `cranial-nerve-palsy`, the labels'
 * class for them (no narrower key exists). Generated, not listed, so no nerve or wording is forgotten for one of the others.
 */
const CRANIAL_NERVES: { key: string; names: string[] }[] = [
  { key: 'abducens-nerve-palsy', names: ['abducens', 'abducent', 'external oculomotor', 'external ocular motor', 'sixth', '6th', 'VI', '6'] },
  { key: 'cranial-nerve-palsy', names: ['oculomotor', 'third', '3rd', 'III', '3'] },
  { key: 'cranial-nerve-palsy', names: ['trochlear', 'fourth', '4th', 'IV', '4'] },
  { key: 'cranial-nerve-palsy', names: ['trigeminal', 'fifth', '5th', '5'] },
  { key: 'cranial-nerve-palsy', names: ['facial', 'seventh', '7th', 'VII', '7'] },
  { key: 'cranial-nerve-palsy', names: ['vestibulocochlear', 'eighth', '8th', 'VIII', '8'] },
  { key: 'cranial-nerve-palsy', names: ['glossopharyngeal', 'ninth', '9th', 'IX', '9'] },
  { key: 'cranial-nerve-palsy', names: ['vagus', 'vagal', 'tenth', '10th', '10'] },
  { key: 'cranial-nerve-palsy', names: ['accessory', 'spinal accessory', 'eleventh', '11th', 'XI', '11'] },
  { key: 'cranial-nerve-palsy', names: ['hypoglossal', 'twelfth', '12th', 'XII', '12'] },
];
/** Names that say "nerve" on their own ("abducens palsy"); ordinals and numerals ("third", "VI") need "nerve" or "CN" beside them. */
const BARE_NAMES = new Set(['abducens', 'abducent', 'external oculomotor', 'oculomotor', 'trochlear', 'trigeminal', 'vestibulocochlear', 'glossopharyngeal', 'hypoglossal']);
const DEFICITS = ['palsy', 'palsies', 'paralysis', 'paresis', 'neuropathy', 'compression neuropathy', 'dysfunction', 'injury', 'lesion', 'deficit'];

function cranialNerveSurfaces(): { kind: TermKind; key: string; surfaces: string[] }[] {
  const out = new Map<string, Set<string>>();
  const add = (key: string, s: string) => (out.get(key) ?? out.set(key, new Set()).get(key)!).add(s);
  for (const { key, names } of CRANIAL_NERVES) {
    for (const name of names) {
      const numeral = /^(?:\d+|[IVX]+)$/.test(name);
      const nerveForms = numeral
        ? [`cranial nerve ${name}`, `CN ${name}`, `cranial nerve CN ${name}`, `CN${name}`]
        : [`${name} nerve`, `${name} cranial nerve`, `${name} nerves`, `${name} pair`, `${name} cranial pair`];
      if (BARE_NAMES.has(name)) nerveForms.push(name);
      for (const nerve of nerveForms) {
        for (const deficit of DEFICITS) add(key, `${nerve} ${deficit}`);
        for (const deficit of ['paralysis', 'palsy', 'paresis', 'dysfunction', 'injury']) {
          for (const side of ['', 'left ', 'right ', 'bilateral ']) add(key, `${deficit} of the ${side}${nerve}`);
        }
      }
    }
  }
  // The sixth nerve moves the eye outwards: its palsy is told as the muscle's.
  for (const s of ['lateral rectus palsy', 'lateral rectus paralysis', 'lateral rectus paresis', 'lateral rectus muscle palsy', 'lateral rectus muscle paralysis', 'lateral rectus muscle paresis']) add('abducens-nerve-palsy', s);
  // The facial nerve's palsy by its eponym and its plain names; eye-movement palsies of several nerves.
  for (const s of ["Bell's palsy", 'Bell palsy', 'facial palsy', 'facial paralysis', 'facial diplegia', 'peripheral facial palsy', 'ophthalmoplegia', 'ocular motor palsy', 'ocular nerve palsy', 'cranial nerve paralysis', 'cranial nerve palsy', 'cranial nerve injury', 'cranial nerve dysfunction']) add('cranial-nerve-palsy', s);
  return [...out].map(([key, surfaces]) => ({ kind: TermKind.COMPLICATION, key, surfaces: [...surfaces] }));
}

/**
 * Rules 1.8.0: a named peripheral nerve's or plexus's injury ("a common peroneal nerve injury", "right sided sciatic nerve palsy",
 * "a transient injury to the brachial plexus", "lumbosacral plexus injury"): the labels' class for peripheral nerve injuries, the
 * neurological complication (rules 1.4.0 listed a few by hand). The phrenic nerve is left out: its palsy after an interscalene
 * block is a respiratory finding the labels do not give the class.
 */
const PERIPHERAL_NERVES = ['sciatic', 'femoral', 'obturator', 'peroneal', 'common peroneal', 'fibular', 'common fibular', 'tibial', 'posterior tibial', 'sural', 'saphenous', 'lateral femoral cutaneous', 'pudendal', 'genitofemoral', 'ilioinguinal', 'iliohypogastric', 'ulnar', 'median', 'radial', 'musculocutaneous', 'axillary', 'suprascapular', 'long thoracic', 'intercostal', 'spinal accessory'];
const PLEXUSES = ['brachial', 'lumbosacral', 'lumbar', 'sacral', 'cervical'];
function peripheralNerveSurfaces(): { kind: TermKind; key: string; surfaces: string[] } {
  const surfaces = new Set<string>();
  const structures = [...PERIPHERAL_NERVES.map((n) => `${n} nerve`), ...PLEXUSES.map((p) => `${p} plexus`)];
  for (const s of structures) {
    for (const d of ['injury', 'injuries', 'palsy', 'paralysis', 'paresis', 'neuropathy', 'lesion', 'damage', 'neuritis', 'dysfunction', 'deficit', 'trauma']) surfaces.add(`${s} ${d}`);
    for (const d of ['injury to', 'damage to', 'palsy of', 'paralysis of', 'lesion of', 'trauma to']) for (const side of ['', 'left ', 'right ']) surfaces.add(`${d} the ${side}${s}`);
  }
  for (const p of PLEXUSES) for (const w of ['plexopathy', 'plexus neuropathy', 'plexitis']) surfaces.add(`${p} ${w}`);
  for (const w of ['peroneal palsy', 'sciatic palsy', 'femoral palsy', 'foot drop due to peroneal', 'plexopathy', 'mononeuropathy', 'nerve root injury', 'root injury', 'spinal nerve injury', 'intraneural injection']) surfaces.add(w);
  return { kind: TermKind.COMPLICATION, key: 'neurological-complication', surfaces: [...surfaces] };
}

/**
 * Rules 1.7.0: "extradural" is the older name of "epidural" ("extradural anaesthesia", "an extradural block"): every
 * procedure and treatment wording with "epidural" gets its "extradural" twin, so no wording has to be listed twice.
 */
function extraduralTwins(vocabulary: VocabularyEntry[]): VocabularyEntry[] {
  const out: VocabularyEntry[] = [];
  for (const e of vocabulary) {
    if ((e.kind !== TermKind.PROCEDURE && e.kind !== TermKind.TREATMENT) || e.source === 'mesh') continue;
    const twins = [e.label, ...e.synonyms].filter((w) => /\bepidural\b/i.test(w)).map((w) => w.replace(/\bepidural\b/gi, 'extradural'));
    if (twins.length) out.push({ ...e, synonyms: twins });
  }
  return out;
}

/**
 * Vocabulary wordings the rules do not read as their term: "persistent headache" says how long the
 * headache lasts, not that it is non-postural (two labellers, on two unseen sets, read it as the plain
 * headache). The words still match the rest of the vocabulary ("headache").
 */
const IGNORED: { kind: TermKind; key: string; surfaces: string[] }[] = [{ kind: TermKind.SYMPTOM, key: 'non-postural-headache', surfaces: ['persistent headache'] }];

/** The vocabulary without the wordings the rules ignore (same entries, fewer synonyms). */
export function withoutIgnoredWordings(vocabulary: VocabularyEntry[]): VocabularyEntry[] {
  return vocabulary.map((e) => {
    const ignored = IGNORED.find((x) => x.kind === e.kind && x.key === e.key);
    if (!ignored) return e;
    const drop = new Set(ignored.surfaces.map((w) => w.toLowerCase()));
    return { ...e, synonyms: e.synonyms.filter((w) => !drop.has(w.toLowerCase())) };
  });
}

/** Rules 1.10.0: the removal of an epidural catheter, whatever determiner ("removal of a epidural catheter", "removing her epidural catheter"). */
function catheterRemovalSurfaces(): { kind: TermKind; key: string; surfaces: string[] } {
  const surfaces: string[] = [];
  // No site words: "thoracic epidural catheter" must stay free for the thoracic epidural itself.
  for (const det of ['the', 'a', 'an', 'her', 'his']) for (const verb of ['removal of', 'withdrawal of', 'removing', 'withdrawing', 'removed']) surfaces.push(`${verb} ${det} epidural catheter`);
  surfaces.push('epidural catheter withdrawal', 'epidural catheter was withdrawn');
  return { kind: TermKind.PROCEDURE, key: 'epidural-catheter-removal', surfaces };
}

/** The extra surfaces as vocabulary entries pointing at the given vocabulary's own terms. */
export function ruleSurfaceEntries(vocabulary: VocabularyEntry[]): VocabularyEntry[] {
  const byKey = new Map(vocabulary.map((e) => [`${e.kind}:${e.key}`, e]));
  const out: VocabularyEntry[] = [];
  for (const x of [...EXTRA, ...cranialNerveSurfaces(), peripheralNerveSurfaces(), catheterRemovalSurfaces()]) {
    const target = byKey.get(`${x.kind}:${x.key}`);
    if (!target) continue;
    // Same key, kind, meshUi and parent as the target, so the matcher treats it as the same term.
    out.push({ ...target, label: target.label, synonyms: x.surfaces, source: target.source });
  }
  const extra = out.filter((e) => e.kind === TermKind.PROCEDURE || e.kind === TermKind.TREATMENT);
  return [...out, ...extraduralTwins([...vocabulary, ...extra])];
}
