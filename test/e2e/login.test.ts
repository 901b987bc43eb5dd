/**
 * <particle-sso> on the built seed page against the running emulator: password
 * and MFA logins, a pasted access token (never in a URL), the session shared
 * with the other widgets and across pages and tabs, logout revoking the token,
 * and the messages of a wrong password, a refused token and a rate limit.
 * Screenshots of each state go to test-artifacts/.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Page } from 'puppeteer-core';
import { screenshot } from './harness.js';
import {
  currentCode,
  DEMO,
  forceFault,
  issueToken,
  LOGGED_IN,
  MFA,
  openSeedPage,
  rememberedInTwoTabs,
  SSO_STATUS,
  type Stack,
  ssoLogIn,
  stackForSuite,
  storedSession,
  textOf,
  tokenStatus,
  unexpectedErrors,
  waitDeep,
  waitForText,
} from './widget-stack.js';

const TOKEN_FIELD = 'particle-sso input[name=token]';

/** Switches <particle-sso> to token mode, pastes `token` and presses Use token. */
async function ssoUseToken(page: Page, token: string): Promise<void> {
  await page.locator('particle-sso .mode-switch').click();
  await page.locator(TOKEN_FIELD).fill(token);
  const submit = 'particle-sso form[part=form] button[type=submit]';
  assert.equal(await textOf(page, submit), 'Use token');
  await page.locator(submit).click();
}

