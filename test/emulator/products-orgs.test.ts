/** The user, products and organizations (particle-api.md §3, §4), and who may see them. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { bearer, emulator, expectJson, login } from './helpers.js';

describe('GET /v1/user', () => {
  it('returns the account in the documented shape', async () => {
    const { request } = emulator();
    const token = await login(request);
    await expectJson(await request('/v1/user', bearer(token)), 200, {
      username: 'demo@example.com',
      subscription_ids: [],
      account_info: { first_name: 'Demo', last_name: 'User', business_account: false },
      scim_provisioned: false,
      no_password: false,
      mfa: { enabled: false },
      wifi_device_count: 0,
      cellular_device_count: 0,
      tos: 1,
      memberships: [],
    });
  });
});

describe('products', () => {
  it('lists the sandbox products on /v1/user/products and /v1/products alike', async () => {
    const { request } = emulator();
    const token = await login(request);
    const a = await expectJson(await request('/v1/user/products', bearer(token)), 200);
    const b = await expectJson(await request('/v1/products', bearer(token)), 200);
    assert.deepEqual(a, b);
    assert.deepEqual(
      a.products.map((p: { slug: string }) => p.slug),
      ['demo-sandbox-tracker', 'demo-sandbox-sensors'],
    );
    const [tracker] = a.products;
    assert.deepEqual(Object.keys(tracker), [
      'id',
      'platform_id',
      'name',
      'slug',
      'description',
      'subscription_id',
      'user',
      'groups',
      'settings',
    ]);
    assert.equal(tracker.user, 'demo@example.com');
  });

  it('an account without products gets an empty list', async () => {
    const { request } = emulator();
    const grace = await login(request, {
      username: 'grace@example.com',
      password: 'grace-password',
    });
    await expectJson(await request('/v1/products', bearer(grace)), 200, { products: [] });
  });

  it('finds a product by id or slug, with device_protection', async () => {
    const { request } = emulator();
    const token = await login(request);
    const byId = await expectJson(await request('/v1/products/20001', bearer(token)), 200);
    const bySlug = await expectJson(await request('/v1/products/acme-fleet', bearer(token)), 200);
    assert.deepEqual(byId, bySlug);
    assert.equal(byId.product.device_protection, 'disabled');
    assert.equal(byId.product.org, 'Acme Inc');
    assert.match(byId.product.organization_id, /^[0-9a-f]{24}$/);
  });

  it('answers 404 for an unknown product and 403 for one the user is not a member of', async () => {
    const { request } = emulator();
    const token = await login(request);
    await expectJson(await request('/v1/products/nope', bearer(token)), 404, {
      ok: false,
      error: 'Product not found',
    });
    await expectJson(await request('/v1/products/ada-lab', bearer(token)), 403, {
      ok: false,
      error: 'You are not a member of this product',
    });
  });
});

describe('organizations', () => {
  it("lists the user's orgs, and an empty list for someone without", async () => {
    const { request, state } = emulator();
    const token = await login(request);
    const acme = state.orgs.find((o) => o.slug === 'acme')!;
    await expectJson(await request('/v1/orgs', bearer(token)), 200, {
      organizations: [{ id: acme.id, slug: 'acme', name: 'Acme Inc' }],
    });
    const adaToken = await login(request, {
      username: 'ada@example.com',
      password: 'ada-password',
    });
    const ada = await expectJson(await request('/v1/orgs/', bearer(adaToken)), 200);
    assert.deepEqual(
      ada.organizations.map((o: { slug: string }) => o.slug),
      ['globex'],
    );
  });

  it("finds an org by id or slug, and lists the org's products", async () => {
    const { request, state } = emulator();
    const token = await login(request);
    const acme = state.orgs.find((o) => o.slug === 'acme')!;
    const org = { organization: { id: acme.id, slug: 'acme', name: 'Acme Inc' } };
    await expectJson(await request('/v1/orgs/acme', bearer(token)), 200, org);
    await expectJson(await request(`/v1/orgs/${acme.id}`, bearer(token)), 200, org);
    const { products } = await expectJson(
      await request('/v1/orgs/acme/products', bearer(token)),
      200,
    );
    assert.deepEqual(
      products.map((p: { slug: string; organization_id: string }) => [p.slug, p.organization_id]),
      [
        ['acme-fleet', acme.id],
        ['acme-gateway', acme.id],
      ],
    );
  });

  it('answers 404 for an unknown org and 403 for one the user is not a member of', async () => {
    const { request } = emulator();
    const token = await login(request);
    await expectJson(await request('/v1/orgs/nope/products', bearer(token)), 404, {
      ok: false,
      error: 'Organization not found',
    });
    await expectJson(await request('/v1/orgs/globex', bearer(token)), 403, {
      ok: false,
      error: 'You are not a member of this organization',
    });
  });
});
