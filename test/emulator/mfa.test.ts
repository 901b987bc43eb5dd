/** The two-step MFA login of particle-api.md §2.2, with codes computed from the TOTP secret. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Secret, TOTP } from 'otpauth';
import {
  basic,
  bearer,
  emulator,
  expectJson,
  fakeClock,
  form,
  MFA,
  passwordGrant,
} from './helpers.js';

/** What an authenticator app shows at `now` (computed here, independently of the emulator). */
const code = (now: number) =>
  new TOTP({
    secret: Secret.fromBase32(MFA.secret),
    digits: 6,
    period: 30,
    algorithm: 'SHA1',
  }).generate({
    timestamp: now,
  });

const otpGrant = (fields: Record<string, string>) =>
  form(
    { grant_type: 'urn:custom:mfa-otp', ...fields },
    { Authorization: basic('particle', 'particle') },
  );

async function challenge(
  request: ReturnType<typeof emulator>['request'],
  extra: Record<string, string> = {},
) {
  const { res, body } = await passwordGrant(request, {
    username: MFA.username,
    password: MFA.password,
    ...extra,
  });
  assert.equal(res.status, 403);
  assert.equal(res.headers.get('Cache-Control'), 'no-store');
  return body;
}

describe('MFA login', () => {
  it('answers step 1 with 403 mfa_required and an mfa_token, and prints the current code', async () => {
    const clock = fakeClock();
    const lines: string[] = [];
    const { request } = emulator({ now: clock.now, log: (line) => lines.push(line) });
    const body = await challenge(request);
    assert.equal(body.error, 'mfa_required');
    assert.equal(body.error_description, 'Multi-factor authentication required');
    assert.match(body.mfa_token as string, /^eyJ[\w-]+\.[\w-]+\.[\w-]+$/);
    assert.equal(lines.length, 1);
    assert.ok(lines[0]!.includes(MFA.username) && lines[0]!.includes(code(clock.now())), lines[0]);
  });

  it('checks the password before asking for a code', async () => {
    const { request } = emulator();
    const { res, body } = await passwordGrant(request, {
      username: MFA.username,
      password: 'wrong',
    });
    assert.equal(res.status, 400);
    assert.equal(body.error, 'invalid_grant');
  });

  it('issues a token for the right code, with the lifetime asked for in step 1', async () => {
    const clock = fakeClock();
    const { request } = emulator({ now: clock.now });
    const { mfa_token } = await challenge(request, { expires_in: '600' });
    clock.advance(10_000);
    const res = await request(
      '/oauth/token',
      otpGrant({ mfa_token: mfa_token as string, otp: code(clock.now()) }),
    );
    const body = await expectJson(res, 200);
    assert.equal(body.expires_in, 600);
    const user = await expectJson(await request('/v1/user', bearer(body.access_token)), 200);
    assert.equal(user.username, MFA.username);
    assert.deepEqual(user.mfa, { enabled: true });
  });

  it('accepts the previous 30-second code (clock drift)', async () => {
    const clock = fakeClock();
    const { request } = emulator({ now: clock.now });
    const { mfa_token } = await challenge(request);
    const earlier = code(clock.now());
    clock.advance(30_000);
    await expectJson(
      await request('/oauth/token', otpGrant({ mfa_token: mfa_token as string, otp: earlier })),
      200,
    );
  });

  it('answers a wrong code with 401 invalid_token and lets the reader try again', async () => {
    const clock = fakeClock();
    const { request } = emulator({ now: clock.now });
    const { mfa_token } = await challenge(request);
    const wrong = String((Number(code(clock.now())) + 1) % 1_000_000).padStart(6, '0');
    await expectJson(
      await request('/oauth/token', otpGrant({ mfa_token: mfa_token as string, otp: wrong })),
      401,
      {
        error: 'invalid_token',
        error_description: 'Could not validate OTP.',
      },
    );
    await expectJson(
      await request(
        '/oauth/token',
        otpGrant({ mfa_token: mfa_token as string, otp: code(clock.now()) }),
      ),
      200,
    );
  });

  it('requires both otp and mfa_token', async () => {
    const { request } = emulator();
    const expected = {
      error: 'invalid_request',
      error_description: 'You must provide otp and mfa token.',
    };
    await expectJson(await request('/oauth/token', otpGrant({ otp: '123456' })), 400, expected);
    await expectJson(await request('/oauth/token', otpGrant({ mfa_token: 'x' })), 400, expected);
  });

  it('answers an unknown, used or expired mfa_token with 400 invalid_grant', async () => {
    const clock = fakeClock();
    const { request } = emulator({ now: clock.now });
    const unknown = await request(
      '/oauth/token',
      otpGrant({ mfa_token: 'eyJ.x.y', otp: code(clock.now()) }),
    );
    assert.equal((await expectJson(unknown, 400)).error, 'invalid_grant');

    const { mfa_token } = await challenge(request);
    await expectJson(
      await request(
        '/oauth/token',
        otpGrant({ mfa_token: mfa_token as string, otp: code(clock.now()) }),
      ),
      200,
    );
    const reused = await request(
      '/oauth/token',
      otpGrant({ mfa_token: mfa_token as string, otp: code(clock.now()) }),
    );
    assert.equal((await expectJson(reused, 400)).error, 'invalid_grant');

    const second = await challenge(request);
    clock.advance(5 * 60_000 + 1);
    const late = await request(
      '/oauth/token',
      otpGrant({ mfa_token: second.mfa_token as string, otp: code(clock.now()) }),
    );
    assert.equal((await expectJson(late, 400)).error, 'invalid_grant');
  });
});
