import corpus from './demo-corpus.json';
import terms from '../../vocabulary/seed/vocabulary-terms.json';
import { isCitationComplete } from '../../publications/citation-completeness';
import { TitleStatus } from '../../publications/title-status.enum';

/**
 * Checks of the demo data set and the vocabulary seed: they are hand-made data, so these tests keep them
 * consistent with each other, with the entity rules and with the counts stated in the README.
 */

type Kind = 'COMPLICATION' | 'PROCEDURE' | 'TREATMENT' | 'SYMPTOM' | 'COMORBIDITY';

interface Term {
  key: string;
  kind: Kind;
  label: string;
  synonyms: string[];
  parent: string | null;
  meshUi: string | null;
}

interface Publication {
  key: string;
  title: string | null;
  titleStatus: 'COMPLETE' | 'INCOMPLETE' | 'NOT_RECORDED';
  abstract: string | null;
  authors: { family: string; given: string | null }[];
  journal: string | null;
  year: number | null;
  month: number | null;
  volume?: string | null;
  issue?: string | null;
  pages?: string | null;
  doi: string | null;
  pmid: string | null;
  pmcid: string | null;
  publicationTypes: string[];
  meshHeadings: { descriptorUi: string | null; label: string; majorTopic: boolean }[];
  keywords: string[];
  language: string | null;
  url: string | null;
}

interface Procedure {
  term: string;
  details: string | null;
  bloodVolumeMl: number | null;
  vertebralLevel: string | null;
  attemptNumber: number | null;
  imageGuidance: string | null;
  needleGauge: number | null;
}

interface Complication {
  term: string;
  causedByProcedure: number | null;
  onsetHours: number | null;
  diagnosis: string | null;
  details: string | null;
  symptoms: string[];
}

interface DemoCase {
  key: string;
  publication: string;
  label: string;
  summary: string;
  ageYears: number | null;
  sex: string;
  pregnancyStatus: string;
  anticoagulation: string;
  comorbidities: string[];
  procedures: Procedure[];
  complications: Complication[];
  treatments: { term: string; details: string | null }[];
  outcome: string;
  outcomeDetails: string | null;
  timeToResolutionDays: number | null;
  followUpDays: number | null;
}

interface DemoCorpus {
  source: string;
  publications: Publication[];
  caseReports: DemoCase[];
}

const data = corpus as unknown as DemoCorpus;
const vocabulary = terms as unknown as Term[];

