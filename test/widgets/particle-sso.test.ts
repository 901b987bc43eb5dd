import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import sinon from 'sinon';
import { apiFor } from '../../widgets/api-helper/client.js';
import type { ParticleLoginEvent } from '../../widgets/events.js';
import type { ParticleSso } from '../../widgets/particle-sso.js';
import '../../widgets/particle-sso.js';
import { heardAsSeen, names } from '../helpers/ax-tree.js';
import { clickRepeatedly, fakeFetch } from '../helpers/fake-fetch.js';
import { fakeToken, resetSessions, signIn } from '../helpers/session.js';
import {
  codeStepShown,
  expiredChallenge,
  GOOD_CODE,
  grant,
  mfaAccount,
  mfaRequired,
  NEW_TOKEN,
  type,
  wrongPassword,
} from './login-fixtures.js';

import { expectFocus, liveRegions, runWidgetBaseTests } from './widget-base-tests.js';

/** Its own API origin: every suite's page shares this localStorage; a session stored here is ours. */
const API = 'https://sso.api.test';

const render = (selectOrg = false) =>
  fixture<ParticleSso>(
    html`<particle-sso api-base=${API} ?select-org=${selectOrg}>
      <div class="particle-fallback">Log in needs JavaScript.</div>
    </particle-sso>`,
  );

const $ = <T extends Element = HTMLInputElement>(el: ParticleSso, selector: string) =>
  el.querySelector<T>(selector)!;
const status = (el: ParticleSso) => $(el, '[role=status]').textContent!.trim();
const loginButton = (el: ParticleSso) => $<HTMLButtonElement>(el, 'form[part=form] [type=submit]');

function fillLogin(el: ParticleSso, username = 'demo@example.com', password = 'demo-password') {
  type($(el, 'input[name=username]'), username);
  type($(el, 'input[name=password]'), password);
}

async function logIn(el: ParticleSso) {
  fillLogin(el);
  loginButton(el).click();
  await waitUntil(() => el.querySelector('[part=logged-in]'), 'not logged in');
}

