import { AgeGroup, Anticoagulation, Outcome, PregnancyStatus, Sex } from '../../case-reports/case-report.enums';
import { TitleStatus } from '../../publications/title-status.enum';
import { TermKind } from '../../vocabulary/term-kind.enum';
import { buildSearchDocument, DocumentTerm, SearchDocumentSource, TermIndex } from './search-document';

const term = (id: string, kind: TermKind, key: string, parentId: string | null, synonyms: string[] = []): DocumentTerm => ({ id, kind, key, label: key.replace(/-/g, ' '), synonyms, parentId });
const TERMS = new TermIndex([
  term('c1', TermKind.COMPLICATION, 'hematoma', null),
  term('c2', TermKind.COMPLICATION, 'spinal-hematoma', 'c1'),
  term('c3', TermKind.COMPLICATION, 'intrathecal-hematoma', 'c2', ['intrathecal haematoma']),
  term('p1', TermKind.PROCEDURE, 'epidural-injection', null),
  term('p2', TermKind.PROCEDURE, 'epidural-blood-patch', 'p1', ['EBP']),
  term('p3', TermKind.PROCEDURE, 'lumbar-puncture', null),
  term('t1', TermKind.TREATMENT, 'conservative-management', null),
  term('t2', TermKind.TREATMENT, 'corticosteroids', 't1'),
  term('s1', TermKind.SYMPTOM, 'back-pain', null),
  term('s2', TermKind.SYMPTOM, 'low-back-pain', 's1'),
]);

function source(overrides: Partial<SearchDocumentSource> = {}): SearchDocumentSource {
  return {
    caseReport: { id: 'case-1', publicationId: 'pub-1', label: 'Case 1', summary: 'A woman with back pain.', ageYears: 31, ageGroup: AgeGroup.ADULT, sex: Sex.FEMALE, pregnancyStatus: PregnancyStatus.POSTPARTUM, anticoagulation: Anticoagulation.UNKNOWN, outcome: Outcome.FULL_RECOVERY, outcomeDetails: 'Recovered.' },
    publication: { id: 'pub-1', title: 'Intrathecal haematoma', abstract: null, journal: 'J', year: 2020, publicationTypes: ['Review', 'Case Reports', 'Review'], authors: [{ family: 'Doe', given: 'J' }], doi: null, pmid: null, meshHeadings: [{ label: 'Blood Patch, Epidural' }], keywords: ['EBP'] },
    procedures: [
      { id: 'pr2', termId: 'p2', details: 'second patch', bloodVolumeMl: 20, position: 1 },
      { id: 'pr1', termId: 'p3', details: null, bloodVolumeMl: 15, position: 0 },
    ],
    complications: [{ id: 'co1', termId: 'c3', procedureId: 'pr2', onsetHours: 48, diagnosis: 'MRI', details: null, position: 0, symptomTermIds: ['s2'] }],
    treatments: [{ termId: 't2', details: 'dexamethasone', position: 0 }],
    comorbidityTermIds: [],
    ...overrides,
  };
}