/** Every MeSH descriptor UI used in the two files, with its term in the MeSH 2017 tree (copied from it). */
const MESH_2017: Record<string, string> = {
  "D000072700": "Conservative Treatment", "D000305": "Adrenal Cortex Hormones", "D000328": "Adult",
  "D000700": "Analgesics", "D000767": "Anesthesia, Epidural", "D000775": "Anesthesia, Spinal",
  "D000927": "Anticonvulsants", "D001039": "Aphasia, Broca", "D001100": "Arachnoiditis",
  "D001259": "Ataxia", "D001281": "Atrial Fibrillation", "D001416": "Back Pain",
  "D001510": "Bed Rest", "D001778": "Blood Coagulation Disorders", "D002110": "Caffeine",
  "D002283": "Carcinoma, Bronchogenic", "D002543": "Cerebral Hemorrhage", "D002557": "Cerebrospinal Fluid Shunts",
  "D003244": "Consciousness Disorders", "D003324": "Coronary Artery Disease", "D003389": "Cranial Nerve Diseases",
  "D003399": "Craniotomy", "D004172": "Diplopia", "D005242": "Fecal Incontinence",
  "D005334": "Fever", "D005440": "Fluid Therapy", "D006261": "Headache",
  "D006391": "Hemangioma", "D006406": "Hematoma", "D006407": "Hematoma, Epidural, Cranial",
  "D006473": "Postpartum Hemorrhage", "D006509": "Hepatitis B", "D006801": "Humans",
  "D006849": "Hydrocephalus", "D006987": "Hypesthesia", "D007037": "Hypothyroidism",
  "D007239": "Infection", "D007268": "Injections, Epidural", "D007796": "Laminectomy",
  "D008175": "Lung Neoplasms", "D008279": "Magnetic Resonance Imaging", "D008288": "Malaria",
  "D008581": "Meningitis", "D008582": "Meningitis, Aseptic", "D009325": "Nausea",
  "D009765": "Obesity", "D010243": "Paralysis", "D010264": "Paraplegia",
  "D010292": "Paresthesia", "D011007": "Pneumocephalus", "D011128": "Polyradiculopathy",
  "D011225": "Pre-Eclampsia", "D011247": "Pregnancy", "D011843": "Radiculopathy",
  "D012585": "Sciatica", "D012640": "Seizures", "D012851": "Sinus Thrombosis, Intracranial",
  "D013035": "Spasm", "D013117": "Spinal Cord Compression", "D013129": "Spinal Puncture",
  "D013345": "Subarachnoid Hemorrhage", "D013353": "Subdural Effusion", "D013514": "Surgical Procedures, Operative",
  "D013921": "Thrombocytopenia", "D014012": "Tinnitus", "D014207": "Trephining",
  "D014839": "Vomiting", "D015299": "Discitis", "D016055": "Urinary Retention",
  "D016920": "Meningitis, Bacterial", "D017116": "Low Back Pain", "D017217": "Blood Patch, Epidural",
  "D019547": "Neck Pain", "D019585": "Intracranial Hypotension", "D020199": "Hematoma, Subdural, Acute",
  "D020200": "Hematoma, Subdural, Chronic", "D020300": "Intracranial Hemorrhages", "D020335": "Paraparesis",
  "D020336": "Paraparesis, Spastic", "D020434": "Abducens Nerve Diseases", "D020760": "Spinal Cord Ischemia",
  "D020795": "Photophobia", "D020802": "Epidural Abscess", "D020886": "Somatosensory Disorders",
  "D046110": "Hypertension, Pregnancy-Induced", "D046648": "Hematoma, Subdural, Intracranial", "D046649": "Hematoma, Subdural, Spinal",
  "D046748": "Hematoma, Epidural, Spinal", "D051299": "Post-Dural Puncture Headache", "D054038": "Posterior Leukoencephalopathy Syndrome",
  "D057832": "Watchful Waiting", "D059285": "Pregnancy, Twin", "D059350": "Chronic Pain",
  "D059387": "Sphenopalatine Ganglion Block", "D062187": "Spinal Cord Stimulation", "D065634": "Cerebrospinal Fluid Leak",
};

const KINDS: Kind[] = ['COMPLICATION', 'PROCEDURE', 'TREATMENT', 'SYMPTOM', 'COMORBIDITY'];
const termByKey = new Map(vocabulary.map((term) => [term.key, term]));

function rootOf(key: string): string {
  let term = termByKey.get(key);
  if (!term) throw new Error(`unknown term ${key}`);
  while (term.parent) term = termByKey.get(term.parent)!;
  return term.key;
}

function isUnder(key: string, ancestor: string): boolean {
  for (let term = termByKey.get(key); term; term = term.parent ? termByKey.get(term.parent) : undefined) {
    if (term.key === ancestor) return true;
  }
  return false;
}

/** The corpus's treatment.category, derived from the roots of the case's treatment terms. */
function treatmentCategory(demo: DemoCase): 'conservative' | 'surgical' | 'unknown' {
  const roots = new Set(demo.treatments.map((treatment) => rootOf(treatment.term)));
  if (roots.has('surgical-management')) return 'surgical';
  if (roots.has('conservative-management')) return 'conservative';
  return 'unknown';
}

function countBy<T>(items: T[], keyOf: (item: T) => string): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const item of items) counts[keyOf(item)] = (counts[keyOf(item)] ?? 0) + 1;
  return counts;
}

