/**
 * The "Request and response" pane of the API-user widgets' actions (issue 9): create, list,
 * edit scopes and delete. Each pane exists after the call, opens with the keyboard, shows
 * method, URL, status and the JSON body, and hides the session token and new tokens (in
 * its text and in Chromium's accessibility tree) until Show secrets is pressed.
 */
import { expect, fixture, html } from '@open-wc/testing';
import sinon from 'sinon';
import type { ParticleApiUserCreate } from '../../widgets/particle-api-user-create.js';
import '../../widgets/particle-api-user-create.js';
import { fakeFetch, type Responder } from '../helpers/fake-fetch.js';
import { fakeToken, resetSessions, signIn } from '../helpers/session.js';
import {
  dialog,
  editorButton,
  list,
  listButton,
  listWidget,
  openEditor,
  routes,
  rowButton,
  scopeBox,
  status,
} from './api-users/list-fixture.js';
import {
  credentialsBody,
  HOSTILE,
  API as TEAM_API,
  teamRoutes,
  until,
} from './api-users/team-api.js';
import { expectPane, openPane, paneText } from './exchange-pane-checks.js';

const SESSION = fakeToken('e');

afterEach(() => {
  sinon.restore();
  resetSessions();
});

const API_USER_TOKEN = 'f00dfeed'.repeat(5);

describe('Request and response: <particle-api-user-create>', () => {
  beforeEach(() => signIn(TEAM_API, { token: SESSION }));

  it('shows the creation, session token and the new API user’s token hidden, names as text', async () => {
    const username = 'backend+x7k2@api.particle.io';
    fakeFetch({
      ...teamRoutes(),
      'POST /v1/products/:product/team': {
        body: credentialsBody('created', username, API_USER_TOKEN),
      },
    });
    const el = await fixture<ParticleApiUserCreate>(
      html`<particle-api-user-create api-base=${TEAM_API}></particle-api-user-create>`,
    );
    const root = el.shadowRoot!;
    await until(() => root.querySelector('particle-target-picker')?.value, 'no target');
    const name = root.querySelector<HTMLInputElement>('#friendly-name')!;
    name.value = HOSTILE.user;
    name.dispatchEvent(new Event('input'));
    const picker = root.querySelector('particle-scope-picker')!;
    [...picker.shadowRoot!.querySelectorAll<HTMLInputElement>('input[type=checkbox]')]
      .find((box) => box.labels?.[0]?.textContent?.trim() === 'devices:list')!
      .click();
    await el.updateComplete;
    root.querySelector<HTMLButtonElement>('[part=submit]')!.click();
    await until(() => root.querySelector('particle-api-user-token'), 'not created');
    const view = await openPane(root);
    await expectPane(view, {
      shows: [
        `POST ${TEAM_API}/v1/products/1001/team`,
        '200',
        'Authorization: Bearer ••••',
        '"friendly_name": "<b id=\\"injected\\">Backend</b>"',
        '"token": "••••"',
        `"username": "${username}"`,
      ],
      secrets: [SESSION, API_USER_TOKEN],
    });
    expect(view.shadowRoot!.querySelector('#injected'), 'API data became markup').to.equal(null);
    // Another reader logs in: the last reader's call (and the new token in it) goes.
    signIn(TEAM_API, { username: 'next@example.com', token: fakeToken('1') });
    await until(() => !root.querySelector('particle-exchange-pane'), 'the pane stayed');
  });
});

describe('Request and response: <particle-api-user-list>', () => {
  beforeEach(() => signIn(TEAM_API, { token: SESSION }));

  it('shows the listing, hostile names from the API as text', async () => {
    fakeFetch(teamRoutes({ hostile: true }));
    const el = await listWidget();
    await list(el);
    const view = await openPane(el.shadowRoot!);
    await expectPane(view, {
      shows: [
        `GET ${TEAM_API}/v1/products/1001/team`,
        '200',
        '"is_programmatic"',
        'Authorization: Bearer ••••',
        '"<b id=\\"injected\\">Backend</b>"',
      ],
      secrets: [SESSION],
    });
    expect(view.shadowRoot!.querySelector('#injected'), 'API data became markup').to.equal(null);
  });

  it('shows an edit of scopes with the new token hidden', async () => {
    routes({
      'PUT /v1/products/:product/team/:user': {
        body: credentialsBody('updated', 'backend+b1@api.particle.io', API_USER_TOKEN),
      },
    });
    const el = await listWidget();
    await list(el);
    const editor = await openEditor(el);
    scopeBox(editor, 'events:get').click();
    await editor.updateComplete;
    editorButton(editor, 'Save scopes').click();
    await until(() => editor.shadowRoot!.querySelector('particle-api-user-token'), 'not saved');
    const view = await openPane(editor.shadowRoot!);
    await expectPane(view, {
      shows: [
        `PUT ${TEAM_API}/v1/products/1001/team/backend%2Bb1%40api.particle.io`,
        '200',
        '"events:get"',
      ],
      secrets: [SESSION, API_USER_TOKEN],
    });
  });

  it('shows a delete, not the quiet reload that follows it', async () => {
    routes({ 'DELETE /v1/products/:product/team/:user': { body: { ok: true } } });
    const el = await listWidget();
    await list(el);
    rowButton(el, 'Delete Backend').click();
    await dialog(el).updateComplete;
    dialog(el).shadowRoot!.querySelector<HTMLButtonElement>('[part=confirm]')!.click();
    await until(() => status(el).textContent?.includes('Deleted API user'));
    const view = await openPane(el.shadowRoot!);
    await expectPane(view, {
      shows: [
        `DELETE ${TEAM_API}/v1/products/1001/team/backend%2Bb1%40api.particle.io`,
        '200',
        '"ok"',
      ],
      secrets: [SESSION],
    });
    expect(paneText(view)).to.not.include('GET ');
  });
});

describe('Request and response: bodies that are not JSON, and calls with no answer', () => {
  beforeEach(() => signIn(TEAM_API, { token: SESSION }));

  /** A list whose List API users got `response`; resolves with its opened pane. */
  async function failedList(response: Responder) {
    routes({ 'GET /v1/products/:product/team': response });
    const el = await listWidget();
    listButton(el).click();
    await until(() => status(el).querySelector('.error'), 'no error');
    return openPane(el.shadowRoot!);
  }

  it('shows an HTML error page as text, never as markup', async () => {
    const page = '<h1 id="evil">Bad gateway</h1><img src=x onerror="window.__pwned=1">';
    const view = await failedList({
      status: 502,
      raw: page,
      headers: { 'Content-Type': 'text/html' },
    });
    await expectPane(view, { shows: ['502', page], secrets: [SESSION] });
    expect(view.shadowRoot!.querySelector('#evil, img')).to.equal(null);
    expect((window as { __pwned?: number }).__pwned).to.equal(undefined);
  });

  it('says why no response came, and offers no response body to copy', async () => {
    const view = await failedList('network-error');
    await expectPane(view, {
      shows: [`GET ${TEAM_API}/v1/products/1001/team`, 'No response:'],
      secrets: [SESSION],
    });
    const buttons = [...view.shadowRoot!.querySelectorAll('button')].map((b) =>
      b.textContent!.trim(),
    );
    expect(buttons).to.deep.equal(['Show secrets', 'Copy request as curl']);
  });
});
