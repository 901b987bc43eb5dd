/**
 * The core against the running emulator, over real cross-origin HTTP: if either
 * side drifts from particle-api.md, these fail. Each test logs in afresh, so
 * the files sharing the emulator do not depend on each other.
 */

import { expect } from '@open-wc/testing';
import * as OTPAuth from 'otpauth';
import {
  createApiUser,
  deleteApiUser,
  listTeam,
  updateApiUser,
} from '../../widgets/api-helper/api-users.js';
import {
  getTokenInfo,
  getUser,
  login,
  logout,
  startSession,
  verifyMfa,
} from '../../widgets/api-helper/auth.js';
import { ApiClient } from '../../widgets/api-helper/client.js';
import {
  listOrgProducts,
  listOrgs,
  listSandboxProducts,
} from '../../widgets/api-helper/products.js';
import { SessionStore } from '../../widgets/api-helper/session-store.js';
import { checkToken } from '../../widgets/api-helper/tokens.js';
import type { Target } from '../../widgets/api-helper/types.js';
import { apiFailure } from '../helpers/api-error.js';
import { emulatorUrl } from '../helpers/emulator-url.js';

const DEMO = { username: 'demo@example.com', password: 'demo-password' };
const MFA = { username: 'mfa@example.com', password: 'demo-password' };
const totp = new OTPAuth.TOTP({
  secret: 'JBSWY3DPEHPK3PXP',
  algorithm: 'SHA1',
  digits: 6,
  period: 30,
});

let api: ApiClient;

function newClient(): ApiClient {
  if (!emulatorUrl) throw new Error('The emulator did not start (see the test runner output).');
  return new ApiClient({
    baseUrl: emulatorUrl,
    session: new SessionStore(emulatorUrl, { memoryOnly: true }),
  });
}

async function logInDemo(expiresIn = 3600): Promise<void> {
  const outcome = await login(api, { ...DEMO, expiresIn });
  if (outcome.status !== 'ok') throw new Error('demo@example.com should not need MFA');
  startSession(api, outcome.grant, DEMO.username);
}

