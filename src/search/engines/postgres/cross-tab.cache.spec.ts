import { CrossTabCountsRequest, EngineCrossTab } from '../../query/cross-tab-counts';
import { FacetName } from '../../query/facet-registry';
import { SearchFilters } from '../../query/search-query';
import { parseTextQuery } from '../../query/text-query.parser';
import { crossTabCacheKey, frozenCrossTab } from './cross-tab.cache';

const request: CrossTabCountsRequest = { rows: { facet: FacetName.TREATMENT, unknownValue: 'NOT_REPORTED' }, columns: { facet: FacetName.OUTCOME, unknownValue: 'UNKNOWN' } };
const key = (filters: Partial<SearchFilters>, text: string | null = null, counts: CrossTabCountsRequest = request) =>
  crossTabCacheKey({ text: text === null ? null : parseTextQuery(text), filters: filters as SearchFilters }, counts);

describe('cross-tab cache key', () => {
  it('is the same for the same search whatever the order of its filters and values', () => {
    expect(key({ outcomes: ['DEATH', 'FULL_RECOVERY'], sex: ['FEMALE'] } as never)).toBe(key({ sex: ['FEMALE'], outcomes: ['FULL_RECOVERY', 'DEATH'] } as never));
    expect(key({ complications: ['b', 'a'], procedures: ['p'], complicationsFollowProcedures: true } as never)).toBe(key({ complications: ['a', 'b'], procedures: ['p'], complicationsFollowProcedures: true } as never));
  });

  it('differs with the cases (filters, text), the axes and whether publications are counted', () => {
    const base = key({ sex: ['FEMALE'] } as never);
    expect(key({ sex: ['MALE'] } as never)).not.toBe(base);
    expect(key({ sex: ['FEMALE'] } as never, 'hematoma')).not.toBe(base);
    expect(key({ sex: ['FEMALE'] } as never, 'hematoma')).not.toBe(key({ sex: ['FEMALE'] } as never, 'headache'));
    expect(key({ sex: ['FEMALE'] } as never, null, { rows: request.columns, columns: request.rows })).not.toBe(base);
    expect(key({ sex: ['FEMALE'] } as never, null, { ...request, publications: false })).not.toBe(base);
    // publications absent is publications true.
    expect(key({ sex: ['FEMALE'] } as never, null, { ...request, publications: true })).toBe(base);
  });

  it('freezes a kept answer through its lists and entries', () => {
    const tab: EngineCrossTab = { totalCases: 1, totalPublications: 1, rows: [{ value: 'a', caseCount: 1, publicationCount: 1 }], columns: [], cells: [{ row: 'a', column: 'b', caseCount: 1, publicationCount: 1 }] };
    const frozen = frozenCrossTab(tab);
    expect(() => (frozen.cells[0] as { caseCount: number }).caseCount++).toThrow(TypeError);
    expect(() => (frozen.rows as unknown[]).push({})).toThrow(TypeError);
  });
});
