/**
 * The XSS corpus as the API's own words: for each widget action, a fault whose custom error body
 * (emulator README, "Faults") carries a payload in `error_description`, `error` or `info`, and the
 * sentence the reader then sees. A widget that quotes the API must show the payload exactly where
 * it shows harmless words; one that says its own sentence must show none of it.
 */
import assert from 'node:assert/strict';
import type { Page } from 'puppeteer-core';
import type { Payload } from '../fixtures/xss-corpus.js';
import { CREATE, chooseTarget, LIST, logInAsDemo, tickScope } from './api-user-steps.js';
import { clickDeep, DEMO, forceFault, SSO_STATUS, type Stack, waitDeep } from './widget-stack.js';
import { CORPUS_PRODUCT, PLAIN_PRODUCT, UNLISTED } from './xss-corpus-data.js';
import type { XssTrap } from './xss-trap.js';
import { cancelEditor, quoting, textAt } from './xss-walk.js';

type Fault = Parameters<typeof forceFault>[1];

interface ErrorCase {
  state: string;
  /** Prepares the form once (fields filled, editor open); the page is logged in or not. */
  setUp: (page: Page, stack: Stack) => Promise<void>;
  /** The fault whose body carries `text`. */
  fault: (text: string) => Fault;
  /** Sends the request (one click, or a click and a confirmation). */
  act: (page: Page) => Promise<void>;
  /** Where the sentence appears. */
  sentence: string;
  /** Matches once the widget is idle again (its button usable). */
  idle: string;
}

/**
 * Clicks a button as a script would (`click()`): the cases press the same button dozens of
 * times, and puppeteer's pointer click waits for a stable layout each time.
 */
async function press(page: Page, selector: string): Promise<void> {
  const button = await page.$(selector);
  if (!button) throw new Error(`Nothing to press: ${selector}`);
  await button.evaluate((el) => (el as HTMLElement).click());
}

const SSO_SUBMIT = 'particle-sso form[part=form] button[type=submit]';
const TOKEN_WIDGET = 'particle-create-token';
const app = (text: string) => ({ ok: false, error: text, info: `info: ${text}` });
const oauth = (text: string, error = 'access_denied') => ({ error, error_description: text });

/** Logged out: the sso form (password and token) and the create-token form. */
const LOGGED_OUT: ErrorCase[] = [
  {
    state: 'sso login refused',
    setUp: async (page) => {
      await page.locator('particle-sso input[name=username]').fill(DEMO.username);
      await page.locator('particle-sso input[name=password]').fill('any password');
    },
    fault: (text) => ({
      method: 'POST',
      path: '/oauth/token',
      status: 400,
      body: oauth(text, 'invalid_grant'),
    }),
    act: (page) => press(page, SSO_SUBMIT),
    sentence: SSO_STATUS,
    idle: `${SSO_SUBMIT}:not([disabled])`,
  },
  {
    state: 'sso token refused',
    setUp: async (page) => {
      await page.locator('particle-sso .mode-switch').click();
      await page.locator('particle-sso input[name=token]').fill('0123456789abcdef'.repeat(3));
    },
    fault: (text) => ({ method: 'GET', path: '/v1/user', status: 403, body: oauth(text) }),
    act: (page) => press(page, SSO_SUBMIT),
    sentence: SSO_STATUS,
    idle: `${SSO_SUBMIT}:not([disabled])`,
  },
  {
    state: 'create-token refused',
    setUp: async (page) => {
      await page.locator(`${TOKEN_WIDGET} >>> input[name=username]`).fill(DEMO.username);
      await page.locator(`${TOKEN_WIDGET} >>> input[name=password]`).fill(DEMO.password);
    },
    fault: (text) => ({ method: 'POST', path: '/oauth/token', status: 403, body: oauth(text) }),
    act: (page) => press(page, `${TOKEN_WIDGET} >>> form[part=form] button[type=submit]`),
    sentence: `${TOKEN_WIDGET} >>> [role=status]`,
    idle: `${TOKEN_WIDGET} >>> form[part=form] button[type=submit]:not([disabled])`,
  },
];

const LIST_SUBMIT = `${LIST} >>> form button[type=submit]`;
const EDITOR = `${LIST} >>> particle-api-user-editor`;
const TEAM = `/v1/products/${CORPUS_PRODUCT}/team`;

const PICKER = `${CREATE} >>> particle-target-picker`;

/**
 * Logged in as demo, the list showing the corpus product. Listing comes late (it may drop the
 * table), the product picker last (its failure leaves the create form without a target).
 */
