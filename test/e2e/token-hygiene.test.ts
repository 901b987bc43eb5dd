/**
 * Token hygiene on the seed page: while a token is masked it is in no DOM attribute and no text
 * of the page (at any shadow depth); the session token is in localStorage only when "keep me
 * logged in" is ticked; after logout every storage area is clear, in this tab and the other, and
 * the token is revoked on the emulator. (No token in any request URL, Referer or console message
 * is checked for every e2e flow by the harness: see `tokenSightings`.)
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Page } from 'puppeteer-core';
import { CREATE, fillCreate } from './api-user-steps.js';
import { TOKEN_PATTERN } from './harness.js';
import {
  clickDeep,
  DEMO,
  LOGGED_IN,
  openSeedPage,
  rememberedInTwoTabs,
  SSO_STATUS,
  type Stack,
  ssoLogIn,
  stackForSuite,
  storedSession,
  tokenStatus,
  unexpectedErrors,
  waitDeep,
  waitForText,
} from './widget-stack.js';

/** Every attribute value and text of the document, through every shadow root. */
function pageStrings(page: Page): Promise<{ attributes: string[]; text: string }> {
  return page.evaluate(() => {
    const attributes: string[] = [];
    let text = '';
    const queue: (Document | ShadowRoot)[] = [document];
    while (queue.length) {
      const root = queue.shift()!;
      for (const el of root.querySelectorAll('*')) {
        if (el.shadowRoot) queue.push(el.shadowRoot);
        for (const a of el.attributes) attributes.push(`${el.localName}[${a.name}="${a.value}"]`);
        if (el instanceof HTMLInputElement) attributes.push(`${el.localName}.value="${el.value}"`);
      }
      for (const node of root.querySelectorAll('*')) {
        for (const child of node.childNodes)
          if (child.nodeType === 3) text += `${child.textContent} `;
      }
    }
    return { attributes, text };
  });
}

async function expectNoTokenShown(page: Page, state: string): Promise<void> {
  const { attributes, text } = await pageStrings(page);
  assert.deepEqual(
    attributes.filter((a) => TOKEN_PATTERN.test(a)),
    [],
    `${state}: no DOM attribute holds a token`,
  );
  assert.doesNotMatch(text, TOKEN_PATTERN, `${state}: no text shows a token`);
}

/** Both storage areas and cookies, as one string each. */
function storage(page: Page) {
  return page.evaluate(() => ({
    local: JSON.stringify({ ...localStorage }),
    session: JSON.stringify({ ...sessionStorage }),
    cookies: document.cookie,
  }));
}

describe('token hygiene on the seed page', () => {
  let stack: Stack;
  stackForSuite((started) => {
    stack = started;
  });

  it('keeps tokens masked, out of localStorage unasked, and gone after logout', async () => {
    const { page, errors } = await openSeedPage(stack);
    await ssoLogIn(page, DEMO);
    await waitForText(page, LOGGED_IN, /Logged in as demo@example\.com/);
    const session = await storedSession(page, stack);
    assert.equal(session?.where, 'tab');
    let stored = await storage(page);
    assert.ok(!stored.local.includes(session!.token), 'not in localStorage unless asked');
    assert.equal(stored.cookies, '');
    await expectNoTokenShown(page, 'logged in');

    // A new API user's token, masked.
    await fillCreate(page, 'Hygiene bot', ['devices:list']);
    await clickDeep(page, `${CREATE} >>> [part=submit]:not([disabled])`);
    await waitDeep(page, `${CREATE} >>> particle-api-user-token >>> particle-secret`);
    await expectNoTokenShown(page, 'API user created, token masked');

    // A token from <particle-create-token>, masked.
    await page.locator('particle-create-token >>> input[name=password]').fill(DEMO.password);
    await clickDeep(page, 'particle-create-token >>> form[part=form] [type=submit]');
    await waitDeep(page, 'particle-create-token >>> [part=result] particle-secret');
    await expectNoTokenShown(page, 'token created, masked');

    await page.locator('particle-sso [part=logout]').click();
    await waitForText(page, SSO_STATUS, /Logged out\. The access token .* is revoked\./);
    stored = await storage(page);
    assert.doesNotMatch(stored.local, TOKEN_PATTERN, 'localStorage after logout');
    assert.doesNotMatch(stored.session, TOKEN_PATTERN, 'sessionStorage after logout');
    assert.equal(await tokenStatus(stack, session!.token), 401, 'revoked on the emulator');
    await waitDeep(page, 'particle-create-token >>> [part=result]', true);
    await expectNoTokenShown(page, 'logged out');
    assert.deepEqual(unexpectedErrors(errors, stack), []);
    await page.browserContext().close();
  });

  it('keeps a remembered session in localStorage, and a logout clears it in both tabs', async () => {
    const { first, second, session } = await rememberedInTwoTabs(stack);
    assert.ok((await storage(first.page)).local.includes(session.token), 'kept, as asked');
    await first.page.locator('particle-sso [part=logout]').click();
    await waitForText(first.page, SSO_STATUS, /Logged out\./);
    await second.page.waitForSelector('particle-sso input[name=username]', { timeout: 10_000 });
    for (const [tab, page] of [
      ['this tab', first.page],
      ['the other tab', second.page],
    ] as const) {
      const stored = await storage(page);
      assert.doesNotMatch(stored.local + stored.session, TOKEN_PATTERN, `${tab}: storage clear`);
      await expectNoTokenShown(page, `${tab}, logged out`);
    }
    assert.equal(await tokenStatus(stack, session.token), 401);
    await first.page.browserContext().close();
  });
});
