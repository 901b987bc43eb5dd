/** Bounded memory: expired tokens and MFA challenges are swept, driven by the emulator's clock. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  capMfaChallenges,
  capSessionTokens,
  EXPIRED_TOKEN_KEPT_MS,
  SWEEP_INTERVAL_MS,
} from '../../emulator/model/sweep.js';
import { issueToken } from '../../emulator/model/tokens.js';
import {
  bearer,
  DEMO,
  emulator,
  expectJson,
  fakeClock,
  login,
  MFA,
  passwordGrant,
} from './helpers.js';

const MINUTE = 60_000;

describe('sweeping', () => {
  it('forgets an expired token an hour after its expiry; until then it says "has expired"', async () => {
    const clock = fakeClock();
    const { request, state } = emulator({ now: clock.now });
    const short = await login(request, DEMO, { expires_in: '60' });
    const long = await login(request);
    clock.advance(2 * MINUTE);
    const expired = await expectJson(await request('/v1/user', bearer(short)), 401);
    assert.equal(expired.error_description, 'The access token provided has expired.');
    assert.ok(state.tokens.has(short), 'kept while it can still say "expired"');

    clock.advance(EXPIRED_TOKEN_KEPT_MS);
    await expectJson(await request('/v1/user', bearer(long)), 200); // any request sweeps
    assert.equal(state.tokens.has(short), false, 'swept');
    assert.ok(state.tokens.has(long), 'a live token stays');
    const unknown = await expectJson(await request('/v1/user', bearer(short)), 401);
    assert.equal(unknown.error_description, 'The access token provided is invalid.');
  });

  it('forgets revoked tokens and expired MFA challenges at the next sweep', async () => {
    const clock = fakeClock();
    const { request, state } = emulator({ now: clock.now });
    const token = await login(request);
    await expectJson(await request('/v1/access_tokens/current', bearer(token, 'DELETE')), 200);
    const { res } = await passwordGrant(request, {
      username: MFA.username,
      password: MFA.password,
    });
    assert.equal(res.status, 403);
    assert.equal(state.mfaChallenges.size, 1);

    clock.advance(SWEEP_INTERVAL_MS - 1);
    await request('/v1/user');
    assert.ok(state.tokens.has(token), 'no sweep before a minute of the clock');
    assert.equal(state.mfaChallenges.size, 1);

    clock.advance(5 * MINUTE);
    await request('/v1/user');
    assert.equal(state.tokens.has(token), false);
    assert.equal(state.mfaChallenges.size, 0);
    assert.ok(
      [...state.apiUsers.values()].every((u) => !u.token || state.tokens.has(u.token)),
      "API users' never-expiring tokens stay",
    );
  });

  it('keeps at most the cap of login tokens and challenges, dropping the oldest first', async () => {
    const { state } = emulator();
    const apiUserTokens = [...state.tokens.values()].filter((t) => t.apiUser).length;
    const issued = Array.from({ length: 30 }, (_, i) =>
      issueToken(state, { username: DEMO.username, client: 'particle', expiresAt: null }, i),
    );
    capSessionTokens(state, apiUserTokens + 10);
    assert.equal(state.tokens.size, apiUserTokens + 10);
    assert.ok(
      issued.slice(0, 20).every((t) => !state.tokens.has(t.token)),
      'oldest dropped',
    );
    assert.ok(
      issued.slice(20).every((t) => state.tokens.has(t.token)),
      'newest kept',
    );
    assert.equal([...state.tokens.values()].filter((t) => t.apiUser).length, apiUserTokens);

    for (let i = 0; i < 30; i++) {
      const lifetime = { seconds: 60 };
      state.mfaChallenges.set(`c${i}`, {
        username: MFA.username,
        client: 'particle',
        lifetime,
        challengeExpiresAt: 1e15,
      });
    }
    capMfaChallenges(state, 10);
    assert.deepEqual(
      [...state.mfaChallenges.keys()],
      Array.from({ length: 10 }, (_, i) => `c${i + 20}`),
    );
  });

  it('stays bounded under a stream of logins that never log out', async () => {
    const clock = fakeClock();
    const { request, state } = emulator({ now: clock.now, limits: { oauthToken: Infinity } });
    for (let round = 0; round < 5; round++) {
      await Promise.all(
        Array.from({ length: 40 }, () => login(request, DEMO, { expires_in: '60' })),
      );
      clock.advance(EXPIRED_TOKEN_KEPT_MS + 2 * MINUTE);
    }
    await request('/v1/user');
    assert.ok(state.tokens.size < 20, `${state.tokens.size} tokens left of 200 issued`);
  });
});
