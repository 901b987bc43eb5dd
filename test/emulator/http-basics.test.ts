/** Paths and bodies: trailing slashes, `+` in usernames, malformed input, unknown routes. */
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { type AddressInfo, connect } from 'node:net';
import { describe, it } from 'node:test';
import { answerClientErrors } from '../../emulator/client-errors.js';
import { startEmulator } from '../../emulator/index.js';
import { basic, bearer, emulator, expectJson, form, json, login } from './helpers.js';

describe('paths', () => {
  it('treats /x/ and /x alike, also for POST', async () => {
    const { request } = emulator();
    const res = await request(
      '/oauth/token/',
      form(
        { grant_type: 'password', username: 'demo@example.com', password: 'demo-password' },
        { Authorization: basic('particle', 'particle') },
      ),
    );
    const { access_token: token } = await expectJson(res, 200);
    await expectJson(await request('/v1/user/', bearer(token)), 200);
    await expectJson(await request('/v1/user/products/', bearer(token)), 200);
    await expectJson(await request('/v1/orgs/', bearer(token)), 200);
    await expectJson(await request('/v1/products/10001/team/', bearer(token)), 200);
  });

  it('takes + in a path username literally, never as a space', async () => {
    const { request, state } = emulator();
    const token = await login(request);
    // A human whose address has a +, and an API user (whose name always has one).
    await request('/v1/orgs/acme/team', json('POST', { username: 'dev+test@example.com' }, token));
    const human = await request(
      '/v1/orgs/acme/team/dev+test@example.com',
      json('PUT', { role: 'Support' }, token),
    );
    assert.equal((await expectJson(human, 200)).updated.username, 'dev+test@example.com');
    const spaced = await request(
      '/v1/orgs/acme/team/dev%20test@example.com',
      bearer(token, 'DELETE'),
    );
    assert.equal(spaced.status, 404);
    const ci = [...state.apiUsers.values()].find((a) => a.friendlyName === 'Acme CI')!;
    assert.ok(ci.username.includes('+'));
    await expectJson(
      await request(`/v1/orgs/acme/team/${ci.username}`, bearer(token, 'DELETE')),
      200,
    );
  });

  it('answers an unknown route with a JSON 404', async () => {
    const { request } = emulator();
    await expectJson(await request('/v1/nothing-here'), 404, {
      ok: false,
      error: 'Unknown route: GET /v1/nothing-here',
    });
    await expectJson(await request('/v1/user', { method: 'PATCH' }), 404);
  });
});

describe('bodies', () => {
  it('answers malformed JSON with the contract 400 body, not a crash', async () => {
    const { request } = emulator();
    const token = await login(request);
    const res = await request('/v1/products/10001/team', {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body: '{"friendly_name": ',
    });
    await expectJson(res, 400, { ok: false, error: 'Malformed JSON in the request body' });
    const array = await request('/v1/products/10001/team', { ...json('POST', ['x'], token) });
    await expectJson(array, 400, { ok: false, error: 'The request body must be a JSON object' });
  });

  it('refuses a body that is neither JSON nor a form', async () => {
    const { request } = emulator();
    const token = await login(request);
    const res = await request('/v1/products/10001/team', {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'text/plain' },
      body: 'friendly_name=x',
    });
    const body = await expectJson(res, 400);
    assert.match(body.error, /Content-Type/);
  });

  it('answers a malformed form body on /oauth/token with a JSON 400', async () => {
    const { request } = emulator();
    const res = await request('/oauth/token', {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: '%%%&&&=',
    });
    const body = await expectJson(res, 400);
    assert.equal(body.error, 'invalid_request');
  });
});

