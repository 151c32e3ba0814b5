import { Outcome } from './domain-values';
import type { ProposedValue } from './extraction.types';
import { evidenceOf } from './evidence.factory';
import { flagsAt, type SentenceContext } from './field-context';
import { HYPOTHETICAL, NEGATED } from './context-scopes';
import { NUMBER_SOURCE, parseNumber } from './number-words';

/**
 * Outcome category (see Outcome in case-report.enums) and time to resolution.
 *
 * Cue lists per category, each a wording of the patient's state at the end of the course. The
 * sentences are read in order (title first, then the abstract) and the LAST outcome statement about
 * the patient decides, because reports tell the course in order ("complete relief ... the headache
 * recurred ... partial improvement at discharge"). Within one sentence the most severe category
 * stated wins ("the weakness improved but the paraplegia persisted"). Two refinements:
 * - a later "improved" (implied by a full or partial recovery and by a residual deficit alike) does not
 *   replace an earlier definite state, unless a recurrence ("recurred", "relapse", "worsened") was told
 *   in between, which voids the earlier state;
 * - death is final: once asserted, nothing later replaces it.
 * Nothing is asserted from background or discussion sentences, from negated or hedged mentions, or
 * from statements pooled over several patients ("4/35 died", "all patients recovered"): when the
 * text says nothing certain about the patient's end state, no outcome is proposed.
 */
const DEFICIT_NOUN =
  '(?:deficits?|sequel\\w*|complications?|damage|disability|disabilities|injury|weakness|numbness|paresis|paraparesis|paraplegia|tetraplegia|quadriplegia|hemiparesis|hemiplegia|monoplegia|palsy|paralysis|pain|dysesthesia|dysaesthesia|paresthesia|paraesthesia|hypoesthesia|hypoaesthesia|incontinence|dysfunction|impairment|foot drop|deafness|hearing loss|blindness|visual loss|symptoms?|headaches?)';
const NEURO = '(?:(?:neurological|neurologic|motor|sensory|sensorimotor|cognitive|functional) )?';
const SYMPTOM_SUBJECT = '(?:symptoms?|headaches?|pain|complaints?|weakness|numbness|paresis|paraparesis|paraplegia|deficits?|signs|palsy|diplopia|hematoma|haematoma|abscess|collection|hygroma|pneumocephalus|leak|condition|fever|meningitis|lesions?|findings|abnormalit(?:y|ies)|changes|edema|oedema|hearing loss|deafness|tinnitus|vertigo|ptosis|nystagmus|blurring|SDH|SAH|PRES)';

/** One regular expression over a list of wordings, whole words only. */
function cues(list: string[]): RegExp {
  return new RegExp(`\\b(?:${list.join('|')})(?!\\w)`, 'gi');
}

