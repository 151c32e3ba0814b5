import { Inject, Injectable, NestMiddleware } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import type { NextFunction, Request, Response } from 'express';
import { GraphQLSchema, parse } from 'graphql';
import { LruMap } from '../common/lru-map';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { measureShape, QueryLimits, queryTooComplexError } from './query-limits';

/**
 * Below this size a document validates in well under a millisecond, so it goes straight to Apollo;
 * above it, GraphQL's validation grows with the document (1,000 aliases: ~7 ms warm, tens cold) and
 * Apollo gives a plugin no way to refuse before it (a hook that throws there answers 500).
 */
export const EARLY_CHECK_MIN_CHARACTERS = 1024;

/** Texts found within the limits are remembered (the shape does not depend on variables): a client's usual queries are parsed once. */
const REMEMBERED_TEXTS = 500;
const REMEMBERED_MAX_CHARACTERS = 16 * 1024;

/**
 * Refuses a large document over the depth or alias limit before Apollo validates it: one parse and
 * graphql-armor's walk (~2.5 ms for 1,000 aliases) instead of parse, validation and cost analysis
 * (~12 ms). Anything it cannot read (no query, a syntax error) is left to Apollo to answer. The
 * answer is the one the operation-checks plugin gives after validation: 400, QUERY_TOO_COMPLEX.
 */
export function earlyShapeCheck(schemaOf: () => GraphQLSchema | undefined, limits: Pick<QueryLimits, 'depth' | 'aliases'>, maxTokens: number) {
  const withinLimits = new LruMap<string, true>(REMEMBERED_TEXTS);
  return (req: Request, res: Response, next: NextFunction): void => {
    const query = queryOf(req);
    const schema = query && query.length >= EARLY_CHECK_MIN_CHARACTERS && !withinLimits.has(query) ? schemaOf() : undefined;
    if (!query || !schema) return next();
    let shape: { depth: number; aliases: number };
    try {
      shape = measureShape(schema, parse(query, { maxTokens, noLocation: true }));
    } catch {
      return next();
    }
    const limit = shape.depth > limits.depth ? 'depth' : shape.aliases > limits.aliases ? 'aliases' : null;
    if (!limit) {
      if (query.length <= REMEMBERED_MAX_CHARACTERS) withinLimits.set(query, true);
      return next();
    }
    const error = queryTooComplexError(limit, limits[limit], shape[limit]);
    const { http: _http, ...extensions } = error.extensions;
    res.status(400).json({ errors: [{ message: error.message, extensions }] });
  };
}

function queryOf(req: Request): string | undefined {
  if (req.method === 'POST') {
    const body: unknown = req.body;
    const query = body && typeof body === 'object' && !Array.isArray(body) ? (body as { query?: unknown }).query : undefined;
    return typeof query === 'string' ? query : undefined;
  }
  if (req.method === 'GET') {
    const query = req.query?.query;
    return typeof query === 'string' ? query : undefined;
  }
  return undefined;
}

/**
 * The check as Nest middleware on /graphql, placed after the rate limits (src/rate-limit/rate-limit.module.ts):
 * a refused document costs a parse, so refusals count against the sender's allowance like any request.
 */
@Injectable()
export class EarlyShapeCheckMiddleware implements NestMiddleware {
  private readonly check: ReturnType<typeof earlyShapeCheck>;

  constructor(@Inject(APP_CONFIG) config: AppConfig, moduleRef: ModuleRef) {
    const schemaOf = () => {
      try {
        return moduleRef.get(GraphQLSchemaHost, { strict: false }).schema;
      } catch {
        return undefined; // not built yet: Apollo is not answering either
      }
    };
    this.check = earlyShapeCheck(schemaOf, { depth: config.GRAPHQL_MAX_DEPTH, aliases: config.GRAPHQL_MAX_ALIASES }, config.GRAPHQL_MAX_TOKENS);
  }

  use(request: Request, response: Response, next: NextFunction): void {
    this.check(request, response, next);
  }
}
