/**
 * The outcome-model experiment (protocol: bench/extraction/outcome-model.protocol.md; figures: README "Outcome model").
 *
 *   npx ts-node --transpile-only -P tsconfig.json bench/extraction/outcome-model.experiment.ts [--text-only] [--l2 X] [--write FILE]
 *
 * Leave-one-part-out over the 16 labelled parts: for each part, a multinomial logistic regression is trained on the
 * other 15 (its abstain threshold, and for the combined variant whether the rules win when they fire, chosen by an inner
 * leave-one-part-out over those 15 only) and predicts that part's patients. Printed per part and pooled: the bench's
 * outcome accuracy (correct / labelled outcomes), precision, F1, outcomes proposed where none is labelled, and the
 * bench's negation audit over the proposed outcomes; beside the rules' one-time scores (results-rules-*-unseenN.txt) and
 * the current rules. `--write FILE` also trains the text-only model on all 16 parts and writes its weights.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildVocabularyMatcher, extractCases } from '../../src/extraction/extract-cases';
import type { ExtractionInput, VocabularyEntry } from '../../src/extraction/extraction.types';
import type { SentenceContext } from '../../src/extraction/field-context';
import { featureList, OUTCOME_CLASSES, outcomeFeatures, predictOutcome, type OutcomeClass, type OutcomeFeatures, type OutcomeModelWeights } from '../../src/extraction/outcome-model';
import { DEFAULT_TRAINING, trainOutcomeModel } from '../../src/extraction/outcome-model.trainer';
import { focusVocabulary } from '../../src/extraction/vocabulary-focus';
import type { TermKind } from '../../src/vocabulary/term-kind.enum';
import { NEGATION_AFTER, negatedBefore } from './negation-audit';

const ROOT = join(__dirname, '..', '..');
const PARTS = ['train', 'heldout', 'unseen', ...Array.from({ length: 13 }, (_, i) => `unseen${i + 2}`)];
const FRESH = PARTS.filter((p) => /^unseen(?:[7-9]|1[0-4])$/.test(p));
/** The rules version whose score on the part was its last before the part was studied (the protocol's list). */
const ONE_TIME: Record<string, string> = { unseen2: '1.2.0', unseen3: '1.3.0', unseen4: '1.4.0', unseen5: '1.5.0', unseen6: '1.6.0', unseen7: '1.7.0', unseen8: '1.8.0', unseen9: '1.9.0', unseen10: '1.10.0', unseen11: '1.11.0', unseen12: '1.12.0', unseen13: '1.12.0', unseen14: '1.13.0' };
const THRESHOLDS = [0, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.7];

interface LabelledRecord {
  id: string;
  split: string;
  input: ExtractionInput;
  expected: { patients: { outcome?: { value: string } }[] };
}

/** One patient slot of a record: a proposed patient, a labelled one, or both (paired in order, as the bench pairs them). */
interface Slot {
  record: LabelledRecord;
  part: string;
  label: OutcomeClass;
  /** Null when the rules proposed no patient in this slot (the model then proposes nothing either). */
  proposed: { sentences: SentenceContext[]; rules: string | null; text: OutcomeFeatures; stacked: OutcomeFeatures } | null;
}

type Variant = 'text' | 'stacked';
interface Decision {
  value: string | null;
  /** Where the evidence starts and ends in which field (for the audit). */
  evidence?: { field: string; start: number; end: number };
}

function loadVocabulary(): VocabularyEntry[] {
  type Row = { key: string; kind: string; label: string; synonyms: string[]; parent: string | null; meshUi: string | null };
  const read = (file: string, source: 'curated' | 'mesh') =>
    (JSON.parse(readFileSync(join(ROOT, 'src', 'vocabulary', 'seed', file), 'utf8')) as Row[]).map((t): VocabularyEntry => ({ key: t.key, kind: t.kind as TermKind, label: t.label, synonyms: t.synonyms, meshUi: t.meshUi, parentKey: t.parent, source }));
  return [...read('vocabulary-terms.json', 'curated'), ...read('mesh-vocabulary-terms.json', 'mesh')];
}

function slotsOf(records: LabelledRecord[]): Slot[] {
  const matcher = buildVocabularyMatcher(focusVocabulary(loadVocabulary()));
  const slots: Slot[] = [];
  for (const record of records) {
    const seen: Slot['proposed'][] = [];
    extractCases(record.input, matcher, (sentences, rules) => {
      const r = rules.outcome?.value ?? null;
      seen.push({ sentences, rules: r, text: outcomeFeatures(sentences), stacked: outcomeFeatures(sentences, r) });
      return rules;
    });
    const n = Math.max(seen.length, record.expected.patients.length);
    for (let i = 0; i < n; i++) slots.push({ record, part: record.split, label: (record.expected.patients[i]?.outcome?.value as OutcomeClass | undefined) ?? 'NONE', proposed: seen[i] ?? null });
  }
  return slots;
}

function featuresOf(slot: Slot, variant: Variant): OutcomeFeatures {
  return variant === 'text' ? slot.proposed!.text : slot.proposed!.stacked;
}

