/**
 * The fault matrix (run by fault-matrix-*.test.ts): every action a reader can take in the widgets × every fault the emulator can
 * inject, one test per cell, against the real emulator over HTTP (test/helpers/emulator-url.ts).
 * In each cell, for one click and again for a double click: the widget says the action's
 * sentence for that fault, what the reader typed is still there, the button is usable again, no
 * promise rejection goes unhandled, and exactly one request of the action reached the emulator
 * (counted by the emulator itself, `GET /__emulator/requests`).
 *
 * "Latency beyond the timeout" shortens the client's timeout instead of waiting 15 s; "401"
 * revokes the session's token on the emulator for actions that need a session (a token revoked
 * mid-session), and forces a 401 for the login actions, which have none.
 */
import { expect, fixture, fixtureCleanup, html, waitUntil } from '@open-wc/testing';
import { apiFor } from '../../widgets/api-helper/client.js';
import '../../widgets/particle-api-user-create.js';
import '../../widgets/particle-api-user-list.js';
import '../../widgets/particle-create-token.js';
import '../../widgets/particle-sso.js';
import { emulatorUrl, refusedUrl } from '../helpers/emulator-url.js';
import { resetSessions, signIn } from '../helpers/session.js';

if (!emulatorUrl) throw new Error('The emulator did not start (see the test runner output).');
const E = emulatorUrl;
const PRODUCT = '20002'; // "Acme Gateway": no other browser suite touches its team
const TEAM = `/v1/products/${PRODUCT}/team`;
const DEMO = { username: 'demo@example.com', password: 'demo-password' };
const MFA = { username: 'mfa@example.com', password: 'demo-password' };
const TIMEOUT_MS = 700;

type FaultName =
  | '401'
  | '403'
  | '429 with Retry-After'
  | '500'
  | '502'
  | '503'
  | 'connection refused'
  | 'latency beyond the timeout'
  | 'malformed JSON'
  | 'empty 200';

const FAULTS: Record<FaultName, { fault: Record<string, unknown>; says: RegExp }> = {
  '401': { fault: { status: 401 }, says: /Your session has expired/ },
  '403': { fault: { status: 403 }, says: /not allowed to do that|You lack access to/ },
  '429 with Retry-After': { fault: { status: 429 }, says: /Wait 30 seconds and try again/ },
  '500': { fault: { status: 500 }, says: /had a problem \(HTTP 500\)/ },
  '502': { fault: { status: 502 }, says: /had a problem \(HTTP 502\)/ },
  '503': { fault: { status: 503 }, says: /had a problem \(HTTP 503\)/ },
  // Sent to a loopback port nothing listens on (the emulator's `drop` is not used: Chromium
  // silently resends a request whose reused connection closed without an answer, POSTs too).
  'connection refused': { fault: {}, says: /Could not reach the Particle API/ },
  'latency beyond the timeout': {
    fault: { latencyMs: TIMEOUT_MS * 3 },
    says: /did not answer in time/,
  },
  'malformed JSON': { fault: { malformed: true }, says: /reply that could not be read/ },
  'empty 200': { fault: { empty: true }, says: /reply that could not be read/ },
};

async function control(path: string, method: string, body?: unknown): Promise<unknown> {
  const res = await fetch(`${E}/__emulator/${path}`, {
    method,
    headers: body ? { 'Content-Type': 'application/json' } : {},
    body: body ? JSON.stringify(body) : undefined,
  });
  if (!res.ok) throw new Error(`${method} /__emulator/${path}: ${res.status} ${await res.text()}`);
  return res.json();
}

const requestsTo = async (method: string, path: string) =>
  (
    (await control('requests', 'GET')) as { requests: { method: string; path: string }[] }
  ).requests.filter(
    (r) => r.method === method && decodeURIComponent(r.path) === decodeURIComponent(path),
  ).length;

async function token(account = DEMO): Promise<string> {
  const res = await fetch(`${E}/oauth/token`, {
    method: 'POST',
    headers: { Authorization: `Basic ${btoa('particle:particle')}` },
    body: new URLSearchParams({ grant_type: 'password', ...account, expires_in: '3600' }),
  });
  return ((await res.json()) as { access_token: string }).access_token;
}

const bearer = (value: string, method = 'GET', body?: unknown): RequestInit => ({
  method,
  headers: { Authorization: `Bearer ${value}`, 'Content-Type': 'application/json' },
  body: body ? JSON.stringify(body) : undefined,
});

