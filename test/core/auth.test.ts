import { expect } from '@open-wc/testing';
import {
  getTokenInfo,
  getUser,
  login,
  logout,
  startSession,
  verifyMfa,
} from '../../widgets/api-helper/auth.js';
import type { ApiClient } from '../../widgets/api-helper/client.js';
import { ApiError } from '../../widgets/api-helper/errors.js';
import { fakeFetch } from '../helpers/fake-fetch.js';
import { memoryClientPerTest } from '../helpers/memory-client.js';
import { fakeToken } from '../helpers/session.js';

const BASE = 'https://auth.example.test';
const TOKEN = fakeToken('d');
const grantBody = (expiresIn: number) => ({
  token_type: 'bearer',
  access_token: TOKEN,
  expires_in: expiresIn,
});

let api: ApiClient;
memoryClientPerTest(BASE, (fresh) => {
  api = fresh;
});

describe('login', () => {
  it('posts the password grant form with the requested lifetime and returns the grant', async () => {
    const fake = fakeFetch({ 'POST /oauth/token': { body: grantBody(3600) } });
    const before = Date.now();
    const outcome = await login(api, {
      username: 'demo@example.com',
      password: 'pw',
      expiresIn: 3600,
    });
    const sent = fake.calls[0]!;
    expect(sent.url).to.equal(`${BASE}/oauth/token`);
    expect(sent.headers.get('Authorization')).to.equal(`Basic ${btoa('particle:particle')}`);
    expect(Object.fromEntries(sent.form!)).to.deep.equal({
      grant_type: 'password',
      username: 'demo@example.com',
      password: 'pw',
      expires_in: '3600',
    });
    expect(outcome.status).to.equal('ok');
    if (outcome.status !== 'ok') return;
    expect(outcome.grant.accessToken).to.equal(TOKEN);
    expect(outcome.grant.expiresIn).to.equal(3600);
    expect(outcome.grant.expiresAt).to.be.within(before + 3_600_000, Date.now() + 3_600_000);
  });

  it('reads expires_in 0 as a token that never expires', async () => {
    fakeFetch({ 'POST /oauth/token': { body: grantBody(0) } });
    const outcome = await login(api, { username: 'u', password: 'p', expiresIn: 0 });
    expect(outcome).to.deep.equal({
      status: 'ok',
      grant: { accessToken: TOKEN, expiresIn: 0, expiresAt: null },
    });
  });

  it('returns the MFA challenge on 403 mfa_required', async () => {
    fakeFetch({
      'POST /oauth/token': {
        status: 403,
        body: {
          mfa_token: 'eyJ.mfa',
          error: 'mfa_required',
          error_description: 'Multi-factor authentication required',
        },
      },
    });
    const outcome = await login(api, {
      username: 'mfa@example.com',
      password: 'pw',
      expiresIn: 600,
    });
    expect(outcome).to.deep.equal({ status: 'mfa', mfaToken: 'eyJ.mfa', expiresIn: 600 });
  });

  it('throws credentials for a wrong password', async () => {
    fakeFetch({
      'POST /oauth/token': {
        status: 400,
        body: { error: 'invalid_grant', error_description: 'User credentials are invalid' },
      },
    });
    const error = await login(api, { username: 'u', password: 'bad' }).catch((e) => e);
    expect(error).to.be.instanceOf(ApiError);
    expect(error.kind).to.equal('credentials');
  });

  it('treats a 200 without a token as a server error', async () => {
    fakeFetch({ 'POST /oauth/token': { body: { token_type: 'bearer' } } });
    const error = await login(api, { username: 'u', password: 'p' }).catch((e) => e);
    expect(error.kind).to.equal('server');
  });
});

describe('verifyMfa', () => {
  it('posts the MFA grant with the token and the code (spaces removed)', async () => {
    const fake = fakeFetch({ 'POST /oauth/token': { body: grantBody(600) } });
    const grant = await verifyMfa(api, { mfaToken: 'eyJ.mfa', otp: '123 456' });
    expect(Object.fromEntries(fake.calls[0]!.form!)).to.deep.equal({
      grant_type: 'urn:custom:mfa-otp',
      mfa_token: 'eyJ.mfa',
      otp: '123456',
    });
    expect(grant.accessToken).to.equal(TOKEN);
  });

  it('tells a wrong code from an expired step', async () => {
    fakeFetch({
      'POST /oauth/token': [
        {
          status: 401,
          body: { error: 'invalid_token', error_description: 'Could not validate OTP.' },
        },
        { status: 400, body: { error: 'invalid_grant', error_description: 'OTP expired' } },
      ],
    });
    expect((await verifyMfa(api, { mfaToken: 'm', otp: '000000' }).catch((e) => e)).kind).to.equal(
      'otp-invalid',
    );
    expect((await verifyMfa(api, { mfaToken: 'm', otp: '000000' }).catch((e) => e)).kind).to.equal(
      'mfa-expired',
    );
  });
});

