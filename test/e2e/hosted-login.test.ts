/**
 * Hosted single sign-on on the built seed page, with PARTICLE_LOGIN_URL pointing at the
 * emulator's stand-in login (site and stand-in both on `localhost`, the API on 127.0.0.1):
 * "Log in with Particle", sign in there (password; then, for the MFA account, its one-time
 * code), land back on the same page logged in in every widget and in the header, create an
 * API user, log out through the stand-in and be logged out everywhere (the header of a
 * second tab too). A return address on
 * another site is refused; a stale cookie (revoked token) shows the logged-out state with
 * its sentence, and logging in again clears it first.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Page } from 'puppeteer-core';
import { CREATE, fillCreate, LIST, revealToken } from './api-user-steps.js';
import { openPage, screenshot } from './harness.js';
import {
  clickDeep,
  currentCode,
  DEMO,
  issueToken,
  LOGGED_IN,
  MFA,
  openSeedPage,
  SSO_STATUS,
  type Stack,
  stackForSuite,
  textOf,
  tokenStatus,
  unexpectedErrors,
  waitDeep,
  waitForText,
} from './widget-stack.js';

const COOKIE = 'ember_simple_auth_session';
const HEADER = '.site-login';
const HOSTED_LOGIN = 'particle-sso ::-p-aria(Log in with Particle)';

/** Follows a link or submits a form and waits until the next page has loaded. */
async function navigate(page: Page, act: () => Promise<unknown>): Promise<void> {
  await Promise.all([page.waitForNavigation({ waitUntil: 'networkidle0' }), act()]);
}

/** The token inside the hosted cookie the browser holds, or null. */
async function cookieToken(page: Page): Promise<string | null> {
  const cookie = (await page.cookies()).find((c) => c.name === COOKIE);
  return cookie ? JSON.parse(decodeURIComponent(cookie.value)).authenticated.access_token : null;
}

/** Every value in this origin's localStorage and sessionStorage, joined. */
const storedText = (page: Page) =>
  page.evaluate(() =>
    [localStorage, sessionStorage]
      .flatMap((area) => Object.keys(area).map((k) => `${k}=${area.getItem(k)}`))
      .join('\n'),
  );

/** Signs in on the stand-in: email and password, then the one-time code if asked. */
async function signInThere(page: Page, account: { username: string; password: string }) {
  await page.locator('::-p-aria(Email)').fill(account.username);
  await page.locator('::-p-aria(Password)').fill(account.password);
  if (account.username !== MFA.username) {
    await navigate(page, () => page.locator('::-p-aria(Log in[role="button"])').click());
    return;
  }
  await navigate(page, () => page.locator('::-p-aria(Log in[role="button"])').click());
  assert.equal(await textOf(page, 'h1'), 'Two-step verification');
  await page.locator('::-p-aria(One-time code)').fill(currentCode());
  await navigate(page, () => page.locator('::-p-aria(Verify)').click());
}

