import { TermIndex } from '../../search/indexing/search-document';
import { facetDefinition, FacetName } from '../../search/query/facet-registry';
import { FacetTally, listValues } from '../summary/facet-tally';
import { cellKey, cellsOf, headersOf, limitValues } from './cross-tab';

const tallyOf = (counts: Record<string, number>, unknown: number, total: number): FacetTally => ({
  totalCases: total,
  totalPublications: total,
  counts: new Map(Object.entries(counts).map(([value, caseCount]) => [value, { caseCount, publicationCount: caseCount }])),
  unknown: { caseCount: unknown, publicationCount: unknown },
  method: 'FACETS',
});

describe('cross-tab assembly', () => {
  it('gives cells with row and column proportions (0 cells included) and margins with proportions of all', () => {
    const outcome = facetDefinition(FacetName.OUTCOME);
    const sex = facetDefinition(FacetName.SEX);
    const rowTally = tallyOf({ FULL_RECOVERY: 3 }, 1, 4);
    const columnTally = tallyOf({ FEMALE: 4 }, 0, 4);
    const terms = new TermIndex([]);
    const rows = headersOf(listValues(outcome, rowTally.counts, terms), rowTally);
    const columns = headersOf(listValues(sex, columnTally.counts, terms), columnTally);
    expect(rows.find((row) => row.value === 'FULL_RECOVERY')!.ofAll).toMatchObject({ numerator: 3, denominator: 4 });
    const counts = new Map([
      [cellKey('FULL_RECOVERY', 'FEMALE'), { caseCount: 3, publicationCount: 3 }],
      [cellKey('UNKNOWN', 'FEMALE'), { caseCount: 1, publicationCount: 1 }],
    ]);
    const cells = cellsOf(rows, columns, counts);
    expect(cells).toHaveLength(rows.length * columns.length);
    const full = cells.find((cell) => cell.rowValue === 'FULL_RECOVERY' && cell.columnValue === 'FEMALE')!;
    expect(full.ofRow).toMatchObject({ numerator: 3, denominator: 3, upper: 1 });
    expect(full.ofColumn).toMatchObject({ numerator: 3, denominator: 4 });
    const empty = cells.find((cell) => cell.rowValue === 'DEATH' && cell.columnValue === 'MALE')!;
    expect(empty).toMatchObject({ caseCount: 0, ofRow: null, ofColumn: null });
  });

  it('keeps the values with the most cases in listing order, and the unknown row', () => {
    const tally = tallyOf({ a: 1, b: 5, c: 3 }, 2, 10);
    const listed = ['a', 'b', 'c'].map((value) => ({ value, label: value, termId: null, depth: 0, unknown: false })).concat({ value: 'NONE', label: 'None reported', termId: null, depth: 0, unknown: true });
    const limited = limitValues(listed, tally, 2);
    expect(limited.kept.map((value) => value.value)).toEqual(['b', 'c', 'NONE']);
    expect(limited.omitted).toBe(1);
    expect(limitValues(listed, tally, 3).omitted).toBe(0);
  });
});
