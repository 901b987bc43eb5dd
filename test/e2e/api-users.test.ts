/**
 * The API-user widgets on the built seed page against the running emulator, logged in
 * as demo@example.com through <particle-sso>: create an API user with three scopes, see
 * it appear in the list without Refresh, use its token against the emulator, edit its
 * scopes (the old token dies, the new one works), delete it after confirming — once for
 * a sandbox product and once for the `acme` organization; the busy, 403 and 429 states;
 * the logged-out prompt. Keyboard-only flows: api-users-keyboard.test.ts; screenshots of
 * every state: api-users-screenshots.test.ts (both to test-artifacts/).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  CREATE,
  chooseTarget,
  fillCreate,
  LIST,
  listRows,
  openLoggedIn,
  revealToken,
  tickScope,
  waitForRow,
  widgetShot,
} from './api-user-steps.js';
import {
  clickDeep,
  forceFault,
  openSeedPage,
  type Stack,
  stackForSuite,
  storedSession,
  tokenStatus,
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
  stackForSuite((started) => {
    stack = started;
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

      assert.equal(await tokenStatus(stack, first.token, c.granted(target.id)), 200);
      assert.notEqual(await tokenStatus(stack, first.token, c.refused(target.id)), 200);

      // Edit scopes: a new token, shown once; the old one stops working.
      await clickDeep(page, `${LIST} >>> button[aria-label="Edit scopes of ${friendlyName}"]`);
      const editor = `${LIST} >>> particle-api-user-editor`;
      await tickScope(page, c.added, editor);
      await clickDeep(page, `${editor} >>> button[type=submit]:not([disabled])`);
      await waitDeep(page, `${editor} >>> particle-api-user-token`);
      const second = await revealToken(page, `${editor} >>> particle-api-user-token`);
      assert.notEqual(second.token, first.token);
      await shot('edit-result');
      assert.equal(await tokenStatus(stack, first.token, c.granted(target.id)), 401);
      assert.equal(await tokenStatus(stack, second.token, c.refused(target.id)), 200);
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
      assert.equal(await tokenStatus(stack, second.token, c.granted(target.id)), 401);
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
});
