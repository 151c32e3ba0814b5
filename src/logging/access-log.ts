import type { IncomingMessage, ServerResponse } from 'node:http';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import type { Level, Logger } from 'pino';
import { pinoHttp } from 'pino-http';
import { requestContext } from './request-context';
import { requestIdFrom } from './request-id';

/** Set on `res.locals` by the GraphQL plugin, so the access line can name the operation. */
export const GRAPHQL_OPERATION_LOCAL = 'graphqlOperation';

/** Probes and scrapes come every few seconds: their successful lines are debug, not info. */
const QUIET_PATHS = /^\/(metrics|health(\/live|\/ready)?)$/;

/**
 * The path without its query string, and the query's parameter NAMES only: values are the users'
 * (search text, review names in /exports?q=…) and never reach the log.
 */
export function describeUrl(url: string): { path: string; query?: string[] } {
  const mark = url.indexOf('?');
  if (mark < 0) return { path: url };
  const names = [...new Set([...new URLSearchParams(url.slice(mark + 1)).keys()])].map((name) => name.slice(0, 64)).slice(0, 20);
  return names.length ? { path: url.slice(0, mark), query: names } : { path: url.slice(0, mark) };
}

const originalUrl = (req: IncomingMessage) => (req as Request).originalUrl ?? req.url ?? '';

function accessLevel(req: IncomingMessage, res: ServerResponse, error?: Error): Level {
  if (error || res.statusCode >= 500) return 'error';
  if (res.statusCode >= 400) return 'warn';
  return QUIET_PATHS.test(describeUrl(originalUrl(req)).path) ? 'debug' : 'info';
}

/**
 * One access line per request (pino-http), and the request id: the client's `X-Request-Id` when it
 * is a plain token, a new UUID otherwise, echoed in the response. No headers are logged (API keys,
 * cookies), no query values, no bodies.
 */
export function accessLog(root: Logger): RequestHandler[] {
  const http = pinoHttp({
    logger: root,
    genReqId: (req, res) => {
      const id = requestIdFrom(req.headers['x-request-id']);
      res.setHeader('X-Request-Id', id);
      return id;
    },
    // Lines logged during the request carry only the id; the request itself is described once, in the access line.
    quietReqLogger: true,
    customAttributeKeys: { reqId: 'requestId', responseTime: 'durationMs' },
    wrapSerializers: false,
    serializers: {
      req: (req: IncomingMessage) => ({ method: req.method, ...describeUrl(originalUrl(req)) }),
      res: (res: ServerResponse) => ({ statusCode: res.statusCode }),
    },
    customLogLevel: accessLevel,
    customProps: (_req, res) => {
      const operation = (res as Response).locals?.[GRAPHQL_OPERATION_LOCAL] as string | undefined;
      return operation ? { graphqlOperation: operation } : {};
    },
    customSuccessMessage: (req, res, durationMs) => `${req.method} ${describeUrl(originalUrl(req)).path} ${res.writableFinished ? res.statusCode : 'aborted'} ${durationMs} ms`,
    customErrorMessage: (req, res) => `${req.method} ${describeUrl(originalUrl(req)).path} ${res.statusCode} failed`,
  });
  const withContext = (req: Request, _res: Response, next: NextFunction) => {
    requestContext.run({ requestId: String(req.id), log: req.log }, next);
  };
  return [http as unknown as RequestHandler, withContext];
}
