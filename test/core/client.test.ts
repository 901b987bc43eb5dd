import { expect } from '@open-wc/testing';
import sinon from 'sinon';
import { ApiClient, apiFor, buildRequest } from '../../widgets/api-helper/client.js';
import { SessionStore } from '../../widgets/api-helper/session-store.js';
import { apiFailure } from '../helpers/api-error.js';
import { fakeFetch } from '../helpers/fake-fetch.js';
import { fakeToken, resetSessions } from '../helpers/session.js';

const BASE = 'https://api.example.test';
const TOKEN = fakeToken('b');

function client(timeoutMs = 1000): ApiClient {
  return new ApiClient({
    baseUrl: BASE,
    session: new SessionStore(BASE, { memoryOnly: true }),
    timeoutMs,
  });
}

describe('buildRequest', () => {
  it('form-encodes /oauth/token with the particle client as HTTP Basic', () => {
    const [url, init] = buildRequest(`${BASE}/`, {
      method: 'POST',
      path: '/oauth/token',
      form: { grant_type: 'password', username: 'a+b@x.io', password: 'p&q=' },
      auth: 'client',
    });
    const headers = init.headers as Record<string, string>;
    expect(url).to.equal(`${BASE}/oauth/token`);
    expect(init.method).to.equal('POST');
    expect(headers['Content-Type']).to.equal('application/x-www-form-urlencoded');
    expect(headers.Authorization).to.equal(`Basic ${btoa('particle:particle')}`);
    expect(headers.Accept).to.equal('application/json');
    const form = new URLSearchParams(init.body as string);
    expect(form.get('username')).to.equal('a+b@x.io');
    expect(form.get('password')).to.equal('p&q=');
  });

  it('sends JSON with the session token as a Bearer header, never in the URL or body', () => {
    const [url, init] = buildRequest(
      BASE,
      { method: 'POST', path: '/v1/products/1/team', json: { scopes: ['a'] }, auth: 'session' },
      TOKEN,
    );
    const headers = init.headers as Record<string, string>;
    expect(headers.Authorization).to.equal(`Bearer ${TOKEN}`);
    expect(headers['Content-Type']).to.equal('application/json');
    expect(init.body).to.equal('{"scopes":["a"]}');
    expect(url).not.to.include(TOKEN);
    expect(init.body).not.to.include(TOKEN);
  });

  it('uses an explicit token over the session token, and no header for auth none', () => {
    const [, withToken] = buildRequest(
      BASE,
      { method: 'GET', path: '/v1/user', auth: { token: 'pasted' } },
      TOKEN,
    );
    expect((withToken.headers as Record<string, string>).Authorization).to.equal('Bearer pasted');
    const [, none] = buildRequest(BASE, { method: 'GET', path: '/v1/x', auth: 'none' }, TOKEN);
    expect((none.headers as Record<string, string>).Authorization).to.equal(undefined);
    expect(none.body).to.equal(undefined);
  });
});

