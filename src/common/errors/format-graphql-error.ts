import { randomUUID } from 'node:crypto';
import { Logger } from '@nestjs/common';
import { GraphQLError, GraphQLFormattedError } from 'graphql';
import { DomainError } from './domain-error';

const logger = new Logger('GraphQLErrors');

/** Codes Apollo and graphql-js produce for malformed requests; their messages are safe to show. */
const CLIENT_CODES = new Set(['GRAPHQL_PARSE_FAILED', 'GRAPHQL_VALIDATION_FAILED', 'BAD_USER_INPUT', 'PERSISTED_QUERY_NOT_FOUND', 'OPERATION_RESOLUTION_FAILURE', 'BAD_REQUEST']);

/**
 * The single place where errors become what a client sees: domain errors keep their code and
 * details; anything unexpected is logged with a reference and returned without stack or SQL.
 */
export function formatGraphqlError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const original = error instanceof GraphQLError ? error.originalError : error;
  const base = { message: formatted.message, locations: formatted.locations, path: formatted.path };
  if (original instanceof DomainError) {
    return { ...base, message: original.message, extensions: { code: original.code, ...original.details } };
  }
  const code = formatted.extensions?.code;
  // Errors thrown by Nest guards/HTTP exceptions carry a status; map the ones a client causes.
  const status = (original as { status?: number } | undefined)?.status;
  if (status === 401) return { ...base, extensions: { code: 'UNAUTHENTICATED' } };
  if (status === 403) return { ...base, extensions: { code: 'FORBIDDEN' } };
  if (typeof code === 'string' && CLIENT_CODES.has(code) && !original) {
    return { ...base, extensions: { code } };
  }
  if (typeof code === 'string' && CLIENT_CODES.has(code) && original instanceof GraphQLError) {
    return { ...base, extensions: { code } };
  }
  const reference = randomUUID();
  logger.error(`internal error ${reference} at ${formatted.path?.join('.') ?? '(request)'}: ${(original as Error | undefined)?.stack ?? formatted.message}`);
  return { message: `Internal server error (reference ${reference}); the server log has the details.`, path: formatted.path, locations: formatted.locations, extensions: { code: 'INTERNAL_SERVER_ERROR', reference } };
}
