import { NEGATED } from './context-scopes';
import type { SentenceContext } from './field-context';

/**
 * A small learned classifier of a patient's outcome category (multinomial logistic regression over sparse features of
 * the sentences that tell the course). Pure and deterministic; its weights are plain JSON, trained by
 * bench/extraction/outcome-model.experiment.ts (see bench/extraction/README.md, "Outcome model").
 * Not used by the service: measured leave-one-part-out, it scored below the outcome rules on records nobody studied,
 * so it stays an experiment on record (extractCases takes it only through its optional OutcomeDecider).
 */

/** The classes: the outcome categories a label can hold, and NONE for "the record says nothing of it". */
export const OUTCOME_CLASSES = ['NONE', 'FULL_RECOVERY', 'IMPROVED_UNSPECIFIED', 'PARTIAL_RECOVERY', 'RESIDUAL_DEFICIT', 'DEATH'] as const;
export type OutcomeClass = (typeof OUTCOME_CLASSES)[number];

/** Weights per feature, one per class in the order of `classes`. */
export interface OutcomeModelWeights {
  classes: readonly OutcomeClass[];
  bias: number[];
  weights: Record<string, number[]>;
}

/** A sentence that may tell the patient's state at the end of the course (stems, as loose as the rules' hint list). */
const COURSE_CUE =
  /recover|resol|improv|reliev|relief|sequel|deficit|died|death|deceas|residual|permanent|persist|remain|asymptomatic|revers|outcome|uneventful|disabilit|expired|succumbed|fatal|disappear|partial|still|paraly|paretic|weakness|numbness|regress|regain|subsid|abate|favou?rable|intact|normal|discharg|follow[- ]?up|well\b|heal|restor|unchanged/i;
const TIME_WORD = /\b(?:\d+|one|two|three|four|five|six|twelve|several)[- ](?:days?|weeks?|months?|years?)\b|\bfollow[- ]?up\b|\bdischarg\w*|\blater\b|\beventually\b|\bfinally\b|\bat present\b|\bcurrently\b/i;

/** One feature of a sentence and the characters it was read from (offsets into the field's text). */
interface SentenceFeature {
  name: string;
  start: number;
  end: number;
}

/** Features of one sentence, without the position prefix: words (negated ones marked) and adjacent word pairs. */
function sentenceFeatures(ctx: SentenceContext): SentenceFeature[] {
  const out: SentenceFeature[] = [];
  let prev: SentenceFeature | null = null;
  for (let i = 0; i < ctx.tokens.length; i++) {
    const t = ctx.tokens[i];
    let w = t.norm;
    if (w.length < 2 && !/\d/.test(w)) continue;
    if (/^\d/.test(w)) w = '#';
    if (ctx.flags[i] & NEGATED) w = `not_${w}`;
    const word = { name: w, start: t.start, end: t.end };
    out.push(word);
    if (prev) out.push({ name: `${prev.name}_${w}`, start: prev.start, end: t.end });
    prev = word;
  }
  TIME_WORD.lastIndex = 0;
  const time = TIME_WORD.exec(ctx.sentence.text);
  if (time) out.push({ name: '@time', start: ctx.sentence.start + time.index, end: ctx.sentence.start + time.index + time[0].length });
  return out;
}

export interface OutcomeFeatures {
  /** Features not tied to one sentence (bias aside): counts, the rules' proposal. */
  global: string[];
  /** Per cue sentence: the sentence and its (prefixed) features. */
  sentences: { ctx: SentenceContext; features: SentenceFeature[] }[];
}

/**
 * The features of one patient from the sentences the outcome rule reads for it, in reading order. Background and
 * discussion sentences are left out, as the rules leave them. `ruleOutcome` (the rules' proposal, or null) is a feature
 * only when given (`undefined`: the text-only model).
 */
export function outcomeFeatures(sentences: readonly SentenceContext[], ruleOutcome?: string | null): OutcomeFeatures {
  const cue = sentences.filter((s) => !s.generic && COURSE_CUE.test(s.sentence.text));
  const global = [`cues:${Math.min(cue.length, 3)}`];
  if (ruleOutcome !== undefined) global.push(`rule:${ruleOutcome ?? 'none'}`);
  const last = cue.length - 1;
  return {
    global,
    sentences: cue.map((ctx, i) => {
      const f = sentenceFeatures(ctx);
      // Every cue sentence, and the last one apart again: reports tell the course in order and end on its state.
      const features = f.map((x) => ({ ...x, name: `s:${x.name}` }));
      if (i === last) for (const x of f) features.push({ ...x, name: `l:${x.name}` });
      return { ctx, features };
    }),
  };
}

/** All features of an instance, as the trainer sees them (duplicates count once). */
export function featureList(f: OutcomeFeatures): string[] {
  const all = new Set<string>(f.global);
  for (const s of f.sentences) for (const x of s.features) all.add(x.name);
  return [...all];
}

/** Class probabilities (softmax of the scores), in the model's class order. */
export function classProbabilities(model: OutcomeModelWeights, features: readonly string[]): number[] {
  const scores = model.bias.slice();
  for (const f of features) {
    const w = model.weights[f];
    if (!w) continue;
    for (let c = 0; c < scores.length; c++) scores[c] += w[c];
  }
  let max = -Infinity;
  for (const s of scores) if (s > max) max = s;
  let sum = 0;
  for (let c = 0; c < scores.length; c++) {
    scores[c] = Math.exp(scores[c] - max);
    sum += scores[c];
  }
  return scores.map((s) => s / sum);
}

export interface OutcomePrediction {
  outcome: OutcomeClass;
  probability: number;
  /** The cue sentence whose features add most to the predicted class (null when no sentence holds a cue). */
  sentence: SentenceContext | null;
  /** In that sentence, the characters of the feature that adds most to the class ([start, end) of the field's text). */
  span: { start: number; end: number } | null;
}

/** The most probable class, its probability and the sentence that contributed most to it. */
export function predictOutcome(model: OutcomeModelWeights, f: OutcomeFeatures): OutcomePrediction {
  const p = classProbabilities(model, featureList(f));
  let best = 0;
  for (let c = 1; c < p.length; c++) if (p[c] > p[best]) best = c;
  let sentence: SentenceContext | null = null;
  let span: { start: number; end: number } | null = null;
  let top = -Infinity;
  for (const s of f.sentences) {
    let sum = 0;
    let strongest: SentenceFeature | null = null;
    let strongestWeight = -Infinity;
    const seen = new Set<string>();
    for (const x of s.features) {
      const w = model.weights[x.name]?.[best] ?? 0;
      if (w > strongestWeight) {
        strongestWeight = w;
        strongest = x;
      }
      if (seen.has(x.name)) continue;
      seen.add(x.name);
      sum += w;
    }
    if (sum > top) {
      top = sum;
      sentence = s.ctx;
      span = strongest ? { start: strongest.start, end: strongest.end } : null;
    }
  }
  return { outcome: model.classes[best], probability: p[best], sentence, span };
}
