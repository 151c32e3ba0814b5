/**
 * npm run bench:extraction [-- --split train|heldout|unseen|unseen2|unseen3|unseen4|unseen5|unseen6|unseen7|unseen8|unseen9|unseen10|unseen11|unseen12|unseen13|unseen14|all --verbose]
 *
 * Runs the extraction rules over the labelled set of real records (bench/extraction/labelled-abstracts.json,
 * see bench/extraction/README.md) with the curated vocabulary, and prints per field precision, recall
 * and F1 for the train part, the held-out part, the part still called "unseen" (41 records labelled after rules 1.1.0;
 * their errors were studied for rules 1.2.0, so their figures are no longer an unseen estimate; printed on its own), train and held-out together, and all (train, held-out, unseen); the second
 * unseen part (unseen2: scored once with rules 1.2.0, its errors studied for rules 1.3.0, so no longer unseen) is scored and printed only with --split unseen2, on its own, and the third
 * (unseen3, studied since rules 1.4.0) only with --split unseen3, the fourth (unseen4: scored once with rules 1.3.0 and 1.4.0, its errors studied for rules 1.5.0, so no longer unseen) only with --split unseen4, the fifth (unseen5: scored once with rules 1.4.0 and 1.5.0, its errors studied for rules 1.6.0, so no longer unseen) only with --split unseen5, the sixth (unseen6: scored once with rules 1.5.0 and 1.6.0, its errors studied for rules 1.7.0, so no longer unseen) only with --split unseen6, the seventh (unseen7, kept for one final score) only with --split unseen7, the eighth (unseen8, kept for one final score) only with --split unseen8, the ninth (unseen9, kept for one final score) only with --split unseen9, the tenth (unseen10, kept for one final score) only with --split unseen10, the eleventh (unseen11, kept for one final score) only with --split unseen11, the twelfth (unseen12, kept for one final score) only with --split unseen12, the thirteenth (unseen13, kept for one final score) only with --split unseen13, and the fourteenth (unseen14, kept for one final score) only with --split unseen14. Fields: patients per record (exact-match rate), sex,
 * age, pregnancy status, anticoagulation, complications, procedures, treatments, symptoms,
 * comorbidities, outcome category accuracy; facts asserted next to a negation cue (target 0); patients
 * proposed for records that report none (reviews, trials, cohorts: target 0); and throughput (the whole set repeated
 * for at least 3 s after a warm-up of at least 4 s; the cold first pass is printed too): once with the process free to use every core, once in a child process pinned
 * to one CPU with `taskset` (the figure for "one core": the garbage collector's threads share it).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { buildVocabularyMatcher, extractCases } from '../src/extraction/extract-cases';
import type { Evidence, ExtractionInput, ProposedPatient, VocabularyEntry } from '../src/extraction/extraction.types';
import type { TermKind } from '../src/vocabulary/term-kind.enum';
import { RuleBasedCaseExtractor } from '../src/extraction/rule-based-case-extractor';
import { NEGATION_AFTER, negatedBefore } from './extraction/negation-audit';

interface LabelValue<T> {
  value: T;
  text: string;
}
interface LabelTerm {
  termKey: string;
  text: string;
}
interface LabelPatient {
  label: string;
  ageYears?: LabelValue<number>;
  sex?: LabelValue<string>;
  pregnancyStatus?: LabelValue<string>;
  anticoagulation?: LabelValue<string>;
  outcome?: LabelValue<string>;
  complications: LabelTerm[];
  procedures: LabelTerm[];
  treatments: LabelTerm[];
  symptoms: LabelTerm[];
  comorbidities: LabelTerm[];
}
interface LabelledRecord {
  id: string;
  split: 'train' | 'heldout' | 'unseen' | 'unseen2' | 'unseen3' | 'unseen4' | 'unseen5' | 'unseen6' | 'unseen7' | 'unseen8' | 'unseen9' | 'unseen10' | 'unseen11' | 'unseen12' | 'unseen13' | 'unseen14';
  input: ExtractionInput;
  expected: { patients: LabelPatient[] };
}

/** Parts kept for one final score: scored only when asked for by name, never part of "all". */
const KEPT_FOR_FINAL_SCORE: readonly string[] = ['unseen2', 'unseen3', 'unseen4', 'unseen5', 'unseen6', 'unseen7', 'unseen8', 'unseen9', 'unseen10', 'unseen11', 'unseen12', 'unseen13', 'unseen14'];

