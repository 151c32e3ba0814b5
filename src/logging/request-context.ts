import { AsyncLocalStorage } from 'node:async_hooks';
import type { Logger } from 'pino';

export interface RequestContext {
  requestId: string;
  /** The root logger's child bound to the request id. */
  log: Logger;
}

/** Lets code far from the request (Nest `Logger` calls in services, resolvers, the SQL logger) log with the request's id. */
export const requestContext = new AsyncLocalStorage<RequestContext>();
