import { randomUUID } from 'node:crypto';

/** An incoming X-Request-Id is kept only when it is a plain token: it ends up in every log line of the request. */
const SANE_REQUEST_ID = /^[A-Za-z0-9._-]{1,128}$/;

export function requestIdFrom(header: string | string[] | undefined): string {
  const value = Array.isArray(header) ? undefined : header;
  return value && SANE_REQUEST_ID.test(value) ? value : randomUUID();
}