describe('<particle-sso>', () => {
  afterEach(() => {
    sinon.restore();
    resetSessions();
  });

  it('is accessible', async () => {
    await expect(await render()).to.be.accessible();
  });

  it('is accessible when logged in', async () => {
    signIn(API);
    await expect(await render(true)).to.be.accessible({ ignoredRules: [] });
  });

  describe('for password managers', () => {
    it('keeps a real login form in the light DOM, with labels and autocomplete', async () => {
      const el = await render();
      expect(el.shadowRoot).to.equal(null);
      const form = document.querySelector('particle-sso form[part=form]')!;
      const field = (ac: string) =>
        form.querySelector<HTMLInputElement>(`input[autocomplete="${ac}"]`)!;
      expect(field('username').type).to.equal('email');
      expect(field('current-password').type).to.equal('password');
      for (const input of [field('username'), field('current-password')]) {
        expect(input.labels?.[0]?.textContent).to.match(/Email|Password/);
        expect(input.form).to.equal(form);
      }
      expect(loginButton(el).form).to.equal(form);
    });

    it('keeps its styles scoped to itself', async () => {
      const el = await render();
      const outside = document.createElement('button');
      document.body.append(outside);
      expect(getComputedStyle(loginButton(el)).fontWeight).to.equal('600');
      expect(getComputedStyle(outside).fontWeight).not.to.equal('600');
      outside.remove();
    });
  });

  describe('when logging in with a password', () => {
    it('offers the lifetimes, 1 hour first, and does not keep the session on the device unasked', async () => {
      const el = await render();
      const select = $<HTMLSelectElement>(el, 'select[name=expiresIn]');
      expect([...select.options].map((o) => [o.value, o.textContent])).to.deep.equal([
        ['3600', '1 hour'],
        ['28800', '8 hours'],
        ['86400', '1 day'],
        ['604800', '1 week'],
        ['2592000', '30 days'],
        ['7776000', '90 days'],
      ]);
      expect(select.value).to.equal('3600');
      const remember = $(el, 'input[name=remember]');
      expect(remember.checked).to.equal(false);
      const heard = await heardAsSeen('logged out');
      expect(names(heard, 'combobox')).to.deep.equal(['Stay logged in for']);
      expect(names(heard, 'checkbox')).to.deep.equal(['Keep me logged in on this device']);
    });

    it('leaves no password in the field it was typed in once logged in', async () => {
      fakeFetch({ 'POST /oauth/token': grant(3600) });
      const el = await render();
      fillLogin(el);
      const password = $(el, 'input[name=password]');
      loginButton(el).click();
      await waitUntil(() => el.querySelector('[part=logged-in]'));
      expect(el.querySelector('input[name=password]'), 'the form is gone').to.equal(null);
      await waitUntil(() => password.value === '', 'the typed password is emptied');
    });

    it('starts a tab session for one hour by default and says who is logged in', async () => {
      const api = fakeFetch({ 'POST /oauth/token': grant(3600) });
      const el = await render();
      fillLogin(el);
      setTimeout(() => loginButton(el).click());
      const event = (await oneEvent(el, 'particle-login')) as unknown as ParticleLoginEvent;
      expect(event.username).to.equal('demo@example.com');
      expect(event.bubbles && event.composed).to.equal(true);
      const form = api.calls[0]!.form!;
      expect(form.get('grant_type')).to.equal('password');
      expect(form.get('expires_in')).to.equal('3600');
      expect(api.calls[0]!.url).not.to.contain('demo-password');
      await el.updateComplete;
      expect(el.textContent).to.contain('Logged in as demo@example.com');
      expect(el.textContent).to.contain('expires in 1 hour');
      expect(status(el)).to.equal('Logged in. Every widget on this page now uses this session.');
      // The focus moves to "Logged in as …" (the line itself, not just somewhere on the page).
      await waitUntil(() => document.activeElement?.classList.contains('who'), 'focus on who');
      expect(document.activeElement?.textContent).to.contain('Logged in as demo@example.com');
      const session = apiFor(API).session.value!;
      expect(session.token).to.equal(NEW_TOKEN);
      expect(session.persistence).to.equal('tab');
      expect(JSON.stringify(sessionStorage)).to.contain(NEW_TOKEN);
      expect(JSON.stringify(localStorage)).not.to.contain(NEW_TOKEN);
      expect(el.outerHTML, 'the session token is nowhere in the page').not.to.contain(NEW_TOKEN);
      expect(el.outerHTML).not.to.contain('demo-password');
    });

    it('keeps the session on this device only when asked to', async () => {
      fakeFetch({ 'POST /oauth/token': grant(604800) });
      const el = await render();
      fillLogin(el);
      type($<HTMLSelectElement>(el, 'select[name=expiresIn]'), '604800');
      $(el, 'input[name=remember]').click();
      setTimeout(() => loginButton(el).click());
      await oneEvent(el, 'particle-login');
      await el.updateComplete;
      expect(el.textContent).to.contain('expires in 7 days');
      expect(apiFor(API).session.value!.persistence).to.equal('device');
      expect(JSON.stringify(localStorage)).to.contain(NEW_TOKEN);
      expect(JSON.stringify(sessionStorage)).not.to.contain(NEW_TOKEN);
    });

    it('says a wrong password, keeps the input and focuses the password', async () => {
      fakeFetch({ 'POST /oauth/token': wrongPassword });
      const el = await render();
      fillLogin(el, 'demo@example.com', 'wrong');
      loginButton(el).click();
      await waitUntil(() => status(el).includes('incorrect'));
      expect(status(el)).to.equal('The email or password is incorrect. Check both and try again.');
      expect($(el, 'input[name=username]').value).to.equal('demo@example.com');
      expect($(el, 'input[name=password]').value).to.equal('wrong');
      expect($(el, 'input[name=password]').getAttribute('aria-invalid')).to.equal('true');
      expectFocus(document.activeElement, $(el, 'input[name=password]'));
      expect(apiFor(API).session.value).to.equal(null);
    });
  });

  describe('when the account uses MFA', () => {
    async function toCodeStep(el: ParticleSso, lifetime = '3600') {
      fillLogin(el, 'mfa@example.com');
      type($<HTMLSelectElement>(el, 'select[name=expiresIn]'), lifetime);
      loginButton(el).click();
      await waitUntil(() => codeStepShown(el), 'no code step');
    }

    const code = (el: ParticleSso) => $(el, 'input[name=otp]');
    const verify = (el: ParticleSso, otp: string) => {
      type(code(el), otp);
      $<HTMLButtonElement>(el, 'form.mfa [type=submit]').click();
    };

    it('asks for the code, says why, and focuses the code field', async () => {
      fakeFetch({ 'POST /oauth/token': mfaAccount() });
      const el = await render();
      await toCodeStep(el);
      expect($(el, 'form[part=form]').hidden).to.equal(true);
      expect($(el, 'form.mfa').textContent).to.contain(
        'Your account uses two-step verification: enter the 6-digit code from your authenticator app.',
      );
      expect(code(el).autocomplete).to.equal('one-time-code');
      expect(code(el).inputMode).to.equal('numeric');
      expect(code(el).labels![0]!.textContent).to.equal('One-time code');
      expectFocus(document.activeElement, code(el));
      expect(status(el)).to.equal('Password accepted. One more step: the one-time code.');
      await expect(el).to.be.accessible();
    });

    it('sends one code check however often Verify is clicked, and is busy meanwhile', async () => {
      const api = fakeFetch({ 'POST /oauth/token': [mfaRequired, 'hang'] });
      const el = await render();
      await toCodeStep(el);
      type(code(el), GOOD_CODE);
      const button = $<HTMLButtonElement>(el, 'form.mfa [type=submit]');
      await clickRepeatedly(
        () => button,
        el,
        () => api.calls.length,
        1,
      );
      expect(api.calls).to.have.length(2);
      expect(button.disabled).to.equal(true);
      expect($(el, 'form.mfa').getAttribute('aria-busy')).to.equal('true');
      expect(status(el)).to.equal('Checking the code…');
    });

    it('keeps the lifetime chosen in step one', async () => {
      const api = fakeFetch({ 'POST /oauth/token': mfaAccount() });
      const el = await render();
      await toCodeStep(el, '86400');
      verify(el, GOOD_CODE);
      await waitUntil(() => el.querySelector('[part=logged-in]'));
      expect(api.calls[1]!.form!.get('grant_type')).to.equal('urn:custom:mfa-otp');
      expect(api.calls[1]!.form!.get('otp')).to.equal(GOOD_CODE);
      expect(el.textContent).to.contain('expires in 24 hours');
      expect(apiFor(API).session.value!.username).to.equal('mfa@example.com');
    });

    it('lets the reader retry a wrong code', async () => {
      fakeFetch({ 'POST /oauth/token': mfaAccount() });
      const el = await render();
      await toCodeStep(el);
      verify(el, '000000');
      await waitUntil(() => status(el).includes('not valid'));
      expect(status(el)).to.contain('That one-time code is not valid');
      expect(codeStepShown(el)).to.equal(true);
      expect(code(el).value).to.equal('000000');
      expectFocus(document.activeElement, code(el));
      verify(el, GOOD_CODE);
      await waitUntil(() => el.querySelector('[part=logged-in]'));
    });

    it('returns to step one with a message when the MFA step has expired', async () => {
      fakeFetch({ 'POST /oauth/token': mfaAccount(expiredChallenge) });
      const el = await render();
      await toCodeStep(el);
      verify(el, '999999');
      await waitUntil(() => !$(el, 'form[part=form]').hidden);
      expect(status(el)).to.equal(
        'The two-step login has expired. Log in again with your email and password.',
      );
      expect($(el, 'input[name=username]').value).to.equal('mfa@example.com');
      expect($(el, 'input[name=password]').value).to.equal('demo-password');
      expectFocus(document.activeElement, $(el, 'input[name=password]'));
    });

    it('drops a code step left open when the reader logs in elsewhere', async () => {
      fakeFetch({ 'POST /oauth/token': mfaAccount() });
      const el = await render();
      await toCodeStep(el);
      signIn(API, { username: 'other@example.com' });
      await el.updateComplete;
      apiFor(API).session.end();
      await el.updateComplete;
      expect(codeStepShown(el)).to.equal(false);
      expect($(el, 'form[part=form]').hidden).to.equal(false);
    });

    it('can be cancelled', async () => {
      fakeFetch({ 'POST /oauth/token': mfaAccount() });
      const el = await render();
      await toCodeStep(el);
      $<HTMLButtonElement>(el, 'form.mfa [part=cancel]').click();
      await el.updateComplete;
      expect(codeStepShown(el)).to.equal(false);
      expect($(el, 'input[name=username]').value).to.equal('mfa@example.com');
      expect(status(el)).to.equal('Two-step login cancelled.');
      expectFocus(document.activeElement, $(el, 'input[name=password]'));
    });
  });

  describe('when using an access token', () => {
    const pasted = fakeToken('c');

    async function useToken(el: ParticleSso) {
      $<HTMLButtonElement>(el, '.mode-switch').click();
      await el.updateComplete;
      expectFocus(document.activeElement, $(el, 'input[name=token]'));
      type($(el, 'input[name=token]'), pasted);
      loginButton(el).click();
    }

    it('checks the token with GET /v1/user in the header before using it', async () => {
      const expires = new Date(Date.now() + 7_200_000).toISOString();
      const api = fakeFetch({
        'GET /v1/user': { body: { username: 'demo@example.com' } },
        'GET /v1/access_tokens/current': { body: { expires_at: expires, scopes: [], orgs: [] } },
      });
      const el = await render();
      expect(loginButton(el).textContent!.trim()).to.equal('Log in');
      await useToken(el);
      expect(loginButton(el).textContent!.trim()).to.equal('Use token');
      await waitUntil(() => el.querySelector('[part=logged-in]'));
      const check = api.callsTo('GET /v1/user')[0]!;
      expect(check.headers.get('Authorization')).to.equal(`Bearer ${pasted}`);
      expect(check.url).not.to.contain(pasted);
      expect(apiFor(API).session.value!.token).to.equal(pasted);
      expect(el.textContent).to.contain('expires in 2 hours');
    });

    it('refuses a token the API does not accept, and keeps it in the field', async () => {
      fakeFetch({ 'GET /v1/user': { status: 401, body: { error: 'invalid_token' } } });
      const el = await render();
      await useToken(el);
      await waitUntil(() =>
        status(el).includes('That access token is invalid, revoked or expired'),
      );
      expect($(el, 'input[name=token]').value).to.equal(pasted);
      expect($(el, 'input[name=token]').getAttribute('aria-invalid')).to.equal('true');
      expectFocus(document.activeElement, $(el, 'input[name=token]'));
      expect(apiFor(API).session.value).to.equal(null);
    });
  });

  it('hides "Keep me logged in" when the site keeps sessions in memory only', async () => {
    const meta = Object.assign(document.createElement('meta'), {
      name: 'particle-docs:session',
      content: 'memory',
    });
    document.head.append(meta);
    try {
      fakeFetch({ 'POST /oauth/token': grant(3600) });
      const el = await render();
      expect($(el, 'input[name=remember]').closest<HTMLElement>('.row')!.hidden).to.equal(true);
      await logIn(el);
      expect(apiFor(API).session.value!.persistence).to.equal('memory');
      expect(JSON.stringify(sessionStorage) + JSON.stringify(localStorage)).not.to.contain(
        NEW_TOKEN,
      );
    } finally {
      meta.remove();
    }
  });

  describe('when logged in', () => {
    it('follows a login made elsewhere on the page, dropping an old message', async () => {
      fakeFetch({ 'POST /oauth/token': wrongPassword });
      const el = await render();
      fillLogin(el);
      loginButton(el).click();
      await waitUntil(() => status(el).includes('incorrect'));
      signIn(API, { username: 'other@example.com' });
      await el.updateComplete;
      expect(el.textContent).to.contain('Logged in as other@example.com');
      expect(status(el)).to.equal('');
    });

    it('says "never expires" for a token without expiry', async () => {
      signIn(API, { expiresAt: null });
      const el = await render();
      expect(el.textContent).to.contain('never expires');
    });

    it('logs out by revoking the token, then shows the form with the email filled in', async () => {
      const session = signIn(API);
      const api = fakeFetch({ 'DELETE /v1/access_tokens/current': { body: { ok: true } } });
      const el = await render();
      setTimeout(() => $<HTMLButtonElement>(el, '[part=logout]').click());
      const event = await oneEvent(el, 'particle-logout');
      expect(event.bubbles && event.composed).to.equal(true);
      expect(api.calls[0]!.headers.get('Authorization')).to.equal(`Bearer ${session.token}`);
      await el.updateComplete;
      expect(status(el)).to.contain('Logged out. The access token of demo@example.com is revoked.');
      expect($(el, 'input[name=username]').value).to.equal('demo@example.com');
      expectFocus(document.activeElement, $(el, 'input[name=username]'));
      expect(apiFor(API).session.value).to.equal(null);
    });

    it('sends one revocation however often Log out is clicked', async () => {
      signIn(API);
      const api = fakeFetch({ 'DELETE /v1/access_tokens/current': 'hang' });
      const el = await render();
      const button = $<HTMLButtonElement>(el, '[part=logout]');
      await clickRepeatedly(
        () => button,
        el,
        () => api.calls.length,
      );
      expect(api.calls).to.have.length(1);
      expect(button.disabled).to.equal(true);
      expect(status(el)).to.equal('Logging out…');
    });

    it('says so when the token could not be revoked, and still logs out here', async () => {
      signIn(API);
      fakeFetch({ 'DELETE /v1/access_tokens/current': 'network-error' });
      const el = await render();
      $<HTMLButtonElement>(el, '[part=logout]').click();
      await waitUntil(() => status(el).includes('could not be revoked'), 'no warning');
      expect(status(el)).to.match(
        /^Logged out on this page, but the token could not be revoked\. /,
      );
      expect(apiFor(API).session.value).to.equal(null);
      expectFocus(document.activeElement, $(el, 'input[name=username]'));
    });

    it('follows a logout made elsewhere also while its page renders no frames', async () => {
      // A page out of sight (a background tab, an occluded window) may render no frames
      // without being `hidden`; a widget that waited for one would never hear of it.
      signIn(API);
      const el = await render();
      const frames = sinon.stub(window, 'requestAnimationFrame').returns(0);
      try {
        apiFor(API).session.end();
        await el.updateComplete;
        expect(frames.called, 'the update waited for a frame').to.equal(true);
        expect(status(el)).to.equal('You were logged out.');
        expect(el.querySelector('[part=logged-in]')).to.equal(null);
      } finally {
        frames.restore();
      }
    });

    it('follows a logout made elsewhere, saying so and keeping the email', async () => {
      signIn(API, { username: 'reader@example.com' });
      const el = await render();
      const elsewhere = document.createElement('button');
      document.body.append(elsewhere);
      elsewhere.focus();
      apiFor(API).session.end();
      await el.updateComplete;
      expect(el.querySelector('[part=logged-in]')).to.equal(null);
      expect(status(el)).to.equal('You were logged out.');
      expect($(el, 'input[name=username]').value).to.equal('reader@example.com');
      expectFocus(document.activeElement, elsewhere, 'focus is not taken from the page');
      elsewhere.remove();
    });

    it('ends the session when it expires', async () => {
      const clock = sinon.useFakeTimers({
        now: Date.now(),
        toFake: ['setTimeout', 'setInterval', 'Date'],
      });
      try {
        signIn(API, { expiresAt: Date.now() + 120_000 });
        const el = await render();
        $<HTMLButtonElement>(el, '[part=logout]').focus();
        expect(el.textContent).to.contain('expires in 2 minutes');
        await clock.tickAsync(60_000);
        await el.updateComplete;
        expect(el.textContent).to.contain('expires in 1 minute');
        await clock.tickAsync(61_000);
        await el.updateComplete;
        expect(el.querySelector('[part=logged-in]')).to.equal(null);
        expect(status(el)).to.equal('Your session has expired. Log in again.');
        expect($(el, 'input[name=username]').value).to.equal('demo@example.com');
        expectFocus(
          document.activeElement,
          $(el, 'input[name=username]'),
          'focus stays in the widget',
        );
      } finally {
        // Restored here, not only in afterEach: a failure must not leave later tests' timers fake.
        clock.restore();
      }
    });

    it('lists the organizations with select-org and keeps the choice in the session', async () => {
      signIn(API);
      fakeFetch({
        'GET /v1/orgs': {
          body: { organizations: [{ id: 'org1', slug: 'acme', name: 'Acme Inc' }] },
        },
      });
      const el = await render(true);
      const picker = el.querySelector('particle-org-picker')!;
      await waitUntil(() => picker.shadowRoot?.querySelector('select'), 'no organizations');
      const select = picker.shadowRoot!.querySelector('select')!;
      expect(select.labels![0]!.textContent).to.equal('Organization');
      type(select, 'org1');
      expect(apiFor(API).session.value!.org).to.deep.equal({
        id: 'org1',
        slug: 'acme',
        name: 'Acme Inc',
      });
      type(select, '');
      expect(apiFor(API).session.value!.org).to.equal(undefined);
      await expect(el).to.be.accessible();
    });
  });

  describe('when the organizations cannot be loaded (select-org)', () => {
    const failed =
      /^Your organizations could not be loaded\. The Particle API had a problem \(HTTP 500\)/;

    it('says so in its one live region, again on a failed retry, and when they load', async () => {
      signIn(API);
      const api = fakeFetch({
        'GET /v1/orgs': [
          { status: 500, body: { error: 'server_error' } },
          { status: 500, body: { error: 'server_error' } },
          { body: { organizations: [{ id: 'org1', slug: 'acme', name: 'Acme Inc' }] } },
        ],
      });
      const el = await render(true);
      await waitUntil(() => failed.test(status(el)), 'the failure is not in the live region');
      const picker = el.querySelector('particle-org-picker')!;
      const retry = () => picker.shadowRoot!.querySelector<HTMLButtonElement>('button')!;
      expect(picker.shadowRoot!.querySelector('.error')!.textContent).to.contain('HTTP 500');
      expect(retry().textContent!.trim()).to.equal('Load organizations again');
      expect(liveRegions(el), 'one live region in the widget').to.have.length(1);
      expect(liveRegions(picker.shadowRoot!), 'none in the picker').to.have.length(0);

      // The same sentence again is announced only if the region changes in between.
      const said: string[] = [];
      new MutationObserver(() => said.push(status(el))).observe($(el, '[role=status]'), {
        childList: true,
        subtree: true,
        characterData: true,
      });
      retry().click();
      await waitUntil(
        () => api.callsTo('GET /v1/orgs').length === 2 && said.length >= 2,
        'the failed retry was not said again',
      );
      expect(said[0]).to.equal('');
      expect(said.at(-1)).to.match(failed);
      await waitUntil(() => picker.shadowRoot!.activeElement === retry());
      expectFocus(picker.shadowRoot!.activeElement, retry());

      retry().click();
      await waitUntil(() => status(el) === 'Your organizations are loaded.', 'no success said');
      const select = picker.shadowRoot!.querySelector('select')!;
      await waitUntil(() => picker.shadowRoot!.activeElement === select);
      expectFocus(picker.shadowRoot!.activeElement, select);
      await expect(el).to.be.accessible();
    });

    it('leaves the login sentence alone when they load the first time', async () => {
      fakeFetch({
        'POST /oauth/token': grant(3600),
        'GET /v1/orgs': { body: { organizations: [] } },
      });
      const el = await render(true);
      await logIn(el);
      const picker = el.querySelector('particle-org-picker')!;
      await waitUntil(() => picker.shadowRoot?.textContent?.includes('not a member'));
      expect(status(el)).to.equal('Logged in. Every widget on this page now uses this session.');
    });
  });

  describe('focusLogin()', () => {
    it('focuses Email when logged out and Log out when logged in', async () => {
      const el = await render();
      await el.focusLogin();
      expectFocus(document.activeElement, $(el, 'input[name=username]'));
      signIn(API);
      await el.focusLogin();
      expectFocus(document.activeElement, $(el, '[part=logout]'));
    });
  });

  runWidgetBaseTests('<particle-sso>', {
    setup: () => render(),
    root: (el) => el,
    fill: (root) => fillLogin(root as ParticleSso),
    submit: 'form[part=form] [type=submit]',
    route: 'POST /oauth/token',
    kept: ['input[name=username]', 'input[name=password]'],
  });

  runWidgetBaseTests('<particle-sso> with an access token', {
    setup: () => render(),
    root: (el) => el,
    fill: async (root) => {
      const el = root as ParticleSso;
      $<HTMLButtonElement>(el, '.mode-switch').click();
      await el.updateComplete;
      type($(el, 'input[name=token]'), fakeToken('d'));
    },
    submit: 'form[part=form] [type=submit]',
    route: 'GET /v1/user',
    extraRoutes: { 'GET /v1/access_tokens/current': { body: { expires_at: null } } },
    kept: ['input[name=token]'],
  });
});
