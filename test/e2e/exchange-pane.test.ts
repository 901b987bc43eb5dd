/**
 * The "Request and response" pane on the built seed page, against the emulator over real
 * HTTP (issue 9): the pane's element loads after a first call and its view on first open
 * (under the page's CSP); each widget's pane opens with the keyboard and shows what went
 * over the wire (method and URL, status line, the headers CORS lets the page read, the JSON
 * body), while the password, the session token and new tokens stay hidden, in the text and
 * in Chromium's accessibility tree, until the reader presses Show secrets.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Page, SerializedAXNode } from 'puppeteer-core';
import { CREATE, fillCreate, LIST, listFirstTarget, logInAsDemo } from './api-user-steps.js';
import { TOKEN_PATTERN } from './harness.js';
import {
  clickDeep,
  currentCode,
  DEMO,
  LOGGED_IN,
  MFA,
  openSeedPage,
  type Stack,
  ssoLogIn,
  stackForSuite,
  storedSession,
  unexpectedErrors,
  waitDeep,
  waitForText,
} from './widget-stack.js';

/** Each widget's pane: <particle-sso> renders in its light DOM, the others in shadow roots. */
const PANES = {
  sso: 'particle-sso particle-exchange-pane',
  createToken: 'particle-create-token >>> particle-exchange-pane',
  createApiUser: `${CREATE} >>> particle-exchange-pane`,
  list: `${LIST} >>> particle-exchange-pane`,
};

function axNames(node: SerializedAXNode | null): string {
  if (!node) return '';
  return [node.name ?? '', String(node.value ?? ''), ...(node.children ?? []).map(axNames)].join(
    '\n',
  );
}

/** The scripts a page requested, by URL, from now on. */
function scriptsOf(page: Page): string[] {
  const scripts: string[] = [];
  page.on('request', (request) => {
    if (request.resourceType() === 'script') scripts.push(request.url());
  });
  return scripts;
}

/** Opens `pane` with the keyboard (focus its summary, press Enter); resolves with its view's text. */
async function openPane(page: Page, pane: string) {
  await waitDeep(page, `${pane} >>> details > summary`);
  const summary = (await page.$(`${pane} >>> details > summary`))!;
  assert.equal(await summary.evaluate((el) => el.textContent), 'Request and response');
  assert.equal(
    await summary.evaluate((el) => (el.parentElement as HTMLDetailsElement).open),
    false,
  );
  await summary.focus();
  await page.keyboard.press('Enter');
  await waitDeep(page, `${pane} >>> particle-exchange-view >>> [part=reveal]`);
  const view = (await page.$(`${pane} >>> particle-exchange-view`))!;
  const text = () => view.evaluate((el) => el.shadowRoot!.textContent!.replace(/\s+/g, ' '));
  return { view, text };
}

/**
 * Checks an opened pane: `shows` in its text and (URL) in the accessibility tree; no
 * token-shaped string and none of `secrets` in either until Show secrets, which reveals them.
 * Resolves with the revealed text.
 */
async function expectPane(
  page: Page,
  pane: string,
  { shows, url, secrets }: { shows: (string | RegExp)[]; url: string; secrets: string[] },
): Promise<string> {
  const { view, text } = await openPane(page, pane);
  const shown = await text();
  for (const line of shows)
    if (typeof line === 'string') assert.ok(shown.includes(line), `${line} in ${shown}`);
    else assert.match(shown, line);
  const ax = axNames(await page.accessibility.snapshot());
  assert.ok(ax.includes(url), `${url} in the accessibility tree`);
  for (const secret of secrets) {
    assert.ok(!shown.includes(secret), `the pane's text shows ${secret}`);
    assert.ok(!ax.includes(secret), `the accessibility tree has ${secret}`);
  }
  assert.doesNotMatch(shown, TOKEN_PATTERN, 'a token in the pane’s text');
  assert.doesNotMatch(ax, TOKEN_PATTERN, 'a token in the accessibility tree');
  await page.locator(`${pane} >>> particle-exchange-view >>> [part=reveal]`).click();
  await page.waitForFunction(
    (el) => el.shadowRoot!.querySelector('[part=reveal][aria-pressed=true]'),
    {},
    view,
  );
  const revealed = await text();
  for (const secret of secrets)
    assert.ok(revealed.includes(secret), `Show secrets shows ${secret}`);
  // Pressed again, it hides them again (and the next pane's checks start from a quiet page).
  await page.locator(`${pane} >>> particle-exchange-view >>> [part=reveal]`).click();
  await page.waitForFunction(
    (el) => el.shadowRoot!.querySelector('[part=reveal][aria-pressed=false]'),
    {},
    view,
  );
  assert.doesNotMatch(await text(), TOKEN_PATTERN, 'a token in the pane after hiding again');
  return revealed;
}

