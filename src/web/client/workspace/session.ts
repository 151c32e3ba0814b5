/** The workspace's sign-in: POST /session with the key in the body, then only the HttpOnly cookie. */

export const CSRF_HEADERS = { 'X-Requested-With': 'case-report-search' };

export interface SessionInfo {
  signedIn: boolean;
  name?: string;
  role?: string;
  expiresAt?: string;
}

async function call(method: string, body?: unknown): Promise<{ status: number; json: SessionInfo & { error?: { message?: string } } }> {
  const response = await fetch('session', {
    method,
    credentials: 'same-origin',
    headers: { ...CSRF_HEADERS, Accept: 'application/json', ...(body ? { 'Content-Type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  let json: SessionInfo & { error?: { message?: string } };
  try {
    json = await response.json();
  } catch {
    json = { signedIn: false, error: { message: `The service answered HTTP ${response.status}.` } };
  }
  return { status: response.status, json };
}

export async function currentSession(): Promise<SessionInfo> {
  return (await call('GET')).json;
}

/** Resolves with the session, or rejects with a message to show. */
export async function signIn(apiKey: string): Promise<SessionInfo> {
  const { status, json } = await call('POST', { apiKey });
  if (status !== 200 || !json.signedIn) throw new Error(status === 429 ? json.error?.message ?? 'Too many attempts: wait a minute.' : json.error?.message ?? 'Signing in failed.');
  return json;
}

export async function signOut(): Promise<void> {
  await call('DELETE');
}
