/**
 * The header's login state on a page without widgets (the landing page), next to the seed
 * page in a second tab of the same reader: logged out ("Log in" to the page with the login
 * widget), logged in (a "keep me logged in" login in the other tab appears without a
 * reload), and logged out again from the other tab. The page loads the header's script
 * only, no widget code. Its Log out revokes the token, and the seed page follows.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Page } from 'puppeteer-core';
import { openPage } from './harness.js';
import {
  DEMO,
  LOGGED_IN,
  openSeedPage,
  type Stack,
  ssoLogIn,
  stackForSuite,
  storedSession,
  textOf,
  tokenStatus,
  unexpectedErrors,
  waitForText,
} from './widget-stack.js';

const HEADER = '.site-login';

/** The accessible name and role of each control in the header's login area. */
async function headerControls(page: Page): Promise<string[]> {
  // A tab in the background may keep a stale accessibility tree.
  await page.bringToFront();
  const box = await page.$(HEADER);
  const tree = await page.accessibility.snapshot({ root: box!, interestingOnly: true });
  const flat: string[] = [];
  const walk = (node: typeof tree) => {
    if (!node) return;
    if (node.role === 'link' || node.role === 'button') flat.push(`${node.role} ${node.name}`);
    for (const child of node.children ?? []) walk(child);
  };
  walk(tree);
  return flat;
}

describe('the header login state on a page without widgets', () => {
  let stack: Stack;
  stackForSuite((started) => {
    stack = started;
  });

  it('follows a login and a logout in another tab, loading no widget code', async () => {
    const context = await stack.browser.createBrowserContext();
    const landing = await openPage(context as never, `${stack.site.url}/`);
    const scripts = await landing.page.evaluate(() =>
      performance
        .getEntriesByType('resource')
        .map((e) => new URL(e.name).pathname)
        .filter((p) => p.endsWith('.js')),
    );
    assert.deepEqual(scripts, ['/assets/site-login.js'], 'the header script only');
    await waitForText(landing.page, HEADER, /^Log in$/);
    assert.deepEqual(await headerControls(landing.page), ['link Log in']);
    const href = await landing.page.$eval(`${HEADER} a`, (a) => (a as HTMLAnchorElement).href);
    assert.equal(href, stack.seedUrl, 'to the page that has the login widget');

    const seed = await openSeedPage(stack, context);
    await ssoLogIn(seed.page, DEMO, { remember: true });
    await waitForText(seed.page, LOGGED_IN, /Logged in as demo@example\.com/);
    await waitForText(landing.page, HEADER, /Logged in as demo@example\.com/);
    assert.deepEqual(
      await headerControls(landing.page),
      ['button Log out'],
      'no Console after an in-page login',
    );
    await landing.page.reload({ waitUntil: 'networkidle0' });
    await waitForText(landing.page, HEADER, /Logged in as demo@example\.com/);

    await seed.page.bringToFront();
    await seed.page.locator('particle-sso [part=logout]').click();
    await waitForText(seed.page, 'particle-sso [role=status]', /Logged out/);
    await waitForText(landing.page, HEADER, /^Log in$/);
    assert.deepEqual(unexpectedErrors(landing.errors, stack), []);
    await context.close();
  });

  it('logs out from the header: the token is revoked and the seed page follows', async () => {
    const context = await stack.browser.createBrowserContext();
    const seed = await openSeedPage(stack, context);
    await ssoLogIn(seed.page, DEMO, { remember: true });
    await waitForText(seed.page, LOGGED_IN, /Logged in as demo@example\.com/);
    const { token } = (await storedSession(seed.page, stack))!;
    const landing = await openPage(context as never, `${stack.site.url}/`);
    await waitForText(landing.page, HEADER, /Logged in as demo@example\.com/);
    await landing.page.locator(`${HEADER} ::-p-aria(Log out)`).click();
    await waitForText(landing.page, HEADER, /^Log in$/);
    await waitForText(seed.page, 'particle-sso [role=status]', /You were logged out/);
    assert.equal(await tokenStatus(stack, token), 401);
    assert.equal(await textOf(seed.page, `${HEADER}`), 'Log in');
    await context.close();
  });
});
