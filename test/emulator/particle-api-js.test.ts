/**
 * "Real clients work unchanged": Particle's official JavaScript client, particle-api-js, driven
 * against the emulator over HTTP with its own defaults (client `particle-api`, 90-day tokens).
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Secret, TOTP } from 'otpauth';
import Particle from 'particle-api-js';
import { type RunningEmulator, startEmulator } from '../../emulator/index.js';
import { DEMO, MFA } from './helpers.js';

type ClientError = Error & {
  statusCode: number;
  body: Record<string, unknown>;
  errorDescription?: string;
};

async function rejection(promise: Promise<unknown>): Promise<ClientError> {
  try {
    await promise;
  } catch (err) {
    return err as ClientError;
  }
  assert.fail('expected the call to fail');
}

describe('particle-api-js against the emulator', () => {
  let emulator: RunningEmulator;
  let particle: Particle;
  before(async () => {
    emulator = await startEmulator({ port: 0, quiet: true });
    particle = new Particle({ baseUrl: emulator.url });
  });
  after(() => emulator.close());

  it('logs in, reads the user and the token, and lists products', async () => {
    const { body } = await particle.login(DEMO);
    assert.match(body.access_token, /^[0-9a-f]{40}$/);
    assert.equal(body.expires_in, 7_776_000);
    const auth = body.access_token;
    const user = await particle.getUserInfo({ auth });
    assert.equal(user.body.username, DEMO.username);
    const products = await particle.listProducts({ auth });
    assert.deepEqual(
      products.body.products.map((p: { slug: string }) => p.slug),
      ['demo-sandbox-tracker', 'demo-sandbox-sensors'],
    );
    const product = await particle.getProduct({ product: 'acme-fleet', auth });
    assert.equal(product.body.product.id, 20001);
  });

  it('logs in with MFA through sendOtp', async () => {
    const err = await rejection(particle.login(MFA));
    assert.equal(err.statusCode, 403);
    assert.equal(err.body.error, 'mfa_required');
    const otp = new TOTP({ secret: Secret.fromBase32(MFA.secret) }).generate();
    const { body } = await particle.sendOtp({ mfaToken: err.body.mfa_token as string, otp });
    const user = await particle.getUserInfo({ auth: body.access_token });
    assert.equal(user.body.username, MFA.username);
  });

  it('reports a wrong password with the contract body', async () => {
    const err = await rejection(particle.login({ ...DEMO, password: 'wrong' }));
    assert.equal(err.statusCode, 400);
    assert.equal(err.body.error, 'invalid_grant');
    assert.equal(err.body.error_description, 'User credentials are invalid');
    assert.match(err.errorDescription ?? '', /User credentials are invalid$/);
  });

  it('lists and removes team members', async () => {
    const { body } = await particle.login(DEMO);
    const auth = body.access_token;
    const team = await particle.listTeamMembers({ product: 'demo-sandbox-sensors', auth });
    const members = (
      team.body as unknown as { team: { username: string; is_programmatic?: boolean }[] }
    ).team;
    const apiUser = members.find((m) => m.is_programmatic)!;
    assert.ok(members.some((m) => m.username === 'ada@example.com'));
    await particle.removeTeamMember({
      product: 'demo-sandbox-sensors',
      username: apiUser.username,
      auth,
    });
    await particle.removeTeamMember({
      product: 'demo-sandbox-sensors',
      username: 'ada@example.com',
      auth,
    });
    const after = await particle.listTeamMembers({ product: 'demo-sandbox-sensors', auth });
    const left = (after.body as unknown as { team: { username: string }[] }).team.map(
      (m) => m.username,
    );
    assert.deepEqual(left, [DEMO.username]);
  });

  it('revokes tokens: one by value without auth, the current one, and all', async () => {
    const byValue = (await particle.login(DEMO)).body.access_token;
    await particle.deleteAccessToken({ token: byValue });
    const gone = await rejection(particle.getUserInfo({ auth: byValue }));
    assert.equal(gone.statusCode, 401);
    assert.equal(gone.body.error_description, 'The access token provided is invalid.');

    const current = (await particle.login(DEMO)).body.access_token;
    await particle.deleteCurrentAccessToken({ auth: current });
    assert.equal((await rejection(particle.getUserInfo({ auth: current }))).statusCode, 401);

    const a = (await particle.login(DEMO)).body.access_token;
    const b = (await particle.login(DEMO)).body.access_token;
    await particle.deleteActiveAccessTokens({ auth: a });
    assert.equal((await rejection(particle.getUserInfo({ auth: b }))).statusCode, 401);
  });
});