/** The repository root, whether run from bench/ (ts-node) or dist/bench/ (after the build). */
const ROOT = existsSync(join(__dirname, '..', 'package.json')) ? join(__dirname, '..') : join(__dirname, '..', '..');
const SET = join(ROOT, 'bench', 'extraction', 'labelled-abstracts.json');
const VOCABULARY = join(ROOT, 'src', 'vocabulary', 'seed', 'vocabulary-terms.json');
const MESH_VOCABULARY = join(ROOT, 'src', 'vocabulary', 'seed', 'mesh-vocabulary-terms.json');
/** `--vocabulary all` (what the service uses by default: curated and MeSH-seeded terms) or `curated`. */
const VOCABULARY_CHOICE = process.argv.includes('--vocabulary') ? process.argv[process.argv.indexOf('--vocabulary') + 1] : 'all';

function option(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback;
}
const VERBOSE = process.argv.includes('--verbose');

type SeedRow = { key: string; kind: string; label: string; synonyms: string[]; parent: string | null; meshUi: string | null };

function loadVocabulary(): VocabularyEntry[] {
  const read = (file: string, source: 'curated' | 'mesh') =>
    (JSON.parse(readFileSync(file, 'utf8')) as SeedRow[]).map((t): VocabularyEntry => ({ key: t.key, kind: t.kind as TermKind, label: t.label, synonyms: t.synonyms, meshUi: t.meshUi, parentKey: t.parent, source }));
  // As the service does: the text rules see the curated terms and the MeSH terms under them.
  return VOCABULARY_CHOICE === 'curated' ? read(VOCABULARY, 'curated') : [...read(VOCABULARY, 'curated'), ...read(MESH_VOCABULARY, 'mesh')];
}

class Counts {
  tp = 0;
  fp = 0;
  fn = 0;
  get precision() {
    return this.tp + this.fp === 0 ? 1 : this.tp / (this.tp + this.fp);
  }
  get recall() {
    return this.tp + this.fn === 0 ? 1 : this.tp / (this.tp + this.fn);
  }
  get f1() {
    const p = this.precision;
    const r = this.recall;
    return p + r === 0 ? 0 : (2 * p * r) / (p + r);
  }
}

const VALUE_FIELDS = ['sex', 'ageYears', 'pregnancyStatus', 'anticoagulation', 'outcome'] as const;
const TERM_FIELDS = ['complications', 'procedures', 'treatments', 'symptoms', 'comorbidities'] as const;

interface Score {
  records: number;
  exactPatients: number;
  nonIndividualRecords: number;
  patientsOnNonIndividual: number;
  values: Record<(typeof VALUE_FIELDS)[number], Counts>;
  terms: Record<(typeof TERM_FIELDS)[number], Counts>;
  outcomeLabelled: number;
  outcomeCorrect: number;
  negatedFacts: string[];
}

function newScore(): Score {
  return {
    records: 0,
    exactPatients: 0,
    nonIndividualRecords: 0,
    patientsOnNonIndividual: 0,
    values: Object.fromEntries(VALUE_FIELDS.map((f) => [f, new Counts()])) as Score['values'],
    terms: Object.fromEntries(TERM_FIELDS.map((f) => [f, new Counts()])) as Score['terms'],
    outcomeLabelled: 0,
    outcomeCorrect: 0,
    negatedFacts: [],
  };
}

function evidenceOfPatient(p: ProposedPatient): { what: string; evidence: Evidence }[] {
  const out: { what: string; evidence: Evidence }[] = [];
  for (const f of VALUE_FIELDS) {
    const v = p[f];
    if (v) out.push({ what: `${f}=${v.value}`, evidence: v.evidence });
  }
  for (const f of TERM_FIELDS) for (const t of p[f]) out.push({ what: `${f}:${t.termKey}`, evidence: t.evidence });
  return out;
}

function fieldText(input: ExtractionInput, e: Evidence): string | null {
  if (e.field === 'title') return input.title;
  if (e.field === 'abstract') return input.abstract;
  return null;
}

