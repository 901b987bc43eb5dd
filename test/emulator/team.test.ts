/** Team members and API users for a product and for an org (particle-api.md §5). */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { bearer, emulator, expectJson, form, json, login } from './helpers.js';

type TeamMember = {
  username: string;
  is_programmatic?: boolean;
  scopes?: string[];
  role?: { name: string };
};

async function team(request: ReturnType<typeof emulator>['request'], token: string, base: string) {
  const body = await expectJson(await request(`${base}/team`, bearer(token)), 200);
  assert.equal(body.ok, true);
  return body.team as TeamMember[];
}

for (const base of ['/v1/products/demo-sandbox-tracker', '/v1/orgs/acme']) {
  describe(`${base}/team`, () => {
    it('lists humans with roles and API users marked is_programmatic', async () => {
      const { request } = emulator();
      const token = await login(request);
      const members = await team(request, token, base);
      const demo = members.find((m) => m.username === 'demo@example.com');
      assert.equal(demo?.role?.name, 'Administrator');
      assert.ok(members.some((m) => !m.is_programmatic && m.username !== 'demo@example.com'));
      const apiUsers = members.filter((m) => m.is_programmatic);
      assert.ok(apiUsers.length >= 1);
      for (const a of apiUsers)
        assert.match(a.username, /^[a-z0-9_-]+\+[a-z0-9]{10}@api\.particle\.io$/);
    });

    it('creates, lists, updates, regenerates and deletes an API user', async () => {
      const { request } = emulator();
      const token = await login(request);
      const create = await request(
        `${base}/team`,
        json('POST', { friendly_name: 'My Token', scopes: ['devices:list'] }, token),
      );
      const { created } = await expectJson(create, 200);
      assert.match(created.username, /^my-token\+[a-z0-9]{10}@api\.particle\.io$/);
      assert.equal(created.is_programmatic, true);
      const first = created.tokens[0].token;
      assert.match(first, /^[0-9a-f]{40}$/);
      assert.ok((await team(request, token, base)).some((m) => m.username === created.username));

      // `+` and `@` go into the path literally, as Particle's widget sends them.
      const path = `${base}/team/${created.username}`;
      const renamed = await expectJson(
        await request(path, json('PUT', { friendly_name: 'Renamed' }, token)),
        200,
      );
      assert.equal(renamed.updated.friendly_name, 'Renamed');
      assert.equal(renamed.updated.tokens[0].token, first, 'a rename keeps the token');

      const empty = await expectJson(await request(path, json('PUT', {}, token)), 400);
      assert.match(empty.error, /Nothing to update/);

      const rescoped = await request(
        path,
        json('POST', { scopes: ['devices:list', 'sims:list'] }, token),
      );
      const { updated } = await expectJson(rescoped, 200);
      assert.deepEqual(updated.scopes, ['devices:list', 'sims:list']);
      const second = updated.tokens[0].token;
      assert.notEqual(second, first);
      assert.equal((await request('/v1/access_tokens/current', bearer(first))).status, 401);
      assert.equal((await request('/v1/access_tokens/current', bearer(second))).status, 200);

      const regenerated = await expectJson(
        await request(`${path}/token`, { ...bearer(token, 'PUT') }),
        200,
      );
      assert.deepEqual(Object.keys(regenerated.updated), ['username', 'tokens']);
      const third = regenerated.updated.tokens[0].token;
      assert.equal((await request('/v1/access_tokens/current', bearer(second))).status, 401);
      const again = await expectJson(await request(`${path}/token`, bearer(token, 'POST')), 200);
      assert.equal((await request('/v1/access_tokens/current', bearer(third))).status, 401);

      await expectJson(await request(path, bearer(token, 'DELETE')), 200, { ok: true });
      assert.equal(
        (await request('/v1/access_tokens/current', bearer(again.updated.tokens[0].token))).status,
        401,
      );
      assert.ok(!(await team(request, token, base)).some((m) => m.username === created.username));
      await expectJson(await request(path, bearer(token, 'DELETE')), 404, {
        ok: false,
        error: 'User not found in this team',
      });
    });

    it('accepts form bodies with scopes[] and a percent-encoded username', async () => {
      const { request } = emulator();
      const token = await login(request);
      const res = await request(`${base}/team`, {
        ...form({ friendly_name: 'Form user' }, { Authorization: `Bearer ${token}` }),
        body: 'friendly_name=Form+user&scopes[]=devices:list&scopes[]=events:get',
      });
      const { created } = await expectJson(res, 200);
      assert.match(created.username, /^form-user\+/, 'a + in a form body is a space');
      const encoded = encodeURIComponent(created.username);
      const updated = await expectJson(
        await request(`${base}/team/${encoded}`, json('PUT', { scopes: ['events:get'] }, token)),
        200,
      );
      assert.deepEqual(updated.updated.scopes, ['events:get']);
    });

    it('accepts qs indexed arrays (scopes[0]=…), what qs.stringify sends by default', async () => {
      const { request, state } = emulator();
      const token = await login(request);
      const res = await request(`${base}/team`, {
        ...form({}, { Authorization: `Bearer ${token}` }),
        body: 'friendly_name=Indexed&scopes%5B1%5D=events:get&scopes%5B0%5D=devices:list',
      });
      const { created } = await expectJson(res, 200);
      assert.deepEqual(state.apiUsers.get(created.username)?.scopes, [
        'devices:list',
        'events:get',
      ]);
    });

    it('refuses to invite someone already on the team, whatever the case of the email', async () => {
      const { request } = emulator();
      const token = await login(request);
      for (const username of ['demo@example.com', 'Demo@Example.COM']) {
        const res = await request(`${base}/team`, json('POST', { username }, token));
        assert.match((await expectJson(res, 400)).error, /is already a member of this team/);
      }
    });

    it('validates the body with a 400 that names the field', async () => {
      const { request } = emulator();
      const token = await login(request);
      const cases: [unknown, RegExp][] = [
        [{ scopes: ['devices:list'] }, /friendly_name is required/],
        [{ friendly_name: '  ', scopes: ['devices:list'] }, /friendly_name is required/],
        [{ friendly_name: 'x'.repeat(256), scopes: ['devices:list'] }, /too long/],
        [{ friendly_name: 'x', scopes: [] }, /scopes is required/],
        [{ friendly_name: 'x' }, /scopes is required/],
        [{ friendly_name: 'x', scopes: ['devices:fly'] }, /Unknown scope: "devices:fly"/],
        [{ username: 'not-an-email' }, /username must be the email/],
        [{ username: 'new@example.com', role: 'Boss' }, /role must be one of/],
      ];
      for (const [body, message] of cases) {
        const res = await expectJson(await request(`${base}/team`, json('POST', body, token)), 400);
        assert.equal(res.ok, false);
        assert.match(res.error, message, JSON.stringify(body));
      }
    });

    it('invites a human, changes the role and removes them', async () => {
      const { request } = emulator();
      const token = await login(request);
      const invite = json('POST', { username: 'new@example.com', role: 'View-only' }, token);
      await expectJson(await request(`${base}/team`, invite), 200, {
        ok: true,
        invited: { username: 'new@example.com' },
      });
      await expectJson(await request(`${base}/team`, invite), 400);
      const path = `${base}/team/new@example.com`;
      await expectJson(await request(path, json('PUT', { role: 'Developer' }, token)), 200, {
        ok: true,
        updated: { username: 'new@example.com', role: 'Developer' },
      });
      const member = (await team(request, token, base)).find(
        (m) => m.username === 'new@example.com',
      );
      assert.equal(member?.role?.name, 'Developer');
      await expectJson(await request(path, bearer(token, 'DELETE')), 200, { ok: true });
      assert.ok(!(await team(request, token, base)).some((m) => m.username === 'new@example.com'));
    });
  });
}

