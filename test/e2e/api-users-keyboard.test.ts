/**
 * The API-user widgets used with the keyboard alone, on the built seed page against the
 * emulator: create (type, Tab to a preset, back, Enter), edit scopes (focus moves into
 * the editor, onto the new token, and back to the row), and cancel a delete (Escape,
 * Enter on Cancel).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  CREATE,
  LIST,
  listFirstTarget,
  listRows,
  openLoggedIn,
  tabTo,
  waitForFocus,
  waitForRow,
} from './api-user-steps.js';
import { clickDeep, type Stack, stackForSuite, waitDeep } from './widget-stack.js';

describe('API-user widgets with the keyboard only', () => {
  let stack: Stack;
  stackForSuite((started) => {
    stack = started;
  });

  it('creates an API user', async () => {
    const { page, errors } = await openLoggedIn(stack);
    await waitDeep(page, `${CREATE} >>> #friendly-name`);
    await page.$eval(CREATE, (el) =>
      el.shadowRoot!.querySelector<HTMLElement>('#friendly-name')!.focus(),
    );
    await page.keyboard.type('Keyboard backend');
    await page.keyboard.press('Tab'); // Filter scopes
    await page.keyboard.press('Tab'); // Skip the scope list
    await page.keyboard.press('Tab'); // Read-only
    await page.keyboard.press('Tab'); // Device control
    await page.keyboard.press('Enter');
    await page.keyboard.down('Shift'); // back to Friendly name
    for (let i = 0; i < 4; i++) await page.keyboard.press('Tab');
    await page.keyboard.up('Shift');
    await page.keyboard.press('Enter'); // submits from the Friendly name field
    await waitDeep(page, `${CREATE} >>> particle-api-user-token`);
    const focused = await page.$eval(CREATE, (el) => {
      const view = el.shadowRoot!.querySelector('particle-api-user-token')!;
      return view.shadowRoot!.activeElement?.textContent;
    });
    assert.equal(focused, 'API user created', 'focus moves to the result');
    const created = [...stack.emulator.state.apiUsers.values()].find(
      (u) => u.friendlyName === 'Keyboard backend',
    );
    assert.ok(created?.scopes.includes('devices.function:call'), 'the Device control preset');
    assert.deepEqual(errors, []);
    await page.close();
  });

  it('edits scopes, and focus follows each step', async () => {
    const { page, errors } = await openLoggedIn(stack);
    await listFirstTarget(page);
    const name = 'Tracker reader';
    await page.$eval(
      LIST,
      (el, label) =>
        el
          .shadowRoot!.querySelector('particle-api-user-table')!
          .shadowRoot!.querySelector<HTMLButtonElement>(`button[aria-label="${label}"]`)!
          .focus(),
      `Edit scopes of ${name}`,
    );
    await page.keyboard.press('Enter');
    await waitForFocus(page, (f) => f.part === 'filter', 'the editor’s Filter scopes');
    await page.keyboard.type('events:send');
    await tabTo(page, 'events:send');
    await page.keyboard.press('Space');
    await tabTo(page, 'Save scopes');
    await page.keyboard.press('Enter');
    await waitForFocus(page, (f) => f.label.startsWith('New token for'), 'the new token');
    const saved = [...stack.emulator.state.apiUsers.values()].find((u) => u.friendlyName === name);
    assert.ok(saved?.scopes.includes('events:send'), 'the scope was saved');
    assert.ok(saved?.scopes.includes('products:get'), 'the others were kept');
    await tabTo(page, 'Done');
    await page.keyboard.press('Enter');
    await waitForFocus(page, (f) => f.ariaLabel === `Edit scopes of ${name}`, 'the row');
    assert.deepEqual(errors, []);
    await page.close();
  });

  it('cancelling the delete dialog keeps the API user', async () => {
    const { page, errors } = await openLoggedIn(stack);
    await listFirstTarget(page);
    const [name] = (await listRows(page))[0]!;
    await clickDeep(page, `${LIST} >>> button[aria-label="Delete ${name}"]`);
    await waitDeep(page, `${LIST} >>> particle-confirm-dialog >>> dialog[open]`);
    await page.keyboard.press('Escape');
    await waitDeep(page, `${LIST} >>> particle-confirm-dialog >>> dialog[open]`, true);
    await clickDeep(page, `${LIST} >>> button[aria-label="Delete ${name}"]`);
    await page.keyboard.press('Enter'); // focus starts on Cancel
    await waitDeep(page, `${LIST} >>> particle-confirm-dialog >>> dialog[open]`, true);
    await clickDeep(page, `${LIST} >>> form button[type=submit]:not([disabled])`);
    await waitForRow(page, name!);
    assert.deepEqual(errors, []);
    await page.close();
  });
});
