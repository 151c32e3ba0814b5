import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { DocumentNode, getNamedType, getNullableType, GraphQLError, GraphQLList, GraphQLSchema, isListType, isObjectType, validate } from 'graphql';
import { ComplexityEstimator, ComplexityEstimatorArgs, getComplexity } from 'graphql-query-complexity';
import { LruMap } from '../common/lru-map';

/** The four measures of an operation, checked before it runs. */
export interface QueryLimits {
  /** Deepest nesting of fields (fragments are flattened: they add no level). */
  depth: number;
  /** Aliased fields, counted through fragments. */
  aliases: number;
  /** Fields selected after fragments are expanded (one per field node the server would resolve). */
  fields: number;
  /** Estimated work: every field costs 1, its subtree is multiplied by its page size (first), a list of stored records by RECORD_LIST_GUESS. */
  cost: number;
}

export type QueryLimitName = keyof QueryLimits;

/** What a list of stored records (a publication's case series, a case's complications) is assumed to hold when nothing bounds it. */
export const RECORD_LIST_GUESS = 5;
/** Page size assumed for a paginated field when the query does not give one (resolvePageSize's default). */
export const DEFAULT_PAGE_SIZE = 20;
/** Fields that run a search (counts, facets, text matching) cost this much on top of what they return. */
const SEARCH_FIELDS = new Set(['searchCaseReports', 'facetValues', 'exportCaseReports', 'runSavedSearch']);
const SEARCH_COST = 10;
/** noResultsHelp runs up to a dozen counting searches (no hits, no facets) when a search finds nothing. */
const NO_RESULTS_HELP_COST = 4 * SEARCH_COST;

/** The page size asked for, at most maxPageSize: a larger one is refused by the resolver as BAD_USER_INPUT naming `first`. */
function pageSize(args: Record<string, unknown>, maxPageSize: number): number | null {
  const input = args.input as Record<string, unknown> | undefined;
  for (const candidate of [args.first, input?.first]) {
    if (typeof candidate === 'number' && Number.isFinite(candidate) && candidate > 0) return Math.min(candidate, maxPageSize);
  }
  return null;
}

function hasPageArgument(options: ComplexityEstimatorArgs): boolean {
  return options.field.args.some((arg) => arg.name === 'first' || (arg.name === 'input' && 'first' in ((getNamedType(arg.type) as { getFields?: () => object }).getFields?.() ?? {})));
}

/** A list of object types that carry an id: rows the server loads one by one. */
function isRecordList(options: ComplexityEstimatorArgs): boolean {
  const type = getNullableType(options.field.type);
  if (!isListType(type)) return false;
  const item = getNamedType((type as GraphQLList<never>).ofType);
  return isObjectType(item) && 'id' in item.getFields();
}

const costEstimator = (maxPageSize: number): ComplexityEstimator => (options) => {
  // Introspection is bounded by the schema (and by the depth and field limits); it is not charged.
  if (options.field.name.startsWith('__')) return options.childComplexity;
  const base = SEARCH_FIELDS.has(options.field.name) ? SEARCH_COST : options.field.name === 'noResultsHelp' ? NO_RESULTS_HELP_COST : 1;
  if (hasPageArgument(options)) return base + (pageSize(options.args, maxPageSize) ?? DEFAULT_PAGE_SIZE) * options.childComplexity;
  if (isRecordList(options)) return base + RECORD_LIST_GUESS * options.childComplexity;
  return base + options.childComplexity;
};

const fieldCountEstimator: ComplexityEstimator = (options) => 1 + options.childComplexity;

/** Depth and aliases depend on the document alone; Apollo reuses one parsed document per query text, so they are measured once per document. */
const shapes = new WeakMap<GraphQLSchema, WeakMap<DocumentNode, { depth: number; aliases: number }>>();

/**
 * Depth and aliases of a parsed document, valid or not (graphql-armor's rules only walk the syntax tree;
 * an unknown fragment counts nothing). Measured once per document.
 */