const RULES: { outcome: Outcome; re: RegExp; confidence: number }[] = [
  {
    outcome: Outcome.DEATH,
    // "Fatal hemothorax after ...": a sentence (a title) opening with "fatal" tells the patient's death; rules 1.6.0: so does
    // "to report a case of fatal subdural hematoma" (not "a potentially fatal complication": no "case of").
    re: /\b(?:died|dies|death|deceased|demise|passed away|succumbed|(?=expired)(?<=\b(?:she|he|patient|infant|child|baby|mother|woman|man|neonate|girl|boy)\b[^.;]{0,40})expired(?! (?:gas|air|CO2|carbon|concentrations?|fractions?|volumes?|sevoflurane|desflurane|isoflurane|oxygen|O2))|fatal outcome|was fatal|proved fatal|autopsy|post-?mortem)\b|^(?:an? )?(?:case of )?fatal\b|\b(?:a|the|this|our) case of (?:an? )?fatal\b/gi,
    confidence: 0.85,
  },
  {
    outcome: Outcome.RESIDUAL_DEFICIT,
    re: cues(
      [
        `residual ${NEURO}(?:\\w+ )?${DEFICIT_NOUN}`,
        `(?:permanent|irreversible|lasting|long[- ]term) (?:\\w+ ){0,2}?${NEURO}${DEFICIT_NOUN}`,
        `persist(?:ent|ing) ${NEURO}(?:deficits?|paraplegia|paraparesis|weakness|numbness|sequel\\w*|incontinence|dysfunction|palsy|paralysis)`,
        `(?:severe|major|significant|serious|important) ${NEURO}sequel\\w* (?:were|was|remained|persisted)`,
        `sequel\\w* (?:were|was) (?:still )?present`,
        `sequel\\w* (?:remained|persisted)`,
        `remain(?:ed|s)? (?:\\w+ )?(?:paraplegic|tetraplegic|quadriplegic|paralysed|paralyzed|paralytic|paretic|wheelchair[- ]bound|bedridden|bed-bound|dependent|disabled|in a (?:persistent )?vegetative state|with (?:\\w+ ){0,3}${DEFICIT_NOUN})`,
        `remains? (?:paraplegic|wheelchair)`,
        // "her symptoms persisted despite conservative management": the failure of a first treatment, not the end state (rules 1.4.0).
        `(?:paraplegia|paraparesis|deficits?|weakness|numbness|symptoms|foot drop|incontinence|dysesthesia|dysaesthesia|paresthesia|paraesthesia|pain) (?:persisted|remained|remains|persists)`,
        // Rules 1.4.0: "Her paralysis, however, remained unchanged after surgery".
        `(?:paraplegia|paraparesis|paralysis|paresis|deficits?|weakness|numbness|foot drop|incontinence|palsy|hemiparesis|hemiplegia|tetraplegia)(?:,? (?:however|still|nevertheless),?)? (?:remained|was|were) (?:unchanged|the same|static|unaltered)`,
        `(?:showed|with|without|had) no (?:\w+ )?(?:neurological )?(?:improvement|recovery)`,
        // Rules 1.6.0: "discharged ... without any recovery in neurologic function".
        `without (?:any )?(?:\\w+ )?(?:neurological |neurologic |motor |functional )?(?:improvement|recovery)`,
        `(?:was|were|is) left with`,
        // Rules 1.8.0: not "continued to have no neurologic sequelae" (a full recovery, read below).
        `continued to (?:report|have|experience|complain|suffer|need|require|use)(?! (?:no|none)\\b)`,
        `still (?:complains?|complained|reports?|reported|has|had|have|experiences?|experienced|suffers?|suffered|needs?|needed|requires?|required|uses?|walks? with)`,
        `significant (?:disability|deficits)`,
        `with (?:residual )?${NEURO}sequel\\w*`,
        `did not (?:fully )?recover`,
        // Rules 1.10.0: "she retains mild paresis of the right soleus"; "the symptoms did not fully resolve within their follow up period".
        `retain(?:s|ed|ing)? (?:an? )?(?:(?:mild|slight|minor|some|residual|moderate|severe) )?(?:[\\w-]+ )?${DEFICIT_NOUN}`,
        `did not (?:fully|completely) (?:resolve|disappear|regress|return)`,
        // Rules 1.12.0: "recovered except for slight ataxia".
        `except (?:for )?(?:an? )?(?:slight|mild|minor|minimal|residual|some) (?:[\\w-]+ )?(?:ataxia|dysmetria|weakness|deficits?|numbness|paresis|dysesthesia|dysaesthesia|hypoesthesia|hypoaesthesia|paresthesia|paraesthesia|palsy|limp|foot drop|pain|impairment)`,
        // Rules 1.11.0: "the pain subsided but slight paresthesia and muscle weaknesses still remained".
        `(?:weakness(?:es)?|paresthesias?|paraesthesias?|numbness|deficits?|palsy|paresis|dysesthesias?|dysaesthesias?|hypoesthesia|hypoaesthesia|sequel\\w*|foot drop|incontinence|pain) still (?:remained|remains|persisted|persists|present)`,
        `(?:slight|mild|minor|some) \\w+ remains?`,
        `failed to recover`,
        // Rules 1.13.0: what is left told as the only remaining one ("retrograde amnesia was the only clinical relevant remaining
        // symptom by 6 months"); a finding that persisted for months ("persisted up to 6 months post-procedure").
        `only (?:[\\w-]+ ){0,3}?remaining (?:${NEURO})?(?:symptoms?|deficits?|signs?|complaints?|sequel\\w*|problems?)`,
        `persist(?:ed|s) (?:up to|for|until|beyond|over|at|after) (?:the |about |approximately |more than |over )?(?:\\d+|two|three|four|five|six|seven|eight|nine|ten|twelve|eighteen|several|many) (?:months?|years?)`,
        // Rules 1.8.0: walking with an aid at a late visit ("Two months after the injection, she required crutches for walking");
        // a slight deficit said to be all that is left ("At discharge the patient was only showing a slight dysmetria").
        `(?:required|needed|requires|needs|still uses|used|walks? with|walked with) (?:\\w+ )?(?:crutches|a walker|a wheelchair|a cane|a walking aid|walking aids|an orthosis|a brace)`,
        `only (?:showing|showed|shows|had|has|having|presenting|presented) (?:with )?(?:an? )?(?:slight|mild|minor|minimal|residual) (?:[\\w-]+ ){0,2}?(?:dysmetria|ataxia|weakness|deficits?|numbness|paresis|dysesthesia|dysaesthesia|hypoesthesia|hypoaesthesia|limp|foot drop|paresthesia|paraesthesia|asymmetry|palsy|impairment)`,
        // Rules 1.7.0: "persistent" before a lasting deficit, whatever words describe it ("severe and persistent sensorineural
        // hearing loss", "discharged with persistent left lower extremity weakness"); not a persistent headache, pain,
        // bleeding or symptoms, which is how a course is told before its treatment.
        `persist(?:ent|ing) (?:[\\w-]+ ){1,4}?(?:deficits?|paraplegia|paraparesis|weakness|numbness|sequel\\w*|incontinence|dysfunction|palsy|paralysis|hearing loss|deafness|blindness|visual loss|foot drop|impairment)`,
        // Rules 1.7.0: a deficit still present at a late visit ("the palsy was (still) present at the six-month follow-up").
        `${DEFICIT_NOUN} (?:was|were|is|are) (?:still )?present (?:at|in|on|during|until) (?:[\\w-]+ ){0,4}?(?:follow[- ]?up|visit|review)`,
        // Rules 1.7.0: a condition that "remains unresolved", "remained unimproved" (the deficit did not go).
        `(?:remain(?:ed|s)?|is|was) (?:still )?(?:unresolved|unimproved|unrecovered|irreversible)`,
        // Rules 1.7.0: a recovery told with what is left ("with only minor visual disturbances and memory problems", "with
        // mild residual weakness"); read only beside an end-of-course word (see END_ONLY).
        `with (?:only )?(?:minor|mild|slight|some|residual|minimal|clinically insignificant|insignificant|subtle) (?:[\\w-]+ ){0,2}?(?:disturbances?|problems|deficits?|difficult(?:y|ies)|weakness|impairment|complaints|dysfunction|numbness|paresis)`,
      ],
    ),
    confidence: 0.8,
  },
  {
    outcome: Outcome.PARTIAL_RECOVERY,
    re: cues(
      [
        `partial(?:ly)? (?:\\w+ )?(?:recovery|recovered|resolution|resolved|relief|relieved|improvement|improved|regression|regressed)`,
        `incomplete(?:ly)? (?:recovery|recovered|resolution|resolved)`,
        // "recovered almost completely", "near-complete resolution": short of a full recovery.
        `(?:recovered|resolved|improved|regressed|disappeared) (?:almost|nearly|virtually) (?:completely|fully|totally)`,
        `(?:almost|nearly|near)[- ](?:complete|full|total) (?:\\w+ )?(?:recovery|resolution|relief|regression|remission)`,
        `partly (?:resolved|improved|recovered|relieved)`,
        // Rules 1.10.0: the near adverb before the completeness one ("almost completely resolved"); a deficit that "partially reverses".
        `(?:almost|nearly|virtually) (?:completely|fully|totally|entirely) (?:\\w+ )?(?:recovered|resolved|relieved|regressed|disappeared|absorbed|resorbed|healed|normali[sz]ed|reversed)`,
        `partial(?:ly)? (?:revers\\w+|reversal)`,
        // Rules 1.8.0: "the patient's conditions improved but had not fully recovered".
        `(?:improved|improving|better)(?:,)? but (?:(?:had|has|have|was|were|is) )?not (?:yet )?(?:fully|completely) (?:recovered|resolved|returned)`,
        // Rules 1.8.0: the qualifier after the verb ("the droop resolved partially").
        `(?:resolved|recovered|improved|regressed|relieved) (?:partially|partly|incompletely)`,
        `modest(?:ly)? (?:recovery|improvement|improved)`,
        // Rules 1.6.0: "restored mild motor function", "recovered limited function".
        `(?:regained|restored|recovered|resumed) (?:some|partial|mild|limited|minimal|slight|part of (?:her|his|the) )\\w*`,
        `(?:[1-9]\\d?|[1-9]\\d?\\.\\d+) ?(?:%|percent) (?:\\w+ )?(?:resolution|improvement|recovery|relief|reduction)`,
        `(?:resolution|improvement|recovery|relief) of (?:[1-9]\\d?) ?(?:%|percent)`,
      ],
    ),
    confidence: 0.8,
  },
  {
    outcome: Outcome.FULL_RECOVERY,
    re: cues(
      [
        // Rules 1.10.0: not "full recovery from the spinal anesthetic" (the block wearing off).
        `(?:complete|full|total)(?:ly)? (?:\\w+ )?(?:recovery|recovered|resolution|resolved|relief|relieved|remission|neurological recovery|symptomatic relief|resorption|reabsorption|reabsorbed|resorbed|disappearance|hemostasis|haemostasis)(?! from (?:the |her |his )?(?:\\w+ )?(?:an(?:a)?esthe\\w*|block|sedation|surgery|operation))`,
        // Rules 1.10.0: a recovery told as slow is still a recovery ("which gradually recovered over the next 10 months", "The patient
        // recovered gradually", "a gradual recovery over the following 2 months"), as the labels of unseen8 and unseen9 read it;
        // a "gradual recovery" with no span of time stays an improvement.
        `(?:gradually|slowly|progressively) recovered(?! (?:some|partial|mild|limited|minimal|slight|part|almost|nearly|partially|partly)\\b)`,
        `recovered (?:gradually|slowly|progressively)`,
        `(?:gradual|slow|progressive) recovery (?:\\w+ ){0,2}?(?:over|within|during) (?:the )?(?:next|following|subsequent|ensuing|\\d+|two|three|four|five|six|several)`,
        `(?:recovered|resolved|relieved|healed|disappeared) (?:fully|completely|uneventfully|totally|without (?:\\w+ ){0,3}(?:sequel\\w*|deficits?|complications?))`,
        `fully (?:recovered|resolved|relieved)`,
        `without (?:any )?(?:long[- ]term |lasting |permanent |residual |further |new )?${NEURO}(?:sequel\\w*|deficits?|complaints|symptoms|recurrence)`,
        `no (?:long[- ]term |lasting |permanent |residual |further |new )?${NEURO}(?:sequel\\w*|deficits?|complaints|symptoms|recurrence)`,
        // Rules 1.6.0: "follow-up ... recorded no further headaches"; "Neurological dysfunction was not seen thereafter" (both
        // need a course word, see COURSE_CONTEXT).
        `no further (?:headaches?|pain|episodes)`,
        `${NEURO}(?:dysfunction|deficits?|sequel\\w*|symptoms|complaints|signs) (?:was|were) not (?:seen|observed|noted|detected|found|present)`,
        `symptom[- ]free`,
        // Rules 1.4.0: "pain-free at follow-up", "headache-free".
        `(?:pain|headache)[- ]free`,
        `free of (?:symptoms|pain|headache)`,
        `returned to (?:(?:her|his|the) )?(?:baseline|normal|work|full activity|normal activities|(?:her|his) previous)`,
        `back to (?:normal|baseline|work)`,
        // Rules 1.7.0: a function or finding back to normal, in either word order and whatever it is ("recovered to normal
        // hearing", "Normal hearing returned", "normal vision was restored", "the audiogram normalized").
        `(?:recovered|restored|returned) to (?:a |(?:her|his|the) )?normal`,
        `normal (?:[\\w-]+ ){1,2}?(?:returned|was restored|were restored|was regained|was recovered|recovered)`,
        // Rules 1.11.0: not the circulation made normal in the course ("Haemodynamic instability was normalised with volume").
        `(?=normali)(?<!international )(?<!\\b(?:h(?:a)?emodynamic\\w*|instability|blood pressure|heart rate|saturation|vital signs|hypotension|bradycardia|tachycardia)(?: \\w+){0,2} )normali[sz](?:ed|ation of)(?! ratio)`,
        // Rules 1.7.0: the Latin and idiomatic full recovery ("restitutio ad integrum", "healed ad integrum", "complete restitution").
        `(?:restitutio )?ad integrum`,
        `(?:complete|full|total) restitution`,
        // Rules 1.7.0: a completeness adverb and a verb of vanishing, in either order ("the SDH was completely absorbed",
        // "symptoms totally disappeared", "cleared completely").
        `(?:completely|fully|totally|entirely) (?:absorbed|resorbed|reabsorbed|cleared|disappeared|vanished|normali[sz]ed|regressed|resolved|healed)`,
        `(?:absorbed|resorbed|reabsorbed|cleared|vanished|normali[sz]ed|regressed) (?:completely|fully|totally|entirely)`,
        // Rules 1.7.0: the patient who "recovered" (bare, or with a manner or time: "recovered spontaneously within days",
        // "All recovered without surgical treatment"), as the labels read it; not "recovered slowly/gradually/partially" (a
        // course or a partial recovery) and not "recovered some/mild ..." (partial, above).
        `(?:she|he|they|patients?|wom[ae]n|m[ae]n|mother|parturients?|child(?:ren)?|girl|boy|all|both) (?:(?:has|had|have) )?(?:(?!partially|partly|somewhat|initially|not\\b)\\w+ )?recovered(?! (?:some|partial|mild|limited|minimal|slight|part|almost|nearly|partially|partly)\\b| from (?:the |her |his )?(?:an(?:a)?esthe\\w*|surgery|operation|block|sedation|procedure|delivery))`,
        // Rules 1.7.0: a test at the end of the course confirming the finding is gone ("Audiogram confirmed absence of SNHL at
        // discharge"); needs a course word (see COURSE_CONTEXT).
        `(?:confirmed|showed|revealed|demonstrated|documented) (?:the |an? )?(?:complete )?(?:absence|disappearance) of`,
        // Rules 1.5.0: "assymptomatic" (a frequent misspelling); "an asymptomatic spinal epidural hematoma" describes the finding, not the end state.
        `as{1,2}ymptomatic(?! (?:[\\w-]+ ){0,3}?(?:hematomas?|haematomas?|hemorrhage|haemorrhage|bleeding|collections?|abscess|pneumocephalus|thrombosis|infection|lesions?|bacteriuria|carriers?|disease|course|period|interval|phase|patients?|individuals?|subjects?|persons?|people|volunteers?))`,
        `neurologically (?:intact|normal)`,
        `normal neurologic(?:al)? (?:examination|exam|status|function)`,
        // Rules 1.5.0: "all the neurological symptoms were reversed ... completely".
        `(?:reversed|reversing|reversal of) (?:all )?(?:the |her |his )?(?:\\w+ ){0,2}(?:symptoms|deficits?|signs)(?: \\w+){0,2} (?:completely|fully|totally)`,
        // Rules 1.5.0: the course, not the procedure, was uneventful ("The follow-up was uneventful", "her postpartum course was uneventful").
        // Rules 1.6.0: not the course of the operation or the anaesthetic ("The intraoperative course was uneventful").
        `(?:follow[- ]?up|course|period|hospital stay|hospitali[sz]ation|stay)(?<!(?:^|[^\\w-])(?:intra-?operative|peri-?operative|operative|an(?:a)?esthetic|intra-?partum|procedural|surgical) (?:course|period|stay)) (?:\\w+ )?(?:was|were) (?:\\w+ )?uneventful`,
        `complete relief`,
        `satisfactory outcome`,
        `recovered well`,
        `uneventful recovery`,
        `recovery was uneventful`,
        `resolved (?:spontaneously|completely)`,
        `regained (?:full|complete|normal) (?:\\w+ )?\\w+`,
        // Rules 1.6.0: "resumed motor function after 15 min", "neurological recovery was progressive and complete".
        `resumed (?:full |normal |complete )?(?:motor|neurologic(?:al)?|sensorimotor|sensory) function`,
        `recovery (?:was|were) (?:(?!not |never |in)\\w+ ){0,3}?(?:complete|full|total)`,
        // Rules 1.5.0: "with immediate resolution of her headache"; the findings of PRES and RCVS ("resolution of the cerebral vasoconstriction", "of the edema").
        `(?:showed|complete|with|and|resulted in|resulting in|led to|leading to) (?:the |a )?(?:immediate |rapid |prompt |quick |spontaneous |eventual |dramatic )?resolution of (?:the |her |his )?(?:\\w+ ){0,3}(?:abscess|hematoma|haematoma|pneumocephalus|symptoms|collection|headache|pain|deficits?|vasoconstriction|vasospasm|edema|oedema|lesions?|abnormalit(?:y|ies)|hygroma|air)`,
        // "The headache resolved", "which resolved the patient's symptoms": resolution of the finding, not qualified.
        `${SYMPTOM_SUBJECT} (?:had |have |has )?(?:(?!almost|nearly|largely|mostly)\\w+ )?resolved`,
        `resolved (?:the |her |his |(?:the )?patient'?s )(?:\\w+ )?${SYMPTOM_SUBJECT}`,
        `completely disappeared`,
        // Rules 1.13.0: "clinically cured"; "he remains well 4 years later"; whatever disappeared, not said to be partial or near
        // ("Symptoms due to epidural abscess disappeared soon after laminotomy", "the involuntary movements ... disappeared after
        // approximately 5 h"), read like an unqualified "resolved" (rules 1.8.0); "almost disappeared" stays an improvement.
        `(?:was|were|is|been|being|clinically|completely|fully) cured`,
        `(?:remains?|remained) (?:clinically )?well`,
        `(?=disappear)(?<!\\b(?:almost|nearly|largely|mostly|partially|partly|gradually|slowly|not|never)[ -])disappeared(?! (?:partially|partly|slowly|gradually|almost|nearly)\\b)`,
        // Rules 1.8.0: full recovery told by construction, whatever the finding: a level or function back to before
        // ("attained power to preinjury level", "quadriceps function had returned", "ambulating normally"); a completeness adverb
        // after any form of the verb ("required 5 months to heal completely", "disappeared spontaneously"); a course without
        // complications ("an uncomplicated course thereafter"); "continued to have no neurologic sequelae".
        `(?:attained|regained|reached|returned to|recovered to|restored to|back to) (?:\\w+ ){0,3}?(?:pre-?injury|pre-?morbid|pre-?operative|pre-?procedur\\w*|pre-?partum|baseline|normal|previous|full) (?:levels?|function\\w*|strength|power|status|activit\\w+)`,
        `(?:function|strength|power|sensation|movement|mobility) (?:had |has |have )?(?:fully |completely |totally )?(?:returned|recovered|normali[sz]ed|(?:was|were) restored)(?! (?:partially|partly|slowly|gradually|somewhat)\\b)`,
        `(?:ambulat\\w+|walk\\w*|moving|mobili[sz]\\w+) normally`,
        `(?:recover|resolve|heal|disappear|regress|clear)(?:ed|s)? (?:fully|completely|totally|entirely)`,
        `(?:disappear|resolv|regress|subsid|clear)(?:ed|ing) spontaneously`,
        `(?:an? )?uncomplicated (?:postoperative |post-operative |postpartum |hospital |clinical |subsequent )?(?:course|recovery)`,
        `(?:continued|continues) to (?:have|show|be) (?:no|without) (?:\\w+ ){0,2}?(?:sequel\\w*|deficits?|symptoms|complaints|recurrence)`,
        // Rules 1.8.0: whatever resolved ("Horner's syndrome resolved within 4 h", "It resolved on postoperative day 53", "A
        // spontaneous resolution of HS was observed"): a resolution not said to be partial, slow or near is the finding gone,
        // as every labelled "resolved" of the studied splits reads it. Partial and near resolutions are read above; a resolution
        // that is only beginning ("began to resolve", "resolving") stays an improvement.
        `(?=resol)(?<!\\b(?:almost|nearly|largely|mostly|partially|partly|gradually|slowly|incompletely|not|never|minimal|little|some|slight|modest|no|high|spatial|contrast)[ -])(?:resolved|resolution)(?! (?:partially|partly|slowly|gradually|incompletely|almost|nearly)\\b)`,
        // "the hemorrhage stopped", "the deficits ... were finally no longer detectable".
        `(?:bleeding|hemorrhage|haemorrhage|hematoma|haematoma|leak|leakage) (?:had )?(?:stopped|ceased)`,
        `(?:were|was|are|is) (?:\\w+ )?no longer (?:detectable|present|noticeable|perceptible|evident)`,
        `(?:symptoms|headache|pain|deficits?|hematoma|haematoma|findings|lesions?) (?:(?!almost|nearly|largely|mostly|partly|partially)\\w+ )?disappeared`,
        // Rules 1.5.0: "discharged without headache or neurologic deficit on postoperative day 13".
        `discharged (?:home )?(?:healthy|well|in good health|in good (?:general )?condition|without (?:\\w+ ){0,4}?(?:deficits?|sequel\\w*|complaints|symptoms|headache|pain))`,
        // Rules 1.4.0: "had no complications and was discharged", "discharged ... with no particular problems" (about the course only).
        `no (?:further |other |particular |postoperative |post-operative |major |additional )?(?:complications|problems)`,
        // "motor block regression occurred ... with successful extubation": an anaesthetic block that wore off has resolved.
        `(?:motor |sensory |spinal |neuraxial |high |epidural )?block(?:ade)? (?:had )?(?:regression|regressed|resolved|wore off|receded)`,
        `regression of the (?:motor |sensory |spinal |neuraxial )?block`,
      ],
    ),
    confidence: 0.8,
  },
  {
    outcome: Outcome.IMPROVED_UNSPECIFIED,
    // Rules 1.4.0: "evolution was favourable", "remarkable pain relief"; "anesthesia recovery" and "the recovery room" are no outcome.
    // Rules 1.5.0: no outcome from mimics: a headache "relieved by lying flat" (its postural character), "recovery of her
    // platelet count", "a system-based improvement plan", "with little improvement", a procedure that "was uneventful"
    // (only the course, the follow-up or the recovery being uneventful is an outcome, a full recovery, see above);
    // "immediate relief" says when, not how complete ("complete relief" stays a full recovery).
    // Rules 1.13.0: "he is doing well more than 21 months after the operation" (as unseen10 labels it).
    re: /\b(?:improved|(?=improvement)(?<!\b(?:little|minimal|no|without) )improvement(?! (?:plan|program|programme|project|initiative|strategy|process|measures?)\b)|improving|recovered|(?=recovery)(?<!(?:an(?:a)?esthesia|an(?:a)?esthetic|postan(?:a)?esthesia|post-an(?:a)?esthesia) )recovery(?! room| unit| area| ward| of (?:her |his |the )?(?:platelets?|platelet counts?|counts?|blood|white|neutrophils?|cell|laboratory|labs?|coagulation|renal|kidney|liver|hepatic|h(?:a)?emoglobin|spontaneous breathing)\b)|resolved|(?=resolution)(?<!\b(?:high|spatial|contrast)[ -])resolution|relieved|regression|regressed|subsided|abated|alleviated|ameliorated|amelioration|(?:good|excellent) (?:clinical )?(?:outcome|response)|outcome (?:\w+ ){0,5}?(?:was|were) (?:also )?(?:good|excellent|favou?rable)|symptomatic relief|relief of (?:her |his |the )?symptoms|favou?rable (?:outcome|course|response|evolution|clinical course)|successful(?:ly)? (?:treat\w*|manag\w*)|(?:discharged|transferred) (?:\w+ ){0,4}?in satisfactory condition|immediate relief|relief(?<!\b(?:little|minimal|no|without|poor|limited|slight) relief) (?:of|from) (?:her |his |the )?(?:symptoms|pain|headache)|(?:started|began|begun|continued|starts|begins|continues) to improve|(?:almost|nearly|largely|mostly) (?:disappeared|resolved|gone|subsided)|(?:good|excellent) (?:functional )?recovery|(?:reversed|reversing|reversal of) (?:all )?(?:the |her |his )?(?:\w+ ){0,2}(?:symptoms|deficits?|signs)|(?:treated|managed) successfully|was effective|(?:evolution|course|clinical course|progress|progression) (?:\w+ ){0,4}?(?:was|were) (?:\w+ )?(?:favou?rable|good|satisfactory)|(?:remarkable|significant|marked|good|excellent|substantial|considerable|dramatic|immediate|rapid|prompt|satisfactory|effective|gradual|progressive|steady|sustained|lasting|noticeable|definite|clear) (?:\w+ )?(?:pain|symptom|headache) relief|(?:pain|symptom) (?:control|relief) (?:\w+ ){0,2}?(?:was|has been|have been|remained|remains|is) (?:\w+ )?(?:good|excellent|satisfactory|adequate)|(?:is|was|are|were|been) doing (?:very |quite )?well)\b(?! (?:by|on|when|in|with|upon|after|while) (?:lying|laying|recumbency|(?:the )?(?:supine|recumbent|prone|horizontal|lying)|assuming|being supine|bed ?rest))/gi,
    confidence: 0.55,
  },
];

