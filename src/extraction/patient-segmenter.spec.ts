import { buildTermMatcher as buildVocabularyMatcher } from './vocabulary-matcher';
import { buildFieldContext } from './field-context';
import { segmentPatients } from './patient-segmenter';
import { curatedVocabulary } from './extraction.test-support';

const matcher = buildVocabularyMatcher(curatedVocabulary());
const seg = (title: string, abstract: string, individual = true) =>
  segmentPatients(buildFieldContext('title', title, matcher).sentences, buildFieldContext('abstract', abstract, matcher).sentences, individual);

describe('segmentPatients', () => {
  it('gives each "Case N" its sentences and shares the rest', () => {
    const s = seg('Two cases of subdural hematoma', 'Background: hematomas are rare. Case one: A 34-year-old woman had a DPE. She had a craniectomy. Case two: A 31-year-old woman was observed.');
    expect(s.count).toBe(2);
    expect(s.segments.map((x) => [x.label, x.sentences.length])).toEqual([
      ['Case 1', 2],
      ['Case 2', 1],
    ]);
  });

  it('counts "the first patient … the second patient" and stated numbers', () => {
    expect(seg('', 'The first patient is a 55-year-old woman. The second patient is a 66-year-old woman.').count).toBe(2);
    expect(seg('', 'We describe a series of 5 patients with arachnoiditis.').count).toBe(5);
    expect(seg('Odontogenic cysts in three dogs', 'Cysts were enucleated.').count).toBe(3);
  });

  it('does not count patients quoted from the literature or a group', () => {
    expect(seg('', 'We report a case. Only five cases have been reported so far.').count).toBe(1);
    expect(seg('', 'A retrospective review of 43,200 patients.', false).count).toBe(0);
    expect(seg('', 'We present 33 cases of appendicitis.').count).toBe(0);
  });

  it('keeps the segments in the order of their numbers when a later patient is told first (rules 1.2.0)', () => {
    const s = seg('Report of three cases', 'We report three patients after epidural anesthesia. The sudden palsy in the third patient was caused by an ischemic lesion.');
    expect(s.segments.map((x) => [x.label, x.sentences.length])).toEqual([
      ['Case 1', 0],
      ['Case 2', 0],
      ['Case 3', 1],
    ]);
  });
});

describe('segmentPatients, rules 1.3.0', () => {
  it('reads "Patient No. 1 … Patient No. 2" as markers', () => {
    const s = seg('Two cases of biliary hemorrhage', 'Patient No. 1 was a 66-year-old male who underwent drainage. The bleeding stopped. Patient No. 2 was a 68-year-old male who underwent drainage.');
    expect(s.count).toBe(2);
    expect(s.segments.map((x) => [x.label, x.sentences.length])).toEqual([
      ['Case 1', 2],
      ['Case 2', 1],
    ]);
  });
});

describe('segmentPatients, rules 1.5.0', () => {
  it('keeps the one patient the authors report beside a literature count', () => {
    expect(seg('', 'We report a 61 year old woman who developed meningitis. Of the 31 cases, 20 occurred after spinal anesthesia.').count).toBe(1);
    expect(seg('Two cases of meningitis', 'We report a 30-year-old woman and a 41-year-old man.').count).toBe(2);
    expect(seg('', 'We report a series of 33 patients. Of the 33 cases, 20 occurred after spinal anesthesia.').count).toBe(0);
  });
});

describe('segmentPatients, rules 1.7.0', () => {
  it('gives no patient to a group told only as shares of its count', () => {
    expect(seg('', 'In eight cases of deafness after spinal anaesthesia, hearing returned in six of the eight patients.').count).toBe(0);
    expect(seg('', 'In nine cases of deafness after spinal anaesthesia, the hearing of two patients did not recover; it returned in seven of the nine patients.').count).toBe(0);
    // An individual described (an age) keeps the series; a share of another group (the literature's) does not decide.
    expect(seg('', 'Three cases are described. The first was a 30-year-old woman. In two of the three patients the palsy resolved.').count).toBe(3);
    expect(seg('', 'We present three cases of hearing loss. Four out of 35 patients in the literature had tinnitus.').count).toBe(3);
  });

  it('adds counts of the same noun joined by "and"', () => {
    expect(seg('', 'Two cases of epidural abscess and three cases of meningitis after spinal anaesthesia are reported.').count).toBe(5);
    expect(seg('', 'Two patients with spinal hematoma and one patient with subdural hematoma are reported.').count).toBe(3);
  });

  it('shares a sentence whose subject is all the patients', () => {
    const s = seg('', 'The first patient was a 30-year-old woman. The second patient was a 40-year-old man. They were given oxygen and their condition resolved.');
    expect(s.segments.map((x) => x.sentences.length)).toEqual([1, 1]);
    expect(s.shared.map((c) => c.sentence.text)).toContain('They were given oxygen and their condition resolved.');
  });
});

describe('segmentPatients, rules 1.7.0: "one case" as a share', () => {
  it('reads "One case (9%)" in a group told as shares as part of the aggregate, not as a described patient', () => {
    expect(seg('', 'Eleven obstetric patients had SDHs after labour epidurals over 7 years. Ten of 11 patients had a postural headache first. One case (9%) had a craniectomy after becoming unresponsive.').count).toBe(0);
    // A numbered case keeps the series.
    expect(seg('', 'Three patients had SDHs after labour epidurals. Two of the three patients had a headache first. Case 1: she had a craniectomy.').count).toBe(3);
  });
});
