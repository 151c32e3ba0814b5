import { TermKind } from './domain-values';
import type { Evidence, ExtractionInput, VocabularyEntry } from './extraction.types';
import { evidenceOf, headingEvidence } from './evidence.factory';
import { HISTORICAL, HYPOTHETICAL, NEGATED, spanFlags } from './context-scopes';
import { flagsAt, type SentenceContext } from './field-context';
import type { VocabularyMatcher } from './vocabulary-matcher';
import { parseOrdinal } from './number-words';
import { normalizeWord, tokenize } from './text-tokenizer';

/** One asserted vocabulary term found for a patient. */
export interface TermMention {
  kind: TermKind;
  key: string;
  evidence: Evidence;
  ctx: SentenceContext | null;
  /** Offset of the mention in its field (for ordering); title mentions sort after abstract ones. */
  order: number;
  attempt: number | null;
}

const SPINAL_CUE = /\b(?:spinal|spine|lumbar|thoracic|cervical|sacral|cauda|conus|thecal|vertebral|laminectomy|hemilaminectomy|paraplegia|paraparesis|radicular|intradural|[CTLS]\d{1,2}(?:\s?[-–/]\s?[CTLS]?\d{1,2})?)\b/gi;
const CRANIAL_CUE = /\b(?:intracranial|cranial|brain|cerebral|midline shift|craniotomy|craniectomy|hemicraniectomy|craniotomies|burr|frontal|parietal|temporal|occipital|convexity|head|fronto-?\w*|left[- ]sided|right[- ]sided|bilateral|dysphasia|seizures?|herniation|hemiparesis|consciousness)\b/gi;

function count(re: RegExp, text: string): number {
  re.lastIndex = 0;
  let n = 0;
  while (re.exec(text) !== null) n++;
  return n;
}

/** Keys whose bare wording ("subdural hematoma") names a usual site, and the other site. */
const SITE_SWAP: Record<string, { other: string; defaultSite: 'spinal' | 'cranial' }> = {
  'intracranial-subdural-hematoma': { other: 'spinal-subdural-hematoma', defaultSite: 'cranial' },
  'spinal-epidural-hematoma': { other: 'intracranial-epidural-hematoma', defaultSite: 'spinal' },
  // "acute subdural hematoma ... in the dorsal part of the spinal canal"; "subarachnoid hemorrhage and spinal/epidural hematoma".
  'acute-intracranial-subdural-hematoma': { other: 'spinal-subdural-hematoma', defaultSite: 'cranial' },
  'subarachnoid-hemorrhage': { other: 'intrathecal-hematoma', defaultSite: 'cranial' },
};
const SITE_WORDS = /\b(?:spinal|spine|intracranial|cranial|cerebral|lumbar|thoracic|cervical)\b/i;

/**
 * "spinal anesthesia", "lumbar puncture", "epidural catheter": the name of a procedure says where the
 * needle went, not where the haematoma is; not counted as a site word.
 */
// Rules 1.5.0: "combined spinal-epidural" is a procedure name too.
// Rules 1.7.0: so do the level of a blood patch or of an imaging study ("lumbar EBP", "cervical epidural blood patch",
// "MR myelography", "cervico-thoracic junction level" of the patch) and the level of a CSF leak ("C1/2 CSF leakage", "a CSF
// leak at the thoracic spine"): where the leak or the patch is, not where the haematoma is.
const PROCEDURE_NAMES = /\b(?:spinal|lumbar|thoracic|cervical|caudal|cervico-?thoracic|thoraco-?lumbar)[- ](?:an(?:a)?esthe\w*|an(?:a)?lgesia|blocks?|blockade|needles?|punctures?|taps?|catheters?|injections?|drains?|epidural(?: blood patch(?:es|ing)?)?|blood patch(?:es|ing)?|EBPs?|patch(?:es)?|myelograph\w*|junction)\b/gi;
const LEAK_SITE = /\b(?:[CTLS]\d{1,2}(?:\s?[-–/]\s?[CTLS]?\d{1,2})?|spinal|cervical|thoracic|lumbar) (?:CSF |cerebrospinal fluid )?leak\w*|\b(?:CSF|cerebrospinal fluid) leak\w* (?:at|in|from) (?:the )?(?:level of )?(?:[CTLS]\d{1,2}(?:\s?[-–/]\s?[CTLS]?\d{1,2})?|(?:spinal|cervical|thoracic|lumbar) (?:spine|level|region))\b/gi;

function siteBalance(text: string): number {
  const t = text.replace(PROCEDURE_NAMES, ' ').replace(LEAK_SITE, ' ');
  return count(SPINAL_CUE, t) - count(CRANIAL_CUE, t);
}

function siteOf(sentence: string, opts: CollectOptions): 'spinal' | 'cranial' | null {
  const s = siteBalance(sentence);
  if (s > 0) return 'spinal';
  if (s < 0) return 'cranial';
  // The whole record's balance is counted once per record (not once per mention: that would be quadratic).
  if (opts.recordSiteBalance === undefined) opts.recordSiteBalance = siteBalance(opts.recordText);
  const r = opts.recordSiteBalance;
  if (r > 0) return 'spinal';
  if (r < 0) return 'cranial';
  return null;
}

const INSTRUMENT_AFTER = /^\s?(?:scale|score|scores|scoring|questionnaire|grading)\b/i;
const SPINE_WORDS = /\b(?:spine|spinal|lumbar|thoracic|cervical|sacral|laminectomy|discectomy|fusion|vertebr\w*|[CTLS]\d{1,2}(?:\s?[-–/]\s?[CTLS]?\d{1,2})?)\b/i;

/** A term of the surgical branch of treatments (surgical management and its descendants). */
function isSurgery(matcher: VocabularyMatcher, e: VocabularyEntry): boolean {
  return e.key === 'surgical-management' || matcher.ancestors(e.kind, e.key).includes('surgical-management');
}

const BOTH_SPACES = /epi-?subdural|epidural[- ](?:and )?subdural|subdural[- ](?:and )?epidural/i;

