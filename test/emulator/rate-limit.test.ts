/** Rate limits of particle-api.md §7, with small configured windows and an injected clock. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  basic,
  bearer,
  DEMO,
  emulator,
  expectJson,
  fakeClock,
  form,
  login,
  MFA,
  passwordGrant,
} from './helpers.js';

const tooMany = { ok: false, error: 'Too many requests' };
const oauthTooMany = { error: 'rate_limit_exceeded', error_description: 'Rate limit exceeded.' };

describe('rate limits', () => {
  it('answers 429 with Retry-After once the overall limit is used up, until the window ends', async () => {
    const clock = fakeClock();
    const { request } = emulator({ now: clock.now, limits: { overall: 3, windowMs: 10_000 } });
    const token = await login(request); // 1
    await expectJson(await request('/v1/user', bearer(token)), 200); // 2
    clock.advance(4_000);
    await expectJson(await request('/v1/user', bearer(token)), 200); // 3
    const res = await request('/v1/user', bearer(token));
    assert.equal(res.headers.get('Retry-After'), '6');
    await expectJson(res, 429, tooMany);
    clock.advance(6_000);
    await expectJson(await request('/v1/user', bearer(token)), 200);
  });

  it('limits POST /oauth/token separately, with the OAuth error body', async () => {
    const clock = fakeClock();
    const { request } = emulator({ now: clock.now, limits: { oauthToken: 2, windowMs: 60_000 } });
    const token = await login(request);
    await login(request);
    const { res, body } = await passwordGrant(request, DEMO);
    assert.equal(res.status, 429);
    assert.equal(res.headers.get('Retry-After'), '60');
    assert.deepEqual(body, oauthTooMany);
    await expectJson(await request('/v1/user', bearer(token)), 200); // other routes still work
  });

  it('limits DELETE /v1/access_tokens/:token', async () => {
    const { request } = emulator({ limits: { tokenDelete: 1 } });
    const token = await login(request);
    await expectJson(await request(`/v1/access_tokens/${token}`, { method: 'DELETE' }), 200);
    await expectJson(
      await request(`/v1/access_tokens/${token}`, { method: 'DELETE' }),
      429,
      tooMany,
    );
  });

  it('blocks logins after consecutive failures, for the configured time', async () => {
    const clock = fakeClock();
    const { request } = emulator({ now: clock.now, limits: { failedLogins: 3, blockMs: 60_000 } });
    for (let i = 0; i < 3; i++) {
      const { res } = await passwordGrant(request, { ...DEMO, password: 'wrong' });
      assert.equal(res.status, 400);
    }
    const blocked = await passwordGrant(request, DEMO); // even the right password
    assert.equal(blocked.res.status, 429);
    assert.equal(blocked.res.headers.get('Retry-After'), '60');
    assert.deepEqual(blocked.body, oauthTooMany);
    clock.advance(60_000);
    assert.equal((await passwordGrant(request, DEMO)).res.status, 200);
  });

  it('counts only consecutive failures: a successful login resets the count', async () => {
    const { request } = emulator({ limits: { failedLogins: 3 } });
    for (let round = 0; round < 3; round++) {
      for (let i = 0; i < 2; i++) await passwordGrant(request, { ...DEMO, password: 'wrong' });
      assert.equal((await passwordGrant(request, DEMO)).res.status, 200);
    }
  });

  it('counts wrong one-time codes as failed logins (brute force → 429)', async () => {
    const { request } = emulator({ limits: { failedLogins: 3 } });
    const { body } = await passwordGrant(request, MFA);
    const otp = (code: string) =>
      request(
        '/oauth/token',
        form(
          { grant_type: 'urn:custom:mfa-otp', mfa_token: body.mfa_token as string, otp: code },
          { Authorization: basic('particle', 'particle') },
        ),
      );
    for (let i = 0; i < 3; i++) assert.equal((await otp('000000')).status, 401);
    await expectJson(await otp('000000'), 429, oauthTooMany);
  });
});
