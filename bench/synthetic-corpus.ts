import { ageGroupOf } from '../src/case-reports/case-report.enums';
import { seededRandom } from '../src/common/seeded-random';

/** The corpus's seedable PRNG (mulberry32): the same seed always gives the same corpus. */
export const prng = seededRandom;

/** Deterministic uuid-shaped ids: kind in the first group, a counter in the last. */
export const syntheticId = (kind: number, n: number) => `${kind.toString(16).padStart(8, '0')}-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;

export interface TermRow {
  id: string;
  kind: string;
  key: string;
  label: string;
  parentId: string | null;
}

const WORDS = (
  'patient presented with severe pain after procedure days later imaging revealed collection compressing the thecal sac ' +
  'neurological examination showed weakness numbness reflexes were reduced magnetic resonance computed tomography lumbar thoracic cervical ' +
  'symptoms resolved gradually over weeks follow up months later she he was discharged home without deficit persistent mild residual ' +
  'anesthesia obstetric delivery cesarean vaginal labour analgesia catheter needle gauge tuohy puncture dural accidental headache postural ' +
  'orthostatic nausea photophobia tinnitus diplopia neck stiffness conservative management bed rest hydration caffeine analgesics surgical ' +
  'decompression laminectomy evacuation drainage burr hole craniotomy steroids dexamethasone intravenous fluids emergency urgent delayed ' +
  'radicular sciatica paresthesia hypoesthesia saddle urinary retention incontinence paraparesis paraplegia ataxia seizure consciousness ' +
  'anticoagulant antiplatelet aspirin heparin enoxaparin warfarin coagulation platelet count normal abnormal history hypertension diabetes ' +
  'review literature rare complication reported cases incidence risk factors mechanism proposed mechanisms volume injected blood autologous ' +
  'haematoma hematoma subdural epidural intrathecal subarachnoid intracranial spinal cord compression cauda equina arachnoiditis hygroma'
).split(' ');

const pick = <T>(rand: () => number, items: readonly T[]): T => items[Math.floor(rand() * items.length)];
/** Mostly small numbers: 1 with p, 2 with p(1-p), ... capped. */
const geometric = (rand: () => number, p: number, max: number) => {
  let n = 1;
  while (n < max && rand() > p) n++;
  return n;
};
const weighted = <T>(rand: () => number, items: [T, number][]): T => {
  const total = items.reduce((sum, [, w]) => sum + w, 0);
  let r = rand() * total;
  for (const [item, w] of items) if ((r -= w) < 0) return item;
  return items[items.length - 1][0];
};
const sentence = (rand: () => number, words: number, extra: string[]) =>
  Array.from({ length: words }, () => (rand() < 0.12 && extra.length ? pick(rand, extra) : pick(rand, WORDS))).join(' ');

export interface SyntheticCorpus {
  publications: { id: string; title: string; abstract: string | null; journal: string; year: number | null; publication_types: string[]; authors: string }[];
  cases: { id: string; publication_id: string; label: string; summary: string | null; age_years: number | null; age_group: string; sex: string; pregnancy_status: string; anticoagulation: string; outcome: string }[];
  procedures: { id: string; case_report_id: string; position: number; term_id: string; blood_volume_ml: number | null }[];
  complications: { id: string; case_report_id: string; position: number; term_id: string; procedure_id: string | null; onset_hours: number | null }[];
  treatments: { id: string; case_report_id: string; position: number; term_id: string; complication_id: string | null }[];
  symptoms: { complication_id: string; term_id: string }[];
}

/**
 * A corpus shaped like the real one: mostly single-case reports with some series, mostly obstetric
 * women in their thirties, blood patches in half the cases, a quarter of outcomes unreported, one to
 * three complications from the vocabulary (leaves more often than parents), titles and summaries
 * built from the terms' labels and clinical words.
 */
export function generateCorpus(caseCount: number, terms: TermRow[], seed = 20_260_101): SyntheticCorpus {
  const rand = prng(seed);
  const ofKind = (kind: string) => terms.filter((t) => t.kind === kind);
  const parents = new Set(terms.map((t) => t.parentId));
  const leaves = (kind: string) => ofKind(kind).filter((t) => !parents.has(t.id));
  const weightedTerms = (kind: string): [TermRow, number][] => [...leaves(kind).map((t): [TermRow, number] => [t, 4]), ...ofKind(kind).map((t): [TermRow, number] => [t, 1])];
  const complications = weightedTerms('COMPLICATION');
  const ebp = terms.find((t) => t.kind === 'PROCEDURE' && t.key === 'epidural-blood-patch') as TermRow;
  const procedures: [TermRow, number][] = [[ebp, 40], ...weightedTerms('PROCEDURE')];
  const treatments = weightedTerms('TREATMENT');
  const symptoms = weightedTerms('SYMPTOM');
  const corpus: SyntheticCorpus = { publications: [], cases: [], procedures: [], complications: [], treatments: [], symptoms: [] };
  let publicationIndex = 0;
  let left = 0;
  let publicationId = '';
  let counter = 0;
  for (let i = 0; i < caseCount; i++) {
    const caseId = syntheticId(0xc, i);
    const caseComplications = Array.from({ length: geometric(rand, 0.6, 4) }, () => weighted(rand, complications));
    const caseProcedures = Array.from({ length: geometric(rand, 0.55, 4) }, () => weighted(rand, procedures));
    if (left === 0) {
      left = weighted(rand, [[1, 80], [2, 9], [3, 5], [5, 4], [10, 2]]);
      publicationId = syntheticId(0xb, publicationIndex++);
      const year = rand() < 0.03 ? null : Math.min(2025, 1975 + Math.floor(Math.sqrt(rand()) * 51));
      const types = weighted(rand, [[['Case Reports'], 85], [['Case Reports', 'Review'], 7], [['Letter'], 4], [['Journal Article'], 4]]);
      const labels = [...caseComplications, ...caseProcedures].map((t) => t.label.toLowerCase());
      corpus.publications.push({
        id: publicationId,
        title: `${caseComplications[0].label} after ${caseProcedures[caseProcedures.length - 1].label.toLowerCase()}${left > 1 ? `: a series of ${left} patients` : ': a case report'}`,
        abstract: rand() < 0.6 ? sentence(rand, 50 + Math.floor(rand() * 70), labels) : null,
        journal: pick(rand, ['Int J Obstet Anesth', 'Reg Anesth Pain Med', 'Anesth Analg', 'Case Rep Anesthesiol', 'J Clin Anesth', 'Neuroradiology', 'BMJ Case Rep']),
        year,
        publication_types: types,
        authors: JSON.stringify([{ family: pick(rand, ['Smith', 'Kim', 'Garcia', 'Müller', 'Rossi', 'Tanaka', 'Dubois', 'Novak']), given: 'A' }]),
      });
    }
    left--;
    const sex = weighted(rand, [['FEMALE', 75], ['MALE', 20], ['UNKNOWN', 5]]);
    const age = rand() < 0.08 ? null : sex === 'FEMALE' && rand() < 0.7 ? 20 + Math.round(rand() * 22) : Math.round(rand() * 85 * 10) / 10;
    const pregnancy = sex !== 'FEMALE' ? (rand() < 0.9 ? 'NOT_PREGNANT' : 'UNKNOWN') : weighted(rand, [['POSTPARTUM', 55], ['PREGNANT', 5], ['NOT_PREGNANT', 30], ['UNKNOWN', 10]]);
    corpus.cases.push({
      id: caseId,
      publication_id: publicationId,
      label: `Case ${i % 10 + 1}`,
      summary: rand() < 0.9 ? sentence(rand, 25 + Math.floor(rand() * 40), caseComplications.map((t) => t.label.toLowerCase())) : null,
      age_years: age,
      age_group: ageGroupOf(age),
      sex,
      pregnancy_status: pregnancy,
      anticoagulation: weighted(rand, [['UNKNOWN', 78], ['NONE', 12], ['ANTICOAGULANT', 6], ['ANTIPLATELET', 3], ['BOTH', 1]]),
      outcome: weighted(rand, [['FULL_RECOVERY', 40], ['IMPROVED_UNSPECIFIED', 10], ['PARTIAL_RECOVERY', 12], ['RESIDUAL_DEFICIT', 8], ['DEATH', 3], ['UNKNOWN', 27]]),
    });
    const procedureIds = caseProcedures.map((term, position) => {
      const id = syntheticId(0xd, counter++);
      corpus.procedures.push({ id, case_report_id: caseId, position, term_id: term.id, blood_volume_ml: term.id === ebp.id && rand() < 0.7 ? 5 + Math.round(rand() * 30) : null });
      return id;
    });
    const complicationIds = caseComplications.map((term, position) => {
      const id = syntheticId(0xe, counter++);
      corpus.complications.push({ id, case_report_id: caseId, position, term_id: term.id, procedure_id: rand() < 0.9 ? procedureIds[procedureIds.length - 1] : null, onset_hours: rand() < 0.6 ? Math.round(rand() * rand() * 500) : null });
      const symptomCount = Math.floor(rand() * 3);
      for (const symptom of new Set(Array.from({ length: symptomCount }, () => weighted(rand, symptoms).id))) corpus.symptoms.push({ complication_id: id, term_id: symptom });
      return id;
    });
    if (rand() < 0.75) {
      const count = geometric(rand, 0.55, 3);
      for (let position = 0; position < count; position++) corpus.treatments.push({ id: syntheticId(0xf, counter++), case_report_id: caseId, position, term_id: weighted(rand, treatments).id, complication_id: complicationIds[0] });
    }
  }
  return corpus;
}