const AFTER_WORDS = new Set(['after', 'following', 'post', 'from', 'complicating', 'during']);
/** Rules 1.5.0: "persisted after", "recurred after": what the treatment did not cure, not a harm it caused. */
const PERSISTED_BEFORE = new Set(['persisted', 'persists', 'persist', 'persisting', 'continued', 'remained', 'unchanged', 'unresolved', 'recurred', 'returned', 'reappeared', 'even'].map(normalizeWord));
/** Words allowed between "after" and the procedure ("after two lumbar epidural blood patches"). */
const FILLER = new Set(['a', 'an', 'the', 'her', 'his', 'two', 'three', 'four', 'five', 'six', 'several', 'multiple', 'repeated', 'repeat', 'series', 'of', 'lumbar', 'thoracic', 'cervical', 'autologous', 'prophylactic', 'therapeutic', 'an', 'uneventful', 'successful', 'second', 'another', 'course', 'courses']);
/** A general term made specific by its sentence ("epidural catheter ... in labour"). */
const SPECIALISE: Record<string, { cue: RegExp; key: string }[]> = {
  'epidural-anesthesia': [
    // Rules 1.4.0: "at 3 cm of dilatation": cervical dilatation is labour.
    { cue: /\b(?:labou?r|delivery|obstetric epidural|dilatation|dilation)\b/i, key: 'labour-epidural-analgesia' },
    // "The epidural catheter was inserted ... at the Th6-7 level": sited at a thoracic interspace (not "a block to T10").
    { cue: /\b(?:at|into) (?:the )?(?:T|Th)\s?(?:[1-9]|1[0-2])(?:\s?[-–/]\s?(?:T|Th)?\s?\d{1,2})?\b/, key: 'thoracic-epidural-analgesia' },
  ],
  // Rules 1.5.0: "epidural injections of local anesthetic and depo-steroids" is the epidural steroid injection.
  'epidural-injection': [{ cue: /\b(?:\w+-)?(?:steroids?|corticosteroids?|methylprednisolone|triamcinolone|dexamethasone|betamethasone)\b/i, key: 'epidural-steroid-injection' }],
  meningitis: [{ cue: /\b(?:bacteri\w*|\w*coccus|\w*cocci|pseudomonas|klebsiella|listeria|haemophilus|e\. ?coli|gram[- ](?:positive|negative))\b/i, key: 'bacterial-meningitis' }],
  headache: [
    { cue: /\bnon-?(?:postural|positional|orthostatic)\b|\bnot postural\b|\bno longer postural\b|\bwithout (?:a )?postural\b|\b(?:even|also|persist\w*|remained|continued) (?:\w+ )?(?:in|when|while|on) (?:the )?(?:supine|lying|recumbent|lying down)\b/i, key: 'non-postural-headache' },
    { cue: /\bindependent of (?:posture|position)\b/i, key: 'non-postural-headache' },
    { cue: /\b(?:postural|positional|orthostatic)\b/i, key: 'orthostatic-headache' },
    // "described as severe with standing and improved upon lying supine": the postural pattern told in words.
    { cue: /\b(?:worse|worsen\w*|severe|aggravated|exacerbated|increased|provoked) (?:\w+ )?(?:with|on|upon|when|by|in) (?:standing|sitting|the upright|upright|rising|getting up)\b|\b(?:improved|relieved|better|eased|alleviated|resolved|disappeared) (?:\w+ )?(?:with|on|upon|when|by|in) (?:lying|recumbency|the supine|supine)\b/i, key: 'orthostatic-headache' },
  ],
};
/** Rules 1.5.0: an epidural named as the anaesthesia of a caesarean ("caesarean section under epidural anaesthesia", "an epidural for the urgent caesarean"). */
const CAESAREAN_UNDER = /\b(?:c(?:a)?esarean|c-section)(?: section| delivery)?(?: was performed| was done)? under (?:\w+ )?$/i;
const FOR_CAESAREAN = /^(?:\s\w+){0,2}? for (?:an? |the |her )?(?:urgent |emergency |emergent |elective |repeat |planned )?(?:c(?:a)?esarean|c-section)/i;
function caesareanAnaesthesia(ctx: SentenceContext, start: number, end: number): boolean {
  return CAESAREAN_UNDER.test(ctx.fieldText.slice(Math.max(ctx.sentence.start, start - 48), start)) || FOR_CAESAREAN.test(ctx.fieldText.slice(end, Math.min(ctx.sentence.end, end + 60)));
}
/** Rules 1.5.0: role rules (see collectMentions). */
const BLOOD_PRODUCT = /platelet|plasma|\bFFP\b/i;
const ANTITHROMBOTIC_DRUG = /anticoag|warfarin|heparin|enoxaparin|dalteparin|tinzaparin|fondaparinux|rivaroxaban|apixaban|dabigatran|edoxaban|coumadin|acenocoumarol|phenprocoumon|antiplatelet|clopidogrel|prasugrel|ticagrelor|aspirin|acetylsalicylic|thrombolys|alteplase/i;
const INJECTED_STEROID_BEFORE = /\b(?:epidural|caudal|transforaminal|interlaminar|intrathecal|facet|perineural) (?:\w+ )?(?:injections?|infiltrations?|blocks?) (?:of|with|containing|using) (?:[\w-]+ ){0,5}?(?:and|plus|with|\+) (?:[\w-]+ |\w+-)?$/i;
/**
 * Rules 1.6.0: procedure roles. "lumbar puncture for spinal anaesthesia" is the spinal's own puncture (one procedure, the
 * spinal); "A spinal block was visualized using MRI", "a complete spinal block on myelography" is an imaging finding (the
 * spinal canal blocked), not an anaesthetic; "no neurological deficits were detected after catheter removal" names the
 * removal as the time of an examination that found nothing, not as a procedure a harm followed.
 */
const FOR_SPINAL_AFTER = /^\s+(?:for|of|to perform|to give) (?:the |a |an )?(?:subarachnoid |spinal |intrathecal )(?:an(?:a)?esthe\w*|an(?:a)?lgesia|block(?:ade)?)\b/i;
const IMAGING_FINDING_AFTER = /^\s+(?:was|were) (?:\w+ )?(?:visuali[sz]ed|demonstrated|seen|shown|detected|confirmed|identified) (?:\w+ )?(?:on|using|by|with|at|in) (?:\w+ )?(?:MRI|magnetic|myelograph\w*|CT|computed|imaging|scans?)\b|^\s+(?:on|at) (?:\w+ )?(?:MRI|myelograph\w*|CT)\b/i;
const NEGATED_CHECK_BEFORE = /\b(?:no|without) (?:[\w-]+ ){0,4}?(?:was |were )?(?:detected|seen|noted|observed|found|present|evident|occurred) (?:immediately |directly )?after\s+(?:the\s+)?(?:epidural\s+)?$/i;
const SITE_OF_FINDING_AFTER = /^[\s-]*(?:hematomas?|haematomas?|hemorrhages?|haemorrhages?|bleeding|abscess(?:es)?|space|fat|venous plexus|veins?|collections?|empyema)\b/i;
const REPEAT_WORDS: Record<string, number> = { repeat: 2, repeated: 2, another: 2, subsequent: 2 };

/**
 * Terms that a procedure and a treatment share (the epidural blood patch: done as the index procedure
 * of a complication, or given as treatment of a headache). The record decides the role once: a
 * procedure when the text says something followed it ("after an epidural blood patch"), else a
 * treatment.
 */
export function sharedRoleUis(matcher: VocabularyMatcher, entries: VocabularyEntry[]): Set<string> {
  const uis = new Set<string>();
  for (const e of entries) {
    if (e.kind === TermKind.TREATMENT && e.meshUi && matcher.byMeshUi(e.meshUi).some((x) => x.kind === TermKind.PROCEDURE)) uis.add(e.meshUi);
  }
  return uis;
}

const uiMemo = new WeakMap<VocabularyEntry, string | null>();

/** The MeSH UI of a term or of its nearest ancestor that has one (memoised per entry). */
function uiOf(matcher: VocabularyMatcher, e: VocabularyEntry): string | null {
  if (e.meshUi) return e.meshUi;
  const memo = uiMemo.get(e);
  if (memo !== undefined) return memo;
  const ui = ancestorUi(matcher, e);
  uiMemo.set(e, ui);
  return ui;
}

function ancestorUi(matcher: VocabularyMatcher, e: VocabularyEntry): string | null {
  for (const k of matcher.ancestors(e.kind, e.key)) {
    const a = matcher.byKey(e.kind, k);
    if (a?.meshUi) return a.meshUi;
  }
  return null;
}

export interface CollectOptions {
  matcher: VocabularyMatcher;
  sharedUis: Set<string>;
  recordText: string;
  /** Spinal minus cranial cue words in the whole record, computed on first use. */
  recordSiteBalance?: number;
  /** The clause wordings whose hint the record holds, computed on first use. */
  clauseWordings?: { kind: TermKind; key: string; hint: RegExp; re: RegExp }[];
}

/** Whether the record presents the shared term as the index procedure. */
export function procedureRole(sentences: SentenceContext[], opts: CollectOptions): boolean {
  for (const ctx of sentences) {
    if (ctx.generic) continue;
    for (const m of ctx.matches) {
      const shared = m.entries.some((e) => {
        const ui = uiOf(opts.matcher, e);
        return ui !== null && opts.sharedUis.has(ui);
      });
      if (!shared) continue;
      if (spanFlags(ctx.flags, m.tokenFrom, m.tokenTo) & (NEGATED | HYPOTHETICAL)) continue;
      for (let k = m.tokenFrom - 1; k >= 0 && k >= m.tokenFrom - 6; k--) {
        const w = ctx.tokens[k].norm;
        // Rules 1.5.0: "the headache persisted after EBP": a treatment that failed, not the procedure a harm followed.
        if (AFTER_WORDS.has(w)) {
          if (k > 0 && PERSISTED_BEFORE.has(ctx.tokens[k - 1].norm)) break;
          // Rules 1.13.0: "Symptoms due to epidural abscess disappeared soon after laminotomy", "partial recovery of neurologic
          // function within the first 24 hours after decompressive laminectomy": what came before it was a relief.
          if (reliefBefore(ctx.fieldText.slice(Math.max(ctx.sentence.start, ctx.tokens[k].start - 90), ctx.tokens[k].start))) break;
          // Rules 1.6.0: "A few hours after the epidural blood patch, the parturient was symptom free": what followed it was a relief.
          if (reliefFollows(ctx.fieldText.slice(m.end, Math.min(m.end + 90, ctx.sentence.end)))) break;
          return true;
        }
        if (!FILLER.has(w) && parseOrdinal(w) === null) break;
      }
      if (followedByHarm(ctx.fieldText.slice(m.end, Math.min(m.end + 120, ctx.sentence.end)))) return true;
    }
  }
  return false;
}

