import { Anticoagulation, PregnancyStatus, Sex } from './domain-values';
import type { ExtractionInput, ProposedValue } from './extraction.types';
import { evidenceOf, headingEvidence } from './evidence.factory';
import { flagsAt, type SentenceContext } from './field-context';
import { HYPOTHETICAL, NEGATED } from './context-scopes';
import { NUMBER_SOURCE, parseNumber } from './number-words';

/**
 * Age, sex, pregnancy status and anticoagulant/antiplatelet exposure of one patient, read from the
 * sentences that belong to the patient (title first). Each rule is a handful of bounded regular
 * expressions over one sentence (no nested quantifiers: linear), and a mention inside a negated or
 * hypothetical scope is skipped.
 */

type Found<T> = ProposedValue<T>;

function* scan(re: RegExp, ctx: SentenceContext): Generator<RegExpExecArray> {
  re.lastIndex = 0;
  const text = ctx.sentence.text;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    yield m;
    if (m[0].length === 0) re.lastIndex++;
  }
}

/** Whether the mention at `offset` (relative to the sentence) is neither negated nor hypothetical. */
function asserted(ctx: SentenceContext, offset: number): boolean {
  return (flagsAt(ctx, ctx.sentence.start + offset) & (NEGATED | HYPOTHETICAL)) === 0;
}

function ev<T>(ctx: SentenceContext, relStart: number, relEnd: number, value: T, confidence: number): Found<T> {
  const start = ctx.sentence.start + relStart;
  const end = ctx.sentence.start + relEnd;
  return { value, evidence: evidenceOf(ctx.field, ctx.fieldText, start, end, ctx.sentence, 'TEXT_RULE', confidence) };
}

// Hyphens as typeset too (U+2010-U+2013: "84‐year‐old"); rules 1.8.0: a hyphen left before a PDF line break ("24- year-old", "74-year- old").
const AGE_YEARS = new RegExp(`\\b(${NUMBER_SOURCE})(?:[-\u2010-\u2013] ?| )?(?:years?|yrs?|yr\\.?|y)(?:[-\u2010-\u2013] ?| )?old\\b|\\b(${NUMBER_SOURCE}) years of age\\b|\\baged (\\d{1,3})\\b|\\b(\\d{1,3})[- ]?(?:years|yrs)? ?old\\b|\\b(\\d{1,3}) ?(?:y\\/o|y\\.o\\.|yo)(?![\\w/])`, 'gi');
const AGE_MONTHS = new RegExp(`\\b(${NUMBER_SOURCE})[- ]?(?:months?|mo)[- ]?old\\b`, 'gi');
const AGE_DAYS = new RegExp(`\\b(${NUMBER_SOURCE})[- ]?days?[- ]?old\\b`, 'gi');

export function ageRule(sentences: SentenceContext[]): Found<number> | null {
  for (const ctx of sentences) {
    if (ctx.generic) continue;
    // Cheap test first: most sentences hold no age (the age patterns are the costly ones).
    const lower = ctx.sentence.text.toLowerCase();
    // Rules 1.5.0: "a 17 y/o primigravida", "34 yo", "52 y.o." (clinical shorthand).
    if (!lower.includes('old') && !lower.includes('aged') && !lower.includes('of age') && !lower.includes('y/o') && !lower.includes('yo') && !lower.includes('y.o')) continue;
    for (const m of scan(AGE_YEARS, ctx)) {
      const n = parseNumber(m[1] ?? m[2] ?? m[3] ?? m[4] ?? m[5] ?? '');
      if (n === null || n > 120) continue;
      // "4 old" without "year" only when followed by a person word is too weak; require the year form.
      if (m[4] !== undefined && !/year|yr/i.test(m[0])) continue;
      return ev(ctx, m.index, m.index + m[0].length, n, 0.9);
    }
    for (const m of scan(AGE_MONTHS, ctx)) {
      const n = parseNumber(m[1]);
      if (n === null) continue;
      return ev(ctx, m.index, m.index + m[0].length, Math.round((n / 12) * 100) / 100, 0.85);
    }
    for (const m of scan(AGE_DAYS, ctx)) {
      const n = parseNumber(m[1]);
      if (n === null) continue;
      return ev(ctx, m.index, m.index + m[0].length, Math.round((n / 365.25) * 1000) / 1000, 0.85);
    }
  }
  return null;
}

