import { expect } from '@open-wc/testing';
import { startSession } from '../../widgets/api-helper/auth.js';
import type { ApiClient } from '../../widgets/api-helper/client.js';
import { ApiError } from '../../widgets/api-helper/errors.js';
import { checkToken } from '../../widgets/api-helper/tokens.js';
import { fakeFetch } from '../helpers/fake-fetch.js';
import { memoryClientPerTest } from '../helpers/memory-client.js';
import { fakeToken } from '../helpers/session.js';

const BASE = 'https://tokens.example.test';
const TOKEN = fakeToken('d');

let api: ApiClient;
memoryClientPerTest(BASE, (fresh) => {
  api = fresh;
});

/** The ApiError a call rejects with; fails the test if it resolves. */
async function refusal(call: Promise<unknown>): Promise<ApiError> {
  const outcome = await call.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(outcome).to.be.instanceOf(ApiError);
  return outcome as ApiError;
}

describe('checkToken', () => {
  const info = (expiresAt: string | null) => ({
    expires_at: expiresAt,
    client: 'particle',
    scopes: [],
    orgs: [],
  });

  it('reads the user, then the token info, both with the pasted token as Bearer', async () => {
    const fake = fakeFetch({
      'GET /v1/user': { body: { username: 'demo@example.com' } },
      'GET /v1/access_tokens/current': { body: info('2030-01-02T03:04:05.000Z') },
    });
    const checked = await checkToken(api, TOKEN);
    expect(checked.user.username).to.equal('demo@example.com');
    expect(checked.expiresAt).to.equal(Date.UTC(2030, 0, 2, 3, 4, 5));
    expect(fake.calls.map((c) => `${c.method} ${c.url}`)).to.deep.equal([
      `GET ${BASE}/v1/user`,
      `GET ${BASE}/v1/access_tokens/current`,
    ]);
    for (const call of fake.calls) {
      expect(call.headers.get('Authorization')).to.equal(`Bearer ${TOKEN}`);
      expect(call.url).not.to.contain(TOKEN);
    }
  });

  it('reads expires_at null as a token that never expires', async () => {
    fakeFetch({
      'GET /v1/user': { body: { username: 'demo@example.com' } },
      'GET /v1/access_tokens/current': { body: info(null) },
    });
    expect((await checkToken(api, TOKEN)).expiresAt).to.equal(null);
  });

  it('refuses an invalid token with a sentence about it, and leaves the session alone', async () => {
    const session = startSession(
      api,
      { accessToken: fakeToken('s'), expiresIn: 0, expiresAt: null },
      'demo@example.com',
    );
    const fake = fakeFetch({
      'GET /v1/user': {
        status: 401,
        body: {
          error: 'invalid_token',
          error_description: 'The access token provided is invalid.',
        },
      },
    });
    const error = await refusal(checkToken(api, TOKEN));
    expect(error).to.be.instanceOf(ApiError);
    expect(error.kind).to.equal('session');
    expect(error.message).to.contain('That access token is invalid');
    expect(fake.calls).to.have.length(1);
    expect(api.session.value).to.deep.equal(session);
  });

  it('says an API user’s token cannot log in (400 unauthorized on /v1/user)', async () => {
    fakeFetch({
      'GET /v1/user': {
        status: 400,
        body: {
          error: 'unauthorized',
          error_description: 'API users are not allowed to call this endpoint',
        },
      },
    });
    const error = await refusal(checkToken(api, TOKEN));
    expect(error.kind).to.equal('forbidden');
    expect(error.status).to.equal(400);
    expect(error.message).to.contain("API user's token");
  });

  it('calls an unreadable expiry a server problem', async () => {
    fakeFetch({
      'GET /v1/user': { body: { username: 'demo@example.com' } },
      'GET /v1/access_tokens/current': { body: info('soon') },
    });
    const error = await refusal(checkToken(api, TOKEN));
    expect(error.kind).to.equal('server');
  });
});
