/** The seeded demo data and `--data` files (emulator/README.md). */
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { DataFileError, loadState, seedState, startEmulator } from '../../emulator/index.js';
import { humanTeam } from '../../emulator/model/access.js';
import { stateFromData } from '../../emulator/model/data-file.js';
import type { State, Target } from '../../emulator/model/types.js';
import { bearer, DEMO, expectJson, emulator as inMemory, json, login } from './helpers.js';

const HOSTILE = 'test/fixtures/emulator/hostile-names.json';
const EXAMPLE = 'emulator/data/example.json';

/** Humans other than demo, and API users, on a target. */
function others(state: State, target: Target) {
  const humans = humanTeam(state, target).filter((m) => m.username !== 'demo@example.com');
  const apiUsers = [...state.apiUsers.values()].filter((a) =>
    target.kind === 'org' ? a.orgId === target.org.id : a.productId === target.product.id,
  );
  return { humans: humans.length, apiUsers: apiUsers.length };
}

describe('seeded data', () => {
  it('has what the issue promises: demo with two sandboxes, Acme with two products, an MFA user', () => {
    const state = seedState();
    const demo = state.users.get('demo@example.com')!;
    assert.equal(demo.password, 'demo-password');
    assert.equal(demo.mfaSecret, null);
    const mfa = state.users.get('mfa@example.com')!;
    assert.equal(mfa.password, 'demo-password');
    assert.equal(mfa.mfaSecret, 'JBSWY3DPEHPK3PXP');

    const sandboxes = state.products.filter((p) => p.owner === 'demo@example.com');
    assert.ok(sandboxes.length >= 2);
    const acme = state.orgs.find((o) => o.slug === 'acme')!;
    assert.equal(acme.name, 'Acme Inc');
    assert.equal(acme.team.find((m) => m.username === 'demo@example.com')?.role, 'Administrator');
    const acmeProducts = state.products.filter((p) => p.orgId === acme.id);
    assert.ok(acmeProducts.length >= 2);

    for (const target of [
      ...sandboxes.map((product): Target => ({ kind: 'product', product })),
      ...acmeProducts.map((product): Target => ({ kind: 'product', product })),
      { kind: 'org', org: acme } as Target,
    ]) {
      const { humans, apiUsers } = others(state, target);
      assert.ok(humans >= 1 && apiUsers >= 1, JSON.stringify(target));
    }
  });

  it('is a fresh copy on every call', () => {
    const a = seedState();
    a.users.clear();
    assert.ok(seedState().users.size > 0);
  });
});

