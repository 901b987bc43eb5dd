/**
 * The core's record of each call (client.ts `onExchange`) and what the pane shows
 * of it (exchange.ts, json-tokens.ts): secrets masked until revealed, JSON kept as sent.
 */
import { expect } from '@open-wc/testing';
import sinon from 'sinon';
import { loginRequest } from '../../widgets/api-helper/auth.js';
import { ApiClient } from '../../widgets/api-helper/client.js';
import { MASK, showExchange } from '../../widgets/api-helper/exchange.js';
import { SessionStore } from '../../widgets/api-helper/session-store.js';
import type { Exchange } from '../../widgets/api-helper/types.js';
import { jsonTokens } from '../../widgets/components/json-tokens.js';
import { fakeFetch } from '../helpers/fake-fetch.js';
import { fakeToken } from '../helpers/session.js';

const BASE = 'https://exchange.api.test';
const SESSION_TOKEN = fakeToken('c');
const NEW_TOKEN = fakeToken('d');

function client(): ApiClient {
  const session = new SessionStore(BASE, { memoryOnly: true });
  session.set({
    username: 'me@example.com',
    token: SESSION_TOKEN,
    expiresAt: null,
    persistence: 'memory',
  });
  return new ApiClient({ baseUrl: BASE, session, timeoutMs: 500 });
}

async function recorded(
  send: (api: ApiClient, onExchange: (e: Exchange) => void) => Promise<unknown>,
) {
  const exchanges: Exchange[] = [];
  await send(client(), (e) => exchanges.push(e)).catch(() => undefined);
  expect(exchanges).to.have.length(1);
  return exchanges[0]!;
}

const login = loginRequest({
  username: 'me@example.com',
  password: 'hunter2-secret',
  expiresIn: 60,
});

describe('ApiClient onExchange', () => {
  afterEach(() => sinon.restore());

  it('records the request as sent and the response as received', async () => {
    const api = fakeFetch({
      'POST /oauth/token': {
        body: { access_token: NEW_TOKEN, expires_in: 60 },
        headers: { 'X-Request-Id': 'abc' },
      },
    });
    const exchange = await recorded((c, onExchange) => c.send(login, { onExchange }));
    expect(exchange.url).to.equal(`${BASE}/oauth/token`);
    expect(exchange.request.method).to.equal('POST');
    expect(exchange.init.body).to.equal(api.calls[0]!.body);
    const headers = exchange.init.headers as Record<string, string>;
    expect(headers['Content-Type']).to.equal('application/x-www-form-urlencoded');
    expect(exchange.response?.status).to.equal(200);
    expect(JSON.parse(exchange.text!)).to.deep.equal({ access_token: NEW_TOKEN, expires_in: 60 });
    expect(exchange.response?.headers.get('X-Request-Id')).to.equal('abc');
    expect(exchange.durationMs).to.be.at.least(0);
  });

  it('records a refused call before it rejects, and a call that got no answer with why', async () => {
    fakeFetch({
      'GET /v1/user': { status: 401, body: { error: 'invalid_token' } },
      'GET /v1/orgs': 'network-error',
    });
    const refused = await recorded((c, onExchange) =>
      c.send({ method: 'GET', path: '/v1/user', auth: 'session' }, { onExchange }),
    );
    expect(refused.response?.status).to.equal(401);
    expect((refused.init.headers as Record<string, string>).Authorization).to.equal(
      `Bearer ${SESSION_TOKEN}`,
    );
    const offline = await recorded((c, onExchange) =>
      c.send({ method: 'GET', path: '/v1/orgs', auth: 'session' }, { onExchange }),
    );
    expect(offline.response).to.equal(undefined);
    expect(offline.failure).to.match(/connect|network|offline/i);
  });
});

function exchangeOf(overrides: Partial<Exchange>): Exchange {
  return {
    request: { method: 'GET', path: '/v1/user', auth: 'session' },
    url: `${BASE}/v1/user`,
    init: {
      method: 'GET',
      headers: { Accept: 'application/json', Authorization: `Bearer ${SESSION_TOKEN}` },
    },
    durationMs: 12.4,
    response: new Response('{}', {
      status: 200,
      statusText: 'OK',
      headers: { 'content-type': 'application/json' },
    }),
    text: '{}',
    ...overrides,
  };
}