describe('buildSearchDocument', () => {
  it('stores term ids with their ancestors, so parents match and counts roll up', () => {
    const doc = buildSearchDocument(source(), TERMS, new Date('2024-01-01T00:00:00Z'));
    expect(doc.complicationIds).toEqual(['c1', 'c2', 'c3']);
    expect(doc.procedureIds).toEqual(['p1', 'p2', 'p3']);
    expect(doc.treatmentIds).toEqual(['t1', 't2']);
    expect(doc.symptomIds).toEqual(['s1', 's2']);
  });

  it('keeps the patient facts linked: a complication knows the procedure it followed', () => {
    const doc = buildSearchDocument(source(), TERMS);
    expect(doc.complications).toEqual([{ termId: 'c3', termPath: ['c3', 'c2', 'c1'], procedureTermPath: ['p2', 'p1'], onsetHours: 48, symptomIds: ['s1', 's2'] }]);
  });

  it('takes blood-patch volumes only from blood patches, and every onset', () => {
    const doc = buildSearchDocument(source(), TERMS);
    expect(doc.bloodPatchVolumesMl).toEqual([20]);
    expect(doc.onsetHours).toEqual([48]);
  });

  it('records "not reported" as the treatment of a case without treatments, and whether the outcome is known', () => {
    const doc = buildSearchDocument(source({ treatments: [], caseReport: { ...source().caseReport, outcome: Outcome.UNKNOWN } }), TERMS);
    expect(doc.treatmentIds).toEqual(['UNKNOWN']);
    expect(doc.hasKnownOutcome).toBe(false);
    expect(buildSearchDocument(source(), TERMS).hasKnownOutcome).toBe(true);
  });

  it('collects text: publication, narrative, details in course order, term labels and synonyms, ancestor labels', () => {
    const doc = buildSearchDocument(source(), TERMS);
    expect(doc.title).toBe('Intrathecal haematoma');
    expect(doc.summary).toBe('A woman with back pain.\nRecovered.');
    expect(doc.details).toBe('second patch\nMRI\ndexamethasone');
    expect(doc.termText).toEqual(expect.arrayContaining(['intrathecal hematoma', 'intrathecal haematoma', 'epidural blood patch', 'EBP', 'corticosteroids', 'low back pain']));
    expect(doc.ancestorTermText).toEqual(expect.arrayContaining(['hematoma', 'spinal hematoma', 'epidural injection', 'conservative management', 'back pain']));
    expect(doc.ancestorTermText).not.toContain('intrathecal hematoma');
    expect(doc.publicationTypes).toEqual(['Case Reports', 'Review']);
    expect(doc.authors).toEqual(['Doe J']);
    expect(doc.subjects).toEqual(['Blood Patch, Epidural', 'EBP']);
  });

  // Publication documents (both engines) write authors and subjects this way; the case document's other text
  // (label, journal, authors, subjects, DOI, PMID) and term labels are searched by the same parsed query.
  it('writes every searched text as the text query reads it: no soft hyphen inside a word, full-width letters and ligatures folded, no control characters', () => {
    const base = source();
    const doc = buildSearchDocument(
      source({
        caseReport: { ...base.caseReport, label: 'Case\u00021' },
        publication: { ...base.publication, journal: 'Ｊ Neuro\u00adsurg', authors: [{ family: 'Ｄｏｅ', given: 'J' }], meshHeadings: [{ label: 'Pleural Eﬀusion' }], keywords: ['hema\u00adtoma'], doi: '10.1/ａｂ', pmid: '１２３' },
      }),
      new TermIndex([term('c3', TermKind.COMPLICATION, 'intrathecal-hema\u2060toma', null, ['ﬁbrosis'])]),
    );
    expect([doc.label, doc.journal, doc.authors, doc.subjects, doc.doi, doc.pmid]).toEqual(['Case 1', 'J Neurosurg', ['Doe J'], ['Pleural Effusion', 'hematoma'], '10.1/ab', '123']);
    expect(doc.termText).toEqual(['intrathecal hematoma', 'fibrosis']);
  });

  it('records whether the citation is complete (title, authors, journal, year)', () => {
    expect(buildSearchDocument(source(), TERMS).citationComplete).toBe(true);
    const publication = source().publication;
    expect(buildSearchDocument(source({ publication: { ...publication, year: null } }), TERMS).citationComplete).toBe(false);
    expect(buildSearchDocument(source({ publication: { ...publication, title: 'Intrathecal', titleStatus: TitleStatus.INCOMPLETE } }), TERMS).citationComplete).toBe(false);
    expect(buildSearchDocument(source({ publication: { ...publication, authors: [] } }), TERMS).citationComplete).toBe(false);
  });

  it('is pure: same rows, same document', () => {
    const at = new Date('2024-01-01T00:00:00Z');
    expect(buildSearchDocument(source(), TERMS, at)).toEqual(buildSearchDocument(source(), TERMS, at));
  });
});

describe('TermIndex', () => {
  it('finds descendants and guards against cycles', () => {
    expect(TERMS.descendantsOf(['c1']).sort()).toEqual(['c1', 'c2', 'c3']);
    const cyclic = new TermIndex([term('a', TermKind.SYMPTOM, 'a', 'b'), term('b', TermKind.SYMPTOM, 'b', 'a')]);
    expect(cyclic.pathIds('a')).toEqual(['a', 'b']);
  });
});