/** Every element under `root`, through open shadow roots. */
function deepAll(root: ParentNode, selector: string): Element[] {
  const found: Element[] = [...root.querySelectorAll(selector)];
  if (root instanceof Element && root.shadowRoot) found.push(...deepAll(root.shadowRoot, selector));
  for (const el of root.querySelectorAll('*')) {
    if (el.shadowRoot) found.push(...deepAll(el.shadowRoot, selector));
  }
  return found;
}
const deep = <T extends Element = HTMLInputElement>(root: ParentNode, selector: string) =>
  deepAll(root, selector)[0] as T | undefined;
const button = (root: ParentNode, text: string) =>
  deepAll(root, 'button').find((b) => b.textContent?.trim() === text) as
    | HTMLButtonElement
    | undefined;
/** The text a reader sees in the widget, through its shadow roots. */
function textOf(node: Node): string {
  let text = node instanceof Element && node.shadowRoot ? textOf(node.shadowRoot) : '';
  for (const child of node.childNodes) {
    if (child.nodeType === Node.TEXT_NODE) text += child.textContent;
    else if (child instanceof HTMLElement && !child.hidden) text += textOf(child);
  }
  return text.replace(/\s+/g, ' ');
}
function type(input: HTMLInputElement | undefined, value: string): void {
  if (!input) throw new Error('no such field');
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true }));
}

/** One action, set up ready to be pressed, and where the reader sees what happened. */
interface Opened {
  root: ParentNode;
  press(): void;
  /** The values the reader typed or chose, which must survive the fault. */
  typed(): unknown[];
}

interface Action {
  method: string;
  path: string | (() => string);
  /** The button that must be usable after the fault. */
  button: string;
  /** The session it runs in: its token is revoked for the 401 cell. */
  session?: () => string;
  open(): Promise<Opened>;
  says?: Partial<Record<FaultName, RegExp>>;
  /** After a 401 that ended the session: the button the reader has then (the prompt's). */
  buttonAfter401?: string;
}

let sessionToken = '';
let apiUser = '';
let apiUsers = 0;

/** Logs demo in (the core's session for the emulator) and gives product 20002 a fresh API user. */
async function loggedInWithApiUser(): Promise<void> {
  sessionToken = await token();
  signIn(E, { username: DEMO.username, token: sessionToken });
  const res = await fetch(
    `${E}${TEAM}`,
    bearer(sessionToken, 'POST', {
      friendly_name: `Matrix ${++apiUsers}`,
      scopes: ['devices:list'],
    }),
  );
  apiUser = ((await res.json()) as { created: { username: string } }).created.username;
}

async function ssoForm(mode: 'password' | 'token'): Promise<HTMLElement> {
  const el = await fixture<HTMLElement>(html`<particle-sso api-base=${E}></particle-sso>`);
  if (mode === 'token') {
    button(el, 'Use an access token instead')!.click();
    await waitUntil(() => deep<HTMLInputElement>(el, 'input[name=token]')?.disabled === false);
  }
  return el;
}

async function listed(): Promise<HTMLElement> {
  await loggedInWithApiUser();
  const el = await fixture<HTMLElement>(
    html`<particle-api-user-list api-base=${E} product=${PRODUCT}></particle-api-user-list>`,
  );
  await waitUntil(() => button(el, 'List API users')?.disabled === false, 'no target', {
    timeout: 5000,
  });
  button(el, 'List API users')!.click();
  await waitUntil(() => deep(el, `tr[data-username="${CSS.escape(apiUser)}"]`), 'not listed', {
    timeout: 5000,
  });
  return el;
}

/** The scope a checkbox stands for: its label's words, as a reader hears it. */
const scopeOf = (box: Element) => (box as HTMLInputElement).labels?.[0]?.textContent?.trim();
const checkedScopes = (root: ParentNode) =>
  deepAll(root, 'input[type=checkbox]:checked').map(scopeOf);
const scopeBox = (root: ParentNode, scope: string) =>
  deepAll(root, 'input[type=checkbox]').find((box) => scopeOf(box) === scope) as
    | HTMLInputElement
    | undefined;

