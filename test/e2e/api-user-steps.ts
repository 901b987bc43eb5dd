/**
 * Steps on the seed page's API-user widgets for the end-to-end suites: log in through
 * `<particle-sso>`, choose a target, fill the create form, read the token shown once,
 * read the list's rows, and check a token directly against the emulator.
 * Selectors pierce shadow roots with puppeteer's `>>>`.
 */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { DEMO, LOGGED_IN, ssoLogIn, waitForText } from './widget-stack.js';

export const CREATE = 'particle-api-user-create';
export const LIST = 'particle-api-user-list';
export type Host = typeof CREATE | typeof LIST;
type Target = { kind: 'product' | 'org'; id: string };

/**
 * Waits until a `>>>` selector matches (or, with `gone`, stops matching). Puppeteer's
 * own waitForSelector re-checks on DOM mutations of the document only, so it can miss
 * an element that appears inside a shadow root; this polls on animation frames.
 */
export async function waitDeep(page: Page, selector: string, gone = false): Promise<void> {
  // No named functions inside: tsx would wrap them in a `__name` helper the page lacks.
  await page
    .waitForFunction(
      (sel, wantGone) => {
        // `a >>> b`: b anywhere inside a's shadow root, however deeply nested (as puppeteer).
        let scopes: (Document | ShadowRoot)[] = [document];
        let found: Element[] = [];
        for (const part of sel.split('>>>')) {
          found = [];
          const queue = [...scopes];
          while (queue.length) {
            const root = queue.shift()!;
            found.push(...root.querySelectorAll(part.trim()));
            for (const el of root.querySelectorAll('*'))
              if (el.shadowRoot) queue.push(el.shadowRoot);
          }
          scopes = found.flatMap((el) => (el.shadowRoot ? [el.shadowRoot] : []));
        }
        return wantGone ? found.length === 0 : found.length > 0;
      },
      { timeout: 10_000, polling: 'raf' },
      selector,
      gone,
    )
    .catch((error: Error) => {
      throw new Error(`${gone ? 'Still there' : 'Never appeared'}: ${selector} (${error.message})`);
    });
}

/** Waits for a `>>>` selector, then clicks it. */
export async function clickDeep(page: Page, selector: string): Promise<void> {
  await waitDeep(page, selector);
  await page.locator(selector).click();
}

/** Waits until both API-user elements are defined, then logs in as the demo account. */
export async function logInAsDemo(page: Page): Promise<void> {
  await page.waitForFunction(
    (a, b) => customElements.get(a) && customElements.get(b),
    {},
    CREATE,
    LIST,
  );
  await ssoLogIn(page, DEMO);
  await waitForText(page, LOGGED_IN, /Logged in as demo@example\.com/);
}

/** Chooses Product or Organization and the given id in a widget's target picker. */
export async function chooseTarget(page: Page, host: Host, target: Target): Promise<void> {
  const picker = `${host} >>> particle-target-picker`;
  await clickDeep(page, `${picker} >>> input[type=radio][value=${target.kind}]`);
  await waitDeep(page, `${picker} >>> select#${target.kind}`);
  const select = await page.$(`${picker} >>> select#${target.kind}`);
  await select!.select(target.id);
}

/** Ticks a scope by its checkbox's accessible name (which must be the scope itself). */
export async function tickScope(page: Page, scope: string, within = CREATE): Promise<void> {
  await page
    .locator(
      `${within} >>> particle-scope-picker >>> ::-p-aria([name="${scope}"][role="checkbox"])`,
    )
    .click();
}

export async function fillCreate(page: Page, name: string, scopes: string[]): Promise<void> {
  await waitDeep(page, `${CREATE} >>> #friendly-name`);
  await page.locator(`${CREATE} >>> #friendly-name`).fill(name);
  for (const scope of scopes) await tickScope(page, scope);
}

/** Presses Show token in a token view and returns the token it reveals, and the username. */
export async function revealToken(
  page: Page,
  view: string,
): Promise<{ username: string; token: string }> {
  await clickDeep(page, `${view} >>> particle-secret >>> button[part=toggle]`);
  return page.$eval(view, (el) => {
    const root = el.shadowRoot!;
    const secret = root.querySelector('particle-secret')!.shadowRoot!;
    return {
      username: root.querySelector('dd')!.textContent!.trim(),
      token: secret.querySelector('[part=value]')!.textContent!.trim(),
    };
  });
}

/** The list's rows as [name, username, scopes…] text. */
export async function listRows(page: Page): Promise<string[][]> {
  return page.$eval(LIST, (el) => {
    const table = el.shadowRoot!.querySelector('particle-api-user-table');
    const rows = table?.shadowRoot?.querySelectorAll('tr[data-username]') ?? [];
    return [...rows].map((row) => [
      row.querySelector('th')!.textContent!.trim(),
      row.querySelector('.username')!.textContent!.trim(),
      ...[...row.querySelectorAll('code')].map((c) => c.textContent!.trim()),
    ]);
  });
}

/** Waits until some row of the list satisfies `test`. */
export async function waitForRow(page: Page, friendlyName: string, present = true): Promise<void> {
  await page.waitForFunction(
    (list, name, want) => {
      const table = document
        .querySelector(list)
        ?.shadowRoot?.querySelector('particle-api-user-table');
      const names = [...(table?.shadowRoot?.querySelectorAll('tr[data-username] th') ?? [])].map(
        (th) => th.textContent?.trim(),
      );
      return names.includes(name) === want;
    },
    { timeout: 10_000 },
    LIST,
    friendlyName,
    present,
  );
}

/** The status an API-user token gets from the emulator on `path`. */
export async function statusWith(apiBase: string, token: string, path: string): Promise<number> {
  const res = await fetch(`${apiBase}${path}`, { headers: { Authorization: `Bearer ${token}` } });
  return res.status;
}

const artifact = async (name: string) => {
  const dir = join(import.meta.dirname, '../../test-artifacts');
  await mkdir(dir, { recursive: true });
  return join(dir, `${name}.png`) as `${string}.png`;
};

/**
 * Saves a screenshot of one widget as `test-artifacts/<name>.png` — or, with `viewport`,
 * of what the reader sees (a modal dialog sits in the top layer, outside the widget's box).
 */
export async function widgetShot(
  page: Page,
  host: Host,
  name: string,
  viewport = false,
): Promise<void> {
  const path = await artifact(name);
  if (viewport) await page.screenshot({ path });
  else await (await page.$(host))!.screenshot({ path });
}

/** Forces the emulator's next matching request to fail or wait (emulator README, "Faults"). */
export async function fault(
  apiBase: string,
  spec: { method?: string; path: string; status?: number; latencyMs?: number; count?: number },
): Promise<void> {
  const res = await fetch(`${apiBase}/__emulator/faults`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(spec),
  });
  if (!res.ok) throw new Error(`fault not accepted: ${res.status} ${await res.text()}`);
}