export function measureShape(schema: GraphQLSchema, document: DocumentNode): { depth: number; aliases: number } {
  let bySchema = shapes.get(schema);
  if (!bySchema) shapes.set(schema, (bySchema = new WeakMap()));
  let shape = bySchema.get(document);
  if (!shape) {
    const measured = { depth: 0, aliases: 0 };
    validate(schema, document, [
      maxDepthRule({ n: Number.MAX_SAFE_INTEGER, ignoreIntrospection: false, flattenFragments: true, onAccept: [(_context, { n }) => (measured.depth = Math.max(measured.depth, n))] }),
      // Every alias counts, __typename's too (graphql-armor lets those through by default): a thousand are a thousand fields to answer.
      maxAliasesRule({ n: Number.MAX_SAFE_INTEGER, allowList: [], onAccept: [(_context, { n }) => (measured.aliases = Math.max(measured.aliases, n))] }),
    ]);
    bySchema.set(document, (shape = measured));
  }
  return shape;
}

/**
 * Fields and cost depend on the document, the operation and the variables' numbers and booleans (page
 * sizes, @include/@skip), never on their strings (search texts, ids): remembered per document under a key
 * made of the variables with every string blanked, so a client's usual queries are analysed once.
 */
const measured = new WeakMap<GraphQLSchema, WeakMap<DocumentNode, LruMap<string, { fields: number; cost: number }>>>();
const REMEMBERED_PER_DOCUMENT = 64;
const LONGEST_KEY = 2048;

function measureKey(operationName: string | null | undefined, variables: Record<string, unknown> | undefined, maxQueryNodes: number, maxPageSize: number): string | null {
  const key = `${operationName ?? ''}|${maxQueryNodes}|${maxPageSize}|${JSON.stringify(variables ?? {}, (_name, value: unknown) => (typeof value === 'string' ? '' : value))}`;
  return key.length <= LONGEST_KEY ? key : null;
}

/**
 * Measures an operation that has passed GraphQL validation. The depth and alias counts come from
 * graphql-armor's rules (run with no ceiling, reading the value they report); fields and cost from
 * graphql-query-complexity. maxQueryNodes bounds the analysis itself against fragment explosions.
 */
export function measureOperation(schema: GraphQLSchema, document: DocumentNode, operationName: string | null | undefined, variables: Record<string, unknown> | undefined, maxQueryNodes: number, maxPageSize: number): QueryLimits {
  const { depth, aliases } = measureShape(schema, document);
  const key = measureKey(operationName, variables, maxQueryNodes, maxPageSize);
  let bySchema = measured.get(schema);
  if (!bySchema) measured.set(schema, (bySchema = new WeakMap()));
  let byKey = bySchema.get(document);
  const known = key === null ? undefined : byKey?.get(key);
  if (known) return { depth, aliases, ...known };
  const common = { schema, query: document, variables: variables ?? {}, operationName: operationName ?? undefined, maxQueryNodes };
  const fields = getComplexity({ ...common, estimators: [fieldCountEstimator] });
  const cost = getComplexity({ ...common, estimators: [costEstimator(maxPageSize)] });
  if (key !== null) {
    if (!byKey) bySchema.set(document, (byKey = new LruMap(REMEMBERED_PER_DOCUMENT)));
    byKey.set(key, { fields, cost });
  }
  return { depth, aliases, fields, cost };
}

/** The first measure over its limit, in the order a client can best act on. */
export function firstExceeded(measured: QueryLimits, limits: QueryLimits): QueryLimitName | null {
  for (const name of ['depth', 'aliases', 'fields', 'cost'] as const) {
    if (measured[name] > limits[name]) return name;
  }
  return null;
}

const DESCRIPTIONS: Record<QueryLimitName, string> = {
  depth: 'nesting depth',
  aliases: 'number of aliases',
  fields: 'number of fields',
  cost: 'estimated cost',
};

export const QUERY_LIMIT_VARIABLES: Record<QueryLimitName, string> = {
  depth: 'GRAPHQL_MAX_DEPTH',
  aliases: 'GRAPHQL_MAX_ALIASES',
  fields: 'GRAPHQL_MAX_FIELDS',
  cost: 'GRAPHQL_MAX_COST',
};

/** The answer to an operation over a limit: HTTP 400, code QUERY_TOO_COMPLEX, the limit, its maximum and the value found. */
export function queryTooComplexError(limit: QueryLimitName, maximum: number, found: number | null): GraphQLError {
  const message =
    found === null
      ? `The query is too large to analyse (more than ${maximum} selections after expanding fragments); split it into smaller queries.`
      : `The query's ${DESCRIPTIONS[limit]} is ${found}, over the limit of ${maximum}; ask for less (smaller pages, fewer nested levels or aliases) or split it into several queries.`;
  return new GraphQLError(message, { extensions: { code: 'QUERY_TOO_COMPLEX', limit, maximum, found, http: { status: 400 } } });
}