describe('ApiClient.send', () => {
  afterEach(() => {
    sinon.restore();
    resetSessions();
  });

  it('resolves with the parsed body, and {} for an empty 204', async () => {
    fakeFetch({ 'GET /v1/user': { body: { username: 'u' } }, 'DELETE /v1/x': { status: 204 } });
    const api = client();
    expect(await api.send({ method: 'GET', path: '/v1/user', auth: 'none' })).to.deep.equal({
      username: 'u',
    });
    expect(await api.send({ method: 'DELETE', path: '/v1/x', auth: 'none' })).to.deep.equal({});
  });

  it('refuses a session call without a session, without touching the network', async () => {
    const fake = fakeFetch({});
    const error = await apiFailure(
      client().send({ method: 'GET', path: '/v1/user', auth: 'session' }),
    );
    expect(error.kind).to.equal('session');
    expect(fake.calls).to.have.length(0);
  });

  it('refuses a path with a . or .. segment, which URL parsing would send elsewhere', async () => {
    const fake = fakeFetch({});
    for (const id of ['..', '.', '%2e%2E']) {
      const error = await apiFailure(
        client().send({ method: 'GET', path: `/v1/orgs/${id}/products`, auth: 'none' }),
      );
      expect(error.kind).to.equal('validation');
    }
    expect(fake.calls).to.have.length(0);
    await client()
      .send({ method: 'GET', path: '/v1/orgs/a..b/products', auth: 'none' })
      .catch(() => {});
    expect(fake.calls).to.have.length(1);
  });

  it('turns an HTML error page into a server error, never a SyntaxError', async () => {
    fakeFetch({
      'GET /v1/orgs': {
        status: 502,
        raw: '<html><body>Bad gateway</body></html>',
        headers: { 'Content-Type': 'text/html' },
      },
    });
    const error = await apiFailure(
      client().send({ method: 'GET', path: '/v1/orgs', auth: 'none' }),
    );
    expect(error.kind).to.equal('server');
    expect(error.status).to.equal(502);
    expect(error.message).to.include('HTTP 502');
  });

  it('turns a malformed 200 body into a server error', async () => {
    fakeFetch({ 'GET /v1/orgs': { raw: '{"organizations": [' } });
    const error = await apiFailure(
      client().send({ method: 'GET', path: '/v1/orgs', auth: 'none' }),
    );
    expect(error.kind).to.equal('server');
    expect(error.message).to.match(/could not be read/);
  });

  it('maps a fetch TypeError (offline, CORS) to network', async () => {
    fakeFetch({ 'GET /v1/orgs': 'network-error' });
    const error = await apiFailure(
      client().send({ method: 'GET', path: '/v1/orgs', auth: 'none' }),
    );
    expect(error.kind).to.equal('network');
    expect(error.cause).to.be.instanceOf(TypeError);
  });

  it('times out a call that does not answer', async () => {
    const clock = sinon.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    fakeFetch({ 'GET /v1/orgs': 'hang' });
    const pending = apiFailure(
      client(5000).send({ method: 'GET', path: '/v1/orgs', auth: 'none' }),
    );
    await clock.tickAsync(4999);
    let settled = false;
    void pending.then(() => {
      settled = true;
    });
    await Promise.resolve();
    expect(settled).to.equal(false);
    await clock.tickAsync(1);
    expect((await pending).kind).to.equal('timeout');
  });

  it('honours a per-call timeout', async () => {
    const clock = sinon.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    fakeFetch({ 'GET /v1/orgs': 'hang' });
    const pending = apiFailure(
      client(60_000).send({ method: 'GET', path: '/v1/orgs', auth: 'none' }, { timeoutMs: 10 }),
    );
    await clock.tickAsync(10);
    expect((await pending).kind).to.equal('timeout');
  });

  it('reports aborted when the caller aborts, before or during the call', async () => {
    fakeFetch({ 'GET /v1/orgs': 'hang' });
    const early = new AbortController();
    early.abort();
    expect(
      (
        await apiFailure(
          client().send(
            { method: 'GET', path: '/v1/orgs', auth: 'none' },
            { signal: early.signal },
          ),
        )
      ).kind,
    ).to.equal('aborted');
    const late = new AbortController();
    const pending = apiFailure(
      client().send({ method: 'GET', path: '/v1/orgs', auth: 'none' }, { signal: late.signal }),
    );
    late.abort();
    expect((await pending).kind).to.equal('aborted');
  });

  it('combines the signals without AbortSignal.any too (Safari before 17.4)', async () => {
    sinon.stub(AbortSignal, 'any').value(undefined);
    fakeFetch({ 'GET /v1/orgs': 'hang' });
    const controller = new AbortController();
    const aborted = apiFailure(
      client().send(
        { method: 'GET', path: '/v1/orgs', auth: 'none' },
        { signal: controller.signal },
      ),
    );
    controller.abort();
    expect((await aborted).kind).to.equal('aborted');
    const clock = sinon.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const timedOut = apiFailure(
      client(100).send(
        { method: 'GET', path: '/v1/orgs', auth: 'none' },
        { signal: new AbortController().signal },
      ),
    );
    await clock.tickAsync(100);
    expect((await timedOut).kind).to.equal('timeout');
  });

  it('passes one signal to fetch that the caller and the timeout both control', async () => {
    const fake = fakeFetch({ 'GET /v1/orgs': { body: {} } });
    await client().send(
      { method: 'GET', path: '/v1/orgs', auth: 'none' },
      { signal: new AbortController().signal },
    );
    expect(fake.calls[0]!.signal).to.be.instanceOf(AbortSignal);
  });

  it('ends the session with reason expired when its token gets a 401', async () => {
    fakeFetch({
      'GET /v1/user': {
        status: 401,
        body: {
          error: 'invalid_token',
          error_description: 'The access token provided has expired.',
        },
      },
    });
    const api = client();
    api.session.set({ username: 'u', token: TOKEN, expiresAt: null, persistence: 'memory' });
    const error = await apiFailure(api.send({ method: 'GET', path: '/v1/user', auth: 'session' }));
    expect(error.kind).to.equal('session');
    expect(api.session.value).to.equal(null);
    expect(api.session.endedBecause).to.equal('expired');
  });

  it('keeps a newer session when an older token gets a 401', async () => {
    const api = client();
    const newer = {
      username: 'u',
      token: fakeToken('c'),
      expiresAt: null,
      persistence: 'memory' as const,
    };
    fakeFetch({
      'GET /v1/user': () => {
        api.session.set(newer); // a login finished while the old call was in flight
        return { status: 401, body: { error: 'invalid_token' } };
      },
    });
    api.session.set({ ...newer, token: TOKEN });
    await apiFailure(api.send({ method: 'GET', path: '/v1/user', auth: 'session' }));
    expect(api.session.value?.token).to.equal(newer.token);
  });

  it('does not end the session on a 401 for an explicit token', async () => {
    fakeFetch({ 'GET /v1/user': { status: 401, body: { error: 'invalid_token' } } });
    const api = client();
    api.session.set({ username: 'u', token: TOKEN, expiresAt: null, persistence: 'memory' });
    await apiFailure(api.send({ method: 'GET', path: '/v1/user', auth: { token: 'pasted' } }));
    expect(api.session.value?.token).to.equal(TOKEN);
  });

  it('looks fetch up on every call, so a stub installed later is used', async () => {
    const api = client();
    fakeFetch({ 'GET /v1/a': { body: { n: 1 } } });
    expect(await api.send({ method: 'GET', path: '/v1/a', auth: 'none' })).to.deep.equal({ n: 1 });
    sinon.restore();
    fakeFetch({ 'GET /v1/a': { body: { n: 2 } } });
    expect(await api.send({ method: 'GET', path: '/v1/a', auth: 'none' })).to.deep.equal({ n: 2 });
  });
});

describe('apiFor', () => {
  afterEach(() => resetSessions());

  it('returns one client per API origin, whatever the trailing slash', () => {
    expect(apiFor(`${BASE}/`)).to.equal(apiFor(BASE));
    expect(apiFor(BASE)).not.to.equal(apiFor('http://127.0.0.1:9'));
    expect(apiFor(BASE).session).to.equal(apiFor(BASE).session);
  });

  it('defaults to api.particle.io', () => {
    expect(apiFor('').baseUrl).to.equal('https://api.particle.io');
  });
});