describe('<particle-sso> on the seed page', () => {
  let stack: Stack;
  stackForSuite((started) => {
    stack = started;
  });

  it('logs in demo@example.com and shares the session with the page and the next page', async () => {
    const { page, errors } = await openSeedPage(stack);
    await page.locator('particle-sso input[name=username]').wait();
    await screenshot(page, 'sso-logged-out');
    await ssoLogIn(page, DEMO);
    await waitForText(page, LOGGED_IN, /Logged in as demo@example\.com/);
    assert.match(await textOf(page, LOGGED_IN), /expires in 1 hour/);
    assert.equal(
      await textOf(page, SSO_STATUS),
      'Logged in. Every widget on this page now uses this session.',
    );
    await screenshot(page, 'sso-logged-in');
    await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: 'dark' }]);
    await screenshot(page, 'sso-logged-in-dark');
    await page.emulateMediaFeatures([]);

    const session = await storedSession(page, stack);
    assert.equal(session?.where, 'tab');
    assert.equal(await tokenStatus(stack, session!.token), 200);
    // The other widgets use the same session: the token form offers the logged-in email.
    const email = await page.$eval(
      'particle-create-token',
      (el) => el.shadowRoot!.querySelector<HTMLInputElement>('input[name=username]')!.value,
    );
    assert.equal(email, DEMO.username);

    await page.goto(`${stack.site.url}/`, { waitUntil: 'networkidle0' });
    await page.goto(stack.seedUrl, { waitUntil: 'networkidle0' });
    await waitForText(page, LOGGED_IN, /Logged in as demo@example\.com/);
    assert.deepEqual(unexpectedErrors(errors, stack), []);
    await page.browserContext().close();
  });

  it('logs in mfa@example.com with a one-time code, with the keyboard alone', async () => {
    const { page, errors } = await openSeedPage(stack);
    await page.focus('particle-sso input[name=username]');
    await page.keyboard.type(MFA.username);
    await page.keyboard.press('Tab');
    await page.keyboard.type(MFA.password);
    await page.keyboard.press('Tab');
    // A select follows typed letters: "8" picks "8 hours".
    await page.keyboard.type('8');
    await page.keyboard.press('Tab'); // Keep me logged in
    await page.keyboard.press('Tab'); // Log in
    await page.keyboard.press('Enter');
    await page.waitForSelector('particle-sso input[name=otp]', { visible: true });
    assert.match(await textOf(page, 'particle-sso form.mfa'), /two-step verification/);
    assert.equal(
      await page.evaluate(() => document.activeElement?.getAttribute('name')),
      'otp',
      'focus moves to the code field',
    );
    await screenshot(page, 'sso-mfa-step');
    await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: 'dark' }]);
    await screenshot(page, 'sso-mfa-step-dark');
    await page.keyboard.type(currentCode());
    await page.keyboard.press('Enter');
    await waitForText(page, LOGGED_IN, /Logged in as mfa@example\.com/);
    assert.match(await textOf(page, LOGGED_IN), /expires in 8 hours/);
    assert.deepEqual(unexpectedErrors(errors, stack), []);
    await page.browserContext().close();
  });

  it('logs out by revoking the token, in this tab and in a second one', async () => {
    const { first, second, session } = await rememberedInTwoTabs(stack);
    await first.page.locator('particle-sso [part=logout]').click();
    await waitForText(
      first.page,
      SSO_STATUS,
      /Logged out\. The access token of demo@example\.com is revoked\./,
    );
    assert.equal(await tokenStatus(stack, session.token), 401);
    await second.page.waitForSelector('particle-sso input[name=username]', { timeout: 10_000 });
    assert.equal(await second.page.$(LOGGED_IN), null);
    await screenshot(first.page, 'sso-logged-out-after-logout');
    assert.deepEqual(unexpectedErrors(first.errors, stack), []);
    assert.deepEqual(unexpectedErrors(second.errors, stack), []);
    await first.page.browserContext().close();
  });

  it('logs in with a pasted access token, which no URL the page requests contains', async () => {
    const token = await issueToken(stack, DEMO);
    const { page, errors } = await openSeedPage(stack);
    const requested: string[] = [];
    page.on('request', (request) => requested.push(request.url()));
    await page.locator('particle-sso input[name=username]').wait();
    await ssoUseToken(page, token);
    await waitForText(page, LOGGED_IN, /Logged in as demo@example\.com/);
    assert.equal(
      await textOf(page, SSO_STATUS),
      'Logged in. Every widget on this page now uses this session.',
    );
    assert.equal((await storedSession(page, stack))?.token, token);
    await screenshot(page, 'sso-token-logged-in');
    // The other widgets follow the session: the API-user create widget shows its form.
    await waitDeep(page, 'particle-api-user-create >>> form[part=form]');
    await waitDeep(page, 'particle-api-user-create >>> particle-login-prompt', true);
    // And on the next visit, where every widget starts with the stored session.
    await page.reload({ waitUntil: 'networkidle0' });
    await waitForText(page, LOGGED_IN, /Logged in as demo@example\.com/);
    await waitDeep(page, 'particle-api-user-create >>> form[part=form]');

    const api = requested.filter((url) => url.startsWith(stack.emulator.url));
    assert.ok(
      api.some((url) => new URL(url).pathname === '/v1/user'),
      `the token was checked with the API: ${api.join(', ')}`,
    );
    assert.deepEqual(
      requested.filter((url) => url.includes(token)),
      [],
      'no requested URL contains the token',
    );
    assert.deepEqual(unexpectedErrors(errors, stack), []);
    await page.browserContext().close();
  });

  it('refuses an unknown access token with a sentence and keeps it in the field', async () => {
    const { page, errors } = await openSeedPage(stack);
    const unknown = '0'.repeat(40);
    await ssoUseToken(page, unknown);
    await waitForText(page, SSO_STATUS, /That access token is invalid, revoked or expired/);
    assert.equal(
      await textOf(page, SSO_STATUS),
      'That access token is invalid, revoked or expired. Check it, or log in with your email and password.',
    );
    assert.equal(
      await page.$eval(TOKEN_FIELD, (input) => (input as HTMLInputElement).value),
      unknown,
    );
    assert.equal(await page.$(LOGGED_IN), null);
    assert.equal(await storedSession(page, stack), null);
    await screenshot(page, 'sso-token-refused');
    assert.deepEqual(unexpectedErrors(errors, stack), []);
    await page.browserContext().close();
  });

  it('loads the date formats in a worker once the reader comes to the login form', async () => {
    const { page, errors } = await openSeedPage(stack);
    const warmup = page.waitForResponse((response) => response.url().endsWith('/intl-warmup.js'));
    await page.locator('particle-sso input[name=username]').click();
    assert.equal((await warmup).status(), 200);
    await ssoLogIn(page, DEMO);
    await waitForText(page, LOGGED_IN, /expires in 1 hour \(.+\)/);
    assert.deepEqual(unexpectedErrors(errors, stack), []);
    await page.browserContext().close();
  });

  it('fits a phone screen (375 px) without sideways scrolling, logged out and in', async () => {
    const { page } = await openSeedPage(stack);
    await page.setViewport({ width: 375, height: 800 });
    await page.locator('particle-sso input[name=username]').wait();
    const overflow = () => page.$eval('particle-sso', (el) => el.scrollWidth - el.clientWidth);
    assert.equal(await overflow(), 0, 'logged out');
    await screenshot(page, 'sso-phone-logged-out');
    await ssoLogIn(page, DEMO);
    await waitForText(page, LOGGED_IN, /Logged in as/);
    assert.equal(await overflow(), 0, 'logged in');
    await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: 'dark' }]);
    await screenshot(page, 'sso-phone-logged-in-dark');
    await page.browserContext().close();
  });

  it('says a wrong password and keeps the input', async () => {
    const { page } = await openSeedPage(stack);
    await ssoLogIn(page, { username: DEMO.username, password: 'not-the-password' });
    await waitForText(page, SSO_STATUS, /email or password is incorrect/);
    const values = await page.$$eval(
      'particle-sso input[name=username], particle-sso input[name=password]',
      (inputs) => inputs.map((i) => (i as HTMLInputElement).value),
    );
    assert.deepEqual(values, [DEMO.username, 'not-the-password']);
    await screenshot(page, 'sso-wrong-password');
    await page.browserContext().close();
  });

  it('says when the one-time-code step cannot load, and keeps the input', async () => {
    const { page } = await openSeedPage(stack);
    // The code step is in the views' chunk, loaded beside the password request: a deploy that
    // replaced it (or a dropped connection) must not leave the reader with a silent form.
    await page.setRequestInterception(true);
    page.on('request', (request) =>
      request.url().includes('/chunks/on-demand-') ? request.abort() : request.continue(),
    );
    await ssoLogIn(page, MFA);
    await waitForText(
      page,
      SSO_STATUS,
      /Part of this widget could not be loaded\. Reload the page/,
    );
    const values = await page.$$eval(
      'particle-sso input[name=username], particle-sso input[name=password]',
      (inputs) => inputs.map((i) => (i as HTMLInputElement).value),
    );
    assert.deepEqual(values, [MFA.username, MFA.password]);
    assert.equal(await page.$('particle-sso input[name=otp]'), null, 'no code step to type in');
    await page.browserContext().close();
  });

  it('says when it is rate limited, with the wait, and keeps the input', async () => {
    const { page } = await openSeedPage(stack);
    await forceFault(stack, { method: 'POST', path: '/oauth/token', status: 429 });
    await ssoLogIn(page, DEMO);
    await waitForText(page, SSO_STATUS, /Too many requests\. Wait 30 seconds/);
    const values = await page.$$eval(
      'particle-sso input[name=username], particle-sso input[name=password]',
      (inputs) => inputs.map((i) => (i as HTMLInputElement).value),
    );
    assert.deepEqual(values, [DEMO.username, DEMO.password]);
    await screenshot(page, 'sso-rate-limited');
    await page.browserContext().close();
  });
});