describe('showExchange', () => {
  it('masks the bearer token, the password and the code unless revealed', () => {
    const form = new URLSearchParams({ ...login.form, otp: '123456' }).toString();
    const exchange = exchangeOf({
      request: login,
      url: `${BASE}/oauth/token`,
      init: {
        method: 'POST',
        headers: {
          Authorization: `Bearer ${SESSION_TOKEN}`,
          'Content-Type': 'application/x-www-form-urlencoded',
        },
        body: form,
      },
    });
    const hidden = showExchange(exchange, false);
    expect(hidden.requestLine).to.equal(`POST ${BASE}/oauth/token`);
    expect(hidden.requestHeaders).to.deep.include(['Authorization', `Bearer ${MASK}`]);
    expect(hidden.requestBody).to.equal(
      `grant_type=password&username=me%40example.com&password=${MASK}&expires_in=60&otp=${MASK}`,
    );
    expect(hidden.curl).to.include('$PARTICLE_PASSWORD').and.not.include('hunter2');
    const shown = showExchange(exchange, true);
    expect(shown.requestHeaders).to.deep.include(['Authorization', `Bearer ${SESSION_TOKEN}`]);
    expect(shown.requestBody).to.equal(form);
    expect(shown.curl).to.include('hunter2-secret');
  });

  it('gives the status line, the duration in ms and the size in bytes', () => {
    const shown = showExchange(exchangeOf({}), false);
    expect(shown.statusLine).to.equal('200 OK');
    expect(shown.durationMs).to.equal(12);
    expect(shown.size).to.equal(2);
    const euro = showExchange(
      exchangeOf({ response: new Response('"€"', { status: 200 }), text: '"€"' }),
      false,
    );
    expect(euro.size).to.equal(5); // UTF-8 bytes, not characters
    expect(euro.statusLine).to.equal('200');
  });
});

const text = (body: string, reveal = false, secrets: string[] = []) =>
  jsonTokens(body, { reveal, secrets })
    ?.map((t) => t.text)
    .join('');

describe('jsonTokens', () => {
  it('pretty-prints with two spaces and keeps numbers and escapes as sent', () => {
    expect(text('{"a":[1,2.50,{}],"b":{"c":null,"d":"x\\u0041"},"e":[]}')).to.equal(
      '{\n  "a": [\n    1,\n    2.50,\n    {}\n  ],\n  "b": {\n    "c": null,\n    "d": "x\\u0041"\n  },\n  "e": []\n}',
    );
  });

  it('classifies keys, strings, numbers and literals', () => {
    const kinds = jsonTokens('{"k":"v","n":-1e3,"t":true}', { reveal: false, secrets: [] })!
      .filter((t) => t.kind !== 'space' && t.kind !== 'punctuation')
      .map((t) => `${t.kind}:${t.text}`);
    expect(kinds).to.deep.equal([
      'key:"k"',
      'string:"v"',
      'key:"n"',
      'number:-1e3',
      'key:"t"',
      'literal:true',
    ]);
  });

  it('masks tokens under secret keys, at any depth, and known secrets anywhere', () => {
    const body = JSON.stringify({
      access_token: NEW_TOKEN,
      created: { tokens: [{ token: 'api-user-token-1234' }] },
      note: `echo ${SESSION_TOKEN}`,
    });
    const hidden = text(body, false, [SESSION_TOKEN])!;
    expect(hidden)
      .to.not.include(NEW_TOKEN)
      .and.not.include('api-user-token-1234')
      .and.not.include(SESSION_TOKEN);
    expect(hidden).to.include(`"access_token": "${MASK}"`).and.include(`"note": "echo ${MASK}"`);
    expect(text(body, true)).to.include(NEW_TOKEN).and.include('api-user-token-1234');
  });

  it('is null for a body that is not JSON', () => {
    expect(jsonTokens('<html>Bad gateway</html>', { reveal: false, secrets: [] })).to.equal(null);
    expect(jsonTokens('', { reveal: false, secrets: [] })).to.equal(null);
  });
});
