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

/** Words that tie a sentence to the reported patient. */
const PATIENT_ANCHOR = /\b(?:she|he|her|his|patient|woman|man|women|men|girl|boy|lady|gentleman|mother|parturient|primigravida|primagravida|infant|child|year[- ]old|yr[- ]old|years? of age|we (?:report|present|describe|discuss)|this case|our case|case of|case report|our patients?|the first|the second|case (?:1|2|one|two)|both patients|first patient|second patient)\b/i;

/** Wordings of background prose ("X is a rare complication", "has been reported", "incidence"). */
const GENERIC_CUE = /\b(?:is an? (?:rare|well[- ]documented|well[- ]known|known|common|serious|devastating|recogni[sz]ed|uncommon|infrequent)|are (?:rare|common|uncommon)|rare but|rarely|is rare|incidence|prevalence|has been (?:reported|described|postulated)|have been (?:reported|described)|is (?:usually|often|typically|commonly|generally|widely|thought|believed|considered)|are (?:usually|often|typically|commonly|generally)|is widely used|occurs? (?:infrequently|rarely)|physicians|anesthesiologists|anaesthesiologists|anaesthetists|anesthetists|clinicians|in general|treatment of choice|gold standard|literature)\b/i;

/** Past-tense verbs of a case narrative; a sentence without them and without a patient word is background. */
const NARRATIVE_VERB = /\b(?:was|were|had|did|underwent|developed|presented|showed|revealed|received|required|demonstrated|complained|reported|became|made|recovered|resolved|improved|occurred|performed|treated|diagnosed|admitted|found|noted|observed|given|evacuated|drained|suffered|experienced|remained|returned|discharged|started|commenced|injected|placed|inserted|confirmed|disappeared|began|appeared|followed|persisted|worsened|recurred|relieved|resolved|failed|progressed|evolved|remains?|today|currently|at (?:the )?(?:last )?follow-up|day \d+|\d+ (?:hours?|days?|weeks?|months?) (?:later|after)|(?:postpartum|postoperative|post-operative|post-partum) day)\b/i;
const CONDITIONAL_OPENING = /^(?:when|if|in case|whenever|unless)\b/i;
/**
 * "When CT venography was obtained ten days later, the diagnosis ... was made": "when" with a past-tense
 * clause tells the order of events of the case, it does not state a condition ("When the headache is
 * persistent, ..."). "If" stays conditional in any tense.
 */
const TEMPORAL_WHEN = /^when\b[^,;]{0,120}?\b(?:was|were|had|did|became|developed|presented|underwent|received|occurred|started|began|appeared|returned)\b/i;
const MORE_GENERIC_CUE = /\b(?:includes?|including|is defined as|characteri[sz]ed by|is associated with|are associated with|is (?:the )?(?:most|commonest)|most (?:common|typical|frequent)|commonest|is estimated|with increasing frequency|is being)\b/i;

const GENERIC_SECTIONS = /^(?:BACKGROUND|INTRODUCTION|CONTEXT|OBJECTIVES?|PURPOSE|AIMS?|CONCLUSIONS?|DISCUSSION|LESSONS?|IMPORTANCE|RATIONALE|SUMMARY|WHY SHOULD)/;

const SECTION_LABEL = /^([A-Z][A-Za-z ,&/-]{2,40}):\s/;

export function buildFieldContext(field: EvidenceField, text: string, matcher: VocabularyMatcher): FieldContext {
  const sentences: SentenceContext[] = [];
  let section: string | null = null;
  const split = splitSentences(text);
  for (let i = 0; i < split.length; i++) {
    const s = split[i];
    const label = field === 'abstract' ? SECTION_LABEL.exec(s.text) : null;
    if (label) section = label[1].toUpperCase();
    const tokens = tokenize(text, s.start, s.end);
    const flags = assertionFlags(tokens, text);
    // A section label ("Observations:", "Treatment:") names a part of the abstract, not a fact.
    const labelEnd = label ? s.start + label[0].length : -1;
    const matches = matcher.matchTokens(tokens).filter((m) => m.start >= labelEnd);
    const anchored = PATIENT_ANCHOR.test(s.text);
    const genericSection = section !== null && GENERIC_SECTIONS.test(section);
    const body = label ? s.text.slice(label[0].length) : s.text;
    const generic =
      field === 'abstract' &&
      ((CONDITIONAL_OPENING.test(body) && !TEMPORAL_WHEN.test(body)) || (!anchored && (genericSection || GENERIC_CUE.test(s.text) || MORE_GENERIC_CUE.test(s.text) || !NARRATIVE_VERB.test(s.text))));
    sentences.push({ field, fieldText: text, sentence: s, index: i, tokens, flags, matches, generic, section });
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
