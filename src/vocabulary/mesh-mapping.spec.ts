import { mapMeshHeadings, MappableTerm, MeshMapper } from './mesh-mapping';
import { TermKind } from './term-kind.enum';

const term = (id: string, kind: TermKind, key: string, label: string, meshUi: string | null, synonyms: string[] = []): MappableTerm => ({ id, kind, key, label, synonyms, meshUi });

const VOCABULARY: MappableTerm[] = [
  // Curated (keys of src/vocabulary/seed/vocabulary-terms.json)
  term('c1', TermKind.COMPLICATION, 'spinal-epidural-hematoma', 'Spinal epidural hematoma', 'D046748', ['hematoma, epidural, spinal']),
  term('c2', TermKind.SYMPTOM, 'headache', 'Headache', 'D006261'),
  term('c3', TermKind.PROCEDURE, 'epidural-blood-patch', 'Epidural blood patch', 'D017217'),
  term('c4', TermKind.TREATMENT, 'therapeutic-epidural-blood-patch', 'Epidural blood patch (as treatment)', 'D017217'),
  // MeSH-seeded
  term('m1', TermKind.COMPLICATION, 'headache', 'Headache', 'D006261'),
  term('m2', TermKind.COMPLICATION, 'hematoma-subdural', 'Hematoma, Subdural', 'D006408', ['Subdural Hematoma']),
  term('m3', TermKind.COMPLICATION, 'spinal-epidural-hematoma-copy', 'Hematoma, Epidural, Spinal', 'D046748'),
  term('m4', TermKind.SYMPTOM, 'pain', 'Pain', 'D010146'),
];

const keysOf = (result: ReturnType<typeof mapMeshHeadings>) => Object.fromEntries(Object.entries(result).map(([kind, matches]) => [kind, matches!.map((m) => `${m.term.key}:${m.by}`)]));

describe('mapMeshHeadings', () => {
  it('matches by descriptor UI, giving a term of every kind that carries it', () => {
    const result = mapMeshHeadings([{ descriptorUi: 'D017217', label: 'Blood Patch, Epidural' }, { descriptorUi: 'D006261', label: 'Headache' }], VOCABULARY);
    expect(keysOf(result)).toEqual({
      PROCEDURE: ['epidural-blood-patch:ui'],
      TREATMENT: ['therapeutic-epidural-blood-patch:ui'],
      SYMPTOM: ['headache:ui'],
      COMPLICATION: ['headache:ui'],
    });
  });

  it('prefers the curated term when several terms of a kind carry the UI', () => {
    expect(keysOf(mapMeshHeadings([{ descriptorUi: 'D046748', label: 'Hematoma, Epidural, Spinal' }], VOCABULARY))).toEqual({ COMPLICATION: ['spinal-epidural-hematoma:ui'] });
    // With another notion of "curated", the other term wins.
    expect(keysOf(mapMeshHeadings([{ descriptorUi: 'D046748', label: 'x' }], VOCABULARY, (t) => t.id.startsWith('m')))).toEqual({ COMPLICATION: ['spinal-epidural-hematoma-copy:ui'] });
  });

  it('matches a heading without UI (MEDLINE, RIS) by exact label or synonym, in any case and natural order, ignoring qualifiers', () => {
    const result = mapMeshHeadings(
      [
        { descriptorUi: null, label: 'Hematoma, Epidural, Spinal/etiology*' },
        { label: 'hematoma, subdural' },
        { label: 'Subdural hematoma' },
        { label: 'PAIN' },
        { label: 'Pain, Postoperative' },
        { label: 'Hematoma' },
      ],
      VOCABULARY,
    );
    expect(keysOf(result)).toEqual({ COMPLICATION: ['spinal-epidural-hematoma:label', 'hematoma-subdural:label'], SYMPTOM: ['pain:label'] });
  });

  it('does not fall back to the label when the UI is unknown, and ignores headings outside the vocabulary', () => {
    expect(mapMeshHeadings([{ descriptorUi: 'D006801', label: 'Humans' }, { descriptorUi: 'D999999', label: 'Headache' }], VOCABULARY)).toEqual({});
    expect(mapMeshHeadings([], VOCABULARY)).toEqual({});
  });

  it('can be built once and reused', () => {
    const mapper = new MeshMapper(VOCABULARY);
    expect(keysOf(mapper.map([{ descriptorUi: 'D010146', label: 'Pain' }]))).toEqual({ SYMPTOM: ['pain:ui'] });
    expect(keysOf(mapper.map([{ label: 'Headache' }]))).toEqual({ SYMPTOM: ['headache:label'], COMPLICATION: ['headache:label'] });
  });
});
