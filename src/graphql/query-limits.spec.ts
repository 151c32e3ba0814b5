import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSchema, getIntrospectionQuery, parse } from 'graphql';
import { getComplexity } from 'graphql-query-complexity';
import { loadConfig } from '../config/app-config';
import { CASE_QUERY, SEARCH_QUERY } from '../web/client/queries';
import { firstExceeded, measureOperation, measureShape, QueryLimits } from './query-limits';

// The real analysis, counted: the remembered measurements below must not run it again.
jest.mock('graphql-query-complexity', () => {
  const actual = jest.requireActual<typeof import('graphql-query-complexity')>('graphql-query-complexity');
  return { ...actual, getComplexity: jest.fn(actual.getComplexity) };
});

const schema = buildSchema(readFileSync(join(__dirname, '..', '..', 'schema.graphql'), 'utf8'));
const config = loadConfig({});
const defaults: QueryLimits = { depth: config.GRAPHQL_MAX_DEPTH, aliases: config.GRAPHQL_MAX_ALIASES, fields: config.GRAPHQL_MAX_FIELDS, cost: config.GRAPHQL_MAX_COST };
const measure = (query: string, variables: Record<string, unknown> = {}) => measureOperation(schema, parse(query), undefined, variables, 100_000, config.MAX_PAGE_SIZE);

describe('GraphQL operation limits (defaults)', () => {
  it("let the search page's queries (at the largest page size) and the full introspection query through", () => {
    expect(firstExceeded(measure(SEARCH_QUERY, { input: { first: config.MAX_PAGE_SIZE } }), defaults)).toBeNull();
    expect(firstExceeded(measure(CASE_QUERY, { id: '1' }), defaults)).toBeNull();
    const introspection = getIntrospectionQuery({ descriptions: true, specifiedByUrl: true, directiveIsRepeatable: true, schemaDescription: true, inputValueDeprecation: true, oneOf: true });
    expect(firstExceeded(measure(introspection), defaults)).toBeNull();
  });

  it('count fields through fragments and multiply the cost by page sizes', () => {
    const measured = measure('query { caseReports(first: 10) { edges { node { ...F } } } } fragment F on CaseReport { id label }');
    expect(measured).toMatchObject({ depth: 4, aliases: 0, fields: 5 });
    expect(measured.cost).toBe(1 + 10 * (1 + 1 + 2));
    expect(measure('{ a: publications { totalCount } b: publications { totalCount } }').aliases).toBe(2);
  });

  it("count aliases of __typename too, and measure a document that is not valid (unknown fields, fragment cycles) without looping", () => {
    expect(measure('{ a: __typename b: __typename c: publications { totalCount } }').aliases).toBe(3);
    expect(measureShape(schema, parse('{ x: noSuchField y: alsoUnknown { z: deeper } }'))).toEqual({ depth: 2, aliases: 3 });
    const cycle = parse('{ caseReports(first: 1) { edges { node { ...A } } } } fragment A on CaseReport { p: publication { caseReports { ...B } } } fragment B on CaseReport { ...A }');
    // A cycle is refused by validation afterwards; here it only has to end (graphql-armor remembers the fragments it entered).
    expect(Number.isFinite(measureShape(schema, cycle).aliases)).toBe(true);
  });

  it('name the first limit exceeded', () => {
    expect(firstExceeded({ depth: 3, aliases: 60, fields: 10, cost: 99_999 }, defaults)).toBe('aliases');
  });
});

describe('remembered measurements', () => {
  const document = parse('query Q($input: SearchCaseReportsInput!, $withFacets: Boolean!) { searchCaseReports(input: $input) { totalCases hits { edges { node { caseReport { id label } } } } facets @include(if: $withFacets) { facet values { value label } } } }');
  const measureQ = (variables: Record<string, unknown>) => measureOperation(schema, document, 'Q', variables, 100_000, config.MAX_PAGE_SIZE);

  it('are reused across search texts but never across page sizes or @include flags', () => {
    const small = measureQ({ input: { text: 'hematoma', first: 5 }, withFacets: false });
    expect(measureQ({ input: { text: 'a different text altogether', first: 5 }, withFacets: false })).toEqual(small);
    const large = measureQ({ input: { text: 'hematoma', first: 50 }, withFacets: false });
    expect(large.cost).toBeGreaterThan(small.cost);
    const withFacets = measureQ({ input: { text: 'hematoma', first: 5 }, withFacets: true });
    expect(withFacets.fields).toBeGreaterThan(small.fields);
    // Asked again in another order, each is still its own.
    expect(measureQ({ input: { text: 'x', first: 50 }, withFacets: false })).toEqual(large);
    expect(measureQ({ input: { text: 'y', first: 5 }, withFacets: true })).toEqual(withFacets);
  });

  it('analyse a document once per shape of its variables', () => {
    const spy = getComplexity as jest.Mock;
    spy.mockClear();
    const other = parse('query R($input: SearchCaseReportsInput!) { searchCaseReports(input: $input) { totalCases } }');
    for (const text of ['one', 'two', 'three']) measureOperation(schema, other, 'R', { input: { text, first: 7 } }, 100_000, config.MAX_PAGE_SIZE);
    expect(spy).toHaveBeenCalledTimes(2); // fields and cost, the first time only
  });
});
