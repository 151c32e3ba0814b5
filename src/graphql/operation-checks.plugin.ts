import type { ApolloServerPlugin } from '@apollo/server';
import { getVariableValues, GraphQLError } from 'graphql';
import { BadUserInputError } from '../common/errors/domain-error';
import { findControlCharacters, findNulBytes } from './nul-bytes';
import { firstExceeded, measureOperation, QueryLimits, queryTooComplexError } from './query-limits';

/** graphql-js's own limit when it executes: more variable errors than this are not worth listing. */
const MAX_VARIABLE_ERRORS = 50;

/**
 * Refuses an operation over a depth, alias, field-count or cost limit after it is validated and
 * before anything runs (introspection included: the standard introspection query fits the defaults).
 * A large document over the depth or alias limit is refused earlier, before validation (early-shape-check.ts).
 * Also refuses subscriptions, which this server does not run, NUL characters or lone surrogates in any string input,
 * and invisible control characters in the strings a mutation takes (an import's file text excepted).
 */
export function operationChecksPlugin(limits: QueryLimits, maxPageSize: number): ApolloServerPlugin {
  const maxQueryNodes = Math.max(10_000, limits.fields * 10);
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, operation, operationName, request, schema }) {
          // No subscriptions are served (over HTTP or otherwise): say so, instead of failing inside graphql-js.
          if (operation?.operation === 'subscription') {
            throw new GraphQLError('This server does not run subscriptions; send a query or a mutation.', { extensions: { code: 'BAD_REQUEST', http: { status: 400 } } });
          }
          const nulBytes = findNulBytes(document, operation, request.variables);
          const refused = nulBytes.length ? nulBytes : findControlCharacters(document, operation, request.variables);
          if (refused.length) {
            const error = new BadUserInputError(refused);
            throw new GraphQLError(error.message, { originalError: error, extensions: { http: { status: 400 } } });
          }
          // Variables that do not fit their types: execution reports them (BAD_USER_INPUT) before any resolver runs.
          // They are coerced here once, stopping at the 50th error: the measuring below coerces without a limit (a
          // list of 20,000 wrong values took 15 s, each error with its "did you mean"), and graphql-js's own
          // "Too many errors" has no code (it became an INTERNAL_SERVER_ERROR).
          if (operation) {
            const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], request.variables ?? {}, { maxErrors: MAX_VARIABLE_ERRORS });
            if (coerced.errors && coerced.errors.length > MAX_VARIABLE_ERRORS) {
              const listed = coerced.errors.slice(0, MAX_VARIABLE_ERRORS).map((error) => ({ path: 'variables', message: error.message }));
              const error = new BadUserInputError([...listed, { path: 'variables', message: `more than ${MAX_VARIABLE_ERRORS} values do not fit their types; the first ${MAX_VARIABLE_ERRORS} are listed` }]);
              throw new GraphQLError(error.message, { originalError: error, extensions: { http: { status: 400 } } });
            }
            if (coerced.errors) return;
          }
          let measured: QueryLimits;
          try {
            measured = measureOperation(schema, document, operationName, request.variables, maxQueryNodes, maxPageSize);
          } catch (error) {
            if (error instanceof GraphQLError && /maximum allowed number of nodes/.test(error.message)) throw queryTooComplexError('fields', maxQueryNodes, null);
            return;
          }
          const exceeded = firstExceeded(measured, limits);
          if (exceeded) throw queryTooComplexError(exceeded, limits[exceeded], measured[exceeded]);
        },
      };
    },
  };
}
