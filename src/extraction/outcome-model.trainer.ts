import { OUTCOME_CLASSES, type OutcomeClass, type OutcomeModelWeights } from './outcome-model';

/**
 * Trains the outcome model: multinomial logistic regression, L2 penalty, full-batch gradient descent from zero weights
 * with per-weight step sizes (AdaGrad: binary features of very different frequencies need no hand-tuned step).
 * Deterministic (no random start, no shuffling), so the same instances give the same JSON. Small on purpose: a few
 * hundred instances and a few thousand features train in well under a second.
 */
export interface TrainingInstance {
  features: readonly string[];
  label: OutcomeClass;
}

export interface TrainingOptions {
  /** L2 penalty on the mean log-loss (not on the bias). */
  l2: number;
  iterations: number;
  learningRate: number;
  /** A feature seen in fewer instances is dropped. */
  minCount: number;
}

export const DEFAULT_TRAINING: TrainingOptions = { l2: 0.01, iterations: 300, learningRate: 0.1, minCount: 2 };

export function trainOutcomeModel(instances: readonly TrainingInstance[], options: TrainingOptions = DEFAULT_TRAINING): OutcomeModelWeights {
  if (instances.length === 0) throw new Error('trainOutcomeModel: no training instances');
  const K = OUTCOME_CLASSES.length;
  const counts = new Map<string, number>();
  for (const inst of instances) for (const f of new Set(inst.features)) counts.set(f, (counts.get(f) ?? 0) + 1);
  // Sorted, so that the feature order (and so the JSON) does not depend on the order instances came in.
  const names = [...counts].filter(([, n]) => n >= options.minCount).map(([f]) => f).sort();
  const index = new Map(names.map((f, i) => [f, i]));
  const rows = instances.map((inst) => [...new Set(inst.features)].map((f) => index.get(f)).filter((i): i is number => i !== undefined));
  const labels = instances.map((inst) => {
    const y = OUTCOME_CLASSES.indexOf(inst.label);
    if (y < 0) throw new Error(`trainOutcomeModel: unknown class ${inst.label}`);
    return y;
  });
  const F = names.length;
  const w = new Float64Array(F * K);
  const b = new Float64Array(K);
  const gw = new Float64Array(F * K);
  const gb = new Float64Array(K);
  const p = new Float64Array(K);
  // Sums of squared gradients (AdaGrad).
  const hw = new Float64Array(F * K);
  const hb = new Float64Array(K);
  const n = instances.length;
  for (let it = 0; it < options.iterations; it++) {
    gw.fill(0);
    gb.fill(0);
    for (let i = 0; i < n; i++) {
      const row = rows[i];
      for (let c = 0; c < K; c++) p[c] = b[c];
      for (const f of row) for (let c = 0; c < K; c++) p[c] += w[f * K + c];
      let max = -Infinity;
      for (let c = 0; c < K; c++) if (p[c] > max) max = p[c];
      let sum = 0;
      for (let c = 0; c < K; c++) {
        p[c] = Math.exp(p[c] - max);
        sum += p[c];
      }
      for (let c = 0; c < K; c++) {
        const d = p[c] / sum - (c === labels[i] ? 1 : 0);
        gb[c] += d;
        for (const f of row) gw[f * K + c] += d;
      }
    }
    const lr = options.learningRate;
    for (let c = 0; c < K; c++) {
      const g = gb[c] / n;
      hb[c] += g * g;
      b[c] -= (lr * g) / (Math.sqrt(hb[c]) + 1e-8);
    }
    for (let j = 0; j < F * K; j++) {
      const g = gw[j] / n + options.l2 * w[j];
      hw[j] += g * g;
      w[j] -= (lr * g) / (Math.sqrt(hw[j]) + 1e-8);
    }
  }
  const round = (x: number) => Math.round(x * 1e4) / 1e4;
  const weights: Record<string, number[]> = {};
  names.forEach((f, i) => {
    const row = Array.from(w.subarray(i * K, i * K + K), round);
    if (row.some((x) => x !== 0)) weights[f] = row;
  });
  return { classes: OUTCOME_CLASSES, bias: Array.from(b, round), weights };
}