/**
 * "sequential EBPs that resulted in delayed radicular pain", "another AEBP at L2-3, after which she
 * reported radicular pains", "Repeat epidural blood patch ... and its neurologic complications": what
 * followed the procedure is a harm, so the procedure is the index procedure. Not when what followed is
 * a relief ("resulted in complete resolution").
 */
const CONSEQUENCE = /^[^.;]{0,40}?\b(?:after which|that resulted in|which resulted in|resulting in|complicated by|followed by|and its (?:\w+ )?complications?|which caused|that caused|causing|which led to|that led to|leading to)\b([^.;]{0,60})/i;
const RELIEF = /\b(?:resol\w*|reliev\w*|relief|improv\w*|recover\w*|success\w*|cure\w*|disappear\w*|abat\w*|complete|cessation|remission)\b/i;

const RELIEF_AFTER = /\b(?:symptoms? ?-?free|pain[- ]free|headache[- ]free|asymptomatic|free of (?:symptoms|pain|headache)|(?:headache|symptoms|pain) (?:resolved|disappeared|subsided|improved)|(?:complete|full|immediate|prompt) (?:\w+ )?(?:relief|resolution|recovery))\b/i;
const HARM_AFTER = /\b(?:developed|complain\w*|onset|new|worse\w*|radicular|weakness|numbness|paraesthes\w*|paresthes\w*|back pain|fever|deteriorat\w*)\b/i;
/** The clause after a procedure tells a relief and no new complaint ("after the blood patch, she was symptom free"). */
function reliefFollows(after: string): boolean {
  return RELIEF_AFTER.test(after) && !HARM_AFTER.test(after);
}

/** Rules 1.13.0: the clause before "after <procedure>" ends in a relief told within a few words ("disappeared soon after"). */
const RELIEF_BEFORE = /\b(?:resolved|disappeared|subsided|abated|improved|recovered|recovery|relieved|relief)\b(?:[ ,]+[\w-]+){0,7}[ ,]*$/i;
function reliefBefore(before: string): boolean {
  const cut = Math.max(before.lastIndexOf(';'), before.lastIndexOf(':'), before.lastIndexOf(' but '));
  return RELIEF_BEFORE.test(cut >= 0 ? before.slice(cut + 1) : before) && !HARM_AFTER.test(before);
}

function followedByHarm(after: string): boolean {
  const m = CONSEQUENCE.exec(after);
  return m !== null && !RELIEF.test(m[1]);
}

/** "Serial imaging studies revealed ...": imaging that tells a finding is diagnosis, not the treatment "observation". */
const DIAGNOSTIC_AFTER = /^\s?(?:\w+ )?(?:studies |study |scans? |examinations? )?(?:revealed|showed|demonstrated|confirmed|disclosed|identified)\b/i;

/**
 * "epidural anesthesia was performed to treat her low back pain", "underwent a nerve root block for low
 * back pain and radiating pain": the indication of a block or injection, present before the index
 * procedure, is no symptom of the complication. Not for a diagnostic puncture ("for the study of ...
 * headache": the presenting symptoms) nor for a blood patch (its headache is the complication's).
 */
const INDICATION_BEFORE = /\b(?:block|blockade|injections?|infiltration|an(?:a)?esthesia|analgesia)\b(?:\s*\([^)]{1,12}\))?[^.;()]{0,40}?\b(?:to treat|to relieve|for the treatment of|for the management of|for)\s+((?:[\w-]+,?\s+){0,7})$/i;
const INDICATION_NOT = /\b(?:study|evaluation|investigation|diagnos\w*|assessment|work-?up|suspected|exclusion|surgery|section|delivery|labou?r|repair|fracture|arthroplasty|operation|patch)\b/i;
function isIndication(ctx: SentenceContext, start: number): boolean {
  const before = ctx.fieldText.slice(Math.max(ctx.sentence.start, start - 140), start);
  const m = INDICATION_BEFORE.exec(before);
  return m !== null && !INDICATION_NOT.test(m[1]) && !/\bblood patch\b/i.test(before.slice(m.index, m.index + 30));
}

/** The nearest clear site word within the four words before a mention, inside its clause ("acute cranial intraventricular hematoma and subarachnoid hemorrhage"). */
const NEAR_SITE = /\b(spinal|spine|lumbar|thoracic|sacral|intracranial|cranial|cerebral|intraventricular|brain)\b(?:[ -]+[\w-]+){0,4}?[ -]*$/i;
function nearSite(ctx: SentenceContext, start: number): 'spinal' | 'cranial' | null {
  const before = ctx.fieldText.slice(Math.max(ctx.sentence.start, start - 60), start);
  const clause = before.slice(Math.max(before.lastIndexOf(','), before.lastIndexOf(';'), before.lastIndexOf('(')) + 1);
  const m = NEAR_SITE.exec(clause.replace(PROCEDURE_NAMES, ' '));
  if (!m) return null;
  return /^(?:spinal|spine|lumbar|thoracic|sacral)$/i.test(m[1]) ? 'spinal' : 'cranial';
}

/** "a chronic right frontoparietal subdural hematoma": the age of the collection said before its site words. */
const AGE_BEFORE = /\b(chronic|acute)\b,?(?:\s+(?:right|left|bilateral|bilaterally|frontal|parietal|temporal|occipital|fronto-?\w+|hemispheric|convexity|holo-?hemispheric|large|small|thin|massive|extensive|sided|right-sided|left-sided|and|,)){1,4}\s*$/i;
const AGED_KEYS: Record<string, Record<string, string>> = {
  'intracranial-subdural-hematoma': { chronic: 'chronic-intracranial-subdural-hematoma', acute: 'acute-intracranial-subdural-hematoma' },
};

/** "acute-on-chronic", "subacute to chronic", "subacute": a collection of mixed or intermediate age is the plain key. */
const MIXED_AGE = /\b(?:sub-?acute|acute)(?:[- ](?:on|to)[- ]|\s*(?:\/|and|or)\s*)(?:sub-?acute|chronic)\b|\bsub-?acute\b(?!\s+(?:to|on|and|or)\b)/i;
const MIXED_AGE_KEYS: Record<string, string> = {
  'chronic-intracranial-subdural-hematoma': 'intracranial-subdural-hematoma',
  'acute-intracranial-subdural-hematoma': 'intracranial-subdural-hematoma',
};

/**
 * A specialising cue of the sentence counts only where it is asserted: "a case of meningitis ..., the
 * clinical picture was suggestive of bacterial meningitis" keeps the plain meningitis (rules 1.4.0).
 */
const GLOBAL_CUES = new Map<RegExp, RegExp>();
function assertedCue(cue: RegExp, ctx: SentenceContext): boolean {
  if (!cue.test(ctx.sentence.text)) return false;
  let re = GLOBAL_CUES.get(cue);
  if (!re) GLOBAL_CUES.set(cue, (re = new RegExp(cue.source, cue.flags.includes('g') ? cue.flags : cue.flags + 'g')));
  re.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(ctx.sentence.text)) !== null) {
    if (m[0].length === 0) {
      re.lastIndex++;
      continue;
    }
    if (!(flagsAt(ctx, ctx.sentence.start + m.index) & (NEGATED | HYPOTHETICAL))) return true;
  }
  return false;
}

/** "Patient medications included prednisone, ibuprofen ...": the medication list of the history, not a treatment of the episode. */
const MEDICATION_LIST = /\b(?:(?:home|current|regular|usual|daily|outpatient|chronic|long-term) medications?|medications? (?:included|include|consisted of|were)|medication list|(?:was|were) taking)\b/i;
/**
 * "a median laparotomy under general and epidural anaesthesia": the operation a neuraxial or regional anaesthesia was
 * given for (the index operation), not a treatment. Only neuraxial or regional: the treatment of the complication is
 * itself often told "under general anaesthesia" ("decompressive laminectomy under general anesthesia").
 */
const UNDER_ANAESTHESIA_AFTER = /^[^.;]{0,30}?\bunder (?:general (?:and|with|plus|combined with) )?(?:spinal|epidural|combined|regional|neuraxial|caudal|subarachnoid|intrathecal)\b/i;
/** "at catheter removal, CSF was noted", "within 3 days of epidural catheter removal": a point in time, not the index procedure. */
const REMOVAL_AS_TIME_BEFORE = /\b(?:at|within \w+ \w+ of|within \w+ of)\s+(?:the\s+(?:time\s+of\s+)?)?$/i;

