import { createHash, randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig, ApiRole } from '../../config/app-config';
import { ApiKeyService, ApiPrincipal } from '../api-key.service';
import { BrowserSessionsRepository } from './browser-sessions.repository';

export interface SignedIn {
  token: string;
  principal: ApiPrincipal;
  expiresAt: Date;
}

export interface LiveSession {
  principal: ApiPrincipal;
  expiresAt: Date;
}

export const hashToken = (token: string) => createHash('sha256').update(token, 'utf8').digest('hex');

/**
 * Browser sessions for the workspace: a sign-in with an API key yields a random token (the cookie);
 * the table keeps its hash, the key's name and role, and when it expires. A session whose key was
 * removed from API_KEYS, or whose role changed, no longer authenticates.
 */
@Injectable()
export class SessionsService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly apiKeys: ApiKeyService,
    private readonly sessions: BrowserSessionsRepository,
  ) {}

  get ttlSeconds(): number {
    return this.config.SESSION_TTL_MINUTES * 60;
  }

  /** Null when the key is not valid. */
  async signIn(apiKey: string, now = new Date()): Promise<SignedIn | null> {
    const principal = this.apiKeys.authenticate(apiKey);
    if (!principal) return null;
    await this.sessions.deleteExpired(now);
    const token = randomBytes(32).toString('base64url');
    const expiresAt = new Date(now.getTime() + this.ttlSeconds * 1000);
    await this.sessions.insert({ tokenHash: hashToken(token), principalName: principal.name, role: principal.role, expiresAt });
    return { token, principal, expiresAt };
  }

  async find(token: string, now = new Date()): Promise<LiveSession | null> {
    const session = await this.sessions.findLive(hashToken(token), now);
    if (!session) return null;
    const principal = this.apiKeys.principalNamed(session.principalName);
    if (!principal || principal.role !== (session.role as ApiRole)) return null;
    return { principal, expiresAt: session.expiresAt };
  }

  signOut(token: string): Promise<boolean> {
    return this.sessions.deleteByHash(hashToken(token));
  }
}
