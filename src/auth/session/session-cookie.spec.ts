import type { Request } from 'express';
import { clearedSessionCookieHeader, hasCsrfHeader, readCookie, sessionCookieHeader, sessionToken } from './session-cookie';
import { isCrossSite } from './session.controller';

const withHeaders = (headers: Record<string, string>) => ({ headers }) as unknown as Request;

describe('session cookie', () => {
  it('reads the token among other cookies and ignores what cannot be a token', () => {
    const token = 'A'.repeat(43);
    expect(readCookie(withHeaders({ cookie: `a=1; crs_session=${token}; b=2` }), 'crs_session')).toBe(token);
    expect(sessionToken(withHeaders({ cookie: `crs_session=${token}` }))).toBe(token);
    expect(sessionToken(withHeaders({ cookie: 'crs_session=short' }))).toBeNull();
    expect(sessionToken(withHeaders({ cookie: 'crs_session=%E0%A4%A' }))).toBeNull();
    expect(sessionToken(withHeaders({}))).toBeNull();
  });

  it('is HttpOnly, SameSite=Strict and Path=/, Secure only when asked', () => {
    expect(sessionCookieHeader('t', { secure: false, maxAgeSeconds: 60 })).toBe('crs_session=t; Path=/; HttpOnly; SameSite=Strict; Max-Age=60');
    expect(sessionCookieHeader('t', { secure: true, maxAgeSeconds: 60 })).toMatch(/; Secure$/);
    expect(clearedSessionCookieHeader(false)).toMatch(/^crs_session=; .*Max-Age=0; Expires=Thu, 01 Jan 1970/);
  });

  it('needs exactly the X-Requested-With value a form cannot send', () => {
    expect(hasCsrfHeader(withHeaders({ 'x-requested-with': 'case-report-search' }))).toBe(true);
    expect(hasCsrfHeader(withHeaders({ 'x-requested-with': 'XMLHttpRequest' }))).toBe(false);
    expect(hasCsrfHeader(withHeaders({}))).toBe(false);
  });

  it('tells a cross-site request by Fetch metadata, else by Origin', () => {
    expect(isCrossSite(withHeaders({ 'sec-fetch-site': 'cross-site' }))).toBe(true);
    expect(isCrossSite(withHeaders({ 'sec-fetch-site': 'same-site' }))).toBe(true);
    expect(isCrossSite(withHeaders({ 'sec-fetch-site': 'same-origin', host: 'a:1' }))).toBe(false);
    expect(isCrossSite(withHeaders({ origin: 'http://evil.example', host: '127.0.0.1:3000' }))).toBe(true);
    expect(isCrossSite(withHeaders({ origin: 'null', host: '127.0.0.1:3000' }))).toBe(true);
    expect(isCrossSite(withHeaders({ origin: 'http://127.0.0.1:3000', host: '127.0.0.1:3000' }))).toBe(false);
    expect(isCrossSite(withHeaders({ host: '127.0.0.1:3000' }))).toBe(false);
  });
});
