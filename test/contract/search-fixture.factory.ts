import { AgeGroup, ageGroupOf, Anticoagulation, Outcome, PregnancyStatus, Sex } from '../../src/case-reports/case-report.enums';
import { buildSearchDocument, DocumentTerm, SearchDocument, SearchDocumentSource, TermIndex } from '../../src/search/indexing/search-document';
import { TitleStatus } from '../../src/publications/title-status.enum';
import { TermKind } from '../../src/vocabulary/term-kind.enum';

/** Deterministic ids: uuid-shaped, readable in failures (…-0000000c0012 is case 12). */
export const uuid = (prefix: string, n: number) => `00000000-0000-4000-8000-${prefix.padEnd(4, '0').slice(0, 4)}${String(n).padStart(8, '0')}`;

const TREE: [TermKind, string, string | null, string[]?][] = [
  [TermKind.COMPLICATION, 'hematoma', null],
  [TermKind.COMPLICATION, 'spinal-hematoma', 'hematoma'],
  [TermKind.COMPLICATION, 'intrathecal-hematoma', 'spinal-hematoma', ['spinal subarachnoid hematoma']],
  [TermKind.COMPLICATION, 'spinal-subdural-hematoma', 'spinal-hematoma'],
  [TermKind.COMPLICATION, 'spinal-epidural-hematoma', 'spinal-hematoma'],
  [TermKind.COMPLICATION, 'intracranial-subdural-hematoma', 'hematoma'],
  [TermKind.COMPLICATION, 'csf-leak', null],
  [TermKind.COMPLICATION, 'post-dural-puncture-headache', 'csf-leak', ['PDPH']],
  [TermKind.COMPLICATION, 'arachnoiditis', null],
  [TermKind.PROCEDURE, 'epidural-injection', null],
  [TermKind.PROCEDURE, 'epidural-blood-patch', 'epidural-injection', ['EBP']],
  [TermKind.PROCEDURE, 'epidural-steroid-injection', 'epidural-injection'],
  [TermKind.PROCEDURE, 'labour-epidural-analgesia', null],
  [TermKind.PROCEDURE, 'lumbar-puncture', null],
  [TermKind.TREATMENT, 'conservative-management', null],
  [TermKind.TREATMENT, 'corticosteroids', 'conservative-management'],
  [TermKind.TREATMENT, 'observation', 'conservative-management'],
  [TermKind.TREATMENT, 'surgical-management', null],
  [TermKind.TREATMENT, 'decompressive-laminectomy', 'surgical-management'],
  [TermKind.TREATMENT, 'craniotomy', 'surgical-management'],
  [TermKind.SYMPTOM, 'back-pain', null],
  [TermKind.SYMPTOM, 'headache', null],
  [TermKind.SYMPTOM, 'orthostatic-headache', 'headache'],
  [TermKind.SYMPTOM, 'paraplegia', null],
];

const label = (key: string) => key.charAt(0).toUpperCase() + key.slice(1).replace(/-/g, ' ');

export const FIXTURE_TERMS: DocumentTerm[] = (() => {
  const idOf = new Map<string, string>();
  return TREE.map(([kind, key, parent, synonyms], index) => {
    const id = uuid('a', index + 1);
    idOf.set(key, id);
    return { id, kind, key, label: label(key), synonyms: synonyms ?? [], parentId: parent ? (idOf.get(parent) as string) : null };
  });
})();
export const TERMS = new TermIndex(FIXTURE_TERMS);
export const termId = (key: string): string => {
  const term = FIXTURE_TERMS.find((t) => t.key === key);
  if (!term) throw new Error(`no fixture term ${key}`);
  return term.id;
};

export interface PublicationSpec {
  key: number;
  title: string | null;
  year: number | null;
  types?: string[];
  abstract?: string | null;
  /** Defaults: COMPLETE, 'Fixture Journal', one author "Author <key>". */
  titleStatus?: TitleStatus;
  journal?: string | null;
  authors?: { family: string; given?: string | null }[];
}

