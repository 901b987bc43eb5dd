/**
 * Who is logged in, against one API origin. Every element subscribes to the
 * same store (through `SessionController`), so a login in `<particle-sso>`
 * enables the API-user widgets at once and a logout disables them.
 *
 * Across tabs: a 'device' login (localStorage) appears in the other tabs, and
 * any session that ends (logout, expiry, a 401) ends in every tab that holds the
 * same token. A 'tab' login deliberately stays in its tab: the reader chose not
 * to be remembered beyond it.
 */
import {
  fingerprint,
  isExpired,
  loadSession,
  parseSession,
  removeSession,
  type Session,
  sameSession,
  saveSession,
  siteForcesMemory,
  storageKey,
} from './session-persistence.js';
import { announceSession, SESSION_CHANNEL } from './site-session.js';

export type { Persistence, Session } from './session-persistence.js';

export type EndReason = 'logout' | 'expired';
export type SessionListener = (session: Session | null) => void;

type Message =
  | { origin: string; type: 'set'; session: Session }
  | { origin: string; type: 'end'; fingerprint: string; reason: EndReason }
  // A hosted login began: the token stays in its cookie; other tabs' headers re-read it.
  | { origin: string; type: 'hosted' };

/** setTimeout fires at once for delays above 2^31-1 ms (about 24.8 days): re-arm instead. */
const MAX_DELAY = 2 ** 31 - 1;

export class SessionStore {
  readonly origin: string;
  /** True when the site forces memory-only sessions; elements then hide "keep me logged in". */
  readonly memoryOnly: boolean;
  /** Why the last session ended; null while logged in or before any session. */
  endedBecause: EndReason | null = null;
  #value: Session | null = null;
  #listeners = new Set<SessionListener>();
  #timer?: ReturnType<typeof setTimeout>;
  #channel?: BroadcastChannel;
  #onStorage = (event: StorageEvent) => this.#storageChanged(event);

  constructor(origin: string, options: { memoryOnly?: boolean } = {}) {
    this.origin = origin;
    this.memoryOnly = options.memoryOnly ?? siteForcesMemory();
    // Under a memory-only site, sessions stored before the option was set are dropped.
    if (this.memoryOnly) removeSession(origin);
    else this.#value = loadSession(origin);
    this.#armExpiry();
    if (typeof BroadcastChannel === 'function') {
      this.#channel = new BroadcastChannel(SESSION_CHANNEL);
      this.#channel.onmessage = (event) => this.#receive(event.data as Message);
    }
    globalThis.addEventListener?.('storage', this.#onStorage);
  }

  get value(): Session | null {
    return this.#value;
  }

  /** Starts (or replaces) the session and stores it as its `persistence` says. */
  set(session: Session): void {
    // A hosted session stays hosted: its cookie belongs to the login page, not to us.
    const forceMemory = this.memoryOnly && session.persistence !== 'hosted';
    const next: Session = forceMemory ? { ...session, persistence: 'memory' } : session;
    if (next.persistence === 'memory' || next.persistence === 'hosted') removeSession(this.origin);
    else saveSession(this.origin, next);
    this.#apply(next, null);
    if (next.persistence === 'device')
      this.#post({ origin: this.origin, type: 'set', session: next });
    // Cookie change events do not always reach a background tab (seen in CI); the channel does.
    else if (next.persistence === 'hosted') this.#post({ origin: this.origin, type: 'hosted' });
  }

  /** Ends the session here and in every tab that holds the same token. */
  end(reason: EndReason = 'logout'): void {
    const ended = this.#value;
    removeSession(this.origin);
    if (!ended) return;
    this.#apply(null, reason);
    this.#post({ origin: this.origin, type: 'end', fingerprint: fingerprint(ended.token), reason });
  }

  /** Calls `listener` on every change; returns the function that unsubscribes. */
  subscribe(listener: SessionListener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** Stops timers and cross-tab listening (tests, or a client that is thrown away). */
  dispose(): void {
    clearTimeout(this.#timer);
    this.#channel?.close();
    globalThis.removeEventListener?.('storage', this.#onStorage);
    this.#listeners.clear();
  }

  #apply(next: Session | null, reason: EndReason | null): void {
    if (sameSession(this.#value, next)) return;
    this.#value = next;
    this.endedBecause = next ? null : reason;
    this.#armExpiry();
    for (const listener of [...this.#listeners]) listener(next);
    announceSession({
      origin: this.origin,
      username: next?.username ?? null,
      hosted: next?.persistence === 'hosted',
    });
  }

  #armExpiry(): void {
    clearTimeout(this.#timer);
    const session = this.#value;
    if (!session || session.expiresAt === null) return;
    const delay = Math.min(Math.max(0, session.expiresAt - Date.now()), MAX_DELAY);
    this.#timer = setTimeout(() => {
      if (this.#value !== session) return;
      if (isExpired(session)) this.end('expired');
      else this.#armExpiry();
    }, delay);
  }

  #post(message: Message): void {
    this.#channel?.postMessage(message);
  }

  /** Another tab's store spoke: mirror device logins, end sessions that ended there. */
  #receive(message: Message): void {
    if (message?.origin !== this.origin) return;
    const current = this.#value;
    if (message.type === 'end' && current && fingerprint(current.token) === message.fingerprint) {
      removeSession(this.origin);
      this.#apply(null, message.reason);
    } else if (message.type === 'set' && this.#mayAdopt(current)) {
      const session = parseSession(JSON.stringify(message.session));
      if (session && !isExpired(session)) this.#apply(session, null);
    }
  }

  /** The `storage` event: a device session written or removed by another tab. */
  #storageChanged(event: StorageEvent): void {
    if (event.key !== storageKey(this.origin) || event.storageArea !== globalThis.localStorage)
      return;
    const current = this.#value;
    const next = parseSession(event.newValue);
    if (next && next.persistence === 'device' && this.#mayAdopt(current) && !isExpired(next)) {
      this.#apply(next, null);
    } else if (!next && current?.persistence === 'device') {
      if (parseSession(event.oldValue)?.token === current.token) this.#apply(null, 'logout');
    }
  }

  /** A tab's own 'tab' or 'memory' session is not replaced by another tab's device login. */
  #mayAdopt(current: Session | null): boolean {
    return !this.memoryOnly && (current === null || current.persistence === 'device');
  }
}
