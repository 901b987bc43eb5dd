// The stand-in hosted login (/login, /login/verify, /logout, /account-info): accessible
// server-rendered forms, real emulator tokens in the docs' cookie, no open redirect.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Secret, TOTP } from 'otpauth';
import { bearer, DEMO, emulator, form, MFA } from './helpers.js';

const DOCS = 'http://localhost:8080';
const PAGE = `${DOCS}/reference/cloud-apis/access-tokens/?x=1#top`;
const COOKIE = 'ember_simple_auth_session';

const stack = () => emulator({ siteUrl: `${DOCS}/` });
const loginForm = (fields: Record<string, string>) => form({ redirect: PAGE, ...fields });
const code = (offset = 0) =>
  new TOTP({ secret: Secret.fromBase32(MFA.secret), digits: 6, period: 30 }).generate({
    timestamp: Date.now() + offset,
  });

/** The cookie a response sets: its value (decoded JSON) and its attributes, lower-cased. */
function setCookie(res: Response) {
  const header = res.headers.get('Set-Cookie') ?? '';
  const [pair, ...attrs] = header.split(';').map((part) => part.trim());
  const [name, value] = [pair!.slice(0, pair!.indexOf('=')), pair!.slice(pair!.indexOf('=') + 1)];
  return { name, value, attrs: attrs.map((a) => a.toLowerCase()) };
}

const tokenIn = (value: string) =>
  JSON.parse(decodeURIComponent(value)).authenticated as { username: string; access_token: string };

