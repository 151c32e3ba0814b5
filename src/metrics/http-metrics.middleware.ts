import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { Metrics } from './metrics';

/**
 * The route PATTERN a request matched (`/assets/:name`, `/graphql`), never its path: paths carry ids
 * and file names, and every distinct label value is a new time series. Unmatched requests share one.
 */
export function routeOf(request: Request): string {
  const route = (request as Request & { route?: { path?: unknown } }).route;
  // Nest registers every controller route on the app itself, so the pattern is the whole path.
  if (route && typeof route.path === 'string') return route.path || '/';
  // Apollo is mounted as middleware, not as a route.
  if (request.originalUrl === '/graphql' || request.originalUrl.startsWith('/graphql?')) return '/graphql';
  return '(unmatched)';
}

const METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']);

/** Counts and times every request once its response is finished (or the client went away). */
export function httpMetrics(metrics: Metrics): RequestHandler {
  return (request: Request, response: Response, next: NextFunction) => {
    const started = process.hrtime.bigint();
    let recorded = false;
    const record = () => {
      if (recorded) return;
      recorded = true;
      const labels = { method: METHODS.has(request.method) ? request.method : 'OTHER', route: routeOf(request), status: response.writableFinished ? String(response.statusCode) : 'aborted' };
      metrics.httpRequests.inc(labels);
      metrics.httpDuration.observe(labels, Number(process.hrtime.bigint() - started) / 1e9);
    };
    response.once('finish', record);
    response.once('close', record);
    next();
  };
}