/** Rules 1.8.0: a drug named as what a procedure delivers (see collectMentions). */
/** Rules 1.12.0: a steroid mixed into a block's injectate ("levobupivacaine 0.25% + dexamethasone", "TFESI with non-particulate steroid"). */
const INJECTATE_BEFORE = /\b(?:(?:levo)?bupivacaine|ropivacaine|lidocaine|lignocaine|mepivacaine|chloroprocaine|prilocaine|TFESIs?|ESIs?|injections?|infiltrations?|blocks?)\b[^;]{0,30}?(?:\+|\band\b|\bwith\b|\bplus\b|\bcontaining\b|\bof\b) (?:[\w-]+ ){0,2}$/i;
const STEROID_INJECTION_AFTER = /^[\s-]*injections?\b/i;
const DELIVERED_BY_PROCEDURE_AFTER = /^[\s-]*(?:(?:pain|infusion|drug) )?(?:pumps?|infusion (?:pumps?|therapy|system)|epidural (?:injections?|infiltrations?)|(?:injections?|infiltrations?) (?:into|in) the epidural)\b/i;
const NEURAXIAL_ROUTE_BEFORE = /\b(?:intrathecal|epidural|spinal|neuraxial|caudal|subarachnoid|intraspinal)(?: (?:bolus|dose|doses|administration|injection) of)? (?:\w+ )?$/i;
/** Rules 1.13.0: see the motor deficit rule in collectMentions. */
const PARALYSIS_WORD = /paraly|pares|palsy/i;
const NON_LIMB = /\b(?:vocal|phrenic|diaphragm\w*|hemidiaphragm\w*|facial|laryngeal|ocular|oculomotor|abducens|trochlear|gaze|tongue|palat\w*|pharyn\w*)\b/i;
/** Rules 1.10.0: see the leg-weakness rule in collectMentions. */
const WEAKNESS_SURFACE = /weak|deficit|paresis|impairment|movement/i;
const LEG_WORDS = /\b(?:lower (?:limbs?|extremit(?:y|ies))|legs?|quadriceps|thighs?|hip flexion|hip flexors?|knee extension|ankle dorsiflexion|dorsiflexion)\b/i;
const ARM_WORDS = /\b(?:upper (?:limbs?|extremit(?:y|ies))|upper and lower|arms?|hands?|shoulders?|face|facial|all (?:four )?(?:limbs|extremities))\b/i;
/** Rules 1.10.0: the operation something was given or scheduled for (see collectMentions). */
const INDEX_SURGERY_BEFORE = /\b(?:an(?:a)?esthe\w*|analgesia|blocks?|blockade|ESPB)\b[^.;]{0,50}?\bfor (?:an? |the |elective |emergency |her |his |urgent )?(?:[\w-]+ ){0,2}$/i;
/** Rules 1.11.0: "was scheduled for surgical removal of a tumor of the hand": the index operation, when the sentence names no complication ("scheduled for a laminectomy and evacuation of the hematoma" is the treatment). */
const SCHEDULED_FOR_BEFORE = /\b(?:scheduled|planned|booked|listed|posted) (?:\w+ )?for (?:an? |the |elective |her |his )?(?:[\w-]+ ){0,2}$/i;
const EPIDURAL_KEY = 'epidural-anesthesia';
// Rules 1.8.0: "had labour induced", "labouring".
const LABOUR_BEFORE = /\b(?:in (?:active |spontaneous |early )?labou?r|labou?r (?:started|began|was induced|induced)|labou?ring|started (?:spontaneous )?(?:term )?labou?r|induction of labou?r|dilatation|dilation)\b/i;
const CAESAREAN = /\b(?:c(?:a)?esarean|C-section|LSCS|section)\b/i;

