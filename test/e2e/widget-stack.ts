/**
 * What the login and create-token end-to-end suites share: one emulator (with
 * faults), the real site built against it and served on loopback, headless
 * Chromium, and small steps on the seed page (log in, read a session, force a
 * fault, compute the MFA account's one-time code).
 */

import { Secret, TOTP } from 'otpauth';
import type { Browser, BrowserContext, Page } from 'puppeteer-core';
import { type RunningEmulator, startEmulator } from '../../emulator/index.js';
import { buildSite, launchBrowser, openPage, type ServedSite, serveSite } from './harness.js';

export const SEED_PATH = '/reference/cloud-apis/access-tokens/';
export const DEMO = { username: 'demo@example.com', password: 'demo-password' };
export const MFA = { username: 'mfa@example.com', password: 'demo-password' };
const MFA_SECRET = 'JBSWY3DPEHPK3PXP';

export interface Stack {
  emulator: RunningEmulator;
  site: ServedSite;
  browser: Browser;
  /** The seed page's full URL. */
  seedUrl: string;
  close(): Promise<void>;
}

export async function startStack(): Promise<Stack> {
  const emulator = await startEmulator({ port: 0, faults: true, quiet: true });
  const dir = await buildSite({ apiBase: emulator.url });
  const site = await serveSite(dir);
  const browser = await launchBrowser();
  return {
    emulator,
    site,
    browser,
    seedUrl: `${site.url}${SEED_PATH}`,
    async close() {
      await browser.close();
      await site.close();
      await emulator.close();
    },
  };
}

/**
 * Opens the seed page in a new tab and waits until the widgets are defined.
 * Pass the same `context` to open a second tab of one reader (shared storage);
 * by default each call gets a fresh incognito context, so no test inherits a
 * session from another.
 */
export async function openSeedPage(stack: Stack, context?: BrowserContext) {
  const owner = context ?? (await stack.browser.createBrowserContext());
  // openPage only calls newPage(), which a BrowserContext has too.
  const opened = await openPage(owner as unknown as Browser, stack.seedUrl);
  await opened.page.waitForFunction(
    () => customElements.get('particle-sso') && customElements.get('particle-create-token'),
  );
  return opened;
}

/**
 * The errors a page recorded, minus the API answers a test provoked on purpose
 * (a 403 MFA challenge, a 400 wrong password, a forced 429): Chromium logs each
 * failed fetch as a console error too. CSP violations and page errors remain.
 */
export function unexpectedErrors(errors: string[], stack: Stack): string[] {
  return errors.filter(
    (e) => !e.includes(stack.emulator.url) && !e.startsWith('console: Failed to load resource'),
  );
}

/** The current one-time code of the emulator's MFA account. */
export function currentCode(): string {
  return new TOTP({ secret: Secret.fromBase32(MFA_SECRET), digits: 6, period: 30 }).generate();
}

/** Forces the emulator's next matching request(s) to fail (see emulator README, faults). */
export async function forceFault(
  stack: Stack,
  fault: { method?: string; path: string; status?: number; count?: number },
): Promise<void> {
  const res = await fetch(`${stack.emulator.url}/__emulator/faults`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(fault),
  });
  if (!res.ok) throw new Error(`fault not accepted: ${res.status} ${await res.text()}`);
}

/** The HTTP status the emulator gives `token` on GET /v1/user (200 alive, 401 revoked). */
export async function tokenStatus(stack: Stack, token: string): Promise<number> {
  const res = await fetch(`${stack.emulator.url}/v1/user`, {
    headers: { Authorization: `Bearer ${token}` },
  });
  return res.status;
}

/** The session the page's core stored for the emulator's origin, and where. */
export async function storedSession(page: Page, stack: Stack) {
  return page.evaluate((origin) => {
    const key = `particle-docs:session:${origin}`;
    const tab = sessionStorage.getItem(key);
    const device = localStorage.getItem(key);
    const raw = tab ?? device;
    return raw
      ? {
          where: tab ? 'tab' : 'device',
          ...(JSON.parse(raw) as { token: string; username: string }),
        }
      : null;
  }, new URL(stack.emulator.url).origin);
}

/** Text of the element matched by a (shadow-piercing) selector. */
export async function textOf(page: Page, selector: string): Promise<string> {
  const handle = await page.waitForSelector(selector);
  return (await handle!.evaluate((el) => el.textContent ?? '')).replace(/\s+/g, ' ').trim();
}

/** Waits until the element's text matches `pattern`, and returns it. */
export async function waitForText(page: Page, selector: string, pattern: RegExp): Promise<string> {
  // No named functions inside: tsx would wrap them in a `__name` helper the page lacks.
  await page.waitForFunction(
    (sel, source, flags) => {
      let root: Document | ShadowRoot | null = document;
      let el: Element | null = null;
      for (const part of sel.split('>>>')) {
        el = root?.querySelector(part.trim()) ?? null;
        root = el?.shadowRoot ?? null;
      }
      return el && new RegExp(source, flags).test((el.textContent ?? '').replace(/\s+/g, ' '));
    },
    { timeout: 10_000 },
    selector,
    pattern.source,
    pattern.flags,
  );
  return textOf(page, selector);
}

/** Fills <particle-sso>'s login form (light DOM) and presses Log in. */
export async function ssoLogIn(
  page: Page,
  account: { username: string; password: string },
  options: { remember?: boolean; lifetime?: string } = {},
): Promise<void> {
  await page.locator('particle-sso input[name=username]').fill(account.username);
  await page.locator('particle-sso input[name=password]').fill(account.password);
  if (options.lifetime) await page.select('particle-sso select[name=expiresIn]', options.lifetime);
  if (options.remember) await page.locator('particle-sso input[name=remember]').click();
  await page.locator('particle-sso form[part=form] button[type=submit]').click();
}

export const SSO_STATUS = 'particle-sso [role=status]';
export const LOGGED_IN = 'particle-sso [part=logged-in]';