describe('Request and response panes on the seed page', () => {
  let stack: Stack;
  stackForSuite((started) => {
    stack = started;
  });

  it('load after the first call; login, create token and create API user panes hide their secrets', async () => {
    const { page, errors } = await openSeedPage(stack);
    const scripts = scriptsOf(page);
    const loaded = (name: string) => scripts.filter((url) => url.includes(name));
    await logInAsDemo(page);
    const api = stack.emulator.url;

    // Login: POST /oauth/token, password and the session's token hidden.
    await waitDeep(page, `${PANES.sso} >>> details`);
    // The pane and its view are in the chunk of every on-demand view, loaded once (at the latest
    // when a call was made) and never again, however many panes open.
    assert.equal(loaded('on-demand').length, 1, 'the views chunk loads once a call was made');
    const session = (await storedSession(page, stack))!.token;
    const login = await expectPane(page, PANES.sso, {
      url: `POST ${api}/oauth/token`,
      shows: [
        `POST ${api}/oauth/token`,
        /200 OK · \d+ ms · \d+ bytes/,
        'password=••••',
        '"access_token": "••••"',
      ],
      secrets: [DEMO.password, session],
    });
    assert.match(login, /content-type: application\/json/i, 'a CORS-readable response header');

    // Create token: the new token in the response hidden.
    const creator = 'particle-create-token';
    await page.locator(`${creator} >>> input[name=username]`).fill(DEMO.username);
    await page.locator(`${creator} >>> input[name=password]`).fill(DEMO.password);
    await page.locator(`${creator} >>> form[part=form] button[type=submit]`).click();
    await waitDeep(page, `${creator} >>> [part=result]`);
    const created = await expectPane(page, PANES.createToken, {
      url: `POST ${api}/oauth/token`,
      shows: [`POST ${api}/oauth/token`, /200 OK · \d+ ms/, '"access_token": "••••"'],
      secrets: [DEMO.password],
    });
    assert.match(created, /"access_token": "[0-9a-f]{40}"/, 'Show secrets shows the new token');

    // Create API user: the session token and the API user's token hidden.
    await fillCreate(page, 'E2E pane backend', ['devices:list']);
    await clickDeep(page, `${CREATE} >>> [part=submit]:not([disabled])`);
    await waitDeep(page, `${CREATE} >>> particle-api-user-token`);
    const apiUser = await expectPane(page, PANES.createApiUser, {
      url: `POST ${api}/v1/`,
      shows: [
        /POST http:\/\/[^ ]+\/v1\/(products|orgs)\/[^ ]+\/team/,
        /200 OK · \d+ ms/,
        'Authorization: Bearer ••••',
        '"friendly_name": "E2E pane backend"',
        '"token": "••••"',
      ],
      secrets: [session],
    });
    assert.match(apiUser, /"token": "[0-9a-f]{40}"/, 'Show secrets shows the API user’s token');
    assert.equal(loaded('on-demand').length, 1, 'every pane shares the one views chunk');
    assert.deepEqual(unexpectedErrors(errors, stack), []);
    await page.browserContext().close();
  });

  it('shows the one-time code step of an MFA login with the code, the challenge and the token hidden', async () => {
    const { page, errors } = await openSeedPage(stack);
    await ssoLogIn(page, MFA);
    await waitDeep(page, 'particle-sso input[name=otp]');
    const code = currentCode();
    await page.locator('particle-sso input[name=otp]').fill(code);
    await page.locator('particle-sso form.mfa button[type=submit]').click();
    await waitForText(page, LOGGED_IN, /Logged in as mfa@example\.com/);
    const session = (await storedSession(page, stack))!.token;
    const api = stack.emulator.url;
    await expectPane(page, PANES.sso, {
      url: `POST ${api}/oauth/token`,
      shows: [
        `POST ${api}/oauth/token`,
        /200 OK · \d+ ms/,
        'grant_type=urn%3Acustom%3Amfa-otp',
        'mfa_token=••••',
        'otp=••••',
        '"access_token": "••••"',
      ],
      // The code alone is six digits that could occur anywhere; as the form field it cannot.
      secrets: [`otp=${code}`, session],
    });
    assert.deepEqual(unexpectedErrors(errors, stack), []);
    await page.browserContext().close();
  });

  it('shows the API-user listing, the session token hidden until revealed', async () => {
    const { page, errors } = await openSeedPage(stack);
    await logInAsDemo(page);
    await listFirstTarget(page);
    const session = (await storedSession(page, stack))!.token;
    await expectPane(page, PANES.list, {
      url: `GET ${stack.emulator.url}/v1/`,
      shows: [
        new RegExp(`GET ${stack.emulator.url}/v1/(products|orgs)/[^ ]+/team`),
        /200 OK · \d+ ms · \d+ bytes/,
        /content-type: application\/json/i,
        '"team": [',
        'Authorization: Bearer ••••',
      ],
      secrets: [session],
    });
    assert.deepEqual(unexpectedErrors(errors, stack), []);
    await page.browserContext().close();
  });
});
