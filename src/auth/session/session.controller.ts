import { Body, Controller, Delete, Get, HttpCode, Inject, Post, Req, Res, UseFilters } from '@nestjs/common';
import type { Request, Response } from 'express';
import { BadUserInputError, DomainError } from '../../common/errors/domain-error';
import { APP_CONFIG, AppConfig } from '../../config/app-config';
import { DomainErrorHttpFilter } from '../../literature/common/domain-error-http.filter';
import { clearedSessionCookieHeader, hasCsrfHeader, sessionCookieHeader, sessionToken } from './session-cookie';
import { SessionsService } from './sessions.service';

const NO_STORE = { 'Cache-Control': 'no-store', Pragma: 'no-cache' };
/** Longer than any key API_KEYS takes: refused before it is hashed and compared. */
const MAX_API_KEY_LENGTH = 500;

/**
 * A request some other site made the browser send: Fetch metadata when the browser sends it, else the
 * Origin header against this host. Signing in from another site would sign the victim in as the
 * attacker (login CSRF); signing out from another site is a nuisance. Both are refused.
 */
export function isCrossSite(request: Request): boolean {
  const site = request.headers['sec-fetch-site'];
  if (typeof site === 'string' && site !== 'same-origin' && site !== 'none') return true;
  const origin = request.headers.origin;
  if (typeof origin !== 'string' || origin === '') return false;
  if (origin === 'null') return true;
  try {
    return new URL(origin).host !== request.headers.host;
  } catch {
    return true;
  }
}

/**
 * Signing in to the workspace: POST /session with the API key (JSON `{"apiKey": …}` or a form field
 * `apiKey`) sets the session cookie; GET /session says who is signed in; DELETE /session (or POST
 * /session/sign-out from a form) ends it. The key travels only in the body: never in a URL, never logged
 * (the access log records no bodies), never stored (only the hash of the session token is).
 */
@Controller('session')
@UseFilters(DomainErrorHttpFilter)
export class SessionController {
  constructor(
    private readonly sessions: SessionsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  private secure(request: Request): boolean {
    return this.config.SESSION_COOKIE_SECURE === 'auto' ? request.secure : this.config.SESSION_COOKIE_SECURE === 'true';
  }

  @Post()
  @HttpCode(200)
  async signIn(@Req() request: Request, @Res() response: Response, @Body() body: unknown): Promise<void> {
    if (isCrossSite(request)) throw new DomainError('FORBIDDEN', 'Signing in from another site is refused.', { reason: 'CSRF' });
    const apiKey = (body as { apiKey?: unknown } | undefined)?.apiKey;
    if (typeof apiKey !== 'string') throw BadUserInputError.field('apiKey', 'is required, as one string: send the API key as "apiKey" (a JSON body or a form field)');
    if (!apiKey.trim()) throw BadUserInputError.field('apiKey', 'is blank');
    if (apiKey.length > MAX_API_KEY_LENGTH) throw BadUserInputError.field('apiKey', `is ${apiKey.length} characters long; no API key is longer than ${MAX_API_KEY_LENGTH}`);
    const signedIn = await this.sessions.signIn(apiKey.trim());
    if (!signedIn) throw new DomainError('UNAUTHENTICATED', 'The API key is not valid.');
    response.set(NO_STORE);
    response.setHeader('Set-Cookie', sessionCookieHeader(signedIn.token, { secure: this.secure(request), maxAgeSeconds: this.sessions.ttlSeconds }));
    const answer = { signedIn: true, name: signedIn.principal.name, role: signedIn.principal.role, expiresAt: signedIn.expiresAt.toISOString() };
    // A plain HTML form (no script) goes back to the workspace; a script gets JSON.
    if (request.is('application/x-www-form-urlencoded') && !hasCsrfHeader(request)) response.redirect(303, '/workspace');
    else response.json(answer);
  }

  @Get()
  async whoAmI(@Req() request: Request, @Res() response: Response): Promise<void> {
    const token = sessionToken(request);
    const session = token ? await this.sessions.find(token) : null;
    response.set(NO_STORE);
    response.json(session ? { signedIn: true, name: session.principal.name, role: session.principal.role, expiresAt: session.expiresAt.toISOString() } : { signedIn: false });
  }

  @Delete()
  async signOut(@Req() request: Request, @Res() response: Response): Promise<void> {
    await this.end(request, response);
    response.json({ signedIn: false });
  }

  /** Sign-out from a plain form (no script): same-origin only, then back to the workspace. */
  @Post('sign-out')
  async signOutForm(@Req() request: Request, @Res() response: Response): Promise<void> {
    await this.end(request, response);
    if (hasCsrfHeader(request)) response.json({ signedIn: false });
    else response.redirect(303, '/workspace');
  }

  private async end(request: Request, response: Response): Promise<void> {
    if (isCrossSite(request)) throw new DomainError('FORBIDDEN', 'Signing out from another site is refused.', { reason: 'CSRF' });
    const token = sessionToken(request);
    if (token) await this.sessions.signOut(token);
    response.set(NO_STORE);
    response.setHeader('Set-Cookie', clearedSessionCookieHeader(this.secure(request)));
  }
}