describe('stand-in hosted login', () => {
  it('serves an accessible login page under a strict CSP, with no script and no inline style', async () => {
    const res = await stack().request(`/login?redirect=${encodeURIComponent(PAGE)}`);
    assert.equal(res.status, 200);
    const csp = res.headers.get('Content-Security-Policy') ?? '';
    assert.match(csp, /default-src 'none'/);
    assert.match(csp, /form-action 'self' http:\/\/localhost:8080/);
    const page = await res.text();
    assert.match(page, /<h1>Log in to Particle<\/h1>/);
    assert.match(
      page,
      /<label for="email">Email<\/label>\n<input id="email" name="username" type="email" autocomplete="username"/,
    );
    assert.match(
      page,
      /<label for="password">Password<\/label>\n<input id="password" name="password" type="password" autocomplete="current-password"/,
    );
    assert.match(page, /<link rel="stylesheet" href="\/login\/style\.css">/);
    assert.doesNotMatch(page, /<script|<style|style=/);
    // The return address is escaped into the form, & included.
    assert.match(
      page,
      /name="redirect" value="http:\/\/localhost:8080\/reference\/cloud-apis\/access-tokens\/\?x=1#top"/,
    );
    const css = await stack().request('/login/style.css');
    assert.equal(css.headers.get('Content-Type'), 'text/css; charset=utf-8');
  });

  it('refuses to return anywhere but the docs site, with a page that says so', async () => {
    const app = stack();
    for (const redirect of [
      'https://evil.example/phish',
      'http://localhost:9999/',
      'javascript:alert(1)',
      '//evil.example/',
      '',
    ]) {
      const query = redirect ? `?redirect=${encodeURIComponent(redirect)}` : '';
      for (const path of ['/login', '/logout', '/account-info']) {
        const res = await app.request(`${path}${query}`);
        assert.equal(res.status, 400, `${path} ${redirect}`);
        const page = await res.text();
        assert.match(page, /This address is not allowed/);
        assert.match(page, /only sends you back to the docs site, http:\/\/localhost:8080/);
        assert.ok(!page.includes('evil.example'), 'no link to the refused address');
      }
    }
    const posted = await app.request(
      '/login',
      form({ redirect: 'https://evil.example/', ...DEMO }),
    );
    assert.equal(posted.status, 400);
    assert.equal(posted.headers.get('Set-Cookie'), null, 'no login for a refused address');
  });

  it('logs in with a real token in the docs cookie and returns to the page', async () => {
    const app = stack();
    const res = await app.request('/login', loginForm(DEMO));
    assert.equal(res.status, 303);
    assert.equal(res.headers.get('Location'), PAGE);
    const cookie = setCookie(res);
    assert.equal(cookie.name, COOKIE);
    assert.ok(cookie.attrs.includes('path=/'));
    assert.ok(cookie.attrs.includes('samesite=lax'));
    assert.ok(!cookie.attrs.some((a) => a.startsWith('domain')), 'for this host name only');
    assert.ok(!cookie.attrs.includes('httponly'), 'the docs page reads it');
    const auth = tokenIn(cookie.value);
    assert.equal(auth.username, DEMO.username);
    const user = await app.request('/v1/user', bearer(auth.access_token));
    assert.equal(user.status, 200);
  });

  it('says what is wrong and keeps the email, escaped', async () => {
    const app = stack();
    const hostile = '"><script>alert(1)</script>@example.com';
    const res = await app.request('/login', loginForm({ username: hostile, password: 'nope' }));
    assert.equal(res.status, 401);
    assert.equal(res.headers.get('Set-Cookie'), null);
    const page = await res.text();
    assert.match(
      page,
      /<p id="error" class="error" role="alert">That email and password do not match an account\./,
    );
    assert.match(page, /aria-invalid="true" aria-describedby="error"/);
    assert.ok(!page.includes('<script>alert'));
    assert.match(page, /value="&quot;&gt;&lt;script&gt;alert\(1\)&lt;\/script&gt;@example\.com"/);
    const empty = await app.request('/login', loginForm({ username: DEMO.username, password: '' }));
    assert.equal(empty.status, 400);
    assert.match(await empty.text(), /Enter your email and your password\./);
  });

  it('asks an MFA account for its one-time code, then logs in', async () => {
    const app = stack();
    const first = await app.request('/login', loginForm(MFA));
    assert.equal(first.status, 200);
    assert.equal(first.headers.get('Set-Cookie'), null);
    const page = await first.text();
    assert.match(page, /<h1>Two-step verification<\/h1>/);
    assert.match(
      page,
      /<label for="otp">One-time code<\/label>\n<input id="otp" name="otp" type="text" inputmode="numeric" autocomplete="one-time-code"/,
    );
    const mfaToken = /name="mfa_token" value="([^"]+)"/.exec(page)?.[1];
    assert.ok(mfaToken);

    const wrong = await app.request(
      '/login/verify',
      form({ redirect: PAGE, mfa_token: mfaToken, otp: code() === '000000' ? '111111' : '000000' }),
    );
    assert.equal(wrong.status, 401);
    assert.match(await wrong.text(), /That code is not right/);

    const right = await app.request(
      '/login/verify',
      form({ redirect: PAGE, mfa_token: mfaToken, otp: code() }),
    );
    assert.equal(right.status, 303);
    assert.equal(right.headers.get('Location'), PAGE);
    assert.equal(tokenIn(setCookie(right).value).username, MFA.username);
  });

  it('starts over when the code step is unknown or used up', async () => {
    const res = await stack().request(
      '/login/verify',
      form({ redirect: PAGE, mfa_token: 'nope', otp: code() }),
    );
    assert.equal(res.status, 400);
    const page = await res.text();
    assert.match(page, /This login took too long or was already used/);
    assert.match(page, /<h1>Log in to Particle<\/h1>/);
  });

  it('logs out: revokes the token, clears the cookie, returns to the page', async () => {
    const app = stack();
    const token = tokenIn(
      setCookie(await app.request('/login', loginForm(DEMO))).value,
    ).access_token;
    const cookieHeader = {
      Cookie: `${COOKIE}=${encodeURIComponent(JSON.stringify({ authenticated: { username: DEMO.username, access_token: token } }))}`,
    };

    const refused = await app.request('/logout?redirect=https%3A%2F%2Fevil.example%2F', {
      headers: cookieHeader,
    });
    assert.equal(refused.status, 400);
    assert.equal(
      (await app.request('/v1/user', bearer(token))).status,
      200,
      'a refused logout changes nothing',
    );

    const account = await app.request(`/account-info?redirect=${encodeURIComponent(PAGE)}`, {
      headers: cookieHeader,
    });
    assert.match(await account.text(), /Logged in as <strong>demo@example\.com<\/strong>/);

    const res = await app.request(`/logout?redirect=${encodeURIComponent(PAGE)}`, {
      headers: cookieHeader,
    });
    assert.equal(res.status, 303);
    assert.equal(res.headers.get('Location'), PAGE);
    const cleared = setCookie(res);
    assert.equal(cleared.name, COOKIE);
    assert.ok(cleared.attrs.includes('max-age=0'));
    assert.ok(cleared.attrs.includes('path=/'));
    assert.equal((await app.request('/v1/user', bearer(token))).status, 401);

    const after = await app.request(`/account-info?redirect=${encodeURIComponent(PAGE)}`, {
      headers: cookieHeader,
    });
    assert.match(await after.text(), /You are not logged in\./);
  });

  it('is not served unless the docs site is configured', async () => {
    const res = await emulator().request(`/login?redirect=${encodeURIComponent(PAGE)}`);
    assert.equal(res.status, 404);
  });
});
