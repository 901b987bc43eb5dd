import { expect } from '@open-wc/testing';
import {
  clearLoginCookie,
  hostedUrl,
  readLoginCookie,
} from '../../widgets/api-helper/hosted-cookie.js';
import { hostedLogin, sharesCookies } from '../../widgets/api-helper/site-session.js';
import { dropCookie, writeCookie } from '../helpers/cookies.js';

const NAME = 'test_site_session';
const set = (raw: string) => {
  writeCookie(NAME, raw);
};

describe('site-session (shared by the core and the header script)', () => {
  afterEach(() => {
    dropCookie(NAME);
    for (const meta of document.head.querySelectorAll('meta[data-test=site-session]'))
      meta.remove();
  });

  it('knows which login hosts share cookies with the page', () => {
    expect(sharesCookies('localhost', 'localhost')).to.equal(true);
    expect(sharesCookies('login.particle.io', 'docs.particle.io')).to.equal(true);
    expect(sharesCookies('login.particle.io', 'docs.example.com')).to.equal(false);
    expect(sharesCookies('127.0.0.1', 'localhost')).to.equal(false);
    expect(sharesCookies('10.0.0.1', '10.0.0.2')).to.equal(false);
  });

  it('reads the login from the cookie, and nothing from a malformed one', () => {
    set(
      encodeURIComponent(
        JSON.stringify({ authenticated: { username: 'a@b.c', access_token: 't0k' } }),
      ),
    );
    expect(readLoginCookie(NAME)).to.deep.equal({ username: 'a@b.c', token: 't0k' });
    set('%7Bnot-json');
    expect(readLoginCookie(NAME)).to.equal(null);
    set(encodeURIComponent(JSON.stringify({ authenticated: {} })));
    expect(readLoginCookie(NAME)).to.equal(null);
    expect(readLoginCookie('no_such_cookie')).to.equal(null);
  });

  it('clears the cookie', () => {
    set(
      encodeURIComponent(JSON.stringify({ authenticated: { username: 'x', access_token: 'y' } })),
    );
    clearLoginCookie(NAME);
    expect(document.cookie).not.to.include(`${NAME}=`);
  });

  it('reads the hosted login from the page and builds its addresses', () => {
    expect(hostedLogin()).to.equal(null);
    const meta = document.createElement('meta');
    meta.name = 'particle-docs:login-url';
    meta.content = `http://${location.hostname}:1/`;
    meta.dataset.test = 'site-session';
    document.head.append(meta);
    const login = hostedLogin()!;
    expect(login).to.deep.equal({
      url: `http://${location.hostname}:1`,
      cookie: 'ember_simple_auth_session',
    });
    expect(hostedUrl(login, 'logout', 'http://x/a b?c=1#d')).to.equal(
      `http://${location.hostname}:1/logout?redirect=http%3A%2F%2Fx%2Fa%20b%3Fc%3D1%23d`,
    );
  });
});
