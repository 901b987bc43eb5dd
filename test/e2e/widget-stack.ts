/**
 * What the end-to-end suites share: one emulator (with faults, optionally on a
 * `--data` file), the real site built against it and served on loopback, headless
 * Chromium, and small steps on the seed page (log in, read a session, force a
 * fault or a delay, wait for and click elements inside shadow roots, compute the
 * MFA account's one-time code).
 */

import assert from 'node:assert/strict';
import { after, before } from 'node:test';
import { Secret, TOTP } from 'otpauth';
import type { Browser, BrowserContext, Page } from 'puppeteer-core';
import { type RunningEmulator, startEmulator } from '../../emulator/index.js';
import {
  buildSite,
  cspViolations,
  launchBrowser,
  openPage,
  type ServedSite,
  serveSite,
  siteDir,
  tokenSightings,
} from './harness.js';

const SEED_PATH = '/reference/cloud-apis/access-tokens/';
export const DEMO = { username: 'demo@example.com', password: 'demo-password' };
export const MFA = { username: 'mfa@example.com', password: 'demo-password' };
const MFA_SECRET = 'JBSWY3DPEHPK3PXP';

export interface Stack {
  emulator: RunningEmulator;
  site: ServedSite;
  browser: Browser;
  /** The seed page's full URL. */
  seedUrl: string;
  /** With `hosted`: the emulator's stand-in hosted login, as `http://localhost:<port>`. */
  loginUrl?: string;
  close(): Promise<void>;
}

export interface StackOptions {
  /** Seeds the emulator from a JSON file instead of its own seed. */
  dataFile?: string;
  /**
   * Hosted login on (`PARTICLE_LOGIN_URL` = the emulator's stand-in). The site and the
   * stand-in are then both opened as `localhost` (cookies ignore ports, not host names);
   * the API stays on 127.0.0.1, another origin.
   */
  hosted?: boolean;
}

async function startStack({ dataFile, hosted = false }: StackOptions = {}): Promise<Stack> {
  // The site is served first (from a folder still empty), so the emulator knows its origin.
  const dir = await siteDir();
  const site = await serveSite(dir);
  const siteUrl = hosted ? site.url.replace('127.0.0.1', 'localhost') : site.url;
  const started: { close(): Promise<void> }[] = [site];
  const close = async () => {
    for (const part of started.reverse()) await part.close();
  };
  try {
    const emulator = await startEmulator({
      port: 0,
      faults: true,
      quiet: true,
      dataFile,
      // The emulator's stand-in login returns only to this site.
      ...(hosted ? { siteUrl: `${siteUrl}/` } : {}),
    });
    started.push(emulator);
    const loginUrl = hosted ? emulator.url.replace('127.0.0.1', 'localhost') : undefined;
    await buildSite({ apiBase: emulator.url, loginUrl, outDir: dir });
    const browser = await launchBrowser();
    started.push(browser);
    return {
      emulator,
      site: { ...site, url: siteUrl },
      browser,
      seedUrl: `${siteUrl}${SEED_PATH}`,
      loginUrl,
      close,
    };
  } catch (error) {
    // A failed build or browser launch must not leave the emulator listening: the suite's
    // process would then never exit and the e2e stage would wait forever.
    await close();
    throw error;
  }
}

/**
 * Starts a stack before the calling suite's tests and closes it after them:
 *
 *   let stack: Stack;
 *   stackForSuite((started) => { stack = started; });
 */
export function stackForSuite(use: (stack: Stack) => void, options: StackOptions = {}): void {
  let stack: Stack | undefined;
  before(async () => {
    stack = await startStack(options);
    use(stack);
  });
  after(async () => {
    await stack?.close();
    if (cspViolations.length) {
      throw new Error(`Content-Security-Policy violations:\n${cspViolations.join('\n')}`);
    }
    if (tokenSightings.length) {
      throw new Error(`Access tokens outside headers:\n${tokenSightings.join('\n')}`);
    }
  });
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
    (e) =>
      !e.includes(stack.emulator.url) &&
      !(stack.loginUrl && e.includes(stack.loginUrl)) &&
      !e.startsWith('console: Failed to load resource'),
  );
}

/** The current one-time code of the emulator's MFA account. */
export function currentCode(): string {
  return new TOTP({ secret: Secret.fromBase32(MFA_SECRET), digits: 6, period: 30 }).generate();
}

