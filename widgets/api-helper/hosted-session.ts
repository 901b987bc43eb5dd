/**
 * Hosted single sign-on, as on Particle's own pages (particle-widgets.md §3): the reader
 * logs in on the site's login page (`login.particle.io`, or the emulator's stand-in), which
 * leaves a cookie `{"authenticated":{"username","access_token"}}` readable by the page.
 * This turns that cookie into the page's session, for every widget at once:
 *
 * - the token is checked once with `GET /v1/user`; a refused one (revoked, expired) is
 *   "stale": no session, a sentence for the reader, and `loginAgain()` clears the cookie
 *   before sending the reader back to the login page;
 * - the session is `persistence: 'hosted'`: the token stays in the cookie and in memory,
 *   never in localStorage or a URL;
 * - the cookie is watched (`cookieStore` change events, and on returning to the tab), so a
 *   login or logout in another tab reaches this one.
 */
import { getUser } from './auth.js';
import type { ApiClient } from './client.js';
import { type ApiError, toApiError } from './errors.js';
import { clearLoginCookie, hostedUrl, readLoginCookie } from './hosted-cookie.js';
import type { Session } from './session-store.js';
import {
  announceSession,
  fingerprint,
  type HostedLogin,
  hostedLogin,
  staleKey,
} from './site-session.js';

/**
 * `none`: no cookie. `checking`: a cookie's token is being checked. `active`: the session
 * comes from the cookie. `stale`: the cookie's token was refused. `failed`: it could not be
 * checked (offline, server error; `error` says why).
 */
export type HostedStatus = 'none' | 'checking' | 'active' | 'stale' | 'failed';

interface CookieStoreLike extends EventTarget {}

export class HostedSession {
  readonly login: HostedLogin;
  status: HostedStatus = 'none';
  error: ApiError | null = null;
  readonly #api: ApiClient;
  readonly #listeners = new Set<() => void>();
  readonly #stop = new AbortController();
  #checking: string | null = null;
  #last: Session | null;

  constructor(api: ApiClient, login: HostedLogin) {
    this.#api = api;
    this.login = login;
    this.#last = api.session.value;
    api.session.subscribe((session) => this.#sessionChanged(session));
    const signal = this.#stop.signal;
    const cookies = (globalThis as { cookieStore?: CookieStoreLike }).cookieStore;
    cookies?.addEventListener('change', () => void this.refresh(), { signal });
    document.addEventListener(
      'visibilitychange',
      () => document.visibilityState === 'visible' && void this.refresh(),
      { signal },
    );
    void this.refresh();
  }

  /** Calls `listener` when `status` changes; returns the function that unsubscribes. */
  subscribe(listener: () => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** Where "Log in with Particle" goes: the login page, coming back to this page. */
  loginUrl(page?: string): string {
    return hostedUrl(this.login, 'login', page);
  }

  logoutUrl(page?: string): string {
    return hostedUrl(this.login, 'logout', page);
  }

  accountUrl(page?: string): string {
    return hostedUrl(this.login, 'account-info', page);
  }

  /**
   * Before going to the login page: a stale cookie is deleted first (Particle's
   * `loginAgain()`), or the login page would trust it and send the reader straight back.
   */
  prepareLogin(): void {
    if (this.status !== 'stale') return;
    clearLoginCookie(this.login.cookie);
    try {
      localStorage.removeItem(staleKey(this.#api.session.origin));
    } catch {
      // Storage unavailable: nothing was marked.
    }
  }

  /** Re-reads the cookie: adopts a new login, ends a hosted session whose cookie is gone. */
  async refresh(): Promise<void> {
    const cookie = readLoginCookie(this.login.cookie);
    const store = this.#api.session;
    const current = store.value;
    if (!cookie) {
      if (current?.persistence === 'hosted') store.end('logout');
      return this.#set('none');
    }
    if (current?.token === cookie.token) return this.#set('active');
    // An in-page login of this tab is the reader's choice here; the cookie waits for its end.
    if (current && current.persistence !== 'hosted') return;
    if (this.#isStale(cookie.token)) {
      if (current) store.end('expired');
      return this.#set('stale');
    }
    if (this.#checking === cookie.token) return;
    this.#checking = cookie.token;
    this.#set('checking');
    try {
      const user = await getUser(this.#api, { token: cookie.token });
      if (this.#checking !== cookie.token) return;
      store.set({
        username: user.username || cookie.username,
        token: cookie.token,
        expiresAt: null,
        persistence: 'hosted',
      });
      this.#set('active');
    } catch (error) {
      if (this.#checking !== cookie.token) return;
      const apiError = toApiError(error);
      if (apiError.kind === 'session') {
        this.#markStale(cookie.token);
        if (store.value?.persistence === 'hosted') store.end('expired');
        this.#set('stale');
      } else {
        this.error = apiError;
        this.#set('failed');
      }
    } finally {
      if (this.#checking === cookie.token) this.#checking = null;
    }
  }

  /** Stops watching the cookie (tests). */
  dispose(): void {
    this.#stop.abort();
    this.#listeners.clear();
  }

  /** A hosted session refused later (a 401 on any call) makes the cookie stale. */
  #sessionChanged(session: Session | null): void {
    const last = this.#last;
    this.#last = session;
    if (session || last?.persistence !== 'hosted') return;
    if (this.#api.session.endedBecause === 'expired') {
      this.#markStale(last.token);
      this.#set('stale');
    } else this.#set('none');
  }

  #set(status: HostedStatus): void {
    if (status !== 'failed') this.error = null;
    if (this.status === status) return;
    this.status = status;
    for (const listener of [...this.#listeners]) listener();
    // The header reads the stale mark; tell it, as the store tells it of sessions.
    const session = this.#api.session.value;
    announceSession({
      origin: this.#api.session.origin,
      username: session?.username ?? null,
      hosted: session?.persistence === 'hosted',
    });
  }

  #isStale(token: string): boolean {
    try {
      return localStorage.getItem(staleKey(this.#api.session.origin)) === fingerprint(token);
    } catch {
      return false;
    }
  }

  /** By digest, in localStorage, so the header of every tab stops showing this login too. */
  #markStale(token: string): void {
    try {
      localStorage.setItem(staleKey(this.#api.session.origin), fingerprint(token));
    } catch {
      // Storage unavailable: this page still knows.
    }
  }
}

const sessions = new Map<ApiClient, HostedSession | null>();

/** The hosted login of `api`'s page (one per client), or null when the site has none here. */
export function hostedSessionFor(api: ApiClient): HostedSession | null {
  if (!sessions.has(api)) {
    const login = typeof document === 'undefined' ? null : hostedLogin(document);
    sessions.set(api, login ? new HostedSession(api, login) : null);
  }
  return sessions.get(api) ?? null;
}

/** Forgets every hosted session (tests, alongside `resetApiClients()`). */
export function resetHostedSessions(): void {
  for (const session of sessions.values()) session?.dispose();
  sessions.clear();
}
