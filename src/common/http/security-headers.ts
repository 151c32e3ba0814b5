import type { NextFunction, Request, Response } from 'express';

/** Every answer that is not a page: nothing may be loaded, framed or submitted on its behalf. */
export const API_CONTENT_SECURITY_POLICY = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

const COMMON_HEADERS: Record<string, string> = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'X-DNS-Prefetch-Control': 'off',
  'X-Permitted-Cross-Domain-Policies': 'none',
};

/**
 * Security headers on every route, set before any handler runs. A page that needs a wider policy
 * (the search page, the GraphQL explorer at /graphql) gets it here by path, or sets its own, which
 * replaces this default. X-Powered-By is switched off where the app is created.
 */
export function securityHeaders(policies: Record<string, string> = {}) {
  return (request: Request, response: Response, next: NextFunction): void => {
    for (const [name, value] of Object.entries(COMMON_HEADERS)) response.setHeader(name, value);
    response.setHeader('Content-Security-Policy', policies[request.path] ?? API_CONTENT_SECURITY_POLICY);
    next();
  };
}
