/**
 * Session set-up for browser suites. The core keeps one client (and session
 * store) per API origin for the whole page, and stores sessions in
 * sessionStorage/localStorage, so tests start from a clean slate with
 * `resetSessions()` (in `afterEach`) and log in without the network with `signIn`.
 */
import { apiClients, apiFor, resetApiClients } from '../../widgets/api-helper/client.js';
import { resetHostedSessions } from '../../widgets/api-helper/hosted-session.js';
import { storageKey } from '../../widgets/api-helper/session-persistence.js';
import type { Session } from '../../widgets/api-helper/session-store.js';

const PREFIX = storageKey('');

/**
 * Forgets every client and session store of this page and the sessions they stored.
 * sessionStorage belongs to this page alone and is cleared of every session; localStorage is
 * shared with the other suites' pages (side by side when the runner's concurrency is above 1),
 * so only the API origins this page used (through `apiFor`, plus any `extraOrigins` a test
 * wrote to by hand) are cleared there: another suite's "keep me logged in" session survives.
 */
export function resetSessions(...extraOrigins: string[]): void {
  const origins = new Set([...extraOrigins, ...apiClients().map((api) => api.session.origin)]);
  resetHostedSessions();
  resetApiClients();
  for (const key of Object.keys(sessionStorage)) {
    if (key.startsWith(PREFIX)) sessionStorage.removeItem(key);
  }
  for (const origin of origins) localStorage.removeItem(storageKey(origin));
}

/** A fake but well-formed 40-hex token. */
export const fakeToken = (seed = 'a'): string => seed.repeat(40).slice(0, 40);

/** Makes `session` the logged-in session for `apiBase`, as a login would. */
export function signIn(apiBase: string, session: Partial<Session> = {}): Session {
  const full: Session = {
    username: 'demo@example.com',
    token: fakeToken(),
    expiresAt: Date.now() + 3_600_000,
    persistence: 'tab',
    ...session,
  };
  apiFor(apiBase).session.set(full);
  return full;
}
