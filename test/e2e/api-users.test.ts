/**
 * The API-user widgets on the built seed page against the running emulator, logged in
 * as demo@example.com through <particle-sso>: create an API user with three scopes, see
 * it appear in the list without Refresh, use its token against the emulator, edit its
 * scopes (the old token dies, the new one works), delete it after confirming — once for
 * a sandbox product and once for the `acme` organization. Screenshots of each state
 * go to test-artifacts/.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'puppeteer-core';
import {
  CREATE,
  chooseTarget,
  fillCreate,
  LIST,
  listRows,
  logInAsDemo,
  openLoggedIn,
  revealToken,
  statusWith,
  tickScope,
  waitForRow,
  widgetShot,
} from './api-user-steps.js';
import {
  clickDeep,
  forceFault,
  openSeedPage,
  type Stack,
  startStack,
  storedSession,
  unexpectedErrors,
  waitDeep,
  waitForText,
} from './widget-stack.js';

interface Case {
  name: string;
  /** Resolves the target's id with the reader's own token. */
  target: (session: string) => Promise<{ kind: 'product' | 'org'; id: string }>;
  /** A path the granted scope `teams.users:list` opens, and one the first token may not call. */
  granted: (id: string) => string;
  refused: (id: string) => string;
  /** The scope that edit adds, which opens `refused`. */
  added: string;
}

