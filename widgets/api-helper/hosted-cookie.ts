/**
 * The hosted login's cookie `{"authenticated":{"username","access_token"}}`, read and
 * cleared, and its `/login`, `/logout`, `/account-info` addresses: for the core's hosted
 * session (loaded only on a page with a hosted login) and the header's login script. Apart
 * from `site-session.ts`, so a page without a hosted login does not download it.
 */
import type { HostedLogin } from './site-session.js';

/** `<login>/<path>?redirect=<page>`: where the hosted login sends the reader back to. */
export function hostedUrl(
  login: HostedLogin,
  path: 'login' | 'logout' | 'account-info',
  page: string = location.href,
): string {
  return `${login.url}/${path}?redirect=${encodeURIComponent(page)}`;
}

/** The login in the hosted cookie, or null when there is none or it is not the expected JSON. */
export function readLoginCookie(name: string): { username: string; token: string } | null {
  for (const pair of document.cookie.split(';')) {
    const eq = pair.indexOf('=');
    if (pair.slice(0, eq).trim() !== name) continue;
    try {
      const auth = JSON.parse(decodeURIComponent(pair.slice(eq + 1).trim())).authenticated;
      if (typeof auth?.access_token === 'string' && auth.access_token)
        return { username: String(auth.username ?? ''), token: auth.access_token };
    } catch {
      // Not ours to understand: treated as no login.
    }
  }
  return null;
}

/**
 * Deletes the hosted cookie, as Particle's `loginAgain()` does before sending the reader to
 * log in again: the login page would otherwise trust the stale cookie. The cookie may have
 * been set for this host or a parent domain (`.particle.io`); each is tried.
 */
export function clearLoginCookie(name: string): void {
  const labels = location.hostname.split('.');
  const domains = [''];
  for (let i = labels.length - 2; i >= 0 && !/^[\d.]+$/.test(location.hostname); i--)
    domains.push(`; domain=.${labels.slice(i).join('.')}`);
  // biome-ignore lint/suspicious/noDocumentCookie: Cookie Store API is async and missing in older Safari and Firefox.
  for (const domain of domains) document.cookie = `${name}=; path=/; max-age=0${domain}`;
}