const ACTIONS = {
  login: {
    method: 'POST',
    path: '/oauth/token',
    button: 'Log in',
    says: { '401': /The email or password is incorrect/ },
    async open() {
      const el = await ssoForm('password');
      type(deep(el, 'input[name=username]'), DEMO.username);
      type(deep(el, 'input[name=password]'), DEMO.password);
      return {
        root: el,
        press: () => button(el, 'Log in')!.click(),
        typed: () => ['username', 'password'].map((n) => deep(el, `input[name=${n}]`)!.value),
      };
    },
  },
  'MFA verify': {
    method: 'POST',
    path: '/oauth/token',
    button: 'Verify',
    says: { '401': /That one-time code is not valid/ },
    async open() {
      const el = await ssoForm('password');
      type(deep(el, 'input[name=username]'), MFA.username);
      type(deep(el, 'input[name=password]'), MFA.password);
      button(el, 'Log in')!.click();
      await waitUntil(
        () => deep<HTMLFormElement>(el, 'form.mfa')?.hidden === false,
        'no code step',
      );
      type(deep(el, 'input[name=otp]'), '000000');
      return {
        root: el,
        press: () => button(el, 'Verify')!.click(),
        typed: () => [deep(el, 'input[name=otp]')!.value],
      };
    },
  },
  'token login': {
    method: 'GET',
    path: '/v1/user',
    button: 'Use token',
    says: { '401': /That access token is invalid, revoked or expired/ },
    async open() {
      const pasted = await token();
      const el = await ssoForm('token');
      type(deep(el, 'input[name=token]'), pasted);
      return {
        root: el,
        press: () => button(el, 'Use token')!.click(),
        typed: () => [deep(el, 'input[name=token]')!.value],
      };
    },
  },
  'create token': {
    method: 'POST',
    path: '/oauth/token',
    button: 'Create token',
    says: { '401': /The email or password is incorrect/ },
    async open() {
      const el = await fixture<HTMLElement>(
        html`<particle-create-token api-base=${E}></particle-create-token>`,
      );
      type(deep(el, 'input[name=username]'), DEMO.username);
      type(deep(el, 'input[name=password]'), DEMO.password);
      return {
        root: el,
        press: () => button(el, 'Create token')!.click(),
        typed: () => ['username', 'password'].map((n) => deep(el, `input[name=${n}]`)!.value),
      };
    },
  },
  'create API user': {
    method: 'POST',
    path: TEAM,
    button: 'Create API user',
    session: () => sessionToken,
    buttonAfter401: 'Log in',
    async open() {
      await loggedInWithApiUser();
      const el = await fixture<HTMLElement>(
        html`<particle-api-user-create api-base=${E} product=${PRODUCT}></particle-api-user-create>`,
      );
      await waitUntil(() => deep<HTMLSelectElement>(el, 'select#product')?.value, 'no target', {
        timeout: 5000,
      });
      type(deep(el, '#friendly-name'), 'Matrix created');
      await waitUntil(() => scopeBox(el, 'devices:list'), 'no scopes');
      scopeBox(el, 'devices:list')!.click();
      await waitUntil(() => button(el, 'Create API user')?.disabled === false, 'never enabled');
      return {
        root: el,
        press: () => button(el, 'Create API user')!.click(),
        typed: () => [deep(el, '#friendly-name')!.value, checkedScopes(el)],
      };
    },
  },
  list: {
    method: 'GET',
    path: TEAM,
    button: 'Refresh',
    session: () => sessionToken,
    buttonAfter401: 'Log in',
    async open() {
      const el = await listed();
      return {
        root: el,
        press: () => button(el, 'Refresh')!.click(),
        typed: () => [deep<HTMLSelectElement>(el, 'select#product')?.value],
      };
    },
  },
  'edit scopes': {
    method: 'PUT',
    path: () => `${TEAM}/${encodeURIComponent(apiUser)}`,
    button: 'Save scopes',
    session: () => sessionToken,
    buttonAfter401: 'Log in',
    async open() {
      const el = await listed();
      const name = `Matrix ${apiUsers}`;
      (deep(el, `button[aria-label="Edit scopes of ${name}"]`) as HTMLButtonElement).click();
      await waitUntil(() => deep(el, 'particle-api-user-editor'), 'no editor');
      const editor = deep(el, 'particle-api-user-editor')!;
      await waitUntil(() => scopeBox(editor, 'devices:get'), 'no scopes');
      scopeBox(editor, 'devices:get')!.click();
      await waitUntil(() => button(el, 'Save scopes')?.disabled === false, 'never enabled');
      return {
        root: el,
        press: () => button(el, 'Save scopes')!.click(),
        typed: () => checkedScopes(editor),
      };
    },
  },
  delete: {
    method: 'DELETE',
    path: () => `${TEAM}/${encodeURIComponent(apiUser)}`,
    button: 'Delete',
    session: () => sessionToken,
    buttonAfter401: 'Log in',
    async open() {
      const el = await listed();
      (deep(el, `button[aria-label="Delete Matrix ${apiUsers}"]`) as HTMLButtonElement).click();
      await waitUntil(() => deep(el, '[part=confirm]'));
      const confirm = () => deep<HTMLButtonElement>(el, '[part=confirm]');
      return {
        root: el,
        press: () => confirm()!.click(),
        typed: () => [deepAll(el, 'tr[data-username]').length],
      };
    },
  },
  logout: {
    method: 'DELETE',
    path: '/v1/access_tokens/current',
    button: 'Log in',
    session: () => sessionToken,
    says: {
      '401': /Logged out\. The access token of demo@example\.com is revoked\./,
      '403':
        /Logged out on this page, but the token could not be revoked\. This account is not allowed/,
    },
    async open() {
      sessionToken = await token();
      signIn(E, { username: DEMO.username, token: sessionToken });
      const el = await ssoForm('password');
      return { root: el, press: () => button(el, 'Log out')!.click(), typed: () => [] };
    },
  },
} satisfies Record<string, Action>;