const OUTCOME_HINT =
  /recover|resol|improv|reliev|relief|sequel|deficit|died|death|deceas|residual|permanent|persist|remain|complete|full|total|asymptomatic|assymptomatic|revers|resorp|reabsorb|resorb|recurrence|outcome|uneventful|free|baseline|disabilit|expired|succumbed|passed away|disappeared|partial|partly|modest|still|paraplegic|paralys|paralyz|paretic|foot drop|numbness|weakness|satisfactory|regress|regain|subsid|abate|allevia|amelior|success|effective|intact|normal|fatal|autopsy|mortem|left with|continued to|irreversible|lasting|long-term|%|percent|back to|returned|healed|discharged|bound|bedridden|dependent|unconscious|comatose|stopped|ceased|longer|excellent|favou?rable|no (?:\w+ )?(?:complications|problems)|unchanged|no further|not (?:seen|observed|noted|detected|found|present)|resum|restor|paralytic|hemostasis|haemostasis|integrum|restitution|absorb|clear|vanish|absen|unresolved|unimproved|unrecovered|present|crutch|walker|wheelchair|\bcane\b|orthosis|brace|slight|minimal|mild|minor|pre-?injury|premorbid|\blevel|normally|heal|uncomplicated|spontaneous|control|demise|cured|doing (?:very |quite )?well/i;

