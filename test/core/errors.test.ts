import { expect } from '@open-wc/testing';
import {
  ApiError,
  type ApiErrorKind,
  errorFromResponse,
  parseRetryAfter,
  toApiError,
} from '../../widgets/api-helper/errors.js';
import type { ApiRequest } from '../../widgets/api-helper/types.js';

const passwordGrant: ApiRequest = {
  method: 'POST',
  path: '/oauth/token',
  form: { grant_type: 'password' },
  auth: 'client',
};
const mfaGrant: ApiRequest = {
  method: 'POST',
  path: '/oauth/token',
  form: { grant_type: 'urn:custom:mfa-otp' },
  auth: 'client',
};
const teamCall: ApiRequest = {
  method: 'POST',
  path: '/v1/products/1/team',
  json: {},
  auth: 'session',
};

const oauth = (error: string, description: string) => ({ error, error_description: description });

/** Every error row of particle-api.md that the widgets can meet, and the kind it must map to. */
const rows: [string, ApiRequest, number, unknown, ApiErrorKind][] = [
  [
    '§2.1 wrong email or password',
    passwordGrant,
    400,
    oauth('invalid_grant', 'User credentials are invalid'),
    'credentials',
  ],
  [
    '§2.1 missing username/password',
    passwordGrant,
    400,
    oauth('invalid_client', 'Missing parameters. "username" and "password" are required'),
    'validation',
  ],
  [
    '§2.1 not form-encoded',
    passwordGrant,
    400,
    oauth('invalid_request', 'Method must be POST with application/x-www-form-urlencoded encoding'),
    'validation',
  ],
  ['§2.1 SSO-only account', passwordGrant, 403, oauth('sso_user', 'Log in with SSO'), 'forbidden'],
  [
    '§2.2 MFA required',
    passwordGrant,
    403,
    { mfa_token: 'm', ...oauth('mfa_required', 'Multi-factor authentication required') },
    'mfa-required',
  ],
  [
    '§2.1 too many attempts',
    passwordGrant,
    429,
    oauth('rate_limit_exceeded', 'Rate limit exceeded.'),
    'rate-limit',
  ],
  ['§2.1 backend failure', passwordGrant, 503, oauth('server_error', 'server_error'), 'server'],
  [
    '§2.2 wrong one-time code',
    mfaGrant,
    401,
    oauth('invalid_token', 'Could not validate OTP.'),
    'otp-invalid',
  ],
  ['§2.2 expired MFA step', mfaGrant, 400, oauth('invalid_grant', 'OTP expired'), 'mfa-expired'],
  [
    '§2.2 missing otp',
    mfaGrant,
    400,
    oauth('invalid_request', 'You must provide otp and mfa token.'),
    'validation',
  ],
  [
    '§1.2 expired token',
    teamCall,
    401,
    oauth('invalid_token', 'The access token provided has expired.'),
    'session',
  ],
  [
    '§1.2 revoked token',
    teamCall,
    401,
    oauth('invalid_token', 'The access token provided is invalid.'),
    'session',
  ],
  [
    '§1.2 no token',
    teamCall,
    400,
    oauth('invalid_request', 'The access token was not found'),
    'validation',
  ],
  ['§1.3 not a member', teamCall, 403, { ok: false, error: 'Not a member' }, 'forbidden'],
  [
    '§5.6 API users not allowed',
    teamCall,
    400,
    oauth('unauthorized', 'API users are not allowed to call this endpoint'),
    'forbidden',
  ],
  ['§5.6 missing scope', teamCall, 400, oauth('invalid_scope', 'Insufficient scope'), 'forbidden'],
  ['§1.3 unknown product', teamCall, 404, { ok: false, error: 'Product not found' }, 'not-found'],
  ['§5.2 bad scope', teamCall, 400, { ok: false, error: 'Unknown scope: x' }, 'validation'],
  ['§7 rate limit', teamCall, 429, { ok: false, error: 'Too many requests' }, 'rate-limit'],
  ['5xx', teamCall, 500, { ok: false, error: 'boom' }, 'server'],
  ['5xx without a JSON body', teamCall, 504, undefined, 'server'],
];

