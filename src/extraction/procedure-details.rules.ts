import type { ProposedValue } from './extraction.types';
import { evidenceOf } from './evidence.factory';
import type { SentenceContext } from './field-context';
import { NUMBER_SOURCE, parseNumber, parseOrdinal, UNIT_HOURS } from './number-words';

/**
 * Numbers with units around procedures and complications: blood volume ("20 mL of autologous
 * blood"), vertebral level ("at the L3-4 interspace"), onset ("48 hours after", "on postpartum day
 * 3") and how a complication was diagnosed ("MRI showed"). Bounded regular expressions over one
 * sentence each.
 */
function found<T>(ctx: SentenceContext, relStart: number, relEnd: number, value: T, confidence: number): ProposedValue<T> {
  const start = ctx.sentence.start + relStart;
  return { value, evidence: evidenceOf(ctx.field, ctx.fieldText, start, ctx.sentence.start + relEnd, ctx.sentence, 'TEXT_RULE', confidence) };
}

const BLOOD_VOLUME = /\b(\d{1,3}(?:\.\d{1,2})?)[ -]?(?:mL|ml|cc|cm3|milliliters?|millilitres?)\b(?: of)?(?: (?:autologous|aseptic|sterile|fresh|venous))* ?(?:blood|epidural blood patch|blood patch|EBP)\b|\bblood patch (?:with|using|of) (\d{1,3})[ -]?(?:mL|ml|cc)\b/g;

export function bloodVolume(ctx: SentenceContext): ProposedValue<number> | null {
  if (!/ml|cc|cm3|millil/i.test(ctx.sentence.text)) return null;
  BLOOD_VOLUME.lastIndex = 0;
  const m = BLOOD_VOLUME.exec(ctx.sentence.text);
  if (!m) return null;
  const n = Number(m[1] ?? m[2]);
  if (!(n > 0 && n <= 100)) return null;
  return found(ctx, m.index, m.index + m[0].length, n, 0.85);
}

const LEVEL = /\b([CTLS])(\d{1,2})(?:\s?(?:[-–/]|to)\s?([CTLS])?(\d{1,2}))?\b/g;
const LEVEL_CONTEXT_BEFORE = /\b(?:at|via|through|in)(?: the)?(?: \w+)? ?$/i;
const LEVEL_CONTEXT_AFTER = /^\s?(?:-?\s?(?:interspace|interspinous|intervertebral|level|space|vertebral|interlaminar))/i;

/** "L3-4" → "L3-L4", "T12" → "T12". Only a level the procedure was done at, not the extent of a hematoma. */
export function vertebralLevel(ctx: SentenceContext, afterOffset: number): ProposedValue<string> | null {
  const text = ctx.sentence.text;
  if (!/[CTLS]\d/.test(text)) return null;
  LEVEL.lastIndex = Math.max(0, afterOffset - ctx.sentence.start);
  let m: RegExpExecArray | null;
  while ((m = LEVEL.exec(text)) !== null) {
    const before = text.slice(Math.max(0, m.index - 16), m.index);
    const after = text.slice(m.index + m[0].length, m.index + m[0].length + 16);
    if (!LEVEL_CONTEXT_BEFORE.test(before) && !LEVEL_CONTEXT_AFTER.test(after)) continue;
    const a = Number(m[2]);
    if (a < 1 || a > 12) continue;
    let value = `${m[1]}${a}`;
    if (m[4] !== undefined) value += `-${m[3] ?? m[1]}${Number(m[4])}`;
    return found(ctx, m.index, m.index + m[0].length, value, 0.8);
  }
  return null;
}

const ONSET = new RegExp(
  `\\b(${NUMBER_SOURCE}) ?(hours?|hrs?|h|days?|weeks?|months?) (?:after|following|post)\\b|\\bon (?:post-?partum|post-?operative|post-?procedure|post-?procedural) day (\\d{1,2})\\b|\\bon the (\\w+) (?:post-?partum|post-?operative) day\\b|\\bPPD ?(\\d{1,2})\\b|\\b(${NUMBER_SOURCE}) (days?|weeks?|hours?) later\\b`,
  'gi',
);

const ONSET_HINT = /after|following|post|later|PPD|day/i;

export function onsetHours(ctx: SentenceContext): ProposedValue<number> | null {
  if (!ONSET_HINT.test(ctx.sentence.text)) return null;
  ONSET.lastIndex = 0;
  const m = ONSET.exec(ctx.sentence.text);
  if (!m) return null;
  let hours: number | null = null;
  if (m[1] !== undefined) {
    const n = parseNumber(m[1]);
    const u = UNIT_HOURS[m[2].toLowerCase()];
    if (n !== null && u) hours = n * u;
  } else if (m[3] !== undefined || m[5] !== undefined) {
    hours = Number(m[3] ?? m[5]) * 24;
  } else if (m[4] !== undefined) {
    const n = parseOrdinal(m[4]);
    if (n !== null) hours = n * 24;
  } else if (m[6] !== undefined) {
    const n = parseNumber(m[6]);
    const u = UNIT_HOURS[m[7].toLowerCase()];
    if (n !== null && u) hours = n * u;
  }
  if (hours === null) return null;
  return found(ctx, m.index, m.index + m[0].length, hours, 0.7);
}

const IMAGING = /\b(?:magnetic resonance imaging|MRI|MR imaging|computed tomography|CT(?: scan)?|myelography|CT myelography|ultrasound|ultrasonography|venography|angiography|MR venography)\b/i;

export function diagnosis(ctx: SentenceContext): ProposedValue<string> | null {
  const m = IMAGING.exec(ctx.sentence.text);
  if (!m) return null;
  return found(ctx, m.index, m.index + m[0].length, m[0], 0.7);
}
