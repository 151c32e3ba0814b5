import { loadConfig } from '../../config/app-config';
import { ApiKeyService } from '../api-key.service';
import { BrowserSession } from './browser-session.entity';
import { BrowserSessionsRepository } from './browser-sessions.repository';
import { hashToken, SessionsService } from './sessions.service';

/** The repository's contract in memory: rows by token hash, expired rows never found. */
class MemorySessions {
  rows: BrowserSession[] = [];
  async insert(row: Pick<BrowserSession, 'tokenHash' | 'principalName' | 'role' | 'expiresAt'>) {
    const saved = { ...row, id: String(this.rows.length), createdAt: new Date() } as BrowserSession;
    this.rows.push(saved);
    return saved;
  }
  async findLive(tokenHash: string, now: Date) {
    return this.rows.find((row) => row.tokenHash === tokenHash && row.expiresAt.getTime() > now.getTime()) ?? null;
  }
  async deleteByHash(tokenHash: string) {
    const before = this.rows.length;
    this.rows = this.rows.filter((row) => row.tokenHash !== tokenHash);
    return this.rows.length < before;
  }
  async deleteExpired(now: Date) {
    const before = this.rows.length;
    this.rows = this.rows.filter((row) => row.expiresAt.getTime() > now.getTime());
    return before - this.rows.length;
  }
}

const KEYS = 'alice:curator:curator-key-0123456789,root:admin:admin-key-0123456789';
const service = (keys = KEYS, store = new MemorySessions()) => {
  const config = loadConfig({ API_KEYS: keys, SESSION_TTL_MINUTES: '10' });
  return { store, sessions: new SessionsService(config, new ApiKeyService(config), store as unknown as BrowserSessionsRepository) };
};

describe('SessionsService', () => {
  const t0 = new Date('2026-12-01T08:00:00Z');

  it('signs in with a valid key only, storing the token\'s hash and never the key', async () => {
    const { sessions, store } = service();
    expect(await sessions.signIn('wrong-key-00000000000', t0)).toBeNull();
    const signedIn = await sessions.signIn('curator-key-0123456789', t0);
    expect(signedIn?.principal).toEqual({ name: 'alice', role: 'curator' });
    expect(signedIn?.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(store.rows).toHaveLength(1);
    expect(store.rows[0].tokenHash).toBe(hashToken(signedIn!.token));
    expect(JSON.stringify(store.rows)).not.toContain('curator-key-0123456789');
    expect(JSON.stringify(store.rows)).not.toContain(signedIn!.token);
  });

  it('expires after SESSION_TTL_MINUTES and ends on sign-out', async () => {
    const { sessions } = service();
    const { token } = (await sessions.signIn('curator-key-0123456789', t0))!;
    expect((await sessions.find(token, new Date(t0.getTime() + 9 * 60_000)))?.principal.name).toBe('alice');
    expect(await sessions.find(token, new Date(t0.getTime() + 10 * 60_000))).toBeNull();
    const second = (await sessions.signIn('curator-key-0123456789', t0))!;
    expect(await sessions.signOut(second.token)).toBe(true);
    expect(await sessions.find(second.token, t0)).toBeNull();
  });

  it('stops honouring a session once its key is removed from API_KEYS or its role changes', async () => {
    const store = new MemorySessions();
    const { token } = (await service(KEYS, store).sessions.signIn('admin-key-0123456789', t0))!;
    expect(await service('alice:curator:curator-key-0123456789', store).sessions.find(token, t0)).toBeNull();
    expect(await service('alice:curator:curator-key-0123456789,root:curator:admin-key-0123456789', store).sessions.find(token, t0)).toBeNull();
    expect((await service(KEYS, store).sessions.find(token, t0))?.principal).toEqual({ name: 'root', role: 'admin' });
  });
});