describe('--data files', () => {
  let dir: string;
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'emulator-data-'));
  });
  after(() => rm(dir, { recursive: true, force: true }));

  it('loads the example and the hostile-names fixture', () => {
    const example = loadState(EXAMPLE);
    assert.equal(
      example.apiUsers.get('deploy-bot+0123456789@api.particle.io')?.token,
      '0123456789abcdef0123456789abcdef01234567',
    );
    const hostile = loadState(HOSTILE);
    assert.ok([...hostile.products].some((p) => p.name.includes('<script>')));
    assert.ok(hostile.users.has('demo@example.com'));
  });

  const broken: [string, unknown, RegExp][] = [
    ['not an object', [], /the data file must be an object/],
    [
      'a user without password',
      { users: [{ username: 'a@b.c' }] },
      /users\[0\]\.password must be a non-empty string/,
    ],
    [
      'a product of an unknown org',
      { users: [], products: [{ id: 1, slug: 's', name: 'n', org: 'zz' }] },
      /products\[0\]\.org "zz"/,
    ],
    [
      'an unknown scope',
      {
        users: [],
        orgs: [{ slug: 'o', name: 'O', apiUsers: [{ friendlyName: 'f', scopes: ['x:y'] }] }],
      },
      /unknown scope "x:y" \(put it in unlistedScopes if meant\)/,
    ],
    [
      'a listed scope among the unlisted ones',
      {
        users: [],
        orgs: [
          {
            slug: 'o',
            name: 'O',
            apiUsers: [{ friendlyName: 'f', scopes: [], unlistedScopes: ['devices:list'] }],
          },
        ],
      },
      /apiUsers\[0\]\.unlistedScopes has "devices:list", which is listed: move it to scopes/,
    ],
    [
      'an empty unlisted scope',
      {
        users: [],
        orgs: [{ slug: 'o', name: 'O', apiUsers: [{ friendlyName: 'f', unlistedScopes: [''] }] }],
      },
      /unlistedScopes\[0\] must be a non-empty string/,
    ],
    [
      'a bad role',
      {
        users: [{ username: 'a@b.c', password: 'p' }],
        orgs: [{ slug: 'o', name: 'O', team: [{ username: 'a@b.c', role: 'Boss' }] }],
      },
      /orgs\[0\]\.team\[0\]\.role/,
    ],
    [
      'a bad token',
      {
        users: [],
        orgs: [
          {
            slug: 'o',
            name: 'O',
            apiUsers: [{ friendlyName: 'f', scopes: ['devices:list'], token: 'XYZ' }],
          },
        ],
      },
      /token must be 40 lowercase hex/,
    ],
    [
      'a misspelt field',
      { users: [{ username: 'a@b.c', pasword: 'p' }] },
      /users\[0\] has an unknown field "pasword"/,
    ],
    [
      'the same email twice, in another case',
      {
        users: [
          { username: 'a@b.c', password: 'p' },
          { username: 'A@b.c', password: 'q' },
        ],
      },
      /users\[1\]\.username "A@b\.c" appears twice/,
    ],
    [
      'two orgs with one slug',
      {
        users: [],
        orgs: [
          { slug: 'o', name: 'O' },
          { slug: 'o', name: 'P' },
        ],
      },
      /orgs\[1\] repeats the id or slug/,
    ],
    [
      'an org id that is not 24 hex',
      { users: [], orgs: [{ slug: 'o', name: 'O', id: '7' }] },
      /orgs\[0\]\.id must be 24/,
    ],
    [
      'one token for two API users',
      {
        users: [],
        orgs: [
          {
            slug: 'o',
            name: 'O',
            apiUsers: [
              { friendlyName: 'f', scopes: ['devices:list'], token: 'a'.repeat(40) },
              { friendlyName: 'g', scopes: ['devices:list'], token: 'a'.repeat(40) },
            ],
          },
        ],
      },
      /apiUsers\[1\]\.token is the token of another API user/,
    ],
    [
      'a product with both org and owner',
      {
        users: [{ username: 'a@b.c', password: 'p' }],
        orgs: [{ slug: 'o', name: 'O' }],
        products: [{ id: 1, slug: 's', name: 'n', org: 'o', owner: 'a@b.c' }],
      },
      /products\[0\] has both org and owner/,
    ],
  ];
  for (const [what, data, message] of broken) {
    it(`names the file and the field for ${what}`, async () => {
      const file = join(dir, 'bad.json');
      await writeFile(file, JSON.stringify(data));
      assert.throws(
        () => loadState(file),
        (err: Error) =>
          err instanceof DataFileError && err.message.startsWith(file) && message.test(err.message),
      );
    });
  }

  it('reports a missing file and invalid JSON', async () => {
    assert.throws(() => loadState(join(dir, 'none.json')), /Cannot read the data file/);
    const file = join(dir, 'syntax.json');
    await writeFile(file, '{ users: ');
    assert.throws(() => loadState(file), /is not valid JSON/);
  });

  it('keeps unlisted scopes after the listed ones, and refuses a save that repeats them', async () => {
    const hostile = '<img src=x onerror=alert(1)>';
    const state = stateFromData({
      users: [DEMO],
      products: [
        {
          id: 9,
          slug: 'p',
          name: 'P',
          owner: DEMO.username,
          team: [{ username: DEMO.username, role: 'Administrator' }],
          apiUsers: [
            {
              friendlyName: 'future',
              username: 'future+0123456789@api.particle.io',
              scopes: ['devices:list'],
              unlistedScopes: ['gadgets:fly', hostile],
            },
          ],
        },
      ],
    });
    const { request } = inMemory({}, state);
    const token = await login(request);
    const { team } = await expectJson(await request('/v1/products/9/team', bearer(token)), 200);
    const future = team.find((m: { is_programmatic?: boolean }) => m.is_programmatic);
    assert.deepEqual(future.scopes, ['devices:list', 'gadgets:fly', hostile]);
    const saved = await request(
      '/v1/products/9/team/future+0123456789@api.particle.io',
      json('PUT', { scopes: ['gadgets:fly'] }, token),
    );
    await expectJson(saved, 400, { ok: false, error: 'Unknown scope: "gadgets:fly"' });
  });

  it('serves a data file over HTTP, hostile names returned verbatim as JSON', async () => {
    const emulator = await startEmulator({ port: 0, quiet: true, dataFile: HOSTILE });
    try {
      const request = (path: string, init?: RequestInit) => fetch(`${emulator.url}${path}`, init);
      const token = await login(request);
      const get = async (path: string) => expectJson(await request(path, bearer(token)), 200);
      const { products } = await get('/v1/products');
      assert.ok(
        products.some((p: { name: string }) => p.name === '<script>alert("product")</script>'),
      );
      const { team } = await get('/v1/orgs/evil-org/team');
      assert.ok(team.some((m: { username: string }) => m.username.startsWith('<img')));

      // A username with a quote, an ampersand and a plus, taken literally from the path.
      const odd = "o'neil&co+abcdefghij@api.particle.io";
      const productTeam = async () =>
        (await get('/v1/products/script-product/team')).team.map(
          (m: { username: string }) => m.username,
        );
      assert.ok((await productTeam()).includes(odd));
      const removed = await request(
        `/v1/products/script-product/team/${odd}`,
        bearer(token, 'DELETE'),
      );
      await expectJson(removed, 200, { ok: true });
      assert.ok(!(await productTeam()).includes(odd), 'the API user is gone from the team');
    } finally {
      await emulator.close();
    }
  });
});
