import type { EvidenceField } from './extraction.types';
import { assertionFlags } from './context-scopes';
import { splitSentences, type Sentence } from './sentence-splitter';
import { tokenize, type Token } from './text-tokenizer';
import type { TermMatch, VocabularyMatcher } from './vocabulary-matcher';

/** One sentence of a field, analysed once: tokens, assertion flags, vocabulary matches, generic or not. */
export interface SentenceContext {
  field: EvidenceField;
  /** The whole field text (offsets are into it). */
  fieldText: string;
  sentence: Sentence;
  index: number;
  tokens: Token[];
  flags: Uint8Array;
  matches: TermMatch[];
  /** Background or discussion prose about the condition in general, not about the patient. */
  generic: boolean;
  /** Structured-abstract section label in force ("BACKGROUND", "CASE PRESENTATION"), upper-cased, or null. */
  section: string | null;
}

export interface FieldContext {
  field: EvidenceField;
  text: string;
  sentences: SentenceContext[];
}

/** Words that tie a sentence to the reported patient ("the first" of a patient, not "in the first 6 weeks"). */
const PATIENT_ANCHOR = /\b(?:she|he|her|his|patient|woman|man|women|men|girl|boy|lady|gentleman|mother|parturient|primigravida|primagravida|infant|child|year[- ]old|yr[- ]old|years? of age|we (?:report|present|describe|discuss)|this case|our case|case of|case report|our patients?|the (?:first|second)(?! (?:\d+ |few |two |three |four |six )?(?:hours?|days?|weeks?|months?|years?|time|trimester|stage|line|attempt|puncture))|case (?:1|2|one|two)|both patients|first patient|second patient)\b/i;

/** Wordings of background prose ("X is a rare complication", "has been reported", "incidence"). */
const GENERIC_CUE = /\b(?:is an? (?:rare|well[- ]documented|well[- ]known|known|common|serious|devastating|recogni[sz]ed|uncommon|infrequent)|are (?:rare|common|uncommon)|rare but|rarely|is rare|incidence|prevalence|has been (?:reported|described|postulated)|have been (?:reported|described)|is (?:usually|often|typically|commonly|generally|widely|thought|believed|considered)|are (?:usually|often|typically|commonly|generally)|is widely used|occurs? (?:infrequently|rarely)|physicians|anesthesiologists|anaesthesiologists|anaesthetists|anesthetists|clinicians|in general|treatment of choice|gold standard|literature|(?:has|have) been (?:found|shown|identified|associated|suggested|proposed|implicated)|(?:is|are) (?:an? )?(?:established|important|major|known|recogni[sz]ed) (?:risk factors?|causes?)|(?:is|are) (?:a )?risk factors?|(?:is|are) (?:discussed|reviewed|highlighted|emphasi[sz]ed)|(?:clinical )?(?:trials|studies|reports|series) (?:have |has )?(?:demonstrated|shown|reported|found))\b/i;

/** Past-tense verbs of a case narrative; a sentence without them and without a patient word is background. */
const NARRATIVE_VERB = /\b(?:was|were|had|did|underwent|developed|presented|showed|revealed|received|required|demonstrated|complained|reported|became|made|recovered|resolved|improved|occurred|performed|treated|diagnosed|admitted|found|noted|observed|given|evacuated|drained|suffered|experienced|remained|returned|discharged|started|commenced|injected|placed|inserted|confirmed|disappeared|began|appeared|followed|persisted|worsened|recurred|relieved|resolved|failed|progressed|evolved|remains?|today|currently|at (?:the )?(?:last )?follow-up|day \d+|\d+ (?:hours?|days?|weeks?|months?) (?:later|after)|(?:postpartum|postoperative|post-operative|post-partum) day)\b/i;
/**
 * Rules 1.4.0: "abducens palsy occurs 4-14 days after lumbar puncture": a range of times is the literature's, not the
 * case's. Checked only when the narrative cue matched and the sentence holds such a range (rare), with the cue list
 * minus its time phrase.
 */