/** Index = severity rank: lower is more severe. */
const SEVERITY: Outcome[] = [Outcome.DEATH, Outcome.RESIDUAL_DEFICIT, Outcome.PARTIAL_RECOVERY, Outcome.FULL_RECOVERY, Outcome.IMPROVED_UNSPECIFIED];

/** Self-negating wordings ("without sequelae", "asymptomatic") count only when the sentence is about the course. */
// "symptom-free" only: "the symptoms resolved" is no self-negating wording (up to rules 1.2.0 the bare "symptom" prefix
// made it one, so a resolution of "symptoms" needed a course word such as "weeks" or "after").
// Rules 1.6.0: "neurological dysfunction was not seen thereafter" negates the deficit, not the statement.
const SELF_NEGATING = /^(?:without|no |free of|as{1,2}ymptomatic|symptom[- ]free|neurologically|normal neurologic|(?:\w+ )?(?:dysfunction|deficits?|sequel\w*|symptoms|complaints|signs) (?:was|were) not )/;
const COURSE_CONTEXT =
  /\b(?:discharged|discharge|left (?:the )?hospital|recover\w*|follow[- ]?up|later|returned|weeks|months|years|after|(?:went|sent|gone) home|postoperative|outcome|long[- ]term|lasting|permanent|eventually|finally|subsequently|at present|currently|today|thereafter|since)\b/i;

