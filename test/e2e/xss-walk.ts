/**
 * Steps of the XSS corpus suite that read what a reader sees, in bulk: one page evaluation
 * walks every payload through a state (the delete dialog, the scope filter), so 73 payloads
 * cost one round trip to the browser, not 73.
 */
import type { Page } from 'puppeteer-core';
import type { Payload } from '../fixtures/xss-corpus.js';
import { CREATE, LIST } from './api-user-steps.js';
import { waitDeep } from './widget-stack.js';

/** The text of a `>>>` selector's element (no whitespace folding: the payloads have their own). */
export function rawText(page: Page, selector: string): Promise<string> {
  return page.$eval(selector, (el) => el.textContent ?? '');
}

/** The text of a `>>>` selector's element, or '' while there is none. */
export async function textAt(page: Page, selector: string): Promise<string> {
  const handle = await page.$(selector);
  return handle ? handle.evaluate((el) => el.textContent ?? '') : '';
}

/**
 * `sentence` with `shown` where the test put `placeholder`: how a sentence that quotes data
 * must read, taken from the same widget with harmless data, so no widget wording is copied here.
 */
export const quoting = (sentence: string, placeholder: string, shown: string) =>
  sentence.replace(placeholder, () => shown);

/**
 * Opens the list's delete dialog for each API user named by a payload and returns its heading
 * and message, as [payload n, heading, message]; Cancel closes it each time.
 */
export function deleteDialogs(page: Page, payloads: Payload[]) {
  return page.$eval(
    LIST,
    async (list, named) => {
      const table = list.shadowRoot!.querySelector('particle-api-user-table')!.shadowRoot!;
      const dialog = list.shadowRoot!.querySelector('particle-confirm-dialog')!.shadowRoot!;
      // Assigned, not declared: tsx would wrap a declared function in a `__name` the page lacks.
      const t = {} as { until: (ready: () => boolean, what: string) => Promise<void> };
      t.until = async (ready, what) => {
        const deadline = Date.now() + 10_000;
        while (!ready()) {
          if (Date.now() > deadline) throw new Error(`delete dialog: ${what}`);
          await new Promise((resolve) => setTimeout(resolve, 5));
        }
      };
      const seen: [number, string, string][] = [];
      for (const { n, text } of named) {
        const button = [...table.querySelectorAll('button[data-action=delete]')].find(
          (b) => b.getAttribute('aria-label') === `Delete ${text}`,
        ) as HTMLButtonElement | undefined;
        if (!button) throw new Error(`delete dialog: no Delete button named after payload ${n}`);
        button.click();
        await t.until(() => !!dialog.querySelector('dialog[open]'), `payload ${n} never opened it`);
        await t.until(() => dialog.querySelector('h2')?.textContent !== '', 'no heading');
        seen.push([
          n,
          dialog.querySelector('h2')!.textContent ?? '',
          dialog.querySelector('#message')!.textContent ?? '',
        ]);
        dialog.querySelector<HTMLButtonElement>('button[part=cancel]')!.click();
        await t.until(() => !dialog.querySelector('dialog[open]'), `payload ${n}: still open`);
      }
      return seen;
    },
    payloads,
  );
}

/** Presses Cancel in the list's open scope editor and waits until it is gone. */
export async function cancelEditor(page: Page): Promise<void> {
  await page.$eval(LIST, (el) =>
    el
      .shadowRoot!.querySelector('particle-api-user-editor')
      ?.shadowRoot?.querySelector<HTMLButtonElement>('.actions button:not([type=submit])')
      ?.click(),
  );
  await waitDeep(page, `${LIST} >>> particle-api-user-editor`, true);
}

/** The open scope editor's picker, inside the list. */
const PICKER = `${LIST} >>> particle-api-user-editor >>> particle-scope-picker`;

/** The "Other" group (scopes the catalogue lacks) of the open scope editor: label texts, ticks. */
export function otherScopes(page: Page): Promise<{ name: string; checked: boolean }[]> {
  return page.$eval(PICKER, async (picker) => {
    // Groups render a few per task: wait for all of them.
    await (picker as HTMLElement & { updateComplete: Promise<boolean> }).updateComplete;
    const groups = [...picker.shadowRoot!.querySelectorAll('fieldset')];
    const other = groups.find((g) =>
      g.querySelector('legend')?.textContent?.trim().startsWith('Other'),
    );
    return [...(other?.querySelectorAll('li') ?? [])].map((li) => ({
      name: li.querySelector('label')?.textContent ?? '',
      checked: li.querySelector('input')!.checked,
    }));
  });
}

/**
 * Types each query into the editor's Filter scopes field (as an `input` event, the way typing
 * ends) and returns, per query, what the field holds (a search field drops line breaks), the
 * scope labels shown and the "nothing matches" line, if any.
 */
export function filterScopes(page: Page, queries: string[]) {
  return page.$eval(
    PICKER,
    async (el, all) => {
      const picker = el as HTMLElement & { updateComplete: Promise<boolean> };
      const root = picker.shadowRoot!;
      const input = root.querySelector<HTMLInputElement>('input[type=search]')!;
      const results: { value: string; labels: string[]; empty: string | null }[] = [];
      for (const query of all) {
        input.value = query;
        input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
        await picker.updateComplete;
        results.push({
          value: input.value,
          labels: [...root.querySelectorAll('fieldset label')].map((l) => l.textContent ?? ''),
          empty: root.querySelector('.empty')?.textContent ?? null,
        });
      }
      return results;
    },
    queries,
  );
}

/**
 * Creates one API user per entry with the create widget (target product, friendly name, the
 * scopes already ticked, Create) and returns the status sentence each one ends with.
 */
export function createApiUsers(page: Page, entries: { product: number; name: string }[]) {
  return page.$eval(
    CREATE,
    async (el, all) => {
      const widget = el as HTMLElement & { updateComplete: Promise<boolean> };
      const root = widget.shadowRoot!;
      const picker = root.querySelector('particle-target-picker')!.shadowRoot!;
      const status = root.querySelector('[role=status]')!;
      const t = {} as { until: (ready: () => boolean, what: string) => Promise<void> };
      t.until = async (ready, what) => {
        const deadline = Date.now() + 20_000;
        while (!ready()) {
          if (Date.now() > deadline) throw new Error(`create: ${what}`);
          await new Promise((resolve) => setTimeout(resolve, 5));
        }
      };
      const shown: string[] = [];
      for (const { product, name } of all) {
        const select = picker.querySelector<HTMLSelectElement>('select#product')!;
        select.value = String(product);
        select.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
        const field = root.querySelector<HTMLInputElement>('#friendly-name')!;
        field.value = name;
        field.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
        await widget.updateComplete;
        const before = status.textContent;
        const submit = root.querySelector<HTMLButtonElement>('form button[type=submit]')!;
        await t.until(() => !submit.disabled, `${name.slice(0, 40)}: Create stays disabled`);
        submit.click();
        await t.until(
          () =>
            status.textContent !== before &&
            !(status.textContent ?? '').trim().startsWith('Creating API user'),
          `${name.slice(0, 40)}: no sentence`,
        );
        shown.push((status.textContent ?? '').trim());
      }
      return shown;
    },
    entries,
  );
}
