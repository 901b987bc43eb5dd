/** API-user tokens work only within their scopes and targets, and never on user routes (§5.6). */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { apiUserToken, bearer, emulator, expectJson, json, login } from './helpers.js';

const notAllowed = {
  error: 'unauthorized',
  error_description: 'API users are not allowed to call this endpoint',
};
const missing = (scope: string) => ({
  error: 'unauthorized',
  error_description: `This API user is missing the scope "${scope}" for this endpoint`,
});

describe('API-user tokens', () => {
  it('work on routes their scopes cover', async () => {
    const { request, state } = emulator();
    const { token } = apiUserToken(state, 'Tracker reader'); // products:get, teams.users:list
    await expectJson(await request('/v1/products/demo-sandbox-tracker', bearer(token)), 200);
    await expectJson(await request('/v1/products/10001/team', bearer(token)), 200);
  });

  it('get 400 unauthorized for a route whose scope they lack', async () => {
    const { request, state } = emulator();
    const { token } = apiUserToken(state, 'Fleet monitor'); // devices:list, teams.users:list
    await expectJson(
      await request('/v1/products/acme-fleet', bearer(token)),
      400,
      missing('products:get'),
    );
    const create = json('POST', { friendly_name: 'x', scopes: ['devices:list'] }, token);
    await expectJson(
      await request('/v1/products/acme-fleet/team', create),
      400,
      missing('teams.users:invite'),
    );
    const del = await request(
      '/v1/products/acme-fleet/team/ada@example.com',
      bearer(token, 'DELETE'),
    );
    await expectJson(del, 400, missing('teams.users:remove'));
  });

  it('are refused on user routes', async () => {
    const { request, state } = emulator();
    const { token } = apiUserToken(state, 'Acme CI');
    for (const path of ['/v1/user', '/v1/user/products', '/v1/products', '/v1/orgs']) {
      await expectJson(await request(path, bearer(token)), 400, notAllowed);
    }
    await expectJson(await request('/v1/access_tokens', bearer(token, 'DELETE')), 400, notAllowed);
  });

  it('reach only their own product, or their org and its products', async () => {
    const { request, state } = emulator();
    const product = apiUserToken(state, 'Tracker reader').token;
    assert.equal((await request('/v1/products/demo-sandbox-sensors', bearer(product))).status, 403);
    const org = apiUserToken(state, 'Acme CI').token;
    await expectJson(await request('/v1/orgs/acme', bearer(org)), 200);
    await expectJson(await request('/v1/orgs/acme/products', bearer(org)), 200);
    await expectJson(await request('/v1/products/acme-gateway/team', bearer(org)), 200);
    assert.equal((await request('/v1/orgs/globex', bearer(org))).status, 403);
    assert.equal(
      (await request('/v1/products/demo-sandbox-tracker/team', bearer(org))).status,
      403,
    );
  });

  it('with the right scopes can manage API users, and lose access when their scopes change', async () => {
    const { request, state } = emulator();
    const ops = apiUserToken(state, 'Gateway ops');
    const created = await request(
      '/v1/products/acme-gateway/team',
      json('POST', { friendly_name: 'Child', scopes: ['products:get'] }, ops.token),
    );
    const child = (await expectJson(created, 200)).created;
    await expectJson(
      await request('/v1/products/acme-gateway', bearer(child.tokens[0].token)),
      200,
    );

    // The org admin narrows the child's scopes: the old token dies, the new one lacks products:get.
    const admin = await login(request);
    const path = `/v1/products/acme-gateway/team/${child.username}`;
    const { updated } = await expectJson(
      await request(path, json('PUT', { scopes: ['devices:list'] }, admin)),
      200,
    );
    assert.equal(
      (await request('/v1/products/acme-gateway', bearer(child.tokens[0].token))).status,
      401,
    );
    await expectJson(
      await request('/v1/products/acme-gateway', bearer(updated.tokens[0].token)),
      400,
      missing('products:get'),
    );
  });
});
