/**
 * The access-tokens page's four widgets together, as an auditor walks them: every state a
 * reader meets, each checked by axe (WCAG 2.0–2.2 A/AA and best practices) at a 1280px
 * desktop, a 375px phone and in the dark scheme, and by Chromium's accessibility tree
 * (every control named by its visible words, no two alike in one named container, one live
 * region per widget from the first render). Two fixtures: logged out, then logged in.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { emulateMedia, setViewport } from '@web/test-runner-commands';
import sinon from 'sinon';
import { SCOPE_GROUPS } from '../../widgets/api-helper/scopes.js';
import type { ParticleScopePicker } from '../../widgets/api-users/scope-picker.js';
import type { ParticleApiUserCreate } from '../../widgets/particle-api-user-create.js';
import type { ParticleApiUserList } from '../../widgets/particle-api-user-list.js';
import type { ParticleCreateToken } from '../../widgets/particle-create-token.js';
import type { ParticleSso } from '../../widgets/particle-sso.js';
import '../../widgets/particle-api-user-create.js';
import '../../widgets/particle-api-user-list.js';
import '../../widgets/particle-create-token.js';
import '../../widgets/particle-sso.js';
import { type AxControl, heardAsSeen, names } from '../helpers/ax-tree.js';
import { expectNoAxeViolations } from '../helpers/axe.js';
import { type FakeResponse, fakeFetch, type RecordedRequest } from '../helpers/fake-fetch.js';
import { resetSessions, signIn } from '../helpers/session.js';
import { credentialsBody, teamRoutes, until } from './api-users/team-api.js';
import { grant, mfaAccount, type, wrongPassword } from './login-fixtures.js';

const API = 'https://page-states.api.test';
const NEW_USER = 'fleet+f00@api.particle.io';

interface Page {
  main: HTMLElement;
  sso: ParticleSso;
  token: ParticleCreateToken;
  create: ParticleApiUserCreate;
  list: ParticleApiUserList;
}

/** The site's stylesheet, as the built pages link it: its tokens theme the widgets. */
function linkSiteStyles(): Promise<unknown> {
  const link = Object.assign(document.createElement('link'), {
    rel: 'stylesheet',
    href: '/assets/site.css',
  });
  document.head.append(link);
  return new Promise((resolve) => link.addEventListener('load', resolve));
}

/** The widgets under the seed page's headings, in its main landmark. */
async function page(): Promise<Page> {
  const main = await fixture<HTMLElement>(html`<main>
    <h1>Access tokens</h1>
    <h2>Log in</h2>
    <particle-sso api-base=${API}></particle-sso>
    <h2>Getting a user access token</h2>
    <h3>Create a token (browser-based)</h3>
    <particle-create-token api-base=${API}></particle-create-token>
    <h2>Getting an API user token</h2>
    <h3>Create API User</h3>
    <particle-api-user-create api-base=${API}></particle-api-user-create>
    <h3>List or Delete API Users</h3>
    <particle-api-user-list api-base=${API}></particle-api-user-list>
  </main>`);
  const $ = <T extends Element>(tag: string) => main.querySelector(tag) as T;
  return {
    main,
    sso: $('particle-sso'),
    token: $('particle-create-token'),
    create: $('particle-api-user-create'),
    list: $('particle-api-user-list'),
  };
}

/** `/oauth/token` answers with whatever the state being walked needs. */
let oauth: FakeResponse | ((request: RecordedRequest) => FakeResponse) = wrongPassword;
function api() {
  return fakeFetch({
    ...teamRoutes(),
    'POST /oauth/token': (request) => (typeof oauth === 'function' ? oauth(request) : oauth),
    'POST /v1/products/:product/team': {
      body: credentialsBody('created', NEW_USER, 'f00d'.repeat(10)),
    },
  });
}

const VARIANTS = [
  { label: 'desktop', width: 1280, scheme: 'light' },
  { label: 'phone', width: 375, scheme: 'light' },
  { label: 'dark', width: 1280, scheme: 'dark' },
] as const;

/**
 * Checks one state: what the accessibility tree says (once), and axe in each variant.
 * Resolves with the state's controls for the test's own assertions.
 */
async function check(state: string, p: Page, modal = false): Promise<AxControl[]> {
  const controls = await heardAsSeen(state);

  // A modal dialog makes the rest of the page inert: its live regions leave the tree meanwhile.
  if (!modal) {
    const live = controls.filter((c) => c.role === 'status');
    expect(live, `${state}: one live region per widget, present even when silent`).to.have.length(
      4,
    );
  }
  for (const { label, width, scheme } of VARIANTS) {
    await setViewport({ width, height: 800 });
    await emulateMedia({ colorScheme: scheme });
    await expectNoAxeViolations(`${state}, ${label}`, p.main);
  }
  await emulateMedia({ colorScheme: 'light' });
  await setViewport({ width: 1280, height: 800 });
  return controls;
}

// biome-ignore lint/suspicious/noExplicitAny: test reach-in to elements of several types
const shadow = <T extends Element = any>(host: Element, selector: string) =>
  host.shadowRoot!.querySelector<T>(selector)!;
const statusText = (root: ParentNode) => root.querySelector('[role=status]')!.textContent!.trim();
const picker = (host: Element) => shadow<ParticleScopePicker>(host, 'particle-scope-picker');
const narrow = (scopes: ParticleScopePicker) => {
  scopes.groups = SCOPE_GROUPS.filter((g) => ['devices', 'events', 'teams'].includes(g.resource));
};

