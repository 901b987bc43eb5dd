import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import sinon from 'sinon';
import { apiFor } from '../../widgets/api-helper/client.js';
import type { ParticleLoginEvent } from '../../widgets/events.js';
import type { ParticleSso } from '../../widgets/particle-sso.js';
import '../../widgets/particle-sso.js';
import { dropCookie, writeCookie } from '../helpers/cookies.js';
import { fakeFetch } from '../helpers/fake-fetch.js';
import { fakeToken, resetSessions } from '../helpers/session.js';

/** Its own API origin: every suite's page shares this localStorage. */
const API = 'https://sso-hosted.api.test';
/** The hosted login on this page's host name (any port): its cookie is readable here. */
const LOGIN = `http://${location.hostname}:9`;
const COOKIE = 'test_hosted_session';
const TOKEN = fakeToken('c');

function configure(loginUrl = LOGIN): void {
  for (const [name, content] of [
    ['particle-docs:login-url', loginUrl],
    ['particle-docs:login-cookie', COOKIE],
  ]) {
    const meta = document.createElement('meta');
    meta.name = name!;
    meta.content = content!;
    meta.dataset.test = 'hosted';
    document.head.append(meta);
  }
}

function setCookie(token = TOKEN): void {
  const value = JSON.stringify({
    authenticated: { username: 'demo@example.com', access_token: token },
  });
  writeCookie(COOKIE, encodeURIComponent(value));
}

const hasCookie = () => document.cookie.includes(`${COOKIE}=`);
const render = () => fixture<ParticleSso>(html`<particle-sso api-base=${API}></particle-sso>`);
/** The hosted login's code loads on demand: wait for its links. */
async function renderHosted() {
  const el = await render();
  await waitUntil(() => el.querySelector('[part=hosted], [part=logged-in]'), 'no hosted view');
  return el;
}
const $ = <T extends Element = HTMLElement>(el: ParticleSso, selector: string) =>
  el.querySelector<T>(selector)!;
const status = (el: ParticleSso) => $(el, '[role=status]').textContent!.trim();
const redirect = () => encodeURIComponent(location.href);
/** Follows links without leaving the test page. */
const stayHere = (event: Event) => event.preventDefault();

