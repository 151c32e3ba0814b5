import { TermKind } from '../vocabulary/term-kind.enum';
import { ExtractionInput, ExtractionResult, ProposedPatient, VocabularyEntry } from './extraction.types';
import { addMajorTopicComplications, complicationsByMeshUi } from './major-topic-complications';

const entry = (key: string, meshUi: string, source: 'curated' | 'mesh', kind = TermKind.COMPLICATION): VocabularyEntry => ({ key, kind, label: key, synonyms: [], meshUi, parentKey: null, source });
const patient = (complications: ProposedPatient['complications'] = []): ProposedPatient => ({ label: 'Case', ageYears: null, sex: null, pregnancyStatus: null, anticoagulation: null, comorbidities: [], procedures: [], complications, symptoms: [], treatments: [], outcome: null, timeToResolutionDays: null });
const result = (patients: ProposedPatient[]): ExtractionResult => ({ studyKind: 'CASE_REPORT', patients, rulesVersion: 'test' });
const input = (headings: ExtractionInput['meshHeadings']): ExtractionInput => ({ title: 't', abstract: null, meshHeadings: headings, publicationTypes: ['Case Reports'], keywords: [], language: 'eng' });
const byUi = complicationsByMeshUi([entry('odontogenic-cysts', 'D009805', 'mesh'), entry('mesh-hematoma', 'D006406', 'mesh'), entry('hematoma', 'D006406', 'curated'), entry('laminectomy', 'D016129', 'curated', TermKind.TREATMENT)]);

describe('addMajorTopicComplications', () => {
  it('gives a single patient without complications those its major-topic headings name, curated terms first', () => {
    const out = addMajorTopicComplications(result([patient()]), input([{ descriptorUi: 'D009805', label: 'Odontogenic Cysts', majorTopic: true }, { descriptorUi: 'D006406', label: 'Hematoma', majorTopic: true }, { descriptorUi: 'D016129', label: 'Laminectomy', majorTopic: true }]), byUi);
    expect(out.patients[0].complications.map((c) => c.termKey)).toEqual(['odontogenic-cysts', 'hematoma']);
    expect(out.patients[0].complications[0].evidence).toMatchObject({ field: 'mesh', text: 'Odontogenic Cysts', method: 'MESH_MAPPING' });
  });

  it('leaves minor headings, series and patients with complications alone', () => {
    const minor = input([{ descriptorUi: 'D009805', label: 'Odontogenic Cysts', majorTopic: false }]);
    expect(addMajorTopicComplications(result([patient()]), minor, byUi).patients[0].complications).toEqual([]);
    const major = input([{ descriptorUi: 'D009805', label: 'Odontogenic Cysts', majorTopic: true }]);
    expect(addMajorTopicComplications(result([patient(), patient()]), major, byUi).patients[0].complications).toEqual([]);
    const found = patient([{ termKey: 'hematoma', kind: TermKind.COMPLICATION, evidence: { field: 'abstract', start: 0, end: 1, text: 'h', sentence: 'h', method: 'TEXT_RULE', confidence: 0.9 }, onsetHours: null, procedureIndex: null, diagnosis: null }]);
    expect(addMajorTopicComplications(result([found]), major, byUi).patients[0].complications.map((c) => c.termKey)).toEqual(['hematoma']);
  });
});