describe('huge bodies', () => {
  const huge = 'x'.repeat(2 * 1024 * 1024);
  const tooLarge = 'Request body too large: send at most 1 MiB';

  it('refuse a streamed body over 1 MiB with 413 in the app family', async () => {
    const { request, state } = emulator();
    const token = await login(request);
    const before = state.apiUsers.size;
    const res = await request('/v1/products/10001/team', {
      ...json('POST', { friendly_name: huge, scopes: ['products:get'] }, token),
    });
    await expectJson(res, 413, { ok: false, error: tooLarge });
    assert.equal(state.apiUsers.size, before, 'nothing was created');
  });

  it('refuse one on /oauth/token with 413 in the OAuth family, never cached', async () => {
    const { request } = emulator();
    const res = await request('/oauth/token', form({ grant_type: 'password', username: huge }));
    assert.equal(res.headers.get('Cache-Control'), 'no-store');
    await expectJson(res, 413, { error: 'invalid_request', error_description: tooLarge });
  });

  it('refuse a declared Content-Length over 1 MiB over HTTP, and keep serving', async () => {
    const served = await startEmulator({ port: 0, quiet: true });
    try {
      const res = await fetch(`${served.url}/v1/products/10001/team`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'Content-Length': String(huge.length) },
        body: huge,
      });
      await expectJson(res, 413, { ok: false, error: tooLarge });
      assert.equal((await fetch(`${served.url}/v1/user`)).status, 400);
    } finally {
      await served.close();
    }
  });
});

describe('requests Node’s HTTP parser refuses', () => {
  /** Writes raw bytes to the emulator and returns everything it answers. */
  async function raw(url: string, request: string): Promise<string> {
    const { hostname, port } = new URL(url);
    const socket = connect(Number(port), hostname);
    socket.end(request);
    let answer = '';
    for await (const chunk of socket) answer += chunk;
    return answer;
  }

  it('answer in the contract’s JSON with CORS: oversized headers 431, a broken request 400', async () => {
    const served = await startEmulator({ port: 0, quiet: true });
    try {
      const huge = await raw(
        served.url,
        `GET /v1/user HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`,
      );
      assert.match(huge, /^HTTP\/1\.1 431 /);
      assert.match(huge, /\r\nAccess-Control-Allow-Origin: \*\r\n/);
      assert.ok(huge.endsWith('{"ok":false,"error":"Request header fields too large"}'), huge);

      const broken = await raw(served.url, 'GET /v1/user HTTP/1.1\r\nNot a header\r\n\r\n');
      assert.match(broken, /^HTTP\/1\.1 400 /);
      assert.ok(broken.endsWith('{"ok":false,"error":"Malformed HTTP request"}'), broken);

      assert.equal((await fetch(`${served.url}/v1/user`)).status, 400, 'still serving');
    } finally {
      await served.close();
    }
  });

  it('answer a request that never finishes arriving with a JSON 408', async () => {
    const server = createServer(
      { requestTimeout: 200, headersTimeout: 200, connectionsCheckingInterval: 50 },
      () => assert.fail('no request should be complete'),
    );
    answerClientErrors(server);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = server.address() as AddressInfo;
      const socket = connect(port, '127.0.0.1');
      socket.write('GET /v1/user HTTP/1.1\r\nHost: x\r\n'); // the headers never end
      let answer = '';
      for await (const chunk of socket) answer += chunk;
      assert.match(answer, /^HTTP\/1\.1 408 /);
      assert.ok(answer.endsWith('{"ok":false,"error":"The request took too long to arrive"}'));
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });
});

describe('unexpected failures', () => {
  it('answer 500 JSON without a stack trace, and are logged', async () => {
    const lines: string[] = [];
    const broken = () => {
      throw new Error('clock broke');
    };
    const { request } = emulator({ now: broken, log: (line) => lines.push(line) });
    const res = await request('/v1/user', bearer('0'.repeat(40)));
    const text = await res.text();
    assert.equal(res.status, 500);
    assert.deepEqual(JSON.parse(text), { ok: false, error: 'Internal server error' });
    assert.doesNotMatch(text, /clock broke|at .*\.ts/);
    assert.match(lines.join('\n'), /Internal error on GET \/v1\/user: clock broke/);
  });
});