const LOGGED_IN: ErrorCase[] = [
  {
    state: 'create refused',
    setUp: async (page) => {
      await chooseTarget(page, CREATE, { kind: 'product', id: String(PLAIN_PRODUCT.id) });
      await page.locator(`${CREATE} >>> #friendly-name`).fill('Refused bot');
      await tickScope(page, 'devices:get');
    },
    // A hostile `error` code too: the code is never shown, only the description.
    fault: (text) => ({
      method: 'POST',
      path: `/v1/products/${PLAIN_PRODUCT.id}/team`,
      status: 400,
      body: oauth(text, `code ${text}`),
    }),
    act: (page) => press(page, `${CREATE} >>> form button[type=submit]:not([disabled])`),
    sentence: `${CREATE} >>> [role=status]`,
    idle: `${CREATE} >>> form button[type=submit]:not([disabled])`,
  },
  {
    state: 'scope save refused',
    setUp: async (page) => {
      await clickDeep(
        page,
        `${LIST} >>> particle-api-user-table >>> button[aria-label="Edit scopes of ${UNLISTED.friendlyName}"]`,
      );
      await waitDeep(page, `${EDITOR} >>> particle-scope-picker`);
      await tickScope(page, 'devices:get', LIST);
    },
    fault: (text) => ({ method: 'PUT', path: `${TEAM}/*`, status: 400, body: app(text) }),
    act: (page) => press(page, `${EDITOR} >>> button[type=submit]:not([disabled])`),
    sentence: `${EDITOR} >>> .error`,
    idle: `${EDITOR} >>> button[type=submit]:not([disabled])`,
  },
  {
    state: 'delete refused',
    // The editor of the previous case would hold the row.
    setUp: cancelEditor,
    fault: (text) => ({ method: 'DELETE', path: `${TEAM}/*`, status: 403, body: oauth(text) }),
    act: async (page) => {
      await clickDeep(
        page,
        `${LIST} >>> particle-api-user-table >>> button[aria-label="Delete ${UNLISTED.friendlyName}"]:not([disabled])`,
      );
      await clickDeep(
        page,
        `${LIST} >>> particle-confirm-dialog >>> dialog[open] button[part=confirm]`,
      );
    },
    sentence: `${LIST} >>> [role=status]`,
    idle: `${LIST} >>> particle-api-user-table >>> button[data-action=delete]:not([disabled])`,
  },
  {
    state: 'list refused',
    setUp: async () => {},
    fault: (text) => ({ method: 'GET', path: TEAM, status: 404, body: app(text) }),
    act: (page) => press(page, `${LIST_SUBMIT}:not([disabled])`),
    sentence: `${LIST} >>> [role=status]`,
    idle: `${LIST_SUBMIT}:not([disabled])`,
  },
  {
    state: 'product picker refused',
    // The pickers load as the page opens with the session: make both fail, then Try again.
    setUp: async (page, stack) => {
      await forceFault(stack, { method: 'GET', path: '/v1/user/products', status: 500, count: 2 });
      await page.reload({ waitUntil: 'networkidle0' });
      await waitDeep(page, `${PICKER} >>> .actions button`);
      await fetch(`${stack.emulator.url}/__emulator/faults`, { method: 'DELETE' });
    },
    fault: (text) => ({ method: 'GET', path: '/v1/user/products', status: 403, body: oauth(text) }),
    act: (page) => press(page, `${PICKER} >>> .actions button`),
    sentence: `${PICKER} >>> p.error`,
    idle: `${PICKER} >>> .actions button`,
  },
];

/** Waits until the emulator has taken every pending fault (the request reached it). */
async function faultTaken(stack: Stack, what: string): Promise<void> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const res = await fetch(`${stack.emulator.url}/__emulator/faults`);
    const { faults } = (await res.json()) as { faults: unknown[] };
    if (faults.length === 0) return;
    if (Date.now() > deadline) throw new Error(`${what}: the request never reached the emulator`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** One action with one fault: the sentence the reader sees once the widget is idle again. */
async function sentenceFor(page: Page, stack: Stack, c: ErrorCase, text: string, what: string) {
  await forceFault(stack, c.fault(text));
  await c.act(page);
  await faultTaken(stack, what);
  await waitDeep(page, c.idle);
  return (await textAt(page, c.sentence)).trim();
}

/**
 * Runs every case, each with its share of `payloads` (payload i goes to case (i + offset) mod
 * the number of cases), logged out first, then logged in as demo with the corpus product listed.
 */
export async function walkErrorSentences(
  page: Page,
  trap: XssTrap,
  stack: Stack,
  payloads: Payload[],
  offset: number,
): Promise<void> {
  const cases = [...LOGGED_OUT, ...LOGGED_IN];
  const runCase = async (c: ErrorCase, index: number) => {
    await trap.state(`${c.state}, set up`);
    await c.setUp(page, stack);
    const benign = 'harmless words from the API';
    const template = await sentenceFor(page, stack, c, benign, c.state);
    assert.ok(template, `${c.state}: no sentence at all`);
    for (const [i, { n, text }] of payloads.entries()) {
      if ((i + offset) % cases.length !== index) continue;
      const state = `${c.state}, payload ${n}`;
      await trap.state(state);
      const shown = await sentenceFor(page, stack, c, text, state);
      trap.assertClean(state);
      assert.equal(shown, quoting(template, benign, text), state);
    }
  };
  for (const [index, c] of LOGGED_OUT.entries()) await runCase(c, index);
  await trap.state('login');
  await page.reload({ waitUntil: 'networkidle0' });
  await logInAsDemo(page);
  await chooseTarget(page, LIST, { kind: 'product', id: String(CORPUS_PRODUCT) });
  await clickDeep(page, `${LIST_SUBMIT}:not([disabled])`);
  await waitDeep(page, `${LIST} >>> particle-api-user-table`);
  for (const [index, c] of LOGGED_IN.entries()) await runCase(c, LOGGED_OUT.length + index);
}
