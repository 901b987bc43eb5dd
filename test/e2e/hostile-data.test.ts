/**
 * The API-user widgets against an emulator started on a `--data` file whose product,
 * organization and user names are HTML and script (test/fixtures/emulator/hostile-names.json):
 * nothing executes, no element is created from them, and they show exactly as typed —
 * in the target picker, the table, the dialog, and for a hostile name the reader types.
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type { Page } from 'puppeteer-core';
import {
  CREATE,
  chooseTarget,
  deleteDialogHeading,
  fillCreate,
  LIST,
  listRows,
  logInAsDemo,
  waitForRow,
  widgetShot,
} from './api-user-steps.js';
import { clickDeep, openSeedPage, type Stack, stackForSuite, waitDeep } from './widget-stack.js';

const DATA = join(import.meta.dirname, '../fixtures/emulator/hostile-names.json');
const TYPED = `<img src=x onerror="alert('typed')">Typed`;

/** Every element inside the API-user widgets, at any shadow depth, that markup could have made. */
function injectedElements(page: Page): Promise<string[]> {
  return page.evaluate(
    (hosts) => {
      const found: string[] = [];
      const queue: (Document | ShadowRoot)[] = hosts.flatMap((h) =>
        [...document.querySelectorAll(h)].flatMap((el) => (el.shadowRoot ? [el.shadowRoot] : [])),
      );
      while (queue.length) {
        const root = queue.shift()!;
        for (const el of root.querySelectorAll(
          'script, img, svg, b, iframe, [onerror], [onload], [onmouseover]',
        )) {
          found.push(el.outerHTML);
        }
        for (const el of root.querySelectorAll('*')) if (el.shadowRoot) queue.push(el.shadowRoot);
      }
      return found;
    },
    [CREATE, LIST],
  );
}

describe('API-user widgets with hostile names from the API', () => {
  let stack: Stack;
  stackForSuite(
    (started) => {
      stack = started;
    },
    { dataFile: DATA },
  );

  it('shows every name as typed and runs none of it', async () => {
    const { page, errors } = await openSeedPage(stack);
    const alerts: string[] = [];
    page.on('dialog', (dialog) => {
      alerts.push(dialog.message());
      void dialog.dismiss();
    });
    await logInAsDemo(page);

    // Target picker: product and organization names are option text.
    await waitDeep(page, `${CREATE} >>> particle-target-picker >>> select#product`);
    const options = await page.$eval(CREATE, (el) => {
      const picker = el.shadowRoot!.querySelector('particle-target-picker')!.shadowRoot!;
      return {
        products: [...picker.querySelectorAll('option')].map((o) => o.textContent!.trim()),
        groups: [...picker.querySelectorAll('optgroup')].map((g) => g.label),
      };
    });
    assert.ok(
      options.products.includes('<script>alert("product")</script> (666)'),
      options.products.join('\n'),
    );
    assert.ok(
      options.groups.includes(`<b onmouseover="alert('org')">Evil & Co</b>`),
      options.groups.join('\n'),
    );

    // The product's API users, listed.
    await chooseTarget(page, LIST, { kind: 'product', id: '666' });
    await clickDeep(page, `${LIST} >>> form button[type=submit]:not([disabled])`);
    await waitForRow(page, "<script>alert('api-user')</script>");
    const names = (await listRows(page)).map((row) => row[0]);
    assert.ok(names.includes("Quote ' and ampersand &"));
    const caption = await page.$eval(
      LIST,
      (el) =>
        el
          .shadowRoot!.querySelector('particle-api-user-table')!
          .shadowRoot!.querySelector('caption')!.textContent,
    );
    assert.equal(caption, 'API users of the product “<script>alert("product")</script>” (666)');
    await widgetShot(page, LIST, 'hostile-list-product');

    // The dialog names the hostile user as text.
    await clickDeep(
      page,
      `${LIST} >>> button[aria-label="Delete <script>alert('api-user')</script>"]`,
    );
    assert.equal(
      await deleteDialogHeading(page),
      `Delete API user “<script>alert('api-user')</script>”?`,
    );
    await widgetShot(page, LIST, 'hostile-delete-dialog');
    await page.keyboard.press('Escape');

    // The organization's team, and a hostile name the reader types.
    const org = stack.emulator.state.orgs.find((o) => o.slug === 'evil-org')!;
    await chooseTarget(page, LIST, { kind: 'org', id: org.id });
    await clickDeep(page, `${LIST} >>> form button[type=submit]:not([disabled])`);
    await waitForRow(page, `"><svg onload=alert('org-api')>`);

    await chooseTarget(page, CREATE, { kind: 'org', id: org.id });
    await fillCreate(page, TYPED, ['devices:list']);
    await clickDeep(page, `${CREATE} >>> [part=submit]:not([disabled])`);
    await waitForRow(page, TYPED); // the list shows the org, so it reloads by itself
    const status = await page.$eval(
      CREATE,
      (el) => el.shadowRoot!.querySelector('[part=status]')!.textContent,
    );
    assert.match(
      status!,
      /Created API user “<img src=x onerror="alert\('typed'\)">Typed” in the organization “<b onmouseover="alert\('org'\)">Evil & Co<\/b>”/,
    );
    await widgetShot(page, CREATE, 'hostile-create-result');
    await widgetShot(page, LIST, 'hostile-list-org');

    assert.deepEqual(await injectedElements(page), []);
    assert.deepEqual(alerts, []);
    assert.deepEqual(errors, []);
    await page.close();
  });
});