/** "continued to report ..." is a residual deficit only when said of the late course ("7 months following"). */
const LATE_ONLY = /^continued to/;
/** Rules 1.7.0: what is left "with minor ... problems" and a test "confirmed absence of" are an end state only beside an end-of-course word. */
const END_ONLY = /^(?:with (?:only )?(?:minor|mild|slight|some|residual|minimal|clinically insignificant|insignificant|subtle) |(?:confirmed|showed|revealed|demonstrated|documented) (?:the |an? )?(?:complete )?(?:absence|disappearance) of)/;
const END_CONTEXT = /\b(?:discharged?|recover\w*|follow[- ]?up|months?|years?|at present|currently|last (?:visit|review)|later|thereafter|eventually|finally)\b/i;
const LATE_CONTEXT = /\b(?:follow[- ]?up|months?|years?|discharge\w*|at present|currently|today|long[- ]term|last (?:visit|review|contact)|\d+ weeks)\b/i;

/** A return of the complaint voids the state told before it ("complete relief ... the headache recurred"). */
const RECURRENCE = /\b(?:recurred|recurrent|recurrence|relapsed?|re-?presented|returned to (?:the |our )?(?:hospital|emergency)|readmitted|re-?admitted|worsened|deteriorated|reappeared)\b/gi;

