/**
 * What a screen reader hears on the built seed page (layout, navigation and the four
 * widgets, against the emulator), logged out and logged in: every control named by its
 * visible words, no two of one role and name in one named container, one live region per
 * widget. Read from Chromium's accessibility tree (test/helpers/ax-tree-plugin.ts).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Page } from 'puppeteer-core';
import { axProblems } from '../helpers/ax-problems.js';
import { axControlsOf } from '../helpers/ax-tree-plugin.js';
import { CREATE, LIST, logInAsDemo } from './api-user-steps.js';
import { openSeedPage, type Stack, stackForSuite, waitDeep } from './widget-stack.js';

async function heard(page: Page, state: string) {
  const cdp = await page.createCDPSession();
  try {
    const controls = await axControlsOf(cdp);
    assert.deepEqual(axProblems(controls), [], `in state “${state}”`);
    const live = controls.filter((c) => c.role === 'status');
    assert.equal(live.length, 4, `${state}: one live region per widget`);
    return controls;
  } finally {
    await cdp.detach();
  }
}

describe('the seed page in Chromium’s accessibility tree', () => {
  let stack: Stack;
  stackForSuite((started) => {
    stack = started;
  });

  it('is heard as it reads, logged out and logged in', async () => {
    const { page, errors } = await openSeedPage(stack);
    await page.waitForFunction((tag) => customElements.get(tag), {}, LIST);
    const loggedOut = await heard(page, 'logged out');
    const logIns = loggedOut.filter((c) => c.role === 'button' && c.name === 'Log in');
    assert.ok(logIns.length >= 3, 'the sso submit and both prompts');
    await logInAsDemo(page);
    await waitDeep(page, `${CREATE} >>> particle-scope-picker`);
    await waitDeep(page, `${LIST} >>> particle-target-picker >>> select`);
    const loggedIn = await heard(page, 'logged in');
    const products = loggedIn.filter((c) => c.role === 'combobox' && c.name === 'Product');
    assert.deepEqual(
      products.map((c) => c.container.split(' › ').at(-1)),
      ['region “Create an API user”', 'region “API users”'],
    );
    assert.deepEqual(errors, []);
    await page.close();
  });
});