describe('getUser and getTokenInfo', () => {
  it('checks a pasted token with a Bearer header, leaving the session alone', async () => {
    const fake = fakeFetch({ 'GET /v1/user': { body: { username: 'demo@example.com' } } });
    const user = await getUser(api, { token: 'pasted-token' });
    expect(user.username).to.equal('demo@example.com');
    expect(fake.calls[0]!.headers.get('Authorization')).to.equal('Bearer pasted-token');
    expect(fake.calls[0]!.url).to.equal(`${BASE}/v1/user`);
    expect(api.session.value).to.equal(null);
  });

  it('reads the current token with the session token', async () => {
    const fake = fakeFetch({
      'GET /v1/access_tokens/current': {
        body: { expires_at: null, client: 'particle', scopes: [], orgs: [] },
      },
    });
    startSession(api, { accessToken: TOKEN, expiresIn: 0, expiresAt: null }, 'demo@example.com');
    const info = await getTokenInfo(api);
    expect(info.expires_at).to.equal(null);
    expect(fake.calls[0]!.headers.get('Authorization')).to.equal(`Bearer ${TOKEN}`);
  });
});

describe('startSession', () => {
  it('stores the grant as the session with its expiry and persistence', () => {
    const session = startSession(
      api,
      { accessToken: TOKEN, expiresIn: 60, expiresAt: 123_456 },
      'demo@example.com',
      'device',
    );
    // The store is memory-only here, as a site may force.
    expect(session).to.deep.equal({
      username: 'demo@example.com',
      token: TOKEN,
      expiresAt: 123_456,
      persistence: 'memory',
    });
    expect(api.session.value).to.deep.equal(session);
  });
});

describe('logout', () => {
  beforeEach(() =>
    startSession(api, { accessToken: TOKEN, expiresIn: 0, expiresAt: null }, 'demo@example.com'),
  );

  it('awaits DELETE /v1/access_tokens/current with the token, then ends the session', async () => {
    let sessionDuringRevoke: unknown;
    const fake = fakeFetch({
      'DELETE /v1/access_tokens/current': () => {
        sessionDuringRevoke = api.session.value;
        return { body: { ok: true } };
      },
    });
    const result = await logout(api);
    expect(result).to.deep.equal({ revoked: true });
    expect(sessionDuringRevoke).not.to.equal(null);
    expect(fake.calls[0]!.headers.get('Authorization')).to.equal(`Bearer ${TOKEN}`);
    expect(fake.calls[0]!.body).to.equal(undefined);
    expect(api.session.value).to.equal(null);
    expect(api.session.endedBecause).to.equal('logout');
  });

  it('still ends the session when the revoke fails, and says so', async () => {
    fakeFetch({
      'DELETE /v1/access_tokens/current': { status: 503, body: { error: 'server_error' } },
    });
    const result = await logout(api);
    expect(result.revoked).to.equal(false);
    expect(result.error?.kind).to.equal('server');
    expect(api.session.value).to.equal(null);
  });

  it('still ends the session when offline', async () => {
    fakeFetch({ 'DELETE /v1/access_tokens/current': 'network-error' });
    const result = await logout(api);
    expect(result.revoked).to.equal(false);
    expect(result.error?.kind).to.equal('network');
    expect(api.session.value).to.equal(null);
  });

  it('counts a 401 (token already dead) as revoked, and as a logout', async () => {
    fakeFetch({
      'DELETE /v1/access_tokens/current': { status: 401, body: { error: 'invalid_token' } },
    });
    expect(await logout(api)).to.deep.equal({ revoked: true });
    expect(api.session.endedBecause).to.equal('logout');
  });

  it('does nothing when nobody is logged in', async () => {
    api.session.end();
    const fake = fakeFetch({});
    expect(await logout(api)).to.deep.equal({ revoked: true });
    expect(fake.calls).to.have.length(0);
  });
});
