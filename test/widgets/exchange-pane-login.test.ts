/**
 * The "Request and response" pane of the login widgets (issue 9): <particle-sso>'s password
 * login, MFA verify, token login and logout, and <particle-create-token>'s token creation
 * (with and without MFA). Each pane exists after the call, opens with the keyboard, shows
 * method, URL, status and the JSON body, and hides the password, the one-time code, the MFA
 * challenge, the session token and new tokens (in its text and in Chromium's accessibility
 * tree) until Show secrets is pressed; hostile strings from the API stay text.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import sinon from 'sinon';
import { apiFor } from '../../widgets/api-helper/client.js';
import type { ParticleCreateToken } from '../../widgets/particle-create-token.js';
import type { ParticleSso } from '../../widgets/particle-sso.js';
import '../../widgets/particle-create-token.js';
import '../../widgets/particle-sso.js';
import { fakeFetch } from '../helpers/fake-fetch.js';
import { fakeToken, resetSessions, signIn } from '../helpers/session.js';
import { expectNoMarkup, expectPane, openPane, paneDetails } from './exchange-pane-checks.js';
import { GOOD_CODE, grant, MFA_TOKEN, mfaAccount, NEW_TOKEN, type } from './login-fixtures.js';

const API = 'https://pane-login.api.test';
const PASSWORD = 'demo-password';
const HOSTILE = '<img id=injected src=x onerror=window.__pwned=1>';

afterEach(() => {
  sinon.restore();
  resetSessions();
});

const sso = () => fixture<ParticleSso>(html`<particle-sso api-base=${API}></particle-sso>`);
const createToken = () =>
  fixture<ParticleCreateToken>(
    html`<particle-create-token api-base=${API}></particle-create-token>`,
  );

/** Fills Email and Password of the form in `root` and submits it. */
function submitPassword(root: ParentNode) {
  type(root.querySelector<HTMLInputElement>('input[name=username]')!, 'demo@example.com');
  type(root.querySelector<HTMLInputElement>('input[name=password]')!, PASSWORD);
  root.querySelector<HTMLButtonElement>('form[part=form] [type=submit]')!.click();
}

/** Types the one-time code into the visible code step of `root` and submits it. */
async function submitCode(root: ParentNode) {
  const field = () => root.querySelector<HTMLInputElement>('form:not([hidden]) input[name=otp]');
  await waitUntil(field, 'no code step');
  const otp = field()!;
  type(otp, GOOD_CODE);
  otp.form!.querySelector<HTMLButtonElement>('[type=submit]')!.click();
}

const tokenCall = `POST ${API}/oauth/token`;

