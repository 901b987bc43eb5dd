/** POST /oauth/token, password grant: every row of particle-api.md §2.1. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { stateFromData } from '../../emulator/model/data-file.js';
import {
  basic,
  bearer,
  DEMO,
  emulator,
  expectJson,
  fakeClock,
  form,
  json,
  passwordGrant,
} from './helpers.js';

const creds = { grant_type: 'password', username: DEMO.username, password: DEMO.password };
const oauth = (error: string, description: string) => ({ error, error_description: description });

describe('POST /oauth/token (password grant)', () => {
  it('issues a 40-hex bearer token with the requested lifetime and a refresh token', async () => {
    const { request } = emulator();
    const { res, body } = await passwordGrant(request, { ...creds, expires_in: '3600' });
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('Cache-Control'), 'no-store');
    assert.equal(res.headers.get('Pragma'), 'no-cache');
    assert.deepEqual(Object.keys(body), [
      'token_type',
      'access_token',
      'expires_in',
      'refresh_token',
    ]);
    assert.equal(body.token_type, 'bearer');
    assert.match(body.access_token as string, /^[0-9a-f]{40}$/);
    assert.match(body.refresh_token as string, /^[0-9a-f]{40}$/);
    assert.equal(body.expires_in, 3600);
  });

  it('defaults to 90 days, and expires_in=0 never expires and has no refresh token', async () => {
    const { request } = emulator();
    assert.equal((await passwordGrant(request, creds)).body.expires_in, 7_776_000);
    const never = await passwordGrant(request, { ...creds, expires_in: '0' });
    assert.deepEqual(Object.keys(never.body), ['token_type', 'access_token', 'expires_in']);
    assert.equal(never.body.expires_in, 0);
    const info = await request(
      '/v1/access_tokens/current',
      bearer(never.body.access_token as string),
    );
    assert.equal((await expectJson(info, 200)).expires_at, null);
  });

  it('takes expires_at over expires_in', async () => {
    const clock = fakeClock();
    const { request } = emulator({ now: clock.now });
    const at = new Date(clock.now() + 120_000).toISOString();
    const { body } = await passwordGrant(request, { ...creds, expires_in: '3600', expires_at: at });
    assert.equal(body.expires_in, 120);
    const info = await expectJson(
      await request('/v1/access_tokens/current', bearer(body.access_token as string)),
      200,
    );
    assert.equal(info.expires_at, at);
  });

  it('rejects a lifetime that is not a whole number or a future date', async () => {
    const { request } = emulator();
    const lifetimes: Record<string, string>[] = [
      { expires_in: '-5' },
      { expires_in: 'soon' },
      { expires_at: 'yesterday' },
      { expires_at: '2001-01-01T00:00:00Z' },
    ];
    for (const bad of lifetimes) {
      const { res, body } = await passwordGrant(request, { ...creds, ...bad });
      assert.equal(res.status, 400, JSON.stringify(bad));
      assert.equal(body.error, 'invalid_request');
    }
  });

  it('accepts the client from the body, ignoring the CLI\'s "Authorization: Bearer null"', async () => {
    const { request } = emulator();
    const res = await request(
      '/oauth/token',
      form(
        { ...creds, client_id: 'particle-cli', client_secret: 'particle-cli' },
        { Authorization: 'Bearer null' },
      ),
    );
    await expectJson(res, 200);
  });

  it('lets Basic credentials win over body credentials', async () => {
    const { request } = emulator();
    const res = await request(
      '/oauth/token',
      form(
        { ...creds, client_id: '!', client_secret: '' },
        { Authorization: basic('particle', 'particle') },
      ),
    );
    await expectJson(res, 200);
  });

  it('answers JSON bodies and other methods with invalid_request', async () => {
    const { request } = emulator();
    const message = 'Method must be POST with application/x-www-form-urlencoded encoding';
    await expectJson(
      await request('/oauth/token', json('POST', creds)),
      400,
      oauth('invalid_request', message),
    );
    await expectJson(await request('/oauth/token'), 400, oauth('invalid_request', message));
  });

  it('reports a missing or unknown grant_type', async () => {
    const { request } = emulator();
    const expected = oauth('invalid_request', 'Invalid or missing grant_type parameter');
    const missing = await passwordGrant(request, { ...creds, grant_type: '' });
    assert.equal(missing.res.status, 400);
    assert.deepEqual(missing.body, expected);
    const refresh = await passwordGrant(request, { ...creds, grant_type: 'refresh_token' });
    assert.deepEqual(refresh.body, expected);
  });

  it('checks the client id, the secret and (in strict mode) the pair, with WWW-Authenticate', async () => {
    const { request } = emulator();
    const cases: [Record<string, string>, string][] = [
      [{ client_secret: 'x' }, 'Invalid or missing client_id parameter'],
      [{ client_id: 'a b', client_secret: 'x' }, 'Invalid or missing client_id parameter'],
      [{ client_id: 'my-app' }, 'Missing client_secret parameter'],
    ];
    for (const [client, description] of cases) {
      const res = await request('/oauth/token', form({ ...creds, ...client }));
      assert.equal(res.headers.get('WWW-Authenticate'), 'Basic realm="Service"');
      await expectJson(res, 400, oauth('invalid_client', description));
    }
    // Any well-formed client works by default (§8.1) …
    await expectJson(
      await request('/oauth/token', form({ ...creds, client_id: 'my-app', client_secret: 's' })),
      200,
    );
    // … and only the known pairs in strict mode.
    const strict = emulator({ strictClients: true });
    const res = await strict.request(
      '/oauth/token',
      form({ ...creds, client_id: 'my-app', client_secret: 's' }),
    );
    await expectJson(res, 400, oauth('invalid_client', 'Client credentials are invalid'));
  });

  it('requires both username and password', async () => {
    const { request } = emulator();
    const { res, body } = await passwordGrant(request, { username: DEMO.username });
    assert.equal(res.status, 400);
    assert.deepEqual(
      body,
      oauth('invalid_client', 'Missing parameters. "username" and "password" are required'),
    );
  });

  it('answers a wrong password or an unknown user with 400 invalid_grant', async () => {
    const { request } = emulator();
    const expected = oauth('invalid_grant', 'User credentials are invalid');
    const wrong = await passwordGrant(request, { ...creds, password: 'nope' });
    assert.equal(wrong.res.status, 400);
    assert.deepEqual(wrong.body, expected);
    assert.deepEqual(
      (await passwordGrant(request, { ...creds, username: 'who@example.com' })).body,
      expected,
    );
  });

  it('treats the email case-insensitively', async () => {
    const { request } = emulator();
    assert.equal(
      (await passwordGrant(request, { ...creds, username: 'Demo@Example.COM' })).res.status,
      200,
    );
  });

  it('answers an SSO-only account with 403 sso_user', async () => {
    const state = stateFromData({
      users: [{ username: 'sso@example.com', password: 'pw', ssoOnly: true }],
    });
    const { request } = emulator({}, state);
    const { res, body } = await passwordGrant(request, {
      username: 'sso@example.com',
      password: 'pw',
    });
    assert.equal(res.status, 403);
    assert.equal(body.error, 'sso_user');
  });
});

describe('OAuth-family error headers (S7)', () => {
  it('every OAuth error is never cached; only invalid_client asks for Basic', async () => {
    const { request } = emulator({ limits: { oauthToken: 5 } });
    const cases: [string, RequestInit, number, string][] = [
      ['a JSON body', json('POST', creds), 400, 'invalid_request'],
      ['no client', form(creds), 400, 'invalid_client'],
      [
        'no password',
        form({ ...creds, password: '' }, { Authorization: basic('particle', 'particle') }),
        400,
        'invalid_client',
      ],
      [
        'a wrong password',
        form({ ...creds, password: 'x' }, { Authorization: basic('particle', 'particle') }),
        400,
        'invalid_grant',
      ],
    ];
    for (const [label, init, status, error] of cases) {
      const res = await request('/oauth/token', init);
      assert.equal(res.headers.get('Cache-Control'), 'no-store', label);
      assert.equal(res.headers.get('Pragma'), 'no-cache', label);
      const basicAsked = error === 'invalid_client' ? 'Basic realm="Service"' : null;
      assert.equal(res.headers.get('WWW-Authenticate'), basicAsked, label);
      assert.equal((await expectJson(res, status)).error, error, label);
    }
    await request('/oauth/token', form(creds)); // the 5th in the window
    const limited = await request('/oauth/token', form(creds));
    assert.equal(limited.headers.get('Cache-Control'), 'no-store');
    assert.equal(limited.headers.get('Pragma'), 'no-cache');
    assert.equal((await expectJson(limited, 429)).error, 'rate_limit_exceeded');

    const bearerRefused = await request('/v1/user', bearer('0'.repeat(40)));
    assert.equal(bearerRefused.headers.get('Cache-Control'), 'no-store');
    assert.equal(bearerRefused.headers.get('Pragma'), 'no-cache');
    const appFamily = await request('/v1/nowhere');
    assert.equal(appFamily.headers.get('Pragma'), null, 'the app family is plain');
  });
});
