/**
 * The XSS corpus (test/fixtures/xss-corpus.ts) through every string the widgets render from the
 * API. Through the emulator's `--data`: product and org names (pickers, sentences), API users'
 * friendly names and usernames (table, delete dialog), scopes outside the catalogue (table, scope
 * editor, its filter, the emulator's refusal to save them), the names in the created-user
 * sentence, and people's usernames after a token login (sso and header "Logged in as", the
 * create-token form, the logout sentence, the next login's email). Through faults with custom
 * error bodies: `error_description`, `error` and `info` in each widget's error sentence
 * (xss-error-walk.ts).
 *
 * Each walk runs twice: with the pages' CSP as sent (header and meta; the harness fails on any
 * violation) and with CSP bypassed, where only the widgets stand between a payload and the page.
 * The trap (xss-trap.ts) records any `__xss(n)` call, any element or attribute markup in data
 * would make, and any dialog, each named by state and payload; and each state must show the text
 * as typed. The costly states (a request or a dialog per payload) take half the corpus per pass,
 * odd or even payloads, so each payload goes through each of them once (logins: a tenth per
 * pass); the bulk states take all of it in both.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Page } from 'puppeteer-core';
import { corpus, type Payload } from '../fixtures/xss-corpus.js';
import { CREATE, chooseTarget, LIST, listRows, logInAsDemo, tickScope } from './api-user-steps.js';
import {
  clickDeep,
  openSeedPage,
  type Stack,
  stackForSuite,
  unexpectedErrors,
  waitDeep,
} from './widget-stack.js';
import {
  apiUsernameOf,
  CORPUS_PRODUCT,
  PLAIN_PRODUCT,
  productOf,
  UNLISTED,
  writeCorpusData,
} from './xss-corpus-data.js';
import { walkErrorSentences } from './xss-error-walk.js';
import { installXssTrap, type XssTrap } from './xss-trap.js';
import { walkUsernames } from './xss-username-walk.js';
import {
  cancelEditor,
  createApiUsers,
  deleteDialogs,
  filterScopes,
  otherScopes,
  quoting,
  rawText,
} from './xss-walk.js';

const PAYLOADS = corpus();
const MODES = ['CSP enforced', 'CSP bypassed'] as const;
type Mode = (typeof MODES)[number];
/** The half of the corpus a pass sends through the states that cost a request per payload. */
const share = (mode: Mode) => PAYLOADS.filter(({ n }) => n % 2 === (mode === MODES[0] ? 1 : 0));
/** The accounts a pass logs in as (a login and a logout each): a tenth of the corpus, the longest too. */
const loginShare = (mode: Mode) =>
  PAYLOADS.filter(({ n }) => n % 10 === (mode === MODES[0] ? 1 : 6) || n === PAYLOADS.length - 1);
const BENIGN = 'benign words';

interface Trapped {
  page: Page;
  trap: XssTrap;
  done(): Promise<void>;
}

/** The seed page with the trap installed before its first script, in `mode`. */
async function openTrapped(stack: Stack, mode: Mode): Promise<Trapped> {
  const { page, errors } = await openSeedPage(stack);
  const trap = await installXssTrap(page, PAYLOADS, stack.site.url);
  await page.setBypassCSP(mode === 'CSP bypassed');
  const response = await page.reload({ waitUntil: 'networkidle0' });
  assert.match(response?.headers()['content-security-policy'] ?? '', /script-src 'self'/);
  return {
    page,
    trap,
    done: async () => {
      await trap.state('end');
      assert.deepEqual(trap.findings, [], `${mode}: what the corpus made or ran`);
      assert.deepEqual(unexpectedErrors(errors, stack), [], `${mode}: page errors`);
      await page.browserContext().close();
    },
  };
}

