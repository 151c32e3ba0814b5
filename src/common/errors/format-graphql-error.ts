import { randomUUID } from 'node:crypto';
import { Logger } from '@nestjs/common';
import { GraphQLError, GraphQLFormattedError } from 'graphql';
import { retryableDatabaseError } from './database-unavailable';
import { DomainError } from './domain-error';

const logger = new Logger('GraphQLErrors');

/** Codes Apollo and graphql-js produce for malformed requests; their messages are safe to show. */
const CLIENT_CODES = new Set(['GRAPHQL_PARSE_FAILED', 'GRAPHQL_VALIDATION_FAILED', 'BAD_USER_INPUT', 'PERSISTED_QUERY_NOT_FOUND', 'PERSISTED_QUERY_NOT_SUPPORTED', 'OPERATION_RESOLUTION_FAILURE', 'BAD_REQUEST']);

/** Codes raised before execution by this app's own checks; their extensions (limit, maximum, found) are kept. */
const REQUEST_CHECK_CODES = new Set(['QUERY_TOO_COMPLEX']);

function httpStatusOf(error: unknown): number | undefined {
  const http = error instanceof GraphQLError ? (error.extensions?.http as { status?: unknown } | undefined) : undefined;
  return typeof http?.status === 'number' ? http.status : undefined;
}

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
  // The database down, restarting or out of connections: retryable, for reads and writes alike.
  const retryable = retryableDatabaseError(original);
  if (retryable) {
    logger.warn(`database ${retryable.code === 'CONFLICT' ? 'collision' : 'unavailable'} at ${formatted.path?.join('.') ?? '(request)'}: ${(original as Error).message}`);
    return { ...base, message: retryable.message, extensions: { code: retryable.code, ...retryable.details } };
  }
  const code = formatted.extensions?.code;
  if (typeof code === 'string' && REQUEST_CHECK_CODES.has(code) && !original) {
    const { http: _http, ...extensions } = (error as GraphQLError).extensions ?? {};
    return { ...base, extensions: { ...extensions, code } };
  }
  // Apollo's own request errors without a code (a persisted query whose hash does not match, an
  // operation type this server does not run) carry an HTTP 4xx status: the client's to fix.
  const status4xx = httpStatusOf(error);
  if (!original && status4xx !== undefined && status4xx >= 400 && status4xx < 500) {
    return { ...base, extensions: { code: typeof code === 'string' && CLIENT_CODES.has(code) ? code : 'BAD_REQUEST' } };
  }
  // Errors thrown by Nest guards/HTTP exceptions carry a status; map the ones a client causes.
  const status = (original as { status?: number } | undefined)?.status;
  if (status === 401) return { ...base, extensions: { code: 'UNAUTHENTICATED' } };
  if (status === 403) return { ...base, extensions: { code: 'FORBIDDEN' } };
  // graphql-js parses recursively: a value or selection nested thousands of levels deep overflows the stack while parsing.
  if (code === 'GRAPHQL_PARSE_FAILED' && /Maximum call stack size exceeded/.test(formatted.message)) {
    return { ...base, message: 'The document nests values or selections too deeply to be parsed (thousands of levels); send a flatter document.', extensions: { code } };
  }
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
