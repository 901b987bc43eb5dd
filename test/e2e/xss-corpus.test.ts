/**
 * The XSS corpus (test/fixtures/xss-corpus.ts) through the emulator's `--data` into every name
 * the widgets render from the API, on one page load, with the pages' CSP sent as a header (the
 * harness): product names (target picker), organization names, API-user friendly names and
 * usernames (the table, the delete dialog, the scope editor). Each payload that could run calls
 * `__xss(n)`; the test fails on any call, any dialog, any element the payloads' markup would
 * make, any CSP violation, and on any name not shown exactly as the API sent it.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type { Page } from 'puppeteer-core';
import { corpus } from '../fixtures/xss-corpus.js';
import {
  CREATE,
  chooseTarget,
  deleteDialogHeading,
  LIST,
  listRows,
  logInAsDemo,
} from './api-user-steps.js';
import { clickDeep, openSeedPage, type Stack, stackForSuite, waitDeep } from './widget-stack.js';

const PAYLOADS = corpus();
const CORPUS_PRODUCT = 6999;
const DEMO = { username: 'demo@example.com', password: 'demo-password' };

/** A --data file: one sandbox product and one organization per payload, and one product whose
 * API users carry every payload as friendly name and in their username. */
function dataFile(): string {
  const owner = {
    owner: DEMO.username,
    team: [{ username: DEMO.username, role: 'Administrator' }],
  };
  const data = {
    users: [DEMO],
    orgs: PAYLOADS.map(({ n, text }) => ({
      slug: `corpus-org-${n}`,
      name: text,
      team: [{ username: DEMO.username, role: 'Administrator' }],
    })),
    products: [
      {
        id: CORPUS_PRODUCT,
        slug: 'corpus',
        name: 'Corpus',
        ...owner,
        apiUsers: PAYLOADS.map(({ n, text }) => ({
          friendlyName: text,
          username: `${text.slice(0, 200)}+c${n}@api.particle.io`,
          scopes: ['devices:list'],
        })),
      },
      ...PAYLOADS.map(({ n, text }) => ({
        id: 7000 + n,
        slug: `corpus-product-${n}`,
        name: text,
        ...owner,
      })),
    ],
  };
  const file = join(mkdtempSync(join(tmpdir(), 'xss-corpus-')), 'corpus.json');
  writeFileSync(file, JSON.stringify(data));
  return file;
}

/** What the payloads' markup would have made, anywhere in the document or its shadow roots. */
function madeFromData(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const tags =
      'script, img, svg, math, iframe, object, embed, video, audio, source, marquee, details, ' +
      'body body, meta[http-equiv=refresh], base, link[rel=import], b, style, [style*="url("]';
    const found: string[] = [];
    const queue: (Document | ShadowRoot)[] = [document];
    while (queue.length) {
      const root = queue.shift()!;
      for (const el of root.querySelectorAll('*')) {
        if (el.shadowRoot) queue.push(el.shadowRoot);
        const handler = [...el.attributes].find((a) => /^on/i.test(a.name));
        const jsUrl = [...el.attributes].find((a) => /^\s*javascript:/i.test(a.value));
        // The page's own script tags (the widget bundle) are not from data.
        const own = el.localName === 'script' && (el as HTMLScriptElement).src.includes('/assets/');
        if (handler || jsUrl || (el.matches(tags) && !own && root !== document)) {
          found.push(el.outerHTML.slice(0, 200));
        }
      }
    }
    return found;
  });
}

/** Option text of a select inside a widget's target picker (`product` or `org`). */
function options(page: Page, host: string, kind: 'product' | 'org'): Promise<string[]> {
  return page.$eval(
    host,
    (el, k) =>
      [
        ...el
          .shadowRoot!.querySelector('particle-target-picker')!
          .shadowRoot!.querySelectorAll(`select#${k} option`),
      ].map((o) => o.textContent!.trim()),
    kind,
  );
}

describe('the XSS corpus through every name the widgets render', () => {
  let stack: Stack;
  stackForSuite(
    (started) => {
      stack = started;
    },
    { dataFile: dataFile() },
  );

  it(`shows ${PAYLOADS.length} payloads as text and runs none of them`, async () => {
    assert.ok(PAYLOADS.length >= 60, `${PAYLOADS.length} payloads`);
    const { page, errors } = await openSeedPage(stack);
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    // The canary every payload calls if it ever runs, there from the first script on.
    await page.evaluateOnNewDocument(() => {
      const w = window as unknown as { __xss: (n: number) => void; __xssRan: number[] };
      w.__xssRan = [];
      w.__xss = (n) => w.__xssRan.push(n);
    });
    const response = await page.reload({ waitUntil: 'networkidle0' });
    assert.match(response?.headers()['content-security-policy'] ?? '', /script-src 'self'/);
    await logInAsDemo(page);

    // Product names, in the create widget's picker: "<name> (<id>)", exactly.
    await waitDeep(page, `${CREATE} >>> particle-target-picker >>> select#product`);
    const products = await options(page, CREATE, 'product');
    for (const { n, text } of PAYLOADS) {
      assert.ok(products.includes(`${text} (${7000 + n})`), `product name of payload ${n}`);
    }
    // Organization names, in the list widget's picker.
    await chooseTarget(page, LIST, { kind: 'org', id: stack.emulator.state.orgs[0]!.id });
    const orgs = await options(page, LIST, 'org');
    for (const { n, text } of PAYLOADS)
      assert.ok(
        orgs.some((o) => o.startsWith(text)),
        `org ${n}`,
      );

    // Friendly names and usernames, in the table.
    await chooseTarget(page, LIST, { kind: 'product', id: String(CORPUS_PRODUCT) });
    await clickDeep(page, `${LIST} >>> form button[type=submit]:not([disabled])`);
    await page.waitForFunction(
      (list, count) =>
        (document
          .querySelector(list)
          ?.shadowRoot?.querySelector('particle-api-user-table')
          ?.shadowRoot?.querySelectorAll('tr[data-username]').length ?? 0) >= count,
      { timeout: 20_000 },
      LIST,
      PAYLOADS.length,
    );
    const rows = await listRows(page);
    for (const { n, text } of PAYLOADS) {
      const row = rows.find((r) => r[1] === `${text.slice(0, 200)}+c${n}@api.particle.io`.trim());
      assert.ok(row, `the row of payload ${n}`);
      assert.equal(row[0], text.trim(), `friendly name of payload ${n}`);
    }

    // The delete dialog and the scope editor name a few of them as text.
    for (const { text } of PAYLOADS.slice(0, 6)) {
      await page.$eval(
        LIST,
        (el, name) => {
          const table = el.shadowRoot!.querySelector('particle-api-user-table')!.shadowRoot!;
          const buttons = [...table.querySelectorAll('button')];
          buttons.find((b) => b.getAttribute('aria-label') === `Delete ${name}`)!.click();
        },
        text,
      );
      assert.equal(await deleteDialogHeading(page), `Delete API user “${text}”?`);
      await page.keyboard.press('Escape');
      await waitDeep(page, `${LIST} >>> particle-confirm-dialog >>> dialog[open]`, true);
    }

    assert.deepEqual(
      await page.evaluate(() => (window as unknown as { __xssRan: number[] }).__xssRan),
      [],
    );
    assert.deepEqual(dialogs, []);
    assert.deepEqual(await madeFromData(page), []);
    assert.deepEqual(errors, []);
    await page.close();
  });
});