async function walkPickersAndTable(page: Page, trap: XssTrap, stack: Stack, half: Payload[]) {
  await trap.state('product picker');
  await waitDeep(page, `${CREATE} >>> particle-target-picker >>> select#product`);
  const products = await optionTexts(page, CREATE, 'product');
  trap.assertClean('product picker');
  for (const { n, text } of PAYLOADS)
    assert.ok(products.includes(`${text} (${productOf(n)})`), `product picker: payload ${n}`);

  await trap.state('organization picker');
  await chooseTarget(page, LIST, { kind: 'org', id: stack.emulator.state.orgs[0]!.id });
  const orgs = await optionTexts(page, LIST, 'org');
  trap.assertClean('organization picker');
  for (const { n, text } of PAYLOADS)
    assert.ok(orgs.includes(`${text} (corpus-org-${n})`), `organization picker: payload ${n}`);

  await trap.state('list table');
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
    PAYLOADS.length + 1,
  );
  const rows = await listRows(page);
  trap.assertClean('list table');
  assert.equal(rows.length, PAYLOADS.length + 1, 'list table: API users only, no people');
  for (const payload of PAYLOADS) {
    const row = rows.find((r) => r[1] === apiUsernameOf(payload).trim());
    assert.ok(row, `list table: the row of payload ${payload.n}`);
    assert.equal(row[0], payload.text.trim(), `list table: friendly name of payload ${payload.n}`);
  }
  const unlisted = rows.find((r) => r[0] === UNLISTED.friendlyName)!;
  assert.deepEqual(
    unlisted.slice(2),
    ['devices:list', ...PAYLOADS.map((p) => p.text.trim())],
    'list table: the unlisted scopes, folded or not',
  );

  await trap.state('delete dialog');
  const [[, heading, message]] = await deleteDialogs(page, [{ n: 0, text: UNLISTED.friendlyName }]);
  const dialogs = await deleteDialogs(page, half);
  trap.assertClean('delete dialog');
  for (const [n, shownHeading, shownMessage] of dialogs) {
    const payload = PAYLOADS[n - 1]!;
    assert.equal(
      shownHeading,
      quoting(heading!, UNLISTED.friendlyName, payload.text),
      `delete dialog heading: payload ${n}`,
    );
    assert.equal(
      shownMessage,
      quoting(message!, UNLISTED.username, apiUsernameOf(payload)),
      `delete dialog message: payload ${n}`,
    );
  }
}

