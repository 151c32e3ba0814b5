import { TermKind } from '../../vocabulary/term-kind.enum';
import { TermIndex } from '../indexing/search-document';
import { assembleFacets, flattenFacetValues } from './facet-assembler';
import { FacetName } from './facet-registry';

const TERMS = new TermIndex([
  { id: 'c1', kind: TermKind.COMPLICATION, key: 'hematoma', label: 'Hematoma', synonyms: [], parentId: null },
  { id: 'c2', kind: TermKind.COMPLICATION, key: 'spinal-hematoma', label: 'Spinal hematoma', synonyms: [], parentId: 'c1' },
  { id: 'c3', kind: TermKind.COMPLICATION, key: 'intrathecal-hematoma', label: 'Intrathecal hematoma', synonyms: [], parentId: 'c2' },
  { id: 'c4', kind: TermKind.COMPLICATION, key: 'csf-leak', label: 'CSF leak', synonyms: [], parentId: null },
  { id: 't1', kind: TermKind.TREATMENT, key: 'surgery', label: 'Surgery', synonyms: [], parentId: null },
]);

describe('assembleFacets', () => {
  it('builds the complication tree from rolled-up counts, largest first', () => {
    const [facet] = assembleFacets(
      [{ facet: FacetName.COMPLICATION, includeZero: false }],
      [{ facet: FacetName.COMPLICATION, stats: null, buckets: [{ value: 'c1', caseCount: 5, publicationCount: 4 }, { value: 'c2', caseCount: 3, publicationCount: 3 }, { value: 'c3', caseCount: 3, publicationCount: 2 }, { value: 'c4', caseCount: 6, publicationCount: 6 }] }],
      { complications: ['c3'] },
      TERMS,
    );
    expect(facet.values.map((v) => v.label)).toEqual(['CSF leak', 'Hematoma']);
    const hematoma = facet.values[1];
    expect(hematoma.children[0]).toMatchObject({ value: 'c2', caseCount: 3, selected: false });
    expect(hematoma.children[0].children[0]).toMatchObject({ value: 'c3', termId: 'c3', label: 'Intrathecal hematoma', caseCount: 3, publicationCount: 2, selected: true });
    expect(flattenFacetValues(facet.values).map((v) => v.value)).toEqual(['c4', 'c1', 'c2', 'c3']);
  });

  it('lists enum values in declaration order with labels, zero values on request, and selected ones always', () => {
    const result = { facet: FacetName.OUTCOME, stats: null, buckets: [{ value: 'UNKNOWN', caseCount: 2, publicationCount: 2 }, { value: 'FULL_RECOVERY', caseCount: 2, publicationCount: 1 }] };
    const [plain] = assembleFacets([{ facet: FacetName.OUTCOME, includeZero: false }], [result], { outcomes: ['DEATH' as never] }, TERMS);
    expect(plain.values.map((v) => [v.value, v.label, v.caseCount, v.selected])).toEqual([
      ['FULL_RECOVERY', 'Full recovery', 2, false],
      ['DEATH', 'Death', 0, true],
      ['UNKNOWN', 'Unknown', 2, false],
    ]);
    const [zero] = assembleFacets([{ facet: FacetName.OUTCOME, includeZero: true }], [result], {}, TERMS);
    expect(zero.values).toHaveLength(6);
  });

  it('labels the treatment "not reported" value and adds vocabulary zeros on request', () => {
    const [facet] = assembleFacets([{ facet: FacetName.TREATMENT, includeZero: true }], [{ facet: FacetName.TREATMENT, stats: null, buckets: [{ value: 'UNKNOWN', caseCount: 1, publicationCount: 1 }] }], {}, TERMS);
    expect(facet.values.map((v) => [v.value, v.label, v.termId, v.caseCount])).toEqual([
      ['UNKNOWN', 'Not reported', null, 1],
      ['t1', 'Surgery', 't1', 0],
    ]);
  });

  it('lists as zero values the roots and the children of used or selected terms, not the whole vocabulary', () => {
    const buckets = [{ value: 'c1', caseCount: 2, publicationCount: 2 }];
    const request = [{ facet: FacetName.COMPLICATION, includeZero: true }];
    const tree = (values: ReturnType<typeof assembleFacets>[number]['values']): unknown[] => values.map((v) => [v.value, v.caseCount, tree(v.children)]);
    const [plain] = assembleFacets(request, [{ facet: FacetName.COMPLICATION, stats: null, buckets }], {}, TERMS);
    // c3 (a grandchild of the used c1) is left out.
    expect(tree(plain.values)).toEqual([
      ['c1', 2, [['c2', 0, []]]],
      ['c4', 0, []],
    ]);
    const [selected] = assembleFacets(request, [{ facet: FacetName.COMPLICATION, stats: null, buckets }], { complications: ['c2'] }, TERMS);
    expect(tree(selected.values)).toEqual([
      ['c1', 2, [['c2', 0, [['c3', 0, []]]]]],
      ['c4', 0, []],
    ]);
  });

  it('applies limits to the top level but keeps selected values', () => {
    const buckets = ['c1', 'c4'].map((value, i) => ({ value, caseCount: 10 - i, publicationCount: 1 }));
    const [facet] = assembleFacets([{ facet: FacetName.COMPLICATION, includeZero: false, limit: 1 }], [{ facet: FacetName.COMPLICATION, stats: null, buckets }], { complications: ['c4'] }, TERMS);
    expect(facet.values.map((v) => v.value)).toEqual(['c1', 'c4']);
  });

  it('fills histogram gaps with empty buckets between the first and last bucket', () => {
    const [facet] = assembleFacets(
      [{ facet: FacetName.BLOOD_PATCH_VOLUME, includeZero: false, interval: 0.1 }],
      [{ facet: FacetName.BLOOD_PATCH_VOLUME, buckets: [], stats: { min: 0.15, max: 0.42, buckets: [{ from: 0.1, to: 0.2, caseCount: 1 }, { from: 0.4, to: 0.5, caseCount: 2 }] } }],
      {},
      TERMS,
    );
    expect(facet.stats).toEqual({ min: 0.15, max: 0.42, buckets: [{ from: 0.1, to: 0.2, caseCount: 1 }, { from: 0.2, to: 0.3, caseCount: 0 }, { from: 0.3, to: 0.4, caseCount: 0 }, { from: 0.4, to: 0.5, caseCount: 2 }] });
  });
});
