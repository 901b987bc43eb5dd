/**
 * Session set-up for browser suites. The core keeps one client (and session
 * store) per API origin for the whole page, and stores sessions in
 * sessionStorage/localStorage, so tests start from a clean slate with
 * `resetSessions()` (in `afterEach`) and log in without the network with `signIn`.
 */
import { apiFor, resetApiClients } from '../../widgets/api-helper/client.js';
import type { Session } from '../../widgets/api-helper/session-store.js';

const PREFIX = 'particle-docs:session:';

/** Forgets every client and session store, and every stored session. */
export function resetSessions(): void {
  resetApiClients();
  for (const area of [sessionStorage, localStorage]) {
    for (const key of Object.keys(area)) if (key.startsWith(PREFIX)) area.removeItem(key);
  }
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