/** Option texts of a select in a widget's target picker. */
function optionTexts(page: Page, host: string, kind: 'product' | 'org'): Promise<string[]> {
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

async function walkScopeEditor(page: Page, trap: XssTrap) {
  await trap.state('scope editor');
  await clickDeep(
    page,
    `${LIST} >>> particle-api-user-table >>> button[aria-label="Edit scopes of ${UNLISTED.friendlyName}"]`,
  );
  await waitDeep(page, `${LIST} >>> particle-api-user-editor >>> particle-scope-picker`);
  const other = await otherScopes(page);
  trap.assertClean('scope editor');
  assert.deepEqual(
    other.map((s) => s.name),
    PAYLOADS.map((p) => p.text),
    'scope editor: the Other group names every unlisted scope as typed',
  );
  assert.ok(
    other.every((s) => s.checked),
    'scope editor: every unlisted scope is ticked',
  );

  await trap.state('scope filter, typed');
  const typed = PAYLOADS[3]!; // `<img src=x onerror=__xss(4)>`: short enough to type key by key
  await page
    .locator(
      `${LIST} >>> particle-api-user-editor >>> particle-scope-picker >>> input[type=search]`,
    )
    .fill(typed.text);
  await page.$eval(
    `${LIST} >>> particle-api-user-editor >>> particle-scope-picker`,
    (picker) => (picker as HTMLElement & { updateComplete: Promise<boolean> }).updateComplete,
  );
  assert.ok(
    (await otherScopes(page)).some((s) => s.name === typed.text),
    `scope filter, typed: payload ${typed.n} is shown`,
  );

  await trap.state('scope filter');
  const nothing = ' — matches no scope';
  const [benign] = await filterScopes(page, [`${BENIGN}${nothing}`]);
  const results = await filterScopes(page, [
    ...PAYLOADS.map((p) => p.text),
    ...PAYLOADS.map((p) => `${p.text}${nothing}`),
  ]);
  trap.assertClean('scope filter');
  PAYLOADS.forEach(({ n, text }, i) => {
    const { value, labels } = results[i]!;
    // What the reader can type: a search field keeps no line breaks (HTML's value sanitization).
    assert.equal(value, text.replace(/[\r\n]/g, ''), `scope filter: payload ${n} as typed`);
    if (value === text) assert.ok(labels.includes(text), `scope filter: payload ${n} is shown`);
    const none = results[PAYLOADS.length + i]!;
    assert.equal(
      none.empty,
      quoting(benign!.empty!, `${BENIGN}${nothing}`, none.value),
      `scope filter, nothing matches: payload ${n}`,
    );
  });
  await filterScopes(page, ['']);

  // Saving sends the unlisted scopes back: the emulator refuses the first, naming it.
  await trap.state('scope editor, save refused');
  await tickScope(page, 'devices:list', LIST);
  await clickDeep(
    page,
    `${LIST} >>> particle-api-user-editor >>> button[type=submit]:not([disabled])`,
  );
  await waitDeep(page, `${LIST} >>> particle-api-user-editor >>> .error`);
  const refused = await rawText(page, `${LIST} >>> particle-api-user-editor >>> .error`);
  trap.assertClean('scope editor, save refused');
  assert.ok(
    refused.includes(`Unknown scope: ${JSON.stringify(PAYLOADS[0]!.text)}`),
    `scope editor, save refused: payload 1 is quoted as text: ${refused}`,
  );
  await cancelEditor(page);
}

/** Creates one API user per payload (its friendly name), each in the product named by it. */
async function walkCreated(page: Page, trap: XssTrap, payloads: Payload[]) {
  await trap.state('created API user');
  await tickScope(page, 'devices:list');
  const [template] = await createApiUsers(page, [{ product: PLAIN_PRODUCT.id, name: BENIGN }]);
  const plain = `“${PLAIN_PRODUCT.name}” (${PLAIN_PRODUCT.id})`;
  const shown = await createApiUsers(
    page,
    payloads.map(({ n, text }) => ({ product: productOf(n), name: text })),
  );
  trap.assertClean('created API user');
  payloads.forEach(({ n, text }, i) => {
    // The emulator refuses a friendly name over 255 characters; the refusal names no payload.
    if (text.trim().length > 255) {
      assert.doesNotMatch(shown[i]!, /^Created/, `created API user: payload ${n} is refused`);
      return;
    }
    const where = quoting(template!, plain, `“${text}” (${productOf(n)})`);
    // The name as typed into a text field, which keeps no line breaks, and trimmed by the form.
    const typed = text.replace(/[\r\n]/g, '').trim();
    assert.equal(shown[i], quoting(where, BENIGN, typed), `created API user: payload ${n}`);
  });
}

describe('the XSS corpus through every string the widgets render', () => {
  let stack: Stack;
  stackForSuite(
    (started) => {
      stack = started;
    },
    { dataFile: writeCorpusData(PAYLOADS) },
  );

  for (const [pass, mode] of MODES.entries()) {
    it(`names, usernames and unlisted scopes, in pickers, table, dialog, editor and results (${mode})`, async () => {
      assert.ok(PAYLOADS.length >= 60, `${PAYLOADS.length} payloads`);
      const { page, trap, done } = await openTrapped(stack, mode);
      await trap.state('login');
      await logInAsDemo(page);
      await walkPickersAndTable(page, trap, stack, share(mode));
      await walkScopeEditor(page, trap);
      await walkCreated(page, trap, share(mode));
      await done();
    });

    it(`error descriptions from faults, in each widget's error sentence (${mode})`, async () => {
      const { page, trap, done } = await openTrapped(stack, mode);
      await walkErrorSentences(page, trap, stack, share(mode), pass * 3);
      await done();
    });

    it(`people's usernames after a token login: sso, header, token form, logout (${mode})`, async () => {
      const { page, trap, done } = await openTrapped(stack, mode);
      await walkUsernames(page, trap, stack, loginShare(mode));
      await done();
    });
  }
});