describe('API-user widgets on the seed page', () => {
  let stack: Stack;
  before(async () => {
    stack = await startStack();
  });
  after(async () => {
    await stack?.close();
  });

  const get = async (token: string, path: string) => {
    const res = await fetch(`${stack.emulator.url}${path}`, {
      headers: { Authorization: `Bearer ${token}` },
    });
    assert.equal(res.status, 200, `${path} with the reader's token`);
    return res.json() as Promise<Record<string, { id: string | number; slug: string }[]>>;
  };

  const cases: Case[] = [
    {
      name: 'a sandbox product',
      target: async (token) => {
        const { products } = await get(token, '/v1/user/products');
        const tracker = products!.find((p) => p.slug === 'demo-sandbox-tracker')!;
        return { kind: 'product', id: String(tracker.id) };
      },
      granted: (id) => `/v1/products/${id}/team`,
      refused: (id) => `/v1/products/${id}`,
      added: 'products:get',
    },
    {
      name: 'the acme organization',
      target: async (token) => {
        const { organizations } = await get(token, '/v1/orgs');
        return { kind: 'org', id: organizations!.find((o) => o.slug === 'acme')!.id as string };
      },
      granted: (id) => `/v1/orgs/${id}/team`,
      refused: (id) => `/v1/orgs/${id}`,
      added: 'organization:get',
    },
  ];

  for (const c of cases) {
    it(`creates, lists, edits and deletes an API user of ${c.name}`, async () => {
      const { page, errors } = await openLoggedIn(stack);
      const session = (await storedSession(page, stack))!;
      const target = await c.target(session.token);
      const shot = (state: string) =>
        widgetShot(
          page,
          state.startsWith('create') ? CREATE : LIST,
          `api-users-${target.kind}-${state}`,
          state === 'delete-dialog',
        );
      const friendlyName = `E2E ${target.kind} backend`;
      const api = stack.emulator.url;

      // The list shows the target first, so the creation must reach it without Refresh.
      await chooseTarget(page, LIST, target);
      await clickDeep(page, `${LIST} >>> form button[type=submit]:not([disabled])`);
      await waitDeep(page, `${LIST} >>> particle-api-user-table`);
      await shot('list');

      await chooseTarget(page, CREATE, target);
      await fillCreate(page, friendlyName, ['teams.users:list', 'devices:list', 'events:get']);
      await shot('create-form');
      await clickDeep(page, `${CREATE} >>> [part=submit]:not([disabled])`);
      const view = `${CREATE} >>> particle-api-user-token`;
      await waitDeep(page, view);
      const first = await revealToken(page, view);
      assert.match(first.token, /^[0-9a-f]{40}$/);
      const curl = await page.$eval(
        `${view} >>> particle-snippet`,
        (el) => (el as HTMLElement & { command: string }).command,
      );
      assert.match(curl, /\$PARTICLE_ACCESS_TOKEN/);
      assert.ok(!curl.includes(first.token) && !curl.includes(session.token), 'curl is redacted');
      await shot('create-result');
      await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: 'dark' }]);
      await shot('create-result-dark');
      await page.emulateMediaFeatures([]);

      await waitForRow(page, friendlyName);
      const row = (await listRows(page)).find((r) => r[0] === friendlyName)!;
      assert.equal(row[1], first.username);
      assert.deepEqual(row.slice(2).sort(), ['devices:list', 'events:get', 'teams.users:list']);

      assert.equal(await statusWith(api, first.token, c.granted(target.id)), 200);
      assert.notEqual(await statusWith(api, first.token, c.refused(target.id)), 200);

      // Edit scopes: a new token, shown once; the old one stops working.
      await clickDeep(page, `${LIST} >>> button[aria-label="Edit scopes of ${friendlyName}"]`);
      const editor = `${LIST} >>> particle-api-user-editor`;
      await tickScope(page, c.added, editor);
      await clickDeep(page, `${editor} >>> button[type=submit]:not([disabled])`);
      await waitDeep(page, `${editor} >>> particle-api-user-token`);
      const second = await revealToken(page, `${editor} >>> particle-api-user-token`);
      assert.notEqual(second.token, first.token);
      await shot('edit-result');
      assert.equal(await statusWith(api, first.token, c.granted(target.id)), 401);
      assert.equal(await statusWith(api, second.token, c.refused(target.id)), 200);
      await page.waitForFunction(
        (list, name, scope) => {
          const table = document
            .querySelector(list)
            ?.shadowRoot?.querySelector('particle-api-user-table');
          const row = [...(table?.shadowRoot?.querySelectorAll('tr[data-username]') ?? [])].find(
            (r) => r.querySelector('th')?.textContent?.trim() === name,
          );
          return row?.textContent?.includes(scope);
        },
        { timeout: 10_000 },
        LIST,
        friendlyName,
        c.added,
      );
      await clickDeep(page, `${editor} >>> .actions button`);

      // Delete, after the dialog.
      await clickDeep(page, `${LIST} >>> button[aria-label="Delete ${friendlyName}"]`);
      await waitDeep(page, `${LIST} >>> particle-confirm-dialog >>> dialog[open]`);
      await shot('delete-dialog');
      await clickDeep(page, `${LIST} >>> particle-confirm-dialog >>> [part=confirm]`);
      await waitForRow(page, friendlyName, false);
      await shot('after-delete');
      assert.equal(await statusWith(api, second.token, c.granted(target.id)), 401);
      const { team } = await get(session.token, c.granted(target.id));
      assert.ok(!team!.some((m) => (m as { username?: string }).username === first.username));

      assert.deepEqual(errors, []);
      await page.close();
    });
  }

  it('busy, forbidden and rate-limited: one request per click and sentences to act on', async () => {
    const { page } = await openLoggedIn(stack);
    const session = (await storedSession(page, stack))!;
    const { products } = await get(session.token, '/v1/user/products');
    const sensors = products!.find((p) => p.slug === 'demo-sandbox-sensors')!;
    const path = `/v1/products/${sensors.id}/team`;
    await chooseTarget(page, CREATE, { kind: 'product', id: String(sensors.id) });
    await fillCreate(page, 'E2E faults', ['devices:list']);
    const before = stack.emulator.state.apiUsers.size;
    const submit = `${CREATE} >>> [part=submit]`;
    const status = `${CREATE} >>> [part=status]`;

    await forceFault(stack, { method: 'POST', path, latencyMs: 1500 });
    await clickDeep(page, `${submit}:not([disabled])`);
    await page.$eval(CREATE, (el) =>
      el.shadowRoot!.querySelector<HTMLButtonElement>('[part=submit]')!.click(),
    );
    await waitForText(page, status, /Creating API user “E2E faults”…/);
    await widgetShot(page, CREATE, 'api-users-create-busy');
    await waitForText(page, status, /Created API user “E2E faults”/);
    assert.equal(stack.emulator.state.apiUsers.size, before + 1, 'one click, one API user');

    await page.locator(`${CREATE} >>> #friendly-name`).fill('E2E faults 2');
    await forceFault(stack, { method: 'POST', path, status: 403 });
    await clickDeep(page, `${submit}:not([disabled])`);
    await waitForText(page, status, /You lack access to the product “Demo Sensors”/);
    await widgetShot(page, CREATE, 'api-users-create-forbidden');
    const focused = await page.$eval(CREATE, (el) =>
      el.shadowRoot!.activeElement?.getAttribute('part'),
    );
    assert.equal(focused, 'status');

    await forceFault(stack, { method: 'POST', path, status: 429 });
    await clickDeep(page, `${submit}:not([disabled])`);
    await waitForText(page, status, /Too many requests\. Wait 30 seconds/);
    assert.equal(stack.emulator.state.apiUsers.size, before + 1);
    await page.close();
  });

  it('creates an API user with the keyboard only', async () => {
    const { page, errors } = await openLoggedIn(stack);
    await waitDeep(page, `${CREATE} >>> #friendly-name`);
    await page.$eval(CREATE, (el) =>
      el.shadowRoot!.querySelector<HTMLElement>('#friendly-name')!.focus(),
    );
    await page.keyboard.type('Keyboard backend');
    await page.keyboard.press('Tab'); // Filter scopes
    await page.keyboard.press('Tab'); // Read-only
    await page.keyboard.press('Tab'); // Device control
    await page.keyboard.press('Enter');
    await page.keyboard.down('Shift'); // back to Friendly name
    for (let i = 0; i < 3; i++) await page.keyboard.press('Tab');
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

  it('edits scopes with the keyboard only, and focus follows each step', async () => {
    const { page, errors } = await openLoggedIn(stack);
    await listFirstTarget(page);
    const name = 'Tracker reader';
    const focused = () =>
      page.evaluate(() => {
        let el = document.activeElement;
        while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
        const input = el as HTMLInputElement | null;
        return {
          part: el?.getAttribute('part') ?? '',
          label: input?.labels?.[0]?.textContent?.trim() ?? el?.textContent?.trim() ?? '',
        };
      });
    /** Presses Tab until the focused control's label (or text) is `label`. */
    const tabTo = async (label: string) => {
      for (let i = 0; i < 40 && (await focused()).label !== label; i++) {
        await page.keyboard.press('Tab');
      }
      assert.equal((await focused()).label, label, `Tab never reached ${label}`);
    };
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
    await page.waitForFunction(
      () => {
        let el = document.activeElement;
        while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
        return el?.getAttribute('part') === 'filter';
      },
      { timeout: 10_000 },
    );
    await page.keyboard.type('events:send');
    await tabTo('events:send');
    await page.keyboard.press('Space');
    await tabTo('Save scopes');
    await page.keyboard.press('Enter');
    await page.waitForFunction(
      () => {
        let el = document.activeElement;
        while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
        return el?.textContent?.startsWith('New token for');
      },
      { timeout: 10_000 },
    );
    const saved = [...stack.emulator.state.apiUsers.values()].find((u) => u.friendlyName === name);
    assert.ok(saved?.scopes.includes('events:send'), 'the scope was saved');
    assert.ok(saved?.scopes.includes('products:get'), 'the others were kept');
    await tabTo('Done');
    await page.keyboard.press('Enter');
    await page.waitForFunction(
      (label) => {
        let el = document.activeElement;
        while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
        return el?.getAttribute('aria-label') === label;
      },
      { timeout: 10_000 },
      `Edit scopes of ${name}`,
    );
    assert.deepEqual(errors, []);
    await page.close();
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

  it('asks a logged-out reader to log in, and the button goes to the login form', async () => {
    const { page, errors } = await openSeedPage(stack);
    await page.waitForFunction((tag) => customElements.get(tag), {}, CREATE);
    await clickDeep(page, `${CREATE} >>> particle-login-prompt >>> button`);
    const focused = await page.evaluate(() => document.activeElement?.getAttribute('name'));
    assert.equal(focused, 'username', 'focus is on particle-sso’s Email field');
    await widgetShot(page, CREATE, 'api-users-create-logged-out');
    await widgetShot(page, LIST, 'api-users-list-logged-out');
    assert.deepEqual(errors, []);
    await page.close();
  });

  it('cancelling the delete dialog keeps the API user (keyboard only)', async () => {
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

async function listFirstTarget(page: Page): Promise<void> {
  await clickDeep(page, `${LIST} >>> form button[type=submit]:not([disabled])`);
  await waitDeep(page, `${LIST} >>> particle-api-user-table`);
}