/** A statement about several patients at once ("4/35 died", "all patients recovered", "two of the patients"). */
const POOLED = /\b(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten) (?:out )?of (?:the |these |our )?(?:\d+|two|three|four|five|six|seven|eight|nine|ten|all)?\s?(?:patients|cases)\b|\ball (?:the |of the |our )?(?:patients|cases)\b|\b(?:most|none|several|many|some) of the (?:patients|cases)\b|\brates? of\b|\bmortality rates?\b|,? (?:only )?(?:one|two|three) (?:of them )?(?:completely|fully|partially|partly)\b/i;

const PERSISTED = /(?:persisted|persists|remained|remains)$/;

/**
 * Rules 1.13.0: "successfully treated" or "managed" tells that a treatment worked, not the state at the end (the labellers of
 * unseen4, unseen8, unseen10, unseen12 and unseen13 leave "She was successfully managed", "successfully treated with antibiotics"
 * unlabelled); beside a discharge ("was successfully treated and discharged") it is the improvement it says. The noun ("we
 * describe the successful treatment of her headache") stays an improvement, as the train split labels it.
 */
const SUCCESS_ONLY = /^successful(?:ly)? (?:treated|managed)$|successfully$/;
const DISCHARGE = /\bdischarged?\b/i;

/**
 * Rules 1.13.0: a sentence that tells some findings resolved and the patient (or another finding) improved ("painful muscle
 * spasms resolved and his clinical condition improved", "dysphagia and dyspnea had resolved and her hoarseness improved") is
 * an improvement: the unqualified resolution is of part of it. A resolution said to be complete stays a full recovery.
 */