/** Asserted vocabulary mentions in the given sentences, with roles and sites resolved. */
export function collectMentions(sentences: SentenceContext[], opts: CollectOptions, asProcedure: boolean): TermMention[] {
  const out: TermMention[] = [];
  let previous: SentenceContext | null = null;
  for (const ctx of sentences) {
    const before = previous;
    previous = ctx;
    if (ctx.generic) continue;
    for (const m of ctx.matches) {
      const flags = spanFlags(ctx.flags, m.tokenFrom, m.tokenTo);
      if (flags & (NEGATED | HYPOTHETICAL)) continue;
      // "Glasgow coma scale", "pain score": the name of a measure, not a finding.
      if (INSTRUMENT_AFTER.test(ctx.fieldText.slice(m.end, m.end + 14))) continue;
      const surface = ctx.fieldText.slice(m.start, m.end);
      // Pick one entry per match: the role-resolved one for shared terms, else each kind found.
      let chosen: VocabularyEntry[] = m.entries;
      const sharedUi = m.entries.map((e) => uiOf(opts.matcher, e)).find((ui) => ui !== null && opts.sharedUis.has(ui));
      let attempt: number | null = null;
      if (sharedUi) {
        const wantKind = asProcedure ? TermKind.PROCEDURE : TermKind.TREATMENT;
        const own = m.entries.find((e) => e.kind === wantKind);
        const proc = opts.matcher.byMeshUi(sharedUi).find((e) => e.kind === wantKind);
        chosen = own ? [own] : proc ? [proc] : m.entries.slice(0, 1);
        for (let k = Math.max(0, m.tokenFrom - 3); k < m.tokenFrom; k++) {
          const n = parseOrdinal(ctx.tokens[k].norm) ?? REPEAT_WORDS[ctx.tokens[k].norm] ?? null;
          if (n !== null && n <= 10) attempt = n;
        }
        if (asProcedure && chosen[0].kind === TermKind.PROCEDURE && /second|repeat/i.test(surface)) attempt = attempt ?? 2;
      }
      for (const e of chosen) {
        if (e.kind === TermKind.TREATMENT && e.key === 'observation' && DIAGNOSTIC_AFTER.test(ctx.fieldText.slice(m.end, m.end + 40))) continue;
        // "removal of the catheter" is the epidural one only in a record about an epidural (not a femoral nerve catheter).
        if (e.key === 'epidural-catheter-removal' && !/epidural/i.test(surface) && !/epidural/i.test(opts.recordText)) continue;
        if (e.kind === TermKind.SYMPTOM && isIndication(ctx, m.start)) continue;
        // Rules 1.13.0: the paralysis of a nerve or muscle that moves no limb ("vocal fold paralysis", "paresis of both the
        // ipsilateral vocal cord and hemidiaphragm", "paralysis of the left-sided facial muscles", "phrenic nerve palsy or
        // paralysis") is no motor deficit: no label of the studied splits reads one so.
        if (e.kind === TermKind.SYMPTOM && e.key === 'motor-deficit' && PARALYSIS_WORD.test(surface) && NON_LIMB.test(ctx.fieldText.slice(Math.max(ctx.sentence.start, m.start - 40), Math.min(ctx.sentence.end, m.end + 45)))) continue;
        // Rules 1.4.0: role rules for treatments and the catheter removal.
        // Rules 1.10.0: the operation a block or an anaesthetic was given for is the index surgery, not a treatment ("the ESPB
        // performed intraoperatively for an L2-L5 laminectomy", "spinal anaesthesia for decompressive laminectomy").
        // The words just before a treatment, read by the role rules below (the operation it was given for, the injectate).
        const justBefore = e.kind === TermKind.TREATMENT ? ctx.fieldText.slice(Math.max(ctx.sentence.start, m.start - 60), m.start) : '';
        if (e.kind === TermKind.TREATMENT && INDEX_SURGERY_BEFORE.test(justBefore)) continue;
        if (e.kind === TermKind.TREATMENT && SCHEDULED_FOR_BEFORE.test(justBefore) && !ctx.matches.some((o) => o.entries.some((x) => x.kind === TermKind.COMPLICATION))) continue;
        if (e.kind === TermKind.TREATMENT) {
          const before = ctx.fieldText.slice(ctx.sentence.start, m.start);
          if (MEDICATION_LIST.test(before)) continue;
          if (UNDER_ANAESTHESIA_AFTER.test(ctx.fieldText.slice(m.end, Math.min(ctx.sentence.end, m.end + 60)))) continue;
          // "a vitamin K antagonist" is an anticoagulant, not its reversal.
          if (e.key === 'anticoagulation-reversal' && /^[\s-]*antagonists?\b/i.test(ctx.fieldText.slice(m.end, m.end + 14))) continue;
          // Rules 1.5.0: platelets or plasma given for a low count or a coagulopathy reverse no anticoagulant: the curated term
          // "Stopping or reversing anticoagulation" needs a drug to reverse in the record.
          if (e.key === 'anticoagulation-reversal' && BLOOD_PRODUCT.test(surface) && !ANTITHROMBOTIC_DRUG.test(opts.recordText)) continue;
          // Rules 1.5.0: "epidural injections of local anesthetic and steroids": the steroid of the injection is no treatment.
          if (e.key === 'corticosteroids' && INJECTED_STEROID_BEFORE.test(ctx.fieldText.slice(Math.max(ctx.sentence.start, m.start - 80), m.start))) continue;
          // Rules 1.8.0: the drug a procedure delivers is part of that procedure, not a treatment of what followed: "steroid
          // epidural injections", "intrathecal morphine", "a morphine pain pump", "intrathecal analgesic infusion therapy".
          if ((e.key === 'corticosteroids' || e.key === 'analgesics') && DELIVERED_BY_PROCEDURE_AFTER.test(ctx.fieldText.slice(m.end, Math.min(ctx.sentence.end, m.end + 30)))) continue;
          if (e.key === 'analgesics' && NEURAXIAL_ROUTE_BEFORE.test(ctx.fieldText.slice(Math.max(ctx.sentence.start, m.start - 30), m.start))) continue;
          if (e.key === 'corticosteroids' && INJECTATE_BEFORE.test(justBefore)) continue;
          // Rules 1.13.0: "Hiccups Associated with Steroid Injection", "Spinal Epidural Abscess After Corticosteroid Injections": the
          // steroid injection is the procedure the harm followed (no label of the studied splits reads a treatment in it).
          if (e.key === 'corticosteroids' && STEROID_INJECTION_AFTER.test(ctx.fieldText.slice(m.end, Math.min(ctx.sentence.end, m.end + 14)))) continue;
        }
        // Rules 1.5.0: "an acute thoracic epidural hematoma": the site of a finding, not a procedure.
        if (e.kind === TermKind.PROCEDURE && SITE_OF_FINDING_AFTER.test(ctx.fieldText.slice(m.end, m.end + 16))) continue;
        // "Combined spinal-epidural anesthesia was performed for labor analgesia": the purpose of the procedure named before it.
        if (e.key === 'labour-epidural-analgesia' && /\bfor\s+$/i.test(ctx.fieldText.slice(Math.max(ctx.sentence.start, m.start - 5), m.start)) && ctx.matches.some((o) => o !== m && o.end <= m.start && o.entries.some((x) => x.kind === TermKind.PROCEDURE))) continue;
        if (e.key === 'epidural-catheter-removal' && REMOVAL_AS_TIME_BEFORE.test(ctx.fieldText.slice(Math.max(ctx.sentence.start, m.start - 30), m.start))) continue;
        // Rules 1.6.0: procedure roles (see the comment above FOR_SPINAL_AFTER).
        if (e.key === 'epidural-catheter-removal' && NEGATED_CHECK_BEFORE.test(ctx.fieldText.slice(Math.max(ctx.sentence.start, m.start - 90), m.start))) continue;
        if (e.kind === TermKind.PROCEDURE && (e.key === 'lumbar-puncture' || e.key === 'dural-puncture') && FOR_SPINAL_AFTER.test(ctx.fieldText.slice(m.end, Math.min(ctx.sentence.end, m.end + 50)))) continue;
        if (e.kind === TermKind.PROCEDURE && e.key === 'spinal-anesthesia' && /block/i.test(surface) && IMAGING_FINDING_AFTER.test(ctx.fieldText.slice(m.end, Math.min(ctx.sentence.end, m.end + 70)))) continue;
        // "history of" keeps a complication or symptom out of the current episode; comorbidities are
        // history by nature, and a procedure "five days previously" belongs to the episode.
        if (flags & HISTORICAL && (e.kind === TermKind.COMPLICATION || e.kind === TermKind.SYMPTOM)) continue;
        let key = e.key;
        let kind = e.kind;
        // Rules 1.10.0: "spinal epidural block" without a hyphen is an epidural of the spine, not the combined technique
        // ("spinal-epidural anaesthesia", "combined spinal epidural").
        if (key === 'combined-spinal-epidural' && /^spinal\s+epidural\b/i.test(surface) && opts.matcher.byKey(kind, EPIDURAL_KEY)) key = EPIDURAL_KEY;
        // "the patient's previous L4-L5 lumbar decompression/fusion": an operation of the past is history,
        // not a treatment of this episode; on the spine it is the comorbidity "previous spine surgery".
        if (flags & HISTORICAL && e.kind === TermKind.TREATMENT && isSurgery(opts.matcher, e)) {
          if (!SPINE_WORDS.test(ctx.sentence.text) || !opts.matcher.byKey(TermKind.COMORBIDITY, 'previous-spine-surgery')) continue;
          kind = TermKind.COMORBIDITY;
          key = 'previous-spine-surgery';
        }
        const swap = SITE_SWAP[key];
        if (swap && !SITE_WORDS.test(surface) && opts.matcher.byKey(e.kind, swap.other)) {
          const site = nearSite(ctx, m.start) ?? siteOf(ctx.sentence.text, opts);
          if (site && site !== swap.defaultSite) key = swap.other;
        }
        const aged = AGED_KEYS[key];
        if (aged) {
          const a = AGE_BEFORE.exec(ctx.fieldText.slice(Math.max(ctx.sentence.start, m.start - 80), m.start));
          const agedKey = a ? aged[a[1].toLowerCase()] : undefined;
          if (agedKey && opts.matcher.byKey(e.kind, agedKey)) key = agedKey;
        }
        // Rules 1.4.0: "A second EBP was required", "another blood patch": a blood patch given as a treatment for the second
        // time is the repeat blood patch (as a procedure the attempts are kept apart instead).
        if (kind === TermKind.TREATMENT && key === 'therapeutic-epidural-blood-patch' && attempt !== null && attempt >= 2 && opts.matcher.byKey(kind, 'repeat-epidural-blood-patch')) key = 'repeat-epidural-blood-patch';
        // Rules 1.4.0: "acute-on-chronic", "subacute to chronic": neither age, the plain key.
        if (MIXED_AGE_KEYS[key] && MIXED_AGE.test(ctx.fieldText.slice(Math.max(ctx.sentence.start, m.start - 40), m.end)) && opts.matcher.byKey(e.kind, MIXED_AGE_KEYS[key])) key = MIXED_AGE_KEYS[key];
        // Rules 1.4.0: "She presented in labor at 32 weeks. After multiple epidural attempts, ...": the labour said in the
        // sentence before (of the same field) makes an epidural told without a caesarean a labour epidural.
        if (key === EPIDURAL_KEY && before && before.field === ctx.field && LABOUR_BEFORE.test(before.sentence.text) && !CAESAREAN.test(ctx.sentence.text) && opts.matcher.byKey(e.kind, 'labour-epidural-analgesia')) key = 'labour-epidural-analgesia';
        // Rules 1.5.0: "a labouring woman underwent a caesarean section under epidural anaesthesia": the anaesthesia of the
        // operation is no labour epidural, whatever the sentence says of the labour.
        const forCaesarean = key === EPIDURAL_KEY && caesareanAnaesthesia(ctx, m.start, m.end);
        for (const special of SPECIALISE[key] ?? []) {
          if (forCaesarean && special.key === 'labour-epidural-analgesia') continue;
          if (assertedCue(special.cue, ctx) && opts.matcher.byKey(e.kind, special.key)) {
            key = special.key;
            break;
          }
        }
        // Rules 1.10.0: weakness said of the legs in its clause ("weakness predominantly involving the right lower limb", "a
        // lower limb motor deficit", "motor weakness and a sensorial deficit in both legs") is the leg weakness; not when an arm
        // is named there too.
        if (key === 'motor-deficit' && WEAKNESS_SURFACE.test(surface) && opts.matcher.byKey(kind, 'leg-weakness')) {
          const around = ctx.fieldText.slice(Math.max(ctx.sentence.start, m.start - 60), Math.min(ctx.sentence.end, m.end + 60));
          if (LEG_WORDS.test(around) && !ARM_WORDS.test(around)) key = 'leg-weakness';
        }
        const confidence = ctx.field === 'title' ? 0.8 : 0.75;
        const keys = [key];
        // "epi-subdural haematoma": one wording, a haematoma in both spaces.
        if (key === 'spinal-epidural-hematoma' && BOTH_SPACES.test(surface) && opts.matcher.byKey(e.kind, 'spinal-subdural-hematoma')) keys.push('spinal-subdural-hematoma');
        for (const k of keys)
          out.push({
            kind,
            key: k,
            evidence: evidenceOf(ctx.field, ctx.fieldText, m.start, m.end, ctx.sentence, 'TEXT_RULE', confidence),
            ctx,
            order: (ctx.field === 'abstract' ? 0 : 1e9) + m.start,
            attempt,
          });
      }
    }
  }
  return out;
}

