import { EngineCrossTab } from '../../search/query/cross-tab-counts';
import { facetDefinition, FacetName } from '../../search/query/facet-registry';
import { columnTallyOf, crossTabAxis, rowTallyOf, rowTallyWithin } from './engine-tally';

const complication = facetDefinition(FacetName.COMPLICATION);
const curation = facetDefinition(FacetName.CURATION_STATUS);
const count = (caseCount: number, publicationCount = caseCount) => ({ caseCount, publicationCount });

// 5 cases in 4 publications: 3 with a hematoma (2 curated), 2 with no complication (1 curated).
const tab: EngineCrossTab = {
  totalCases: 5,
  totalPublications: 4,
  rows: [{ value: 'hematoma', ...count(3, 2) }, { value: 'NONE', ...count(2) }],
  columns: [{ value: 'CURATED', ...count(3) }, { value: 'SUGGESTED', ...count(2, 1) }],
  cells: [
    { row: 'hematoma', column: 'CURATED', ...count(2, 1) },
    { row: 'hematoma', column: 'SUGGESTED', ...count(1) },
    { row: 'NONE', column: 'CURATED', ...count(1) },
    { row: 'NONE', column: 'SUGGESTED', ...count(1) },
  ],
};

describe('tallies from the engine cross-tab', () => {
  it('asks the engine for the synthesis unknown row of each facet', () => {
    expect(crossTabAxis(complication)).toEqual({ facet: FacetName.COMPLICATION, unknownValue: 'NONE' });
    expect(crossTabAxis(facetDefinition(FacetName.TREATMENT))).toEqual({ facet: FacetName.TREATMENT, unknownValue: 'UNKNOWN' });
    expect(crossTabAxis(facetDefinition(FacetName.OUTCOME))).toEqual({ facet: FacetName.OUTCOME, unknownValue: 'UNKNOWN' });
  });

  it('takes the row margins as the facet tally, the unknown apart', () => {
    const tally = rowTallyOf(complication, tab);
    expect(tally).toMatchObject({ totalCases: 5, totalPublications: 4, unknown: count(2), method: 'FACETS' });
    expect([...tally.counts]).toEqual([['hematoma', count(3, 2)]]);
  });

  it('takes one column\'s cells as the tally of the cases with that value, its margin as totals', () => {
    const curated = rowTallyWithin(complication, tab, 'CURATED');
    expect(curated).toMatchObject({ totalCases: 3, totalPublications: 3, unknown: count(1) });
    expect(curated.counts.get('hematoma')).toEqual(count(2, 1));
    expect(rowTallyWithin(complication, tab, 'REJECTED')).toMatchObject({ totalCases: 0, unknown: count(0) });
  });

  it('takes the column margins as the other facet\'s tally (nothing unknown here)', () => {
    const tally = columnTallyOf(curation, tab);
    expect(tally.unknown).toEqual(count(0));
    expect(tally.counts.get('SUGGESTED')).toEqual(count(2, 1));
  });
});