function scoreRecord(rec: LabelledRecord, predicted: ProposedPatient[], s: Score): string[] {
  const notes: string[] = [];
  const expected = rec.expected.patients;
  s.records++;
  if (predicted.length === expected.length) s.exactPatients++;
  else notes.push(`patients: expected ${expected.length}, got ${predicted.length}`);
  if (expected.length === 0) {
    s.nonIndividualRecords++;
    s.patientsOnNonIndividual += predicted.length;
  }
  const n = Math.max(expected.length, predicted.length);
  for (let i = 0; i < n; i++) {
    const e = expected[i];
    const p = predicted[i];
    for (const f of VALUE_FIELDS) {
      const ev = e?.[f]?.value;
      const pv = p?.[f]?.value;
      const c = s.values[f];
      if (ev !== undefined && pv !== undefined && ev === pv) c.tp++;
      else {
        if (pv !== undefined) c.fp++;
        if (ev !== undefined) c.fn++;
        if (ev !== undefined || pv !== undefined) notes.push(`${f} [${i}]: expected ${ev ?? '-'}, got ${pv ?? '-'}`);
      }
    }
    if (e?.outcome) {
      s.outcomeLabelled++;
      if (p?.outcome?.value === e.outcome.value) s.outcomeCorrect++;
    }
    for (const f of TERM_FIELDS) {
      const ek = new Set((e?.[f] ?? []).map((t) => t.termKey));
      const pk = new Set((p?.[f] ?? []).map((t) => t.termKey));
      const c = s.terms[f];
      for (const k of pk) {
        if (ek.has(k)) c.tp++;
        else {
          c.fp++;
          notes.push(`${f} [${i}] FP ${k}`);
        }
      }
      for (const k of ek) {
        if (!pk.has(k)) {
          c.fn++;
          notes.push(`${f} [${i}] FN ${k}`);
        }
      }
    }
  }
  // Negated-mention audit: a proposed fact whose evidence follows a negation cue and that the labels do not hold.
  for (const [i, p] of predicted.entries()) {
    const labelled = new Set<string>();
    const e = expected[i];
    if (e) {
      for (const f of TERM_FIELDS) for (const t of e[f]) labelled.add(`${f}:${t.termKey}`);
      for (const f of VALUE_FIELDS) if (e[f]) labelled.add(`${f}=${e[f]!.value}`);
    }
    for (const { what, evidence } of evidenceOfPatient(p)) {
      const text = fieldText(rec.input, evidence);
      if (text === null || labelled.has(what)) continue;
      const before = text.slice(Math.max(0, evidence.start - 100), evidence.start);
      const after = text.slice(evidence.end, evidence.end + 50);
      if (negatedBefore(before) || NEGATION_AFTER.test(after)) s.negatedFacts.push(`${rec.id} ${what} «${before.slice(-30)}[${evidence.text}]${after.slice(0, 20)}»`);
    }
  }
  return notes;
}

function pct(x: number): string {
  return (x * 100).toFixed(1).padStart(5) + '%';
}

function report(name: string, s: Score): void {
  console.log(`\n== ${name}: ${s.records} records ==`);
  console.log(`patients per record, exact match: ${pct(s.exactPatients / s.records)} (${s.exactPatients}/${s.records})`);
  console.log(`patients proposed for records that report none (reviews, trials, cohorts, non-clinical): ${s.patientsOnNonIndividual} over ${s.nonIndividualRecords} records`);
  console.log(`facts asserted next to a negation cue: ${s.negatedFacts.length}`);
  for (const f of s.negatedFacts) console.log(`   ${f}`);
  console.log('field             precision  recall     F1   (tp/fp/fn)');
  const row = (label: string, c: Counts) => console.log(`${label.padEnd(17)} ${pct(c.precision)}  ${pct(c.recall)}  ${pct(c.f1)}   (${c.tp}/${c.fp}/${c.fn})`);
  row('sex', s.values.sex);
  row('age', s.values.ageYears);
  row('pregnancy status', s.values.pregnancyStatus);
  row('anticoagulation', s.values.anticoagulation);
  row('complications', s.terms.complications);
  row('procedures', s.terms.procedures);
  row('treatments', s.terms.treatments);
  row('symptoms', s.terms.symptoms);
  row('comorbidities', s.terms.comorbidities);
  row('outcome', s.values.outcome);
  console.log(`outcome category accuracy (labelled patients): ${pct(s.outcomeLabelled ? s.outcomeCorrect / s.outcomeLabelled : 1)} (${s.outcomeCorrect}/${s.outcomeLabelled})`);
}

/**
 * The whole set repeated for at least `minMs` of work, after a warm-up of at least `warmUpMs` (and two passes): V8
 * optimises the rules' functions and compiles their regular expressions over the first few thousand abstracts (the
 * first pass runs at a fifth of the steady speed, the third at about two thirds), so one warm-up pass measured the
 * compiler as much as the rules. The extraction threads live as long as the service (piscina, no idle timeout), so an
 * import runs at the steady speed after its first seconds; the cold first pass is reported apart.
 */