const EVACUATED = /\b(?:hematoma|haematoma|SDH|SEH|clot|collection)s?\b[^.;]{0,60}?\b(?:was|were) (?:successfully |surgically |urgently |emergently )?(?:drained|evacuated|removed)\b|\b(?:drainage|evacuation) of (?:the |a |an |her |his )?(?:\w+ ){0,3}(?:hematoma|haematoma|SDH)s?\b/gi;

/** "the haematoma was drained", "evacuation of the subdural hematoma": a hematoma evacuation (site chosen later). */
export function evacuationMentions(sentences: SentenceContext[], opts: CollectOptions): TermMention[] {
  const out: TermMention[] = [];
  if (!opts.matcher.byKey(TermKind.TREATMENT, 'hematoma-evacuation')) return out;
  for (const ctx of sentences) {
    if (ctx.generic) continue;
    EVACUATED.lastIndex = 0;
    const m = EVACUATED.exec(ctx.sentence.text);
    if (!m) continue;
    const start = ctx.sentence.start + m.index;
    out.push({ kind: TermKind.TREATMENT, key: 'hematoma-evacuation', evidence: evidenceOf(ctx.field, ctx.fieldText, start, start + m[0].length, ctx.sentence, 'TEXT_RULE', 0.7), ctx, order: (ctx.field === 'abstract' ? 0 : 1e9) + start, attempt: null });
  }
  return out;
}

/**
 * Clause wordings of a term that no noun phrase of the vocabulary covers ("the dura was inadvertently
 * punctured"). Each is asserted like a vocabulary match: not in background sentences, not inside a
 * negated or hypothetical scope. An adverb of accident is required: a dura punctured on purpose
 * (needle-through-needle spinal) is not an accidental dural puncture.
 */
const ACCIDENT = '(?:inadvertently|accidentally|unintentionally|unintendedly|inadvertantly|unexpectedly)';
const CLAUSE_WORDINGS: { kind: TermKind; key: string; hint: RegExp; recordHint?: RegExp; re: RegExp }[] = [
  {
    kind: TermKind.PROCEDURE,
    key: 'accidental-dural-puncture',
    hint: /dura\b/i,
    re: new RegExp(
      `\\bdura(?: mater)? (?:was|were|had been|got) (?:\\w+ )?${ACCIDENT} (?:punctured|perforated|breached|pierced|entered)\\b|\\b${ACCIDENT} (?:punctured|perforated|breached|pierced|entered) (?:the|her|his) dura\\b|\\b(?:accidental|inadvertent|unintentional|unintended) (?:puncture|perforation|breach) of the dura\\b`,
      'i',
    ),
  },
  {
    // "the epidural catheter had been withdrawn inadvertently", "We immediately removed the epidural catheter".
    kind: TermKind.PROCEDURE,
    key: 'epidural-catheter-removal',
    hint: /epidural catheter/i,
    re: /\bepidural catheter (?:was|were|had been|had|got) (?:\w+ )?(?:withdrawn|removed|pulled out|dislodged)\b|\b(?:removed|withdrew|pulled out|pulled) (?:the|her|his) epidural catheter\b/i,
  },
  {
    // Rules 1.4.0: the curated term is "Stopping or reversing anticoagulation": "the anticoagulant is suspended for 24 hrs",
    // "warfarin was discontinued", "discontinuation of rivaroxaban". Not a stop planned before the procedure ("discontinued
    // 7 days before operation"): that is the management of the exposure, not a treatment of the complication.
    kind: TermKind.TREATMENT,
    key: 'anticoagulation-reversal',
    // The hint is the rarer half (the stop), so that most records and sentences skip the wording at once.
    hint: /\b(?:stopped|discontinu|suspended|withheld|held\b|interrupt|ceased|cessation|withdrawal)/i,
    recordHint: /anticoag|warfarin|heparin|enoxaparin|rivaroxaban|apixaban|dabigatran|edoxaban|coumadin|acenocoumarol|antiplatelet|clopidogrel/i,
    re: /\b(?:(?:the |her |his )?(?:anticoagulants?|anticoagulation|anticoagulant therapy|warfarin|heparin|enoxaparin|rivaroxaban|apixaban|dabigatran|edoxaban|coumadin|acenocoumarol|antiplatelet (?:therapy|drugs?|agents?)|clopidogrel)) (?:was|were|is|are|had been) (?:\w+ )?(?:stopped|discontinued|suspended|withheld|held|interrupted|ceased)\b(?! (?:\w+ ){0,3}(?:before|prior to) )|\b(?:discontinuation|cessation|withdrawal|interruption) of (?:the |her |his )?(?:anticoagulants?|anticoagulation|anticoagulant therapy|warfarin|heparin|enoxaparin|rivaroxaban|apixaban|dabigatran|edoxaban|coumadin|acenocoumarol)\b(?! (?:\w+ ){0,3}(?:before|prior to) )/i,
  },
  {
    // Rules 1.5.0: a culture-positive CSF in a record about meningitis is bacterial meningitis ("Streptococci were isolated
    // from the CSF", "Cerebrospinal cultures grew S. salivarius"). "cultures were negative/sterile" does not match.
    kind: TermKind.COMPLICATION,
    key: 'bacterial-meningitis',
    hint: /\b(?:CSF|cerebrospinal)\b/i,
    recordHint: /mening/i,
    re: /\b(?:CSF|cerebrospinal(?: fluid)?) cultures? (?:grew|yielded|(?:was|were) positive for)\b|\b(?:streptococc|staphylococc|enterococc|pneumococc|meningococc|pseudomonas|klebsiella|escherichia|bacteri|organism|pathogen)\w*(?: [\w.]+){0,3}? (?:was|were) (?:isolated|cultured|grown|recovered) (?:from|in) (?:the )?(?:CSF|cerebrospinal fluid)\b/i,
  },
];

export function clauseMentions(sentences: SentenceContext[], opts: CollectOptions): TermMention[] {
  const out: TermMention[] = [];
  // Once per record: most records name neither the dura nor a catheter.
  opts.clauseWordings = opts.clauseWordings ?? CLAUSE_WORDINGS.filter((w) => w.hint.test(opts.recordText) && (!w.recordHint || w.recordHint.test(opts.recordText)) && opts.matcher.byKey(w.kind, w.key));
  const wordings = opts.clauseWordings;
  if (wordings.length === 0) return out;
  for (const ctx of sentences) {
    if (ctx.generic) continue;
    const text = ctx.sentence.text;
    for (const w of wordings) {
      if (!w.hint.test(text)) continue;
      const m = w.re.exec(text);
      if (!m) continue;
      const start = ctx.sentence.start + m.index;
      let flags = 0;
      for (let k = 0; k < ctx.tokens.length; k++) if (ctx.tokens[k].start >= start && ctx.tokens[k].end <= start + m[0].length) flags |= ctx.flags[k];
      if (flags & (NEGATED | HYPOTHETICAL)) continue;
      out.push({ kind: w.kind, key: w.key, evidence: evidenceOf(ctx.field, ctx.fieldText, start, start + m[0].length, ctx.sentence, 'TEXT_RULE', 0.7), ctx, order: (ctx.field === 'abstract' ? 0 : 1e9) + start, attempt: null });
    }
  }
  return out;
}

/**
 * "a thoracic and lumbar subarachnoid and epidural hematoma": two spaces sharing one head noun name two
 * haematomas. Spinal or intracranial keys by the sentence's site (as the bare wordings).
 */