/** Other suites share the emulator: address its faults by paths only this file uses. */
async function fault(body: Record<string, unknown>): Promise<void> {
  const res = await fetch(`${emulatorUrl}/__emulator/faults`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  expect(res.status).to.equal(201);
}

beforeEach(() => {
  api = newClient();
});
afterEach(() => api.session.dispose());

describe('contract: login', () => {
  it('logs in without MFA, reads the user and the token', async () => {
    await logInDemo(3600);
    expect((await getUser(api)).username).to.equal(DEMO.username);
    const info = await getTokenInfo(api);
    expect(Date.parse(info.expires_at!)).to.be.closeTo(Date.now() + 3_600_000, 120_000);
    expect(info.scopes).to.deep.equal([]);
    expect(api.session.value!.token).to.match(/^[0-9a-f]{40}$/);
  });

  it('issues a token that never expires for expires_in 0', async () => {
    const outcome = await login(api, { ...DEMO, expiresIn: 0 });
    expect(outcome.status).to.equal('ok');
    if (outcome.status !== 'ok') return;
    expect(outcome.grant.expiresAt).to.equal(null);
    startSession(api, outcome.grant, DEMO.username);
    expect((await getTokenInfo(api)).expires_at).to.equal(null);
  });

  it('says credentials for a wrong password', async () => {
    const error = await apiFailure(login(api, { ...DEMO, password: 'wrong' }));
    expect(error.kind).to.equal('credentials');
    expect(error.status).to.equal(400);
  });

  it('logs in with MFA: challenge, wrong code, right code', async () => {
    const outcome = await login(api, { ...MFA, expiresIn: 600 });
    expect(outcome.status).to.equal('mfa');
    if (outcome.status !== 'mfa') return;
    const current = totp.generate();
    const wrong = current === '000000' ? '111111' : '000000';
    const error = await apiFailure(verifyMfa(api, { mfaToken: outcome.mfaToken, otp: wrong }));
    expect(error.kind).to.equal('otp-invalid');
    const grant = await verifyMfa(api, {
      mfaToken: outcome.mfaToken,
      otp: totp.generate(),
      expiresIn: outcome.expiresIn,
    });
    startSession(api, grant, MFA.username);
    expect((await getUser(api)).username).to.equal(MFA.username);
  });

  it('says mfa-expired for an unknown MFA token', async () => {
    const error = await apiFailure(
      verifyMfa(api, { mfaToken: 'not-a-real-mfa-token', otp: totp.generate() }),
    );
    expect(error.kind).to.equal('mfa-expired');
  });

  it('checks a pasted token with a Bearer header', async () => {
    const outcome = await login(api, { ...DEMO, expiresIn: 600 });
    if (outcome.status !== 'ok') throw new Error('unexpected MFA');
    expect((await getUser(api, { token: outcome.grant.accessToken })).username).to.equal(
      DEMO.username,
    );
    const error = await apiFailure(getUser(api, { token: 'f'.repeat(40) }));
    expect(error.kind).to.equal('session');
  });

  it('checkToken: the user and expiry of a pasted token; an API user’s token is refused', async () => {
    const outcome = await login(api, { ...DEMO, expiresIn: 600 });
    if (outcome.status !== 'ok') throw new Error('unexpected MFA');
    const checked = await checkToken(api, outcome.grant.accessToken);
    expect(checked.user.username).to.equal(DEMO.username);
    expect(checked.expiresAt).to.be.within(Date.now() + 590_000, Date.now() + 601_000);
    expect(api.session.value).to.equal(null);

    startSession(api, outcome.grant, DEMO.username);
    const created = await createApiUser(
      api,
      { kind: 'org', id: 'acme' },
      { friendlyName: `Contract check ${Date.now()}`, scopes: ['organization:get'] },
    );
    const refused = await apiFailure(checkToken(api, created.token));
    expect(refused.kind).to.equal('forbidden');
    expect(refused.message).to.contain("API user's token");
    await deleteApiUser(api, { kind: 'org', id: 'acme' }, created.username);
  });
});

describe('contract: products and orgs', () => {
  it('lists sandbox products, orgs and an org’s products', async () => {
    await logInDemo();
    const sandbox = await listSandboxProducts(api);
    expect(sandbox.length).to.be.at.least(2);
    expect(sandbox.every((p) => typeof p.id === 'number' && !p.organization_id)).to.equal(true);
    const orgs = await listOrgs(api);
    const acme = orgs.find((o) => o.slug === 'acme');
    expect(acme?.name).to.equal('Acme Inc');
    const products = await listOrgProducts(api, 'acme');
    expect(products.length).to.be.at.least(2);
    expect(products.every((p) => p.organization_id === acme!.id)).to.equal(true);
  });
});

describe('contract: API users', () => {
  for (const kind of ['product', 'org'] as const) {
    it(`creates, uses, updates and deletes an API user of a ${kind}`, async () => {
      await logInDemo();
      const target: Target =
        kind === 'org'
          ? { kind, id: 'acme' }
          : { kind, id: String((await listSandboxProducts(api))[0]!.id) };
      const team = await listTeam(api, target);
      expect(team.some((m) => m.is_programmatic)).to.equal(true);
      expect(team.some((m) => !m.is_programmatic)).to.equal(true);

      const name = `Contract ${kind} ${Date.now()}`;
      const created = await createApiUser(api, target, {
        friendlyName: name,
        scopes: ['teams.users:list'],
      });
      expect(created.username).to.match(/\+[a-z0-9]+@api\.particle\.io$/);
      expect(created.token).to.match(/^[0-9a-f]{40}$/);
      const listed = (await listTeam(api, target)).find((m) => m.username === created.username);
      expect(listed?.is_programmatic).to.equal(true);
      expect(listed?.scopes).to.deep.equal(['teams.users:list']);

      // The new token works within its scope, through the same core.
      const asBot = newClient();
      asBot.session.set({
        username: created.username,
        token: created.token,
        expiresAt: null,
        persistence: 'memory',
      });
      expect((await listTeam(asBot, target)).length).to.be.at.least(1);

      const updated = await updateApiUser(api, target, created.username, {
        scopes: ['teams.users:list', 'products:get'],
      });
      expect(updated.token).not.to.equal(created.token);
      // The replaced token is dead, and the 401 ends the bot's session.
      expect((await apiFailure(listTeam(asBot, target))).kind).to.equal('session');
      expect(asBot.session.value).to.equal(null);
      expect(asBot.session.endedBecause).to.equal('expired');
      asBot.session.dispose();

      await deleteApiUser(api, target, created.username);
      expect((await listTeam(api, target)).some((m) => m.username === created.username)).to.equal(
        false,
      );
    });
  }

  it('says not-found for an unknown product', async () => {
    await logInDemo();
    const error = await apiFailure(
      listTeam(api, { kind: 'product', id: 'no-such-product-anywhere' }),
    );
    expect(error.kind).to.equal('not-found');
  });
});

describe('contract: logout and revoked tokens', () => {
  it('revokes the token on logout', async () => {
    await logInDemo();
    const token = api.session.value!.token;
    expect(await logout(api)).to.deep.equal({ revoked: true });
    expect(api.session.value).to.equal(null);
    expect((await apiFailure(getUser(api, { token }))).kind).to.equal('session');
  });

  it('ends the session when the API refuses its token', async () => {
    await logInDemo();
    // Revoked elsewhere (the CLI, another device): no store of this page hears of it.
    const revoke = await fetch(`${emulatorUrl}/v1/access_tokens/current`, {
      method: 'DELETE',
      headers: { Authorization: `Bearer ${api.session.value!.token}` },
    });
    expect(revoke.status).to.equal(200);
    const error = await apiFailure(listOrgs(api));
    expect(error.kind).to.equal('session');
    expect(api.session.value).to.equal(null);
    expect(api.session.endedBecause).to.equal('expired');
  });
});

describe('contract: faults', () => {
  it('reads Retry-After across origins on a 429', async () => {
    await logInDemo();
    await fault({ method: 'GET', path: '/v1/orgs/contract-core-429/products', status: 429 });
    const error = await apiFailure(listOrgProducts(api, 'contract-core-429'));
    expect(error.kind).to.equal('rate-limit');
    expect(error.retryAfter).to.be.greaterThan(0);
    expect(error.message).to.equal(
      `Too many requests. Wait ${error.retryAfter} seconds and try again.`,
    );
  });

  it('maps a malformed body to server and a dropped connection to network', async () => {
    await logInDemo();
    await fault({ method: 'GET', path: '/v1/orgs/contract-core-bad/products', malformed: true });
    expect((await apiFailure(listOrgProducts(api, 'contract-core-bad'))).kind).to.equal('server');
    // Chromium retries a GET whose reused connection closes without an answer: drop every try.
    await fault({
      method: 'GET',
      path: '/v1/orgs/contract-core-drop/products',
      drop: true,
      count: 5,
    });
    expect((await apiFailure(listOrgProducts(api, 'contract-core-drop'))).kind).to.equal('network');
  });

  it('times out a slow answer', async () => {
    await logInDemo();
    await fault({ method: 'GET', path: '/v1/orgs/contract-core-slow/products', latencyMs: 1500 });
    const error = await apiFailure(listOrgProducts(api, 'contract-core-slow', { timeoutMs: 200 }));
    expect(error.kind).to.equal('timeout');
  });
});