export interface CaseSpec {
  key: number;
  publication: number;
  summary?: string;
  sex?: Sex;
  age?: number | null;
  pregnancy?: PregnancyStatus;
  anticoagulation?: Anticoagulation;
  outcome?: Outcome;
  /** [term key, blood volume ml] */
  procedures?: [string, number?][];
  /** [term key, index of the procedure it followed, onset hours, symptom keys] */
  complications?: [string, number | null, number | null, string[]?][];
  treatments?: string[];
}

/** A case's rows as the loader would read them; every field has a plain default. */
export function buildCaseSource(spec: CaseSpec, publication: PublicationSpec): SearchDocumentSource {
  const caseId = uuid('c', spec.key);
  const procedures = (spec.procedures ?? []).map(([key, volume], position) => ({ id: uuid('d', spec.key * 100 + position), termId: termId(key), details: null, bloodVolumeMl: volume ?? null, position }));
  return {
    caseReport: {
      id: caseId,
      publicationId: uuid('b', publication.key),
      label: `Case ${spec.key}`,
      summary: spec.summary ?? null,
      ageYears: spec.age ?? null,
      ageGroup: ageGroupOf(spec.age ?? null) as AgeGroup,
      sex: spec.sex ?? Sex.FEMALE,
      pregnancyStatus: spec.pregnancy ?? PregnancyStatus.NOT_PREGNANT,
      anticoagulation: spec.anticoagulation ?? Anticoagulation.UNKNOWN,
      outcome: spec.outcome ?? Outcome.UNKNOWN,
      outcomeDetails: null,
    },
    publication: {
      id: uuid('b', publication.key),
      title: publication.title,
      titleStatus: publication.titleStatus ?? TitleStatus.COMPLETE,
      abstract: publication.abstract ?? null,
      journal: publication.journal === undefined ? 'Fixture Journal' : publication.journal,
      year: publication.year,
      publicationTypes: publication.types ?? ['Case Reports'],
      authors: publication.authors ?? [{ family: 'Author', given: String(publication.key) }],
      doi: null,
      pmid: null,
      meshHeadings: [],
      keywords: [],
    },
    procedures,
    complications: (spec.complications ?? []).map(([key, procedureIndex, onsetHours, symptoms], position) => ({
      id: uuid('e', spec.key * 100 + position),
      termId: termId(key),
      procedureId: procedureIndex === null ? null : procedures[procedureIndex].id,
      onsetHours,
      diagnosis: null,
      details: null,
      position,
      symptomTermIds: (symptoms ?? []).map(termId),
    })),
    treatments: (spec.treatments ?? []).map((key, position) => ({ termId: termId(key), details: null, position })),
    comorbidityTermIds: [],
  };
}

const LOADED_AT = new Date('2025-01-01T00:00:00Z');

export function buildDocuments(publications: PublicationSpec[], cases: CaseSpec[]): SearchDocument[] {
  const byKey = new Map(publications.map((p) => [p.key, p]));
  return cases.map((spec) => buildSearchDocument(buildCaseSource(spec, byKey.get(spec.publication) as PublicationSpec), TERMS, LOADED_AT));
}

const { FEMALE, MALE, UNKNOWN: SEX_UNKNOWN } = Sex;
const { PREGNANT, POSTPARTUM, NOT_PREGNANT, UNKNOWN: PREG_UNKNOWN } = PregnancyStatus;
const { FULL_RECOVERY, IMPROVED_UNSPECIFIED, PARTIAL_RECOVERY, RESIDUAL_DEFICIT, DEATH, UNKNOWN } = Outcome;