describe('Request and response: <particle-sso>', () => {
  it('shows the password login, password and new token hidden', async () => {
    fakeFetch({ 'POST /oauth/token': grant(3600) });
    const el = await sso();
    submitPassword(el);
    await waitUntil(() => el.querySelector('[part=logged-in]'), 'not logged in');
    const view = await openPane(el);
    await expectPane(view, {
      shows: [
        tokenCall,
        '200',
        'password=••••',
        '"access_token": "••••"',
        '"token_type": "bearer"',
      ],
      secrets: [PASSWORD, NEW_TOKEN],
    });
  });

  it('shows a refused login with the API’s hostile text as text', async () => {
    fakeFetch({
      'POST /oauth/token': {
        status: 400,
        body: { error: 'invalid_grant', error_description: HOSTILE },
      },
    });
    const el = await sso();
    submitPassword(el);
    const view = await openPane(el);
    await expectPane(view, {
      shows: [tokenCall, '400', `"error_description": "${HOSTILE}"`],
      secrets: [PASSWORD],
    });
    expectNoMarkup(view, '#injected, img');
  });

  it('shows the MFA verify, code, challenge and new token hidden', async () => {
    fakeFetch({ 'POST /oauth/token': mfaAccount() });
    const el = await sso();
    submitPassword(el);
    const challenge = await openPane(el);
    await expectPane(challenge, {
      shows: [tokenCall, '403', '"mfa_token": "••••"', '"mfa_required"'],
      secrets: [PASSWORD, MFA_TOKEN],
    });
    await submitCode(el);
    await waitUntil(() => el.querySelector('[part=logged-in]'), 'not logged in');
    // Each call gets a pane of its own, collapsed again.
    const verify = await openPane(el);
    await expectPane(verify, {
      shows: [tokenCall, '200', 'otp=••••', 'mfa_token=••••', '"access_token": "••••"'],
      secrets: [GOOD_CODE, MFA_TOKEN, NEW_TOKEN],
    });
  });

  it('shows both calls of a token login, the pasted token hidden', async () => {
    const pasted = fakeToken('c');
    fakeFetch({
      'GET /v1/user': { body: { username: 'demo@example.com' } },
      'GET /v1/access_tokens/current': { body: { expires_at: null, scopes: [], orgs: [] } },
    });
    const el = await sso();
    el.querySelector<HTMLButtonElement>('.mode-switch')!.click();
    await el.updateComplete;
    type(el.querySelector<HTMLInputElement>('input[name=token]')!, pasted);
    el.querySelector<HTMLButtonElement>('form[part=form] [type=submit]')!.click();
    await waitUntil(() => el.querySelector('[part=logged-in]'), 'not logged in');
    const view = await openPane(el);
    await expectPane(view, {
      shows: [
        'Call 1 of 2',
        `GET ${API}/v1/user`,
        `GET ${API}/v1/access_tokens/current`,
        'Authorization: Bearer ••••',
        '"username": "demo@example.com"',
        '200',
      ],
      secrets: [pasted],
    });
  });

  it('shows the logout, the revoked session token hidden', async () => {
    const session = fakeToken('e');
    signIn(API, { token: session });
    fakeFetch({ 'DELETE /v1/access_tokens/current': { body: { ok: true } } });
    const el = await sso();
    el.querySelector<HTMLButtonElement>('[part=logout]')!.click();
    await waitUntil(() => el.querySelector('form[part=form]:not([hidden])'), 'not logged out');
    const view = await openPane(el);
    await expectPane(view, {
      shows: [`DELETE ${API}/v1/access_tokens/current`, '200', '"ok": true'],
      secrets: [session],
    });
  });

  it('copies the response body and the curl as shown (masked), said in the widget’s live region', async () => {
    fakeFetch({ 'POST /oauth/token': grant(3600) });
    const write = sinon.stub(navigator.clipboard, 'writeText').resolves();
    const el = await sso();
    submitPassword(el);
    await waitUntil(() => el.querySelector('[part=logged-in]'), 'not logged in');
    const view = await openPane(el);
    const button = (name: string) =>
      [...view.shadowRoot!.querySelectorAll('button')].find((b) => b.textContent!.trim() === name)!;
    const status = () => el.querySelector('[role=status]')!.textContent!.trim();
    button('Copy response body').click();
    await waitUntil(() => status() === 'Copied the response body to the clipboard.');
    const body = write.lastCall.args[0];
    expect(JSON.parse(body)).to.include({ access_token: '••••', token_type: 'bearer' });
    button('Copy request as curl').click();
    await waitUntil(() => status() === 'Copied the request as curl to the clipboard.');
    const curl = write.lastCall.args[0];
    expect(curl).to.include('$PARTICLE_PASSWORD').and.not.include(PASSWORD);
  });

  it('forgets the login’s calls when its session ends elsewhere', async () => {
    fakeFetch({ 'POST /oauth/token': grant(3600) });
    const el = await sso();
    submitPassword(el);
    await waitUntil(() => el.querySelector('[part=logged-in]'), 'not logged in');
    await paneDetails(el);
    apiFor(API).session.end(); // as a logout in another tab, or an expiry, would
    await waitUntil(() => !el.querySelector('particle-exchange-pane'), 'the pane stayed');
  });
});

describe('Request and response: <particle-create-token>', () => {
  it('shows the token creation, password and created token hidden', async () => {
    fakeFetch({ 'POST /oauth/token': grant(900) });
    const el = await createToken();
    submitPassword(el.shadowRoot!);
    await waitUntil(() => el.shadowRoot!.querySelector('[part=result]'), 'no token');
    const view = await openPane(el.shadowRoot!);
    await expectPane(view, {
      shows: [tokenCall, '200', 'password=••••', 'expires_in=900', '"access_token": "••••"'],
      secrets: [PASSWORD, NEW_TOKEN],
    });
  });

  it('forgets the creation’s calls (the token in them) when the reader logs out', async () => {
    signIn(API);
    fakeFetch({ 'POST /oauth/token': grant(900) });
    const el = await createToken();
    submitPassword(el.shadowRoot!);
    await waitUntil(() => el.shadowRoot!.querySelector('[part=result]'), 'no token');
    await paneDetails(el.shadowRoot!);
    apiFor(API).session.end();
    await waitUntil(
      () => !el.shadowRoot!.querySelector('particle-exchange-pane'),
      'the pane stayed for the next reader',
    );
  });

  it('shows the MFA verify of a token creation, code and token hidden', async () => {
    fakeFetch({ 'POST /oauth/token': mfaAccount() });
    const el = await createToken();
    submitPassword(el.shadowRoot!);
    await submitCode(el.shadowRoot!);
    await waitUntil(() => el.shadowRoot!.querySelector('[part=result]'), 'no token');
    const view = await openPane(el.shadowRoot!);
    await expectPane(view, {
      shows: [tokenCall, '200', 'otp=••••', '"access_token": "••••"'],
      secrets: [GOOD_CODE, MFA_TOKEN, NEW_TOKEN],
    });
  });
});