const rejections: unknown[] = [];
const onRejection = (event: PromiseRejectionEvent) => rejections.push(event.reason);

async function runCell(action: Action, name: FaultName, clicks: 1 | 2): Promise<void> {
  const { fault, says: defaultSays } = FAULTS[name];
  const says = action.says?.[name] ?? defaultSays;
  const opened = await action.open();
  const path = typeof action.path === 'function' ? action.path() : action.path;
  const before = JSON.stringify(opened.typed());
  const revokes = name === '401' && action.session;
  const refused = name === 'connection refused';
  if (revokes) await fetch(`${E}/v1/access_tokens/current`, bearer(action.session!(), 'DELETE'));
  else if (!refused) {
    // A prefix for paths with a username: the emulator matches decoded paths.
    const faultPath = typeof action.path === 'function' ? `${TEAM}/*` : path;
    await control('faults', 'POST', { method: action.method, path: faultPath, ...fault });
  }
  // The page's own count, beside the emulator's: the calls of the action the core made.
  const api = apiFor(E);
  let sent = 0;
  api.fetch = (url, init) => {
    if (init.method === action.method && new URL(url).pathname === path) sent++;
    return globalThis.fetch(refused ? url.replace(E, refusedUrl!) : url, init);
  };
  api.timeoutMs = TIMEOUT_MS;
  await control('requests', 'DELETE');
  for (let i = 0; i < clicks; i++) opened.press();
  const where = `${clicks === 2 ? 'double click' : 'click'}`;
  await waitUntil(() => says.test(textOf(opened.root)), `${where}: never said ${says}`, {
    timeout: TIMEOUT_MS * 4 + 2000,
  }).catch((error: Error) => {
    throw new Error(`${error.message}; the widget says: ${textOf(opened.root).slice(0, 600)}`);
  });
  const ended = revokes && action.buttonAfter401;
  if (!ended && action !== ACTIONS.logout) {
    expect(JSON.stringify(opened.typed()), `${where}: what the reader typed`).to.equal(before);
  }
  const label = ended ? action.buttonAfter401! : action.button;
  // After a 401 the sentence may show a frame before the login prompt: a session change
  // re-renders each widget in a frame of its own.
  await waitUntil(() => button(opened.root, label), `${where}: no “${label}” button`);
  const usable = button(opened.root, label);
  await waitUntil(() => !usable!.disabled, `${where}: the button stays disabled`);
  expect(sent, `${where}: requests the page sent`).to.equal(1);
  const reached = await requestsTo(action.method, path);
  expect(reached, `${where}: requests that reached the emulator`).to.equal(refused ? 0 : 1);
  expect(rejections, 'unhandled rejections').to.deep.equal([]);
}

/**
 * The matrix's rows for `actions` (each a name of `ACTIONS`), one `it` per fault: split across
 * files so that each stays well within the runner's per-file time limit.
 */
export function faultMatrix(title: string, actions: (keyof typeof ACTIONS)[]): void {
  describe(title, function () {
    this.timeout(20_000);

    before(() => window.addEventListener('unhandledrejection', onRejection));
    after(async () => {
      window.removeEventListener('unhandledrejection', onRejection);
      // Leave the shared emulator's product as it was: no Matrix API users, no pending fault.
      await control('faults', 'DELETE');
      const admin = await token();
      const team = (await (await fetch(`${E}${TEAM}`, bearer(admin))).json()) as {
        team: { username: string; friendly_name?: string }[];
      };
      for (const member of team.team.filter((m) => m.friendly_name?.startsWith('Matrix'))) {
        await fetch(`${E}${TEAM}/${encodeURIComponent(member.username)}`, bearer(admin, 'DELETE'));
      }
    });
    afterEach(async () => {
      await control('faults', 'DELETE');
      resetSessions();
      rejections.length = 0;
    });

    for (const actionName of actions) {
      const action = ACTIONS[actionName]!;
      describe(actionName, () => {
        for (const faultName of Object.keys(FAULTS) as FaultName[]) {
          it(`${faultName}: says so, keeps the input, one request per click and per double click`, async () => {
            await runCell(action, faultName, 1);
            await control('faults', 'DELETE');
            fixtureCleanup();
            resetSessions();
            await runCell(action, faultName, 2);
          });
        }
      });
    }
  });
}
