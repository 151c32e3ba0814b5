import type { Request } from 'express';

/** The workspace's session cookie. */
export const SESSION_COOKIE = 'crs_session';

/**
 * The header a cookie-authenticated write must carry. A cross-site HTML form cannot set a header, and
 * a cross-site fetch that sets one needs a CORS preflight, which this app never grants: so a request
 * with it comes from this origin's own pages (or from a client holding the API key anyway).
 */
export const CSRF_HEADER = 'x-requested-with';
export const CSRF_HEADER_VALUE = 'case-report-search';

/** The value of one cookie from the Cookie header (no dependency: the app sets only this one). */
export function readCookie(request: Pick<Request, 'headers'>, name: string): string | null {
  const header = request.headers.cookie;
  if (!header) return null;
  for (const part of header.split(';')) {
    const index = part.indexOf('=');
    if (index < 0) continue;
    if (part.slice(0, index).trim() !== name) continue;
    const value = part.slice(index + 1).trim();
    try {
      return decodeURIComponent(value) || null;
    } catch {
      return null;
    }
  }
  return null;
}

export function sessionToken(request: Pick<Request, 'headers'>): string | null {
  const token = readCookie(request, SESSION_COOKIE);
  // Tokens are 43 base64url characters; anything else cannot be one (and is not looked up).
  return token && /^[A-Za-z0-9_-]{20,100}$/.test(token) ? token : null;
}

export function hasCsrfHeader(request: Pick<Request, 'headers'>): boolean {
  const value = request.headers[CSRF_HEADER];
  return typeof value === 'string' && value.trim().toLowerCase() === CSRF_HEADER_VALUE;
}

export interface CookieOptions {
  secure: boolean;
  maxAgeSeconds: number;
}

/** HttpOnly (no script reads it), SameSite=Strict (no cross-site request carries it), Path=/, Secure over https. */
export function sessionCookieHeader(token: string, { secure, maxAgeSeconds }: CookieOptions): string {
  return [`${SESSION_COOKIE}=${token}`, 'Path=/', 'HttpOnly', 'SameSite=Strict', `Max-Age=${Math.max(0, Math.floor(maxAgeSeconds))}`, ...(secure ? ['Secure'] : [])].join('; ');
}

export function clearedSessionCookieHeader(secure: boolean): string {
  return sessionCookieHeader('', { secure, maxAgeSeconds: 0 }) + '; Expires=Thu, 01 Jan 1970 00:00:00 GMT';
}