const RANGE_TIME = /\d\s?[-–]\s?\d+ (?:hours?|days?|weeks?|months?) (?:later|after)\b/i;
const NARRATIVE_VERB_NO_TIME = new RegExp(NARRATIVE_VERB.source.replace('|\\d+ (?:hours?|days?|weeks?|months?) (?:later|after)', ''), 'i');
function narrativeVerb(t: string): boolean {
  if (!NARRATIVE_VERB.test(t)) return false;
  return !RANGE_TIME.test(t) || NARRATIVE_VERB_NO_TIME.test(t);
}
const CONDITIONAL_OPENING = /^(?:when|if|in case|whenever|unless)\b/i;
/**
 * "When CT venography was obtained ten days later, the diagnosis ... was made": "when" with a past-tense
 * clause tells the order of events of the case, it does not state a condition ("When the headache is
 * persistent, ..."). "If" stays conditional in any tense.
 */
const TEMPORAL_WHEN = /^when\b[^,;]{0,120}?\b(?:was|were|had|did|became|developed|presented|underwent|received|occurred|started|began|appeared|returned)\b/i;
const MORE_GENERIC_CUE = /\b(?:includes?|including|is defined as|(?:is|are) described as|characteri[sz]ed by|is associated with|are associated with|is (?:the )?(?:most|commonest)|most (?:common|typical|frequent)|commonest|is estimated|with increasing frequency|is being|(?:is|are) (?:\w+ )?(?:required|needed|recommended|indicated|essential|mandatory|warranted) (?:to|for|in)\b)\b/i;

/**
 * Present-tense or modal wordings of a general statement ("is", "can", "should", "may"). Once the case
 * narrative has started, a sentence without a patient word is narrative unless it is clearly
 * discussion: a background cue, a discussion section, such a present-tense statement without a
 * past-tense narrative verb, or a citation of the literature. "Conservative treatment resulted in
 * complete resolution of the SEH." and "The symptoms regressed with steroid therapy." are narrative.
 */
const PRESENT_CUE = /\b(?:is|are|can|cannot|should|must|may|might|could|would|remains?|seems|appears?|have|has|do|does|represents?|results in|leads? to|causes|carries|involves|allows|provides|consists|offers|plays|contributes|increases|reduces|improves|exists?|includes?|occurs?|requires?|depends?|has been|have been|tends?|need|needs|deserves?|warrants?|highlights?|emphasi[sz]es?|suggests?|underlines?|illustrates?|shows|doesn|don|isn|aren|carry|resolves|develops|presents)\b/i;
const CITATION = /\bet al\b|\[\d+(?:[,-]\d+)*\]|\b(?:we (?:also )?review(?:ed)?|published (?:cases|reports|literature)|(?:literature|systematic) (?:review|search)|review of (?:the )?(?:literature|published))\b/i;

/**
 * Figures pooled over a group ("Headache was the main complaint in 26/35 (74.3%) patients", "In 15
 * cases, ...", "ranged from 4 hours to 29 weeks", "Contributing factors included ..."): statements about
 * a group, not facts of the reported patient. A fraction counts when it can be a share of a group (the
 * numerator not above the denominator, not a scale out of 10 or 100) and the sentence speaks of a share.
 */
// Rules 1.5.0: shares of a group ("Five patients (45%) had ...", "1 (9%) had a CSE", "the majority of patients (63.6%)",
// "22.7% also had meningitis"), looked for only in sentences with "%" or "majority"/"minority"; and counts such as
// "Ten of 11 patients", "Of the 28 cases": figures over a group, not one patient's facts.
const GROUP_SHARES = /\b(?:patients|cases|women|men|parturients) \(\d+(?:\.\d+)? ?%\)|\b(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve) \(\d+(?:\.\d+)? ?%\) (?:of|had|were|was|developed|presented|required|underwent)\b|\b(?:the )?(?:majority|minority) of (?:the )?(?:patients|cases)\b|\b\d+(?:\.\d+)? ?% (?:of (?:the |these )?(?:patients|cases)|(?:also )?had)\b/i;
const GROUP_FIGURES = /\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve) (?:out )?of (?:the |these )?\d+ (?:patients|cases)\b|\b(?:in|among) \d+ (?:patients|cases|women|men|parturients)\b|\bof (?:the|these|all) \d+ (?:patients|cases|women|men|parturients)\b|\b\d+ (?:out )?of (?:the |these )?\d+ (?:patients|cases)\b|\brang(?:ed|es|ing) from\b|\b(?:median|mean|average) (?:age|duration|time|interval|delay)\b|\b(?:contributing|predisposing|associated) factors\b/i;
const FRACTION = /\b(\d+) ?\/ ?(\d+)\b/g;
function groupFigures(text: string): boolean {
  if (GROUP_FIGURES.test(text)) return true;
  if ((text.indexOf('%') >= 0 || text.indexOf('ority') >= 0) && GROUP_SHARES.test(text)) return true;
  if (text.indexOf('/') < 0) return false;
  FRACTION.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = FRACTION.exec(text)) !== null) {
    const n = Number(m[1]);
    const d = Number(m[2]);
    if (d > 1 && n <= d && d !== 10 && d !== 100 && /%|\b(?:patients|cases)\b/i.test(text)) return true;
  }
  return false;
}

