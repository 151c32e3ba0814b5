import type { ApolloServerPlugin } from '@apollo/server';
import type { Request } from 'express';
import { GRAPHQL_OPERATION_LOCAL } from '../logging/access-log';
import { Metrics } from './metrics';
import { OperationLabels } from './operation-labels';

/**
 * Counts and times every GraphQL operation by name (bounded, see OperationLabels), type and outcome,
 * and names the operation for the request's access-log line.
 */
export function graphqlMetricsPlugin(metrics: Metrics, labels = new OperationLabels()): ApolloServerPlugin<{ req?: Request }> {
  return {
    async requestDidStart({ contextValue }) {
      const started = process.hrtime.bigint();
      return {
        async willSendResponse({ operation, operationName, errors, response }) {
          const resolved = !!operation;
          const operationLabel = labels.label(resolved, operationName);
          const type = operation?.operation ?? 'unknown';
          const failed = !!errors?.length || (response.body.kind === 'single' && !!response.body.singleResult.errors?.length);
          metrics.graphqlOperations.inc({ operation: operationLabel, type, outcome: failed ? 'error' : 'ok' });
          metrics.graphqlDuration.observe({ operation: operationLabel, type }, Number(process.hrtime.bigint() - started) / 1e9);
          const locals = contextValue.req?.res?.locals;
          // The log keeps the real name (a parsed GraphQL name, so no free text); '(anonymous)' and '(invalid)' otherwise.
          if (locals) locals[GRAPHQL_OPERATION_LOCAL] = resolved && operationName ? operationName : operationLabel;
        },
      };
    },
  };
}
