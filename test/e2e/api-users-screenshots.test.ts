/**
 * Screenshots of each API-user state for a human to look at (test-artifacts/, not
 * committed): logged out, filtered scope picker, filled form, created result, list,
 * scope editor, delete dialog and a 403 — in the light and dark schemes and at a
 * 375px phone width.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CREATE, fillCreate, LIST, logInAsDemo, waitForRow, widgetShot } from './api-user-steps.js';
import {
  clickDeep,
  forceFault,
  openSeedPage,
  type Stack,
  stackForSuite,
  unexpectedErrors,
  waitDeep,
  waitForText,
} from './widget-stack.js';

describe('API-user widgets: screenshots', () => {
  let stack: Stack;
  stackForSuite((started) => {
    stack = started;
  });

  it('writes screenshots of every state in light, dark and at a 375px phone width', async () => {
    const { page, errors } = await openSeedPage(stack);
    const variants = [
      { scheme: 'light', width: 1024 },
      { scheme: 'dark', width: 1024 },
      { scheme: 'light', width: 375 },
    ] as const;
    const each = async (steps: (tag: string, i: number) => Promise<void>) => {
      for (const [i, { scheme, width }] of variants.entries()) {
        await page.setViewport({ width, height: 800 });
        await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: scheme }]);
        await steps(`${scheme}-${width}`, i);
      }
    };
    await page.waitForFunction((tag) => customElements.get(tag), {}, LIST);
    await each(async (tag) => {
      await widgetShot(page, CREATE, `api-users-shot-create-logged-out-${tag}`);
    });
    await logInAsDemo(page);
    const filter = `${CREATE} >>> particle-scope-picker >>> [part=filter]`;
    const submitList = `${LIST} >>> form button[type=submit]:not([disabled])`;
    const dialog = `${LIST} >>> particle-confirm-dialog >>> dialog[open]`;
    await each(async (tag, i) => {
      const shot = (host: typeof CREATE | typeof LIST, state: string, viewport = false) =>
        widgetShot(page, host, `api-users-shot-${state}-${tag}`, viewport);
      await waitDeep(page, filter);
      await page.locator(filter).fill('device');
      await shot(CREATE, 'create-filtered');
      await (await page.$(filter))!.click({ count: 3 });
      await page.keyboard.press('Backspace');
      await fillCreate(page, `Screenshot backend ${i}`, []);
      await clickDeep(page, `${CREATE} >>> particle-scope-picker >>> [part=presets] button`);
      await shot(CREATE, 'create-form');
      await clickDeep(page, `${CREATE} >>> [part=submit]:not([disabled])`);
      await waitDeep(page, `${CREATE} >>> particle-api-user-token`);
      await shot(CREATE, 'create-result');

      await clickDeep(page, submitList);
      await waitForRow(page, `Screenshot backend ${i}`);
      await shot(LIST, 'list');
      await clickDeep(
        page,
        `${LIST} >>> button[aria-label="Edit scopes of Screenshot backend ${i}"]`,
      );
      await waitDeep(page, `${LIST} >>> particle-api-user-editor >>> particle-scope-picker`);
      await shot(LIST, 'edit');
      await clickDeep(
        page,
        `${LIST} >>> particle-api-user-editor >>> .actions button[type=button]`,
      );
      await clickDeep(page, `${LIST} >>> button[aria-label="Delete Screenshot backend ${i}"]`);
      await waitDeep(page, dialog);
      await shot(LIST, 'delete-dialog', true);
      await page.keyboard.press('Escape');
      await waitDeep(page, dialog, true);

      await forceFault(stack, { method: 'GET', path: '/v1/products/10001/team', status: 403 });
      await clickDeep(page, submitList);
      await waitForText(page, `${LIST} >>> [part=status]`, /You lack access/);
      await shot(LIST, 'error');
    });
    assert.deepEqual(unexpectedErrors(errors, stack), []);
    await page.close();
  });
});