/** A modal statement before the case is told is background ("PDPH can be observed after any trauma to the dura"). */
const MODAL = /\b(?:can|cannot|may|might|could|should|must)\b/i;
/** "We also review the literature on ... a patient with coagulopathy": the review, not the case. */
const LITERATURE_REVIEW = /^(?:here,? |in addition,? |finally,? |moreover,? )?we (?:also |then |further )?(?:review|reviewed|summari[sz]e|discuss|analy[sz]e)\b[^.;]{0,80}?\b(?:literature|published|previous(?:ly)? (?:reported|published))\b/i;

/**
 * Where the case narrative starts: a patient word, or a wording that introduces the reported case
 * ("Clinical case:", "Case report:", "we report", "this patient"), or a case section label.
 */
/**
 * Rules 1.5.0: the history of a condition ("It was first described by Thomas Du in 1866 in an autopsy report of a
 * trauma patient", "first reported in 1950"): background, even when it names a patient.
 */
const HISTORY = /\b(?:was|were|is|has been) (?:first|originally|initially) (?:described|reported|published|named|recogni[sz]ed|documented) (?:by|in)\b|\b(?:first|originally) (?:described|reported) by [A-Z]\w+(?: [A-Z]\w+)? in (?:1[6-9]|20)\d\d\b/;
/** The words every HISTORY wording holds (a cheap test first). */
const HISTORY_HINT = /(?:first|originally|initially) (?:d|r|p|n|in)/i;

/**
 * Rules 1.6.0: the literature as the subject of the sentence ("A few case reports discuss the occurrence of ...", "Previous
 * studies have described ...", "Several authors reported ..."): what others published, even beside "a case of".
 */
const LITERATURE_HINT = /reports|studies|authors|publications|articles|series/i;
const LITERATURE_SUBJECT = /\b(?:a few|few|several|some|many|other|previous|prior|earlier|published) (?:case )?(?:reports|studies|authors|publications|articles|series) (?:have |has |had )?(?:discuss|describ|report|document|demonstrat|show|suggest|mention)\w*/i;
/**
 * Rules 1.6.0: an opening definition of the complication ("PDPH is the most common complication of obstetric regional
 * anaesthesia and the most likely cause of headache in a woman who underwent ..."): before the case is told, a sentence
 * whose subject is defined as a complication or a cause is background even when a patient word follows in it.
 */
