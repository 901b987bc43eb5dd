/**
 * Where a session is kept between page loads (DESIGN.md "Safe by default"):
 * 'tab' in sessionStorage, 'device' in localStorage (only when the reader opts
 * in), 'memory' nowhere. Keys are scoped by API origin, so a session against the
 * emulator never leaks into one against api.particle.io. A 'hosted' session (Particle's
 * single sign-on) is kept by its login page in a cookie, never by us.
 */
import { fingerprint, MEMORY_META, storageKey } from './site-session.js';

export { fingerprint, MEMORY_META, storageKey };

export type Persistence = 'tab' | 'device' | 'memory' | 'hosted';

export interface Session {
  username: string;
  token: string;
  /** Epoch milliseconds, or null for a token that never expires. */
  expiresAt: number | null;
  persistence: Persistence;
  /** The organization the reader picked, if any. */
  org?: { id: string; slug: string; name: string };
}

/** True when the page asks for memory-only sessions. Read once per store. */
export function siteForcesMemory(doc: Document | undefined = globalThis.document): boolean {
  const meta = doc?.querySelector(`meta[name="${MEMORY_META}"]`);
  return meta?.getAttribute('content')?.trim().toLowerCase() === 'memory';
}

function areaFor(persistence: Persistence): Storage | undefined {
  try {
    if (persistence === 'tab') return globalThis.sessionStorage;
    if (persistence === 'device') return globalThis.localStorage;
  } catch {
    // Storage can throw (disabled cookies, sandboxed frames): fall back to memory.
  }
  return undefined;
}

/** Parses a stored session; anything malformed is treated as absent. */
export function parseSession(raw: string | null): Session | null {
  if (!raw) return null;
  try {
    const s = JSON.parse(raw) as Partial<Session>;
    const validExpiry = s.expiresAt === null || typeof s.expiresAt === 'number';
    const validPersistence = s.persistence === 'tab' || s.persistence === 'device';
    if (typeof s.username !== 'string' || typeof s.token !== 'string' || !s.token) return null;
    if (!validExpiry || !validPersistence) return null;
    return s as Session;
  } catch {
    return null;
  }
}

export function isExpired(session: Session, now = Date.now()): boolean {
  return session.expiresAt !== null && session.expiresAt <= now;
}

/** Writes the session to its own area and removes it from the other, so one copy exists. */
export function saveSession(origin: string, session: Session): void {
  removeSession(origin);
  try {
    areaFor(session.persistence)?.setItem(storageKey(origin), JSON.stringify(session));
  } catch {
    // Quota or privacy mode: the session still lives in memory for this page.
  }
}

export function removeSession(origin: string): void {
  for (const persistence of ['tab', 'device'] as const) {
    try {
      areaFor(persistence)?.removeItem(storageKey(origin));
    } catch {
      // Nothing stored there, or storage unavailable.
    }
  }
}

/** The stored session for this origin that has not expired; expired ones are deleted. */
export function loadSession(origin: string, now = Date.now()): Session | null {
  for (const persistence of ['tab', 'device'] as const) {
    let raw: string | null = null;
    try {
      raw = areaFor(persistence)?.getItem(storageKey(origin)) ?? null;
    } catch {
      continue;
    }
    const session = parseSession(raw);
    if (session && session.persistence === persistence && !isExpired(session, now)) return session;
    if (raw !== null) areaFor(persistence)?.removeItem(storageKey(origin));
  }
  return null;
}

/** Equal for the store's purposes: a set() with an equal session notifies nobody. */
export function sameSession(a: Session | null, b: Session | null): boolean {
  if (a === null || b === null) return a === b;
  return (
    a.token === b.token &&
    a.username === b.username &&
    a.expiresAt === b.expiresAt &&
    a.persistence === b.persistence &&
    a.org?.id === b.org?.id
  );
}