describe('vocabulary seed terms', () => {
  it('has unique kebab-case keys and a known kind for every term', () => {
    const keys = vocabulary.map((term) => term.key);
    expect(new Set(keys).size).toBe(keys.length);
    for (const term of vocabulary) {
      expect(term.key).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
      expect(KINDS).toContain(term.kind);
      expect(term.label.trim()).not.toBe('');
      expect(Array.isArray(term.synonyms)).toBe(true);
    }
  });

  it('lists every parent before its children, with the same kind', () => {
    const seen = new Map<string, Term>();
    for (const term of vocabulary) {
      if (term.parent !== null) {
        const parent = seen.get(term.parent);
        expect({ term: term.key, parentListedBefore: Boolean(parent) }).toEqual({ term: term.key, parentListedBefore: true });
        expect({ term: term.key, parentKind: parent?.kind }).toEqual({ term: term.key, parentKind: term.kind });
      }
      seen.set(term.key, term);
    }
  });

  it('uses only MeSH 2017 descriptor UIs, at most once per kind', () => {
    for (const kind of KINDS) {
      const uis = vocabulary.filter((term) => term.kind === kind && term.meshUi !== null).map((term) => term.meshUi as string);
      expect(new Set(uis).size).toBe(uis.length);
      for (const ui of uis) expect(Object.keys(MESH_2017)).toContain(ui);
    }
  });

  it('has the required complication hierarchy', () => {
    expect(rootOf('spinal-hematoma')).toBe('hematoma');
    for (const key of ['spinal-epidural-hematoma', 'spinal-subdural-hematoma', 'intrathecal-hematoma']) {
      expect(termByKey.get(key)?.parent).toBe('spinal-hematoma');
    }
    expect(termByKey.get('intracranial-hemorrhage')?.parent).toBe('hematoma');
    expect(isUnder('intracranial-subdural-hematoma', 'intracranial-hemorrhage')).toBe(true);
    expect(isUnder('intracranial-subdural-hematoma', 'spinal-hematoma')).toBe(false);
    expect(isUnder('cauda-equina-syndrome', 'polyradiculopathy')).toBe(true);
    expect(termByKey.get('polyradiculopathy')?.meshUi).toBe('D011128');
    expect(termByKey.get('epidural-blood-patch')?.meshUi).toBe('D017217');
    expect(vocabulary.filter((term) => term.kind === 'COMPLICATION').length).toBeLessThanOrEqual(60);
  });

  it('has exactly two treatment roots: conservative and surgical management', () => {
    const roots = vocabulary.filter((term) => term.kind === 'TREATMENT' && term.parent === null).map((term) => term.key);
    expect(roots.sort()).toEqual(['conservative-management', 'surgical-management']);
  });
});

