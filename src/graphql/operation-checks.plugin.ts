import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError } from 'graphql';
import { BadUserInputError } from '../common/errors/domain-error';
import { findNulBytes } from './nul-bytes';
import { firstExceeded, measureOperation, QueryLimits, queryTooComplexError } from './query-limits';

/**
 * Refuses an operation over a depth, alias, field-count or cost limit after it is validated and
 * before anything runs (introspection included: the standard introspection query fits the defaults).
 * A large document over the depth or alias limit is refused earlier, before validation (early-shape-check.ts).
 * Also refuses subscriptions, which this server does not run, and NUL characters in any string input.
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
          if (nulBytes.length) {
            const error = new BadUserInputError(nulBytes);
            throw new GraphQLError(error.message, { originalError: error, extensions: { http: { status: 400 } } });
          }
          let measured: QueryLimits;
          try {
            measured = measureOperation(schema, document, operationName, request.variables, maxQueryNodes, maxPageSize);
          } catch (error) {
            if (error instanceof GraphQLError && /maximum allowed number of nodes/.test(error.message)) throw queryTooComplexError('fields', maxQueryNodes, null);
            // Variables that do not fit their types: execution reports them (BAD_USER_INPUT) before any resolver runs.
            return;
          }
          const exceeded = firstExceeded(measured, limits);
          if (exceeded) throw queryTooComplexError(exceeded, limits[exceeded], measured[exceeded]);
        },
      };
    },
  };
}