export const FIXTURE_PUBLICATIONS: PublicationSpec[] = [
  { key: 1, title: 'Intrathecal haematoma after an epidural blood patch', year: 2020 },
  { key: 2, title: 'Spinal subarachnoid bleeding: a review of blood patch complications', year: 2004, types: ['Case Reports', 'Review'], abstract: 'We review intrathecal hematoma reports and their outcomes.' },
  { key: 3, title: 'Two obstetric patients with spinal subdural collections', year: 2016 },
  { key: 4, title: 'Epidural bleeding in an anticoagulated man', year: 2010 },
  { key: 5, title: 'Fatal intracranial subdural bleeding after lumbar puncture', year: 2018, types: ['Journal Article'] },
  { key: 6, title: 'Headache and intracranial collection after labour analgesia', year: 2022 },
  { key: 7, title: 'Post-dural puncture headache of unknown course', year: 1999 },
  { key: 8, title: 'Letter: blood patch volume', year: null, types: ['Letter'] },
  { key: 9, title: 'A child with a spinal subdural haematoma', year: 2021 },
  { key: 10, title: 'Three postpartum complications of blood patching', year: 2019 },
  { key: 11, title: 'Epidural haematoma after labour analgesia and a blood patch', year: 2015 },
  { key: 12, title: 'Spinal epidural bleeding in an older patient on two agents', year: 2008 },
];

/**
 * 16 cases in 12 publications (publication 3 has two cases, publication 10 three). Case 2's hematoma
 * followed the lumbar puncture and was treated later with a blood patch: it has both, but is no
 * hematoma after a blood patch (complicationsFollowProcedures); case 1's and 14's hematomas followed
 * the blood patch, not the labour epidural they also had.
 */