const COORDINATED_SPACES = /\b(epidural|subdural|subarachnoid|intrathecal)\s*(?:and|or|\/|,)\s*(?:an? |the )?(epidural|subdural|subarachnoid|intrathecal)\s+(?:ha?ematomas?|ha?emorrhages?|bleeding)\b/gi;
/** "Both cases bled into the subarachnoid space and subdural space": bleeding told as a clause, one or two spaces. */
const BLED_INTO = /\b(?:bled|bleeding|hemorrhaged|haemorrhaged|hemorrhage|haemorrhage) into the (epidural|subdural|subarachnoid|intrathecal) spaces?(?:\s*(?:and|or|,)\s*(?:into )?(?:the )?(epidural|subdural|subarachnoid|intrathecal) spaces?)?/gi;
/**
 * Rules 1.6.0: a space word separated from its head noun by describing words ("an extradural extramedullary hyperintense
 * haematoma", "an epidural, mainly dorsal haematoma"): the haematoma of that space. Procedure words, other findings,
 * prepositions and participles between them ("epidural catheter-related hematoma", "subdural hygroma complicated by
 * hemorrhage") do not count.
 */
const SPACE_MODIFIED = /\b(epidural|extradural|subdural|subarachnoid|intrathecal),?\s+(?:(?!an(?:a)?esth|an(?:a)?lges|catheter|block|needle|injection|blood|patch|puncture|hygroma|collection|effusion|cyst|fluid|(?:and|or|by|with|of|in|to|from|after|[a-z-]*ed)\b)[a-z-]+,?\s+){1,3}?(?:ha?ematomas?|ha?emorrhages?)\b/gi;
const SPACE_HINT = /dural|arachnoid|thecal/i;
const BLEED_HINT = /a?ematoma|a?emorrhage/i;
const SPACE_KEYS: Record<'spinal' | 'cranial', Record<string, string>> = {
  spinal: { epidural: 'spinal-epidural-hematoma', extradural: 'spinal-epidural-hematoma', subdural: 'spinal-subdural-hematoma', subarachnoid: 'intrathecal-hematoma', intrathecal: 'intrathecal-hematoma' },
  cranial: { epidural: 'intracranial-epidural-hematoma', extradural: 'intracranial-epidural-hematoma', subdural: 'intracranial-subdural-hematoma', subarachnoid: 'subarachnoid-hemorrhage' },
};

export function coordinatedSpaceMentions(sentences: SentenceContext[], opts: CollectOptions): TermMention[] {
  const out: TermMention[] = [];
  for (const ctx of sentences) {
    if (ctx.generic) continue;
    const text = ctx.sentence.text;
    const coordinated = / and | or |\/|,/.test(text);
    // SPACE_MODIFIED only where a space word and a haematoma or haemorrhage word both occur (cheap tests first).
    const spaced = SPACE_HINT.test(text) && BLEED_HINT.test(text);
    for (const re of [COORDINATED_SPACES, BLED_INTO, SPACE_MODIFIED]) {
    if (re === SPACE_MODIFIED ? !spaced : !coordinated) continue;
    if (re === BLED_INTO && !/ into the /i.test(text)) continue;
    re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = re.exec(text)) !== null) {
      const start = ctx.sentence.start + m.index;
      let flags = 0;
      for (let k = 0; k < ctx.tokens.length; k++) if (ctx.tokens[k].start >= start && ctx.tokens[k].end <= start + m[0].length) flags |= ctx.flags[k];
      if (flags & (NEGATED | HYPOTHETICAL | HISTORICAL)) continue;
      const site = siteOf(text, opts) ?? 'spinal';
      for (const space of [m[1], m[2]]) {
        if (!space) continue;
        const key = SPACE_KEYS[site][space.toLowerCase()];
        if (!key || !opts.matcher.byKey(TermKind.COMPLICATION, key)) continue;
        out.push({ kind: TermKind.COMPLICATION, key, evidence: evidenceOf(ctx.field, ctx.fieldText, start, start + m[0].length, ctx.sentence, 'TEXT_RULE', 0.7), ctx, order: (ctx.field === 'abstract' ? 0 : 1e9) + start, attempt: null });
      }
    }
    }
  }
  return out;
}

/** "severe back and neck pain": two pains sharing one head noun; the first is read as "back pain". */
const SHARED_PAIN = /\b(back|neck|leg|low back|lower back|chest|abdominal|shoulder|buttock|arm|head)\s*(?:and|or|\/|,)\s*(?:back|neck|leg|legs|chest|abdominal|shoulder|buttock|arm|head)\s+pain\b/gi;

export function sharedHeadMentions(sentences: SentenceContext[], opts: CollectOptions): TermMention[] {
  const out: TermMention[] = [];
  for (const ctx of sentences) {
    if (ctx.generic) continue;
    const text = ctx.sentence.text;
    if (text.indexOf(' pain') < 0) continue;
    SHARED_PAIN.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = SHARED_PAIN.exec(text)) !== null) {
      const start = ctx.sentence.start + m.index;
      const end = start + m[1].length;
      const tokenFlags = ctx.tokens.reduce((f, t, k) => (t.start >= start && t.end <= end ? f | ctx.flags[k] : f), 0);
      if (tokenFlags & (NEGATED | HYPOTHETICAL | HISTORICAL)) continue;
      const found = opts.matcher.match(`${m[1]} pain`).matches.find((x) => x.start === 0 && x.entries.some((e) => e.kind === TermKind.SYMPTOM));
      const entry = found?.entries.find((e) => e.kind === TermKind.SYMPTOM && e.source !== 'mesh') ?? found?.entries.find((e) => e.kind === TermKind.SYMPTOM);
      if (!entry) continue;
      out.push({ kind: TermKind.SYMPTOM, key: entry.key, evidence: evidenceOf(ctx.field, ctx.fieldText, start, end, ctx.sentence, 'TEXT_RULE', 0.7), ctx, order: (ctx.field === 'abstract' ? 0 : 1e9) + start, attempt: null });
    }
  }
  return out;
}

/** Terms from MeSH headings: by descriptor UI, else by the heading's whole label. */
export function meshMentions(input: ExtractionInput, opts: CollectOptions, asProcedure: boolean): TermMention[] {
  const out: TermMention[] = [];
  for (const h of input.meshHeadings) {
    let entries: VocabularyEntry[] = h.descriptorUi ? opts.matcher.byMeshUi(h.descriptorUi) : [];
    if (entries.length === 0) {
      const { matches } = opts.matcher.match(h.label);
      if (matches.length === 1 && matches[0].start === 0 && matches[0].end === h.label.length) entries = matches[0].entries;
    }
    if (entries.length === 0) continue;
    const ui = h.descriptorUi ?? uiOf(opts.matcher, entries[0]);
    if (ui && opts.sharedUis.has(ui)) {
      const want = asProcedure ? TermKind.PROCEDURE : TermKind.TREATMENT;
      entries = entries.filter((e) => e.kind === want);
    }
    for (const e of entries) {
      out.push({ kind: e.kind, key: e.key, evidence: headingEvidence('mesh', h.label, 'MESH_MAPPING', h.majorTopic ? 0.65 : 0.55), ctx: null, order: 2e9, attempt: null });
    }
  }
  return out;
}

/**
 * Treatment categories that a report names as a fact of its own ("managed conservatively" and then
 * "analgesics"; a first and a repeat blood patch): not folded into their more specific children.
 */
const CATEGORY_TERMS = new Set(['conservative-management', 'therapeutic-epidural-blood-patch']);

/** Kinds whose terms nest findings that a report names apart ("a CSF leak" and "post-dural puncture headache"). */
const DISTINCT_FINDING_KINDS = new Set<TermKind>([TermKind.COMPLICATION]);
const NOT_HEAD_WORDS = new Set(['a', 'an', 'the', 'of', 'and', 'or', 'in', 'with', 'to', 'for', 'on', 'at', 'by']);

function splitKindKey(id: string): [TermKind, string] {
  const i = id.indexOf(':');
  return [id.slice(0, i) as TermKind, id.slice(i + 1)];
}

const contentWordsMemo = new Map<string, string[]>();