describe('<particle-sso> with a hosted login', () => {
  beforeEach(() => {
    document.addEventListener('click', stayHere);
  });
  afterEach(() => {
    document.removeEventListener('click', stayHere);
    sinon.restore();
    resetSessions();
    dropCookie(COOKIE);
    localStorage.removeItem(`particle-docs:stale-login:${new URL(API).origin}`);
    for (const meta of document.head.querySelectorAll('meta[data-test=hosted]')) meta.remove();
  });

  it('is accessible', async () => {
    configure();
    await expect(await renderHosted()).to.be.accessible();
  });

  describe('when logged out', () => {
    it('offers "Log in with Particle" first, to the login page coming back here', async () => {
      configure();
      const el = await renderHosted();
      const link = $<HTMLAnchorElement>(el, 'a[part=hosted-login]');
      expect(link.textContent!.trim()).to.equal('Log in with Particle');
      expect(link.getAttribute('href')).to.equal(`${LOGIN}/login?redirect=${redirect()}`);
      expect($(el, 'form[part=form]').hidden).to.equal(true);
    });

    it('keeps the in-page login one click away, and focuses its Email', async () => {
      configure();
      const el = await renderHosted();
      const toggle = $<HTMLButtonElement>(el, '[part=in-page]');
      expect(toggle.getAttribute('aria-expanded')).to.equal('false');
      toggle.click();
      await waitUntil(() => !$(el, 'form[part=form]').hidden);
      expect(toggle.getAttribute('aria-expanded')).to.equal('true');
      await waitUntil(() => document.activeElement === $(el, 'input[name=username]'));
      await el.focusLogin();
      expect(document.activeElement).to.equal($(el, 'input[name=username]'));
    });

    it('focusLogin() goes to "Log in with Particle" while the form is closed', async () => {
      configure();
      const el = await renderHosted();
      await el.focusLogin();
      expect(document.activeElement).to.equal($(el, 'a[part=hosted-login]'));
    });

    it('is the in-page login as before when this page cannot read the login cookie', async () => {
      configure('https://login.elsewhere.example');
      const el = await render();
      expect(el.querySelector('a[part=hosted-login]')).to.equal(null);
      expect($(el, 'form[part=form]').hidden).to.equal(false);
    });
  });

  describe('when the reader returns with the cookie', () => {
    it('checks the token once and makes it the session, never storing it', async () => {
      configure();
      setCookie();
      const api = fakeFetch({ 'GET /v1/user': { body: { username: 'demo@example.com' } } });
      const logins: string[] = [];
      const listener = (e: ParticleLoginEvent) => logins.push(e.username);
      document.addEventListener('particle-login', listener);
      const el = await render();
      await waitUntil(() => el.querySelector('[part=logged-in]'), 'not logged in');
      await waitUntil(() => logins.length === 1, 'no particle-login event');
      document.removeEventListener('particle-login', listener);
      expect(logins).to.deep.equal(['demo@example.com']);
      expect($(el, '[part=logged-in] .who').textContent).to.match(
        /Logged in as\s+demo@example\.com/,
      );
      expect(status(el)).to.match(/^Logged in with your Particle account\./);
      expect(api.callsTo('GET /v1/user')).to.have.length(1);
      expect(api.calls[0]!.headers.get('Authorization')).to.equal(`Bearer ${TOKEN}`);
      expect(api.calls[0]!.url).not.to.include(TOKEN);
      const session = apiFor(API).session.value!;
      expect(session.persistence).to.equal('hosted');
      const stored = [localStorage, sessionStorage].flatMap((area) =>
        Object.keys(area).map((key) => area.getItem(key) ?? ''),
      );
      expect(stored.join()).not.to.include(TOKEN);
      expect($<HTMLAnchorElement>(el, '[part=account]').getAttribute('href')).to.equal(
        `${LOGIN}/account-info?redirect=${redirect()}`,
      );
      expect($<HTMLAnchorElement>(el, '[part=hosted-logout]').getAttribute('href')).to.equal(
        `${LOGIN}/logout?redirect=${redirect()}`,
      );
    });

    it('treats a refused token as logged out, with a sentence, and clears the cookie to log in again', async () => {
      configure();
      setCookie();
      fakeFetch({ 'GET /v1/user': { status: 401, body: { error: 'invalid_token' } } });
      const el = await render();
      await waitUntil(() => /no longer valid/.test(status(el)), 'no stale sentence');
      expect(status(el)).to.equal(
        'Your Particle login is no longer valid: it was revoked or has expired. Log in again.',
      );
      expect(apiFor(API).session.value).to.equal(null);
      expect(hasCookie()).to.equal(true);
      await waitUntil(() => el.querySelector('a[part=hosted-login]'), 'no hosted link');
      $(el, 'a[part=hosted-login]').click();
      expect(hasCookie()).to.equal(false, 'cleared before going to the login page');
    });

    it('says when the token could not be checked', async () => {
      configure();
      setCookie();
      fakeFetch({ 'GET /v1/user': 'network-error' });
      const el = await render();
      await waitUntil(() => /could not be checked/.test(status(el)), 'no sentence');
      await waitUntil(() => el.querySelector('a[part=hosted-login]'), 'no hosted link');
    });

    it('logs out when the cookie goes away (a logout in another tab)', async () => {
      configure();
      setCookie();
      fakeFetch({ 'GET /v1/user': { body: { username: 'demo@example.com' } } });
      const el = await render();
      await waitUntil(() => el.querySelector('[part=logged-in]'), 'not logged in');
      dropCookie(COOKIE);
      document.dispatchEvent(new Event('visibilitychange'));
      await waitUntil(() => el.querySelector('a[part=hosted-login]'), 'still logged in');
      expect(apiFor(API).session.value).to.equal(null);
    });
  });
});