/** `--l2 X`: a sensitivity check after the protocol's run (the protocol's value is DEFAULT_TRAINING.l2). */
const L2 = process.argv.includes('--l2') ? Number(process.argv[process.argv.indexOf('--l2') + 1]) : DEFAULT_TRAINING.l2;
/** `--text-only`: only the text-only variant (the sensitivity checks). */
const TEXT_ONLY = process.argv.includes('--text-only');

function train(slots: Slot[], variant: Variant): OutcomeModelWeights {
  return trainOutcomeModel(slots.filter((s) => s.proposed).map((s) => ({ features: featureList(featuresOf(s, variant)), label: s.label })), { ...DEFAULT_TRAINING, l2: L2 });
}

interface Config {
  threshold: number;
  rulesFirst: boolean;
}

/** What a model said of one slot (kept instead of the model: the inner folds share their models, see below). */
type Prediction = ReturnType<typeof predictOutcome> | null;

function predict(model: OutcomeModelWeights, slot: Slot, variant: Variant): Prediction {
  return slot.proposed ? predictOutcome(model, featuresOf(slot, variant)) : null;
}

function decide(slot: Slot, p: Prediction, config: Config): Decision {
  if (!slot.proposed || !p) return { value: null };
  if (config.rulesFirst && slot.proposed.rules) return { value: slot.proposed.rules };
  if (p.outcome === 'NONE' || p.probability < config.threshold || !p.sentence || !p.span) return { value: null };
  return { value: p.outcome, evidence: { field: p.sentence.field, start: p.span.start, end: p.span.end } };
}

class Tally {
  labelled = 0;
  correct = 0;
  tp = 0;
  fp = 0;
  fn = 0;
  unlabelledProposed = 0;
  negated = 0;
  add(slot: Slot, d: Decision): void {
    const ev = slot.label === 'NONE' ? null : slot.label;
    if (ev) this.labelled++;
    if (ev && d.value === ev) {
      this.correct++;
      this.tp++;
    } else {
      if (d.value) this.fp++;
      if (ev) this.fn++;
      if (d.value && !ev) this.unlabelledProposed++;
    }
    if (d.value && d.value !== ev && d.evidence) {
      const text = d.evidence.field === 'title' ? slot.record.input.title : d.evidence.field === 'abstract' ? slot.record.input.abstract : null;
      if (text !== null && (negatedBefore(text.slice(Math.max(0, d.evidence.start - 100), d.evidence.start)) || NEGATION_AFTER.test(text.slice(d.evidence.end, d.evidence.end + 50)))) this.negated++;
    }
  }
  get f1(): number {
    const p = this.tp + this.fp ? this.tp / (this.tp + this.fp) : 1;
    const r = this.tp + this.fn ? this.tp / (this.tp + this.fn) : 1;
    return p + r ? (2 * p * r) / (p + r) : 0;
  }
  merge(o: Tally): this {
    for (const k of ['labelled', 'correct', 'tp', 'fp', 'fn', 'unlabelledProposed', 'negated'] as const) this[k] += o[k];
    return this;
  }
  toString(): string {
    const acc = this.labelled ? ((100 * this.correct) / this.labelled).toFixed(1) : '-';
    const prec = this.tp + this.fp ? ((100 * this.tp) / (this.tp + this.fp)).toFixed(1) : '-';
    return `${acc}% (${this.correct}/${this.labelled}) P ${prec}% F1 ${this.f1.toFixed(3)} +${this.unlabelledProposed} unlabelled, audit ${this.negated}`;
  }
}

/** The configuration with the best outcome F1 over the given predictions (ties: the first, the most cautious order). */
function chooseConfig(preds: { slot: Slot; p: Prediction }[], combined: boolean): Config {
  const options: Config[] = [];
  for (const rulesFirst of combined ? [false, true] : [false]) for (const threshold of THRESHOLDS) options.push({ threshold, rulesFirst });
  let best = options[0];
  let bestF1 = -1;
  for (const c of options) {
    const t = new Tally();
    for (const { slot, p } of preds) t.add(slot, decide(slot, p, c));
    if (t.f1 > bestF1 + 1e-12) {
      bestF1 = t.f1;
      best = c;
    }
  }
  return best;
}

/**
 * Predictions of every fold of one feature variant. The inner fold "held out h, predict q" trains on all parts but h and
 * q, the same model as "held out q, predict h": each pair is trained once and predicts both (identical results, half the
 * training).
 */
function foldPredictions(slots: Slot[], variant: Variant) {
  const inner = new Map<string, { slot: Slot; p: Prediction }[]>(PARTS.map((p) => [p, []]));
  const outer = new Map<string, { slot: Slot; p: Prediction }[]>();
  for (let i = 0; i < PARTS.length; i++) {
    const a = PARTS[i];
    const model = train(slots.filter((s) => s.part !== a), variant);
    outer.set(a, slots.filter((s) => s.part === a).map((slot) => ({ slot, p: predict(model, slot, variant) })));
    for (let j = i + 1; j < PARTS.length; j++) {
      const b = PARTS[j];
      const pair = train(slots.filter((s) => s.part !== a && s.part !== b), variant);
      for (const slot of slots.filter((s) => s.part === b)) inner.get(a)!.push({ slot, p: predict(pair, slot, variant) });
      for (const slot of slots.filter((s) => s.part === a)) inner.get(b)!.push({ slot, p: predict(pair, slot, variant) });
    }
  }
  return { inner, outer };
}

