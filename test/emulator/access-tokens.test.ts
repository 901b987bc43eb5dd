/** Token info and revocation (particle-api.md §2.3–§2.6). */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { apiUserToken, bearer, emulator, expectJson, fakeClock, login } from './helpers.js';

describe('GET /v1/access_tokens/current', () => {
  it('describes a user token: expiry, client, no scopes, no orgs', async () => {
    const clock = fakeClock();
    const { request } = emulator({ now: clock.now });
    const token = await login(request, undefined, { expires_in: '3600' });
    await expectJson(await request('/v1/access_tokens/current', bearer(token)), 200, {
      expires_at: new Date(clock.now() + 3_600_000).toISOString(),
      client: 'particle',
      client_id: 'particle',
      scopes: [],
      orgs: [],
    });
  });

  it("describes an API user's token: never expires, its scopes and its org", async () => {
    const { request, state } = emulator();
    const { token } = apiUserToken(state, 'Fleet monitor');
    const info = await expectJson(await request('/v1/access_tokens/current', bearer(token)), 200);
    assert.equal(info.expires_at, null);
    assert.deepEqual(info.scopes, ['devices:list', 'teams.users:list']);
    assert.deepEqual(
      info.orgs.map((o: { slug: string }) => o.slug),
      ['acme'],
    );
  });

  it("names an org API user's own org, and none for a sandbox product's API user", async () => {
    const { request, state } = emulator();
    const orgsOf = async (friendlyName: string) => {
      const { token } = apiUserToken(state, friendlyName);
      const info = await expectJson(await request('/v1/access_tokens/current', bearer(token)), 200);
      return info.orgs.map((o: { slug: string }) => o.slug);
    };
    assert.deepEqual(await orgsOf('Acme CI'), ['acme']);
    assert.deepEqual(await orgsOf('Tracker reader'), []);
  });
});

describe('revoking tokens', () => {
  it('DELETE /v1/access_tokens/current revokes only the calling token', async () => {
    const { request } = emulator();
    const first = await login(request);
    const second = await login(request);
    await expectJson(await request('/v1/access_tokens/current', bearer(first, 'DELETE')), 200, {
      ok: true,
    });
    assert.equal((await request('/v1/user', bearer(first))).status, 401);
    assert.equal((await request('/v1/user', bearer(second))).status, 200);
  });

  it("DELETE /v1/access_tokens revokes all of the user's tokens, the caller's included", async () => {
    const { request, state } = emulator();
    const first = await login(request);
    const second = await login(request);
    const other = await login(request, { username: 'ada@example.com', password: 'ada-password' });
    await expectJson(await request('/v1/access_tokens', bearer(first, 'DELETE')), 200, {
      ok: true,
    });
    assert.equal((await request('/v1/user', bearer(first))).status, 401);
    assert.equal((await request('/v1/user', bearer(second))).status, 401);
    assert.equal((await request('/v1/user', bearer(other))).status, 200);
    // API users' tokens are not the user's own tokens.
    const { token } = apiUserToken(state, 'Acme CI');
    assert.equal((await request('/v1/access_tokens/current', bearer(token))).status, 200);
  });

  it('DELETE /v1/access_tokens/:token needs no credentials', async () => {
    const { request } = emulator();
    const token = await login(request);
    await expectJson(await request(`/v1/access_tokens/${token}`, { method: 'DELETE' }), 200, {
      ok: true,
    });
    assert.equal((await request('/v1/user', bearer(token))).status, 401);
    await expectJson(await request(`/v1/access_tokens/${token}`, { method: 'DELETE' }), 404, {
      ok: false,
      error: 'Token not found',
    });
  });

  it("ignores whatever Authorization comes with DELETE /v1/access_tokens/:token (the CLI's Basic)", async () => {
    const { request } = emulator();
    const token = await login(request);
    const res = await request(`/v1/access_tokens/${token}`, {
      method: 'DELETE',
      headers: { Authorization: 'Basic ZGVtbzp4' },
    });
    await expectJson(res, 200, { ok: true });
  });

  it('an API user may revoke its own token, after which it is invalid', async () => {
    const { request, state } = emulator();
    const { token } = apiUserToken(state, 'Gateway ops');
    await expectJson(await request('/v1/access_tokens/current', bearer(token, 'DELETE')), 200, {
      ok: true,
    });
    assert.equal((await request('/v1/products/acme-gateway', bearer(token))).status, 401);
  });

  it('answers an expired token on DELETE current with 401 "has expired"', async () => {
    const clock = fakeClock();
    const { request } = emulator({ now: clock.now });
    const token = await login(request, undefined, { expires_in: '1' });
    clock.advance(1_000);
    const body = await expectJson(
      await request('/v1/access_tokens/current', bearer(token, 'DELETE')),
      401,
    );
    assert.equal(body.error_description, 'The access token provided has expired.');
  });
});
