/** Forced faults over a real port: each status, malformed JSON, a dropped connection, latency. */
import assert from 'node:assert/strict';
import { after, afterEach, before, describe, it } from 'node:test';
import { type RunningEmulator, startEmulator } from '../../emulator/index.js';
import { emulator as inMemory, login } from './helpers.js';

let emulator: RunningEmulator;

async function addFault(fault: Record<string, unknown>) {
  const res = await fetch(`${emulator.url}/__emulator/faults`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(fault),
  });
  return { status: res.status, body: await res.json() };
}

/** A demo token, logged in over HTTP through the shared helper. */
const token = () => login((path, init) => fetch(`${emulator.url}${path}`, init));

const get = (path: string, bearer?: string) =>
  fetch(`${emulator.url}${path}`, bearer ? { headers: { Authorization: `Bearer ${bearer}` } } : {});

describe('faults', () => {
  before(async () => {
    emulator = await startEmulator({ port: 0, quiet: true, faults: true });
  });
  afterEach(() => fetch(`${emulator.url}/__emulator/faults`, { method: 'DELETE' }));
  after(() => emulator.close());

  const expected: Record<number, unknown> = {
    401: { error: 'invalid_token', error_description: 'The access token provided is invalid.' },
    403: { ok: false, error: 'You do not have permission to do this (forced by the emulator)' },
    429: { ok: false, error: 'Too many requests' },
    500: { ok: false, error: 'Internal server error' },
    502: { ok: false, error: 'Bad gateway' },
    503: { ok: false, error: 'Service unavailable' },
  };
  for (const status of [401, 403, 429, 500, 502, 503]) {
    it(`forces ${status} with the contract's body, once`, async () => {
      const bearer = await token();
      assert.equal((await addFault({ method: 'GET', path: '/v1/user', status })).status, 201);
      const res = await get('/v1/user/', bearer);
      assert.equal(res.status, status);
      assert.deepEqual(await res.json(), expected[status]);
      if (status === 429) assert.equal(res.headers.get('Retry-After'), '30');
      assert.equal((await get('/v1/user', bearer)).status, 200, 'count defaults to 1');
    });
  }

  it('uses the OAuth family on /oauth/token', async () => {
    await addFault({ path: '/oauth/token', status: 503 });
    const res = await fetch(`${emulator.url}/oauth/token`, { method: 'POST' });
    assert.equal(res.status, 503);
    assert.deepEqual(await res.json(), {
      error: 'server_error',
      error_description: 'server_error',
    });
  });

  it('sends a 200 with an empty body, without running the request', async () => {
    const bearer = await token();
    await addFault({ method: 'DELETE', path: '/v1/access_tokens/current', empty: true });
    const res = await fetch(`${emulator.url}/v1/access_tokens/current`, {
      method: 'DELETE',
      headers: { Authorization: `Bearer ${bearer}` },
    });
    assert.equal(res.status, 200);
    assert.equal(await res.text(), '');
    assert.equal((await get('/v1/user', bearer)).status, 200, 'the token was not revoked');
  });

  it('logs what reached it (not preflights or its own routes), until DELETE clears it', async () => {
    const log = `${emulator.url}/__emulator/requests`;
    await fetch(log, { method: 'DELETE' });
    await addFault({ method: 'POST', path: '/v1/x', status: 500 });
    await fetch(`${emulator.url}/v1/x`, { method: 'POST' });
    await fetch(`${emulator.url}/v1/user`, { method: 'OPTIONS' });
    await get('/v1/user');
    const { requests } = await (await fetch(log)).json();
    assert.deepEqual(requests, [
      { method: 'POST', path: '/v1/x' },
      { method: 'GET', path: '/v1/user' },
    ]);
    assert.deepEqual(await (await fetch(log, { method: 'DELETE' })).json(), {
      ok: true,
      cleared: 2,
    });
  });

  it('sends malformed JSON', async () => {
    await addFault({ path: '/v1/orgs', malformed: true });
    const res = await get('/v1/orgs', await token());
    assert.equal(res.status, 200);
    assert.match(res.headers.get('Content-Type') ?? '', /application\/json/);
    await assert.rejects(res.json(), SyntaxError);
  });

  it('drops the connection', async () => {
    await addFault({ path: '/v1/user', drop: true });
    await assert.rejects(get('/v1/user'), TypeError);
    assert.equal((await get('/v1/user')).status, 400, 'the next request is served');
  });

  it('adds latency, then serves normally', async () => {
    await addFault({ path: '/v1/user', latencyMs: 300 });
    const started = Date.now();
    const res = await get('/v1/user');
    assert.ok(Date.now() - started >= 280, `took ${Date.now() - started} ms`);
    assert.equal(res.status, 400); // no token: the real answer, just later
  });

  it('matches the method, counts, prefixes and lists, and DELETE clears', async () => {
    const bearer = await token();
    await addFault({ method: 'delete', path: '/v1/orgs/*', status: 500, count: 2 });
    assert.equal((await get('/v1/orgs/acme', bearer)).status, 200, 'a GET does not match');
    const listed = await (await fetch(`${emulator.url}/__emulator/faults`)).json();
    assert.deepEqual(listed.faults, [
      { method: 'DELETE', path: '/v1/orgs/*', status: 500, count: 2 },
    ]);
    const del = () => fetch(`${emulator.url}/v1/orgs/acme/team/x`, { method: 'DELETE' });
    assert.equal((await del()).status, 500);
    assert.equal((await del()).status, 500);
    assert.equal((await del()).status, 400, 'used up after count requests');
    await addFault({ path: '/v1/user', status: 503, count: 5 });
    const cleared = await (
      await fetch(`${emulator.url}/__emulator/faults`, { method: 'DELETE' })
    ).json();
    assert.deepEqual(cleared, { ok: true, cleared: 1 });
    assert.equal((await get('/v1/user', bearer)).status, 200);
  });

  it('validates a fault with a 400 that says what is wrong', async () => {
    const cases: [unknown, RegExp][] = [
      [{}, /path must start with "\/"/],
      [[{ path: '/x', status: 500 }], /must be a JSON object/],
      [{ path: 'v1/user', status: 500 }, /path must start/],
      [{ path: '/x', status: 418 }, /status must be one of 401, 403, 429, 500, 502, 503/],
      [{ path: '/x' }, /Give one of status, malformed, empty, drop or latencyMs/],
      [{ path: '/x', drop: true, status: 500 }, /Give only one of/],
      [{ path: '/x', status: 500, count: 0 }, /count must be a positive whole number/],
      [{ path: '/x', stauts: 500 }, /Unknown fault field "stauts"/],
    ];
    for (const [bad, message] of cases) {
      const { status, body } = await addFault(bad as Record<string, unknown>);
      assert.equal(status, 400, JSON.stringify(bad));
      assert.deepEqual(Object.keys(body), ['ok', 'error'], 'the app family, nothing else');
      assert.equal(body.ok, false);
      assert.match(body.error, message, JSON.stringify(bad));
    }
  });

  it('sends a custom body in either family, with any 4xx or 5xx, without running the route', async () => {
    const bearer = await token();
    const bodies = [
      { error: 'invalid_grant', error_description: '<img src=x onerror=alert(1)>' },
      { ok: false, error: '<script>alert(2)</script>', info: '"><svg onload=alert(3)>' },
      { ok: false, error: 'just the error' },
    ];
    for (const [status, body] of [400, 404, 418].map((s, i) => [s, bodies[i]!] as const)) {
      const added = await addFault({
        method: 'DELETE',
        path: '/v1/access_tokens/current',
        status,
        body,
      });
      assert.equal(added.status, 201);
      assert.deepEqual(added.body.fault.body, body);
      const res = await fetch(`${emulator.url}/v1/access_tokens/current`, {
        method: 'DELETE',
        headers: { Authorization: `Bearer ${bearer}` },
      });
      assert.equal(res.status, status);
      assert.equal(res.headers.get('Access-Control-Allow-Origin'), '*');
      assert.deepEqual(await res.json(), body, 'exactly the body given, keys and all');
    }
    assert.equal((await get('/v1/user', bearer)).status, 200, 'the token was never revoked');
  });

  it('keeps Retry-After on a custom 429, and no-store on an OAuth body', async () => {
    await addFault({
      path: '/oauth/token',
      status: 429,
      body: { error: 'x', error_description: 'y' },
    });
    const res = await fetch(`${emulator.url}/oauth/token`, { method: 'POST' });
    assert.equal(res.status, 429);
    assert.equal(res.headers.get('Retry-After'), '30');
    assert.equal(res.headers.get('Cache-Control'), 'no-store');
    assert.deepEqual(await res.json(), { error: 'x', error_description: 'y' });
  });

  it("refuses a custom body outside the contract's two shapes, naming the field", async () => {
    const cases: [Record<string, unknown>, RegExp][] = [
      [{ path: '/x', body: { ok: false, error: 'e' } }, /body needs a status from 400 to 599/],
      [{ path: '/x', status: 200, body: { ok: false, error: 'e' } }, /from 400 to 599 with a body/],
      [{ path: '/x', status: 600, body: { ok: false, error: 'e' } }, /from 400 to 599/],
      [{ path: '/x', status: 400, body: 'oops' }, /body must be an object/],
      [{ path: '/x', status: 400, body: { ok: true, error: 'e' } }, /body\.ok must be false/],
      [
        { path: '/x', status: 400, body: { ok: false, error: '' } },
        /body\.error must be a non-empty/,
      ],
      [
        { path: '/x', status: 400, body: { ok: false, error: 'e', info: 1 } },
        /body\.info must be a string/,
      ],
      [
        { path: '/x', status: 400, body: { error: 'e' } },
        /body\.error_description must be a string/,
      ],
      [
        { path: '/x', status: 400, body: { error: 'e', error_description: 'd', info: 'i' } },
        /unknown field "info"/,
      ],
      [
        { path: '/x', status: 400, body: { ok: false, error: 'e', stack: 's' } },
        /unknown field "stack"/,
      ],
      [
        { path: '/x', status: 400, malformed: true, body: { ok: false, error: 'e' } },
        /Give only one of/,
      ],
    ];
    for (const [bad, message] of cases) {
      const { status, body } = await addFault(bad);
      assert.equal(status, 400, JSON.stringify(bad));
      assert.deepEqual(body, { ok: false, error: body.error });
      assert.match(body.error, message, JSON.stringify(bad));
    }
    const listed = await (await fetch(`${emulator.url}/__emulator/faults`)).json();
    assert.deepEqual(listed.faults, [], 'none of them was added');
  });

  it('are off unless asked for', async () => {
    const plain = await startEmulator({ port: 0, quiet: true });
    try {
      const res = await fetch(`${plain.url}/__emulator/faults`, { method: 'POST', body: '{}' });
      assert.equal(res.status, 404);
    } finally {
      await plain.close();
    }
  });
});