const BARE_RESOLUTION = /(?:resolved|resolution|disappeared)$/;
const COMPLETENESS = /\b(?:complete|completely|full|fully|total|totally|entire|entirely|uneventful|without|spontaneously)\b/;
const IMPROVEMENT_WORD = /\bimprov(?:ed|ing|ement)\b/gi;

/**
 * Rules 1.7.0: a further treatment told after a deficit ("he still complained of headache. We performed a cervical EBP";
 * "the patient still complained of headaches; therefore, we repeated the blood patch") makes that deficit the reason for
 * the treatment, not the end state: a later statement of any kind, an improvement too, replaces it.
 */
const FURTHER_TREATMENT = /\b(?:we (?:performed|repeated|administered|gave|placed|started|decided to (?:perform|repeat)|re-?operated)|(?:was|were) (?:then |therefore |subsequently )?(?:performed|repeated|re-?operated|administered|given|started|initiated|placed)|(?:then |therefore |subsequently )?underwent|a (?:second|repeat|further) (?:\w+ ){0,3}?(?:was|were) (?:performed|placed|done))\b/i;
const DESPITE = /\b(?:despite|in spite of|notwithstanding)\b/i;

export interface OutcomeFinding {
  outcome: ProposedValue<Outcome> | null;
  timeToResolutionDays: ProposedValue<number> | null;
}

const RESOLUTION_TIME = new RegExp(`\\b(?:within|after|over|in) (?:the (?:next|following) )?(?:about |approximately )?(${NUMBER_SOURCE}|a) (days?|weeks?|months?)\\b|\\b(${NUMBER_SOURCE}) (days?|weeks?|months?) later\\b`, 'gi');
const DAYS: Record<string, number> = { day: 1, days: 1, week: 7, weeks: 7, month: 30, months: 30 };

/** "4/35 died": a count over a group (not a scale "1/10" or a blood pressure "220/140"). */
const FRACTION = /\b(\d+) ?\/ ?(\d+)\b/g;
/** "in all cases", "both patients": the reported patients of a series (only when the caller says so). */
const ALL_REPORTED = /\b(?:all (?:the |of the |our |these |(?:two|three|four|five|six|[2-9]) )?(?:patients|cases)|both (?:patients|cases|women|men))\b/gi;
/**
 * "102 patients", "Two patients had a spontaneous resolution": a count of patients is a group, unless it is the number of
 * patients the record reports (rules 1.13.0: "We present two patients who ..." in a two-patient report speaks of both; up to
 * rules 1.12.0 only digits were read, and always as a group).
 */
const COUNTED = new RegExp(`\\b(\\d+|${NUMBER_SOURCE}) (?:patients|cases)\\b`, 'gi');
const COUNT_NOUN = /patients|cases/i;
function pooled(text: string, allMeansReported = false, reported = 0): boolean {
  if (allMeansReported && ALL_REPORTED.test(text)) {
    ALL_REPORTED.lastIndex = 0;
    text = text.replace(ALL_REPORTED, ' ');
  }
  ALL_REPORTED.lastIndex = 0;
  if (POOLED.test(text)) return true;
  // Every count wording holds "patients" or "cases": a cheap test first, same result.
  if (COUNT_NOUN.test(text)) {
    COUNTED.lastIndex = 0;
    let c: RegExpExecArray | null;
    while ((c = COUNTED.exec(text)) !== null) {
      const n = parseNumber(c[1].toLowerCase());
      if (n === null || n !== reported) return true;
    }
  }
  FRACTION.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = FRACTION.exec(text)) !== null) {
    const n = Number(m[1]);
    const d = Number(m[2]);
    if (n <= d && d !== 10 && d !== 100 && d > 1) return true;
  }
  return false;
}

type Finding = { rank: number; value: ProposedValue<Outcome>; ctx: SentenceContext };

