import { emptyState, queryToState, searchInput, stateToQuery, toggleValue, clearFilters, exportInput, searchKey, withNewSearch, PAGE_SIZE } from './search-state';

describe('search page state <-> URL', () => {
  it('round-trips every part of the state through the query string', () => {
    const state = emptyState();
    state.text = 'intrathecal "blood patch" -child';
    state.lists.complications = ['c1', 'c2'];
    state.lists.outcomes = ['FULL_RECOVERY'];
    state.ranges.year = { min: 2000, max: null };
    state.ranges.age = { min: 18.5, max: 40 };
    state.sort = 'YEAR_DESC';
    state.after = ['cursor+/=1', 'cursor,2'];
    state.caseId = 'case-9';
    const query = stateToQuery(state);
    expect(queryToState(query)).toEqual(state);
    expect(query).toBe('q=intrathecal+%22blood+patch%22+-child&complication=c1&complication=c2&outcome=FULL_RECOVERY&year=2000..&age=18.5..40&sort=YEAR_DESC&after=cursor%2B%2F%3D1&after=cursor%2C2&case=case-9');
  });

  it('writes nothing for the default state and reads an empty query as the default', () => {
    expect(stateToQuery(emptyState())).toBe('');
    expect(queryToState('')).toEqual(emptyState());
  });

  it('ignores what it does not understand instead of failing', () => {
    const state = queryToState('sort=SIDEWAYS&year=abc&age=..&complication=&complication=x&complication=x&nonsense=1');
    expect(state.sort).toBe('RELEVANCE');
    expect(state.ranges).toEqual({ year: null, age: null });
    expect(state.lists.complications).toEqual(['x']);
  });
});

describe('search input', () => {
  it('sends only the filters in use, the page cursor and every facet', () => {
    const state = emptyState();
    state.text = '  hematoma ';
    state.lists.sex = ['FEMALE'];
    state.ranges.year = { min: null, max: 2010 };
    state.after = ['a', 'b'];
    const input = searchInput(state);
    expect(input).toMatchObject({ text: 'hematoma', sort: 'RELEVANCE', first: PAGE_SIZE, after: 'b', filters: { sex: ['FEMALE'], year: { max: 2010 } } });
    expect((input.facets as { facet: string }[]).map((facet) => facet.facet)).toEqual(['COMPLICATION', 'PROCEDURE', 'TREATMENT', 'SEX', 'AGE_GROUP', 'PREGNANCY_STATUS', 'ANTICOAGULATION', 'OUTCOME', 'YEAR', 'AGE']);
    expect(searchInput(emptyState())).not.toHaveProperty('filters');
    expect(searchInput(emptyState())).not.toHaveProperty('text');
    expect(exportInput(state)).toEqual({ text: 'hematoma', sort: 'RELEVANCE', filters: { sex: ['FEMALE'], year: { max: 2010 } } });
  });

  it('starts a changed search on page 1 with no case open, and the open case does not change the search', () => {
    const state = emptyState();
    state.after = ['a'];
    state.caseId = 'c';
    const toggled = toggleValue(state, 'outcomes', 'DEATH');
    expect(toggled.after).toEqual([]);
    expect(toggled.caseId).toBeNull();
    expect(toggleValue(toggled, 'outcomes', 'DEATH').lists.outcomes).toEqual([]);
    expect(state.lists.outcomes).toEqual([]);
    const withCase = withNewSearch(state, () => undefined);
    withCase.caseId = 'x';
    expect(searchKey(withCase)).toBe(searchKey(withNewSearch(state, () => undefined)));
    const cleared = clearFilters({ ...toggled, text: 'x' });
    expect(cleared.text).toBe('');
    expect(cleared.lists.outcomes).toEqual([]);
  });
});
