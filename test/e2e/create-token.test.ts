/**
 * <particle-create-token> on the built seed page against the running emulator:
 * tokens of 15 minutes and of no expiry (checked with the emulator's token
 * info), the MFA step, and a wrong password keeping the input. Screenshots of
 * the form, the MFA step and the result go to test-artifacts/.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Page } from 'puppeteer-core';
import { screenshot } from './harness.js';
import {
  currentCode,
  DEMO,
  forceFault,
  MFA,
  openSeedPage,
  type Stack,
  stackForSuite,
  storedSession,
  textOf,
  unexpectedErrors,
  waitDeep,
  waitForText,
} from './widget-stack.js';

const WIDGET = 'particle-create-token';
const STATUS = `${WIDGET} >>> [role=status]`;
const RESULT = `${WIDGET} >>> [part=result]`;

async function fillForm(
  page: Page,
  account: { username: string; password: string },
  lifetime: string,
) {
  await page.locator(`${WIDGET} >>> input[name=username]`).fill(account.username);
  await page.locator(`${WIDGET} >>> input[name=password]`).fill(account.password);
  await page.select(`${WIDGET} >>> select[name=expiresIn]`, lifetime);
  await page.locator(`${WIDGET} >>> form[part=form] button[type=submit]`).click();
}

/** Email, password and lifetime as the form holds them now. */
function formValues(page: Page): Promise<string[]> {
  return page.$eval(WIDGET, (el) =>
    ['input[name=username]', 'input[name=password]', 'select[name=expiresIn]'].map(
      (s) => el.shadowRoot!.querySelector<HTMLInputElement>(s)!.value,
    ),
  );
}

/** Presses Show token and reads the full token. */
async function revealToken(page: Page): Promise<string> {
  await page.locator(`${WIDGET} >>> particle-secret >>> [part=toggle]`).click();
  await waitForText(page, `${WIDGET} >>> particle-secret >>> [part=toggle]`, /Hide token/);
  return textOf(page, `${WIDGET} >>> particle-secret >>> [part=value]`);
}

/** The commands shown in the result's snippets. */
function commands(page: Page): Promise<string> {
  return page.$eval(WIDGET, (el) =>
    [...el.shadowRoot!.querySelectorAll('particle-snippet')]
      .map((s) => s.shadowRoot!.querySelector('pre')!.textContent)
      .join('\n'),
  );
}

/** All text of the page, shadow roots included (no named inner functions: see widget-stack.ts). */
function pageText(page: Page): Promise<string> {
  return page.evaluate(() => {
    let text = '';
    const roots: (Document | ShadowRoot)[] = [document];
    while (roots.length) {
      const root = roots.pop()!;
      text += root === document ? document.body.textContent : root.textContent;
      for (const el of root.querySelectorAll('*')) if (el.shadowRoot) roots.push(el.shadowRoot);
    }
    return text;
  });
}

async function tokenInfo(stack: Stack, token: string) {
  const res = await fetch(`${stack.emulator.url}/v1/access_tokens/current`, {
    headers: { Authorization: `Bearer ${token}` },
  });
  assert.equal(res.status, 200);
  return (await res.json()) as { expires_at: string | null };
}

