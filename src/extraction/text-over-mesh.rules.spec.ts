import { TermKind } from './domain-values';
import { buildVocabularyMatcher } from './extract-cases';
import type { Evidence } from './extraction.types';
import { curatedVocabulary } from './extraction.test-support';
import type { TermMention } from './term-assignment.rules';
import { procedureAnaphora, textOverMesh } from './text-over-mesh.rules';

const matcher = buildVocabularyMatcher(curatedVocabulary());

function mention(kind: TermKind, key: string, text: string, method: Evidence['method'] = 'TEXT_RULE'): TermMention {
  const evidence: Evidence = { field: method === 'MESH_MAPPING' ? 'mesh' : 'abstract', start: 0, end: text.length, text, sentence: text, method, confidence: 0.7 };
  return { kind, key, evidence, ctx: null, order: method === 'MESH_MAPPING' ? 2e9 : 0, attempt: null };
}
const keys = (ms: TermMention[]) => ms.map((m) => `${m.kind}:${m.key}`);

describe('textOverMesh', () => {
  const text = [mention(TermKind.COMPLICATION, 'intrathecal-hematoma', 'subarachnoid hematoma'), mention(TermKind.PROCEDURE, 'epidural-blood-patch', 'EBP'), mention(TermKind.SYMPTOM, 'back-pain', 'back pain')];
  const mesh = [
    mention(TermKind.COMPLICATION, 'spinal-epidural-hematoma', 'Hematoma, Epidural, Spinal', 'MESH_MAPPING'),
    mention(TermKind.PROCEDURE, 'lumbar-puncture', 'Spinal Puncture', 'MESH_MAPPING'),
    mention(TermKind.SYMPTOM, 'headache', 'Headache', 'MESH_MAPPING'),
    mention(TermKind.COMPLICATION, 'meningitis', 'Meningitis', 'MESH_MAPPING'),
  ];

  it('drops MeSH procedures and symptoms when the text names its own, and a MeSH complication with a text sibling', () => {
    expect(keys(textOverMesh([...text, ...mesh], matcher, true))).toEqual([...keys(text), 'COMPLICATION:meningitis']);
  });

  it('keeps every heading without an abstract, and a heading the text repeats', () => {
    expect(keys(textOverMesh([...text, ...mesh], matcher, false))).toEqual(keys([...text, ...mesh]));
    const repeated = mention(TermKind.COMPLICATION, 'intrathecal-hematoma', 'Hematoma', 'MESH_MAPPING');
    expect(keys(textOverMesh([...text, repeated], matcher, true))).toContain('COMPLICATION:intrathecal-hematoma');
  });

  it('keeps MeSH headings of a kind the text does not name', () => {
    const only = [mention(TermKind.COMPLICATION, 'pneumocephalus', 'pneumocephalus'), mention(TermKind.PROCEDURE, 'epidural-anesthesia', 'Anesthesia, Epidural', 'MESH_MAPPING')];
    expect(keys(textOverMesh(only, matcher, true))).toEqual(keys(only));
  });
});

describe('procedureAnaphora', () => {
  it('reads a bare epidural injection beside an epidural as that epidural, and a dural puncture during it as accidental', () => {
    const ms = [mention(TermKind.PROCEDURE, 'labour-epidural-analgesia', 'labor epidural analgesia'), mention(TermKind.PROCEDURE, 'dural-puncture', 'dural puncture'), mention(TermKind.PROCEDURE, 'epidural-injection', 'epidural injection')];
    expect(keys(procedureAnaphora(ms, matcher))).toEqual(['PROCEDURE:labour-epidural-analgesia', 'PROCEDURE:accidental-dural-puncture']);
  });

  it('reads a dural puncture beside a spinal as the spinal\'s own puncture (rules 1.4.0), and leaves an epidural injection without an epidural', () => {
    // Up to rules 1.3.0 the dural puncture stayed as a second procedure; no labeller of the 213 records wrote `dural-puncture`.
    const spinal = [mention(TermKind.PROCEDURE, 'epidural-anesthesia', 'epidural block'), mention(TermKind.PROCEDURE, 'spinal-anesthesia', 'spinal anesthesia'), mention(TermKind.PROCEDURE, 'dural-puncture', 'dural puncture')];
    expect(keys(procedureAnaphora(spinal, matcher))).toEqual(['PROCEDURE:epidural-anesthesia', 'PROCEDURE:spinal-anesthesia']);
    const lumbar = [mention(TermKind.PROCEDURE, 'lumbar-puncture', 'lumbar puncture'), mention(TermKind.PROCEDURE, 'dural-puncture', 'dural puncture')];
    expect(keys(procedureAnaphora(lumbar, matcher))).toEqual(['PROCEDURE:lumbar-puncture']);
    const injection = [mention(TermKind.PROCEDURE, 'epidural-injection', 'epidural injection'), mention(TermKind.PROCEDURE, 'lumbar-puncture', 'lumbar puncture')];
    expect(keys(procedureAnaphora(injection, matcher))).toEqual(keys(injection));
  });
});

describe('procedureAnaphora: the parts of a combined spinal-epidural (rules 1.4.0)', () => {
  it('drops a plain or labour epidural beside a CSE, and keeps a spinal and an accidental puncture', () => {
    const ms = [
      mention(TermKind.PROCEDURE, 'combined-spinal-epidural', 'combined spinal-epidural'),
      mention(TermKind.PROCEDURE, 'epidural-anesthesia', 'epidural analgesia'),
      mention(TermKind.PROCEDURE, 'labour-epidural-analgesia', 'labour analgesia'),
      mention(TermKind.PROCEDURE, 'accidental-dural-puncture', 'unintended dural puncture'),
    ];
    expect(keys(procedureAnaphora(ms, matcher))).toEqual(['PROCEDURE:combined-spinal-epidural', 'PROCEDURE:accidental-dural-puncture']);
  });
});

describe('textOverMesh, rules 1.6.0', () => {
  it('drops a complication heading that is another wording of a complication the text names', () => {
    const text = [mention(TermKind.COMPLICATION, 'acute-intracranial-subdural-hematoma', 'acute subdural haematoma')];
    const heading = mention(TermKind.COMPLICATION, 'hematoma', 'Hematoma, Subdural', 'MESH_MAPPING');
    expect(keys(textOverMesh([...text, heading], matcher, true))).toEqual(keys(text));
    const other = mention(TermKind.COMPLICATION, 'hematoma', 'Hematoma, Epidural, Spinal', 'MESH_MAPPING');
    expect(keys(textOverMesh([...text, other], matcher, true))).toContain('COMPLICATION:hematoma');
    // The words must all be in one mention, not spread over several ("epidural abscess" and "spinal subdural hematoma").
    const two = [mention(TermKind.COMPLICATION, 'epidural-abscess', 'epidural abscess'), mention(TermKind.COMPLICATION, 'spinal-subdural-hematoma', 'spinal subdural hematoma')];
    expect(keys(textOverMesh([...two, other], matcher, true))).toContain('COMPLICATION:hematoma');
  });
});
