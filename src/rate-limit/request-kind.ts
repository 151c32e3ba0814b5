import type { Request } from 'express';

export type RequestKind = 'read' | 'write' | 'sign-in';

/** A GraphQL document with a mutation operation in it (a `mutation` keyword at the start of an operation). */
const MUTATION = /(^|[\s},;])mutation\b/;

function isMutationBody(body: unknown): boolean {
  if (Array.isArray(body)) return body.some(isMutationBody);
  const query = (body as { query?: unknown } | null | undefined)?.query;
  return typeof query === 'string' && MUTATION.test(query.replace(/#[^\n]*/g, ''));
}

/**
 * Reads and writes are limited apart: an import or a GraphQL mutation is a write, everything else
 * (queries, searches, exports) a read. A document that merely mentions `mutation` in a string counts
 * as a write: the stricter bucket, never a way around it.
 */
export function requestKind(request: Request): RequestKind {
  if (request.path === '/session' && request.method === 'POST') return 'sign-in';
  if (request.path.startsWith('/imports')) return request.method === 'GET' || request.method === 'HEAD' ? 'read' : 'write';
  if (request.path.startsWith('/graphql') && request.method === 'POST') return isMutationBody(request.body) ? 'write' : 'read';
  return 'read';
}

export function bearerKey(request: Request): string | null {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(request.headers.authorization ?? '');
  return match ? match[1] : null;
}