describe('errorFromResponse', () => {
  for (const [name, req, status, body, kind] of rows) {
    it(`${name} (${status}) → ${kind}`, () => {
      const error = errorFromResponse(req, status, body, new Headers());
      expect(error.kind).to.equal(kind);
      expect(error.status).to.equal(status);
      expect(error.message).to.match(/\.$/);
    });
  }

  it('keeps the OAuth error and description', () => {
    const error = errorFromResponse(
      passwordGrant,
      400,
      oauth('invalid_grant', 'User credentials are invalid'),
      new Headers(),
    );
    expect(error.error).to.equal('invalid_grant');
    expect(error.errorDescription).to.equal('User credentials are invalid');
    expect(error.message).to.equal('The email or password is incorrect. Check both and try again.');
  });

  it('reads the app-layer text of {ok:false,error} as the description and quotes it', () => {
    const error = errorFromResponse(
      teamCall,
      404,
      { ok: false, error: 'Product not found' },
      new Headers(),
    );
    expect(error.errorDescription).to.equal('Product not found');
    expect(error.message).to.include('"Product not found"');
  });

  it('carries the mfa_token of an MFA challenge', () => {
    const error = errorFromResponse(
      passwordGrant,
      403,
      { mfa_token: 'jwt.x.y', error: 'mfa_required' },
      new Headers(),
    );
    expect(error.mfaToken).to.equal('jwt.x.y');
  });

  it('says how long to wait on a 429 with Retry-After', () => {
    const error = errorFromResponse(teamCall, 429, {}, new Headers({ 'Retry-After': '42' }));
    expect(error.retryAfter).to.equal(42);
    expect(error.message).to.equal('Too many requests. Wait 42 seconds and try again.');
    const once = errorFromResponse(teamCall, 429, {}, new Headers({ 'Retry-After': '1' }));
    expect(once.message).to.equal('Too many requests. Wait 1 second and try again.');
    const unknown = errorFromResponse(teamCall, 429, {}, new Headers());
    expect(unknown.retryAfter).to.equal(undefined);
    expect(unknown.message).to.equal('Too many requests. Wait a few minutes and try again.');
  });

  it('words a 401 on a pasted token as a bad token, not an expired session', () => {
    const pasted: ApiRequest = { method: 'GET', path: '/v1/user', auth: { token: 'x' } };
    const error = errorFromResponse(pasted, 401, { error: 'invalid_token' }, new Headers());
    expect(error.kind).to.equal('session');
    expect(error.message).to.match(/^That access token is invalid/);
  });

  it('tells an SSO-only account to sign in with SSO, not to ask an administrator', () => {
    const error = errorFromResponse(
      passwordGrant,
      403,
      oauth('sso_user', 'Log in with SSO'),
      new Headers(),
    );
    expect(error.kind).to.equal('forbidden');
    expect(error.message).to.match(/single sign-on \(SSO\)/);
    expect(error.message).not.to.contain('administrator');
  });

  it('ignores bodies that are not objects', () => {
    const error = errorFromResponse(teamCall, 400, ['weird'], new Headers());
    expect(error.kind).to.equal('validation');
    expect(error.error).to.equal(undefined);
  });
});

describe('parseRetryAfter', () => {
  it('reads seconds and HTTP dates', () => {
    const now = Date.parse('2026-01-01T00:00:00Z');
    expect(parseRetryAfter('30', now)).to.equal(30);
    expect(parseRetryAfter('Thu, 01 Jan 2026 00:01:00 GMT', now)).to.equal(60);
    expect(parseRetryAfter('soon', now)).to.equal(undefined);
    expect(parseRetryAfter(null, now)).to.equal(undefined);
  });
});

describe('ApiError', () => {
  it('has an actionable sentence for every kind', () => {
    const kinds: ApiErrorKind[] = [
      'credentials',
      'mfa-required',
      'otp-invalid',
      'mfa-expired',
      'session',
      'forbidden',
      'not-found',
      'validation',
      'rate-limit',
      'server',
      'network',
      'timeout',
      'aborted',
    ];
    const messages = kinds.map((kind) => new ApiError({ kind }).message);
    expect(new Set(messages).size).to.equal(kinds.length);
    for (const message of messages) expect(message).to.match(/^[A-Z].+\.$/);
    expect(new ApiError({ kind: 'network' }).message).to.include('CORS');
    expect(new ApiError({ kind: 'session' }).message).to.include('Log in again');
  });

  it('is an Error with name ApiError', () => {
    const error = new ApiError({ kind: 'timeout' });
    expect(error).to.be.instanceOf(Error);
    expect(error.name).to.equal('ApiError');
    expect(error.status).to.equal(0);
  });
});

describe('toApiError', () => {
  it('passes an ApiError through unchanged', () => {
    const error = new ApiError({ kind: 'rate-limit', status: 429 });
    expect(toApiError(error)).to.equal(error);
  });

  it("turns any other failure into a sentence of ours, not the bug's message", () => {
    const bug = new TypeError("Cannot read properties of undefined (reading 'id')");
    const error = toApiError(bug);
    expect(error).to.be.instanceOf(ApiError);
    expect(error.message).to.equal('Something went wrong on this page. Try again.');
    expect(error.message).not.to.contain('undefined');
    expect(error.cause).to.equal(bug);
  });
});
