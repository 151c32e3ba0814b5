import { Outcome } from './domain-values';
import type { ProposedValue } from './extraction.types';
import { evidenceOf } from './evidence.factory';
import { flagsAt, type SentenceContext } from './field-context';
import { HYPOTHETICAL, NEGATED } from './context-scopes';
import { NUMBER_SOURCE, parseNumber } from './number-words';

/**
 * Outcome category (see Outcome in case-report.enums) and time to resolution. Every sentence of the
 * patient is read; the most severe category asserted wins (death > residual deficit > partial
 * recovery > full recovery > improved), because reports say "improved" on the way to a final state.
 */
const RULES: { outcome: Outcome; re: RegExp; confidence: number }[] = [
  { outcome: Outcome.DEATH, re: /\b(?:died|death|deceased|passed away|succumbed|expired)\b/gi, confidence: 0.85 },
  {
    outcome: Outcome.RESIDUAL_DEFICIT,
    re: /\b(?:residual (?:neurological |neurologic |motor |sensory )?(?:deficits?|sequel\w*|weakness|symptoms?|paresis|numbness|pain|dysesthesia)|permanent (?:\w+ )?(?:deficits?|paraparesis|paraplegia|damage|disability|weakness|injury)|remained (?:paraplegic|paralysed|paralyzed|paretic)|(?:paraplegia|paraparesis|deficits?|weakness|numbness|symptoms|foot drop) (?:persisted|remained)|persist(?:ent|ing) (?:neurological |neurologic )?(?:deficits?|paraplegia|paraparesis|weakness|numbness)|significant (?:disability|deficits)|still complains?|with (?:residual )?neurological sequel\w*|did not recover|slight \w+ remains|remains? (?:paraplegic|wheelchair)|sequelae? remained)\b/gi,
    confidence: 0.8,
  },
  { outcome: Outcome.PARTIAL_RECOVERY, re: /\b(?:partial(?:ly)? (?:recovery|recovered|resolution|resolved|relief|improvement|improved)|incomplete(?:ly)? (?:recovery|recovered|resolution)|partly (?:resolved|improved|recovered)|modest(?:ly)? (?:recovery|improvement|improved))\b/gi, confidence: 0.8 },
  {
    outcome: Outcome.FULL_RECOVERY,
    re: /\b(?:(?:complete|full|total)(?:ly)? (?:recovery|recovered|resolution|resolved|relief|neurological recovery|symptomatic relief)|(?:recovered|resolved|relieved) (?:fully|completely|uneventfully|totally)|fully recovered|complete(?:ly)? (?:recovered|resolved)|without (?:any )?(?:neurological |neurologic )?(?:sequel\w*|deficits?)|no (?:neurological |neurologic )?sequel\w*|symptom[- ]free|returned to (?:baseline|normal)|asymptomatic|no recurrence|(?:immediate|complete) relief|satisfactory outcome|full symptomatic relief|good functional recovery|excellent (?:functional )?recovery|resolved (?:spontaneously|completely)|(?:showed|complete|with|resulted in|resulting in|led to|leading to) resolution of (?:the |her |his )?(?:\w+ ){0,3}(?:abscess|hematoma|haematoma|pneumocephalus|symptoms|collection)|recovery was uneventful|completely disappeared)\b/gi,
    confidence: 0.8,
  },
  { outcome: Outcome.IMPROVED_UNSPECIFIED, re: /\b(?:improved|improvement|improving|recovered|recovery|resolved|resolution|relieved|good outcome|favou?rable outcome|uneventful(?:ly)?)\b/gi, confidence: 0.55 },
];

const OUTCOME_HINT = /recover|resol|improv|reliev|relief|sequel|deficit|died|death|deceas|residual|permanent|persist|remain|complete|full|total|asymptomatic|recurrence|outcome|uneventful|free|baseline|disabilit|expired|succumbed|passed away|disappeared|partial|partly|modest|still|paraplegic|paralys|paralyz|paretic|foot drop|numbness|weakness|satisfactory/i;

const SEVERITY: Outcome[] = [Outcome.DEATH, Outcome.RESIDUAL_DEFICIT, Outcome.PARTIAL_RECOVERY, Outcome.FULL_RECOVERY, Outcome.IMPROVED_UNSPECIFIED];

/** "without sequelae"/"asymptomatic" count only when the sentence is about the course (discharge, follow-up). */
const COURSE_CONTEXT = /\b(?:discharged|discharge|recover\w*|follow[- ]?up|later|returned|weeks|months|after|went home|postoperative|outcome)\b/i;
/** Improvement words about the presentation of a symptom before treatment are not outcomes; nothing to do here. */

export interface OutcomeFinding {
  outcome: ProposedValue<Outcome> | null;
  timeToResolutionDays: ProposedValue<number> | null;
}

const RESOLUTION_TIME = new RegExp(`\\b(?:within|after|over|in) (?:the (?:next|following) )?(?:about |approximately )?(${NUMBER_SOURCE}|a) (days?|weeks?|months?)\\b|\\b(${NUMBER_SOURCE}) (days?|weeks?|months?) later\\b`, 'gi');
const DAYS: Record<string, number> = { day: 1, days: 1, week: 7, weeks: 7, month: 30, months: 30 };

export function outcomeRule(sentences: SentenceContext[]): OutcomeFinding {
  let best: { rank: number; value: ProposedValue<Outcome>; ctx: SentenceContext } | null = null;
  for (const ctx of sentences) {
    if (ctx.generic) continue;
    const text = ctx.sentence.text;
    // One cheap pass decides whether any of the five patterns can match this sentence.
    if (!OUTCOME_HINT.test(text)) continue;
    for (let r = 0; r < RULES.length; r++) {
      if (best && best.rank <= r) break;
      const rule = RULES[r];
      rule.re.lastIndex = 0;
      let m: RegExpExecArray | null;
      while ((m = rule.re.exec(text)) !== null) {
        const abs = ctx.sentence.start + m.index;
        const f = flagsAt(ctx, ctx.sentence.start + m.index);
        const phrase = m[0].toLowerCase();
        const selfNegating = /^(?:without|no )/.test(phrase) || phrase === 'asymptomatic';
        if (!selfNegating && f & (NEGATED | HYPOTHETICAL)) continue;
        if (selfNegating && f & HYPOTHETICAL) continue;
        if (selfNegating && !COURSE_CONTEXT.test(text)) continue;
        best = {
          rank: r,
          value: { value: rule.outcome, evidence: evidenceOf(ctx.field, ctx.fieldText, abs, abs + m[0].length, ctx.sentence, 'TEXT_RULE', rule.confidence) },
          ctx,
        };
        break;
      }
    }
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
  void SEVERITY;
  return { outcome: best.value, timeToResolutionDays: time };
}
