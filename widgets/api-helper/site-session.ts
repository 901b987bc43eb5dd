/**
 * Where the page's login lives, in one dependency-free module that both the
 * api-helper core and the header's tiny login script (`widgets/site-login.ts`)
 * import, so the two never disagree on a key, a cookie or a message:
 *
 * - the session storage key and the cross-tab channel of the session store;
 * - the hosted login (Particle's single sign-on): its origin and cookie name from
 *   the page's `<meta>`s (its cookie and addresses are in `hosted-cookie.ts`, which only
 *   a page with a hosted login loads).
 *
 * Nothing here imports anything: the header script must stay far below 2 KB.
 */

/** `<meta name="particle-docs:session" content="memory">`: the site keeps sessions in memory. */
export const MEMORY_META = 'particle-docs:session';
/** `<meta name="particle-docs:login-url">`: the hosted login's origin (plugin option `loginUrl`). */
export const LOGIN_URL_META = 'particle-docs:login-url';
/** `<meta name="particle-docs:login-cookie">`: the hosted login's cookie (option `loginCookie`). */
export const LOGIN_COOKIE_META = 'particle-docs:login-cookie';
export const DEFAULT_LOGIN_COOKIE = 'ember_simple_auth_session';

/** The BroadcastChannel the session stores of one browser talk on. */
export const SESSION_CHANNEL = 'particle-docs:session';

/**
 * The event a session store (and the hosted login) dispatches on `window` whenever who is
 * logged in may have changed in this tab; `detail` is {@link SessionChange}. The header
 * listens, so it follows a login in this tab that reaches no storage event.
 */
export const SESSION_EVENT = 'particle-docs:session-change';

export interface SessionChange {
  origin: string;
  /** Who is logged in now (never the token), or null. */
  username: string | null;
  hosted: boolean;
}

export function announceSession(change: SessionChange): void {
  globalThis.dispatchEvent?.(new CustomEvent(SESSION_EVENT, { detail: change }));
}

export function storageKey(origin: string): string {
  return `particle-docs:session:${origin}`;
}

/**
 * Where the tab remembers a hosted-login token that the API refused (revoked or expired),
 * by digest: the header then stops showing that cookie as a login.
 */
export function staleKey(origin: string): string {
  return `particle-docs:stale-login:${origin}`;
}

/** A short FNV-1a digest, so cross-tab messages name a session without carrying its token. */
export function fingerprint(token: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < token.length; i++) hash = Math.imul(hash ^ token.charCodeAt(i), 0x01000193);
  return (hash >>> 0).toString(16);
}

export interface HostedLogin {
  /** The login origin, without a trailing slash (`https://login.particle.io`). */
  url: string;
  /** The cookie it writes. */
  cookie: string;
}

function meta(name: string, doc: Document): string {
  return doc.querySelector(`meta[name="${name}"]`)?.getAttribute('content')?.trim() ?? '';
}

/**
 * True when a cookie of the login host can be read on this page: the same host name (ports
 * do not count for cookies), or both under one parent domain, as `login.particle.io` and
 * `docs.particle.io` share `.particle.io`. IP addresses share nothing but themselves.
 */
export function sharesCookies(loginHost: string, pageHost: string): boolean {
  if (loginHost === pageHost) return true;
  const parent = (host: string) =>
    /^[\d.]+$|:/.test(host) ? host : host.split('.').slice(-2).join('.');
  return pageHost.includes('.') && parent(loginHost) === parent(pageHost);
}

/** The site's hosted login, or null when it has none or this page cannot read its cookie. */
export function hostedLogin(doc: Document = document): HostedLogin | null {
  const url = meta(LOGIN_URL_META, doc).replace(/\/+$/, '');
  if (!url) return null;
  try {
    if (!sharesCookies(new URL(url).hostname, doc.location.hostname)) return null;
  } catch {
    return null;
  }
  return { url, cookie: meta(LOGIN_COOKIE_META, doc) || DEFAULT_LOGIN_COOKIE };
}
