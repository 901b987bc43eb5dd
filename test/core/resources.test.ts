import { expect } from '@open-wc/testing';
import {
  createApiUser,
  deleteApiUser,
  listTeam,
  memberName,
  teamPath,
  updateApiUser,
} from '../../widgets/api-helper/api-users.js';
import type { ApiClient } from '../../widgets/api-helper/client.js';
import {
  listOrgProducts,
  listOrgs,
  listSandboxProducts,
} from '../../widgets/api-helper/products.js';
import type { Target } from '../../widgets/api-helper/types.js';
import { fakeFetch } from '../helpers/fake-fetch.js';
import { memoryClientPerTest } from '../helpers/memory-client.js';
import { fakeToken } from '../helpers/session.js';

const BASE = 'https://resources.example.test';
const TOKEN = fakeToken('e');
const product: Target = { kind: 'product', id: 'acme-tracker' };
const org: Target = { kind: 'org', id: 'acme' };
const apiUser = 'ci-bot+x7k2q9z0ab@api.particle.io';

let api: ApiClient;
memoryClientPerTest(BASE, (fresh) => {
  api = fresh;
  api.session.set({
    username: 'demo@example.com',
    token: TOKEN,
    expiresAt: null,
    persistence: 'memory',
  });
});

describe('products', () => {
  it('lists sandbox products from /v1/user/products, leaving out org products', async () => {
    const fake = fakeFetch({
      'GET /v1/user/products': {
        body: {
          products: [
            { id: 1, slug: 'mine', name: 'Mine' },
            { id: 2, slug: 'theirs', name: 'Theirs', organization_id: 'o1' },
          ],
        },
      },
    });
    const products = await listSandboxProducts(api);
    expect(products.map((p) => p.slug)).to.deep.equal(['mine']);
    expect(fake.calls[0]!.method).to.equal('GET');
    expect(fake.calls[0]!.headers.get('Authorization')).to.equal(`Bearer ${TOKEN}`);
  });

  it('lists orgs and an org’s products (by slug)', async () => {
    const fake = fakeFetch({
      'GET /v1/orgs': { body: { organizations: [{ id: 'o1', slug: 'acme', name: 'Acme Inc' }] } },
      'GET /v1/orgs/:org/products': {
        body: { products: [{ id: 3, slug: 'acme-tracker', name: 'Tracker' }] },
      },
    });
    expect(await listOrgs(api)).to.deep.equal([{ id: 'o1', slug: 'acme', name: 'Acme Inc' }]);
    expect((await listOrgProducts(api, 'acme')).map((p) => p.id)).to.deep.equal([3]);
    expect(fake.calls[1]!.path).to.equal('/v1/orgs/acme/products');
  });

  it('reads a missing list as empty', async () => {
    fakeFetch({ 'GET /v1/orgs': { body: {} } });
    expect(await listOrgs(api)).to.deep.equal([]);
  });
});

describe('teamPath', () => {
  it('encodes + and @ so they arrive literally, and never as a space', () => {
    const path = teamPath(product, apiUser);
    expect(path).to.equal('/v1/products/acme-tracker/team/ci-bot%2Bx7k2q9z0ab%40api.particle.io');
    expect(decodeURIComponent(path.split('/').pop()!)).to.equal(apiUser);
    expect(teamPath(org)).to.equal('/v1/orgs/acme/team');
    expect(teamPath({ kind: 'product', id: 'a/b' })).to.equal('/v1/products/a%2Fb/team');
  });
});

describe('api users', () => {
  it('names a member by its friendly name, or by its username when that is missing or empty', () => {
    expect(memberName({ username: apiUser, friendly_name: 'Fleet dashboard' })).to.equal(
      'Fleet dashboard',
    );
    expect(memberName({ username: apiUser })).to.equal(apiUser);
    expect(memberName({ username: apiUser, friendly_name: '' })).to.equal(apiUser);
  });

  it('lists the team of a product and of an org', async () => {
    const fake = fakeFetch({
      'GET /v1/products/:p/team': {
        body: { ok: true, team: [{ username: apiUser, is_programmatic: true }] },
      },
      'GET /v1/orgs/:o/team': { body: { ok: true, team: [] } },
    });
    expect(await listTeam(api, product)).to.deep.equal([
      { username: apiUser, is_programmatic: true },
    ]);
    expect(await listTeam(api, org)).to.deep.equal([]);
    expect(fake.calls.map((c) => c.path)).to.deep.equal([
      '/v1/products/acme-tracker/team',
      '/v1/orgs/acme/team',
    ]);
  });

  it('creates an API user with a JSON body and returns its token', async () => {
    const fake = fakeFetch({
      'POST /v1/orgs/:o/team': {
        body: {
          ok: true,
          created: {
            username: apiUser,
            is_programmatic: true,
            tokens: [{ token: fakeToken('f') }],
          },
        },
      },
    });
    const created = await createApiUser(api, org, {
      friendlyName: 'CI bot',
      scopes: ['devices:list'],
    });
    expect(fake.calls[0]!.headers.get('Content-Type')).to.equal('application/json');
    expect(fake.calls[0]!.json).to.deep.equal({
      friendly_name: 'CI bot',
      scopes: ['devices:list'],
    });
    expect(created).to.deep.equal({
      username: apiUser,
      token: fakeToken('f'),
      friendlyName: 'CI bot',
      scopes: ['devices:list'],
    });
  });

  it('rejects a success that carries no token, as a server error', async () => {
    fakeFetch({ 'POST /v1/orgs/:o/team': { body: { ok: true, created: { username: apiUser } } } });
    const error = await createApiUser(api, org, { friendlyName: 'x', scopes: ['a'] }).catch(
      (e) => e,
    );
    expect(error.kind).to.equal('server');
  });

  it('updates an API user with PUT and returns the new token', async () => {
    const fake = fakeFetch({
      'PUT /v1/products/:p/team/:u': {
        body: {
          ok: true,
          updated: {
            username: apiUser,
            friendly_name: 'CI',
            scopes: ['sims:list'],
            tokens: [{ token: fakeToken('1') }],
          },
        },
      },
    });
    const updated = await updateApiUser(api, product, apiUser, { scopes: ['sims:list'] });
    expect(fake.calls[0]!.path).to.equal(
      `/v1/products/acme-tracker/team/${encodeURIComponent(apiUser)}`,
    );
    expect(fake.calls[0]!.json).to.deep.equal({ scopes: ['sims:list'] });
    expect(updated.token).to.equal(fakeToken('1'));
    expect(updated.friendlyName).to.equal('CI');
  });

  it('deletes an API user', async () => {
    const fake = fakeFetch({ 'DELETE /v1/products/:p/team/:u': { body: { ok: true } } });
    await deleteApiUser(api, product, apiUser);
    expect(fake.calls[0]!.method).to.equal('DELETE');
    expect(fake.calls[0]!.body).to.equal(undefined);
  });

  it('maps a 403 on someone else’s product to forbidden', async () => {
    fakeFetch({
      'GET /v1/products/:p/team': { status: 403, body: { ok: false, error: 'Forbidden' } },
    });
    expect((await listTeam(api, product).catch((e) => e)).kind).to.equal('forbidden');
  });
});