/** Normalised content words of a surface ("intracranial hematoma" -> intracranial, hematoma); memoised (surfaces repeat across records). */
/**
 * Rules 1.7.0: whether a short word (2 to 6 letters) abbreviates a wording: its letters appear in order in the wording's
 * words, its first letter begins a word and every word it uses begins at a letter of it ("sdh": "subdural hematoma"; "csdh":
 * "chronic subdural hematoma"). Linear in the wording's length.
 */
export function abbreviates(short: string, words: string[]): boolean {
  if (short.length < 2 || short.length > 6 || !/^[a-z]+$/.test(short)) return false;
  let i = 0;
  for (const w of words) {
    if (i >= short.length) break;
    if (w[0] !== short[i]) continue;
    i++;
    for (let j = 1; j < w.length && i < short.length; j++) if (w[j] === short[i]) i++;
  }
  return i === short.length;
}

function contentWords(text: string): string[] {
  const hit = contentWordsMemo.get(text);
  if (hit) return hit;
  const words = tokenize(text)
    .map((t) => t.norm)
    .filter((w) => !NOT_HEAD_WORDS.has(w));
  if (contentWordsMemo.size < 20_000 && text.length < 80) contentWordsMemo.set(text, words);
  return words;
}

/**
 * One term per fact: the first mention of each key, and a term dropped when a more specific term of
 * the same kind (a descendant) is also present ("hematoma" when "spinal epidural hematoma" is there).
 * Procedures keep repeated attempts apart. For complications the ancestor is dropped only when it
 * reads as another wording of the descendant: it shares a word with it ("intracranial hematoma" and
 * "subdural hematoma"), or one of the two comes only from a MeSH heading. An ancestor named in words
 * of its own is a finding of its own: "a right L1 to S2 radiculopathy" beside "cauda equina syndrome",
 * "a cerebrospinal leakage" on MRI beside "postdural puncture headache" (the labelled set's rule:
 * the most specific key per fact, not per branch of the tree).
 */
export function mostSpecific(mentions: TermMention[], matcher: VocabularyMatcher): TermMention[] {
  const sorted = [...mentions].sort((a, b) => a.order - b.order);
  const byKey = new Map<string, TermMention>();
  // Text mentions of complications (MeSH-heading ones have no wording): read only when needed below.
  const textComplications: TermMention[] = [];
  for (const m of sorted) {
    const id = `${m.kind}:${m.key}:${m.kind === TermKind.PROCEDURE && m.attempt && m.attempt > 1 ? m.attempt : ''}`;
    const prev = byKey.get(id);
    if (!prev) byKey.set(id, m);
    else if (prev.evidence.method === 'MESH_MAPPING' && m.evidence.method === 'TEXT_RULE') byKey.set(id, m);
    if (m.kind === TermKind.COMPLICATION && m.evidence.method !== 'MESH_MAPPING') textComplications.push(m);
  }
  let kept = [...byKey.values()];
  if (textComplications.length > 1) kept = withoutHeadNounMentions(kept, textComplications);

  /** Ancestor kind:key -> the kind:keys of its present descendants (null: no term has an ancestor present). */
  let coveredBy: Map<string, string[]> | null = null;
  for (const m of kept) {
    for (const a of matcher.ancestors(m.kind, m.key)) {
      if (CATEGORY_TERMS.has(a)) continue;
      coveredBy = coveredBy ?? new Map();
      const list = coveredBy.get(`${m.kind}:${a}`) ?? [];
      list.push(`${m.kind}:${m.key}`);
      coveredBy.set(`${m.kind}:${a}`, list);
    }
  }
  if (coveredBy === null) return withoutClassTerms(kept, matcher).sort((a, b) => a.order - b.order);
  const covered = coveredBy;
  const present = new Set(kept.map((m) => `${m.kind}:${m.key}`));
  // Content words of the text mentions of a kind:key; none when it came from MeSH headings only.
  const wordsMemo = new Map<string, Set<string> | null>();
  const wordsOf = (id: string): Set<string> | null => {
    if (wordsMemo.has(id)) return wordsMemo.get(id) ?? null;
    let set: Set<string> | null = null;
    for (const m of textComplications) {
      if (`${m.kind}:${m.key}` !== id) continue;
      set = set ?? new Set<string>();
      for (const w of contentWords(m.evidence.text)) set.add(w);
    }
    wordsMemo.set(id, set);
    return set;
  };
  const sameFinding = (ancestor: string, descendant: string): boolean => {
    const aw = wordsOf(ancestor);
    const dw = wordsOf(descendant);
    if (!aw || !dw) return true;
    const [kind, aKey] = splitKindKey(ancestor);
    const a = matcher.byKey(kind, aKey);
    // A class of complications ("Infectious complication", "Neurological complication"): its bare mention ("the infection") is the descendant.
    if (!a || /\bcomplications?\b/i.test(a.label)) return true;
    for (const w of aw) if (dw.has(w)) return true;
    // Rules 1.7.0: an abbreviation of the descendant's wording ("acute subdural hematoma(SDH)", "chronic subdural hematoma
    // ... the CSDH") is another wording of it, whether or not the text defines it where the short-form rule can see it.
    for (const w of aw) if (abbreviates(w, [...dw])) return true;
    // The descendant's own wordings count too ("SDH" is a "subdural hematoma").
    const d = matcher.byKey(kind, splitKindKey(descendant)[1]);
    for (const surface of d ? [d.label, ...d.synonyms] : []) for (const w of contentWords(surface)) if (aw.has(w)) return true;
    return false;
  };
  // Deepest terms first, so that a descendant already dropped (a MeSH-only "Polyradiculopathy" under
  // the text's "cauda equina syndrome") does not decide for its own ancestors.
  const dropped = new Set<string>();
  const byDepth = kept.map((m) => ({ m, depth: matcher.ancestors(m.kind, m.key).length })).sort((a, b) => b.depth - a.depth);
  for (const { m } of byDepth) {
    const id = `${m.kind}:${m.key}`;
    const descendants = covered.get(id)?.filter((d) => !dropped.has(d));
    if (!descendants || descendants.length === 0 || !present.has(id)) continue;
    if (!DISTINCT_FINDING_KINDS.has(m.kind) || descendants.some((d) => sameFinding(id, d))) dropped.add(id);
  }
  return withoutClassTerms(kept.filter((m) => !dropped.has(`${m.kind}:${m.key}`)), matcher).sort((a, b) => a.order - b.order);
}

/**
 * "two patients with neurological complications" beside "subarachnoid hemorrhage and spinal/epidural
 * hematoma": a class of complications ("Neurological complication", "Infectious complication") is
 * dropped when a specific complication (not a class) is also present, whatever the tree says.
 */
function withoutClassTerms(kept: TermMention[], matcher: VocabularyMatcher): TermMention[] {
  const isClass = (m: TermMention) => m.kind === TermKind.COMPLICATION && /\bcomplications?\b/i.test(matcher.byKey(m.kind, m.key)?.label ?? '');
  if (!kept.some(isClass)) return kept;
  if (!kept.some((m) => m.kind === TermKind.COMPLICATION && !isClass(m))) return kept;
  return kept.filter((m) => !isClass(m));
}

/**
 * "The abscess was treated by surgery" after "epidural abscess": a bare head noun re-names a
 * complication already named in full (its words end that wording), whatever the vocabulary's tree.
 * Compares distinct wordings per key (bounded by the vocabulary's surfaces, whatever the number of mentions).
 */
function withoutHeadNounMentions(kept: TermMention[], textComplications: TermMention[]): TermMention[] {
  if (textComplications.every((m) => m.key === textComplications[0].key)) return kept;
  const surfaces = new Map<string, string[][]>();
  const seen = new Set<string>();
  for (const m of textComplications) {
    const id = `${m.key}\u0000${m.evidence.text}`;
    if (seen.has(id)) continue;
    seen.add(id);
    const list = surfaces.get(m.key) ?? [];
    list.push(contentWords(m.evidence.text));
    surfaces.set(m.key, list);
  }
  if (surfaces.size < 2) return kept;
  const isSuffix = (short: string[], long: string[]) => short.length > 0 && short.length < long.length && short.every((w, i) => long[long.length - short.length + i] === w);
  return kept.filter((m) => {
    const own = m.kind === TermKind.COMPLICATION ? surfaces.get(m.key) : undefined;
    if (!own) return true;
    return !own.every((w) => [...surfaces].some(([key, list]) => key !== m.key && list.some((l) => isSuffix(w, l))));
  });
}
