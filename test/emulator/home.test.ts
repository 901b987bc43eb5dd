/** The emulator's own page, `GET /`: HTML for browsers, JSON for everything else. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createApp } from '../../emulator/app.js';
import { seedState } from '../../emulator/model/seed.js';

const BROWSER = { Accept: 'text/html,application/xhtml+xml,*/*;q=0.8' };

describe('GET / on the emulator', () => {
  it('answers JSON naming the demo accounts and the docs site', async () => {
    const app = createApp(seedState(), { siteUrl: 'http://localhost:8080/' });
    const res = await app.request('/');
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type') ?? '', /^application\/json/);
    const body = await res.json();
    assert.equal(body.docs, 'http://localhost:8080/');
    const demo = body.accounts.find((a: { username: string }) => a.username === 'demo@example.com');
    assert.deepEqual(demo, { username: 'demo@example.com', password: 'demo-password', mfa: false });
    assert.equal(
      body.accounts.find((a: { username: string }) => a.username === 'mfa@example.com').mfa,
      true,
    );
  });

  it('answers a browser with an HTML page that links the docs site and lists the accounts', async () => {
    const app = createApp(seedState(), { siteUrl: 'http://localhost:8080/' });
    const res = await app.request('/', { headers: BROWSER });
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type') ?? '', /^text\/html/);
    assert.equal(res.headers.get('vary'), 'Accept');
    assert.equal(res.headers.get('content-security-policy'), "default-src 'none'");
    const page = await res.text();
    assert.match(page, /<title>Particle Cloud API emulator<\/title>/);
    assert.match(page, /<a href="http:\/\/localhost:8080\/">http:\/\/localhost:8080\/<\/a>/);
    assert.match(page, /<td>demo@example\.com<\/td><td>demo-password<\/td><td>no<\/td>/);
    assert.match(page, /<td>mfa@example\.com<\/td><td>demo-password<\/td><td>yes/);
  });

  it('says how to name the docs site when none was given, and links only http(s) URLs', async () => {
    for (const siteUrl of [undefined, 'javascript:alert(1)']) {
      const page = await (
        await createApp(seedState(), { siteUrl }).request('/', { headers: BROWSER })
      ).text();
      assert.doesNotMatch(page, /<a /);
      assert.match(page, /No docs site was named/);
    }
  });

  it('escapes account names from a data file', async () => {
    const state = seedState();
    const user = state.users.get('demo@example.com')!;
    state.users.set('x', { ...user, username: '<img src=x onerror=alert(1)>@example.com' });
    const page = await (await createApp(state).request('/', { headers: BROWSER })).text();
    assert.ok(!page.includes('<img'));
    assert.match(page, /&lt;img src=x onerror=alert\(1\)&gt;@example\.com/);
  });

  it('leaves other unknown routes a JSON 404', async () => {
    const res = await createApp(seedState()).request('/nothing', { headers: BROWSER });
    assert.equal(res.status, 404);
  });
});
