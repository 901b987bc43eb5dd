/**
 * One error type for every way an API call can fail, with a `kind` the elements
 * switch on and a `message` a reader can act on. The mapping from status and
 * body to kind follows particle-api.md §1.2, §1.3, §2.1, §2.2 and §7.
 */
import type { ApiRequest } from './types.js';

export type ApiErrorKind =
  | 'credentials'
  | 'mfa-required'
  | 'otp-invalid'
  | 'mfa-expired'
  | 'session'
  | 'forbidden'
  | 'not-found'
  | 'validation'
  | 'rate-limit'
  | 'server'
  | 'network'
  | 'timeout'
  | 'aborted';

export interface ApiErrorInit {
  kind: ApiErrorKind;
  /** HTTP status; 0 when no response arrived (network, timeout, aborted). */
  status?: number;
  error?: string;
  errorDescription?: string;
  retryAfter?: number;
  /** The challenge token of a 403 `mfa_required` (§2.2). */
  mfaToken?: string;
  /** Overrides the default sentence for the kind. */
  message?: string;
  cause?: unknown;
}

export class ApiError extends Error {
  override name = 'ApiError';
  readonly kind: ApiErrorKind;
  readonly status: number;
  /** The body's `error` code (`invalid_grant`) or app-layer text (`{ok:false,error}`). */
  readonly error?: string;
  /** The body's `error_description`, or the app-layer `error` text. */
  readonly errorDescription?: string;
  /** Seconds to wait before trying again (from `Retry-After`), for `rate-limit`. */
  readonly retryAfter?: number;
  /** For `mfa-required`: the token to send with the one-time code. */
  readonly mfaToken?: string;

  constructor(init: ApiErrorInit) {
    super(init.message ?? sentenceFor(init), { cause: init.cause });
    this.kind = init.kind;
    this.status = init.status ?? 0;
    this.error = init.error;
    this.errorDescription = init.errorDescription;
    this.retryAfter = init.retryAfter;
    this.mfaToken = init.mfaToken;
  }
}

/** The default sentence per kind: what happened and what the reader can do. */
function sentenceFor({ kind, status, errorDescription, retryAfter }: ApiErrorInit): string {
  const detail = errorDescription ? ` The API said: "${errorDescription}".` : '';
  switch (kind) {
    case 'credentials':
      return 'The email or password is incorrect. Check both and try again.';
    case 'mfa-required':
      return 'This account uses two-step verification. Enter the 6-digit code from your authenticator app.';
    case 'otp-invalid':
      return 'That one-time code is not valid. Enter the current 6-digit code from your authenticator app.';
    case 'mfa-expired':
      return 'The two-step login has expired. Log in again with your email and password.';
    case 'session':
      return 'Your session has expired or the access token was revoked. Log in again.';
    case 'forbidden':
      return `This account is not allowed to do that. Ask an administrator for access, or log in as a member with the right role.${detail}`;
    case 'not-found':
      return `The API could not find that. Check the product or organization ID or slug.${detail}`;
    case 'validation':
      return `The API rejected the request. Correct the input and try again.${detail}`;
    case 'rate-limit':
      return retryAfter
        ? `Too many requests. Wait ${retryAfter} second${retryAfter === 1 ? '' : 's'} and try again.`
        : 'Too many requests. Wait a few minutes and try again.';
    case 'server':
      return `The Particle API had a problem${status ? ` (HTTP ${status})` : ''}. Try again in a moment.`;
    case 'network':
      return 'Could not reach the Particle API. Check your connection; if you are online, the API may not allow requests from this site (CORS).';
    case 'timeout':
      return 'The Particle API did not answer in time. Try again.';
    case 'aborted':
      return 'The request was cancelled.';
  }
}

/** Reads `Retry-After` (seconds or an HTTP date) as whole seconds to wait. */
export function parseRetryAfter(value: string | null, now = Date.now()): number | undefined {
  if (!value) return undefined;
  if (/^\s*\d+\s*$/.test(value)) return Number(value);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, Math.ceil((date - now) / 1000));
}

/** The `error` / `error_description` pair of either body family (§1.3), if the body has one. */
function readBody(body: unknown): { error?: string; errorDescription?: string } {
  if (typeof body !== 'object' || body === null) return {};
  const { error, error_description: description, ok } = body as Record<string, unknown>;
  const text = (v: unknown) => (typeof v === 'string' && v ? v : undefined);
  return {
    error: text(error),
    // The app layer puts its human text in `error` (`{"ok":false,"error":"Token not found"}`).
    errorDescription: text(description) ?? (ok === false ? text(error) : undefined),
  };
}

function kindFor(req: ApiRequest, status: number, error: string | undefined): ApiErrorKind {
  const grant = req.path === '/oauth/token' ? req.form?.grant_type : undefined;
  if (status === 400 && error === 'invalid_grant') {
    if (grant === 'password') return 'credentials';
    if (grant === 'urn:custom:mfa-otp') return 'mfa-expired';
  }
  if (status === 401) {
    if (grant === 'urn:custom:mfa-otp') return 'otp-invalid';
    // A login form has no session to expire: a 401 there refuses the credentials (S10 answered
    // a bad password with 401, §2.7).
    if (grant === 'password') return 'credentials';
    return 'session';
  }
  if (status === 403) return error === 'mfa_required' ? 'mfa-required' : 'forbidden';
  // API users calling outside their scopes get a 400 (§5.6): that is "not allowed", not bad input.
  if (status === 400 && (error === 'unauthorized' || error === 'invalid_scope')) return 'forbidden';
  if (status === 404) return 'not-found';
  if (status === 429) return 'rate-limit';
  if (status >= 500) return 'server';
  return status >= 400 && status < 500 ? 'validation' : 'server';
}

/** The ApiError for a non-2xx response; `body` is the parsed JSON, or undefined if it was not JSON. */
export function errorFromResponse(
  req: ApiRequest,
  status: number,
  body: unknown,
  headers: Headers,
): ApiError {
  const { error, errorDescription } = readBody(body);
  const kind = kindFor(req, status, error);
  const retryAfter =
    kind === 'rate-limit' ? parseRetryAfter(headers.get('Retry-After')) : undefined;
  const mfaToken = (body as { mfa_token?: unknown } | undefined)?.mfa_token;
  // A token the reader pasted is not "your session": say what is wrong with it instead.
  const pasted = kind === 'session' && typeof req.auth === 'object';
  // "Ask an administrator" would send an SSO-only reader (§2.1 `sso_user`) the wrong way.
  const sso = kind === 'forbidden' && error === 'sso_user';
  return new ApiError({
    kind,
    status,
    error,
    errorDescription,
    retryAfter,
    mfaToken: kind === 'mfa-required' && typeof mfaToken === 'string' ? mfaToken : undefined,
    message: pasted
      ? 'That access token is invalid, revoked or expired. Check it, or log in with your email and password.'
      : sso
        ? 'This account signs in with single sign-on (SSO), which a password login cannot do. Sign in with SSO in the Particle console or CLI, and use an access token from there.'
        : undefined,
  });
}

/** A 2xx reply whose body is not what the call needs (empty, not JSON, missing its field). */
export function unreadableReply(status: number): ApiError {
  return new ApiError({
    kind: 'server',
    status,
    message: 'The Particle API sent a reply that could not be read. Try again in a moment.',
  });
}

/** Any failure as an ApiError, so views only ever show the core's sentences, never a bug's. */
export function toApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  return new ApiError({
    kind: 'server',
    message: 'Something went wrong on this page. Try again.',
    cause: error,
  });
}