const FEMALE_NOUN = /\b(?:woman|women|female|girl|lady|mother|parturient|primigravida|primagravida|multigravida|primipara|multipara|primiparous|nulliparous|gravida|G\d+P\d+|pregnant|puerpera)\b/gi;
const MALE_NOUN = /\b(?:man|men|male|boy|gentleman)\b/gi;
const FEMALE_PRONOUN = /\b(?:she|her)\b/gi;
const MALE_PRONOUN = /\b(?:he|his|him)\b/gi;
/** "male infant", "female baby": the newborn, not the patient; "male/female ratio": not a person. */
const NOT_THE_PATIENT = /^(?:[ -]?(?:infant|baby|neonate|newborn|fetus|foetus|child|twins?)|\s*(?:\/|to|-)\s*(?:female|male)|\s*ratio)/i;
const OBSTETRIC = /\b(?:cesarean|caesarean|c-section|labou?r|delivery|postpartum|post-partum|obstetric|puerper\w*|gestation)\b/gi;

export function sexRule(sentences: SentenceContext[], input: ExtractionInput, singlePatient: boolean): Found<Sex> | null {
  let weak: Found<Sex> | null = null;
  for (const ctx of sentences) {
    if (ctx.generic) continue;
    const text = ctx.sentence.text;
    for (const [re, sex] of [
      [FEMALE_NOUN, Sex.FEMALE],
      [MALE_NOUN, Sex.MALE],
    ] as const) {
      for (const m of scan(re, ctx)) {
        const after = text.slice(m.index + m[0].length, m.index + m[0].length + 12);
        if (NOT_THE_PATIENT.test(after)) continue;
        if (!asserted(ctx, m.index) && !/pregnant/i.test(m[0])) continue;
        return ev(ctx, m.index, m.index + m[0].length, sex, ctx.field === 'title' ? 0.9 : 0.92);
      }
    }
    if (!weak) {
      const f = FEMALE_PRONOUN.exec(text);
      FEMALE_PRONOUN.lastIndex = 0;
      const mm = MALE_PRONOUN.exec(text);
      MALE_PRONOUN.lastIndex = 0;
      if (f && !mm) weak = ev(ctx, f.index, f.index + f[0].length, Sex.FEMALE, 0.6);
      else if (mm && !f) weak = ev(ctx, mm.index, mm.index + mm[0].length, Sex.MALE, 0.6);
    }
  }
  if (weak) return weak;
  // Obstetric wording: the patient is a woman.
  for (const ctx of sentences) {
    if (ctx.generic) continue;
    for (const m of scan(OBSTETRIC, ctx)) {
      if (!asserted(ctx, m.index)) continue;
      return ev(ctx, m.index, m.index + m[0].length, Sex.FEMALE, 0.6);
    }
  }
  if (singlePatient) {
    const female = input.meshHeadings.find((h) => h.label === 'Female');
    const male = input.meshHeadings.find((h) => h.label === 'Male');
    if (female && !male) return { value: Sex.FEMALE, evidence: headingEvidence('mesh', female.label, 'MESH_MAPPING', 0.5) };
    if (male && !female) return { value: Sex.MALE, evidence: headingEvidence('mesh', male.label, 'MESH_MAPPING', 0.5) };
  }
  return null;
}

const POSTPARTUM = /\b(?:post-?partum|post partum|during labou?r|labou?r and delivery|for labou?r|(?:eutocic|normal|uneventful|instrumental|forceps|ventouse) delivery|puerper\w*|after (?:a |an |her )?(?:\w+ )?(?:delivery|birth|childbirth)|(?:cesarean|caesarean) (?:section|delivery)|c-section|delivered|in labou?r|labou?r (?:epidural|analgesia|pain)|parturient|obstetric (?:epidural|anaesthesia|anesthesia|analgesia|patient)|PPD ?\d+|(?:vaginal|spontaneous) delivery|primagravida|primigravida|delivery of (?:her|the|a|their) (?:baby|child|infant|son|daughter|twins))\b/gi;
const OBSTETRIC_HINT = /partum|puerper|deliver|birth|cesarean|caesarean|section|labou?r|parturient|obstetric|PPD|gravida|gestation|pregnan|antepartum|G\d/i;
const PREGNANT = /\b(?:pregnant|pregnancy|gestation|antepartum|gravida|G\d+P\d+)\b/gi;

export function pregnancyRule(sentences: SentenceContext[], sex: Sex | null): Found<PregnancyStatus> | null {
  let pregnant: Found<PregnancyStatus> | null = null;
  for (const ctx of sentences) {
    if (ctx.generic) continue;
    if (!OBSTETRIC_HINT.test(ctx.sentence.text)) continue;
    for (const m of scan(POSTPARTUM, ctx)) {
      if (!asserted(ctx, m.index)) continue;
      return ev(ctx, m.index, m.index + m[0].length, PregnancyStatus.POSTPARTUM, 0.8);
    }
    if (!pregnant) {
      for (const m of scan(PREGNANT, ctx)) {
        if (!asserted(ctx, m.index)) continue;
        pregnant = ev(ctx, m.index, m.index + m[0].length, PregnancyStatus.PREGNANT, 0.7);
        break;
      }
    }
  }
  if (pregnant) return pregnant;
  return null;
}