const DEFINITION_OPENING = /^(?:[\w()'’-]+ ){1,8}?(?:is|are) (?:an? |the )?(?:\w+ ){0,3}?(?:complications?|causes?|consequences?) (?:of|in|after|following)\b/i;

const CASE_START = /\b(?:clinical case|case (?:report|presentation|description|history|summary)|we (?:report|present|describe|discuss|treated|encountered|managed|saw)|our (?:patient|case)|this (?:patient|case))\b/i;
const CASE_SECTIONS = /^(?:CASE|CLINICAL CASE|PATIENT|OBSERVATION|METHODS?|RESULTS?|FINDINGS|PRESENTATION|HISTORY|MANAGEMENT|OUTCOMES?|TREATMENT)/;

/**
 * A sentence that tells the case itself ("Admitted for induction of labor.", "An epidural block was
 * performed"): it ends the opening-background continuation even without a patient word.
 */
const CASE_DETAIL = /\b(?:admitted|underwent|presented|developed|complained|was (?:performed|placed|inserted|diagnosed|admitted|started|given|treated|discharged)|were (?:performed|placed|inserted)|received|sustained)\b/i;

/** Words that may introduce the reported case without a patient word ("We treated two cases of SIH ..."). */
const CASE_INTRODUCTION = /\b(?:we|our|us|cases?)\b/i;

const GENERIC_SECTIONS = /^(?:BACKGROUND|INTRODUCTION|CONTEXT|OBJECTIVES?|PURPOSE|AIMS?|CONCLUSIONS?|DISCUSSION|LESSONS?|IMPORTANCE|RATIONALE|SUMMARY|WHY SHOULD)/;

/** "Case report: ", or a longer heading in capitals ("WHY SHOULD AN EMERGENCY PHYSICIAN BE AWARE OF THIS?: "). */
const SECTION_LABEL = /^([A-Z][A-Za-z ,&/-]{2,40}|[A-Z][A-Z ,&/-]{2,60}\?):\s/;

/** "(PDPH)" right after a matched term: a short form the text defines. */
const DEFINED_SHORT_FORM = /^\s?\(([A-Za-z][A-Za-z0-9-]{1,9})\)/;

/**
 * Whether a short form can abbreviate a long form (Schwartz & Hearst): its first letter starts a word
 * of the long form and its letters and digits appear in the long form in order. At least two capitals,
 * so "(n)", "(iv)" or "(left)" are no definitions.
 */
export function abbreviates(short: string, long: string): boolean {
  if ((short.match(/[A-Z]/g) ?? []).length < 2) return false;
  const s = short.toLowerCase().replace(/[^a-z0-9]/g, '');
  const l = long.toLowerCase();
  let j = l.length - 1;
  for (let i = s.length - 1; i >= 0; i--) {
    const c = s[i];
    // The first letter must start a word; the others may be anywhere to the left of the previous one.
    while (j >= 0 && (l[j] !== c || (i === 0 && j > 0 && /[a-z0-9]/.test(l[j - 1])))) j--;
    if (j < 0) return false;
    j--;
  }
  return true;
}

/**
 * Short forms defined in a record ("postdural puncture headache (PDPH)", "unintentional dural puncture
 * (UDP)"), mapped to the terms of their long form; shared between the title and the abstract.
 */
export type DefinedShortForms = Map<string, TermMatch['entries']>;

export function buildFieldContext(field: EvidenceField, text: string, matcher: VocabularyMatcher, shortForms: DefinedShortForms = new Map()): FieldContext {
  const sentences: SentenceContext[] = [];
  let section: string | null = null;
  const split = splitSentences(text);
  // The abstract opens with background prose: while every sentence so far is background, a sentence
  // that names no patient continues it ("Low opening pressure was shown through lumbar puncture."
  // between sentences on the syndrome in general), until the case is introduced.
  let openingBackground = true;
  let narrativeStarted = false;
  for (let i = 0; i < split.length; i++) {
    const s = split[i];
    const label = field === 'abstract' ? SECTION_LABEL.exec(s.text) : null;
    if (label) section = label[1].toUpperCase();
    const tokens = tokenize(text, s.start, s.end);
    const flags = assertionFlags(tokens, text);
    // A section label ("Observations:", "Treatment:") names a part of the abstract, not a fact.
    const labelEnd = label ? s.start + label[0].length : -1;
    let matches = matcher.matchTokens(tokens).filter((m) => m.start >= labelEnd);
    if (shortForms.size > 0) matches = withShortForms(tokens, matches, shortForms);
    for (const m of matches) {
      const def = text.charCodeAt(m.end) === 40 /* ( */ || text.charCodeAt(m.end + 1) === 40 ? DEFINED_SHORT_FORM.exec(text.slice(m.end, m.end + 14)) : null;
      if (def && !shortForms.has(def[1]) && abbreviates(def[1], text.slice(m.start, m.end))) shortForms.set(def[1], m.entries);
    }
    // Only abstract sentences can be background; the title is read as it is.
    if (field !== 'abstract') {
      openingBackground = false;
      sentences.push({ field, fieldText: text, sentence: s, index: i, tokens, flags, matches, generic: false, section });
      continue;
    }
    const t = s.text;
    const anchored = PATIENT_ANCHOR.test(t);
    const genericSection = section !== null && GENERIC_SECTIONS.test(section);
    const body = label ? t.slice(label[0].length) : t;
    const conditional = CONDITIONAL_OPENING.test(body) && !TEMPORAL_WHEN.test(body);
    // The cue tests below run only when their answer is needed (most case sentences name the patient):
    // same decisions, fewer regular expressions per sentence (plain variables, no closures to allocate).
    let cued: boolean | null = null;
    let generic = conditional || LITERATURE_REVIEW.test(body) || groupFigures(t) || (HISTORY_HINT.test(t) && HISTORY.test(t)) || (LITERATURE_HINT.test(t) && LITERATURE_SUBJECT.test(t));
    // Rules 1.6.0: the opening definition of the complication, before the case is told (see DEFINITION_OPENING).
    if (!generic && anchored && !narrativeStarted && !(section !== null && CASE_SECTIONS.test(section)) && !CASE_START.test(t) && DEFINITION_OPENING.test(body)) generic = true;
    if (!generic && !anchored) {
      cued = genericSection || GENERIC_CUE.test(t) || MORE_GENERIC_CUE.test(t);
      // Before the narrative: background unless a patient word or a past-tense narrative verb. After it:
      // narrative unless clearly discussion (present-tense general statement, cue, citation).
      generic = narrativeStarted ? cued || CITATION.test(t) || (!narrativeVerb(t) && PRESENT_CUE.test(t)) : cued || !narrativeVerb(t) || MODAL.test(t);
    }
    // Rules 1.4.0: in a conclusion or discussion section a modal statement about "a pregnant woman who undergoes ..."
    // is advice about anyone, even with a patient word, unless it tells the case in the past tense.
    if (!generic && anchored && genericSection && MODAL.test(body) && !narrativeVerb(body)) generic = true;
    let continuesBackground = false;
    if (i > 0 && openingBackground && !anchored && !label && !CASE_INTRODUCTION.test(t)) {
      if (!CASE_DETAIL.test(t)) continuesBackground = true;
      else continuesBackground = cued ?? (genericSection || GENERIC_CUE.test(t) || MORE_GENERIC_CUE.test(t));
    }
    const startsCase = anchored || CASE_START.test(t) || (section !== null && CASE_SECTIONS.test(section));
    if (!(generic || continuesBackground) || startsCase) openingBackground = false;
    if (!conditional && startsCase && !(genericSection && !anchored)) narrativeStarted = true;
    sentences.push({ field, fieldText: text, sentence: s, index: i, tokens, flags, matches, generic: generic || continuesBackground, section });
  }
  return { field, text, sentences };
}

/** Assertion flags at a character offset of a sentence (0 when the offset is between tokens). */
export function flagsAt(ctx: SentenceContext, offset: number): number {
  const toks = ctx.tokens;
  let lo = 0;
  let hi = toks.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (offset < toks[mid].start) hi = mid - 1;
    else if (offset >= toks[mid].end) lo = mid + 1;
    else return ctx.flags[mid];
  }
  return 0;
}

/** Adds a match for every token that is a defined short form and not inside a match already (one pass). */
function withShortForms(tokens: Token[], matches: TermMatch[], shortForms: DefinedShortForms): TermMatch[] {
  let out: TermMatch[] | null = null;
  let k = 0;
  for (let i = 0; i < tokens.length; i++) {
    while (k < matches.length && matches[k].tokenTo <= i) k++;
    if (k < matches.length && matches[k].tokenFrom <= i) continue;
    // "EBPs" is the plural of the defined "EBP".
    const raw = tokens[i].raw;
    const entries = shortForms.get(raw) ?? (raw.length > 2 && raw.endsWith('s') ? shortForms.get(raw.slice(0, -1)) : undefined);
    if (!entries) continue;
    out = out ?? [...matches];
    out.push({ start: tokens[i].start, end: tokens[i].end, tokenFrom: i, tokenTo: i + 1, entries });
  }
  return out ? out.sort((a, b) => a.tokenFrom - b.tokenFrom) : matches;
}
