/**
 * The login state in the page header (`.site-login` in layouts/base.hbs), on every page:
 * "Log in", or "Logged in as <username>" with Log out (and Console / Edit account after a
 * hosted login). A page without widgets loads only this, so it is plain DOM (textContent
 * only), no Lit and none of the widgets' code, and must stay under 2 KB gzipped (a budget
 * test checks): it reads what the widgets' session store writes, through the same keys
 * (`api-helper/site-session.ts`), and follows it in this tab (the store's event) and in
 * others (BroadcastChannel, storage events, cookie changes).
 */
import { clearLoginCookie, hostedUrl, readLoginCookie } from './api-helper/hosted-cookie.js';
import {
  announceSession,
  fingerprint,
  hostedLogin,
  SESSION_CHANNEL,
  SESSION_EVENT,
  type SessionChange,
  staleKey,
  storageKey,
} from './api-helper/site-session.js';

const CONSOLE_URL = 'https://console.particle.io';

interface Shown {
  username: string;
  /** The token, when this script can log it out itself (a stored in-page session). */
  token?: string;
  hosted: boolean;
}

const box = document.querySelector<HTMLElement>('.site-login');
const apiBase = box?.dataset.apiBase ?? '';
const origin = apiBase && new URL(apiBase).origin;
const key = storageKey(origin);
const login = hostedLogin();
/** The build's "Log in" target without a hosted login: the page with `{{> sso}}`. */
const ssoPage = box?.querySelector('a')?.getAttribute('href') ?? '';
/** What this tab's session store last said; it knows memory-only sessions storage does not. */
let fromPage: SessionChange | null = null;
/** The cookie string the header last rendered from. */
let cookies = '';

const get = (area: () => Storage, name: string): string | null => {
  try {
    return area().getItem(name);
  } catch {
    return null;
  }
};

/** The stored in-page session (the store's format), else the hosted cookie unless it is stale. */
function stored(): Shown | null {
  for (const area of [() => sessionStorage, () => localStorage]) {
    try {
      const s = JSON.parse(get(area, key) ?? 'null');
      if (s?.token && (s.expiresAt === null || s.expiresAt > Date.now()))
        return { username: String(s.username), token: s.token, hosted: false };
    } catch {
      // Malformed: the store will remove it.
    }
  }
  const cookie = login && readLoginCookie(login.cookie);
  if (!cookie || get(() => localStorage, staleKey(origin)) === fingerprint(cookie.token))
    return null;
  return { username: cookie.username, hosted: true };
}

function current(): Shown | null {
  if (!fromPage) return stored();
  if (!fromPage.username) return null;
  const saved = stored();
  return { ...saved, username: fromPage.username, hosted: fromPage.hosted };
}

function el<K extends keyof HTMLElementTagNameMap>(tag: K, text: string, href?: string) {
  const node = document.createElement(tag);
  node.textContent = text;
  if (href) (node as HTMLAnchorElement).href = href;
  return node;
}

/** Revokes a stored in-page session's token, then ends it here and in the page's store. */
async function logOut(shown: Shown): Promise<void> {
  if (shown.hosted && login) return location.assign(hostedUrl(login, 'logout'));
  const sso = document.querySelector<HTMLElement & { focusLogin?: () => void }>('particle-sso');
  if (!shown.token) return sso?.focusLogin?.();
  await fetch(`${apiBase}/v1/access_tokens/current`, {
    method: 'DELETE',
    headers: { Authorization: `Bearer ${shown.token}` },
  }).catch(() => {});
  for (const area of [sessionStorage, localStorage]) area.removeItem(key);
  const end = { origin, type: 'end', fingerprint: fingerprint(shown.token), reason: 'logout' };
  new BroadcastChannel(SESSION_CHANNEL).postMessage(end);
  announceSession({ origin, username: null, hosted: false });
}

function render(): void {
  cookies = document.cookie;
  if (!box) return;
  const shown = current();
  const parts: Node[] = [];
  if (shown) {
    const who = el('span', 'Logged in as ');
    who.append(el('strong', shown.username));
    parts.push(who);
    if (shown.hosted && login)
      parts.push(
        el('a', 'Console', CONSOLE_URL),
        el('a', 'Edit account', hostedUrl(login, 'account-info')),
      );
    const out = el('button', 'Log out');
    out.type = 'button';
    out.onclick = () => logOut(shown);
    parts.push(out);
  } else {
    const a = el('a', 'Log in', login ? hostedUrl(login, 'login') : ssoPage);
    a.onclick = (event) => {
      const sso = document.querySelector<HTMLElement & { focusLogin?: () => void }>('particle-sso');
      if (login) {
        // A stale cookie is cleared first, or the login page would trust it (loginAgain()).
        if (readLoginCookie(login.cookie)) clearLoginCookie(login.cookie);
        a.href = hostedUrl(login, 'login');
      } else if (sso?.focusLogin) {
        event.preventDefault();
        sso.focusLogin();
      }
    };
    if (login || ssoPage) parts.push(a);
  }
  box.replaceChildren(...parts);
}

addEventListener(SESSION_EVENT, (event) => {
  const change = (event as CustomEvent<SessionChange>).detail;
  if (change.origin !== origin) return;
  fromPage = change;
  render();
});
// Another tab: a device login or logout (storage), any session end (channel), a hosted
// login or logout (cookie change, or back in this tab).
addEventListener('storage', render);
new BroadcastChannel(SESSION_CHANNEL).onmessage = () => setTimeout(render);
(globalThis as { cookieStore?: EventTarget }).cookieStore?.addEventListener('change', render);
document.addEventListener('visibilitychange', render);
// Cookie change events are missing in older Safari and Firefox, and do not always reach a
// background tab (seen in CI): a hosted login or logout elsewhere is also noticed by
// comparing the cookie string once a second, which costs nothing measurable.
if (login)
  setInterval(() => {
    if (document.cookie !== cookies) render();
  }, 1000);
render();