/**
 * Forces the emulator's next matching request(s) to fail with `status` (and `body`, if
 * given), or to answer only after `latencyMs` (emulator README, "Faults").
 */
export async function forceFault(
  stack: Stack,
  fault: {
    method?: string;
    path: string;
    status?: number;
    /** A custom error body (`{error, error_description}` or `{ok: false, error, info?}`). */
    body?: Record<string, unknown>;
    latencyMs?: number;
    count?: number;
  },
): Promise<void> {
  const res = await fetch(`${stack.emulator.url}/__emulator/faults`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(fault),
  });
  if (!res.ok) throw new Error(`fault not accepted: ${res.status} ${await res.text()}`);
}

/**
 * The HTTP status the emulator gives `token` on GET `path` (on /v1/user: 200 alive,
 * 401 revoked).
 */
export async function tokenStatus(stack: Stack, token: string, path = '/v1/user'): Promise<number> {
  const res = await fetch(`${stack.emulator.url}${path}`, {
    headers: { Authorization: `Bearer ${token}` },
  });
  return res.status;
}

/**
 * A fresh access token for `account`, made directly against the emulator (the password
 * grant with the docs' `particle:particle` client), as a reader would get from the CLI.
 */
export async function issueToken(
  stack: Stack,
  account: { username: string; password: string },
  expiresIn = 3600,
): Promise<string> {
  const res = await fetch(`${stack.emulator.url}/oauth/token`, {
    method: 'POST',
    headers: { Authorization: `Basic ${Buffer.from('particle:particle').toString('base64')}` },
    body: new URLSearchParams({
      grant_type: 'password',
      username: account.username,
      password: account.password,
      expires_in: String(expiresIn),
    }),
  });
  if (!res.ok) throw new Error(`token not issued: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { access_token: string }).access_token;
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

/**
 * Waits until a `>>>` selector matches (or, with `gone`, stops matching). Puppeteer's
 * own waitForSelector re-checks on DOM mutations of the document only, so it can miss
 * an element that appears inside a shadow root; this polls on animation frames.
 */
export async function waitDeep(page: Page, selector: string, gone = false): Promise<void> {
  // No named functions inside: tsx would wrap them in a `__name` helper the page lacks.
  await page
    .waitForFunction(
      (sel, wantGone) => {
        // `a >>> b`: b anywhere inside a's shadow root, however deeply nested (as puppeteer).
        let scopes: (Document | ShadowRoot)[] = [document];
        let found: Element[] = [];
        for (const part of sel.split('>>>')) {
          found = [];
          const queue = [...scopes];
          while (queue.length) {
            const root = queue.shift()!;
            found.push(...root.querySelectorAll(part.trim()));
            for (const el of root.querySelectorAll('*'))
              if (el.shadowRoot) queue.push(el.shadowRoot);
          }
          scopes = found.flatMap((el) => (el.shadowRoot ? [el.shadowRoot] : []));
        }
        return wantGone ? found.length === 0 : found.length > 0;
      },
      { timeout: 10_000, polling: 'raf' },
      selector,
      gone,
    )
    .catch((error: Error) => {
      throw new Error(`${gone ? 'Still there' : 'Never appeared'}: ${selector} (${error.message})`);
    });
}

/** Waits for a `>>>` selector, then clicks it. */
export async function clickDeep(page: Page, selector: string): Promise<void> {
  await waitDeep(page, selector);
  await page.locator(selector).click();
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

/**
 * demo@example.com logged in with "Keep me logged in" in one tab, and a second tab of the same
 * browser that picked the session up; the first tab is in front, ready to log out.
 */
export async function rememberedInTwoTabs(stack: Stack) {
  const first = await openSeedPage(stack);
  await ssoLogIn(first.page, DEMO, { remember: true });
  await waitForText(first.page, LOGGED_IN, /Logged in as/);
  const session = await storedSession(first.page, stack);
  assert.equal(session?.where, 'device', 'kept on the device, as asked');
  const second = await openSeedPage(stack, first.page.browserContext());
  await waitForText(second.page, LOGGED_IN, /Logged in as demo@example\.com/);
  // A background tab gets no animation frames, which puppeteer's clicks wait for.
  await first.page.bringToFront();
  return { first, second, session: session! };
}
