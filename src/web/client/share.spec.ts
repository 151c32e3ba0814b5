import { describeSearch, searchCitation, searchSummary, searchTitle } from './share';

describe('describing a search for sharing', () => {
  const filters = [
    { facetTitle: 'Text', label: '“blood patch”' },
    { facetTitle: 'Complication', label: 'Intrathecal hematoma' },
    { facetTitle: 'Complication', label: 'Spinal subdural hematoma' },
    { facetTitle: 'Pregnancy status', label: 'Postpartum' },
  ];

  it('puts the text first and groups the values of one filter with "or"', () => {
    expect(describeSearch('blood patch', filters)).toBe('“blood patch” · Complication: Intrathecal hematoma or Spinal subdural hematoma; Pregnancy status: Postpartum');
    expect(describeSearch('', [])).toBe('');
  });

  it('makes a title, a description and a citation with the date and the link', () => {
    const description = describeSearch('', filters.slice(1));
    expect(searchTitle(description, 'Case report search')).toBe('Complication: Intrathecal hematoma or Spinal subdural hematoma; Pregnancy status: Postpartum · Case report search');
    expect(searchTitle('', 'Case report search')).toBe('Case report search');
    expect(searchTitle('x'.repeat(200), 'P')).toHaveLength(120 + ' · P'.length);
    expect(searchSummary(description, { cases: 5, publications: 5 })).toBe(`5 published cases in 5 publications for ${description}.`);
    expect(searchCitation(description, new Date('2026-12-01T10:00:00Z'), 'http://h/?complication=intrathecal-hematoma')).toBe(
      `Case report search: ${description}. Searched 2026-12-01. http://h/?complication=intrathecal-hematoma`,
    );
  });
});