describe('global latency', () => {
  it('delays every request by latencyMs', async () => {
    const slow = await startEmulator({ port: 0, quiet: true, latencyMs: 200 });
    try {
      const started = Date.now();
      await fetch(`${slow.url}/v1/user`);
      assert.ok(Date.now() - started >= 180);
    } finally {
      await slow.close();
    }
  });
});

describe('faults without a port', () => {
  it('a dropped connection makes the body fail to read under app.request()', async () => {
    const { request } = inMemory({ faults: true });
    await request('/__emulator/faults', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ path: '/v1/user', drop: true }),
    });
    const res = await request('/v1/user');
    await assert.rejects(res.text(), /connection dropped/);
  });
});

describe('a dropped connection is quiet', () => {
  it('prints nothing on the server side, for a GET, a POST with a body and a reused connection', async () => {
    const server = await startEmulator({ port: 0, faults: true, quiet: true });
    const printed: string[] = [];
    const original = {
      stderr: process.stderr.write.bind(process.stderr),
      error: console.error,
      warn: console.warn,
    };
    const capture = (chunk: unknown) => {
      printed.push(String(chunk));
      return true;
    };
    process.stderr.write = capture as typeof process.stderr.write;
    console.error = capture;
    console.warn = capture;
    try {
      await fetch(`${server.url}/__emulator/faults`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ path: '/v1/*', drop: true, count: 4 }),
      });
      await assert.rejects(fetch(`${server.url}/v1/user`), TypeError);
      await assert.rejects(
        fetch(`${server.url}/v1/products/10001/team`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ friendly_name: 'x'.repeat(50_000) }),
        }),
        TypeError,
      );
      await assert.rejects(fetch(`${server.url}/v1/orgs`, { keepalive: true }), TypeError);
      await assert.rejects(fetch(`${server.url}/v1/orgs`), TypeError);
      assert.equal((await fetch(`${server.url}/v1/orgs`)).status, 400, 'served again afterwards');
      await new Promise((resolve) => setTimeout(resolve, 100));
    } finally {
      Object.assign(console, { error: original.error, warn: original.warn });
      process.stderr.write = original.stderr;
      await server.close();
    }
    assert.deepEqual(printed, []);
  });
});