function throughput(records: LabelledRecord[], extract: (input: ExtractionInput) => unknown, minMs = 3000, warmUpMs = 4000) {
  const pass = () => {
    for (const rec of records) extract(rec.input);
  };
  const cold = performance.now();
  pass();
  const coldSeconds = (performance.now() - cold) / 1000;
  let warmUpPasses = 1;
  while (warmUpPasses < 2 || performance.now() - cold < warmUpMs) {
    pass();
    warmUpPasses++;
  }
  let runs = 0;
  let abstracts = 0;
  const start = performance.now();
  const cpu0 = process.cpuUsage();
  while (performance.now() - start < minMs) {
    pass();
    runs++;
    abstracts += records.length;
  }
  const cpu = process.cpuUsage(cpu0);
  return { runs, abstracts, seconds: (performance.now() - start) / 1000, cpuSeconds: (cpu.user + cpu.system) / 1e6, warmUpPasses, coldPerSecond: records.length / coldSeconds };
}

/**
 * "On one core" measured as such: a child process pinned to one CPU (`taskset -c 0`), so V8's garbage-collector and
 * compiler threads share that core with the rules instead of running beside them on another one (the figure above
 * counts their CPU time but not their wall time). Wall clock and CPU time then agree; their ratio is printed as a check.
 */
function onOneCore(): string {
  const script = process.argv[1];
  const runner = script.endsWith('.ts') ? [...process.execArgv, '-r', 'ts-node/register/transpile-only'] : process.execArgv;
  const args = ['-c', '0', process.execPath, ...runner, script, '--throughput-only', ...process.argv.slice(2).filter((a) => a !== '--verbose')];
  const child = spawnSync('taskset', args, { encoding: 'utf8', env: { ...process.env, TS_NODE_PROJECT: process.env.TS_NODE_PROJECT ?? join(ROOT, 'tsconfig.json') } });
  if (child.error || child.status !== 0) return `throughput on one core: not measured (taskset, from util-linux, ${child.error ? 'is not available' : `failed: ${child.stderr.trim().split('\n').pop()}`})`;
  const r = JSON.parse(child.stdout.trim().split('\n').pop() ?? '{}') as ReturnType<typeof throughput>;
  return `throughput on one core (the process pinned to CPU 0, garbage collector included): ${Math.round(r.abstracts / r.seconds)} abstracts/s wall clock, ${Math.round(r.abstracts / r.cpuSeconds)} per CPU-second (${r.runs} passes, ${r.seconds.toFixed(2)} s wall, ${r.cpuSeconds.toFixed(2)} s CPU, after ${r.warmUpPasses} warm-up passes; the cold first pass: ${Math.round(r.coldPerSecond)}/s)`;
}