function leaveOnePartOut(folds: ReturnType<typeof foldPredictions>, combined: boolean, name: string, log: (s: string) => void): Map<string, Tally> {
  const byPart = new Map<string, Tally>();
  for (const held of PARTS) {
    // Chosen on the inner leave-one-part-out over the 15 training parts only.
    const config = chooseConfig(folds.inner.get(held)!, combined);
    const t = new Tally();
    for (const { slot, p } of folds.outer.get(held)!) t.add(slot, decide(slot, p, config));
    byPart.set(held, t);
    log(`  ${name} ${held}: threshold ${config.threshold}${config.rulesFirst ? ', rules first' : ''}: ${t}`);
  }
  return byPart;
}

function oneTime(part: string): Tally | null {
  const version = ONE_TIME[part];
  if (!version) return null;
  const text = readFileSync(join(__dirname, `results-rules-${version}-${part}.txt`), 'utf8');
  const acc = /outcome category accuracy \(labelled patients\):\s+[\d.]+% \((\d+)\/(\d+)\)/.exec(text);
  const row = /^outcome\s+[\d.]+%\s+[\d.]+%\s+[\d.]+%\s+\((\d+)\/(\d+)\/(\d+)\)/m.exec(text);
  if (!acc || !row) throw new Error(`results-rules-${version}-${part}.txt: no outcome line`);
  const t = new Tally();
  t.correct = Number(acc[1]);
  t.labelled = Number(acc[2]);
  t.tp = Number(row[1]);
  t.fp = Number(row[2]);
  t.fn = Number(row[3]);
  t.unlabelledProposed = NaN;
  t.negated = NaN;
  return t;
}

function main(): void {
  const set = JSON.parse(readFileSync(join(__dirname, 'labelled-abstracts.json'), 'utf8')) as { records: LabelledRecord[] };
  const slots = slotsOf(set.records);
  const log = (s: string) => console.log(s);
  log(`L2 ${L2}${TEXT_ONLY ? ', text-only variant only' : ''}`);
  log(`${set.records.length} records, ${slots.filter((s) => s.proposed).length} proposed patients, ${slots.filter((s) => s.label !== 'NONE').length} labelled outcomes; classes ${OUTCOME_CLASSES.join(', ')}`);

  const rules = new Map<string, Tally>();
  for (const part of PARTS) {
    const t = new Tally();
    for (const slot of slots.filter((s) => s.part === part)) t.add(slot, { value: slot.proposed?.rules ?? null });
    rules.set(part, t);
  }
  const results: Record<string, Map<string, Tally>> = { 'rules 1.13.1 (now)': rules };
  const text = foldPredictions(slots, 'text');
  results['text-only model'] = leaveOnePartOut(text, false, 'text-only', log);
  if (!TEXT_ONLY) {
    const stacked = foldPredictions(slots, 'stacked');
    results['stacked model'] = leaveOnePartOut(stacked, false, 'stacked', log);
    results['combined (rules first when chosen)'] = leaveOnePartOut(stacked, true, 'combined', log);
  }

  log('\npart       labelled  one-time rules                  | ' + Object.keys(results).join(' | '));
  for (const part of PARTS) {
    const o = oneTime(part);
    log(`${part.padEnd(10)} ${String(rules.get(part)!.labelled).padStart(3)}  ${o ? `${ONE_TIME[part]} ${o}` : '(none)'} | ${Object.values(results).map((r) => r.get(part)!.toString()).join(' | ')}`);
  }
  const pool = (r: Map<string, Tally>, parts: string[]) => parts.reduce((t, p) => t.merge(r.get(p)!), new Tally());
  const poolOneTime = (parts: string[]) => parts.reduce((t, p) => t.merge(oneTime(p)!), new Tally());
  log('');
  for (const [name, parts] of [
    ['unseen7-unseen14', FRESH],
    ['unseen2-unseen14', PARTS.filter((p) => ONE_TIME[p])],
    ['all 16 parts', PARTS],
  ] as const) {
    log(`pooled ${name}:`);
    if (parts.every((p) => ONE_TIME[p])) log(`  rules one-time: ${poolOneTime([...parts])}`);
    for (const [k, r] of Object.entries(results)) log(`  ${k}: ${pool(r, [...parts])}`);
  }

  const out = process.argv.indexOf('--write');
  if (out > 0) {
    const model = train(slots, 'text');
    writeFileSync(process.argv[out + 1], JSON.stringify(model) + '\n');
    log(`\nwrote ${process.argv[out + 1]}: ${Object.keys(model.weights).length} features`);
  }
}

main();
