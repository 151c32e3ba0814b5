import { readFileSync } from 'node:fs';
import { buildMeshVocabulary, inBranches, meshSlug, MeshTreeRow, naturalOrder, parseMeshTree, SeedTerm } from './mesh-vocabulary.builder';
import meshTerms from './mesh-vocabulary-terms.json';
import curatedTerms from './vocabulary-terms.json';

const rows = (text: string): MeshTreeRow[] =>
  text
    .trim()
    .split('\n')
    .map((line) => {
      const [treeNumber, descriptorUi, name] = line.trim().split('|');
      return { treeNumber, descriptorUi, name };
    });

const curated = (key: string, kind: string, meshUi: string | null, parent: string | null = null): SeedTerm => ({ key, kind, label: `Curated ${key}`, synonyms: ['curated synonym'], parent, meshUi });
const find = (terms: SeedTerm[], kind: string, meshUi: string) => terms.find((term) => term.kind === kind && term.meshUi === meshUi);

describe('MeSH vocabulary builder', () => {
  it('slugs names and turns short inverted names into natural order', () => {
    expect(meshSlug('Hematoma, Epidural, Spinal')).toBe('hematoma-epidural-spinal');
    expect(meshSlug("Behçet's Syndrome")).toBe('behcet-s-syndrome');
    expect(naturalOrder('Hematoma, Epidural, Spinal')).toBe('Spinal Epidural Hematoma');
    expect(naturalOrder('Diabetes Mellitus, Type 2')).toBe('Type 2 Diabetes Mellitus');
    expect(naturalOrder('Headache')).toBeNull();
    expect(naturalOrder('Congenital, Hereditary, and Neonatal Diseases and Abnormalities')).toBeNull();
    expect(naturalOrder('Pathological Conditions, Signs and Symptoms')).toBeNull();
  });

  it('parses the tree file with its BOM and header', () => {
    expect(parseMeshTree('\uFEFFTree Number\tDesc Ui\tTerm\nC10\tD009422\tNervous System Diseases\n')).toEqual([{ treeNumber: 'C10', descriptorUi: 'D009422', name: 'Nervous System Diseases' }]);
  });

  it('assigns kinds by branch: diseases are complications, signs and symptoms are symptoms, E branches procedures and treatments', () => {
    expect(inBranches('COMPLICATION', 'C10.228')).toBe(true);
    expect(inBranches('COMPLICATION', 'C23.888.592')).toBe(false);
    expect(inBranches('COMPLICATION', 'C22.100')).toBe(false);
    expect(inBranches('SYMPTOM', 'C23.888.592')).toBe(true);
    expect(inBranches('SYMPTOM', 'C23.550')).toBe(false);
    expect(inBranches('PROCEDURE', 'E04.525')).toBe(true);
    expect(inBranches('PROCEDURE', 'E05.200')).toBe(false);
    expect(inBranches('PROCEDURE', 'E02.319.267.530.580')).toBe(true);
    expect(inBranches('PROCEDURE', 'E02.319.100')).toBe(false);
    expect(inBranches('TREATMENT', 'E04.525')).toBe(true);
    expect(inBranches('TREATMENT', 'E01.370')).toBe(false);

    const terms = buildMeshVocabulary(
      rows(`
        C10|D009422|Nervous System Diseases
        C10.597|D009461|Neurologic Manifestations
        C10.597.617|D010146|Pain
        C10.597.617.470|D006261|Headache
        C23|D013568|Pathological Conditions, Signs and Symptoms
        C23.888|D012816|Signs and Symptoms
        C23.888.592|D009461|Neurologic Manifestations
        C23.888.592.612|D010146|Pain
        C23.888.592.612.441|D006261|Headache
        E04|D013514|Surgical Procedures, Operative
        E04.525|D019635|Neurosurgical Procedures
      `),
      [],
    );
    // A descriptor is a term of every kind its tree numbers fall in; C23.888 rows make symptoms only.
    expect(terms.filter((t) => t.meshUi === 'D006261').map((t) => t.kind).sort()).toEqual(['COMPLICATION', 'SYMPTOM']);
    expect(find(terms, 'SYMPTOM', 'D012816')).toMatchObject({ parent: null, key: 'signs-and-symptoms' });
    expect(find(terms, 'COMPLICATION', 'D012816')).toBeUndefined();
    expect(find(terms, 'SYMPTOM', 'D013568')).toBeUndefined();
    expect(terms.filter((t) => t.meshUi === 'D019635').map((t) => [t.kind, t.parent])).toEqual([
      ['PROCEDURE', 'surgical-procedures-operative'],
      ['TREATMENT', 'surgical-procedures-operative'],
    ]);
  });

  it('lets curated terms win: a descriptor they carry is not added, its narrower descriptors hang under them, they keep their keys', () => {
    const tree = rows(`
      C23|D013568|Pathological Conditions, Signs and Symptoms
      C23.550|D010335|Pathologic Processes
      C23.550.414|D006470|Hemorrhage
      C23.550.414.838|D006406|Hematoma
      C23.550.414.838.700|D006408|Hematoma, Subdural
      C23.550.414.838.700.200|D020200|Hematoma, Subdural, Chronic
      C14|D002318|Cardiovascular Diseases
      C14.907|D014652|Vascular Diseases
      C14.907.253|D002561|Cerebrovascular Disorders
      C14.907.253.573|D020300|Intracranial Hemorrhages
      C14.907.253.573.400|D020198|Intracranial Hemorrhage, Traumatic
      C14.907.253.573.400.450|D006408|Hematoma, Subdural
    `);
    const cur = [curated('hematoma', 'COMPLICATION', 'D006406'), curated('hemorrhage', 'SYMPTOM', 'D006470')];
    const terms = buildMeshVocabulary(tree, cur);
    expect(find(terms, 'COMPLICATION', 'D006406')).toBeUndefined();
    // The curated term of another kind does not hide the descriptor here.
    expect(find(terms, 'COMPLICATION', 'D006470')).toMatchObject({ key: 'hemorrhage', parent: 'pathologic-processes' });
    // Subdural hematoma is at depth 5 under Hematoma and at depth 6 under Intracranial Hemorrhage, Traumatic: the curated parent wins.
    expect(find(terms, 'COMPLICATION', 'D006408')).toMatchObject({ key: 'hematoma-subdural', parent: 'hematoma', synonyms: ['Subdural Hematoma'] });
    expect(find(terms, 'COMPLICATION', 'D020200')).toMatchObject({ parent: 'hematoma-subdural' });
    // Parents before children, and every parent exists (curated or earlier).
    const known = new Set(cur.map((t) => `${t.kind}:${t.key}`));
    for (const term of terms) {
      if (term.parent) expect(known.has(`${term.kind}:${term.parent}`)).toBe(true);
      known.add(`${term.kind}:${term.key}`);
    }
  });

  it('chooses one parent deterministically: the shallowest tree number, then the first in text order', () => {
    const tree = rows(`
      C10|D009422|Nervous System Diseases
      C10.228|D002493|Central Nervous System Diseases
      C10.228.140|D001927|Brain Diseases
      C10.228.140.300|D002561|Cerebrovascular Disorders
      C14|D002318|Cardiovascular Diseases
      C14.907|D014652|Vascular Diseases
      C14.907.253|D002561|Cerebrovascular Disorders
      C14.907.253.100|D000001|Something Under Both
      C10.228.140.300.100|D000001|Something Under Both
    `);
    const forward = buildMeshVocabulary(tree, []);
    const backward = buildMeshVocabulary([...tree].reverse(), []);
    expect(find(forward, 'COMPLICATION', 'D002561')).toMatchObject({ parent: 'vascular-diseases' });
    expect(find(forward, 'COMPLICATION', 'D000001')).toMatchObject({ parent: 'cerebrovascular-disorders' });
    expect(backward).toEqual(expect.arrayContaining(forward));
    expect(backward).toHaveLength(forward.length);
  });

  it('keeps keys unique within a kind: a taken slug gets the lower-case UI appended', () => {
    const tree = rows(`
      C10|D009422|Nervous System Diseases
      C10.100|D000010|Hydrocephalus
      C10.200|D000011|Nervous-System Diseases
    `);
    const terms = buildMeshVocabulary(tree, [curated('hydrocephalus', 'COMPLICATION', null)]);
    expect(terms.map((t) => t.key)).toEqual(['nervous-system-diseases', 'hydrocephalus-d000010', 'nervous-system-diseases-d000011']);
  });

  describe('the committed seed file', () => {
    const mesh = meshTerms as SeedTerm[];
    const cur = curatedTerms as SeedTerm[];

    it('is what the builder makes of the committed tree rows', () => {
      // Regenerate with `npm run vocabulary:mesh` after changing the rules or the curated terms.
      const tree = parseMeshTree(readFileSync(`${__dirname}/../../../scripts/mesh/mesh-2017-tree-c-e.tsv`, 'utf8'));
      expect(buildMeshVocabulary(tree, cur)).toEqual(mesh);
    });

    it('has unique keys per kind, known parents listed first, and no UI a curated term of the kind carries', () => {
      const keys = new Set(cur.map((t) => `${t.kind}:${t.key}`));
      const curatedUis = new Set(cur.filter((t) => t.meshUi).map((t) => `${t.kind}:${t.meshUi}`));
      for (const term of mesh) {
        expect(Object.keys(term).sort()).toEqual(['key', 'kind', 'label', 'meshUi', 'parent', 'synonyms']);
        expect(keys.has(`${term.kind}:${term.key}`)).toBe(false);
        if (term.parent) expect(keys.has(`${term.kind}:${term.parent}`)).toBe(true);
        expect(curatedUis.has(`${term.kind}:${term.meshUi}`)).toBe(false);
        keys.add(`${term.kind}:${term.key}`);
      }
      expect(mesh.length).toBeGreaterThan(5000);
    });
  });
});
