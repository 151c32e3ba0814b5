import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSchema, coerceInputValue, GraphQLInputType, parse, validate } from 'graphql';
import { CASE_QUERY, PUBLICATION_SEARCH_QUERY, SEARCH_QUERY, TERM_LABEL_QUERY } from './queries';
import { emptyState, searchInput } from './search-state';

/** The page uses the public API only: its documents and the inputs it builds must fit the committed schema. */
describe('the search page against schema.graphql', () => {
  const schema = buildSchema(readFileSync(join(__dirname, '..', '..', '..', 'schema.graphql'), 'utf8'));

  it.each([
    ['search', SEARCH_QUERY],
    ['case detail', CASE_QUERY],
    ['publication search', PUBLICATION_SEARCH_QUERY],
    ['term label', TERM_LABEL_QUERY],
  ])('sends a valid %s query', (_name, document) => {
    expect(validate(schema, parse(document)).map((error) => error.message)).toEqual([]);
  });

  it('builds a valid SearchCaseReportsInput from every part of the state', () => {
    const state = emptyState();
    state.text = 'hematoma';
    state.lists = {
      ...emptyState().lists,
      complications: ['c'],
      procedures: ['p'],
      treatments: ['t'],
      sex: ['FEMALE'],
      ageGroups: ['ADULT'],
      pregnancyStatuses: ['POSTPARTUM'],
      anticoagulation: ['NONE'],
      outcomes: ['DEATH'],
      curationStatuses: ['SUGGESTED', 'CURATED'],
    };
    state.ranges = { year: { min: 2000, max: 2010 }, age: { min: null, max: 40 } };
    state.sort = 'AGE_DESC';
    state.after = ['cursor'];
    const type = schema.getType('SearchCaseReportsInput') as GraphQLInputType;
    const errors: string[] = [];
    coerceInputValue(searchInput(state), type, (path, _value, error) => errors.push(`${path.join('.')}: ${error.message}`));
    expect(errors).toEqual([]);
  });

  it('builds a valid SearchPublicationsInput from every part of a publication search', () => {
    const state = emptyState();
    state.scope = 'publications';
    state.text = 'cyst';
    state.lists = {
      ...emptyState().lists,
      caseStatuses: ['NONE', 'SUGGESTED', 'CURATED'],
      reviews: ['r'],
      publicationTypes: ['Case Reports'],
      meshDescriptors: ['D003788'],
      journals: ['J'],
      languages: ['eng'],
    };
    state.ranges = { year: { min: 2000, max: 2010 }, age: null };
    state.sort = 'YEAR_DESC';
    state.after = ['cursor'];
    const type = schema.getType('SearchPublicationsInput') as GraphQLInputType;
    const errors: string[] = [];
    coerceInputValue(searchInput(state), type, (path, _value, error) => errors.push(`${path.join('.')}: ${error.message}`));
    expect(errors).toEqual([]);
  });
});
