import { TermKind } from '../../vocabulary/term-kind.enum';
import { SearchDocument, TermIndex } from '../../search/indexing/search-document';
import { facetDefinition, FacetName } from '../../search/query/facet-registry';
import { DocumentTally, listValues, NO_VALUE, unknownIsFilterable, unknownValueOf } from './facet-tally';
import { summaryRows } from './case-summary';

const terms = new TermIndex([
  { id: 'hem', kind: TermKind.COMPLICATION, key: 'hematoma', label: 'Hematoma', synonyms: [], parentId: null },
  { id: 'ith', kind: TermKind.COMPLICATION, key: 'intrathecal-hematoma', label: 'Intrathecal hematoma', synonyms: [], parentId: 'hem' },
  { id: 'ssh', kind: TermKind.COMPLICATION, key: 'spinal-subdural-hematoma', label: 'Spinal subdural hematoma', synonyms: [], parentId: 'hem' },
  { id: 'pdph', kind: TermKind.COMPLICATION, key: 'pdph', label: 'Post-dural puncture headache', synonyms: [], parentId: null },
]);
const doc = (publicationId: string, fields: Partial<SearchDocument>) => ({ publicationId, outcome: 'UNKNOWN', complicationIds: [], treatmentIds: ['UNKNOWN'], ...fields }) as SearchDocument;

describe('unknown rows', () => {
  it('is UNKNOWN for enums, "Not reported" for treatments, NONE for other multi-valued facets', () => {
    expect(unknownValueOf(facetDefinition(FacetName.OUTCOME))).toEqual({ value: 'UNKNOWN', label: 'Unknown' });
    expect(unknownValueOf(facetDefinition(FacetName.TREATMENT))).toEqual({ value: 'UNKNOWN', label: 'Not reported' });
    expect(unknownValueOf(facetDefinition(FacetName.COMPLICATION))).toEqual({ value: NO_VALUE, label: 'None reported' });
    expect(unknownIsFilterable(facetDefinition(FacetName.OUTCOME))).toBe(true);
    expect(unknownIsFilterable(facetDefinition(FacetName.TREATMENT))).toBe(true);
    expect(unknownIsFilterable(facetDefinition(FacetName.COMPLICATION))).toBe(false);
    expect(unknownIsFilterable(facetDefinition(FacetName.CURATION_STATUS))).toBe(false);
  });
});

describe('DocumentTally (the exact path)', () => {
  it('counts cases and distinct publications per value, a case once per value, and cases without a value as unknown', () => {
    const tally = new DocumentTally(facetDefinition(FacetName.COMPLICATION));
    tally.add(doc('p1', { complicationIds: ['hem', 'ith', 'pdph'] }));
    tally.add(doc('p1', { complicationIds: ['hem', 'ith'] }));
    tally.add(doc('p2', { complicationIds: ['hem', 'ssh'] }));
    tally.add(doc('p3', { complicationIds: [] }));
    const result = tally.result();
    expect(result).toMatchObject({ totalCases: 4, totalPublications: 3, unknown: { caseCount: 1, publicationCount: 1 }, method: 'EXACT' });
    expect(Object.fromEntries(result.counts)).toEqual({ hem: { caseCount: 3, publicationCount: 2 }, ith: { caseCount: 2, publicationCount: 1 }, pdph: { caseCount: 1, publicationCount: 1 }, ssh: { caseCount: 1, publicationCount: 1 } });
  });

  it('counts an enum UNKNOWN and the "not reported" treatment as the unknown row', () => {
    const outcome = new DocumentTally(facetDefinition(FacetName.OUTCOME));
    outcome.add(doc('p1', { outcome: 'FULL_RECOVERY' as never }));
    outcome.add(doc('p2', { outcome: 'UNKNOWN' as never }));
    expect(outcome.result().unknown.caseCount).toBe(1);
    expect([...outcome.result().counts.keys()]).toEqual(['FULL_RECOVERY']);
    const treatment = new DocumentTally(facetDefinition(FacetName.TREATMENT));
    treatment.add(doc('p1', {}));
    expect(treatment.result().unknown).toEqual({ caseCount: 1, publicationCount: 1 });
  });
});

describe('listValues', () => {
  it('lists enum values in declaration order with zeros, unknown last', () => {
    const listed = listValues(facetDefinition(FacetName.OUTCOME), new Map([['DEATH', { caseCount: 1, publicationCount: 1 }]]), terms);
    expect(listed.map((value) => value.value)).toEqual(['FULL_RECOVERY', 'IMPROVED_UNSPECIFIED', 'PARTIAL_RECOVERY', 'RESIDUAL_DEFICIT', 'DEATH', 'UNKNOWN']);
    expect(listed.at(-1)).toMatchObject({ unknown: true, label: 'Unknown' });
  });

  it('lists terms as their tree, by count then label, with selected values at 0', () => {
    const counts = new Map([
      ['hem', { caseCount: 3, publicationCount: 2 }],
      ['ith', { caseCount: 2, publicationCount: 1 }],
      ['pdph', { caseCount: 1, publicationCount: 1 }],
    ]);
    const listed = listValues(facetDefinition(FacetName.COMPLICATION), counts, terms, ['ssh']);
    expect(listed.map((value) => [value.label, value.depth])).toEqual([
      ['Hematoma', 0],
      ['Intrathecal hematoma', 1],
      ['Spinal subdural hematoma', 1],
      ['Post-dural puncture headache', 0],
      ['None reported', 0],
    ]);
  });
});

describe('summaryRows', () => {
  it('gives proportions of all and of the known with intervals, and the curated / suggested split', () => {
    const tally = { totalCases: 5, totalPublications: 5, counts: new Map([['FULL_RECOVERY', { caseCount: 2, publicationCount: 2 }], ['PARTIAL_RECOVERY', { caseCount: 1, publicationCount: 1 }]]), unknown: { caseCount: 2, publicationCount: 2 }, method: 'FACETS' as const };
    const curated = { ...tally, counts: new Map([['FULL_RECOVERY', { caseCount: 2, publicationCount: 2 }]]), unknown: { caseCount: 1, publicationCount: 1 } };
    const suggested = { ...tally, counts: new Map([['PARTIAL_RECOVERY', { caseCount: 1, publicationCount: 1 }]]), unknown: { caseCount: 1, publicationCount: 1 } };
    const rows = summaryRows(listValues(facetDefinition(FacetName.OUTCOME), tally.counts, terms), tally, { curated, suggested });
    const full = rows.find((row) => row.value === 'FULL_RECOVERY')!;
    expect(full.ofAll).toMatchObject({ numerator: 2, denominator: 5, proportion: 0.4 });
    expect(full.ofAll!.lower).toBeCloseTo(0.1176, 4);
    expect(full.ofKnown).toMatchObject({ numerator: 2, denominator: 3 });
    expect(full.curated).toEqual({ caseCount: 2, publicationCount: 2 });
    expect(full.suggested).toEqual({ caseCount: 0, publicationCount: 0 });
    const unknown = rows.at(-1)!;
    expect(unknown).toMatchObject({ unknown: true, caseCount: 2, ofKnown: null, curated: { caseCount: 1 }, suggested: { caseCount: 1 } });
    expect(summaryRows(listValues(facetDefinition(FacetName.OUTCOME), new Map(), terms), { ...tally, totalCases: 0, counts: new Map(), unknown: { caseCount: 0, publicationCount: 0 } }, null)[0]).toMatchObject({ ofAll: null, ofKnown: null, curated: null });
  });
});
