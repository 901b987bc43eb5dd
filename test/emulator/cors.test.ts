/** CORS per particle-api.md §1.5, over a real port (what a browser on another origin sees). */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { type RunningEmulator, startEmulator } from '../../emulator/index.js';

describe('CORS', () => {
  let emulator: RunningEmulator;
  before(async () => {
    emulator = await startEmulator({ port: 0, quiet: true, faults: true });
  });
  after(() => emulator.close());

  it('answers a preflight with 204 and the allowed methods, headers and max-age', async () => {
    const res = await fetch(`${emulator.url}/v1/products/acme/team/x+y@api.particle.io`, {
      method: 'OPTIONS',
      headers: {
        Origin: 'http://localhost:8080',
        'Access-Control-Request-Method': 'PUT',
        'Access-Control-Request-Headers': 'authorization,content-type,x-particle-tool',
      },
    });
    assert.equal(res.status, 204);
    assert.equal(res.headers.get('Access-Control-Allow-Origin'), '*');
    const methods = res.headers.get('Access-Control-Allow-Methods')!.split(',');
    for (const m of ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'])
      assert.ok(methods.includes(m), m);
    const headers = res.headers.get('Access-Control-Allow-Headers')!.toLowerCase().split(',');
    for (const h of [
      'authorization',
      'content-type',
      'accept',
      'x-requested-with',
      'x-particle-tool',
      'x-particle-project',
    ]) {
      assert.ok(headers.includes(h), h);
    }
    assert.equal(res.headers.get('Access-Control-Max-Age'), '300');
    assert.equal(res.headers.get('Access-Control-Allow-Credentials'), null);
    assert.equal(await res.text(), '');
  });

  it('puts Allow-Origin on successes and errors alike, also for Origin: null', async () => {
    for (const origin of ['http://docs.example', 'null']) {
      const ok = await fetch(`${emulator.url}/__emulator/faults`, { headers: { Origin: origin } });
      assert.equal(ok.headers.get('Access-Control-Allow-Origin'), '*');
      const denied = await fetch(`${emulator.url}/v1/user`, { headers: { Origin: origin } });
      assert.equal(denied.status, 400);
      assert.equal(denied.headers.get('Access-Control-Allow-Origin'), '*');
    }
  });

  it('exposes Retry-After so that a page can read how long to wait', async () => {
    await fetch(`${emulator.url}/__emulator/faults`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ path: '/v1/orgs', status: 429 }),
    });
    const res = await fetch(`${emulator.url}/v1/orgs`, {
      headers: { Origin: 'http://docs.example' },
    });
    assert.equal(res.status, 429);
    assert.equal(res.headers.get('Access-Control-Allow-Origin'), '*');
    assert.match(res.headers.get('Access-Control-Expose-Headers') ?? '', /Retry-After/i);
    assert.ok(res.headers.get('Retry-After'));
  });
});