/** The most severe asserted outcome statement of one sentence, or null. */
function sentenceFinding(ctx: SentenceContext, allMeansReported: boolean, reported: number): Finding | null {
  const text = ctx.sentence.text;
  if (!OUTCOME_HINT.test(text)) return null;
  if (pooled(text, allMeansReported, reported)) return null;
  for (let r = 0; r < RULES.length; r++) {
    const rule = RULES[r];
    rule.re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = rule.re.exec(text)) !== null) {
      if (m[0].length === 0) {
        rule.re.lastIndex++;
        continue;
      }
      const abs = ctx.sentence.start + m.index;
      const f = flagsAt(ctx, abs);
      const phrase = m[0].toLowerCase();
      // "intrauterine death", "the baby died": not the patient's death.
      if (rule.outcome === Outcome.DEATH && NOT_THE_PATIENT.test(text.slice(Math.max(0, m.index - 40), m.index))) continue;
      const selfNegating = SELF_NEGATING.test(phrase);
      // The negation scope opened by the wording's own "no"/"without" does not negate it.
      const own = selfNegating ? f & HYPOTHETICAL : f & (NEGATED | HYPOTHETICAL);
      if (own) continue;
      // "There were no long-term sequelae" is about the course; "no deficits" at presentation is not.
      // Rules 1.5.0: sequelae are lasting by definition ("the patient suffered no neurologic sequelae" needs no course word).
      if (selfNegating && !COURSE_CONTEXT.test(text) && !/sequel/.test(phrase)) continue;
      if (LATE_ONLY.test(phrase) && !LATE_CONTEXT.test(text)) continue;
      if (END_ONLY.test(phrase) && !END_CONTEXT.test(text)) continue;
      // Rules 1.4.0: "Despite initial conservative management, her symptoms persisted": a first treatment that failed, not the end state.
      if (rule.outcome === Outcome.RESIDUAL_DEFICIT && PERSISTED.test(phrase) && DESPITE.test(text)) continue;
      if (rule.outcome === Outcome.IMPROVED_UNSPECIFIED && SUCCESS_ONLY.test(phrase) && !DISCHARGE.test(text)) continue;
      if (rule.outcome === Outcome.FULL_RECOVERY && BARE_RESOLUTION.test(phrase) && !COMPLETENESS.test(phrase)) {
        const improved = improvementIn(ctx);
        if (improved) return improved;
      }
      return { rank: r, value: { value: rule.outcome, evidence: evidenceOf(ctx.field, ctx.fieldText, abs, abs + m[0].length, ctx.sentence, 'TEXT_RULE', rule.confidence) }, ctx };
    }
  }
  return null;
}

/** Rules 1.13.0: an asserted "improved" of the sentence, as an improvement finding (see BARE_RESOLUTION). */
function improvementIn(ctx: SentenceContext): Finding | null {
  IMPROVEMENT_WORD.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = IMPROVEMENT_WORD.exec(ctx.sentence.text)) !== null) {
    const abs = ctx.sentence.start + m.index;
    if (flagsAt(ctx, abs) & (NEGATED | HYPOTHETICAL)) continue;
    const rank = SEVERITY.indexOf(Outcome.IMPROVED_UNSPECIFIED);
    return { rank, value: { value: Outcome.IMPROVED_UNSPECIFIED, evidence: evidenceOf(ctx.field, ctx.fieldText, abs, abs + m[0].length, ctx.sentence, 'TEXT_RULE', RULES[rank].confidence) }, ctx };
  }
  return null;
}

/** Whether the sentence tells an asserted recurrence at or after the given offset of its text. */
function hasRecurrence(ctx: SentenceContext, from = 0): boolean {
  RECURRENCE.lastIndex = from;
  let m: RegExpExecArray | null;
  while ((m = RECURRENCE.exec(ctx.sentence.text)) !== null) {
    if (!(flagsAt(ctx, ctx.sentence.start + m.index) & (NEGATED | HYPOTHETICAL))) return true;
  }
  return false;
}

const NOT_THE_PATIENT = /\b(?:fetal|foetal|fetus|foetus|intrauterine|intra-uterine|neonatal|perinatal|baby|infant|neonate|newborn|stillbirth|twin)\b(?:\W+\w+){0,3}\W*$/i;

const IMPROVED_RANK = SEVERITY.indexOf(Outcome.IMPROVED_UNSPECIFIED);
const DEATH_RANK = SEVERITY.indexOf(Outcome.DEATH);
const RESIDUAL_RANK = SEVERITY.indexOf(Outcome.RESIDUAL_DEFICIT);

/** Sentences in reading order (the caller passes the title first, then the abstract). */
export function outcomeRule(sentences: SentenceContext[], opts: { allMeansReported?: boolean; reported?: number } = {}): OutcomeFinding {
  const allMeansReported = opts.allMeansReported ?? false;
  const reported = opts.reported ?? 0;
  let best: Finding | null = null;
  let treatedSince = false;
  for (const ctx of sentences) {
    if (ctx.generic) continue;
    const found = sentenceFinding(ctx, allMeansReported, reported);
    if (!found) {
      if (best && best.rank !== DEATH_RANK && hasRecurrence(ctx)) best = null;
      if (best?.rank === RESIDUAL_RANK && FURTHER_TREATMENT.test(ctx.sentence.text)) treatedSince = true;
      continue;
    }
    if (best?.rank === DEATH_RANK) continue;
    // "complete relief, but the headache recurred two days later": the state told is voided in the same sentence.
    if (found.rank !== DEATH_RANK && hasRecurrence(ctx, found.value.evidence.end - ctx.sentence.start)) {
      best = null;
      continue;
    }
    if (best && found.rank === IMPROVED_RANK && best.rank < IMPROVED_RANK && !(best.rank === RESIDUAL_RANK && treatedSince)) continue;
    best = found;
    treatedSince = found.rank === RESIDUAL_RANK && FURTHER_TREATMENT.test(ctx.sentence.text.slice(found.value.evidence.end - ctx.sentence.start));
  }
  if (!best) return { outcome: null, timeToResolutionDays: null };
  let time: ProposedValue<number> | null = null;
  if (best.value.value === Outcome.FULL_RECOVERY || best.value.value === Outcome.IMPROVED_UNSPECIFIED || best.value.value === Outcome.PARTIAL_RECOVERY) {
    const ctx = best.ctx;
    RESOLUTION_TIME.lastIndex = 0;
    const m = RESOLUTION_TIME.exec(ctx.sentence.text);
    if (m) {
      const n = parseNumber(m[1] ?? m[3] ?? '');
      const unit = (m[2] ?? m[4] ?? '').toLowerCase();
      if (n !== null && unit in DAYS) {
        const abs = ctx.sentence.start + m.index;
        time = { value: n * DAYS[unit], evidence: evidenceOf(ctx.field, ctx.fieldText, abs, abs + m[0].length, ctx.sentence, 'TEXT_RULE', 0.6) };
      }
    }
  }
  return { outcome: best.value, timeToResolutionDays: time };
}
