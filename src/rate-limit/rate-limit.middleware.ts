import { Inject, Injectable, NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { ipKeyGenerator, Options, rateLimit } from 'express-rate-limit';
import { ApiKeyService } from '../auth/api-key.service';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { bearerKey, RequestKind, requestKind } from './request-kind';

type Scope = 'address' | 'key';

interface Limited {
  rateLimit?: { resetTime?: Date };
  rateLimitPrincipal?: string | null;
}

/** The answer to a client over its limit, in the shape of the endpoint: GraphQL errors or the REST error body. */
function refuse(kind: RequestKind, scope: Scope, limit: number, windowMs: number) {
  return (request: Request, response: Response): void => {
    const reset = (request as Request & Limited).rateLimit?.resetTime;
    const retryAfter = Math.max(1, Math.ceil(((reset?.getTime() ?? Date.now() + windowMs) - Date.now()) / 1000));
    const message = `Too many ${kind === 'sign-in' ? 'sign-in attempt' : kind}s from this ${scope === 'key' ? 'API key' : 'address'}: at most ${limit} per ${Math.round(windowMs / 1000)} s. Try again in ${retryAfter} s.`;
    const details = { code: 'RATE_LIMITED', limit, windowSeconds: Math.round(windowMs / 1000), retryAfterSeconds: retryAfter, scope, kind };
    response.setHeader('Retry-After', String(retryAfter));
    response.status(429);
    if (request.path.startsWith('/graphql')) response.json({ errors: [{ message, extensions: details }] });
    else response.json({ error: { message, ...details } });
  };
}

/**
 * Requests per client address and per API key, reads and writes counted apart (express-rate-limit,
 * in-memory fixed windows: one process). Every request counts against its address; one with a valid
 * API key also against the key, so an unknown key never opens a fresh allowance. Over a limit: 429
 * with Retry-After. RATE_LIMIT_ENABLED=false switches it off.
 */
@Injectable()
export class RateLimitMiddleware implements NestMiddleware {
  private readonly chain: RequestHandler[];

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly apiKeys: ApiKeyService,
  ) {
    const windowMs = config.RATE_LIMIT_WINDOW_MS;
    const limiter = (kind: RequestKind, scope: Scope, limit: number): RequestHandler => {
      const options: Partial<Options> = {
        windowMs,
        limit,
        standardHeaders: 'draft-7',
        legacyHeaders: false,
        skip: (request) => requestKind(request) !== kind || (scope === 'key' && !(request as Request & Limited).rateLimitPrincipal),
        keyGenerator: (request) => (scope === 'key' ? `key:${(request as Request & Limited).rateLimitPrincipal}` : `ip:${ipKeyGenerator(request.ip ?? request.socket.remoteAddress ?? 'unknown')}`),
        handler: refuse(kind, scope, limit, windowMs),
      };
      return rateLimit(options);
    };
    this.chain = [
      limiter('read', 'address', config.RATE_LIMIT_READS_PER_ADDRESS),
      limiter('write', 'address', config.RATE_LIMIT_WRITES_PER_ADDRESS),
      limiter('read', 'key', config.RATE_LIMIT_READS_PER_KEY),
      limiter('write', 'key', config.RATE_LIMIT_WRITES_PER_KEY),
      // Guessing keys through the sign-in form: a few attempts per address and window.
      limiter('sign-in', 'address', config.RATE_LIMIT_SIGNINS_PER_ADDRESS),
    ];
  }

  use(request: Request, response: Response, next: NextFunction): void {
    if (!this.config.RATE_LIMIT_ENABLED) return next();
    const key = bearerKey(request);
    (request as Request & Limited).rateLimitPrincipal = key ? (this.apiKeys.authenticate(key)?.name ?? null) : null;
    const run = (index: number): void => {
      if (index === this.chain.length) return next();
      void this.chain[index](request, response, (error?: unknown) => (error ? next(error) : run(index + 1)));
    };
    run(0);
  }
}