describe('team permissions', () => {
  it('lets a non-Administrator member list but not change the team', async () => {
    const { request } = emulator();
    const ada = await login(request, { username: 'ada@example.com', password: 'ada-password' });
    await team(request, ada, '/v1/products/acme-fleet');
    const res = await request(
      '/v1/products/acme-fleet/team',
      json('POST', { friendly_name: 'x', scopes: ['devices:list'] }, ada),
    );
    await expectJson(res, 403, { ok: false, error: 'Only an Administrator can change this team' });
  });

  it('refuses non-members with 403 and unknown targets with 404', async () => {
    const { request } = emulator();
    const token = await login(request);
    assert.equal((await request('/v1/orgs/globex/team', bearer(token))).status, 403);
    assert.equal((await request('/v1/products/ada-lab/team', bearer(token))).status, 403);
    assert.equal((await request('/v1/products/99999/team', bearer(token))).status, 404);
  });

  it('keeps the product owner, and sends org members to the org team', async () => {
    const { request } = emulator();
    const token = await login(request);
    const owner = await request(
      '/v1/products/demo-sandbox-tracker/team/demo@example.com',
      bearer(token, 'DELETE'),
    );
    assert.match((await expectJson(owner, 400)).error, /owner/);
    const inherited = await request(
      '/v1/products/acme-fleet/team/grace@example.com',
      bearer(token, 'DELETE'),
    );
    assert.match((await expectJson(inherited, 400)).error, /organization/);
  });

  it("lists the org's product API users on the org team, with their product_id", async () => {
    const { request } = emulator();
    const token = await login(request);
    const members = (await team(request, token, '/v1/orgs/acme')) as (TeamMember & {
      product_id: number | null;
    })[];
    const ids = members.filter((m) => m.is_programmatic).map((m) => m.product_id);
    assert.deepEqual(ids.sort(), [20001, 20002, null].sort());
  });
});