describe('the page’s states, as axe and a screen reader meet them', function () {
  // About a dozen states, each with four axe runs over the whole page: seconds, not one.
  this.timeout(120_000);

  afterEach(() => {
    sinon.restore();
    resetSessions();
  });
  before(linkSiteStyles);
  after(() => setViewport({ width: 800, height: 600 }));

  it('logged out: the form, a wrong password, the MFA step and token mode', async () => {
    api();
    const p = await page();
    const loggedOut = await check('logged out', p);
    // Three Log in buttons, each in a container that says what it logs in to.
    expect(loggedOut.filter((c) => c.name === 'Log in').map((c) => c.container)).to.deep.equal([
      'form “Log in to Particle”',
      'region “Create an API user”',
      'region “API users”',
    ]);

    oauth = wrongPassword;
    type(p.sso.querySelector('input[name=username]')!, 'demo@example.com');
    type(p.sso.querySelector('input[name=password]')!, 'wrong');
    p.sso.querySelector<HTMLButtonElement>('[part=submit]')!.click();
    await until(() => /password/i.test(statusText(p.sso)), 'no wrong-password sentence');
    await check('wrong password', p);

    oauth = mfaAccount();
    p.sso.querySelector<HTMLButtonElement>('[part=submit]')!.click();
    const otp = () => p.sso.querySelector<HTMLInputElement>('input[name=otp]');
    await until(() => otp()?.checkVisibility(), 'no code step');
    const mfa = await check('MFA step', p);
    expect(names(mfa, 'textbox')).to.include('One-time code');

    const cancel = [...p.sso.querySelectorAll('button')].find(
      (b) => b.textContent?.trim() === 'Cancel',
    )!;
    cancel.click();
    await until(() => !otp()?.checkVisibility());
    p.sso.querySelector<HTMLButtonElement>('.mode-switch')!.click();
    await until(() => p.sso.querySelector('input[name=token]'), 'no token field');
    const tokenMode = await check('token mode', p);
    expect(names(tokenMode, 'button', 'form “Log in to Particle”')).to.include(
      'Use email and password instead',
    );
  });

  it('logged in: token masked and shown, scopes picked, API user created, list, edit, delete', async () => {
    signIn(API);
    api();
    const p = await page();
    await until(() => shadow(p.create, 'particle-target-picker')?.value, 'no target to create in');
    await until(() => shadow(p.list, 'particle-target-picker')?.value, 'no target to list');
    const loggedIn = await check('logged in', p);
    // The full catalogue is checked above; from here on three of its 18 groups, each a fieldset
    // like the others, keep the page's axe runs to about a second each instead of seven.
    narrow(picker(p.create));
    // Two Target groups and two Product fields, told apart by the region they are in.
    expect(
      loggedIn.filter((c) => c.name === 'Product' && c.role === 'combobox').map((c) => c.container),
    ).to.deep.equal(['region “Create an API user”', 'region “API users”']);

    oauth = grant(900);
    const tokenForm = p.token.shadowRoot!;
    type(tokenForm.querySelector('input[name=username]')!, 'demo@example.com');
    type(tokenForm.querySelector('input[name=password]')!, 'demo-password');
    shadow<HTMLButtonElement>(p.token, 'form [type=submit]').click();
    await until(() => shadow(p.token, 'particle-secret'), 'no token created');
    const masked = await check('token masked', p);
    expect(names(masked, 'button', 'region “Your new access token”')).to.include('Show token');
    shadow(shadow(p.token, 'particle-secret'), '[part=toggle]').click();
    await until(() =>
      shadow(shadow(p.token, 'particle-secret'), '[part=toggle]').textContent?.includes('Hide'),
    );
    const shown = await check('token shown', p);
    expect(names(shown, 'button', 'region “Your new access token”')).to.include('Hide token');

    type(shadow(p.create, '#friendly-name'), 'Fleet dashboard');
    type(shadow(picker(p.create), '[part=filter]'), 'devices');
    shadow<HTMLInputElement>(picker(p.create), '#scope-devices-0').click();
    await picker(p.create).updateComplete;
    const picking = await check('scope picker in use', p);
    expect(names(picking, 'group', 'region “Create an API user”')).to.include(
      'Devices devices (1 selected)',
    );

    type(shadow(picker(p.create), '[part=filter]'), '');
    shadow<HTMLButtonElement>(p.create, '[part=submit]').click();
    await until(() => shadow(p.create, 'particle-api-user-token'), 'no API user created');
    await check('API user created', p);
    expect(statusText(p.create.shadowRoot!)).to.match(/^Created API user “Fleet dashboard”/);

    shadow<HTMLButtonElement>(p.list, 'form [type=submit]').click();
    await until(() => shadow(p.list, 'particle-api-user-table'), 'no list');
    await check('list', p);
    expect(statusText(p.list.shadowRoot!)).to.match(/^Listed 2 API users/);

    const table = shadow(p.list, 'particle-api-user-table');
    shadow(table, '[aria-label="Edit scopes of Backend"]').click();
    await until(() => shadow(p.list, 'particle-api-user-editor'), 'no editor');
    await shadow(p.list, 'particle-api-user-editor').updateComplete;
    narrow(picker(shadow(p.list, 'particle-api-user-editor')));
    await check('edit scopes', p);

    [...shadow(p.list, 'particle-api-user-editor').shadowRoot!.querySelectorAll('button')]
      .find((b) => b.textContent?.trim() === 'Cancel')!
      .click();
    await until(() => !shadow(p.list, 'particle-api-user-editor'));
    shadow(table, '[aria-label="Delete Backend"]').click();
    await until(() => shadow(shadow(p.list, 'particle-confirm-dialog'), 'dialog').open);
    const deleting = await check('delete dialog', p, true);
    expect(names(deleting, 'button', 'dialog “Delete API user “Backend”?”')).to.deep.equal([
      'Cancel',
      'Delete',
    ]);
  });
});