function main(): void {
  const split = option('split', 'all');
  const set = JSON.parse(readFileSync(SET, 'utf8')) as { records: LabelledRecord[] };
  const vocabulary = loadVocabulary();
  const t0 = performance.now();
  // What the service runs (RuleBasedCaseExtractor): the focused vocabulary for text, the whole one for major-topic MeSH complications.
  const extract = new RuleBasedCaseExtractor().forVocabulary(vocabulary);
  const buildMs = performance.now() - t0;
  if (process.argv.includes('--throughput-only')) {
    console.log(JSON.stringify(throughput(set.records, extract)));
    return;
  }

  if (!['train', 'heldout', 'unseen', 'unseen2', 'unseen3', 'unseen4', 'unseen5', 'unseen6', 'unseen7', 'unseen8', 'unseen9', 'unseen10', 'unseen11', 'unseen12', 'unseen13', 'unseen14', 'all'].includes(split)) throw new Error(`--split must be train, heldout, unseen, unseen2, unseen3, unseen4, unseen5, unseen6, unseen7, unseen8, unseen9, unseen10, unseen11, unseen12, unseen13, unseen14 or all (got ${split})`);
  const scores = { train: newScore(), heldout: newScore(), unseen: newScore(), unseen2: newScore(), unseen3: newScore(), unseen4: newScore(), unseen5: newScore(), unseen6: newScore(), unseen7: newScore(), unseen8: newScore(), unseen9: newScore(), unseen10: newScore(), unseen11: newScore(), unseen12: newScore(), unseen13: newScore(), unseen14: newScore(), seen: newScore(), all: newScore() };
  for (const rec of set.records) {
    // The second and third unseen parts are kept for one final score each: each is scored (and its disagreements listed)
    // only when asked for by name, never as part of "all", so that nobody sees its figures by accident while working on the rules.
    if (KEPT_FOR_FINAL_SCORE.includes(rec.split) && rec.split !== split) continue;
    if (KEPT_FOR_FINAL_SCORE.includes(split) && rec.split !== split) continue;
    const result = extract(rec.input);
    const notes = scoreRecord(rec, result.patients, scores[rec.split]);
    if (rec.split === 'train' || rec.split === 'heldout') scoreRecord(rec, result.patients, scores.seen);
    if (!KEPT_FOR_FINAL_SCORE.includes(rec.split)) scoreRecord(rec, result.patients, scores.all);
    if (VERBOSE && notes.length && (split === 'all' || split === rec.split)) console.log(`${rec.id} (${rec.split}, ${result.studyKind}): ${notes.join('; ')}`);
  }
  if (split === 'all' || split === 'train') report('train', scores.train);
  if (split === 'all' || split === 'heldout') report('held-out', scores.heldout);
  if (split === 'all') report('train + held-out (the 84 records examined while tuning up to rules 1.1.0)', scores.seen);
  // The "unseen" part on its own: records nobody looked at up to rules 1.1.1; studied for rules 1.2.0 (no longer unseen).
  if (split === 'all' || split === 'unseen') report('unseen (labelled after rules 1.1.0; its errors studied for rules 1.2.0: no longer an unseen estimate)', scores.unseen);
  // The second unseen part (records labelled after rules 1.1.1, never run through the rules by its builder), only on request.
  if (split === 'unseen2') report('unseen2', scores.unseen2);
  // The third unseen part (records labelled after rules 1.2.0, never run through the rules by its builder), only on request.
  if (split === 'unseen3') report('unseen3', scores.unseen3);
  // The fourth unseen part (records labelled after rules 1.3.0, never run through the rules by its builder), only on request.
  if (split === 'unseen4') report('unseen4', scores.unseen4);
  // The fifth unseen part (records labelled after rules 1.4.0, never run through the rules by its builder), only on request.
  if (split === 'unseen5') report('unseen5', scores.unseen5);
  // The sixth unseen part (records labelled after rules 1.5.0, never run through the rules by its builder), only on request.
  if (split === 'unseen6') report('unseen6', scores.unseen6);
  // The seventh unseen part (records labelled after rules 1.6.0, never run through the rules by its builder), only on request.
  if (split === 'unseen7') report('unseen7', scores.unseen7);
  // The eighth unseen part (records labelled after rules 1.7.0, never run through the rules by its builder), only on request.
  if (split === 'unseen8') report('unseen8', scores.unseen8);
  // The ninth unseen part (records labelled after rules 1.8.0, never run through the rules by its builder), only on request.
  if (split === 'unseen9') report('unseen9', scores.unseen9);
  // The tenth unseen part (records labelled after rules 1.9.0, never run through the rules by its builder), only on request.
  if (split === 'unseen10') report('unseen10', scores.unseen10);
  // The eleventh unseen part (records labelled after rules 1.10.0, never run through the rules by its builder), only on request.
  if (split === 'unseen11') report('unseen11', scores.unseen11);
  if (split === 'unseen12') report('unseen12', scores.unseen12);
  if (split === 'unseen13') report('unseen13', scores.unseen13);
  if (split === 'unseen14') report('unseen14', scores.unseen14);
  if (split === 'all') report('all', scores.all);

  const chars = set.records.reduce((n, r) => n + (r.input.title?.length ?? 0) + (r.input.abstract?.length ?? 0), 0) / set.records.length;
  const free = throughput(set.records, extract);
  console.log(
    `\nthroughput, the process free to use every core: ${Math.round(free.abstracts / free.cpuSeconds)} abstracts per CPU-second of the process, ${Math.round(free.abstracts / free.seconds)} abstracts/s wall clock (${free.runs} passes over ${set.records.length} records, mean ${Math.round(chars)} characters, ${free.seconds.toFixed(2)} s wall, ${free.cpuSeconds.toFixed(2)} s CPU, after ${free.warmUpPasses} warm-up passes; the cold first pass: ${Math.round(free.coldPerSecond)}/s); vocabulary matcher built in ${buildMs.toFixed(1)} ms for ${vocabulary.length} terms`,
  );
  console.log(onOneCore());

  const hostile = 'no no no hematoma without '.repeat(40_000);
  const h0 = performance.now();
  extract({ title: '', abstract: hostile, meshHeadings: [], publicationTypes: ['Case Reports'], keywords: [], language: 'eng' });
  console.log(`hostile abstract of ${(hostile.length / 1e6).toFixed(1)} MB: ${(performance.now() - h0).toFixed(0)} ms`);
}

main();
