/**
 * The login forms of <particle-sso> and <particle-create-token> against defects D5 and D7 of
 * issue 10: a second submit while a code is checked, a 401 on a logged-out form, and a created
 * token left on screen after the reader logged out.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import sinon from 'sinon';
import { apiFor } from '../../widgets/api-helper/client.js';
import type { ParticleCreateToken } from '../../widgets/particle-create-token.js';
import '../../widgets/particle-create-token.js';
import '../../widgets/particle-sso.js';
import { fakeFetch, type RecordedRequest } from '../helpers/fake-fetch.js';
import { resetSessions, signIn } from '../helpers/session.js';
import { grant, mfaAccount, type } from './login-fixtures.js';

const API = 'https://login-regressions.api.test';

/** Both login widgets, reached through their root (shadow for create-token, light for sso). */
const WIDGETS = [
  {
    tag: 'particle-create-token',
    render: () => fixture(html`<particle-create-token api-base=${API}></particle-create-token>`),
    root: (el: Element) => el.shadowRoot!,
  },
  {
    tag: 'particle-sso',
    render: () => fixture(html`<particle-sso api-base=${API}></particle-sso>`),
    root: (el: Element) => el as unknown as ParentNode,
  },
];

const slowly =
  (answer: (r: RecordedRequest) => ReturnType<ReturnType<typeof mfaAccount>>) =>
  async (request: RecordedRequest) => {
    await new Promise((resolve) => setTimeout(resolve, 80));
    return answer(request);
  };

describe('login forms', () => {
  afterEach(() => {
    sinon.restore();
    resetSessions();
  });

  for (const widget of WIDGETS) {
    describe(`<${widget.tag}>`, () => {
      it('D5: two synchronous submits of the code form send one check and keep the code', async () => {
        const api = fakeFetch({ 'POST /oauth/token': slowly(mfaAccount()) });
        const el = await widget.render();
        const root = widget.root(el);
        const $ = (s: string) => root.querySelector<HTMLInputElement>(s)!;
        const status = () => root.querySelector('[role=status]')!.textContent!.trim();
        type($('input[name=username]'), 'mfa@example.com');
        type($('input[name=password]'), 'demo-password');
        root.querySelector<HTMLButtonElement>('form[part=form] [type=submit]')!.click();
        await waitUntil(() => root.querySelector('form.mfa') !== null);
        type($('input[name=otp]'), '111111');
        const form = root.querySelector<HTMLFormElement>('form.mfa')!;
        form.requestSubmit();
        form.requestSubmit();
        await new Promise((resolve) => setTimeout(resolve, 20));
        expect(status()).to.equal('Checking the code…');
        expect($('input[name=otp]').value).to.equal('111111');
        await waitUntil(() => status().includes('not valid'), 'the wrong code was never said');
        expect($('input[name=otp]').value).to.equal('111111', 'the code is kept to be corrected');
        expect(form.isConnected).to.equal(true, 'still on the code step');
        expect(api.calls.filter((c) => c.form?.get('grant_type') !== 'password')).to.have.length(1);
      });

      it('D7: a 401 on the logged-out form refuses the credentials, not "your session"', async () => {
        fakeFetch({
          'POST /oauth/token': {
            status: 401,
            body: {
              error: 'invalid_token',
              error_description: 'The access token provided is invalid.',
            },
          },
        });
        const el = await widget.render();
        const root = widget.root(el);
        type(root.querySelector<HTMLInputElement>('input[name=username]')!, 'demo@example.com');
        type(root.querySelector<HTMLInputElement>('input[name=password]')!, 'demo-password');
        root.querySelector<HTMLButtonElement>('form[part=form] [type=submit]')!.click();
        const status = () => root.querySelector('[role=status]')!.textContent!.trim();
        await waitUntil(() => status() && !status().endsWith('…'), 'nothing said');
        expect(status()).to.equal('The email or password is incorrect. Check both and try again.');
        expect(status()).not.to.include('session');
      });
    });
  }

  it('D7: <particle-create-token> forgets the token it showed when the reader logs out', async () => {
    signIn(API, { username: 'demo@example.com' });
    fakeFetch({ 'POST /oauth/token': grant(900) });
    const el = await fixture<ParticleCreateToken>(
      html`<particle-create-token api-base=${API}></particle-create-token>`,
    );
    const root = el.shadowRoot!;
    type(root.querySelector<HTMLInputElement>('input[name=password]')!, 'demo-password');
    root.querySelector<HTMLButtonElement>('form[part=form] [type=submit]')!.click();
    await waitUntil(() => root.querySelector('[part=result]'), 'no token');
    apiFor(API).session.end('logout');
    await el.updateComplete;
    expect(root.querySelector('[part=result]')).to.equal(null);
    expect(root.querySelector('particle-secret')).to.equal(null, 'nothing left to reveal or copy');
    expect(root.textContent).not.to.include('Token created');
  });

  it('D7: a token created while logged out stays when the reader then logs in', async () => {
    fakeFetch({ 'POST /oauth/token': grant(900) });
    const el = await fixture<ParticleCreateToken>(
      html`<particle-create-token api-base=${API}></particle-create-token>`,
    );
    const root = el.shadowRoot!;
    type(root.querySelector<HTMLInputElement>('input[name=username]')!, 'demo@example.com');
    type(root.querySelector<HTMLInputElement>('input[name=password]')!, 'demo-password');
    root.querySelector<HTMLButtonElement>('form[part=form] [type=submit]')!.click();
    await waitUntil(() => root.querySelector('[part=result]'), 'no token');
    signIn(API, { username: 'demo@example.com' });
    await el.updateComplete;
    expect(root.querySelector('[part=result]')).not.to.equal(null);
  });
});
