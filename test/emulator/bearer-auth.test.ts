/** How a bearer-protected route reads the token: every row of particle-api.md §1.2. */
import assert from 'node:assert/strict';
import { request as httpRequest } from 'node:http';
import { after, before, describe, it } from 'node:test';
import { type RunningEmulator, startEmulator } from '../../emulator/index.js';
import { stateFromData } from '../../emulator/model/data-file.js';
import { bearer, DEMO, emulator, expectJson, fakeClock, login } from './helpers.js';

const invalid = (description: string) => ({
  error: 'invalid_request',
  error_description: description,
});

describe('bearer authentication', () => {
  it('asks for a token when there is none', async () => {
    const { request } = emulator();
    await expectJson(await request('/v1/user'), 400, invalid('The access token was not found'));
  });

  it('refuses a token given in more than one place', async () => {
    const { request } = emulator();
    const token = await login(request);
    const res = await request(`/v1/user?access_token=${token}`, bearer(token));
    await expectJson(
      res,
      400,
      invalid('Only one method may be used to authenticate at a time (Auth header,  GET or POST).'),
    );
  });

  it('refuses an Authorization header that is not Bearer', async () => {
    const { request } = emulator();
    const res = await request('/v1/user', { headers: { Authorization: 'Basic ZGVtbzpkZW1v' } });
    await expectJson(res, 400, invalid('Malformed auth header'));
  });

  it('accepts the deprecated query and form-body tokens', async () => {
    const { request } = emulator();
    const token = await login(request);
    await expectJson(await request(`/v1/user?access_token=${token}`), 200);
    const res = await request('/v1/access_tokens/current', {
      method: 'DELETE', // Particle's own widget logs out this way (§2.4)
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: `access_token=${token}`,
    });
    await expectJson(res, 200, { ok: true });
  });

  it('refuses a body token in JSON', async () => {
    const { request } = emulator();
    const token = await login(request);
    const res = await request('/v1/access_tokens/current', {
      method: 'DELETE',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ access_token: token }),
    });
    await expectJson(
      res,
      400,
      invalid(
        'When putting the token in the body, content type must be application/x-www-form-urlencoded.',
      ),
    );
  });

  it('refuses query tokens for an account that may not use them (§8.4)', async () => {
    const state = stateFromData({
      users: [{ username: 'new@example.com', password: 'pw-new', queryTokenDisabled: true }],
    });
    const { request } = emulator({}, state);
    const token = await login(request, { username: 'new@example.com', password: 'pw-new' });
    const res = await request(`/v1/user?access_token=${token}`);
    assert.equal((await expectJson(res, 400)).error, 'invalid_request');
    await expectJson(await request('/v1/user', bearer(token)), 200);
  });

  it('answers unknown and revoked tokens with 401 "invalid"', async () => {
    const { request } = emulator();
    const expected = {
      error: 'invalid_token',
      error_description: 'The access token provided is invalid.',
    };
    const res = await request('/v1/user', bearer('0'.repeat(40)));
    assert.equal(res.headers.get('WWW-Authenticate'), null); // S7 sends none on 401
    await expectJson(res, 401, expected);
    const token = await login(request);
    await expectJson(await request('/v1/access_tokens/current', bearer(token, 'DELETE')), 200);
    await expectJson(await request('/v1/user', bearer(token)), 401, expected);
  });

  it('answers a token past its expiry with 401 "has expired"', async () => {
    const clock = fakeClock();
    const { request } = emulator({ now: clock.now });
    const token = await login(request, DEMO, { expires_in: '60' });
    clock.advance(59_000);
    await expectJson(await request('/v1/user', bearer(token)), 200);
    clock.advance(1_000);
    await expectJson(await request('/v1/user', bearer(token)), 401, {
      error: 'invalid_token',
      error_description: 'The access token provided has expired.',
    });
  });
});

/** A GET with a body cannot be built with fetch; Node's http client can send one. */
describe('bearer authentication over HTTP', () => {
  let running: RunningEmulator;
  before(async () => {
    running = await startEmulator({ port: 0, quiet: true });
  });
  after(() => running.close());

  it('refuses a body token on a GET', async () => {
    const body = 'access_token=0123456789abcdef0123456789abcdef01234567';
    const { status, text } = await new Promise<{ status: number; text: string }>(
      (resolve, reject) => {
        const req = httpRequest(`${running.url}/v1/user`, {
          method: 'GET',
          headers: {
            'Content-Type': 'application/x-www-form-urlencoded',
            'Content-Length': body.length,
          },
        });
        req.on('response', (res) => {
          let text = '';
          res
            .on('data', (chunk) => (text += chunk))
            .on('end', () => resolve({ status: res.statusCode ?? 0, text }));
        });
        req.on('error', reject);
        req.end(body);
      },
    );
    assert.equal(status, 400);
    assert.deepEqual(
      JSON.parse(text),
      invalid('Method cannot be GET When putting the token in the body.'),
    );
  });
});
