/**
 * Steps on the seed page's API-user widgets for the end-to-end suites: log in through
 * `<particle-sso>`, choose a target, fill the create form, read the token shown once,
 * and read the list's rows.
 * Selectors pierce shadow roots with puppeteer's `>>>`.
 */
import type { Page } from 'puppeteer-core';
import { artifactPath } from './harness.js';
import {
  clickDeep,
  DEMO,
  LOGGED_IN,
  openSeedPage,
  type Stack,
  ssoLogIn,
  waitDeep,
  waitForText,
} from './widget-stack.js';

export const CREATE = 'particle-api-user-create';
export const LIST = 'particle-api-user-list';
export type Host = typeof CREATE | typeof LIST;
type Target = { kind: 'product' | 'org'; id: string };

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

/** Opens the seed page in a fresh context, logged in as the demo account. */
export async function openLoggedIn(stack: Stack) {
  const opened = await openSeedPage(stack);
  await logInAsDemo(opened.page);
  return opened;
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

/** Waits for the list's delete dialog to open and returns its heading's text. */
export async function deleteDialogHeading(page: Page): Promise<string> {
  await waitDeep(page, `${LIST} >>> particle-confirm-dialog >>> dialog[open]`);
  return page.$eval(
    LIST,
    (el) =>
      el.shadowRoot!.querySelector('particle-confirm-dialog')!.shadowRoot!.querySelector('h2')!
        .textContent ?? '',
  );
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
  const path = await artifactPath(name);
  if (viewport) await page.screenshot({ path });
  else await (await page.$(host))!.screenshot({ path });
}

/** Presses List API users (the preselected first product) and waits for the table. */
export async function listFirstTarget(page: Page): Promise<void> {
  await clickDeep(page, `${LIST} >>> form button[type=submit]:not([disabled])`);
  await waitDeep(page, `${LIST} >>> particle-api-user-table`);
}

/** The focused control at any shadow depth: its part, accessible label (or text) and aria-label. */
function focusedControl(page: Page) {
  return page.evaluate(() => {
    let el = document.activeElement;
    while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
    const input = el as HTMLInputElement | null;
    return {
      part: el?.getAttribute('part') ?? '',
      label: input?.labels?.[0]?.textContent?.trim() ?? el?.textContent?.trim() ?? '',
      ariaLabel: el?.getAttribute('aria-label') ?? '',
    };
  });
}

type Focused = Awaited<ReturnType<typeof focusedControl>>;

/** Waits (up to 10 s) until the focused control satisfies `test`. */
export async function waitForFocus(page: Page, test: (f: Focused) => boolean, what: string) {
  const until = Date.now() + 10_000;
  let last = await focusedControl(page);
  while (!test(last)) {
    if (Date.now() > until) throw new Error(`Focus never reached ${what}: ${JSON.stringify(last)}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
    last = await focusedControl(page);
  }
}

/** Presses Tab until the focused control's label (or text) is `label`. */
export async function tabTo(page: Page, label: string): Promise<void> {
  for (let i = 0; i < 40 && (await focusedControl(page)).label !== label; i++) {
    await page.keyboard.press('Tab');
  }
  await waitForFocus(page, (f) => f.label === label, label);
}