describe('hosted login through the stand-in', () => {
  let stack: Stack;
  stackForSuite(
    (started) => {
      stack = started;
    },
    { hosted: true },
  );

  for (const account of [DEMO, MFA]) {
    it(`logs in as ${account.username} on the stand-in and back, then out everywhere`, async () => {
      const { page, errors } = await openSeedPage(stack);
      // A second tab of the same reader, on a page without widgets: its header follows.
      const other = await openPage(page.browserContext() as never, `${stack.site.url}/`);
      await page.bringToFront();
      await page.locator(HOSTED_LOGIN).wait();
      assert.equal(await textOf(page, HEADER), 'Log in');
      await screenshot(page, `hosted-logged-out-${account === MFA ? 'mfa' : 'demo'}`);

      await navigate(page, () => page.locator(HOSTED_LOGIN).click());
      assert.equal(new URL(page.url()).origin, stack.loginUrl);
      await signInThere(page, account);
      assert.equal(page.url(), stack.seedUrl, 'back on the same page');

      const who = new RegExp(`Logged in as ${account.username.replace('.', '\\.')}`);
      await waitForText(page, LOGGED_IN, who);
      await waitForText(page, HEADER, who);
      assert.match(await textOf(page, HEADER), /Console.*Edit account.*Log out/);
      await waitForText(other.page, HEADER, who);
      assert.match(await textOf(page, SSO_STATUS), /Logged in with your Particle account/);
      const token = (await cookieToken(page))!;
      assert.equal(await tokenStatus(stack, token), 200, 'a real emulator token');
      assert.ok(!(await storedText(page)).includes(token), 'the token is not copied to storage');
      assert.ok(!page.url().includes(token));

      if (account === DEMO) {
        // The API-user widgets follow the hosted session: create one with it.
        await fillCreate(page, 'Hosted login backend', ['devices:list']);
        await clickDeep(page, `${CREATE} >>> [part=submit]:not([disabled])`);
        const created = await revealToken(page, `${CREATE} >>> particle-api-user-token`);
        assert.match(created.token, /^[0-9a-f]{40}$/);
        const names = [...stack.emulator.state.apiUsers.values()].map((u) => u.friendlyName);
        assert.ok(names.includes('Hosted login backend'));
      }
      await screenshot(page, `hosted-logged-in-${account === MFA ? 'mfa' : 'demo'}`);

      const edit = await page.$eval(
        'particle-sso a[part=account]',
        (a) => (a as HTMLAnchorElement).href,
      );
      assert.equal(
        edit,
        `${stack.loginUrl}/account-info?redirect=${encodeURIComponent(stack.seedUrl)}`,
      );

      await navigate(page, () => page.locator('particle-sso ::-p-aria(Log out)').click());
      assert.equal(page.url(), stack.seedUrl);
      await page.locator(HOSTED_LOGIN).wait();
      await waitForText(page, HEADER, /^Log in$/);
      await waitDeep(page, `${CREATE} >>> particle-login-prompt`);
      await waitDeep(page, `${LIST} >>> particle-login-prompt`);
      assert.equal(await cookieToken(page), null, 'the cookie is gone');
      await waitForText(other.page, HEADER, /^Log in$/);
      assert.equal(await tokenStatus(stack, token), 401, 'and its token revoked');
      assert.deepEqual(unexpectedErrors(errors, stack), []);
      await page.browserContext().close();
    });
  }

  it('keeps the in-page login one click away', async () => {
    const { page } = await openSeedPage(stack);
    const form = 'particle-sso form[part=form]';
    assert.equal(await page.$eval(form, (f) => (f as HTMLElement).hidden), true);
    await page.locator('particle-sso ::-p-aria(Log in on this page instead)').click();
    await page.waitForFunction(
      (sel) => !document.querySelector<HTMLElement>(sel)!.hidden,
      {},
      form,
    );
    const focused = await page.evaluate(() => document.activeElement?.getAttribute('name'));
    assert.equal(focused, 'username');
    await page.browserContext().close();
  });

  it('refuses to send the reader back to another site', async () => {
    const { page } = await openSeedPage(stack);
    const res = await page.goto(
      `${stack.loginUrl}/login?redirect=${encodeURIComponent('https://evil.example/')}`,
    );
    assert.equal(res?.status(), 400);
    assert.equal(await textOf(page, 'h1'), 'This address is not allowed');
    assert.equal(await page.$('form'), null, 'no login form to fill');
    await page.browserContext().close();
  });

  it('shows a stale cookie (revoked token) as logged out, and clears it to log in again', async () => {
    const token = await issueToken(stack, DEMO);
    const revoke = await fetch(`${stack.emulator.url}/v1/access_tokens/current`, {
      method: 'DELETE',
      headers: { Authorization: `Bearer ${token}` },
    });
    assert.equal(revoke.status, 200);
    const context = await stack.browser.createBrowserContext();
    await context.setCookie({
      name: COOKIE,
      value: encodeURIComponent(
        JSON.stringify({ authenticated: { username: DEMO.username, access_token: token } }),
      ),
      domain: 'localhost',
      path: '/',
    });
    const { page } = await openSeedPage(stack, context);
    await waitForText(page, SSO_STATUS, /Your Particle login is no longer valid/);
    await page.locator(HOSTED_LOGIN).wait();
    await waitForText(page, HEADER, /^Log in$/);
    await navigate(page, () => page.locator(HOSTED_LOGIN).click());
    assert.equal(await cookieToken(page), null, 'cleared before going to the login page');
    await signInThere(page, DEMO);
    await waitForText(page, LOGGED_IN, /Logged in as demo@example\.com/);
    await context.close();
  });
});
