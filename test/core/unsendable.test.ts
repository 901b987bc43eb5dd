/**
 * Requests `fetch` cannot send or a server cannot take, and replies that say nothing: each
 * gets a true sentence from the core instead of "could not reach the API (CORS)", "Something
 * went wrong on this page" or an empty list (defects D1–D4 of issue 10).
 */
import { expect } from '@open-wc/testing';
import sinon from 'sinon';
import {
  deleteApiUser,
  deleteApiUserRequest,
  listTeam,
  updateApiUser,
} from '../../widgets/api-helper/api-users.js';
import { ApiClient, MAX_URL_LENGTH } from '../../widgets/api-helper/client.js';
import { SessionStore } from '../../widgets/api-helper/session-store.js';
import { checkToken } from '../../widgets/api-helper/tokens.js';
import type { Target } from '../../widgets/api-helper/types.js';
import { apiFailure } from '../helpers/api-error.js';
import { fakeFetch } from '../helpers/fake-fetch.js';
import { fakeToken, resetSessions } from '../helpers/session.js';

const BASE = 'https://unsendable.api.test';
const PRODUCT: Target = { kind: 'product', id: '10001' };

function loggedIn(): ApiClient {
  const session = new SessionStore(BASE, { memoryOnly: true });
  session.set({
    username: 'demo@example.com',
    token: fakeToken('c'),
    expiresAt: Date.now() + 3_600_000,
    persistence: 'memory',
  });
  return new ApiClient({ baseUrl: BASE, session, timeoutMs: 1000 });
}

describe('requests that cannot be sent', () => {
  afterEach(() => {
    sinon.restore();
    resetSessions();
  });

  it('D1: a username too long for any request address is refused with that reason, unsent', async () => {
    const api = fakeFetch({});
    const username = `${'x'.repeat(18 * 1024)}+a@api.particle.io`;
    for (const call of [
      deleteApiUser(loggedIn(), PRODUCT, username),
      updateApiUser(loggedIn(), PRODUCT, username, { scopes: ['devices:list'] }),
    ]) {
      const error = await apiFailure(call);
      expect(error.kind).to.equal('validation');
      expect(error.message).to.match(/request address would be 18,\d{3} characters/);
      expect(error.message).to.include(
        `need only accept ${MAX_URL_LENGTH.toLocaleString('en-US')}`,
      );
      expect(error.message).not.to.match(/CORS|connection/);
    }
    expect(api.calls).to.have.length(0);
    // A long name that still fits is sent as usual.
    await deleteApiUser(loggedIn(), PRODUCT, `${'x'.repeat(7000)}+a@api.particle.io`).catch(
      () => {},
    );
    expect(api.calls).to.have.length(1);
  });

  it('D2: a username with a lone surrogate is refused with a sentence, not a page error', async () => {
    const api = fakeFetch({});
    const username = '\ud800x+a@api.particle.io';
    // Building the request (for a command snippet, while rendering) must not throw either.
    expect(deleteApiUserRequest(PRODUCT, username).path).to.include(username);
    for (const call of [
      deleteApiUser(loggedIn(), PRODUCT, username),
      updateApiUser(loggedIn(), PRODUCT, username, { scopes: [] }),
    ]) {
      const error = await apiFailure(call);
      expect(error.kind).to.equal('validation');
      expect(error.message).to.include('unpaired UTF-16 surrogate');
      expect(error.message).not.to.include('Something went wrong');
    }
    expect(api.calls).to.have.length(0);
    // A well-formed pair (an emoji) is fine.
    await deleteApiUser(loggedIn(), PRODUCT, '\ud83d\ude00+a@api.particle.io').catch(() => {});
    expect(api.calls[0]?.path).to.include('%F0%9F%98%80');
  });

  it('D3: a pasted token with characters a header cannot carry is "invalid", unsent', async () => {
    const api = fakeFetch({});
    for (const token of ['tökén', 'abc def', 'a\u2028b', '€'.repeat(40)]) {
      const error = await apiFailure(checkToken(loggedIn(), token));
      expect(error.kind, token).to.equal('session');
      expect(error.message).to.match(/^That access token is invalid/);
      expect(error.message).not.to.match(/reach|CORS/);
    }
    expect(api.calls).to.have.length(0);
  });
});

describe('replies that say nothing', () => {
  afterEach(() => {
    sinon.restore();
    resetSessions();
  });

  it('D4: a 200 with an empty body is an unreadable reply, not an empty team', async () => {
    for (const raw of ['', '  \n', '{"ok":true}', '{"team":null}']) {
      fakeFetch({ 'GET /v1/products/:product/team': { raw } });
      const error = await apiFailure(listTeam(loggedIn(), PRODUCT));
      expect(error.kind, JSON.stringify(raw)).to.equal('server');
      expect(error.message).to.equal(
        'The Particle API sent a reply that could not be read. Try again in a moment.',
      );
      sinon.restore();
    }
  });

  it('still reads a 204 without a body as success', async () => {
    fakeFetch({ 'DELETE /v1/products/:product/team/:user': { status: 204 } });
    await deleteApiUser(loggedIn(), PRODUCT, 'bot+a@api.particle.io');
  });
});
