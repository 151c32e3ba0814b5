import { emptyState, queryToState, searchInput, stateToQuery, toggleValue, clearFilters, exportHref, exportInput, searchKey, withNewSearch, withScope, PAGE_SIZE, synthesisHref, synthesisKey } from './search-state';

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
    expect((input.facets as { facet: string }[]).map((facet) => facet.facet)).toEqual(['CURATION_STATUS', 'COMPLICATION', 'PROCEDURE', 'TREATMENT', 'SEX', 'AGE_GROUP', 'PREGNANCY_STATUS', 'ANTICOAGULATION', 'OUTCOME', 'YEAR', 'AGE']);
    expect(searchInput(emptyState())).not.toHaveProperty('filters');
    expect(searchInput(emptyState())).not.toHaveProperty('text');
    // "  hematoma " ends with a space: the word is finished, no prefix.
    expect(exportInput(state)).toEqual({ text: 'hematoma', sort: 'RELEVANCE', filters: { sex: ['FEMALE'], year: { max: 2010 } } });
    expect(input).not.toHaveProperty('prefixLastWord');
  });

  it('searches as you type: the last word is a prefix unless the text ends with a space', () => {
    const typing = { ...emptyState(), text: 'intrathecal hemat' };
    expect(searchInput(typing)).toMatchObject({ text: 'intrathecal hemat', prefixLastWord: true });
    expect(exportInput(typing)).toMatchObject({ prefixLastWord: true });
    expect(searchInput({ ...typing, text: 'intrathecal hemat ' })).not.toHaveProperty('prefixLastWord');
    expect(searchKey(typing)).not.toBe(searchKey({ ...typing, text: 'intrathecal hemat ' }));
  });

  it('links complications to procedures with the sequence toggle (URL sequence=after), cases only', () => {
    const state = { ...emptyState(), followed: true };
    state.lists.complications = ['c1'];
    state.lists.procedures = ['p1'];
    expect(stateToQuery(state)).toBe('complication=c1&procedure=p1&sequence=after');
    expect(queryToState(stateToQuery(state))).toEqual(state);
    expect(searchInput(state).filters).toEqual({ complications: ['c1'], procedures: ['p1'], complicationsFollowProcedures: true });
    expect(searchInput({ ...state, followed: false }).filters).toEqual({ complications: ['c1'], procedures: ['p1'] });
    expect(clearFilters(state).followed).toBe(false);
    expect(withScope(state, 'publications').followed).toBe(false);
    expect(queryToState('scope=publications&sequence=after').followed).toBe(false);
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

describe('publication search', () => {
  it('round-trips the scope and the publication filters through the URL, leaving the case filters out', () => {
    const state = emptyState();
    state.scope = 'publications';
    state.text = 'dentigerous cyst';
    state.lists.caseStatuses = ['SUGGESTED', 'NONE'];
    state.lists.reviews = ['my review'];
    state.lists.meshDescriptors = ['D003788'];
    state.lists.publicationTypes = ['Case Reports'];
    state.lists.journals = ['J Oral Pathol'];
    state.lists.languages = ['eng'];
    state.ranges.year = { min: 2000, max: 2020 };
    state.sort = 'YEAR_ASC';
    const query = stateToQuery(state);
    expect(query).toBe(
      'scope=publications&q=dentigerous+cyst&caseStatus=SUGGESTED&caseStatus=NONE&review=my+review&publicationType=Case+Reports&mesh=D003788&journal=J+Oral+Pathol&language=eng&year=2000..2020&sort=YEAR_ASC',
    );
    expect(queryToState(query)).toEqual(state);
    // Case filters and patient sorts mean nothing to publications: ignored, not errors.
    const mixed = queryToState('scope=publications&outcome=DEATH&age=1..5&sort=AGE_ASC&caseStatus=CURATED');
    expect(mixed.lists.outcomes).toEqual([]);
    expect(mixed.ranges.age).toBeNull();
    expect(mixed.sort).toBe('RELEVANCE');
    expect(mixed.lists.caseStatuses).toEqual(['CURATED']);
    expect(queryToState('scope=nonsense').scope).toBe('cases');
    expect(queryToState('caseStatus=NONE').lists.caseStatuses).toEqual([]);
  });

  it('asks searchPublications for the publication facets and filters only', () => {
    const state = emptyState();
    state.scope = 'publications';
    state.lists.caseStatuses = ['SUGGESTED'];
    state.ranges.year = { min: 2010, max: null };
    const input = searchInput(state);
    expect(input).toMatchObject({ first: PAGE_SIZE, filters: { caseStatuses: ['SUGGESTED'], year: { min: 2010 } } });
    expect((input.facets as { facet: string }[]).map((facet) => facet.facet)).toEqual(['CASE_STATUS', 'SCREENING_DECISION', 'REVIEW', 'PUBLICATION_TYPE', 'MESH_DESCRIPTOR', 'JOURNAL', 'LANGUAGE', 'YEAR']);
    expect(input.facets).toContainEqual({ facet: 'CASE_STATUS', includeZero: true });
    const cases = emptyState();
    cases.ranges.year = { min: 2010, max: null };
    cases.lists.caseStatuses = ['SUGGESTED'];
    expect(searchKey(state)).not.toBe(searchKey(cases));
  });

  it('switches scope keeping the text and the year, dropping the other scope\'s filters', () => {
    const state = emptyState();
    state.text = 'hematoma';
    state.lists.outcomes = ['DEATH'];
    state.ranges = { year: { min: 2000, max: null }, age: { min: 1, max: 5 } };
    state.sort = 'AGE_DESC';
    state.after = ['a'];
    state.caseId = 'c';
    const publications = withScope(state, 'publications');
    expect(publications).toMatchObject({ scope: 'publications', text: 'hematoma', sort: 'RELEVANCE', after: [], caseId: null, ranges: { year: { min: 2000, max: null }, age: null } });
    expect(publications.lists.outcomes).toEqual([]);
    expect(withScope(publications, 'cases').scope).toBe('cases');
    expect(state.scope).toBe('cases');
  });

  it('points the export buttons at the search on screen: scope=publications for publications', () => {
    const state = emptyState();
    state.text = 'cyst';
    const cases = new URL(exportHref(state, 'csv'), 'http://x/');
    expect(cases.pathname).toBe('/exports');
    expect(cases.searchParams.get('scope')).toBeNull();
    expect(cases.searchParams.get('format')).toBe('csv');
    expect(JSON.parse(cases.searchParams.get('q')!)).toEqual({ text: 'cyst', prefixLastWord: true, sort: 'RELEVANCE' });
    const publications = withScope(state, 'publications');
    publications.lists.caseStatuses = ['NONE'];
    const url = new URL(exportHref(publications, 'ris'), 'http://x/');
    expect(url.searchParams.get('scope')).toBe('publications');
    expect(url.searchParams.get('format')).toBe('ris');
    expect(JSON.parse(url.searchParams.get('q')!)).toEqual({ text: 'cyst', prefixLastWord: true, sort: 'RELEVANCE', filters: { caseStatuses: ['NONE'] } });
  });

  it('keeps the synthesis view and its choices in the URL, apart from the search key', () => {
    const state = queryToState('outcome=DEATH&view=synthesis&columns=citation,AGE,bad-name!&rows=SEX&cols=OUTCOME');
    expect(state).toMatchObject({ view: 'synthesis', columns: ['CITATION', 'AGE'], crossRows: 'SEX', crossColumns: 'OUTCOME' });
    expect(stateToQuery(state)).toBe('outcome=DEATH&view=synthesis&columns=CITATION%2CAGE&rows=SEX');
    expect(searchKey(state)).toBe(searchKey(queryToState('outcome=DEATH')));
    // A new filter keeps the view; the publications scope has none.
    expect(toggleValue(state, 'sex', 'FEMALE').view).toBe('synthesis');
    expect(withScope(state, 'publications').view).toBe('results');
    expect(queryToState('scope=publications&view=synthesis').view).toBe('results');
    // Downloads take the search as q; the summary's key ignores the sort.
    const href = new URL(synthesisHref(state, 'exports/case-table', { format: 'docx' }), 'http://x/');
    expect(JSON.parse(href.searchParams.get('q')!)).toEqual({ sort: 'RELEVANCE', filters: { outcomes: ['DEATH'] } });
    expect(synthesisKey(state)).toBe(synthesisKey(withNewSearch(state, (draft) => (draft.sort = 'YEAR_ASC'))));
  });
});