describe('<particle-create-token> on the seed page', () => {
  let stack: Stack;
  stackForSuite((started) => {
    stack = started;
  });

  it('creates a 15-minute token, masked until shown, without logging the page in', async () => {
    const { page, errors } = await openSeedPage(stack);
    await page.locator(`${WIDGET} >>> input[name=username]`).scroll();
    await screenshot(page, 'create-token-form');
    await fillForm(page, DEMO, '900');
    await waitForText(page, STATUS, /Token created; it expires in 15 minutes\./);
    const result = await textOf(page, RESULT);
    assert.match(result, /This token expires in 15 minutes/);
    const shown = await commands(page);
    assert.match(shown, /particle token create --expires-in 900/);
    assert.match(shown, /curl -X POST .*\/oauth\/token/);
    assert.match(shown, /password=\$PARTICLE_PASSWORD/);
    assert.doesNotMatch(shown, /demo-password/);
    const before = await pageText(page);
    await screenshot(page, 'create-token-result-masked');

    const token = await revealToken(page);
    assert.match(token, /^[0-9a-f]{40}$/);
    assert.ok(!before.includes(token), 'the token was not on the page before Show');
    assert.ok(!shown.includes(token), 'the commands do not contain the token');
    assert.ok((await pageText(page)).includes(token), 'Show token shows it');
    const info = await tokenInfo(stack, token);
    const minutes = (Date.parse(info.expires_at!) - Date.now()) / 60_000;
    assert.ok(minutes > 14 && minutes <= 15, `expires in ${minutes} minutes`);
    assert.equal(
      await page.$eval(
        `${WIDGET}`,
        (el) => el.shadowRoot!.querySelector<HTMLInputElement>('input[name=password]')!.value,
      ),
      '',
      'the password is cleared after success',
    );
    assert.equal(await storedSession(page, stack), null, 'the page stays logged out');
    await screenshot(page, 'create-token-result-shown');
    await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: 'dark' }]);
    await screenshot(page, 'create-token-result-dark');
    assert.deepEqual(unexpectedErrors(errors, stack), []);
    await page.browserContext().close();
  });

  it('creates and reveals a token with the keyboard alone; focus follows each step', async () => {
    const { page, errors } = await openSeedPage(stack);
    const focused = () =>
      page.$eval(WIDGET, (el) => {
        const active = el.shadowRoot!.activeElement;
        const inner = active?.shadowRoot?.activeElement;
        return (inner ?? active)?.textContent?.trim() || active?.getAttribute('name') || '';
      });
    await page.$eval(WIDGET, (el) =>
      el.shadowRoot!.querySelector<HTMLInputElement>('input[name=username]')!.focus(),
    );
    await page.keyboard.type(DEMO.username);
    await page.keyboard.press('Tab');
    await page.keyboard.type(DEMO.password);
    await page.keyboard.press('Tab');
    await page.keyboard.type('1 h'); // a select follows typed letters: "1 hour"
    await page.keyboard.press('Tab');
    assert.equal(await focused(), 'Create token');
    await page.keyboard.press('Enter');
    await waitForText(page, STATUS, /Token created; it expires in 1 hour\./);
    assert.equal(await focused(), 'Your new access token', 'focus is on the result');
    await page.keyboard.press('Tab'); // the masked value is not focusable; Show token is next
    assert.equal(await focused(), 'Show token');
    await page.keyboard.press('Enter');
    assert.equal(await focused(), 'Hide token');
    assert.match(
      await textOf(page, `${WIDGET} >>> particle-secret >>> [part=value]`),
      /^[0-9a-f]{40}$/,
    );
    assert.deepEqual(unexpectedErrors(errors, stack), []);
    await page.browserContext().close();
  });

  it('creates a token that never expires', async () => {
    const { page, errors } = await openSeedPage(stack);
    await fillForm(page, DEMO, '0');
    await waitForText(page, RESULT, /This token never expires/);
    assert.match(await commands(page), /particle token create --never-expires/);
    const info = await tokenInfo(stack, await revealToken(page));
    assert.equal(info.expires_at, null);
    assert.deepEqual(unexpectedErrors(errors, stack), []);
    await page.browserContext().close();
  });

  it('asks the MFA account for a one-time code', async () => {
    const { page, errors } = await openSeedPage(stack);
    await fillForm(page, MFA, '3600');
    await waitDeep(page, `${WIDGET} >>> input[name=otp]`);
    await screenshot(page, 'create-token-mfa-step');
    await page.locator(`${WIDGET} >>> input[name=otp]`).fill(currentCode());
    await page.locator(`${WIDGET} >>> form.mfa button[type=submit]`).click();
    await waitForText(page, RESULT, /This token expires in 1 hour/);
    assert.deepEqual(unexpectedErrors(errors, stack), []);
    await page.browserContext().close();
  });

  it('says when it is rate limited, with the wait, and keeps what was typed', async () => {
    const { page } = await openSeedPage(stack);
    await forceFault(stack, { method: 'POST', path: '/oauth/token', status: 429 });
    await fillForm(page, DEMO, '28800');
    await waitForText(page, STATUS, /Too many requests\. Wait 30 seconds/);
    assert.deepEqual(await formValues(page), [DEMO.username, DEMO.password, '28800']);
    assert.equal(await page.$(RESULT), null, 'no token shown');
    await screenshot(page, 'create-token-rate-limited');
    await page.browserContext().close();
  });

  it('fits a phone screen (375 px): the commands scroll inside their box, not the page', async () => {
    const { page } = await openSeedPage(stack);
    await page.setViewport({ width: 375, height: 800 });
    await fillForm(page, DEMO, '900');
    await waitForText(page, STATUS, /Token created/);
    assert.equal(await page.$eval(WIDGET, (el) => el.scrollWidth - el.clientWidth), 0);
    await page.locator(`${WIDGET} >>> [part=result]`).scroll();
    await screenshot(page, 'create-token-phone-result');
    await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: 'dark' }]);
    await screenshot(page, 'create-token-phone-result-dark');
    await page.browserContext().close();
  });

  it('says a wrong password and keeps what was typed', async () => {
    const { page } = await openSeedPage(stack);
    await fillForm(page, { username: DEMO.username, password: 'nope' }, '86400');
    await waitForText(page, STATUS, /email or password is incorrect/);
    assert.deepEqual(await formValues(page), [DEMO.username, 'nope', '86400']);
    await screenshot(page, 'create-token-wrong-password');
    await page.browserContext().close();
  });
});