describe('demo corpus', () => {
  const cases = data.caseReports;

  it('has 23 cases with unique keys', () => {
    expect(cases).toHaveLength(23);
    const keys = cases.map((demo) => demo.key);
    expect(new Set(keys).size).toBe(23);
    for (const key of keys) expect(key).toMatch(/^[ABC]\d{2}$/);
  });

  it('references only existing terms of the right kind', () => {
    const check = (key: string, kind: Kind, where: string) => {
      expect({ where, key, kind: termByKey.get(key)?.kind }).toEqual({ where, key, kind });
    };
    for (const demo of cases) {
      demo.comorbidities.forEach((key) => check(key, 'COMORBIDITY', `${demo.key} comorbidity`));
      demo.procedures.forEach((procedure) => check(procedure.term, 'PROCEDURE', `${demo.key} procedure`));
      demo.complications.forEach((complication) => {
        check(complication.term, 'COMPLICATION', `${demo.key} complication`);
        complication.symptoms.forEach((key) => check(key, 'SYMPTOM', `${demo.key} symptom`));
      });
      demo.treatments.forEach((treatment) => check(treatment.term, 'TREATMENT', `${demo.key} treatment`));
    }
  });

  it('links every complication to a valid procedure index', () => {
    for (const demo of cases) {
      expect(demo.complications.length).toBeGreaterThan(0);
      for (const complication of demo.complications) {
        const index = complication.causedByProcedure;
        if (index === null) continue;
        expect(Number.isInteger(index)).toBe(true);
        expect({ case: demo.key, index, valid: index >= 0 && index < demo.procedures.length }).toEqual({ case: demo.key, index, valid: true });
        if (complication.onsetHours !== null) expect(complication.onsetHours).toBeGreaterThanOrEqual(0);
      }
    }
  });

  it('numbers repeated blood patches 1, 2, ... in order', () => {
    for (const demo of cases) {
      const patches = demo.procedures.filter((procedure) => procedure.term === 'epidural-blood-patch');
      if (patches.length > 1) expect(patches.map((patch) => patch.attemptNumber)).toEqual(patches.map((_, i) => i + 1));
    }
  });

  it('uses the entity enums and plausible values', () => {
    for (const demo of cases) {
      expect(['FEMALE', 'MALE', 'UNKNOWN']).toContain(demo.sex);
      expect(['PREGNANT', 'POSTPARTUM', 'NOT_PREGNANT', 'UNKNOWN']).toContain(demo.pregnancyStatus);
      expect(['NONE', 'ANTICOAGULANT', 'ANTIPLATELET', 'BOTH', 'UNKNOWN']).toContain(demo.anticoagulation);
      expect(['FULL_RECOVERY', 'IMPROVED_UNSPECIFIED', 'PARTIAL_RECOVERY', 'RESIDUAL_DEFICIT', 'DEATH', 'UNKNOWN']).toContain(demo.outcome);
      if (demo.sex === 'MALE') expect(['NOT_PREGNANT', 'UNKNOWN']).toContain(demo.pregnancyStatus);
      if (demo.ageYears !== null) expect(demo.ageYears).toBeGreaterThan(0);
      expect(demo.summary.trim()).not.toBe('');
      for (const procedure of demo.procedures) {
        if (procedure.needleGauge !== null) expect(procedure.needleGauge).toBeGreaterThanOrEqual(10);
        if (procedure.vertebralLevel !== null) expect(procedure.vertebralLevel).toMatch(/^[CTLS]\d-[CTLS]\d$/);
      }
    }
  });

  it('keeps the corpus outcome counts', () => {
    expect(countBy(cases, (demo) => demo.outcome)).toEqual({
      FULL_RECOVERY: 9,
      IMPROVED_UNSPECIFIED: 2,
      UNKNOWN: 7,
      PARTIAL_RECOVERY: 2,
      RESIDUAL_DEFICIT: 3,
    });
  });

  it('keeps the corpus treatment-category counts, derived from the treatment terms', () => {
    expect(countBy(cases, treatmentCategory)).toEqual({ conservative: 11, surgical: 6, unknown: 6 });
  });

  it('never mixes conservative and surgical treatments within a case', () => {
    for (const demo of cases) {
      const roots = new Set(demo.treatments.map((treatment) => rootOf(treatment.term)));
      expect({ case: demo.key, roots: roots.size <= 1 }).toEqual({ case: demo.key, roots: true });
    }
  });

  it('gives every case an existing publication and uses every publication', () => {
    const keys = data.publications.map((publication) => publication.key);
    expect(new Set(keys).size).toBe(keys.length);
    for (const demo of cases) expect(keys).toContain(demo.publication);
    for (const key of keys) expect(cases.some((demo) => demo.publication === key)).toBe(true);
  });

  it('stores bibliographic identifiers in normalised form', () => {
    const dois = data.publications.filter((publication) => publication.doi !== null).map((publication) => publication.doi as string);
    const pmids = data.publications.filter((publication) => publication.pmid !== null).map((publication) => publication.pmid as string);
    expect(new Set(dois).size).toBe(dois.length);
    expect(new Set(pmids).size).toBe(pmids.length);
    for (const doi of dois) {
      expect(doi).toBe(doi.toLowerCase());
      expect(doi).toMatch(/^10\.\d{4,9}\/\S+$/);
      expect(doi).not.toMatch(/doi\.org|^doi:/i);
    }
    for (const pmid of pmids) expect(pmid).toMatch(/^[1-9]\d{0,8}$/);
    for (const publication of data.publications) {
      // A title is stored only as far as it is known: no placeholder, no brackets, no ellipsis.
      if (publication.titleStatus === 'NOT_RECORDED') expect(publication.title).toBeNull();
      else expect(publication.title?.trim()).toMatch(/^[^[\]…]+$/);
      if (publication.pmcid !== null) expect(publication.pmcid).toMatch(/^PMC\d+$/);
      if (publication.month !== null) expect(publication.month).toBeGreaterThanOrEqual(1);
      if (publication.url !== null) expect(publication.url).toMatch(/^https?:\/\//);
      if (publication.doi !== null && publication.url !== null) expect(publication.url).toBe(`https://doi.org/${publication.doi}`);
      expect(publication.publicationTypes).toContain('Case Reports');
      for (const heading of publication.meshHeadings) {
        if (heading.descriptorUi !== null) expect(MESH_2017[heading.descriptorUi]).toBe(heading.label);
      }
    }
  });

  it('carries the citations completed in the shared corpus (2026-11-30), with "et al." never an author', () => {
    const byCase = (key: string) => data.publications.find((publication) => publication.key === cases.find((demo) => demo.key === key)!.publication)!;
    const cite = (publication: Publication) => ({
      authors: publication.authors.map((author) => `${author.family} ${author.given ?? ''}`.trim()),
      journal: publication.journal,
      year: publication.year,
      month: publication.month,
      volume: publication.volume ?? null,
      issue: publication.issue ?? null,
      pages: publication.pages ?? null,
      doi: publication.doi,
      pmid: publication.pmid,
    });
    expect(cite(byCase('A10'))).toEqual({ authors: ['Desai MJ'], journal: 'Pain Physician', year: 2010, month: null, volume: '13', issue: '3', pages: '257-62', doi: '10.36076/ppj.2010/13/257', pmid: '20495590' });
    expect(cite(byCase('A11')).authors).toEqual(['Cheung AHK', 'Li LF', 'So VC', 'Leung MKM', 'Lui WM']);
    expect(cite(byCase('B05'))).toMatchObject({ volume: '47', pages: '40', doi: '10.1186/s42269-023-01014-z' });
    expect(byCase('B06')).toBe(byCase('B05'));
    expect(byCase('B09').title).toBe('Sub-Dural Haematoma After Accidental Dural Puncture During Labour Epidural Analgesia');
    expect(cite(byCase('B09'))).toEqual({ authors: ['Mathew GV', 'Shibli K', 'Korichi N', 'Thippeswamy VB'], journal: 'Cureus', year: 2021, month: 8, volume: '13', issue: '8', pages: 'e16915', doi: '10.7759/cureus.16915', pmid: '34513488' });
    expect(cite(byCase('C01'))).toMatchObject({ pmid: '34335056', volume: '14', pages: '117-124' });
    for (const publication of data.publications) {
      for (const author of publication.authors) expect(author.family).not.toMatch(/et al/i);
    }
  });

  it('keeps the citation hand counts in the README', () => {
    const publications = data.publications;
    const count = (keep: (publication: Publication) => boolean) => publications.filter(keep).length;
    expect(publications).toHaveLength(22);
    expect(count((p) => p.authors.length > 0)).toBe(13);
    expect(count((p) => p.doi !== null)).toBe(11);
    expect(count((p) => p.pmid !== null)).toBe(10);
    expect(count((p) => p.pmcid !== null)).toBe(1);
    expect(countBy(publications, (p) => p.titleStatus)).toEqual({ COMPLETE: 17, INCOMPLETE: 2, NOT_RECORDED: 3 });
    const casesWith = (status: Publication['titleStatus']) => cases.filter((demo) => publications.find((p) => p.key === demo.publication)!.titleStatus === status).map((demo) => demo.key);
    expect(casesWith('INCOMPLETE')).toEqual(['B07', 'B08']);
    expect(casesWith('NOT_RECORDED')).toEqual(['A07', 'A12', 'B02']);
    // Searches list these after the complete citations at an equal sort key (src/search/README.md).
    const incomplete = publications.filter((p) => !isCitationComplete({ ...p, titleStatus: p.titleStatus as TitleStatus }));
    expect(incomplete).toHaveLength(9);
    expect(cases.filter((demo) => incomplete.some((p) => p.key === demo.publication)).map((demo) => demo.key)).toEqual(['A07', 'A12', 'B01', 'B02', 'B03', 'B05', 'B06', 'B07', 'B08', 'C02']);
  });

  it('matches the hand counts in the README', () => {
    const spinalAfterPatch = cases.filter((demo) =>
      demo.complications.some(
        (complication) =>
          ['intrathecal-hematoma', 'spinal-subdural-hematoma'].includes(complication.term) &&
          complication.causedByProcedure !== null &&
          demo.procedures[complication.causedByProcedure].term === 'epidural-blood-patch',
      ),
    );
    expect(spinalAfterPatch.map((demo) => demo.key)).toEqual(['A01', 'A02', 'A03', 'A04', 'A05', 'A06', 'A07']);
    const obstetric = spinalAfterPatch.filter((demo) => ['PREGNANT', 'POSTPARTUM'].includes(demo.pregnancyStatus));
    expect(obstetric.map((demo) => demo.key)).toEqual(['A01', 'A03', 'A04', 'A05', 'A06']);
    expect(countBy(obstetric, (demo) => demo.outcome)).toEqual({ FULL_RECOVERY: 2, UNKNOWN: 2, PARTIAL_RECOVERY: 1 });
  });
});