export const FIXTURE_CASES: CaseSpec[] = [
  { key: 1, publication: 1, sex: FEMALE, age: 31, pregnancy: POSTPARTUM, outcome: FULL_RECOVERY, procedures: [['labour-epidural-analgesia'], ['epidural-blood-patch', 20]], complications: [['intrathecal-hematoma', 1, 48, ['back-pain']]], treatments: ['corticosteroids'], summary: 'Back pain two days after the patch; MRI showed blood in the thecal sac.' },
  { key: 2, publication: 2, sex: FEMALE, age: 28, pregnancy: PREG_UNKNOWN, outcome: IMPROVED_UNSPECIFIED, procedures: [['lumbar-puncture'], ['epidural-blood-patch', 15]], complications: [['intrathecal-hematoma', 0, 24, ['back-pain']]], treatments: ['observation'] },
  { key: 3, publication: 3, sex: FEMALE, age: 35, pregnancy: POSTPARTUM, outcome: UNKNOWN, procedures: [['epidural-blood-patch']], complications: [['spinal-subdural-hematoma', 0, null]], treatments: [] },
  { key: 4, publication: 3, sex: FEMALE, age: 29, pregnancy: PREGNANT, outcome: PARTIAL_RECOVERY, procedures: [['epidural-blood-patch', 25], ['epidural-blood-patch', 30]], complications: [['spinal-subdural-hematoma', 1, 72, ['paraplegia']], ['arachnoiditis', 1, 400]], treatments: ['decompressive-laminectomy'], summary: 'Arachnoiditis followed the second patch.' },
  { key: 5, publication: 4, sex: MALE, age: 67, pregnancy: NOT_PREGNANT, anticoagulation: Anticoagulation.ANTICOAGULANT, outcome: RESIDUAL_DEFICIT, procedures: [['epidural-steroid-injection']], complications: [['spinal-epidural-hematoma', 0, 6, ['back-pain', 'paraplegia']]], treatments: ['decompressive-laminectomy'] },
  { key: 6, publication: 5, sex: MALE, age: 45, pregnancy: NOT_PREGNANT, anticoagulation: Anticoagulation.ANTIPLATELET, outcome: DEATH, procedures: [['lumbar-puncture']], complications: [['intracranial-subdural-hematoma', 0, 240, ['headache']]], treatments: ['craniotomy'], summary: 'Spinal imaging was normal; the bleed was intracranial.' },
  { key: 7, publication: 6, sex: FEMALE, age: null, pregnancy: POSTPARTUM, outcome: FULL_RECOVERY, procedures: [['labour-epidural-analgesia']], complications: [['post-dural-puncture-headache', 0, 24, ['orthostatic-headache']], ['intracranial-subdural-hematoma', 0, 168]], treatments: ['observation'], summary: 'She flew home to Zanzibar & <b>recovered</b> fully.' },
  { key: 8, publication: 7, sex: SEX_UNKNOWN, age: null, pregnancy: PREG_UNKNOWN, outcome: UNKNOWN, procedures: [['lumbar-puncture']], complications: [['post-dural-puncture-headache', 0, null, ['headache']]], treatments: [] },
  { key: 9, publication: 8, sex: FEMALE, age: 40, pregnancy: NOT_PREGNANT, anticoagulation: Anticoagulation.NONE, outcome: FULL_RECOVERY, procedures: [['epidural-blood-patch', 10]], complications: [['post-dural-puncture-headache', null, null]], treatments: ['observation'] },
  { key: 10, publication: 9, sex: MALE, age: 8, pregnancy: NOT_PREGNANT, outcome: FULL_RECOVERY, procedures: [['lumbar-puncture']], complications: [['spinal-subdural-hematoma', 0, 12, ['back-pain']]], treatments: ['observation'] },
  { key: 11, publication: 10, sex: FEMALE, age: 32, pregnancy: POSTPARTUM, outcome: FULL_RECOVERY, procedures: [['epidural-blood-patch', 18]], complications: [['intrathecal-hematoma', 0, 36]], treatments: ['corticosteroids', 'observation'] },
  { key: 12, publication: 10, sex: FEMALE, age: 27, pregnancy: POSTPARTUM, outcome: UNKNOWN, procedures: [['epidural-blood-patch', 20]], complications: [['csf-leak', 0, null]], treatments: [] },
  { key: 13, publication: 10, sex: FEMALE, age: 38, pregnancy: POSTPARTUM, outcome: RESIDUAL_DEFICIT, procedures: [['epidural-blood-patch', 22]], complications: [['intracranial-subdural-hematoma', 0, 200, ['headache']]], treatments: ['craniotomy'] },
  { key: 14, publication: 11, sex: FEMALE, age: 33, pregnancy: POSTPARTUM, outcome: PARTIAL_RECOVERY, procedures: [['labour-epidural-analgesia'], ['epidural-blood-patch', 20]], complications: [['spinal-epidural-hematoma', 1, 12, ['back-pain']]], treatments: ['decompressive-laminectomy'] },
  { key: 15, publication: 12, sex: MALE, age: 70, pregnancy: NOT_PREGNANT, anticoagulation: Anticoagulation.BOTH, outcome: DEATH, procedures: [['epidural-steroid-injection']], complications: [['spinal-epidural-hematoma', 0, 2]], treatments: ['decompressive-laminectomy'] },
  { key: 16, publication: 12, sex: FEMALE, age: 66, pregnancy: NOT_PREGNANT, anticoagulation: Anticoagulation.ANTICOAGULANT, outcome: FULL_RECOVERY, procedures: [['epidural-steroid-injection']], complications: [['spinal-epidural-hematoma', 0, 4]], treatments: ['conservative-management'] },
];

export const FIXTURE_DOCUMENTS = (): SearchDocument[] => buildDocuments(FIXTURE_PUBLICATIONS, FIXTURE_CASES);
export const caseId = (key: number) => uuid('c', key);
export const caseKeyOf = (id: string) => Number(id.slice(-8));

/** Deterministic generated cases (for deep pagination): many years, some missing, ties on purpose. */
export function generatedDocuments(count: number, firstKey = 100_000): SearchDocument[] {
  const publications: PublicationSpec[] = [];
  const cases: CaseSpec[] = [];
  const outcomes = Object.values(Outcome);
  for (let i = 0; i < count; i++) {
    const key = firstKey + i;
    if (i % 3 === 0) publications.push({ key, title: `Generated report ${i}`, year: i % 17 === 0 ? null : 1990 + (i % 30) });
    cases.push({
      key,
      publication: publications[publications.length - 1].key,
      sex: i % 2 ? Sex.MALE : Sex.FEMALE,
      age: i % 11 === 0 ? null : 18 + (i % 60),
      outcome: outcomes[i % outcomes.length],
      procedures: [['lumbar-puncture']],
      complications: [['post-dural-puncture-headache', 0, null]],
    });
  }
  return buildDocuments(publications, cases);
}
