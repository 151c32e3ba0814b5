import { MeshTree } from './mesh-tree';

describe('MeshTree', () => {
  const tree = MeshTree.parse(
    '\uFEFFTree Number\tDesc Ui\tTerm\nC23\tD010335\tPathologic Processes\nC23.550\tD010336\tPathologic Processes X\nC23.550.414\tD006470\tHemorrhage\nC23.550.414.838\tD006406\tHematoma\nC10.228\tD002493\tCNS Diseases\nC10.228.140\tD001927\tBrain Diseases\nC10.228.140.300.525\tD006406\tHematoma\nbroken line\n',
  );

  it('reads descriptors and labels, skipping the header and malformed lines', () => {
    expect(tree.size).toBe(6);
    expect(tree.labelOf('D006406')).toBe('Hematoma');
    expect(tree.uiOfLabel(' hematoma ')).toBe('D006406');
  });

  it('gives ancestors over every tree position of a descriptor, without itself', () => {
    expect(tree.ancestorsOf('D006406')).toEqual(['D001927', 'D002493', 'D006470', 'D010335', 'D010336'].sort());
    expect(tree.parentsOf('D006406')).toEqual(['D006470']);
    expect(tree.ancestorsOf('D010335')).toEqual([]);
    expect(tree.ancestorsOf('D999999')).toEqual([]);
  });

  it('loads the bundled MeSH 2017 tree', () => {
    const bundled = MeshTree.bundled();
    expect(bundled.size).toBeGreaterThan(28_000);
    expect(bundled.labelOf('D046748')).toBe('Hematoma, Epidural, Spinal');
    expect(bundled.ancestorsOf('D046748')).toContain('D006406');
    // Check tags are outside the tree but named.
    expect(bundled.labelOf('D008297')).toBe('Male');
    expect(bundled.uiOfLabel('Female')).toBe('D005260');
    expect(bundled.ancestorsOf('D008297')).toEqual([]);
  });
});