/** A male patient is not pregnant; the evidence is the sex evidence. */
export function notPregnantFromSex(sex: Found<Sex> | null): Found<PregnancyStatus> | null {
  // Only from the text: a MeSH "Male" check tag also indexes boys and infants.
  if (!sex || sex.value !== Sex.MALE || sex.evidence.field === 'mesh') return null;
  return { value: PregnancyStatus.NOT_PREGNANT, evidence: { ...sex.evidence, confidence: Math.min(sex.evidence.confidence, 0.8) } };
}

const ANTICOAGULANT = /\b(?:warfarin|coumadin|acenocoumarol|phenprocoumon|heparin|enoxaparin|dalteparin|tinzaparin|nadroparin|bemiparin|fondaparinux|rivaroxaban|apixaban|edoxaban|dabigatran|argatroban|bivalirudin|LMWH|DOACs?|NOACs?|vitamin K antagonists?|anticoagula(?:nts?|tion|ted|nt therapy))\b/gi;
const ANTIPLATELET = /\b(?:aspirin|acetylsalicylic acid|ASA(?! (?:[1-6IV]+|physical|class|status|grade)\b)|clopidogrel|ticagrelor|prasugrel|ticlopidine|dipyridamole|cilostazol|antiplatelets?|anti-platelets?|dual antiplatelet therapy|DAPT)\b/gi;
const NOT_EXPOSURE_BEFORE = /(?:lupus|circulating)\s*$/i;
/** Rules 1.4.0: "an allergy to aspirin", "allergic to heparin", "aspirin intolerance": the drug is named, neither taken nor denied. */
const ALLERGY_BEFORE = /\b(?:allerg(?:y|ies|ic)|intoleran(?:ce|t)|hypersensitivity|sensitivity|sensitive|reaction)\s+(?:to|with)\s+(?:\w+\s+){0,2}$/i;
const ALLERGY_AFTER = /^[\s-]*(?:allergy|allergic|intolerance|hypersensitivity)\b/i;
/** "we decided to administer an anticoagulant", "2 h prior to the scheduled administration of enoxaparin": a plan, not yet an exposure. */
const PLANNED_BEFORE = /\b(?:decided to|planned to|was planned|were planned|scheduled|was to be|were to be)\b[^.;]{0,40}$/i;
const AFTER_THE_EVENT = /\b(?:discharged|recover\w*|resolved|improved|relief)\b/i;
const STARTED_AFTER = /\b(?:commenced|started|initiated|treated with|treatment with|was given|were given|administered|received)\b/i;

export function anticoagulationRule(sentences: SentenceContext[]): Found<Anticoagulation> | null {
  let anticoag: Found<Anticoagulation> | null = null;
  let antiplatelet: Found<Anticoagulation> | null = null;
  let none: Found<Anticoagulation> | null = null;
  for (const ctx of sentences) {
    if (ctx.generic) continue;
    const text = ctx.sentence.text;
    for (const [re, kind] of [
      [ANTICOAGULANT, Anticoagulation.ANTICOAGULANT],
      [ANTIPLATELET, Anticoagulation.ANTIPLATELET],
    ] as const) {
      for (const m of scan(re, ctx)) {
        if (NOT_EXPOSURE_BEFORE.test(text.slice(Math.max(0, m.index - 12), m.index))) continue;
        if (ALLERGY_BEFORE.test(text.slice(Math.max(0, m.index - 50), m.index)) || ALLERGY_AFTER.test(text.slice(m.index + m[0].length, m.index + m[0].length + 16))) continue;
        const before = text.slice(0, m.index);
        const f = flagsAt(ctx, ctx.sentence.start + m.index);
        if (f & NEGATED) {
          if (!none) none = ev(ctx, m.index, m.index + m[0].length, Anticoagulation.NONE, 0.6);
          continue;
        }
        if (f & HYPOTHETICAL) continue;
        // "She was commenced on anticoagulants ... and made a complete recovery": treatment of the complication, not exposure.
        if (STARTED_AFTER.test(before) && /\b(?:thrombosis|embolism|CVT|CVST)\b/i.test(text)) continue;
        if (AFTER_THE_EVENT.test(text)) continue;
        if (PLANNED_BEFORE.test(before)) continue;
        const found = ev(ctx, m.index, m.index + m[0].length, kind, 0.8);
        if (kind === Anticoagulation.ANTICOAGULANT) anticoag = anticoag ?? found;
        else antiplatelet = antiplatelet ?? found;
      }
    }
  }
  if (anticoag && antiplatelet) return { value: Anticoagulation.BOTH, evidence: anticoag.evidence };
  return anticoag ?? antiplatelet ?? none;
}
